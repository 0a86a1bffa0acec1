"""Planning backwards from the signing date: working days, the PA112 order, election windows, lead times, CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pendulum import Date

from prestatieafspraken import check, dumps, examples
from prestatieafspraken.calendar import (
    DEFAULT_CALENDAR,
    is_working_day,
    next_working_day,
    process_deadline,
    working_days_between,
)
from prestatieafspraken.cli import main
from prestatieafspraken.cycle_planning import plan_cycle
from prestatieafspraken.cycles import StatutoryDates
from prestatieafspraken.errors import PrestatieafsprakenError
from prestatieafspraken.model import (
    Agreement,
    Area,
    AreaKind,
    CoalitionMember,
    CoalitionStatus,
    Milestone,
    MilestoneKind,
    MilestoneStatus,
    Party,
    PartyKind,
    Perspective,
    Process,
    Product,
    Scope,
)
from prestatieafspraken.planning import (
    LEAD_TIME_STEPS,
    LeadTimes,
    PlanningError,
    ProcessPlan,
    generic_parties,
    load_lead_times,
    plan_backwards,
)
from prestatieafspraken.report import plan_data, render_plan
from prestatieafspraken.rules import CheckConfig
from support import code_paths

MAASHORST = "GM1991"
MAASHORST_ELECTIONS = (Date(2021, 11, 24), Date(2026, 3, 18))
HERINDELING = attrs.evolve(DEFAULT_CALENDAR, per_municipality={MAASHORST: MAASHORST_ELECTIONS})

#: The order of DESIGN §4, PA112, as a rank per kind; supervisory approvals are checked on their own.
RANK = {
    MilestoneKind.KICKOFF: 0,
    MilestoneKind.ASSIGNMENT: 1,
    MilestoneKind.CONCEPT: 2,
    MilestoneKind.ADMINISTRATIVE_REVIEW: 3,
    MilestoneKind.DECISION: 4,
    MilestoneKind.SIGNING: 5,
}
DECIDING = frozenset({MilestoneKind.DECISION, MilestoneKind.SUPERVISORY_APPROVAL, MilestoneKind.SIGNING})
PLANNING_RULES = ("PA004", "PA107", "PA111", "PA112", "PA113", "PA208")

SIGNING_DAYS = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 12, 31)).map(next_working_day)
PARTY_COUNTS = st.integers(min_value=1, max_value=12)
LEAD_TIMES = st.builds(
    LeadTimes,
    **{step: st.integers(min_value=0, max_value=60) for step in LEAD_TIME_STEPS},
)


def dates(plan: ProcessPlan, kind: MilestoneKind) -> list[str]:
    """The ISO dates of the plan's milestones of one kind."""
    return [milestone.date.isoformat() for milestone in plan.milestones if milestone.kind is kind]


def codes(plan: ProcessPlan) -> list[str]:
    """The codes of the plan's warnings."""
    return [warning.code for warning in plan.warnings]


def assert_pa112_order(milestones: tuple[Milestone, ...]) -> None:
    """Every milestone of an earlier kind is on or before every milestone of a later kind (DESIGN §4, PA112)."""
    ranked = [milestone for milestone in milestones if milestone.kind in RANK]
    for early in ranked:
        for late in ranked:
            if RANK[early.kind] < RANK[late.kind]:
                assert early.date <= late.date, (early, late)
    decisions = {m.party: m.date for m in milestones if m.kind is MilestoneKind.DECISION}
    signing = max(m.date for m in milestones if m.kind is MilestoneKind.SIGNING)
    for approval in (m for m in milestones if m.kind is MilestoneKind.SUPERVISORY_APPROVAL):
        assert approval.date <= signing
        assert approval.date <= decisions[approval.party]


def agreement_with(plan: ProcessPlan, parties: tuple[Party, ...], **changes: Any) -> Agreement:
    """A regional agreement of `parties` whose process is the plan."""
    year = plan.signing.year
    return Agreement(
        id="plan",
        title="Plan",
        scope=Scope.REGIONAL,
        perspective=Perspective(start=year + 1, end=year + 4),
        parties=parties,
        process=plan.to_process(),
        **changes,
    )


def municipalities(count: int) -> tuple[Party, ...]:
    """The plan's placeholder parties as municipalities, whose decision-making PA208 judges around the elections."""
    return tuple(attrs.evolve(party, kind=PartyKind.MUNICIPALITY) for party in generic_parties(count))


def planning_findings(agreement: Agreement, **options: Any) -> list[tuple[str, str]]:
    """(code, path) of the findings of the process rules for an agreement."""
    report = check(agreement, as_of=dt.date(2020, 1, 1), config=CheckConfig(select=PLANNING_RULES, **options))
    return code_paths(report)


# --- lead times ---------------------------------------------------------------------------------------------


