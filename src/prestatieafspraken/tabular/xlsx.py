"""A streaming workbook writer: each row goes into the ``.xlsx`` file as it is made, so memory stays flat.

An agreement of national size (100,000 commitments) is 1.7 million cells. openpyxl keeps every cell as an object
until it saves (its write-only mode streams, but still makes an object per cell) and writes a number with 16
significant digits; XlsxWriter's constant-memory mode streams too, and writes numbers with 16 digits as well. A
sheet of 800,000 short cells took 24 s with openpyxl's write-only mode, 17 s with XlsxWriter's constant-memory
mode and 2 s written directly (on the same busy machine, one after the other). So this module writes the
SpreadsheetML of ECMA-376 itself: only the parts a workbook of plain values needs (the package's content types and
relationships, the workbook, one style sheet, the sheets), each cell as one XML element, rows deflated into the
zip file in batches.

What is written, kind by kind, is what `prestatieafspraken.tabular.cells.write_cell` writes through openpyxl:
texts as inline text cells escaped with `prestatieafspraken.tabular.cells.escape` (so a text starting with
``=``, ``+``, ``-`` or ``@`` is text, never a formula), the empty text as the formula ``=""``, numbers with every
digit (``repr``), a float with a whole value in the number format ``0.0``, dates as serial numbers in the format
``yyyy-mm-dd`` (before 1900-03-01 as the text ``YYYY-MM-DD``), true/false as boolean cells. The same agreement
gives the same bytes: the zip entries carry a fixed date.
"""

from __future__ import annotations

import datetime as dt
import enum
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from types import MappingProxyType
from typing import IO, Any, Self

from prestatieafspraken.errors import ExportError, PrestatieafsprakenError
from prestatieafspraken.tabular.book import LAST_ROW, column_letter
from prestatieafspraken.tabular.cells import (
    DATE_FORMAT,
    FIRST_DATE_CELL,
    FLOAT_FORMAT,
    MAX_CELL_TEXT,
    Kind,
    encode_list,
    encode_mapping,
    escape,
    text_too_long,
)

__all__ = ["LAST_ROW", "SheetWriter", "WorkbookWriter"]

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
#: Zip entries carry this date, so that the same agreement gives the same bytes (the zip format starts at 1980).
_DATE = (1980, 1, 1, 0, 0, 0)
#: Rows are deflated in batches of about this many characters.
_BATCH = 1 << 18

