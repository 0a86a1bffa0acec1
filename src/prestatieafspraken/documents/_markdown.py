"""Writing a document as Markdown: GitHub-flavoured tables, every text escaped so that it shows literally.

A text from the file is data, never markup: ``*``, ``|``, ``<script>``, a leading ``#`` or ``1.`` all show as
written. A page break has no Markdown form; it becomes a thematic break (``---``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from prestatieafspraken.documents._blocks import (
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


def _table(table: Table) -> str:
    def cell(index: int, text: str) -> str:
        return _code(text) if index in table.reference else _text(text)

    header = "| " + " | ".join(_text(column) for column in table.columns) + " |"
    rule = "|" + "|".join("---" for _ in table.columns) + "|"
    rows = ["| " + " | ".join(cell(i, text) for i, text in enumerate(row)) + " |" for row in table.rows]
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


_WRITERS: dict[type, Callable[[Any], str]] = {
    TitlePage: _title_page,
    Heading: _heading,
    Paragraph: _paragraph,
    Items: _items,
    Table: _table,
    Signature: _signature,
    PageBreak: _page_break,
}


def to_markdown(document: Document) -> str:
    """The document as one Markdown text."""
    return "\n\n".join(_WRITERS[type(block)](block) for block in document.blocks) + "\n"
