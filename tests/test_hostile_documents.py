"""Agreement files made to mislead or exhaust the loader: one number policy, YAML 1.2 numbers, budgets."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import prestatieafspraken
from prestatieafspraken import LoadError, loads
from prestatieafspraken.serialization import Format
from test_serialization import MINIMAL, as_json, as_yaml

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
