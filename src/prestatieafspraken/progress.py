"""Progress: where each target and commitment stands against its expected path as of a date (DESIGN §5).

Handbook, "Monitoring en verantwoording": "Het verschil tussen werkende en niet-werkende afspraken wordt gemaakt in
het scherpe gesprek over de voortgang én korte lijnen met de mensen die sturing geven aan de realisatie."

`progress` reads an agreement and returns a `ProgressReport`: one record per target (with one per part of its
breakdown), one per commitment, and roll-ups per theme, party and area. Each record shows its status and how it
was reached: the progress ratio R and its parts (start, expected, realised, the year compared, the figures used),
so that the status can be explained in the conversation the handbook asks for.

The semantics, and the choices made where DESIGN §5 leaves room:

- **Which figures count.** A realisation counts when it is approved, its year is at most the as-of year and its
  ``reported_on`` (if given) is at most the as-of date (DESIGN §4, "As-of"). Draft and submitted figures that are
  known by then are shown as `pending`, never counted. Of two counted figures for the same year and place, the
  later reported one counts (else the later in the file; a figure without ``reported_on`` counts as reported
  first): a correction is a new figure.
- **A figure's meaning follows the indicator**: for a flow the year's quantity, for a stock the level at the end of
  the year, for a cumulative indicator the running total, for a ratio the share. A figure that names a target or a
  commitment is read the same way.
- **Places.** Figures may be given for the whole, per area, per party or per area and party. For each year the most
  aggregate level present is used: the whole (no area, or the subject's own area; no party, or the scope's own
  party), else the sum over areas, else the sum over parties, else the sum over both. A ratio is never summed: over
  areas it is weighted by the areas' dwellings (else population) when every area has them, else that year has no
  usable figure; over parties it is left unaggregated.
- **A target's figures**: the counted realisations that name it; failing those, the counted realisations of its
  indicator in its area (all areas when it has none), never commitment realisations as well. A stock or ratio
  target without baseline takes its starting level from the figures of ``from − 1``: those naming the target, else
  those of the indicator. A part of a breakdown uses the same figures for its area or party and has no baseline
  (the baseline is of the whole), so its start is the realised level of ``from − 1`` there.
- **Start and value to reach.** Flow: start 0, reach ``value`` (the total over ``from``..``by``). Stock: start the
  baseline value, else the realised level of ``from − 1``; reach start + ``value`` (a net change). Cumulative:
  start the baseline value, else the running total of ``from − 1``, else 0; reach ``value``. Ratio: start the
  baseline value, else the realised share of ``from − 1``; reach ``value``. A stock or ratio target without a
  starting level has no expected path: it is ``no_data`` (a ratio target is still ``achieved`` once its share is
  reached, as that needs no path).
- **The year compared** is the latest year from ``from`` to ``by`` with a counted figure; the realised value there
  (for a flow, the sum from ``from`` to that year; a year without a figure adds nothing) is compared with the
  expected value at the end of that year, on the line from the start at the end of ``from − 1`` to the value to
  reach at the end of ``by``.
- **R** = (realised − start) / (expected − start), read in the indicator's direction (for ``decrease`` both
  differences change sign). It is computed as (realised − start) × years / ((reach − start) × years elapsed), so
  whole numbers give the exact quotient and a threshold is met exactly when it is met on paper.
- **Status**, in this order: ``not_started`` before ``from`` (for a commitment: before its due date); ``no_data``
  without a counted figure in the years compared (or without a starting level); ``achieved`` when the realised
  value is at or beyond the value to reach in the indicator's direction and reaching it asks for movement in that
  direction; then by R: ``on_track`` (R ≥ on_track threshold), ``needs_acceleration`` (R ≥ acceleration
  threshold), ``off_track`` (R ≥ 0), ``deteriorating`` (R < 0). When the path asks for no movement (expected =
  start), R is undefined and the status is ``on_track`` unless the value moved against the direction
  (``deteriorating``). When the path itself runs against the direction (an allowed decline, such as "at most 500
  fewer"), R is undefined and the status is ``on_track`` while the realised value is at or beyond the expected one
  in the direction, else ``off_track``.
- **A commitment** uses only the realisations that name it, with start 0 and expected = its value; it is judged
  once its due date (else 31 December of its year, else of the perspective's last year) is on or before the as-of
  date. Without a value (an effort commitment) it is ``no_data``. Its figures aggregate as its indicator does
  (without a known indicator: as a flow, increase).
- **Manual assessments** (``monitoring.assessments``) dated on or before the as-of date are shown next to the
  computed status of their target or commitment, never instead of it.
- **Roll-ups** per theme (a commitment without a theme takes its target's), per party (the executing parties of a
  commitment; a breakdown part that names a party) and per area (a target's area, a breakdown part's area, a
  commitment's area): counts per status of targets and of commitments, and per flow indicator the summed
  committed, due and realised quantities of the commitments. A ratio, stock or cumulative quantity is never summed.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Literal

import attrs
import pendulum

from prestatieafspraken import collector
from prestatieafspraken.errors import ConfigError
from prestatieafspraken.model import (
    Aggregation,
    Agreement,
    Area,
    Assessment,
    Commitment,
    Direction,
    Indicator,
    Number,
    ProgressStatus,
    Realisation,
    RealisationStatus,
    Target,
)

__all__ = [
    "CommitmentProgress",
    "FigureIndex",
    "FlowTotals",
    "ProgressReport",
    "ProgressStatus",
    "RollUp",
    "TargetProgress",
    "Thresholds",
    "YearFigure",
    "counts_as_of",
    "progress",
    "yearly",
]

#: Where a target's figures came from: realisations that name the target, or those of its indicator.
FigureSource = Literal["target", "indicator"]

_PENDING = frozenset({RealisationStatus.DRAFT, RealisationStatus.SUBMITTED})


def _positive(_instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not (math.isfinite(value) and value >= 0):
        raise ConfigError(f"the {attribute.name} threshold must be a finite number of at least 0, not {value!r}")


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
            raise ConfigError(
                f"the needs_acceleration threshold ({self.needs_acceleration}) must not be above the on_track "
                f"threshold ({self.on_track})"
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


# --- which figures count, and how they add up per year ---------------------------------------------------------


def counts_as_of(realisation: Realisation, as_of: dt.date) -> bool:
    """Whether a figure counts as of a date: approved, its year ≤ the as-of year, ``reported_on`` (if any) ≤ as-of."""
    return realisation.status is RealisationStatus.APPROVED and _known_by(realisation, as_of)


def _known_by(realisation: Realisation, as_of: dt.date) -> bool:
    return realisation.year <= as_of.year and (realisation.reported_on is None or realisation.reported_on <= as_of)


@attrs.frozen(kw_only=True)
class YearFigure:
    """The value of one year for one scope, and the figures it was made of."""

    year: int
    value: Number
    figures: tuple[Realisation, ...]


def _reported_key(item: tuple[int, Realisation]) -> tuple[int, int]:
    position, realisation = item
    return (realisation.reported_on.toordinal() if realisation.reported_on is not None else 0, position)


def yearly(
    figures: Sequence[Realisation],
    *,
    aggregation: Aggregation,
    area: str | None = None,
    party: str | None = None,
    weights: Mapping[str, Area] | None = None,
) -> dict[int, YearFigure]:
    """The value per year of a scope, from counted figures in file order (see the module docstring, "Places").

    Args:
        figures: The counted figures of the scope, in file order.
        aggregation: How the indicator adds up; a ratio is never summed.
        area: The scope's own area: a figure with no area or this area counts as the whole.
        party: The scope's own party: a figure with no party or this party counts as the whole.
        weights: The areas by id, whose dwellings (else population) weigh a ratio over areas.
    """
    if len(figures) == 1:
        # One figure is its year's value, whatever its place: the common case of a commitment's figure.
        (only,) = figures
        return {only.year: YearFigure(year=only.year, value=only.value, figures=(only,))}
    # Per year and level, one figure per place: the later reported one (else the later in the file).
    levels: dict[int, dict[int, dict[object, tuple[int, Realisation]]]] = {}
    for position, realisation in enumerate(figures):
        whole_area = realisation.area is None or realisation.area == area
        whole_party = realisation.party is None or realisation.party == party
        place: object
        if whole_area and whole_party:
            level, place = 0, None
        elif whole_party:
            level, place = 1, realisation.area
        elif whole_area:
            level, place = 2, realisation.party
        else:
            level, place = 3, (realisation.area, realisation.party)
        places = levels.setdefault(realisation.year, {}).setdefault(level, {})
        known = places.get(place)
        if known is None or _reported_key(known) <= _reported_key((position, realisation)):
            places[place] = (position, realisation)
    series: dict[int, YearFigure] = {}
    for year, by_level in levels.items():
        for level in sorted(by_level):
            chosen = [realisation for _, realisation in sorted(by_level[level].values(), key=lambda item: item[0])]
            value = _combine(chosen, level, aggregation, weights)
            if value is not None:
                series[year] = YearFigure(year=year, value=value, figures=tuple(chosen))
                break
    return series


def _combine(
    chosen: Sequence[Realisation], level: int, aggregation: Aggregation, weights: Mapping[str, Area] | None
) -> Number | None:
    """One year's value from the figures of one level: the whole, or a sum (a ratio: weighted over areas)."""
    if len(chosen) == 1:
        return chosen[0].value
    if aggregation is not Aggregation.RATIO:
        return sum(realisation.value for realisation in chosen)
    if level != 1 or weights is None:
        return None  # a ratio over parties is left unaggregated
    areas = [weights.get(realisation.area or "") for realisation in chosen]
    for measure in ("dwellings", "population"):
        found: list[int] = [weight for area in areas if (weight := getattr(area, measure, None)) is not None]
        if len(found) == len(chosen):
            total = sum(found)
            if total <= 0:
                return None
            return sum(weight * realisation.value for weight, realisation in zip(found, chosen, strict=True)) / total
    return None


