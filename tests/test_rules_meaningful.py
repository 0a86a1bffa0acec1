"""Tests of the PA2xx rules that a case file cannot express: messages, what is never quoted, lazy imports."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import prestatieafspraken
from prestatieafspraken.rules import Finding, check
from prestatieafspraken.rules.config import config_from_mapping

CASES = Path(__file__).parent / "cases"


def findings_of(case_name: str, code: str) -> list[Finding]:
    """The findings of one rule on the agreement of a case file, checked as the case runner does."""
    case = yaml.safe_load((CASES / f"{case_name}.yaml").read_text(encoding="utf-8"))
    agreement = prestatieafspraken.loads(yaml.safe_dump(case["agreement"], sort_keys=False))
    config = config_from_mapping(case["config"]) if "config" in case else None
    report = check(agreement, as_of=case.get("as_of", dt.date(2030, 1, 1)), config=config)
    return [finding for finding in report.findings if finding.code == code]


def findings_in(text: str, code: str, *, as_of: dt.date = dt.date(2030, 1, 1)) -> list[Finding]:
    """The findings of one rule on an agreement given as YAML."""
    report = check(prestatieafspraken.loads(text), as_of=as_of)
    return [finding for finding in report.findings if finding.code == code]


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


_REALISED = """
schema_version: 1
id: haaglanden-2025-2030
title: Regionale woonafspraken Haaglanden 2025-2030
scope: regional
perspective: {{start: 2025, end: 2030}}
tenant_involvement: signatory
parties:
  - {{id: gemeente-den-haag, name: Gemeente Den Haag, kind: municipality}}
  - {{id: svh, name: Sociale Verhuurders Haaglanden, kind: corporation_alliance}}
  - {{id: provincie-zuid-holland, name: Provincie Zuid-Holland, kind: province}}
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
        (finding,) = findings_in(_REALISED.format(visibility=visibility), "PA207")
        for message in (finding.message_nl, finding.message_en):
            assert "21,7" not in message
            assert "21.7" not in message
            assert "217" not in message
            assert "30%" in message

    def test_framework_share_from_public_realisations(self) -> None:
        """PA207 quotes the share when every realisation it rests on is public."""
        (finding,) = findings_in(_REALISED.format(visibility="public"), "PA207")
        assert "(21,7%)" in finding.message_nl
        assert "(21.7%)" in finding.message_en

    def test_area_share_of_hidden_commitments(self) -> None:
        """PA210 reports an area's share of commitments that are not all public without quoting it."""
        case = yaml.safe_load((CASES / "pa210-small-municipality-takes-too-much.yaml").read_text(encoding="utf-8"))
        case["agreement"]["commitments"][1]["visibility"] = "parties"
        report = check(prestatieafspraken.loads(yaml.safe_dump(case["agreement"])), as_of=dt.date(2030, 1, 1))
        (finding,) = [finding for finding in report.findings if finding.code == "PA210"]
        assert "50%" not in finding.message_nl
        assert "50%" not in finding.message_en
        assert "(20%)" in finding.message_en  # the weight share is public


def test_importing_the_rules_does_not_import_networkx() -> None:
    """The PA2xx and PA4xx rules import the graph's plain questions, which leave networkx unloaded."""
    code = (
        "import sys\n"
        "import prestatieafspraken.rules.meaningful, prestatieafspraken.rules.statutory\n"
        "print('networkx' in sys.modules, 'prestatieafspraken.graph' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "True"]
