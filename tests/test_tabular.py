"""Tests of `prestatieafspraken.tabular`: rows and frames, the lossless workbook, and realisations from Excel or CSV."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pandas as pd
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prestatieafspraken import LoadError, PrestatieafsprakenError, check, dumps, examples, progress
from prestatieafspraken.cli import main
from prestatieafspraken.errors import ExportError, MissingExtraError
from prestatieafspraken.model import (
    Agreement,
    Assignment,
    Baseline,
    Monitoring,
    Process,
    Realisation,
    RealisationStatus,
    StockFlows,
    Target,
)
from prestatieafspraken.tabular import (
    cells,
    commitment_rows,
    commitments_frame,
    finding_rows,
    findings_frame,
    import_realisations,
    import_realisations_csv,
    progress_frame,
    progress_rows,
    read_workbook,
    realisation_rows,
    realisations_frame,
    realisations_template,
    rows,
    target_rows,
    targets_frame,
    write_workbook,
    xlsx,
)
from prestatieafspraken.tabular.book import Book
from strategies import MAX_INT, TRICKY_TEXTS, agreements, texts

pytestmark = pytest.mark.needs_extras  # openpyxl (and pandas)

EXAMPLE = "lindeveen-2025-2028"
AS_OF = dt.date(2026, 7, 1)
PROPERTIES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture
def lindeveen() -> Agreement:
    """The shipped local example: 2025-2028, with the approved figures and outcomes of 2025 and some of 2026."""
    return examples.load(EXAMPLE)


@functools.cache
def _example_book() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.xlsx"
        write_workbook(examples.load(EXAMPLE), path)
        return path.read_bytes()


def book(folder: Path) -> Path:
    """The example's workbook, written once per run, as ``a.xlsx`` in *folder*."""
    path = folder / "a.xlsx"
    path.write_bytes(_example_book())
    return path


def exact(agreement: Agreement) -> str:
    """The agreement as JSON: equal only when every value has the same type too (``1`` is not ``1.0``)."""
    return dumps(agreement, format="json")


def edit(path: Path, changes: dict[str, Any], *, sheet: str | None = None) -> Path:
    """Set cells of a workbook (``{"L4": 12}``, ``None`` empties a cell) as an analyst would, and save it."""
    workbook = openpyxl.load_workbook(path)
    worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
    for ref, value in changes.items():
        worksheet[ref] = value
    workbook.save(path)
    return path


# --- the cell encoding -------------------------------------------------------------------------------------


class TestCells:
    """`prestatieafspraken.tabular.cells`: every value comes back as it went in."""

    @given(st.text(st.characters(exclude_categories=["Cs"])))
    def test_escape_round_trips(self, text: str) -> None:
        """Any text survives escaping, and the escaped text holds nothing a workbook cannot carry."""
        escaped = cells.escape(text)
        assert cells.unescape(escaped) == text
        assert not any(0xD800 <= ord(c) <= 0xDFFF or c in "\r\ufffe\uffff" for c in escaped)
        assert all(c in "\t\n" or ord(c) >= 0x20 for c in escaped)

    @pytest.mark.parametrize(
        ("text", "escaped"),
        [
            ("a\r\nb", "a_x000D_\nb"),
            ("_x0041_", "_x005F_x0041_"),
            ("_x1234\x00", "_x005F_x1234_x0000_"),
            (" ", "_x0020_"),
            ("plain", "plain"),
        ],
    )
    def test_escape_writes_what_excel_writes(self, text: str, escaped: str) -> None:
        """Control characters and an underscore that starts an escape are written as Excel writes them."""
        assert cells.escape(text) == escaped

    @given(st.lists(texts(), max_size=4))
    def test_lists_round_trip(self, items: list[str]) -> None:
        """A list of any texts reads back as itself, in the plain form or as JSON."""
        encoded = cells.encode_list(items)
        assert cells.decode_list(encoded) == items or (not items and encoded == "[]")

    @given(
        st.dictionaries(
            texts(),
            st.one_of(st.integers(-MAX_INT, MAX_INT), st.floats(allow_nan=False, allow_infinity=False)),
            max_size=4,
        )
    )
    def test_mappings_round_trip(self, mapping: dict[str, int | float]) -> None:
        """A breakdown with any keys and numbers reads back equal, whole numbers whole."""
        back = cells.decode_mapping(cells.encode_mapping(mapping)) if mapping else {}
        assert back == mapping
        assert [type(value) for value in back.values()] == [type(value) for value in mapping.values()]

    @pytest.mark.parametrize(
        ("items", "encoded"),
        [
            (["a", "b"], "a; b"),
            (["a;b"], '["a;b"]'),
            ([" a"], '[" a"]'),
            (["[x]"], '["[x]"]'),
            ([""], '[""]'),
        ],
    )
    def test_lists_are_plain_when_they_can_be(self, items: list[str], encoded: str) -> None:
        """Plain items are joined by '; '; anything that would not read back plainly is a JSON array."""
        assert cells.encode_list(items) == encoded

    @pytest.mark.parametrize(
        ("text", "expected"),
        [("120", 120), ("-3", -3), ("12.5", 12.5), ("1.0", 1.0), ("1e+16", 1e16), ("-0.0", -0.0)],
    )
    def test_numbers_keep_their_type(self, text: str, expected: float) -> None:
        """A whole number is an int; a point or an exponent makes a float."""
        number = cells.parse_number(text)
        assert number == expected
        assert type(number) is type(expected)

    @pytest.mark.parametrize("text", ["twaalf", "1,5", "NaN", "inf", "1e999", "", "0x10"])
    def test_what_is_not_a_number(self, text: str) -> None:
        """Words, decimal commas, NaN and infinity are not numbers of the format."""
        with pytest.raises(cells.CellError, match="number"):
            cells.parse_number(text)

    @pytest.mark.parametrize(
        ("raw", "kind", "match"),
        [
            (cells.Raw("#N/A", "e"), "number", "the cell holds the error #N/A"),
            (cells.Raw(value=True, data_type="b"), "int", "expected a whole number, got the boolean TRUE"),
            (cells.Raw(1.5), "int", "expected a whole number, got the number 1.5"),
            (cells.Raw(5), "bool", "expected TRUE or FALSE"),
            (cells.Raw(dt.time(0, 0), "d"), "date", "expected a date, got the time 00:00:00"),
            (cells.Raw(12), "text", "format the cell as text"),
            (cells.Raw(12), "texts", "expected a list"),
            (cells.Raw(float("nan")), "number", "expected a finite number"),
        ],
    )
    def test_cells_of_the_wrong_type(self, raw: cells.Raw, kind: cells.Kind, match: str) -> None:
        """A cell of the wrong type is refused with what was expected and what it holds."""
        with pytest.raises(cells.CellError, match=match):
            cells.read_cell(raw, kind)

    @pytest.mark.parametrize(
        ("raw", "kind", "expected"),
        [
            (cells.Raw(1, "n", cells.FLOAT_FORMAT), "number", 1.0),
            (cells.Raw(1, "n", "0.00"), "number", 1),
            (cells.Raw('=""', "f"), "text", ""),
            (cells.Raw("a_x000D_b", "s"), "text", "a\rb"),
            (cells.Raw(dt.datetime(2025, 1, 31), "d"), "date", "2025-01-31"),  # noqa: DTZ001 - as Excel has it
            (cells.Raw("2025-01-31", "s"), "date", "2025-01-31"),
            (cells.Raw(" a ;; b ;", "s"), "texts", ["a", "b"]),
        ],
    )
    def test_cells_read_back(self, raw: cells.Raw, kind: cells.Kind, expected: object) -> None:
        """The float marker, the empty text, escapes, dates and lenient list separators are read as written."""
        found = cells.read_cell(raw, kind)
        assert found == expected
        assert type(found) is type(expected)

    @pytest.mark.parametrize(
        ("text", "match"),
        [
            ("a: 1; a: 2", "given twice"),
            ("a 1", "expected parts"),
            ("a: x", "a: expected a number"),
            ('{"a": true}', "finite number"),
            ('{"a": 1', "JSON notation"),
            ("[1, 2]", None),
        ],
    )
    def test_bad_mappings(self, text: str, match: str | None) -> None:
        """A breakdown cell that cannot be read says why."""
        with pytest.raises(cells.CellError, match=match or "expected parts"):
            cells.decode_mapping(text)

    def test_both_writers_write_the_same_cells(self, tmp_path: Path) -> None:
        """`write_cell` (openpyxl's cells, for the template) and the streaming writer give the same cells back."""
        workbook = openpyxl.Workbook()
        sheet = workbook.create_sheet("S", 0)
        for row, (kind, value) in enumerate(ONE_OF_EACH, start=1):
            cell = sheet.cell(row, 1)
            assert isinstance(cell, openpyxl.cell.Cell)
            cells.write_cell(cell, kind, value)
        workbook.save(tmp_path / "openpyxl.xlsx")
        with (
            (tmp_path / "streamed.xlsx").open("wb") as stream,
            xlsx.WorkbookWriter(stream) as book,
            book.sheet("S", ["text"]) as streamed,
        ):
            for kind, value in ONE_OF_EACH:
                streamed.row([value], [kind])
        read = {name: _raw_rows(tmp_path / name, "S") for name in ("openpyxl.xlsx", "streamed.xlsx")}
        assert read["streamed.xlsx"] == read["openpyxl.xlsx"]
        assert len(read["streamed.xlsx"]) == len(ONE_OF_EACH) - 2  # the empty list and mapping leave no cell


