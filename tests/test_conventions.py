"""Tests of Dutch spreadsheets: numbers and dates as the file writes them, CSV encodings, and CSV injection."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from prestatieafspraken import LoadError, examples
from prestatieafspraken.model import Agreement
from prestatieafspraken.tabular import import_realisations, import_realisations_csv, realisations_template
from prestatieafspraken.tabular.cells import LARGEST_WHOLE, CellError
from prestatieafspraken.tabular.conventions import (
    COMMA,
    SEMICOLON,
    TAB,
    Conventions,
    format_number,
    parse_date,
    parse_number,
)
from prestatieafspraken.tabular.csvfiles import FORMULA_STARTS, neutralised, unneutralised, write_table

pytestmark = pytest.mark.needs_extras  # openpyxl (and pandas)

EXAMPLE = "lindeveen-2025-2028"
HEADER = "Soort;Id;Gebied;Partij;Jaar;Waarde;Gerapporteerd op;Status"


@pytest.fixture
def lindeveen() -> Agreement:
    """The shipped local example: 2025-2028, with three approved figures of 2025."""
    return examples.load(EXAMPLE)


class TestNumbers:
    """`parse_number`: the file's conventions, read exactly, or refused; never guessed."""

    @pytest.mark.parametrize(
        ("text", "conventions", "expected"),
        [
            ("1.110", SEMICOLON, 1110),
            ("1,5", SEMICOLON, 1.5),
            ("1.234,5", SEMICOLON, 1234.5),
            ("12.345.678", SEMICOLON, 12_345_678),
            ("-1.234", SEMICOLON, -1234),
            ("1110", SEMICOLON, 1110),
            ("0,5", SEMICOLON, 0.5),
            ("1.5", COMMA, 1.5),
            ("1.110", COMMA, 1.11),
            ("-5", COMMA, -5),
            ("120", TAB, 120),
            ("1,5", TAB, 1.5),
            ("1.5", TAB, 1.5),
            ("1.234,5", TAB, 1234.5),
            ("1,234.5", TAB, 1234.5),
            (str(LARGEST_WHOLE), SEMICOLON, LARGEST_WHOLE),
        ],
    )
    def test_read(self, text: str, conventions: Conventions, expected: float) -> None:
        """A number is read as its file's conventions say: the dot groups thousands only where the comma is decimal."""
        found = parse_number(text, conventions)
        assert found == expected
        assert type(found) is type(expected)

    @pytest.mark.parametrize(("text", "conventions"), [("1,0", SEMICOLON), ("1.0", COMMA), ("1.000,0", SEMICOLON)])
    def test_decimals_make_a_float(self, text: str, conventions: Conventions) -> None:
        """A number with decimals stays a float, also when they are zero, as in the format."""
        assert type(parse_number(text, conventions)) is float

    @pytest.mark.parametrize(
        ("text", "conventions", "match"),
        [
            ("1.11", SEMICOLON, "the dot separates groups of three digits"),
            ("1.5", SEMICOLON, "write 1,5 for one and a half"),
            ("1.234.56", SEMICOLON, "expected a number"),
            ("1,110", COMMA, "without thousands separators"),
            ("1.110", TAB, r"could be read as 1110 \(Dutch\) or as 1.11 \(English\)"),
            ("1,500", TAB, r"could be read as 1.5 \(Dutch\) or as 1500 \(English\)"),
            ("1,23E+15", SEMICOLON, "scientific notation"),
            ("1.5e3", COMMA, "scientific notation"),
            ("twaalf", SEMICOLON, "expected a number such as 1110, 1.110 or 12,5"),
            ("1 110", SEMICOLON, "expected a number"),
            ("+5", COMMA, "expected a number"),
            ("", COMMA, "expected a number"),
            (str(LARGEST_WHOLE + 1), SEMICOLON, "at most 19 digits"),
            ("99999999999999999999999", COMMA, "at most 19 digits"),
            ("9" * 5000, COMMA, "a text of 5,000 characters"),
            ("9" * 320 + ",5", SEMICOLON, "fits a float"),
        ],
    )
    def test_refused(self, text: str, conventions: Conventions, match: str) -> None:
        """A malformed number, one that could be read two ways, or one out of bounds is refused, saying why."""
        with pytest.raises(CellError, match=match):
            parse_number(text, conventions)

    @given(st.one_of(st.integers(-LARGEST_WHOLE, LARGEST_WHOLE), st.floats(allow_nan=False, allow_infinity=False)))
    @pytest.mark.parametrize("conventions", [SEMICOLON, COMMA, TAB])
    def test_written_numbers_read_back(self, conventions: Conventions, number: float) -> None:
        """Every number the library writes reads back equal and of the same type, in every convention."""
        written = format_number(number, conventions)
        assert "e" not in written.lower()
        found = parse_number(written, conventions)
        assert found == number
        assert type(found) is type(number)


