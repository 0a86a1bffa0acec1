"""The report as a few kinds of block (headings, paragraphs, tables, charts), before it is written out.

The content is built once (`prestatieafspraken.report.content`) and written as Markdown or HTML by the
renderers, so the two formats cannot drift apart. Blocks hold plain text; each renderer escapes it for its
format.
"""

from __future__ import annotations

import attrs

__all__ = ["Block", "Chart", "Heading", "Paragraph", "Table"]


@attrs.frozen(kw_only=True)
class Heading:
    """A section heading; level 1 is the report's title."""

    level: int
    text: str


@attrs.frozen(kw_only=True)
class Paragraph:
    """A paragraph of plain text."""

    text: str


@attrs.frozen(kw_only=True)
class Table:
    """A table of plain-text cells; the columns in `code` are ids or paths, shown as code."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    code: frozenset[int] = frozenset()
    numeric: frozenset[int] = frozenset()
    """Columns of numbers, aligned right."""


@attrs.frozen(kw_only=True)
class Chart:
    """A chart as an SVG document (text), with a title that also serves as its alternative text."""

    title: str
    svg: str


Block = Heading | Paragraph | Table | Chart
