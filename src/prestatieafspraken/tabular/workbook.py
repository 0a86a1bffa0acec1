"""An agreement as an Excel workbook and back, lossless for file format v1 (reading needs the ``excel`` extra).

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

Reading (`read_workbook`, in `prestatieafspraken.tabular.reader`) is as strict as reading YAML: an unknown sheet,
column or key, a text where a number belongs, a missing required value are errors. Every problem is reported at
once, in one `LoadError` whose problems name the cell (``Targets!D5``), the row (``Targets!5:5``, when a required
column is missing) or the sheet.

Writing streams (`prestatieafspraken.tabular.xlsx`): each row goes into the file as it is made, so an agreement
of national size is written in less than twice the time its check takes, in little more memory than the agreement
itself; it needs no optional package. The layout is derived from the model in `prestatieafspraken.tabular.layout`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from prestatieafspraken.errors import ExportError
from prestatieafspraken.model import Agreement
from prestatieafspraken.tabular.cells import Kind
from prestatieafspraken.tabular.files import atomic_file
from prestatieafspraken.tabular.layout import (
    AGREEMENT_SHEET,
    KEY_HEADINGS,
    LAYOUT,
    SHEETS,
    LayoutError,
    ListSheet,
    empty,
    get,
)
from prestatieafspraken.tabular.reader import read_workbook
from prestatieafspraken.tabular.xlsx import SheetWriter, WorkbookWriter

__all__ = ["AGREEMENT_SHEET", "SHEETS", "LayoutError", "read_workbook", "write_workbook"]


def write_workbook(agreement: Agreement, path: str | os.PathLike[str]) -> None:
    """Write *agreement* as an Excel workbook (``.xlsx``), atomically, in the layout described above.

    `read_workbook` reads it back into an equal agreement. The rows are streamed into the file, so memory stays
    flat however large the agreement is; no optional package is needed.

    Raises:
        ExportError: A text is longer than a cell holds (32,767 characters), a list has more items than a sheet
            has rows (1,048,575), or two bids with offers share an id. No file is written.
        OSError: The file cannot be written.
    """
    with atomic_file(Path(path)) as stream, WorkbookWriter(stream) as book:
        with book.sheet(AGREEMENT_SHEET, ("text", "text"), widths=(26, 60)) as sheet:
            sheet.headings(KEY_HEADINGS)
            for key in LAYOUT.keys:
                present, value = get(agreement, key.attributes)
                if present:
                    sheet.row((key.header, value), ("text", key.kind))
        for layout in LAYOUT.sheets:
            owner: tuple[Kind, ...] = ("text",) if layout.parent is not None else ()
            kinds = (*owner, *(spec.kind for spec in layout.columns))
            widths = [max(12, len(header) + 2) for header in layout.headers]
            with book.sheet(layout.name, kinds, widths=widths) as sheet:
                sheet.headings(layout.headers)
                _write_items(sheet, layout, kinds, _items(agreement, layout))


def _items(agreement: Agreement, layout: ListSheet) -> Iterable[tuple[str | None, Any]]:
    """The items of a sheet's list; for a list inside list items, with the id of the item each belongs to."""
    if layout.parent is None:
        _, items = get(agreement, layout.attributes)
        yield from ((None, item) for item in items or ())
        return
    _, owners = get(agreement, layout.parent[0].attributes)
    seen: set[str] = set()
    for owner in owners or ():
        inner = get(owner, layout.attributes)[1]
        # Rows name their item by id and are read into the first item with it: a later one cannot have rows.
        if inner and owner.id in seen:
            raise ExportError.of(
                "export_ids_twice", parent=".".join(layout.parent[0].wire), id=owner.id, sheet=layout.name
            )
        seen.add(owner.id)
        yield from ((owner.id, item) for item in inner)


def _write_items(
    sheet: SheetWriter, layout: ListSheet, kinds: tuple[Kind, ...], items: Iterable[tuple[str | None, Any]]
) -> None:
    """A row per item: a column per value, and `[]` where a record is there with every value empty."""
    first = int(layout.parent is not None)  # the column of the item's first value (0-based)
    columns = layout.columns
    getters = [_getter(spec.attributes) for spec in columns]
    # A record inside an item: its key prefix, whether it is there, and the columns of its values
    records = [
        (
            _getter(attributes),
            [first + i for i, spec in enumerate(columns) if spec.header.startswith(prefix + ".")],
        )
        for prefix, attributes in layout.records
    ]
    for owner, item in items:
        values = [owner] if first else []
        values += [value(item) for value in getters]
        marked: list[Kind] | None = None
        for record, inside in records:
            if record(item) is None or not all(empty(kinds[i], values[i]) for i in inside):
                continue
            # A record that is there with every value empty: `[]` in its first list column says it is there.
            marker = next(i for i in inside if kinds[i] == "texts")
            marked = marked or list(kinds)
            marked[marker], values[marker] = "text", "[]"
        sheet.row(values, marked)


def _getter(attributes: tuple[str, ...]) -> Callable[[object], Any]:
    """A function giving the value at *attributes* of an item, ``None`` where a record on the way is not there."""
    if len(attributes) == 1:
        name = attributes[0]
        return lambda item: getattr(item, name)
    return lambda item: get(item, attributes)[1]