class TestDates:
    """`parse_date`: ISO and Dutch Excel's day-first dates; anything that could be read two ways is refused."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("2026-02-01", "2026-02-01"),
            ("1-2-2026", "2026-02-01"),
            ("01-02-2026", "2026-02-01"),
            ("31-12-2025", "2025-12-31"),
            (" 1-2-2026 ", "2026-02-01"),
        ],
    )
    def test_read(self, text: str, expected: str) -> None:
        """ISO dates, and day-month-year with dashes as Dutch Excel writes them."""
        assert parse_date(text) == expected

    @pytest.mark.parametrize(
        ("text", "match"),
        [
            ("1/2/2026", "no slashes"),
            ("1-2-26", "a year of four digits"),
            ("1-2-2026 09:30", "without a time of day"),
            ("31-2-2026", "no date of the calendar"),
            ("2026-13-01", "no date of the calendar"),
            ("februari 2026", "expected a date"),
        ],
    )
    def test_refused(self, text: str, match: str) -> None:
        """A date that could be read two ways, has a time, or does not exist is refused."""
        with pytest.raises(CellError, match=match):
            parse_date(text)


class TestDutchCsvImport:
    """`import_realisations_csv` of files as Dutch Excel saves them."""

    def write(self, tmp_path: Path, *lines: str, encoding: str = "utf-8", bom: bool = False) -> Path:
        """Write a CSV file of the Dutch header and *lines*."""
        path = tmp_path / "realisaties.csv"
        data = "".join(f"{line}\r\n" for line in [HEADER, *lines]).encode(encoding)  # utf-16 writes its mark
        path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
        return path

    def test_a_thousands_separator_is_not_a_decimal_point(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """1.110 in a semicolon file is one thousand one hundred and ten (it was read as 1.11)."""
        path = self.write(tmp_path, "streefcijfer;new-build-2025-2028;;;2026;1.110;1-2-2027;concept")
        figure = import_realisations_csv(lindeveen, path).realisations[-1]
        assert (figure.value, type(figure.value), str(figure.reported_on)) == (1110, int, "2027-02-01")

    @pytest.mark.parametrize(("bom", "encoding"), [(False, "cp1252"), (True, "utf-8"), (False, "utf-16")])
    def test_what_dutch_excel_saves(self, tmp_path: Path, lindeveen: Agreement, bom: bool, encoding: str) -> None:
        """Windows-1252 (plain "CSV"), UTF-8 with a byte order mark ("CSV UTF-8") and UTF-16 all import."""
        line = "afspraak;c-2025-rent-policy;;;2025;2,5;01-04-2026;goedgekeurd"
        path = self.write(tmp_path, line, encoding=encoding, bom=bom)
        assert import_realisations_csv(lindeveen, path).realisations[-1].value == 2.5

    def test_windows_1252_text(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """A Windows-1252 file with characters beyond ASCII (in the note column) is read as such."""
        path = tmp_path / "r.csv"
        text = HEADER + ";Opmerking\r\nafspraak;c-2025-rent-policy;;;2025;3;1-4-2026;concept;één € ‘kwart’\r\n"
        path.write_bytes(text.encode("cp1252"))
        assert import_realisations_csv(lindeveen, path).realisations[-1].value == 3

    @pytest.mark.parametrize(
        ("value", "match"),
        [
            ("1.11", "the dot separates groups of three digits"),
            ("1,23E+03", "scientific notation"),
            ("99999999999999999999999", "at most 19 digits"),
        ],
    )
    def test_refused_at_the_field(self, tmp_path: Path, lindeveen: Agreement, value: str, match: str) -> None:
        """A malformed or unbounded number is refused at its row and column, and nothing is merged."""
        path = self.write(tmp_path, f"afspraak;c-2025-rent-policy;;;2025;{value};;concept")
        with pytest.raises(LoadError, match=match) as caught:
            import_realisations_csv(lindeveen, path)
        assert [problem.path for problem in caught.value.problems] == ["realisaties.csv:row 2, column Waarde"]

    @pytest.mark.parametrize(
        ("text", "line"),
        [
            (f'{HEADER}\nafspraak;"c-2025-rent-policy;;;2025;1;;concept\nafspraak;x;;;2025;2;;concept\n', 2),
            (f'{HEADER}\nafspraak;c-2025-rent-policy;;;2025;1;;concept\nafspraak;"x;;;2025;2;;concept\n', 3),
        ],
    )
    def test_an_unbalanced_quote(self, tmp_path: Path, lindeveen: Agreement, text: str, line: int) -> None:
        """A quote that is never closed is an error at its line (it was '0 figures added')."""
        path = tmp_path / "r.csv"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(LoadError, match="never closed") as caught:
            import_realisations_csv(lindeveen, path)
        assert [problem.path for problem in caught.value.problems] == [f"r.csv:line {line}"]

    def test_a_quote_that_swallows_rows(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """Two misplaced quotes that make whole rows one field are refused at the line where the field starts."""
        path = tmp_path / "r.csv"
        rows = [
            'afspraak;c-2025-rent-policy;;;2025;1;;concept;"a',
            "afspraak;c-2025-insulation;;;2025;2;;concept;b",
            'afspraak;c-2025-new-build;;;2025;3;;concept;c"',
        ]
        path.write_text("\n".join([HEADER + ";Opmerking", *rows]) + "\n", encoding="utf-8")
        with pytest.raises(LoadError, match="holds whole rows") as caught:
            import_realisations_csv(lindeveen, path)
        assert [problem.path for problem in caught.value.problems] == ["r.csv:line 2"]


class TestCsvTemplate:
    """The CSV template: written as Dutch Excel reads it back, and safe to open in a spreadsheet."""

    def test_dutch_excel_reads_it_back(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """Semicolons, decimal commas and a byte order mark; filled in as Dutch Excel saves it, it imports."""
        path = tmp_path / "t.csv"
        realisations_template(lindeveen, 2025, path=path)
        data = path.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
        assert rows[0][:3] == ["Soort", "Id", "Omschrijving"]
        rent = next(row for row in rows if row[1] == "c-2025-rent-policy")
        rent[13:16] = ["1.234,5", "1-4-2026", "ingediend"]
        text = io.StringIO()
        csv.writer(text, delimiter=";").writerows([rows[0], rent])
        path.write_bytes(text.getvalue().encode("cp1252", errors="replace"))
        assert import_realisations_csv(lindeveen, path).realisations[-1].value == 1234.5

    def test_decimal_commas(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """A committed value with decimals is written with a decimal comma in the Dutch template."""
        commitment = lindeveen.commitments[0]
        import attrs  # noqa: PLC0415

        agreement = attrs.evolve(lindeveen, commitments=(attrs.evolve(commitment, value=2.5),))
        realisations_template(agreement, 2025, path=tmp_path / "t.csv")
        realisations_template(agreement, 2025, path=tmp_path / "e.csv", lang="en")
        assert ";2,5;" in (tmp_path / "t.csv").read_text(encoding="utf-8-sig")
        assert ",2.5," in (tmp_path / "e.csv").read_text(encoding="utf-8-sig")

    @pytest.mark.parametrize("start", FORMULA_STARTS)
    def test_formula_texts_are_neutralised(self, tmp_path: Path, lindeveen: Agreement, start: str) -> None:
        """A text starting as a formula is written after a single quote (OWASP); negative numbers stay numbers."""
        import attrs  # noqa: PLC0415

        commitment = attrs.evolve(lindeveen.commitments[0], text=f'{start}HYPERLINK("http://x")', value=-5)
        agreement = attrs.evolve(lindeveen, commitments=(commitment,))
        path = tmp_path / "t.csv"
        realisations_template(agreement, 2025, path=path)
        rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline=""), delimiter=";"))
        assert rows[1][2] == f'\'{start}HYPERLINK("http://x")'
        assert rows[1][8] == "-5"
        texts = [field for row in rows for field in row if not re.fullmatch("-?[0-9]+", field)]
        assert not any(field.startswith(FORMULA_STARTS) for field in texts)

    @given(st.text(max_size=20))
    def test_neutralised_texts_read_back(self, text: str) -> None:
        """`unneutralised` undoes `neutralised` for every text, and a neutralised text never starts a formula."""
        assert unneutralised(neutralised(text)) == text
        assert not neutralised(text).startswith(FORMULA_STARTS)

    def test_write_table_keeps_numbers(self) -> None:
        """Numbers are numbers in the written file, texts are texts: only texts are neutralised."""
        data = write_table([["-5", -5, 1.5, None]], SEMICOLON)
        assert data == b"\xef\xbb\xbf'-5;-5;1,5;\r\n"

    def test_a_neutralised_id_reads_back(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """A read column with the quote that neutralised it is read without the quote."""
        path = tmp_path / "r.csv"
        path.write_text(f"{HEADER}\r\nafspraak;c-2025-rent-policy;;;2025;1;;'-concept\r\n", encoding="utf-8")
        with pytest.raises(LoadError, match="got the text '-concept'"):
            import_realisations_csv(lindeveen, path)


class TestWorkbookTexts:
    """In a workbook a number is a number cell: a text that looks like a number is refused, never read."""

    @pytest.mark.parametrize("text", ["1.110", "1,5", "1.234,5", "12"])
    def test_a_number_as_text(self, tmp_path: Path, lindeveen: Agreement, text: str) -> None:
        """A text in the value column is refused at its cell, whichever way it could be read."""
        path = tmp_path / "t.xlsx"
        realisations_template(lindeveen, 2025, path=path)
        workbook = openpyxl.load_workbook(path)
        sheet = workbook["Realisaties"]
        sheet["N4"], sheet["P4"] = text, "concept"
        workbook.save(path)
        with pytest.raises(LoadError, match="the cell holds text: enter the number itself") as caught:
            import_realisations(lindeveen, path)
        assert [problem.path for problem in caught.value.problems] == ["Realisaties!N4"]

    def test_a_whole_number_beyond_the_loader(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """A number cell with a whole number the loader would refuse is refused at its cell."""
        path = tmp_path / "t.xlsx"
        realisations_template(lindeveen, 2025, path=path)
        workbook = openpyxl.load_workbook(path)
        sheet = workbook["Realisaties"]
        sheet["N4"], sheet["P4"] = "99999999999999999999999", "concept"
        sheet["N4"].data_type = "n"
        workbook.save(path)
        with pytest.raises(LoadError, match="Realisaties!N4: expected a whole number of at most 19 digits"):
            import_realisations(lindeveen, path)
