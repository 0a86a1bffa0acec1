"""The progress report a steering group reads: names, the first page of traffic lights, the details per theme."""

from __future__ import annotations

import base64
import datetime as dt
import html
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prestatieafspraken import Agreement, CheckConfig, check, examples, loads
from prestatieafspraken.cli import main
from prestatieafspraken.documents import Light, Picture, plain
from prestatieafspraken.documents._words import label
from prestatieafspraken.documents._words import rounded as number
from prestatieafspraken.model import Outcome, ProgressStatus
from prestatieafspraken.progress_report import progress
from prestatieafspraken.report import ReportFormat, charts, render_report
from prestatieafspraken.report.details import expected_path, realised_path
from prestatieafspraken.report.lights import colour
from prestatieafspraken.views import UnknownAudienceError
from prestatieafspraken.vocabulary import LANGUAGES, Language
from strategies import agreements
from support import EXAMPLES_AS_OF, agreement_yaml, party_entry

NAMES = examples.names()
FORMATS = ("markdown", "html")
STEERING_AS_OF = dt.date(2026, 3, 1)

#: A year of a small agreement with every colour: on track, needs acceleration, off track with and without an
#: explanation, an effort commitment kept partly (with its explanation) and one done, one not yet due, and figures
#: not yet approved.
STEERING = (
    agreement_yaml(
        id="noordstad",
        title="Prestatieafspraken Noordstad 2025-2028",
        parties=[
            party_entry("gem-noordstad", "Gemeente Noordstad", "municipality"),
            party_entry("ws-noord", "Woonstichting Noord", "housing_corporation"),
            party_entry("hb-noord", "Huurdersbelang Noord", "tenant_organisation"),
        ],
    )
    + """\
areas:
  - {id: noord, name: Noord, kind: municipality}
themes:
  - {id: availability, lead: ws-noord}
  - {id: quality-and-sustainability, lead: ws-noord}
indicators:
  - {id: new-build, label: Nieuwbouw sociale huur, unit: dwellings, aggregation: flow}
  - {id: insulated, label: Woningen geïsoleerd, unit: dwellings, aggregation: flow}
targets:
  - {id: t-bouw, indicator: new-build, value: 400, from: 2025, by: 2028, theme: availability, area: noord}
  - {id: t-isolatie, indicator: insulated, value: 240, from: 2025, by: 2028, theme: quality-and-sustainability,
     area: noord}
commitments:
  - {id: c-bouw-2025, by: ws-noord, for: [gem-noordstad], theme: availability, year: 2025, indicator: new-build,
     value: 100, target: t-bouw, area: noord, text: De woonstichting levert 100 sociale huurwoningen op.}
  - {id: c-grond-2025, by: gem-noordstad, for: [ws-noord], theme: availability, year: 2025, kind: effort,
     text: De gemeente zoekt bouwgrond.}
  - {id: c-bewoners-2025, by: hb-noord, for: [ws-noord], theme: availability, year: 2025, kind: effort,
     text: Het huurdersbelang houdt twee bewonersavonden.}
  - {id: c-bouw-2026, by: ws-noord, for: [gem-noordstad], theme: availability, year: 2026, indicator: new-build,
     value: 100, target: t-bouw, area: noord, text: De woonstichting levert 100 sociale huurwoningen op in 2026.}
  - {id: c-isolatie-2025, by: ws-noord, for: [hb-noord], theme: quality-and-sustainability, year: 2025,
     indicator: insulated, value: 60, target: t-isolatie, area: noord, text: De woonstichting isoleert 60 woningen.}
monitoring:
  frequency: yearly
  assessments:
    - {target: t-isolatie, status: off_track, by: gem-noordstad, date: 2026-02-20,
       reason: Te weinig aannemers beschikbaar}
    - {commitment: c-isolatie-2025, status: off_track, by: ws-noord, date: 2026-02-20, reason: Aannemer failliet}
realisations:
  - {indicator: new-build, area: noord, year: 2025, value: 96, reported_on: 2026-02-01, status: approved}
  - {indicator: new-build, area: noord, year: 2025, value: 98, reported_on: 2026-02-15, status: submitted}
  - {indicator: insulated, area: noord, year: 2025, value: 30, reported_on: 2026-02-01, status: approved}
  - {commitment: c-bouw-2025, year: 2025, value: 70, reported_on: 2026-02-01, status: approved}
  - {commitment: c-bouw-2025, year: 2025, value: 75, reported_on: 2026-02-10, status: draft}
  - {commitment: c-isolatie-2025, year: 2025, value: 30, reported_on: 2026-02-01, status: approved}
  - {commitment: c-grond-2025, year: 2025, outcome: partly, explanation: Grond pas in 2026 beschikbaar,
     reported_on: 2026-02-01, status: approved}
  - {commitment: c-bewoners-2025, year: 2025, outcome: done, reported_on: 2026-02-01, status: approved}
"""
)

