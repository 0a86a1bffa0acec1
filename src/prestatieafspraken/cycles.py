"""The yearly cycle (jaarschijf): the cycle of a milestone, an agreement's cycles, a jaarschijf, statutory dates.

Handbook, Een heldere bestuurlijke opdracht: "een meerjarig gedeeld perspectief (+/- 5 jaar vooruit)
gecombineerd met concrete jaarafspraken". The Woningwet runs a yearly cycle (domain/FACTS.md §1.3-1.4): for
year Y the corporation sends its bid by 1 July of Y−1, the parties agree by the end of Y−1, execute in Y and
evaluate in Y+1. DESIGN §3.1 defines the cycle of a milestone; this module is the one place that applies it, so
the rules, progress, the report and the documents agree on it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Final

import attrs
import pendulum

from prestatieafspraken.calendar import signing_deadline
from prestatieafspraken.errors import ConfigError, CycleError
from prestatieafspraken.model import (
    Agreement,
    Bid,
    Commitment,
    Milestone,
    MilestoneKind,
    MilestoneStatus,
    Realisation,
)

__all__ = [
    "DEFAULT_STATUTORY_DATES",
    "Cycle",
    "CycleMilestone",
    "Jaarschijf",
    "StatutoryDates",
    "bid_milestone",
    "check_year",
    "cycle_of",
    "cycles",
    "jaarschijf",
]

#: A milestone dated in this month or later (other than a bid or an evaluation) prepares the next year's cycle.
_SECOND_HALF: Final = 7


def bid_milestone(bid: Bid) -> Milestone:
    """The milestone a bid in ``bids`` counts as: a done bid of its party on its date, in the cycle ``for_year``.

    DESIGN §3.1: "A bid in ``bids`` is a bid milestone of cycle ``for_year``."
    """
    return Milestone(
        kind=MilestoneKind.BID,
        party=bid.party,
        date=bid.date,
        status=MilestoneStatus.DONE,
        for_year=bid.for_year,
    )


def cycle_of(item: Milestone | Bid, agreement: Agreement) -> int:
    """The year of the yearly cycle a milestone (or a bid in ``bids``) belongs to, as DESIGN §3.1 defines it.

    - A milestone with ``for_year`` belongs to that cycle, and a bid in ``bids`` to the cycle of its ``for_year``:
      what the file says is taken as it is.
    - Otherwise the cycle is inferred from the date: a bid is for the year after its date (it is due by 1 July of
      the year before, FACTS §1.3); an evaluation evaluates the year before its date (the parties evaluate Y in
      Y+1, FACTS §1.6); any other milestone dated July or later prepares the next year (the jaarschijf is agreed
      by the end of the year before, FACTS §1.4), one dated before July its own year.
    - An inferred year before the perspective's start is the first cycle: the process towards the first
      jaarschijf may begin early in the year before it.

    Args:
        item: A milestone of ``process.milestones``, or a bid of ``bids``.
        agreement: The agreement it belongs to (its perspective gives the first cycle).

    Returns:
        The year Y of the cycle: the milestone prepares, or evaluates, the jaarschijf of Y.
    """
    if item.for_year is not None:
        return item.for_year
    assert isinstance(item, Milestone)  # noqa: S101 - a bid always has a for_year
    day = item.date
    if item.kind is MilestoneKind.BID:
        year = day.year + 1
    elif item.kind is MilestoneKind.EVALUATION:
        year = day.year - 1
    else:
        year = day.year + 1 if day.month >= _SECOND_HALF else day.year
    return max(year, agreement.perspective.start)


@attrs.frozen(kw_only=True)
class CycleMilestone:
    """A milestone of a cycle with the place it comes from.

    Attributes:
        milestone: The milestone; for a bid in ``bids``, the milestone it counts as (`bid_milestone`).
        path: Where it is in the file: ``$.process.milestones[3]`` or ``$.bids[0]``.
        explicit: Whether the file names its cycle (``for_year``; always so for a bid in ``bids``), rather than
            the cycle being inferred from its date.
    """

    milestone: Milestone
    path: str
    explicit: bool


@attrs.frozen(kw_only=True)
class Cycle:
    """One yearly cycle present in an agreement: the milestones and bids that prepare or evaluate year ``year``.

    Attributes:
        year: The year Y of the jaarschijf.
        milestones: Its milestones: those of ``process.milestones`` in file order, then the bids of ``bids`` as
            bid milestones in file order. Every status is there (planned, done and missed).
        bids: The bids of ``bids`` for Y, in file order.
    """

    year: int
    milestones: tuple[CycleMilestone, ...] = ()
    bids: tuple[Bid, ...] = ()

    def milestones_of(self, kind: MilestoneKind) -> tuple[CycleMilestone, ...]:
        """The cycle's milestones of one kind, in the order of `milestones`."""
        return tuple(placed for placed in self.milestones if placed.milestone.kind is kind)