class TestLeadTimes:
    """`LeadTimes`: defaults, overrides and refusals."""

    def test_defaults(self) -> None:
        """The defaults add up to 115 working days, inside the handbook's half year."""
        assert LeadTimes().to_dict() == {
            "kickoff": 20,
            "assignment": 50,
            "concept": 15,
            "administrative_review": 20,
            "supervisory_approval": 10,
            "decision": 10,
        }
        times = LeadTimes()
        assert times.kickoff + times.assignment + times.concept + times.administrative_review + times.decision == 115

    def test_from_mapping_overrides_some(self) -> None:
        """Steps left out keep their default; a hyphen may stand for the underscore."""
        times = LeadTimes.from_mapping({"decision": 5, "administrative-review": 30})
        assert (times.decision, times.administrative_review, times.concept) == (5, 30, 15)

    @pytest.mark.parametrize(
        ("values", "match"),
        [
            ({"signing": 5}, r"unknown step 'signing'; the steps are kickoff, assignment"),
            ({"decision": -1}, r"step 'decision' must be a whole number of working days from 0 to 1300, got -1"),
            ({"decision": 2.5}, r"got 2\.5"),
            ({"decision": True}, r"got True"),
            ({"decision": "10"}, r"got '10'"),
            ({"decision": 1301}, r"from 0 to 1300"),
            ({"decision": 1, "concept": -2, "x": 1}, r"step 'concept' .*; unknown step 'x'"),
            ({"administrative_review": 1, "administrative-review": 2}, r"step 'administrative_review' is given twice"),
            ({3: 1}, r"unknown step 3"),
        ],
    )
    def test_from_mapping_refuses(self, values: dict[Any, Any], match: str) -> None:
        """Every problem is listed in one `PlanningError`."""
        with pytest.raises(PlanningError, match=match):
            LeadTimes.from_mapping(values)

    @pytest.mark.parametrize("value", [-1, 1301, 1.0, None])
    def test_constructor_refuses(self, value: Any) -> None:
        """The record itself refuses a lead time that is not 0..1300 working days."""
        with pytest.raises(PlanningError, match=r"the lead time 'concept' must be a whole number"):
            LeadTimes(concept=value)

    @pytest.mark.parametrize(
        ("name", "text"),
        [
            ("lead.toml", "decision = 5\nadministrative-review = 30\n"),
            ("lead.yaml", "decision: 5\nadministrative_review: 30\n"),
            ("lead.yml", "decision: 5\nadministrative-review: 30\n"),
            ("lead.json", '{"decision": 5, "administrative_review": 30}'),
        ],
    )
    def test_load_file(self, tmp_path: Path, name: str, text: str) -> None:
        """Lead times are read from TOML, YAML or JSON files of step names to working days."""
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert load_lead_times(path) == LeadTimes(decision=5, administrative_review=30)

    @pytest.mark.parametrize(
        ("name", "content", "match"),
        [
            ("lead.txt", "decision = 5", r"must end in \.toml, \.yaml, \.yml or \.json, got '\.txt'"),
            ("lead.toml", "decision = = 5", r"lead\.toml: not valid TOML"),
            ("lead.yaml", "decision: [5", r"lead\.yaml: not valid YAML"),
            ("lead.yaml", "- 5\n- 6\n", r"expected step names with working days at the top .* got list"),
            ("lead.yaml", "", r"got NoneType"),
            ("lead.toml", "decison = 5", r"lead\.toml: invalid lead times: unknown step 'decison'"),
            ("lead.toml", "decision = -5", r"must be a whole number of working days"),
            ("lead.toml", b"decision = '\xff'", r"not UTF-8 text"),
            ("lead.toml", "# " + "x" * 70_000, r"the file is 70,002 bytes, more than the limit of 65,536"),
            ("missing.toml", None, r"missing\.toml: cannot open the file"),
            ("lead.yaml", "decision: 5\ndecision: 6\n", r"lead\.yaml: not valid YAML: duplicate key 'decision'"),
            ("lead.json", '{"decision": 5,}', r"lead\.json: not valid JSON"),
        ],
    )
    def test_load_file_refuses(self, tmp_path: Path, name: str, content: str | bytes | None, match: str) -> None:
        """A file that cannot be read or holds bad lead times gives one clear `PlanningError`."""
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif content is not None:
            path.write_text(content, encoding="utf-8")
        with pytest.raises(PlanningError, match=match):
            load_lead_times(path)


# --- plan_backwards -----------------------------------------------------------------------------------------


