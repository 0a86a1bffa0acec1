"""Writing a document as a Word file (docx): real headings, lists, tables and page breaks.

Headings use Word's "Title" and "Heading 1-3" styles, lists "List Bullet" and "List Number", tables "Table Grid"
with a header row that repeats on every page; so a reader can navigate, renumber and restyle the document in
Word. python-docx makes the file (styles, sections, headers, footers, properties); the body is WordprocessingML
text (`prestatieafspraken.documents._wordml`) put into it as it is. With a template (a municipality's house style,
``.docx`` or ``.dotx``) its styles, page setup, headers and footers are used and its body is replaced; a style the
template lacks falls back to the template's default paragraph style, never to an error.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from prestatieafspraken.documents._blocks import (
    Block,
    Diagram,
    Document,
    Heading,
    Items,
    PageBreak,
    Paragraph,
    Section,
    Signature,
    Table,
    TitlePage,
    clean,
)
from prestatieafspraken.documents._diagram import drawn_png
from prestatieafspraken.documents._wordml import W, page_break_xml, paragraph_xml, table_xml, widths
from prestatieafspraken.errors import ConfigError, ExportError, MissingExtraError

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.section import Section as WordSection

__all__ = ["to_docx"]

_LANGUAGES = {"nl": "nl-NL", "en": "en-GB"}
_BLANK = "_" * 32
_A4 = (7_560_000, 10_692_000)  # 210 x 297 mm in EMU (36,000 per mm)
_MARGIN = 720_000  # 2 cm
_CAPTION_ROOM = 1_080_000  # 3 cm below a picture for its caption
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


class _Sections:
    """The page setup of the sections, portrait or landscape, as the ``w:sectPr`` of a paragraph that ends one.

    The page size and margins are those of the document's own last section: A4, or the template's.
    """

    def __init__(self, word: WordDocument) -> None:
        self.word = word
        self.sentinel = word.sections[-1]
        self.current = "landscape" if self._is_landscape(self.sentinel) else "portrait"
        self.breaks = 0

    @staticmethod
    def _is_landscape(section: WordSection) -> bool:
        return int(section.page_width or 0) > int(section.page_height or 0)

    def _turn(self, section: WordSection, orientation: str) -> None:
        from docx.enum.section import WD_ORIENT  # noqa: PLC0415

        landscape = orientation == "landscape"
        if self._is_landscape(section) != landscape:
            section.page_width, section.page_height = section.page_height, section.page_width
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT

    @property
    def usable(self) -> int:
        """The width between the margins of the current section, in EMU."""
        width, height = int(self.sentinel.page_width or _A4[0]), int(self.sentinel.page_height or _A4[1])
        across = max(width, height) if self.current == "landscape" else min(width, height)
        return across - int(self.sentinel.left_margin or 0) - int(self.sentinel.right_margin or 0)

    @property
    def usable_height(self) -> int:
        """The height between the margins of the current section, less room for a caption, in EMU."""
        width, height = int(self.sentinel.page_width or _A4[0]), int(self.sentinel.page_height or _A4[1])
        down = min(width, height) if self.current == "landscape" else max(width, height)
        margins = int(self.sentinel.top_margin or 0) + int(self.sentinel.bottom_margin or 0)
        return down - margins - _CAPTION_ROOM

    def end_section(self, next_orientation: str) -> str:
        """The paragraph that ends the current section; the next one is in *next_orientation*.

        As python-docx's ``add_section`` does it: the first section keeps the headers and footers, later ones
        inherit them.
        """
        from docx.section import Section  # noqa: PLC0415

        properties = self.sentinel._sectPr.clone()  # noqa: SLF001 - the sectPr python-docx clones itself
        if self.breaks:
            for reference in properties.xpath("w:headerReference|w:footerReference"):
                properties.remove(reference)
        self._turn(Section(properties, self.word.part), self.current)
        self.breaks += 1
        self.current = next_orientation
        return f'<w:p xmlns:w="{W}"><w:pPr>{properties.xml}</w:pPr></w:p>'

    def finish(self) -> None:
        """Give the last section, whose properties end the body, its orientation."""
        if self.breaks:
            for reference in self.sentinel._sectPr.xpath("w:headerReference|w:footerReference"):  # noqa: SLF001
                self.sentinel._sectPr.remove(reference)  # noqa: SLF001
        self._turn(self.sentinel, self.current)


class _Writer:
    """Writes blocks as WordprocessingML text (see `_wordml`), to be put into the document's body in one go."""

    def __init__(self, word: WordDocument) -> None:
        self.word = word
        self.sections = _Sections(word)
        self.parts: list[str] = []
        self.styles: dict[str, str | None] = {}

    def style_id(self, name: str) -> str | None:
        """The id of the style *name* when the document has it; ``None`` (the default paragraph style) when not."""
        if name not in self.styles:
            self.styles[name] = self.word.styles[name].style_id if _style(self.word, name) is not None else None
        return self.styles[name]

    def signature(self, block: Signature) -> None:
        """The party in bold, who signs, and the lines to sign on; one signature stays on one page."""
        self.parts += [
            paragraph_xml(block.party, bold=True, keep_with_next=True),
            *(paragraph_xml(line, keep_with_next=True) for line in block.lines),
            # Room above the line to sign on, and between one signature and the next.
            paragraph_xml(f"{block.signature}: {_BLANK}", keep_with_next=True, space_before=28),
            paragraph_xml(f"{block.date}: {_BLANK}", space_after=24),
        ]

    def heading(self, level: int, text: str) -> str:
        """A heading in Word's style of its level."""
        return paragraph_xml(text, style_id=self.style_id(f"Heading {min(max(level, 1), 9)}"))

    def diagram(self, block: Diagram) -> None:
        """The picture as a PNG as large as it is drawn, made smaller to fit the page, with its caption.

        Without Graphviz, or when it fails, the sentence said instead.
        """
        png = drawn_png(block)
        if png is None:
            self.parts.append(paragraph_xml(block.missing))
            return
        from docx.image.image import Image  # noqa: PLC0415 - python-docx is optional

        image = Image.from_blob(png)
        width, height = int(image.width), int(image.height)
        scale = min(1.0, self.sections.usable / max(width, 1), self.sections.usable_height / max(height, 1))
        width, height = int(width * scale), int(height * scale)
        inline = self.word.part.new_pic_inline(io.BytesIO(png), width, height)
        self.parts += [
            f'<w:p xmlns:w="{W}"><w:pPr><w:keepNext/></w:pPr><w:r><w:drawing>{inline.xml}</w:drawing></w:r></w:p>',
            paragraph_xml(block.title, style_id=self.style_id("Caption")),
        ]

    def write(self, block: Block) -> None:  # noqa: C901 - one branch per kind of block
        """Write one block (a page break with an orientation ends a section)."""
        add = self.parts.append
        if isinstance(block, TitlePage):
            add(paragraph_xml(block.title, style_id=self.style_id("Title")))
            if block.subtitle:
                add(paragraph_xml(block.subtitle, style_id=self.style_id("Subtitle")))
            self.parts += [paragraph_xml(line) for line in block.lines]
        elif isinstance(block, Heading):
            add(self.heading(block.level, block.text))
        elif isinstance(block, Paragraph):
            add(paragraph_xml(block.text))
        elif isinstance(block, Items):
            style_id = self.style_id("List Number" if block.numbered else "List Bullet")
            self.parts += [paragraph_xml(item, style_id=style_id) for item in block.items]
        elif isinstance(block, Table):
            add(table_xml(block, widths(block, self.sections.usable), self.style_id("Table Grid")))
        elif isinstance(block, Signature):
            self.signature(block)
        elif isinstance(block, PageBreak):
            add(page_break_xml() if block.orientation is None else self.sections.end_section(block.orientation))
        elif isinstance(block, Section):
            add(self.heading(block.level, block.title))
            for inner in block.blocks:
                self.write(inner)
        elif isinstance(block, Diagram):
            self.diagram(block)
        else:  # pragma: no cover - Block is a closed union
            raise ExportError(f"not a block of a document: {block!r}")


_BODY_END = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?sectPr\b")


def _spliced(package: bytes, body: str) -> bytes:
    """The Word file with *body* put into its document, before the section properties that end the body.

    Text, not a tree: moving a parsed body of a million elements into python-docx's tree costs lxml seconds.
    """
    with zipfile.ZipFile(io.BytesIO(package)) as source:
        infos = source.infolist()
        parts = {info.filename: source.read(info) for info in infos}
    main = parts["word/document.xml"]
    ends = list(_BODY_END.finditer(main))
    # The body's own section properties come last: python-docx writes an emptied body as only those.
    cut = ends[-1].start()
    parts["word/document.xml"] = main[:cut] + body.encode("utf-8") + main[cut:]
    with io.BytesIO() as buffer:
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
            for info in infos:
                target.writestr(info, parts[info.filename], compress_type=zipfile.ZIP_DEFLATED)
        return buffer.getvalue()


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
    writer.sections.finish()
    with io.BytesIO() as buffer:
        word.save(buffer)
        package = buffer.getvalue()
    return _spliced(package, "".join(writer.parts))
