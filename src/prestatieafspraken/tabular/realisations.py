"""Monitoring in Excel: a template of a year's figures to fill in, and the filled-in figures merged back.

Handbook, "Monitoring en verantwoording": monitor sharply and share the figures; the analysts who gather them
work in spreadsheets. `realisations_template` writes a workbook (or CSV file) with one row per commitment of the
year and per target (with a row per part of its breakdown), pre-filled with what is known: the ids, a
description, the unit, the committed value and the figure already recorded. The analyst fills in the value, the
date it was reported and its status; `import_realisations` (or `import_realisations_csv`) reads the rows that
were filled in, checks every one of them, and returns the agreement with the new figures merged.

Checks, each reported at its cell (``Realisaties!L14``, or ``file.csv:row 14, column Waarde``), all at once, in one
`LoadError`; nothing is merged when any cell is wrong:

- a row is read when its value, reported-on date or status is filled in; then the kind, id, year, value and
  status are required;
- what the figure is about must exist (a commitment, target or indicator of the agreement), and so must its area,
  its party and the parties it is visible to;
- the year must be one the agreement takes figures for (PA308): a year of the perspective, the year before it
  (the starting level), or the baseline year of the target the figure is about;
- the value is a number (a number cell; a text is refused, also when it looks like a number), the year a whole
  number, the date a date, the status one of concept/ingediend/goedgekeurd (draft/submitted/approved).

Merging, row by row, for the same subject, year, area and party (a "place"):

- a row identical to a recorded figure adds nothing, so importing the same workbook twice changes nothing;
- a row that repeats a recorded figure's value and date with another status moves that figure's status, as
  `prestatieafspraken.model.lifecycle.REALISATION_TRANSITIONS` allows (draft -> submitted -> approved; submitted
  -> draft); any other change of status is refused;
- any other row is a new figure: it is added when it is reported later than every figure recorded for its place
  (a figure without a date counts as reported first), so a correction is a new figure that
  `prestatieafspraken.progress_report` prefers; a row that is not later is refused, as it would silently not count.
"""

from __future__ import annotations

import difflib
import io
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import attrs
import pendulum

from prestatieafspraken.errors import ExportError, LoadError, Problem
from prestatieafspraken.model import Agreement, Number, Realisation, RealisationStatus, Visibility
from prestatieafspraken.model.lifecycle import REALISATION_TRANSITIONS, TransitionError, move
from prestatieafspraken.tabular._extras import require
from prestatieafspraken.tabular.book import Book, check_cell, quote_sheet, reference
from prestatieafspraken.tabular.cells import CellError, Kind, Raw, describe, encode_list, read_cell, write_cell
from prestatieafspraken.tabular.conventions import COMMA, SEMICOLON, Conventions, parse_date, parse_number
from prestatieafspraken.tabular.csvfiles import read_table, unneutralised, write_table
from prestatieafspraken.tabular.files import write_file
from prestatieafspraken.tabular.limits import DEFAULT_LIMITS, Limits, problems_error
from prestatieafspraken.tabular.words import KIND_WORDS, STATUS_WORDS, VISIBILITY_WORDS, parse_word, word

__all__ = [
    "SHEET_NAMES",
    "TEMPLATE_COLUMNS",
    "TemplateColumn",
    "import_realisations",
    "import_realisations_csv",
    "realisations_template",
]

Role = Literal["read", "input", "info"]


@attrs.frozen
class TemplateColumn:
    """A column of the realisations template: its key, its headings in Dutch and English, and its role.

    ``read`` columns are read back; ``input`` columns are the ones the analyst fills in (a row is read when one
    of them is filled); ``info`` columns show what is known and are not read.
    """

    key: str
    nl: str
    en: str
    role: Role
    kind: Kind = "text"
    width: int = 14

    def heading(self, lang: str) -> str:
        """The heading in *lang*."""
        return self.nl if lang == "nl" else self.en


