"""The agreement as a document: structure, jaarschijf, tenants' summary, audience, escaping, Word and the CLI."""

from __future__ import annotations

import importlib
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple, cast

import attrs
import docx
import pendulum
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from prestatieafspraken import Agreement, document, examples, loads
from prestatieafspraken.cli import main
from prestatieafspraken.documents import (
    Document,
    Heading,
    Items,
    PageBreak,
    Paragraph,
    Signature,
    Table,
    TitlePage,
    format_of,
    plain,
)
from prestatieafspraken.documents._jaarschijf import jaarschijf
from prestatieafspraken.documents._summary import MAX_ITEMS
from prestatieafspraken.errors import ConfigError, MissingExtraError, UnknownAudienceError
from prestatieafspraken.model import (
    Amendment,
    Commitment,
    Definition,
    Mandate,
    MandateRole,
    Monitoring,
    Visibility,
)
from support import agreement_yaml, party_entry

pytestmark = pytest.mark.needs_extras  # python-docx

LINDEVEEN = "lindeveen-2025-2028"
TENANTS = "huurdersvereniging-lindeveen"
CORPORATION = "woonstichting-lindeveen"
MUNICIPALITY = "gemeente-lindeveen"
SECRET = "Geheime grondruil XYZ-SECRET"  # noqa: S105 - a text a view must withhold, not a password


@pytest.fixture(scope="module")
def lindeveen() -> Agreement:
    """The shipped local example."""
    return examples.load(LINDEVEEN)


def texts(built: Document) -> Iterator[str]:
    """Every text of a document's blocks."""
    for block in built.blocks:
        if isinstance(block, TitlePage):
            yield block.title
            yield from ([block.subtitle] if block.subtitle else [])
            yield from block.lines
        elif isinstance(block, Heading | Paragraph):
            yield block.text
        elif isinstance(block, Items):
            yield from block.items
        elif isinstance(block, Table):
            yield from map(plain, block.columns)
            yield from (plain(cell) for row in block.rows for cell in row)
        elif isinstance(block, Signature):
            yield block.party
            yield from block.lines


def chapters(built: Document) -> list[str]:
    """The level-1 headings, in order."""
    return [block.text for block in built.blocks if isinstance(block, Heading) and block.level == 1]


def references(built: Document) -> list[str]:
    """The cells of the reference columns of every table."""
    return [plain(row[i]) for b in built.blocks if isinstance(b, Table) for row in b.rows for i in sorted(b.reference)]