#: A regional agreement with restricted figures, for the reports of a view.
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


def steering(report_format: ReportFormat = "markdown", lang: Language = "nl", *, charts: bool = False) -> str:
    """The report of `STEERING`, as of 1 March 2026 (without the picture of who does what: tests/test_pictures.py)."""
    return render_report(
        loads(STEERING), as_of=STEERING_AS_OF, format=report_format, lang=lang, charts=charts, picture=False
    )


def row_of(text: str, reference: str) -> str:
    """The Markdown table row whose reference column holds *reference*, in the details (past the first page)."""
    details = next(
        (text[text.index(h) :] for h in ("## Voortgang per thema", "## Progress per theme") if h in text), text
    )
    return next(line for line in details.splitlines() if line.endswith(f"| `{reference}` |"))


def before_findings(text: str) -> str:
    """The report up to its findings (the findings' messages name ids, as a check's messages do)."""
    return text[: text.index("## Bevindingen" if "## Bevindingen" in text else "## Findings")]


class TestNames:
    """Parties, themes, targets and commitments are named by their names and texts; ids only in a reference column."""

    def test_party_ids_only_as_references(self) -> None:
        """A party's id appears only as a reference (code); its name appears in the text."""
        text = before_findings(steering())
        for party_id, name in (
            ("gem-noordstad", "Gemeente Noordstad"),
            ("ws-noord", "Woonstichting Noord"),
            ("hb-noord", "Huurdersbelang Noord"),
        ):
            assert name in text
            assert text.count(party_id) == text.count(f"`{party_id}`") > 0

    def test_commitments_by_their_text(self) -> None:
        """A commitment's row starts with its text, and its id is in the reference column."""
        row = row_of(steering(), "c-isolatie-2025")
        assert row.startswith("| De woonstichting isoleert 60 woningen. | Woonstichting Noord | Woningen geïsoleerd |")

    def test_targets_by_indicator_place_and_years(self) -> None:
        """A target is named by its indicator's label, its area's name and its years."""
        row = row_of(steering(), "t-bouw")
        assert row.startswith("| Nieuwbouw sociale huur, Noord, 2025–2028 | 2025 | 0 | 100 | 96 | 400 | 0,96 |")

    def test_themes_by_their_label(self) -> None:
        """A theme is named by its standard label in the report's language."""
        assert "### Beschikbaarheid: 1 streefcijfer, 4 afspraken" in steering()
        assert "### Availability: 1 target, 4 commitments" in steering(lang="en")

    def test_a_commitment_without_text(self) -> None:
        """A commitment without text is named by its indicator and value."""
        text = render_report(
            loads(STEERING.replace("text: De woonstichting isoleert 60 woningen.", "kind: result")),
            as_of=STEERING_AS_OF,
            charts=False,
        )
        assert row_of(text, "c-isolatie-2025").startswith("| Woningen geïsoleerd: 60 | Woonstichting Noord |")

    @pytest.mark.parametrize("name", NAMES)
    def test_every_example(self, name: str) -> None:
        """In every example's report each target and commitment has its row, a commitment with its text."""
        agreement = examples.load(name)
        text = render_report(agreement, as_of=EXAMPLES_AS_OF, format="html", charts=False)
        computed = progress(agreement, as_of=EXAMPLES_AS_OF)
        for record_id in [record.id for record in computed.targets] + [record.id for record in computed.commitments]:
            assert f"<td>{html.escape(record_id)}\n" in text or f"<td>{html.escape(record_id)}<" in text, record_id
        for commitment in agreement.commitments:
            if commitment.text:
                assert html.escape(commitment.text) in text