class FigureIndex:
    """The figures known as of a date, grouped once: by subject, and of each indicator by area and by party.

    Figures that are not known by the as-of date (a year after it, or reported after it) are left out; the rest
    are kept in file order, counted (approved) and pending (draft or submitted) alike.
    """

    def __init__(self, agreement: Agreement, as_of: dt.date) -> None:
        self.as_of = as_of
        by_subject: defaultdict[tuple[str, str], list[Realisation]] = defaultdict(list)
        by_area: defaultdict[tuple[str, str], list[Realisation]] = defaultdict(list)
        by_party: defaultdict[tuple[str, str], list[Realisation]] = defaultdict(list)
        year = as_of.year
        for realisation in agreement.realisations:
            if realisation.year > year or (realisation.reported_on is not None and realisation.reported_on > as_of):
                continue
            subject = realisation.subject
            by_subject[subject].append(realisation)
            if realisation.indicator is not None:
                if realisation.area is not None:
                    by_area[realisation.indicator, realisation.area].append(realisation)
                if realisation.party is not None:
                    by_party[realisation.indicator, realisation.party].append(realisation)
        self._by_subject = dict(by_subject)
        self._by_area = dict(by_area)
        self._by_party = dict(by_party)

    def of(self, kind: str, subject_id: str) -> Sequence[Realisation]:
        """The known figures that name a ``commitment``, ``target`` or ``indicator``, in file order."""
        return self._by_subject.get((kind, subject_id), ())

    def of_indicator(
        self, indicator: str, *, area: str | None = None, party: str | None = None
    ) -> Sequence[Realisation]:
        """The known figures of an indicator: all of them, or those of one area, or of one party."""
        if area is not None:
            return self._by_area.get((indicator, area), ())
        if party is not None:
            return self._by_party.get((indicator, party), ())
        return self.of("indicator", indicator)


