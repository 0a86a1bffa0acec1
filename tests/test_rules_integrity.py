"""PA0xx, integrity: what the case files in tests/cases/ cannot say (message text, visibility, robustness)."""

from __future__ import annotations

import pytest

import prestatieafspraken
from prestatieafspraken.errors import LoadError
from prestatieafspraken.rules import check
from support import AS_OF, agreement_yaml, findings, party_entry

_HEAD = (
    agreement_yaml(
        parties=[
            party_entry("gemeente-utrecht", "Gemeente Utrecht", "municipality"),
            party_entry("mitros", "Mitros", "housing_corporation"),
        ],
    )
    + """\
indicators:
  - {id: nieuwbouw-sociaal, label: Nieuwbouw sociale huur, unit: woningen, aggregation: flow}
  - {id: sociale-voorraad, label: Sociale huurvoorraad, unit: woningen, aggregation: stock}
"""
)


class TestUnknownReference:
    """PA001 speaks of the element that holds the reference and of the id that is missing, in both languages."""

    def test_messages_name_owner_kind_and_id(self) -> None:
        """A commitment executed by an undeclared party names the commitment, the party and where to declare it."""
        text = _HEAD + "commitments:\n  - {id: c-2025-bouw, by: portaal, kind: effort, text: Bouwen.}\n"
        (finding,) = findings(text, "PA001")
        assert finding.path == "$.commitments[0].by[0]"
        assert finding.subjects == ("c-2025-bouw", "portaal")
        assert "Afspraak c-2025-bouw" in finding.message_nl
        assert "partij 'portaal'" in finding.message_nl
        assert "Commitment c-2025-bouw" in finding.message_en
        assert "party 'portaal'" in finding.message_en
        for message in (finding.message_nl, finding.message_en):
            assert "parties" in message

    @pytest.mark.parametrize(("theme", "fires"), [("availability", False), ("beschikbaarheid", True)])
    def test_only_standard_themes_need_no_declaration(self, theme: str, fires: bool) -> None:
        """A commitment may name a standard theme without declaring it; any other theme must be declared."""
        text = _HEAD + f"commitments:\n  - {{id: c-1, by: mitros, theme: {theme}, kind: effort, text: Bouwen.}}\n"
        assert bool(findings(text, "PA001")) is fires

    def test_an_area_and_a_party_key_are_both_fine_in_a_breakdown(self) -> None:
        """A breakdown key may name an area or a party; a key that names neither is reported at the key."""
        text = (
            _HEAD
            + "areas:\n  - {id: utrecht, name: Utrecht, kind: municipality}\n"
            + "targets:\n  - {id: t, indicator: nieuwbouw-sociaal, value: 30, by: 2028,"
            + " breakdown: {utrecht: 10, mitros: 10, leidsche-rijn: 10}}\n"
        )
        (finding,) = findings(text, "PA001")
        assert finding.path == "$.targets[0].breakdown['leidsche-rijn']"


class TestDuplicateId:
    """PA002 points at the later duplicate and at the first one."""

    def test_message_names_the_first_occurrence(self) -> None:
        """The message names the id, the list and the path of its first occurrence."""
        text = _HEAD.replace(
            "indicators:", "  - {id: mitros, name: Stichting Mitros, kind: housing_corporation}\nindicators:"
        )
        found = findings(text, "PA002")
        assert [finding.path for finding in found] == ["$.parties[2]"]
        for message in (found[0].message_nl, found[0].message_en):
            assert "'mitros'" in message
            assert "$.parties[1]" in message


class TestImpossiblePerspective:
    """PA004's first half cannot reach a rule: the model refuses the perspective when the file is loaded."""

    def test_perspective_ending_before_it_starts_is_refused_at_load(self) -> None:
        """A perspective from 2028 to 2025 is a load error at $.perspective.end, not a finding."""
        text = _HEAD.replace("{start: 2025, end: 2028}", "{start: 2028, end: 2025}")
        with pytest.raises(LoadError, match=r"\$\.perspective\.end"):
            prestatieafspraken.loads(text)


_COMMITMENT = (
    _HEAD
    + """commitments:
  - {id: c-2029-bouw, by: mitros, year: YEAR, indicator: nieuwbouw-sociaal, value: -40,
     visibility: VISIBILITY, visible_to: [gemeente-utrecht]}
realisations:
  - {commitment: c-2029-bouw, year: 2025, value: -35, status: approved, visibility: VISIBILITY,
     visible_to: [gemeente-utrecht]}
  - {indicator: sociale-voorraad, year: 2025, value: -12345, status: approved, visibility: VISIBILITY,
     visible_to: [gemeente-utrecht]}
"""
)


def with_commitment(year: int, visibility: str) -> str:
    """The agreement with one commitment of *year* and two realisations, all of *visibility*."""
    return _COMMITMENT.replace("YEAR", str(year)).replace("VISIBILITY", visibility)


class TestVisibility:
    """PA003 and PA005 quote a commitment's or realisation's year and value only when it is public."""

    @pytest.mark.parametrize(("visibility", "quoted"), [("public", True), ("parties", False), ("restricted", False)])
    def test_year_outside_perspective(self, visibility: str, quoted: bool) -> None:
        """The year 2031 of a commitment appears in the PA003 messages only when the commitment is public."""
        (finding,) = findings(with_commitment(2031, visibility), "PA003")
        assert finding.path == "$.commitments[0].year"
        for message in (finding.message_nl, finding.message_en):
            assert "c-2029-bouw" in message
            assert "2025-2028" in message
            assert ("2031" in message) is quoted

    @pytest.mark.parametrize(("visibility", "quoted"), [("public", True), ("parties", False), ("restricted", False)])
    def test_nonsense_values(self, visibility: str, quoted: bool) -> None:
        """Negative flows and stock levels are reported, with their value only when they are public."""
        found = findings(with_commitment(2026, visibility), "PA005")
        assert [finding.path for finding in found] == [
            "$.commitments[0].value",
            "$.realisations[0].value",
            "$.realisations[1].value",
        ]
        for finding, value in zip(found, ("-40", "-35", "-12345"), strict=True):
            for message in (finding.message_nl, finding.message_en):
                assert (value in message) is quoted
        assert "negatieve voorraad" in found[2].message_nl
        assert "negative stock level" in found[2].message_en


class TestRobustness:
    """The integrity rules report bad data; they never fail on it."""

    def test_unknown_indicators_are_skipped_by_pa005(self) -> None:
        """A value whose indicator is unknown is not judged by PA005 (PA001 and PA308 report the reference)."""
        text = (
            _HEAD
            + "targets:\n  - {id: t, indicator: onbekend, value: -5, by: 2028, baseline: {year: 2024, value: -1}}\n"
            + "commitments:\n  - {id: c, by: mitros, year: 2025, indicator: onbekend, value: -5, target: t}\n"
            + "realisations:\n  - {target: t, year: 2025, value: -3, status: approved}\n"
            + "  - {commitment: weg, year: 2025, value: -3, status: approved}\n"
        )
        report = check(prestatieafspraken.loads(text), as_of=AS_OF)
        assert "PA005" not in report.codes()
        assert {"PA001", "PA308"} <= report.codes()
        assert all(finding.path != "$" for finding in report.findings)