class TestFirstPage:
    """The summary first: traffic lights per theme and per party, and the explanation red and orange need."""

    def test_summary_comes_first(self) -> None:
        """The summary comes before the details, and the details before the findings."""
        text = steering()
        assert text.index("## Samenvatting") < text.index("## Voortgang per thema") < text.index("## Bevindingen")

    def test_counts_per_theme(self) -> None:
        """Per theme, targets and commitments are counted per colour, with those that lack their explanation."""
        text = steering()
        assert (
            "| Thema | Soort | 🟢 groen | 🟠 oranje | 🔴 rood | ⚪ geen oordeel | Totaal | Toelichting ontbreekt |"
            in text
        )
        for row in (
            "| Beschikbaarheid | streefcijfers | 1 | 0 | 0 | 0 | 1 | 0 |",
            "| Beschikbaarheid | afspraken | 1 | 2 | 0 | 1 | 4 | 1 |",
            "| Kwaliteit en duurzaamheid | streefcijfers | 0 | 0 | 1 | 0 | 1 | 0 |",
            "| Kwaliteit en duurzaamheid | afspraken | 0 | 0 | 1 | 0 | 1 | 0 |",
        ):
            assert row in text

    def test_counts_per_party(self) -> None:
        """Per party, the commitments it carries out are counted per colour; its id is the reference."""
        text = steering()
        for row in (
            "| Gemeente Noordstad | afspraken | 0 | 1 | 0 | 0 | 1 | 0 | `gem-noordstad` |",
            "| Woonstichting Noord | afspraken | 0 | 1 | 1 | 1 | 3 | 1 | `ws-noord` |",
            "| Huurdersbelang Noord | afspraken | 1 | 0 | 0 | 0 | 1 | 0 | `hb-noord` |",
        ):
            assert row in text

    @pytest.mark.parametrize(
        ("reference", "shown"),
        [
            ("c-bouw-2025", "| 🟠 versnelling nodig | Toelichting ontbreekt |"),
            ("c-grond-2025", "| 🟠 versnelling nodig | Deels uitgevoerd (2025): Grond pas in 2026 beschikbaar |"),
            (
                "t-isolatie",
                (
                    "| 🔴 niet op koers | Handmatige beoordeling: niet op koers (Gemeente Noordstad, 2026-02-20): "
                    "Te weinig aannemers beschikbaar |"
                ),
            ),
            (
                "c-isolatie-2025",
                (
                    "| 🔴 niet op koers | Handmatige beoordeling: niet op koers (Woonstichting Noord, 2026-02-20): "
                    "Aannemer failliet |"
                ),
            ),
        ],
    )
    def test_red_and_orange_explained(self, reference: str, shown: str) -> None:
        """Each red and orange item has its explanation on the first page, or "toelichting ontbreekt"."""
        first_page = steering()[: steering().index("## Voortgang per thema")]
        row = next(line for line in first_page.splitlines() if line.endswith(f"| `{reference}` |"))
        assert shown in row

    def test_green_and_grey_are_not_listed(self) -> None:
        """Only red and orange items are listed for an explanation."""
        first_page = steering()[: steering().index("## Voortgang per thema")]
        for reference in ("t-bouw", "c-bewoners-2025", "c-bouw-2026"):
            assert f"`{reference}`" not in first_page

    def test_explanation_missing_in_english(self) -> None:
        """In English the missing explanation says so in English."""
        assert "| 🟠 needs acceleration | Explanation missing | `c-bouw-2025` |" in steering(lang="en")

    def test_nothing_red_or_orange(self) -> None:
        """Without red or orange items the first page says so; with one orange item it lists that one instead."""
        lindeveen = examples.load("lindeveen-2025-2028")
        kept = tuple(r for r in lindeveen.realisations if r.commitment != "c-2025-insulation")
        all_green = render_report(attrs.evolve(lindeveen, realisations=kept), as_of=EXAMPLES_AS_OF, charts=False)
        assert "Geen streefcijfer of afspraak staat op rood of oranje." in all_green
        assert "🟢 op koers" in all_green
        one_orange = render_report(lindeveen, as_of=EXAMPLES_AS_OF, charts=False)
        assert "Geen streefcijfer of afspraak staat op rood of oranje." not in one_orange
        assert "`c-2025-insulation` |" in one_orange

    @pytest.mark.parametrize("status", list(ProgressStatus))
    def test_every_status_has_a_colour(self, status: ProgressStatus) -> None:
        """Every progress status has a traffic light; red and orange are the statuses that need explaining."""
        expected = {
            ProgressStatus.ACHIEVED: "green",
            ProgressStatus.ON_TRACK: "green",
            ProgressStatus.NEEDS_ACCELERATION: "orange",
            ProgressStatus.OFF_TRACK: "red",
            ProgressStatus.DETERIORATING: "red",
            ProgressStatus.CONTRADICTS_DIRECTION: "red",
            ProgressStatus.NOT_STARTED: "grey",
            ProgressStatus.NO_DATA: "grey",
        }
        assert colour(status) == expected[status]


