"""Fuzzing the spreadsheet readers with mutated workbooks and CSV files (issue 14, "the fuzz run extended").

A mutated workbook starts from one the library wrote (a filled-in realisations template, or a whole agreement)
and breaks it at one of three levels: its bytes (the zip archive itself: truncated, flipped, cut), one of its XML
parts (truncated, flipped, a slice deleted or doubled, a nasty token inserted: an entity, a DTD, a row number of a
billion, ``NaN``, a formula), or its cells, as a spreadsheet program would (odd values of every type, formulas,
hidden rows and columns). A mutated CSV file starts from a filled-in template in Dutch or English conventions and
gets quotes, separators, line breaks, odd bytes, other encodings and nasty numbers and dates. Whatever arrives,
`import_realisations`, `import_realisations_csv` and `read_workbook` either return an agreement or raise
`LoadError`, every problem of which has a place and a message: no other exception, no hang.

The default run draws a few hundred cases; ``pytest -m slow tests/test_fuzz_tabular.py`` draws 2,000 workbooks
and 2,000 CSV files.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest
from hypothesis import HealthCheck, given, note, reject, settings
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError

from prestatieafspraken import LoadError, examples
from prestatieafspraken.model import Agreement
from prestatieafspraken.tabular import (
    import_realisations,
    import_realisations_csv,
    read_workbook,
    realisations_template,
    write_workbook,
)
from test_fuzz import HANG_SECONDS, time_limit

pytestmark = pytest.mark.needs_extras  # openpyxl (and pandas)

EXAMPLE = "lindeveen-2025-2028"
FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@functools.cache
def agreement() -> Agreement:
    """The shipped example every mutated file is read against."""
    return examples.load(EXAMPLE)


def _filled(path: Path) -> None:
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    sheet["N3"], sheet["O3"], sheet["P3"] = 2, dt.date(2026, 3, 31), "ingediend"
    sheet["N4"], sheet["O4"], sheet["P4"] = 1.5, dt.date(2026, 3, 31), "goedgekeurd"
    book.save(path)


@functools.cache
def bases() -> dict[str, bytes]:
    """The files that are mutated, written once: two workbooks and two CSV files."""
    found: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory() as folder:
        for name in ("template.xlsx", "agreement.xlsx", "nl.csv", "en.csv"):
            path = Path(folder) / name
            if name == "agreement.xlsx":
                write_workbook(agreement(), path)
            else:
                realisations_template(agreement(), 2025, path=path, lang="en" if name == "en.csv" else "nl")
            if name == "template.xlsx":
                _filled(path)
            found[name] = path.read_bytes()
    lines = found["nl.csv"].decode("utf-8-sig").split("\r\n")
    fields = next(csv.reader([lines[3]], delimiter=";"))
    fields[13:16] = ["1.234,5", "1-4-2026", "ingediend"]
    text = io.StringIO()
    csv.writer(text, delimiter=";", lineterminator="").writerow(fields)
    lines[3] = text.getvalue()
    found["nl.csv"] = "\r\n".join(lines).encode("utf-8-sig")
    return found


# --- what may happen -------------------------------------------------------------------------------------------


def assert_reads_cleanly(path: Path) -> None:
    """Assert that every reader either reads *path* or raises a `LoadError` with places and messages."""
    readers: list[Callable[[], object]] = (
        [lambda: import_realisations_csv(agreement(), path)]
        if path.suffix == ".csv"
        else [lambda: import_realisations(agreement(), path), lambda: read_workbook(path)]
    )
    with time_limit(HANG_SECONDS):
        for read in readers:
            refused: LoadError | None = None
            try:
                read()
            except LoadError as error:
                refused = error
            if refused is not None:
                assert refused.problems, "a LoadError lists at least one problem"
                assert all(problem.path and problem.message.strip() for problem in refused.problems)


# --- mutations of workbooks ------------------------------------------------------------------------------------

#: Tokens that break a workbook's XML in the ways a hostile or broken program would.
NASTY_XML = [
    b"&a;",
    b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    b'<row r="999999999999">',
    b'<row r="0"><c r="A0"><v>1</v></c></row>',
    b'<c r="XFE1"><v>1</v></c>',
    b'<c r="A1" t="n"><v>NaN</v></c>',
    b'<c r="B2" t="s"><v>99999</v></c>',
    b'<c r="B2" t="b"><v>2</v></c>',
    b'<c r="B2" t="d"><v>not a date</v></c>',
    b'<c r="B2" t="e"><v>#N/A</v></c>',
    b'<c r="B2"><f>1/0</f><v>7</v></c>',
    b'<c r="B2" s="999"><v>1</v></c>',
    b'<c r="B2" t="inlineStr"><is><t>=1+1</t></is></c>',
    b'<col min="1" max="99999" hidden="1"/>',
    b'<row r="2" hidden="1">',
    b"<v>" + b"9" * 5000 + b"</v>",
    b"<v>1E999</v>",
    b"\x00",
    b"\xff\xfe",
    b"</sheetData>",
    b"<sheetData>",
    b'<sheet name="X" sheetId="9" r:id="rId99"/>',
]


def _zipped(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _bytes_mutation(draw: st.DrawFn, data: bytes) -> tuple[bytes, str]:
    kind = draw(st.sampled_from(["truncate", "flip", "delete", "double", "insert", "insert at a tag"]))
    tags = [at for at, byte in enumerate(data) if byte == ord("<")]
    if kind == "insert at a tag" and tags:  # between two elements: the XML stays well-formed more often
        at = draw(st.sampled_from(tags))
        token = draw(st.sampled_from(NASTY_XML))
        return data[:at] + token + data[at:], f"inserted {token[:30]!r} at {at}"
    at = draw(st.integers(0, len(data) - 1))
    if kind == "truncate":
        return data[:at], f"truncated at {at}"
    if kind == "flip":
        return data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :], f"flipped byte {at}"
    length = draw(st.integers(1, 64))
    if kind == "delete":
        return data[:at] + data[at + length :], f"deleted {length} at {at}"
    if kind == "double":
        return data[:at] + data[at : at + length] * 2 + data[at + length :], f"doubled {length} at {at}"
    token = draw(st.sampled_from(NASTY_XML))
    return data[:at] + token + data[at:], f"inserted {token[:30]!r} at {at}"


def _value() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.integers(-(10**25), 10**25),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=30),
        st.sampled_from(["=1+1", "=SUM(A1:A3)", '=""', "1.110", "1,5", "01-02-2026", "#N/A", "goedgekeurd", "[", "{"]),
        st.booleans(),
        st.dates(dt.date(1900, 3, 1), dt.date(9999, 12, 31)),
        st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(9999, 12, 31)),  # noqa: DTZ001 - a spreadsheet's dates
        st.none(),
    )


def _cell_mutation(draw: st.DrawFn, data: bytes) -> tuple[bytes, str]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book.worksheets[draw(st.integers(0, len(book.worksheets) - 1))]
    done = []
    for _ in range(draw(st.integers(1, 4))):
        row, column = draw(st.integers(1, 12)), draw(st.integers(1, 18))
        kind = draw(st.sampled_from(["value", "value", "value", "hide row", "hide column", "hide sheet", "format"]))
        if kind == "value":
            value = draw(_value())
            try:
                sheet.cell(row, column).value = value
            except (ValueError, TypeError, IllegalCharacterError):  # openpyxl refuses some
                continue
        elif kind == "hide row":
            sheet.row_dimensions[row].hidden = True
        elif kind == "hide column":
            sheet.column_dimensions[get_column_letter(column)].hidden = True
        elif kind == "hide sheet" and len(book.worksheets) > 1:
            sheet.sheet_state = "hidden"
        else:
            sheet.cell(row, column).number_format = draw(st.sampled_from([";;;", "0.0", "@", "yyyy-mm-dd", "0%"]))
        done.append(f"{sheet.title}!{row},{column} {kind}")
    buffer = io.BytesIO()
    try:
        book.save(buffer)
    except (AttributeError, TypeError, ValueError):  # openpyxl cannot write every value it lets a cell take
        reject()
    return buffer.getvalue(), "; ".join(done)


@attrs.frozen
class Mutated:
    """A mutated file: its bytes, its suffix, and the mutations, for the report of a failing case."""

    data: bytes
    suffix: str
    mutations: tuple[str, ...]


@st.composite
def mutated_workbooks(draw: st.DrawFn) -> Mutated:
    """A workbook the library wrote, broken at the level of its bytes, an XML part or its cells."""
    name = draw(st.sampled_from(["template.xlsx", "agreement.xlsx"]))
    data = bases()[name]
    level = draw(st.sampled_from(["bytes", "part", "part", "part", "cells", "cells"]))
    mutations = [name, level]
    if level == "bytes":
        data, done = _bytes_mutation(draw, data)
        mutations.append(done)
    elif level == "part":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = {info.filename: archive.read(info) for info in archive.infolist()}
        sheets = sorted(part for part in parts if part.startswith("xl/worksheets/"))
        for _ in range(draw(st.integers(1, 3))):
            part = draw(st.sampled_from(sheets if draw(st.integers(0, 3)) else sorted(parts)))
            if parts[part]:
                parts[part], done = _bytes_mutation(draw, parts[part])
                mutations.append(f"{part}: {done}")
        data = _zipped(parts)
    else:
        data, done = _cell_mutation(draw, data)
        mutations.append(done)
    return Mutated(data=data, suffix=".xlsx", mutations=tuple(mutations))


# --- mutations of CSV files ------------------------------------------------------------------------------------

NASTY_FIELDS = [
    "1.110",
    "1.11",
    "1,5",
    "1.234,5",
    "1,234.5",
    "1,23E+15",
    "99999999999999999999999",
    "9" * 5000,
    "-0",
    "NaN",
    "inf",
    "1-2-26",
    "31-2-2026",
    "1/2/2026",
    "01-02-2026 09:30",
    "'=1+1",
    "=1+1",
    '"',
    "",
    "\x00",
    "\ufeff",
    "goedgekeurd",
    "afspraak",
    "doel",
    "indicator",
]
NASTY_TEXT = ['"', ";", ",", "\t", "\n", "\r", "\r\n", '""', "\x00", "\ufeff", "é", "€", "\ud7ff", "'"]


@st.composite
def mutated_csv_files(draw: st.DrawFn) -> Mutated:
    """A filled-in CSV template, with fields replaced, characters inserted, another encoding or odd bytes."""
    name = draw(st.sampled_from(["nl.csv", "en.csv"]))
    text = bases()[name].decode("utf-8-sig")
    mutations = [name]
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["field", "field", "insert", "delete line", "double line"]))
        lines = text.split("\r\n")
        number = draw(st.integers(0, len(lines) - 1))
        if kind == "field":
            fields = lines[number].split(";" if name == "nl.csv" else ",")
            position = draw(st.integers(0, max(len(fields) - 1, 0)))
            if fields:
                fields[position] = draw(st.one_of(st.sampled_from(NASTY_FIELDS), st.text(max_size=12)))
            lines[number] = (";" if name == "nl.csv" else ",").join(fields)
        elif kind == "insert":
            at = draw(st.integers(0, len(lines[number])))
            token = draw(st.sampled_from(NASTY_TEXT))
            lines[number] = lines[number][:at] + token + lines[number][at:]
        elif kind == "delete line":
            del lines[number]
        else:
            lines.insert(number, lines[number])
        mutations.append(f"{kind} on line {number + 1}")
        text = "\r\n".join(lines)
    encoding = draw(st.sampled_from(["utf-8-sig", "utf-8", "cp1252", "utf-16"]))
    data = text.encode(encoding, errors="replace")
    if draw(st.booleans()):
        data, done = _bytes_mutation(draw, data)
        mutations.append(done)
    return Mutated(data=data, suffix=".csv", mutations=(*mutations, encoding))


# --- the tests ---------------------------------------------------------------------------------------------------


def _run(case: Mutated, folder: Path) -> None:
    note(f"mutations: {case.mutations}")
    path = folder / f"case{case.suffix}"
    path.write_bytes(case.data)
    assert_reads_cleanly(path)


class TestFuzzSpreadsheets:
    """Whatever a workbook or CSV file holds, its readers return an agreement or raise `LoadError`."""

    @settings(FUZZ, max_examples=150)
    @given(case=mutated_workbooks())
    def test_mutated_workbooks(self, tmp_path_factory: pytest.TempPathFactory, case: Mutated) -> None:
        """A workbook broken in its bytes, its XML or its cells is read cleanly or refused with its problems."""
        _run(case, tmp_path_factory.mktemp("case"))

    @settings(FUZZ, max_examples=150)
    @given(case=mutated_csv_files())
    def test_mutated_csv_files(self, tmp_path_factory: pytest.TempPathFactory, case: Mutated) -> None:
        """A CSV file with odd fields, characters, encodings or bytes is read cleanly or refused."""
        _run(case, tmp_path_factory.mktemp("case"))

    def test_the_bases_read(self, tmp_path: Path) -> None:
        """Unmutated, every base file reads: the mutations start from good files."""
        for name, data in bases().items():
            path = tmp_path / name
            path.write_bytes(data)
            if name == "agreement.xlsx":
                assert read_workbook(path) == agreement()
            elif name == "template.xlsx":
                assert len(import_realisations(agreement(), path).realisations) == len(agreement().realisations) + 2
            else:
                merged = import_realisations_csv(agreement(), path)
                assert len(merged.realisations) == len(agreement().realisations) + (name == "nl.csv")

    @pytest.mark.slow
    @settings(FUZZ, max_examples=2_000)
    @given(case=mutated_workbooks())
    def test_workbooks_at_length(self, tmp_path_factory: pytest.TempPathFactory, case: Mutated) -> None:
        """Two thousand mutated workbooks are all read cleanly or refused (``-m slow``)."""
        _run(case, tmp_path_factory.mktemp("case"))

    @pytest.mark.slow
    @settings(FUZZ, max_examples=2_000)
    @given(case=mutated_csv_files())
    def test_csv_files_at_length(self, tmp_path_factory: pytest.TempPathFactory, case: Mutated) -> None:
        """Two thousand mutated CSV files are all read cleanly or refused (``-m slow``)."""
        _run(case, tmp_path_factory.mktemp("case"))
