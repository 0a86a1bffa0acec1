"""Where the configuration of a check comes from, and that every report says which one it applied.

The trust model (docs/security.md): configuration, and so the plugins it imports, comes only from what the user
chose: the project's own configuration found from the working directory up, an explicit ``--config``, or rules
installed as entry points. A configuration that lies next to a data file, in another folder, is never read by
itself: an agreement mailed in with a ``prestatieafspraken.toml`` and a ``.py`` file runs no code, and an
``ignore = ["PA"]`` next to it silences nothing.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

import prestatieafspraken as pa
from prestatieafspraken.cli import main
from prestatieafspraken.errors import ConfigError
from prestatieafspraken.report import ReportFormat, render_findings, render_report
from prestatieafspraken.rules import CheckConfig, Registry, Severity, check, read_config
from prestatieafspraken.rules.config import discover_config
from prestatieafspraken.rules.report import AppliedConfig
from prestatieafspraken.testing import as_agreement, minimal_agreement
from prestatieafspraken.vocabulary import Language
from support import EXAMPLES_AS_OF

AS_OF = f"--as-of={EXAMPLES_AS_OF.isoformat()}"

#: A plugin that, when imported, leaves a file behind: proof that code from the folder ran.
EVIL_PLUGIN = '''\
"""Runs on import."""

from pathlib import Path

Path(__file__).with_name("RAN").write_text("imported", encoding="utf-8")
'''

# An agreement with an error finding: a duplicate party id (PA002).
BROKEN = pa.dumps(
    as_agreement(
        minimal_agreement(
            parties=[
                {"id": "gemeente", "name": "Gemeente", "kind": "municipality"},
                {"id": "gemeente", "name": "Gemeente nogmaals", "kind": "municipality"},
            ]
        )
    )
)


def write(folder: Path, name: str, text: str) -> Path:
    """Write *text* to *folder*/*name* (making the folder) and return the path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def downloaded(folder: Path, config: str = 'plugins = ["evil"]\nignore = ["PA"]\n') -> Path:
    """A folder as mailed in: an agreement with errors, a configuration and a plugin module; return the agreement."""
    write(folder, "evil.py", EVIL_PLUGIN)
    write(folder, "prestatieafspraken.toml", config)
    return write(folder, "afspraken.yaml", BROKEN)


@pytest.fixture(autouse=True)
def sandbox(rule_registry: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Registry:
    """Every test runs in a rule sandbox, from an empty working directory of its own (a project root)."""
    project = tmp_path / "project"
    (project / ".git").mkdir(parents=True)
    monkeypatch.chdir(project)
    return rule_registry


class TestConfigBesideData:
    """A configuration next to a data file in another folder is not applied, and the CLI says so."""

    @pytest.mark.parametrize("command", [["check"], ["check", "--audience=public"], ["report"]])
    def test_no_code_runs(self, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
        """`check`, `check --audience` and `report` import no plugin named next to the agreement."""
        agreement = downloaded(tmp_path / "mail")
        main([*command, str(agreement)])
        assert not (tmp_path / "mail" / "RAN").exists()
        assert "Traceback" not in capsys.readouterr().err

    def test_ignore_beside_silences_nothing(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`ignore = ["PA"]` next to an agreement with errors does not turn it into "no findings"."""
        agreement = downloaded(tmp_path / "mail", config='ignore = ["PA"]\n')
        assert main(["check", str(agreement), AS_OF, "--lang=en"]) == 1
        captured = capsys.readouterr()
        assert "PA002 [error]" in captured.out
        assert "Configuration: none" in captured.out

    @pytest.mark.parametrize("command", ["check", "report"])
    def test_notice(self, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
        """The CLI says in one line on stderr that the configuration next to the file is not applied, and how to."""
        agreement = downloaded(tmp_path / "mail")
        main([command, str(agreement), AS_OF])
        beside = agreement.parent / "prestatieafspraken.toml"
        notices = [line for line in capsys.readouterr().err.splitlines() if "not applied" in line]
        expected = (
            f"note: {beside} is not applied: a configuration next to a data file is never read by itself "
            f"(it could run code or switch checks off); to apply it, give --config {beside}"
        )
        assert notices == [expected]

    def test_one_notice_per_folder(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Two files of one folder give one notice."""
        agreement = downloaded(tmp_path / "mail")
        other = write(agreement.parent, "ander.yaml", BROKEN)
        main(["check", str(agreement), str(other)])
        assert capsys.readouterr().err.count("not applied") == 1

    def test_pyproject_beside(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A pyproject.toml with a [tool.prestatieafspraken] table is noticed as well; one without it is not."""
        folder = tmp_path / "mail"
        agreement = write(folder, "afspraken.yaml", BROKEN)
        write(folder, "pyproject.toml", "[project]\nname = 'x'\n")
        main(["check", str(agreement)])
        assert "not applied" not in capsys.readouterr().err
        write(folder, "pyproject.toml", '[tool.prestatieafspraken]\nignore = ["PA"]\n')
        assert main(["check", str(agreement)]) == 1
        assert f"note: {folder / 'pyproject.toml'} is not applied" in capsys.readouterr().err

    def test_explicit_config_applies_it(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`--config` with the file next to the agreement applies it: its plugin runs, its ignore holds."""
        agreement = downloaded(tmp_path / "mail")
        config = agreement.parent / "prestatieafspraken.toml"
        assert main(["check", str(agreement), "--config", str(config), AS_OF, "--lang=en"]) == 0
        captured = capsys.readouterr()
        assert (tmp_path / "mail" / "RAN").exists()
        assert "not applied" not in captured.err
        assert f"Configuration: {config}; select ALL; ignore PA; plugins evil." in captured.out


class TestProjectConfig:
    """The project's own configuration is found from the working directory up, as ruff and pytest find theirs."""

    def test_found_in_the_working_directory(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A prestatieafspraken.toml in the working directory applies to a file elsewhere, named in the report."""
        write(Path.cwd(), "prestatieafspraken.toml", 'severity = { PA002 = "warning" }\n')
        agreement = write(Path.cwd() / "data", "afspraken.yaml", BROKEN)
        assert main(["check", str(agreement), AS_OF, "--lang=en"]) == 1  # PA119 is still an error
        out = capsys.readouterr().out
        assert "PA002 [warning]" in out
        assert "Configuration: prestatieafspraken.toml; select ALL; severity PA002 → warning." in out

    def test_found_in_a_parent_folder(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """From a subfolder the configuration of the project root is found, as a path relative to the cwd."""
        write(Path.cwd(), "pyproject.toml", '[tool.prestatieafspraken]\nignore = ["PA1"]\n')
        monkeypatch.chdir(write(Path.cwd() / "sub" / "deeper", "x.txt", "").parent)
        found = discover_config()
        assert found is not None
        assert found.name == "pyproject.toml"
        assert found.resolve() == (Path.cwd().parent.parent / "pyproject.toml").resolve()

    def test_prestatieafspraken_toml_first(self) -> None:
        """In one folder prestatieafspraken.toml wins; a pyproject.toml without the table is passed over."""
        write(Path.cwd(), "pyproject.toml", "[project]\nname = 'x'\n")
        assert discover_config() is None
        write(Path.cwd(), "pyproject.toml", '[tool.prestatieafspraken]\nignore = ["PA1"]\n')
        assert discover_config() == Path.cwd().resolve() / "pyproject.toml"
        write(Path.cwd(), "prestatieafspraken.toml", 'ignore = ["PA2"]\n')
        assert discover_config() == Path.cwd().resolve() / "prestatieafspraken.toml"

    def test_stops_at_the_repository_root(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """The search stops at a folder with .git: a configuration above the project is never read."""
        write(tmp_path, "prestatieafspraken.toml", 'ignore = ["PA"]\n')  # above the project root
        assert discover_config() is None
        monkeypatch.chdir(tmp_path / "project" / "..")
        assert discover_config() == tmp_path.resolve() / "prestatieafspraken.toml"

    def test_plugin_of_the_project_runs(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The project's plugins are imported from the configuration's folder, and the report names them."""
        write(Path.cwd(), "evil.py", EVIL_PLUGIN)
        write(Path.cwd(), "prestatieafspraken.toml", 'plugins = ["evil"]\n')
        assert main(["check", "--example", "lindeveen-2025-2028", AS_OF, "--lang=en"]) == 0
        assert (Path.cwd() / "RAN").exists()
        assert "plugins evil" in capsys.readouterr().out

    def test_no_config(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`--no-config` reads no configuration at all, not even the project's."""
        write(Path.cwd(), "prestatieafspraken.toml", 'ignore = ["PA"]\n')
        agreement = write(Path.cwd(), "afspraken.yaml", BROKEN)
        assert main(["check", str(agreement), "--no-config"]) == 1
        assert "Configuratie: geen" in capsys.readouterr().out

    def test_broken_project_config_exits_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A project configuration that cannot be used exits 2 with what is wrong, for every command."""
        write(Path.cwd(), "prestatieafspraken.toml", "[params]\nproces_months = 5\n")
        assert main(["check", "--example", "lindeveen-2025-2028", "--lang", "en"]) == 2
        assert "unknown rule parameter 'proces_months'" in capsys.readouterr().err
        write(Path.cwd(), "prestatieafspraken.toml", "select = [\n")
        for command in (
            ["check", "--example", "lindeveen-2025-2028"],
            ["report", "--example", "lindeveen-2025-2028"],
            ["rules"],
        ):
            assert main([*command, "--lang", "en"]) == 2
            err = capsys.readouterr().err
            assert "prestatieafspraken.toml: cannot read the configuration" in err
            assert "Traceback" not in err


class TestExplicitConfig:
    """`--config PATH` on check, report and rules."""

    def test_pyproject_without_table(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A pyproject.toml without [tool.prestatieafspraken] given with --config is an error, not silently none."""
        config = write(tmp_path, "pyproject.toml", "[project]\nname = 'x'\n")
        assert main(["check", "--example", "lindeveen-2025-2028", "--config", str(config), "--lang", "en"]) == 2
        assert "has no [tool.prestatieafspraken] table" in capsys.readouterr().err

    def test_missing_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A --config that does not exist exits 2."""
        assert main(["rules", "--config", str(tmp_path / "weg.toml"), "--lang", "en"]) == 2
        assert "weg.toml: cannot read the configuration" in capsys.readouterr().err

    def test_config_and_no_config(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--config and --no-config exclude each other."""
        with pytest.raises(SystemExit):
            main(["check", "--example", "lindeveen-2025-2028", "--config", "x.toml", "--no-config"])
        assert "not allowed with argument" in capsys.readouterr().err

    def test_report_and_rules(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`report --config` applies it and says so; `rules --config` lists the plugin's rules."""
        write(
            tmp_path,
            "regio.py",
            """\
            from prestatieafspraken.rules import Severity, rule


            @rule("ROW-1", severity=Severity.INFO, title_nl="Regio", title_en="Region", source="test")
            def regio(ctx):
                \"\"\"Fires once.\"\"\"
                yield ctx.finding(path="$", nl="regio", en="region")
            """,
        )
        config = write(tmp_path, "regio.toml", 'plugins = ["regio"]\nselect = ["ROW"]\n')
        assert main(["report", "--example", "lindeveen-2025-2028", "--config", str(config), "--lang=en"]) == 0
        out = capsys.readouterr().out
        assert "| `ROW-1` | info |" in out
        assert "regio.toml; select ROW; plugins regio." in out  # the path itself is escaped as Markdown
        assert main(["rules", "--config", str(config)]) == 0
        assert "ROW-1\tinfo\tRegio\ttest\tregio" in capsys.readouterr().out


class TestReportsStateTheConfig:
    """Every rendering of a check says which configuration was applied and what it changed."""

    CONFIG = CheckConfig(
        select=["PA0", "PA1"],
        ignore=["PA101"],
        severity={"PA119": Severity.WARNING},
        params={"process_months": 5},
    )

    def report(self, config: CheckConfig | None = None) -> pa.Report:
        """The check of the broken agreement with *config*."""
        return check(pa.loads(BROKEN), as_of=EXAMPLES_AS_OF, config=config)

    def test_applied_config_of_a_default_check(self) -> None:
        """A check without configuration records that none was applied."""
        applied = self.report().config
        assert applied == AppliedConfig(file=None, select=("ALL",))
        assert applied.describe("en") == "Configuration: none (every rule, with its own severity)."
        assert applied.describe("nl") == "Configuratie: geen (alle regels, elk met de eigen ernst)."

    @pytest.mark.parametrize(
        ("lang", "line"),
        [
            (
                "en",
                (
                    "Configuration: no file; select PA0, PA1; ignore PA101; severity PA119 → warning; "
                    "params process_months = 5."
                ),
            ),
            (
                "nl",
                (
                    "Configuratie: geen bestand; selectie PA0, PA1; genegeerd PA101; ernst PA119 → warning; "
                    "parameters process_months = 5."
                ),
            ),
        ],
    )
    def test_text_and_markdown(self, lang: Language, line: str) -> None:
        """Text ends with the configuration line; Markdown has it under the summary."""
        report = self.report(self.CONFIG)
        assert render_findings(report, "text", lang=lang).splitlines()[-1] == line
        markdown = render_findings(report, "markdown", lang=lang).splitlines()
        assert markdown[2:5] == [report.summary(lang), "", line.replace("_", "\\_")]

    def test_json(self, tmp_path: Path) -> None:
        """JSON has a top-level "config" object with the file, selection, overrides, parameters and plugins."""
        config = read_config(write(tmp_path, "prestatieafspraken.toml", 'ignore = ["PA101"]\n'))
        assert config is not None
        document = json.loads(render_findings(self.report(config), "json"))
        assert document["config"] == {
            "file": str(tmp_path / "prestatieafspraken.toml"),
            "select": ["ALL"],
            "ignore": ["PA101"],
            "severity": {},
            "params": {},
            "plugins": [],
            "installed": [],
        }

    @pytest.mark.parametrize("output", ["markdown", "html"])
    def test_progress_report(self, output: ReportFormat) -> None:
        """The progress report states the configuration under its findings, for an audience too."""
        text = render_report(
            pa.loads(BROKEN), as_of=EXAMPLES_AS_OF, format=output, lang="en", audience="public", config=self.CONFIG
        )
        assert "Configuration: no file; select PA0, PA1; ignore PA101" in text

    def test_installed_rules_are_named(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Rules loaded from installed packages' entry points are named in the statement."""
        from prestatieafspraken.rules import plugins  # noqa: PLC0415 - the module whose record is patched

        monkeypatch.setattr(plugins, "load_entry_point_rules", lambda: ("pakket.regels",))
        applied = self.report().config
        assert applied is not None
        assert applied.installed == ("pakket.regels",)
        assert applied.describe("en").endswith("; installed rules pakket.regels.")

    def test_bad_config_raises(self) -> None:
        """A configuration the API cannot use still raises ConfigError (nothing is reported silently)."""
        with pytest.raises(ConfigError, match="no rule code starts with 'PA9'"):
            self.report(CheckConfig(select=["PA9"]))
