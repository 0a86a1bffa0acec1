"""Reading filled-in rows of the realisations template into figures, with every problem noted at its cell.

Checked, per row that has an input cell filled in (value, reported on, status, outcome or explanation):

- the kind, id, year and status are required, and a value; a commitment may have an outcome (uitkomst) instead
  of a value, a target or an indicator never has one (its figure is a number, not how it was kept);
- what the figure is about must exist (a commitment, target or indicator of the agreement), and so must its area,
  its party and the parties it is visible to;
- the year must be one the agreement takes figures for (PA308, `prestatieafspraken.figures.FigureYears`);
- the value is a number (a number cell; a text is refused, also when it looks like a number), the year a whole
  number, the date a date, the status, outcome and visibility words of the vocabulary, in Dutch or English.
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

import attrs
import pendulum

from prestatieafspraken._problem_words import Said
from prestatieafspraken.errors import Problem
from prestatieafspraken.figures import FigureYears
from prestatieafspraken.model import Agreement, Outcome, Realisation, RealisationStatus, Visibility
from prestatieafspraken.tabular.book import check_cell
from prestatieafspraken.tabular.cells import CellError, Kind, Raw, read_cell
from prestatieafspraken.tabular.conventions import COMMA, Conventions, parse_date, parse_number
from prestatieafspraken.tabular.csvfiles import unneutralised
from prestatieafspraken.tabular.realisations.columns import (
    REQUIRED,
    TEMPLATE_COLUMNS,
    choices,
    column,
    column_key,
    parse_kind,
)
from prestatieafspraken.vocabulary import parse_label

__all__ = ["Cell", "Checker", "Figure", "Row", "Values", "filled_rows", "headings"]

_E = TypeVar("_E", bound=enum.Enum)


@attrs.frozen
class Cell:
    """One cell of a filled-in row: its place (for a message) and what it holds."""

    ref: str
    raw: Raw | str | None
    """A workbook's raw cell, a CSV field, or ``None`` when the column is not there."""

    @property
    def empty(self) -> bool:
        """Whether nothing is filled in."""
        if isinstance(self.raw, Raw):
            return self.raw.value is None
        return self.raw is None or not self.raw.strip()


class Values:
    """How one kind of file gives typed values: a workbook's typed cells, or a CSV file's texts in its conventions."""

    def __init__(self, conventions: Conventions = COMMA) -> None:
        self.conventions = conventions

    def read(self, cell: Cell, kind: Kind) -> Any:
        """The value of a filled-in cell of *kind*.

        Raises:
            CellError: The cell holds no value of *kind*.
        """
        raw = cell.raw
        if isinstance(raw, Raw):
            check_cell(raw)
            return read_cell(raw, kind)
        text = unneutralised((raw or "").strip())
        if kind in ("int", "number"):
            number = parse_number(text, self.conventions)
            if kind == "int" and type(number) is not int:
                raise CellError.of("cell_expected_whole", got=text)
            return number
        if kind == "date":
            return parse_date(text)
        if kind == "texts":
            return read_cell(Raw(text, "s"), "texts")
        return text


@attrs.frozen(kw_only=True)
class Row:
    """A row that was filled in, with the place of each of its cells."""

    cells: Mapping[str, Cell]
    row_ref: str


@attrs.frozen(kw_only=True)
class Figure:
    """A figure read from a row, and the row (whose cells name the place of a problem when it is merged)."""

    realisation: Realisation
    row: Row


def suggest(text: str, known: Iterable[str]) -> Said:
    """`` (did you mean 'x'?)`` for the closest of *known*, or nothing."""
    close = difflib.get_close_matches(text, list(known), n=1)
    return Said.of("suggestion", close=close[0]) if close else Said.of("no_suggestion")


def _names(key: str) -> str:
    found = column(key)
    return found.nl if found.nl == found.en else f"{found.nl} / {found.en}"


