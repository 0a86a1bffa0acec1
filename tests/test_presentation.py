"""Writing out a check's findings and a backward plan: the presentation layer, and the deprecated aliases."""

from __future__ import annotations

import datetime as dt
import json

import pendulum
import pytest

import prestatieafspraken as pa
from prestatieafspraken import check, examples
from prestatieafspraken.errors import ExportError
from prestatieafspraken.planning import ProcessPlan, plan_backwards
from prestatieafspraken.report import plan_data, render_findings, render_plan, render_report
from prestatieafspraken.report.findings import FINDINGS_FORMATS
from prestatieafspraken.rules import Finding, Report, Severity
from prestatieafspraken.testing import as_agreement, minimal_agreement
from prestatieafspraken.vocabulary import Language

AS_OF = dt.date(2026, 11, 29)

TWO_ERRORS = as_agreement(
    minimal_agreement(
        parties=[
            {"id": "gemeente", "name": "Gemeente", "kind": "municipality"},
            {"id": "gemeente", "name": "Gemeente nogmaals", "kind": "municipality"},
        ]
    )
)
REPORT = check(TWO_ERRORS, as_of=AS_OF)
QUIET = check(examples.load("lindeveen-2025-2028"), as_of=AS_OF, config=pa.CheckConfig(select=("PA0",)))


class TestRenderFindings:
    """`render_findings` writes a report as text, Markdown or JSON."""

    def test_text(self) -> None:
        """The text has one line per finding with its path, code, severity and message, the summary, the config."""
        text = render_findings(REPORT, "text", lang="en", file="f.yaml")
        lines = text.splitlines()
        for line, finding in zip(lines, REPORT.findings, strict=False):
            assert line == f"f.yaml:{finding.path}: {finding.code} [{finding.severity.value}] {finding.message('en')}"
        assert lines[-2:] == [REPORT.summary("en"), "Configuration: none (every rule, with its own severity)."]
        assert text.endswith("\n")

    @pytest.mark.parametrize(("lang", "words"), [("nl", "Geen bevindingen."), ("en", "No findings.")])
    def test_text_without_findings(self, lang: Language, words: str) -> None:
        """A report without findings says so, in the chosen language, above the summary and the configuration."""
        assert render_findings(QUIET, lang=lang).splitlines() == [
            words,
            QUIET.summary(lang),
            QUIET.config.describe(lang),  # type: ignore[union-attr]
        ]

    def test_markdown(self) -> None:
        """Markdown has a heading with the file, the summary and a table row per finding, codes and paths as code."""
        markdown = render_findings(REPORT, "markdown", lang="nl", file="f.yaml")
        lines = markdown.splitlines()
        assert lines[0] == "## Bevindingen: f.yaml"
        assert lines[2] == REPORT.summary("nl")
        assert lines[4] == "Configuratie: geen (alle regels, elk met de eigen ernst)."
        assert lines[6] == "| Code | Ernst | Plaats | Bevinding | Bron |"
        for finding in REPORT.findings:
            assert f"| `{finding.code}` | {finding.severity.word('nl')} | `{finding.path}` |" in markdown

    def test_markdown_without_findings_has_no_table(self) -> None:
        """Without findings the Markdown is the heading, the summary and the configuration only."""
        assert render_findings(QUIET, "markdown", lang="en").splitlines() == [
            "## Findings",
            "",
            QUIET.summary("en"),
            "",
            "Configuration: no file; select PA0.",
        ]

    def test_one_markdown_table(self) -> None:
        """The progress report's findings table is the very table `render_findings` writes."""
        agreement = examples.load("eindhoven-2021-2025")
        written = render_findings(check(agreement, as_of=AS_OF), "markdown")
        table = [line for line in written.splitlines() if line.startswith("|")]
        assert len(table) > 2  # a header, a rule and rows
        report = render_report(agreement, as_of=AS_OF, charts=False)
        assert "\n".join(table) in report

    def test_json(self) -> None:
        """JSON is the report's plain data (DESIGN §7), indented, with a final newline."""
        text = render_findings(REPORT, "json", lang="en", file="f.yaml")
        assert json.loads(text) == REPORT.to_dict(lang="en", file="f.yaml")
        assert text.startswith('{\n  "file": "f.yaml"')
        assert text.endswith("}\n")

    def test_unknown_format(self) -> None:
        """A format that is not text, markdown or json is refused, naming the formats."""
        with pytest.raises(ExportError, match=r"unknown findings format 'html'; use 'text', 'markdown', 'json'"):
            render_findings(REPORT, "html")  # type: ignore[arg-type]

    def test_counts_in_summary(self) -> None:
        """The summary line counts the findings per severity, in the words of the language."""
        counts = REPORT.counts
        assert counts[Severity.ERROR] > 1
        assert f"{counts[Severity.ERROR]} errors" in render_findings(REPORT, lang="en")
        assert f"{counts[Severity.ERROR]} fouten" in render_findings(REPORT, lang="nl")

    @pytest.mark.parametrize(
        ("lang", "summary"), [("nl", "0 fouten, 1 waarschuwing, 2 info"), ("en", "0 errors, 1 warning, 2 info")]
    )
    def test_summary_singular_and_plural(self, lang: Language, summary: str) -> None:
        """One finding of a severity is counted in the singular, none or several in the plural."""

        def found(severity: Severity) -> Finding:
            return Finding(code="X001", severity=severity, message_nl="m", message_en="m", path="$", source="s")

        report = Report(
            findings=(found(Severity.WARNING), found(Severity.INFO), found(Severity.INFO)),
            as_of=pendulum.Date(2026, 11, 29),
        )
        assert report.summary(lang) == summary

    @pytest.mark.parametrize(("lang", "words"), [("nl", ["fout", "waarschuwing"]), ("en", ["error", "warning"])])
    def test_severity_in_the_language(self, lang: Language, words: list[str]) -> None:
        """Text and Markdown name each finding's severity in the chosen language: fout, waarschuwing, info."""
        text = render_findings(REPORT, lang=lang)
        markdown = render_findings(REPORT, "markdown", lang=lang)
        for word in words:
            assert f"[{word}]" in text
            assert f"| {word} |" in markdown