TEMPLATE_COLUMNS: tuple[TemplateColumn, ...] = (
    TemplateColumn("kind", "Soort", "Kind", "read", width=11),
    TemplateColumn("id", "Id", "Id", "read", width=26),
    TemplateColumn("description", "Omschrijving", "Description", "info", width=48),
    TemplateColumn("indicator", "Indicator", "Indicator", "info", width=20),
    TemplateColumn("unit", "Eenheid", "Unit", "info", width=12),
    TemplateColumn("area", "Gebied", "Area", "read", width=16),
    TemplateColumn("party", "Partij", "Party", "read", width=20),
    TemplateColumn("year", "Jaar", "Year", "read", "int", width=8),
    TemplateColumn("committed", "Afgesproken", "Committed", "info", "number", width=13),
    TemplateColumn("known", "Bekend cijfer", "Known figure", "info", "number", width=14),
    TemplateColumn("known_status", "Bekend: status en datum", "Known: status and date", "info", width=24),
    TemplateColumn("value", "Waarde", "Value", "input", "number", width=12),
    TemplateColumn("reported_on", "Gerapporteerd op", "Reported on", "input", "date", width=17),
    TemplateColumn("status", "Status", "Status", "input", width=13),
    TemplateColumn("visibility", "Zichtbaarheid", "Visibility", "read", width=14),
    TemplateColumn("visible_to", "Zichtbaar voor", "Visible to", "read", "texts", width=20),
    TemplateColumn("note", "Opmerking", "Note", "info", width=30),
)
_COLUMNS = {column.key: column for column in TEMPLATE_COLUMNS}
_REQUIRED = ("kind", "id", "year", "value", "status")

#: The sheet of figures in each language; either is read.
SHEET_NAMES: Mapping[str, str] = {"nl": "Realisaties", "en": "Realisations"}
_INSTRUCTIONS = {"nl": "Toelichting", "en": "Instructions"}
_WHAT = "the realisations"


# --- which years take figures (PA308) -------------------------------------------------------------------------


def _baseline_years(agreement: Agreement, kind: str, subject: str) -> set[int]:
    """The baseline years of the targets a figure is about, as PA308 reads them."""
    index = agreement.index
    if kind == "indicator":
        return {t.baseline.year for t in agreement.targets if t.indicator == subject and t.baseline is not None}
    target_id = subject if kind == "target" else getattr(index.commitments.get(subject), "target", None)
    target = index.targets.get(target_id or "")
    return {target.baseline.year} if target is not None and target.baseline is not None else set()


def _year_allowed(agreement: Agreement, year: int, baseline_years: Iterable[int]) -> bool:
    perspective = agreement.perspective
    return year in perspective or year == perspective.start - 1 or year in set(baseline_years)


# --- the template --------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _TemplateRow:
    kind: str
    id: str
    description: str | None
    indicator: str | None
    unit: str | None
    area: str | None
    party: str | None
    committed: Number | None
    visibility: Visibility = Visibility.PUBLIC
    visible_to: tuple[str, ...] = ()


def _known(agreement: Agreement, row: _TemplateRow, year: int) -> Realisation | None:
    """The figure recorded for a row's place: the latest reported (a figure without a date counts as first)."""
    area = None if row.area == _own_area(agreement, (row.kind, row.id)) else row.area
    place = ((row.kind, row.id), year, area, row.party)
    found = [figure for figure in agreement.realisations if _place(_normal(agreement, figure)) == place]
    return max(reversed(found), key=_reported, default=None)


def _reported(figure: Realisation) -> int:
    return figure.reported_on.toordinal() if figure.reported_on is not None else 0


