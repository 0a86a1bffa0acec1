"""Tests of the PA4xx rules that a case file cannot express: the messages and the dispute period."""

from __future__ import annotations

import datetime as dt

import pytest

from prestatieafspraken.rules import Finding
from support import agreement_yaml, findings, party_entry

_LOCAL = (
    agreement_yaml(
        parties=[
            party_entry("gemeente-breda", "Gemeente Breda", "municipality"),
            party_entry("alwel", "Alwel", "housing_corporation"),
        ],
    )
    + """\
process:
  started: 2024-01-31
  milestones:
    - {kind: bid, party: alwel, date: 2024-07-02, status: done}
    - {kind: signing, party: alwel, date: 2024-12-16, status: planned}
"""
)


def findings_of(code: str, as_of: dt.date) -> list[Finding]:
    """The findings of one rule on the Breda agreement above."""
    return findings(_LOCAL, code, as_of=as_of)


class TestDisputePeriod:
    """PA404 gives the four weeks for a dispute and says whether they have passed."""

    @pytest.mark.parametrize(
        ("as_of", "nl", "en"),
        [
            (dt.date(2024, 8, 1), "die termijn loopt nog", "that period is still running"),
            (dt.date(2024, 8, 28), "die termijn loopt nog", "that period is still running"),
            (dt.date(2024, 8, 29), "die termijn is verstreken", "that period has passed"),
        ],
    )
    def test_period_running_or_passed(self, as_of: dt.date, nl: str, en: str) -> None:
        """The dispute arises on 2024-07-31 and may be submitted up to and including 2024-08-28."""
        (finding,) = findings_of("PA404", as_of)
        for message, state in ((finding.message_nl, nl), (finding.message_en, en)):
            assert "2024-07-31" in message
            assert "2024-08-28" in message
            assert state in message

    def test_dispute_weeks_configured(self) -> None:
        """With dispute_weeks = 6 the period runs to 2024-09-11."""
        from prestatieafspraken.rules import CheckConfig  # noqa: PLC0415

        config = CheckConfig(params={"dispute_weeks": 6})
        (finding,) = findings(_LOCAL, "PA404", as_of=dt.date(2024, 9, 1), config=config)
        assert "2024-09-11" in finding.message_en
        assert "that period is still running" in finding.message_en


class TestMessages:
    """Every PA4xx finding speaks Dutch and English and gives the dates it judged."""

    @pytest.mark.parametrize(
        ("code", "dates"),
        [
            ("PA401", ("2024-07-02", "2024-07-01")),
            ("PA403", ("2024-12-16", "2024-12-15")),
            ("PA406", ("2026-01-01", "2026-07-01")),
        ],
    )
    def test_dates_in_both_languages(self, code: str, dates: tuple[str, ...]) -> None:
        """The milestone's date and the deadline it missed appear in the Dutch and the English message."""
        found = findings_of(code, dt.date(2026, 7, 1))
        assert found
        finding = found[0]
        assert finding.message_nl != finding.message_en
        for date in dates:
            assert date in finding.message_nl
            assert date in finding.message_en

    def test_housing_vision_message(self) -> None:
        """PA405 asks in both languages for the document the agreement rests on, in a whole Dutch sentence."""
        (finding,) = findings_of("PA405", dt.date(2025, 1, 1))
        assert "Zonder woonvisie zijn prestatieafspraken niet verplicht" in finding.message_nl
        assert "zonder zijn" not in finding.message_nl
        assert "housing vision" in finding.message_en
        assert finding.path == "$.basis"

    def test_not_yet_signed(self) -> None:
        """PA404 says the agreements are not yet signed ("nog niet ondertekend"), not that no signing was "gedaan"."""
        (finding,) = findings_of("PA404", dt.date(2024, 8, 1))
        assert "nog niet ondertekend" in finding.message_nl
        assert "gedaan" not in finding.message_nl
        assert "not yet signed" in finding.message_en

    def test_bid_deadline_in_the_law_s_words(self) -> None:
        """PA401 cites the law's "uiterlijk 1 juli": 1 July itself is on time, so no "vóór 1 juli"."""
        (finding,) = findings_of("PA401", dt.date(2025, 1, 1))
        assert "uiterlijk 1 juli" in finding.source
        assert "vóór" not in finding.source
