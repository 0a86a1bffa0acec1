"""The one block model of everything the library writes for people: the agreement as a document and the report.

A text is built once as a few kinds of block (title page, headings, paragraphs, lists, tables, collapsible
sections, signatures, page breaks, the picture of who does what for whom) and written as Markdown, HTML or Word
(docx) by one writer per form, so the forms cannot drift apart and the document and the report cannot either.
Blocks hold plain text; each writer escapes it for its form. A table cell is plain text, a traffic light (`Light`:
a colour with its word, so that the colour is never the only sign) or a small picture (`Picture`: an SVG chart).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal, TypeAlias

import attrs

from prestatieafspraken.vocabulary import Language

__all__ = [
    "Block",
    "Cell",
    "Colour",
    "Diagram",
    "Document",
    "DocumentFormat",
    "Heading",
    "Items",
    "Light",
    "Look",
    "PageBreak",
    "Paragraph",
    "Picture",
    "Section",
    "Signature",
    "Table",
    "TitlePage",
    "format_of",
    "plain",
]

#: The forms a document is written in.
DocumentFormat = Literal["markdown", "html", "docx"]
#: How an HTML page looks: ``"document"`` a text to read and print (a serif page of reading width),
#: ``"report"`` wide tables to scan (a sans-serif page as wide as the screen).
Look: TypeAlias = Literal["document", "report"]
#: The colours of a traffic light; ``grey`` is no verdict (not started, or no data).
Colour: TypeAlias = Literal["green", "orange", "red", "grey"]


# Characters that may not appear in XML or HTML text: C0 controls other than tab, newline and carriage return,
# and the non-characters U+FFFE and U+FFFF (a lone surrogate cannot reach here: every reader refuses it). A JSON
# file may hold them ("\u0007"); Word refuses a file with them.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    """The text with the characters that XML and HTML do not allow replaced by U+FFFD (�)."""
    return _ILLEGAL.sub("\ufffd", text)


@attrs.frozen(kw_only=True)
class TitlePage:
    """The title page: the title, a subtitle and a few lines under it (the parties, the period, the view)."""

    title: str
    subtitle: str | None = None
    lines: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Heading:
    """A section heading: level 1 for a chapter, 2 for a section, 3 below that."""

    level: int
    text: str


@attrs.frozen(kw_only=True)
class Paragraph:
    """A paragraph of plain text."""

    text: str


@attrs.frozen(kw_only=True)
class Items:
    """A list of short plain texts, bulleted or numbered."""

    items: tuple[str, ...]
    numbered: bool = False


@attrs.frozen(kw_only=True)
class Light:
    """A traffic light in a table: its colour, and the words that say it."""

    colour: Colour
    text: str
    """What the colour says, in words ("versnelling nodig", "rood"): a text never relies on colour alone."""


@attrs.frozen(kw_only=True)
class Picture:
    """A small chart as SVG text (starting at its ``<svg>`` element), with a title that is its alternative text."""

    title: str
    svg: str


Cell: TypeAlias = str | Light | Picture


def plain(cell: Cell) -> str:
    """A cell as plain text: a light by its words, a picture by its title."""
    if isinstance(cell, Light):
        return cell.text
    return cell.title if isinstance(cell, Picture) else cell


@attrs.frozen(kw_only=True)
class Table:
    """A table of cells with a header row.

    The columns in `reference` hold ids or paths (shown small, as code): the reader reads names and texts, the ids
    are there to find an item back in the file. The columns in `numeric` hold numbers, aligned right.
    """

    columns: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    reference: frozenset[int] = frozenset()
    numeric: frozenset[int] = frozenset()


@attrs.frozen(kw_only=True)
class Signature:
    """A place to sign: the party, who signs for it and on whose behalf, and the lines for signature and date."""

    party: str
    lines: tuple[str, ...] = ()
    """Below the party's name: the person who signs, "namens ..." and the like."""
    signature: str
    """The word before the line to sign on ("Handtekening")."""
    date: str
    """The word before the line for the date ("Datum")."""


@attrs.frozen(kw_only=True)
class PageBreak:
    """The next block starts on a new page (in Markdown: a thematic break).

    With an orientation, the pages from here on are portrait or landscape (in Word: a new section); wide tables
    of commitments read better on landscape pages.
    """

    orientation: Literal["portrait", "landscape"] | None = None


