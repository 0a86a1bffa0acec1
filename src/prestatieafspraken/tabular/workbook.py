"""An agreement as an Excel workbook and back, lossless for file format v1 (openpyxl, the ``excel`` extra).

The layout follows the format, so that nothing in it needs a second name:

- The sheet **Agreement** holds the agreement's own keys, one per row: a column ``key`` with the format's key
  (``title``, ``perspective.start``, ``assignment.in_scope``, ``monitoring.hybrid``) and a column ``value``.
  A key of a record (``assignment.*``, ``process.*``, ``monitoring.*``) has rows only when the agreement has that
  record: the rows with an empty value say that it is there with nothing filled in; no rows say that it is not
  there. (A record's list makes it there as well: rows in Milestones make a process.)
- Every list has a sheet of its own, one row per item and one column per key, headed by the format's key:
  Basis, Areas, Parties, Coalition, Groups, Mandates, Themes, Goals, Definitions, Indicators, Frameworks,
  Targets, Commitments, Milestones and Products (``process``), Assessments (``monitoring``), Realisations and
  Amendments, and Bids. A record inside an item has a column per key, ``baseline.year`` and ``baseline.value``,
  ``stock_flows.in`` and ``stock_flows.out``; it is there when one of its cells is filled (a record whose lists
  are all empty is written with ``[]`` in its first list column). Columns may be in any order and left out; a row
  with nothing in it is skipped.
- A list inside the items of a list (a bid's offers) has a sheet of its own too (Offers), whose first column names
  the item it belongs to by id (``bid``); its rows keep their order within each bid.
- Each value goes into one cell as `prestatieafspraken.tabular.cells` describes: texts stay texts, whole numbers
  stay whole, ``1.0`` stays a float, lists are ``a; b``, a breakdown is ``a: 1; b: 2``.

Reading is as strict as reading YAML: an unknown sheet, column or key, a text where a number belongs, a missing
required value are errors. Every problem is reported at once, in one `LoadError` whose problems name the cell
(``Targets!D5``), the row (``Targets!5:5``, when a required column is missing) or the sheet.
"""

from __future__ import annotations

import difflib
import enum
import io
import os
import types
import typing
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, get_args, get_origin

import attrs
import pendulum

from prestatieafspraken.errors import ExportError, LoadError, PrestatieafsprakenError, Problem
from prestatieafspraken.model import Agreement
from prestatieafspraken.model.fields import wire_name
from prestatieafspraken.serialization import structure
from prestatieafspraken.tabular._extras import require
from prestatieafspraken.tabular.book import Book, check_cell, quote_sheet, reference
from prestatieafspraken.tabular.cells import CellError, Kind, Raw, read_cell, write_cell
from prestatieafspraken.tabular.files import write_file
from prestatieafspraken.tabular.limits import DEFAULT_LIMITS, Limits, problems_error

__all__ = ["AGREEMENT_SHEET", "SHEETS", "LayoutError", "read_workbook", "write_workbook"]

#: The sheet of the agreement's own keys.
AGREEMENT_SHEET = "Agreement"

#: The sheet of each list, by the list's keys from the top of the format.
SHEETS: Mapping[tuple[str, ...], str] = types.MappingProxyType(
    {
        ("basis",): "Basis",
        ("areas",): "Areas",
        ("parties",): "Parties",
        ("coalition",): "Coalition",
        ("groups",): "Groups",
        ("mandates",): "Mandates",
        ("themes",): "Themes",
        ("goals",): "Goals",
        ("definitions",): "Definitions",
        ("indicators",): "Indicators",
        ("frameworks",): "Frameworks",
        ("targets",): "Targets",
        ("commitments",): "Commitments",
        ("process", "milestones"): "Milestones",
        ("process", "products"): "Products",
        ("monitoring", "assessments"): "Assessments",
        ("realisations",): "Realisations",
        ("amendments",): "Amendments",
        ("bids",): "Bids",
        ("bids", "offers"): "Offers",
    }
)

#: The column of a sheet of a list inside list items that names the item each row belongs to, by its id.
_PARENT_HEADERS: Mapping[tuple[str, ...], str] = types.MappingProxyType({("bids", "offers"): "bid"})

_KEY_HEADINGS = ("key", "value")


class LayoutError(PrestatieafsprakenError, TypeError):
    """The model has a field that the workbook layout cannot hold: a gap in this library, not in the input."""


_MISSING = "required key is missing"


