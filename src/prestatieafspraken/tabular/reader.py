"""Reading an agreement's workbook back: as strict as reading YAML, every problem at its cell.

The layout is `prestatieafspraken.tabular.workbook`'s (derived in `prestatieafspraken.tabular.layout`). An unknown
sheet, column or key, a text where a number belongs, a missing required value are errors; the sheets are read into
the plain data of the format, noting where each value came from, and the converter's problems (at a ``$.path``)
are then said at their cell (``Targets!D5``), row (``Targets!5:5``, when a required column is missing) or sheet.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from prestatieafspraken._problem_words import Said
from prestatieafspraken.errors import LoadError, Problem
from prestatieafspraken.model import Agreement
from prestatieafspraken.serialization import structure
from prestatieafspraken.tabular.book import Book, check_cell, quote_sheet, reference
from prestatieafspraken.tabular.cells import CellError, Kind, Raw, read_cell
from prestatieafspraken.tabular.layout import (
    AGREEMENT_SHEET,
    KEY_HEADINGS,
    KEYS,
    LAYOUT,
    SHEETS_BY_NAME,
    Column,
    ListSheet,
    unwrap,
)
from prestatieafspraken.tabular.limits import DEFAULT_LIMITS, Limits, problems_error

__all__ = ["read_workbook"]


@attrs.frozen
class _Place:
    """Where a value of the format came from: a cell, or a row whose column is missing."""

    ref: str
    cell: bool


def _put(data: dict[str, Any], keys: Iterable[str], value: Any) -> None:
    *parents, last = keys
    for key in parents:
        data = data.setdefault(key, {})
    data[last] = value


def _make(data: dict[str, Any], keys: Iterable[str]) -> None:
    for key in keys:
        data = data.setdefault(key, {})


def _suggest(name: str, known: Iterable[str]) -> Said:
    close = difflib.get_close_matches(name, list(known), n=1)
    return Said.of("suggestion", close=close[0]) if close else Said.of("no_suggestion")


class _Reader:
    """Reads one workbook into the plain data of the format, noting every problem and where each value was."""

    def __init__(self, book: Book) -> None:
        self.book = book
        self.problems: list[Problem] = []
        self.places: dict[str, _Place] = {}
        self.data: dict[str, Any] = {}

    def problem(self, ref: str, kind: str, **params: object) -> None:
        self.problems.append(Problem.of(kind, ref, **params))

    def value(self, raw: Raw, kind: Kind, ref: str) -> tuple[bool, Any]:
        try:
            check_cell(raw)
            return True, read_cell(raw, kind)
        except CellError as error:
            self.problems.append(Problem.from_error(ref, error))
            return False, None

    def read(self) -> bool:
        """Read every sheet; return whether the Agreement sheet is there."""
        names = self.book.sheet_names
        known = [AGREEMENT_SHEET, *SHEETS_BY_NAME]
        for name in names:
            if name not in known:
                self.problem(quote_sheet(name), "book_unknown_sheet", suggestion=_suggest(name, known), known=known)
        if AGREEMENT_SHEET not in names:
            self.problem(AGREEMENT_SHEET, "book_no_agreement_sheet")
            return False
        self.read_keys()
        for layout in LAYOUT.sheets:
            if layout.name in names:
                self.read_list(layout)
        return True

    def read_keys(self) -> None:
        seen: dict[str, int] = {}
        for row, raws in self.book.rows(AGREEMENT_SHEET):
            if row == 1:
                self.check_key_headings(raws)
                continue
            for column in range(3, len(raws) + 1):
                if raws[column - 1].value is not None:
                    self.problem(reference(AGREEMENT_SHEET, row, column), "book_value_outside")
            spec = self.key(row, raws[0], seen)
            if spec is None:
                continue
            keys = spec.header.split(".")
            _make(self.data, keys[:-1])
            cell = reference(AGREEMENT_SHEET, row, 2)
            self.places["$." + spec.header] = _Place(cell, cell=True)
            raw = raws[1] if len(raws) > 1 else Raw(None)
            if raw.value is None:
                continue
            ok, value = self.value(raw, spec.kind, cell)
            if ok:
                _put(self.data, keys, value)

    def key(self, row: int, raw: Raw, seen: dict[str, int]) -> Column | None:
        """The key in column A of a row of the Agreement sheet, if it is a known key given once."""
        where = reference(AGREEMENT_SHEET, row, 1)
        if raw.value is None:
            self.problem(where, "book_value_without_key")
            return None
        ok, key = self.value(raw, "text", where)
        if not ok:
            return None
        spec = KEYS.get(key)
        if spec is None:
            shown = key or "(empty)"
            self.problem(where, "book_unknown_key", key=shown, suggestion=_suggest(key, KEYS), known=tuple(KEYS))
            return None
        if key in seen:
            self.problem(where, "book_key_twice", key=key, first=seen[key])
            return None
        seen[key] = row
        return spec

    def check_key_headings(self, raws: list[Raw]) -> None:
        for column, heading in enumerate(KEY_HEADINGS, start=1):
            found = raws[column - 1].value if column <= len(raws) else None
            if found != heading:
                self.problem(reference(AGREEMENT_SHEET, 1, column), "book_key_heading", heading=heading, found=found)

    def read_list(self, layout: ListSheet) -> None:
        columns: dict[int, Column] | None = None
        headed: set[int] = set()
        items: list[dict[str, Any]] = []
        list_path = "$." + ".".join(layout.wire)
        for row, raws in self.book.rows(layout.name):
            if columns is None:
                if row != 1:
                    self.problem(f"{quote_sheet(layout.name)}!1:1", "book_first_row_empty")
                    return
                columns = self.read_headers(layout, raws)
                headed = {column for column, raw in enumerate(raws, start=1) if raw.value is not None}
                if layout.parent is not None and all(spec.header != layout.parent[1] for spec in columns.values()):
                    self.problem(f"{quote_sheet(layout.name)}!1:1", "book_column_required", column=layout.parent[1])
                    return
                continue
            item, places = self.read_item(layout, columns, headed, row, raws)
            item_path: str | None = f"{list_path}[{len(items)}]"
            if layout.parent is None:
                items.append(item)
            else:
                item_path = self.attach(layout, item, places)
            if item_path is not None:
                self.places.update((item_path + suffix, place) for suffix, place in places.items())
        if items:
            _put(self.data, layout.wire, items)

    def read_item(
        self, layout: ListSheet, columns: dict[int, Column], headed: set[int], row: int, raws: list[Raw]
    ) -> tuple[dict[str, Any], dict[str, _Place]]:
        """One row's item, and the place of the row (key ``""``) and of each of its values (``".key"``)."""
        places: dict[str, _Place] = {"": _Place(f"{quote_sheet(layout.name)}!{row}:{row}", cell=False)}
        item: dict[str, Any] = {}
        for column, raw in enumerate(raws, start=1):
            if column not in columns and column not in headed and raw.value is not None:
                headed.add(column)  # once per column: the first value under an empty heading
                self.problem(reference(layout.name, row, column), "book_value_without_heading")
        for column, spec in columns.items():
            ref = reference(layout.name, row, column)
            places["." + spec.header] = _Place(ref, cell=True)
            raw = raws[column - 1] if column <= len(raws) else Raw(None)
            if raw.value is None:
                continue
            ok, value = self.value(raw, spec.kind, ref)
            if ok:
                _put(item, spec.header.split("."), value)
        return item, places

    def attach(self, layout: ListSheet, item: dict[str, Any], places: dict[str, _Place]) -> str | None:
        """Put an item of a list inside list items into the item its first column names; return its ``$.path``."""
        assert layout.parent is not None  # noqa: S101 - only called for such a list
        owners_sheet, header = layout.parent
        place = places.pop("." + header)
        owner_id = item.pop(header, None)
        if owner_id is None:
            self.problem(place.ref, "book_owner_required", header=header)
            return None
        owners: list[dict[str, Any]] = self.data.get(owners_sheet.wire[0], [])
        found = next((index for index, owner in enumerate(owners) if owner.get("id") == owner_id), None)
        if found is None:
            known = [str(owner.get("id")) for owner in owners]
            self.problem(
                place.ref,
                "book_no_owner",
                header=header,
                owner=owner_id,
                sheet=owners_sheet.name,
                suggestion=_suggest(owner_id, known),
            )
            return None
        inner: list[dict[str, Any]] = owners[found].setdefault(layout.wire[-1], [])
        inner.append(item)
        return f"$.{owners_sheet.wire[0]}[{found}].{layout.wire[-1]}[{len(inner) - 1}]"

    def read_headers(self, layout: ListSheet, raws: list[Raw]) -> dict[int, Column]:
        by_header = {spec.header: spec for spec in layout.columns}
        if layout.parent is not None:
            by_header = {layout.parent[1]: Column(layout.parent[1], (), "text"), **by_header}
        columns: dict[int, Column] = {}
        seen: dict[str, int] = {}
        for column, raw in enumerate(raws, start=1):
            ref = reference(layout.name, 1, column)
            if raw.value is None:
                continue
            ok, header = self.value(raw, "text", ref)
            if not ok:
                continue
            spec = by_header.get(header.strip())
            if spec is None:
                self.problem(
                    ref,
                    "book_unknown_column",
                    column=header,
                    suggestion=_suggest(header, by_header),
                    sheet=layout.name,
                    known=tuple(by_header),
                )
            elif spec.header in seen:
                self.problem(ref, "column_twice", column=spec.header)
            else:
                seen[spec.header] = column
                columns[column] = spec
        return columns


