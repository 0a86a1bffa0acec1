"""How the library's main objects show in a notebook: a readable one-line repr, and a compact escaped HTML table."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import attrs
import pytest

from prestatieafspraken import Agreement, check, examples, loads, progress
from prestatieafspraken.report.notebook import SHOWN
from prestatieafspraken.views import view_for
from support import EXAMPLES_AS_OF, agreement_yaml, party_entry

LINDEVEEN = examples.load("lindeveen-2025-2028")

HOSTILE = loads(
    agreement_yaml(
        title='<script>alert("titel")</script>',
        parties=[
            party_entry("gemeente", "<b>Gemeente</b> & co", "municipality"),
            party_entry("corp", "Corporatie", "housing_corporation"),
        ],
    )
    + """\
indicators:
  - {id: bouw, label: "<i>Nieuwbouw</i>", unit: dwellings, aggregation: flow}
targets:
  - {id: t-bouw, indicator: bouw, value: 100, by: 2028}
commitments:
  - {id: c-bouw, by: corp, for: [gemeente], year: 2025, indicator: bouw, value: 25, visibility: restricted,
     visible_to: [gemeente], text: "<img src=x onerror=alert(1)>"}
realisations:
  - {commitment: c-bouw, year: 2025, value: 20, status: approved, visibility: restricted, visible_to: [gemeente]}
"""
)


class _Tags(HTMLParser):
    """The start tags of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # noqa: ARG002 - the parser's signature
        self.tags.add(tag)


def tags(fragment: str) -> set[str]:
    """The elements an HTML fragment holds."""
    parser = _Tags()
    parser.feed(fragment)
    return parser.tags


#: A notebook table holds these elements only: whatever else came from the data was not escaped.
TABLE_TAGS = {"table", "caption", "thead", "tbody", "tr", "th", "td"}


def shown(thing: object) -> tuple[str, str]:
    """The repr and the HTML of an object, as a notebook shows it."""
    return repr(thing), thing._repr_html_()  # type: ignore[attr-defined]


class TestAgreement:
    """An agreement shows its title, scale, perspective, parties and counts."""

    def test_repr(self) -> None:
        """The repr is one line with the id, title and counts, not every field."""
        text = repr(LINDEVEEN)
        assert text == (
            "<Agreement 'lindeveen-2025-2028': 'Prestatieafspraken Lindeveen 2025-2028', local, 2025-2028, "
            "3 parties, 2 targets, 17 commitments, 10 realisations>"
        )

    def test_html(self) -> None:
        """The HTML is one table: the title, the scale in Dutch, the perspective and the parties by name."""
        fragment = LINDEVEEN._repr_html_()
        assert tags(fragment) == TABLE_TAGS - {"thead"}
        for expected in (
            "<caption>Overeenkomst lindeveen-2025-2028</caption>",
            "<td>Prestatieafspraken Lindeveen 2025-2028</td>",
            "<td>lokaal</td>",
            "<td>2025–2028</td>",
            "<td>3: Gemeente Lindeveen, Woonstichting Lindeveen, Huurdersvereniging Lindeveen</td>",
            '<th style="text-align:left">Afspraken</th><td>17</td>',
        ):
            assert expected in fragment

    def test_many_parties(self) -> None:
        """A long list of parties stops after ten names and says how many more there are."""
        parties = tuple(attrs.evolve(LINDEVEEN.parties[0], id=f"partij-{n:02d}", name=f"Partij {n}") for n in range(25))
        fragment = attrs.evolve(LINDEVEEN, parties=parties)._repr_html_()
        assert "<td>25: Partij 0, Partij 1, Partij 2, Partij 3, Partij 4, Partij 5, Partij 6, Partij 7, Partij 8, " in (
            fragment
        )
        assert "Partij 9, … 15 meer</td>" in fragment


