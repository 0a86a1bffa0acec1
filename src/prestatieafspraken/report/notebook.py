"""How an agreement, a check's report, a progress report and a view show in a notebook: one compact HTML table each.

Jupyter shows an object by its ``_repr_html_``; the model, the rules, progress and views keep theirs to one line
that imports this module when it is called, so they stay free of presentation. Each table is in Dutch (the
library's language), every text escaped with `html.escape`, and long lists stop after `SHOWN` rows with a line
that says how many more there are: an analyst sees what an object holds, not a wall of attrs fields.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Final

from prestatieafspraken import vocabulary
from prestatieafspraken.documents._names import Names
from prestatieafspraken.documents._words import capital, rounded, says
from prestatieafspraken.model import Agreement, ProgressStatus, theme_label
from prestatieafspraken.report.lights import COLOUR_TERMS, COLOURS, colour
from prestatieafspraken.vocabulary import Language, term

if TYPE_CHECKING:
    from prestatieafspraken._progress import ProgressReport
    from prestatieafspraken.rules import Report
    from prestatieafspraken.views import View

__all__ = ["SHOWN", "agreement_html", "findings_html", "progress_html", "view_html"]

#: The most rows a list shows in a notebook; the rest are counted in one line.
SHOWN: Final = 20

#: The most names a field lists (of the parties, the themes).
_NAMED: Final = 10
_LANG: Language = "nl"
_EMOJI = {"green": "🟢", "orange": "🟠", "red": "🔴", "grey": "⚪"}


def _e(value: object) -> str:
    return html.escape(str(value))


def _table(caption: str, columns: Sequence[str], rows: Sequence[Sequence[object]], *, total: int | None = None) -> str:
    """A table with a caption; rows beyond `SHOWN` are left out and counted in a last row."""
    head = "".join(f"<th>{_e(column)}</th>" for column in columns)
    shown = ["<tr>" + "".join(f"<td>{_e(cell)}</td>" for cell in row) + "</tr>" for row in rows[:SHOWN]]
    more = (total if total is not None else len(rows)) - min(len(rows), SHOWN)
    if more > 0:
        shown.append(f'<tr><td colspan="{len(columns)}">… {more} {_e(says("more", _LANG))}</td></tr>')
    return (
        f'<table class="prestatieafspraken"><caption>{_e(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(shown)}</tbody></table>"
    )


def _fields(caption: str, rows: Iterable[tuple[str, object]]) -> str:
    """A two-column table of a thing's fields: the field's word and its value."""
    body = "".join(f'<tr><th style="text-align:left">{_e(key)}</th><td>{_e(value)}</td></tr>' for key, value in rows)
    return f'<table class="prestatieafspraken"><caption>{_e(caption)}</caption><tbody>{body}</tbody></table>'


def _listed(names: Sequence[str]) -> str:
    """A count with the first names: "3: A, B, C"; after ten names, how many more."""
    shown = ", ".join(names[:_NAMED])
    rest = f", … {len(names) - _NAMED} {says('more', _LANG)}" if len(names) > _NAMED else ""
    return f"{len(names)}: {shown}{rest}" if names else "0"


def _agreement_rows(agreement: Agreement) -> list[tuple[str, object]]:
    lang = _LANG
    perspective = agreement.perspective
    names = Names(agreement, lang)
    themes = [names.theme(theme.id) for theme in agreement.themes]
    return [
        (says("title", lang), agreement.title),
        (says("col_scope", lang), vocabulary.label(agreement.scope, lang)),
        (capital(term("perspective", lang)), f"{perspective.start}–{perspective.end}"),
        (capital(term("party", lang, plural=True)), _listed([party.name for party in agreement.parties])),
        (capital(term("theme", lang, plural=True)), _listed(themes)),
        (capital(term("target", lang, plural=True)), rounded(len(agreement.targets), lang)),
        (capital(term("commitment", lang, plural=True)), rounded(len(agreement.commitments), lang)),
        (capital(term("realisation", lang, plural=True)), rounded(len(agreement.realisations), lang)),
    ]


def agreement_html(agreement: Agreement) -> str:
    """An agreement as a notebook shows it: its title, scale, perspective, parties, themes and counts."""
    return _fields(f"{capital(term('agreement', _LANG))} {agreement.id}", _agreement_rows(agreement))


def findings_html(report: Report) -> str:
    """A check's report as a notebook shows it: the counts per severity, then the findings."""
    lang = _LANG
    who = f" {report.agreement_id}" if report.agreement_id else ""
    caption = f"{capital(term('finding', lang, plural=True))}{who}, {report.as_of.isoformat()}: {report.summary(lang)}"
    columns = (
        says("code", lang),
        capital(term("severity", lang)),
        says("path", lang),
        capital(term("finding", lang)),
    )
    rows = [
        (finding.code, finding.severity.word(lang), finding.path, finding.message(lang))
        for finding in report.findings[:SHOWN]
    ]
    return _table(caption, columns, rows, total=len(report.findings))


