"""Reading workbooks cell by cell: typed raw values, formulas through their saved results, cell references.

openpyxl is imported here, when a workbook is opened, and in the modules that write workbooks.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from prestatieafspraken.errors import LoadError, Problem
from prestatieafspraken.tabular._extras import require
from prestatieafspraken.tabular.cells import EMPTY_TEXT_FORMULA, CellError, Raw

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

__all__ = ["Book", "column_letter", "quote_sheet", "reference"]


def column_letter(column: int) -> str:
    """The letters of a column, counted from 1: 1 is ``A``, 27 is ``AA``."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def quote_sheet(sheet: str) -> str:
    """A sheet name as a reference writes it: quoted when it holds anything but letters, digits and ``_``."""
    if sheet.replace("_", "").isalnum():
        return sheet
    return "'" + sheet.replace("'", "''") + "'"


def reference(sheet: str, row: int, column: int) -> str:
    """A cell reference such as ``Realisaties!C14``."""
    return f"{quote_sheet(sheet)}!{column_letter(column)}{row}"


class Book:
    """An open workbook, read as values with their types; formulas are read through their saved results.

    Use it as a context manager, so the file is closed.
    """

    def __init__(self, path: Path, *, what: str) -> None:
        self.path = path
        self.what = what
        openpyxl = require("openpyxl")
        self._openpyxl = openpyxl
        self._workbook: Workbook = self._open(data_only=False)
        self._results: Workbook | None = None

    def _open(self, *, data_only: bool) -> Workbook:
        try:
            workbook: Workbook = self._openpyxl.load_workbook(self.path, read_only=not data_only, data_only=data_only)
        except OSError as error:
            raise self._unreadable(f"cannot open the file: {error.strerror or error}") from None
        except (
            zipfile.BadZipFile,
            KeyError,
            ValueError,
            TypeError,
            self._openpyxl.utils.exceptions.InvalidFileException,
        ) as error:
            raise self._unreadable(f"not an Excel workbook (.xlsx): {error}") from None
        return workbook

    def _unreadable(self, message: str) -> LoadError:
        return LoadError([Problem(path=self.path.name, message=message)], source=str(self.path), what=self.what)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self._workbook.close()
        if self._results is not None:
            self._results.close()

    @property
    def sheet_names(self) -> list[str]:
        """The names of the sheets, in order."""
        names: list[str] = self._workbook.sheetnames
        return names

    def rows(self, sheet: str) -> Iterator[tuple[int, list[Raw]]]:
        """The rows of a sheet that hold anything, as (row number, raw cells from column A)."""
        worksheet = self._workbook[sheet]
        if not hasattr(worksheet, "iter_rows"):  # a chart sheet
            return
        worksheet.reset_dimensions()  # a read-only sheet: its saved size may be wrong
        for number, cells in enumerate(worksheet.iter_rows(), start=1):
            raws = [self._raw(sheet, cell) for cell in cells]
            while raws and raws[-1].value is None:
                raws.pop()
            if raws:
                yield number, raws

    def _raw(self, sheet: str, cell: Any) -> Raw:
        value = cell.value
        if value is None:
            return Raw(None)
        data_type = cell.data_type
        if data_type == "f" and value != EMPTY_TEXT_FORMULA:
            return self._result(sheet, cell)
        return Raw(value, data_type, cell.number_format)

    def _result(self, sheet: str, cell: Any) -> Raw:
        if self._results is None:
            self._results = self._open(data_only=True)
        saved = self._results[sheet][cell.coordinate]
        if saved.value is None:
            return Raw(_NoResult(str(cell.value)), "f")
        return Raw(saved.value, saved.data_type, saved.number_format)


class _NoResult(str):
    """A formula whose result is not saved in the file."""

    __slots__ = ()


def check_formula(raw: Raw) -> None:
    """Refuse a formula whose result is not saved in the workbook.

    Raises:
        CellError: The cell holds such a formula.
    """
    if isinstance(raw.value, _NoResult):
        raise CellError(
            f"the formula {str(raw.value)!r} has no saved result; enter the value itself, or open and save the "
            "workbook in a spreadsheet program"
        )
