"""Writing a report's blocks as Markdown: GitHub-style tables, charts as inline SVG data images."""

from __future__ import annotations

import base64
from collections.abc import Iterable

from prestatieafspraken.report.document import Block, Chart, Heading, Paragraph, Table

__all__ = ["to_markdown"]

# Characters that Markdown would read as markup at the start of a line or inside text.
_ESCAPED = str.maketrans({char: "\\" + char for char in "\\`*_{}[]<>#|&"})


def _text(text: str) -> str:
    """Plain text as Markdown that shows it literally, on one line."""
    return " ".join(text.split()).translate(_ESCAPED)


def _code(text: str) -> str:
    shown = " ".join(text.split()).replace("|", "\\|")
    fence = "``" if "`" in shown else "`"
    return f"{fence}{shown}{fence}" if shown else ""


def _table(table: Table) -> list[str]:
    def cell(index: int, text: str) -> str:
        return _code(text) if index in table.code else _text(text)

    header = "| " + " | ".join(_text(column) for column in table.columns) + " |"
    rule = "|" + "|".join("---:" if i in table.numeric else "---" for i in range(len(table.columns))) + "|"
    rows = ["| " + " | ".join(cell(i, text) for i, text in enumerate(row)) + " |" for row in table.rows]
    return [header, rule, *rows]


def _chart(chart: Chart) -> str:
    data = base64.b64encode(chart.svg.encode("utf-8")).decode("ascii")
    return f"![{_text(chart.title)}](data:image/svg+xml;base64,{data})"


def to_markdown(blocks: Iterable[Block]) -> str:
    """The blocks as one Markdown document."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            parts.append("#" * block.level + " " + _text(block.text))
        elif isinstance(block, Paragraph):
            parts.append(_text(block.text))
        elif isinstance(block, Table):
            parts.append("\n".join(_table(block)))
        else:
            parts.append(_chart(block))
    return "\n\n".join(parts) + "\n"
