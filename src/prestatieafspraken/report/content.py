"""What a report says, as blocks: title, findings, progress tables and charts; for a view also what it withholds.

With an audience the report also gives the collective totals.

Everything comes from the agreement as the audience may see it (`prestatieafspraken.views.view_for`): the check
runs on the view, progress is computed on the view, and the charts draw the view's figures, so a report for an
audience never holds a value it may not see.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import pendulum

from prestatieafspraken._progress import (
    CommitmentProgress,
    ProgressReport,
    TargetProgress,
    Thresholds,
    progress,
)
from prestatieafspraken.model import Aggregation, Agreement, Indicator, ProgressStatus
from prestatieafspraken.report import charts
from prestatieafspraken.report.document import Block, Chart, Heading, Paragraph, Table
from prestatieafspraken.report.findings import findings_blocks
from prestatieafspraken.report.labels import Language, label, number
from prestatieafspraken.rules import CheckConfig, Report, check
from prestatieafspraken.views import PUBLIC, View, view_for
from prestatieafspraken.vocabulary import language

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
    withheld = view.withheld_commitments if view is not None else frozenset()
    blocks += _progress(shown, findings.as_of, lang, config=config, withheld=withheld, draw_charts=draw_charts)
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
    note = label("view_findings", lang) if view is not None and view.withheld_commitments else None
    return findings_blocks(report, language(lang), note=note)


def _thresholds(config: CheckConfig | None) -> Thresholds | None:
    """The R thresholds of the configuration (the parameters PA307 reads), else the defaults."""
    if config is None:
        return None
    chosen = {
        name: float(config.params[key])
        for name, key in (("on_track", "on_track_threshold"), ("needs_acceleration", "needs_acceleration_threshold"))
        if key in config.params
    }
    return Thresholds(**chosen) if chosen else None


def _progress(
    agreement: Agreement,
    as_of: pendulum.Date,
    lang: Language,
    *,
    config: CheckConfig | None,
    withheld: frozenset[str],
    draw_charts: bool,
) -> list[Block]:
    report = progress(agreement, as_of=as_of, thresholds=_thresholds(config))
    blocks: list[Block] = [Heading(level=2, text=label("progress", lang))]
    if not report.targets and not report.commitments:
        blocks.append(Paragraph(text=label("no_progress", lang)))
        return blocks
    blocks.append(Paragraph(text=label("r_explained", lang)))
    indicators = agreement.index.indicators
    if report.targets:
        blocks += [Heading(level=3, text=label("targets", lang)), _target_table(report.targets, indicators, lang)]
    if report.commitments:
        blocks += [
            Heading(level=3, text=label("commitments", lang)),
            _commitment_table(report.commitments, withheld, lang),
        ]
    if draw_charts:
        blocks += _charts(agreement, report, lang)
    return blocks


def _status(status: ProgressStatus, lang: Language) -> str:
    return label(f"status_{status.value}", lang)


def _assessment(record: TargetProgress | CommitmentProgress, lang: Language) -> str:
    assessment = record.assessment
    if assessment is None:
        return ""
    return f"{_status(assessment.status, lang)} ({assessment.by}, {assessment.date.isoformat()}): {assessment.reason}"


def _outcome(record: CommitmentProgress, lang: Language) -> str:
    """How a commitment was kept, by its latest approved outcome, with the year and the explanation."""
    figure = record.outcome_figure
    if figure is None or figure.outcome is None:
        return ""
    said = f"{label(f'outcome_{figure.outcome.value}', lang)} ({figure.year})"
    return f"{said}: {figure.explanation}" if figure.explanation else said


def _ratio(value: float | None, lang: Language) -> str:
    return "" if value is None else number(value, lang)


def _target_rows(record: TargetProgress, name: str, indicator: str, lang: Language) -> tuple[str, ...]:
    return (
        name,
        indicator,
        "" if record.year is None else str(record.year),
        number(record.start, lang),
        number(record.expected, lang),
        number(record.realised, lang),
        number(record.reach, lang),
        _ratio(record.ratio, lang),
        _status(record.status, lang),
        _assessment(record, lang),
    )


def _target_table(records: Sequence[TargetProgress], indicators: Mapping[str, Indicator], lang: Language) -> Table:
    rows: list[tuple[str, ...]] = []
    for record in records:
        indicator = indicators.get(record.target.indicator)
        shown = indicator.label if indicator is not None else record.target.indicator
        rows.append(_target_rows(record, record.id, shown, lang))
        rows.extend(
            _target_rows(part, f"{record.id} › {part.party or part.area or ''}", shown, lang) for part in record.parts
        )
    return Table(
        columns=tuple(
            label(key, lang)
            for key in (
                "target",
                "indicator",
                "year",
                "start",
                "expected",
                "realised",
                "reach",
                "r",
                "status",
                "manual",
            )
        ),
        rows=tuple(rows),
        code=frozenset({0}),
        numeric=frozenset({3, 4, 5, 6, 7}),
    )


def _commitment_table(records: Sequence[CommitmentProgress], withheld: frozenset[str], lang: Language) -> Table:
    rows: list[tuple[str, ...]] = []
    for record in records:
        commitment = record.commitment
        hidden = commitment.id in withheld
        rows.append(
            (
                commitment.id,
                ", ".join(commitment.by),
                commitment.indicator or "",
                record.judged_from.isoformat(),
                number(record.expected, lang),
                number(record.realised, lang),
                _ratio(record.ratio, lang),
                label("status_withheld", lang) if hidden else _status(record.status, lang),
                "" if hidden else _outcome(record, lang),
                _assessment(record, lang),
            )
        )
    return Table(
        columns=tuple(
            label(key, lang)
            for key in (
                "commitment",
                "by",
                "indicator",
                "judged_from",
                "expected",
                "realised",
                "r",
                "status",
                "outcome",
                "manual",
            )
        ),
        rows=tuple(rows),
        code=frozenset({0, 1, 2}),
        numeric=frozenset({4, 5, 6}),
    )


# --- charts ---------------------------------------------------------------------------------------------------


def _realised_series(record: TargetProgress, as_of: pendulum.Date) -> list[tuple[int, float]]:
    """The realised value per year of a target: its progress record's own series (`prestatieafspraken.figures`)."""
    aggregation = record.aggregation
    if aggregation is None:
        return []
    series = record.series
    last = min(record.by, as_of.year)
    if aggregation is Aggregation.FLOW:
        points: list[tuple[int, float]] = []
        running: float = 0
        for year in range(record.first_year, last + 1):
            if year in series:
                running += series[year].value
                points.append((year, running))
        return [(record.first_year - 1, 0), *points] if points else []
    return [(year, series[year].value) for year in sorted(series) if record.first_year - 1 <= year <= last]


