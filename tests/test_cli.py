"""The command line: exit codes, output formats, configuration and messages without tracebacks (DESIGN §7)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import prestatieafspraken
from prestatieafspraken import examples
from prestatieafspraken.cli import main
from support import EXAMPLES_AS_OF, agreement_yaml, party_entry

EXAMPLE = "lindeveen-2025-2028"
AS_OF = f"--as-of={EXAMPLES_AS_OF.isoformat()}"

# A local agreement with two errors: a duplicate party id (PA002) and no tenant organisation (PA119).
BROKEN_RULES = agreement_yaml(
    id="dubbel",
    title="Dubbele partij",
    parties=[
        party_entry("gemeente", "Gemeente", "municipality"),
        party_entry("gemeente", "Gemeente nogmaals", "municipality"),
    ],
)

UNREADABLE = {
    "broken-yaml.yaml": ("schema_version: 1\nid: [x\n", "not valid YAML"),
    "broken-json.json": ('{"schema_version": 1,', "not valid JSON"),
    "deep-type.yaml": (
        BROKEN_RULES.replace("parties:", "commitments: [{id: c, by: gemeente, year: '2025'}]\nparties:"),
        "$.commitments[0].year",
    ),
    "unknown-key.yaml": (BROKEN_RULES + "colour: red\n", "unknown key 'colour'"),
    "missing-key.yaml": (BROKEN_RULES.replace("title: Dubbele partij\n", ""), "$.title: required key is missing"),
    "unknown-enum.yaml": (BROKEN_RULES.replace("scope: local", "scope: lokaal"), "$.scope"),
    "version-99.yaml": (BROKEN_RULES.replace("schema_version: 1", "schema_version: 99"), "reads version 1"),
    "bad-date.yaml": (
        BROKEN_RULES.replace("parties:", "process: {started: gisteren}\nparties:"),
        "$.process.started",
    ),
}


def write(folder: Path, name: str, text: str) -> Path:
    """Write *text* to *folder*/*name* and return the path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


class TestCheck:
    """`prestatieafspraken check`."""

    def test_example_is_quiet(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The shipped example exits 0 with no findings."""
        assert main(["check", "--example", EXAMPLE, AS_OF, "--lang=en"]) == 0
        assert "No findings." in capsys.readouterr().out

    def test_error_finding_exits_1(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An agreement with an error finding exits 1 and names the code and path."""
        path = write(tmp_path, "dubbel.yaml", BROKEN_RULES)
        assert main(["check", str(path), AS_OF]) == 1
        out = capsys.readouterr().out
        assert "$.parties[1]: PA002 [fout]" in out

    @pytest.mark.parametrize("name", sorted(UNREADABLE))
    def test_unreadable_exits_2(self, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
        """A file that cannot be read exits 2 with its problem and path on stderr, and no traceback."""
        text, expected = UNREADABLE[name]
        path = write(tmp_path, name, text)
        assert main(["check", str(path), "--lang", "en"]) == 2
        captured = capsys.readouterr()
        assert expected in captured.err
        assert str(path) in captured.err
        assert "Traceback" not in captured.err + captured.out

    def test_missing_file_exits_2(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A missing file exits 2 with a clear message."""
        assert main(["check", str(tmp_path / "nergens.yaml"), "--lang", "en"]) == 2
        assert "cannot open the file" in capsys.readouterr().err

    def test_unreadable_wins_over_findings(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """With one unreadable file and one with errors, the exit status is 2 and the readable one is reported."""
        good = write(tmp_path, "dubbel.yaml", BROKEN_RULES)
        bad = write(tmp_path, "kapot.yaml", "a: [1\n")
        assert main(["check", str(good), str(bad), AS_OF]) == 2
        assert "PA002" in capsys.readouterr().out

    def test_json_format(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`--format json` prints the DESIGN §7 object for one file and a list for several."""
        path = write(tmp_path, "dubbel.yaml", BROKEN_RULES)
        main(["check", str(path), AS_OF, "--format=json", "--lang=en"])
        document = json.loads(capsys.readouterr().out)
        assert set(document) == {"file", "findings", "summary", "config"}
        assert document["config"]["file"] is None
        assert set(document["findings"][0]) == {"code", "severity", "message", "path", "subjects", "source"}
        assert document["summary"]["error"] >= 2
        main(["check", str(path), str(path), AS_OF, "--format=json"])
        assert len(json.loads(capsys.readouterr().out)) == 2

    def test_markdown_format(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`--format markdown` prints a table with the findings."""
        path = write(tmp_path, "dubbel.yaml", BROKEN_RULES)
        main(["check", str(path), AS_OF, "--format=markdown", "--lang=en"])
        out = capsys.readouterr().out
        assert "| Code | Severity | Path | Finding | Source |" in out
        assert "| `PA002` | error | `$.parties[1]` |" in out

    def test_select_and_ignore(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`--ignore` drops a code and `--select` runs only the selected ones; the exit status follows."""
        path = write(tmp_path, "dubbel.yaml", BROKEN_RULES)
        assert main(["check", str(path), AS_OF, "--select=PA1"]) == 1  # PA119 is still an error
        assert "PA002 [" not in capsys.readouterr().out
        assert main(["check", str(path), AS_OF, "--ignore=PA002,PA119", "--lang=en"]) == 0
        out = capsys.readouterr().out
        assert "PA002 [" not in out
        assert "PA119 [" not in out
        assert out.endswith("Configuration: no file; select ALL; ignore PA002, PA119.\n")

    def test_unknown_code_exits_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A selected prefix that no rule has is an error, not a silent no-op."""
        assert main(["check", "--example", EXAMPLE, "--select=PA9", "--lang", "en"]) == 2
        assert "no rule code starts with 'PA9'" in capsys.readouterr().err

    @pytest.mark.parametrize(
        ("file_name", "text"),
        [
            ("prestatieafspraken.toml", 'ignore = ["PA002"]\nseverity = { PA119 = "warning" }\n'),
            ("pyproject.toml", '[tool.prestatieafspraken]\nignore = ["PA002"]\nseverity = { PA119 = "warning" }\n'),
        ],
    )
    def test_config_of_the_project(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
        file_name: str,
        text: str,
    ) -> None:
        """The project's configuration, in the working directory, ignores codes and overrides severities."""
        path = write(tmp_path, "dubbel.yaml", BROKEN_RULES)
        write(tmp_path, file_name, text)
        monkeypatch.chdir(tmp_path)
        assert main(["check", str(path), AS_OF]) == 0
        out = capsys.readouterr().out
        assert "PA002 [" not in out
        assert "PA119 [waarschuwing]" in out
        assert f"Configuratie: {file_name}; selectie ALL; genegeerd PA002; ernst PA119 → warning." in out

    def test_bad_config_exits_2(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A configuration with an unknown key or parameter exits 2 and says what is wrong."""
        path = write(tmp_path, "dubbel.yaml", BROKEN_RULES)
        config = write(tmp_path, "prestatieafspraken.toml", "[params]\nproces_months = 5\n")
        assert main(["check", str(path), "--config", str(config), "--lang", "en"]) == 2
        assert "unknown rule parameter 'proces_months'" in capsys.readouterr().err

    def test_files_and_example_together_exit_2(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Giving both a file and --example is a usage error."""
        path = write(tmp_path, "dubbel.yaml", BROKEN_RULES)
        assert main(["check", str(path), "--example", EXAMPLE]) == 2
        assert "not both" in capsys.readouterr().err

    def test_nothing_to_check_exits_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without a file or an example the command says what to give."""
        assert main(["check"]) == 2
        assert "--example NAME" in capsys.readouterr().err

    @pytest.mark.parametrize("as_of", ["0001-01-01", "9999-12-31"])
    @pytest.mark.parametrize("command", ["check", "report"])
    def test_extreme_as_of(self, capsys: pytest.CaptureFixture[str], command: str, as_of: str) -> None:
        """A check date at either end of the calendar gives a report, never a traceback."""
        assert main([command, "--example", EXAMPLE, f"--as-of={as_of}", "--lang=en"]) in (0, 1)
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err
        expected = as_of if command == "report" else "errors, "
        assert expected in captured.out

    def test_bad_as_of_is_a_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An --as-of that is not a date is refused by the argument parser with exit 2."""
        with pytest.raises(SystemExit) as exit_info:
            main(["check", "--example", EXAMPLE, "--as-of=morgen"])
        assert exit_info.value.code == 2
        assert "expected a date as YYYY-MM-DD" in capsys.readouterr().err


class TestOtherCommands:
    """`rules`, `examples` and `schema`."""

    def test_rules_lists_the_catalogue(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`rules` prints one line per rule, in code order."""
        assert main(["rules", "--lang=en"]) == 0
        codes = [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()]
        assert codes == sorted(codes)
        assert {"PA001", "PA101", "PA111", "PA211", "PA401"} <= set(codes)
        assert "PA402" not in codes

    def test_rules_shows_one_rule(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`rules CODE` prints the rule's titles, source and parameters."""
        assert main(["rules", "pa111"]) == 0
        out = capsys.readouterr().out
        assert out.startswith("PA111 [warning]")
        assert "parameter process_months = 6" in out
        assert "  scopes: local, national, provincial, regional\n" in out

    def test_rules_shows_a_rules_scopes(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`rules CODE` of a local-only rule says that it runs on local agreements."""
        assert main(["rules", "PA401"]) == 0
        assert "  scopes: local\n" in capsys.readouterr().out

    def test_rules_shows_a_severity_per_scope(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`rules CODE` of a rule whose severity differs per scope lists the scopes with their severity."""
        assert main(["rules", "PA104"]) == 0
        assert "  severity by scope: national info, provincial info, regional info\n" in capsys.readouterr().out

    def test_unknown_rule_exits_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`rules` with an unknown code exits 2."""
        assert main(["rules", "PA999"]) == 2
        assert "no rule 'PA999'" in capsys.readouterr().err

    def test_examples(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`examples` lists the names with titles and `examples NAME` prints the file."""
        assert main(["examples"]) == 0
        assert EXAMPLE in capsys.readouterr().out
        assert main(["examples", EXAMPLE]) == 0
        assert capsys.readouterr().out.strip() == examples.text(EXAMPLE).strip()

    def test_unknown_example_exits_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown example name exits 2 and lists the known ones."""
        assert main(["examples", "atlantis"]) == 2
        assert EXAMPLE in capsys.readouterr().err

    def test_schema_is_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`schema` prints a JSON Schema object."""
        assert main(["schema"]) == 0
        schema = json.loads(capsys.readouterr().out)
        assert schema["properties"]["schema_version"] == {"const": 1, "description": "The file format version."}


def test_entry_point_runs_without_traceback(tmp_path: Path) -> None:
    """The installed entry point exits 2 on a bad file with a message on stderr and no traceback."""
    path = write(tmp_path, "kapot.yaml", "a: [1\n")
    result = subprocess.run(
        [sys.executable, "-c", "from prestatieafspraken.cli import run; run()", "check", str(path), "--lang", "en"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "not valid YAML" in result.stderr
    assert "Traceback" not in result.stderr


class TestVersion:
    """The command line says which version it is."""

    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`--version` prints the installed version and exits 0."""
        with pytest.raises(SystemExit, match="0"):
            main(["--version"])
        assert capsys.readouterr().out.strip() == f"prestatieafspraken {prestatieafspraken.__version__}"
