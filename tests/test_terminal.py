"""Control characters from a file never reach the terminal raw: every command shows them as visible escapes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import prestatieafspraken as pa
from prestatieafspraken._terminal import safe_text
from prestatieafspraken.cli import main
from prestatieafspraken.rules import Finding, Registry, RuleContext, Severity, rule
from prestatieafspraken.testing import as_agreement, minimal_agreement

#: Clear the screen, a hidden terminal link, a carriage return that overwrites the line, and 8-bit CSI.
HOSTILE = "\x1b[2J\x1b]8;;https:example.org\x07klik\x1b]8;;\x07\r\x9b31m"

#: Any control character a terminal acts on: C0 except tab and line feed, DEL and C1.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def hostile_agreement(title: str = f"Afspraken {HOSTILE}") -> str:
    """An agreement whose title and a commitment's text hold control characters, as YAML text."""
    mapping = minimal_agreement(title=title)
    mapping["commitments"] = [
        {"id": "c-1", "by": "gemeente", "for": ["woonstichting"], "year": 2025, "text": f"Bouwen {HOSTILE}"}
    ]
    return pa.dumps(as_agreement(mapping))


def write(folder: Path, name: str, text: str) -> Path:
    """Write *text* to *folder*/*name* and return the path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def assert_no_raw_controls(captured: pytest.CaptureFixture[str]) -> str:
    """Read what the command printed; fail if any control character is in it raw; return it."""
    out, err = captured.readouterr()
    printed = out + err
    assert RAW_CONTROL.findall(printed) == [], printed
    return printed


class TestSafeText:
    """`safe_text` writes every control character but tab and line feed as a visible escape."""

    @pytest.mark.parametrize(
        ("text", "shown"),
        [
            ("\x1b[31mrood\x1b[0m", "\\x1b[31mrood\\x1b[0m"),
            ("regel\rover", "regel\\rover"),
            ("bel\x07", "bel\\x07"),
            ("\x00nul", "\\x00nul"),
            ("\x9b2J", "\\u009b2J"),
            ("del\x7f", "del\\u007f"),
            ("tab\tand\nline", "tab\tand\nline"),
            ("Één, twee → drie €", "Één, twee → drie €"),
        ],
    )
    def test_escapes(self, text: str, shown: str) -> None:
        """C0 controls become backslash-x escapes, DEL and C1 backslash-u; tab, line feed and the rest stay."""
        assert safe_text(text) == shown

    def test_json_stays_the_same_document(self) -> None:
        """A JSON document with C1 and DEL characters in its strings reads back the same after `safe_text`."""
        document = {"title": "a\x9b\x7fb\x85", "n": 1}
        text = json.dumps(document, ensure_ascii=False)
        assert json.loads(safe_text(text)) == document
        assert RAW_CONTROL.findall(safe_text(text)) == []


class TestCommands:
    """Each command that prints text from a file or an argument prints its control characters escaped."""

    @pytest.mark.parametrize("output", ["text", "markdown", "json"])
    def test_check(self, tmp_path: Path, capsys: pytest.CaptureFixture[str], output: str) -> None:
        """`check` names the file in every line: a file name with control characters is printed escaped."""
        path = write(tmp_path, f"kwaad{HOSTILE}.yaml", hostile_agreement())
        main(["check", str(path), f"--format={output}"])
        printed = assert_no_raw_controls(capsys)
        # Markdown is written by the one Markdown writer, which replaces C0 controls by U+FFFD, as in a file.
        assert {"json": "\\u001b", "markdown": "kwaad\ufffd"}.get(output, "kwaad\\x1b") in printed

    def test_check_of_an_unreadable_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The message about a file that cannot be read names it escaped."""
        path = write(tmp_path, f"kapot{HOSTILE}.yaml", "a: [1\n")
        assert main(["check", str(path)]) == 2
        assert "kapot\\x1b[2J" in assert_no_raw_controls(capsys)

    @pytest.mark.parametrize("output", ["markdown", "html"])
    def test_report(self, tmp_path: Path, capsys: pytest.CaptureFixture[str], output: str) -> None:
        """`report` prints the title without control characters, and writes it so with --output too.

        The report's writers replace C0 controls by U+FFFD (HTML allows none); the terminal escapes the rest.
        """
        path = write(tmp_path, "kwaad.yaml", hostile_agreement())
        assert main(["report", str(path), f"--format={output}", "--as-of=2026-01-01"]) == 0
        assert "Afspraken \ufffd" in assert_no_raw_controls(capsys)
        target = tmp_path / f"rapport.{output}"
        assert main(["report", str(path), f"--format={output}", "--output", str(target)]) == 0
        written = target.read_text(encoding="utf-8")
        assert RAW_CONTROL.findall(written) == []
        assert "Afspraken \ufffd" in written

    @pytest.mark.parametrize("output", ["mermaid", "dot", "graphml", "json"])
    def test_graph(self, tmp_path: Path, capsys: pytest.CaptureFixture[str], output: str) -> None:
        """`graph` prints party names with control characters without them."""
        mapping = minimal_agreement()
        mapping["parties"][0]["name"] = f"Gemeente {HOSTILE}"
        path = write(tmp_path, "kwaad.yaml", pa.dumps(as_agreement(mapping)))
        assert main(["graph", str(path), f"--format={output}"]) == 0
        assert "Gemeente" in assert_no_raw_controls(capsys)

    @pytest.mark.parametrize("command", ["diff", "history"])
    @pytest.mark.parametrize("output", ["text", "markdown", "json"])
    def test_versions(self, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, output: str) -> None:
        """`diff` and `history` print the changed title escaped."""
        old = write(tmp_path, "oud.yaml", hostile_agreement("Oud"))
        new = write(tmp_path, "nieuw.yaml", hostile_agreement(f"Nieuw {HOSTILE}"))
        main([command, str(old), str(new), f"--format={output}"])
        shown = {"json": "\\u001b", "markdown": "Nieuw \ufffd"}.get(output, "Nieuw \\x1b")  # Markdown: as in a file
        assert shown in assert_no_raw_controls(capsys)

    def test_rules(self, rule_registry: Registry, capsys: pytest.CaptureFixture[str]) -> None:
        """`rules` and `rules CODE` print a rule's title, source and description escaped."""

        @rule(
            "X001",
            severity=Severity.INFO,
            title_nl=f"Titel {HOSTILE}",
            title_en=f"Title {HOSTILE}",
            source=f"Bron {HOSTILE}",
            registry=rule_registry,
        )
        def hostile(_ctx: RuleContext) -> list[Finding]:
            """Explains nothing."""
            return []

        assert main(["rules"]) == 0
        assert "Titel \\x1b[2J" in assert_no_raw_controls(capsys)
        assert main(["rules", "X001"]) == 0
        assert "  en: Title \\x1b[2J" in assert_no_raw_controls(capsys)

    def test_plan(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`plan` names a lead-times file it cannot read escaped."""
        assert main(["plan", "--signing=2025-12-10", "--lead-times", str(tmp_path / f"weg{HOSTILE}.toml")]) == 2
        assert "weg\\x1b[2J" in assert_no_raw_controls(capsys)

    @pytest.mark.parametrize("command", ["norms", "examples"])
    def test_unknown_names(self, capsys: pytest.CaptureFixture[str], command: str) -> None:
        """`norms` and `examples` name an unknown name escaped."""
        assert main([command, f"x{HOSTILE}"]) == 2
        assert "\\x1b[2J" in assert_no_raw_controls(capsys)

    def test_export_and_import(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`export` and `import-realisations` name their files escaped."""
        agreement = pa.examples.load("lindeveen-2025-2028")
        path = tmp_path / "lindeveen.yaml"
        pa.dump(agreement, path)
        book = tmp_path / f"boek{HOSTILE}.csv"
        assert main(["export", str(path), "--to=csv", "--template=2025", "--output", str(book)]) == 0
        assert "boek\\x1b[2J" in assert_no_raw_controls(capsys)
        assert main(["import-realisations", str(path), str(book)]) == 0
        assert "boek\\x1b[2J" in assert_no_raw_controls(capsys)

    def test_usage_errors(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An argument argparse quotes in its own error message is escaped too."""
        with pytest.raises(SystemExit):
            main(["check", "--example", "lindeveen-2025-2028", f"--onbekend{HOSTILE}"])
        assert "--onbekend\\x1b[2J" in assert_no_raw_controls(capsys)
