"""Tests of the PA2xx rules that a case file cannot express: messages, what is never quoted, lazy imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import prestatieafspraken
from prestatieafspraken.rules import Finding
from prestatieafspraken.rules.config import config_from_mapping
from support import AS_OF, agreement_yaml, findings, party_entry

CASES = Path(__file__).parent / "cases"


def findings_of(case_name: str, code: str) -> list[Finding]:
    """The findings of one rule on the agreement of a case file, checked as the case runner does."""
    case = yaml.safe_load((CASES / f"{case_name}.yaml").read_text(encoding="utf-8"))
    agreement = prestatieafspraken.loads(yaml.safe_dump(case["agreement"], sort_keys=False))
    config = config_from_mapping(case["config"]) if "config" in case else None
    return findings(agreement, code, as_of=case.get("as_of", AS_OF), config=config)


class TestMessages:
    """Every finding speaks Dutch and English and names what it is about."""

    @pytest.mark.parametrize(
        ("case_name", "code"),
        [
            ("pa201-commitment-without-goal", "PA201"),
            ("pa202-goal-nobody-serves", "PA202"),
            ("pa203-corporation-only-gives", "PA203"),
            ("pa204-tenants-only-receive", "PA204"),
            ("pa205-theme-without-lead", "PA205"),
            ("pa206-lead-executes-nothing-in-theme", "PA206"),
            ("pa207-area-share-below-minimum", "PA207"),
            ("pa207-realised-share-below-minimum", "PA207"),
            ("pa208-decisions-in-election-window", "PA208"),
            ("pa209-no-evaluation-after-election", "PA209"),
            ("pa210-small-municipality-takes-too-much", "PA210"),
            ("pa211-conditions-without-order", "PA211"),
            ("pa212-municipality-and-corporation-only-with-each-other", "PA212"),
            ("pa213-same-commitment-for-every-corporation", "PA213"),
        ],
    )
    def test_both_languages_name_the_subjects(self, case_name: str, code: str) -> None:
        """The Dutch and the English message differ, and both name every subject of the finding."""
        found = findings_of(case_name, code)
        assert found
        for finding in found:
            assert finding.message_nl
            assert finding.message_en
            assert finding.message_nl != finding.message_en
            for subject in finding.subjects:
                assert subject in finding.message_nl
                assert subject in finding.message_en

    def test_election_window_message_gives_the_window(self) -> None:
        """PA208 names the election and the window, both ends, in both languages."""
        (first, *_) = findings_of("pa208-decisions-in-election-window", "PA208")
        for message in (first.message_nl, first.message_en):
            assert "2022-03-16" in message
            assert "2022-02-02" in message
            assert "2022-06-15" in message

    def test_framework_message_quotes_public_share_and_bound(self) -> None:
        """PA207 quotes the share computed from targets (they have no visibility) and the framework's bound."""
        (finding,) = findings_of("pa207-area-share-below-minimum", "PA207")
        assert "(10%)" in finding.message_nl
        assert "30%" in finding.message_nl
        assert "(10%)" in finding.message_en
        assert finding.subjects == ("daeb-30", "rijswijk")


_REALISED_HEAD = agreement_yaml(
    scope="regional",
    perspective={"start": 2025, "end": 2030},
    tenant_involvement="signatory",
    parties=[
        party_entry("gemeente-den-haag", "Gemeente Den Haag", "municipality"),
        party_entry("svh", "Sociale Verhuurders Haaglanden", "corporation_alliance"),
        party_entry("provincie-zuid-holland", "Provincie Zuid-Holland", "province"),
    ],
)
_REALISED = """\
indicators:
  - {{id: sociale-nieuwbouw, label: Nieuwbouw sociale huur, unit: dwellings, aggregation: flow}}
  - {{id: nieuwbouw-totaal, label: Nieuwbouw totaal, unit: dwellings, aggregation: flow}}
frameworks:
  - {{id: daeb-30, set_by: provincie-zuid-holland, numerator: sociale-nieuwbouw, denominator: nieuwbouw-totaal,
     min: 0.30}}
realisations:
  - {{indicator: sociale-nieuwbouw, year: 2025, value: 217, status: approved, visibility: {visibility},
     visible_to: [svh]}}
  - {{indicator: nieuwbouw-totaal, year: 2025, value: 1000, status: approved}}
"""