class TestRenderPlan:
    """`render_plan` and `plan_data` write a backward plan."""

    PLAN = plan_backwards(dt.date(2026, 4, 15), parties=1)

    def test_json_is_plan_data(self) -> None:
        """The JSON text is `plan_data`, indented."""
        assert json.loads(render_plan(self.PLAN, "json")) == plan_data(self.PLAN)

    def test_unknown_format(self) -> None:
        """A format that is not text or json is refused, naming the formats."""
        with pytest.raises(ExportError, match=r"unknown plan format 'csv'; use 'text', 'json'"):
            render_plan(self.PLAN, "csv")  # type: ignore[arg-type]


class TestDeprecatedAliases:
    """The old methods keep working and give exactly what the presentation functions give."""

    @pytest.mark.parametrize("findings_format", FINDINGS_FORMATS)
    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_report_methods(self, findings_format: str, lang: str) -> None:
        """`Report.to_text`, `to_markdown` and `to_json` are `render_findings` in their format."""
        method = getattr(REPORT, f"to_{findings_format}")
        assert method(lang=lang, file="f.yaml") == render_findings(REPORT, findings_format, lang=lang, file="f.yaml")  # type: ignore[arg-type]

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_plan_methods(self, lang: str) -> None:
        """`ProcessPlan.to_text` and `to_dict` are `render_plan` and `plan_data`."""
        plan = TestRenderPlan.PLAN
        assert plan.to_text(lang) == render_plan(plan, "text", lang=lang)  # type: ignore[arg-type]
        assert plan.to_dict() == plan_data(plan)

    @pytest.mark.parametrize(
        "method",
        [pa.Report.to_text, pa.Report.to_markdown, pa.Report.to_json, ProcessPlan.to_text, ProcessPlan.to_dict],
    )
    def test_marked_deprecated(self, method: object) -> None:
        """Each alias says in its docstring that it is deprecated and what to use instead."""
        doc = getattr(method, "__doc__", "") or ""
        assert doc.startswith("Deprecated: use ``prestatieafspraken.report.")
