"""The report's details, per theme: the targets with their parts, the targets year by year, and the commitments.

Each theme is one section (a collapsible ``<details>`` in HTML, open when the report is small). The year-on-year
table gives per target the expected path and the realised value of every year, with a sparkline of the two
(`prestatieafspraken.report.charts`), and the figures not yet approved on a line of their own. Commitments show
who carries them out, what was expected and realised, their traffic light, their outcome (how an effort commitment
was kept, with its explanation) and the explanation red and orange need.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Final

from prestatieafspraken import vocabulary
from prestatieafspraken._progress import CommitmentProgress, ProgressReport, TargetProgress
from prestatieafspraken.documents._blocks import Block, Cell, Colour, Heading, Paragraph, Picture, Section, Table
from prestatieafspraken.documents._names import Names
from prestatieafspraken.documents._words import capital, rounded, says
from prestatieafspraken.model import Aggregation, MandateRole, Number, Realisation
from prestatieafspraken.report import charts
from prestatieafspraken.report.lights import (
    COLOUR_TERMS,
    COLOURS,
    assessment_text,
    colour,
    joined,
    light,
    missing,
    outcome_text,
)
from prestatieafspraken.report.summary import OPEN_UP_TO, part_reference, theme_order
from prestatieafspraken.vocabulary import Language, term

__all__ = ["MAX_YEARS", "details_blocks", "expected_path", "pending_text", "realised_path", "without_empty"]

#: The most years a year-on-year table shows: those nearest the as-of date.
MAX_YEARS: Final = 25


def _ratio(value: float | None, lang: Language) -> str:
    return "" if value is None else rounded(value, lang)


def _explanation(record: TargetProgress | CommitmentProgress, names: Names) -> str:
    """The table's explanation: the manual assessment, and "toelichting ontbreekt" for red or orange without one."""
    shown = assessment_text(record, names)
    if missing(record):
        return joined([says("explanation_missing", names.lang), shown])
    return shown


def pending_text(figures: Sequence[Realisation], lang: Language, *, year: bool) -> str:
    """Figures not yet approved: one as its value and status ("96 (ingediend)"), several as counts per status."""
    if not figures:
        return ""
    if len(figures) == 1:
        (figure,) = figures
        status = vocabulary.label(figure.status, lang)
        value = rounded(figure.value, lang) if figure.value is not None else ""
        said = f"{status}, {figure.year}" if year else status
        return f"{value} ({said})".strip()
    statuses = Counter(figure.status for figure in figures)
    how = ", ".join(f"{count} {vocabulary.label(status, lang)}" for status, count in statuses.items())
    return says("figure_count", lang, count=len(figures), how=how)


def without_empty(table: Table, optional: frozenset[int]) -> Table:
    """*table* without those of its *optional* columns that are empty in every row (no outcome, nothing pending)."""
    dropped = {i for i in optional if all(row[i] == "" for row in table.rows)}
    if not dropped:
        return table
    kept = [i for i in range(len(table.columns)) if i not in dropped]
    moved = {old: new for new, old in enumerate(kept)}
    return Table(
        columns=tuple(table.columns[i] for i in kept),
        rows=tuple(tuple(row[i] for i in kept) for row in table.rows),
        reference=frozenset(moved[i] for i in table.reference if i in moved),
        numeric=frozenset(moved[i] for i in table.numeric if i in moved),
    )


# --- targets ------------------------------------------------------------------------------------------------------


def _target_row(record: TargetProgress, shown: str, names: Names) -> tuple[Cell, ...]:
    lang = names.lang
    return (
        shown,
        "" if record.year is None else str(record.year),
        rounded(record.start, lang),
        rounded(record.expected, lang),
        rounded(record.realised, lang),
        rounded(record.reach, lang),
        _ratio(record.ratio, lang),
        light(record.status, lang),
        _explanation(record, names),
        part_reference(record),
    )


def _target_table(records: Sequence[TargetProgress], names: Names) -> Table:
    lang = names.lang
    rows: list[tuple[Cell, ...]] = []
    for record in records:
        rows.append(_target_row(record, names.target(record), names))
        rows.extend(_target_row(part, names.part(part), names) for part in record.parts)
    words = ("target", "year", "start", "expected", "realised", "reach")
    table = Table(
        columns=(
            *(capital(term(word, lang)) for word in words),
            says("r", lang),
            capital(term("status", lang)),
            capital(term("explanation", lang)),
            capital(term("reference", lang)),
        ),
        rows=tuple(rows),
        reference=frozenset({9}),
        numeric=frozenset({2, 3, 4, 5, 6}),
    )
    return without_empty(table, frozenset({8}))