class TestPlanBackwards:
    """Hand-computed plans."""

    def test_plain_plan(self) -> None:
        """No holiday or election in the way: each step its lead time in working days before the next."""
        plan = plan_backwards(dt.date(2025, 12, 10), parties=3)
        assert [(m.kind.value, m.party, m.date.isoformat()) for m in plan.milestones] == [
            ("kickoff", None, "2025-07-02"),
            ("assignment", None, "2025-07-30"),
            ("concept", None, "2025-10-08"),
            ("administrative_review", None, "2025-10-29"),
            ("supervisory_approval", "partij-1", "2025-11-12"),
            ("supervisory_approval", "partij-2", "2025-11-12"),
            ("supervisory_approval", "partij-3", "2025-11-12"),
            ("decision", "partij-1", "2025-11-26"),
            ("decision", "partij-2", "2025-11-26"),
            ("decision", "partij-3", "2025-11-26"),
            ("signing", None, "2025-12-10"),
        ]
        assert all(m.status is MilestoneStatus.PLANNED for m in plan.milestones)
        assert (plan.start, plan.signing, plan.parties) == (
            Date(2025, 7, 2),
            Date(2025, 12, 10),
            ("partij-1", "partij-2", "partij-3"),
        )
        assert plan.warnings == ()
        assert not plan.exceeds_six_months

    def test_christmas_is_skipped(self) -> None:
        """Counting back over Christmas and New Year skips the weekends and the three public holidays."""
        plan = plan_backwards(dt.date(2026, 1, 8), parties=1)
        # 10 working days before Thursday 8 January: 7, 6, 5, 2 Jan, 31, 30, 29, 24, 23, 22 Dec.
        assert dates(plan, MilestoneKind.DECISION) == ["2025-12-22"]
        assert dates(plan, MilestoneKind.SUPERVISORY_APPROVAL) == ["2025-12-08"]
        assert dates(plan, MilestoneKind.ADMINISTRATIVE_REVIEW) == ["2025-11-24"]

    def test_signing_in_election_window_is_kept(self) -> None:
        """The signing stays in the 2026 window with a warning; decisions move to the day before the window."""
        plan = plan_backwards(dt.date(2026, 4, 15), parties=2)
        assert plan.milestones[-1] == Milestone(kind=MilestoneKind.SIGNING, date=Date(2026, 4, 15))
        # The 2026 window opens on Wednesday 4 February; the working day before it is Tuesday 3 February.
        assert dates(plan, MilestoneKind.DECISION) == ["2026-02-03", "2026-02-03"]
        assert dates(plan, MilestoneKind.SUPERVISORY_APPROVAL) == ["2026-01-20", "2026-01-20"]
        assert codes(plan) == ["signing-in-election-window", "moved-before-election-window", "exceeds-six-months"]
        assert "2026-02-04 t/m 2026-06-17" in plan.warnings[0].nl
        assert "2026-02-04 to 2026-06-17" in plan.warnings[0].en

    def test_decisions_move_before_window_after_it(self) -> None:
        """A signing just after the window would put the decisions on its last day: they move before it."""
        plan = plan_backwards(dt.date(2026, 7, 1), parties=1)
        assert dates(plan, MilestoneKind.DECISION) == ["2026-02-03"]
        assert codes(plan) == ["moved-before-election-window", "exceeds-six-months"]
        # A signing one working day later keeps the decision after the window, as the warning says.
        assert "A signing on or after 2026-07-02" in plan.warnings[0].en
        later = plan_backwards(dt.date(2026, 7, 2), parties=1, lead_times={"supervisory_approval": 0})
        assert dates(later, MilestoneKind.DECISION) == ["2026-06-18"]
        assert codes(later) == []

    def test_only_approval_moves(self) -> None:
        """When only the approval falls in the window, it moves alone and the review follows it."""
        plan = plan_backwards(dt.date(2026, 7, 2), parties=1)
        assert dates(plan, MilestoneKind.DECISION) == ["2026-06-18"]
        assert dates(plan, MilestoneKind.SUPERVISORY_APPROVAL) == ["2026-02-03"]
        assert dates(plan, MilestoneKind.ADMINISTRATIVE_REVIEW) == ["2026-02-03"]
        assert codes(plan) == ["moved-before-election-window", "exceeds-six-months"]
        assert "'instemming van raad, RvC of achterban'" in plan.warnings[0].nl

    def test_parties_without_supervisory_body(self) -> None:
        """Only a party with a supervisory body gets a supervisory approval; the given order is kept."""
        parties = (
            Party(
                id="woonstichting",
                name="Woonstichting",
                kind=PartyKind.HOUSING_CORPORATION,
                supervisory_body="raad van commissarissen",
            ),
            Party(id="gemeente", name="Gemeente", kind=PartyKind.MUNICIPALITY),
        )
        plan = plan_backwards(dt.date(2025, 12, 10), parties=parties)
        approvals = [m.party for m in plan.milestones if m.kind is MilestoneKind.SUPERVISORY_APPROVAL]
        decisions = [m.party for m in plan.milestones if m.kind is MilestoneKind.DECISION]
        assert (approvals, decisions) == (["woonstichting"], ["woonstichting", "gemeente"])

    def test_no_supervisory_bodies(self) -> None:
        """Without supervisory bodies the review is its own lead time before the decisions."""
        party = Party(id="gemeente", name="Gemeente", kind=PartyKind.MUNICIPALITY)
        plan = plan_backwards(dt.date(2025, 12, 10), parties=[party])
        assert dates(plan, MilestoneKind.SUPERVISORY_APPROVAL) == []
        assert dates(plan, MilestoneKind.ADMINISTRATIVE_REVIEW) == ["2025-10-29"]

    def test_long_approval_moves_the_review(self) -> None:
        """An approval lead time longer than the review's puts the review on the approval day, not after it."""
        plan = plan_backwards(dt.date(2025, 12, 10), parties=1, lead_times={"supervisory_approval": 30})
        assert dates(plan, MilestoneKind.SUPERVISORY_APPROVAL) == ["2025-10-15"]
        assert dates(plan, MilestoneKind.ADMINISTRATIVE_REVIEW) == ["2025-10-15"]

    def test_zero_lead_times(self) -> None:
        """With every lead time 0 the whole process is on the signing day."""
        plan = plan_backwards(dt.date(2025, 12, 10), parties=2, lead_times=dict.fromkeys(LEAD_TIME_STEPS, 0))
        assert {m.date for m in plan.milestones} == {Date(2025, 12, 10)}

    def test_lead_times_record(self) -> None:
        """A `LeadTimes` record is used as given and kept on the plan."""
        times = LeadTimes(decision=3)
        plan = plan_backwards(dt.date(2025, 12, 10), parties=1, lead_times=times)
        assert plan.lead_times is times
        assert dates(plan, MilestoneKind.DECISION) == ["2025-12-05"]

    def test_long_plan_exceeds_six_months(self) -> None:
        """A plan longer than six months says so, as PA111 would."""
        plan = plan_backwards(dt.date(2025, 12, 10), parties=1, lead_times={"assignment": 100})
        assert plan.exceeds_six_months
        assert plan.six_months_deadline == process_deadline(plan.start) < plan.signing
        assert codes(plan) == ["exceeds-six-months"]
        assert "maximaal een half jaar" in plan.warnings[0].nl

    def test_herindeling_calendar(self) -> None:
        """A municipality with its own election dates avoids its own windows instead of the regular ones."""
        # Maashorst voted on 2021-11-24: its window runs from 2021-10-13 to 2022-02-23.
        plan = plan_backwards(dt.date(2022, 1, 10), parties=1, calendar=HERINDELING, municipality=MAASHORST)
        assert codes(plan)[:2] == ["signing-in-election-window", "moved-before-election-window"]
        assert dates(plan, MilestoneKind.DECISION) == ["2021-10-12"]
        # In April 2022 the regular window holds, Maashorst's does not.
        assert codes(plan_backwards(dt.date(2022, 4, 1), parties=1, calendar=HERINDELING, municipality=MAASHORST)) == []
        assert "signing-in-election-window" in codes(plan_backwards(dt.date(2022, 4, 1), parties=1))

    @pytest.mark.parametrize(
        ("signing", "match"),
        [
            (
                dt.date(2025, 12, 13),
                r"2025-12-13 is a weekend day, not a Dutch working day; .* 2025-12-12 .* 2025-12-15",
            ),
            (
                dt.date(2025, 12, 25),
                r"2025-12-25 is a public holiday, .* 2025-12-24 \(before\) or 2025-12-29 \(after\)",
            ),
            (dt.date(2026, 4, 27), r"2026-04-27 is a public holiday"),
        ],
    )
    def test_refuses_a_signing_that_is_no_working_day(self, signing: dt.date, match: str) -> None:
        """A signing on a weekend or a public holiday is refused, naming the nearest working days."""
        with pytest.raises(PlanningError, match=match):
            plan_backwards(signing, parties=1)

    def test_accepts_a_datetime(self) -> None:
        """A datetime counts as its date."""
        assert plan_backwards(dt.datetime(2025, 12, 10, 15, 30, tzinfo=dt.UTC), parties=1).signing == Date(2025, 12, 10)

    @pytest.mark.parametrize(
        ("parties", "match"),
        [
            (0, r"the number of parties must be a whole number of 1 or more, got 0"),
            (-2, r"got -2"),
            (True, r"got True"),
            ([], r"give at least one party"),
            (["gemeente"], r"parties must be Party objects or a number; got 'gemeente'"),
            (generic_parties(2) + generic_parties(1), r"party 'partij-1' is given more than once"),
        ],
    )
    def test_refuses_bad_parties(self, parties: Any, match: str) -> None:
        """Parties that cannot be planned for are refused."""
        with pytest.raises(PlanningError, match=match):
            plan_backwards(dt.date(2025, 12, 10), parties=parties)

    def test_error_is_a_value_error(self) -> None:
        """`PlanningError` is caught as the library's error and as a `ValueError`."""
        with pytest.raises(ValueError, match="working day") as raised:
            plan_backwards(dt.date(2025, 12, 14), parties=1)
        assert isinstance(raised.value, PrestatieafsprakenError)

    def test_generic_parties(self) -> None:
        """Generic parties are partij-1 .. partij-N, each with a supervisory body."""
        parties = generic_parties(3)
        assert [party.id for party in parties] == ["partij-1", "partij-2", "partij-3"]
        assert all(party.supervisory_body for party in parties)