def _template_rows(agreement: Agreement, year: int) -> list[_TemplateRow]:
    index = agreement.index
    rows: list[_TemplateRow] = []
    for commitment in agreement.commitments:
        if commitment.year not in (year, None):
            continue
        indicator = index.indicators.get(commitment.indicator or "")
        rows.append(
            _TemplateRow(
                kind="commitment",
                id=commitment.id,
                description=commitment.text or (indicator.label if indicator is not None else None),
                indicator=commitment.indicator,
                unit=indicator.unit if indicator is not None else None,
                area=commitment.area,
                party=None,
                committed=commitment.value,
                visibility=commitment.visibility,
                visible_to=commitment.visible_to,
            )
        )
    for target in agreement.targets:
        first = target.from_year if target.from_year is not None else agreement.perspective.start
        baseline = target.baseline.year if target.baseline is not None else None
        if not (first - 1 <= year <= target.by or year == baseline):
            continue
        indicator = index.indicators.get(target.indicator)
        whole = _TemplateRow(
            kind="target",
            id=target.id,
            description=indicator.label if indicator is not None else None,
            indicator=target.indicator,
            unit=indicator.unit if indicator is not None else None,
            area=target.area,
            party=None,
            committed=target.value,
        )
        rows.append(whole)
        for key, part in target.breakdown.items():
            is_party = key in index.parties and key not in index.areas  # a key naming both is an area
            area, party = (None, key) if is_party else (key, None)
            rows.append(attrs.evolve(whole, area=area, party=party, committed=part))
    return rows


def _template_values(agreement: Agreement, row: _TemplateRow, year: int, lang: str) -> dict[str, Any]:
    known = _known(agreement, row, year)
    known_status = None
    if known is not None:
        status = word(known.status.value, STATUS_WORDS, lang)
        known_status = f"{status}, {known.reported_on.isoformat()}" if known.reported_on is not None else status
    return {
        "kind": word(row.kind, KIND_WORDS, lang),
        "id": row.id,
        "description": row.description,
        "indicator": row.indicator,
        "unit": row.unit,
        "area": row.area,
        "party": row.party,
        "year": year,
        "committed": row.committed,
        "known": known.value if known is not None else None,
        "known_status": known_status,
        "value": None,
        "reported_on": None,
        "status": None,
        "visibility": word(row.visibility.value, VISIBILITY_WORDS, lang),
        "visible_to": row.visible_to,
        "note": None,
    }


def realisations_template(
    agreement: Agreement, year: int, *, path: str | os.PathLike[str], lang: str = "nl", audience: str | None = None
) -> None:
    """Write the realisations template of *year* to *path*: an Excel workbook (``.xlsx``) or a CSV file (``.csv``).

    One row per commitment of the year (and each commitment without a year) and per target whose years include
    *year* (from the year before its first year, for the starting level, and its baseline year), with a row per
    part of a target's breakdown; pre-filled with the ids, a description, the unit, the committed value and the
    figure already recorded for that place and year. The columns are `TEMPLATE_COLUMNS`, headed in *lang*
    (``"nl"``: the sheet Realisaties with Dutch headings and words; ``"en"``: Realisations). The workbook has a
    second sheet that explains how to fill it in. The CSV file is written as Dutch Excel reads it for ``"nl"``
    (semicolons, decimal commas), with commas and decimal points for ``"en"``; both UTF-8 with a byte order mark.
    Written atomically; a new file gets the permissions of the umask.

    With *audience* (``"public"`` or a party id) the template is written from `prestatieafspraken.view_for`: the
    commitments that audience may not see have no row, and the known figures are those it may see, so a template
    sent to one party carries no other party's confidential values or texts.

    Raises:
        ExportError: The agreement takes no figures for *year* (see PA308), or the suffix is not .xlsx or .csv.
        MissingExtraError: A workbook is asked for and openpyxl is not installed.
        UnknownAudienceError: *audience* is neither ``"public"`` nor a party of the agreement.
    """
    file = Path(path)
    withheld: frozenset[str] = frozenset()
    if audience is not None:
        from prestatieafspraken.views import view_for  # noqa: PLC0415 - views import the rules, slow to import

        view = view_for(agreement, audience)
        agreement, withheld = view.agreement, view.withheld_commitments
    baselines = {target.baseline.year for target in agreement.targets if target.baseline is not None}
    if not _year_allowed(agreement, year, baselines):
        perspective = agreement.perspective
        raise ExportError(
            f"the agreement takes no figures for {year}: its perspective is {perspective.start}-{perspective.end}; "
            f"figures are also taken for {perspective.start - 1} (the starting level) and a target's baseline year"
        )
    rows = [row for row in _template_rows(agreement, year) if not (row.kind == "commitment" and row.id in withheld)]
    values = [_template_values(agreement, row, year, lang) for row in rows]
    suffix = file.suffix.lower()
    if suffix == ".xlsx":
        payload = _template_workbook(agreement, year, values, lang)
    elif suffix == ".csv":
        payload = _template_csv(values, lang)
    else:
        raise ExportError(f"cannot tell what to write from the suffix of {file.name!r}: use .xlsx or .csv")
    write_file(file, payload)


