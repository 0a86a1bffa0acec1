"""The yearly cycle (DESIGN §3.1): the cycle of a milestone, an agreement's cycles, the jaarschijf, statutory dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given, settings

import prestatieafspraken
from prestatieafspraken import examples, load
from prestatieafspraken.cycles import (
    DEFAULT_STATUTORY_DATES,
    Cycle,
    StatutoryDates,
    bid_milestone,
    check_year,
    cycle_of,
    cycles,
    jaarschijf,
)
from prestatieafspraken.errors import ConfigError, CycleError, PrestatieafsprakenError
from prestatieafspraken.model import (
    Agreement,
    Bid,
    InvariantError,
    Milestone,
    MilestoneKind,
    MilestoneStatus,
    Party,
    PartyKind,
    Perspective,
    Process,
    Scope,
)
from strategies import agreements

DATA = Path(__file__).parent / "data"
LINDEVEEN = examples.load("lindeveen-2025-2028")
TWO_CYCLES = load(DATA / "two-cycles.yaml")
TWO_CYCLES_INFERRED = load(DATA / "two-cycles-inferred.yaml")
PROPERTIES = settings(max_examples=60, deadline=None)


def agreement(*milestones: Milestone, bids: tuple[Bid, ...] = ()) -> Agreement:
    """A local agreement of 2025-2028 with these milestones and bids."""
    return Agreement(
        id="cycle",
        title="Cycle",
        scope=Scope.LOCAL,
        perspective=Perspective(start=2025, end=2028),
        parties=(Party(id="corporatie", name="Corporatie", kind=PartyKind.HOUSING_CORPORATION),),
        process=Process(milestones=milestones),
        bids=bids,
    )


def milestone(kind: MilestoneKind, day: str, for_year: int | None = None) -> Milestone:
    """A milestone of *kind* on the ISO date *day*."""
    return Milestone(kind=kind, date=pendulum.Date.fromisoformat(day), for_year=for_year)


def shape(found: tuple[Cycle, ...]) -> list[tuple[int, list[tuple[str, str | None, str]]]]:
    """The cycles as (year, [(kind, party, date)]), to compare two agreements' cycles."""
    return [
        (
            cycle.year,
            [(p.milestone.kind.value, p.milestone.party, p.milestone.date.isoformat()) for p in cycle.milestones],
        )
        for cycle in found
    ]