class TestNothingRestrictedQuoted:
    """A message never quotes a value, or a share computed from values, that is not public."""

    @pytest.mark.parametrize("visibility", ["parties", "restricted"])
    def test_framework_share_from_hidden_realisations(self, visibility: str) -> None:
        """PA207 reports a share from hidden realisations without quoting it; the bound is still given."""
        (finding,) = findings(_REALISED_HEAD + _REALISED.format(visibility=visibility), "PA207")
        for message in (finding.message_nl, finding.message_en):
            assert "21,7" not in message
            assert "21.7" not in message
            assert "217" not in message
            assert "30%" in message

    def test_framework_share_from_public_realisations(self) -> None:
        """PA207 quotes the share when every realisation it rests on is public."""
        (finding,) = findings(_REALISED_HEAD + _REALISED.format(visibility="public"), "PA207")
        assert "(21,7%)" in finding.message_nl
        assert "(21.7%)" in finding.message_en

    def test_area_share_of_hidden_commitments(self) -> None:
        """PA210 reports an area's share of commitments that are not all public without quoting it."""
        case = yaml.safe_load((CASES / "pa210-small-municipality-takes-too-much.yaml").read_text(encoding="utf-8"))
        case["agreement"]["commitments"][1]["visibility"] = "parties"
        (finding,) = findings(yaml.safe_dump(case["agreement"]), "PA210")
        assert "50%" not in finding.message_nl
        assert "50%" not in finding.message_en
        assert "(20%)" in finding.message_en  # the weight share is public


class TestFrameworkWithoutNumerator:
    """PA207 counts a missing numerator as zero and names the local housing vision that may say otherwise."""

    def test_missing_numerator_counts_as_zero(self) -> None:
        """Rijswijk plans 1,000 new homes and no social ones: 0%, and the message says why."""
        (finding,) = findings_of("pa207-area-without-social-target", "PA207")
        assert finding.subjects == ("daeb-30", "rijswijk")
        assert "(0%)" in finding.message_nl
        assert "Er is geen streefcijfer voor sociale-nieuwbouw in rijswijk: dat telt als 0." in finding.message_nl
        assert "There is no target for sociale-nieuwbouw in rijswijk: it counts as 0." in finding.message_en

    def test_local_housing_vision_is_named(self) -> None:
        """The woonvisie whose title names Rijswijk is named; the regional vision is not."""
        (finding,) = findings_of("pa207-area-without-social-target", "PA207")
        for message in (finding.message_nl, finding.message_en):
            assert "'Woonvisie Rijswijk 2022-2030'" in message
            assert "Regionale woonvisie" not in message
        assert "een regionale ambitie hoeft dan niets te betekenen" in finding.message_nl


class TestDecisionMakingOfCouncils:
    """PA208 names the elections whose window a council's decision-making falls in."""

    def test_province_against_provincial_elections(self) -> None:
        """A province's decision is set against the Provinciale Statenverkiezingen of 15 March 2023."""
        province, council, region = findings_of("pa208-council-province-and-region-around-elections", "PA208")
        assert "Provinciale Statenverkiezingen van 2023-03-15" in province.message_nl
        assert "provincial elections of 2023-03-15" in province.message_en
        assert council.message_nl.startswith("De instemming van raad, RvC of achterban van gemeente-heerlen")
        assert "gemeenteraadsverkiezingen van 2022-03-16" in region.message_nl


class TestGenericCommitments:
    """PA213 quotes the copied text only when every commitment that carries it is public."""

    @pytest.mark.parametrize(("visibility", "quoted"), [("public", True), ("parties", False)])
    def test_text_quoted_only_when_public(self, visibility: str, quoted: bool) -> None:
        """One commitment that only the parties may see keeps the text out of the message."""
        case = yaml.safe_load((CASES / "pa213-same-commitment-for-every-corporation.yaml").read_text(encoding="utf-8"))
        case["agreement"]["commitments"][2]["visibility"] = visibility
        (finding,) = findings(yaml.safe_dump(case["agreement"]), "PA213")
        for message in (finding.message_nl, finding.message_en):
            assert ("verduurzaamt 100 woningen" in message) is quoted
            assert "c-wooninc-duurzaam" in message


def test_importing_the_rules_does_not_import_networkx() -> None:
    """The PA2xx and PA4xx rules import the graph's plain questions, which leave networkx unloaded."""
    code = (
        "import sys\n"
        "import prestatieafspraken.rules.meaningful, prestatieafspraken.rules.statutory\n"
        "print('networkx' in sys.modules, 'prestatieafspraken.graph' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "True"]
