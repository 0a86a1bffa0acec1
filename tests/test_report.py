"""The progress report: findings, progress tables and charts as Markdown and self-contained HTML (DESIGN §7)."""

from __future__ import annotations

import base64
import datetime as dt
import re
from pathlib import Path

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prestatieafspraken import Agreement, check, examples, loads
from prestatieafspraken.cli import main
from prestatieafspraken.model import Outcome, ProgressStatus
from prestatieafspraken.progress import progress
from prestatieafspraken.report import ReportFormat, charts, render_report
from prestatieafspraken.report.content import _realised_series
from prestatieafspraken.report.labels import label, number
from prestatieafspraken.views import UnknownAudienceError
from strategies import agreements
from support import EXAMPLES_AS_OF as AS_OF
from support import agreement_yaml, party_entry

NAMES = examples.names()
FORMATS = ("markdown", "html")

HYBRID = (
    agreement_yaml(
        id="hybride",
        title='Hybride <monitoring> & "co"',
        scope="regional",
        parties=[
            party_entry("gemeente", "Gemeente", "municipality"),
            party_entry("corp-a", "Corporatie A", "housing_corporation"),
            party_entry("corp-b", "Corporatie B", "housing_corporation"),
            party_entry("corp-c", "Corporatie C", "housing_corporation"),
        ],
    )
    + """\
monitoring:
  frequency: yearly
  hybrid: true
  assessments:
    - {target: t-new-build, status: needs_acceleration, by: gemeente, date: 2026-03-01,
       reason: Bouwstroom <vertraagd> door stikstof}
areas:
  - {id: noord, name: Noord, kind: municipality}
indicators:
  - {id: new-build, label: Nieuwbouw, unit: dwellings, aggregation: flow}
targets:
  - {id: t-new-build, indicator: new-build, value: 1200, from: 2025, by: 2028, area: noord}
commitments:
  - {id: c-a, by: corp-a, for: [gemeente], year: 2025, indicator: new-build, value: 100, target: t-new-build,
     area: noord, text: Corporatie A bouwt, visibility: restricted, visible_to: [gemeente]}
realisations:
  - {indicator: new-build, area: noord, year: 2025, value: 280, status: approved, reported_on: 2026-02-01}
  - {indicator: new-build, area: noord, party: corp-a, year: 2025, value: 120, status: approved,
     visibility: restricted, visible_to: [gemeente]}
  - {indicator: new-build, area: noord, party: corp-b, year: 2025, value: 90, status: approved,
     visibility: restricted, visible_to: [gemeente]}
  - {indicator: new-build, area: noord, party: corp-c, year: 2025, value: 70, status: approved,
     visibility: restricted, visible_to: [gemeente]}
"""
)


def ids_in_progress(name: str) -> list[str]:
    """The ids of the targets and commitments whose progress the report of an example shows."""
    report = progress(examples.load(name), as_of=AS_OF)
    return [record.id for record in report.targets] + [record.id for record in report.commitments]


class TestExamples:
    """The report of every shipped example, in both formats."""

    @pytest.mark.parametrize("report_format", FORMATS)
    @pytest.mark.parametrize("name", NAMES)
    def test_every_finding_code_appears(self, name: str, report_format: str) -> None:
        """Every code the check finds appears in the report, and so does the summary line."""
        agreement = examples.load(name)
        findings = check(agreement, as_of=AS_OF)
        text = render_report(agreement, as_of=AS_OF, format=report_format, charts=False)  # type: ignore[arg-type]
        for code in findings.codes():
            assert code in text
        assert findings.summary("nl") in text

    @pytest.mark.parametrize("report_format", FORMATS)
    @pytest.mark.parametrize("name", NAMES)
    def test_progress_rows_appear(self, name: str, report_format: str) -> None:
        """Every target and commitment has its row in the progress tables."""
        text = render_report(examples.load(name), as_of=AS_OF, format=report_format, charts=False)  # type: ignore[arg-type]
        for item_id in ids_in_progress(name):
            assert re.search(rf"(`|<code>){re.escape(item_id)}(`|</code>)", text), item_id

    @pytest.mark.parametrize("name", NAMES)
    def test_html_is_self_contained(self, name: str) -> None:
        """The HTML is one document with inline CSS: no scripts, no external links, sources or stylesheets."""
        html = render_report(examples.load(name), as_of=AS_OF, format="html")
        assert html.startswith('<!DOCTYPE html>\n<html lang="nl">')
        assert html.rstrip().endswith("</html>")
        assert "<style>" in html
        for forbidden in ('src="http', "src='http", 'href="http', "<script", "<link", "<iframe", "@import", "url(http"):
            assert forbidden not in html.lower()
        assert "<!DOCTYPE svg" not in html
        assert "<?xml" not in html

    def test_lindeveen_progress(self) -> None:
        """The Lindeveen example's new-build target shows start, expected, realised, R and its status."""
        text = render_report(examples.load("lindeveen-2025-2028"), as_of=AS_OF, lang="en", charts=False)
        row = next(line for line in text.splitlines() if line.startswith("| `new-build-2025-2028`"))
        assert (
            row == "| `new-build-2025-2028` | Nieuwbouw sociale huur | 2025 | 0 | 100 | 96 | 400 | 0.96 | on track |  |"
        )

    @pytest.mark.parametrize(
        ("lang", "headings"), [("nl", ["Bevindingen", "Voortgang"]), ("en", ["Findings", "Progress"])]
    )
    def test_language(self, lang: str, headings: list[str]) -> None:
        """The headings follow the language."""
        text = render_report(examples.load("lindeveen-2025-2028"), as_of=AS_OF, lang=lang, charts=False)
        for heading in headings:
            assert f"## {heading}\n" in text