class TestProcessPlan:
    """The plan as data, text and process."""

    def test_plan_data(self) -> None:
        """The plain data carries dates as text, the lead times and warnings in both languages."""
        data = plan_data(plan_backwards(dt.date(2026, 4, 15), parties=1))
        assert json.loads(json.dumps(data)) == data
        assert data["signing"] == "2026-04-15"
        assert data["start"] == "2025-09-04"
        assert data["six_months_deadline"] == "2026-03-04"
        assert data["exceeds_six_months"] is True
        assert data["parties"] == ["partij-1"]
        assert data["lead_times"] == LeadTimes().to_dict()
        assert data["milestones"][-2] == {
            "kind": "decision",
            "party": "partij-1",
            "date": "2026-02-03",
            "status": "planned",
            "working_days_before_signing": 49,
        }
        assert data["milestones"][-1]["working_days_before_signing"] == 0
        assert [set(warning) for warning in data["warnings"]] == [{"code", "nl", "en"}] * 3

    @pytest.mark.parametrize(
        ("lang", "expected"),
        [
            (
                "nl",
                [
                    "Terugrekenplanning naar de ondertekening op 2026-04-15",
                    "2026-02-03 di    49  besluit (partij-1)",
                    "Waarschuwingen:",
                    "- De ondertekening op 2026-04-15 valt in de periode",
                ],
            ),
            (
                "en",
                [
                    "Backward plan to the signing on 2026-04-15",
                    "2026-02-03 Tue   49  decision (partij-1)",
                    "Warnings:",
                    "- The signing on 2026-04-15 falls in the period",
                ],
            ),
        ],
    )
    def test_text(self, lang: Any, expected: list[str]) -> None:
        """The text shows each milestone with its weekday and working days before the signing, then warnings."""
        text = render_plan(plan_backwards(dt.date(2026, 4, 15), parties=1), "text", lang=lang)
        for part in expected:
            assert part in text

    def test_text_without_warnings(self) -> None:
        """A plan without warnings has no warnings heading."""
        text = render_plan(plan_backwards(dt.date(2025, 12, 10), parties=1))
        assert "Waarschuwingen" not in text
        assert text.splitlines()[-1] == "wd = werkdagen vóór de ondertekening"

    def test_to_process_keeps_products(self) -> None:
        """A plan put into a process replaces start and milestones and keeps the products."""
        plan = plan_backwards(dt.date(2025, 12, 10), parties=1)
        product = Product(id="concept-1", title="Concept")
        base = Process(started=Date(2025, 1, 1), milestones=(), products=(product,))
        assert plan.to_process(base) == Process(started=plan.start, milestones=plan.milestones, products=(product,))
        assert plan.to_process() == Process(started=plan.start, milestones=plan.milestones)