def expected_path(record: TargetProgress, year: int) -> Number | None:
    """The expected value at the end of *year*: on the line from the start (end of ``from − 1``) to the reach."""
    start, reach = record.start, record.reach
    if start is None or reach is None or not record.first_year - 1 <= year <= record.by:
        return None
    span = record.by - record.first_year + 1
    elapsed = year - record.first_year + 1
    if elapsed in (0, span):
        return start if elapsed == 0 else reach
    try:
        return start + (reach - start) * elapsed / span
    except OverflowError:  # whole numbers too large for a float: no path to show
        return None


def realised_path(record: TargetProgress, last: int) -> dict[int, Number]:
    """The realised value per year up to *last*: a flow's running total from ``from``, else the year's level."""
    series = record.series
    if record.aggregation is Aggregation.FLOW:
        path: dict[int, Number] = {}
        running: Number = 0
        for year in range(record.first_year, min(record.by, last) + 1):
            if year in series:
                running += series[year].value
                path[year] = running
        return path
    return {year: series[year].value for year in sorted(series) if year <= last}


def _sparkline(record: TargetProgress, realised: dict[int, Number], shown: str, lang: Language) -> Cell:
    start, reach = record.start, record.reach
    expected = ((record.first_year - 1, start), (record.by, reach)) if start is not None and reach is not None else ()
    points = sorted(realised.items())
    if record.aggregation is Aggregation.FLOW and points:
        points = [(record.first_year - 1, 0), *points]
    said = [f"{term('expected', lang)} {rounded(reach, lang)} ({record.by})"] if reach is not None else []
    if points:
        said.append(f"{term('realised', lang)} {rounded(points[-1][1], lang)} ({points[-1][0]})")
    title = f"{shown}: {', '.join(said)}"
    svg = charts.sparkline(charts.Sparkline(title=title, expected=_floats(expected), realised=_floats(points)))
    return Picture(title=title, svg=svg) if svg is not None else ""


def _floats(points: Iterable[tuple[int, Number | None]]) -> tuple[tuple[int, float], ...]:
    """Points as floats; a value too large for a float is left out (the chart draws what it can)."""
    kept: list[tuple[int, float]] = []
    for year, value in points:
        if value is None:
            continue
        try:
            kept.append((year, float(value)))
        except OverflowError:
            continue
    return tuple(kept)