class TestCharts:
    """Charts of the expected path against realised values, with matplotlib; one line without it."""

    @pytest.mark.needs_extras  # matplotlib
    def test_html_charts_inline_svg(self) -> None:
        """Each target with an expected path gets an inline SVG chart, with its text kept as text."""
        agreement = examples.load("lindeveen-2025-2028")
        html = render_report(agreement, as_of=AS_OF, format="html")
        charted = [r for r in progress(agreement, as_of=AS_OF).targets if r.start is not None and r.reach is not None]
        assert charted
        assert html.count("<svg") == len(charted)
        for record in charted:
            assert f'aria-label="{record.id}: verwacht en gerealiseerd"' in html
        assert "verwacht pad" in html  # the legend, as SVG text

    @pytest.mark.needs_extras  # matplotlib
    def test_markdown_charts_data_images(self) -> None:
        """Markdown carries each chart as an SVG data image, so the file stands on its own too."""
        text = render_report(examples.load("lindeveen-2025-2028"), as_of=AS_OF)
        images = re.findall(r"!\[[^\]]*\]\(data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)\)", text)
        assert len(images) == 2
        assert base64.b64decode(images[0]).decode("utf-8").startswith("<svg")

    @pytest.mark.needs_extras  # matplotlib
    def test_realised_line_reads_figures_per_year(self) -> None:
        """The chart's realised line adds the indicator's 280 of 2025 and the target's own 150 of 2026."""
        agreement = loads(
            HYBRID.replace(
                "realisations:\n",
                "realisations:\n  - {target: t-new-build, year: 2026, value: 150, status: approved}\n",
            )
        )
        record = progress(agreement, as_of=dt.date(2027, 3, 1)).targets[0]
        assert _realised_series(record, pendulum.Date(2027, 3, 1)) == [(2024, 0), (2025, 280), (2026, 430)]

    @pytest.mark.needs_extras  # matplotlib
    def test_same_data_same_svg(self) -> None:
        """A chart is deterministic: the same data gives the same SVG."""
        data = charts.ChartData(
            title="t",
            unit="dwellings",
            expected=((2024, 0), (2028, 400)),
            realised=((2024, 0), (2025, 96)),
            expected_label="expected path",
            realised_label="realised",
        )
        assert charts.svg_chart(data) == charts.svg_chart(data)

    @pytest.mark.parametrize("report_format", FORMATS)
    def test_without_matplotlib(self, monkeypatch: pytest.MonkeyPatch, report_format: str) -> None:
        """Without matplotlib the report renders without charts and says so in one line."""
        monkeypatch.setattr(charts, "charts_available", lambda: False)
        text = render_report(examples.load("lindeveen-2025-2028"), as_of=AS_OF, format=report_format)  # type: ignore[arg-type]
        assert "<svg" not in text
        assert "data:image" not in text
        assert text.count("installeer matplotlib") == 1

    def test_charts_off(self) -> None:
        """With charts=False there is no chart section at all."""
        text = render_report(examples.load("lindeveen-2025-2028"), as_of=AS_OF, charts=False)
        assert "Grafieken" not in text


class TestEscaping:
    """Every text is escaped for its format."""

    def test_html_escapes_everything(self) -> None:
        """Markup in a title, a reason or a message reaches the HTML as text, never as markup."""
        html = render_report(loads(HYBRID), as_of=AS_OF, format="html", charts=False)
        assert "Hybride &lt;monitoring&gt; &amp; &quot;co&quot;" in html
        assert "Bouwstroom &lt;vertraagd&gt; door stikstof" in html
        assert "<monitoring>" not in html
        assert "<vertraagd>" not in html

    def test_markdown_escapes_markup(self) -> None:
        """Markdown escapes the characters it would read as markup."""
        text = render_report(loads(HYBRID), as_of=AS_OF, charts=False)
        assert text.startswith('# Voortgangsrapportage: Hybride \\<monitoring\\> \\& "co"\n')
        assert "Bouwstroom \\<vertraagd\\> door stikstof" in text


