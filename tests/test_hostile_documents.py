"""Agreement files made to mislead or exhaust the loader: one number policy, YAML 1.2 numbers, budgets."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import prestatieafspraken
from prestatieafspraken import LoadError, examples, loads
from prestatieafspraken.cli import main
from prestatieafspraken.errors import ArgumentError
from prestatieafspraken.serialization import Format
from test_serialization import MINIMAL, as_json, as_yaml

EXAMPLE = "lindeveen-2025-2028"
CSV_HEADER = "Soort;Id;Gebied;Partij;Jaar;Waarde;Gerapporteerd op;Status"
BOM = b"\xef\xbb\xbf"

BOUNDED_LOAD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
import prestatieafspraken as pa
try:
    pa.load(sys.argv[1])
except pa.LoadError as error:
    print(error)
"""


def _aliased_text(path: Path, copies: int) -> Path:
    """An agreement file of a megabyte whose one long text is aliased in *copies* commitments."""
    lines = [as_yaml({key: value for key, value in MINIMAL.items() if key not in {"commitments", "realisations"}})]
    lines.append(f"commitments:\n- {{id: c-0, by: bo-ex, year: 2025, text: &long {'x' * 1_000_000}}}\n")
    lines.extend(f"- {{id: c-{number}, by: bo-ex, year: 2025, text: *long}}\n" for number in range(1, copies))
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _with_value(written: str, format: Format) -> str:  # noqa: A002 - the library's parameter name
    """The minimal agreement with its realisation's value written as *written*, in *format*."""
    if format == "json":
        return as_json(MINIMAL).replace('"value": 480', f'"value": {written}')
    return as_yaml(MINIMAL).replace("value: 480", f"value: {written}")


class TestNumberPolicy:
    """Every entry point reads a number the same way; a whole number beyond 64 bits is refused everywhere."""

    @pytest.mark.parametrize("format", ["yaml", "json"])
    @pytest.mark.parametrize("written", ["99999999999999999999999", "100000000000000000000000000000"])
    def test_huge_whole_numbers_are_refused(self, written: str, format: Format) -> None:  # noqa: A002
        """A whole number beyond 64 bits is refused in YAML and in JSON (JSON made it an inexact float)."""
        with pytest.raises(
            LoadError, match=re.escape(f"$.realisations[0].value: expected a finite number, got the number {written}")
        ):
            loads(_with_value(written, format), format=format)

    @pytest.mark.parametrize("format", ["yaml", "json"])
    def test_a_long_digit_run_in_a_text_is_kept(self, format: Format) -> None:  # noqa: A002
        """Twenty digits inside a text are text: the exact-number pass leaves the document as it was."""
        document = _with_value("480", format).replace("Prestatieafspraken Utrecht", "Utrecht 123456789012345678901")
        assert loads(document, format=format).title == "Utrecht 123456789012345678901 2024-2028"

    @pytest.mark.parametrize("format", ["yaml", "json"])
    def test_a_float_stays_a_float(self, format: Format) -> None:  # noqa: A002
        """A number with an exponent is a float in both formats, as before."""
        assert loads(_with_value("1.0e+29", format), format=format).realisations[0].value == 1e29

    @pytest.mark.parametrize("format", ["yaml", "json"])
    @pytest.mark.parametrize("as_bytes", [True, False])
    def test_a_byte_order_mark_is_accepted(self, format: Format, as_bytes: bool) -> None:  # noqa: A002
        """A UTF-8 byte order mark before the document is skipped in YAML and in JSON (JSON refused it)."""
        text = _with_value("480", format)
        document = BOM + text.encode("utf-8") if as_bytes else "\ufeff" + text
        assert loads(document, format=format) == loads(text, format=format)


class TestYamlNumbers:
    """YAML numbers follow YAML 1.2: the YAML 1.1 forms PyYAML reads as other numbers stay text."""

    @pytest.mark.parametrize("written", ["1:30", "4_0_0", "1_000.5", "190:20:30.15", "010"])
    def test_yaml_11_forms_are_refused_as_numbers(self, written: str) -> None:
        """`1:30` (90 in YAML 1.1), `4_0_0` (400) and `010` (8) are text: a number field says so at its place."""
        with pytest.raises(
            LoadError, match=re.escape(f"$.realisations[0].value: expected a finite number, got the text '{written}'")
        ):
            loads(_with_value(written, "yaml"))

    @pytest.mark.parametrize(("written", "value"), [("12", 12), ("-1.5", -1.5), ("0", 0), ("0x1F", 31), (".5", 0.5)])
    def test_plain_numbers_still_read(self, written: str, value: float) -> None:
        """Plain whole and decimal numbers read as before."""
        assert loads(_with_value(written, "yaml")).realisations[0].value == value

    def test_a_yaml_11_form_where_a_text_is_expected(self) -> None:
        """Where a text is expected, `1:30` is that text (it was the number 90, refused as not a text)."""
        assert (
            loads(as_yaml(MINIMAL).replace("title: Prestatieafspraken Utrecht 2024-2028", "title: 1:30")).title
            == "1:30"
        )