# --- the layout, derived from the model --------------------------------------------------------------------


def _unwrap(type_: Any) -> Any:
    """The type inside ``X | None``; other types as they are."""
    if get_origin(type_) in (typing.Union, types.UnionType):
        args = [arg for arg in get_args(type_) if arg is not type(None)]
        if set(args) == {int, float}:
            return int | float
        if len(args) == 1:
            return args[0]
    return type_


def _element(type_: Any) -> Any | None:
    """The item type of ``tuple[X, ...]``, else ``None``."""
    args = get_args(type_)
    if get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis:  # noqa: PLR2004
        return args[0]
    return None


def _scalar_kind(type_: Any) -> Kind:  # noqa: PLR0911 - one return per kind
    if type_ is str:
        return "text"
    if type_ is bool:
        return "bool"
    if type_ is int:
        return "int"
    if set(get_args(type_)) == {int, float}:
        return "number"
    if type_ is pendulum.Date:
        return "date"
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return "enum"
    if _element(type_) is str:
        return "texts"
    if get_origin(type_) in (Mapping, dict):
        return "mapping"
    raise LayoutError(f"no cell encoding for {type_!r}")  # pragma: no cover - a new kind of field in the model


@attrs.frozen
class _Column:
    """One value of an item (or one key of the Agreement sheet)."""

    header: str
    """The format's keys from the item (or from the top), joined by dots: ``baseline.year``."""
    attributes: tuple[str, ...]
    kind: Kind


@attrs.frozen
class _Sheet:
    """The sheet of one list."""

    name: str
    wire: tuple[str, ...]
    attributes: tuple[str, ...]
    columns: tuple[_Column, ...]
    records: tuple[tuple[str, tuple[str, ...]], ...]
    """The records inside an item: (key prefix, attribute path)."""
    parent: tuple[_Sheet, str] | None = None
    """For a list inside the items of another list: that list's sheet and the header of the column naming the item."""

    @property
    def headers(self) -> tuple[str, ...]:
        """The headings of the sheet's columns, the parent column first."""
        return (*(() if self.parent is None else (self.parent[1],)), *(spec.header for spec in self.columns))


def _fields(cls: type[Any]) -> Iterable[tuple[str, str, Any]]:
    for field in attrs.fields(attrs.resolve_types(cls)):
        yield wire_name(field), field.name, _unwrap(field.type)


def _item_columns(
    cls: type[Any],
    prefix: tuple[str, ...],
    attributes: tuple[str, ...],
    records: list[tuple[str, tuple[str, ...]]],
    lists: list[tuple[str, str, Any]] | None = None,
) -> list[_Column]:
    """The columns of an item; a list of records inside it goes to *lists* (wire name, attribute, item type)."""
    columns: list[_Column] = []
    for wire, name, type_ in _fields(cls):
        if attrs.has(type_):
            records.append((".".join((*prefix, wire)), (*attributes, name)))
            columns += _item_columns(type_, (*prefix, wire), (*attributes, name), records)
        elif attrs.has(_element(type_) or str):
            if lists is None or prefix:  # pragma: no cover - no deeper list of records in format v1
                raise LayoutError(f"a list of records inside a list item ({cls.__name__}.{name}) has no sheet layout")
            lists.append((wire, name, _element(type_)))
        else:
            columns.append(_Column(".".join((*prefix, wire)), (*attributes, name), _scalar_kind(type_)))
    return columns


@attrs.frozen
class _Layout:
    keys: tuple[_Column, ...]
    records: tuple[str, ...]
    """The records whose keys are rows of the Agreement sheet: ``perspective``, ``assignment``, ..."""
    sheets: tuple[_Sheet, ...]