class TestAudience:
    """A report for an audience shows only what it may see, what is withheld, and the collective totals."""

    def test_public_report(self) -> None:
        """The public report withholds the per-party figures and the commitment, and gives the collective total."""
        text = render_report(loads(HYBRID), as_of=AS_OF, audience="public", lang="en", charts=False)
        assert "View for: everyone (public)." in text
        assert "## Withheld from this view" in text
        assert "| commitment | `c-a` | value, text and indicator of commitment c-a |" in text
        assert "| `new-build` | 2025 | `noord` | indicator | 280 | 3 | 3 | corp-a, corp-b, corp-c |" in text
        assert "| `c-a` | `corp-a` |  | 2025-12-31 |  |  |  | withheld |  |  |" in text
        for hidden in ("| 120 |", "| 90 |", "| 70 |", "Corporatie A bouwt"):
            assert hidden not in text

    def test_party_report(self) -> None:
        """The municipality, named in visible_to, sees everything: nothing is withheld."""
        text = render_report(loads(HYBRID), as_of=AS_OF, audience="gemeente", lang="en", charts=False)
        assert "View for: gemeente." in text
        assert "This view withholds nothing." in text
        assert "| `c-a` | `corp-a` | `new-build` | 2025-12-31 | 100 |" in text

    def test_manual_assessment_next_to_status(self) -> None:
        """A manual assessment appears next to the computed status, with who, when and why."""
        text = render_report(loads(HYBRID), as_of=AS_OF, lang="en", charts=False)
        row = next(line for line in text.splitlines() if line.startswith("| `t-new-build`"))
        assert row.endswith("| needs acceleration (gemeente, 2026-03-01): Bouwstroom \\<vertraagd\\> door stikstof |")

    @pytest.mark.parametrize(
        ("lang", "shown"),
        [
            ("en", "| partly done (2025): Grond pas in 2026 beschikbaar |"),
            ("nl", "| deels uitgevoerd (2025): Grond pas in 2026 beschikbaar |"),
        ],
    )
    def test_outcome_next_to_the_commitment(self, lang: str, shown: str) -> None:
        """How an effort commitment was kept, and why, is listed next to its status in the report."""
        agreement = loads(
            HYBRID.replace(
                "realisations:\n",
                "realisations:\n  - {commitment: c-grond, year: 2025, outcome: partly, "
                "explanation: Grond pas in 2026 beschikbaar, status: approved}\n",
            ).replace(
                "commitments:\n",
                "commitments:\n  - {id: c-grond, by: gemeente, year: 2025, kind: effort, text: Grond zoeken}\n",
            )
        )
        text = render_report(agreement, as_of=AS_OF, lang=lang, charts=False)
        row = next(line for line in text.splitlines() if line.startswith("| `c-grond`"))
        assert shown in row
        assert ("needs acceleration" if lang == "en" else "versnelling nodig") in row

    def test_unknown_audience(self) -> None:
        """An unknown audience raises before anything is rendered."""
        with pytest.raises(UnknownAudienceError, match="unknown audience 'corp-z'"):
            render_report(loads(HYBRID), audience="corp-z")

    @pytest.mark.parametrize(
        ("arguments", "message"),
        [({"format": "pdf"}, "unknown report format 'pdf'"), ({"lang": "de"}, "unknown language 'de'")],
    )
    def test_bad_arguments(self, arguments: dict[str, str], message: str) -> None:
        """An unknown format or language is a ValueError that names it."""
        with pytest.raises(ValueError, match=message):
            render_report(loads(HYBRID), **arguments)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "lang", "shown"),
    [
        (1234567, "nl", "1.234.567"),
        (1234567, "en", "1,234,567"),
        (1234.5, "nl", "1.234,5"),
        (1234.5, "en", "1,234.5"),
        (0.955, "nl", "0,95"),  # two decimals (binary 0.955 is just below it)
        (2.0, "en", "2"),
        (None, "en", ""),
        (float("inf"), "nl", "inf"),
    ],
)
def test_number(value: float | None, lang: str, shown: str) -> None:
    """Numbers are grouped in thousands and written the way the language writes them."""
    assert number(value, lang) == shown