class TestPendingAndOutcomes:
    """Figures not yet approved are shown as such; effort commitments show their outcome and its explanation."""

    def test_pending_counted_on_the_first_page(self) -> None:
        """The first page says how many figures await approval, and that they do not count."""
        assert "2 cijfers zijn nog niet goedgekeurd (1 ingediend, 1 concept)" in steering()

    def test_pending_in_the_year_table(self) -> None:
        """A submitted figure has its own line in the year table; the realised line keeps the approved figure."""
        lines = steering().splitlines()
        start = lines.index(
            next(line for line in lines if line.startswith("| Nieuwbouw sociale huur, Noord, 2025–2028 | verwacht |"))
        )
        assert lines[start : start + 3] == [
            "| Nieuwbouw sociale huur, Noord, 2025–2028 | verwacht | 0 | 100 | 200 | 300 | 400 |",
            "|  | gerealiseerd |  | 96 |  |  |  |",
            "|  | nog niet goedgekeurd |  | 98 (ingediend) |  |  |  |",
        ]

    def test_pending_next_to_the_commitment(self) -> None:
        """A commitment's draft figure is shown next to its approved one, with its status and year."""
        row = row_of(steering(), "c-bouw-2025")
        assert "| 100 | 70 | 75 (concept, 2025) | 0,7 | 🟠 versnelling nodig |" in row

    @pytest.mark.parametrize(
        ("lang", "shown"),
        [
            ("nl", "| 🟠 versnelling nodig | deels uitgevoerd (2025): Grond pas in 2026 beschikbaar |"),
            ("en", "| 🟠 needs acceleration | partly done (2025): Grond pas in 2026 beschikbaar |"),
        ],
    )
    def test_outcome_of_an_effort_commitment(self, lang: Language, shown: str) -> None:
        """An effort commitment shows how it was kept and why, next to the status that follows from it."""
        assert shown in row_of(steering(lang=lang), "c-grond-2025")

    def test_outcome_done(self) -> None:
        """An effort commitment that was done is achieved, green."""
        assert "| 🟢 bereikt | uitgevoerd (2025) |" in row_of(steering(), "c-bewoners-2025")


class TestYearTable:
    """Per target, the expected path and the realised value of every year."""

    def test_flow_adds_up(self) -> None:
        """For a flow both lines are the running total: expected 100 a year, realised 96 after the first year."""
        record = progress(loads(STEERING), as_of=STEERING_AS_OF).targets[0]
        assert [expected_path(record, year) for year in range(2024, 2029)] == [0, 100, 200, 300, 400]
        assert realised_path(record, 2026) == {2025: 96}

    def test_stock_reads_levels(self) -> None:
        """For a stock the realised line is each year's level, from the year before the first."""
        record = progress(examples.load("lindeveen-2025-2028"), as_of=EXAMPLES_AS_OF).target("no-label-efg")
        assert record is not None
        assert realised_path(record, 2026) == {2025: 178}
        assert [expected_path(record, year) for year in (2024, 2025, 2028)] == [240, 180, 0]

    def test_years_outside_the_path(self) -> None:
        """Outside ``from − 1``..``by`` there is no expected value."""
        record = progress(loads(STEERING), as_of=STEERING_AS_OF).targets[0]
        assert expected_path(record, 2023) is None
        assert expected_path(record, 2029) is None

    def test_thresholds_of_the_configuration(self) -> None:
        """The report judges with the thresholds of the check's configuration, as PA307 does."""
        config = CheckConfig(params={"on_track_threshold": 0.99, "needs_acceleration_threshold": 0.9})
        text = render_report(loads(STEERING), as_of=STEERING_AS_OF, config=config, charts=False)
        assert "| 0,96 | 🟠 versnelling nodig |" in row_of(text, "t-bouw")

    def test_a_path_too_large_for_a_float(self) -> None:
        """Whole numbers whose path a float cannot hold give no expected value, rather than a wrong one."""
        record = attrs.evolve(progress(loads(STEERING), as_of=STEERING_AS_OF).targets[0], reach=10**400)
        assert expected_path(record, 2026) is None
        assert expected_path(record, 2028) == 10**400