@attrs.frozen(kw_only=True)
class Section:
    """A titled group of blocks: a collapsible ``<details>`` in HTML (open when `open`), a heading elsewhere."""

    level: int
    title: str
    blocks: tuple[Block, ...]
    open: bool = False


@attrs.frozen(kw_only=True)
class Diagram:
    """A picture Graphviz draws from its DOT text when the document is written (`missing` when it cannot).

    Inline SVG in HTML, an SVG data image in Markdown, a PNG in Word (`prestatieafspraken.documents._diagram`).
    """

    title: str
    """The caption and alternative text."""
    dot: str
    """The DOT text (`prestatieafspraken.graph.picture_dot`)."""
    missing: str
    """The sentence said instead of the picture when ``dot`` is gone or fails while writing."""


Block: TypeAlias = TitlePage | Heading | Paragraph | Items | Table | Section | Signature | PageBreak | Diagram


@attrs.frozen(kw_only=True)
class Document:
    """A document built from an agreement, ready to be written as Markdown, HTML or Word.

    Get one from `prestatieafspraken.document`; the blocks are plain values, so a caller may also inspect them
    or add their own before writing.
    """

    title: str
    lang: Language
    blocks: tuple[Block, ...]
    look: Look = "document"
    """How the HTML page looks (`Look`); the report is written with ``"report"``."""

    def to_markdown(self) -> str:
        """The document as Markdown (GitHub-flavoured tables; every text escaped, so it shows literally)."""
        from prestatieafspraken.documents._markdown import to_markdown  # noqa: PLC0415 - only when asked

        return to_markdown(self)

    def to_html(self) -> str:
        """The document as one self-contained HTML file: inline CSS, no scripts, nothing loaded from elsewhere."""
        from prestatieafspraken.documents._html import to_html  # noqa: PLC0415 - only when asked

        return to_html(self)

    def to_docx(self, *, template: Path | None = None) -> bytes:
        """The document as a Word file (docx), with real headings, lists, tables and page breaks.

        Args:
            template: A Word file in the house style: its styles, page setup, headers and footers are used and
                its body text is replaced by the document's.

        Raises:
            MissingExtraError: python-docx is not installed (``pip install "prestatieafspraken[docx]"``).
            ConfigError: the template cannot be read as a Word file.
        """
        from prestatieafspraken.documents._docx import to_docx  # noqa: PLC0415 - python-docx is optional

        return to_docx(self, template=template)

    def render(self, format: DocumentFormat, *, template: Path | None = None) -> bytes:  # noqa: A002 - the CLI's option
        """The document in *format*, as the bytes of a file (Markdown and HTML in UTF-8).

        Raises:
            ConfigError: *format* is not one of markdown, html, docx, or a template is given for another format
                than docx.
        """
        from prestatieafspraken.errors import ConfigError  # noqa: PLC0415

        if template is not None and format != "docx":
            raise ConfigError(f"a template is a Word file and goes with the format docx, not {format!r}")
        if format == "markdown":
            return self.to_markdown().encode("utf-8")
        if format == "html":
            return self.to_html().encode("utf-8")
        if format == "docx":
            return self.to_docx(template=template)
        raise ConfigError(f"unknown document format {format!r}: choose markdown, html or docx")

    def write(self, path: Path, *, format: DocumentFormat | None = None, template: Path | None = None) -> None:  # noqa: A002
        """Write the document to *path* atomically (a failed write leaves an existing file as it was).

        Args:
            path: The file to write.
            format: The form; default from the suffix of *path* (``.md``, ``.html``/``.htm``, ``.docx``), else
                Markdown.
            template: For docx, a Word file in the house style (see `to_docx`).
        """
        from prestatieafspraken.serialization import write_atomically  # noqa: PLC0415

        write_atomically(path, self.render(format or format_of(path), template=template))


_SUFFIXES: dict[str, DocumentFormat] = {".md": "markdown", ".html": "html", ".htm": "html", ".docx": "docx"}


def format_of(path: Path) -> DocumentFormat:
    """The form a file's suffix asks for: ``.docx`` is Word, ``.html`` HTML, anything else Markdown."""
    return _SUFFIXES.get(path.suffix.lower(), "markdown")
