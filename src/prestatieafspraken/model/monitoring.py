"""Monitoring and adjusting: the monitoring arrangement, realised figures and amendments.

Handbook, "Sturing op realisatie": monitor sharply, share figures in a hybrid form when some are sensitive, and
adjust together ("samen kunnen bijsturen").
"""

from __future__ import annotations

import enum

import attrs
import pendulum

from prestatieafspraken.model.fields import REFERS_TO, IdKind, Number, Visibility
from prestatieafspraken.model.ids import InvariantError, slug

__all__ = [
    "Amendment",
    "Assessment",
    "Frequency",
    "Monitoring",
    "Outcome",
    "ProgressStatus",
    "Realisation",
    "RealisationStatus",
    "SubjectKind",
]


class Frequency(enum.Enum):
    """How often progress is monitored."""

    YEARLY = "yearly"
    HALF_YEARLY = "half_yearly"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"


class ProgressStatus(enum.Enum):
    """Where a target or commitment stands against its expected path.

    `prestatieafspraken.progress_report.progress` computes it; a manual `Assessment` records one next to it.
    """

    ACHIEVED = "achieved"
    """The target is reached: the realised value is at or beyond the value to reach, in the indicator's direction."""
    ON_TRACK = "on_track"
    """R is at or above the on-track threshold (default 0.95)."""
    NEEDS_ACCELERATION = "needs_acceleration"
    """R is at or above the acceleration threshold (default 0.6), below the on-track threshold."""
    OFF_TRACK = "off_track"
    """R is at least 0 and below the acceleration threshold."""
    DETERIORATING = "deteriorating"
    """R is below 0: the value moved away from the target."""
    CONTRADICTS_DIRECTION = "contradicts_direction"
    """The value's sign contradicts the indicator's direction (DESIGN §3.1, PA006): never judged on track."""
    NOT_STARTED = "not_started"
    """Before the target's first year; for a commitment, before its due date."""
    NO_DATA = "no_data"
    """No approved figure that counts as of the check date, or too little to draw the expected path."""


class SubjectKind(enum.StrEnum):
    """What a realisation or an assessment is about: the kind of item its ``subject`` names.

    The file has no key of its own for it: a realisation names a ``commitment``, a ``target`` or an ``indicator``,
    an assessment a ``target`` or a ``commitment``. A `enum.StrEnum`, so that each member equals its value
    (``SubjectKind.TARGET == "target"``) and prints as it.
    """

    COMMITMENT = "commitment"
    TARGET = "target"
    INDICATOR = "indicator"


@attrs.frozen(kw_only=True)
class Assessment:
    """A manual progress status of exactly one target or commitment: who, when and why.

    It is shown next to the computed status, never instead of it: the computed status stays what the figures say,
    and the parties' own judgement, with who, when and why, is shown beside it.
    """

    target: str | None = attrs.field(default=None, metadata={REFERS_TO: IdKind.TARGET})
    commitment: str | None = attrs.field(default=None, metadata={REFERS_TO: IdKind.COMMITMENT})
    status: ProgressStatus
    by: str = attrs.field(metadata={REFERS_TO: IdKind.PARTY})
    """The party id that made the assessment."""
    date: pendulum.Date
    """When it was made. (Not ``on``: YAML 1.1 reads an unquoted ``on`` key as the boolean true.)"""
    reason: str
    """Why: the explanation the parties agreed on."""

    def __attrs_post_init__(self) -> None:
        named = (self.target is not None) + (self.commitment is not None)
        if named != 1:
            raise InvariantError.at("target", "assessment_names_one", named=named)

    @property
    def subject(self) -> tuple[SubjectKind, str]:
        """The kind (target or commitment) and id of what this assessment is about."""
        if self.target is not None:
            return (SubjectKind.TARGET, self.target)
        return (SubjectKind.COMMITMENT, self.commitment or "")


@attrs.frozen(kw_only=True)
class Monitoring:
    """The monitoring arrangement."""

    frequency: Frequency | None = None
    hybrid: bool = False
    """Collective figures are shared; per-party detail stays among the parties."""
    assessments: tuple[Assessment, ...] = ()
    """Manual progress statuses, each shown next to the computed one (key added in 0.1.0; optional)."""


class RealisationStatus(enum.Enum):
    """The approval state of a reported figure; the transitions are in `prestatieafspraken.model.lifecycle`."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"


class Outcome(enum.Enum):
    """How a commitment was kept, as a realisation of it reports (DESIGN §3.1)."""

    DONE = "done"
    PARTLY = "partly"
    NOT_DONE = "not_done"


@attrs.frozen(kw_only=True)
class Realisation:
    """A realised figure for one year, of exactly one commitment, target or indicator.

    It has a value, an outcome (how a commitment was kept), or both; only a commitment's realisation has an outcome.
    """

    commitment: str | None = attrs.field(default=None, metadata={REFERS_TO: IdKind.COMMITMENT})
    target: str | None = attrs.field(default=None, metadata={REFERS_TO: IdKind.TARGET})
    indicator: str | None = attrs.field(default=None, metadata={REFERS_TO: IdKind.INDICATOR})
    area: str | None = attrs.field(default=None, metadata={REFERS_TO: IdKind.AREA})
    party: str | None = attrs.field(default=None, metadata={REFERS_TO: IdKind.PARTY})
    year: int
    value: Number | None = None
    outcome: Outcome | None = None
    explanation: str | None = None
    """Why the outcome (or the value) is what it is."""
    reported_on: pendulum.Date | None = None
    status: RealisationStatus
    visibility: Visibility = Visibility.PUBLIC
    visible_to: tuple[str, ...] = attrs.field(default=(), metadata={REFERS_TO: IdKind.PARTY})

    def __attrs_post_init__(self) -> None:
        named = (self.commitment is not None) + (self.target is not None) + (self.indicator is not None)
        if named != 1:
            raise InvariantError.at("commitment", "realisation_names_one", named=named)
        if self.value is None and self.outcome is None:
            raise InvariantError.at("value", "realisation_without_value")
        if self.outcome is not None and self.commitment is None:
            raise InvariantError.at("outcome", "outcome_not_of_commitment")

    @property
    def subject(self) -> tuple[SubjectKind, str]:
        """The kind (commitment, target or indicator) and id of what this figure is about."""
        if self.commitment is not None:
            return (SubjectKind.COMMITMENT, self.commitment)
        if self.target is not None:
            return (SubjectKind.TARGET, self.target)
        return (SubjectKind.INDICATOR, self.indicator or "")


@attrs.frozen(kw_only=True)
class Amendment:
    """A change agreed during the term (bijsturen); it needs every signing party."""

    id: str = attrs.field(validator=slug)
    date: pendulum.Date
    reason: str | None = None
    agreed_by: tuple[str, ...] = attrs.field(default=(), metadata={REFERS_TO: IdKind.PARTY})
    text: str | None = None