class TestCycleOf:
    """`cycle_of`: the cycle of a milestone as DESIGN §3.1 defines it (perspective 2025-2028)."""

    @pytest.mark.parametrize(
        ("kind", "day", "for_year", "expected"),
        [
            (MilestoneKind.SIGNING, "2025-12-09", 2026, 2026),
            (MilestoneKind.SIGNING, "2026-01-20", 2026, 2026),
            (MilestoneKind.SIGNING, "2024-12-10", None, 2025),
            (MilestoneKind.SIGNING, "2026-01-20", None, 2026),
            (MilestoneKind.DECISION, "2025-07-01", None, 2026),
            (MilestoneKind.DECISION, "2025-06-30", None, 2025),
            (MilestoneKind.BID, "2025-06-26", None, 2026),
            (MilestoneKind.BID, "2025-07-10", None, 2026),
            (MilestoneKind.BID, "2024-06-27", None, 2025),
            (MilestoneKind.EVALUATION, "2026-05-20", None, 2025),
            (MilestoneKind.EVALUATION, "2029-06-13", None, 2028),
            (MilestoneKind.KICKOFF, "2024-03-01", None, 2025),
            (MilestoneKind.BID, "2023-06-01", None, 2025),
            (MilestoneKind.EVALUATION, "2025-05-01", None, 2025),
            (MilestoneKind.SIGNING, "2023-12-01", 2024, 2024),
            (MilestoneKind.BID, "2030-06-01", None, 2031),
        ],
        ids=[
            "explicit",
            "explicit-late-signing",
            "signing-december",
            "late-signing-own-year",
            "july-prepares-next-year",
            "june-is-own-year",
            "bid-year-after",
            "late-bid-year-after",
            "first-bid",
            "evaluation-year-before",
            "last-evaluation",
            "early-start-is-first-cycle",
            "early-bid-is-first-cycle",
            "early-evaluation-is-first-cycle",
            "explicit-is-never-moved",
            "after-the-perspective",
        ],
    )
    def test_cycle(self, kind: MilestoneKind, day: str, for_year: int | None, expected: int) -> None:
        """The cycle is ``for_year`` when given, else inferred from the kind and the date, never before the first."""
        assert cycle_of(milestone(kind, day, for_year), agreement()) == expected

    def test_a_bid_is_of_its_for_year(self) -> None:
        """A bid in ``bids`` belongs to the cycle of its ``for_year``, whatever its date."""
        bid = Bid(id="bod", party="corporatie", for_year=2027, date=pendulum.Date(2025, 3, 1))
        assert cycle_of(bid, agreement()) == 2027
        assert cycle_of(bid_milestone(bid), agreement()) == 2027

    def test_a_bid_counts_as_a_done_bid_milestone(self) -> None:
        """The milestone of a bid is a done bid of its party on its date, naming its cycle."""
        bid = Bid(id="bod", party="corporatie", for_year=2026, date=pendulum.Date(2025, 6, 26))
        assert bid_milestone(bid) == Milestone(
            kind=MilestoneKind.BID,
            party="corporatie",
            date=pendulum.Date(2025, 6, 26),
            status=MilestoneStatus.DONE,
            for_year=2026,
        )

    @pytest.mark.parametrize("year", [1, 9999, -5])
    def test_a_cycle_year_needs_a_year_before_and_after(self, year: int) -> None:
        """A ``for_year`` whose year before or after is outside the calendar cannot be built."""
        with pytest.raises(InvariantError, match=f"the year {year} has no year before or after it"):
            milestone(MilestoneKind.SIGNING, "2025-12-09", year)


class TestCycles:
    """`cycles`: the cycles present in an agreement, with their milestones and bids."""

    def test_two_cycles(self) -> None:
        """The two-cycle agreement has the 2025 and 2026 cycles with their own signings, and later bids' cycles."""
        found = {cycle.year: cycle for cycle in cycles(TWO_CYCLES)}
        assert sorted(found) == [2025, 2026, 2027, 2028]
        signings = {
            year: [p.milestone.date.isoformat() for p in c.milestones_of(MilestoneKind.SIGNING)]
            for year, c in found.items()
        }
        assert signings == {2025: ["2024-12-10"], 2026: ["2025-12-09"], 2027: [], 2028: []}
        assert [bid.id for bid in found[2026].bids] == ["bod-2026"]
        assert [p.path for p in found[2026].milestones_of(MilestoneKind.BID)] == ["$.bids[1]"]

    def test_inferred_cycles_are_the_named_ones(self) -> None:
        """Without ``for_year`` the dates give the same cycles as the file that names them."""
        assert shape(cycles(TWO_CYCLES_INFERRED)) == shape(cycles(TWO_CYCLES))

    def test_explicit_is_recorded(self) -> None:
        """Each placed milestone says whether its cycle was named or inferred, and where it is in the file."""
        second = next(cycle for cycle in cycles(TWO_CYCLES) if cycle.year == 2026)
        named = [
            placed.explicit for placed in second.milestones if placed.milestone.kind is not MilestoneKind.EVALUATION
        ]
        assert named == [True] * 9
        assert [p.explicit for p in second.milestones_of(MilestoneKind.EVALUATION)] == [False]
        first = next(cycle for cycle in cycles(TWO_CYCLES) if cycle.year == 2025)
        assert first.milestones[0].path == "$.process.milestones[0]"
        assert not first.milestones[0].explicit

    def test_a_late_jaarschijf_stays_in_its_cycle(self) -> None:
        """A signing of 2026-01-20 and a bid of 2025-07-10 belong to cycle 2026 and are past its deadlines."""
        late = load(DATA / "two-cycles-late.yaml")
        second = next(cycle for cycle in cycles(late) if cycle.year == 2026)
        (signing,) = second.milestones_of(MilestoneKind.SIGNING)
        (bid,) = second.milestones_of(MilestoneKind.BID)
        assert signing.milestone.date > DEFAULT_STATUTORY_DATES.signing_deadline(2026)
        assert bid.milestone.date > DEFAULT_STATUTORY_DATES.bid_deadline(2026)
        assert not any(cycle.milestones_of(MilestoneKind.SIGNING) for cycle in cycles(late) if cycle.year == 2027)

    def test_an_agreement_without_a_process_or_bids_has_no_cycles(self) -> None:
        """No milestone and no bid: no cycle."""
        assert cycles(attrs.evolve(agreement(), process=None)) == ()

    def test_every_status_is_kept(self) -> None:
        """Missed and planned milestones are in their cycle too: the rules decide what counts."""
        missed = attrs.evolve(milestone(MilestoneKind.SIGNING, "2025-12-20"), status=MilestoneStatus.MISSED)
        (cycle,) = cycles(agreement(missed))
        assert [placed.milestone for placed in cycle.milestones] == [missed]

    @PROPERTIES
    @given(agreements(valid_references=False))
    def test_every_milestone_is_in_exactly_one_cycle(self, generated: Agreement) -> None:
        """Each milestone and each bid is in the cycle `cycle_of` gives it, and in no other."""
        placed = [(cycle.year, p.path) for cycle in cycles(generated) for p in cycle.milestones]
        process = generated.process.milestones if generated.process is not None else ()
        expected = [(cycle_of(m, generated), f"$.process.milestones[{i}]") for i, m in enumerate(process)]
        expected += [(bid.for_year, f"$.bids[{i}]") for i, bid in enumerate(generated.bids)]
        assert sorted(placed) == sorted(expected)