#: A value of every kind, the hard ones included.
ONE_OF_EACH: list[tuple[cells.Kind, object]] = [
    ("text", "Woningbouw in Lindeveen"),
    ("text", ""),
    ("text", "=SUM(A1)"),
    ("text", " spaties "),
    ("text", "a\x01b_x0041_\r\n<&>"),
    ("enum", RealisationStatus.APPROVED),
    ("int", 12),
    ("int", MAX_INT),
    ("number", 0.30000000000000004),
    ("number", 1.0),
    ("number", -0.0),
    ("bool", True),
    ("bool", False),
    ("date", pendulum.Date(2025, 12, 31)),
    ("date", pendulum.Date(1, 1, 1)),
    ("texts", ("a", "b; c")),
    ("texts", ()),
    ("mapping", {"a": 1, "b": 2.5}),
    ("mapping", {}),
]


def _raw_rows(path: Path, sheet: str) -> list[tuple[int, list[cells.Raw]]]:
    with Book(path, what="the test workbook") as opened:
        return opened.rows(sheet)


# --- the agreement workbook --------------------------------------------------------------------------------


def _tricky(lindeveen: Agreement) -> Agreement:
    """The example with the values that are hardest to keep in a cell."""
    indicator = attrs.evolve(lindeveen.indicators[1], stock_flows=StockFlows(), label="=SUM(A1)", unit="#N/A")
    target = Target(
        id="t-tricky",
        indicator="homes-label-efg",
        value=0.30000000000000004,
        by=2028,
        breakdown={"a:b": 1, "c; d": 2.0, "lindeveen": MAX_INT},
        baseline=Baseline(year=2024, value=-0.0),
        goals=("x", "y;z"),
    )
    commitment = attrs.evolve(lindeveen.commitments[0], text="", value=1.0, by=("a; b", ""), due=pendulum.Date(1, 1, 1))
    return attrs.evolve(
        lindeveen,
        title="\ufeff12\r\n" + "".join(TRICKY_TEXTS[1:6]),
        assignment=Assignment(),
        process=Process(),
        monitoring=Monitoring(),
        indicators=(lindeveen.indicators[0], indicator),
        targets=(*lindeveen.targets, target),
        commitments=(commitment, *lindeveen.commitments[1:]),
    )