class TestCharts:
    """One sparkline per target, drawn directly as SVG: no plotting library."""

    def test_one_sparkline_per_target(self) -> None:
        """Each target with points gets one inline SVG with its text as the title."""
        text = steering("html", charts=True)
        assert text.count("<svg") == 2
        assert (
            "<title>Nieuwbouw sociale huur, Noord, 2025–2028: verwacht 400 (2028), gerealiseerd 96 (2025)</title>"
            in text
        )

    def test_markdown_data_images(self) -> None:
        """Markdown carries each sparkline as an SVG data image."""
        images = re.findall(r"!\[[^\]]*\]\(data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)\)", steering(charts=True))
        assert len(images) == 2
        assert base64.b64decode(images[0]).decode("utf-8").startswith('<svg xmlns="http://www.w3.org/2000/svg"')

    def test_same_data_same_svg(self) -> None:
        """A sparkline is deterministic."""
        data = charts.Sparkline(title="t", expected=((2024, 0), (2028, 400)), realised=((2024, 0), (2025, 96)))
        assert charts.sparkline(data) == charts.sparkline(data)

    @pytest.mark.parametrize("extreme", [1e308, -1e308, float("inf"), float("nan"), 1e100])
    def test_extreme_values(self, extreme: float) -> None:
        """Values a chart cannot scale are left out; the chart never fails."""
        data = charts.Sparkline(
            title="t", expected=((2024, 0), (2028, extreme)), realised=((2024, 0), (2025, extreme), (2026, -extreme))
        )
        svg = charts.sparkline(data)
        assert svg is not None
        assert svg.startswith("<svg")
        assert "nan" not in svg
        assert "inf" not in svg

    def test_nothing_to_draw(self) -> None:
        """Without a point there is no chart."""
        assert charts.sparkline(charts.Sparkline(title="t", expected=(), realised=((2025, float("nan")),))) is None

    def test_plain_text_of_a_cell(self) -> None:
        """A text writer reads a light by its words and a picture by its title."""
        assert plain(Light(colour="red", text="niet op koers")) == "niet op koers"
        assert plain(Picture(title="Nieuwbouw", svg="<svg/>")) == "Nieuwbouw"
        assert plain("tekst") == "tekst"

    def test_charts_off(self) -> None:
        """With charts=False there is no SVG."""
        assert "<svg" not in steering("html", charts=False)

    def test_no_matplotlib(self) -> None:
        """Writing the report imports no plotting library."""
        code = (
            "import sys, datetime; from prestatieafspraken import examples; "
            "from prestatieafspraken.report import render_report; "
            "render_report(examples.load('lindeveen-2025-2028'), as_of=datetime.date(2026, 11, 29), format='html'); "
            "assert 'matplotlib' not in sys.modules"
        )
        subprocess.run([sys.executable, "-c", code], check=True)


