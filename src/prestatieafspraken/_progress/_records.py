"""The records of a progress report: per target, per commitment and rolled up, with the thresholds that judged them.

Each record shows its status and how it was reached (R and its parts, the figures used), so that the status can
be explained in the conversation the handbook asks for.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from typing import Literal

import attrs
import pendulum

from prestatieafspraken.errors import ConfigError
from prestatieafspraken.figures import YearFigure
from prestatieafspraken.model import (
    Aggregation,
    Assessment,
    Commitment,
    Direction,
    Number,
    Outcome,
    ProgressStatus,
    Realisation,
    Target,
)

__all__ = [
    "CommitmentProgress",
    "FiguresFrom",
    "FlowTotals",
    "ProgressReport",
    "RollUp",
    "TargetProgress",
    "Thresholds",
]

#: Where a target record's figures came from: realisations naming the target, its indicator's, or both (per year).
FiguresFrom = Literal["target", "indicator", "both"]


def _positive(_instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not (math.isfinite(value) and value >= 0):
        raise ConfigError.of("config_threshold", name=attribute.name, got=value)


@attrs.frozen(kw_only=True)
class Thresholds:
    """The progress ratios that separate on track, needs acceleration and off track (DESIGN §5; configurable).

    The PA307 rule reads them from the parameters ``on_track_threshold`` and ``needs_acceleration_threshold``.

    Raises:
        ConfigError: A threshold is negative or not finite, or the acceleration threshold is above the on-track one.
    """

    on_track: float = attrs.field(default=0.95, validator=_positive)
    needs_acceleration: float = attrs.field(default=0.6, validator=_positive)

    def __attrs_post_init__(self) -> None:
        if self.needs_acceleration > self.on_track:
            raise ConfigError.of(
                "config_thresholds_order", needs_acceleration=self.needs_acceleration, on_track=self.on_track
            )

    def classify(self, ratio: float) -> ProgressStatus:
        """The status of a progress ratio R: on track, needs acceleration, off track or deteriorating."""
        if ratio >= self.on_track:
            return ProgressStatus.ON_TRACK
        if ratio >= self.needs_acceleration:
            return ProgressStatus.NEEDS_ACCELERATION
        if ratio >= 0:
            return ProgressStatus.OFF_TRACK
        return ProgressStatus.DETERIORATING


@attrs.frozen(kw_only=True)
class TargetProgress:
    """Where a target (or one part of its breakdown) stands, with R and its parts so the status can be explained."""

    target: Target
    path: str
    """The target's ``$.path`` in the file (a part: the breakdown entry's)."""
    area: str | None
    """The area this record measures: the target's, or the area of a breakdown part."""
    party: str | None
    """The party of a breakdown part that names a party."""
    value: Number
    """The target's value (a part: its share of the breakdown)."""
    first_year: int
    """``from``, else the perspective's start."""
    by: int
    aggregation: Aggregation | None
    """The indicator's aggregation; ``None`` when the indicator is unknown."""
    direction: Direction
    status: ProgressStatus
    ratio: float | None
    """R = (realised − start) / (expected − start), in the indicator's direction; ``None`` where undefined."""
    start: Number | None
    """The starting point at the end of ``from − 1``."""
    expected: Number | None
    """The expected value at the end of the year compared."""
    realised: Number | None
    """The realised value at the end of the year compared (a flow: the total from ``from`` to that year)."""
    reach: Number | None
    """The value to reach at the end of ``by`` (a stock or cumulative indicator: start + value)."""
    year: int | None
    """The year compared: the latest year from ``from`` to ``by`` with a counted figure."""
    figures: tuple[Realisation, ...]
    """The counted figures used: of the start, and of the years compared."""
    figures_from: FiguresFrom | None
    """Where the figures used came from: the target's own, its indicator's, or both (in different years)."""
    pending: tuple[Realisation, ...]
    """Draft and submitted figures known by the as-of date: shown, never counted."""
    assessments: tuple[Assessment, ...] = ()
    """Manual assessments up to the as-of date, oldest first."""
    parts: tuple[TargetProgress, ...] = ()
    """One record per breakdown entry."""
    note: str | None = None
    """Why there is no ratio or no data, where that needs saying."""
    series: Mapping[int, YearFigure] = attrs.field(factory=dict, hash=False)
    """The realised value per year from ``from − 1`` to ``by``, each with where its figures came from."""

    @property
    def id(self) -> str:
        """The target's id."""
        return self.target.id

    @property
    def assessment(self) -> Assessment | None:
        """The latest manual assessment, shown next to the computed `status`."""
        return self.assessments[-1] if self.assessments else None


