"""Writing a report's blocks as one self-contained HTML file: inline CSS, charts as inline SVG, no scripts.

Every text is escaped with `html.escape`; the file loads nothing from elsewhere, so it can be mailed or archived
as it is.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from prestatieafspraken.report.document import Block, Chart, Heading, Paragraph, Table

__all__ = ["to_html"]

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto;
       max-width: 72rem; padding: 0 1rem; color: #1b1b1b; line-height: 1.45; }
h1 { font-size: 1.6rem; border-bottom: 2px solid #01689b; padding-bottom: .3rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; color: #01689b; }
h3 { font-size: 1.05rem; margin-top: 1.4rem; }
table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #c8c8c8; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #eef4f8; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85em; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: .85rem; color: #555; }
""".strip()

# What comes before the <svg> element in a file written by matplotlib: the XML declaration and a DOCTYPE that
# names an external DTD; inline SVG needs neither.
_SVG_START = re.compile(r"<svg\b")


def _inline_svg(svg: str) -> str:
    match = _SVG_START.search(svg)
    return svg[match.start() :] if match else ""


def _cell(table: Table, index: int, text: str) -> str:
    shown = html.escape(text)
    if index in table.code and text:
        shown = f"<code>{shown}</code>"
    css = ' class="num"' if index in table.numeric else ""
    return f"<td{css}>{shown}</td>"


def _table(table: Table) -> str:
    head = "".join(f"<th>{html.escape(column)}</th>" for column in table.columns)
    rows = "\n".join(
        "<tr>" + "".join(_cell(table, i, text) for i, text in enumerate(row)) + "</tr>" for row in table.rows
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>"


def _chart(chart: Chart) -> str:
    title = html.escape(chart.title)
    svg = _inline_svg(chart.svg)
    return f'<figure role="img" aria-label="{title}">\n{svg}\n<figcaption>{title}</figcaption>\n</figure>'


def to_html(blocks: Iterable[Block], *, title: str, lang: str) -> str:
    """The blocks as one self-contained HTML document."""
    body: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 6)
            body.append(f"<h{level}>{html.escape(block.text)}</h{level}>")
        elif isinstance(block, Paragraph):
            body.append(f"<p>{html.escape(block.text)}</p>")
        elif isinstance(block, Table):
            body.append(_table(block))
        else:
            body.append(_chart(block))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>\n{_CSS}\n</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