def _parent(path: str) -> str | None:
    """``$.a[0].b`` -> ``$.a[0]`` -> ``$.a`` -> ``$`` -> None."""
    if path == "$":
        return None
    cut = max(path.rfind("."), path.rfind("["))
    return path[:cut] if cut > 0 else "$"


def _record_keys(prefix: str) -> list[str]:
    return [key for key in KEYS if key.startswith(prefix + ".")]


def _placed(problem: Problem, places: Mapping[str, _Place]) -> Problem:
    """A problem of the converter (at a ``$.path``) at its cell, row or sheet, said in the workbook's terms."""
    path = problem.path
    missing = problem.kind == "missing_key"
    found: str | None = path
    while found is not None and found not in places:
        found = _parent(found)
    if found is None or found == "$":
        return _at_top(path.removeprefix("$").removeprefix("."), problem)
    place = places[found]
    rest = path[len(found) :].lstrip(".")
    if place.cell and not rest:
        return Problem.of("value_required", place.ref) if missing else _moved(problem, place.ref)
    if missing:
        sheet = place.ref.partition("!")[0]
        return Problem.of("book_column_required", f"{sheet}!1:1", column=rest)
    return Problem.of("in_field", place.ref, field=rest, said=problem) if rest else _moved(problem, place.ref)


