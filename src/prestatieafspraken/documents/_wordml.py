"""Paragraphs and tables of a document as WordprocessingML text, with column widths that fit the page.

python-docx builds a document through its object API: about 0.5 ms a table cell (35 s for the 70,000 cells of a
national agreement's commitments), and each paragraph added scans the body for its end, so the time grows with the
square of the paragraphs. Written as text and put into the Word file as it is, the same body takes a fraction of
that; python-docx reads it back as any other. Each top-level element declares the namespace itself, so the text
fits into any document's body.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from prestatieafspraken.documents._blocks import Table, clean, plain

__all__ = ["W", "page_break_xml", "paragraph_xml", "table_xml", "widths"]

#: The WordprocessingML namespace, bound to the prefix ``w``.
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Tables: text in 9 points, ids in 7-point Consolas; a character is on average a little over half as wide as its
# size in a proportional font, 0.6 of it in a monospaced one (1 point is 12,700 EMU).
_TEXT_POINTS = 9
_REF_POINTS = 7
_TEXT_CHAR = int(_TEXT_POINTS * 0.55 * 12_700)
_REF_CHAR = int(_REF_POINTS * 0.6 * 12_700)
_BOLD_CHAR = int(_TEXT_POINTS * 0.62 * 12_700)
_PADDING = 144_000  # the cell margins, about 4 mm
_MOST_LEAST = 1_300_000  # no column claims more than about 3.6 cm for its longest word
_EMU_PER_TWIP = 635


def widths(table: Table, usable: int) -> list[int]:
    """Column widths (EMU) that fit the page: each wide enough for its longest word, the rest by content.

    Word and LibreOffice otherwise give every column the same width and break words in the middle.
    """
    columns = range(len(table.columns))
    cells = [[plain(table.columns[i]), *(plain(row[i]) for row in table.rows)] for i in columns]
    char = [_REF_CHAR if i in table.reference else _TEXT_CHAR for i in columns]
    # Ids wrap after their hyphens; words of text are kept whole (a date such as 31-12-2025 too).
    words = [
        [w for text in cells[i] for w in (text.replace("-", "- ") if i in table.reference else text).split()]
        for i in columns
    ]
    longest = [max(map(len, words[i]), default=1) for i in columns]
    # The header is bold, so a little wider.
    header = [max(map(len, cells[i][0].split()), default=1) * _BOLD_CHAR for i in columns]
    least = [min(_MOST_LEAST, max(longest[i] * char[i], header[i]) + _PADDING) for i in columns]
    if sum(least) >= usable:
        return [usable * width // sum(least) for width in least]
    content = [sum(len(text) for text in cells[i]) / len(cells[i]) * char[i] for i in columns]
    spare = usable - sum(least)
    total = sum(content) or 1
    return [least[i] + int(spare * content[i] / total) for i in columns]


def _run(text: str, *, reference: bool, bold: bool = False) -> str:
    shown = escape(clean(text))
    if reference:
        properties = (
            f'<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas" w:cs="Consolas"/><w:sz w:val="{_REF_POINTS * 2}"/>'
        )
    else:
        properties = ("<w:b/>" if bold else "") + f'<w:sz w:val="{_TEXT_POINTS * 2}"/>'
    return f'<w:p><w:r><w:rPr>{properties}</w:rPr><w:t xml:space="preserve">{shown}</w:t></w:r></w:p>'


def table_xml(table: Table, column_widths: list[int], style_id: str | None) -> str:
    """The table as a ``w:tbl`` element: fixed layout, the header row repeated on every page."""
    twips = [width // _EMU_PER_TWIP for width in column_widths]
    style = f'<w:tblStyle w:val="{escape(style_id)}"/>' if style_id is not None else ""
    cell_start = [f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>' for width in twips]
    parts = [
        f'<w:tbl xmlns:w="{W}"><w:tblPr>{style}<w:tblW w:w="{sum(twips)}" w:type="dxa"/>',
        '<w:tblLayout w:type="fixed"/>',
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" ',
        'w:noVBand="1"/></w:tblPr><w:tblGrid>',
        *(f'<w:gridCol w:w="{width}"/>' for width in twips),
        '</w:tblGrid><w:tr><w:trPr><w:tblHeader w:val="true"/></w:trPr>',
        *(
            f"{cell_start[i]}{_run(plain(column), reference=False, bold=True)}</w:tc>"
            for i, column in enumerate(table.columns)
        ),
        "</w:tr>",
    ]
    reference = [i in table.reference for i in range(len(table.columns))]
    for row in table.rows:
        parts.append("<w:tr>")
        parts += [f"{cell_start[i]}{_run(plain(cell), reference=reference[i])}</w:tc>" for i, cell in enumerate(row)]
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)


def paragraph_xml(
    text: str,
    *,
    style_id: str | None = None,
    bold: bool = False,
    keep_with_next: bool = False,
    space_before: int | None = None,
    space_after: int | None = None,
) -> str:
    """One paragraph of one run (spacing in points)."""
    properties = f'<w:pStyle w:val="{escape(style_id)}"/>' if style_id is not None else ""
    properties += "<w:keepNext/>" if keep_with_next else ""
    if space_before is not None or space_after is not None:
        spacing = f' w:before="{space_before * 20}"' if space_before is not None else ""
        spacing += f' w:after="{space_after * 20}"' if space_after is not None else ""
        properties += f"<w:spacing{spacing}/>"
    run = "<w:rPr><w:b/></w:rPr>" if bold else ""
    shown = escape(clean(text))
    return (
        f'<w:p xmlns:w="{W}"><w:pPr>{properties}</w:pPr><w:r>{run}<w:t xml:space="preserve">{shown}</w:t></w:r></w:p>'
    )


def page_break_xml() -> str:
    """A paragraph that holds a page break."""
    return f'<w:p xmlns:w="{W}"><w:r><w:br w:type="page"/></w:r></w:p>'
