"""Real clients open what the library writes: an exported workbook, converted to CSV by headless LibreOffice Calc.

The round-trip tests read workbooks back with openpyxl, the library's own reader; this test asks a spreadsheet
program. LibreOffice (Debian: libreoffice-calc-nogui) converts every sheet to a CSV file, and the CSV files must
hold what the agreement holds: the ids, the numbers, the dates, the Dutch texts with their diacritics, and texts
that look like formulas as the texts they are. Without soffice the test fails under CI (``CI=true``), where
``.ci/run`` installs LibreOffice, and is skipped elsewhere.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess

import attrs
import pytest

from prestatieafspraken import examples
from prestatieafspraken.model import Agreement
from prestatieafspraken.tabular import write_workbook

pytestmark = pytest.mark.libreoffice

EXAMPLE = "lindeveen-2025-2028"
#: LibreOffice's CSV filter: comma, double quote, UTF-8 (76), ..., every sheet to a file of its own (-1).
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
DUTCH = "De gemeente coördineert de financiën: één loket, € 25.000,- per jaar; ’s avonds open."
FORMULA = "=SUM(A1:A9)"


@pytest.fixture(scope="module")
def soffice() -> str:
    """The soffice program; under CI its absence is a failure (`.ci/run` installs it)."""
    found = shutil.which("soffice")
    if found is None:
        message = "LibreOffice is not installed: apt-get install --no-install-recommends libreoffice-calc-nogui"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


@pytest.fixture(scope="module")
def agreement() -> Agreement:
    """The shipped example, with a Dutch text with diacritics, a text that looks like a formula and a float."""
    lindeveen = examples.load(EXAMPLE)
    first, second, *rest = lindeveen.commitments
    return attrs.evolve(
        lindeveen,
        commitments=(attrs.evolve(first, text=DUTCH, value=12.5), attrs.evolve(second, text=FORMULA), *rest),
    )


@pytest.fixture(scope="module")
def sheets(tmp_path_factory: pytest.TempPathFactory, soffice: str, agreement: Agreement) -> dict[str, list[list[str]]]:
    """Every sheet of the exported workbook as LibreOffice Calc converts it to CSV, by sheet name."""
    folder = tmp_path_factory.mktemp("libreoffice")
    book = folder / "book.xlsx"
    write_workbook(agreement, book)
    profile = (folder / "profile").as_uri()  # its own profile: another soffice running does not block this one
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            CSV_FILTER,
            "--outdir",
            str(folder),
            str(book),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    found: dict[str, list[list[str]]] = {}
    for path in sorted(folder.glob("book-*.csv")):
        with path.open(encoding="utf-8", newline="") as stream:
            found[path.stem.removeprefix("book-")] = list(csv.reader(stream))
    return found


def _table(rows: list[list[str]]) -> list[dict[str, str]]:
    heading, *body = rows
    return [dict(zip(heading, row, strict=True)) for row in body]


class TestLibreOfficeCalc:
    """LibreOffice Calc opens the exported workbook of a shipped example and shows what the agreement holds."""

    def test_every_sheet_is_there(self, sheets: dict[str, list[list[str]]]) -> None:
        """Each sheet of the layout becomes a CSV file, the Agreement sheet headed by key and value."""
        assert {"Agreement", "Parties", "Targets", "Commitments", "Realisations"} <= set(sheets)
        assert sheets["Agreement"][0] == ["key", "value"]

    def test_the_agreement_keys(self, sheets: dict[str, list[list[str]]], agreement: Agreement) -> None:
        """The agreement's own keys: its id, title, period and a boolean as Calc shows it."""
        keys = {row[0]: row[1] for row in sheets["Agreement"][1:]}
        assert keys["id"] == agreement.id
        assert keys["title"] == agreement.title
        assert (keys["perspective.start"], keys["perspective.end"]) == ("2025", "2028")
        assert keys["monitoring.hybrid"] == "FALSE"

    def test_the_commitments(self, sheets: dict[str, list[list[str]]], agreement: Agreement) -> None:
        """Every commitment in order, with its year, kind, text and value; dates as written; formulas stay text."""
        rows = _table(sheets["Commitments"])
        assert [row["id"] for row in rows] == [commitment.id for commitment in agreement.commitments]
        for row, commitment in zip(rows, agreement.commitments, strict=True):
            assert row["year"] == str(commitment.year)
            assert row["kind"] == commitment.kind.value
            assert row["text"] == commitment.text
            assert row["value"] == ("" if commitment.value is None else f"{commitment.value:g}")
            assert row["due"] == ("" if commitment.due is None else commitment.due.isoformat())
        assert rows[0]["text"] == DUTCH
        assert rows[1]["text"] == FORMULA

    def test_the_realisations(self, sheets: dict[str, list[list[str]]], agreement: Agreement) -> None:
        """The figures: what they count towards, year, value or outcome, and status, in order."""
        rows = _table(sheets["Realisations"])
        assert [(row["commitment"], row["year"], row["value"], row["outcome"], row["status"]) for row in rows] == [
            (
                figure.commitment or "",
                str(figure.year),
                "" if figure.value is None else f"{figure.value:g}",
                "" if figure.outcome is None else figure.outcome.value,
                figure.status.value,
            )
            for figure in agreement.realisations
        ]
        assert any(figure.outcome is not None for figure in agreement.realisations)

    def test_the_parties(self, sheets: dict[str, list[list[str]]], agreement: Agreement) -> None:
        """The parties by id and name."""
        rows = _table(sheets["Parties"])
        assert [(row["id"], row["name"]) for row in rows] == [(party.id, party.name) for party in agreement.parties]