def _moved(problem: Problem, path: str) -> Problem:
    return attrs.evolve(problem, path=path, line=None, column=None)


def _at_top(rest: str, problem: Problem) -> Problem:
    """A problem with no cell of its own: a key or list that is not in the workbook at all."""
    if problem.kind != "missing_key":
        if rest:
            return Problem.of("in_field", AGREEMENT_SHEET, field=rest, said=problem)
        return _moved(problem, AGREEMENT_SHEET)
    for layout in LAYOUT.sheets:
        if ".".join(layout.wire) == rest:
            return Problem.of("book_sheet_required", quote_sheet(layout.name))
    if rest in KEYS:
        return Problem.of("book_key_required", AGREEMENT_SHEET, key=rest)
    inside = _record_keys(rest)
    wanted = [key for key in inside if KEYS[key].attributes[-1] in _required_names(key)] or inside
    if not wanted:
        return Problem.of("book_keys_required", AGREEMENT_SHEET, keys=rest)
    return Problem.of("book_keys_required", AGREEMENT_SHEET, keys=", ".join(map(repr, wanted)))


def _required_names(key: str) -> set[str]:
    """The attribute names without a default in the record that holds *key*."""
    owner: Any = Agreement
    for name in KEYS[key].attributes[:-1]:
        owner = unwrap(attrs.fields_dict(attrs.resolve_types(owner))[name].type)
    return {field.name for field in attrs.fields(owner) if field.default is attrs.NOTHING}


def read_workbook(path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS) -> Agreement:
    """Read an agreement from an Excel workbook in the layout of `write_workbook`, within *limits*.

    A value is read only where a person who opens the workbook sees it: a formula (but ``=""``, the empty text),
    or a value in a hidden sheet, row or column, is refused at its cell.

    Raises:
        LoadError: The file cannot be opened, is damaged or exceeds a limit, or a sheet, column, key or cell is
            wrong. The error lists every problem at once (up to ``limits.max_problems``), each at its cell
            (``Targets!D5``), row (``Targets!5:5``) or sheet.
        MissingExtraError: openpyxl is not installed (``pip install "prestatieafspraken[excel]"``).
    """
    file = Path(path)
    with Book(file, what="the agreement", limits=limits) as book:
        reader = _Reader(book)
        complete = reader.read()
    problems = list(reader.problems)
    agreement: Agreement | None = None
    if complete:
        try:
            agreement = structure(reader.data, source=str(file))
        except LoadError as error:
            taken = {problem.path for problem in problems}
            for problem in error.problems:
                placed = _placed(problem, reader.places)
                if placed.path not in taken and placed not in problems:
                    problems.append(placed)
    if problems or agreement is None:
        raise problems_error(problems, limits, source=str(file), what="the agreement")
    return agreement
