"""Tests of the PA4xx rules that a case file cannot express: messages, the dispute period, the statutory dates."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

from prestatieafspraken.cycles import DEFAULT_STATUTORY_DATES, StatutoryDates
from prestatieafspraken.errors import ConfigError
from prestatieafspraken.rules import CheckConfig, Finding
from prestatieafspraken.rules.config import statutory_dates
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


_UTRECHT = (
    agreement_yaml(
        perspective={"start": 2025, "end": 2028},
        parties=[
            party_entry("gemeente-utrecht", "Gemeente Utrecht", "municipality"),
            party_entry("mitros", "Mitros", "housing_corporation"),
        ],
    )
    + """\
process:
  started: 2026-01-05
"""
)
_REGIE = CheckConfig(params={"regie_effective": dt.date(2026, 7, 1)})


def with_basis(*kinds: str) -> str:
    """The Utrecht agreement above resting on documents of these kinds."""
    documents = "".join(f"  - {{kind: {kind}, title: {kind}}}\n" for kind in kinds)
    return _UTRECHT + ("basis:\n" + documents if kinds else "")


class TestWetVersterkingRegie:
    """With ``regie_effective`` configured, the basis and the dispute route follow the Wet versterking regie."""

    @pytest.mark.parametrize(
        ("kinds", "as_of", "config", "expected"),
        [
            (("housing_vision",), dt.date(2026, 11, 29), None, None),
            (("housing_vision",), dt.date(2026, 6, 30), _REGIE, None),
            (("housing_vision",), dt.date(2026, 7, 1), _REGIE, "de basis noemt alleen een woonvisie"),
            ((), dt.date(2026, 7, 1), _REGIE, "de basis noemt geen van beide"),
            ((), dt.date(2026, 6, 30), _REGIE, "Zonder woonvisie zijn prestatieafspraken niet verplicht"),
            (("housing_programme",), dt.date(2026, 11, 29), _REGIE, None),
            (("housing_vision", "housing_programme"), dt.date(2026, 11, 29), _REGIE, None),
        ],
        ids=["not-set", "day-before", "on-the-day", "nothing-after", "nothing-before", "programme", "both"],
    )
    def test_basis(
        self, kinds: tuple[str, ...], as_of: dt.date, config: CheckConfig | None, expected: str | None
    ) -> None:
        """PA405 accepts a woonvisie before the effective date and expects a volkshuisvestingsprogramma from it."""
        found = findings(with_basis(*kinds), "PA405", as_of=as_of, config=config)
        if expected is None:
            assert found == []
        else:
            (finding,) = found
            assert expected in finding.message_nl
            assert finding.path == "$.basis"

    def test_programme_expected_in_both_languages(self) -> None:
        """After the date the message names the law, its date and the kind to add, in Dutch and in English."""
        (finding,) = findings(with_basis("housing_vision"), "PA405", as_of=dt.date(2026, 11, 29), config=_REGIE)
        assert "Sinds 2026-07-01 (Wet versterking regie volkshuisvesting)" in finding.message_nl
        assert "volkshuisvestingsprogramma" in finding.message_nl
        assert "Since 2026-07-01" in finding.message_en
        assert "kind: housing_programme" in finding.message_en

    @pytest.mark.parametrize(
        ("as_of", "config", "compliance"),
        [
            (dt.date(2026, 8, 1), _REGIE, True),
            (dt.date(2026, 8, 1), None, False),
            (dt.date(2026, 8, 1), CheckConfig(params={"regie_effective": "2026-09-01"}), False),
        ],
        ids=["in-force", "not-set", "not-yet"],
    )
    def test_dispute_route_covers_compliance(
        self, as_of: dt.date, config: CheckConfig | None, compliance: bool
    ) -> None:
        """PA404 adds the dispute about compliance (nakoming) once the law applies on the check date."""
        (finding,) = findings(with_basis("housing_vision"), "PA404", as_of=as_of, config=config)
        assert ("nakoming" in finding.message_nl) is compliance
        assert ("compliance (nakoming)" in finding.message_en) is compliance


class TestStatutoryDates:
    """The statutory dates come from the rule parameters, checked before any rule runs."""

    def test_defaults(self) -> None:
        """Without parameters the dates are the defaults: the new law not set."""
        assert statutory_dates({}) == DEFAULT_STATUTORY_DATES

    @pytest.mark.parametrize(
        ("params", "expected"),
        [
            ({"signing_deadline_day": 1}, StatutoryDates(year_end_day=1)),
            ({"bid_deadline_month": 6}, StatutoryDates(bid_month=6)),
            ({"regie_effective": dt.date(2026, 7, 1)}, StatutoryDates(regie_effective=pendulum.Date(2026, 7, 1))),
            ({"regie_effective": "2026-07-01"}, StatutoryDates(regie_effective=pendulum.Date(2026, 7, 1))),
            ({"regie_effective": None}, DEFAULT_STATUTORY_DATES),
        ],
    )
    def test_from_parameters(self, params: dict[str, object], expected: StatutoryDates) -> None:
        """Each deadline and the effective date follow their parameter."""
        assert statutory_dates(params) == expected

    @pytest.mark.parametrize(
        ("params", "message"),
        [
            (
                {"bid_deadline_month": 13},
                r"bid_deadline_month = 13 and bid_deadline_day = 1 are not a day of every year",
            ),
            ({"signing_deadline_month": 2, "signing_deadline_day": 29}, r"signing_deadline_month = 2 and .* 29"),
            ({"evaluation_deadline_day": "1"}, r"evaluation_deadline_day = '1'"),
            ({"regie_effective": "1 juli 2026"}, r"regie_effective: expected a date as YYYY-MM-DD, got '1 juli 2026'"),
            ({"regie_effective": dt.datetime(2026, 7, 1, 9, 0)}, r"regie_effective = .* is a date and time"),  # noqa: DTZ001
        ],
    )
    def test_refused(self, params: dict[str, object], message: str) -> None:
        """A deadline that is not a day of every year, or an effective date that is no date, is a `ConfigError`."""
        with pytest.raises(ConfigError, match=message):
            statutory_dates(params)

    def test_check_refuses_before_any_rule_runs(self) -> None:
        """`check` with a wrong effective date raises one `ConfigError`, not a failing rule."""
        config = CheckConfig(params={"regie_effective": "soon"})
        with pytest.raises(ConfigError, match="invalid statutory dates: regie_effective"):
            findings(with_basis("housing_vision"), "PA405", config=config)