class TestJaarschijf:
    """`jaarschijf`: the commitments, bids, milestones and realisations of one year."""

    def test_lindeveen_2026(self) -> None:
        """The 2026 jaarschijf of Lindeveen holds its commitments, its bid and the milestones of its cycle."""
        found = jaarschijf(LINDEVEEN, 2026)
        assert found.in_perspective
        assert {c.id for c in found.commitments} == {c.id for c in LINDEVEEN.commitments if c.year == 2026}
        assert [bid.id for bid in found.bids] == ["bod-2026"]
        kinds = [placed.milestone.kind for placed in found.milestones]
        assert kinds == [
            MilestoneKind.CONCEPT,
            MilestoneKind.ADMINISTRATIVE_REVIEW,
            MilestoneKind.SUPERVISORY_APPROVAL,
            MilestoneKind.DECISION,
            MilestoneKind.DECISION,
            MilestoneKind.DECISION,
            MilestoneKind.SUPERVISORY_APPROVAL,
            MilestoneKind.SIGNING,
            MilestoneKind.EVALUATION,
            MilestoneKind.BID,
        ]
        assert found.realisations == tuple(r for r in LINDEVEEN.realisations if r.year == 2026)

    def test_realisations_of_the_year(self) -> None:
        """The realisations of the year are there, of every status, in file order."""
        assert jaarschijf(LINDEVEEN, 2025).realisations == tuple(r for r in LINDEVEEN.realisations if r.year == 2025)

    def test_second_cycle_of_the_two_cycle_agreement(self) -> None:
        """The 2026 jaarschijf of the two-cycle agreement has its own decisions and signing."""
        found = jaarschijf(TWO_CYCLES, 2026)
        assert [p.milestone.date.isoformat() for p in found.milestones_of(MilestoneKind.SIGNING)] == ["2025-12-09"]
        assert len(found.milestones_of(MilestoneKind.DECISION)) == 3

    def test_a_year_outside_the_perspective(self) -> None:
        """A year before the perspective is answered, marked as outside it."""
        found = jaarschijf(LINDEVEEN, 2024)
        assert not found.in_perspective
        assert (found.commitments, found.bids, found.milestones) == ((), (), ())

    def test_top_level_name(self) -> None:
        """`prestatieafspraken.jaarschijf` is the function of this module."""
        assert prestatieafspraken.jaarschijf is jaarschijf

    @pytest.mark.parametrize(
        ("year", "message"),
        [
            ("2026", "a year is a whole number such as 2026, got '2026'"),
            (True, "a year is a whole number such as 2026, got True"),
            (2026.0, "a year is a whole number such as 2026, got 2026.0"),
            (1, "the year 1 has no year before or after it"),
            (9999, "the year 9999 has no year before or after it"),
        ],
    )
    def test_a_year_that_is_none(self, year: object, message: str) -> None:
        """A year that is not a whole number from 2 to 9998 is refused with a `CycleError`."""
        with pytest.raises(CycleError, match=message) as raised:
            jaarschijf(LINDEVEEN, year)  # type: ignore[arg-type]
        assert isinstance(raised.value, PrestatieafsprakenError)
        assert isinstance(raised.value, ValueError)
        with pytest.raises(CycleError, match=message):
            check_year(year)

    @PROPERTIES
    @given(agreements(valid_references=False))
    def test_each_item_is_in_the_jaarschijf_of_its_year(self, generated: Agreement) -> None:
        """Over the cycles' years and the commitments' years, each commitment, bid and milestone is found once."""
        years = {c.year for c in generated.commitments if c.year is not None}
        years |= {cycle.year for cycle in cycles(generated)} | {r.year for r in generated.realisations}
        found = [jaarschijf(generated, year) for year in sorted(year for year in years if 1 < year < 9999)]
        assert sum(len(j.commitments) for j in found) == sum(c.year is not None for c in generated.commitments)
        assert sum(len(j.bids) for j in found) == len(generated.bids)
        assert sum(len(j.realisations) for j in found) == len(generated.realisations)
        milestones = len(generated.process.milestones) if generated.process is not None else 0
        assert sum(len(j.milestones) for j in found) == milestones + len(generated.bids)


