"""Writing blocks as Markdown: GitHub-flavoured tables, every text escaped so that it shows literally.

One writer serves the agreement as a document and the progress report. A text from the file is data, never
markup: ``*``, ``|``, ``<script>``, a leading ``#`` or ``1.`` all show as written. A page break has no Markdown
form; it becomes a thematic break (``---``); a section is its heading and its blocks. A traffic light is a
coloured emoji before its words (🟢 op koers), so it shows in any viewer and the words still say it without colour.

Pictures (the sparklines, the picture of who does what for whom) are SVG data images (``data:image/svg+xml``), so
the Markdown stays one self-contained text, as the HTML is: VS Code, MkDocs, pandoc, Obsidian, Typora and every
browser show them. GitHub and GitLab do not show data images in a file's preview; they show the alternative text,
and the HTML report or ``prestatieafspraken graph FILE --format svg`` gives the picture there.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from prestatieafspraken.documents._blocks import (
    Block,
    Cell,
    Diagram,
    Document,
    Heading,
    Items,
    Light,
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

__all__ = ["to_markdown"]

# Characters that Markdown reads as markup anywhere in a line. <, > and & become entities and ~ (strikethrough
# on GitHub) a numeric one: Python-Markdown (MkDocs) and CommonMark (GitHub) both read those, while a backslash
# before them shows in Python-Markdown. The rest take a backslash, which both read.
_ESCAPED = str.maketrans(
    {
        **{char: "\\" + char for char in "\\`*_{}[]#|"},
        "<": "&lt;",
        ">": "&gt;",
        "&": "&amp;",
        "~": "&#126;",
    }
)
# What makes a line a list item when it starts the line: "- ", "+ ", "1. ", "1) ". (A "=" or "-" under a line makes
# a heading; every text here is one line of its own paragraph, so there is no line above to underline.)
_LINE_START = re.compile(r"^(?:[-+](?=\s|$)|\d+(?=[.)](?:\s|$)))")
_BLANK = "\\_" * 24
_EMOJI = {"green": "🟢", "orange": "🟠", "red": "🔴", "grey": "⚪"}


def _text(text: str) -> str:
    """Plain text as Markdown that shows it literally, on one line."""
    escaped = " ".join(clean(text).split()).translate(_ESCAPED)
    # "2025. Nieuwbouw" would start a numbered list, "- tekst" a bulleted one: escape the mark.
    return _LINE_START.sub(lambda match: f"{match[0]}\\" if match[0][0].isdigit() else f"\\{match[0]}", escaped)


def _code(text: str) -> str:
    """An id as inline code; a ``|`` is escaped, as GitHub tables read it before the code span."""
    shown = " ".join(text.split()).replace("|", "\\|")
    if not shown:
        return ""
    return f"`` {shown} ``" if "`" in shown else f"`{shown}`"


def _image(title: str, svg: str) -> str:
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f"![{_text(title)}](data:image/svg+xml;base64,{data})"


def _cell(cell: Cell, *, code: bool = False) -> str:
    if isinstance(cell, Light):
        return f"{_EMOJI[cell.colour]} {_text(cell.text)}"
    if isinstance(cell, Picture):
        return _image(cell.title, cell.svg)
    return _code(cell) if code else _text(cell)


def _table(table: Table) -> str:
    header = "| " + " | ".join(_cell(column) for column in table.columns) + " |"
    rule = "|" + "|".join("---:" if i in table.numeric else "---" for i in range(len(table.columns))) + "|"
    rows = [
        "| " + " | ".join(_cell(cell, code=i in table.reference) for i, cell in enumerate(row)) + " |"
        for row in table.rows
    ]
    return "\n".join([header, rule, *rows])


def _title_page(block: TitlePage) -> str:
    lines = [f"# {_text(block.title)}"]
    if block.subtitle:
        lines.append(f"**{_text(block.subtitle)}**")
    lines += [_text(line) for line in block.lines]
    return "\n\n".join(lines)


def _heading(block: Heading) -> str:
    return "#" * min(max(block.level, 1), 6) + " " + _text(block.text)


def _paragraph(block: Paragraph) -> str:
    return _text(block.text)


def _items(block: Items) -> str:
    if block.numbered:
        return "\n".join(f"{n}. {_text(item)}" for n, item in enumerate(block.items, start=1))
    return "\n".join(f"- {_text(item)}" for item in block.items)


def _signature(block: Signature) -> str:
    # Two spaces before a line end make a line break: the signature stays one paragraph.
    lines = [f"**{_text(block.party)}**", *(_text(line) for line in block.lines)]
    lines += [f"{_text(block.signature)}: {_BLANK}", f"{_text(block.date)}: {_BLANK}"]
    return "  \n".join(lines)


def _page_break(_block: PageBreak) -> str:
    return "---"


def _section(block: Section) -> str:
    return "\n\n".join(["#" * min(max(block.level, 1), 6) + " " + _text(block.title), *_parts(block.blocks)])


def _diagram(block: Diagram) -> str:
    svg = drawn_svg(block)
    return _text(block.missing) if svg is None else _image(block.title, svg)


_WRITERS: dict[type, Callable[[Any], str]] = {
    TitlePage: _title_page,
    Heading: _heading,
    Paragraph: _paragraph,
    Items: _items,
    Table: _table,
    Section: _section,
    Signature: _signature,
    PageBreak: _page_break,
    Diagram: _diagram,
}


def _parts(blocks: Iterable[Block]) -> Iterator[str]:
    return (_WRITERS[type(block)](block) for block in blocks)


def to_markdown(document: Document) -> str:
    """The document as one Markdown text."""
    return "\n\n".join(_parts(document.blocks)) + "\n"
