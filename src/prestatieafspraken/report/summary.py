"""The report's first page: the traffic lights per theme and per party, and the explanations red and orange need.

Handbook, "Monitoring en verantwoording": "Het verschil tussen werkende en niet-werkende afspraken wordt gemaakt in
het scherpe gesprek over de voortgang"; this page is where that conversation starts. Per theme and per party it
counts the targets and commitments per colour (the counts of the progress roll-ups,
`prestatieafspraken.progress_report.ProgressReport.by_theme` and ``by_party``), and how many of the red and orange ones
lack their explanation; then every red and orange target and commitment with its explanation, or "toelichting
ontbreekt". At national size the long lists fold away per theme, so the page stays one page.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from typing import Final

from prestatieafspraken import vocabulary
from prestatieafspraken._progress import CommitmentProgress, ProgressReport, RollUp, TargetProgress
from prestatieafspraken.documents._blocks import Block, Cell, Heading, Paragraph, Section, Table
from prestatieafspraken.documents._names import Names
from prestatieafspraken.documents._words import capital, rounded, says
from prestatieafspraken.model import ProgressStatus, RealisationStatus
from prestatieafspraken.report.lights import (
    COLOURS,
    colour,
    colour_light,
    explanation,
    light,
    lights_explained,
    missing,
    needs_explanation,
)
from prestatieafspraken.vocabulary import Language, term

__all__ = ["OPEN_UP_TO", "Record", "part_reference", "summary_blocks", "theme_order"]

#: A list of at most this many rows is shown open; a longer one folds away (a collapsible section in HTML).
OPEN_UP_TO: Final = 30

Record = TargetProgress | CommitmentProgress
_Key = tuple[str | None, str]
"""A theme or party id, with the kind of record counted ("target" or "commitment")."""


def theme_order(names: Names, keys: Sequence[str | None]) -> list[str | None]:
    """Themes in the agreement's order, then the others as they occur, and records without a theme last."""
    declared = [theme.id for theme in names.agreement.themes]
    ordered = [key for key in declared if key in keys]
    ordered += [key for key in keys if key is not None and key not in ordered]
    return ordered + ([None] if None in keys else [])


def _counts_row(counts: Mapping[ProgressStatus, int], missing_count: int, lang: Language) -> tuple[str, ...]:
    per_colour = Counter[str]()
    for status, count in counts.items():
        per_colour[colour(status)] += count
    shown = (*(per_colour[chosen] for chosen in COLOURS), sum(per_colour.values()), missing_count)
    return tuple(rounded(count, lang) for count in shown)


def _count_columns(first: str, lang: Language, *, reference: bool = False) -> tuple[Cell, ...]:
    return (
        capital(first),
        says("col_kind", lang),
        *(colour_light(chosen, lang) for chosen in COLOURS),
        capital(term("total", lang)),
        capital(says("explanation_missing", lang)),
        *((capital(term("reference", lang)),) if reference else ()),
    )


def _missing_per(report: ProgressReport, names: Names) -> tuple[Counter[_Key], Counter[_Key]]:
    """Per theme and per party (with the kind of record): the red and orange records without their explanation."""
    themes: Counter[_Key] = Counter()
    parties: Counter[_Key] = Counter()
    for record in report.targets:
        if missing(record):
            themes[record.target.theme, "target"] += 1
        for part in record.parts:
            if part.party is not None and missing(part):
                parties[part.party, "target"] += 1
    for commitment_record in report.commitments:
        if missing(commitment_record):
            commitment = commitment_record.commitment
            themes[names.commitment_theme(commitment), "commitment"] += 1
            for party in dict.fromkeys(commitment.by):
                parties[party, "commitment"] += 1
    return themes, parties


def _rows(rollup: RollUp, name: str, missed: Counter[_Key], lang: Language) -> Iterator[tuple[str, ...]]:
    """A row of counts per colour for a roll-up's targets, and one for its commitments (when it has any)."""
    for kind, counts in (("target", rollup.targets), ("commitment", rollup.commitments)):
        if any(counts.values()):
            yield (name, term(kind, lang, plural=True), *_counts_row(counts, missed[rollup.key, kind], lang))


def _pending(report: ProgressReport, lang: Language) -> list[Block]:
    """One sentence on the figures not yet approved, when there are any."""
    figures = {id(figure): figure for record in report.targets for figure in record.pending}
    figures |= {id(figure): figure for record in report.targets for part in record.parts for figure in part.pending}
    figures |= {id(figure): figure for record in report.commitments for figure in record.pending}
    if not figures:
        return []
    statuses = Counter(figure.status for figure in figures.values())
    how = ", ".join(
        f"{rounded(statuses[status], lang)} {vocabulary.label(status, lang)}"
        for status in (RealisationStatus.SUBMITTED, RealisationStatus.DRAFT)
        if statuses[status]
    )
    key = "pending_one" if len(figures) == 1 else "pending_count"
    return [Paragraph(text=says(key, lang, count=rounded(len(figures), lang), how=how))]