@attrs.frozen(kw_only=True)
class CommitmentProgress:
    """Where a commitment stands: by its value (start 0, expected its value) or by its outcome, once due."""

    commitment: Commitment
    path: str
    aggregation: Aggregation
    direction: Direction
    status: ProgressStatus
    ratio: float | None
    """R = realised / value, in the indicator's direction; ``None`` where undefined."""
    start: Number
    expected: Number | None
    """The commitment's value."""
    realised: Number | None
    year: int | None
    """The latest year with a counted figure."""
    judged_from: pendulum.Date
    """Its due date, else 31 December of its year, else of the perspective's last year."""
    figures: tuple[Realisation, ...]
    pending: tuple[Realisation, ...]
    assessments: tuple[Assessment, ...] = ()
    note: str | None = None
    outcome_figure: Realisation | None = None
    """The latest approved figure with an outcome (how the commitment was kept), known by the as-of date."""

    @property
    def id(self) -> str:
        """The commitment's id."""
        return self.commitment.id

    @property
    def assessment(self) -> Assessment | None:
        """The latest manual assessment, shown next to the computed `status`."""
        return self.assessments[-1] if self.assessments else None

    @property
    def by_outcome(self) -> bool:
        """Whether the status comes from the outcome: the commitment lacks a value or an indicator to measure."""
        return self.commitment.value is None or self.commitment.indicator is None

    @property
    def outcome(self) -> Outcome | None:
        """How the commitment was kept, by its latest approved outcome; ``None`` without one."""
        return self.outcome_figure.outcome if self.outcome_figure is not None else None

    @property
    def explanation(self) -> str | None:
        """The explanation given with the latest approved outcome."""
        return self.outcome_figure.explanation if self.outcome_figure is not None else None


@attrs.frozen(kw_only=True)
class FlowTotals:
    """Summed quantities of the commitments with one flow indicator."""

    indicator: str
    committed: Number = 0
    """The values of all commitments with this indicator."""
    due: Number = 0
    """The values of those due by the as-of date."""
    realised: Number = 0
    """The counted figures of those commitments."""


def _zero_counts() -> dict[ProgressStatus, int]:
    return dict.fromkeys(ProgressStatus, 0)


@attrs.frozen(kw_only=True)
class RollUp:
    """Counts per status, and summed flow quantities, for one theme, party or area."""

    key: str | None
    """The theme, party or area id (``None``: records without one)."""
    targets: Mapping[ProgressStatus, int] = attrs.field(factory=_zero_counts, hash=False)
    """Target records (whole targets and breakdown parts) per status; every status is present."""
    commitments: Mapping[ProgressStatus, int] = attrs.field(factory=_zero_counts, hash=False)
    """Commitment records per status; every status is present."""
    flows: Mapping[str, FlowTotals] = attrs.field(factory=dict, hash=False)
    """Per flow indicator id, the commitments' summed quantities."""


@attrs.frozen(kw_only=True, repr=False)
class ProgressReport:
    """The progress of an agreement as of a date: per target, per commitment, and rolled up."""

    agreement_id: str
    as_of: pendulum.Date
    thresholds: Thresholds
    targets: tuple[TargetProgress, ...]
    commitments: tuple[CommitmentProgress, ...]
    by_theme: Mapping[str | None, RollUp] = attrs.field(hash=False)
    by_party: Mapping[str, RollUp] = attrs.field(hash=False)
    by_area: Mapping[str | None, RollUp] = attrs.field(hash=False)

    def __repr__(self) -> str:
        def counted(records: tuple[TargetProgress, ...] | tuple[CommitmentProgress, ...], what: str) -> str:
            statuses = ", ".join(
                f"{count} {status.value}" for status, count in Counter(r.status for r in records).most_common()
            )
            return f"{len(records)} {what}" + (f" ({statuses})" if statuses else "")

        return (
            f"<ProgressReport of {self.agreement_id!r} as of {self.as_of.isoformat()}: "
            f"{counted(self.targets, 'targets')}, {counted(self.commitments, 'commitments')}>"
        )

    def _repr_html_(self) -> str:
        """The report as a notebook shows it (`prestatieafspraken.report.notebook.progress_html`)."""
        from prestatieafspraken.report.notebook import progress_html  # noqa: PLC0415 - presentation, on demand

        return progress_html(self)

    def target(self, target_id: str) -> TargetProgress | None:
        """The record of a target by id (the first, when the id is duplicated)."""
        return next((record for record in self.targets if record.id == target_id), None)

    def commitment(self, commitment_id: str) -> CommitmentProgress | None:
        """The record of a commitment by id (the first, when the id is duplicated)."""
        return next((record for record in self.commitments if record.id == commitment_id), None)