class TestPlanPassesTheChecks:
    """A plan put into an agreement passes the process rules."""

    def test_plain_plan_is_quiet(self) -> None:
        """A plan with no warnings gives no finding of PA004, PA107, PA111, PA112, PA113 or PA208."""
        plan = plan_backwards(dt.date(2025, 12, 10), parties=4)
        assert planning_findings(agreement_with(plan, municipalities(4))) == []

    def test_signing_in_window_gives_only_its_pa208(self) -> None:
        """A signing kept inside a window is the only PA208 finding; PA111 reports the long process."""
        plan = plan_backwards(dt.date(2026, 4, 15), parties=2)
        signing_path = f"$.process.milestones[{len(plan.milestones) - 1}]"
        assert planning_findings(agreement_with(plan, municipalities(2))) == [
            ("PA111", signing_path),
            ("PA208", signing_path),
        ]

    def test_herindeling_plan_passes_with_the_same_dates(self) -> None:
        """Planned with a municipality's own election dates, the plan passes PA208 configured with the same dates."""
        plan = plan_backwards(dt.date(2022, 4, 1), parties=1, calendar=HERINDELING, municipality=MAASHORST)
        party = attrs.evolve(municipalities(1)[0], areas=("maashorst",))
        area = Area(id="maashorst", name="Maashorst", kind=AreaKind.MUNICIPALITY, cbs_code=MAASHORST)
        agreement = agreement_with(plan, (party,), areas=(area,))
        assert codes(plan) == []
        assert planning_findings(agreement, municipal_elections={MAASHORST: MAASHORST_ELECTIONS}) == []
        # Without the configuration the regular 2022 window applies and PA208 reports the decisions.
        assert "PA208" in {code for code, _ in planning_findings(agreement)}

    @given(signing=SIGNING_DAYS, count=PARTY_COUNTS)
    @settings(max_examples=60, deadline=None)
    def test_generated_plans_pass(self, signing: Date, count: int) -> None:
        """PA112 never fires; PA208 only for a signing kept in a window; PA111 exactly when the plan says so."""
        plan = plan_backwards(signing, parties=count)
        findings = planning_findings(agreement_with(plan, municipalities(count)))
        found = {code for code, _ in findings}
        assert not found & {"PA004", "PA107", "PA112", "PA113"}
        expected_pa208 = "signing-in-election-window" in codes(plan)
        assert [path for code, path in findings if code == "PA208"] == (
            [f"$.process.milestones[{len(plan.milestones) - 1}]"] if expected_pa208 else []
        )
        assert ("PA111" in found) is plan.exceeds_six_months


class TestPlanProperties:
    """Laws of every plan, over signing dates 2020-2035, 1-12 parties and any lead times."""

    @given(signing=SIGNING_DAYS, count=PARTY_COUNTS, times=st.one_of(st.just(LeadTimes()), LEAD_TIMES))
    @settings(max_examples=300, deadline=None)
    def test_plan_laws(self, signing: Date, count: int, times: LeadTimes) -> None:
        """Working days, PA112's order, the signing last, and no decision or approval inside an election window."""
        plan = plan_backwards(signing, parties=count, lead_times=times)
        milestones = plan.milestones
        assert all(is_working_day(milestone.date) for milestone in milestones)
        assert_pa112_order(milestones)
        assert milestones[-1] == Milestone(kind=MilestoneKind.SIGNING, date=signing)
        assert [m.date for m in milestones] == sorted(m.date for m in milestones)
        assert plan.start == milestones[0].date
        assert all(m.status is MilestoneStatus.PLANNED for m in milestones)
        for milestone in milestones:
            if milestone.kind in DECIDING - {MilestoneKind.SIGNING}:
                assert DEFAULT_CALENDAR.window_containing(milestone.date) is None, milestone
        in_window = DEFAULT_CALENDAR.window_containing(signing) is not None
        assert ("signing-in-election-window" in codes(plan)) is in_window
        assert ("exceeds-six-months" in codes(plan)) is plan.exceeds_six_months
        assert plan.exceeds_six_months is (signing > process_deadline(plan.start))
        parties = [f"partij-{n}" for n in range(1, count + 1)]
        assert [m.party for m in milestones if m.kind is MilestoneKind.DECISION] == parties
        assert [m.party for m in milestones if m.kind is MilestoneKind.SUPERVISORY_APPROVAL] == parties

    @given(signing=SIGNING_DAYS, times=LEAD_TIMES)
    @settings(max_examples=100, deadline=None)
    def test_lead_times_are_minimums(self, signing: Date, times: LeadTimes) -> None:
        """Each step is at least its lead time in working days before the next one (more only when moved)."""
        plan = plan_backwards(signing, parties=1, lead_times=times)
        day = {m.kind: m.date for m in plan.milestones}
        gap = working_days_between
        assert gap(day[MilestoneKind.DECISION], signing) >= times.decision
        assert gap(day[MilestoneKind.SUPERVISORY_APPROVAL], day[MilestoneKind.DECISION]) >= times.supervisory_approval
        assert gap(day[MilestoneKind.ADMINISTRATIVE_REVIEW], day[MilestoneKind.DECISION]) >= times.administrative_review
        assert gap(day[MilestoneKind.CONCEPT], day[MilestoneKind.ADMINISTRATIVE_REVIEW]) == times.concept
        assert gap(day[MilestoneKind.ASSIGNMENT], day[MilestoneKind.CONCEPT]) == times.assignment
        assert gap(day[MilestoneKind.KICKOFF], day[MilestoneKind.ASSIGNMENT]) == times.kickoff
        if not plan.warnings or codes(plan) == ["exceeds-six-months"]:
            assert gap(day[MilestoneKind.DECISION], signing) == times.decision

    @given(signing=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 12, 31)))
    @settings(deadline=None)
    def test_non_working_days_are_refused(self, signing: dt.date) -> None:
        """Exactly the days that are not working days are refused as signing dates."""
        if is_working_day(signing):
            assert plan_backwards(signing, parties=1).signing == signing
        else:
            with pytest.raises(PlanningError, match="not a Dutch working day"):
                plan_backwards(signing, parties=1)