def _template_csv(values: list[dict[str, Any]], lang: str) -> bytes:
    header = [column.heading(lang) for column in TEMPLATE_COLUMNS]
    rows = [[_csv_value(column.kind, row[column.key]) for column in TEMPLATE_COLUMNS] for row in values]
    return write_table([header, *rows], SEMICOLON if lang == "nl" else COMMA)


def _csv_value(kind: Kind, value: Any) -> str | Number | None:
    if value is None or value == ():
        return None
    if kind in ("int", "number"):
        number: Number = value
        return number
    if kind == "texts":
        return encode_list(value)
    return str(value)


_INSTRUCTION_LINES = {
    "nl": (
        "Realisaties {year} van {title} ({id})",
        "",
        (
            "Vul per rij het gerealiseerde cijfer in de kolom Waarde in, met de datum waarop het is gerapporteerd "
            "en de status (concept, ingediend of goedgekeurd)."
        ),
        "Rijen zonder Waarde, datum en status worden niet gelezen. De grijze kolommen tonen wat al bekend is.",
        "Een cijfer voor een ander gebied of een andere partij: voeg een rij toe met dezelfde soort en id.",
        "Een correctie van een bekend cijfer is een nieuw cijfer met een latere datum.",
        (
            "Lees het bestand in met: prestatieafspraken import-realisations AFSPRAAK.yaml DIT-BESTAND.xlsx "
            "--output NIEUW.yaml"
        ),
    ),
    "en": (
        "Realisations {year} of {title} ({id})",
        "",
        (
            "Per row, enter the realised figure in the column Value, with the date it was reported and its "
            "status (draft, submitted or approved)."
        ),
        "Rows without a value, date and status are not read. The grey columns show what is known already.",
        "A figure for another area or party: add a row with the same kind and id.",
        "A correction of a known figure is a new figure with a later date.",
        ("Read the file with: prestatieafspraken import-realisations AGREEMENT.yaml THIS-FILE.xlsx --output NEW.yaml"),
    ),
}


def _template_workbook(agreement: Agreement, year: int, values: list[dict[str, Any]], lang: str) -> bytes:
    openpyxl = require("openpyxl")
    styles = openpyxl.styles
    lang = "nl" if lang == "nl" else "en"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = SHEET_NAMES[lang]
    fills = {
        "info": styles.PatternFill("solid", fgColor="EDEDED"),
        "input": styles.PatternFill("solid", fgColor="FFF2CC"),
    }
    bold = styles.Font(bold=True)
    last = max(len(values) + 1, 2)
    for position, column in enumerate(TEMPLATE_COLUMNS, start=1):
        letter = openpyxl.utils.get_column_letter(position)
        header = sheet.cell(1, position)
        write_cell(header, "text", column.heading(lang))
        header.font = bold
        sheet.column_dimensions[letter].width = column.width
        fill = fills.get(column.role)
        for row, found in enumerate(values, start=2):
            cell = sheet.cell(row, position)
            write_cell(cell, column.kind, found[column.key])
            if fill is not None:
                cell.fill = fill
        if fill is not None:
            header.fill = fill
    choices = {"kind": KIND_WORDS, "status": STATUS_WORDS, "visibility": VISIBILITY_WORDS}
    for key, words in choices.items():
        letter = openpyxl.utils.get_column_letter(list(_COLUMNS).index(key) + 1)
        listed = ",".join(word(value, words, lang) for value in words)
        validation = openpyxl.worksheet.datavalidation.DataValidation(
            type="list", formula1=f'"{listed}"', allow_blank=True
        )
        validation.add(f"{letter}2:{letter}{max(last, 1000)}")
        sheet.add_data_validation(validation)
    sheet.freeze_panes = "C2"
    notes = workbook.create_sheet(_INSTRUCTIONS[lang])
    for row, line in enumerate(_INSTRUCTION_LINES[lang], start=1):
        text = line.format(year=year, title=agreement.title, id=agreement.id)
        if text:
            write_cell(notes.cell(row, 1), "text", text)
    notes.column_dimensions["A"].width = 120
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- reading the filled-in rows ------------------------------------------------------------------------------

