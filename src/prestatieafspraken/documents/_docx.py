"""Writing a document as a Word file (docx) with python-docx: real headings, lists, tables and page breaks.

Headings use Word's "Title" and "Heading 1-3" styles, lists "List Bullet" and "List Number", tables "Table Grid"
with a header row that repeats on every page; so a reader can navigate, renumber and restyle the document in
Word. With a template (a municipality's house style, ``.docx`` or ``.dotx``) its styles, page setup, headers and
footers are used and its body is replaced; a style the template lacks falls back to the template's default
paragraph style, never to an error.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from prestatieafspraken.documents._blocks import (
    Block,
    Document,
    Heading,
    Items,
    PageBreak,
    Paragraph,
    Signature,
    Table,
    TitlePage,
    clean,
)
from prestatieafspraken.errors import ConfigError, MissingExtraError

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.table import Table as WordTable

__all__ = ["to_docx"]

_LANGUAGES = {"nl": "nl-NL", "en": "en-GB"}
# Tables: text in 9 points, ids in 7-point Consolas; a character is on average a little over half as wide as its
# size in a proportional font, 0.6 of it in a monospaced one (1 point is 12,700 EMU).
_TEXT_POINTS = 9
_REF_POINTS = 7
_TEXT_CHAR = int(_TEXT_POINTS * 0.55 * 12_700)
_REF_CHAR = int(_REF_POINTS * 0.6 * 12_700)
_PADDING = 144_000  # the cell margins, about 4 mm
_MOST_LEAST = 1_300_000  # no column claims more than about 3.6 cm for its longest word
_BLANK = "_" * 32
_A4 = (7_560_000, 10_692_000)  # 210 x 297 mm in EMU (36,000 per mm)
_MARGIN = 720_000  # 2 cm
_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _require_docx() -> None:
    try:
        import docx  # noqa: F401, PLC0415 - optional
    except ImportError:
        raise MissingExtraError(
            "Word documents need python-docx, which is not installed: "
            'pip install "prestatieafspraken[docx]" (or pip install python-docx)'
        ) from None


def _open(template: Path | None) -> WordDocument:
    """A new Word document: python-docx's default, or the template with its body emptied."""
    import docx  # noqa: PLC0415 - optional
    from docx.oxml.ns import qn  # noqa: PLC0415

    if template is None:
        return docx.Document()
    try:
        data = template.read_bytes()
        # A Word template (.dotx) is a document with another content type: read it as a document.
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            parts = {info: source.read(info) for info in source.infolist()}
        with io.BytesIO() as buffer:
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
                for info, content in parts.items():
                    is_types = info.filename == "[Content_Types].xml"
                    target.writestr(info, content.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE) if is_types else content)
            word = docx.Document(io.BytesIO(buffer.getvalue()))
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise ConfigError(f"{template}: cannot read the template as a Word file (.docx or .dotx): {reason}") from None
    body = word.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return word


def _a4(word: WordDocument) -> None:
    """A4 paper with 2 cm margins, as Dutch documents are (python-docx's own default is US Letter)."""
    from docx.shared import Emu  # noqa: PLC0415

    for section in word.sections:
        section.page_width, section.page_height = Emu(_A4[0]), Emu(_A4[1])
        section.left_margin = section.right_margin = Emu(_MARGIN)
        section.top_margin = section.bottom_margin = Emu(_MARGIN)


def _style(word: WordDocument, name: str) -> str | None:
    """The style *name* when the document has it; else ``None``, the default paragraph style."""
    return name if name in word.styles else None


def _set_language(word: WordDocument, lang: str) -> None:
    """The document's language (for spelling and hyphenation) in its default run properties."""
    from docx.oxml import OxmlElement  # noqa: PLC0415
    from docx.oxml.ns import qn  # noqa: PLC0415

    styles = word.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_defaults.append(properties)
    language = properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        properties.append(language)
    language.set(qn("w:val"), _LANGUAGES.get(lang, lang))


