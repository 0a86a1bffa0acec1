"""Planning one yearly cycle of an agreement: the bid, the backward plan to the signing, the evaluation after it.

The Woningwet's yearly cycle (domain/FACTS.md §1.3-1.4, §1.6; DESIGN §3.1): for year Y the corporation's bid by
1 July of Y−1, the parties' decisions and the signing by 15 December of Y−1, the evaluation in Y+1. The handbook,
Deadlines helpen: "Even terugrekenen: wanneer wil je ze getekend hebben, wanneer besluitvorming bij de betrokken
partijen". One responsibility: plan cycle Y from the agreement's own parties, mandates, supervisory bodies and
bids, on top of `prestatieafspraken.planning.plan_backwards` (which keeps the order of PA112 and stays out of the
election windows of PA208).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Final, Literal

import attrs
from pendulum import Date

from prestatieafspraken.bids import BIDDING_KINDS
from prestatieafspraken.calendar import (
    DEFAULT_CALENDAR,
    ElectionCalendar,
    ElectionWindow,
    previous_working_day,
    subtract_working_days,
)
from prestatieafspraken.cycles import DEFAULT_STATUTORY_DATES, StatutoryDates, jaarschijf
from prestatieafspraken.errors import PlanningError
from prestatieafspraken.model import Agreement, MandateRole, Milestone, MilestoneKind, Party, PartyKind, Process
from prestatieafspraken.planning import LeadTimes, PlanWarning, ProcessPlan, plan_backwards
from prestatieafspraken.vocabulary import label

__all__ = ["CyclePlan", "CycleStep", "plan_cycle"]

Lang = Literal["nl", "en"]

#: About a year of working days: the largest lead of the evaluation before its deadline.
_YEAR_OF_WORKING_DAYS: Final = 260

_WEEKDAYS: Final[Mapping[Lang, tuple[str, ...]]] = {
    "nl": ("ma", "di", "wo", "do", "vr", "za", "zo"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}


def _as_date(day: dt.date) -> Date:
    """`day` as a `pendulum.Date`, without a time of day."""
    return Date(day.year, day.month, day.day)


@attrs.frozen(kw_only=True)
class _Municipalities(ElectionCalendar):
    """A calendar with the windows of several municipalities at once (None: those voting in the regular round).

    A day is in a window when it is in the window of any of them.
    """

    involved: tuple[str | None, ...] = ()

    def window_containing(self, day: dt.date, *, municipality: str | None = None) -> ElectionWindow | None:
        """The earliest-opening window of any involved municipality (and of *municipality*) that contains *day*."""
        found: list[ElectionWindow] = []
        for key in dict.fromkeys((*self.involved, municipality)):
            window = super().window_containing(day, municipality=key)
            if window is not None:
                found.append(window)
        return min(found, key=lambda window: window.start.toordinal(), default=None)


def _municipality_keys(agreement: Agreement, calendar: ElectionCalendar) -> tuple[str | None, ...]:
    """The election-calendar key of each municipality party, None for those voting in the regular round.

    The key is the party id, an area id or a CBS code that the calendar has its own dates for (herindeling).
    """
    areas = agreement.index.areas
    keys: dict[str | None, None] = {}
    for party in agreement.parties:
        if party.kind is not PartyKind.MUNICIPALITY:
            continue
        candidates = [party.id, *party.areas]
        candidates += [area.cbs_code for key in party.areas if (area := areas.get(key)) is not None and area.cbs_code]
        keys[next((key for key in candidates if key in calendar.per_municipality), None)] = None
    return tuple(keys)


@attrs.frozen(kw_only=True)
class CycleStep:
    """One milestone of a cycle plan, with the parties and people it concerns.

    Attributes:
        milestone: The milestone, with ``for_year`` set to the cycle's year.
        party_name: The name of its party (None for a milestone of all parties).
        who: The people or bodies of the step, from the agreement's mandates and supervisory bodies: the
            deciders for a decision, the supervisory body for an approval, the signatories for the signing.
        from_file: Whether the step is the agreement's own (a bid it records), rather than planned here.
    """

    milestone: Milestone
    party_name: str | None = None
    who: tuple[str, ...] = ()
    from_file: bool = False


@attrs.frozen(kw_only=True)
class CyclePlan:
    """The plan of one yearly cycle: the bid, the backward plan to the signing, and the evaluation the year after.

    Put it into the agreement with ``attrs.evolve(agreement, process=plan.to_process(agreement.process))``.

    Attributes:
        year: The year Y of the jaarschijf.
        agreement: The agreement's id.
        bid_deadline: The last day of the bids (1 July of Y−1 by default).
        signing_deadline: The last day of the signing (15 December of Y−1 by default).
        evaluation_deadline: The last day of the evaluation of Y (1 July of Y+1 by default).
        steps: Every step in time order (the agreement's own bids included, marked ``from_file``).
        process: The backward plan from the signing (`plan_backwards`) with the agreement's parties.
        warnings: What the plan could not do as asked, the backward plan's warnings included.
    """

    year: int
    agreement: str
    bid_deadline: Date
    signing_deadline: Date
    evaluation_deadline: Date
    steps: tuple[CycleStep, ...]
    process: ProcessPlan
    warnings: tuple[PlanWarning, ...] = ()

    @property
    def milestones(self) -> tuple[Milestone, ...]:
        """The planned milestones in time order, each with ``for_year``; the agreement's own bids are left out."""
        return tuple(step.milestone for step in self.steps if not step.from_file)

    def to_process(self, base: Process | None = None) -> Process:
        """Return `base` (or an empty process) with this cycle's planned milestones added after its own.

        Unlike `ProcessPlan.to_process` nothing is replaced: a cycle is one year of a multi-year process.
        """
        base = base or Process()
        return attrs.evolve(base, milestones=(*base.milestones, *self.milestones))

    def to_dict(self) -> dict[str, Any]:
        """The plan as plain JSON-ready data; warnings carry both languages.

        ``{"year", "agreement", "bid_deadline", "signing_deadline", "evaluation_deadline", "signing", "start",
        "steps": [{"kind", "party", "party_name", "who", "date", "status", "for_year", "from_file"}],
        "warnings": [{"code", "nl", "en"}]}``, dates as ``YYYY-MM-DD``.
        """
        return {
            "year": self.year,
            "agreement": self.agreement,
            "bid_deadline": self.bid_deadline.isoformat(),
            "signing_deadline": self.signing_deadline.isoformat(),
            "evaluation_deadline": self.evaluation_deadline.isoformat(),
            "signing": self.process.signing.isoformat(),
            "start": self.process.start.isoformat(),
            "steps": [
                {
                    "kind": step.milestone.kind.value,
                    "party": step.milestone.party,
                    "party_name": step.party_name,
                    "who": list(step.who),
                    "date": step.milestone.date.isoformat(),
                    "status": step.milestone.status.value,
                    "for_year": step.milestone.for_year,
                    "from_file": step.from_file,
                }
                for step in self.steps
            ],
            "warnings": [{"code": warning.code, "nl": warning.nl, "en": warning.en} for warning in self.warnings],
        }

    def to_text(self, lang: Lang = "nl") -> str:
        """The plan as a table for people: date, weekday, step, party and who."""
        weekdays = _WEEKDAYS[lang]
        year, prepared = self.year, self.year - 1
        if lang == "en":
            lines = [
                f"Plan of the yearly cycle {year} (jaarschijf {year}) of {self.agreement}",
                (
                    f"Bids by {self.bid_deadline.isoformat()}, signing by {self.signing_deadline.isoformat()}, "
                    f"evaluation of {year} by {self.evaluation_deadline.isoformat()}; the talks run in {prepared}."
                ),
                "",
                f"{'date':<15}step",
            ]
        else:
            lines = [
                f"Planning van de jaarcyclus {year} (jaarschijf {year}) van {self.agreement}",
                (
                    f"Bod uiterlijk {self.bid_deadline.isoformat()}, ondertekening uiterlijk "
                    f"{self.signing_deadline.isoformat()}, evaluatie van {year} uiterlijk "
                    f"{self.evaluation_deadline.isoformat()}; het overleg loopt in {prepared}."
                ),
                "",
                f"{'datum':<15}stap",
            ]
        for step in self.steps:
            day = step.milestone.date
            text = label(step.milestone.kind, lang)
            if step.party_name:
                text += f" — {step.party_name}"
            if step.who:
                text += ": " + "; ".join(step.who)
            if step.from_file:
                text += " [from the agreement]" if lang == "en" else " [uit de afspraken]"
            lines.append(f"{day.isoformat()} {weekdays[day.weekday()]:<3} {text}")
        if self.warnings:
            lines.append("")
            lines.append("Warnings:" if lang == "en" else "Waarschuwingen:")
            lines.extend(f"- {warning.message(lang)}" for warning in self.warnings)
        return "\n".join(lines)


def _people(agreement: Agreement, party_id: str, role: MandateRole) -> tuple[str, ...]:
    """The persons named by a party's mandates in a role, in file order."""
    return tuple(
        dict.fromkeys(
            mandate.person
            for mandate in agreement.mandates
            if mandate.holder == party_id and mandate.role is role and mandate.person
        )
    )


def _signatories(agreement: Agreement, parties: Sequence[Party]) -> tuple[str, ...]:
    """Who signs, from the signatory mandates: each person with their party, or the party when no person is named.

    Without any signatory mandate every counted party signs (DESIGN §4, "Signing parties").
    """
    found: list[str] = []
    for party in parties:
        people = _people(agreement, party.id, MandateRole.SIGNATORY)
        if people:
            found.extend(f"{person} ({party.name})" for person in people)
        elif any(m.holder == party.id and m.role is MandateRole.SIGNATORY for m in agreement.mandates):
            found.append(party.name)
    return tuple(found) or tuple(party.name for party in parties)


def _bid_steps(agreement: Agreement, year: int, parties: Sequence[Party], by: Date) -> list[CycleStep]:
    """The bid of each bidding party: the agreement's own bid for the cycle when it has one, else planned."""
    recorded = jaarschijf(agreement, year).milestones_of(MilestoneKind.BID)
    steps: list[CycleStep] = []
    for party in parties:
        if party.kind not in BIDDING_KINDS:
            continue
        own = [placed.milestone for placed in recorded if placed.milestone.party == party.id]
        if own:
            bid = max(own, key=lambda milestone: milestone.date.toordinal())
            steps.append(CycleStep(milestone=bid, party_name=party.name, from_file=True))
            continue
        steps.append(
            CycleStep(
                milestone=Milestone(kind=MilestoneKind.BID, party=party.id, date=by, for_year=year),
                party_name=party.name,
            )
        )
    return steps


def _cycle_calendar(agreement: Agreement, calendar: ElectionCalendar | None) -> ElectionCalendar:
    """The calendar whose windows are those of every municipality party (its own dates where configured)."""
    calendar = calendar or DEFAULT_CALENDAR
    involved = _municipality_keys(agreement, calendar)
    if all(key is None for key in involved):
        return calendar
    return _Municipalities(
        municipal_dates=calendar.municipal_dates,
        provincial_dates=calendar.provincial_dates,
        weeks_before=calendar.weeks_before,
        weeks_after=calendar.weeks_after,
        per_municipality=calendar.per_municipality,
        involved=involved,
    )


def _bid_warnings(year: int, bids: Sequence[CycleStep], by: Date, start: Date) -> Iterator[PlanWarning]:
    """A bid planned early because the talks start before the bid deadline; a recorded bid after the start or late."""
    planned = [step for step in bids if not step.from_file]
    if planned and start < by:
        day = planned[0].milestone.date.isoformat()
        yield PlanWarning(
            code="bid-before-talks",
            nl=f"Het overleg begint op {start.isoformat()}, vóór de wettelijke termijn van het bod ({by.isoformat()}): "
            f"het bod is gepland op {day}, vóór het overleg begint.",
            en=f"The talks start on {start.isoformat()}, before the statutory deadline of the bid ({by.isoformat()}): "
            f"the bid is planned on {day}, before the talks start.",
        )
    for step in bids:
        if step.from_file and step.milestone.date > start:
            yield PlanWarning(
                code="talks-before-bid",
                nl=f"Het overleg begint op {start.isoformat()}, vóór het bod van {step.party_name} "
                f"({step.milestone.date.isoformat()}): volgens de wet komt het bod vóór het overleg; begin het overleg "
                "later of teken later.",
                en=f"The talks start on {start.isoformat()}, before the bid of {step.party_name} "
                f"({step.milestone.date.isoformat()}): by law the bid comes before the talks; start them later or sign "
                "later.",
            )
        if step.from_file and step.milestone.date > by:
            yield PlanWarning(
                code="bid-late",
                nl=f"Het bod van {step.party_name} voor {year} is gedateerd {step.milestone.date.isoformat()}, na de "
                f"wettelijke termijn van {by.isoformat()}.",
                en=f"The bid of {step.party_name} for {year} is dated {step.milestone.date.isoformat()}, after the "
                f"statutory deadline of {by.isoformat()}.",
            )


def _process_steps(agreement: Agreement, year: int, process: ProcessPlan, parties: Sequence[Party]) -> list[CycleStep]:
    """The backward plan's milestones as steps of cycle *year*, with who decides, approves and signs."""
    names = {party.id: party.name for party in parties}
    steps: list[CycleStep] = []
    for milestone in process.milestones:
        who: tuple[str, ...] = ()
        party = agreement.index.parties.get(milestone.party) if milestone.party else None
        if milestone.kind is MilestoneKind.DECISION and party is not None:
            who = _people(agreement, party.id, MandateRole.DECIDER)
        elif milestone.kind is MilestoneKind.SUPERVISORY_APPROVAL and party is not None and party.supervisory_body:
            who = (party.supervisory_body,)
        elif milestone.kind is MilestoneKind.SIGNING:
            who = _signatories(agreement, parties)
        steps.append(
            CycleStep(
                milestone=attrs.evolve(milestone, for_year=year), party_name=names.get(milestone.party or ""), who=who
            )
        )
    return steps


def plan_cycle(
    agreement: Agreement,
    year: int,
    *,
    signing: dt.date | None = None,
    statutory: StatutoryDates = DEFAULT_STATUTORY_DATES,
    lead_times: LeadTimes | Mapping[str, int] | None = None,
    calendar: ElectionCalendar | None = None,
    evaluation_lead: int = 10,
) -> CyclePlan:
    """Plan the yearly cycle of *year* backwards from its signing deadline, with the agreement's own parties.

    The Woningwet's yearly cycle (domain/FACTS.md §1.3-1.4, §1.6) and the handbook's "even terugrekenen":

    - the signing on the last working day on or before the signing deadline (15 December of Y−1 by default;
      ``StatutoryDates(year_end_day=1)`` for 1 December, the ministerial letter of 2023), or on *signing*;
    - before it, the backward plan of `plan_backwards` for the agreement's counted parties (founding and joined,
      DESIGN §4): each party's decision, the supervisory approval of each party with a supervisory body, the
      administrative review, the concept, the assignment and the start of the talks, on Dutch working days and
      outside the election windows of the municipalities involved (each municipality party's own dates when the
      calendar has them, herindeling);
    - the bid of each housing corporation (or alliance of corporations) by 1 July of Y−1 and never after the
      start of the talks (by law the bid comes before them): the agreement's own bid for the cycle when it
      records one, else planned on the last working day on or before the earlier of the two;
    - the evaluation of Y in Y+1, *evaluation_lead* working days before the evaluation deadline (1 July of Y+1
      by default; with 10, in the second half of June as in the BZK/Platform31 model cycle), after the
      corporation's account (dVi).

    Every planned milestone names its cycle (``for_year``). Who decides, approves and signs comes from the
    mandates (decider, signatory) and the parties' supervisory bodies.

    Args:
        agreement: The agreement.
        year: The year Y of the jaarschijf; a year of the perspective.
        signing: The signing date instead of the deadline's working day; a working day (`plan_backwards`). A
            date after the deadline is kept and reported as a warning.
        statutory: The statutory dates; default `cycles.DEFAULT_STATUTORY_DATES`.
        lead_times: As for `plan_backwards`.
        calendar: As for `plan_backwards`; default `calendar.DEFAULT_CALENDAR`.
        evaluation_lead: Working days between the planned evaluation and the evaluation deadline (0 to 260).

    Raises:
        PlanningError: *year* is not a year of the perspective, the agreement has no counted party, the signing
            date is not a working day, or the lead times or the evaluation lead are invalid.
    """
    if type(year) is not int or year not in agreement.perspective:
        first, last = agreement.perspective.start, agreement.perspective.end
        raise PlanningError.of("cycle_year_outside", year=year, first=first, last=last)
    if type(evaluation_lead) is not int or not 0 <= evaluation_lead <= _YEAR_OF_WORKING_DAYS:
        raise PlanningError.of("evaluation_lead", most=_YEAR_OF_WORKING_DAYS, got=evaluation_lead)
    parties = [party for party in agreement.parties if agreement.index.is_counted(party.id)]
    if not parties:
        raise PlanningError.of("no_counted_party")
    deadline = statutory.signing_deadline(year)
    signing_day = previous_working_day(deadline) if signing is None else _as_date(signing)
    process = plan_backwards(
        signing_day, parties=parties, lead_times=lead_times, calendar=_cycle_calendar(agreement, calendar)
    )
    warnings = list(process.warnings)
    if signing_day > deadline:
        warnings.append(
            PlanWarning(
                code="signing-after-deadline",
                nl=f"De ondertekening op {signing_day.isoformat()} valt na de termijn van {deadline.isoformat()} "
                f"voor de afspraken over {year}.",
                en=f"The signing on {signing_day.isoformat()} is after the deadline of {deadline.isoformat()} for "
                f"the agreements for {year}.",
            )
        )
    bid_by = statutory.bid_deadline(year)
    bids = _bid_steps(agreement, year, parties, previous_working_day(min(bid_by, process.start)))
    warnings.extend(_bid_warnings(year, bids, bid_by, process.start))
    evaluation_by = statutory.evaluation_deadline(year)
    evaluation = Milestone(
        kind=MilestoneKind.EVALUATION, date=subtract_working_days(evaluation_by, evaluation_lead), for_year=year
    )
    steps = [*bids, *_process_steps(agreement, year, process, parties), CycleStep(milestone=evaluation)]
    steps.sort(key=lambda step: step.milestone.date.toordinal())  # stable: the backward plan's order on one day
    return CyclePlan(
        year=year,
        agreement=agreement.id,
        bid_deadline=bid_by,
        signing_deadline=deadline,
        evaluation_deadline=evaluation_by,
        steps=tuple(steps),
        process=process,
        warnings=tuple(warnings),
    )
