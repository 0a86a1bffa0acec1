"""Writing blocks as one self-contained HTML file: inline CSS for screen and print, pictures as inline SVG, no scripts.

One writer serves the agreement as a document and the progress report; only the style sheet differs (`Look`).
Every text is escaped with `html.escape`; characters XML and HTML do not allow (control characters) become the
replacement character. The file loads nothing from elsewhere, so it can be mailed, archived or printed as it is;
page breaks hold when it is printed. Sections are ``<details>`` elements, so a national report opens on its summary
and folds its details away without a script.

A national report has some 200,000 table cells, so each costs as few bytes as HTML allows: the right alignment of
numbers and the font of ids are set once per kind of table in the style sheet (``nth-child``), not per cell;
a traffic light's dot is an empty element with a one-letter class (the status is said in words beside it: the
dot adds to the words, it never replaces them); and the end tags of cells and rows, which HTML makes optional,
are left out (as Google's HTML style guide recommends).
"""

from __future__ import annotations

import html

from prestatieafspraken.documents._blocks import (
    Block,
    Cell,
    Colour,
    Diagram,
    Document,
    Heading,
    Items,
    Light,
    Look,
    PageBreak,
    Paragraph,
    Picture,
    Section,
    Signature,
    Table,
    TitlePage,
    clean,
)
from prestatieafspraken.documents._diagram import drawn_svg

__all__ = ["to_html"]

# What both looks share: tables, traffic lights, sections, signatures, page breaks and pictures.
_COMMON = """
th, td { border: 1px solid #c8c8c8; text-align: left; vertical-align: top; }
th { background: #eef4f8; }
td svg { display: block; }
figure { margin: 1rem 0; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: .85rem; color: #555; }
details { margin: .4rem 0; border-left: 3px solid #eef4f8; padding-left: .6rem; }
summary { cursor: pointer; }
summary h2, summary h3, summary h4 { display: inline; }
.l { display: inline-block; width: .75em; height: .75em; border-radius: 50%; margin-right: .35em;
     vertical-align: -.05em; border: 1px solid rgba(0, 0, 0, .25); }
.g { background: #2e8540; } .o { background: #e17000; } .r { background: #d52b1e; } .n { background: #c8c8c8; }
td:has(> .l), th:has(> .l) { white-space: nowrap; }
.page-break { break-after: page; page-break-after: always; border: 0; margin: 2rem 0; }
.signature { break-inside: avoid; margin: 1.5rem 0 2rem; }
.signature .party { font-weight: bold; margin-bottom: .2rem; }
.signature p { margin: .15rem 0; }
.signature .line { margin-top: 1.2rem; }
.signature .blank { display: inline-block; width: 16rem; border-bottom: 1px solid #1b1b1b; }
""".strip()

# A text to read and print: a serif page of reading width.
_DOCUMENT_CSS = """
body { font-family: Georgia, "Times New Roman", serif; margin: 2rem auto; max-width: 48rem; padding: 0 1rem;
       color: #1b1b1b; line-height: 1.5; }
.title-page { min-height: 60vh; display: flex; flex-direction: column; justify-content: center; }
.title-page h1 { font-size: 2rem; margin-bottom: .5rem; }
.title-page .subtitle { font-size: 1.2rem; color: #01689b; }
h1 { font-size: 1.5rem; border-bottom: 2px solid #01689b; padding-bottom: .25rem; margin-top: 2.5rem; }
h2 { font-size: 1.2rem; color: #01689b; margin-top: 1.8rem; }
h3 { font-size: 1.05rem; margin-top: 1.2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { padding: .25rem .45rem; }
.wide { overflow-x: auto; }
@media print { body { margin: 0; max-width: none; } .page-break { border: 0; margin: 0; } .wide { overflow: visible; } }
""".strip()

# Wide tables to scan: a sans-serif page as wide as the screen.
_REPORT_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto;
       max-width: 90rem; padding: 0 1rem; color: #1b1b1b; line-height: 1.45; }
