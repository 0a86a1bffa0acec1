"""Monitoring and adjusting: the monitoring arrangement, realised figures and amendments.

Handbook, "Sturing op realisatie": monitor sharply, share figures in a hybrid form when some are sensitive, and
adjust together ("samen kunnen bijsturen").
"""

from __future__ import annotations

import enum

import attrs
import pendulum

from prestatieafspraken.model.fields import Number, Visibility
from prestatieafspraken.model.ids import InvariantError, slug

__all__ = ["Amendment", "Frequency", "Monitoring", "Realisation", "RealisationStatus"]


class Frequency(enum.Enum):
    """How often progress is monitored."""

    YEARLY = "yearly"
    HALF_YEARLY = "half_yearly"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"


@attrs.frozen(kw_only=True)
class Monitoring:
    """The monitoring arrangement."""

    frequency: Frequency | None = None
    hybrid: bool = False
    """Collective figures are shared; per-party detail stays among the parties."""


class RealisationStatus(enum.Enum):
    """The approval state of a reported figure; the transitions are in `prestatieafspraken.model.lifecycle`."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"


@attrs.frozen(kw_only=True)
class Realisation:
    """A realised figure for one year, of exactly one commitment, target or indicator."""

    commitment: str | None = None
    target: str | None = None
    indicator: str | None = None
    area: str | None = None
    party: str | None = None
    year: int
    value: Number
    reported_on: pendulum.Date | None = None
    status: RealisationStatus
    visibility: Visibility = Visibility.PUBLIC
    visible_to: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        named = (self.commitment is not None) + (self.target is not None) + (self.indicator is not None)
        if named != 1:
            raise InvariantError(
                "commitment",
                f"a realisation names exactly one of commitment, target or indicator, not {named}",
            )

    @property
    def subject(self) -> tuple[str, str]:
        """The kind (``commitment``, ``target`` or ``indicator``) and id of what this figure is about."""
        if self.commitment is not None:
            return ("commitment", self.commitment)
        if self.target is not None:
            return ("target", self.target)
        return ("indicator", self.indicator or "")


@attrs.frozen(kw_only=True)
class Amendment:
    """A change agreed during the term (bijsturen); it needs every signing party."""

    id: str = attrs.field(validator=slug)
    date: pendulum.Date
    reason: str | None = None
    agreed_by: tuple[str, ...] = ()
    text: str | None = None
