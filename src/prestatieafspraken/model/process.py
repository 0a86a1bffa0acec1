"""The process towards an agreement: its start, milestones and intermediate products.

Handbook, "Deadlines helpen": "Even terugrekenen: wanneer wil je ze getekend hebben, wanneer besluitvorming bij de
betrokken partijen, wanneer een afgerond concept bestuurlijk bespreken?" and "Het helpt om tussentijds bij elkaar
te checken welke status een tussenproduct heeft."
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs
import pendulum

from prestatieafspraken.model.fields import REFERS_TO, IdKind
from prestatieafspraken.model.ids import InvariantError, slug

__all__ = ["Milestone", "MilestoneKind", "MilestoneStatus", "Process", "Product", "ProductStatus", "cycle_year"]


class MilestoneKind(enum.Enum):
    """The kind of a process milestone."""

    KICKOFF = "kickoff"
    ASSIGNMENT = "assignment"
    """The administrative assignment (bestuurlijke opdracht) is agreed."""
    BID = "bid"
    """A corporation's bod (overzicht van voorgenomen werkzaamheden)."""
    CONCEPT = "concept"
    ADMINISTRATIVE_REVIEW = "administrative_review"
    """A finished concept discussed by the administrators (bestuurlijk bespreken)."""
    SUPERVISORY_APPROVAL = "supervisory_approval"
    """Approval by a supervisory body: raad van commissarissen, gemeenteraad, achterban."""
    DECISION = "decision"
    SIGNING = "signing"
    ENDORSEMENT = "endorsement"
    EVALUATION = "evaluation"


class MilestoneStatus(enum.Enum):
    """Where a milestone stands; the transitions are in `prestatieafspraken.model.lifecycle`."""

    PLANNED = "planned"
    DONE = "done"
    MISSED = "missed"


def cycle_year(_instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An attrs validator for the year of a yearly cycle: a year with a year before and after it (2 to 9998).

    A cycle's deadlines fall in the year before it (the bid, the signing) and its evaluation in the year after
    (DESIGN §3.1), so those years must exist in the calendar.
    """
    if value is not None and not dt.MINYEAR < value < dt.MAXYEAR:  # None: no year given
        raise InvariantError.at(
            attribute.name, "year_at_calendar_edge", year=value, first=dt.MINYEAR + 1, last=dt.MAXYEAR - 1
        )


@attrs.frozen(kw_only=True)
class Milestone:
    """A dated step of the process, of one party or (without a party) of all.

    ``for_year`` is the year of the yearly cycle (jaarschijf) the milestone prepares; without it the cycle is
    inferred from the date (DESIGN §3.1, `prestatieafspraken.cycles.cycle_of`).
    """

    kind: MilestoneKind
    party: str | None = attrs.field(default=None, metadata={REFERS_TO: IdKind.PARTY})
    date: pendulum.Date
    status: MilestoneStatus = MilestoneStatus.PLANNED
    for_year: int | None = attrs.field(default=None, validator=cycle_year)
    """The year of the cycle (jaarschijf) this milestone prepares (key added in 0.1.0; optional)."""


class ProductStatus(enum.Enum):
    """How final an intermediate product is: "Voor nu een knoop doorgehakt of is er later toch nog ruimte"."""

    DRAFT = "draft"
    DECIDED = "decided"
    OPEN = "open"
    FINAL = "final"


@attrs.frozen(kw_only=True)
class Product:
    """An intermediate product of the process, such as a negotiated concept."""

    id: str = attrs.field(validator=slug)
    title: str
    status: ProductStatus = ProductStatus.DRAFT


@attrs.frozen(kw_only=True)
class Process:
    """The process: when it started, its milestones and its intermediate products."""

    started: pendulum.Date | None = None
    milestones: tuple[Milestone, ...] = ()
    products: tuple[Product, ...] = ()