def _years(records: Sequence[TargetProgress], as_of_year: int) -> list[int]:
    """The years of a theme's year-on-year table: from the first ``from − 1`` to the last ``by``, at most 25."""
    first = min(record.first_year - 1 for record in records)
    last = max(record.by for record in records)
    if last - first + 1 > MAX_YEARS:
        first = max(first, min(as_of_year - MAX_YEARS // 2, last - MAX_YEARS + 1))
        last = first + MAX_YEARS - 1
    return list(range(first, last + 1))


def _year_table(records: Sequence[TargetProgress], names: Names, as_of_year: int, *, draw: bool) -> Table:
    lang = names.lang
    years = _years(records, as_of_year)
    rows: list[tuple[Cell, ...]] = []
    for record in records:
        shown = names.target(record)
        realised = realised_path(record, as_of_year)
        picture = _sparkline(record, realised, shown, lang) if draw else ""
        rows.append(
            (shown, picture, term("expected", lang), *(rounded(expected_path(record, year), lang) for year in years))
        )
        rows.append(("", "", term("realised", lang), *(rounded(realised.get(year), lang) for year in years)))
        pending: defaultdict[int, list[Realisation]] = defaultdict(list)
        for figure in record.pending:
            pending[figure.year].append(figure)
        if any(year in pending for year in years):
            cells = (pending_text(pending.get(year, ()), lang, year=False) for year in years)
            rows.append(("", "", term("pending", lang), *cells))
    leading: tuple[Cell, ...] = (capital(term("target", lang)), says("trend", lang), says("row", lang))
    table = Table(
        columns=(*leading, *(str(year) for year in years)),
        rows=tuple(rows),
        numeric=frozenset(range(3, 3 + len(years))),
    )
    return without_empty(table, frozenset({1}))  # no charts drawn: no column for them


# --- commitments --------------------------------------------------------------------------------------------------


def _commitment_row(record: CommitmentProgress, names: Names, withheld: frozenset[str]) -> tuple[Cell, ...]:
    lang = names.lang
    commitment = record.commitment
    hidden = commitment.id in withheld
    return (
        says("withheld_value", lang) if hidden else names.commitment(commitment),
        names.parties(commitment.by),
        names.indicator(commitment.indicator),
        record.judged_from.isoformat(),
        rounded(record.expected, lang),
        rounded(record.realised, lang),
        pending_text(record.pending, lang, year=True),
        _ratio(record.ratio, lang),
        says("withheld_value", lang) if hidden else light(record.status, lang),
        "" if hidden else outcome_text(record, lang),
        _explanation(record, names),
        commitment.id,
    )


def _commitment_table(records: Sequence[CommitmentProgress], names: Names, withheld: frozenset[str]) -> Table:
    lang = names.lang
    columns: list[Cell] = [
        capital(term("commitment", lang)),
        capital(vocabulary.label(MandateRole.EXECUTOR, lang)),
        *(capital(term(word, lang)) for word in ("indicator", "judged_from", "expected", "realised", "pending")),
        says("r", lang),
        *(capital(term(word, lang)) for word in ("status", "outcome", "explanation", "reference")),
    ]
    table = Table(
        columns=tuple(columns),
        rows=tuple(_commitment_row(record, names, withheld) for record in records),
        reference=frozenset({11}),
        numeric=frozenset({4, 5, 7}),
    )
    return without_empty(table, frozenset({6, 9, 10}))


# --- per theme ----------------------------------------------------------------------------------------------------


def _title(key: str | None, targets: int, commitments: int, colours: Counter[Colour], names: Names) -> str:
    lang = names.lang
    kinds = ", ".join(
        f"{count} {term(kind, lang, plural=count != 1)}"
        for kind, count in (("target", targets), ("commitment", commitments))
        if count
    )
    lights = ", ".join(f"{colours[chosen]} {term(COLOUR_TERMS[chosen], lang)}" for chosen in COLOURS if colours[chosen])
    return f"{names.theme(key)}: {kinds} ({lights})"


def details_blocks(report: ProgressReport, names: Names, *, withheld: frozenset[str], draw_charts: bool) -> list[Block]:
    """Per theme a section with its targets, their year-on-year table and its commitments."""
    lang = names.lang
    targets: defaultdict[str | None, list[TargetProgress]] = defaultdict(list)
    commitments: defaultdict[str | None, list[CommitmentProgress]] = defaultdict(list)
    for record in report.targets:
        targets[record.target.theme].append(record)
    for commitment_record in report.commitments:
        commitments[names.commitment_theme(commitment_record.commitment)].append(commitment_record)
    blocks: list[Block] = [
        Heading(level=2, text=says("details", lang)),
        Paragraph(text=says("r_explained", lang)),
    ]
    rows = len(report.targets) + len(report.commitments)
    for key in theme_order(names, [*targets, *(key for key in commitments if key not in targets)]):
        theme_targets, theme_commitments = targets.get(key, []), commitments.get(key, [])
        colours = Counter(colour(record.status) for record in theme_targets)
        colours.update(colour(record.status) for record in theme_commitments)
        inner: list[Block] = []
        if theme_targets:
            inner += [
                Heading(level=4, text=capital(term("target", lang, plural=True))),
                _target_table(theme_targets, names),
                Heading(level=4, text=says("per_year", lang)),
                Paragraph(text=says("per_year_explained", lang)),
                _year_table(theme_targets, names, report.as_of.year, draw=draw_charts),
            ]
        if theme_commitments:
            inner += [
                Heading(level=4, text=capital(term("commitment", lang, plural=True))),
                _commitment_table(theme_commitments, names, withheld),
            ]
        title = _title(key, len(theme_targets), len(theme_commitments), colours, names)
        blocks.append(Section(level=3, title=title, blocks=tuple(inner), open=rows <= OPEN_UP_TO))
    return blocks
