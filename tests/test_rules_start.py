"""PA1xx, "Een goede start": what the case files in tests/cases/ cannot say (message text, visibility, robustness)."""

from __future__ import annotations

import pytest

import prestatieafspraken
from prestatieafspraken.rules import check
from prestatieafspraken.vocabulary import Language
from support import AS_OF, agreement_yaml, findings, party_entry

_JOINED_LATER_HEAD = agreement_yaml(
    scope="regional",
    perspective={"start": 2024, "end": 2028},
    parties=[
        party_entry("gemeente-den-haag", "Gemeente Den Haag", "municipality"),
        party_entry("staedion", "Staedion", "housing_corporation"),
    ],
)
_JOINED_LATER = """\
coalition:
  - {{party: staedion, status: joined, joined_on: 2025-03-01}}
commitments:
  - {{id: c-staedion, by: staedion, for: [gemeente-den-haag], year: 2024, kind: effort, text: Bouwen.,
     visibility: {visibility}, visible_to: [gemeente-den-haag]}}
"""


class TestCommitmentsBeforeJoining:
    """PA109 names the commitment and the joining date, and quotes its year only when the commitment is public."""

    @pytest.mark.parametrize(("visibility", "quoted"), [("public", True), ("parties", False), ("restricted", False)])
    def test_year_quoted_only_for_public_commitments(self, visibility: str, quoted: bool) -> None:
        """The year 2024 of a commitment appears in the messages only when its visibility is public."""
        (finding,) = findings(_JOINED_LATER_HEAD + _JOINED_LATER.format(visibility=visibility), "PA109")
        for message in (finding.message_nl, finding.message_en):
            assert "c-staedion" in message
            assert "2025-03-01" in message
            assert ("2024" in message) is quoted
        assert finding.subjects == ("c-staedion", "staedion")


_LATE = (
    agreement_yaml(
        parties=[party_entry("gemeente-nijmegen", "Gemeente Nijmegen", "municipality")],
    )
    + """\
process:
  started: 2024-08-31
  milestones:
    - {kind: signing, date: 2025-03-01}
"""
)


class TestLateSigning:
    """PA111 tells when the process started, the last day on time and the signing date."""

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_message_gives_the_dates(self, lang: Language) -> None:
        """The message names the start, the clamped deadline 2025-02-28 and the signing in both languages."""
        (finding,) = findings(_LATE, "PA111")
        message = finding.message(lang)
        for day in ("2024-08-31", "2025-02-28", "2025-03-01"):
            assert day in message
        assert ("maanden" in message) is (lang == "nl")


_DEFINITIONS = (
    agreement_yaml(
        scope="regional",
        perspective={"start": 2021, "end": 2030},
        parties=[
            party_entry("gemeente-den-haag", "Gemeente Den Haag", "municipality"),
            party_entry("svh", "Sociale Verhuurders Haaglanden", "corporation_alliance"),
        ],
    )
    + """\
definitions:
  - {term: betaalbare-koop, defined_by: gemeente-den-haag, value: 190000, unit: EUR}
  - {term: betaalbare-koop, defined_by: svh, unit: euro}
  - {term: betaalbare-koop, defined_by: svh, value: 200000}
"""
)


class TestConflictingDefinitions:
    """PA115 quotes the differing values of the shared language and where they are defined."""

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_message_quotes_both_definitions(self, lang: Language) -> None:
        """One finding per term, at the first contradicting definition, quoting both values and the earlier path."""
        found = findings(_DEFINITIONS, "PA115")
        assert [finding.path for finding in found] == ["$.definitions[1]"]
        message = found[0].message(lang)
        assert "'euro'" in message
        assert "'EUR'" in message
        assert "$.definitions[0]" in message
        assert found[0].subjects == ("betaalbare-koop", "gemeente-den-haag", "svh")


_OBSERVING_TENANTS = (
    agreement_yaml(
        parties=[
            party_entry("gemeente-dordrecht", "Gemeente Dordrecht", "municipality"),
            party_entry("huurdersraad-dordrecht", "Huurdersraad Dordrecht", "tenant_organisation"),
        ],
    )
    + """\
coalition:
  - {party: huurdersraad-dordrecht, status: observer}
"""
)


class TestLocalWithoutTenants:
    """PA119 says which tenant organisation stands aside instead of at the table."""

    @pytest.mark.parametrize(("lang", "word"), [("nl", "gelijkwaardige partij"), ("en", "equal party")])
    def test_message_names_the_observer(self, lang: Language, word: str) -> None:
        """The message names the observing huurdersraad and the law's equal party."""
        (finding,) = findings(_OBSERVING_TENANTS, "PA119")
        assert "huurdersraad-dordrecht" in finding.message(lang)
        assert word in finding.message(lang)


_BROKEN = (
    agreement_yaml(
        perspective={"start": 2024, "end": 2027},
        parties=[
            party_entry("gemeente-x", "Gemeente X", "municipality", supervisory_body="gemeenteraad"),
            party_entry("gemeente-x", "Gemeente X (dubbel)", "municipality"),
            party_entry("corporatie-y", "Corporatie Y", "housing_corporation"),
        ],
    )
    + """\
coalition:
  - {party: onbekende-partij, status: joined, joined_on: 2025-01-01}
  - {party: corporatie-y, status: joined}
  - {party: corporatie-y, status: endorser}
groups:
  - {id: stuurgroep, kind: steering, members: [niemand]}
mandates:
  - {holder: onbekend, role: administrative_lead, granted_by: [ook-onbekend]}
definitions:
  - {term: sociale-huur}
  - {term: sociale-huur, text: tot de huurgrens}
indicators:
  - {id: i, label: I, unit: dwellings, aggregation: flow, term: onbekend-begrip}
commitments:
  - {id: c, by: [onbekende-partij, corporatie-y], year: 2024, kind: effort, text: Iets.}
  - {id: c, by: onbekende-partij, kind: effort, text: Zonder jaar.}
process:
  milestones:
    - {kind: signing, party: onbekende-partij, date: 2024-12-01}
    - {kind: decision, party: onbekend, date: 2025-01-01}
    - {kind: evaluation, date: 2024-01-01}
  products:
    - {id: p, title: P, status: open}
"""
)


class TestRobustness:
    """The PA1xx rules skip what they cannot judge and never fail on bad references or duplicates."""

    def test_no_rule_fails_on_bad_data(self) -> None:
        """Unknown ids, duplicates and a missing joined_on give findings, never a rule that failed to run."""
        report = check(prestatieafspraken.loads(_BROKEN), as_of=AS_OF)
        start = [finding for finding in report.findings if finding.code.startswith("PA1")]
        assert start
        assert not [finding for finding in start if "failed to run" in finding.message_en]

    @pytest.mark.parametrize("code", ["PA106", "PA113"])
    def test_unknown_signing_party_is_skipped(self, code: str) -> None:
        """A signing milestone that names an unknown party is left to PA001."""
        found = findings(_BROKEN, code)
        assert all("onbekende-partij" not in finding.subjects for finding in found)

    def test_missing_joined_on_is_reported_once(self) -> None:
        """A joined party without joined_on is reported at its first coalition entry, its commitments not judged."""
        paths = [finding.path for finding in findings(_BROKEN, "PA109")]
        assert paths == ["$.coalition[1]"]

    def test_first_coalition_entry_wins(self) -> None:
        """A party listed twice in coalition has the status of its first entry, so it is no endorser (PA110)."""
        assert findings(_BROKEN, "PA110") == []