#: The cell styles of the style sheet (their index in ``cellXfs``).
_BOLD, _FLOAT, _DATE_STYLE = 1, 2, 3
_STYLES = (
    f'{_DECLARATION}<styleSheet xmlns="{_MAIN}">'
    f'<numFmts count="2"><numFmt numFmtId="164" formatCode="{FLOAT_FORMAT}"/>'
    f'<numFmt numFmtId="165" formatCode="{DATE_FORMAT}"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    "</fills>"
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
_EPOCH = dt.date(1899, 12, 30).toordinal()  # Excel's day 0, as its serial numbers count from 1900-03-01 on
_SPACE = " \t\n"


class _TooLong(PrestatieafsprakenError):  # noqa: N818 - internal: becomes an ExportError at its cell
    def __init__(self, length: int) -> None:
        super().__init__(length)
        self.length = length


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute(text: str) -> str:
    return _xml(text).replace('"', "&quot;")


# --- cells, one encoder per kind: (reference, value) -> the cell's XML ------------------------------------------


def _text(ref: str, text: str) -> str:
    if not text:
        return f'<c r="{ref}" t="str"><f>""</f><v></v></c>'
    escaped = escape(text)
    if len(escaped) > MAX_CELL_TEXT:
        raise _TooLong(len(escaped))
    if escaped[0] in _SPACE or escaped[-1] in _SPACE:
        return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{_xml(escaped)}</t></is></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{_xml(escaped)}</t></is></c>'


def _enum(ref: str, value: enum.Enum | str) -> str:
    return _text(ref, value.value if isinstance(value, enum.Enum) else value)


def _number(ref: str, number: float) -> str:
    if type(number) is float and number.is_integer():
        return f'<c r="{ref}" s="{_FLOAT}"><v>{number!r}</v></c>'
    return f'<c r="{ref}"><v>{number!r}</v></c>'


def _bool(ref: str, value: bool) -> str:  # noqa: FBT001 - an encoder of the table
    return f'<c r="{ref}" t="b"><v>{1 if value else 0}</v></c>'


def _date(ref: str, value: dt.date) -> str:
    day = dt.date(value.year, value.month, value.day)
    if day < FIRST_DATE_CELL:
        return _text(ref, day.isoformat())
    return f'<c r="{ref}" s="{_DATE_STYLE}"><v>{day.toordinal() - _EPOCH}</v></c>'


def _texts(ref: str, value: Sequence[str]) -> str:
    return _text(ref, encode_list(value)) if value else ""


def _mapping(ref: str, value: Mapping[str, float]) -> str:
    return _text(ref, encode_mapping(value)) if value else ""


_ENCODERS: Mapping[Kind, Callable[[str, Any], str]] = MappingProxyType(
    {
        "text": _text,
        "enum": _enum,
        "int": _number,
        "number": _number,
        "bool": _bool,
        "date": _date,
        "texts": _texts,
        "mapping": _mapping,
    }
)


# --- sheets and the package --------------------------------------------------------------------------------------


class SheetWriter:
    """One sheet being written: a bold heading row, then a row per `row` call, each cell encoded by its column's kind.

    Rows cannot be taken back: a value that cannot be written (a text longer than a cell holds, a row beyond
    `LAST_ROW`) raises `ExportError`, and the whole file is abandoned.
    """

    def __init__(self, part: IO[bytes], name: str, kinds: Sequence[Kind]) -> None:
        self.name = name
        self._part = part
        self._encoders = [_ENCODERS[kind] for kind in kinds]
        self._letters = [column_letter(column) for column in range(1, len(kinds) + 1)]
        self._rows = 0
        self._batch: list[str] = []
        self._size = 0

    def headings(self, headings: Sequence[str]) -> None:
        """Write a row of headings, bold."""
        self._rows += 1
        number = self._rows
        cells = "".join(
            f'<c r="{letter}{number}" s="{_BOLD}" t="inlineStr"><is><t>{_xml(escape(heading))}</t></is></c>'
            for letter, heading in zip(self._letters, headings, strict=True)
        )
        self._add(f'<row r="{number}">{cells}</row>')

    def row(self, values: Sequence[Any], kinds: Sequence[Kind] | None = None) -> None:
        """Write one row: a value per column (``None`` leaves its cell empty), of the sheet's kinds or of *kinds*.

        Raises:
            ExportError: A text longer than a cell holds, or more rows than a sheet holds.
        """
        self._rows += 1
        number = str(self._rows)
        if self._rows > LAST_ROW:
            raise ExportError.of("export_too_many_rows", sheet=self.name, limit=LAST_ROW)
        encoders = self._encoders if kinds is None else [_ENCODERS[kind] for kind in kinds]
        parts = [f'<row r="{number}">']
        for letter, encode, value in zip(self._letters, encoders, values, strict=True):
            if value is not None:
                try:
                    parts.append(encode(letter + number, value))
                except _TooLong as error:
                    raise text_too_long(f"{self.name}!{letter}{number}", error.length) from None
        parts.append("</row>")
        self._add("".join(parts))

    def _add(self, xml: str) -> None:
        self._batch.append(xml)
        self._size += len(xml)
        if self._size >= _BATCH:
            self.flush()

    def flush(self) -> None:
        """Deflate the rows written so far into the file."""
        self._part.write("".join(self._batch).encode())
        self._batch.clear()
        self._size = 0


class WorkbookWriter:
    """A workbook being written into *stream* (binary, seekable), a sheet at a time.

    Use it as a context manager: when the block ends, the parts that list the sheets are written and the zip file
    is closed (not *stream*); when the block fails, the zip file is closed as it is, for the caller to throw away.
    """

    def __init__(self, stream: IO[bytes]) -> None:
        # zlib's default level: at national size level 1 saves a fifth of the time for a file a third larger
        self._zip = zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED)
        self._sheets: list[str] = []

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is None:
            self._finish()
        self._zip.close()

    def _entry(self, name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=_DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        return info

    def _write(self, name: str, xml: str) -> None:
        self._zip.writestr(self._entry(name), xml.encode())

    @contextmanager
    def sheet(self, name: str, kinds: Sequence[Kind], *, widths: Sequence[float] = ()) -> Iterator[SheetWriter]:
        """Write the sheet *name* in the block: its first row frozen, its columns of *widths* (in characters)."""
        number = len(self._sheets) + 1
        self._sheets.append(name)
        selected = ' tabSelected="1"' if number == 1 else ""
        columns = "".join(
            f'<col min="{column}" max="{column}" width="{width}" customWidth="1"/>'
            for column, width in enumerate(widths, start=1)
        )
        head = (
            f'{_DECLARATION}<worksheet xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}">'
            f'<sheetViews><sheetView{selected} workbookViewId="0">'
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
            '<sheetFormatPr defaultRowHeight="15"/>' + (f"<cols>{columns}</cols>" if columns else "") + "<sheetData>"
        )
        with self._zip.open(self._entry(f"xl/worksheets/sheet{number}.xml"), "w") as part:
            part.write(head.encode())
            writer = SheetWriter(part, name, kinds)
            yield writer
            writer.flush()
            part.write(b"</sheetData></worksheet>")

    def _finish(self) -> None:
        """Write the parts that list the sheets."""
        count = len(self._sheets)
        sheets = "".join(
            f'<sheet name="{_attribute(name)}" sheetId="{n}" r:id="rId{n}"/>'
            for n, name in enumerate(self._sheets, start=1)
        )
        self._write(
            "xl/workbook.xml",
            f'{_DECLARATION}<workbook xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}">'
            f'<bookViews><workbookView activeTab="0"/></bookViews><sheets>{sheets}</sheets></workbook>',
        )
        kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        links = "".join(
            f'<Relationship Id="rId{n}" Type="{kind}/worksheet" Target="worksheets/sheet{n}.xml"/>'
            for n in range(1, count + 1)
        )
        self._write(
            "xl/_rels/workbook.xml.rels",
            f'{_DECLARATION}<Relationships xmlns="{_PACKAGE}">{links}'
            f'<Relationship Id="rId{count + 1}" Type="{kind}/styles" Target="styles.xml"/></Relationships>',
        )
        self._write("xl/styles.xml", _STYLES)
        self._write(
            "_rels/.rels",
            f'{_DECLARATION}<Relationships xmlns="{_PACKAGE}">'
            f'<Relationship Id="rId1" Type="{kind}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        media = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{media}.worksheet+xml"/>'
            for n in range(1, count + 1)
        )
        self._write(
            "[Content_Types].xml",
            f'{_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{media}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{media}.styles+xml"/>{overrides}</Types>',
        )