def _repeat_header(table: WordTable) -> None:
    """Mark the first row as a header that Word repeats at the top of every page the table runs over."""
    from docx.oxml import OxmlElement  # noqa: PLC0415
    from docx.oxml.ns import qn  # noqa: PLC0415

    properties = table.rows[0]._tr.get_or_add_trPr()  # noqa: SLF001 - python-docx has no API for it
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _widths(table: Table, usable: int) -> list[int]:
    """Column widths (EMU) that fit the page: each wide enough for its longest word, the rest by content.

    Word and LibreOffice otherwise give every column the same width and break words in the middle.
    """
    columns = range(len(table.columns))
    cells = [[table.columns[i], *(row[i] for row in table.rows)] for i in columns]
    char = [_REF_CHAR if i in table.reference else _TEXT_CHAR for i in columns]
    # Ids wrap after their hyphens; words of text are kept whole (a date such as 31-12-2025 too).
    words = [
        [w for text in cells[i] for w in (text.replace("-", "- ") if i in table.reference else text).split()]
        for i in columns
    ]
    longest = [max(map(len, words[i]), default=1) for i in columns]
    least = [min(_MOST_LEAST, longest[i] * char[i] + _PADDING) for i in columns]
    if sum(least) >= usable:
        return [usable * width // sum(least) for width in least]
    content = [sum(len(text) for text in cells[i]) / len(cells[i]) * char[i] for i in columns]
    spare = usable - sum(least)
    total = sum(content) or 1
    return [least[i] + int(spare * content[i] / total) for i in columns]


def _fix_widths(grid: WordTable, widths: list[int]) -> None:
    """Fixed layout with these column widths (the grid for LibreOffice, the first row's cells for Word)."""
    from docx.enum.table import WD_TABLE_ALIGNMENT  # noqa: PLC0415
    from docx.shared import Emu  # noqa: PLC0415

    grid.autofit = False
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Emu(width)
    for cell, width in zip(grid.rows[0].cells, widths, strict=True):
        cell.width = Emu(width)


def _table(word: WordDocument, table: Table, usable: int) -> None:
    from docx.shared import Pt  # noqa: PLC0415

    grid = word.add_table(rows=len(table.rows) + 1, cols=len(table.columns))
    grid.style = _style(word, "Table Grid")
    rows = iter(grid.rows)
    for cell, column in zip(next(rows).cells, table.columns, strict=True):
        run = cell.paragraphs[0].add_run(clean(column))
        run.bold = True
        run.font.size = Pt(_TEXT_POINTS)
    for row, values in zip(rows, table.rows, strict=True):
        for index, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            run = cell.paragraphs[0].add_run(clean(value))
            if index in table.reference:
                run.font.size = Pt(_REF_POINTS)
                run.font.name = "Consolas"
            else:
                run.font.size = Pt(_TEXT_POINTS)
    _fix_widths(grid, _widths(table, usable))
    _repeat_header(grid)


def _signature(word: WordDocument, block: Signature) -> None:
    from docx.shared import Pt  # noqa: PLC0415

    party = word.add_paragraph()
    party.add_run(clean(block.party)).bold = True
    paragraphs = [party, *(word.add_paragraph(clean(line)) for line in block.lines)]
    paragraphs.append(word.add_paragraph(f"{clean(block.signature)}: {_BLANK}"))
    paragraphs.append(word.add_paragraph(f"{clean(block.date)}: {_BLANK}"))
    # One signature stays on one page.
    for paragraph in paragraphs[:-1]:
        paragraph.paragraph_format.keep_with_next = True
    # Room above the line to sign on, and between one signature and the next.
    paragraphs[-2].paragraph_format.space_before = Pt(28)
    paragraphs[-1].paragraph_format.space_after = Pt(24)


class _Writer:
    """Writes blocks into one Word document, keeping track of the width a table may take on the current page."""

    def __init__(self, word: WordDocument) -> None:
        self.word = word

    @property
    def usable(self) -> int:
        """The width between the margins of the current section, in EMU."""
        section = self.word.sections[-1]
        return int(section.page_width or _A4[0]) - int(section.left_margin or 0) - int(section.right_margin or 0)

    def new_section(self, orientation: str) -> None:
        """Start a new page in a section of *orientation*, the page turned if it has to be."""
        from docx.enum.section import WD_ORIENT, WD_SECTION  # noqa: PLC0415

        section = self.word.add_section(WD_SECTION.NEW_PAGE)
        landscape = orientation == "landscape"
        width, height = int(section.page_width or _A4[0]), int(section.page_height or _A4[1])
        if (width > height) != landscape:
            section.page_width, section.page_height = section.page_height, section.page_width
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT

    def write(self, block: Block) -> None:  # noqa: C901, PLR0912 - one branch per kind of block
        word = self.word
        if isinstance(block, TitlePage):
            word.add_paragraph(clean(block.title), style=_style(word, "Title"))
            if block.subtitle:
                word.add_paragraph(clean(block.subtitle), style=_style(word, "Subtitle"))
            for line in block.lines:
                word.add_paragraph(clean(line))
        elif isinstance(block, Heading):
            word.add_paragraph(clean(block.text), style=_style(word, f"Heading {min(max(block.level, 1), 9)}"))
        elif isinstance(block, Paragraph):
            word.add_paragraph(clean(block.text))
        elif isinstance(block, Items):
            style = _style(word, "List Number" if block.numbered else "List Bullet")
            for item in block.items:
                word.add_paragraph(clean(item), style=style)
        elif isinstance(block, Table):
            _table(word, block, self.usable)
        elif isinstance(block, Signature):
            _signature(word, block)
        elif isinstance(block, PageBreak):
            if block.orientation is None:
                from docx.enum.text import WD_BREAK  # noqa: PLC0415

                word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            else:
                self.new_section(block.orientation)
        else:  # pragma: no cover - Block is a closed union
            raise TypeError(f"not a block of a document: {block!r}")


def to_docx(document: Document, *, template: Path | None = None) -> bytes:
    """The document as the bytes of a Word file.

    Raises:
        MissingExtraError: python-docx is not installed.
        ConfigError: the template cannot be read as a Word file.
    """
    _require_docx()
    word = _open(template)
    word.core_properties.title = clean(document.title)
    word.core_properties.language = _LANGUAGES.get(document.lang, document.lang)
    _set_language(word, document.lang)
    if template is None:
        _a4(word)
    writer = _Writer(word)
    for block in document.blocks:
        writer.write(block)
    with io.BytesIO() as buffer:
        word.save(buffer)
        return buffer.getvalue()