class TestAliasExpansion:
    """A YAML document whose aliases of a long text expand it to gigabytes is refused before it is built."""

    def test_refused_under_a_memory_bound(self, tmp_path: Path) -> None:
        """A 1 MB file expanding to 2 GB of text is refused within a 1 GiB address space (it took 2 GB)."""
        path = _aliased_text(tmp_path / "a.yaml", 2000)
        source = str(Path(prestatieafspraken.__file__).parents[1])
        environment = {**os.environ, "PYTHONPATH": os.pathsep.join([source, os.environ.get("PYTHONPATH", "")])}
        finished = subprocess.run(
            [sys.executable, "-c", BOUNDED_LOAD, str(path)],
            env=environment,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert (finished.returncode, finished.stderr) == (0, "")
        assert "YAML aliases expand this document to 2,000,053,313 characters of text" in finished.stdout
        assert "raise the limit with load(..., max_expanded_bytes=N)" in finished.stdout

    def test_the_limit_can_be_raised(self, tmp_path: Path) -> None:
        """With a higher `max_expanded_bytes` the same kind of document loads; with a lower one it is refused."""
        path = _aliased_text(tmp_path / "a.yaml", 3)
        assert len(prestatieafspraken.load(path).commitments) == 3
        with pytest.raises(LoadError, match=re.escape("more than the limit of 2,000,000;")):
            prestatieafspraken.load(path, max_expanded_bytes=2_000_000)
        assert len(prestatieafspraken.load(path, max_expanded_bytes=3_100_000).commitments) == 3


class TestPlaces:
    """A problem of a YAML or JSON file names its line and column as well as its `$.path`."""

    def test_yaml_problems_name_line_and_column(self, tmp_path: Path) -> None:
        """A wrong value and an unknown key are shown as `FILE:LINE:COLUMN $.path: message`."""
        text = as_yaml(MINIMAL).replace("value: 480", "value: 1:30").replace("year: 2025", "yaer: 2025")
        lines = text.splitlines()
        path = tmp_path / "agreement.yaml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(LoadError) as caught:
            prestatieafspraken.load(path)
        value_line = lines.index("  value: 1:30") + 1
        key_line = next(number for number, line in enumerate(lines, start=1) if "yaer" in line)
        message = str(caught.value)
        assert f"  {path}:{value_line}:3 $.realisations[0].value: expected a finite number" in message
        assert f"  {path}:{key_line}:3 $.commitments[1]: unknown key 'yaer'" in message
        assert [(p.line, p.column) for p in caught.value.problems] == [(key_line, 3), (value_line, 3)]

    def test_json_problems_name_line_and_column(self) -> None:
        """A JSON document's problem has the line and column of its key, without a file from `loads`."""
        text = json.dumps(json.loads(_with_value('"x"', "json")), indent=2)
        line = next(number for number, written in enumerate(text.splitlines(), start=1) if '"value": "x"' in written)
        with pytest.raises(LoadError, match=re.escape(f"  {line}:7 $.realisations[0].value: expected a finite")):
            loads(text, format="json")

    def test_a_missing_key_names_its_mapping(self) -> None:
        """A required key that is missing is placed at the mapping that lacks it."""
        text = as_yaml(MINIMAL).replace("- commitment: c-2024-build\n  year: 2024\n", "- year: 2024\n")
        line = text.splitlines().index("- year: 2024") + 1
        with pytest.raises(LoadError, match=re.escape(f"  {line}:3 $.realisations[0].commitment")):
            loads(text)


class TestCheckArgument:
    """`check` takes an agreement or the path of its file; anything else is a clear error."""

    @pytest.mark.parametrize("as_text", [True, False])
    def test_a_path(self, tmp_path: Path, as_text: bool) -> None:
        """A path (text or PathLike) is loaded and checked, as the loaded agreement would be."""
        path = tmp_path / "agreement.yaml"
        path.write_text(as_yaml(MINIMAL), encoding="utf-8")
        report = prestatieafspraken.check(str(path) if as_text else path, as_of=dt.date(2025, 1, 1))
        expected = prestatieafspraken.check(loads(as_yaml(MINIMAL)), as_of=dt.date(2025, 1, 1))
        assert report.findings == expected.findings

    def test_something_else(self) -> None:
        """A mapping is refused with a library error that says what `check` takes (it was an AttributeError)."""
        with pytest.raises(
            ArgumentError, match=re.escape("check() takes an Agreement or the path of its file, got dict")
        ):
            prestatieafspraken.check(MINIMAL)  # type: ignore[arg-type]


def _merge(agreement: Path, book: Path) -> None:
    assert main(["import-realisations", str(agreement), str(book), "--output", str(agreement)]) == 0


class TestMergeKeepsTheFile:
    """`import-realisations --output` into a YAML file changes only the realisations it adds or moves."""

    def test_comments_order_and_layout_are_kept(self, tmp_path: Path) -> None:
        """Every original line stays, in order; the only new lines are the added realisations (Dutch CSV)."""
        agreement = tmp_path / "a.yaml"
        agreement.write_text(examples.text(EXAMPLE), encoding="utf-8")
        original = agreement.read_text(encoding="utf-8").splitlines()
        book = tmp_path / "r.csv"
        book.write_text(f"{CSV_HEADER}\nafspraak;c-2026-insulation;;;2026;2,5;;concept\n", encoding="utf-8")
        _merge(agreement, book)
        merged = agreement.read_text(encoding="utf-8").splitlines()
        operations = difflib.SequenceMatcher(a=original, b=merged, autojunk=False).get_opcodes()
        changed = [(tag, merged[low:high]) for tag, _, _, low, high in operations if tag != "equal"]
        assert changed == [("insert", ["  - {commitment: c-2026-insulation, year: 2026, value: 2.5, status: draft}"])]
        assert any(line.startswith("#") for line in merged)
        assert prestatieafspraken.load(agreement).realisations[-1].value == 2.5

    def test_a_moved_status_changes_its_entry_only(self, tmp_path: Path) -> None:
        """A figure whose status moves is written again where it is; the other lines stay."""
        agreement = tmp_path / "a.yaml"
        text = examples.text(EXAMPLE).replace(
            "  - {commitment: c-2025-new-build, year: 2025, value: 96, reported_on: 2026-03-02, status: approved}",
            "  - {commitment: c-2025-new-build, year: 2025, value: 96, status: submitted}  # nog te keuren",
        )
        agreement.write_text(text, encoding="utf-8")
        book = tmp_path / "r.csv"
        book.write_text(f"{CSV_HEADER}\nafspraak;c-2025-new-build;;;2025;96;;goedgekeurd\n", encoding="utf-8")
        _merge(agreement, book)
        operations = difflib.SequenceMatcher(a=text.splitlines(), b=(merged := agreement.read_text().splitlines()))
        changed = [merged[low:high] for tag, _, _, low, high in operations.get_opcodes() if tag != "equal"]
        assert changed == [["  - {commitment: c-2025-new-build, year: 2025, value: 96, status: approved}"]]

    def test_a_file_without_realisations_gets_the_list_at_its_end(self, tmp_path: Path) -> None:
        """A file without `realisations:` keeps its lines and gets the list after them."""
        agreement = tmp_path / "a.yaml"
        text = examples.text(EXAMPLE).split("realisations:")[0]
        agreement.write_text(text, encoding="utf-8")
        book = tmp_path / "r.csv"
        book.write_text(f"{CSV_HEADER}\nafspraak;c-2026-insulation;;;2026;2,5;;concept\n", encoding="utf-8")
        _merge(agreement, book)
        merged = agreement.read_text(encoding="utf-8")
        assert merged.startswith(text)
        assert prestatieafspraken.load(agreement).realisations[-1].value == 2.5

    def test_json_output_still_works(self, tmp_path: Path) -> None:
        """A JSON output is written whole, as before, and loads with the added figure."""
        agreement = tmp_path / "a.yaml"
        agreement.write_text(examples.text(EXAMPLE), encoding="utf-8")
        book = tmp_path / "r.csv"
        book.write_text(f"{CSV_HEADER}\nafspraak;c-2026-insulation;;;2026;2,5;;concept\n", encoding="utf-8")
        output = tmp_path / "a.json"
        assert main(["import-realisations", str(agreement), str(book), "--output", str(output)]) == 0
        assert prestatieafspraken.load(output).realisations[-1].value == 2.5
