"""The picture of who does what for whom in the report and the document: drawn, or a sentence instead.

Graphviz draws it: inline SVG in HTML, an SVG data image in Markdown, a PNG in Word. Without ``dot`` (simulated by
a PATH without it), when ``dot`` fails, or above the node limit (a national file), a sentence in the reader's
language says why and how to get the picture; never a traceback.
"""

from __future__ import annotations

import base64
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

import attrs
import pytest

from prestatieafspraken import Agreement, examples
from prestatieafspraken.cli import main
from prestatieafspraken.documents import PICTURE_NODE_LIMIT, Diagram, Document, Paragraph, document
from prestatieafspraken.documents._jaarschijf import jaarschijf
from prestatieafspraken.graph import DEFAULT_NODE_LIMIT, responsibility_graph
from prestatieafspraken.graph import _picture as picture_module
from prestatieafspraken.model import Visibility
from prestatieafspraken.report import render_report
from prestatieafspraken.testing import as_agreement, minimal_agreement
from prestatieafspraken.vocabulary import Language
from support import EXAMPLES_AS_OF

LINDEVEEN = "lindeveen-2025-2028"
CORPORATION = "woonstichting-lindeveen"
MUNICIPALITY = "gemeente-lindeveen"
TENANTS = "huurdersvereniging-lindeveen"
SECRET = "Geheime grondruil XYZ-SECRET"  # noqa: S105 - a text a view must withhold, not a password
HOSTILE = "<script>x</script> & &lt;"

#: What is said instead of the picture, per reason and language.
NO_DOT = {"nl": "Graphviz (dot), dat op deze computer ontbreekt", "en": "Graphviz (dot), which this computer lacks"}
FAILED = {"nl": "kon niet worden getekend", "en": "could not be drawn"}
TOO_LARGE = {"nl": "het zou meer dan 300 onderdelen tellen", "en": "it would have more than 300 parts"}
#: The word of a party node, per language.
PARTY = {"nl": "partij", "en": "party"}
_DATA_IMAGE = re.compile(r"\(data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)\)")


@pytest.fixture(scope="module")
def lindeveen() -> Agreement:
    """The shipped local example."""
    return examples.load(LINDEVEEN)


def fake_dot(folder: Path, script: str) -> None:
    """Put a program named ``dot`` that runs *script* (sh) in *folder*."""
    program = folder / "dot"
    program.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    program.chmod(0o755)


def svg_texts(svg: str) -> list[str]:
    """The texts drawn in an SVG (inline in HTML it has no namespace, as a file it has)."""
    root = ET.fromstring(svg)  # noqa: S314 - the library's own output
    return [found.text or "" for found in root.iter() if found.tag.rsplit("}", 1)[-1] == "text"]


def html_pictures(html: str) -> list[str]:
    """The SVG of every picture (a ``<figure>``) in an HTML page."""
    return re.findall(r"<figure>\n(<svg\b.*?</svg>)\n<figcaption>", html, flags=re.DOTALL)


def markdown_pictures(markdown: str) -> list[str]:
    """The SVG of every data image drawn by Graphviz in a Markdown text (the sparklines left aside)."""
    images = [base64.b64decode(data).decode("utf-8") for data in _DATA_IMAGE.findall(markdown)]
    return [svg for svg in images if 'class="graph"' in svg]


def docx_parts(payload: bytes) -> tuple[str, list[bytes]]:
    """The text of a Word file's body and its images."""
    with zipfile.ZipFile(io.BytesIO(payload)) as package:
        body = package.read("word/document.xml").decode("utf-8")
        images = [package.read(name) for name in package.namelist() if name.startswith("word/media/")]
    return " ".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", body)), images


def sized(nodes: int) -> Agreement:
    """An agreement whose responsibility graph has exactly *nodes* nodes: the agreement, 3 parties, commitments."""
    commitments = [{"id": f"c-{n}", "by": ["gemeente"], "text": f"Afspraak {n}"} for n in range(nodes - 4)]
    built = as_agreement(minimal_agreement(commitments=commitments))
    assert responsibility_graph(built).number_of_nodes() == nodes
    return built