def _layout() -> _Layout:
    keys: list[_Column] = []
    records: list[str] = []
    sheets: list[_Sheet] = []

    def walk(cls: type[Any], prefix: tuple[str, ...], attributes: tuple[str, ...]) -> None:
        for wire, name, type_ in _fields(cls):
            path, names = (*prefix, wire), (*attributes, name)
            element = _element(type_)
            if attrs.has(type_):
                records.append(".".join(path))
                walk(type_, path, names)
            elif element is not None and attrs.has(element):
                if path not in SHEETS:  # pragma: no cover - a new list in the format needs a sheet name
                    raise LayoutError(f"no sheet name for the list {'.'.join(path)}")
                found: list[tuple[str, tuple[str, ...]]] = []
                lists: list[tuple[str, str, Any]] = []
                columns = _item_columns(element, (), (), found, lists)
                parent = _Sheet(SHEETS[path], path, names, tuple(columns), tuple(found))
                sheets.append(parent)
                for inner_wire, inner_name, inner in lists:
                    inner_path = (*path, inner_wire)
                    inner_found: list[tuple[str, tuple[str, ...]]] = []
                    inner_columns = _item_columns(inner, (), (), inner_found)
                    sheets.append(
                        _Sheet(
                            SHEETS[inner_path],
                            inner_path,
                            (inner_name,),
                            tuple(inner_columns),
                            tuple(inner_found),
                            parent=(parent, _PARENT_HEADERS[inner_path]),
                        )
                    )
            else:
                keys.append(_Column(".".join(path), names, _scalar_kind(type_)))

    walk(Agreement, (), ())
    return _Layout(tuple(keys), tuple(records), tuple(sheets))


_LAYOUT = _layout()
_KEYS = {key.header: key for key in _LAYOUT.keys}
_SHEETS_BY_NAME = {sheet.name: sheet for sheet in _LAYOUT.sheets}


def _get(item: object, attributes: tuple[str, ...]) -> tuple[bool, Any]:
    """The value at *attributes*, and whether every record on the way is there."""
    value: Any = item
    for name in attributes:
        if value is None:
            return False, None
        value = getattr(value, name)
    return True, value


def _empty(kind: Kind, value: object) -> bool:
    return value is None or (kind in ("texts", "mapping") and not value)


# --- writing -----------------------------------------------------------------------------------------------


def write_workbook(agreement: Agreement, path: str | os.PathLike[str]) -> None:
    """Write *agreement* as an Excel workbook (``.xlsx``), atomically, in the layout described above.

    `read_workbook` reads it back into an equal agreement.

    Raises:
        ExportError: A text is longer than a cell holds (32,767 characters).
        MissingExtraError: openpyxl is not installed (``pip install "prestatieafspraken[excel]"``).
    """
    openpyxl = require("openpyxl")
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    bold = openpyxl.styles.Font(bold=True)

    sheet = workbook.create_sheet(AGREEMENT_SHEET)
    for column, heading in enumerate(_KEY_HEADINGS, start=1):
        sheet.cell(1, column, heading).font = bold
    row = 2
    for key in _LAYOUT.keys:
        present, value = _get(agreement, key.attributes)
        if not present:
            continue
        write_cell(sheet.cell(row, 1), "text", key.header)
        write_cell(sheet.cell(row, 2), key.kind, value)
        row += 1
    sheet.column_dimensions["A"].width = 26
    sheet.column_dimensions["B"].width = 60
    sheet.freeze_panes = "A2"

    for layout in _LAYOUT.sheets:
        sheet = workbook.create_sheet(layout.name)
        for column, header in enumerate(layout.headers, start=1):
            cell = sheet.cell(1, column)
            write_cell(cell, "text", header)
            cell.font = bold
            sheet.column_dimensions[openpyxl.utils.get_column_letter(column)].width = max(12, len(header) + 2)
        for row, (owner, item) in enumerate(_items(agreement, layout), start=2):
            if owner is not None:
                write_cell(sheet.cell(row, 1), "text", owner)
            _write_item(sheet, row, layout, item)
        sheet.freeze_panes = "A2"

    buffer = io.BytesIO()
    workbook.save(buffer)
    write_file(Path(path), buffer.getvalue())


def _items(agreement: Agreement, layout: _Sheet) -> Iterable[tuple[str | None, Any]]:
    """The items of a sheet's list; for a list inside list items, with the id of the item each belongs to."""
    if layout.parent is None:
        _, items = _get(agreement, layout.attributes)
        yield from ((None, item) for item in items or ())
        return
    _, owners = _get(agreement, layout.parent[0].attributes)
    seen: set[str] = set()
    for owner in owners or ():
        inner = _get(owner, layout.attributes)[1]
        # Rows name their item by id and are read into the first item with it: a later one cannot have rows.
        if inner and owner.id in seen:
            raise ExportError(
                f"two items of {'.'.join(layout.parent[0].wire)} have the id {owner.id!r}: the sheet {layout.name} "
                "names the item each row belongs to by its id, so give each its own id"
            )
        seen.add(owner.id)
        yield from ((owner.id, item) for item in inner)


