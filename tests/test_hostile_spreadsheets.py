"""Tests of workbooks and CSV files that travel between organisations: limits, damage, hidden values, permissions.

Each test reproduces a failure of issue 14: a zip bomb accepted, a million rows read, 200,000 problems printed, a
traceback on damaged XML, hidden or formula values taken as they are, files written 0644 whatever the umask, two
merges into one file losing a figure, a template for one party carrying another's confidential values.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import struct
import subprocess
import sys
import textwrap
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import openpyxl
import pytest

import prestatieafspraken
from prestatieafspraken import LoadError, PrestatieafsprakenError, examples, load
from prestatieafspraken.cli import main
from prestatieafspraken.model import Agreement, Realisation, RealisationStatus, Visibility
from prestatieafspraken.tabular import (
    import_realisations,
    import_realisations_csv,
    layout,
    read_workbook,
    realisations_template,
    write_workbook,
)
from prestatieafspraken.tabular.limits import DEFAULT_LIMITS, LimitError, Limits
from test_tabular import save_results

pytestmark = pytest.mark.needs_extras  # openpyxl (and pandas)

EXAMPLE = "lindeveen-2025-2028"
SHEET = "xl/worksheets/sheet1.xml"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
CSV_HEADER = "Soort;Id;Gebied;Partij;Jaar;Waarde;Gerapporteerd op;Status"


@pytest.fixture
def lindeveen() -> Agreement:
    """The shipped local example: 2025-2028, with three approved figures of 2025."""
    return examples.load(EXAMPLE)


@pytest.fixture
def filled(tmp_path: Path, lindeveen: Agreement) -> Path:
    """The Dutch template of 2025 with one good row: c-2025-rent-policy (row 4), 1 in N4, concept in P4."""
    path = tmp_path / "t.xlsx"
    realisations_template(lindeveen, 2025, path=path)
    book = openpyxl.load_workbook(path)
    book["Realisaties"]["N4"], book["Realisaties"]["P4"] = 1, "concept"
    book["Realisaties"]["O4"] = dt.date(2026, 4, 1)  # after the outcome recorded in the yearly report
    book.save(path)
    return path


def rewrite(path: Path, edit: Callable[[dict[str, bytes]], object]) -> Path:
    """Rewrite the parts of a workbook: *edit* changes the mapping of part names to bytes in place."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    edit(parts)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def cell_value(ref: str, value: str) -> Callable[[dict[str, bytes]], None]:
    """An edit that sets the saved value of the cell *ref* of the first sheet, keeping its type."""

    def edit(parts: dict[str, bytes]) -> None:
        pattern = rb'(<c r="' + ref.encode() + rb'"[^>]*><v>)[^<]*(</v>)'
        parts[SHEET], count = re.subn(pattern, rb"\g<1>" + value.encode() + rb"\g<2>", parts[SHEET])
        assert count == 1

    return edit


def stored_zip(path: Path, parts: list[tuple[str, bytes, int, int, int]]) -> None:
    """Write a zip file by hand from (name, deflated data, CRC-32, declared size, compressed size) per part."""
    body = bytearray()
    directory = bytearray()
    for name, data, crc, size, compressed in parts:
        offset = len(body)
        raw = name.encode()
        body += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, compressed, size, len(raw), 0)
        body += raw + data
        directory += struct.pack(
            "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, crc, compressed, size, len(raw), 0, 0, 0, 0, 0, offset
        )
        directory += raw
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(parts), len(parts), len(directory), len(body), 0)
    path.write_bytes(bytes(body + directory + end))