def with_secret(agreement: Agreement) -> Agreement:
    """The agreement with one more commitment of the corporation in 2026, restricted: only the municipality sees it."""
    model = next(c for c in agreement.commitments if c.by == (CORPORATION,) and c.indicator is not None)
    secret = attrs.evolve(
        model,
        id="c-2026-secret",
        year=2026,
        text=SECRET,
        value=777_777,
        visibility=Visibility.RESTRICTED,
        visible_to=(MUNICIPALITY,),
    )
    return attrs.evolve(agreement, commitments=(*agreement.commitments, secret))


def written(agreement: Agreement, lang: Language = "nl", **options: Any) -> dict[str, str]:
    """The report in Markdown and HTML and the document in Markdown and HTML."""
    built = document(agreement, lang=lang, **options)
    report = {
        f"report {form}": render_report(
            agreement, as_of=EXAMPLES_AS_OF, format=form, lang=lang, charts=False, **options
        )
        for form in ("markdown", "html")
    }
    return {**report, "document markdown": built.to_markdown(), "document html": built.to_html()}


def pictures(forms: dict[str, str]) -> dict[str, list[str]]:
    """The pictures of each written form."""
    return {name: (html_pictures if name.endswith("html") else markdown_pictures)(text) for name, text in forms.items()}


class TestDrawn:
    """With Graphviz, the report and the document show the picture, in the reader's language."""

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_every_form_has_one_picture_in_its_language(self, lindeveen: Agreement, lang: Language) -> None:
        """Report and document, Markdown and HTML: one picture naming the parties, with the words of *lang* only."""
        other = "en" if lang == "nl" else "nl"
        for name, found in pictures(written(lindeveen, lang)).items():
            assert len(found) == 1, name
            texts = svg_texts(found[0])
            assert {PARTY[lang], "Gemeente Lindeveen", "Woonstichting Lindeveen"} <= set(texts), name
            assert PARTY[other] not in texts, name

    def test_html_figure_has_a_caption_and_no_namespace(self, lindeveen: Agreement) -> None:
        """Inline in HTML the SVG needs no namespace; the caption says what the picture shows."""
        html = document(lindeveen).to_html()
        assert "<figcaption>Wie doet wat voor wie: de partijen, hun afspraken" in html
        (svg,) = html_pictures(html)
        assert 'xmlns="http://www.w3.org/2000/svg"' not in svg
        assert "<?xml" not in html
        assert "<!DOCTYPE svg" not in html

    def test_markdown_image_is_a_standalone_svg(self, lindeveen: Agreement) -> None:
        """The data image is an SVG file of its own: with its namespace, and the caption as its alternative text."""
        markdown = document(lindeveen, lang="en").to_markdown()
        (svg,) = markdown_pictures(markdown)
        assert svg.startswith('<svg width="')
        assert 'xmlns="http://www.w3.org/2000/svg"' in svg
        assert "![Who does what for whom: the parties, their commitments" in markdown

    @pytest.mark.needs_extras  # python-docx
    @pytest.mark.parametrize(("lang", "caption"), [("nl", "Wie doet wat voor wie"), ("en", "Who does what for whom")])
    def test_word_has_a_png_and_its_caption(self, lindeveen: Agreement, lang: Language, caption: str) -> None:
        """Word gets the picture as a PNG that fits the page, with the caption below it."""
        text, images = docx_parts(document(lindeveen, lang=lang).to_docx())
        assert len(images) == 1
        assert images[0].startswith(b"\x89PNG\r\n\x1a\n")
        assert f"{caption}: " in text
        assert NO_DOT[lang] not in text
        extent = re.search(rb'<wp:extent cx="(\d+)" cy="(\d+)"/>', _document_xml(document(lindeveen).to_docx()))
        assert extent is not None
        # A4 less 2 cm margins on either side, in EMU (as Word stores it, in whole twips of 635 EMU)
        assert int(extent[1]) <= 6_121_000
        assert int(extent[2]) <= 10_693_000 - 1_440_000

    def test_jaarschijf_draws_the_commitments_of_the_year(self, lindeveen: Agreement) -> None:
        """The picture of a jaarschijf has the year's commitments only."""
        whole, year = diagram_of(document(lindeveen)), diagram_of(document(lindeveen, year=2026))
        expected = len(jaarschijf(lindeveen, 2026).commitments)
        assert year.dot.count('"label"="afspraak\\n') == expected
        assert whole.dot.count('"label"="afspraak\\n') == len(lindeveen.commitments) > expected

    def test_summary_has_no_picture(self, lindeveen: Agreement) -> None:
        """The tenants' one-page summary has no picture, and no sentence about one."""
        built = document(lindeveen, year=2026, summary=True)
        assert not [block for block in built.blocks if isinstance(block, Diagram)]
        assert "Graphviz" not in built.to_markdown()

    def test_picture_false_leaves_it_out(self, lindeveen: Agreement) -> None:
        """``picture=False`` leaves out the picture and its sentence; the rest is the same."""
        for name, text in written(lindeveen, picture=False).items():
            assert "<figure>" not in text, name
            assert not markdown_pictures(text), name
            assert "Graphviz" not in text, name


