"""Writing a document as one self-contained HTML file: inline CSS for screen and print, no scripts.

Every text is escaped with `html.escape`; characters XML and HTML do not allow (control characters) become the
replacement character. The file loads nothing from elsewhere, so it can be mailed, archived or printed as it is;
page breaks hold when it is printed.
"""

from __future__ import annotations

import html
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

__all__ = ["to_html"]

_CSS = """
body { font-family: Georgia, "Times New Roman", serif; margin: 2rem auto; max-width: 48rem; padding: 0 1rem;
       color: #1b1b1b; line-height: 1.5; }
.title-page { min-height: 60vh; display: flex; flex-direction: column; justify-content: center; }
.title-page h1 { font-size: 2rem; margin-bottom: .5rem; }
.title-page .subtitle { font-size: 1.2rem; color: #01689b; }
h1 { font-size: 1.5rem; border-bottom: 2px solid #01689b; padding-bottom: .25rem; margin-top: 2.5rem; }
h2 { font-size: 1.2rem; color: #01689b; margin-top: 1.8rem; }
h3 { font-size: 1.05rem; margin-top: 1.2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #c8c8c8; padding: .25rem .45rem; text-align: left; vertical-align: top; }
th { background: #eef4f8; }
td.ref { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .75rem; color: #555; }
.page-break { break-after: page; page-break-after: always; border: 0; margin: 2rem 0; }
.signature { break-inside: avoid; margin: 1.5rem 0 2rem; }
.signature .party { font-weight: bold; margin-bottom: .2rem; }
.signature p { margin: .15rem 0; }
.signature .line { margin-top: 1.2rem; }
.signature .blank { display: inline-block; width: 16rem; border-bottom: 1px solid #1b1b1b; }
@media print { body { margin: 0; max-width: none; } .page-break { border: 0; margin: 0; } }
""".strip()


def _escaped(text: str) -> str:
    return html.escape(clean(text))


def _table(table: Table) -> str:
    head = "".join(f"<th>{_escaped(column)}</th>" for column in table.columns)
    rows = "\n".join(
        "<tr>"
        + "".join(
            f'<td class="ref">{_escaped(text)}</td>' if i in table.reference else f"<td>{_escaped(text)}</td>"
            for i, text in enumerate(row)
        )
        + "</tr>"
        for row in table.rows
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>"


def _title_page(block: TitlePage) -> str:
    parts = [f"<h1>{_escaped(block.title)}</h1>"]
    if block.subtitle:
        parts.append(f'<p class="subtitle">{_escaped(block.subtitle)}</p>')
    parts += [f"<p>{_escaped(line)}</p>" for line in block.lines]
    return '<section class="title-page">\n' + "\n".join(parts) + "\n</section>"


def _heading(block: Heading) -> str:
    level = min(max(block.level, 1), 6)
    return f"<h{level}>{_escaped(block.text)}</h{level}>"


def _paragraph(block: Paragraph) -> str:
    return f"<p>{_escaped(block.text)}</p>"


def _items(block: Items) -> str:
    tag = "ol" if block.numbered else "ul"
    return f"<{tag}>\n" + "\n".join(f"<li>{_escaped(item)}</li>" for item in block.items) + f"\n</{tag}>"


def _signature(block: Signature) -> str:
    parts = [f'<p class="party">{_escaped(block.party)}</p>', *(f"<p>{_escaped(line)}</p>" for line in block.lines)]
    parts += [
        f'<p class="line">{_escaped(block.signature)}: <span class="blank"></span></p>',
        f'<p class="line">{_escaped(block.date)}: <span class="blank"></span></p>',
    ]
    return '<div class="signature">\n' + "\n".join(parts) + "\n</div>"


def _page_break(_block: PageBreak) -> str:
    return '<hr class="page-break">'


_WRITERS: dict[type, Callable[[Any], str]] = {
    TitlePage: _title_page,
    Heading: _heading,
    Paragraph: _paragraph,
    Items: _items,
    Table: _table,
    Signature: _signature,
    PageBreak: _page_break,
}


def to_html(document: Document) -> str:
    """The document as one self-contained HTML file."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_escaped(document.lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_escaped(document.title)}</title>\n<style>\n{_CSS}\n</style>\n</head>\n<body>\n"
        + "\n".join(_WRITERS[type(block)](block) for block in document.blocks)
        + "\n</body>\n</html>\n"
    )