def _write_item(sheet: Any, row: int, layout: _Sheet, item: object) -> None:
    filled: set[str] = set()
    for column, spec in enumerate(layout.columns, start=1 + (layout.parent is not None)):
        _, value = _get(item, spec.attributes)
        write_cell(sheet.cell(row, column), spec.kind, value)
        if not _empty(spec.kind, value):
            filled.add(spec.header)
    for prefix, attributes in layout.records:
        present, record = _get(item, attributes)
        inside = [spec for spec in layout.columns if spec.header.startswith(prefix + ".")]
        if not present or record is None or any(spec.header in filled for spec in inside):
            continue
        # A record that is there with every value empty: `[]` in its first list column says it is there.
        first = 1 + (layout.parent is not None)
        marker = next(
            i for i, spec in enumerate(layout.columns, start=first) if spec in inside and spec.kind == "texts"
        )
        sheet.cell(row, marker).value = "[]"
        sheet.cell(row, marker).data_type = "s"


# --- reading -----------------------------------------------------------------------------------------------


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


def _suggest(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


class _Reader:
    """Reads one workbook into the plain data of the format, noting every problem and where each value was."""

    def __init__(self, book: Book) -> None:
        self.book = book
        self.problems: list[Problem] = []
        self.places: dict[str, _Place] = {}
        self.data: dict[str, Any] = {}

    def problem(self, ref: str, message: str) -> None:
        self.problems.append(Problem(path=ref, message=message))

    def value(self, raw: Raw, kind: Kind, ref: str) -> tuple[bool, Any]:
        try:
            check_cell(raw)
            return True, read_cell(raw, kind)
        except CellError as error:
            self.problem(ref, str(error))
            return False, None

    def read(self) -> bool:
        """Read every sheet; return whether the Agreement sheet is there."""
        names = self.book.sheet_names
        known = [AGREEMENT_SHEET, *_SHEETS_BY_NAME]
        for name in names:
            if name not in known:
                self.problem(
                    quote_sheet(name),
                    f"unknown sheet{_suggest(name, known)}; the sheets of an agreement are {', '.join(known)}",
                )
        if AGREEMENT_SHEET not in names:
            self.problem(AGREEMENT_SHEET, "the sheet is missing: it holds the agreement's own keys (id, title, ...)")
            return False
        self.read_keys()
        for layout in _LAYOUT.sheets:
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
                    self.problem(reference(AGREEMENT_SHEET, row, column), "a value outside the columns key and value")
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

    def key(self, row: int, raw: Raw, seen: dict[str, int]) -> _Column | None:
        """The key in column A of a row of the Agreement sheet, if it is a known key given once."""
        where = reference(AGREEMENT_SHEET, row, 1)
        if raw.value is None:
            self.problem(where, "a value without a key: write its key in column A")
            return None
        ok, key = self.value(raw, "text", where)
        if not ok:
            return None
        spec = _KEYS.get(key)
        if spec is None:
            shown = key or "(empty)"
            self.problem(where, f"unknown key {shown!r}{_suggest(key, _KEYS)}; the keys are {', '.join(_KEYS)}")
            return None
        if key in seen:
            self.problem(where, f"the key {key!r} is given twice (first in row {seen[key]})")
            return None
        seen[key] = row
        return spec

    def check_key_headings(self, raws: list[Raw]) -> None:
        for column, heading in enumerate(_KEY_HEADINGS, start=1):
            found = raws[column - 1].value if column <= len(raws) else None
            if found != heading:
                self.problem(
                    reference(AGREEMENT_SHEET, 1, column),
                    f"expected the heading {heading!r}, got {found!r}: the first row heads the columns key and value",
                )

    def read_list(self, layout: _Sheet) -> None:
        columns: dict[int, _Column] | None = None
        headed: set[int] = set()
        items: list[dict[str, Any]] = []
        list_path = "$." + ".".join(layout.wire)
        for row, raws in self.book.rows(layout.name):
            if columns is None:
                if row != 1:
                    self.problem(
                        f"{quote_sheet(layout.name)}!1:1",
                        "the first row is empty: it heads the columns, with the format's keys",
                    )
                    return
                columns = self.read_headers(layout, raws)
                headed = {column for column, raw in enumerate(raws, start=1) if raw.value is not None}
                if layout.parent is not None and all(spec.header != layout.parent[1] for spec in columns.values()):
                    self.problem(
                        f"{quote_sheet(layout.name)}!1:1", f"the column {layout.parent[1]!r} is required: add it"
                    )
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
        self, layout: _Sheet, columns: dict[int, _Column], headed: set[int], row: int, raws: list[Raw]
    ) -> tuple[dict[str, Any], dict[str, _Place]]:
        """One row's item, and the place of the row (key ``""``) and of each of its values (``".key"``)."""
        places: dict[str, _Place] = {"": _Place(f"{quote_sheet(layout.name)}!{row}:{row}", cell=False)}
        item: dict[str, Any] = {}
        for column, raw in enumerate(raws, start=1):
            if column not in columns and column not in headed and raw.value is not None:
                headed.add(column)  # once per column: the first value under an empty heading
                self.problem(reference(layout.name, row, column), "a value in a column without a heading")
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

    def attach(self, layout: _Sheet, item: dict[str, Any], places: dict[str, _Place]) -> str | None:
        """Put an item of a list inside list items into the item its first column names; return its ``$.path``."""
        assert layout.parent is not None  # noqa: S101 - only called for such a list
        owners_sheet, header = layout.parent
        place = places.pop("." + header)
        owner_id = item.pop(header, None)
        if owner_id is None:
            self.problem(place.ref, f"a value is required here: the id of the {header} this row belongs to")
            return None
        owners: list[dict[str, Any]] = self.data.get(owners_sheet.wire[0], [])
        found = next((index for index, owner in enumerate(owners) if owner.get("id") == owner_id), None)
        if found is None:
            known = [str(owner.get("id")) for owner in owners]
            self.problem(
                place.ref, f"no {header} {owner_id!r} in the sheet {owners_sheet.name}{_suggest(owner_id, known)}"
            )
            return None
        inner: list[dict[str, Any]] = owners[found].setdefault(layout.wire[-1], [])
        inner.append(item)
        return f"$.{owners_sheet.wire[0]}[{found}].{layout.wire[-1]}[{len(inner) - 1}]"

    def read_headers(self, layout: _Sheet, raws: list[Raw]) -> dict[int, _Column]:
        by_header = {spec.header: spec for spec in layout.columns}
        if layout.parent is not None:
            by_header = {layout.parent[1]: _Column(layout.parent[1], (), "text"), **by_header}
        columns: dict[int, _Column] = {}
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
                    f"unknown column {header!r}{_suggest(header, by_header)}; "
                    f"the columns of {layout.name} are {', '.join(by_header)}",
                )
            elif spec.header in seen:
                self.problem(ref, f"the column {spec.header!r} is given twice")
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
    return [key for key in _KEYS if key.startswith(prefix + ".")]