def zeros(size: int) -> tuple[bytes, int]:
    """*size* zero bytes deflated (size a multiple of 16 MiB), and their CRC-32, without holding them in memory.

    Each 16 MiB is deflated with a full flush, so that every block's bytes are the same: the first is repeated.
    """
    chunk = bytes(1 << 24)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(size // len(chunk)):
        crc = zlib.crc32(chunk, crc)
    return block * (size // len(chunk)) + compressor.flush(), crc


def zip_bomb(path: Path, *, size: int, declared: int | None = None) -> None:
    """A workbook of *path* (already a workbook) with one more part of *size* zeros, declared as *declared* bytes."""
    with zipfile.ZipFile(path) as source:
        parts = []
        for info in source.infolist():
            data = source.read(info)
            compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
            deflated = compressor.compress(data) + compressor.flush()
            parts.append((info.filename, deflated, zlib.crc32(data), len(data), len(deflated)))
    data, crc = zeros(size)
    parts.append(("xl/media/image1.bin", data, crc, size if declared is None else declared, len(data)))
    stored_zip(path, parts)


def run_bounded(script: str, *arguments: str, memory: int = 1 << 30) -> subprocess.CompletedProcess[str]:
    """Run *script* in a fresh Python whose address space is limited to *memory* bytes (RLIMIT_AS)."""
    source = str(Path(prestatieafspraken.__file__).parents[1])
    prologue = f"import resource\nresource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))\n"
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([source, os.environ.get("PYTHONPATH", "")])}
    return subprocess.run(
        [sys.executable, "-c", prologue + textwrap.dedent(script), *arguments],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=environment,
    )


READ_IN_BOUNDED_MEMORY = """
    import pathlib, sys
    from prestatieafspraken import LoadError, examples
    from prestatieafspraken.tabular import import_realisations
    try:
        import_realisations(examples.load("lindeveen-2025-2028"), sys.argv[1])
    except LoadError as error:
        print(error)
    status = pathlib.Path("/proc/self/status").read_text().split("VmHWM:")[1].split()[0]
    print("peak", int(status) * 1024)
"""


def peak(result: subprocess.CompletedProcess[str]) -> int:
    """The peak resident memory that `READ_IN_BOUNDED_MEMORY` printed, in bytes (VmHWM: of it, not of its parent)."""
    assert result.returncode == 0, result.stderr
    return int(result.stdout.rsplit("peak ", 1)[1])


class TestLimits:
    """Bytes after decompression, rows and listed problems are bounded; a message says how to raise each."""

    def test_a_zip_bomb_is_refused_in_bounded_memory(self, filled: Path) -> None:
        """A workbook of 2 MB that decompresses to 2 GB is refused by its declared size, within 1 GB of memory."""
        zip_bomb(filled, size=2 << 30)
        assert filled.stat().st_size < 3 << 20
        result = run_bounded(READ_IN_BOUNDED_MEMORY, str(filled))
        assert re.search(r"holds 2,147,\d{3},\d{3} bytes once decompressed", result.stdout)
        assert "over the limit max_bytes = 268,435,456" in result.stdout
        assert "raise it with --max-bytes" in result.stdout
        assert peak(result) < 200 << 20

    def test_a_part_larger_than_it_says(self, filled: Path, lindeveen: Agreement) -> None:
        """A part that declares a small size and holds more is never read beyond its declared size."""
        zip_bomb(filled, size=256 << 20, declared=1000)
        with pytest.raises(LoadError, match=r"the part 'xl/media/image1\.bin' is damaged"):
            import_realisations(lindeveen, filled)

    def test_raising_the_limit(self, filled: Path, lindeveen: Agreement) -> None:
        """A workbook over a lowered limit is refused; with the limit raised it is read."""
        zip_bomb(filled, size=32 << 20)
        with pytest.raises(
            LoadError, match=r"holds 33,5.* bytes once decompressed: that is over the limit max_bytes = 16,777,216"
        ):
            import_realisations(lindeveen, filled, limits=Limits(max_bytes=16 << 20))
        assert import_realisations(lindeveen, filled, limits=Limits(max_bytes=64 << 20)) != lindeveen

    def test_a_million_rows_are_refused_in_bounded_memory(self, filled: Path) -> None:
        """A sheet of a million rows is refused at row 100,001 of the scan, before its cells are read."""

        def million(parts: dict[str, bytes]) -> None:
            rows = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (i, i, i) for i in range(2, 1_000_002))
            parts[SHEET] = re.sub(
                rb"<sheetData>.*</sheetData>|<sheetData/>",
                b"<sheetData>" + rows + b"</sheetData>",
                parts[SHEET],
                flags=re.DOTALL,
            )

        rewrite(filled, million)
        result = run_bounded(READ_IN_BOUNDED_MEMORY, str(filled))
        assert "more than 100,000 rows: that is over the limit max_rows = 100,000" in result.stdout
        assert "raise it with --max-rows" in result.stdout
        assert peak(result) < 200 << 20

    def test_rows_of_a_csv_file(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """A CSV file with more rows than the limit is refused, naming the limit."""
        path = tmp_path / "r.csv"
        path.write_text(CSV_HEADER + "\n" + "afspraak;x;;;2025;;;\n" * 20, encoding="utf-8")
        with pytest.raises(LoadError, match="over the limit max_rows = 10; if the file is trusted"):
            import_realisations_csv(lindeveen, path, limits=Limits(max_rows=10))

    def test_bytes_of_a_csv_file(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """A CSV file larger than the limit is refused before it is read."""
        path = tmp_path / "r.csv"
        path.write_text(CSV_HEADER + "\n" + "afspraak;x;;;2025;;;\n" * 20, encoding="utf-8")
        with pytest.raises(LoadError, match="more than 100 bytes: that is over the limit max_bytes = 100"):
            import_realisations_csv(lindeveen, path, limits=Limits(max_bytes=100))

    def test_the_first_problems_are_listed_and_the_rest_counted(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """Of 5,000 bad rows, the first 100 problems are listed and the other 4,900 counted in one line."""
        path = tmp_path / "r.csv"
        path.write_text(CSV_HEADER + "\n" + "afspraak;c-2025-rent-policy;;;2025;twaalf;;concept\n" * 5000, "utf-8")
        with pytest.raises(LoadError) as caught:
            import_realisations_csv(lindeveen, path)
        message = str(caught.value)
        assert len(caught.value.problems) == 100
        assert caught.value.omitted == 4900
        assert "cannot read the realisations (5,000 problems)" in message
        assert message.splitlines()[-1] == (
            "  ... and 4,900 more, not listed (the limit max_problems = 100: raise it with --max-problems on the "
            "command line or limits=Limits(max_problems=...) in Python)"
        )

    def test_the_command_line_prints_a_bounded_error(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`import-realisations` prints at most --max-problems problems and takes the other limits as options."""
        source = tmp_path / "a.yaml"
        source.write_text(examples.text(EXAMPLE), encoding="utf-8")
        path = tmp_path / "r.csv"
        path.write_text(CSV_HEADER + "\n" + "afspraak;c-2025-rent-policy;;;2025;twaalf;;concept\n" * 2000, "utf-8")
        assert main(["import-realisations", str(source), str(path), "--max-problems", "5", "--lang", "en"]) == 2
        assert len(capsys.readouterr().err.splitlines()) == 7
        assert main(["import-realisations", str(source), str(path), "--max-rows", "100", "--lang", "en"]) == 2
        assert "over the limit max_rows = 100" in capsys.readouterr().err
        assert main(["import-realisations", str(source), str(path), "--max-bytes", "1000", "--lang", "en"]) == 2
        assert "over the limit max_bytes = 1,000" in capsys.readouterr().err

    @pytest.mark.parametrize("option", ["--max-rows=0", "--max-bytes=-1", "--max-problems=x"])
    def test_a_limit_must_be_positive(self, option: str, capsys: pytest.CaptureFixture[str]) -> None:
        """A limit of zero, a negative one or no number is a usage error."""
        with pytest.raises(SystemExit):
            main(["import-realisations", "a.yaml", "r.csv", option])
        assert "expected a whole number of at least 1" in capsys.readouterr().err

    @pytest.mark.parametrize("field", ["max_bytes", "max_rows", "max_problems"])
    def test_limits_are_checked(self, field: str) -> None:
        """A `Limits` with a limit below 1 raises a library error."""
        with pytest.raises(LimitError, match=f"{field} must be a whole number of at least 1, got 0"):
            Limits(**{field: 0})

    def test_the_command_line_says_the_defaults(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The defaults the help states are the library's."""
        with pytest.raises(SystemExit):
            main(["import-realisations", "--help"])
        text = " ".join(capsys.readouterr().out.split())
        for value in (DEFAULT_LIMITS.max_bytes, DEFAULT_LIMITS.max_rows, DEFAULT_LIMITS.max_problems):
            assert f"default {value};" in text or f"default {value})" in text or f"default {value}" in text


def _entity_bomb(root: bytes) -> bytes:
    entities = '<!ENTITY a0 "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)
    )
    return b'<?xml version="1.0"?><!DOCTYPE x [' + entities.encode() + b"]>" + root


class TestDamage:
    """A damaged workbook is one `LoadError` (exit 2 on the command line), never a traceback."""

    @pytest.mark.parametrize(
        ("edit", "where", "match"),
        [
            (
                lambda parts: parts.update({SHEET: parts[SHEET][: len(parts[SHEET]) // 2]}),
                "t.xlsx",
                "cannot be read beyond row",
            ),
            (
                lambda parts: parts.update({"xl/workbook.xml": parts["xl/workbook.xml"][:100]}),
                "t.xlsx",
                "not an Excel workbook",
            ),
            (
                lambda parts: parts.update(
                    {
                        SHEET: _entity_bomb(
                            f'<worksheet xmlns="{MAIN}"><sheetData>'
                            '<row r="1"><c r="A1" t="inlineStr"><is><t>&a9;</t></is></c></row>'
                            "</sheetData></worksheet>".encode()
                        )
                    }
                ),
                "t.xlsx",
                r"the part 'xl/worksheets/sheet1\.xml' declares a document type",
            ),
            (
                lambda parts: parts.update(
                    {"xl/workbook.xml": _entity_bomb(re.sub(rb"^<\?xml[^>]*>", b"", parts["xl/workbook.xml"]))}
                ),
                "t.xlsx",
                r"the part 'xl/workbook\.xml' declares a document type",
            ),
            (
                lambda parts: parts.update(
                    {SHEET: b'<?xml version="1.0" encoding="TTF-8"?>' + re.sub(rb"^<\?xml[^>]*>", b"", parts[SHEET])}
                ),
                "t.xlsx",
                "a damaged one: unknown encoding: TTF-8",
            ),
            (lambda parts: parts.pop("xl/styles.xml"), "t.xlsx", r"no styles part \(xl/styles.xml\)"),
            (
                lambda parts: parts.update(
                    {"[Content_Types].xml": parts["[Content_Types].xml"].replace(b"sheet.main+xml", b"sheet.mainXxml")}
                ),
                "t.xlsx",
                "no valid workbook part",
            ),
            (lambda parts: parts.pop(SHEET), "t.xlsx", "the sheet 'Realisaties' has no part in the file"),
            (cell_value("N4", "NaN"), "Realisaties!N4", "the cell's saved number is 'NaN': not a number"),
            (cell_value("N4", "-inf"), "Realisaties!N4", "not a number"),
            (cell_value("N4", "9" * 5000), "Realisaties!N4", r"\(5,000 characters\)"),
            (cell_value("N4", "1E999"), "Realisaties!N4", "expected a finite number"),
            (
                lambda parts: parts.update({SHEET: parts[SHEET].replace(b'<row r="3"', b'<row r="9999999999"')}),
                "t.xlsx",
                "not a row of Excel's grid",
            ),
            (
                lambda parts: parts.update({SHEET: parts[SHEET].replace(b'<row r="3"', b'<row r="2"')}),
                "t.xlsx",
                "row 2 after row 2: rows out of order",
            ),
            (
                lambda parts: parts.update({SHEET: parts[SHEET].replace(b'<c r="N4"', b'<c r="ZZZZ4"')}),
                "t.xlsx",
                "not a cell of that row",
            ),
            (
                lambda parts: parts.update({SHEET: parts[SHEET].replace(b'<c r="O4"', b'<c r="N4"')}),
                "t.xlsx",
                "the cell 'N4' twice, or out of order",
            ),
        ],
        ids=[
            "truncated sheet",
            "truncated workbook part",
            "entity bomb in a sheet",
            "entity bomb in the workbook part",
            "unknown encoding",
            "no styles part",
            "damaged content types",
            "no sheet part",
            "NaN",
            "-inf",
            "5000 digits",
            "1E999",
            "row beyond the grid",
            "row given twice",
            "column beyond the grid",
            "cell given twice",
        ],
    )
    def test_refused(
        self, filled: Path, lindeveen: Agreement, edit: Callable[[dict[str, bytes]], object], where: str, match: str
    ) -> None:
        """Each damage is one problem at the file or the cell, saying what is wrong."""
        rewrite(filled, edit)
        with pytest.raises(LoadError, match=match) as caught:
            import_realisations(lindeveen, filled)
        assert type(caught.value) is LoadError
        assert [problem.path for problem in caught.value.problems] == [where]

    def test_read_workbook_raises_a_library_error(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """`read_workbook` of a damaged workbook raises `LoadError`, not a raw ValueError."""
        path = tmp_path / "a.xlsx"
        write_workbook(lindeveen, path)
        rewrite(path, lambda parts: parts.pop("xl/styles.xml"))
        with pytest.raises(LoadError, match="no styles part") as caught:
            read_workbook(path)
        assert type(caught.value) is LoadError

    def test_the_command_line_exits_2(self, tmp_path: Path, filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A damaged workbook exits 2 with the message and no traceback."""
        source = tmp_path / "a.yaml"
        source.write_text(examples.text(EXAMPLE), encoding="utf-8")
        rewrite(filled, cell_value("N4", "NaN"))
        assert main(["import-realisations", str(source), str(filled), "--lang", "en"]) == 2
        error = capsys.readouterr().err
        assert "Realisaties!N4: the cell's saved number is 'NaN'" in error
        assert "Traceback" not in error

    def test_a_gap_in_the_layout_is_a_library_error(self) -> None:
        """A model field the workbook layout cannot hold raises a library error (a TypeError too), not a bare one."""
        with pytest.raises(layout.LayoutError, match="no cell encoding for <class 'complex'>") as caught:
            layout._scalar_kind(complex)
        assert isinstance(caught.value, PrestatieafsprakenError)
        assert isinstance(caught.value, TypeError)


class TestUnseenValues:
    """A value a reviewer of the sheet would not see is refused at its cell: hidden, or a formula's saved result."""

    @pytest.mark.parametrize(
        ("hide", "match"),
        [
            (lambda sheet: setattr(sheet.row_dimensions[4], "hidden", True), "the row is hidden"),
            (lambda sheet: setattr(sheet.column_dimensions["N"], "hidden", True), "the column is hidden"),
            (lambda sheet: setattr(sheet, "sheet_state", "hidden"), "the sheet is hidden"),
            (lambda sheet: setattr(sheet["N4"], "number_format", ";;;"), "the number format ;;; shows nothing"),
        ],
        ids=["hidden row", "hidden column", "hidden sheet", "format ;;;"],
    )
    def test_hidden(self, filled: Path, lindeveen: Agreement, hide: Callable[[object], None], match: str) -> None:
        """A value in a hidden row, column or sheet, or shown as nothing, is refused at its cell."""
        book = openpyxl.load_workbook(filled)
        hide(book["Realisaties"])
        book.save(filled)
        with pytest.raises(LoadError, match=f"Realisaties!N4: {match}, so a reader of the sheet does not see"):
            import_realisations(lindeveen, filled)

    @pytest.mark.parametrize(
        ("tag", "match", "key", "size"),
        [("row", "the row is hidden", "r", "ht"), ("col", "the column is hidden", "min", "width")],  # row 4, column N
        ids=["row of height 0", "column of width 0"],
    )
    def test_no_room(  # noqa: PLR0917 - fixtures and a parameter table
        self, filled: Path, lindeveen: Agreement, tag: str, match: str, key: str, size: str
    ) -> None:
        """A row of height 0 or a column of width 0 hides its values as well as the hidden flag does."""
        from xml.etree import ElementTree as ET  # noqa: PLC0415 - parses what openpyxl wrote in this test

        def change(parts: dict[str, bytes]) -> None:
            ET.register_namespace("", MAIN)
            root = ET.fromstring(parts[SHEET])  # noqa: S314 - written by openpyxl a moment ago
            found = [
                element
                for element in root.iter(f"{{{MAIN}}}{tag}")
                if element.get(key) == ("4" if tag == "row" else "14")
            ]
            assert len(found) == 1
            found[0].set(size, "0")
            found[0].set("customHeight" if tag == "row" else "customWidth", "1")
            parts[SHEET] = ET.tostring(root, encoding="UTF-8", xml_declaration=True)

        rewrite(filled, change)
        with pytest.raises(LoadError, match=f"Realisaties!N4: {match}"):
            import_realisations(lindeveen, filled)

    def test_hidden_cells_that_are_not_read(self, filled: Path, lindeveen: Agreement) -> None:
        """A hidden column that is not read (the description) and hidden empty rows are no problem."""
        book = openpyxl.load_workbook(filled)
        book["Realisaties"].column_dimensions["C"].hidden = True
        book["Realisaties"].row_dimensions[5].hidden = True
        book.save(filled)
        assert len(import_realisations(lindeveen, filled).realisations) == len(lindeveen.realisations) + 1

    def test_a_hidden_row_of_an_agreement_workbook(self, tmp_path: Path) -> None:
        """`read_workbook` refuses a hidden row too, at its first cell with a value."""
        path = tmp_path / "a.xlsx"
        write_workbook(examples.load(EXAMPLE), path)
        book = openpyxl.load_workbook(path)
        book["Targets"].row_dimensions[2].hidden = True
        book.save(path)
        with pytest.raises(LoadError, match="Targets!A2: the row is hidden"):
            read_workbook(path)

    def test_a_formula_with_a_saved_result(self, filled: Path, lindeveen: Agreement) -> None:
        """A formula whose saved result is 1000 is refused at its cell: Excel would show what it computes."""
        book = openpyxl.load_workbook(filled)
        book["Realisaties"]["N4"] = "=1"
        book.save(filled)
        save_results(filled, "Realisaties", {"N4": "1000"})
        with pytest.raises(LoadError, match=r"Realisaties!N4: the cell holds the formula '=1': a formula is not read"):
            import_realisations(lindeveen, filled)


def _secret(lindeveen: Agreement) -> Agreement:
    """The example with c-2025-rent-policy restricted to its executor, with a secret text and figure."""
    commitments = tuple(
        attrs.evolve(c, visibility=Visibility.RESTRICTED, text="Geheim huurbeleid", value=3.25)
        if c.id == "c-2025-rent-policy"
        else c
        for c in lindeveen.commitments
    )
    secret = Realisation(
        commitment="c-2025-rent-policy",
        year=2025,
        value=2.75,
        status=RealisationStatus.APPROVED,
        visibility=Visibility.RESTRICTED,
    )
    return attrs.evolve(lindeveen, commitments=commitments, realisations=(*lindeveen.realisations, secret))


class TestAudience:
    """A template or workbook for one party carries no other party's confidential values or texts."""

    @pytest.mark.parametrize(
        ("audience", "sees"),
        [("gemeente-lindeveen", False), ("public", False), ("woonstichting-lindeveen", True), (None, True)],
    )
    def test_template(self, tmp_path: Path, lindeveen: Agreement, audience: str | None, sees: bool) -> None:
        """A restricted commitment has no row, and its text and figures are nowhere, in another party's template."""
        path = tmp_path / "t.csv"
        realisations_template(_secret(lindeveen), 2025, path=path, lang="en", audience=audience)
        text = path.read_text(encoding="utf-8-sig")
        assert ("c-2025-rent-policy" in text) is sees
        assert ("Geheim huurbeleid" in text) is sees
        assert ("3.25" in text) is sees
        assert ("2.75" in text) is sees
        assert "c-2025-insulation" in text

    def test_export_takes_an_audience(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """`export --audience` writes the view: the template and the workbook without what the audience may not see."""
        from prestatieafspraken import dump  # noqa: PLC0415

        source = tmp_path / "a.yaml"
        dump(_secret(lindeveen), source)
        template = tmp_path / "t.xlsx"
        arguments = ["export", str(source), "--to", "xlsx", "--template", "2025", "--output", str(template)]
        assert main([*arguments, "--audience", "gemeente-lindeveen"]) == 0
        ids = [row[1] for row in openpyxl.load_workbook(template)["Realisaties"].iter_rows(values_only=True)]
        assert "c-2025-rent-policy" not in ids
        whole = tmp_path / "a.xlsx"
        assert main(["export", str(source), "--to", "xlsx", "--output", str(whole), "--audience", "public"]) == 0
        shown = read_workbook(whole)
        rent = shown.index.commitments["c-2025-rent-policy"]
        assert (rent.text, rent.value) == (None, None)
        assert all(figure.value != 2.75 for figure in shown.realisations)

    def test_an_unknown_audience(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An audience that is no party exits 2, listing the audiences."""
        output = ["--output", str(tmp_path / "t.csv")]
        assert main(["export", "--example", EXAMPLE, "--to", "csv", "--template", "2025", "--audience", "x", *output])
        assert "unknown audience 'x'" in capsys.readouterr().err


@pytest.fixture
def umask() -> Iterator[Callable[[int], int]]:
    """Set the umask in a test; the old one is back afterwards."""
    old = os.umask(0o022)
    try:
        yield os.umask
    finally:
        os.umask(old)


class TestPermissions:
    """New files follow the umask, as every program's do; an existing file keeps its permissions."""

    @pytest.mark.parametrize(("mask", "mode"), [(0o077, 0o600), (0o027, 0o640), (0o022, 0o644), (0o002, 0o664)])
    @pytest.mark.parametrize("name", ["t.xlsx", "t.csv", "a.xlsx"])
    def test_new_files(  # noqa: PLR0917 - fixtures and a parameter table
        self, tmp_path: Path, lindeveen: Agreement, umask: Callable[[int], int], mask: int, mode: int, name: str
    ) -> None:
        """A template or workbook is created with 0o666 less the umask (it was 0o644 whatever the umask)."""
        umask(mask)
        path = tmp_path / name
        if name == "a.xlsx":
            write_workbook(lindeveen, path)
        else:
            realisations_template(lindeveen, 2025, path=path)
        assert path.stat().st_mode & 0o777 == mode

    def test_an_existing_file_keeps_its_permissions(
        self, tmp_path: Path, lindeveen: Agreement, umask: Callable[[int], int]
    ) -> None:
        """Writing over a file keeps its permissions, whatever the umask."""
        path = tmp_path / "t.xlsx"
        path.write_bytes(b"")
        path.chmod(0o640)
        umask(0o000)
        realisations_template(lindeveen, 2025, path=path)
        assert path.stat().st_mode & 0o777 == 0o640
        assert not list(tmp_path.glob(".t.xlsx.*"))  # no temporary file is left behind


MERGE = """
    import sys
    from prestatieafspraken.cli import main
    sys.exit(main(["import-realisations", sys.argv[1], sys.argv[2], "--output", sys.argv[1]]))
"""


class TestConcurrentMerges:
    """Two merges into one file at once take turns: neither loses a figure."""

    def test_two_processes(self, tmp_path: Path) -> None:
        """Two `import-realisations --output` of the same file, started together, keep both figures, three times."""
        source = str(Path(prestatieafspraken.__file__).parents[1])
        environment = {**os.environ, "PYTHONPATH": os.pathsep.join([source, os.environ.get("PYTHONPATH", "")])}
        books = []
        for number, commitment in enumerate(("c-2025-rent-policy", "c-2025-insulation"), start=1):
            book = tmp_path / f"r{number}.csv"
            book.write_text(f"{CSV_HEADER}\nafspraak;{commitment};;;2025;{number};1-4-2026;concept\n", encoding="utf-8")
            books.append(book)
        for _ in range(3):
            agreement = tmp_path / "a.yaml"
            agreement.write_text(examples.text(EXAMPLE), encoding="utf-8")
            runs = [
                subprocess.Popen(
                    [sys.executable, "-c", textwrap.dedent(MERGE), str(agreement), str(book)],
                    env=environment,
                    stderr=subprocess.PIPE,
                    text=True,
                )
                for book in books
            ]
            errors = [run.communicate(timeout=120)[1] for run in runs]
            assert [run.returncode for run in runs] == [0, 0], errors
            figures = load(agreement).realisations
            assert {figure.commitment for figure in figures[-2:]} == {"c-2025-rent-policy", "c-2025-insulation"}
            assert len(figures) == len(examples.load(EXAMPLE).realisations) + 2

    def test_a_file_changed_meanwhile_is_not_written(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A file that another program changed between reading and writing is left as that program wrote it."""
        agreement = tmp_path / "a.yaml"
        agreement.write_text(examples.text(EXAMPLE), encoding="utf-8")
        book = tmp_path / "r.csv"
        book.write_text(f"{CSV_HEADER}\nafspraak;c-2025-rent-policy;;;2025;1;1-4-2026;concept\n", encoding="utf-8")
        from prestatieafspraken.cli import _tabular  # noqa: PLC0415 - the module of import-realisations

        def load_and_change(path: Path) -> Agreement:
            found = load(path)
            agreement.write_text(examples.text(EXAMPLE) + "# edited meanwhile\n", encoding="utf-8")
            return found

        monkeypatch.setattr(_tabular, "load", load_and_change)
        assert main(["import-realisations", str(agreement), str(book), "--output", str(agreement)]) == 2
        assert "changed while the figures were merged: nothing is written" in capsys.readouterr().err
        assert agreement.read_text(encoding="utf-8").endswith("# edited meanwhile\n")