def docx_text(payload: bytes) -> str:
    """All text of a Word file as python-docx reads it: paragraphs, then every table cell."""
    word = docx.Document(io.BytesIO(payload))
    parts = [paragraph.text for paragraph in word.paragraphs]
    parts += [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def with_secret(agreement: Agreement) -> Agreement:
    """Lindeveen with one restricted commitment of the corporation, seen by the municipality only."""
    secret = Commitment(
        id="c-2026-secret",
        by=(CORPORATION,),
        beneficiaries=(MUNICIPALITY, TENANTS),
        theme="availability",
        year=2026,
        text=SECRET,
        indicator="social-new-build",
        value=777_777,
        due=pendulum.Date(2026, 12, 31),
        visibility=Visibility.RESTRICTED,
        visible_to=(MUNICIPALITY,),
    )
    return attrs.evolve(agreement, commitments=(*agreement.commitments, secret))


# --- structure ------------------------------------------------------------------------------------------------


class TestStructure:
    """The chapters agreements have in practice, with names and texts instead of ids."""

    @pytest.mark.parametrize(
        ("lang", "expected"),
        [
            (
                "nl",
                [
                    "Partijen",
                    "Bestuurlijke opdracht",
                    "Gedeelde doelen",
                    "Afspraken per thema",
                    "Wederzijdse voorwaarden",
                    "Definities",
                    "Proces en planning",
                    "Monitoring en bijsturen",
                    "Ondertekening",
                ],
            ),
            (
                "en",
                [
                    "Parties",
                    "Administrative assignment",
                    "Shared goals",
                    "Commitments by theme",
                    "Mutual conditions",
                    "Definitions",
                    "Process and planning",
                    "Monitoring and adjusting",
                    "Signing",
                ],
            ),
        ],
    )
    def test_chapters_in_order(self, lindeveen: Agreement, lang: Any, expected: list[str]) -> None:
        """The chapters follow the order of an agreement in practice, in the language asked for."""
        assert chapters(document(lindeveen, lang=lang)) == expected

    def test_title_page_then_a_page_break(self, lindeveen: Agreement) -> None:
        """The document opens with a title page that names the parties and the signing, then a new page."""
        built = document(lindeveen)
        title, after = built.blocks[:2]
        assert isinstance(title, TitlePage)
        assert title.title == "Prestatieafspraken Lindeveen 2025-2028"
        assert title.lines[0] == "Tussen Gemeente Lindeveen, Woonstichting Lindeveen en Huurdersvereniging Lindeveen"
        assert "Ondertekend op 10 december 2024" in title.lines
        assert after == PageBreak()

    def test_signature_page_names_the_signatories(self, lindeveen: Agreement) -> None:
        """The signature page starts on a new page and has a place to sign per signatory mandate."""
        built = document(lindeveen)
        start = next(i for i, b in enumerate(built.blocks) if isinstance(b, Heading) and b.text == "Ondertekening")
        assert built.blocks[start - 1] == PageBreak()
        signatures = [b for b in built.blocks[start:] if isinstance(b, Signature)]
        assert [(s.party, s.lines) for s in signatures] == [
            ("Gemeente Lindeveen", ("wethouder wonen",)),
            ("Woonstichting Lindeveen", ("directeur-bestuurder",)),
            ("Huurdersvereniging Lindeveen", ("voorzitter",)),
        ]
        assert {(s.signature, s.date) for s in signatures} == {("Handtekening", "Datum")}

    def test_a_party_that_represents_others_signs_on_their_behalf(self) -> None:
        """An alliance that `represents` parties signs "namens" them, by name."""
        built = document(examples.load("parkstad-limburg-2019-2024"))
        signatures = {b.party: b.lines for b in built.blocks if isinstance(b, Signature)}
        assert signatures["ROH Parkstad"] == ("namens SHLZ, HWZ, Bewonersraad ZOwonen en Coriovallem",)
        assert "Gemeente Heerlen" not in signatures
        assert any("Stadsregio Parkstad Limburg spreekt en tekent namens" in text for text in texts(built))

    def test_without_signatory_mandates_every_unrepresented_party_signs(self, lindeveen: Agreement) -> None:
        """Without signatory mandates each counted party signs, except one that another signing party represents."""
        represented = attrs.evolve(
            lindeveen,
            mandates=(),
            parties=(
                attrs.evolve(lindeveen.parties[0], represents=(TENANTS,)),
                *lindeveen.parties[1:],
            ),
        )
        signatures = [b for b in document(represented, lang="en").blocks if isinstance(b, Signature)]
        assert [(s.party, s.lines) for s in signatures] == [
            ("Gemeente Lindeveen", ("on behalf of Huurdersvereniging Lindeveen",)),
            ("Woonstichting Lindeveen", ()),
        ]

    def test_endorsers_sign_apart(self) -> None:
        """Endorsers (onderschrijvers) sign in their own section, after the parties."""
        built = document(examples.load("arnhem-nijmegen-woondeal"))
        start = next(i for i, b in enumerate(built.blocks) if isinstance(b, Heading) and b.text == "Onderschrijving")
        endorsers = [b.party for b in built.blocks[start:] if isinstance(b, Signature)]
        assert endorsers[:2] == ["Woonkr8 (samenwerkingsverband van de 20 corporaties in de regio)", "NEPROM"]
        signers = [b.party for b in built.blocks[:start] if isinstance(b, Signature)]
        assert "NEPROM" not in signers
        assert "Gemeente Arnhem" in signers

    def test_names_not_ids_outside_the_reference_column(self, lindeveen: Agreement) -> None:
        """No text cell shows a party, commitment, goal or target id; the reference column holds them."""
        built = document(lindeveen)
        ids = {p.id for p in lindeveen.parties} | {c.id for c in lindeveen.commitments}
        ids |= {g.id for g in lindeveen.goals} | {t.id for t in lindeveen.targets}
        for block in built.blocks:
            if isinstance(block, Table):
                for row in block.rows:
                    shown = {cell for i, cell in enumerate(row) if i not in block.reference}
                    assert not shown & ids, row
        assert {c.id for c in lindeveen.commitments} <= set(references(built))

    def test_commitments_say_who_what_for_whom_when(self, lindeveen: Agreement) -> None:
        """A commitment's row has the executing party, its text and figures, its beneficiaries and due date."""
        built = document(lindeveen, year=2025)
        row = next(r for b in built.blocks if isinstance(b, Table) for r in b.rows if r[-1] == "c-2025-new-build")
        assert row == (
            "Woonstichting Lindeveen",
            "De woonstichting levert 100 sociale huurwoningen op. (Nieuwbouw sociale huur: 100 woningen in Lindeveen)",
            "Gemeente Lindeveen en Huurdersvereniging Lindeveen",
            "31-12-2025",
            "Resultaatsverplichting",
            "c-2025-new-build",
        )

    def test_mutual_conditions_show_both_texts(self, lindeveen: Agreement) -> None:
        """A condition names both commitments by party and text."""
        built = document(lindeveen)
        row = next(r for b in built.blocks if isinstance(b, Table) for r in b.rows if "←" in plain(r[-1]))
        assert row[1] == "Gemeente Lindeveen: De gemeente biedt bouwlocaties aan tegen een sociale grondprijs."
        assert row[-1] == "c-2025-new-build ← c-2025-building-land"

    def test_the_commitments_get_landscape_pages(self, lindeveen: Agreement) -> None:
        """The chapters of wide tables are on landscape pages, the rest portrait."""
        breaks = [b.orientation for b in document(lindeveen).blocks if isinstance(b, PageBreak)]
        assert breaks == [None, "landscape", "portrait", None]

    def test_an_agreement_with_little_says_so(self) -> None:
        """A bare agreement gets a sentence where it has no assignment, goals, definitions or milestones."""
        bare = loads(agreement_yaml(parties=[party_entry("gemeente", "Gemeente", "municipality")]), format="yaml")
        found = list(texts(document(bare)))
        for sentence in (
            "Er is geen bestuurlijke opdracht vastgelegd.",
            "Er zijn geen gedeelde doelen vastgelegd.",
            "Er zijn geen definities vastgelegd.",
            "Er zijn geen mijlpalen vastgelegd.",
            "Geen afspraak hangt af van een andere afspraak.",
            "Hoe vaak de partijen de voortgang volgen, is niet vastgelegd.",
        ):
            assert sentence in found

    def test_amendments_mandates_and_monitoring(self, lindeveen: Agreement) -> None:
        """Amendments, mandates granted by others for themes, hybrid monitoring: all by name, in words."""
        amended = attrs.evolve(
            lindeveen,
            amendments=(
                Amendment(
                    id="a-2026",
                    date=pendulum.Date(2026, 6, 30),
                    reason="Bouwkosten gestegen",
                    agreed_by=(MUNICIPALITY, CORPORATION),
                    text="Nieuwbouw 2027 naar 80",
                ),
            ),
            mandates=(
                *lindeveen.mandates,
                Mandate(
                    holder=MUNICIPALITY,
                    role=MandateRole.ADMINISTRATIVE_LEAD,
                    granted_by=(CORPORATION, TENANTS),
                    themes=("availability",),
                ),
            ),
            monitoring=Monitoring(hybrid=True),
            tenant_involvement=None,
        )
        built = document(amended)
        rows = [r for b in built.blocks if isinstance(b, Table) for r in b.rows]
        assert (
            "30-06-2026",
            "Nieuwbouw 2027 naar 80",
            "Bouwkosten gestegen",
            "Gemeente Lindeveen en Woonstichting Lindeveen",
            "a-2026",
        ) in rows
        assert (
            "Bestuurlijke trekker",
            "Gemeente Lindeveen",
            "",
            "Woonstichting Lindeveen en Huurdersvereniging Lindeveen",
            "Beschikbaarheid",
        ) in rows
        assert any(text.startswith("De cijfers worden in een hybride vorm gedeeld") for text in texts(built))

    @pytest.mark.parametrize(
        ("name", "row"),
        [
            (
                "arnhem-nijmegen-woondeal",
                (
                    "Aandeel Nieuwbouw in het betaalbare segment in Nieuwbouw woningen",
                    "50%",
                    "",
                    "Voor de hele afspraak",
                    "",
                    "Woondeal regio Arnhem-Nijmegen: 50% nieuwbouw in het betaalbare segment",
                    "betaalbaar-50",
                ),
            ),
        ],
    )
    def test_frameworks_in_words(self, name: str, row: tuple[str, ...]) -> None:
        """A framework of a higher level reads as a share of one indicator in another, with percentages."""
        built = document(examples.load(name))
        assert row in [r for b in built.blocks if isinstance(b, Table) for r in b.rows]

    def test_targets_with_breakdown_and_baseline(self, lindeveen: Agreement) -> None:
        """A target shows its value with unit, its breakdown by area or party name and its starting point."""
        split = attrs.evolve(lindeveen.targets[0], breakdown={"lindeveen": 300, CORPORATION: 100})
        built = document(attrs.evolve(lindeveen, targets=(split, *lindeveen.targets[1:])))
        rows = [r for b in built.blocks if isinstance(b, Table) for r in b.rows]
        assert (
            "Nieuwbouw sociale huur",
            "400 woningen",
            "2025–2028",
            "Lindeveen: 300 woningen; Woonstichting Lindeveen: 100 woningen",
            "",
            "new-build-2025-2028",
        ) in rows
        assert (
            "Woningen met label E, F of G",
            "-240 woningen",
            "2025–2028",
            "Lindeveen",
            "240 woningen eind 2024",
            "no-label-efg",
        ) in rows

    def test_definition_values_with_units(self, lindeveen: Agreement) -> None:
        """A definition's value shows with its unit: euros with the euro sign and Dutch decimals."""
        built = document(lindeveen)
        rows = [r for b in built.blocks if isinstance(b, Table) for r in b.rows]
        assert (
            "sociale-huur",
            "kale huur tot en met de huurtoeslaggrens van 2026",
            "€ 932,93",
            "Gemeente Lindeveen",
        ) in rows

    @pytest.mark.parametrize(
        ("unit", "value", "lang", "shown"),
        [
            ("dwellings", 1, "nl", "1 woning"),
            ("homes", 2500, "nl", "2.500 woningen"),
            ("dwellings", 2500, "en", "2,500 homes"),
            ("households", 3, "nl", "3 huishoudens"),
            ("EUR", 1234567.5, "nl", "€ 1.234.567,5"),
            ("share", 0.3, "nl", "30%"),
            ("m2", 12.25, "en", "12.25 m2"),
            (None, 7, "nl", "7"),
        ],
    )
    def test_amounts(self, lindeveen: Agreement, unit: str | None, value: float, lang: Any, shown: str) -> None:
        """Values are never rounded and carry their unit in words."""
        definition = Definition(term="x", value=value, unit=unit, text="t")
        built = document(attrs.evolve(lindeveen, definitions=(definition,)), lang=lang)
        rows = [r for b in built.blocks if isinstance(b, Table) for r in b.rows if r[0] == "x"]
        assert rows[0][2] == shown

    def test_many_parties_are_counted_on_the_title_page(self, lindeveen: Agreement) -> None:
        """With more than twelve parties the title page counts them; the parties chapter names them all."""
        extra = tuple(attrs.evolve(lindeveen.parties[0], id=f"gemeente-{n}", name=f"Gemeente {n}") for n in range(12))
        built = document(attrs.evolve(lindeveen, parties=(*lindeveen.parties, *extra)))
        title = built.blocks[0]
        assert isinstance(title, TitlePage)
        assert title.lines[0] == "Tussen 15 partijen"
        assert "Gemeente 11" in texts(built)


ODD = """\
assignment: {in_scope: [availability]}
indicators:
  - {id: share, label: Aandeel sociaal, unit: share, aggregation: ratio}
commitments:
  - {id: c-1, by: gemeente, text: Zonder thema, conditional_on: [c-unknown]}
  - {id: c-2, by: gemeente, theme: availability, year: 2025, value: 12}
  - {id: c-3, by: gemeente, theme: availability, year: 2025, indicator: share, value: 0.25}
mandates:
  - {holder: gemeente, role: signatory, person: wethouder, themes: [availability]}
"""


class TestOddShapes:
    """An agreement with little in it, or odd references, still gives a readable document."""

    def test_odd_agreement(self) -> None:
        """Commitments without theme or text, a condition on an unknown commitment, a signatory for a theme."""
        odd = loads(
            agreement_yaml(parties=[party_entry("gemeente", "Gemeente", "municipality")], commitments=None) + ODD,
            format="yaml",
        )
        built = document(odd)
        found = list(texts(built))
        assert "Overige afspraken" in found
        assert "12" in found, "a value without indicator is shown as it is"
        assert "Aandeel sociaal: 25%" in found
        assert "(onbekende afspraak)" in found
        assert "voor de thema's Beschikbaarheid" in next(b for b in built.blocks if isinstance(b, Signature)).lines
        assert "Beschikbaarheid" in next(b for b in built.blocks if isinstance(b, Items)).items


class TestRenderers:
    """Blocks made by hand render in every form: a caller may build a document of their own."""

    HANDMADE = Document(
        title="Eigen",
        lang="nl",
        blocks=(
            TitlePage(title="Eigen"),
            Items(items=("een", "twee"), numbered=True),
            Table(columns=tuple(f"Kolom{n}" for n in range(12)), rows=(("x" * 40,) * 12,), reference=frozenset({0})),
            Table(columns=("Leeg",), rows=(("",),), reference=frozenset({0})),
        ),
    )

    def test_markdown(self) -> None:
        """A numbered list, a title page without subtitle and an empty reference cell in Markdown."""
        text = self.HANDMADE.to_markdown()
        assert text.startswith("# Eigen\n\n1. een\n2. twee\n")
        assert "| Leeg |\n|---|\n|  |" in text

    def test_html(self) -> None:
        """The same in HTML."""
        html = self.HANDMADE.to_html()
        assert '<section class="title-page">\n<h1>Eigen</h1>\n</section>' in html
        assert "<ol>\n<li>een</li>\n<li>twee</li>\n</ol>" in html

    def test_docx_too_wide_a_table_is_scaled(self) -> None:
        """A table whose words cannot all fit gets narrower columns that still fill the page, not more."""
        word = docx.Document(io.BytesIO(self.HANDMADE.to_docx()))
        widths = [column.width for column in word.tables[0].columns]
        assert all(width is not None for width in widths)
        section = word.sections[0]
        usable = int(section.page_width or 0) - int(section.left_margin or 0) - int(section.right_margin or 0)
        assert usable * 0.99 <= sum(int(width or 0) for width in widths) <= usable
        numbered = [p for p in word.paragraphs if p.text == "een"]
        assert numbered[0].style is not None
        assert numbered[0].style.name == "List Number"

    def test_numbers_that_are_not(self) -> None:
        """An infinite or undefined value is written as Python writes it, never as a number it is not."""
        definition = Definition(term="x", value=float("inf"), unit="EUR", text="t")
        built = document(attrs.evolve(examples.load(LINDEVEEN), definitions=(definition,)))
        assert "€ inf" in texts(built)


# --- the jaarschijf -------------------------------------------------------------------------------------------


class TestJaarschijf:
    """With a year: the commitments of that year and the milestones of its cycle."""

    def test_only_the_commitments_of_the_year(self, lindeveen: Agreement) -> None:
        """Every commitment shown has the year asked for, and all of them are shown."""
        built = document(lindeveen, year=2026)
        shown = [ref for ref in references(built) if ref.startswith("c-") and "←" not in ref]
        assert sorted(shown) == sorted(c.id for c in lindeveen.commitments if c.year == 2026)
        title = built.blocks[0]
        assert isinstance(title, TitlePage)
        assert title.subtitle == "Jaarschijf 2026 · Meerjarig perspectief 2025–2028"

    def test_milestones_of_the_cycle(self, lindeveen: Agreement) -> None:
        """The evaluation in June 2027 looks back on 2026; the signing of December 2024 prepared 2025."""
        built = document(lindeveen, year=2026)
        found = list(texts(built))
        assert "Evaluaties: 15 juni 2027." in found
        assert "Ondertekend op 10 december 2024" not in found
        assert "Ondertekend op 10 december 2024" in texts(document(lindeveen, year=2025))

    def test_a_year_without_commitments(self, lindeveen: Agreement) -> None:
        """A year of the perspective without commitments says so, per theme too."""
        bare = attrs.evolve(lindeveen, commitments=tuple(c for c in lindeveen.commitments if c.year != 2028))
        found = list(texts(document(bare, year=2028)))
        assert "Voor 2028 zijn nog geen afspraken gemaakt." in found
        assert "Voor 2028 zijn in dit thema geen afspraken gemaakt." in found

    @pytest.mark.parametrize("year", [2024, 2029])
    def test_a_year_outside_the_perspective(self, lindeveen: Agreement, year: int) -> None:
        """A year outside the perspective is refused, naming the years that can be asked for."""
        with pytest.raises(ConfigError, match=rf"the year {year} is outside the perspective .* 2025 to 2028"):
            document(lindeveen, year=year)

    def test_without_a_process(self, lindeveen: Agreement) -> None:
        """An agreement without a process has no milestones in any cycle."""
        assert jaarschijf(attrs.evolve(lindeveen, process=None), 2026).milestones == ()


# --- the tenants' summary -------------------------------------------------------------------------------------


def summary_sentences(built: Document) -> list[str]:
    """The sentences of the summary's own paragraphs (not the agreement's texts in its lists)."""
    paragraphs = [b.text for b in built.blocks if isinstance(b, Paragraph)]
    return [s for text in paragraphs for s in re.split(r"(?<=[.?!:])\s+", text) if s]


class TestSummary:
    """The one-page summary for tenants' members, in plain language."""

    def test_what_was_agreed_for_tenants_this_year(self, lindeveen: Agreement) -> None:
        """The summary lists the year's commitments that benefit the tenants, with who and by when."""
        built = document(lindeveen, year=2026, summary=True)
        assert built.title == "Wat is er afgesproken voor 2026?"
        assert chapters(built) == ["Wat is er afgesproken voor 2026?"]
        items = [item for b in built.blocks if isinstance(b, Items) for item in b.items]
        assert (
            "Woonstichting Lindeveen: De huursomstijging blijft onder de inflatie. Uiterlijk klaar op 1 juli 2026."
            in items
        )
        assert not any("bouwlocaties" in item for item in items), "a commitment for the corporation only"
        assert not any(ref for ref in references(built))

    def test_how_to_follow_it(self, lindeveen: Agreement) -> None:
        """It names whom to ask, who keeps track, how often, and when the year is evaluated."""
        found = summary_sentences(document(lindeveen, year=2026, summary=True))
        for sentence in (
            "Neem contact op met Huurdersvereniging Lindeveen.",
            "Gemeente Lindeveen houdt bij hoe het gaat.",
            "De partijen kijken jaarlijks hoe het gaat.",
            "De evaluatie is op 15 juni 2027.",
        ):
            assert sentence in found

    def test_plain_language(self, lindeveen: Agreement) -> None:
        """Its own sentences are short (B1): at most 15 words, 9 on average, and the terms are explained."""
        built = document(lindeveen, year=2026, summary=True)
        lengths = [len(sentence.split()) for sentence in summary_sentences(built)]
        assert max(lengths) <= 15
        assert sum(lengths) / len(lengths) <= 9
        items = [item for b in built.blocks if isinstance(b, Items) for item in b.items]
        assert "Inspanningsverplichting: de partij doet haar best. Maar zij belooft geen vast resultaat." in items
        assert "Sociale huur: kale huur tot en met de huurtoeslaggrens van 2026." in items

    def test_no_evaluation_date_yet(self, lindeveen: Agreement) -> None:
        """Without an evaluation in the cycle it says the date is not known and whom to ask."""
        found = summary_sentences(document(attrs.evolve(lindeveen, process=None), year=2028, summary=True, lang="en"))
        assert "The date is not known yet." in found
        assert "Ask Huurdersvereniging Lindeveen about it." in found

    def test_no_commitments_for_tenants(self, lindeveen: Agreement) -> None:
        """When nothing is for the tenants it lists everything agreed; without anything it says so."""
        for_nobody = attrs.evolve(
            lindeveen, commitments=tuple(attrs.evolve(c, beneficiaries=()) for c in lindeveen.commitments)
        )
        built = document(for_nobody, year=2025, summary=True)
        assert "Wat is afgesproken?" in texts(built)
        nothing = attrs.evolve(lindeveen, commitments=())
        assert "Voor 2025 zijn nog geen afspraken gemaakt." in texts(document(nothing, year=2025, summary=True))

    def test_long_lists_are_cut(self, lindeveen: Agreement) -> None:
        """More commitments than fit on a page are counted and pointed to."""
        many = tuple(attrs.evolve(lindeveen.commitments[2], id=f"c-extra-{n}", due=None) for n in range(MAX_ITEMS + 3))
        built = document(attrs.evolve(lindeveen, commitments=many), year=2025, summary=True)
        items = [item for b in built.blocks if isinstance(b, Items) for item in b.items]
        assert items.count("Woonstichting Lindeveen: De huursomstijging blijft onder de inflatie.") == MAX_ITEMS
        assert "Er zijn nog 3 andere afspraken. Die staan in de volledige tekst." in texts(built)

    def test_many_parties_are_counted_by_kind(self) -> None:
        """A regional agreement's many parties are counted by kind, so the summary stays one page."""
        built = document(examples.load("parkstad-limburg-2019-2024"), year=2020, summary=True)
        items = [item for b in built.blocks if isinstance(b, Items) for item in b.items]
        assert "Gemeente: 7" in items

    def test_many_tenant_organisations_send_members_to_their_own(self, lindeveen: Agreement) -> None:
        """With more tenant organisations than a sentence can name, a member asks their own."""
        tenants = lindeveen.parties[2]
        extra = tuple(attrs.evolve(tenants, id=f"huurders-{n}", name=f"Huurders {n}") for n in range(3))
        built = document(attrs.evolve(lindeveen, parties=(*lindeveen.parties, *extra)), year=2026, summary=True)
        assert "Neem contact op met uw eigen huurdersorganisatie." in summary_sentences(built)

    def test_default_year_is_this_year_within_the_perspective(self, lindeveen: Agreement) -> None:
        """Without a year the summary is of the current year, kept within the perspective."""
        today = pendulum.today("Europe/Amsterdam").year
        expected = min(max(today, 2025), 2028)
        assert document(lindeveen, summary=True).title == f"Wat is er afgesproken voor {expected}?"

    def test_a_summary_without_tenants_or_monitor(self, lindeveen: Agreement) -> None:
        """Without a tenant organisation or a monitor, the first party is the one to ask."""
        bare = attrs.evolve(lindeveen, parties=lindeveen.parties[:2], mandates=(), monitoring=None)
        found = summary_sentences(document(bare, year=2026, summary=True))
        assert "Neem contact op met Gemeente Lindeveen." in found


# --- the audience -------------------------------------------------------------------------------------------------


class TestAudience:
    """With an audience nothing it may not see appears, in any form."""

    @pytest.mark.parametrize("audience", ["public", TENANTS])
    @pytest.mark.parametrize("summary", [False, True])
    def test_no_leak_in_any_form(self, lindeveen: Agreement, audience: str, *, summary: bool) -> None:
        """A restricted commitment's text and value appear in none of Markdown, HTML and Word.

        Without the picture, whose coordinates may hold any digits: tests/test_pictures.py reads its texts.
        """
        built = document(with_secret(lindeveen), audience=audience, year=2026, summary=summary, picture=False)
        for shown in (built.to_markdown(), built.to_html(), docx_text(built.to_docx())):
            assert "XYZ" not in shown
            assert "777" not in shown

    def test_withheld_is_said(self, lindeveen: Agreement) -> None:
        """The withheld commitment is listed without its text, and the title page says whose view this is."""
        built = document(with_secret(lindeveen), audience=TENANTS, year=2026)
        found = list(texts(built))
        assert "Niet openbaar: alleen de betrokken partijen zien wat hier is afgesproken." in found
        assert "Weergave voor Huurdersvereniging Lindeveen" in found
        summary = document(with_secret(lindeveen), audience="public", year=2026, summary=True)
        assert "1 afspraken zijn niet openbaar. Die staan hier niet." in texts(summary)

    @pytest.mark.parametrize("audience", [MUNICIPALITY, CORPORATION])
    def test_who_may_see_it_sees_it(self, lindeveen: Agreement, audience: str) -> None:
        """The party it is visible to, and the party that executes it, see its text."""
        built = document(with_secret(lindeveen), audience=audience, year=2026)
        assert SECRET in built.to_markdown()

    def test_unknown_audience(self, lindeveen: Agreement) -> None:
        """An audience that is no party is refused."""
        with pytest.raises(UnknownAudienceError, match="nobody"):
            document(lindeveen, audience="nobody")


# --- escaping ------------------------------------------------------------------------------------------------------

HOSTILE = (
    "<script>alert(1)</script> | **vet** _schuin_ [link](https://example.org) `code` ~~weg~~ &amp; \\ \x07",
    "# Kop",
    "1. lijst",
    "- lijst",
    "+ lijst",
    "= onderstreept",
)


def hostile(agreement: Agreement) -> Agreement:
    """Lindeveen with hostile texts in commitments, a party name, the title, the purpose and the lists."""
    commitments = tuple(
        attrs.evolve(c, text=HOSTILE[n % len(HOSTILE)]) if c.year == 2025 else c
        for n, c in enumerate(agreement.commitments)
    )
    parties = (attrs.evolve(agreement.parties[0], name="Gemeente <b>|Lindeveen|</b>"), *agreement.parties[1:])
    assert agreement.assignment is not None
    assignment = attrs.evolve(agreement.assignment, purpose="1. lijst", out_of_scope=HOSTILE, dilemmas=("# Kop",))
    return attrs.evolve(
        agreement,
        title="Afspraken <i>*2025*</i>",
        commitments=commitments,
        parties=parties,
        assignment=assignment,
    )


class TestEscaping:
    """A text of the file is data: it never becomes markup in Markdown or HTML, nor breaks a Word file."""

    def test_markdown_renders_the_texts_literally(self, lindeveen: Agreement) -> None:
        """Python-Markdown renders the document's hostile texts as text: no script, link, emphasis or extra list."""
        markdown = importlib.import_module("markdown")
        built = document(hostile(lindeveen), year=2025)
        rendered: str = markdown.markdown(built.to_markdown(), extensions=["tables"])
        assert "<script>" not in rendered
        assert "<b>" not in rendered
        assert "<i>" not in rendered
        assert "<a " not in rendered
        assert "<strong>vet" not in rendered
        assert "<em>" not in rendered
        assert "<code>code" not in rendered
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
        assert "<ol>" not in rendered
        assert rendered.count("<li>") == sum(len(b.items) for b in built.blocks if isinstance(b, Items))
        assert "<p>1. lijst</p>" in rendered
        assert "<li># Kop</li>" in rendered
        assert "<li>- lijst</li>" in rendered
        assert "\x07" not in rendered

    def test_markdown_tables_keep_their_columns(self, lindeveen: Agreement) -> None:
        """A ``|`` in a text does not add a column: every row of a table has as many cells as its header."""
        text = document(hostile(lindeveen), year=2025).to_markdown()
        for table in re.findall(r"(?:^\|.*\|$\n?)+", text, flags=re.MULTILINE):
            widths = {len(re.findall(r"(?<!\\)\|", line)) for line in table.strip().splitlines()}
            assert len(widths) == 1, table

    def test_html_escapes_everything(self, lindeveen: Agreement) -> None:
        """The HTML holds no tag but its own; texts are escaped, control characters replaced.

        The picture's SVG is read in tests/test_pictures.py.
        """
        html = document(hostile(lindeveen), year=2025, picture=False).to_html()
        assert "<script>" not in html
        assert "<b>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<title>Afspraken &lt;i&gt;*2025*&lt;/i&gt;</title>" in html
        assert "\x07" not in html
        assert "\ufffd" in html
        assert set(re.findall(r"<([a-z0-9]+)[\s>]", html)) <= {
            "html", "head", "meta", "title", "style", "body", "section", "h1", "h2", "h3", "p", "table", "thead",
            "tbody", "tr", "th", "td", "ul", "ol", "li", "hr", "div", "span",
        }  # fmt: skip

    def test_docx_holds_the_texts(self, lindeveen: Agreement) -> None:
        """Word gets the texts as they are, a control character replaced (Word refuses a file with one)."""
        shown = docx_text(document(hostile(lindeveen), year=2025).to_docx())
        assert "<script>alert(1)</script> | **vet**" in shown
        assert "Gemeente <b>|Lindeveen|</b>" in shown
        assert "\x07" not in shown


# --- Word ----------------------------------------------------------------------------------------------------------


class TestDocx:
    """The Word file has real headings, lists, tables and page breaks; a house-style template is honoured."""

    def test_headings_tables_and_breaks(self, lindeveen: Agreement) -> None:
        """python-docx reads Title and Heading styles, one Word table per table block, page breaks, A4 sections."""
        built = document(lindeveen)
        word = docx.Document(io.BytesIO(built.to_docx()))
        styles = {(p.style.name if p.style is not None else "") for p in word.paragraphs}
        assert {"Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "List Bullet"} <= styles
        headings = [p.text for p in word.paragraphs if p.style is not None and p.style.name == "Heading 1"]
        assert headings == chapters(built)
        assert len(word.tables) == sum(isinstance(b, Table) for b in built.blocks)
        first = word.tables[0]
        assert [cell.text for cell in first.rows[0].cells] == ["Partij", "Soort", "Werkgebied", "Deelname", "Ref."]
        assert first.rows[1].cells[0].text == "Gemeente Lindeveen"
        assert len(word.element.body.xpath(".//w:br[@w:type='page']")) == 2
        assert [section.orientation for section in word.sections] == [
            WD_ORIENT.PORTRAIT,
            WD_ORIENT.LANDSCAPE,
            WD_ORIENT.PORTRAIT,
        ]
        width = word.sections[0].page_width
        assert width is not None
        assert round(width.mm) == 210
        assert word.core_properties.title == "Prestatieafspraken Lindeveen 2025-2028"
        assert 'w:val="nl-NL"' in word.styles.element.xml

    def test_header_rows_repeat(self, lindeveen: Agreement) -> None:
        """Every table's header row repeats on each page it runs over."""
        word = docx.Document(io.BytesIO(document(lindeveen).to_docx()))
        assert all(table.rows[0]._tr.xpath("./w:trPr/w:tblHeader") for table in word.tables)

    @staticmethod
    def house_style(folder: Path, *, suffix: str = ".docx") -> Path:
        """A house-style template: a letterhead, some body text, and no "List Bullet" style."""
        word = docx.Document()
        word.sections[0].header.paragraphs[0].text = "Gemeente Lindeveen — huisstijl"
        word.add_paragraph("Voorbeeldtekst van de sjabloon")
        word.styles.element.remove(word.styles["List Bullet"].element)
        defaults = word.styles.element.find(qn("w:docDefaults"))
        if defaults is not None:  # a template may have no document defaults: the language is set all the same
            word.styles.element.remove(defaults)
        path = folder / f"huisstijl{suffix}"
        word.save(str(path))
        if suffix == ".dotx":
            with zipfile.ZipFile(path) as source:
                parts = {name: source.read(name) for name in source.namelist()}
            parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
                b"document.main+xml", b"template.main+xml"
            )
            with zipfile.ZipFile(path, "w") as target:
                for name, data in parts.items():
                    target.writestr(name, data)
        return path

    @pytest.mark.parametrize("suffix", [".docx", ".dotx"])
    def test_template(self, lindeveen: Agreement, tmp_path: Path, suffix: str) -> None:
        """A template's header stays, its body is replaced, a style it lacks falls back to the default."""
        template = self.house_style(tmp_path, suffix=suffix)
        word = docx.Document(io.BytesIO(document(lindeveen).to_docx(template=template)))
        assert word.sections[0].header.paragraphs[0].text == "Gemeente Lindeveen — huisstijl"
        assert "Voorbeeldtekst van de sjabloon" not in docx_text(document(lindeveen).to_docx(template=template))
        assert 'w:val="nl-NL"' in word.styles.element.xml
        styles = {p.style.name for p in word.paragraphs if p.text == "Beschikbaarheid" and p.style is not None}
        assert styles == {"Normal", "Heading 2"}, "the item of in-scope themes, and the theme's heading"

    @pytest.mark.parametrize(
        ("content", "match"),
        [
            (None, "No such file"),
            (b"not a zip", "cannot read the template as a Word file"),
            (b"PK\x05\x06" + bytes(18), "template"),
        ],
    )
    def test_unreadable_template(self, lindeveen: Agreement, tmp_path: Path, content: bytes | None, match: str) -> None:
        """A template that is missing or no Word file is refused with the file named."""
        path = tmp_path / "huisstijl.docx"
        if content is not None:
            path.write_bytes(content)
        with pytest.raises(ConfigError, match=match):
            document(lindeveen).to_docx(template=path)

    def test_without_python_docx(self, lindeveen: Agreement, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without python-docx the error names the pip command that installs it."""
        monkeypatch.setitem(sys.modules, "docx", None)
        with pytest.raises(MissingExtraError, match=re.escape('pip install "prestatieafspraken[docx]"')):
            document(lindeveen).to_docx()

    def test_english(self, lindeveen: Agreement) -> None:
        """An English document is English in Word too, down to its language setting."""
        word = docx.Document(io.BytesIO(document(lindeveen, lang="en").to_docx()))
        assert 'w:val="en-GB"' in word.styles.element.xml
        assert word.paragraphs[-1].text.startswith("Date:")


# --- rendering and writing -------------------------------------------------------------------------------------


class TestWrite:
    """A document is written atomically, in the form its file name asks for."""

    @pytest.mark.parametrize(
        ("name", "form"),
        [("a.md", "markdown"), ("a.HTML", "html"), ("a.htm", "html"), ("a.docx", "docx"), ("a.txt", "markdown")],
    )
    def test_format_of(self, name: str, form: str) -> None:
        """The suffix says the form; anything unknown is Markdown."""
        assert format_of(Path(name)) == form

    def test_write_replaces_atomically(self, lindeveen: Agreement, tmp_path: Path) -> None:
        """Writing over a file replaces it whole and leaves no temporary file."""
        path = tmp_path / "afspraken.html"
        path.write_text("oud")
        document(lindeveen).write(path)
        assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        assert [p.name for p in tmp_path.iterdir()] == ["afspraken.html"]

    def test_render_refuses(self, lindeveen: Agreement, tmp_path: Path) -> None:
        """An unknown format, or a template with a format other than docx, is refused."""
        built = document(lindeveen)
        with pytest.raises(ConfigError, match="unknown document format 'pdf'"):
            built.render(cast("Any", "pdf"))
        with pytest.raises(ConfigError, match="goes with the format docx, not 'html'"):
            built.render("html", template=tmp_path / "t.docx")

    def test_unknown_language(self, lindeveen: Agreement) -> None:
        """A language other than Dutch or English is refused."""
        with pytest.raises(ConfigError, match="unknown language 'de'"):
            document(lindeveen, lang=cast("Any", "de"))


# --- the command line ------------------------------------------------------------------------------------------


class TestCli:
    """``prestatieafspraken document``."""

    def test_markdown_to_standard_output(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without --output the Markdown is printed."""
        assert main(["document", "--example", LINDEVEEN, "--year", "2026"]) == 0
        out = capsys.readouterr().out
        assert out.startswith("# Prestatieafspraken Lindeveen 2025-2028")
        assert "Afspraken voor 2026" in out

    @pytest.mark.parametrize(("name", "check"), [("a.docx", "docx"), ("a.html", "html"), ("a.md", "markdown")])
    def test_output_in_the_form_of_its_suffix(self, tmp_path: Path, name: str, check: str) -> None:
        """--output writes the form its suffix names."""
        path = tmp_path / name
        assert main(["document", "--example", LINDEVEEN, "--output", str(path), "--summary", "--year", "2026"]) == 0
        if check == "docx":
            assert "Wat is er afgesproken voor 2026?" in docx_text(path.read_bytes())
        elif check == "html":
            assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        else:
            assert path.read_text(encoding="utf-8").startswith("# Wat is er afgesproken voor 2026?")

    def test_format_and_template(self, tmp_path: Path) -> None:
        """--format docx with a house-style template writes a Word file in it."""
        path = tmp_path / "afspraken.bin"
        template = TestDocx.house_style(tmp_path)
        arguments = ["--format", "docx", "--template", str(template), "--output", str(path), "--lang", "en"]
        assert main(["document", "--example", LINDEVEEN, *arguments]) == 0
        assert "Commitments by theme" in docx_text(path.read_bytes())

    @pytest.mark.parametrize(
        ("arguments", "message"),
        [
            (["missing.yaml"], "cannot open the file"),
            (["--example", LINDEVEEN, "--format", "docx"], "give --output FILE.docx"),
            (["--example", LINDEVEEN, "--template", "t.docx"], "goes with --format docx, not markdown"),
            (["--example", LINDEVEEN, "--year", "2030"], "outside the perspective"),
            (["--example", LINDEVEEN, "--audience", "nobody"], "nobody"),
            (["--example", LINDEVEEN, "--output", "nofolder/a.md"], "cannot write the document"),
            (["--example", LINDEVEEN, "--output", "a.docx", "--template", "missing.docx"], "cannot read the template"),
        ],
    )
    def test_exit_2_with_a_clear_message(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
        arguments: list[str],
        message: str,
    ) -> None:
        """A file that cannot be read or written, or options that do not fit, exit 2 with one clear message."""
        monkeypatch.chdir(tmp_path)
        assert main(["document", *arguments, "--lang", "en"]) == 2
        captured = capsys.readouterr()
        assert message in captured.err
        assert "Traceback" not in captured.err
        assert not captured.out

    def test_unreadable_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A file that is not an agreement exits 2 and says where it is wrong."""
        path = tmp_path / "kapot.yaml"
        path.write_text("schema_version: 1\nid: x\n", encoding="utf-8")
        assert main(["document", str(path)]) == 2
        assert "kapot.yaml" in capsys.readouterr().err


# --- real clients --------------------------------------------------------------------------------------------------


def squeezed(text: str) -> str:
    """*text* without any whitespace: a PDF's text compares whatever the lines wrap."""
    return "".join(text.split())


class Form(NamedTuple):
    """One form of Lindeveen's document: the CLI's options, texts its PDF must hold, and near-misses it must not."""

    options: tuple[str, ...]
    shows: tuple[str, ...]
    hides: tuple[str, ...]


TITLE = "Prestatieafspraken Lindeveen 2025-2028"
#: How the signature page starts: on a page of its own, the heading and the sentence above the signatures.
SIGNING = "Ondertekening Zo overeengekomen"
#: The three forms: the full text, the jaarschijf 2026 (not 2025's commitments), the summary (no signature page).
FORMS = {
    "volledig": Form(
        options=(),
        shows=(
            TITLE,
            "Meerjarig perspectief 2025–2028",
            "Huurdersvereniging Lindeveen",
            "De gemeente biedt bouwlocaties aan tegen een sociale grondprijs.",
            "De gemeente start de wijkaanpak in De Hoven.",
            f"{SIGNING} door de partijen, die hieronder tekenen.",
        ),
        hides=("Jaarschijf 2026",),
    ),
    "jaarschijf": Form(
        options=("--year", "2026"),
        shows=(
            TITLE,
            "Jaarschijf 2026 · Meerjarig perspectief 2025–2028",
            "Woonstichting Lindeveen",
            "Afspraken voor 2026",
            "De gemeente zet de wijkaanpak voort in De Hoven en start in Oosterkwartier.",
            f"{SIGNING} voor 2026 door de partijen, die hieronder tekenen.",
        ),
        hides=("Afspraken voor 2025", "De gemeente start de wijkaanpak in De Hoven."),
    ),
    "samenvatting": Form(
        options=("--summary", "--year", "2026"),
        shows=(
            "Wat is er afgesproken voor 2026?",
            f"Een korte uitleg van: {TITLE}.",
            "Wat is afgesproken voor huurders?",
            "De huursomstijging blijft onder de inflatie.",
            "Heeft u een vraag? Neem contact op met Huurdersvereniging Lindeveen.",
        ),
        hides=("Ondertekening", "De gemeente biedt bouwlocaties aan tegen een sociale grondprijs."),
    ),
}


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(
            f"{name} is not installed: apt-get install -y --no-install-recommends libreoffice-writer-nogui "
            "poppler-utils (.ci/run installs them)"
        )
    return found


def to_pdf(sources: list[Path], folder: Path) -> list[Path]:
    """Headless LibreOffice's PDFs of *sources*, made in *folder*.

    LibreOffice runs with a profile of its own in *folder* (tests running in parallel do not lock each other) and a
    time limit.

    HTML is opened in Writer (the import filter ``HTML (StarWriter)``), as a text document to print: LibreOffice
    7.4's Writer/Web, which opens ``.html`` by default, leaves a heading that opens the body out of its PDF.
    """
    html = [source.suffix == ".html" for source in sources]
    assert all(html) or not any(html), "convert Word files and HTML apart"
    subprocess.run(
        [
            _tool("soffice"),
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            *(["--infilter=HTML (StarWriter)"] if all(html) else []),
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder / "pdf"),
            *map(str, sources),
        ],
        check=True,
        capture_output=True,
        timeout=300,
        env={**os.environ, "HOME": str(folder)},
    )
    return [folder / "pdf" / f"{source.stem}.pdf" for source in sources]


def pdf_pages(path: Path) -> list[str]:
    """The text of each page of a PDF, as poppler's pdftotext reads it."""
    done = subprocess.run(
        [_tool("pdftotext"), "-raw", str(path), "-"], check=True, capture_output=True, text=True, timeout=60
    )
    return done.stdout.split("\f")[:-1]  # each page ends with a form feed


def landscape_pages(path: Path) -> list[int]:
    """The numbers of the pages of a PDF that are wider than high, as poppler's pdfinfo measures them."""
    done = subprocess.run(
        [_tool("pdfinfo"), "-f", "1", "-l", "9999", str(path)], check=True, capture_output=True, text=True, timeout=60
    )
    sizes = re.findall(r"^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts", done.stdout, re.MULTILINE)
    assert sizes, done.stdout
    return [int(number) for number, width, height in sizes if float(width) > float(height)]


@pytest.mark.libreoffice
class TestLibreOffice:
    """LibreOffice opens what the library writes: the three forms, as Word file and as HTML, become PDFs.

    The PDFs have the content, and the Word file's pages break and turn where the document says.
    """

    @pytest.mark.parametrize("name", FORMS)
    def test_word_and_html_to_pdf(self, tmp_path: Path, name: str) -> None:
        """Headless LibreOffice converts the form both ways; pdftotext finds its texts and not the near-misses."""
        form = FORMS[name]
        word, html = tmp_path / f"{name}.docx", tmp_path / f"{name}-web.html"
        for source in (word, html):
            assert main(["document", "--example", LINDEVEEN, *form.options, "--output", str(source)]) == 0
        for pdf in [*to_pdf([word], tmp_path), *to_pdf([html], tmp_path)]:
            text = squeezed("".join(pdf_pages(pdf)))
            for expected in form.shows:
                assert squeezed(expected) in text, (pdf.name, expected)
            for unexpected in form.hides:
                assert squeezed(unexpected) not in text, (pdf.name, unexpected)

    @pytest.mark.parametrize("name", ["volledig", "jaarschijf"])
    def test_pages_of_the_agreement(self, tmp_path: Path, name: str) -> None:
        """The title page stands alone; the first chapter and the signature page each start a page.

        The commitments are on landscape pages, one run of them between portrait ones.
        """
        source = tmp_path / f"{name}.docx"
        assert main(["document", "--example", LINDEVEEN, *FORMS[name].options, "--output", str(source)]) == 0
        (pdf,) = to_pdf([source], tmp_path)
        pages = [squeezed(page) for page in pdf_pages(pdf)]
        assert pages[0].startswith(squeezed(TITLE))
        assert "Partijen" not in pages[0]
        assert pages[1].startswith(squeezed("Partijen Deze afspraken zijn gemaakt door de volgende partijen."))
        signing = [number for number, page in enumerate(pages) if page.startswith(squeezed(SIGNING))]
        assert len(signing) == 1
        assert all("Zoovereengekomen" not in page for page in pages[: signing[0]])
        landscape = landscape_pages(pdf)
        assert landscape
        assert landscape == list(range(landscape[0], landscape[-1] + 1))  # one run of landscape pages
        assert 1 not in landscape
        assert len(pages) not in landscape
        assert any(squeezed("Afspraken per thema") in pages[number - 1] for number in landscape)

    def test_the_summary_is_one_page(self, tmp_path: Path) -> None:
        """The tenants' summary is one portrait page in Word, headed by its plain-language question."""
        source = tmp_path / "samenvatting.docx"
        assert main(["document", "--example", LINDEVEEN, *FORMS["samenvatting"].options, "--output", str(source)]) == 0
        (pdf,) = to_pdf([source], tmp_path)
        pages = pdf_pages(pdf)
        assert len(pages) == 1
        assert squeezed(pages[0]).startswith(squeezed("Wat is er afgesproken voor 2026?"))
        assert landscape_pages(pdf) == []