def _placed(problem: Problem, places: Mapping[str, _Place]) -> Problem:
    """A problem of the converter (at a ``$.path``) at its cell, row or sheet, said in the workbook's terms."""
    path, message = problem.path, problem.message
    found: str | None = path
    while found is not None and found not in places:
        found = _parent(found)
    if found is None or found == "$":
        return _at_top(path.removeprefix("$").removeprefix("."), message)
    place = places[found]
    rest = path[len(found) :].lstrip(".")
    if place.cell and not rest:
        return Problem(path=place.ref, message="a value is required here" if message == _MISSING else message)
    if message == _MISSING:
        sheet = place.ref.partition("!")[0]
        return Problem(path=f"{sheet}!1:1", message=f"the column {rest!r} is required: add it")
    return Problem(path=place.ref, message=f"{rest}: {message}" if rest else message)


def _at_top(rest: str, message: str) -> Problem:
    """A problem with no cell of its own: a key or list that is not in the workbook at all."""
    if message != _MISSING:
        return Problem(path=AGREEMENT_SHEET, message=f"{rest}: {message}" if rest else message)
    for layout in _LAYOUT.sheets:
        if ".".join(layout.wire) == rest:
            return Problem(path=quote_sheet(layout.name), message="required: the sheet needs at least one row")
    if rest in _KEYS:
        return Problem(path=AGREEMENT_SHEET, message=f"required: add a row with the key {rest!r}")
    inside = _record_keys(rest)
    wanted = [key for key in inside if _KEYS[key].attributes[-1] in _required_names(key)] or inside
    return Problem(
        path=AGREEMENT_SHEET, message=f"required: add rows with the keys {', '.join(map(repr, wanted)) or rest}"
    )


def _required_names(key: str) -> set[str]:
    """The attribute names without a default in the record that holds *key*."""
    owner: Any = Agreement
    for name in _KEYS[key].attributes[:-1]:
        owner = _unwrap(attrs.fields_dict(attrs.resolve_types(owner))[name].type)
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