def _split(figures: Iterable[Realisation]) -> tuple[list[Realisation], list[Realisation]]:
    counted: list[Realisation] = []
    pending: list[Realisation] = []
    for realisation in figures:
        if realisation.status is RealisationStatus.APPROVED:
            counted.append(realisation)
        elif realisation.status in _PENDING:
            pending.append(realisation)
    return counted, pending


# --- the records -----------------------------------------------------------------------------------------------


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
    """The value to reach at the end of ``by`` (a stock: start + value)."""
    year: int | None
    """The year compared: the latest year from ``from`` to ``by`` with a counted figure."""
    figures: tuple[Realisation, ...]
    """The counted figures used: of the start, and of the years compared."""
    figures_from: FigureSource | None
    pending: tuple[Realisation, ...]
    """Draft and submitted figures known by the as-of date: shown, never counted."""
    assessments: tuple[Assessment, ...] = ()
    """Manual assessments up to the as-of date, oldest first."""
    parts: tuple[TargetProgress, ...] = ()
    """One record per breakdown entry."""
    note: str | None = None
    """Why there is no ratio or no data, where that needs saying."""

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
    """Where a commitment stands: start 0, expected its value, judged from its due date on."""

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

    @property
    def id(self) -> str:
        """The commitment's id."""
        return self.commitment.id

    @property
    def assessment(self) -> Assessment | None:
        """The latest manual assessment, shown next to the computed `status`."""
        return self.assessments[-1] if self.assessments else None


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


