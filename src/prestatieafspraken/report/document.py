"""The report as a few kinds of block (headings, paragraphs, tables, sections), before it is written out.

The content is built once (`prestatieafspraken.report.content`) and written as Markdown or HTML by the
renderers, so the two formats cannot drift apart. Blocks hold plain text; each renderer escapes it for its
format. A table cell is plain text, a traffic light (`Light`: a colour with its word, so that the colour is never
the only sign) or a small picture (`Picture`: an SVG drawn by `prestatieafspraken.report.charts`).
"""

from __future__ import annotations

from typing import Literal, TypeAlias

import attrs

__all__ = ["Block", "Cell", "Colour", "Heading", "Light", "Paragraph", "Picture", "Section", "Table", "plain"]

#: The colours of a traffic light; ``grey`` is no verdict (not started, or no data).
Colour: TypeAlias = Literal["green", "orange", "red", "grey"]


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
class Light:
    """A traffic light in a table: its colour, and the words that say it."""

    colour: Colour
    text: str
    """What the colour says, in words ("versnelling nodig", "rood"): a report never relies on colour alone."""


@attrs.frozen(kw_only=True)
class Picture:
    """A small chart as SVG text (starting at its ``<svg>`` element), with a title that is its alternative text."""

    title: str
    svg: str


Cell: TypeAlias = str | Light | Picture


def plain(cell: Cell) -> str:
    """A cell as plain text: a light by its words, a picture by its title."""
    if isinstance(cell, Light | Picture):
        return cell.text if isinstance(cell, Light) else cell.title
    return cell


@attrs.frozen(kw_only=True)
class Table:
    """A table of cells; the columns in `code` are ids or paths, shown as code."""

    columns: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    code: frozenset[int] = frozenset()
    numeric: frozenset[int] = frozenset()
    """Columns of numbers, aligned right."""


@attrs.frozen(kw_only=True)
class Section:
    """A titled group of blocks: a collapsible ``<details>`` in HTML (open when `open`), a heading in Markdown."""

    level: int
    title: str
    blocks: tuple[Block, ...]
    open: bool = False


Block: TypeAlias = Heading | Paragraph | Table | Section