h1 { font-size: 1.6rem; border-bottom: 2px solid #01689b; padding-bottom: .3rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; color: #01689b; }
h3 { font-size: 1.1rem; margin-top: 1.4rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .88rem; display: block; max-width: 100%;
        overflow-x: auto; }
th, td { padding: .2rem .45rem; }
""".strip()

_CSS: dict[Look, str] = {"document": _DOCUMENT_CSS, "report": _REPORT_CSS}
#: How the id columns of a table look, per look: small and grey in a text, unbroken in a report.
_CODE: dict[Look, str] = {
    "document": "font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .75rem; color: #555",
    "report": 'font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .82rem; '
    "white-space: nowrap",
}
_NUMERIC = "text-align: right; font-variant-numeric: tabular-nums"

#: The class of a traffic light's dot, per colour (``n``: no verdict).
_DOT: dict[Colour, str] = {"green": "g", "orange": "o", "red": "r", "grey": "n"}


def _escaped(text: str) -> str:
    return html.escape(clean(text))


def _inline(svg: str) -> str:
    """An SVG element written by the library, inline in HTML: it needs no namespace there."""
    return svg.replace(' xmlns="http://www.w3.org/2000/svg"', "", 1)


class _Writer:
    """The body of one page, with a style class per kind of table (its numeric and id columns)."""

    def __init__(self, document: Document) -> None:
        self.look: Look = document.look
        self.body: list[str] = []
        self.classes: dict[tuple[frozenset[int], frozenset[int]], str] = {}

    def css(self) -> str:
        """The page's style sheet: the look's, the common rules, and the rules of the table classes."""
        rules = [_COMMON, _CSS[self.look]]
        for (numeric, code), name in self.classes.items():
            for columns, style in ((numeric, _NUMERIC), (code, _CODE[self.look])):
                if columns:
                    selectors = ", ".join(f".{name} td:nth-child({i + 1})" for i in sorted(columns))
                    rules.append(f"{selectors} {{ {style}; }}")
        return "\n".join(rules)

    @staticmethod
    def cell(cell: Cell) -> str:
        if isinstance(cell, Light):
            return f'<span class="l {_DOT[cell.colour]}"></span>{_escaped(cell.text)}'
        if isinstance(cell, Picture):
            # Drawn by report.charts, which escapes every text in it.
            return _inline(cell.svg)
        return _escaped(cell)

    def table(self, table: Table) -> None:
        name = self.classes.setdefault((table.numeric, table.reference), f"t{len(self.classes)}")
        head = "".join(f"<th>{self.cell(column)}</th>" for column in table.columns)
        # In a text the table keeps the page's width; on a narrow screen it scrolls itself, not the page.
        # (A report's tables are blocks that scroll themselves already.)
        wrap = self.look == "document"
        self.body.append(
            ('<div class="wide">' if wrap else "") + f'<table class="{name}">\n<thead><tr>{head}</tr></thead>\n<tbody>'
        )
        cell = self.cell
        self.body.extend("<tr>" + "".join(["<td>" + cell(item) for item in row]) for row in table.rows)
        self.body.append("</tbody>\n</table>" + ("</div>" if wrap else ""))

    def block(self, block: Block) -> None:
        add = self.body.append
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 6)
            add(f"<h{level}>{_escaped(block.text)}</h{level}>")
        elif isinstance(block, Paragraph):
            add(f"<p>{_escaped(block.text)}</p>")
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Section):
            self.section(block)
        elif isinstance(block, Items):
            tag = "ol" if block.numbered else "ul"
            add(f"<{tag}>\n" + "\n".join(f"<li>{_escaped(item)}</li>" for item in block.items) + f"\n</{tag}>")
        elif isinstance(block, TitlePage):
            self.title_page(block)
        elif isinstance(block, Signature):
            self.signature(block)
        elif isinstance(block, PageBreak):
            add('<hr class="page-break">')
        else:
            self.diagram(block)

    def section(self, section: Section) -> None:
        level = min(max(section.level, 1), 6)
        opened = " open" if section.open else ""
        self.body.append(f"<details{opened}><summary><h{level}>{_escaped(section.title)}</h{level}></summary>")
        for block in section.blocks:
            self.block(block)
        self.body.append("</details>")

    def title_page(self, block: TitlePage) -> None:
        parts = [f"<h1>{_escaped(block.title)}</h1>"]
        if block.subtitle:
            parts.append(f'<p class="subtitle">{_escaped(block.subtitle)}</p>')
        parts += [f"<p>{_escaped(line)}</p>" for line in block.lines]
        self.body.append('<section class="title-page">\n' + "\n".join(parts) + "\n</section>")

    def signature(self, block: Signature) -> None:
        parts = [f'<p class="party">{_escaped(block.party)}</p>', *(f"<p>{_escaped(line)}</p>" for line in block.lines)]
        parts += [
            f'<p class="line">{_escaped(block.signature)}: <span class="blank"></span></p>',
            f'<p class="line">{_escaped(block.date)}: <span class="blank"></span></p>',
        ]
        self.body.append('<div class="signature">\n' + "\n".join(parts) + "\n</div>")

    def diagram(self, block: Diagram) -> None:
        svg = drawn_svg(block)
        if svg is None:
            self.body.append(f"<p>{_escaped(block.missing)}</p>")
            return
        # Graphviz's SVG names itself with <title> elements; the caption says what it shows in words.
        self.body.append(
            f"<figure>\n{_inline(svg).strip()}\n<figcaption>{_escaped(block.title)}</figcaption>\n</figure>"
        )


def to_html(document: Document) -> str:
    """The document as one self-contained HTML file."""
    writer = _Writer(document)
    for block in document.blocks:
        writer.block(block)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_escaped(document.lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_escaped(document.title)}</title>\n<style>\n{writer.css()}\n</style>\n</head>\n<body>\n"
        + "\n".join(writer.body)
        + "\n</body>\n</html>\n"
    )