@attrs.frozen(kw_only=True)
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

    def target(self, target_id: str) -> TargetProgress | None:
        """The record of a target by id (the first, when the id is duplicated)."""
        return next((record for record in self.targets if record.id == target_id), None)

    def commitment(self, commitment_id: str) -> CommitmentProgress | None:
        """The record of a commitment by id (the first, when the id is duplicated)."""
        return next((record for record in self.commitments if record.id == commitment_id), None)


# --- judging ---------------------------------------------------------------------------------------------------


def _sign(direction: Direction) -> int:
    return -1 if direction is Direction.DECREASE else 1


@attrs.frozen(kw_only=True)
class _Verdict:
    status: ProgressStatus
    ratio: float | None
    note: str | None = None


_NO_DATA = _Verdict(status=ProgressStatus.NO_DATA, ratio=None)
_NO_VALUE = _Verdict(status=ProgressStatus.NO_DATA, ratio=None, note="no value to measure against")
_NOT_DUE = _Verdict(status=ProgressStatus.NOT_STARTED, ratio=None)


def _judge(
    *,
    start: Number,
    reach: Number,
    realised: Number,
    expected: Number,
    elapsed: int,
    span: int,
    direction: Direction,
    thresholds: Thresholds,
) -> _Verdict:
    """The status from R and its parts (see the module docstring, "Status")."""
    sign = _sign(direction)
    need = sign * (reach - start)
    moved = sign * (realised - start)
    if any(isinstance(x, float) and math.isnan(x) for x in (need, moved, expected)):
        return _Verdict(status=ProgressStatus.NO_DATA, ratio=None, note="the figures are too large to compare")
    if need > 0:
        ratio = (moved * span) / (need * elapsed)
        if math.isnan(ratio):
            return _Verdict(status=ProgressStatus.NO_DATA, ratio=None, note="the figures are too large to compare")
        if sign * (realised - reach) >= 0:
            return _Verdict(status=ProgressStatus.ACHIEVED, ratio=ratio)
        return _Verdict(status=thresholds.classify(ratio), ratio=ratio)
    if need == 0:
        status = ProgressStatus.DETERIORATING if moved < 0 else ProgressStatus.ON_TRACK
        return _Verdict(status=status, ratio=None, note="the path asks for no change (expected = start)")
    ahead = sign * (realised - expected) >= 0
    return _Verdict(
        status=ProgressStatus.ON_TRACK if ahead else ProgressStatus.OFF_TRACK,
        ratio=None,
        note="the path allows a change against the indicator's direction; compared with the expected value",
    )