def _chart_data(
    agreement: Agreement, record: TargetProgress, as_of: pendulum.Date, lang: Language
) -> charts.ChartData | None:
    if record.start is None or record.reach is None:
        return None
    indicator = agreement.index.indicators.get(record.target.indicator)
    return charts.ChartData(
        title=label("chart_title", lang).format(target=record.id),
        unit=indicator.unit if indicator is not None else "",
        expected=((record.first_year - 1, record.start), (record.by, record.reach)),
        realised=tuple(_realised_series(record, as_of)),
        expected_label=label("expected_path", lang),
        realised_label=label("realised_values", lang),
    )


def _chart(data: charts.ChartData, lang: Language) -> Block | None:
    """The chart of one target; ``None`` when it has no point to draw."""
    if not charts.drawable(data.expected) and not charts.drawable(data.realised):
        return None
    try:
        return Chart(title=data.title, svg=charts.svg_chart(data))
    except (ValueError, OverflowError):  # figures matplotlib cannot lay out: the report goes on without the chart
        return Paragraph(text=label("chart_failed", lang).format(title=data.title))


def _charts(agreement: Agreement, report: ProgressReport, lang: Language) -> list[Block]:
    blocks: list[Block] = [Heading(level=3, text=label("charts", lang))]
    if not charts.charts_available():
        blocks.append(Paragraph(text=label("no_charts", lang)))
        return blocks
    drawn = [
        chart
        for record in report.targets
        if (data := _chart_data(agreement, record, report.as_of, lang)) is not None
        and (chart := _chart(data, lang)) is not None
    ]
    blocks.extend(drawn or [Paragraph(text=label("no_chart_data", lang))])
    return blocks


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
                label(key, lang)
                for key in ("indicator", "year", "area", "basis", "total", "figures", "hidden", "parties")
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