class Checker:
    """Turns filled-in rows into figures, noting every problem at its cell."""

    def __init__(self, agreement: Agreement, values: Values) -> None:
        self.agreement = agreement
        self.values = values
        self.years = FigureYears(agreement)
        self.problems: list[Problem] = []
        self.order: dict[str, tuple[int, int]] = {}
        """The (row, column) of each cell and row reference, to list the problems top to bottom, left to right."""

    def cell(self, ref: str, raw: Raw | str | None, row: int, column: int) -> Cell:
        """A cell of the file, placed in the reading order."""
        self.order[ref] = (row, column)
        return Cell(ref, raw)

    def row_ref(self, ref: str, row: int) -> str:
        """A row of the file, placed in the reading order after its cells."""
        self.order[ref] = (row, 1 << 20)
        return ref

    def problem(self, ref: str, kind: str, **params: object) -> None:
        """Note a problem of *kind* at a cell or row."""
        self.problems.append(Problem.of(kind, ref, **params))

    def get(self, row: Row, key: str, kind: Kind, *, required: bool) -> tuple[bool, Any]:
        """(whether the cell is usable, its value or None)."""
        cell = row.cells.get(key)
        if cell is None or cell.empty:
            if required:
                self.problem(cell.ref if cell is not None else row.row_ref, "value_required_in", column=_names(key))
                return False, None
            return True, None
        try:
            return True, self.values.read(cell, kind)
        except CellError as error:
            self.problems.append(Problem.from_error(cell.ref, error))
            return False, None

    def word(self, row: Row, key: str, kind: type[_E], *, required: bool) -> tuple[bool, _E | None]:
        """(whether the cell is usable, the member of *kind* it names or None)."""
        ok, text = self.get(row, key, "text", required=required)
        if not ok or text is None:
            return ok, None
        found = parse_label(text, kind)
        if found is None:
            self.problem(row.cells[key].ref, "cell_expected_word", words=choices(kind), got=text)
            return False, None
        return True, found

    def kind(self, row: Row) -> tuple[bool, str | None]:
        """(whether the cell Soort is usable, what the row is about or None)."""
        ok, text = self.get(row, "kind", "text", required=True)
        if not ok or text is None:
            return ok, None
        found = parse_kind(text)
        if found is None:
            self.problem(row.cells["kind"].ref, "cell_expected_word", words=choices(None), got=text)
            return False, None
        return True, found

    def figure(self, row: Row) -> Figure | None:
        """The figure a filled-in row gives, or ``None`` after noting its problems."""
        results = [
            self.kind(row),
            self.get(row, "id", "text", required=True),
            self.get(row, "area", "text", required=False),
            self.get(row, "party", "text", required=False),
            self.get(row, "year", "int", required=True),
            self.get(row, "value", "number", required=False),
            self.get(row, "reported_on", "date", required=False),
            self.word(row, "status", RealisationStatus, required=True),
            self.word(row, "outcome", Outcome, required=False),
            self.get(row, "explanation", "text", required=False),
            self.word(row, "visibility", Visibility, required=False),
            self.get(row, "visible_to", "texts", required=False),
        ]
        ok = all(usable for usable, _ in results)
        kind, subject, area, party, year, value, reported_on, status, outcome, explanation, visibility, visible_to = (
            found for _, found in results
        )
        ok = self._value_or_outcome(row, kind, value=results[5], outcome=results[8]) and ok
        ok = self._references(row, kind, subject, (area, party, visible_to)) and ok
        if kind is not None and subject is not None and year is not None and not self.years.allows(kind, subject, year):
            perspective = self.agreement.perspective
            self.problem(
                row.cells["year"].ref, "figure_year_outside", year=year, start=perspective.start, end=perspective.end
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
            outcome=outcome,
            explanation=explanation or None,
            reported_on=pendulum.Date.fromisoformat(reported_on) if reported_on is not None else None,
            status=status,
            visibility=visibility if visibility is not None else Visibility.PUBLIC,
            visible_to=tuple(visible_to or ()),
        )
        return Figure(realisation=realisation, row=row)

    def _value_or_outcome(
        self, row: Row, kind: str | None, *, value: tuple[bool, Any], outcome: tuple[bool, Any]
    ) -> bool:
        """Whether the row has a value, or (a commitment's row only) an outcome; notes the problem if not."""
        (value_read, found_value), (outcome_read, found_outcome) = value, outcome
        if found_outcome is not None and kind not in (None, "commitment"):
            self.problem(
                row.cells["outcome"].ref,
                "outcome_of_commitment_only",
                subject=kind,
                value=_names("value"),
                outcome=_names("outcome"),
            )
            return False
        if found_value is not None or not value_read or (found_outcome is not None or not outcome_read):
            return True  # a value, an outcome, or a cell already reported as unreadable
        cell = row.cells.get("value")
        where = cell.ref if cell is not None else row.row_ref
        if kind == "commitment":
            self.problem(
                where,
                "value_or_outcome_required",
                value=_names("value"),
                outcome=_names("outcome"),
                words=choices(Outcome),
            )
        else:
            self.problem(where, "value_required_in", column=_names("value"))
        return False

    def _references(
        self,
        row: Row,
        kind: str | None,
        subject: str | None,
        places: tuple[str | None, str | None, Sequence[str] | None],
    ) -> bool:
        """Whether what the row names exists: its subject, area, party and the parties it is visible to."""
        index = self.agreement.index
        ok = True
        known: dict[str, Mapping[str, object]] = {
            "commitment": index.commitments,
            "target": index.targets,
            "indicator": index.indicators,
        }
        if kind is not None and subject is not None and subject not in known[kind]:
            self.problem(
                row.cells["id"].ref, "unknown_id", subject=kind, id=subject, suggestion=suggest(subject, known[kind])
            )
            ok = False
        area, party, visible_to = places
        for key, found, pool in (("area", area, index.areas), ("party", party, index.parties)):
            if found is not None and found not in pool:
                self.problem(row.cells[key].ref, "unknown_id", subject=key, id=found, suggestion=suggest(found, pool))
                ok = False
        for party_id in visible_to or ():
            if party_id not in index.parties:
                self.problem(
                    row.cells["visible_to"].ref,
                    "unknown_id",
                    subject="party",
                    id=party_id,
                    suggestion=Said.of("no_suggestion"),
                )
                ok = False
        return ok


