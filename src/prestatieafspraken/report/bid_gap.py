"""The bid gap for people: offered (bod) against agreed (afspraken) as text, Markdown or JSON, in Dutch or English.

The words are the practitioners' (bod, aangeboden, afgesproken, verschil); `prestatieafspraken.bids.bid_gap`
computes what is shown.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

import orjson

from prestatieafspraken.bids import BidGap, GapLine
from prestatieafspraken.documents._blocks import Block, Document, Heading, Paragraph, Table, plain
from prestatieafspraken.documents._words import rounded, says
from prestatieafspraken.model import Agreement, theme_label
from prestatieafspraken.vocabulary import Language, term

__all__ = ["BidGapFormat", "bid_gap_blocks", "bid_gap_dict", "render_bid_gap"]

BidGapFormat = Literal["text", "markdown", "json"]


def _signed(value: float | None, lang: Language) -> str:
    if value is None:
        return ""
    shown = rounded(value, lang)
    return f"+{shown}" if value > 0 else shown


def _subject(line: GapLine, agreement: Agreement, lang: Language) -> str:
    if line.indicator is not None:
        indicator = agreement.index.indicators.get(line.indicator)
        return indicator.label if indicator is not None and indicator.label else line.indicator
    if line.theme is None:
        return term("no_theme", lang)
    return theme_label(line.theme, lang=lang, declared=agreement.index.themes.get(line.theme))


def _side(line: GapLine, lang: Language, *, offered: bool) -> str:
    """What one side of a line says: the figure, or the texts and ids of the offers or commitments."""
    items = line.offers if offered else line.commitments
    if not items:
        return says("gap_not_offered" if offered else "gap_not_agreed", lang)
    total = line.offered if offered else line.agreed
    if line.is_figure:
        return rounded(total, lang) if total is not None else says("gap_not_summed", lang)
    return "; ".join(f"{item.text} ({item.id})" if item.text else item.id for item in items)


def _heading(gap: BidGap, agreement: Agreement, party: str, year: int, lang: Language) -> str:
    found = agreement.index.parties.get(party)
    name = found.name if found is not None else party
    line = next(line for line in gap.lines if line.party == party and line.year == year)
    bid = agreement.index.bids.get(line.bid) if line.bid is not None else None
    if bid is None:
        return f"{name}, {year} ({says('gap_no_bid', lang)})"
    return f"{name}, {year}: {term('bid', lang)} {bid.id} ({says('gap_sent', lang)} {bid.date.isoformat()})"


def bid_gap_blocks(gap: BidGap, agreement: Agreement, lang: Language = "nl") -> Iterator[Block]:
    """The bid gap as report blocks: a heading, then per party and year a table of its lines."""
    title = f"{says('gap_title', lang)}: {agreement.title}"
    yield Heading(level=1, text=title if gap.year is None else f"{title} ({gap.year})")
    yield Paragraph(text=says("gap_explain", lang))
    if not gap.lines:
        yield Paragraph(text=says("gap_nothing", lang))
        return
    groups: dict[tuple[str, int], list[GapLine]] = {}
    for line in gap.lines:
        groups.setdefault((line.party, line.year), []).append(line)
    offered, agreed = says("gap_offered", lang), says("gap_agreed", lang)
    figures = (says("gap_subject", lang), term("area", lang), offered, agreed, says("gap_difference", lang))
    words = (term("theme", lang), offered, agreed)
    for (party, year), lines in groups.items():
        yield Heading(level=2, text=_heading(gap, agreement, party, year, lang))
        rows = tuple(
            (
                _subject(line, agreement, lang),
                _area(line, agreement),
                _side(line, lang, offered=True),
                _side(line, lang, offered=False),
                _signed(line.difference, lang),
            )
            for line in lines
            if line.is_figure
        )
        if rows:
            yield Table(columns=figures, rows=rows, numeric=frozenset({2, 3, 4}))
        promises = tuple(
            (_subject(line, agreement, lang), _side(line, lang, offered=True), _side(line, lang, offered=False))
            for line in lines
            if not line.is_figure
        )
        if promises:
            yield Table(columns=words, rows=promises)
    summary = says("gap_summary", lang, offered=len(gap.not_agreed), agreed=len(gap.not_offered))
    yield Paragraph(text=summary)


def _area(line: GapLine, agreement: Agreement) -> str:
    if line.area is None:
        return ""
    area = agreement.index.areas.get(line.area)
    return area.name if area is not None and area.name else line.area


def _text(blocks: Iterator[Block]) -> str:
    """Blocks as plain text: headings underlined, tables in aligned columns."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            parts.append(f"{block.text}\n{('=' if block.level == 1 else '-') * len(block.text)}")
        elif isinstance(block, Paragraph):
            parts.append(block.text)
        elif isinstance(block, Table):
            parts.append(_text_table(block))
    return "\n\n".join(parts) + "\n"