class _Tags(HTMLParser):
    """The start tags of an HTML document, and the text of its ``<script>`` elements if any."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)


#: The elements and attributes the report writes; anything else came from the data.
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "h4", "p", "table", "thead", "tbody", "tr",
    "th", "td", "span", "details", "summary", "svg", "polyline", "circle",
    # the picture of who does what for whom, as Graphviz draws it
    "figure", "figcaption", "g", "path", "polygon", "ellipse", "text",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "lang", "charset", "name", "content", "class", "open", "width", "height", "viewbox", "role", "points", "fill",
    "stroke", "stroke-width", "stroke-dasharray", "cx", "cy", "r",
    # the picture of who does what for whom, as Graphviz draws it
    "xmlns:xlink", "id", "transform", "d", "rx", "ry", "x", "y", "text-anchor", "font-family", "font-size",
}  # fmt: skip


#: Hostile replacements of `STEERING`'s texts: a party's name, a commitment's text, an indicator's label, a reason
#: and an explanation.
HOSTILE = {
    "Gemeente Noordstad": '<script>alert("partij")</script>',
    "De woonstichting isoleert 60 woningen.": "<img src=x onerror=alert(1)>",
    "Nieuwbouw sociale huur": '<svg onload="alert(2)">',
    "Aannemer failliet": "</td></tr><iframe src=//x>",
    "Grond pas in 2026 beschikbaar": "<a href='javascript:alert(3)'>klik</a>",
}


def hostile_steering() -> Agreement:
    """`STEERING` with hostile names, texts, labels, reasons and explanations (JSON strings are YAML too)."""
    text = STEERING
    for harmless, evil in HOSTILE.items():
        text = text.replace(harmless, json.dumps(evil))
    return loads(text)


class TestEscaping:
    """Every text from the file is escaped for its format: hostile names stay text."""

    def test_html_holds_only_its_own_markup(self) -> None:
        """The HTML of hostile names has only the report's own elements and attributes; the names are escaped text."""
        agreement = hostile_steering()
        assert agreement.parties[0].name == HOSTILE["Gemeente Noordstad"]
        out = render_report(agreement, as_of=STEERING_AS_OF, format="html")
        parser = _Tags()
        parser.feed(out)
        assert parser.tags <= ALLOWED_TAGS, parser.tags - ALLOWED_TAGS
        assert parser.attributes <= ALLOWED_ATTRIBUTES, parser.attributes - ALLOWED_ATTRIBUTES
        for evil in HOSTILE.values():
            assert html.escape(evil) in out

    def test_markdown_escapes_markup(self) -> None:
        """Markdown escapes the characters it would read as markup, in names and texts alike.

        ``<``, ``>`` and ``&`` become entities, as in the document: Python-Markdown (MkDocs) shows a backslash
        before them, CommonMark (GitHub) and Python-Markdown both read the entities.
        """
        text = render_report(hostile_steering(), as_of=STEERING_AS_OF, charts=False)
        assert '&lt;script&gt;alert("partij")&lt;/script&gt;' in text
        assert "<" not in text  # every < is escaped: no tag reaches a Markdown viewer

    def test_title_and_reason(self) -> None:
        """Markup in a title or a reason reaches the HTML as text."""
        out = render_report(loads(HYBRID), as_of=EXAMPLES_AS_OF, format="html", charts=False)
        assert "Hybride &lt;monitoring&gt; &amp; &quot;co&quot;" in out
        assert "Bouwstroom &lt;vertraagd&gt; door stikstof" in out
        assert "<vertraagd>" not in out


def mid_size(commitments: int) -> dict[str, Any]:
    """A regional agreement of *commitments* commitments: 40 parties, 20 areas, 30 targets, figures for half."""
    themes = ["availability", "affordability", "quality-and-sustainability", "liveability"]
    indicators = [
        {"id": f"ind-{i}", "label": f"Indicator {i}", "unit": "dwellings", "aggregation": "flow"} for i in range(3)
    ]
    parties = [
        {"id": f"partij-{p:02d}", "name": f"Woningcorporatie {p}", "kind": "housing_corporation"} for p in range(40)
    ]
    areas = [{"id": f"gm-{a:02d}", "name": f"Gemeente {a}", "kind": "municipality"} for a in range(20)]
    targets = [
        {
            "id": f"t-{t:02d}",
            "indicator": f"ind-{t % 3}",
            "value": 1000 + t,
            "from": 2025,
            "by": 2028,
            "theme": themes[t % 4],
            "area": f"gm-{t % 20:02d}",
        }
        for t in range(30)
    ]
    items = [
        {
            "id": f"c-{n:05d}",
            "by": f"partij-{n % 40:02d}",
            "for": [f"partij-{(n + 1) % 40:02d}"],
            "theme": themes[n % 4],
            "year": 2025 + n % 4,
            "indicator": f"ind-{n % 3}",
            "value": 10 + n % 50,
            "area": f"gm-{n % 20:02d}",
            "text": f"Corporatie {n % 40} bouwt {10 + n % 50} woningen in gemeente {n % 20}",
        }
        for n in range(commitments)
    ]
    figures = [
        {"commitment": f"c-{n:05d}", "year": 2025, "value": 5 + n % 60, "status": "approved"}
        for n in range(0, commitments, 8)
    ]
    figures += [
        {"indicator": f"ind-{i}", "area": f"gm-{a:02d}", "year": 2025, "value": 200 + a, "status": "approved"}
        for i in range(3)
        for a in range(20)
    ]
    return {
        "schema_version": 1,
        "id": "regio",
        "title": "Regionale prestatieafspraken",
        "scope": "regional",
        "perspective": {"start": 2025, "end": 2028},
        "areas": areas,
        "parties": parties,
        "indicators": indicators,
        "targets": targets,
        "commitments": items,
        "realisations": figures,
    }


@pytest.fixture(scope="module")
def large() -> str:
    """The HTML report of a generated agreement of 2,000 commitments."""
    agreement = loads(orjson.dumps(mid_size(2_000)), format="json")
    return render_report(agreement, as_of=dt.date(2026, 6, 1), format="html")