# --- the command line ---------------------------------------------------------------------------------------


class TestPlanCommand:
    """`prestatieafspraken plan`."""

    def test_text(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The default output is the Dutch table for three generic parties."""
        assert main(["plan", "--signing", "2025-12-10"]) == 0
        out = capsys.readouterr().out
        assert out.startswith("Terugrekenplanning naar de ondertekening op 2025-12-10\n")
        assert out.count("besluit (partij-") == 3

    def test_text_in_english(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`--lang en` writes the table in English."""
        assert main(["plan", "--signing", "2026-04-15", "--parties", "2", "--lang", "en"]) == 0
        out = capsys.readouterr().out
        assert "decision (partij-2)" in out
        assert "Warnings:" in out

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`--format json` prints the plan's `plan_data`."""
        assert main(["plan", "--signing", "2025-12-10", "--parties", "5", "--format", "json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data == plan_data(plan_backwards(dt.date(2025, 12, 10), parties=5))

    @pytest.mark.parametrize(
        ("name", "text"),
        [("lead.toml", "decision = 3\n"), ("lead.yaml", "decision: 3\n")],
    )
    def test_lead_times_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str) -> None:
        """`--lead-times FILE` reads the lead times from TOML or YAML."""
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert main(["plan", "--signing", "2025-12-10", "--lead-times", str(path), "--format", "json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["lead_times"]["decision"] == 3
        assert data["milestones"][-2]["date"] == "2025-12-05"

    @pytest.mark.parametrize(
        ("arguments", "file_text", "message"),
        [
            (["--signing", "2025-12-13"], None, "2025-12-13 is a weekend day, not a Dutch working day"),
            (["--signing", "2025-12-10", "--parties", "0"], None, "the number of parties must be"),
            (["--signing", "2025-12-10", "--lead-times", "{file}"], "decison = 3\n", "unknown step 'decison'"),
            (["--signing", "2025-12-10", "--lead-times", "{file}"], "decision = [\n", "not valid TOML"),
            (["--signing", "2025-12-10", "--lead-times", "{missing}"], None, "missing.toml: cannot open the file"),
        ],
    )
    def test_bad_input_exits_2(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        arguments: list[str],
        file_text: str | None,
        message: str,
    ) -> None:
        """Bad input exits 2 with a clear message on standard error and no traceback."""
        file = tmp_path / "lead.toml"
        if file_text is not None:
            file.write_text(file_text, encoding="utf-8")
        argv = [arg.format(file=file, missing=tmp_path / "missing.toml") for arg in arguments]
        assert main(["plan", *argv, "--lang", "en"]) == 2
        captured = capsys.readouterr()
        assert message in captured.err
        assert "Traceback" not in captured.err
        assert captured.out == ""

    @pytest.mark.parametrize("signing", ["0001-01-01", "0001-01-02", "0001-06-04"])
    @pytest.mark.parametrize("output", ["text", "json"])
    def test_plan_before_the_calendar_exits_2(
        self, capsys: pytest.CaptureFixture[str], signing: str, output: str
    ) -> None:
        """A signing so early that the plan would start before 0001-01-01 exits 2 with one clear message."""
        assert main(["plan", "--signing", signing, "--format", output, "--lang", "en"]) == 2
        captured = capsys.readouterr()
        assert captured.err == (
            f"the plan for a signing on {signing} would start before 0001-01-01, where the calendar begins; "
            "choose a later signing date or shorter lead times\n"
        )
        assert captured.out == ""

    @pytest.mark.parametrize("signing", ["0001-12-03", "9999-12-30", "9999-12-31"])
    def test_extreme_dates_that_fit_are_planned(self, capsys: pytest.CaptureFixture[str], signing: str) -> None:
        """A signing near either end of the calendar whose plan fits in it is planned (exit 0)."""
        assert main(["plan", "--signing", signing, "--format", "json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["signing"] == signing
        assert data["start"] >= "0001-01-01"

    def test_weekend_at_the_end_of_the_calendar(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A weekend signing in the calendar's last days names the working days around it."""
        assert main(["plan", "--signing", "9999-12-25", "--lang", "en"]) == 2
        assert "such as 9999-12-24 (before) or 9999-12-27 (after)" in capsys.readouterr().err

    def test_api_raises_a_planning_error(self) -> None:
        """From Python the same refusal is a `PlanningError` (a ValueError)."""
        with pytest.raises(PlanningError, match="would start before 0001-01-01") as raised:
            plan_backwards(dt.date(1, 1, 1), parties=3)
        assert isinstance(raised.value, ValueError)

    @pytest.mark.parametrize(
        "arguments",
        [[], ["--signing", "10-12-2025"], ["--signing", "2025-12-10", "--parties", "drie"]],
    )
    def test_unusable_arguments_exit_2(self, capsys: pytest.CaptureFixture[str], arguments: list[str]) -> None:
        """A missing or malformed argument is a usage error (exit 2) from argparse."""
        with pytest.raises(SystemExit) as raised:
            main(["plan", *arguments])
        assert raised.value.code == 2
        assert "usage:" in capsys.readouterr().err


# --- planning one yearly cycle of an agreement (issue 15) ---------------------------------------------------

LINDEVEEN = examples.load("lindeveen-2025-2028")
CYCLE_RULES = (*PLANNING_RULES, "PA401", "PA403")


def without_process(agreement: Agreement) -> Agreement:
    """The agreement without its process and bids: a cycle plan is all it will have."""
    return attrs.evolve(agreement, process=None, bids=())


class TestPlanCycle:
    """`cycle_planning.plan_cycle`: one yearly cycle from the agreement's own parties, mandates and bids."""

    def test_lindeveen_2027(self) -> None:
        """The 2027 cycle: the recorded bid, the parties' approvals and decisions, the signing by 15 December."""
        plan = plan_cycle(LINDEVEEN, 2027)
        assert (plan.bid_deadline, plan.signing_deadline) == (Date(2026, 7, 1), Date(2026, 12, 15))
        assert plan.process.signing == Date(2026, 12, 15)
        first = plan.steps[0]
        assert (first.milestone.kind, first.milestone.date, first.from_file) == (
            MilestoneKind.BID,
            Date(2026, 6, 25),
            True,
        )
        decisions = {step.party_name: step.who for step in plan.steps if step.milestone.kind is MilestoneKind.DECISION}
        assert decisions == {
            "Gemeente Lindeveen": ("college van B en W",),
            "Woonstichting Lindeveen": ("directeur-bestuurder",),
            "Huurdersvereniging Lindeveen": ("bestuur",),
        }
        approvals = [step.who for step in plan.steps if step.milestone.kind is MilestoneKind.SUPERVISORY_APPROVAL]
        assert sorted(approvals) == [("achterban",), ("gemeenteraad",), ("raad van commissarissen",)]
        (signing,) = (step for step in plan.steps if step.milestone.kind is MilestoneKind.SIGNING)
        assert signing.who == (
            "wethouder wonen (Gemeente Lindeveen)",
            "directeur-bestuurder (Woonstichting Lindeveen)",
            "voorzitter (Huurdersvereniging Lindeveen)",
        )
        assert plan.warnings == ()

    def test_every_step_is_of_the_cycle_on_a_working_day(self) -> None:
        """Every step names cycle 2028, falls on a working day, and the steps are in time order."""
        plan = plan_cycle(LINDEVEEN, 2028)
        assert {step.milestone.for_year for step in plan.steps} == {2028}
        assert all(is_working_day(step.milestone.date) for step in plan.steps)
        days = [step.milestone.date for step in plan.steps]
        assert days == sorted(days)
        (evaluation,) = (step.milestone for step in plan.steps if step.milestone.kind is MilestoneKind.EVALUATION)
        assert Date(2029, 6, 1) < evaluation.date < Date(2029, 7, 1)

    def test_a_bid_is_planned_when_none_is_recorded(self) -> None:
        """Without a recorded bid, the corporation's bid is planned by 1 July and before the talks."""
        plan = plan_cycle(without_process(LINDEVEEN), 2026)
        (bid,) = (step for step in plan.steps if step.milestone.kind is MilestoneKind.BID)
        assert not bid.from_file
        assert bid.milestone.party == "woonstichting-lindeveen"
        assert bid.milestone.date <= min(plan.bid_deadline, plan.process.start)

    def test_first_of_december(self) -> None:
        """With the 1 December deadline the signing moves up, the talks start before 1 July, and the plan says so."""
        plan = plan_cycle(without_process(LINDEVEEN), 2026, statutory=StatutoryDates(year_end_day=1))
        assert plan.process.signing == Date(2025, 12, 1)
        assert [warning.code for warning in plan.warnings] == ["bid-before-talks"]
        recorded = plan_cycle(LINDEVEEN, 2026, statutory=StatutoryDates(year_end_day=1))
        assert [warning.code for warning in recorded.warnings] == ["talks-before-bid"]

    def test_a_late_signing_is_kept_and_reported(self) -> None:
        """A signing date after the deadline is kept, with a warning."""
        plan = plan_cycle(LINDEVEEN, 2026, signing=dt.date(2026, 1, 20))
        assert plan.process.signing == Date(2026, 1, 20)
        assert "signing-after-deadline" in [warning.code for warning in plan.warnings]

    def test_a_late_recorded_bid_is_reported(self) -> None:
        """A recorded bid after 1 July is kept and reported."""
        late = attrs.evolve(LINDEVEEN, bids=(attrs.evolve(LINDEVEEN.bids[1], date=Date(2025, 7, 10)),))
        plan = plan_cycle(late, 2026)
        assert "bid-late" in [warning.code for warning in plan.warnings]

    def test_the_first_cycle_passes_the_checks(self) -> None:
        """The plan of the first cycle, put into an agreement without a process, passes the process rules."""
        agreement = without_process(LINDEVEEN)
        plan = plan_cycle(agreement, 2025)
        planned = attrs.evolve(agreement, process=plan.to_process(agreement.process))
        report = check(planned, as_of=dt.date(2024, 1, 1), config=CheckConfig(select=CYCLE_RULES))
        assert report.findings == ()

    def test_to_process_adds_to_the_agreement(self) -> None:
        """`to_process` keeps the agreement's milestones and adds the planned ones, not the recorded bids."""
        plan = plan_cycle(LINDEVEEN, 2026)
        process = plan.to_process(LINDEVEEN.process)
        assert LINDEVEEN.process is not None
        assert process.milestones == (*LINDEVEEN.process.milestones, *plan.milestones)
        assert all(milestone.kind is not MilestoneKind.BID for milestone in plan.milestones)

    def test_herindeling_windows_of_every_municipality(self) -> None:
        """Decisions stay out of the windows of each municipality that votes on its own dates."""
        east = ("GM0001", (Date(2021, 11, 24), Date(2026, 3, 18)))
        west = ("GM0002", (Date(2022, 11, 23), Date(2026, 3, 18)))
        calendar = attrs.evolve(DEFAULT_CALENDAR, per_municipality=dict((east, west)))
        areas = tuple(
            Area(id=f"m{n}", name=f"M{n}", kind=AreaKind.MUNICIPALITY, cbs_code=code)
            for n, (code, _) in enumerate((east, west))
        )
        parties = tuple(
            Party(id=f"gemeente-{area.id}", name=area.name, kind=PartyKind.MUNICIPALITY, areas=(area.id,))
            for area in areas
        )
        agreement = Agreement(
            id="herindeling",
            title="Herindeling",
            scope=Scope.REGIONAL,
            perspective=Perspective(start=2022, end=2025),
            areas=areas,
            parties=parties,
        )
        for year, (_, elections) in ((2022, east), (2023, west)):
            plan = plan_cycle(agreement, year, calendar=calendar)
            window_start = elections[0].subtract(weeks=6)
            decisions = [s.milestone.date for s in plan.steps if s.milestone.kind is MilestoneKind.DECISION]
            assert decisions
            assert all(day < window_start for day in decisions)
            assert "moved-before-election-window" in [warning.code for warning in plan.warnings]

    @pytest.mark.parametrize(
        ("year", "changes", "message"),
        [
            (2030, {}, "the year 2030 is not a year of the perspective 2025-2028"),
            (2026, {"evaluation_lead": -1}, "the evaluation lead must be a whole number of working days"),
            (2026, {"signing": dt.date(2025, 12, 13)}, "2025-12-13 is a weekend day"),
            (2026, {"lead_times": {"decison": 3}}, "unknown step 'decison'"),
        ],
    )
    def test_refusals(self, year: int, changes: dict[str, Any], message: str) -> None:
        """A year outside the perspective, a bad lead, a signing on a weekend or bad lead times are refused."""
        with pytest.raises(PlanningError, match=message):
            plan_cycle(LINDEVEEN, year, **changes)

    def test_no_counted_party(self) -> None:
        """An agreement whose parties all only endorse has nobody to plan for."""
        coalition = tuple(
            CoalitionMember(party=party.id, status=CoalitionStatus.ENDORSER) for party in LINDEVEEN.parties
        )
        with pytest.raises(PlanningError, match="no counted party"):
            plan_cycle(attrs.evolve(LINDEVEEN, coalition=coalition), 2026)

    def test_text_and_dict(self) -> None:
        """The text names the parties and the people, in Dutch or English; the dict carries every step."""
        plan = plan_cycle(LINDEVEEN, 2026)
        text = plan.to_text()
        assert text.startswith("Planning van de jaarcyclus 2026 (jaarschijf 2026) van lindeveen-2025-2028\n")
        assert "2025-12-15 ma  ondertekening: wethouder wonen (Gemeente Lindeveen)" in text
        assert "bod — Woonstichting Lindeveen [uit de afspraken]" in text
        assert "decision — Gemeente Lindeveen: college van B en W" in plan.to_text("en")
        data = plan.to_dict()
        assert len(data["steps"]) == len(plan.steps)
        assert data["steps"][0] == {
            "kind": "bid",
            "party": "woonstichting-lindeveen",
            "party_name": "Woonstichting Lindeveen",
            "who": [],
            "date": "2025-06-26",
            "status": "done",
            "for_year": 2026,
            "from_file": True,
        }


class TestPlanCycleCommand:
    """`prestatieafspraken plan FILE --year Y`."""

    def test_text(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The Dutch table names the agreement's parties and lands on working days."""
        assert main(["plan", "--example", "lindeveen-2025-2028", "--year", "2027"]) == 0
        out = capsys.readouterr().out
        assert out == plan_cycle(LINDEVEEN, 2027).to_text() + "\n"
        assert "Huurdersvereniging Lindeveen" in out

    def test_json_of_a_file_with_the_first_of_december(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """``--year-end 12-01 --format json`` of a file prints the plan's dict with the 1 December deadline."""
        path = tmp_path / "agreement.yaml"
        path.write_text(dumps(LINDEVEEN), encoding="utf-8")
        assert main(["plan", str(path), "--year", "2027", "--year-end", "12-01", "--format", "json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data == plan_cycle(LINDEVEEN, 2027, statutory=StatutoryDates(year_end_day=1)).to_dict()
        assert data["signing"] == "2026-12-01"

    @pytest.mark.parametrize(
        ("arguments", "message"),
        [
            (["--example", "lindeveen-2025-2028"], "give --year Y"),
            (["--example", "lindeveen-2025-2028", "--year", "2026", "--parties", "3"], "--parties is for a plan"),
            (["--year", "2026"], "give --signing DATE"),
            (["--signing", "2025-12-10", "--year", "2026"], "--year and --year-end plan a cycle of an agreement"),
        ],
    )
    def test_usage_errors(self, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str) -> None:
        """Arguments that do not make one plan are a usage error (exit 2)."""
        with pytest.raises(SystemExit) as raised:
            main(["plan", *arguments])
        assert raised.value.code == 2
        assert message in capsys.readouterr().err

    def test_a_year_outside_the_perspective_exits_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A year the agreement does not cover exits 2 with the perspective in the message."""
        assert main(["plan", "--example", "lindeveen-2025-2028", "--year", "2030", "--lang", "en"]) == 2
        assert "not a year of the perspective 2025-2028" in capsys.readouterr().err
