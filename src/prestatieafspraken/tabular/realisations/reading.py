"""Importing a filled-in realisations workbook or CSV file: its cells read and checked, its figures merged.

Every problem is reported at its cell (``Realisaties!N14``, or ``file.csv:row 14, column Waarde``), all at once, in
one `LoadError`; nothing is merged when any cell is wrong. The checks are `checks`', the merging rules `merging`'s.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import attrs

from prestatieafspraken._problem_words import Said
from prestatieafspraken.errors import LoadError, Problem
from prestatieafspraken.model import Agreement
from prestatieafspraken.tabular.book import Book, quote_sheet, reference
from prestatieafspraken.tabular.cells import CellError, Raw, read_cell
from prestatieafspraken.tabular.csvfiles import read_table
from prestatieafspraken.tabular.limits import DEFAULT_LIMITS, Limits, problems_error
from prestatieafspraken.tabular.realisations.checks import Cell, Checker, Row, Values, filled_rows, headings
from prestatieafspraken.tabular.realisations.columns import SHEET_NAMES
from prestatieafspraken.tabular.realisations.merging import merge

__all__ = ["import_realisations", "import_realisations_csv"]

_WHAT = "the realisations"


def _finish(agreement: Agreement, checker: Checker, rows: Iterable[Row], source: str, limits: Limits) -> Agreement:
    """Merge the figures of *rows*, or raise every problem of their cells and of the merge at once."""
    figures = [figure for figure in map(checker.figure, rows) if figure is not None]
    merged, problems = merge(agreement, figures)
    checker.problems.extend(problems)
    if checker.problems:
        ordered = sorted(checker.problems, key=lambda problem: checker.order.get(problem.path, (0, 0)))
        raise problems_error(ordered, limits, source=source, what=_WHAT)
    return attrs.evolve(agreement, realisations=tuple(merged))


def import_realisations(
    agreement: Agreement, workbook_path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS
) -> Agreement:
    """Return *agreement* with the figures filled in in a realisations workbook merged (see the package's rules).

    The workbook is one that `realisations_template` wrote (sheet Realisaties or Realisations), filled in; rows
    may be added, columns may be moved, and a column Opmerking (Note) is free for remarks. A value is read only
    where a person who opens the workbook sees it: a formula, or a value in a hidden sheet, row or column, is
    refused at its cell. The file is read within *limits* (`prestatieafspraken.tabular.limits.Limits`).

    Raises:
        LoadError: A cell is wrong or a figure cannot be merged: every problem at once (up to
            ``limits.max_problems``), each at its cell (``Realisaties!N14``); nothing is merged. Or the file is no
            workbook, is damaged, or exceeds a limit.
        MissingExtraError: openpyxl is not installed (``pip install "prestatieafspraken[excel]"``).
    """
    file = Path(workbook_path)
    checker = Checker(agreement, Values())
    with Book(file, what=_WHAT, limits=limits) as book:
        sheet = next((name for name in SHEET_NAMES.values() if name in book.sheet_names), None)
        if sheet is None:
            problem = Problem.of("no_sheet", file.name, names=tuple(SHEET_NAMES.values()))
            raise LoadError([problem], source=str(file), what=_WHAT)
        lines = list(book.rows(sheet))
    header = lines[0][1] if lines and lines[0][0] == 1 else []
    found = [
        (checker.cell(reference(sheet, 1, column), None, 1, column).ref, _heading(raw))
        for column, raw in enumerate(header, start=1)
    ]
    positions = headings(
        found, checker, checker.row_ref(f"{quote_sheet(sheet)}!1:1", 1), name=Said.of("the_sheet", sheet=sheet)
    )
    rows: list[tuple[str, dict[str, Cell]]] = []
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
    return _finish(agreement, checker, filled_rows(rows), str(file), limits)


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
    checker = Checker(agreement, Values(table.conventions))
    lines = [fields for _, fields in table.records]
    header = [heading.strip() for heading in lines[0]] if lines else []

    def ref(number: int, position: int) -> str:
        heading = header[position] if position < len(header) else ""
        return f"{name}:row {number}, column {heading or position + 1}"

    found = [
        (checker.cell(ref(1, position), None, 1, position + 1).ref, heading) for position, heading in enumerate(header)
    ]
    positions = headings(found, checker, checker.row_ref(f"{name}:row 1", 1), name=Said.of("the_file"))
    rows: list[tuple[str, dict[str, Cell]]] = []
    for number, fields in enumerate(lines[1:] if positions is not None else (), start=2):
        cells = {
            key: checker.cell(
                ref(number, position), fields[position] if position < len(fields) else None, number, position + 1
            )
            for position, key in (positions or {}).items()
        }
        rows.append((checker.row_ref(f"{name}:row {number}", number), cells))
    return _finish(agreement, checker, filled_rows(rows), str(file), limits)