_HEADINGS = {name.casefold(): column.key for column in TEMPLATE_COLUMNS for name in (column.key, column.nl, column.en)}


@attrs.frozen
class _Cell:
    """One cell of a filled-in row: its place (for a message) and what it holds."""

    ref: str
    raw: Raw | str | None
    """A workbook's raw cell, a CSV field, or ``None`` when the column is not there."""

    @property
    def empty(self) -> bool:
        if isinstance(self.raw, Raw):
            return self.raw.value is None
        return self.raw is None or not self.raw.strip()


class _Values:
    """How one kind of file gives typed values: a workbook's typed cells, or a CSV file's texts in its conventions."""

    def __init__(self, conventions: Conventions = COMMA) -> None:
        self.conventions = conventions

    def read(self, cell: _Cell, kind: Kind) -> Any:
        raw = cell.raw
        if isinstance(raw, Raw):
            check_cell(raw)
            return read_cell(raw, kind)
        text = unneutralised((raw or "").strip())
        if kind in ("int", "number"):
            number = parse_number(text, self.conventions)
            if kind == "int" and type(number) is not int:
                raise CellError(f"expected a whole number, got {describe(text)}")
            return number
        if kind == "date":
            return parse_date(text)
        if kind == "texts":
            return read_cell(Raw(text, "s"), "texts")
        return text


@attrs.frozen(kw_only=True)
class _Row:
    """A row that was filled in, with the place of each of its cells."""

    cells: Mapping[str, _Cell]
    row_ref: str


@attrs.frozen(kw_only=True)
class _Figure:
    realisation: Realisation
    row: _Row


