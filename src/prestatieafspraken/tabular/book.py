"""Reading a workbook that came from elsewhere: within limits, cell by cell, saying what a reviewer would not see.

openpyxl is imported here, when a workbook is opened, and in the modules that write workbooks. Before openpyxl
reads anything, the file is checked as a zip archive (`prestatieafspraken.tabular.limits`: its size, the declared
and the actual size of each part once decompressed), and each sheet's XML is scanned for what openpyxl would take
without a word: rows out of order or given twice (openpyxl drops them), cells outside Excel's grid (a row
number of a billion makes it loop for ever), hidden rows and columns. Any damage openpyxl meets (truncated XML, an
entity bomb, a number cell holding ``NaN``, a missing part) is a `LoadError`, never a traceback.

Every cell is read with its type (`Raw`), and with what would hide it from a person who opens the file: a hidden
sheet, row or column, or a number format that shows nothing (``;;;``). A formula is not read: its saved result is
what the program that saved the file computed, not necessarily what the reviewer sees, so it is refused at its
cell (`check_cell`), except ``=""``, Excel's way of writing the empty text.
"""

from __future__ import annotations

import importlib
import io
import re
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Self

from prestatieafspraken._problem_words import Said
from prestatieafspraken.errors import LoadError, Problem
from prestatieafspraken.tabular._extras import require
from prestatieafspraken.tabular.cells import EMPTY_TEXT_FORMULA, CellError, Raw
from prestatieafspraken.tabular.limits import DEFAULT_LIMITS, Limits, read_at_most, too_much

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

__all__ = ["Book", "check_cell", "column_letter", "quote_sheet", "reference"]

#: Excel's grid: rows 1 to 1,048,576, columns A to XFD.
LAST_ROW = 1_048_576
LAST_COLUMN = 16_384

_CHUNK = 1 << 20
_STYLES = "xl/styles.xml"
_DOCTYPE = b"<!DOCTYPE"
_CELL_REF = re.compile(r"\$?([A-Z]{1,3})\$?([0-9]{1,7})")
_DIGITS = re.compile("[0-9]{1,7}")
#: What the saved value of a cell of each type must look like; a number of more characters is no number of Excel.
_VALUES = {
    "n": re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"),
    "b": re.compile("[01]"),
    "s": re.compile("[0-9]{1,9}"),
}
_KINDS = {"n": "saved_number", "b": "saved_boolean", "s": "saved_shared_text"}
_LONGEST_VALUE = 400
#: What openpyxl raises on a damaged workbook (it checks little itself): each becomes a LoadError.
_DAMAGE: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    LookupError,  # an XML declaration's unknown encoding; KeyError and IndexError are lookup errors too
    ValueError,
    TypeError,
    AttributeError,
    OverflowError,
    SyntaxError,  # xml.etree's ParseError
    NotImplementedError,  # an unknown compression method
    RuntimeError,  # an encrypted part
    UnicodeError,
    RecursionError,
    OSError,  # openpyxl's "File contains no valid workbook part"; the file itself is read before
)


def column_letter(column: int) -> str:
    """The letters of a column, counted from 1: 1 is ``A``, 27 is ``AA``."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def quote_sheet(sheet: str) -> str:
    """A sheet name as a reference writes it: quoted when it holds anything but letters, digits and ``_``."""
    if sheet.replace("_", "").isalnum():
        return sheet
    return "'" + sheet.replace("'", "''") + "'"


def reference(sheet: str, row: int, column: int) -> str:
    """A cell reference such as ``Realisaties!C14``."""
    return f"{quote_sheet(sheet)}!{column_letter(column)}{row}"


def _iterparse() -> Callable[..., Iterator[tuple[str, Any]]]:
    """Defusedxml's iterparse (no entities, no DTD fetching), else the standard one (expat limits expansion)."""
    try:
        module = importlib.import_module("defusedxml.ElementTree")
    except ImportError:  # pragma: no cover - defusedxml comes with the excel extra
        module = importlib.import_module("xml.etree.ElementTree")
    found: Callable[..., Iterator[tuple[str, Any]]] = module.iterparse
    return found