class TestCli:
    """`prestatieafspraken report`, and `--audience` on check and graph."""

    EXAMPLE = ("--example", "lindeveen-2025-2028", "--as-of", AS_OF.isoformat())

    def test_prints_markdown(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without --output the Markdown report goes to standard output."""
        assert main(["report", *self.EXAMPLE]) == 0
        out = capsys.readouterr().out
        assert out.startswith("# Voortgangsrapportage: Prestatieafspraken Lindeveen 2025-2028\n")
        assert "`new-build-2025-2028`" in out

    def test_writes_html(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """With --output the report is written to that file, and nothing is printed."""
        target = tmp_path / "rapport.html"
        arguments = ["report", *self.EXAMPLE, "--format", "html", "--lang", "en", "--output", str(target)]
        assert main(arguments) == 0
        assert capsys.readouterr().out == ""
        html = target.read_text(encoding="utf-8")
        assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
        assert [p.name for p in tmp_path.iterdir()] == ["rapport.html"]  # no temporary file left behind

    def test_audience(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--audience renders the report of that view."""
        path = tmp_path / "hybride.yaml"
        path.write_text(HYBRID, encoding="utf-8")
        assert main(["report", str(path), "--audience", "public", "--lang", "en"]) == 0
        assert "## Collective totals" in capsys.readouterr().out

    @pytest.mark.parametrize("command", ["report", "check", "graph"])
    def test_unknown_audience_exits_2(self, command: str, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown audience exits 2 with a message that lists the audiences, and no traceback."""
        assert main([command, "--example", "lindeveen-2025-2028", "--audience", "gemeente"]) == 2
        captured = capsys.readouterr()
        assert "unknown audience 'gemeente' (did you mean 'gemeente-lindeveen'?)" in captured.err
        assert "Traceback" not in captured.err + captured.out

    def test_unreadable_exits_2(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A file that cannot be read exits 2 with its problem on standard error."""
        path = tmp_path / "kapot.yaml"
        path.write_text("schema_version: 1\nid: [x\n", encoding="utf-8")
        assert main(["report", str(path)]) == 2
        captured = capsys.readouterr()
        assert "not valid YAML" in captured.err
        assert captured.out == ""

    def test_unwritable_output_exits_2(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An output path in a folder that does not exist exits 2 with a message."""
        target = tmp_path / "nergens" / "rapport.md"
        assert main(["report", *self.EXAMPLE, "--output", str(target)]) == 2
        assert "cannot write the report" in capsys.readouterr().err

    def test_check_with_audience(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Check --audience checks the view, without the findings the withholding causes."""
        path = tmp_path / "hybride.yaml"
        path.write_text(HYBRID.replace("target: t-new-build,\n", "target: t-new-build, kind: effort,\n"), "utf-8")
        main(["check", str(path), "--format", "json", "--as-of", AS_OF.isoformat()])
        everything = capsys.readouterr().out
        main(["check", str(path), "--format", "json", "--as-of", AS_OF.isoformat(), "--audience", "public"])
        public = capsys.readouterr().out
        assert '"c-a"' in everything
        assert "PA301" not in public

    def test_graph_with_audience(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Graph --audience draws the view: a withheld commitment has no indicator edge."""
        path = tmp_path / "hybride.yaml"
        path.write_text(HYBRID, encoding="utf-8")
        assert main(["graph", str(path), "--format", "dot"]) == 0
        everything = capsys.readouterr().out
        assert main(["graph", str(path), "--format", "dot", "--audience", "public"]) == 0
        public = capsys.readouterr().out
        edge = '"commitment:c-a" -> "indicator:new-build"'
        assert edge in everything
        assert edge not in public


class TestRobust:
    """A report never crashes on the contents of an agreement."""

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(agreements(max_items=3, valid_references=False), st.sampled_from(FORMATS), st.sampled_from([None, "public"]))
    def test_any_agreement(self, agreement: Agreement, report_format: ReportFormat, audience: str | None) -> None:
        """Any generated agreement (odd numbers and dangling references included) gives a report, charts and all."""
        text = render_report(agreement, as_of=AS_OF, format=report_format, audience=audience)
        assert text.endswith("\n")

    @pytest.mark.needs_extras  # matplotlib
    @pytest.mark.parametrize("extreme", [1e308, -1e308, float("inf"), float("nan"), 10**18])
    def test_extreme_values_chart(self, extreme: float) -> None:
        """A chart of extreme or non-finite values is drawn without them, or left out with a note; never a crash."""
        data = charts.ChartData(
            title="t",
            unit="dwellings",
            expected=((2024, 0), (2028, extreme)),
            realised=((2024, 0), (2025, extreme), (2026, -extreme)),
            expected_label="expected path",
            realised_label="realised",
        )
        assert charts.svg_chart(data).startswith("<svg")


@pytest.mark.parametrize(
    "key",
    [f"status_{status.value}" for status in ProgressStatus] + [f"outcome_{outcome.value}" for outcome in Outcome],
)
def test_every_status_and_outcome_has_both_labels(key: str) -> None:
    """Each progress status and each outcome has a Dutch and an English label, and they differ from the key."""
    dutch, english = label(key, "nl"), label(key, "en")
    assert dutch
    assert english
    assert key not in (dutch, english)
