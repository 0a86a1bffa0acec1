"""Writing a report's blocks as Markdown: GitHub-style tables, sections as headings, charts as SVG data images.

A traffic light is written as a coloured emoji before its words (🟢 op koers), so it shows in any Markdown viewer
and the words still say it without colour.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Iterator

from prestatieafspraken.report.document import Block, Cell, Heading, Light, Paragraph, Picture, Table

__all__ = ["to_markdown"]

# Characters that Markdown would read as markup at the start of a line or inside text.
_ESCAPED = str.maketrans({char: "\\" + char for char in "\\`*_{}[]<>#|&"})

_EMOJI = {"green": "🟢", "orange": "🟠", "red": "🔴", "grey": "⚪"}


def _text(text: str) -> str:
    """Plain text as Markdown that shows it literally, on one line."""
    return " ".join(text.split()).translate(_ESCAPED)


def _code(text: str) -> str:
    shown = " ".join(text.split()).replace("|", "\\|")
    fence = "``" if "`" in shown else "`"
    return f"{fence}{shown}{fence}" if shown else ""


def _cell(cell: Cell, *, code: bool = False) -> str:
    if isinstance(cell, Light):
        return f"{_EMOJI[cell.colour]} {_text(cell.text)}"
    if isinstance(cell, Picture):
        data = base64.b64encode(cell.svg.encode("utf-8")).decode("ascii")
        return f"![{_text(cell.title)}](data:image/svg+xml;base64,{data})"
    return _code(cell) if code else _text(cell)


def _table(table: Table) -> list[str]:
    header = "| " + " | ".join(_cell(column) for column in table.columns) + " |"
    rule = "|" + "|".join("---:" if i in table.numeric else "---" for i in range(len(table.columns))) + "|"
    rows = [
        "| " + " | ".join(_cell(cell, code=i in table.code) for i, cell in enumerate(row)) + " |" for row in table.rows
    ]
    return [header, rule, *rows]


def _parts(blocks: Iterable[Block]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Heading):
            yield "#" * min(max(block.level, 1), 6) + " " + _text(block.text)
        elif isinstance(block, Paragraph):
            yield _text(block.text)
        elif isinstance(block, Table):
            yield "\n".join(_table(block))
        else:
            yield "#" * min(max(block.level, 1), 6) + " " + _text(block.title)
            yield from _parts(block.blocks)


def to_markdown(blocks: Iterable[Block]) -> str:
    """The blocks as one Markdown document."""
    return "\n\n".join(_parts(blocks)) + "\n"