def check_year(year: object) -> int:
    """Return *year* when it is a year a cycle can have: a whole number from 2 to 9998.

    Raises:
        CycleError: It is not.
    """
    if type(year) is not int:
        raise CycleError.of("cycle_year_not_whole", got=year)
    if not dt.MINYEAR < year < dt.MAXYEAR:
        raise CycleError.of("cycle_year_edge", year=year)
    return year


def _placed_milestones(agreement: Agreement, year: int | None = None) -> Iterable[tuple[int, CycleMilestone]]:
    """The milestones with their cycle (of cycle *year* only, if given): the process's, then the bids in ``bids``."""
    process = agreement.process
    for index, milestone in enumerate(process.milestones if process is not None else ()):
        cycle = cycle_of(milestone, agreement)
        if year is None or cycle == year:
            path = f"$.process.milestones[{index}]"
            yield cycle, CycleMilestone(milestone=milestone, path=path, explicit=milestone.for_year is not None)
    for index, bid in enumerate(agreement.bids):
        if year is None or bid.for_year == year:
            yield bid.for_year, CycleMilestone(milestone=bid_milestone(bid), path=f"$.bids[{index}]", explicit=True)


def cycles(agreement: Agreement) -> tuple[Cycle, ...]:
    """The cycles present in an agreement, by year: every year with a milestone or a bid in it.

    A year with commitments but no milestone or bid has no cycle here (`jaarschijf` gives its commitments).
    """
    milestones: dict[int, list[CycleMilestone]] = {}
    for year, placed in _placed_milestones(agreement):
        milestones.setdefault(year, []).append(placed)
    return tuple(
        Cycle(year=year, milestones=tuple(milestones[year]), bids=agreement.index.bids_by_year(year))
        for year in sorted(milestones)
    )


@attrs.frozen(kw_only=True)
class Jaarschijf:
    """One year of a multi-year agreement: what was agreed for it, how it was prepared and what was realised.

    DESIGN §3.1: "Jaarschijf Y: the commitments with year Y, the bids and milestones of cycle Y, the realisations
    of year Y." All in file order.

    Attributes:
        year: The year Y.
        in_perspective: Whether Y is a year of the agreement's perspective.
        commitments: The commitments with year Y.
        bids: The bids of ``bids`` for Y.
        milestones: The milestones of cycle Y, as in `Cycle.milestones` (the bids among them as bid milestones).
        realisations: The realisations of year Y, of every status.
    """

    year: int
    in_perspective: bool
    commitments: tuple[Commitment, ...] = ()
    bids: tuple[Bid, ...] = ()
    milestones: tuple[CycleMilestone, ...] = ()
    realisations: tuple[Realisation, ...] = ()

    def milestones_of(self, kind: MilestoneKind) -> tuple[CycleMilestone, ...]:
        """The jaarschijf's milestones of one kind, in the order of `milestones`."""
        return tuple(placed for placed in self.milestones if placed.milestone.kind is kind)


def jaarschijf(agreement: Agreement, year: int) -> Jaarschijf:
    """The jaarschijf of *year*: its commitments, bids, milestones and realisations (DESIGN §3.1).

    A year outside the perspective is answered too (``in_perspective`` is false): the year before the perspective
    holds its first cycle's bid and the realisations of the baseline year.

    Raises:
        CycleError: *year* is not a whole number from 2 to 9998.
    """
    year = check_year(year)
    index = agreement.index
    return Jaarschijf(
        year=year,
        in_perspective=year in agreement.perspective,
        commitments=index.commitments_by_year(year),
        bids=index.bids_by_year(year),
        milestones=tuple(placed for _, placed in _placed_milestones(agreement, year)),
        realisations=index.realisations_by_year(year),
    )


# --- the statutory dates of a cycle ---------------------------------------------------------------------------


def _month_day(month: int, day: int, what: str) -> None:
    try:
        pendulum.Date(2001, month, day)  # a year that is not a leap year: 29 February comes only now and then
    except (TypeError, ValueError):
        raise ConfigError.of("config_month_day", what=what, month=month, day=day) from None