class TestCheckReport:
    """A check's report shows its counts per severity and its findings."""

    def test_repr(self) -> None:
        """The repr is one line with the agreement, the date and the counts."""
        report = check(LINDEVEEN, as_of=EXAMPLES_AS_OF)
        assert repr(report) == "<Report of 'lindeveen-2025-2028' as of 2026-11-29: 0 errors, 0 warnings, 0 info>"

    def test_html_lists_the_findings(self) -> None:
        """Each finding has its row: code, severity in Dutch, place and message."""
        report = check(LINDEVEEN, as_of=dt.date(2028, 12, 31))
        fragment = report._repr_html_()
        assert report.findings
        assert tags(fragment) == TABLE_TAGS
        first = report.findings[0]
        assert f"<tr><td>{first.code}</td><td>{first.severity.word('nl')}</td><td>{first.path}</td>" in fragment
        assert report.summary("nl") in fragment

    def test_many_findings(self) -> None:
        """Past the first rows the findings are counted, not listed."""
        report = check(examples.load("parkstad-limburg-2019-2024"), as_of=EXAMPLES_AS_OF)
        many = attrs.evolve(report, findings=report.findings * (SHOWN + 1))
        fragment = many._repr_html_()
        assert fragment.count("<tr><td>") == SHOWN
        assert f"… {len(many.findings) - SHOWN} meer" in fragment


class TestProgressReport:
    """A progress report shows the traffic lights per theme and its targets."""

    def test_repr(self) -> None:
        """The repr counts the targets and commitments per status."""
        text = repr(progress(LINDEVEEN, as_of=EXAMPLES_AS_OF))
        assert text == (
            "<ProgressReport of 'lindeveen-2025-2028' as of 2026-11-29: 2 targets (2 on_track), "
            "17 commitments (9 not_started, 6 achieved, 1 on_track, 1 needs_acceleration)>"
        )

    def test_html(self) -> None:
        """The HTML counts per theme and colour, and lists the targets with their status."""
        fragment = progress(LINDEVEEN, as_of=EXAMPLES_AS_OF)._repr_html_()
        assert tags(fragment) == TABLE_TAGS
        assert "<th>🟢 groen</th><th>🟠 oranje</th><th>🔴 rood</th><th>⚪ geen oordeel</th>" in fragment
        assert "<tr><td>Beschikbaarheid</td><td>afspraken</td><td>3</td><td>0</td><td>0</td><td>3</td></tr>" in fragment
        assert (
            "<tr><td>new-build-2025-2028</td><td>2025</td><td>100</td><td>96</td><td>0,96</td><td>🟢 op koers</td></tr>"
            in (fragment)
        )


class TestView:
    """A view shows its audience, what it withholds and the agreement it shows."""

    def test_repr(self) -> None:
        """The repr names the agreement and the audience and counts what is withheld."""
        assert repr(view_for(HOSTILE, "public")) == "<View of 'minimal' for 'public': 3 withheld, 0 collective totals>"

    def test_html(self) -> None:
        """The HTML says for whom, and counts the withheld items by kind."""
        fragment = view_for(HOSTILE, "public")._repr_html_()
        assert tags(fragment) == TABLE_TAGS - {"thead"}
        assert "<caption>Overeenkomst minimal: Weergave voor iedereen (openbaar)</caption>" in fragment
        assert "<td>iedereen (openbaar)</td>" in fragment
        assert "<td>1 afspraak, 1 realisatie, 1 totaal</td>" in fragment


class TestEscaping:
    """Every text from the file reaches the notebook as text."""

    @pytest.mark.parametrize(
        "thing",
        [
            HOSTILE,
            check(HOSTILE, as_of=EXAMPLES_AS_OF),
            progress(HOSTILE, as_of=EXAMPLES_AS_OF),
            view_for(HOSTILE, "gemeente"),
        ],
        ids=["agreement", "check", "progress", "view"],
    )
    def test_hostile_texts(self, thing: object) -> None:
        """Markup in a title, a name or a text is escaped; the table holds only its own elements."""
        text, fragment = shown(thing)
        assert "\n" not in text
        assert tags(fragment) <= TABLE_TAGS
        assert "<script" not in fragment
        assert "<img" not in fragment

    def test_hostile_title_is_shown_escaped(self) -> None:
        """The hostile title is there, as text."""
        assert isinstance(HOSTILE, Agreement)
        assert "&lt;script&gt;alert(&quot;titel&quot;)&lt;/script&gt;" in HOSTILE._repr_html_()
        assert "&lt;b&gt;Gemeente&lt;/b&gt; &amp; co" in HOSTILE._repr_html_()