class TestCommandLine:
    """``report`` and ``document`` draw the picture in the language of ``--lang``, of the view of ``--audience``."""

    @pytest.mark.parametrize("command", ["report", "document"])
    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_lang_and_audience(self, capsys: pytest.CaptureFixture[str], command: str, lang: Language) -> None:
        """The HTML has one picture, labelled in *lang* only."""
        as_of = [f"--as-of={EXAMPLES_AS_OF.isoformat()}"] if command == "report" else []
        options = ["--format", "html", "--lang", lang, "--audience", "public", *as_of]
        assert main([command, "--example", LINDEVEEN, *options]) == 0
        (svg,) = html_pictures(capsys.readouterr().out)
        texts = set(svg_texts(svg))
        assert PARTY[lang] in texts
        assert PARTY["en" if lang == "nl" else "nl"] not in texts


def diagram_of(built: Document) -> Diagram:
    """The one picture of a document."""
    (found,) = [block for block in built.blocks if isinstance(block, Diagram)]
    return found


def _document_xml(payload: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(payload)) as package:
        return package.read("word/document.xml")


class TestAudience:
    """The picture for an audience is drawn of the view's agreement: nothing the audience may not see."""

    @pytest.mark.parametrize("audience", ["public", TENANTS])
    def test_no_withheld_text_in_the_picture(self, lindeveen: Agreement, audience: str) -> None:
        """A restricted commitment's text appears in no picture of a view that withholds it."""
        for name, found in pictures(written(with_secret(lindeveen), audience=audience)).items():
            (svg,) = found
            assert not [text for text in svg_texts(svg) if "XYZ" in text or "777" in text], name

    def test_no_restricted_text_in_any_picture(self, lindeveen: Agreement) -> None:
        """Even the municipality's view names a restricted commitment by its id, as every drawing of the graph does."""
        (svg,) = html_pictures(document(with_secret(lindeveen), audience=MUNICIPALITY).to_html())
        texts = svg_texts(svg)
        assert "c-2026-secret" in texts
        assert not [text for text in texts if "XYZ" in text]

    def test_the_view_is_what_is_drawn(self, lindeveen: Agreement) -> None:
        """What the view withholds of a commitment (its indicator) is no edge of the public picture."""
        public = diagram_of(document(with_secret(lindeveen), audience="public")).dot
        everything = diagram_of(document(with_secret(lindeveen))).dot
        assert everything.count('[label="gemeten met"]') == public.count('[label="gemeten met"]') + 1
        assert everything.count(" -> ") == public.count(" -> ") + 1


class TestHostile:
    """A hostile name is drawn as written: no element, no entity decoded, in HTML and in Markdown."""

    def test_hostile_party_name(self) -> None:
        """A party named with markup is text in every picture."""
        hostile = as_agreement(
            minimal_agreement(
                parties=[{"id": "kwaad", "name": HOSTILE, "kind": "municipality"}],
                commitments=[{"id": "c-1", "by": ["kwaad"], "text": HOSTILE}],
            )
        )
        for name, found in pictures(written(hostile)).items():
            (svg,) = found
            assert HOSTILE in svg_texts(svg), name
            assert "<script" not in svg, name


