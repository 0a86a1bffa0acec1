"""PA3xx, "Sturing op realisatie": what the case files in tests/cases/ cannot say (message text, visibility)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from support import agreement_yaml, findings, party_entry

CASES = Path(__file__).parent / "cases"

_BELOW = (
    agreement_yaml(
        perspective={"start": 2025, "end": 2029},
        parties=[
            party_entry("gemeente-soest", "Gemeente Soest", "municipality"),
            party_entry("portaal", "Portaal", "housing_corporation"),
            party_entry("huurdersraad-soest", "Huurdersraad Soest", "tenant_organisation"),
        ],
    )
    + """\
indicators:
  - {id: nieuwbouw-sociaal, label: Nieuwbouw sociale huur, unit: woningen, aggregation: flow}
targets:
  - {id: nieuwbouw, indicator: nieuwbouw-sociaal, value: 500, by: 2029}
commitments:
  - {id: c-2025, by: portaal, year: 2025, indicator: nieuwbouw-sociaal, value: 87, target: nieuwbouw}
  - {id: c-2026, by: portaal, year: 2026, indicator: nieuwbouw-sociaal, value: 91, target: nieuwbouw,
     visibility: VISIBILITY, visible_to: [gemeente-soest]}
realisations:
  - {commitment: c-2026, year: 2031, value: 80, status: draft, visibility: VISIBILITY, visible_to: [gemeente-soest]}
"""
)


class TestCommitmentsBelowTarget:
    """PA304 reports the coverage and the pro-rata part, and the sum only when every commitment in it is public."""

    @pytest.mark.parametrize(("visibility", "quoted"), [("public", True), ("parties", False), ("restricted", False)])
    def test_sum_quoted_only_when_public(self, visibility: str, quoted: bool) -> None:
        """87 + 91 = 178 against 500 × 2 / 5 = 200: the sum 178 is quoted only when both commitments are public."""
        (finding,) = findings(_BELOW.replace("VISIBILITY", visibility), "PA304")
        assert finding.path == "$.targets[0]"
        assert finding.subjects == ("nieuwbouw",)
        assert "2 van de 5 jaar (2025-2029)" in finding.message_nl
        assert "2 of the 5 years (2025-2029)" in finding.message_en
        for message in (finding.message_nl, finding.message_en):
            assert "200" in message
            assert "500" in message
            assert ("178" in message) is quoted
            assert "91" not in message


class TestStrayRealisation:
    """PA308 quotes a realisation's year only when the realisation is public."""

    @pytest.mark.parametrize(("visibility", "quoted"), [("public", True), ("parties", False), ("restricted", False)])
    def test_year_quoted_only_when_public(self, visibility: str, quoted: bool) -> None:
        """A realisation of 2031 names its commitment and the perspective, and its year only when public."""
        (finding,) = findings(_BELOW.replace("VISIBILITY", visibility), "PA308")
        assert finding.path == "$.realisations[0].year"
        for message in (finding.message_nl, finding.message_en):
            assert "c-2026" in message
            assert "2025-2029" in message
            assert ("2031" in message) is quoted


_AMENDED = (
    agreement_yaml(
        parties=[
            party_entry("gemeente-baarn", "Gemeente Baarn", "municipality"),
            party_entry("het-gooi-en-omstreken", "Het Gooi en Omstreken", "housing_corporation"),
            party_entry("huurdersvereniging-baarn", "Huurdersvereniging Baarn", "tenant_organisation"),
            party_entry("regio-amersfoort", "Regio Amersfoort", "region"),
        ],
    )
    + """\
coalition:
  - {party: regio-amersfoort, status: observer}
process:
  milestones:
    - {kind: signing, date: 2024-12-10, status: done}
    - {kind: signing, party: regio-amersfoort, date: 2024-12-10, status: done}
amendments:
  - {id: a-2026, date: 2026-06-30, agreed_by: [gemeente-baarn]}
"""
)


class TestAmendment:
    """PA310 names every counted signing party an amendment lacks, and never an observer."""

    def test_missing_signers_named(self) -> None:
        """A signing of all by a municipality, a corporation and tenants, amended by the municipality alone."""
        (finding,) = findings(_AMENDED, "PA310")
        assert finding.path == "$.amendments[0].agreed_by"
        assert finding.subjects == ("a-2026", "het-gooi-en-omstreken", "huurdersvereniging-baarn")
        for message in (finding.message_nl, finding.message_en):
            assert "a-2026" in message
            assert "het-gooi-en-omstreken, huurdersvereniging-baarn" in message
            assert "regio-amersfoort" not in message
        assert "signing parties" in finding.message_en


class TestBreakdown:
    """PA303 quotes the sum of the parts and the target value (targets have no visibility)."""

    def test_message_gives_sum_and_value(self) -> None:
        """A breakdown of 0.1 + 0.25 against 0.3 (million euros) reports 0.35 and 0.3."""
        text = _BELOW.replace("VISIBILITY", "public").replace(
            "  - {id: nieuwbouw, indicator: nieuwbouw-sociaal, value: 500, by: 2029}",
            "  - {id: nieuwbouw, indicator: nieuwbouw-sociaal, value: 0.3, by: 2029,"
            " breakdown: {gemeente-soest: 0.1, portaal: 0.25}}",
        )
        (finding,) = findings(text, "PA303")
        for message in (finding.message_nl, finding.message_en):
            assert "0.35" in message
            assert "0.3," not in message
            assert "0.3:" in message


class TestStockServedByInflows:
    """PA304 weighs a stock target against the commitments on its inflows and says the outflows are not committed."""

    def test_message_names_inflows_and_uncommitted_outflows(self) -> None:
        """The sum of the new build (500 + 700) is set against 1,500, and sales and demolition are named as open."""
        case = yaml.safe_load((CASES / "pa304-stock-target-served-by-new-build.yaml").read_text(encoding="utf-8"))
        (finding,) = findings(case["agreement"], "PA304")
        for message in (finding.message_nl, finding.message_en):
            assert "1200" in message
            assert "1500" in message
        assert "instroom in de voorraad: sociale-nieuwbouw" in finding.message_nl
        assert "uitstroom (sociale-verkoop, sociale-sloop) is niet afgesproken" in finding.message_nl
        assert "outflows (sociale-verkoop, sociale-sloop) are not committed" in finding.message_en


class TestWords:
    """The messages use the vocabulary's words: a target is a streefcijfer, divided over local tasks."""

    def test_regional_target_over_local_tasks(self) -> None:
        """PA302 asks to divide a regional target over local tasks ("over lokale opgaven"), in whole sentences."""
        text = agreement_yaml(scope="regional", tenant_involvement="signatory") + (
            "indicators:\n"
            "  - {id: nieuwbouw, label: Nieuwbouw, unit: woningen, aggregation: flow}\n"
            "targets:\n"
            "  - {id: regio-2030, indicator: nieuwbouw, value: 2000, by: 2028}\n"
        )
        (finding,) = findings(text, "PA302")
        assert finding.message_nl.startswith("Streefcijfer regio-2030 van deze afspraken (regionaal)")
        assert "verdeel het over lokale opgaven" in finding.message_nl
        assert "doelstelling" not in finding.message_nl
        assert "divide it into local tasks" in finding.message_en