class _Sheet:
    """What the scan of one sheet's XML found: the rows and columns hidden from view."""

    def __init__(self) -> None:
        self.rows = 0
        self.last_row = 0
        self.hidden_rows: set[int] = set()
        self.hidden_columns: list[tuple[int, int]] = []

    def hidden(self, row: int, column: int) -> str | None:
        if row in self.hidden_rows:
            return "row"
        if any(first <= column <= last for first, last in self.hidden_columns):
            return "column"
        return None


def _local(tag: object) -> str:
    return str(tag).rpartition("}")[2]


def _hidden(attributes: dict[str, str], size: str) -> bool:
    if attributes.get("hidden") in ("1", "true"):
        return True
    try:
        return float(attributes.get(size, "1")) == 0
    except ValueError:
        return False


class Book:
    """An open workbook, read as values with their types, within *limits*.

    Use it as a context manager, so the file is closed.

    Raises:
        LoadError: The file cannot be opened, is no workbook, is damaged, or exceeds a limit.
        MissingExtraError: openpyxl is not installed.
    """

    def __init__(self, path: Path, *, what: str, limits: Limits = DEFAULT_LIMITS) -> None:
        self.path = path
        self.what = what
        self.limits = limits
        self._rows_read = 0
        openpyxl = require("openpyxl")
        data = self._checked_archive()
        self._archive = zipfile.ZipFile(io.BytesIO(data))
        invalid = openpyxl.utils.exceptions.InvalidFileException
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # openpyxl warns of what it does not support: not the user's concern
                # load_workbook is these two lines; the reader also tells which sheets it skipped without a word
                reader = importlib.import_module("openpyxl.reader.excel").ExcelReader(io.BytesIO(data), read_only=True)
                reader.read()
                missing = [
                    sheet.name for sheet, part in reader.parser.find_sheets() if part.target not in reader.valid_files
                ]
        except (*_DAMAGE, invalid) as error:
            raise self.unreadable("workbook_damaged", detail=_said(error)) from None
        self._workbook: Workbook = reader.wb
        if missing:
            self._workbook.close()
            raise self.unreadable("workbook_sheet_no_part", sheet=missing[0])

    def unreadable(self, kind: str, *, path: str | None = None, **params: object) -> LoadError:
        """The error for a file that cannot be read at all (at *path*, a cell, when one is to blame)."""
        problem = Problem.of(kind, path or self.path.name, **params)
        return LoadError([problem], source=str(self.path), what=self.what)

    def _too_much(self, limit: str, found: Said) -> LoadError:
        return too_much(limit, found, self.limits, source=str(self.path), what=self.what)

    def _checked_archive(self) -> bytes:
        """The file's bytes, once its parts are known to decompress within the limit (declared and actual)."""
        limit = self.limits.max_bytes
        try:
            data = read_at_most(self.path, limit)
        except OSError as error:
            raise self.unreadable("cannot_open", reason=error.strerror or str(error)) from None
        if len(data) > limit:
            raise self._too_much("max_bytes", Said.of("over_bytes", count=limit))
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            parts = archive.infolist()
        except (*_DAMAGE,) as error:
            raise self.unreadable("workbook_not_xlsx", detail=_said(error)) from None
        declared = sum(part.file_size for part in parts)
        if declared > limit:
            raise self._too_much("max_bytes", Said.of("bytes_decompressed", count=declared))
        total = 0
        for part in parts:
            total = self._check_part(archive, part, total)
        return data

    def _check_part(self, archive: zipfile.ZipFile, part: zipfile.ZipInfo, total: int) -> int:
        """Decompress one part, counting its bytes into *total* (returned) and looking for a DTD."""
        limit = self.limits.max_bytes
        tail = b""
        try:
            with archive.open(part) as member:
                while chunk := member.read(_CHUNK):
                    total += len(chunk)
                    if total > limit:  # pragma: no cover - zipfile stops at the declared size; kept if it does not
                        raise self._too_much("max_bytes", Said.of("over_bytes_decompressed", count=limit))
                    if _DOCTYPE in tail + chunk:
                        # The packaging standard forbids DTDs in a workbook (OPC, ECMA-376 part 2): refused
                        # whatever XML library would read it (defusedxml refuses entities, lxml ignores them).
                        raise self.unreadable("workbook_doctype", part=part.filename)
                    tail = chunk[-len(_DOCTYPE) :]
        except LoadError:
            raise
        except (*_DAMAGE,) as error:
            raise self.unreadable("workbook_part_damaged", part=part.filename, detail=_said(error)) from None
        return total

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self._workbook.close()
        self._archive.close()

    @property
    def sheet_names(self) -> list[str]:
        """The names of the sheets, in order."""
        names: list[str] = self._workbook.sheetnames
        return names

    def rows(self, sheet: str) -> list[tuple[int, list[Raw]]]:
        """The rows of a sheet that hold anything, as (row number, raw cells from column A).

        Raises:
            LoadError: The sheet is damaged, or the rows read so far exceed the limit.
        """
        worksheet = self._workbook[sheet]
        if not hasattr(worksheet, "iter_rows"):  # a chart sheet
            return []
        scan = self._scan(sheet, getattr(worksheet, "_worksheet_path", ""))
        hidden_sheet = worksheet.sheet_state != "visible"
        found: list[tuple[int, list[Raw]]] = []
        number = 0
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                worksheet.reset_dimensions()  # a read-only sheet: its saved size may be wrong
                for number, cells in enumerate(worksheet.iter_rows(), start=1):
                    raws = [self._raw(cell, number, column, scan, hidden_sheet) for column, cell in enumerate(cells, 1)]
                    while raws and raws[-1].value is None:
                        raws.pop()
                    if raws:
                        found.append((number, raws))
        except (*_DAMAGE,) as error:
            reason: object = _said(error)
            if _STYLES not in self._archive.namelist():
                reason = Said.of("workbook_no_styles", styles=_STYLES, detail=reason)
            raise self.unreadable("workbook_sheet_unreadable", sheet=sheet, row=number, detail=reason) from None
        return found

    def _raw(self, cell: Any, row: int, column: int, scan: _Sheet, hidden_sheet: bool) -> Raw:  # noqa: FBT001
        value = cell.value
        if value is None:
            return Raw(None)
        hidden = "sheet" if hidden_sheet else scan.hidden(row, column)
        number_format = cell.number_format
        if hidden is None and cell.data_type == "n" and number_format.replace('""', "").strip() in (";;;", ";;"):
            hidden = "number format"
        if cell.data_type == "f" and value != EMPTY_TEXT_FORMULA:
            return Raw(_Formula(getattr(value, "text", None) or str(value)), "f", hidden=hidden)
        return Raw(value, cell.data_type, number_format, hidden=hidden)

    def _scan(self, sheet: str, part: str) -> _Sheet:
        """Scan a sheet's XML for hidden rows and columns, and refuse what openpyxl would misread or choke on."""
        found = _Sheet()
        name = part.lstrip("/")
        if name not in self._archive.namelist():
            raise self.unreadable("workbook_sheet_part_missing", sheet=sheet, part=name)
        try:
            with self._archive.open(name) as stream:
                self._scan_events(sheet, stream, found)
        except LoadError:
            raise
        except (*_DAMAGE,) as error:
            raise self.unreadable(
                "workbook_sheet_unreadable", sheet=sheet, row=found.last_row, detail=_said(error)
            ) from None
        return found

    def _scan_events(self, sheet: str, stream: IO[bytes], found: _Sheet) -> None:
        last_column = 0
        rows_element: Any = None
        for event, element in _iterparse()(stream, events=("start", "end")):
            tag = _local(element.tag)
            if event == "end":
                if tag == "c":
                    self._scan_value(sheet, element)
                elif tag == "row" and rows_element is not None:
                    rows_element.clear()  # keep the memory of the scan to one row
            elif tag == "sheetData":
                rows_element = element
            elif tag == "row":
                found.last_row = self._scan_row(sheet, element.attrib, found)
                last_column = 0
            elif tag == "c" and element.get("r"):
                last_column = self._scan_cell(sheet, element.get("r"), found.last_row, last_column)
            elif tag == "col":
                found.hidden_columns.extend(self._scan_columns(sheet, element.attrib))

    def _scan_row(self, sheet: str, attributes: dict[str, str], found: _Sheet) -> int:
        given = attributes.get("r")
        last_row = row = found.last_row
        if given is None:
            row += 1
        elif _DIGITS.fullmatch(given):
            row = int(given)
        else:
            row = 0
        if not 1 <= row <= LAST_ROW:
            raise self.unreadable("workbook_row_number", sheet=sheet, given=given)
        if row <= last_row:
            raise self.unreadable("workbook_rows_order", sheet=sheet, row=row, last=last_row)
        found.rows += 1
        self._rows_read += 1
        if self._rows_read > self.limits.max_rows:
            raise self._too_much("max_rows", Said.of("over_rows", count=self.limits.max_rows))
        if _hidden(attributes, "ht"):
            found.hidden_rows.add(row)
        return row

    def _scan_cell(self, sheet: str, ref: str, row: int, last_column: int) -> int:
        match = _CELL_REF.fullmatch(ref)
        column = _column_number(match.group(1)) if match is not None else 0
        if match is None or int(match.group(2)) != row or not 1 <= column <= LAST_COLUMN:
            raise self.unreadable("workbook_cell_ref", sheet=sheet, ref=ref, row=row)
        if column <= last_column:
            raise self.unreadable("workbook_cell_twice", sheet=sheet, ref=ref)
        return column

    def _scan_value(self, sheet: str, element: Any) -> None:
        """Refuse a cell whose saved value does not fit its type (openpyxl would fail on it with a bare error)."""
        value = next((child.text for child in element if _local(child.tag) == "v"), None)
        if value is None:
            return
        kind = element.get("t", "n")
        pattern = _VALUES.get(kind)
        if pattern is not None and not (len(value) <= _LONGEST_VALUE and pattern.fullmatch(value)):
            shown = value if len(value) <= _LONGEST_VALUE else f"{value[:20]}... ({len(value):,} characters)"
            ref = element.get("r")
            raise self.unreadable(
                "workbook_saved_value",
                path=f"{quote_sheet(sheet)}!{ref}" if ref else None,
                saved=Said.of(_KINDS[kind]),
                shown=shown,
            )

    def _scan_columns(self, sheet: str, attributes: dict[str, str]) -> list[tuple[int, int]]:
        try:
            first, last = int(attributes["min"]), int(attributes["max"])
        except (KeyError, ValueError):
            raise self.unreadable("workbook_column_width", sheet=sheet) from None
        if not 1 <= first <= last <= LAST_COLUMN:
            raise self.unreadable("workbook_columns", sheet=sheet, first=first, last=last)
        return [(first, last)] if _hidden(attributes, "width") else []


def _said(error: BaseException) -> str:
    """An exception of a library, said briefly: its message (or its kind), and that of the error that caused it."""
    text = str(error).strip().splitlines()[0][:200] if str(error).strip() else type(error).__name__
    cause = error.__cause__ or error.__context__
    return f"{text} ({_said(cause)})" if cause is not None and cause is not error else text


class _Formula(str):
    """A formula, in place of its value."""

    __slots__ = ()


_HIDDEN = {
    "sheet": "hidden_sheet",
    "row": "hidden_row",
    "column": "hidden_column",
    "number format": "hidden_number_format",
}


def check_cell(raw: Raw) -> None:
    """Refuse a cell whose value a person who opens the workbook would not see: a formula, or a hidden cell.

    Raises:
        CellError: The cell holds a formula, or it is hidden (its sheet, row or column, or its number format).
    """
    if isinstance(raw.value, _Formula):
        raise CellError.of("cell_formula", formula=str(raw.value))
    if raw.hidden is not None:
        raise CellError.of("cell_hidden", hidden=Said.of(_HIDDEN[raw.hidden]))
