"""`render_report`: the report of an agreement as Markdown or HTML."""

from __future__ import annotations

import datetime as dt
from typing import Literal, TypeAlias

from prestatieafspraken.documents._blocks import Document
from prestatieafspraken.documents._words import capital
from prestatieafspraken.errors import UnknownNameError
from prestatieafspraken.model import Agreement
from prestatieafspraken.report.content import report_blocks
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
    picture: bool = True,
) -> str:
    """Write the progress report of *agreement* for a steering group: the summary first, then the details.

    The first page gives the traffic lights per theme and per party (green, orange, red and no verdict, with the
    counts) and every red and orange target and commitment with its explanation, or "toelichting ontbreekt"; then
    the picture of who does what for whom (see *picture*). Then, per theme, the targets with their parts, a
    year-on-year table per target (expected path, realised values and figures not yet approved, with a sparkline),
    and the commitments with their outcome; then the check's findings.
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
        picture: Draw the picture of who does what for whom, of what the audience may see, labelled in *lang*
            (inline SVG in HTML, an SVG data image in Markdown). It needs Graphviz's ``dot``; without it, or above
            `prestatieafspraken.documents.PICTURE_NODE_LIMIT` nodes (a national file), a sentence says so instead.
            ``False`` leaves it out.

    Raises:
        UnknownNameError: *audience* is neither ``"public"`` nor a party of the agreement, or *format* or *lang*
            is not one of the above.
    """
    if format not in ("markdown", "html"):
        raise UnknownNameError("report format", format, ("markdown", "html"))
    if lang not in ("nl", "en"):
        raise UnknownNameError("language", lang, ("nl", "en"))
    blocks = report_blocks(
        agreement, as_of=as_of, audience=audience, lang=lang, config=config, draw_charts=charts, picture=picture
    )
    title = f"{capital(term('report', lang))}: {agreement.title}"
    written = Document(title=title, lang=lang, blocks=tuple(blocks), look="report")
    return written.to_html() if format == "html" else written.to_markdown()