def _fold(level: int, title: str, table: Table) -> Block:
    """A table as it is, or folded away in a section when it is long."""
    return table if len(table.rows) <= OPEN_UP_TO else Section(level=level, title=title, blocks=(table,))


def _per_theme(report: ProgressReport, names: Names, missed: Counter[_Key]) -> list[Block]:
    lang = names.lang
    keys = theme_order(names, list(report.by_theme))
    title = says("per", lang, what=term("theme", lang))
    rows = tuple(row for key in keys for row in _rows(report.by_theme[key], names.theme(key), missed, lang))
    table = Table(columns=_count_columns(term("theme", lang), lang), rows=rows, numeric=frozenset(range(2, 8)))
    return [Heading(level=3, text=title), _fold(4, title, table)]


def _per_party(report: ProgressReport, names: Names, missed: Counter[_Key]) -> list[Block]:
    lang = names.lang
    known = [party.id for party in names.agreement.parties if party.id in report.by_party]
    keys = [*known, *(key for key in report.by_party if key not in known)]
    rows = tuple((*row, key) for key in keys for row in _rows(report.by_party[key], names.party(key), missed, lang))
    title = says("per", lang, what=term("party", lang))
    columns = _count_columns(term("party", lang), lang, reference=True)
    table = Table(columns=columns, rows=rows, numeric=frozenset(range(2, 8)), reference=frozenset({8}))
    return [Heading(level=3, text=title), _fold(4, title, table)]


def _red_and_orange_records(
    report: ProgressReport, names: Names
) -> defaultdict[str | None, list[tuple[Record, str, str]]]:
    """Per theme, the red and orange records: each with what the report calls it and its reference."""
    grouped: defaultdict[str | None, list[tuple[Record, str, str]]] = defaultdict(list)
    for record in report.targets:
        shown = names.target(record)
        if needs_explanation(record.status):
            grouped[record.target.theme].append((record, shown, record.id))
        for part in record.parts:
            if needs_explanation(part.status):
                grouped[record.target.theme].append((part, f"{shown} {names.part(part)}", part_reference(part)))
    for commitment_record in report.commitments:
        if needs_explanation(commitment_record.status):
            commitment = commitment_record.commitment
            grouped[names.commitment_theme(commitment)].append(
                (commitment_record, names.commitment(commitment), commitment.id)
            )
    return grouped


def _red_and_orange(report: ProgressReport, names: Names) -> list[Block]:
    """Every red and orange target (or part) and commitment with its explanation, grouped per theme when long."""
    lang = names.lang
    grouped = _red_and_orange_records(report, names)
    blocks: list[Block] = [Heading(level=3, text=says("red_and_orange", lang))]
    if not grouped:
        return [*blocks, Paragraph(text=says("no_red_or_orange", lang))]
    columns: tuple[Cell, ...] = (
        capital(f"{term('target', lang)} / {term('commitment', lang)}"),
        capital(term("status", lang)),
        capital(term("explanation", lang)),
        capital(term("reference", lang)),
    )

    def row(item: tuple[Record, str, str]) -> tuple[Cell, ...]:
        record, shown, reference = item
        return (shown, light(record.status, lang), explanation(record, names), reference)

    keys = theme_order(names, list(grouped))
    if sum(len(items) for items in grouped.values()) <= OPEN_UP_TO:
        rows = tuple((names.theme(key), *row(item)) for key in keys for item in grouped[key])
        blocks.append(Table(columns=(capital(term("theme", lang)), *columns), rows=rows, reference=frozenset({4})))
        return blocks
    for key in keys:
        items = grouped[key]
        reds = sum(1 for record, _, _ in items if colour(record.status) == "red")
        title = f"{names.theme(key)}: {reds} {term('red', lang)}, {len(items) - reds} {term('orange', lang)}"
        table = Table(columns=columns, rows=tuple(row(item) for item in items), reference=frozenset({3}))
        blocks.append(Section(level=4, title=title, blocks=(table,)))
    return blocks


def part_reference(record: TargetProgress) -> str:
    """How the report refers to a target or to one part of its breakdown: ``t-id`` or ``t-id › part``."""
    key = record.party or record.area
    return f"{record.id} › {key}" if ".breakdown[" in record.path and key is not None else record.id


def summary_blocks(report: ProgressReport, names: Names) -> list[Block]:
    """The first page: the colours, the figures not yet approved, the lights per theme and party, red and orange."""
    lang = names.lang
    missed_themes, missed_parties = _missing_per(report, names)
    blocks: list[Block] = [
        Heading(level=2, text=capital(term("summary", lang))),
        Paragraph(text=lights_explained(lang)),
        *_pending(report, lang),
        *_per_theme(report, names, missed_themes),
    ]
    if report.by_party:
        blocks += _per_party(report, names, missed_parties)
    blocks += _red_and_orange(report, names)
    return blocks