class TestWorkbook:
    """`write_workbook` and `read_workbook`: lossless for file format v1, strict when reading."""

    @PROPERTIES
    @given(agreements(valid_references=False))
    def test_round_trip(self, tmp_path_factory: pytest.TempPathFactory, agreement: Agreement) -> None:
        """Agreement -> workbook -> agreement is equal, with every number of the same type."""
        path = tmp_path_factory.mktemp("round-trip") / "agreement.xlsx"
        write_workbook(agreement, path)
        back = read_workbook(path)
        assert back == agreement
        assert exact(back) == exact(agreement)

    @settings(PROPERTIES, max_examples=20)
    @given(agreements(max_items=5))
    def test_round_trip_of_larger_agreements(
        self, tmp_path_factory: pytest.TempPathFactory, agreement: Agreement
    ) -> None:
        """Agreements with more items and valid references round-trip the same way."""
        path = tmp_path_factory.mktemp("round-trip") / "agreement.xlsx"
        write_workbook(agreement, path)
        assert exact(read_workbook(path)) == exact(agreement)

    @pytest.mark.parametrize("name", examples.names())
    def test_shipped_examples_round_trip(self, tmp_path: Path, name: str) -> None:
        """Every shipped example comes back equal."""
        agreement = examples.load(name)
        write_workbook(agreement, tmp_path / "example.xlsx")
        assert exact(read_workbook(tmp_path / "example.xlsx")) == exact(agreement)

    def test_the_hardest_values_round_trip(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """Empty texts, formulas and error codes as text, lists with ';', 1.0, -0.0, 2^63-1, year 1, empty records."""
        agreement = _tricky(lindeveen)
        write_workbook(agreement, tmp_path / "tricky.xlsx")
        assert exact(read_workbook(tmp_path / "tricky.xlsx")) == exact(agreement)

    def test_the_layout_is_readable(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """One sheet per list, headed by the format's keys; texts that look like numbers are text cells."""
        agreement = attrs.evolve(lindeveen, title="2025")
        write_workbook(agreement, tmp_path / "a.xlsx")
        workbook = openpyxl.load_workbook(tmp_path / "a.xlsx")
        assert workbook.sheetnames[:4] == ["Agreement", "Basis", "Areas", "Parties"]
        assert "Realisations" in workbook.sheetnames
        keys = {row[0]: row[1] for row in workbook["Agreement"].iter_rows(min_row=2, values_only=True)}
        assert keys["title"] == "2025"
        assert workbook["Agreement"]["B4"].data_type == "s"
        assert keys["perspective.start"] == 2025
        assert (
            keys["assignment.in_scope"]
            == "availability; affordability; quality-and-sustainability; liveability; collaboration"
        )
        assert "process.started" in keys  # the process is there, without a start date
        assert "tenant_involvement" in keys
        targets = workbook["Targets"]
        assert [cell.value for cell in targets[1]][:5] == ["id", "indicator", "value", "from", "by"]
        assert targets["C2"].value == 400
        assert workbook.sheetnames.count("Milestones") == 1

    def test_an_absent_record_has_no_rows(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """Without an assignment there are no assignment rows, and none is read back."""
        agreement = attrs.evolve(lindeveen, assignment=None, process=None)
        write_workbook(agreement, tmp_path / "a.xlsx")
        keys = [row[0] for row in openpyxl.load_workbook(tmp_path / "a.xlsx")["Agreement"].iter_rows(values_only=True)]
        assert not [key for key in keys if str(key).startswith(("assignment.", "process."))]
        assert read_workbook(tmp_path / "a.xlsx") == agreement

    def test_a_text_too_long_for_a_cell(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """A text of more than 32,767 characters is refused, not cut short."""
        with pytest.raises(ExportError, match=r"Agreement!B4: a text of 40,000 characters does not fit"):
            write_workbook(attrs.evolve(lindeveen, title="x" * 40_000), tmp_path / "a.xlsx")
        assert not (tmp_path / "a.xlsx").exists()

    @pytest.mark.parametrize("text", ['=HYPERLINK("http://x")', "+31 20 1234567", "-1", "@SUM(A1)", "=", "#N/A"])
    def test_texts_are_never_formulas(self, tmp_path: Path, lindeveen: Agreement, text: str) -> None:
        """A text that a spreadsheet would take for a formula or an error code is written as a text cell."""
        write_workbook(attrs.evolve(lindeveen, title=text), tmp_path / "a.xlsx")
        cell = openpyxl.load_workbook(tmp_path / "a.xlsx")["Agreement"]["B4"]
        assert (cell.value, cell.data_type) == (text, "s")

    def test_the_same_agreement_gives_the_same_bytes(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """The file carries no time of writing: writing twice gives the same bytes."""
        write_workbook(lindeveen, tmp_path / "a.xlsx")
        write_workbook(lindeveen, tmp_path / "b.xlsx")
        assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()

    def test_a_failed_write_leaves_the_old_file(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """A write that fails half-way leaves the file as it was, and no temporary file beside it."""
        path = book(tmp_path)
        before = path.read_bytes()
        too_long = attrs.evolve(lindeveen.commitments[-1], text="x" * 40_000)
        with pytest.raises(ExportError, match=r"Commitments!H\d+: a text of 40,000 characters"):
            write_workbook(attrs.evolve(lindeveen, commitments=(*lindeveen.commitments[:-1], too_long)), path)
        assert path.read_bytes() == before
        assert [file.name for file in tmp_path.iterdir()] == ["a.xlsx"]

    def test_a_sheet_larger_than_a_batch(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """A sheet of more rows than one batch of the streaming writer holds (256 KiB of XML) reads back equal."""
        first = lindeveen.commitments[0]
        many = tuple(attrs.evolve(first, id=f"c-{n:04d}", text=f"{n}: " + "woningbouw " * 100) for n in range(400))
        agreement = attrs.evolve(lindeveen, commitments=(*lindeveen.commitments, *many))
        write_workbook(agreement, tmp_path / "a.xlsx")
        assert exact(read_workbook(tmp_path / "a.xlsx")) == exact(agreement)

    def test_a_sheet_holds_so_many_rows(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, lindeveen: Agreement
    ) -> None:
        """A list with more items than a sheet has rows is refused, not cut short (Excel's 1,048,576, here 16)."""
        monkeypatch.setattr(xlsx, "LAST_ROW", 16)
        with pytest.raises(ExportError, match=r"^Commitments: more than 16 rows, the most a sheet holds"):
            write_workbook(lindeveen, tmp_path / "a.xlsx")
        assert not (tmp_path / "a.xlsx").exists()

    @pytest.mark.parametrize(
        ("sheet", "changes", "where", "match"),
        [
            ("Targets", {"C2": "vierhonderd"}, "Targets!C2", "expected a number, got the text 'vierhonderd'"),
            ("Targets", {"C2": "400"}, "Targets!C2", "expected a number, got the text '400'"),
            ("Targets", {"E2": 2028.5}, "Targets!E2", "expected a whole number"),
            ("Targets", {"A3": None}, "Targets!A3", "a value is required here"),
            ("Targets", {"I2": "lindeveen 400"}, "Targets!I2", "expected parts such as"),
            ("Targets", {"M1": "colour"}, "Targets!M1", "unknown column 'colour'"),
            ("Commitments", {"G2": "resultaat"}, "Commitments!G2", "expected one of result, effort"),
            ("Commitments", {"M2": "31-12-2025"}, "Commitments!M2", "expected a date as YYYY-MM-DD"),
            ("Commitments", {"B2": '["a",'}, "Commitments!B2", "JSON notation"),
            ("Commitments", {"B2": None}, "Commitments!B2", "a value is required here"),
            ("Commitments", {"A2": "Not A Slug"}, "Commitments!A2", "is not an id"),
            ("Commitments", {"Q2": "x"}, "Commitments!Q2", "a value in a column without a heading"),
            ("Parties", {"B2": 12}, "Parties!B2", "expected a text, got the number 12"),
            ("Agreement", {"B7": 2020}, "Agreement!B7", r"ends \(2020\) before it starts \(2025\)"),
            ("Agreement", {"A13": "tenant_involvment"}, "Agreement!A13", r"did you mean 'tenant_involvement'\?"),
            ("Agreement", {"B17": "x"}, "Agreement!A17", "a value without a key"),
            ("Agreement", {"B2": 2}, "Agreement!B2", "not a supported version"),
            ("Agreement", {"C3": "x"}, "Agreement!C3", "outside the columns key and value"),
            ("Agreement", {"B16": "maybe"}, "Agreement!B16", "expected TRUE or FALSE"),
            ("Agreement", {"B15": "=TODAY()"}, "Agreement!B15", r"holds the formula '=TODAY\(\)'"),
        ],
    )
    def test_bad_cells(self, tmp_path: Path, sheet: str, changes: dict[str, Any], where: str, match: str) -> None:
        """A wrong cell is reported at its place, with what was expected and what arrived."""
        path = book(tmp_path)
        edit(path, changes, sheet=sheet)
        with pytest.raises(LoadError, match=match) as caught:
            read_workbook(path)
        assert [problem.path for problem in caught.value.problems] == [where]
        assert str(caught.value).startswith(f"{path}: cannot read the agreement (1 problem):")

    def test_a_misspelt_required_column(self, tmp_path: Path) -> None:
        """A misspelt heading is named with the one it resembles, and the required column as missing."""
        path = book(tmp_path)
        edit(path, {"C1": "valeu"}, sheet="Targets")
        with pytest.raises(LoadError) as caught:
            read_workbook(path)
        assert [str(problem) for problem in caught.value.problems] == [
            (
                "Targets!C1: unknown column 'valeu' (did you mean 'value'?); the columns of Targets are id, "
                "indicator, value, from, by, theme, goals, area, breakdown, baseline.year, baseline.value, source"
            ),
            "Targets!1:1: the column 'value' is required: add it",
        ]

    def test_every_problem_at_once(self, tmp_path: Path) -> None:
        """Bad cells in several sheets, an unknown sheet and a missing list are reported together."""
        path = book(tmp_path)
        workbook = openpyxl.load_workbook(path)
        workbook["Targets"]["C2"] = "veel"
        workbook["Commitments"]["F3"] = "2025"
        del workbook["Parties"]
        workbook.create_sheet("Notities")
        workbook.save(path)
        with pytest.raises(LoadError) as caught:
            read_workbook(path)
        assert [problem.path for problem in caught.value.problems] == [
            "Notities",
            "Targets!C2",
            "Commitments!F3",
            "Parties",
        ]

    def test_a_missing_required_column(self, tmp_path: Path) -> None:
        """A required column left out is one problem, at the heading row, not one per row."""
        path = book(tmp_path)
        workbook = openpyxl.load_workbook(path)
        workbook["Commitments"].delete_cols(1)
        workbook.save(path)
        with pytest.raises(LoadError) as caught:
            read_workbook(path)
        assert [str(problem) for problem in caught.value.problems] == [
            "Commitments!1:1: the column 'id' is required: add it"
        ]

    def test_without_the_agreement_sheet(self, tmp_path: Path) -> None:
        """The sheet of the agreement's own keys is required."""
        path = book(tmp_path)
        workbook = openpyxl.load_workbook(path)
        del workbook["Agreement"]
        workbook.save(path)
        with pytest.raises(LoadError, match="Agreement: the sheet is missing"):
            read_workbook(path)

    def test_a_missing_key(self, tmp_path: Path) -> None:
        """A required key without a row is named, with the row to add."""
        path = book(tmp_path)
        workbook = openpyxl.load_workbook(path)
        workbook["Agreement"].delete_rows(4)  # title
        workbook.save(path)
        with pytest.raises(LoadError, match="Agreement: required: add a row with the key 'title'"):
            read_workbook(path)

    @pytest.mark.parametrize(
        ("content", "match"),
        [(b"not a zip", "not an Excel workbook"), (None, "cannot open the file")],
    )
    def test_not_a_workbook(self, tmp_path: Path, content: bytes | None, match: str) -> None:
        """A file that is not a workbook, or no file, is one problem, not a traceback."""
        path = tmp_path / "a.xlsx"
        if content is not None:
            path.write_bytes(content)
        with pytest.raises(LoadError, match=match):
            read_workbook(path)

    def test_a_formula_with_a_saved_result(self, tmp_path: Path) -> None:
        """A formula is refused at its cell, also with a saved result: a reviewer's program need not show that."""
        path = book(tmp_path)
        edit(path, {"C2": "=200*2"}, sheet="Targets")
        save_results(path, "Targets", {"C2": "400"})
        with pytest.raises(LoadError, match=r"Targets!C2: the cell holds the formula '=200\*2'") as caught:
            read_workbook(path)
        assert [problem.path for problem in caught.value.problems] == ["Targets!C2"]

    def test_the_saved_result_is_in_the_file(self, tmp_path: Path) -> None:
        """The helper of the test above writes the result as Excel does, next to the formula (openpyxl reads it)."""
        path = book(tmp_path)
        edit(path, {"C2": "=200*2"}, sheet="Targets")
        save_results(path, "Targets", {"C2": "400"})
        assert openpyxl.load_workbook(path, data_only=True)["Targets"]["C2"].value == 400
        assert openpyxl.load_workbook(path)["Targets"]["C2"].value == "=200*2"


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def save_results(path: Path, sheet: str, results: dict[str, str]) -> None:
    """Write the results of formulas into the file, as Excel saves them next to the formulas.

    The sheet's XML is parsed and written again with an XML library, so this works however openpyxl (with or
    without lxml) happens to write the XML.
    """
    import zipfile  # noqa: PLC0415
    from xml.etree import ElementTree as ET  # noqa: PLC0415 - parses only what openpyxl wrote in this test

    workbook = openpyxl.load_workbook(path)
    index = workbook.sheetnames.index(sheet) + 1
    name = f"xl/worksheets/sheet{index}.xml"
    with zipfile.ZipFile(path) as source:
        parts = {item: source.read(item) for item in source.namelist()}
    ET.register_namespace("", _MAIN)
    root = ET.fromstring(parts[name])  # noqa: S314 - the XML openpyxl wrote a moment ago
    for ref, value in results.items():
        cell = root.find(f".//{{{_MAIN}}}c[@r='{ref}']")
        assert cell is not None
        for old in cell.findall(f"{{{_MAIN}}}v"):
            cell.remove(old)
        ET.SubElement(cell, f"{{{_MAIN}}}v").text = value
    parts[name] = ET.tostring(root, xml_declaration=True, encoding="UTF-8")
    with zipfile.ZipFile(path, "w") as target:
        for item, data in parts.items():
            target.writestr(item, data)


# --- the realisations template and its import ---------------------------------------------------------------


@pytest.fixture
def template(tmp_path: Path, lindeveen: Agreement) -> Path:
    """The Dutch realisations template of 2025: rows 2-7 the commitments of 2025, rows 8-9 the two targets."""
    path = tmp_path / "realisaties-2025.xlsx"
    realisations_template(lindeveen, 2025, path=path)
    return path


#: A figure for c-2025-building-land (row 3) and one for c-2025-rent-policy (row 4), both good: reported after the
#: outcomes of the yearly report (2026-03-02), so they are added next to them.
#: A date with a time of day, as Excel has it: without a time zone.
NINE_THIRTY = dt.datetime(2026, 1, 31, 9, 30)  # noqa: DTZ001 - a spreadsheet's dates have no time zone

GOOD = {
    "N3": 2,
    "O3": dt.date(2026, 3, 31),
    "P3": "ingediend",
    "N4": 1.5,
    "O4": dt.date(2026, 3, 31),
    "P4": "goedgekeurd",
}


class TestTemplate:
    """`realisations_template`: one row per commitment of the year and per target, pre-filled."""

    def test_rows_and_prefilled_values(self, template: Path, lindeveen: Agreement) -> None:
        """Ids, labels, unit, the committed value and the recorded figure are filled in; the inputs are empty."""
        sheet = openpyxl.load_workbook(template)["Realisaties"]
        values = list(sheet.iter_rows(values_only=True))
        assert values[0][:3] == ("Soort", "Id", "Omschrijving")
        assert [row[1] for row in values[1:]] == [
            *(c.id for c in lindeveen.commitments if c.year == 2025),
            "new-build-2025-2028",
            "no-label-efg",
        ]
        first = dict(zip(values[0], values[1], strict=True))
        assert first["Soort"] == "afspraak"
        assert first["Eenheid"] == "dwellings"
        assert first["Afgesproken"] == 100
        assert first["Bekend cijfer"] == 96
        assert first["Bekend: status en datum"] == "goedgekeurd, 2026-03-02"
        assert first["Waarde"] is None
        assert first["Status"] is None
        assert sheet["B2"].data_type == "s"

    def test_breakdown_parts_have_rows(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """A target's breakdown gives a row per part: an area, or a party."""
        target = attrs.evolve(lindeveen.targets[0], breakdown={"lindeveen": 300, "woonstichting-lindeveen": 100})
        agreement = attrs.evolve(lindeveen, targets=(target,), commitments=())
        realisations_template(agreement, 2026, path=tmp_path / "t.xlsx", lang="en")
        sheet = openpyxl.load_workbook(tmp_path / "t.xlsx")["Realisations"]
        rows_ = [row[:9] for row in sheet.iter_rows(min_row=2, values_only=True)]
        assert [(row[0], row[5], row[6], row[8]) for row in rows_] == [
            ("target", "lindeveen", None, 400),
            ("target", "lindeveen", None, 300),
            ("target", None, "woonstichting-lindeveen", 100),
        ]

    @pytest.mark.parametrize("year", [2024, 2028])
    def test_years_that_take_figures(self, tmp_path: Path, lindeveen: Agreement, year: int) -> None:
        """The year before the perspective (the starting level) and its last year take a template."""
        realisations_template(lindeveen, year, path=tmp_path / "t.xlsx")
        assert (tmp_path / "t.xlsx").exists()

    @pytest.mark.parametrize("year", [2023, 2029])
    def test_years_that_take_none(self, tmp_path: Path, lindeveen: Agreement, year: int) -> None:
        """A year outside the perspective, not the year before it and no baseline year, is refused."""
        with pytest.raises(ExportError, match=f"takes no figures for {year}"):
            realisations_template(lindeveen, year, path=tmp_path / "t.xlsx")

    def test_unknown_suffix(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """The suffix says what to write: .xlsx or .csv."""
        with pytest.raises(ExportError, match=r"use \.xlsx or \.csv"):
            realisations_template(lindeveen, 2025, path=tmp_path / "t.ods")

    def test_csv_template(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """The CSV template has the same rows and columns, in UTF-8 with a byte order mark for Excel."""
        realisations_template(lindeveen, 2025, path=tmp_path / "t.csv")
        lines = (tmp_path / "t.csv").read_text(encoding="utf-8-sig").splitlines()
        assert lines[0].startswith("Soort;Id;Omschrijving")
        assert len(lines) == 9
        assert (tmp_path / "t.csv").read_bytes().startswith(b"\xef\xbb\xbf")


class TestImportRealisations:
    """`import_realisations`: checked cell by cell, merged by the documented rules, or nothing at all."""

    def test_merges_the_filled_in_rows(self, template: Path, lindeveen: Agreement) -> None:
        """Rows with a value are added as figures; rows left empty are not read."""
        merged = import_realisations(lindeveen, edit(template, GOOD))
        recorded = len(lindeveen.realisations)
        assert merged.realisations[:recorded] == lindeveen.realisations
        assert merged.realisations[recorded:] == (
            Realisation(
                commitment="c-2025-building-land",
                area="lindeveen",
                year=2025,
                value=2,
                reported_on=pendulum.Date(2026, 3, 31),
                status=RealisationStatus.SUBMITTED,
            ),
            Realisation(
                commitment="c-2025-rent-policy",
                year=2025,
                value=1.5,
                reported_on=pendulum.Date(2026, 3, 31),
                status=RealisationStatus.APPROVED,
            ),
        )

    def test_importing_twice_changes_nothing(self, template: Path, lindeveen: Agreement) -> None:
        """Identical rows are not duplicated, so the same workbook can be read again."""
        filled = edit(template, GOOD)
        once = import_realisations(lindeveen, filled)
        assert import_realisations(once, filled) == once

    def test_the_recorded_figure_again_adds_nothing(self, template: Path, lindeveen: Agreement) -> None:
        """Entering the known figure of a place (its own area written out) is not a second figure."""
        filled = edit(template, {"N2": 96, "O2": dt.date(2026, 3, 2), "P2": "goedgekeurd"})
        assert import_realisations(lindeveen, filled) == lindeveen

    def test_a_later_correction_is_added(self, template: Path, lindeveen: Agreement) -> None:
        """A new value with a later reported-on date is a correction: added next to the old figure."""
        filled = edit(template, {"N2": 98, "O2": dt.date(2026, 4, 1), "P2": "goedgekeurd"})
        merged = import_realisations(lindeveen, filled)
        assert len(merged.realisations) == len(lindeveen.realisations) + 1
        assert merged.realisations[-1].value == 98

    def test_a_status_moves_as_the_lifecycle_allows(self, template: Path, lindeveen: Agreement) -> None:
        """The same value and date with the next status moves the figure's status in place."""
        submitted = import_realisations(lindeveen, edit(template, GOOD))
        approved = import_realisations(submitted, edit(template, {"P3": "goedgekeurd"}))
        assert len(approved.realisations) == len(submitted.realisations)
        assert approved.realisations[len(lindeveen.realisations)].status is RealisationStatus.APPROVED

    @pytest.mark.parametrize(
        ("changes", "where", "match"),
        [
            ({"N4": "12"}, "Realisaties!N4", "expected a number, got the text '12'"),
            ({"N4": "twaalf"}, "Realisaties!N4", "expected a number"),
            ({"B4": "c-2025-nope"}, "Realisaties!B4", "unknown commitment id 'c-2025-nope'"),
            ({"H4": 2031}, "Realisaties!H4", r"the year 2031 lies outside the perspective 2025-2028"),
            ({"H4": 2025.5}, "Realisaties!H4", "expected a whole number"),
            ({"P4": None}, "Realisaties!P4", r"a value is required here \(Status\)"),
            ({"A4": None}, "Realisaties!A4", r"a value is required here \(Soort / Kind\)"),
            ({"N4": None}, "Realisaties!N4", r"a value is required here \(Waarde / Value\)"),
            ({"P4": "klaar"}, "Realisaties!P4", r"expected one of concept \(draft\), ingediend"),
            ({"A4": "plan"}, "Realisaties!A4", "expected one of afspraak"),
            ({"F4": "atlantis"}, "Realisaties!F4", "unknown area id 'atlantis'"),
            ({"G4": "woonstichting"}, "Realisaties!G4", "did you mean 'woonstichting-lindeveen'"),
            ({"O4": "31-01-2026"}, "Realisaties!O4", "expected a date as YYYY-MM-DD"),
            ({"O4": NINE_THIRTY}, "Realisaties!O4", "without a time"),
            ({"S4": "geheim"}, "Realisaties!S4", "expected one of openbaar"),
            ({"T4": "nobody"}, "Realisaties!T4", "unknown party id 'nobody'"),
            ({"N4": "=1+1"}, "Realisaties!N4", "holds the formula '=1\\+1'"),
            (
                {"N2": 97, "O2": dt.date(2026, 3, 2), "P2": "goedgekeurd"},
                "Realisaties!O2",
                "recorded already .*a correction needs a later reported-on date after 2026-03-02",
            ),
            (
                {"N2": 96, "O2": dt.date(2026, 3, 2), "P2": "concept"},
                "Realisaties!P2",
                "cannot move from 'approved' to 'draft'",
            ),
            ({"U1": "Waarden"}, "Realisaties!U1", r"unknown column 'Waarden' \(did you mean 'Waarde'\?\)"),
            (
                {"N1": None, "Q1": None},
                "Realisaties!1:1",
                r"lacks the required column\(s\) Waarde \(Value\) or Uitkomst \(Outcome\)",
            ),
        ],
    )
    def test_bad_cells_merge_nothing(
        self, template: Path, lindeveen: Agreement, changes: dict[str, Any], where: str, match: str
    ) -> None:
        """One bad cell is reported at its cell, and the good row next to it is not merged either."""
        with pytest.raises(LoadError, match=match) as caught:
            import_realisations(lindeveen, edit(template, {**GOOD, **changes}))
        assert [problem.path for problem in caught.value.problems] == [where]
        assert "cannot read the realisations (1 problem)" in str(caught.value)

    def test_allowed_years(self, template: Path, lindeveen: Agreement) -> None:
        """The year before the perspective and a target's baseline year take figures (PA308)."""
        changes = {"H4": 2024, "A8": "doel", "B8": "no-label-efg", "H8": 2024, "N8": 240, "P8": "goedgekeurd"}
        merged = import_realisations(lindeveen, edit(template, {**GOOD, **changes}))
        assert [figure.year for figure in merged.realisations[len(lindeveen.realisations) :]] == [2025, 2024, 2024]

    def test_every_problem_at_once(self, template: Path, lindeveen: Agreement) -> None:
        """Every bad cell of every row is listed, top to bottom, in one error."""
        changes = {"N3": "twee", "B4": "c-2025-nope", "P4": "klaar", "N5": 3, "H6": 2040, "N6": 1, "P6": "concept"}
        with pytest.raises(LoadError) as caught:
            import_realisations(lindeveen, edit(template, {**GOOD, **changes}))
        assert [problem.path for problem in caught.value.problems] == [
            "Realisaties!N3",
            "Realisaties!B4",
            "Realisaties!P4",
            "Realisaties!P5",
            "Realisaties!H6",
        ]

    def test_added_rows_and_moved_columns(self, template: Path, lindeveen: Agreement) -> None:
        """An analyst may add a row (here for an indicator) and move a column; the note column is free."""
        workbook = openpyxl.load_workbook(template)
        sheet = workbook["Realisaties"]
        sheet.move_range("U1:U9", cols=2)  # the note column, two to the right
        sheet["W2"] = "uit de jaarrapportage"
        workbook.save(template)
        edit(template, {"A10": "indicator", "B10": "social-new-build", "H10": 2026, "N10": 80, "P10": "concept"})
        merged = import_realisations(lindeveen, template)
        assert merged.realisations[-1] == Realisation(
            indicator="social-new-build", year=2026, value=80, status=RealisationStatus.DRAFT
        )

    def test_english_template(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """The English template reads the same way, with the format's words."""
        path = tmp_path / "t.xlsx"
        realisations_template(lindeveen, 2025, path=path, lang="en")
        merged = import_realisations(lindeveen, edit(path, {"N3": 2, "O3": dt.date(2026, 3, 31), "P3": "approved"}))
        assert merged.realisations[-1].status is RealisationStatus.APPROVED

    def test_no_realisations_sheet(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """A workbook without the sheet Realisaties (or Realisations) is refused."""
        write_workbook(lindeveen, tmp_path / "a.xlsx")
        workbook = openpyxl.load_workbook(tmp_path / "a.xlsx")
        del workbook["Realisations"]
        workbook.save(tmp_path / "a.xlsx")
        with pytest.raises(LoadError, match="no sheet Realisaties or Realisations"):
            import_realisations(lindeveen, tmp_path / "a.xlsx")


CSV_HEADER = "Soort,Id,Gebied,Partij,Jaar,Waarde,Gerapporteerd op,Status"


class TestImportRealisationsCsv:
    """`import_realisations_csv`: the checks of the workbook, each at ``file.csv:row N, column C``."""

    def write(self, tmp_path: Path, *lines: str, header: str = CSV_HEADER, encoding: str = "utf-8-sig") -> Path:
        """Write a CSV file of *header* and *lines* and return its path."""
        path = tmp_path / "realisaties.csv"
        path.write_text("\n".join([header, *lines]) + "\n", encoding=encoding)
        return path

    def test_merges_the_rows(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """Rows with a value become figures; numbers keep their type."""
        path = self.write(
            tmp_path,
            "afspraak,c-2025-building-land,,,2025,2,2026-03-31,ingediend",
            "commitment,c-2025-rent-policy,,,2025,1.5,2026-03-31,approved",
            "afspraak,c-2025-insulation,,,2025,,,",
        )
        merged = import_realisations_csv(lindeveen, path)
        new = merged.realisations[len(lindeveen.realisations) :]
        assert [(figure.subject[1], figure.value) for figure in new] == [
            ("c-2025-building-land", 2),
            ("c-2025-rent-policy", 1.5),
        ]
        assert type(new[0].value) is int

    def test_semicolons_and_decimal_commas(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """A file as Dutch Excel saves it: separated by semicolons, with a decimal comma."""
        path = self.write(
            tmp_path,
            "afspraak;c-2025-rent-policy;;;2025;12,5;2026-03-31;goedgekeurd",
            header=CSV_HEADER.replace(",", ";"),
        )
        assert import_realisations_csv(lindeveen, path).realisations[-1].value == 12.5

    @pytest.mark.parametrize(
        ("line", "where", "match"),
        [
            ("afspraak,c-2025-rent-policy,,,2025,twaalf,,concept", "column Waarde", "expected a number"),
            ('afspraak,c-2025-rent-policy,,,2025,"1,5",,concept', "column Waarde", "without thousands separators"),
            ("afspraak,c-2025-nope,,,2025,1,,concept", "column Id", "unknown commitment id"),
            ("afspraak,c-2025-rent-policy,,,2031,1,,concept", "column Jaar", "outside the perspective"),
            ("afspraak,c-2025-rent-policy,,,2025.0,1,,concept", "column Jaar", "expected a whole number"),
            ("afspraak,c-2025-rent-policy,,,2025,1,,", "column Status", "a value is required here"),
            ("afspraak,c-2025-rent-policy,,,2025,1,,klaar", "column Status", "expected one of concept"),
            ("afspraak,c-2025-rent-policy,,,2025,1,1/31/2026,concept", "column Gerapporteerd op", "no slashes"),
            ("afspraak,c-2025-rent-policy,atlantis,,2025,1,,concept", "column Gebied", "unknown area id"),
            ("afspraak,c-2025-rent-policy,,,2025,1", "column Status", "a value is required here"),
        ],
    )
    def test_bad_fields_merge_nothing(
        self, tmp_path: Path, lindeveen: Agreement, line: str, where: str, match: str
    ) -> None:
        """A bad field is reported as file.csv:row N, column C; the good row before it is not merged either."""
        path = self.write(tmp_path, "afspraak,c-2025-building-land,,,2025,2,2026-03-31,ingediend", line)
        with pytest.raises(LoadError, match=match) as caught:
            import_realisations_csv(lindeveen, path)
        assert [problem.path for problem in caught.value.problems] == [f"realisaties.csv:row 3, {where}"]

    def test_headings(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """Unknown and missing columns are named in the first row."""
        path = self.write(tmp_path, "afspraak,c-2025-rent-policy,1", header="Soort,Idee,Waarde")
        with pytest.raises(LoadError) as caught:
            import_realisations_csv(lindeveen, path)
        assert [str(problem) for problem in caught.value.problems] == [
            "realisaties.csv:row 1, column Idee: unknown column 'Idee' (did you mean 'Id'?)",
            "realisaties.csv:row 1: the file lacks the required column(s) Id (Id), Jaar (Year), Status (Status)",
        ]

    @pytest.mark.parametrize(
        ("content", "match"),
        [(b"\x81\x8d\x90", "neither UTF-8 nor Windows-1252"), (None, "cannot open the file")],
    )
    def test_unreadable(self, tmp_path: Path, lindeveen: Agreement, content: bytes | None, match: str) -> None:
        """A file that is neither UTF-8 nor Windows-1252, or no file, is one problem."""
        path = tmp_path / "realisaties.csv"
        if content is not None:
            path.write_bytes(content)
        with pytest.raises(LoadError, match=match):
            import_realisations_csv(lindeveen, path)

    def test_the_csv_template_reads_back(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """The CSV template, filled in, reads like the workbook."""
        path = tmp_path / "t.csv"
        realisations_template(lindeveen, 2025, path=path, lang="en")
        lines = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
        fields = lines[2]
        fields[13:16] = ["3", "2026-04-01", "draft"]
        text = io.StringIO()
        csv.writer(text).writerows([lines[0], fields])
        path.write_text(text.getvalue(), encoding="utf-8")
        merged = import_realisations_csv(lindeveen, path)
        assert merged.realisations[-1].commitment == "c-2025-building-land"


# --- rows and frames ---------------------------------------------------------------------------------------


class TestRowsAndFrames:
    """The rows and frames: one row per item, with fixed columns, labels in the chosen language."""

    @pytest.mark.parametrize(
        ("make_rows", "make_frame", "columns", "count"),
        [
            (commitment_rows, commitments_frame, rows.COMMITMENT_COLUMNS, lambda a: len(a.commitments)),
            (target_rows, targets_frame, rows.TARGET_COLUMNS, lambda a: len(a.targets)),
            (realisation_rows, realisations_frame, rows.REALISATION_COLUMNS, lambda a: len(a.realisations)),
        ],
    )
    def test_agreement_tables(
        self,
        make_rows: Callable[..., list[rows.Row]],
        make_frame: Callable[..., pd.DataFrame],
        columns: tuple[str, ...],
        count: Callable[[Agreement], int],
    ) -> None:
        """Each shipped example gives one row per item, with the documented columns, as rows and as a frame."""
        for name in examples.names():
            agreement = examples.load(name)
            found = make_rows(agreement, lang="en")
            frame = make_frame(agreement, lang="en")
            assert len(found) == count(agreement) == len(frame)
            assert tuple(frame.columns)[: len(columns)] == columns
            assert all(tuple(row)[: len(columns)] == columns for row in found)

    def test_empty_frames_have_their_columns(self, lindeveen: Agreement) -> None:
        """A table without rows still has its headings."""
        empty = attrs.evolve(lindeveen, commitments=(), realisations=())
        assert tuple(commitments_frame(empty).columns) == rows.COMMITMENT_COLUMNS
        assert realisations_frame(empty).shape == (0, len(rows.REALISATION_COLUMNS))

    def test_commitment_row(self, lindeveen: Agreement) -> None:
        """A commitment's ids, labels and figures, lists joined by '; '."""
        dutch, english = commitment_rows(lindeveen)[0], commitment_rows(lindeveen, lang="en")[0]
        assert dutch["theme_label"] == "Beschikbaarheid"
        assert english["theme_label"] == "Availability"
        assert dutch["for"] == "gemeente-lindeveen; huurdersvereniging-lindeveen"
        assert dutch["by_names"] == "Woonstichting Lindeveen"
        assert dutch["value"] == 100
        assert dutch["unit"] == "dwellings"
        assert dutch["due"] == dt.date(2025, 12, 31)
        assert type(dutch["due"]) is dt.date

    def test_breakdown_columns(self, lindeveen: Agreement) -> None:
        """Each breakdown key in use is a column; a target without that part has None there."""
        target = attrs.evolve(lindeveen.targets[0], breakdown={"lindeveen": 300, "elders": 100})
        agreement = attrs.evolve(lindeveen, targets=(target, lindeveen.targets[1]))
        frame = targets_frame(agreement)
        assert list(frame.columns[-2:]) == ["breakdown.lindeveen", "breakdown.elders"]
        found = target_rows(agreement)
        assert (found[0]["breakdown.elders"], found[1]["breakdown.elders"]) == (100, None)
        assert found[1]["baseline_value"] == 240

    def test_findings(self, lindeveen: Agreement) -> None:
        """One row per finding, with the rule's title and the message in the chosen language."""
        agreement = attrs.evolve(lindeveen, mandates=())
        report = check(agreement, as_of=AS_OF)
        found = finding_rows(report, lang="en")
        assert len(found) == len(report.findings) == len(findings_frame(report))
        assert tuple(found[0]) == rows.FINDING_COLUMNS
        assert found[0]["message"] == report.findings[0].message_en
        assert found[0]["title"]
        assert finding_rows(report)[0]["message"] == report.findings[0].message_nl

    def test_progress(self, lindeveen: Agreement) -> None:
        """One row per target, breakdown part and commitment, with the status in words."""
        report = progress(lindeveen, as_of=AS_OF)
        found = progress_rows(report)
        expected = len(report.targets) + sum(len(t.parts) for t in report.targets) + len(report.commitments)
        assert len(found) == expected == len(progress_frame(report))
        first = found[0]
        assert (first["kind"], first["id"], first["status"]) == ("target", "new-build-2025-2028", "on_track")
        assert first["status_label"] == "op koers"
        assert progress_rows(report, lang="en")[0]["status_label"] == "on track"
        assert {row["kind"] for row in found} == {"target", "commitment"}

    def test_realisation_row(self, lindeveen: Agreement) -> None:
        """A figure with what it is about, its unit and its status in words."""
        row = realisation_rows(lindeveen)[0]
        assert (row["subject_kind"], row["subject"], row["unit"]) == ("commitment", "c-2025-new-build", "dwellings")
        assert row["status_label"] == "goedgekeurd"
        assert row["reported_on"] == dt.date(2026, 3, 2)


# --- optional dependencies ------------------------------------------------------------------------------------


class TestMissingExtras:
    """Without openpyxl or pandas, a clear error names the extra to install; the rows still work."""

    @pytest.mark.parametrize(
        "call",
        [
            lambda _, p: read_workbook(p / "a.xlsx"),
            lambda a, p: realisations_template(a, 2025, path=p / "t.xlsx"),
            lambda a, p: import_realisations(a, p / "t.xlsx"),
        ],
        ids=["read_workbook", "realisations_template", "import_realisations"],
    )
    def test_without_openpyxl(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, lindeveen: Agreement, call: Callable[..., object]
    ) -> None:
        """Reading workbooks, and the realisations template, need the excel extra."""
        monkeypatch.setitem(sys.modules, "openpyxl", None)
        with pytest.raises(MissingExtraError, match=r'pip install "prestatieafspraken\[excel\]"') as caught:
            call(lindeveen, tmp_path)
        assert isinstance(caught.value, ImportError)
        assert isinstance(caught.value, PrestatieafsprakenError)
        assert caught.value.__cause__ is None

    def test_writing_an_agreement_needs_no_extra(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, lindeveen: Agreement
    ) -> None:
        """`write_workbook` streams the file itself: it works without openpyxl, and the file reads back equal."""
        with monkeypatch.context() as blocked:
            blocked.setitem(sys.modules, "openpyxl", None)
            write_workbook(lindeveen, tmp_path / "a.xlsx")
        assert exact(read_workbook(tmp_path / "a.xlsx")) == exact(lindeveen)

    def test_without_pandas(self, monkeypatch: pytest.MonkeyPatch, lindeveen: Agreement) -> None:
        """Frames need the pandas extra; the plain rows and the CSV template do not."""
        monkeypatch.setitem(sys.modules, "pandas", None)
        with pytest.raises(
            MissingExtraError, match=r'DataFrames need pandas.*pip install "prestatieafspraken\[pandas\]"'
        ):
            commitments_frame(lindeveen)
        assert len(commitment_rows(lindeveen)) == len(lindeveen.commitments)

    def test_the_command_line_says_so(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`export --template` without openpyxl exits 2 with the pip command, no traceback."""
        monkeypatch.setitem(sys.modules, "openpyxl", None)
        output = str(tmp_path / "t.xlsx")
        assert main(["export", "--example", EXAMPLE, "--to", "xlsx", "--template", "2025", "--output", output]) == 2
        error = capsys.readouterr().err
        assert 'pip install "prestatieafspraken[excel]"' in error
        assert "Traceback" not in error


# --- the command line ----------------------------------------------------------------------------------------


class TestCommandLine:
    """`prestatieafspraken export` and `prestatieafspraken import-realisations`."""

    def test_export_and_read_back(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`export --to xlsx` writes a workbook that reads back into the example."""
        output = tmp_path / "a.xlsx"
        assert main(["export", "--example", EXAMPLE, "--to", "xlsx", "--output", str(output)]) == 0
        assert read_workbook(output) == examples.load(EXAMPLE)
        assert f"wrote {output}" in capsys.readouterr().err

    def test_export_never_writes_over_a_file_by_default(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without --output the file is named after the input; an existing one is left alone."""
        source = tmp_path / "afspraak.yaml"
        source.write_text(examples.text(EXAMPLE), encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        assert main(["export", str(source), "--to", "xlsx"]) == 0
        assert main(["export", str(source), "--to", "xlsx", "--template", "2025"]) == 0
        assert (tmp_path / "afspraak.xlsx").exists()
        assert (tmp_path / "afspraak-realisaties-2025.xlsx").exists()
        assert main(["export", str(source), "--to", "xlsx"]) == 2
        assert "exists already; give --output" in capsys.readouterr().err

    @pytest.mark.parametrize(
        ("arguments", "message"),
        [
            (["--to", "csv"], "--to csv writes a realisations template only"),
            (["--to", "xlsx", "--template", "2040"], "takes no figures for 2040"),
        ],
    )
    def test_export_refusals(
        self, tmp_path: Path, arguments: list[str], message: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A template year without figures, or CSV of a whole agreement, exits 2 with a message."""
        output = ["--output", str(tmp_path / "out.xlsx")]
        assert main(["export", "--example", EXAMPLE, *arguments, *output]) == 2
        assert message in capsys.readouterr().err

    def test_import_prints_or_writes(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The merged agreement is printed as YAML, or written to --output; a summary goes to standard error."""
        source = tmp_path / "afspraak.yaml"
        source.write_text(examples.text(EXAMPLE), encoding="utf-8")
        book = tmp_path / "t.xlsx"
        assert main(["export", str(source), "--to", "xlsx", "--template", "2025", "--output", str(book)]) == 0
        edit(book, GOOD)
        capsys.readouterr()
        assert main(["import-realisations", str(source), str(book)]) == 0
        printed = capsys.readouterr()
        assert "commitment: c-2025-rent-policy" in printed.out
        assert "2 figure(s) added, 0 status(es) moved" in printed.err
        output = tmp_path / "nieuw.json"
        assert main(["import-realisations", str(source), str(book), "--output", str(output)]) == 0
        from prestatieafspraken import load  # noqa: PLC0415

        assert len(load(output).realisations) == len(examples.load(EXAMPLE).realisations) + 2
        assert source.read_text(encoding="utf-8") == examples.text(EXAMPLE)  # the input is left as it was

    def test_import_lists_every_bad_cell(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Bad cells exit 2, listed with their cell references, without a traceback; nothing is written."""
        source = tmp_path / "afspraak.yaml"
        source.write_text(examples.text(EXAMPLE), encoding="utf-8")
        book = tmp_path / "t.xlsx"
        realisations_template(examples.load(EXAMPLE), 2025, path=book)
        edit(book, {**GOOD, "N3": "twee", "P4": "klaar"})
        output = tmp_path / "nieuw.yaml"
        assert main(["import-realisations", str(source), str(book), "--output", str(output), "--lang", "en"]) == 2
        error = capsys.readouterr().err
        assert "cannot read the realisations (2 problems)" in error
        assert "Realisaties!N3: expected a number" in error
        assert "Realisaties!P4: expected one of" in error
        assert "Traceback" not in error
        assert not output.exists()

    @pytest.mark.parametrize(
        ("book", "output", "message"),
        [
            ("t.csv", "out.txt", "use .yaml, .yml or .json"),
            ("missing.xlsx", None, "cannot open the file"),
            ("afspraak.yaml", None, "not an Excel workbook"),
        ],
    )
    def test_import_refusals(
        self, tmp_path: Path, book: str, output: str | None, message: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An unknown output format, a missing book or a book that is not a workbook exits 2 with a message."""
        source = tmp_path / "afspraak.yaml"
        source.write_text(examples.text(EXAMPLE), encoding="utf-8")
        extra = ["--output", str(tmp_path / output)] if output else []
        assert main(["import-realisations", str(source), str(tmp_path / book), *extra, "--lang", "en"]) == 2
        assert message in capsys.readouterr().err

    def test_import_a_csv_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A CSV file is read by its suffix."""
        source = tmp_path / "afspraak.yaml"
        source.write_text(examples.text(EXAMPLE), encoding="utf-8")
        book = tmp_path / "r.csv"
        book.write_text(CSV_HEADER + "\nafspraak,c-2025-rent-policy,,,2025,1,2026-04-01,concept\n", encoding="utf-8")
        assert main(["import-realisations", str(source), str(book)]) == 0
        assert "1 figure(s) added" in capsys.readouterr().err


# --- the bids and their offers (issue 15) -------------------------------------------------------------------


class TestBidsInTheWorkbook:
    """The sheets Bids and Offers: each offer names its bid by id in the first column."""

    def test_the_offers_sheet(self, tmp_path: Path) -> None:
        """The Offers sheet has one row per offer, headed by the bid it belongs to."""
        workbook = openpyxl.load_workbook(book(tmp_path))
        offers = workbook["Offers"]
        assert [cell.value for cell in offers[1]] == [
            "bid",
            "id",
            "indicator",
            "area",
            "year",
            "value",
            "theme",
            "text",
        ]
        assert [row[0] for row in offers.iter_rows(min_row=2, values_only=True)] == ["bod-2025"] * 6 + [
            "bod-2026"
        ] * 5 + ["bod-2027"] * 4

    @pytest.mark.parametrize(
        ("sheet", "changes", "where", "match"),
        [
            ("Offers", {"A2": "bod-2099"}, "Offers!A2", "no bid 'bod-2099' in the sheet Bids"),
            ("Offers", {"A2": "bod-2O25"}, "Offers!A2", r"did you mean 'bod-2025'\?"),
            ("Offers", {"A2": None}, "Offers!A2", "a value is required here: the id of the bid this row belongs to"),
            ("Offers", {"F2": "negentig"}, "Offers!F2", "expected a number, got the text 'negentig'"),
            ("Offers", {"C2": None}, "Offers!C2", "has a value .90. but no indicator"),
            ("Bids", {"D2": 0}, "Bids!D2", "a bid covers at least one year, not 0"),
        ],
    )
    def test_bad_cells(self, tmp_path: Path, sheet: str, changes: dict[str, Any], where: str, match: str) -> None:
        """A wrong cell of a bid or an offer is reported at its place."""
        path = edit(book(tmp_path), changes, sheet=sheet)
        with pytest.raises(LoadError, match=match) as caught:
            read_workbook(path)
        assert [problem.path for problem in caught.value.problems] == [where]

    def test_the_bid_column_is_required(self, tmp_path: Path) -> None:
        """Without the column that names the bid, the Offers sheet cannot be read, and says so once."""
        path = edit(book(tmp_path), {"A1": "bod"}, sheet="Offers")
        with pytest.raises(LoadError, match="the column 'bid' is required") as caught:
            read_workbook(path)
        assert [problem.path for problem in caught.value.problems] == ["Offers!A1", "Offers!1:1"]

    def test_offers_need_bids_with_their_own_ids(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """Two bids with one id cannot both be named by their offers: writing refuses it."""
        twice = attrs.evolve(lindeveen, bids=(lindeveen.bids[0], attrs.evolve(lindeveen.bids[1], id="bod-2025")))
        with pytest.raises(ExportError, match="two items of bids have the id 'bod-2025'"):
            write_workbook(twice, tmp_path / "a.xlsx")
        no_offers = attrs.evolve(twice, bids=(lindeveen.bids[0], attrs.evolve(lindeveen.bids[0], offers=())))
        write_workbook(no_offers, tmp_path / "b.xlsx")
        assert read_workbook(tmp_path / "b.xlsx") == no_offers