def _expected(start: Number, reach: Number, elapsed: int, span: int) -> Number:
    if elapsed == span:
        return reach
    return start + (reach - start) * elapsed / span


# --- targets ---------------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Scope:
    """Where a target record's figures are: the figures (counted, pending) and the place they are read for."""

    counted: Sequence[Realisation]
    pending: Sequence[Realisation]
    source: FigureSource | None
    area: str | None
    party: str | None
    fallback: Sequence[Realisation] = ()
    """Counted indicator figures of the same place, for the starting level when the target's own have none."""


class _Progress:
    """One progress computation: the agreement, the date, the figures and the assessments, looked up once."""

    def __init__(self, agreement: Agreement, as_of: pendulum.Date, thresholds: Thresholds) -> None:
        self.agreement = agreement
        self.index = agreement.index
        self.as_of = as_of
        self.thresholds = thresholds
        self.figures = FigureIndex(agreement, as_of)
        self._year_ends: dict[int, pendulum.Date] = {}
        assessed: defaultdict[tuple[str, str], list[Assessment]] = defaultdict(list)
        if agreement.monitoring is not None:
            for assessment in agreement.monitoring.assessments:
                if assessment.date <= as_of:
                    assessed[assessment.subject].append(assessment)
        self.assessments = {
            subject: tuple(sorted(items, key=lambda item: item.date)) for subject, items in assessed.items()
        }

    # --- targets ---

    def target(self, position: int, target: Target) -> TargetProgress:
        indicator = self.index.indicators.get(target.indicator)
        named = self.figures.of("target", target.id)
        path = f"$.targets[{position}]"
        parts = []
        for key, value in target.breakdown.items():
            if key in self.index.areas or key not in self.index.parties:
                scope = self._scope(target, [r for r in named if r.area == key], area=key, party=None)
            else:
                scope = self._scope(target, [r for r in named if r.party == key], area=None, party=key)
            part_path = f"{path}.breakdown['{key}']"
            parts.append(self._measure(target, indicator, part_path, value, scope, baseline=False))
        scope = self._scope(target, named, area=target.area, party=None)
        whole = self._measure(target, indicator, path, target.value, scope, baseline=True)
        return attrs.evolve(whole, parts=tuple(parts), assessments=self.assessments.get(("target", target.id), ()))

    def _scope(self, target: Target, named: Sequence[Realisation], *, area: str | None, party: str | None) -> _Scope:
        """The figures of a target's record: those naming it; failing those, its indicator's in the same place."""
        named_counted, named_pending = _split(named)
        counted, pending = _split(self.figures.of_indicator(target.indicator, area=area, party=party))
        if named_counted:
            return _Scope(
                counted=named_counted, pending=named_pending, source="target", area=area, party=party, fallback=counted
            )
        return _Scope(
            counted=counted,
            pending=[*named_pending, *pending],
            source="indicator" if counted else None,
            area=area,
            party=party,
        )

    def _measure(
        self,
        target: Target,
        indicator: Indicator | None,
        path: str,
        value: Number,
        scope: _Scope,
        *,
        baseline: bool,
    ) -> TargetProgress:
        first = target.from_year if target.from_year is not None else self.agreement.perspective.start
        record = TargetProgress(
            target=target,
            path=path,
            area=scope.area,
            party=scope.party,
            value=value,
            first_year=first,
            by=target.by,
            aggregation=indicator.aggregation if indicator is not None else None,
            direction=indicator.direction if indicator is not None else Direction.INCREASE,
            status=ProgressStatus.NO_DATA,
            ratio=None,
            start=None,
            expected=None,
            realised=None,
            reach=None,
            year=None,
            figures=(),
            figures_from=scope.source,
            pending=tuple(scope.pending),
        )
        if indicator is None:
            status = ProgressStatus.NOT_STARTED if self.as_of.year < first else ProgressStatus.NO_DATA
            return attrs.evolve(record, status=status, note=f"the indicator {target.indicator!r} is unknown")
        aggregation = indicator.aggregation
        series = yearly(
            scope.counted, aggregation=aggregation, area=scope.area, party=scope.party, weights=self.index.areas
        )
        start, start_figures = self._start(target, aggregation, series, scope, first, baseline=baseline)
        reach: Number | None = value
        if aggregation is Aggregation.STOCK:
            reach = None if start is None else start + value
        record = attrs.evolve(record, start=start, reach=reach, figures=start_figures)
        if self.as_of.year < first:
            return attrs.evolve(record, status=ProgressStatus.NOT_STARTED)
        years = sorted(year for year in series if first <= year <= target.by)
        if not years:
            return attrs.evolve(record, note="no counted figure from `from` to `by`")
        year = years[-1]
        if aggregation is Aggregation.FLOW:
            used = [series[y] for y in years]
            realised: Number = sum(figure.value for figure in used)
        else:
            used = [series[year]]
            realised = series[year].value
        figures = (*start_figures, *(realisation for figure in used for realisation in figure.figures))
        record = attrs.evolve(record, realised=realised, year=year, figures=figures)
        if start is None or reach is None:
            achieved = aggregation is Aggregation.RATIO and _sign(indicator.direction) * (realised - value) >= 0
            return attrs.evolve(
                record,
                status=ProgressStatus.ACHIEVED if achieved else ProgressStatus.NO_DATA,
                note="no starting level: no baseline and no counted figure of `from − 1`",
            )
        span = target.by - first + 1
        elapsed = year - first + 1
        expected = _expected(start, reach, elapsed, span)
        verdict = _judge(
            start=start,
            reach=reach,
            realised=realised,
            expected=expected,
            elapsed=elapsed,
            span=span,
            direction=indicator.direction,
            thresholds=self.thresholds,
        )
        return attrs.evolve(record, expected=expected, status=verdict.status, ratio=verdict.ratio, note=verdict.note)

    def _start(
        self,
        target: Target,
        aggregation: Aggregation,
        series: Mapping[int, YearFigure],
        scope: _Scope,
        first: int,
        *,
        baseline: bool,
    ) -> tuple[Number | None, tuple[Realisation, ...]]:
        if aggregation is Aggregation.FLOW:
            return 0, ()
        if baseline and target.baseline is not None:
            return target.baseline.value, ()
        before = series.get(first - 1)
        if before is None and scope.fallback:
            fallback = yearly(
                scope.fallback, aggregation=aggregation, area=scope.area, party=scope.party, weights=self.index.areas
            )
            before = fallback.get(first - 1)
        if before is not None:
            return before.value, before.figures
        return (0, ()) if aggregation is Aggregation.CUMULATIVE else (None, ())

    # --- commitments ---

    def commitment(self, position: int, commitment: Commitment) -> CommitmentProgress:
        indicator = self.index.indicators.get(commitment.indicator) if commitment.indicator is not None else None
        aggregation = indicator.aggregation if indicator is not None else Aggregation.FLOW
        direction = indicator.direction if indicator is not None else Direction.INCREASE
        known = self.figures.of("commitment", commitment.id)
        counted, pending = _split(known) if known else ((), ())
        judged_from = self._judged_from(commitment)
        realised: Number | None = None
        year: int | None = None
        figures: tuple[Realisation, ...] = ()
        series = yearly(counted, aggregation=aggregation, area=commitment.area) if counted else {}
        if series:
            year = max(series)
            if aggregation is Aggregation.FLOW:
                realised = sum(figure.value for figure in series.values())
                used = [series[y] for y in sorted(series)]
            else:
                realised, used = series[year].value, [series[year]]
            figures = tuple(realisation for figure in used for realisation in figure.figures)
        verdict = _NO_DATA
        if commitment.value is None:
            verdict = _NO_VALUE
        elif judged_from > self.as_of:
            verdict = _NOT_DUE
        elif realised is not None:
            verdict = _judge(
                start=0,
                reach=commitment.value,
                realised=realised,
                expected=commitment.value,
                elapsed=1,
                span=1,
                direction=direction,
                thresholds=self.thresholds,
            )
        return CommitmentProgress(
            commitment=commitment,
            path=f"$.commitments[{position}]",
            aggregation=aggregation,
            direction=direction,
            status=verdict.status,
            ratio=verdict.ratio,
            start=0,
            expected=commitment.value,
            realised=realised,
            year=year,
            judged_from=judged_from,
            figures=figures,
            pending=tuple(pending),
            assessments=self.assessments.get(("commitment", commitment.id), ()) if self.assessments else (),
            note=verdict.note,
        )

    def _judged_from(self, commitment: Commitment) -> pendulum.Date:
        if commitment.due is not None:
            return commitment.due
        year = commitment.year if commitment.year is not None else self.agreement.perspective.end
        end = self._year_ends.get(year)
        if end is None:
            end = self._year_ends[year] = pendulum.Date(min(max(year, 1), 9999), 12, 31)
        return end