class TestSize:
    """A large report stays readable (summary first, details folded) and small."""

    def test_under_one_megabyte(self, large: str) -> None:
        """2,000 commitments give less than 1 MB of HTML."""
        assert len(large.encode("utf-8")) < 1_000_000

    def test_details_fold_away(self, large: str) -> None:
        """Every theme's details are a closed section; the summary is not folded."""
        details = large[: large.index("<h2>Bevindingen</h2>")]
        assert details.count("<details><summary><h3>") == 4  # one per theme
        assert large.count("<details><summary><h3>PA201 (") == 1  # the findings fold away per rule
        assert "<details open>" not in large
        assert large.index("<h2>Samenvatting</h2>") < large.index("<details>")

    def test_every_commitment_is_there(self, large: str) -> None:
        """Folding leaves nothing out: every commitment has its row."""
        assert all(f"<td>c-{n:05d}\n" in large or f"<td>c-{n:05d}<" in large for n in range(0, 2_000, 97))


class TestExamples:
    """The report of every shipped example, in both formats."""

    @pytest.mark.parametrize("report_format", FORMATS)
    @pytest.mark.parametrize("name", NAMES)
    def test_every_finding_code_appears(self, name: str, report_format: str) -> None:
        """Every code the check finds appears in the report, and so does the summary line."""
        agreement = examples.load(name)
        findings = check(agreement, as_of=EXAMPLES_AS_OF)
        text = render_report(agreement, as_of=EXAMPLES_AS_OF, format=report_format, charts=False)  # type: ignore[arg-type]
        for code in findings.codes():
            assert code in text
        assert findings.summary("nl") in text

    @pytest.mark.parametrize("name", NAMES)
    def test_html_is_self_contained(self, name: str) -> None:
        """The HTML is one document with inline CSS: no scripts, no external links, sources or stylesheets."""
        out = render_report(examples.load(name), as_of=EXAMPLES_AS_OF, format="html")
        assert out.startswith('<!DOCTYPE html>\n<html lang="nl">')
        assert out.rstrip().endswith("</html>")
        assert "<style>" in out
        for forbidden in ('src="http', "src='http", 'href="http', "<script", "<link", "<iframe", "@import", "url(http"):
            assert forbidden not in out.lower()
        assert "<?xml" not in out

    def test_lindeveen_progress(self) -> None:
        """The Lindeveen example's new-build target shows start, expected, realised, R and its status."""
        text = render_report(examples.load("lindeveen-2025-2028"), as_of=EXAMPLES_AS_OF, lang="en", charts=False)
        assert row_of(text, "new-build-2025-2028") == (
            "| Nieuwbouw sociale huur, Lindeveen, 2025–2028 | 2025 | 0 | 100 | 96 | 400 | 0.96 | 🟢 on track "
            "| `new-build-2025-2028` |"
        )

    @pytest.mark.parametrize(
        ("lang", "headings"),
        [
            ("nl", ["Samenvatting", "Voortgang per thema", "Bevindingen"]),
            ("en", ["Summary", "Progress per theme", "Findings"]),
        ],
    )
    def test_language(self, lang: Language, headings: list[str]) -> None:
        """The headings follow the language."""
        text = render_report(examples.load("lindeveen-2025-2028"), as_of=EXAMPLES_AS_OF, lang=lang, charts=False)
        for heading in headings:
            assert f"## {heading}\n" in text

    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_dutch_throughout(self, lang: Language) -> None:
        """The Dutch report has no English words of the report's own, and the English none of the Dutch."""
        text = before_findings(steering(lang=lang))
        foreign = ("Target", "Commitment", "Summary", "explanation missing") if lang == "nl" else (
            "Streefcijfer", "Afspraak", "Samenvatting", "toelichting ontbreekt", "Toelichting"
        )  # fmt: skip
        for word in foreign:
            assert word not in text


