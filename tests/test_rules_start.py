"""PA1xx, "Een goede start": what the case files in tests/cases/ cannot say (message text, visibility, robustness)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import prestatieafspraken
from prestatieafspraken.rules import check
from prestatieafspraken.vocabulary import Language
from support import AS_OF, agreement_yaml, findings, party_entry

CASES = Path(__file__).parent / "cases"


def case_agreement(name: str) -> dict[str, Any]:
    """The agreement of a case file in tests/cases/, as plain data."""
    case: dict[str, Any] = yaml.safe_load((CASES / f"{name}.yaml").read_text(encoding="utf-8"))
    return dict(case["agreement"])


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


_APPROVAL = agreement_yaml(
    parties=[
        party_entry("gemeente-zeist", "Gemeente Zeist", "municipality", supervisory_body="gemeenteraad"),
        party_entry("woonstichting-vooruitgang", "Woonstichting Vooruitgang", "housing_corporation"),
    ],
) + (
    "process:\n"
    "  milestones:\n"
    "    - {kind: signing, date: 2024-12-10, status: done}\n"
    "    - {kind: supervisory_approval, party: gemeente-zeist, date: 2024-12-17, status: done}\n"
)


class TestWordsOfTheVocabulary:
    """The start rules take their words from the vocabulary: roles, milestones and the approval of a council."""

    def test_council_approval_is_no_supervision(self) -> None:
        """PA107 asks for the "instemming van raad, RvC of achterban"; a gemeenteraad is never a "toezichthouder"."""
        (finding,) = findings(_APPROVAL, "PA107")
        assert "instemming van raad, RvC of achterban" in finding.message_nl
        assert "(gemeenteraad)" in finding.message_nl
        assert "toezichthouder" not in finding.message_nl.casefold()
        assert "approval by the council, supervisory board or members" in finding.message_en

    def test_roles_with_the_handbook_s_questions(self) -> None:
        """PA105 names the approver in the vocabulary's word, with the handbook's question."""
        messages = [finding.message_nl for finding in findings(agreement_yaml(), "PA105")]
        assert any("fiatteur (wie keurt iets goed)" in message for message in messages)
        assert not any("goedkeurder" in message for message in messages)


class TestRepresentation:
    """A party another signing party represents signs through it ("namens"); two parties cannot excuse each other."""

    def test_mutual_representation_excuses_nobody(self) -> None:
        """Two parties that name each other in `represents` both still need a mandate and a decision of their own."""
        text = agreement_yaml(
            scope="regional",
            tenant_involvement="signatory",
            parties=[
                party_entry("regio-a", "Regio A", "region", represents=["regio-b"]),
                party_entry("regio-b", "Regio B", "region", represents=["regio-a"]),
            ],
        ) + ("process:\n  milestones:\n    - {kind: signing, date: 2024-12-10, status: done}\n")
        agreement = prestatieafspraken.loads(text)
        report = check(agreement, as_of=AS_OF)
        for code in ("PA106", "PA113"):
            assert sorted(finding.subjects for finding in report.findings if finding.code == code) == [
                ("regio-a",),
                ("regio-b",),
            ]


class TestAssignmentAndTerm:
    """PA122, PA123 and PA124 quote what they judge."""

    def test_dilemma_is_quoted(self) -> None:
        """PA122 quotes the dilemma no element takes up, in both languages."""
        (finding,) = findings(case_agreement("pa122-dilemma-not-taken-up"), "PA122")
        for message in (finding.message_nl, finding.message_en):
            assert "'Spreiding van urgente woningzoekenden over de kernen'" in message

    def test_long_term_target_gives_its_path_within_the_perspective(self) -> None:
        """PA124 gives the part of 2,875 homes "tot 2040" that falls in 2021-2025: 2875 × 5 / 20 = 718.75."""
        (finding,) = findings(case_agreement("pa124-long-term-target"), "PA124")
        assert "langetermijnambitie" in finding.message_nl
        assert "718.75 van de 2875 tot en met 2025" in finding.message_nl
        assert "718.75 of 2875 by the end of 2025" in finding.message_en

    def test_one_year_agreement_message(self) -> None:
        """PA123 suggests a multi-year perspective of about five years."""
        (finding,) = findings(case_agreement("pa123-one-year-agreement"), "PA123")
        assert "meerjarig gedeeld perspectief van ongeveer 5 jaar" in finding.message_nl


class TestTenantsNotInvolved:
    """PA126 gives the handbook's advice on when to involve the tenants."""

    def test_advice_in_both_languages(self) -> None:
        """The message says regional agreements shape local execution and when tenants may be involved."""
        (finding,) = findings(case_agreement("pa120-tenant-involvement-none-recorded"), "PA126")
        assert "lokale uitwerking" in finding.message_nl
        assert "regionale vertegenwoordiger" in finding.message_nl
        assert "worked out locally" in finding.message_en