@attrs.frozen(kw_only=True)
class StatutoryDates:
    """The dates of the statutory cycle for local agreements (Woningwet art. 44, BTIV); configure with `attrs.evolve`.

    The Wet versterking regie volkshuisvesting (Kamerstuk 36 512) changes the basis of the cycle: its entry into
    force was planned for 1 July 2026 but is not confirmed in the sources (domain/FACTS.md §2: "The aim is entry
    into force on 1 July 2026"; "Not found: the final Eerste Kamer vote or the actual date of entry into force"),
    so it is not set by default. Set ``regie_effective`` once the date is known:
    ``attrs.evolve(DEFAULT_STATUTORY_DATES, regie_effective=pendulum.Date(2026, 7, 1))``.

    Attributes:
        bid_month: Month of the bid deadline in Y−1. Default 7.
        bid_day: Day of the bid deadline in Y−1. Default 1: the bid must be with the municipality and the tenants
            "by 1 July" (FACTS §1.3).
        year_end_month: Month of the signing deadline in Y−1. Default 12.
        year_end_day: Day of the signing deadline in Y−1. Default 15: agreements "voor 15 december" (FACTS §1.4,
            https://www.oosterpoortwoon.nl/prestatieafspraken); the ministerial letter of 16 June 2023 (Kamerstuk
            29 453 nr. 561, https://zoek.officielebekendmakingen.nl/kst-29453-561.html) says "ieder jaar uiterlijk
            voor 1 december": pass ``year_end_day=1`` to follow it. The sources differ, so the date is configurable
            (FACTS §1.4, UNCERTAIN).
        evaluation_month: Month of the evaluation deadline in Y+1. Default 7.
        evaluation_day: Day of the evaluation deadline in Y+1. Default 1: the corporation's account of Y (dVi) is
            due before 1 July of Y+1 and the parties evaluate in June (FACTS §1.4, §1.6).
        regie_effective: The day the Wet versterking regie volkshuisvesting takes effect, or None (the default)
            while it is not known. From that day the basis of the agreements is the municipality's
            volkshuisvestingsprogramma instead of its woonvisie, and the Adviescommissie geschilbeslechting also
            handles disputes about compliance (nakoming) with signed agreements (FACTS §2, secondary analysis:
            https://www.companen.nl/wet-versterking-regie-volkshuisvesting-prestatieafspraken/).
    """

    bid_month: int = 7
    bid_day: int = 1
    year_end_month: int = 12
    year_end_day: int = 15
    evaluation_month: int = 7
    evaluation_day: int = 1
    regie_effective: pendulum.Date | None = None

    def __attrs_post_init__(self) -> None:
        _month_day(self.bid_month, self.bid_day, "StatutoryDates bid deadline")
        _month_day(self.year_end_month, self.year_end_day, "StatutoryDates year-end (signing) deadline")
        _month_day(self.evaluation_month, self.evaluation_day, "StatutoryDates evaluation deadline")
        if self.regie_effective is not None and not isinstance(self.regie_effective, dt.date):
            raise ConfigError.of("config_regie_effective", got=self.regie_effective)

    def bid_deadline(self, year: int) -> pendulum.Date:
        """The last day of the bid for cycle *year*: 1 July of *year* − 1 by default (the day itself is on time)."""
        return pendulum.Date(check_year(year) - 1, self.bid_month, self.bid_day)

    def signing_deadline(self, year: int) -> pendulum.Date:
        """The last day to sign the jaarschijf of *year*: 15 December of *year* − 1 by default."""
        return signing_deadline(check_year(year), month=self.year_end_month, day=self.year_end_day)

    def evaluation_deadline(self, year: int) -> pendulum.Date:
        """The last day of the evaluation of *year*: 1 July of *year* + 1 by default."""
        return pendulum.Date(check_year(year) + 1, self.evaluation_month, self.evaluation_day)

    def regie_in_force(self, day: dt.date) -> bool:
        """Whether the Wet versterking regie volkshuisvesting applies on *day*: only once its date is set and come.

        While ``regie_effective`` is not set the answer is always False: the library does not guess the date.
        """
        return self.regie_effective is not None and day.toordinal() >= self.regie_effective.toordinal()


#: The statutory dates with their defaults: bid by 1 July, signing by 15 December, evaluation by 1 July, and the
#: Wet versterking regie volkshuisvesting not (yet) in force.
DEFAULT_STATUTORY_DATES: Final = StatutoryDates()
