"""Writing a report's blocks as one self-contained HTML file: inline CSS, charts as inline SVG, no scripts.

Every text is escaped with `html.escape`; the file loads nothing from elsewhere, so it can be mailed or archived
as it is. Sections are ``<details>`` elements, so a national report opens on its summary and folds its details
away without a script.

A national report has some 200,000 table cells, so each costs as few bytes as HTML allows: the right alignment of
numbers and the font of ids are set once per kind of table in the style sheet (``nth-child``), not per cell;
a traffic light's dot is an empty element with a one-letter class (the status is said in words beside it: the
dot adds to the words, it never replaces them); and the end tags of cells and rows, which HTML makes optional,
are left out (as Google's HTML style guide recommends).
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from prestatieafspraken.report.document import Block, Cell, Colour, Heading, Light, Paragraph, Picture, Section, Table

__all__ = ["to_html"]

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto;
       max-width: 90rem; padding: 0 1rem; color: #1b1b1b; line-height: 1.45; }
h1 { font-size: 1.6rem; border-bottom: 2px solid #01689b; padding-bottom: .3rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; color: #01689b; }
h3 { font-size: 1.1rem; margin-top: 1.4rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .88rem; display: block; max-width: 100%;
        overflow-x: auto; }
th, td { border: 1px solid #c8c8c8; padding: .2rem .45rem; text-align: left; vertical-align: top; }
th { background: #eef4f8; }
td svg { display: block; }
details { margin: .4rem 0; border-left: 3px solid #eef4f8; padding-left: .6rem; }
summary { cursor: pointer; }
summary h3, summary h4 { display: inline; }
.l { display: inline-block; width: .75em; height: .75em; border-radius: 50%; margin-right: .35em;
     vertical-align: -.05em; border: 1px solid rgba(0, 0, 0, .25); }
.g { background: #2e8540; } .o { background: #e17000; } .r { background: #d52b1e; } .n { background: #c8c8c8; }
td:has(> .l), th:has(> .l) { white-space: nowrap; }
""".strip()

#: The class of a traffic light's dot, per colour (``n``: no verdict).
_DOT: dict[Colour, str] = {"green": "g", "orange": "o", "red": "r", "grey": "n"}
_NUMERIC = "text-align: right; font-variant-numeric: tabular-nums"
_CODE = (
    'font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .82rem; white-space: nowrap'
)


class _Writer:
    """The body of one document, with a style class per kind of table (its numeric and code columns)."""

    def __init__(self) -> None:
        self.body: list[str] = []
        self.classes: dict[tuple[frozenset[int], frozenset[int]], str] = {}

    def css(self) -> str:
        """The rules of the table classes: numbers right, ids in a fixed-width font."""
        rules: list[str] = []
        for (numeric, code), name in self.classes.items():
            for columns, style in ((numeric, _NUMERIC), (code, _CODE)):
                if columns:
                    selectors = ", ".join(f".{name} td:nth-child({i + 1})" for i in sorted(columns))
                    rules.append(f"{selectors} {{ {style}; }}")
        return "\n".join(rules)

    def cell(self, cell: Cell) -> str:
        if isinstance(cell, Light):
            return f'<span class="l {_DOT[cell.colour]}"></span>{html.escape(cell.text)}'
        if isinstance(cell, Picture):
            # Drawn by report.charts, which escapes every text in it; inline in HTML, the SVG needs no namespace.
            return cell.svg.replace(' xmlns="http://www.w3.org/2000/svg"', "", 1)
        return html.escape(cell)

    def table(self, table: Table) -> None:
        signature = (table.numeric, table.code)
        name = self.classes.setdefault(signature, f"t{len(self.classes)}")
        head = "".join(f"<th>{self.cell(column)}</th>" for column in table.columns)
        self.body.append(f'<table class="{name}">\n<thead><tr>{head}</tr></thead>\n<tbody>')
        cell = self.cell
        self.body.extend("<tr>" + "".join(["<td>" + cell(item) for item in row]) for row in table.rows)
        self.body.append("</tbody>\n</table>")

    def block(self, block: Block) -> None:
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 6)
            self.body.append(f"<h{level}>{html.escape(block.text)}</h{level}>")
        elif isinstance(block, Paragraph):
            self.body.append(f"<p>{html.escape(block.text)}</p>")
        elif isinstance(block, Table):
            self.table(block)
        else:
            self.section(block)

    def section(self, section: Section) -> None:
        level = min(max(section.level, 1), 6)
        opened = " open" if section.open else ""
        self.body.append(f"<details{opened}><summary><h{level}>{html.escape(section.title)}</h{level}></summary>")
        for block in section.blocks:
            self.block(block)
        self.body.append("</details>")


def to_html(blocks: Iterable[Block], *, title: str, lang: str) -> str:
    """The blocks as one self-contained HTML document."""
    writer = _Writer()
    for block in blocks:
        writer.block(block)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>\n{_CSS}\n{writer.css()}\n</style>\n</head>\n<body>\n"
        + "\n".join(writer.body)
        + "\n</body>\n</html>\n"
    )