class TestAudience:
    """A report for an audience shows only what it may see, what is withheld, and the collective totals."""

    def test_public_report(self) -> None:
        """The public report withholds the per-party figures and the commitment, and gives the collective total."""
        text = render_report(loads(HYBRID), as_of=EXAMPLES_AS_OF, audience="public", lang="en", charts=False)
        assert "View for: everyone (public)." in text
        assert "## Withheld from this view" in text
        assert "| commitment | `c-a` | value, text and indicator of commitment c-a |" in text
        assert (
            "| Nieuwbouw | 2025 | Noord | indicators | 280 | 3 | 3 | Corporatie A, Corporatie B and Corporatie C |"
            in text
        )
        assert "| withheld | Corporatie A |  | 2025-12-31 |" in row_of(text, "c-a")
        for hidden in ("| 120 |", "| 90 |", "| 70 |", "Corporatie A bouwt"):
            assert hidden not in text

    def test_party_report(self) -> None:
        """The municipality, named in visible_to, sees everything: nothing is withheld."""
        text = render_report(loads(HYBRID), as_of=EXAMPLES_AS_OF, audience="gemeente", lang="en", charts=False)
        assert "View for: Gemeente (gemeente)." in text
        assert "This view withholds nothing." in text
        assert row_of(text, "c-a").startswith("| Corporatie A bouwt | Corporatie A | Nieuwbouw | 2025-12-31 | 100 |")

    def test_manual_assessment_next_to_status(self) -> None:
        """A manual assessment appears next to the computed status, with who, when and why."""
        row = row_of(render_report(loads(HYBRID), as_of=EXAMPLES_AS_OF, lang="en", charts=False), "t-new-build")
        assert (
            "| Manual assessment: needs acceleration (Gemeente, 2026-03-01): "
            "Bouwstroom &lt;vertraagd&gt; door stikstof |" in row
        )

    @pytest.mark.parametrize(
        ("lang", "shown"),
        [
            ("en", "partly done (2025): Grond pas in 2026 beschikbaar"),
            ("nl", "deels uitgevoerd (2025): Grond pas in 2026 beschikbaar"),
        ],
    )
    def test_outcome_next_to_the_commitment(self, lang: Language, shown: str) -> None:
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
        row = row_of(render_report(agreement, as_of=EXAMPLES_AS_OF, lang=lang, charts=False), "c-grond")
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
def test_number(value: float | None, lang: Language, shown: str) -> None:
    """Numbers are grouped in thousands and written the way the language writes them."""
    assert number(value, lang) == shown


@pytest.mark.parametrize(
    ("key", "lang", "word"),
    [
        ("status_off_track", "nl", "niet op koers"),
        ("status_on_track", "en", "on track"),
        ("outcome_partly", "nl", "deels uitgevoerd"),
        ("target", "nl", "streefcijfer"),
        ("explanation_missing", "nl", "toelichting ontbreekt"),
    ],
)
def test_label_reads_the_vocabulary(key: str, lang: Language, word: str) -> None:
    """`label` gives the vocabulary's words for statuses, outcomes and terms, and the report's own sentences."""
    assert label(key, lang) == word


def test_every_status_and_outcome_has_both_labels() -> None:
    """Each progress status and each outcome has a Dutch and an English word, and they differ from the key."""
    for key in [f"status_{s.value}" for s in ProgressStatus] + [f"outcome_{o.value}" for o in Outcome]:
        assert key not in (label(key, "nl"), label(key, "en"))


class TestCli:
    """`prestatieafspraken report`, and `--audience` on check and graph."""

    EXAMPLE = ("--example", "lindeveen-2025-2028", "--as-of", EXAMPLES_AS_OF.isoformat())

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
        assert target.read_text(encoding="utf-8").startswith('<!DOCTYPE html>\n<html lang="en">')
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
        assert main(["report", str(path), "--lang", "en"]) == 2
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
        main(["check", str(path), "--format", "json", "--as-of", EXAMPLES_AS_OF.isoformat()])
        everything = capsys.readouterr().out
        main(["check", str(path), "--format", "json", "--as-of", EXAMPLES_AS_OF.isoformat(), "--audience", "public"])
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
        text = render_report(agreement, as_of=EXAMPLES_AS_OF, format=report_format, audience=audience)
        assert text.endswith("\n")

    def test_a_target_over_centuries(self) -> None:
        """A target over centuries shows at most 25 years in its year table, around the as-of date."""
        agreement = loads(
            STEERING.replace("perspective: {start: 2025, end: 2028}", "perspective: {start: 1900, end: 2400}").replace(
                "{id: t-bouw, indicator: new-build, value: 400, from: 2025, by: 2028,",
                "{id: t-bouw, indicator: new-build, value: 400, from: 1900, by: 2400,",
            )
        )
        text = render_report(agreement, as_of=STEERING_AS_OF, charts=False)
        header = next(line for line in text.splitlines() if line.startswith("| Streefcijfer | Reeks |"))
        years = [int(cell) for cell in header.strip("|").split("|")[2:]]
        assert len(years) == 25
        assert years[0] <= STEERING_AS_OF.year <= years[-1]