def _colour_counts(counts: Mapping[ProgressStatus, int]) -> list[str]:
    per = Counter[str]()
    for status, count in counts.items():
        per[colour(status)] += count
    return [str(per[chosen]) for chosen in COLOURS]


def progress_html(report: ProgressReport) -> str:
    """A progress report as a notebook shows it: the traffic lights per theme, then the targets."""
    lang = _LANG
    columns = (
        capital(term("theme", lang)),
        says("col_kind", lang),
        *(f"{_EMOJI[chosen]} {term(COLOUR_TERMS[chosen], lang)}" for chosen in COLOURS),
    )
    rows: list[list[str]] = []
    for key, rollup in report.by_theme.items():
        theme = term("no_theme", lang) if key is None else theme_label(key, lang=lang)
        for kind, counts in (("target", rollup.targets), ("commitment", rollup.commitments)):
            if any(counts.values()):
                rows.append([theme, term(kind, lang, plural=True), *_colour_counts(counts)])
    caption = (
        f"{capital(term('report', lang))} {report.agreement_id}, {capital(term('as_of', lang))} "
        f"{report.as_of.isoformat()}: {len(report.targets)} {term('target', lang, plural=len(report.targets) != 1)}, "
        f"{len(report.commitments)} {term('commitment', lang, plural=len(report.commitments) != 1)}"
    )
    lights = _table(caption, columns, rows)
    target_columns = (
        capital(term("target", lang)),
        capital(term("year", lang)),
        capital(term("expected", lang)),
        capital(term("realised", lang)),
        says("r", lang),
        capital(term("status", lang)),
    )
    target_rows = [
        (
            record.id,
            "" if record.year is None else record.year,
            rounded(record.expected, lang),
            rounded(record.realised, lang),
            "" if record.ratio is None else rounded(record.ratio, lang),
            f"{_EMOJI[colour(record.status)]} {vocabulary.label(record.status, lang)}",
        )
        for record in report.targets[:SHOWN]
    ]
    targets = _table(capital(term("target", lang, plural=True)), target_columns, target_rows, total=len(report.targets))
    return lights + targets


def view_html(view: View) -> str:
    """A view as a notebook shows it: for whom, what it withholds, its collective totals, and the agreement."""
    lang = _LANG
    withheld = Counter(marker.kind for marker in view.withheld)
    who = says("view_public", lang) if view.audience == "public" else Names(view.agreement, lang).party(view.audience)
    rows: list[tuple[str, object]] = [
        (says("audience", lang), who),
        (
            says("hidden", lang),
            ", ".join(f"{count} {term(kind, lang, plural=count != 1)}" for kind, count in withheld.items()) or "0",
        ),
        (says("totals", lang), rounded(len(view.collective_totals), lang)),
        *_agreement_rows(view.agreement),
    ]
    return _fields(f"{capital(term('agreement', lang))} {view.agreement.id}: {says('audience', lang)} {who}", rows)
