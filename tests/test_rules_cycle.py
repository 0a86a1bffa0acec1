"""The rules read the yearly cycle (DESIGN §3.1): two- and three-cycle agreements, late cycles, messages per cycle."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest

from prestatieafspraken import examples, load
from prestatieafspraken.model import Agreement, MilestoneKind, MilestoneStatus
from prestatieafspraken.rules import CheckConfig, Finding, Severity, check
from support import AS_OF, EXAMPLES_AS_OF, findings

DATA = Path(__file__).parent / "data"
LINDEVEEN = examples.load("lindeveen-2025-2028")


#: The two-cycle test data hold the process, not the realisations: overdue reporting (PA314, tested by its own
#: cases) is not what these tests are about.
CYCLE_CONFIG = CheckConfig(ignore=("PA314",))


def loud(agreement: Agreement, as_of: dt.date) -> list[tuple[str, str]]:
    """The (code, path) of every error and warning of the agreement's check, overdue reporting aside."""
    report = check(agreement, as_of=as_of, config=CYCLE_CONFIG)
    return [(finding.code, finding.path) for finding in report.findings if finding.severity is not Severity.INFO]


def with_milestone(agreement: Agreement, index: int, **changes: Any) -> Agreement:
    """The agreement with the milestone at *index* changed."""
    assert agreement.process is not None
    milestones = list(agreement.process.milestones)
    milestones[index] = attrs.evolve(milestones[index], **changes)
    return attrs.evolve(agreement, process=attrs.evolve(agreement.process, milestones=tuple(milestones)))


class TestTwoCycleAgreement:
    """The agreement the handbook recommends, a multi-year perspective with a jaarschijf each year, is quiet."""

    @pytest.mark.parametrize("name", ["two-cycles.yaml", "two-cycles-inferred.yaml"])
    @pytest.mark.parametrize("as_of", [EXAMPLES_AS_OF, AS_OF], ids=["mid-term", "after-the-term"])
    def test_quiet(self, name: str, as_of: dt.date) -> None:
        """With for_year and without, in the middle of the term and after it: no error and no warning."""
        assert loud(load(DATA / name), as_of) == []

    def test_the_shipped_example_has_two_cycles_and_is_quiet(self) -> None:
        """The shipped Lindeveen example signs the jaarschijven for 2025 and 2026 and gives no finding at all."""
        assert LINDEVEEN.process is not None
        signings = [m for m in LINDEVEEN.process.milestones if m.kind is MilestoneKind.SIGNING]
        assert [(m.date.isoformat(), m.for_year) for m in signings] == [("2024-12-10", None), ("2025-12-09", 2026)]
        assert check(LINDEVEEN, as_of=EXAMPLES_AS_OF).findings == ()

    def test_late_cycle_is_found(self) -> None:
        """A bid for 2026 sent 2025-07-10 and a jaarschijf for 2026 signed 2026-01-20 give PA401 and PA403 only."""
        late = load(DATA / "two-cycles-late.yaml")
        assert loud(late, EXAMPLES_AS_OF) == [("PA401", "$.bids[1]"), ("PA403", "$.process.milestones[17]")]
        report = check(late, as_of=EXAMPLES_AS_OF)
        (pa403,) = report.by_code()["PA403"]
        assert "voor 2026" in pa403.message_nl
        assert "2025-12-15" in pa403.message_en

    @pytest.mark.parametrize("for_year", [None, 2026])
    def test_late_signing_with_and_without_for_year(self, for_year: int | None) -> None:
        """The example's second signing moved to 2026-01-20 is late for 2026, whether it names its cycle or not."""
        late = with_milestone(LINDEVEEN, 17, date=pendulum.Date(2026, 1, 20), for_year=for_year)
        (finding,) = findings(late, "PA403", as_of=EXAMPLES_AS_OF)
        assert finding.path == "$.process.milestones[17]"
        assert "for 2026" in finding.message_en
        assert ("The year follows from the date" in finding.message_en) is (for_year is None)

    def test_second_cycle_decision_does_not_cover_the_first(self) -> None:
        """Without the corporation's decision of the 2026 cycle, its 2025 decision does not cover the 2026 signing."""
        undecided = with_milestone(LINDEVEEN, 13, status=MilestoneStatus.MISSED)
        (finding,) = findings(undecided, "PA113", as_of=EXAMPLES_AS_OF)
        assert finding.path == "$.process.milestones[17]"
        assert finding.subjects == ("woonstichting-lindeveen",)
        assert "ondertekent voor 2026 op 2025-12-09" in finding.message_nl


class TestMessagesNameTheCycle:
    """In an agreement of several cycles, PA112 names each milestone's cycle; in one of a single cycle it does not."""

    def test_several_cycles(self) -> None:
        """A second-cycle review before its concept: both are named with their year, and for_year is suggested."""
        early = with_milestone(LINDEVEEN, 11, date=pendulum.Date(2025, 9, 1), for_year=None)
        (finding,) = findings(early, "PA112", as_of=EXAMPLES_AS_OF)
        assert finding.path == "$.process.milestones[11]"
        assert "(2025-09-01, voor 2026, $.process.milestones[11])" in finding.message_nl
        assert "(2025-09-30, for 2026, $.process.milestones[10])" in finding.message_en
        assert "say so with for_year" in finding.message_en

    def test_one_cycle(self) -> None:
        """An agreement of one cycle keeps the message without years."""
        assert LINDEVEEN.process is not None
        first = attrs.evolve(
            LINDEVEEN, process=attrs.evolve(LINDEVEEN.process, milestones=LINDEVEEN.process.milestones[:10])
        )
        early = with_milestone(first, 3, date=pendulum.Date(2024, 9, 1))
        (finding,) = findings(early, "PA112", as_of=EXAMPLES_AS_OF)
        assert "(2024-09-01, $.process.milestones[3])" in finding.message_en
        assert "for_year" not in finding.message_en


class TestBidsCountOnce:
    """A bid recorded as a bid milestone and in ``bids`` is one bid."""

    def test_reported_once_at_the_bid(self) -> None:
        """The late bid for 2026 of the late two-cycle file, also written as a milestone, gives one PA401."""
        late = load(DATA / "two-cycles-late.yaml")
        assert late.process is not None
        bid = late.bids[1]
        milestone = attrs.evolve(late.process.milestones[0], kind=MilestoneKind.BID, party=bid.party, date=bid.date)
        both = attrs.evolve(late, process=attrs.evolve(late.process, milestones=(*late.process.milestones, milestone)))
        found: list[Finding] = findings(both, "PA401", as_of=EXAMPLES_AS_OF)
        assert [finding.path for finding in found] == ["$.bids[1]"]
