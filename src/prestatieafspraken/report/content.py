"""What a report says, as blocks: the title, the findings, the progress tables, the charts, and for a view what
it withholds and the collective totals it may give.

Everything comes from the agreement as the audience may see it (`prestatieafspraken.views.view_for`): the check
runs on the view, progress is computed on the view, and the charts draw the view's figures, so a report for an
audience never holds a value it may not see.
"""

from __future__ import annotations

import datetime as dt

import pendulum

from prestatieafspraken.model import Agreement
from prestatieafspraken.report import charts
from prestatieafspraken.report.document import Block, Chart, Heading, Paragraph, Table
from prestatieafspraken.report.labels import Language, label, number
from prestatieafspraken.rules import CheckConfig, Report, check
from prestatieafspraken.views import PUBLIC, View, view_for

__all__ = ["report_blocks"]


def report_blocks(
    agreement: Agreement,
    *,
    as_of: dt.date | None,
    audience: str | None,
    lang: Language,
    config: CheckConfig | None,
    draw_charts: bool,
) -> list[Block]:
    """The blocks of the report of *agreement* (for *audience*, when given)."""
    view = view_for(agreement, audience) if audience is not None else None
    shown = view.agreement if view is not None else agreement
    findings = view.check(as_of=as_of, config=config) if view is not None else check(shown, as_of=as_of, config=config)
    blocks: list[Block] = [
        Heading(level=1, text=f"{label('report', lang)}: {agreement.title}"),
        Paragraph(text=_introduction(agreement, findings.as_of, audience, lang)),
    ]
    blocks += _findings(findings, view, lang)
    blocks += _progress(shown, findings.as_of, lang, draw_charts=draw_charts)
    if view is not None:
        blocks += _withheld(view, lang)
        blocks += _totals(view, lang)
    return blocks


def _introduction(agreement: Agreement, as_of: pendulum.Date, audience: str | None, lang: Language) -> str:
    parts = [
        f"{label('agreement', lang)}: {agreement.id}",
        f"{label('as_of', lang)}: {as_of.isoformat()}",
    ]
    if audience is None:
        parts.append(label("everything", lang))
    else:
        who = label("public", lang) if audience == PUBLIC else audience
        parts.append(f"{label('audience', lang)}: {who}")
    return ". ".join(part.rstrip(".") for part in parts) + "."


def _findings(report: Report, view: View | None, lang: Language) -> list[Block]:
    blocks: list[Block] = [Heading(level=2, text=label("findings", lang)), Paragraph(text=report.summary(lang))]
    if view is not None and view.withheld_commitments:
        blocks.append(Paragraph(text=label("view_findings", lang)))
    if report.findings:
        blocks.append(
            Table(
                columns=tuple(label(key, lang) for key in ("code", "severity", "path", "finding", "source")),
                rows=tuple(
                    (finding.code, finding.severity.value, finding.path, finding.message(lang), finding.source)
                    for finding in report.findings
                ),
                code=frozenset({0, 2}),
            )
        )
    return blocks


def _progress(agreement: Agreement, as_of: pendulum.Date, lang: Language, *, draw_charts: bool) -> list[Block]:
    # Filled in from prestatieafspraken.progress.
    del agreement, as_of, draw_charts
    return [Heading(level=2, text=label("progress", lang))]


def _withheld(view: View, lang: Language) -> list[Block]:
    blocks: list[Block] = [Heading(level=2, text=label("withheld", lang))]
    if not view.withheld:
        blocks.append(Paragraph(text=label("withheld_none", lang)))
        return blocks
    blocks.append(
        Table(
            columns=tuple(label(key, lang) for key in ("kind", "ref", "what", "why")),
            rows=tuple(
                (label(f"kind_{marker.kind}", lang), marker.ref, marker.what(lang), marker.why(lang))
                for marker in view.withheld
            ),
            code=frozenset({1}),
        )
    )
    return blocks


def _totals(view: View, lang: Language) -> list[Block]:
    blocks: list[Block] = [
        Heading(level=2, text=label("totals", lang)),
        Paragraph(text=label("totals_explained", lang)),
    ]
    if not view.collective_totals:
        blocks.append(Paragraph(text=label("totals_none", lang)))
        return blocks
    blocks.append(
        Table(
            columns=tuple(
                label(key, lang) for key in ("indicator", "year", "area", "basis", "total", "figures", "hidden", "parties")
            ),
            rows=tuple(
                (
                    total.indicator,
                    str(total.year),
                    total.area or "",
                    label(f"basis_{total.basis}", lang),
                    number(total.value, lang),
                    str(total.figures),
                    str(total.hidden),
                    ", ".join(total.parties),
                )
                for total in view.collective_totals
            ),
            code=frozenset({0, 2}),
            numeric=frozenset({4, 5, 6}),
        )
    )
    return blocks


__all__ += ["Chart", "charts"]  # used once progress is drawn