class TestStatutoryDates:
    """`StatutoryDates`: the deadlines of a cycle and the Wet versterking regie volkshuisvesting."""

    def test_defaults(self) -> None:
        """Bid by 1 July and signing by 15 December of Y−1, evaluation by 1 July of Y+1; the new law not set."""
        dates = DEFAULT_STATUTORY_DATES
        assert dates.bid_deadline(2026) == pendulum.Date(2025, 7, 1)
        assert dates.signing_deadline(2026) == pendulum.Date(2025, 12, 15)
        assert dates.evaluation_deadline(2026) == pendulum.Date(2027, 7, 1)
        assert dates.regie_effective is None

    def test_first_of_december(self) -> None:
        """``year_end_day=1`` follows the ministerial letter of 2023: sign by 1 December."""
        assert StatutoryDates(year_end_day=1).signing_deadline(2026) == pendulum.Date(2025, 12, 1)

    @pytest.mark.parametrize(
        ("effective", "day", "expected"),
        [
            (None, dt.date(2030, 1, 1), False),
            (pendulum.Date(2026, 7, 1), dt.date(2026, 6, 30), False),
            (pendulum.Date(2026, 7, 1), dt.date(2026, 7, 1), True),
            (pendulum.Date(2026, 7, 1), pendulum.Date(2027, 1, 1), True),
        ],
    )
    def test_regie_in_force(self, effective: pendulum.Date | None, day: dt.date, expected: bool) -> None:
        """The law applies from its effective date on, and never while the date is not set."""
        assert StatutoryDates(regie_effective=effective).regie_in_force(day) is expected

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"bid_day": 31, "bid_month": 6}, "bid deadline: 6-31 is not a day of every year"),
            ({"year_end_month": 2, "year_end_day": 29}, "year-end .signing. deadline: 2-29 is not a day of every year"),
            ({"evaluation_month": 13}, "evaluation deadline: 13-1 is not a day of every year"),
            ({"regie_effective": "2026-07-01"}, "regie_effective is a date or None, got '2026-07-01'"),
        ],
    )
    def test_impossible_dates_are_refused(self, changes: dict[str, Any], message: str) -> None:
        """A deadline that is not a day of every year, or an effective date that is no date, is a `ConfigError`."""
        with pytest.raises(ConfigError, match=message):
            attrs.evolve(DEFAULT_STATUTORY_DATES, **changes)