# --- roll-ups --------------------------------------------------------------------------------------------------


_STATUSES = tuple(ProgressStatus)
_SLOT = {status: slot for slot, status in enumerate(_STATUSES)}


def _counts(slots: list[int] | None) -> Mapping[ProgressStatus, int]:
    return MappingProxyType(dict(zip(_STATUSES, slots or [0] * len(_STATUSES), strict=True)))


class _RollUps:
    """Counts per status and flow sums per key (a theme, party or area id), filled record by record.

    Counts are kept per status slot (its position in `ProgressStatus`), so a record costs one enum lookup.
    """

    def __init__(self) -> None:
        self.targets: dict[str | None, list[int]] = {}
        self.commitments: dict[str | None, list[int]] = {}
        self.flows: dict[str | None, dict[str, list[Number]]] = {}

    def add_target(self, key: str | None, status: ProgressStatus) -> None:
        counts = self.targets.get(key)
        if counts is None:
            counts = self.targets[key] = [0] * len(_STATUSES)
        counts[_SLOT[status]] += 1

    def add_commitment(self, key: str | None, slot: int, flow: tuple[str, Number, Number, Number] | None) -> None:
        counts = self.commitments.get(key)
        if counts is None:
            counts = self.commitments[key] = [0] * len(_STATUSES)
        counts[slot] += 1
        if flow is None:
            return
        indicator, committed, due, realised = flow
        flows = self.flows.get(key)
        if flows is None:
            flows = self.flows[key] = {}
        totals = flows.get(indicator)
        if totals is None:
            flows[indicator] = [committed, due, realised]
        else:
            totals[0] += committed
            totals[1] += due
            totals[2] += realised

    def build(self) -> dict[str | None, RollUp]:
        keys = dict.fromkeys([*self.targets, *self.commitments, *self.flows])
        return {
            key: RollUp(
                key=key,
                targets=_counts(self.targets.get(key)),
                commitments=_counts(self.commitments.get(key)),
                flows=MappingProxyType(
                    {
                        indicator: FlowTotals(indicator=indicator, committed=sums[0], due=sums[1], realised=sums[2])
                        for indicator, sums in self.flows.get(key, {}).items()
                    }
                ),
            )
            for key in keys
        }