def headings(
    found: Sequence[tuple[str, str]], checker: Checker, header_ref: str, *, name: Said
) -> dict[int, str] | None:
    """The column key of each position, from the first row's headings: (position's ref, heading) pairs."""
    positions: dict[int, str] = {}
    seen: set[str] = set()
    for position, (ref, heading) in enumerate(found):
        if not heading.strip():
            continue
        key = column_key(heading)
        if key is None:
            known = [item.heading(lang) for item in TEMPLATE_COLUMNS for lang in ("nl", "en")]
            checker.problem(ref, "unknown_column", column=heading, suggestion=suggest(heading, known))
        elif key in seen:
            checker.problem(ref, "column_twice", column=heading)
        else:
            seen.add(key)
            positions[position] = key
    missing: list[object] = [f"{column(key).nl} ({column(key).en})" for key in REQUIRED if key not in seen]
    if "value" not in seen and "outcome" not in seen:
        value, outcome = column("value"), column("outcome")
        missing.append(
            Said.of("either_column", value=f"{value.nl} ({value.en})", outcome=f"{outcome.nl} ({outcome.en})")
        )
    if missing:
        checker.problem(header_ref, "columns_required", what=name, missing=Said.of("joined", parts=missing))
        return None
    return positions


_INPUTS = tuple(item.key for item in TEMPLATE_COLUMNS if item.role == "input")


def filled_rows(rows: Iterable[tuple[str, dict[str, Cell]]]) -> Iterator[Row]:
    """The rows with an input cell filled in, from (row reference, cells by column key) pairs."""
    for row_ref, cells in rows:
        if all(key not in cells or cells[key].empty for key in _INPUTS):
            continue  # nothing filled in: not reported (yet)
        yield Row(cells=cells, row_ref=row_ref)
