"""`render_report`: the report of an agreement as Markdown or HTML."""

from __future__ import annotations

import datetime as dt
from typing import Literal, TypeAlias

from prestatieafspraken.errors import UnknownNameError
from prestatieafspraken.model import Agreement
from prestatieafspraken.report.content import report_blocks
from prestatieafspraken.report.html import to_html
from prestatieafspraken.report.labels import capital
from prestatieafspraken.report.markdown import to_markdown
from prestatieafspraken.rules import CheckConfig
from prestatieafspraken.vocabulary import Language, term

__all__ = ["ReportFormat", "render_report"]

ReportFormat: TypeAlias = Literal["markdown", "html"]


def render_report(
    agreement: Agreement,
    *,
    as_of: dt.date | None = None,
    format: ReportFormat = "markdown",  # noqa: A002 - the CLI's option name
    audience: str | None = None,
    lang: Language = "nl",
    config: CheckConfig | None = None,
    charts: bool = True,
) -> str:
    """Write the progress report of *agreement* for a steering group: the summary first, then the details.

    The first page gives the traffic lights per theme and per party (green, orange, red and no verdict, with the
    counts) and every red and orange target and commitment with its explanation, or "toelichting ontbreekt". Then,
    per theme, the targets with their parts, a year-on-year table per target (expected path, realised values and
    figures not yet approved, with a sparkline), and the commitments with their outcome; then the check's findings.
    Parties, themes, targets and commitments are named by their names and texts, with their ids in a reference
    column.

    Args:
        agreement: The agreement.
        as_of: The report date: the check date and the date progress is measured at; default today in
            Europe/Amsterdam.
        format: ``"markdown"``, or ``"html"`` for one self-contained file (inline CSS, charts as inline SVG, no
            scripts and nothing loaded from elsewhere; each theme's details fold away in a ``<details>`` section).
        audience: ``"public"`` or a party id: report only what that audience may see
            (`prestatieafspraken.views.view_for`), with what is withheld and why, and the collective totals.
            Default: everything.
        lang: ``"nl"`` (default) or ``"en"``.
        config: The check configuration; default every rule with its defaults.
        charts: Draw a sparkline per target (inline SVG, no plotting library needed); ``False`` leaves them out.

    Raises:
        UnknownNameError: *audience* is neither ``"public"`` nor a party of the agreement, or *format* or *lang*
            is not one of the above.
    """
    if format not in ("markdown", "html"):
        raise UnknownNameError("report format", format, ("markdown", "html"))
    if lang not in ("nl", "en"):
        raise UnknownNameError("language", lang, ("nl", "en"))
    blocks = report_blocks(agreement, as_of=as_of, audience=audience, lang=lang, config=config, draw_charts=charts)
    if format == "html":
        return to_html(blocks, title=f"{capital(term('report', lang))}: {agreement.title}", lang=lang)
    return to_markdown(blocks)