def _flow(record: CommitmentProgress, as_of: pendulum.Date) -> tuple[str, Number, Number, Number] | None:
    """A commitment's part of the flow sums: its indicator, value, value if due, and realised quantity."""
    commitment = record.commitment
    if record.aggregation is not Aggregation.FLOW or commitment.indicator is None or commitment.value is None:
        return None
    due = commitment.value if record.judged_from <= as_of else 0
    return (commitment.indicator, commitment.value, due, record.realised if record.realised is not None else 0)


# --- the entry point -------------------------------------------------------------------------------------------


def progress(
    agreement: Agreement,
    *,
    as_of: dt.date | None = None,
    thresholds: Thresholds | None = None,
) -> ProgressReport:
    """Compute where every target and commitment stands as of a date (DESIGN §5; see the module docstring).

    Args:
        agreement: The agreement with its targets, commitments and realisations.
        as_of: The check date; default today in Europe/Amsterdam. Any `datetime.date` will do.
        thresholds: The R thresholds of on track and needs acceleration; default 0.95 and 0.6.

    Returns:
        One record per target (with its breakdown parts) and per commitment, in file order, and the roll-ups per
        theme, party and area. Progress never raises on the contents of an agreement: what it cannot judge is
        ``no_data``, with a note.
    """
    if as_of is None:
        from prestatieafspraken.rules.engine import today  # noqa: PLC0415 - the rules import this module

        check_date = today()
    else:
        check_date = pendulum.Date(as_of.year, as_of.month, as_of.day)
    chosen = thresholds if thresholds is not None else Thresholds()
    # Many small records are built and none is garbage: pause the collector, as a bulk load does (STYLE).
    with collector.paused():
        return _report(agreement, check_date, chosen)