#: A table wider than this is written as records, one cell per line: the texts of promises do not fit a row.
_WIDTH = 110


def _text_table(table: Table) -> str:
    """A table in aligned columns, or, when too wide, as records: the first cell, then each heading and its cell."""
    columns = tuple(map(plain, table.columns))
    rows = (columns, *(tuple(map(plain, row)) for row in table.rows))
    widths = [max(len(row[i]) for row in rows) for i in range(len(table.columns))]
    if sum(widths) + 2 * (len(widths) - 1) <= _WIDTH:
        return "\n".join(
            "  ".join(
                cell.rjust(widths[i]) if i in table.numeric else cell.ljust(widths[i]) for i, cell in enumerate(row)
            ).rstrip()
            for row in rows
        )
    label = max(len(column) for column in columns[1:]) + 1
    records: list[str] = []
    for row in rows[1:]:
        records.append(row[0])
        records.extend(
            f"  {(column + ':').ljust(label)} {cell}" for column, cell in zip(columns[1:], row[1:], strict=True)
        )
    return "\n".join(records)


def bid_gap_dict(gap: BidGap, agreement: Agreement) -> dict[str, Any]:
    """The bid gap as plain JSON-ready data, with ids (names and labels are the reader's to add).

    ``{"agreement", "year", "parties", "lines": [{"party", "year", "indicator", "area", "theme", "bid", "offers":
    [{"id", "value", "text"}], "commitments": [{"id", "value", "text"}], "offered", "agreed", "difference",
    "additive"}], "not_offered", "not_agreed"}``; the last two count the lines.
    """
    return {
        "agreement": agreement.id,
        "year": gap.year,
        "parties": list(gap.parties),
        "lines": [
            {
                "party": line.party,
                "year": line.year,
                "indicator": line.indicator,
                "area": line.area,
                "theme": line.theme,
                "bid": line.bid,
                "offers": [{"id": o.id, "value": o.value, "text": o.text} for o in line.offers],
                "commitments": [{"id": c.id, "value": c.value, "text": c.text} for c in line.commitments],
                "offered": line.offered,
                "agreed": line.agreed,
                "difference": line.difference,
                "additive": line.additive,
            }
            for line in gap.lines
        ],
        "not_offered": len(gap.not_offered),
        "not_agreed": len(gap.not_agreed),
    }


def render_bid_gap(gap: BidGap, agreement: Agreement, *, format: BidGapFormat = "text", lang: Language = "nl") -> str:  # noqa: A002 - as the CLI option
    """The bid gap as text, Markdown or JSON (the JSON has ids only and is the same in both languages)."""
    if format == "json":
        return orjson.dumps(bid_gap_dict(gap, agreement), option=orjson.OPT_INDENT_2).decode()
    blocks = bid_gap_blocks(gap, agreement, lang)
    if format == "markdown":
        return Document(title=agreement.title, lang=lang, blocks=tuple(blocks)).to_markdown()
    return _text(blocks)