class TestWithoutGraphviz:
    """Without ``dot`` on the PATH, or when it fails, a sentence stands where the picture would be."""

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_a_sentence_instead_of_the_picture(
        self, lindeveen: Agreement, lang: Language, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """Every form says, in the reader's language, that Graphviz is missing and how to install it."""
        monkeypatch.setenv("PATH", str(tmp_path))
        forms = written(lindeveen, lang)
        for name, text in forms.items():
            assert NO_DOT[lang] in text, name
            assert "apt-get install graphviz" in text, name
            assert NO_DOT["en" if lang == "nl" else "nl"] not in text, name
            assert "<figure>" not in text, name

    @pytest.mark.needs_extras  # python-docx
    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_a_sentence_instead_of_the_picture_in_word(
        self, lindeveen: Agreement, lang: Language, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """Word gets the sentence and no image."""
        monkeypatch.setenv("PATH", str(tmp_path))
        text, images = docx_parts(document(lindeveen, lang=lang).to_docx())
        assert NO_DOT[lang] in text
        assert images == []

    def test_dot_fails_while_writing(
        self, lindeveen: Agreement, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """A dot that fails leaves the sentence that the picture could not be drawn, in every form."""
        fake_dot(tmp_path, "cat >/dev/null; echo 'Error: out of memory' >&2; exit 1")
        monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
        built = document(lindeveen)
        for text in (built.to_markdown(), built.to_html()):
            assert FAILED["nl"] in text
        assert FAILED["en"] in document(lindeveen, lang="en").to_html()

    @pytest.mark.needs_extras  # python-docx
    @pytest.mark.parametrize("script", ["cat >/dev/null; exit 1", "cat >/dev/null; echo 'not a picture'"])
    def test_dot_fails_while_writing_word(
        self, lindeveen: Agreement, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, script: str
    ) -> None:
        """A dot that fails, or writes something other than a PNG, leaves the sentence in Word: no broken image."""
        fake_dot(tmp_path, script)
        monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
        text, images = docx_parts(document(lindeveen).to_docx())
        assert FAILED["nl"] in text
        assert images == []


class TestNodeLimit:
    """Above `PICTURE_NODE_LIMIT` nodes the picture is left out with a sentence, before anything is drawn."""

    def test_the_limit_is_the_graph_default(self) -> None:
        """The report and the document draw as many nodes as ``graph --format svg`` does by default."""
        assert PICTURE_NODE_LIMIT == DEFAULT_NODE_LIMIT == 300

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_at_the_limit_drawn_above_it_a_sentence(self, lang: Language) -> None:
        """A graph of exactly the limit is drawn; one node more gives the sentence, in the reader's language."""
        at_limit = document(sized(PICTURE_NODE_LIMIT), lang=lang, picture=True)
        assert diagram_of(at_limit).dot.count(" -> ") >= PICTURE_NODE_LIMIT - 4
        above = document(sized(PICTURE_NODE_LIMIT + 1), lang=lang)
        assert not [block for block in above.blocks if isinstance(block, Diagram)]
        sentences = [block.text for block in above.blocks if isinstance(block, Paragraph)]
        assert [text for text in sentences if TOO_LARGE[lang] in text]
        assert "--party ID" in above.to_markdown()

    def test_the_report_says_it_too(self) -> None:
        """The report of a graph above the limit says why the picture is missing, under its heading."""
        text = render_report(sized(PICTURE_NODE_LIMIT + 1), as_of=EXAMPLES_AS_OF, charts=False)
        assert f"## Wie doet wat voor wie\n\n{_sentence_start()}" in text
        assert not markdown_pictures(text)

    def test_a_national_file_is_refused_before_the_graph_is_built(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """Above the limit neither the graph is built nor dot run: a national report does not wait for a picture."""
        called = tmp_path / "dot-was-run"
        fake_dot(tmp_path, f"touch {called}; exit 1")
        monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")

        def refuse(_agreement: Agreement) -> None:
            raise AssertionError("the graph was built")

        monkeypatch.setattr(picture_module, "responsibility_graph", refuse)
        large = sized_quickly(2_000)
        for form in ("markdown", "html"):
            text = render_report(large, as_of=EXAMPLES_AS_OF, format=form, charts=False)
            assert TOO_LARGE["nl"] in text
        assert TOO_LARGE["nl"] in document(large).to_html()
        assert not called.exists()


def _sentence_start() -> str:
    return "Het plaatje van wie wat voor wie doet staat hier niet"


def sized_quickly(commitments: int) -> Agreement:
    """An agreement of 3 parties and *commitments* commitments (its graph is not built to count)."""
    rows = [{"id": f"c-{n}", "by": ["gemeente"], "text": f"Afspraak {n}"} for n in range(commitments)]
    return as_agreement(minimal_agreement(commitments=rows))
