"""What a report says, as blocks: the first page, the details per theme, the findings, and what a view withholds.

Everything comes from the agreement as the audience may see it (`prestatieafspraken.views.view_for`): the check
runs on the view, progress is computed on the view, and the charts draw the view's figures, so a report for an
audience never holds a value it may not see. Things are named by their names and texts (`Names`), with their ids in a
reference column.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

import pendulum

from prestatieafspraken._progress import Thresholds, progress
from prestatieafspraken.documents._blocks import Block, Heading, Paragraph, Section, Table
from prestatieafspraken.documents._diagram import diagram
from prestatieafspraken.documents._names import Names
from prestatieafspraken.documents._words import capital, rounded, says
from prestatieafspraken.model import Agreement
from prestatieafspraken.report.details import details_blocks
from prestatieafspraken.report.findings import findings_blocks
from prestatieafspraken.report.summary import OPEN_UP_TO, summary_blocks
from prestatieafspraken.rules import CheckConfig, Report, check
from prestatieafspraken.views import PUBLIC, View, view_for
from prestatieafspraken.vocabulary import Language, term

__all__ = ["FINDINGS_PER_RULE", "report_blocks"]

#: How many findings of one rule the report lists when the findings are many (a national file has thousands of
#: one rule); the section's title counts them all, and a sentence says where the rest are.
FINDINGS_PER_RULE: Final = 100


def report_blocks(
    agreement: Agreement,
    *,
    as_of: dt.date | None,
    audience: str | None,
    lang: Language,
    config: CheckConfig | None,
    draw_charts: bool,
    picture: bool = True,
    findings_per_rule: int | None = FINDINGS_PER_RULE,
) -> list[Block]:
    """The blocks of the report of *agreement* (for *audience*, when given): the summary first, then the details.

    The picture of who does what for whom follows the summary; it is drawn of *shown*, the agreement as the
    audience may see it.
    """
    view = view_for(agreement, audience) if audience is not None else None
    shown = view.agreement if view is not None else agreement
    findings = view.check(as_of=as_of, config=config) if view is not None else check(shown, as_of=as_of, config=config)
    names = Names(shown, lang)
    blocks: list[Block] = [
        Heading(level=1, text=f"{capital(term('report', lang))}: {agreement.title}"),
        Paragraph(text=_introduction(agreement, findings.as_of, audience, names)),
    ]
    report = progress(shown, as_of=findings.as_of, thresholds=_thresholds(config))
    if report.targets or report.commitments:
        withheld = view.withheld_commitments if view is not None else frozenset()
        blocks += summary_blocks(report, names)
        blocks += _picture(shown, lang) if picture else []
        blocks += details_blocks(report, names, withheld=withheld, draw_charts=draw_charts)
    else:
        blocks.append(Paragraph(text=says("no_progress", lang)))
        blocks += _picture(shown, lang) if picture else []
    blocks += _findings(findings, view, lang, findings_per_rule)
    if view is not None:
        blocks += _withheld(view, lang)
        blocks += _totals(view, names)
    return blocks


def _picture(shown: Agreement, lang: Language) -> list[Block]:
    """Who does what for whom, as a picture of what the audience may see, open to fold away.

    When Graphviz is missing or the graph is too large to draw, a heading and the sentence said instead.
    """
    drawn = diagram(shown, lang)
    title = says("who_does_what", lang)
    if isinstance(drawn, Paragraph):
        return [Heading(level=2, text=title), drawn]
    return [Section(level=2, title=title, blocks=(drawn,), open=True)]


def _introduction(agreement: Agreement, as_of: pendulum.Date, audience: str | None, names: Names) -> str:
    lang = names.lang
    parts = [
        f"{capital(term('agreement', lang))}: {agreement.title} ({agreement.id})",
        f"{capital(term('as_of', lang))}: {as_of.isoformat()}",
    ]
    if audience is None:
        parts.append(says("everything", lang))
    else:
        who = says("view_public", lang) if audience == PUBLIC else f"{names.party(audience)} ({audience})"
        parts.append(f"{says('audience', lang)}: {who}")
    return ". ".join(part.rstrip(".") for part in parts) + "."


def _findings(report: Report, view: View | None, lang: Language, per_rule: int | None) -> list[Block]:
    """The check's findings: as `render_findings` writes them, or, when many, one folded section per rule.

    A national file has thousands of findings of a few dozen rules; per rule the source is said once, and each
    finding keeps its place and message. Of a rule with more than *per_rule* findings the first *per_rule* are
    listed and a sentence counts the others and says that ``check`` lists them all: thousands of rows of one
    rule would make the report too large to open and no one reads them there.
    """
    note = says("view_findings", lang) if view is not None and view.withheld_commitments else None
    if len(report.findings) <= OPEN_UP_TO:
        return findings_blocks(report, lang, note=note)
    blocks = findings_blocks(report, lang, note=note, table=False)  # the findings follow per rule, not in one table
    columns = (says("path", lang), capital(term("finding", lang)))
    for code, found in report.by_code().items():
        severity = found[0].severity.word(lang)
        title = f"{code} ({severity}): {rounded(len(found), lang)} {term('finding', lang, plural=len(found) != 1)}"
        sources = "; ".join(dict.fromkeys(finding.source for finding in found if finding.source))
        listed = found if per_rule is None else found[:per_rule]
        rows = tuple((finding.path, finding.message(lang)) for finding in listed)
        inner: list[Block] = [Paragraph(text=f"{says('col_source', lang)}: {sources}")] if sources else []
        inner.append(Table(columns=columns, rows=rows, reference=frozenset({0})))
        if len(listed) < len(found):
            others = rounded(len(found) - len(listed), lang)
            inner.append(Paragraph(text=says("findings_not_listed", lang, count=others, code=code)))
        blocks.append(Section(level=3, title=title, blocks=tuple(inner)))
    return blocks


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


def _withheld(view: View, lang: Language) -> list[Block]:
    blocks: list[Block] = [Heading(level=2, text=says("withheld_heading", lang))]
    if not view.withheld:
        blocks.append(Paragraph(text=says("withheld_none", lang)))
        return blocks
    blocks.append(
        Table(
            columns=(
                says("col_kind", lang),
                capital(term("reference", lang)),
                says("col_what", lang),
                says("why", lang),
            ),
            rows=tuple(
                (term(marker.kind, lang), marker.ref, marker.what(lang), marker.why(lang)) for marker in view.withheld
            ),
            reference=frozenset({1}),
        )
    )
    return blocks


def _totals(view: View, names: Names) -> list[Block]:
    lang = names.lang
    blocks: list[Block] = [
        Heading(level=2, text=says("totals", lang)),
        Paragraph(text=says("totals_explained", lang)),
    ]
    if not view.collective_totals:
        blocks.append(Paragraph(text=says("totals_none", lang)))
        return blocks
    columns = (
        capital(term("indicator", lang)),
        capital(term("year", lang)),
        capital(term("area", lang)),
        says("col_basis", lang),
        capital(term("total", lang)),
        says("figures", lang),
        says("hidden", lang),
        capital(term("party", lang, plural=True)),
        capital(term("reference", lang)),
    )
    blocks.append(
        Table(
            columns=columns,
            rows=tuple(
                (
                    names.indicator(total.indicator),
                    str(total.year),
                    names.area(total.area) if total.area is not None else "",
                    term(total.basis, lang, plural=True),
                    rounded(total.value, lang),
                    str(total.figures),
                    str(total.hidden),
                    names.parties(total.parties),
                    total.ref,
                )
                for total in view.collective_totals
            ),
            reference=frozenset({8}),
            numeric=frozenset({4, 5, 6}),
        )
    )
    return blocks
