"""CSV files in and out: as Dutch Excel saves and opens them, within limits, and safe to open in a spreadsheet.

Reading (`read_table`): the file is UTF-8 (with or without a byte order mark), UTF-16 with a byte order mark (Excel's
"Unicode text"), or Windows-1252 (what Dutch Excel's plain "CSV" saves): a file that is not valid UTF-8 and has no
byte order mark is read as Windows-1252. The separator is the one the first line holds most of: semicolons,
commas or tabs, and it sets how numbers and dates are read (`prestatieafspraken.tabular.conventions`). A quote
that opens a field and is never closed is an error at its line, as is a field that swallowed whole rows.

Writing (`write_table`): UTF-8 with a byte order mark, so that Excel reads it as UTF-8, separated and with the
decimal mark of the *conventions*: semicolons and decimal commas for Dutch Excel, which opens such a file in
columns. A text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be run by a
spreadsheet as a formula (CSV injection): it is written with a single quote before it, as OWASP recommends, and
`unneutralised` takes that quote off again when the file is read back. Numbers are written as numbers: ``-5``
stays ``-5``.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

from prestatieafspraken._problem_words import Said
from prestatieafspraken.errors import LoadError, Problem
from prestatieafspraken.model import Number
from prestatieafspraken.tabular.conventions import Conventions, conventions_for, format_number
from prestatieafspraken.tabular.limits import Limits, read_at_most, too_much

__all__ = ["FORMULA_STARTS", "Table", "neutralised", "read_table", "unneutralised", "write_table"]

#: The first characters that make a spreadsheet read a text as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(text: str) -> str:
    """*text* as a CSV file carries it safely: with a single quote before it when it would start a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def unneutralised(text: str) -> str:
    """A text written by `neutralised` as it was: the single quote before a formula's first character taken off."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def write_table(rows: Sequence[Sequence[str | Number | None]], conventions: Conventions) -> bytes:
    """A CSV file of *rows* (texts, numbers or ``None`` for an empty field) in *conventions*, as bytes."""
    text = io.StringIO()
    writer = csv.writer(text, delimiter=conventions.delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow(
            [
                ""
                if value is None
                else neutralised(value)
                if isinstance(value, str)
                else format_number(value, conventions)
                for value in row
            ]
        )
    return text.getvalue().encode("utf-8-sig")  # with a byte order mark, so that Excel reads it as UTF-8


@attrs.frozen
class Table:
    """A CSV file read: its conventions, and its records with the line each starts on."""

    conventions: Conventions
    encoding: str
    records: tuple[tuple[int, list[str]], ...]


def _decoded(data: bytes, refuse: Callable[..., LoadError]) -> tuple[str, str]:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as error:
            raise refuse("csv_not_utf16", reason=error.reason, byte=error.start) from None
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "UTF-8"
        except UnicodeDecodeError as error:
            raise refuse("csv_not_utf8", reason=error.reason, byte=error.start + 3) from None
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as error:
        raise refuse("csv_not_text", byte=error.start, code=f"{data[error.start]:02X}") from None


def read_table(file: Path, *, limits: Limits, what: str) -> Table:
    """Read a CSV file into records, within *limits*.

    Raises:
        LoadError: The file cannot be opened, exceeds a limit, is not text, or a quote is never closed.
    """
    name, source = file.name, str(file)

    def refuse(path: str, kind: str, **params: object) -> LoadError:
        return LoadError([Problem.of(kind, path, **params)], source=source, what=what)

    try:
        data = read_at_most(file, limits.max_bytes)
    except OSError as error:
        raise refuse(name, "cannot_open", reason=error.strerror or str(error)) from None
    if len(data) > limits.max_bytes:
        over = Said.of("over_bytes", count=limits.max_bytes)
        raise too_much("max_bytes", over, limits, source=source, what=what)
    text, encoding = _decoded(data, lambda kind, **params: refuse(name, kind, **params))
    first_line = text.split("\n", 1)[0]
    conventions = conventions_for(max((";", ",", "\t"), key=first_line.count))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=conventions.delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for fields in reader:
            records.append((start, fields))
            if len(records) > limits.max_rows:
                over = Said.of("over_rows", count=limits.max_rows)
                raise too_much("max_rows", over, limits, source=source, what=what)
            start = reader.line_num + 1
    except csv.Error as error:
        if "unexpected end of data" in str(error):
            raise refuse(f"{name}:line {start}", "csv_quote_not_closed") from None
        raise refuse(f"{name}:line {start}", "csv_not_a_line", reason=str(error)) from None
    _refuse_swallowed_rows(records, conventions.delimiter, refuse, name)
    return Table(conventions=conventions, encoding=encoding, records=tuple(records))


def _refuse_swallowed_rows(
    records: list[tuple[int, list[str]]], delimiter: str, refuse: Callable[..., LoadError], name: str
) -> None:
    """Refuse a field whose lines look like whole rows: a quote opened and closed in the wrong places."""
    if not records:
        return
    columns = len(records[0][1])
    if columns < 3:  # noqa: PLR2004 - with fewer columns any text could look like a row
        return
    for line, fields in records[1:]:
        for field in fields:
            inner = field.splitlines()[1:]
            if any(part.count(delimiter) >= columns - 1 for part in inner):
                raise refuse(f"{name}:line {line}", "csv_rows_in_field")