def _judged_records(
    agreement: Agreement, as_of: pendulum.Date, thresholds: Thresholds
) -> tuple[tuple[TargetProgress, ...], tuple[CommitmentProgress, ...]]:
    """The records of `progress` that can carry a verdict on R, without the roll-ups (for PA307).

    Every target's record, and the record of each commitment with a figure known by *as_of*, each exactly as
    `progress` computes it; a commitment without one is ``no_data`` or ``not_started`` there, and in a large
    agreement most commitments have none yet.
    """
    computation = _Progress(agreement, as_of, thresholds)
    figures = computation.figures
    targets = tuple(computation.target(i, target) for i, target in enumerate(agreement.targets))
    commitments = tuple(
        computation.commitment(i, commitment)
        for i, commitment in enumerate(agreement.commitments)
        if figures.of("commitment", commitment.id)
    )
    return targets, commitments


def _report(agreement: Agreement, check_date: pendulum.Date, chosen: Thresholds) -> ProgressReport:
    computation = _Progress(agreement, check_date, chosen)
    targets = tuple(computation.target(i, target) for i, target in enumerate(agreement.targets))
    commitments = tuple(computation.commitment(i, commitment) for i, commitment in enumerate(agreement.commitments))

    themes, parties, areas = _RollUps(), _RollUps(), _RollUps()
    for record in targets:
        themes.add_target(record.target.theme, record.status)
        areas.add_target(record.target.area, record.status)
        for part in record.parts:
            if part.party is not None:
                parties.add_target(part.party, part.status)
            else:
                areas.add_target(part.area, part.status)
    target_themes = {target.id: target.theme for target in reversed(agreement.targets)}
    for commitment_record in commitments:
        commitment = commitment_record.commitment
        theme = commitment.theme
        if theme is None and commitment.target is not None:
            theme = target_themes.get(commitment.target)
        slot, flow = _SLOT[commitment_record.status], _flow(commitment_record, check_date)
        themes.add_commitment(theme, slot, flow)
        areas.add_commitment(commitment.area, slot, flow)
        for party in commitment.by if len(commitment.by) == 1 else dict.fromkeys(commitment.by):
            parties.add_commitment(party, slot, flow)
    by_party = {key: rollup for key, rollup in parties.build().items() if key is not None}
    return ProgressReport(
        agreement_id=agreement.id,
        as_of=check_date,
        thresholds=chosen,
        targets=targets,
        commitments=commitments,
        by_theme=MappingProxyType(themes.build()),
        by_party=MappingProxyType(by_party),
        by_area=MappingProxyType(areas.build()),
    )