def _suggest(text: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(text, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


class _Checker:
    """Turns filled-in rows into figures, noting every problem at its cell."""

    def __init__(self, agreement: Agreement, values: _Values) -> None:
        self.agreement = agreement
        self.values = values
        self.problems: list[Problem] = []
        self.order: dict[str, tuple[int, int]] = {}
        """The (row, column) of each cell and row reference, to list the problems top to bottom, left to right."""

    def cell(self, ref: str, raw: Raw | str | None, row: int, column: int) -> _Cell:
        """A cell of the file, placed in the reading order."""
        self.order[ref] = (row, column)
        return _Cell(ref, raw)

    def row_ref(self, ref: str, row: int) -> str:
        """A row of the file, placed in the reading order after its cells."""
        self.order[ref] = (row, 1 << 20)
        return ref

    def problem(self, ref: str, message: str) -> None:
        self.problems.append(Problem(path=ref, message=message))

    def get(self, row: _Row, key: str, kind: Kind, *, required: bool) -> tuple[bool, Any]:
        """(whether the cell is usable, its value or None)."""
        cell = row.cells.get(key)
        if cell is None or cell.empty:
            if required:
                column = _COLUMNS[key]
                names = column.nl if column.nl == column.en else f"{column.nl} / {column.en}"
                self.problem(cell.ref if cell is not None else row.row_ref, f"a value is required here ({names})")
                return False, None
            return True, None
        try:
            return True, self.values.read(cell, kind)
        except CellError as error:
            self.problem(cell.ref, str(error))
            return False, None

    def word(self, row: _Row, key: str, words: Mapping[str, str], *, required: bool) -> tuple[bool, str | None]:
        ok, text = self.get(row, key, "text", required=required)
        if not ok or text is None:
            return ok, None
        found = parse_word(text, words)
        if found is None:
            choices = ", ".join(f"{dutch} ({value})" for value, dutch in words.items())
            self.problem(row.cells[key].ref, f"expected one of {choices}; got {describe(text)}")
            return False, None
        return True, found

    def figure(self, row: _Row) -> _Figure | None:
        index = self.agreement.index
        results = [
            self.word(row, "kind", KIND_WORDS, required=True),
            self.get(row, "id", "text", required=True),
            self.get(row, "area", "text", required=False),
            self.get(row, "party", "text", required=False),
            self.get(row, "year", "int", required=True),
            self.get(row, "value", "number", required=True),
            self.get(row, "reported_on", "date", required=False),
            self.word(row, "status", STATUS_WORDS, required=True),
            self.word(row, "visibility", VISIBILITY_WORDS, required=False),
            self.get(row, "visible_to", "texts", required=False),
        ]
        ok = all(usable for usable, _ in results)
        kind, subject, area, party, year, value, reported_on, status, visibility, visible_to = (
            found for _, found in results
        )
        known: dict[str, Mapping[str, object]] = {
            "commitment": index.commitments,
            "target": index.targets,
            "indicator": index.indicators,
        }
        if kind is not None and subject is not None and subject not in known[kind]:
            self.problem(row.cells["id"].ref, f"unknown {kind} id {subject!r}{_suggest(subject, known[kind])}")
            ok = False
        for key, found, pool, what in (
            ("area", area, index.areas, "area"),
            ("party", party, index.parties, "party"),
        ):
            if found is not None and found not in pool:
                self.problem(row.cells[key].ref, f"unknown {what} id {found!r}{_suggest(found, pool)}")
                ok = False
        for party_id in visible_to or ():
            if party_id not in index.parties:
                self.problem(row.cells["visible_to"].ref, f"unknown party id {party_id!r}")
                ok = False
        if kind is not None and subject is not None and year is not None:
            baselines = _baseline_years(self.agreement, kind, subject)
            if not _year_allowed(self.agreement, year, baselines):
                perspective = self.agreement.perspective
                self.problem(
                    row.cells["year"].ref,
                    f"the year {year} lies outside the perspective {perspective.start}-{perspective.end} and is "
                    f"neither the year before it nor a baseline year of the target the figure is about (PA308)",
                )
                ok = False
        if not ok:
            return None
        realisation = Realisation(
            commitment=subject if kind == "commitment" else None,
            target=subject if kind == "target" else None,
            indicator=subject if kind == "indicator" else None,
            area=area,
            party=party,
            year=year,
            value=value,
            reported_on=pendulum.Date.fromisoformat(reported_on) if reported_on is not None else None,
            status=RealisationStatus(status),
            visibility=Visibility(visibility) if visibility is not None else Visibility.PUBLIC,
            visible_to=tuple(visible_to or ()),
        )
        return _Figure(realisation=realisation, row=row)


def _headings(
    found: Sequence[tuple[str, str]], checker: _Checker, header_ref: str, *, name: str
) -> dict[int, str] | None:
    """The column key of each position, from the first row's headings: (position's ref, heading) pairs."""
    positions: dict[int, str] = {}
    seen: set[str] = set()
    for position, (ref, heading) in enumerate(found):
        if not heading.strip():
            continue
        key = _HEADINGS.get(heading.strip().casefold())
        if key is None:
            known = [column.heading(lang) for column in TEMPLATE_COLUMNS for lang in ("nl", "en")]
            checker.problem(ref, f"unknown column {heading!r}{_suggest(heading, known)}")
        elif key in seen:
            checker.problem(ref, f"the column {heading!r} is given twice")
        else:
            seen.add(key)
            positions[position] = key
    missing = [_COLUMNS[key] for key in _REQUIRED if key not in seen]
    if missing:
        listed = ", ".join(f"{column.nl} ({column.en})" for column in missing)
        checker.problem(header_ref, f"the {name} lacks the required column(s) {listed}")
        return None
    return positions


def _filled_rows(rows: Iterable[tuple[str, dict[str, _Cell]]]) -> Iterator[_Row]:
    """The rows with an input cell filled in, from (row reference, cells by column key) pairs."""
    inputs = [key for key, column in _COLUMNS.items() if column.role == "input"]
    for row_ref, cells in rows:
        if all(key not in cells or cells[key].empty for key in inputs):
            continue  # nothing filled in: not reported (yet)
        yield _Row(cells=cells, row_ref=row_ref)


# --- merging ---------------------------------------------------------------------------------------------------


def _own_area(agreement: Agreement, subject: tuple[str, str]) -> str | None:
    kind, subject_id = subject
    owner = {"commitment": agreement.index.commitments, "target": agreement.index.targets}.get(kind, {}).get(subject_id)
    return getattr(owner, "area", None)


def _normal(agreement: Agreement, figure: Realisation) -> Realisation:
    """A figure with the area of its subject written as no area: both are the whole (as in `progress_report`)."""
    if figure.area is not None and figure.area == _own_area(agreement, figure.subject):
        return attrs.evolve(figure, area=None)
    return figure


def _place(figure: Realisation) -> tuple[object, ...]:
    return (figure.subject, figure.year, figure.area, figure.party)


def _describe_place(figure: Realisation) -> str:
    kind, subject = figure.subject
    where = "".join(f", {name} {value}" for name, value in (("area", figure.area), ("party", figure.party)) if value)
    return f"{kind} {subject}, {figure.year}{where}"


def _merge(agreement: Agreement, figures: Sequence[_Figure]) -> tuple[list[Realisation], list[Problem]]:
    merged = list(agreement.realisations)
    normal = [_normal(agreement, old) for old in merged]
    problems: list[Problem] = []
    for figure in figures:
        new = figure.realisation
        new_normal = _normal(agreement, new)
        same_place = [i for i, old in enumerate(normal) if _place(old) == _place(new_normal)]
        if any(normal[i] == new_normal for i in same_place):
            continue  # identical: not duplicated
        moved = [i for i in same_place if attrs.evolve(normal[i], status=new.status) == new_normal]
        if moved:
            i = moved[-1]
            try:
                move(REALISATION_TRANSITIONS, merged[i].status, new.status)
            except TransitionError as error:
                ref = figure.row.cells["status"].ref
                problems.append(Problem(path=ref, message=f"the recorded figure of {_describe_place(new)}: {error}"))
                continue
            merged[i] = attrs.evolve(merged[i], status=new.status)
            normal[i] = new_normal
            continue
        latest = max((merged[i] for i in same_place), key=_reported, default=None)
        if latest is not None and (new.reported_on is None or _reported(new) <= _reported(latest)):
            cell = figure.row.cells.get("reported_on")
            when = latest.reported_on.isoformat() if latest.reported_on is not None else "without a date"
            after = f" after {latest.reported_on.isoformat()}" if latest.reported_on is not None else ""
            problems.append(
                Problem(
                    path=cell.ref if cell is not None else figure.row.row_ref,
                    message=f"a figure of {_describe_place(new)} is recorded already (value {latest.value!r}, "
                    f"{latest.status.value}, reported {when}); a correction needs a later reported-on date{after}",
                )
            )
            continue
        merged.append(new)
        normal.append(new_normal)
    return merged, problems


def _finish(agreement: Agreement, checker: _Checker, rows: Iterable[_Row], source: str, limits: Limits) -> Agreement:
    """Merge the figures of *rows*, or raise every problem of their cells and of the merge at once."""
    figures = [figure for figure in map(checker.figure, rows) if figure is not None]
    merged, problems = _merge(agreement, figures)
    checker.problems.extend(problems)
    if checker.problems:
        ordered = sorted(checker.problems, key=lambda problem: checker.order.get(problem.path, (0, 0)))
        raise problems_error(ordered, limits, source=source, what=_WHAT)
    return attrs.evolve(agreement, realisations=tuple(merged))


def import_realisations(
    agreement: Agreement, workbook_path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS
) -> Agreement:
    """Return *agreement* with the figures filled in in a realisations workbook merged (see the module's rules).

    The workbook is one that `realisations_template` wrote (sheet Realisaties or Realisations), filled in; rows
    may be added, columns may be moved, and a column Opmerking (Note) is free for remarks. A value is read only
    where a person who opens the workbook sees it: a formula, or a value in a hidden sheet, row or column, is
    refused at its cell. The file is read within *limits* (`prestatieafspraken.tabular.limits.Limits`).

    Raises:
        LoadError: A cell is wrong or a figure cannot be merged: every problem at once (up to
            ``limits.max_problems``), each at its cell (``Realisaties!L14``); nothing is merged. Or the file is no
            workbook, is damaged, or exceeds a limit.
        MissingExtraError: openpyxl is not installed (``pip install "prestatieafspraken[excel]"``).
    """
    file = Path(workbook_path)
    checker = _Checker(agreement, _Values())
    with Book(file, what=_WHAT, limits=limits) as book:
        sheet = next((name for name in SHEET_NAMES.values() if name in book.sheet_names), None)
        if sheet is None:
            names = " or ".join(SHEET_NAMES.values())
            raise LoadError([Problem(path=file.name, message=f"no sheet {names}")], source=str(file), what=_WHAT)
        lines = list(book.rows(sheet))
    header = lines[0][1] if lines and lines[0][0] == 1 else []
    found = [
        (checker.cell(reference(sheet, 1, column), None, 1, column).ref, _heading(raw))
        for column, raw in enumerate(header, start=1)
    ]
    positions = _headings(found, checker, checker.row_ref(f"{quote_sheet(sheet)}!1:1", 1), name=f"sheet {sheet}")
    rows: list[tuple[str, dict[str, _Cell]]] = []
    for number, raws in lines if positions is not None else ():
        if number == 1:
            continue
        cells = {
            key: checker.cell(
                reference(sheet, number, position + 1),
                raws[position] if position < len(raws) else Raw(None),
                number,
                position + 1,
            )
            for position, key in (positions or {}).items()
        }
        rows.append((checker.row_ref(f"{quote_sheet(sheet)}!{number}:{number}", number), cells))
    return _finish(agreement, checker, _filled_rows(rows), str(file), limits)


def _heading(raw: Raw) -> str:
    try:
        return str(read_cell(raw, "text")) if raw.value is not None else ""
    except CellError:
        return str(raw.value)


def import_realisations_csv(
    agreement: Agreement, csv_path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS
) -> Agreement:
    """Return *agreement* with the figures of a realisations CSV file merged, with the checks of a workbook.

    The file has the columns of the template (its first row: the Dutch or English headings, or the keys of
    `TEMPLATE_COLUMNS`). It is read as `prestatieafspraken.tabular.csvfiles` and
    `prestatieafspraken.tabular.conventions` say: UTF-8 or Windows-1252; separated by semicolons (Dutch Excel:
    ``1.110`` is 1110, ``12,5`` is 12.5), commas (``12.5``) or tabs; dates ``2026-02-01`` or ``1-2-2026``. A
    number that could be read two ways is refused, never guessed. The file is read within *limits*.

    Raises:
        LoadError: A field is wrong or a figure cannot be merged: every problem at once (up to
            ``limits.max_problems``), each as ``file.csv:row 14, column Waarde``; nothing is merged. Or the file
            cannot be read as CSV (a quote never closed, at its line), or exceeds a limit.
    """
    file = Path(csv_path)
    name = file.name
    table = read_table(file, limits=limits, what=_WHAT)
    checker = _Checker(agreement, _Values(table.conventions))
    lines = [fields for _, fields in table.records]
    header = [heading.strip() for heading in lines[0]] if lines else []

    def ref(number: int, position: int) -> str:
        heading = header[position] if position < len(header) else ""
        return f"{name}:row {number}, column {heading or position + 1}"

    found = [
        (checker.cell(ref(1, position), None, 1, position + 1).ref, heading) for position, heading in enumerate(header)
    ]
    positions = _headings(found, checker, checker.row_ref(f"{name}:row 1", 1), name="file")
    rows: list[tuple[str, dict[str, _Cell]]] = []
    for number, fields in enumerate(lines[1:] if positions is not None else (), start=2):
        cells = {
            key: checker.cell(
                ref(number, position), fields[position] if position < len(fields) else None, number, position + 1
            )
            for position, key in (positions or {}).items()
        }
        rows.append((checker.row_ref(f"{name}:row {number}", number), cells))
    return _finish(agreement, checker, _filled_rows(rows), str(file), limits)
