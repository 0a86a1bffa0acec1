"""Planning the process backwards from the signing date, on Dutch working days and around elections.

Handbook, Deadlines helpen: "Even terugrekenen: wanneer wil je ze getekend hebben, wanneer besluitvorming bij de
betrokken partijen, wanneer een afgerond concept bestuurlijk bespreken? Het tempo bepaal je lokaal. Het traject
enigszins compact houden (maximaal een half jaar) houdt de energie erin en biedt overzicht."
Bestuurders en beleidsmedewerkers met mandaat: "Neem bij het opstellen van een proces ook de tijd om de rol van
raden van commissarissen, gemeenteraden en achterbannen van huurdersorganisaties te bespreken."
Politieke context: "Probeer daarnaast te vermijden dat besluitvorming rond gemeenteraadsverkiezingen plaatsvindt."

One responsibility: turn a signing date, the parties and lead times into a `ProcessPlan` whose milestones pass
the order of rule PA112 and stay out of the election windows of rule PA208. The dates come from
`prestatieafspraken.calendar`; nothing here touches pendulum's global settings.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs
from pendulum import Date

from prestatieafspraken._problem_words import Said
from prestatieafspraken.calendar import (
    DEFAULT_CALENDAR,
    CalendarRangeError,
    ElectionCalendar,
    ElectionWindow,
    add_working_days,
    is_working_day,
    next_working_day,
    previous_working_day,
    process_deadline,
    subtract_working_days,
    working_days_between,
)
from prestatieafspraken.errors import LoadError, PlanningError
from prestatieafspraken.model import Milestone, MilestoneKind, MilestoneStatus, Party, PartyKind, Process
from prestatieafspraken.serialization._reading import DocumentFormat, read_document
from prestatieafspraken.vocabulary import Language, step

__all__ = [
    "LEAD_TIME_STEPS",
    "LeadTimes",
    "PlanWarning",
    "PlanningError",
    "ProcessPlan",
    "generic_parties",
    "load_lead_times",
    "plan_backwards",
]

Lang = Language


# ------------------------------------------------------------------------------------------------------------
# Lead times
# ------------------------------------------------------------------------------------------------------------

#: The steps with a lead time, from the start of the process to the last step before the signing. Each is the
#: value of the `MilestoneKind` it places.
LEAD_TIME_STEPS: Final = (
    "kickoff",
    "assignment",
    "concept",
    "administrative_review",
    "supervisory_approval",
    "decision",
)

#: The largest lead time accepted, in working days: about five years, the length of a whole perspective.
_MAX_LEAD_TIME: Final = 1300

#: Files larger than this are not lead-time files (a dozen short lines are); refused before they are read.
_MAX_LEAD_TIME_FILE_BYTES: Final = 64 * 1024

_LEAD_TIME_FORMATS: Final[Mapping[str, DocumentFormat]] = {
    ".toml": "toml",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
}


def _lead_time(instance: LeadTimes, attribute: attrs.Attribute[int], value: int) -> None:
    """Refuse a lead time that is not a whole number of working days from 0 to `_MAX_LEAD_TIME`."""
    del instance
    if type(value) is not int or not 0 <= value <= _MAX_LEAD_TIME:
        raise PlanningError.of("lead_time_field", name=attribute.name, most=_MAX_LEAD_TIME, got=value)


@attrs.frozen(kw_only=True)
class LeadTimes:
    """How many Dutch working days each step comes before the next one, counted back from the signing.

    The handbook leaves the pace to the parties ("Het tempo bepaal je lokaal"); the defaults are a practical
    starting point that adds up to 115 working days (23 weeks) from kickoff to signing, so that a plan without
    an election in the way fits the handbook's "maximaal een half jaar" with room for the public holidays.
    Change one with ``attrs.evolve(LeadTimes(), decision=15)`` or ``LeadTimes.from_mapping({"decision": 15})``.
    0 puts a step on the same day as the next one (the order of PA112 allows the same day).

    Attributes:
        kickoff: From the kickoff to an agreed administrative assignment (bestuurlijke opdracht). Default 20
            (four weeks): one round of talks on "waarover wel, waarover niet" and one administrative meeting.
        assignment: From the assignment to a finished concept. Default 50 (ten weeks): the working groups or
            theme tables write the agreements, with a few rounds between the parties.
        concept: From a finished concept to its discussion by the administrators (bestuurlijk bespreken).
            Default 15 (three weeks): each party reviews it internally and tenant organisations consult their
            members (achterban) before the administrators meet.
        administrative_review: From the administrative review to the parties' decisions. Default 20 (four
            weeks): one meeting cycle of the deciding bodies (college van B&W, bestuur, raad van bestuur), whose
            papers close about two weeks before the meeting.
        supervisory_approval: From a supervisory body's approval (raad van commissarissen, gemeenteraad,
            achterban) to its party's decision. Default 10 (two weeks): the approval is in before the board
            decides, and the board's papers can refer to it. It falls inside the administrative review's lead
            time, so it adds no time with the defaults; a longer one moves the review earlier.
        decision: From the parties' decisions to the signing. Default 10 (two weeks): time to gather every
            signatory for the signing meeting once the last party has decided.
    """

    kickoff: int = attrs.field(default=20, validator=_lead_time)
    assignment: int = attrs.field(default=50, validator=_lead_time)
    concept: int = attrs.field(default=15, validator=_lead_time)
    administrative_review: int = attrs.field(default=20, validator=_lead_time)
    supervisory_approval: int = attrs.field(default=10, validator=_lead_time)
    decision: int = attrs.field(default=10, validator=_lead_time)

    @classmethod
    def from_mapping(cls, values: Mapping[str, object], *, source: str | None = None) -> LeadTimes:
        """Build lead times from step names (`LEAD_TIME_STEPS`) to working days; steps left out keep their default.

        A hyphen may stand for the underscore (``administrative-review``), as TOML and YAML files often write it.

        Args:
            values: Step name to working days.
            source: Where the values come from (a file name), for the error message.

        Raises:
            PlanningError: A step name that is not in `LEAD_TIME_STEPS`, a step given twice, or a value that is
                not a whole number of working days from 0 to 1300. Every problem is listed.
        """
        problems: list[Said] = []
        given: dict[str, Any] = {}
        for key, value in values.items():
            raw: object = key  # a file may hold keys that are not text
            name = raw.replace("-", "_") if isinstance(raw, str) else raw
            if name not in LEAD_TIME_STEPS:
                problems.append(Said.of("lead_step_unknown", key=key, steps=LEAD_TIME_STEPS))
            elif name in given:
                problems.append(Said.of("lead_step_twice", name=name))
            elif type(value) is not int or not 0 <= value <= _MAX_LEAD_TIME:
                problems.append(Said.of("lead_step_value", key=key, most=_MAX_LEAD_TIME, got=value))
            else:
                given[name] = value
        if problems:
            if source:
                raise PlanningError.of("lead_times_invalid_in", file=source, problems=tuple(problems))
            raise PlanningError.of("lead_times_invalid", problems=tuple(problems))
        return cls(**given)

    def to_dict(self) -> dict[str, int]:
        """Step name to working days, in the order of `LEAD_TIME_STEPS`."""
        return {step: getattr(self, step) for step in LEAD_TIME_STEPS}


def load_lead_times(path: str | os.PathLike[str]) -> LeadTimes:
    """Read lead times from a TOML, YAML or JSON file of step names to working days.

    A TOML file::

        decision = 15
        administrative-review = 25

    The file is read as agreements are (`prestatieafspraken.load`): with a size limit (64 KiB: a dozen short
    lines are a lead-times file), and YAML without aliases that expand beyond reason or duplicate keys.

    Args:
        path: A ``.toml``, ``.yaml``, ``.yml`` or ``.json`` file.

    Raises:
        PlanningError: The file cannot be read, is too large, is not TOML, YAML or JSON, holds no mapping at the
            top, or holds bad lead times (see `LeadTimes.from_mapping`).
    """
    file = Path(path)
    suffix = file.suffix.lower()
    document_format = _LEAD_TIME_FORMATS.get(suffix)
    if document_format is None:
        raise PlanningError.of("lead_file_suffix", file=str(file), suffix=suffix or "no suffix")
    try:
        data: object = read_document(file, document_format, max_bytes=_MAX_LEAD_TIME_FILE_BYTES, what="the lead times")
    except LoadError as error:
        raise PlanningError.of("lead_file_unreadable", file=str(file), problems=error.problems) from None
    if not isinstance(data, Mapping):
        raise PlanningError.of("lead_file_not_mapping", file=str(file), type=type(data).__name__)
    return LeadTimes.from_mapping(data, source=str(file))


# ------------------------------------------------------------------------------------------------------------
# The plan
# ------------------------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class PlanWarning:
    """Something the plan could not do as asked, in Dutch and English.

    Attributes:
        code: What kind of warning: ``signing-in-election-window`` (the signing date is kept although it lies in
            an election window), ``moved-before-election-window`` (decisions or approvals were moved earlier to
            stay out of a window) or ``exceeds-six-months`` (the plan is longer than the handbook's half year).
        nl: The message in Dutch.
        en: The message in English.
    """

    code: str
    nl: str
    en: str

    def message(self, lang: Lang = "nl") -> str:
        """The message in `lang`."""
        return self.en if lang == "en" else self.nl


@attrs.frozen(kw_only=True)
class ProcessPlan:
    """A process planned backwards from its signing: milestones on Dutch working days, in the order of PA112.

    Put it into an agreement with ``attrs.evolve(agreement, process=plan.to_process(agreement.process))``.

    Attributes:
        signing: The signing date, the plan's last milestone.
        start: The kickoff, the plan's first milestone and the process start.
        milestones: The planned milestones (status planned) in time order: kickoff, assignment, concept,
            administrative review, each supervisory approval, each decision, the signing. Milestones of all
            parties have no party; approvals and decisions name their party.
        parties: The ids of the parties planned for, in the order given.
        lead_times: The lead times used.
        warnings: What the plan could not do as asked.
    """

    signing: Date
    start: Date
    milestones: tuple[Milestone, ...]
    parties: tuple[str, ...]
    lead_times: LeadTimes
    warnings: tuple[PlanWarning, ...] = ()

    @property
    def six_months_deadline(self) -> Date:
        """The last signing day within six calendar months of the start (`calendar.process_deadline`)."""
        return process_deadline(self.start)

    @property
    def exceeds_six_months(self) -> bool:
        """Whether the signing is after the start plus six months (day clamped), as rule PA111 judges it."""
        return self.signing > self.six_months_deadline

    def to_process(self, base: Process | None = None) -> Process:
        """Return `base` (or an empty process) with this plan's start and milestones; its products are kept.

        The plan's milestones replace those of `base`: a plan is the whole process towards one signing.
        """
        return attrs.evolve(base or Process(), started=self.start, milestones=self.milestones)

    def to_dict(self) -> dict[str, Any]:
        """Deprecated: use ``prestatieafspraken.report.plan_data(plan)``.

        The plan as plain JSON-ready data; warnings carry both languages. Kept as an alias so that existing code
        keeps working; writing a plan out is presentation, in `prestatieafspraken.report`.
        """
        from prestatieafspraken.report.plans import plan_data  # noqa: PLC0415 - deprecated alias only

        return plan_data(self)

    def to_text(self, lang: Lang = "nl") -> str:
        """Deprecated: use ``prestatieafspraken.report.render_plan(plan, "text", lang=...)``.

        The plan as a table for people: date, weekday, working days before the signing, milestone, party. Kept as
        an alias so that existing code keeps working.
        """
        from prestatieafspraken.report.plans import render_plan  # noqa: PLC0415 - deprecated alias only

        return render_plan(self, "text", lang=lang)


# ------------------------------------------------------------------------------------------------------------
# Planning backwards
# ------------------------------------------------------------------------------------------------------------

#: The supervisory body of the generic parties of `plan_backwards(parties=N)`.
_GENERIC_SUPERVISORY_BODY: Final = "raad, RvC of achterban (gemeenteraad, raad van commissarissen of achterban)"


def generic_parties(count: int) -> tuple[Party, ...]:
    """Return `count` placeholder parties ``partij-1`` .. ``partij-N``, each with a supervisory body.

    These are the parties `plan_backwards` plans for when it is given a number: every one has a supervisory
    body, so every one gets a supervisory approval before its decision (handbook: "de rol van raden van
    commissarissen, gemeenteraden en achterbannen").

    Raises:
        PlanningError: `count` is not a whole number of 1 or more.
    """
    if type(count) is not int or count < 1:
        raise PlanningError.of("parties_count", got=count)
    return tuple(
        Party(
            id=f"partij-{number}",
            name=f"Partij {number}",
            kind=PartyKind.OTHER,
            supervisory_body=_GENERIC_SUPERVISORY_BODY,
        )
        for number in range(1, count + 1)
    )


def _party_list(parties: Sequence[Party] | int) -> tuple[Party, ...]:
    """The parties to plan for: the generic ones for a number, else the given ones, checked."""
    if isinstance(parties, int):
        return generic_parties(parties)
    given: tuple[object, ...] = tuple(parties)
    if not given:
        raise PlanningError.of("parties_none")
    found = tuple(party for party in given if isinstance(party, Party))
    if len(found) < len(given):
        strangers = [repr(party) for party in given if not isinstance(party, Party)]
        raise PlanningError.of("parties_strangers", strangers=strangers[:3])
    repeated = sorted(party for party, count in Counter(party.id for party in found).items() if count > 1)
    if repeated:
        raise PlanningError.of("parties_repeated", ids=repeated)
    return found


def _as_date(day: dt.date) -> Date:
    """`day` as a `pendulum.Date`, without a time of day."""
    return Date(day.year, day.month, day.day)


def _describe_window(window: ElectionWindow) -> tuple[str, str]:
    """A window for a message, in Dutch and English."""
    election = window.election.date.isoformat()
    start, end = window.start.isoformat(), window.end.isoformat()
    return (
        f"de periode rond de gemeenteraadsverkiezingen van {election} ({start} t/m {end})",
        f"the period around the municipal elections of {election} ({start} to {end})",
    )


def _before_windows(
    day: Date, calendar: ElectionCalendar, municipality: str | None
) -> tuple[Date, ElectionWindow | None]:
    """Move `day` to the last working day before any election window it falls in; return it and the first window.

    The loop ends: the day only moves earlier, past the start of each window it meets, so no window is met twice,
    and only finitely many windows lie before any day (elections are projected forward only).
    """
    first: ElectionWindow | None = None
    while (window := calendar.window_containing(day, municipality=municipality)) is not None:
        first = first or window
        day = previous_working_day(Date.fromordinal(window.start.toordinal() - 1))
    return day, first


def _moved_warning(
    kind: MilestoneKind, planned: Date, moved: Date, window: ElectionWindow, signing: Date
) -> PlanWarning:
    """The warning that the `kind` milestones moved from `planned` to `moved`, before `window`."""
    period_nl, period_en = _describe_window(window)
    label_nl, label_en = step(kind, "nl"), step(kind, "en")
    hint_nl = hint_en = ""
    if window.end < signing:
        # The signing that would put these milestones on the first working day after the window.
        with contextlib.suppress(CalendarRangeError):  # no hint where that signing would be after 9999-12-31
            later = add_working_days(window.end, working_days_between(planned, signing) + 1).isoformat()
            hint_nl = f" Met een ondertekening op of na {later} vallen ze na die periode."
            hint_en = f" A signing on or after {later} puts them after that period."
    return PlanWarning(
        code="moved-before-election-window",
        nl=f"De mijlpalen '{label_nl}' zouden op {planned.isoformat()} vallen, in {period_nl}; ze zijn vervroegd "
        f"naar {moved.isoformat()}, zodat de besluitvorming niet rond de verkiezingen plaatsvindt.{hint_nl}",
        en=f"The '{label_en}' milestones would fall on {planned.isoformat()}, in {period_en}; they were moved "
        f"earlier to {moved.isoformat()}, so that no decision is taken around the elections.{hint_en}",
    )


def plan_backwards(
    signing: dt.date,
    *,
    parties: Sequence[Party] | int,
    lead_times: LeadTimes | Mapping[str, int] | None = None,
    calendar: ElectionCalendar | None = None,
    municipality: str | None = None,
) -> ProcessPlan:
    """Plan the process backwards from the signing date: "Even terugrekenen" (handbook, Deadlines helpen).

    From the signing back: each party's decision `lead_times.decision` working days before the signing; before
    the decision of a party with a supervisory body, its supervisory approval; the administrative review of
    the finished concept before the decisions (and never after an approval); then the concept, the assignment
    and the kickoff. Every milestone lands on a Dutch working day (weekends and public holidays off), in the
    order rule PA112 requires.

    Decisions and supervisory approvals never fall inside an election window [E − 6 weeks, E + 13 weeks] (rule
    PA208): one that would is moved to the last working day before the window, and everything before it moves
    along to keep the order; a `PlanWarning` says so. The signing date itself is never moved: a signing inside
    a window is kept and reported as a warning. A plan longer than six months is reported as a warning too
    (``exceeds_six_months``, rule PA111).

    Args:
        signing: The signing date, the last milestone. It must be a Dutch working day: a signing on a weekend
            or a public holiday is refused rather than silently moved, because the date is the one thing the
            parties chose; the error names the nearest working days.
        parties: The parties, or a number N of generic parties ``partij-1`` .. ``partij-N`` that each have a
            supervisory body (`generic_parties`).
        lead_times: Working days per step (`LeadTimes`), or a mapping of step names to override some defaults.
        calendar: The election calendar; default `calendar.DEFAULT_CALENDAR`.
        municipality: A key of the calendar's ``per_municipality`` (herindeling) whose election dates replace
            the regular ones, as in `ElectionCalendar.windows`.

    Returns:
        The plan; its last milestone is the signing.

    Raises:
        PlanningError: The signing date is not a working day, or the lead times or parties are invalid.
    """
    signing = _as_date(signing)
    if not is_working_day(signing):
        what = Said.of("weekend_day" if signing.weekday() >= 5 else "public_holiday")  # noqa: PLR2004 - Saturday
        nearest = _nearest_working_days(signing)
        raise PlanningError.of("signing_not_working_day", day=signing.isoformat(), what=what, nearest=nearest)
    try:
        return _plan(signing, parties=parties, lead_times=lead_times, calendar=calendar, municipality=municipality)
    except CalendarRangeError:
        raise PlanningError.of("plan_before_calendar", day=signing.isoformat()) from None


def _nearest_working_days(day: Date) -> tuple[Said, ...]:
    """The working days nearest to *day*, before and after it, for a message (those inside the calendar)."""
    found = []
    for name, move in (("day_before", previous_working_day), ("day_after", next_working_day)):
        try:
            found.append(Said.of(name, day=move(day).isoformat()))
        except CalendarRangeError:
            continue
    return tuple(found)


def _plan(
    signing: Date,
    *,
    parties: Sequence[Party] | int,
    lead_times: LeadTimes | Mapping[str, int] | None,
    calendar: ElectionCalendar | None,
    municipality: str | None,
) -> ProcessPlan:
    """`plan_backwards` for a signing on a working day; raises `CalendarRangeError` when it leaves the calendar."""
    times = lead_times if isinstance(lead_times, LeadTimes) else LeadTimes.from_mapping(lead_times or {})
    party_list = _party_list(parties)
    calendar = calendar or DEFAULT_CALENDAR
    warnings: list[PlanWarning] = []

    signing_window = calendar.window_containing(signing, municipality=municipality)
    if signing_window is not None:
        period_nl, period_en = _describe_window(signing_window)
        warnings.append(
            PlanWarning(
                code="signing-in-election-window",
                nl=f"De ondertekening op {signing.isoformat()} valt in {period_nl}. De datum blijft staan; de "
                "besluiten en goedkeuringen zijn vóór die periode gepland. Overweeg een ondertekening na "
                f"{signing_window.end.isoformat()}.",
                en=f"The signing on {signing.isoformat()} falls in {period_en}. The date is kept; the decisions "
                "and approvals are planned before that period. Consider signing after "
                f"{signing_window.end.isoformat()}.",
            )
        )

    planned = subtract_working_days(signing, times.decision)
    decision, window = _before_windows(planned, calendar, municipality)
    if window is not None:
        warnings.append(_moved_warning(MilestoneKind.DECISION, planned, decision, window, signing))

    supervised = [party for party in party_list if party.supervisory_body]
    review = subtract_working_days(decision, times.administrative_review)
    approval: Date | None = None
    if supervised:
        planned = subtract_working_days(decision, times.supervisory_approval)
        approval, window = _before_windows(planned, calendar, municipality)
        if window is not None:
            warnings.append(_moved_warning(MilestoneKind.SUPERVISORY_APPROVAL, planned, approval, window, signing))
        review = min(review, approval)
    concept = subtract_working_days(review, times.concept)
    assignment = subtract_working_days(concept, times.assignment)
    kickoff = subtract_working_days(assignment, times.kickoff)

    milestones = [
        Milestone(kind=MilestoneKind.KICKOFF, date=kickoff),
        Milestone(kind=MilestoneKind.ASSIGNMENT, date=assignment),
        Milestone(kind=MilestoneKind.CONCEPT, date=concept),
        Milestone(kind=MilestoneKind.ADMINISTRATIVE_REVIEW, date=review),
    ]
    if approval is not None:
        milestones.extend(
            Milestone(kind=MilestoneKind.SUPERVISORY_APPROVAL, party=party.id, date=approval) for party in supervised
        )
    milestones.extend(Milestone(kind=MilestoneKind.DECISION, party=party.id, date=decision) for party in party_list)
    milestones.append(Milestone(kind=MilestoneKind.SIGNING, date=signing, status=MilestoneStatus.PLANNED))

    plan = ProcessPlan(
        signing=signing,
        start=kickoff,
        milestones=tuple(milestones),
        parties=tuple(party.id for party in party_list),
        lead_times=times,
        warnings=tuple(warnings),
    )
    if plan.exceeds_six_months:
        deadline = plan.six_months_deadline.isoformat()
        plan = attrs.evolve(
            plan,
            warnings=(
                *plan.warnings,
                PlanWarning(
                    code="exceeds-six-months",
                    nl=f"Het traject loopt van {kickoff.isoformat()} tot {signing.isoformat()}, langer dan een half "
                    f"jaar (ondertekenen uiterlijk {deadline}): het handboek raadt aan het traject compact te houden "
                    "(maximaal een half jaar). Kort doorlooptijden in of neem de langere duur bewust.",
                    en=f"The process runs from {kickoff.isoformat()} to {signing.isoformat()}, longer than six months "
                    f"(signing at the latest on {deadline}): the handbook advises a compact process (at most half a "
                    "year). Shorten lead times, or accept the longer process on purpose.",
                ),
            ),
        )
    return plan
