"""Rules of your own: codes, registration, discovery (configuration and entry points), the CLI, the test helpers.

Every test runs in a rule sandbox (the fixture `rule_registry`, from `prestatieafspraken.testing`, imported in
conftest.py as a user would): what a test registers or imports as a plugin is forgotten afterwards.

The example plugin package tests/plugins/example_rules is "installed" by the fixture `example_site` without
building it: a folder laid out as site-packages after ``pip install`` (the package, and a ``.dist-info`` with
``METADATA`` and the ``entry_points.txt`` made from the project's own pyproject.toml) is put on ``sys.path``, which
is how installed distributions are found (importlib.metadata). So the test command needs no network and no build
backend, and the entry point is read from the plugin's pyproject.toml itself.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.metadata
import shutil
import sys
import textwrap
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import prestatieafspraken as pa
from prestatieafspraken.cli import main
from prestatieafspraken.errors import ConfigError, RuleRegistrationError
from prestatieafspraken.rules import CheckConfig, Finding, Registry, Rule, RuleContext, Severity, check, rule
from prestatieafspraken.rules import plugins as plugin_loader
from prestatieafspraken.rules.catalogue import catalogue_markdown
from prestatieafspraken.rules.config import config_from_mapping, read_config
from prestatieafspraken.rules.registry import REGISTRY, USER_CODE, RuleFunction
from prestatieafspraken.testing import (
    DEFAULT_AS_OF,
    as_agreement,
    assert_fires,
    assert_quiet,
    isolated_rules,
    minimal_agreement,
    read_case_file,
    run_case_file,
)
from strategies import agreements
from support import EXAMPLES_AS_OF as AS_OF

PLUGIN = Path(__file__).parent / "plugins" / "example_rules"
PLUGIN_CASES = sorted((PLUGIN / "cases").glob("*.yaml"))
SOUND = pa.examples.load("lindeveen-2025-2028")

# A region's norm: every municipality executes a commitment on liveability (leefbaarheid).
REGION_RULES = '''\
"""The region's own rules (a test plugin)."""

from prestatieafspraken.model import PartyKind
from prestatieafspraken.rules import RuleContext, Severity, rule


@rule(
    "ROW-12",
    severity=Severity.WARNING,
    title_nl="Gemeente zonder leefbaarheidsafspraak",
    title_en="Municipality without a liveability commitment",
    source="Regionale woonagenda (test): elke gemeente een jaarafspraak over leefbaarheid",
)
def no_liveability(ctx: RuleContext):
    """A municipality executes no commitment on liveability."""
    for position, party in enumerate(ctx.agreement.parties):
        if party.kind is PartyKind.MUNICIPALITY and not any(
            commitment.theme == "liveability" for commitment in ctx.index.commitments_by_party(party.id)
        ):
            yield ctx.finding(path=f"$.parties[{position}]", subjects=(party.id,), nl="geen", en="none")
'''

# One commitment of 150 homes by the corporation, without an area: WSL-001 fires on it.
LARGE_WITHOUT_AREA = minimal_agreement(
    indicators=[
        {"id": "social-new-build", "label": "Nieuwbouw sociale huur", "unit": "dwellings", "aggregation": "flow"}
    ],
    commitments=[{"id": "c-bouw", "by": "woonstichting", "year": 2025, "indicator": "social-new-build", "value": 150}],
)


def with_commitment(**changes: object) -> dict[str, object]:
    """`LARGE_WITHOUT_AREA` with its one commitment changed."""
    commitment = {**LARGE_WITHOUT_AREA["commitments"][0], **changes}
    return {**LARGE_WITHOUT_AREA, "commitments": [commitment]}


def write(folder: Path, name: str, text: str) -> Path:
    """Write *text* to *folder*/*name* and return the path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def project_with_plugin(
    folder: Path, *, module: str = "region_rules", source: str = REGION_RULES, config: str | None = None
) -> Path:
    """A folder with an agreement, a plugin module and a prestatieafspraken.toml naming it; return the agreement."""
    write(folder, f"{module}.py", source)
    write(folder, "prestatieafspraken.toml", config if config is not None else f'plugins = ["{module}"]\n')
    return write(folder, "afspraken.yaml", pa.dumps(as_agreement(minimal_agreement())))


@pytest.fixture(autouse=True)
def sandbox(rule_registry: Registry) -> Registry:
    """Every test here runs in a rule sandbox."""
    return rule_registry


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site-packages folder holding example-rules as ``pip install tests/plugins/example_rules`` lays it out."""
    project = tomllib.loads((PLUGIN / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    site = tmp_path_factory.mktemp("site-packages")
    shutil.copytree(
        PLUGIN / "src" / "example_rules", site / "example_rules", ignore=shutil.ignore_patterns("__pycache__")
    )
    dist_info = site / f"{project['name'].replace('-', '_')}-{project['version']}.dist-info"
    dist_info.mkdir()
    metadata = f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n"
    (dist_info / "METADATA").write_text(metadata, encoding="utf-8")
    lines = []
    for group, entries in project["entry-points"].items():
        lines += [f"[{group}]", *(f"{name} = {value}" for name, value in entries.items()), ""]
    (dist_info / "entry_points.txt").write_text("\n".join(lines), encoding="utf-8")
    return site


@pytest.fixture
def installed(example_site: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example plugin installed for one test."""
    monkeypatch.syspath_prepend(example_site)
    return example_site


def fake_distribution(folder: Path, name: str, entry_points: str) -> Path:
    """A site folder with only a distribution's metadata and the given entry points (for broken packages)."""
    dist_info = folder / f"{name}-1.0.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8")
    (dist_info / "entry_points.txt").write_text(entry_points, encoding="utf-8")
    return folder


def always(ctx: RuleContext) -> Iterator[Finding]:
    """Fires once."""
    yield ctx.finding(path="$", nl="altijd", en="always")


def also_always(ctx: RuleContext) -> Iterator[Finding]:
    """Fires once too."""
    yield ctx.finding(path="$", nl="ook altijd", en="always too")


def register(code: str, function: RuleFunction = always, registry: Registry | None = None, **params: object) -> None:
    """Register *function* as the rule *code* (in a fresh registry unless one is given)."""
    rule(
        code,
        severity=Severity.INFO,
        title_nl="t",
        title_en="t",
        source="test",
        params=params or None,
        registry=Registry() if registry is None else registry,
    )(function)


class TestCodes:
    """A rule of your own has a code of its own prefix; the PA namespace is the library's."""

    @pytest.mark.parametrize("code", ["X001", "GM0363-001", "ROW-12", "WSL-001", "AB-CD-7"])
    def test_user_codes_are_accepted(self, code: str) -> None:
        """A prefix of capitals, digits and single hyphens ending in digits is a valid code of your own."""
        registry = Registry()
        register(code, registry=registry)
        assert registry.codes == (code,)
        assert USER_CODE.fullmatch(code)

    @pytest.mark.parametrize(
        ("code", "message"),
        [
            ("PA999", "'PA999' .* is in the PA namespace of the built-in rules"),
            ("PA101", "in the PA namespace"),
            ("PAR-1", "in the PA namespace"),
            ("x001", "'x001' .* has the wrong shape: a code of your own is your prefix"),
            ("ROW-", "wrong shape"),
            ("ROW--1", "wrong shape"),
            ("GM0363 001", "wrong shape"),
            ("001", "wrong shape"),
            ("X", "wrong shape"),
            ("A" + "1" * 24, "at most 24 characters"),
        ],
    )
    def test_bad_codes_are_refused(self, code: str, message: str) -> None:
        """A PA code from outside the library, or a code of the wrong shape, is refused with the allowed shape."""
        with pytest.raises(RuleRegistrationError, match=message):
            register(code)

    def test_refusal_names_the_function(self) -> None:
        """The message says which function tried to register the code."""
        with pytest.raises(RuleRegistrationError, match=r"test_plugins\.always"):
            register("PA500")

    def test_builtin_rules_use_pa_codes(self) -> None:
        """The built-in rules are registered from the library's rule modules, with PA codes."""
        builtin = [known for known in REGISTRY if known.builtin]
        assert {known.code[:2] for known in builtin} == {"PA"}
        assert all(known.origin.startswith("prestatieafspraken.rules.") for known in builtin)

    def test_builtin_codes_are_pa_and_three_digits(self) -> None:
        """A rule in the library's rule modules with another code is a library bug, refused as well."""
        built_in = Rule(
            code="PA1001",
            severity=Severity.INFO,
            title_nl="t",
            title_en="t",
            source="test",
            function=always,
            origin="prestatieafspraken.rules.start",
        )
        with pytest.raises(RuleRegistrationError, match="built-in codes are PA and three digits"):
            Registry().register(built_in)

    def test_duplicate_code_names_both_origins(self) -> None:
        """A code taken by another function is refused, naming both functions."""
        registry = Registry()
        register("X001", always, registry)
        with pytest.raises(
            RuleRegistrationError,
            match=r"rule code X001 of test_plugins\.also_always is already registered by test_plugins\.always",
        ):
            register("X001", also_always, registry)

    def test_same_function_again_replaces_itself(self) -> None:
        """Registering the same function under its code again (a re-import) replaces it, without an error."""
        registry = Registry()
        register("X001", always, registry)
        register("X001", always, registry, x001_limit=2)
        assert len(registry) == 1
        assert registry.param_defaults() == {"x001_limit": 2}

    def test_parameter_clash_names_both_rules(self, rule_registry: Registry) -> None:
        """A default that contradicts a built-in parameter's is refused, naming the built-in rule and the way out."""
        with pytest.raises(
            RuleRegistrationError,
            match=r"rule X001 .* gives parameter 'process_months' the default 12, but rule PA111 "
            r"\(prestatieafspraken\.rules\.start\..*\) gives it 6; .* a name of its own",
        ):
            register("X001", always, rule_registry, process_months=12)
        assert "X001" not in rule_registry

    def test_shared_parameter_with_the_same_default(self, rule_registry: Registry) -> None:
        """A rule of your own may read a built-in parameter when it gives the same default."""
        register("X001", always, rule_registry, process_months=6)
        assert rule_registry.param_defaults()["process_months"] == 6


class TestConfigPlugins:
    """``plugins`` in the chosen configuration imports modules from the configuration's folder."""

    def test_plugin_of_the_chosen_configuration_runs(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`check --config` imports the plugin named in it from the configuration's folder and runs its rule."""
        agreement = project_with_plugin(tmp_path)
        path_before = list(sys.path)
        assert main(["check", str(agreement), "--lang=en", "--config", str(tmp_path / "prestatieafspraken.toml")]) == 0
        out = capsys.readouterr().out
        assert "$.parties[0]: ROW-12 [warning] none" in out
        assert "PA101" in out  # the built-in rules still run
        assert sys.path == path_before  # the folder was on sys.path for the import only
        assert REGISTRY.get("ROW-12") is not None
        assert REGISTRY.get("ROW-12").origin == "region_rules"  # type: ignore[union-attr]

    def test_plugin_in_pyproject(self, tmp_path: Path) -> None:
        """`[tool.prestatieafspraken] plugins` in a pyproject.toml works the same, from that folder."""
        write(tmp_path, "region_rules.py", REGION_RULES)
        config = read_config(
            write(tmp_path, "pyproject.toml", '[tool.prestatieafspraken]\nplugins = ["region_rules"]\n')
        )
        assert config is not None
        assert config.plugins == ("region_rules",)
        assert config.directory == tmp_path.resolve()
        assert_fires("ROW-12", minimal_agreement(), config=config, paths=["$.parties[0]"])

    def test_package_module(self, tmp_path: Path) -> None:
        """A dotted name imports a module of a package in the folder."""
        write(tmp_path, "regio/__init__.py", "")
        write(tmp_path, "regio/rules.py", REGION_RULES)
        config = CheckConfig(plugins=["regio.rules"], directory=tmp_path)
        assert "ROW-12" in check(as_agreement(minimal_agreement()), as_of=AS_OF, config=config).codes()

    def test_select_and_params_know_plugin_rules(self, tmp_path: Path) -> None:
        """`select` and severity overrides may name a plugin's codes: the plugins load before validation."""
        agreement = project_with_plugin(
            tmp_path, config='plugins = ["region_rules"]\nselect = ["ROW"]\nseverity = { ROW-12 = "error" }\n'
        )
        config = read_config(agreement.parent / "prestatieafspraken.toml")
        report = check(pa.load(agreement), as_of=AS_OF, config=config)
        assert report.codes() == {"ROW-12"}
        assert not report.ok

    def test_rules_stay_with_their_configuration(self, tmp_path: Path) -> None:
        """A plugin's rules run in the checks whose configuration names it, not in the next check without it."""
        agreement = pa.load(project_with_plugin(tmp_path / "regio"))
        config = read_config(tmp_path / "regio" / "prestatieafspraken.toml")
        assert "ROW-12" in check(agreement, as_of=AS_OF, config=config).codes()
        assert "ROW-12" not in check(agreement, as_of=AS_OF, config=CheckConfig()).codes()
        assert "ROW-12" not in check(agreement, as_of=AS_OF).codes()

    @pytest.mark.parametrize(
        ("config", "source", "message"),
        [
            ('plugins = ["regio_regels"]\n', REGION_RULES, "no module named 'regio_regels'"),
            (
                'plugins = ["region_rules"]\n',
                "import not_installed_dependency\n",
                "importing it failed: ModuleNotFoundError: No module named 'not_installed_dependency'",
            ),
            (
                'plugins = ["region_rules"]\n',
                "raise RuntimeError('kapot')\n",
                "importing it failed: RuntimeError: kapot",
            ),
            (
                'plugins = ["region_rules"]\n',
                REGION_RULES.replace('"ROW-12"', '"PA999"'),
                "rule code 'PA999' of region_rules.no_liveability is in the PA namespace",
            ),
            (
                'plugins = ["region_rules"]\n',
                REGION_RULES + REGION_RULES.replace("def no_liveability", "def no_liveability_again"),
                (
                    "rule code ROW-12 of region_rules.no_liveability_again is already registered by "
                    "region_rules.no_liveability"
                ),
            ),
        ],
    )
    def test_unusable_plugin_exits_2(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], config: str, source: str, message: str
    ) -> None:
        """A plugin that cannot be imported or registered is one clear message and exit 2, never a traceback."""
        agreement = project_with_plugin(tmp_path, source=source, config=config)
        assert main(["check", str(agreement), "--config", str(tmp_path / "prestatieafspraken.toml")]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"{agreement}: plugins: module ")
        assert message in err
        assert "Traceback" not in err

    def test_unusable_plugin_raises_from_the_api(self, tmp_path: Path) -> None:
        """From Python the same problem is a RuleRegistrationError (a ValueError) naming the folder."""
        config = CheckConfig(plugins=["regio_regels"], directory=tmp_path)
        with pytest.raises(RuleRegistrationError, match=f"no module named 'regio_regels' .*in {tmp_path}") as info:
            check(SOUND, as_of=AS_OF, config=config)
        assert isinstance(info.value, ValueError)

    def test_plugins_on_the_python_path(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without a folder (a configuration built in code), plugins are imported from the Python path."""
        write(tmp_path, "region_rules.py", REGION_RULES)
        with pytest.raises(RuleRegistrationError, match=r"no module named 'region_rules' \(on the Python path\)"):
            check(SOUND, as_of=AS_OF, config=CheckConfig(plugins="region_rules"))
        monkeypatch.syspath_prepend(tmp_path)
        assert_fires("ROW-12", minimal_agreement(), config=CheckConfig(plugins="region_rules"))

    def test_two_modules_of_one_name_are_refused(self, tmp_path: Path) -> None:
        """A second folder's own region_rules.py is not silently replaced by the first one's."""
        first = CheckConfig(plugins=["region_rules"], directory=project_with_plugin(tmp_path / "a").parent)
        second = CheckConfig(plugins=["region_rules"], directory=project_with_plugin(tmp_path / "b").parent)
        check(SOUND, as_of=AS_OF, config=first)
        with pytest.raises(RuleRegistrationError, match=r"already imported from .*a.region_rules\.py.*different names"):
            check(SOUND, as_of=AS_OF, config=second)

    def test_importing_twice_is_harmless(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Checking again, and re-importing the plugin module, registers nothing twice and raises nothing."""
        folder = project_with_plugin(tmp_path).parent
        config = CheckConfig(plugins=["region_rules"], directory=folder)
        agreement = as_agreement(minimal_agreement())
        first = check(agreement, as_of=AS_OF, config=config)
        monkeypatch.syspath_prepend(folder)  # as in a notebook that imports the module itself
        importlib.reload(sys.modules["region_rules"])
        second = check(agreement, as_of=AS_OF, config=config)
        assert first == second
        assert [known.code for known in REGISTRY if not known.builtin] == ["ROW-12"]

    @pytest.mark.parametrize("plugins", ["region rules", ["ok", 3], ["../region_rules"]])
    def test_bad_plugins_value(self, plugins: object) -> None:
        """`plugins` must be a list of module names."""
        with pytest.raises(ConfigError, match="plugins must be a list of Python module names"):
            config_from_mapping({"plugins": plugins})

    def test_rules_command_lists_the_folders_plugins(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`rules`, run in a folder whose configuration names plugins, lists their rules with the origin."""
        project_with_plugin(tmp_path)
        monkeypatch.chdir(tmp_path)
        assert main(["rules", "--lang=en"]) == 0
        lines = {line.split("\t")[0]: line.split("\t") for line in capsys.readouterr().out.splitlines()}
        assert lines["ROW-12"][1:] == [
            "warning",
            "Municipality without a liveability commitment",
            "Regionale woonagenda (test): elke gemeente een jaarafspraak over leefbaarheid",
            "region_rules",
        ]
        assert len(lines["PA101"]) == 4  # the built-in rules have no origin column


class TestFailingRules:
    """A plugin rule that raises is reported as a finding of its own; the other rules still run."""

    BROKEN = '''\
from prestatieafspraken.rules import Severity, rule


@rule("X002", severity=Severity.INFO, title_nl="Stuk", title_en="Broken", source="test")
def broken(ctx):
    """Raises on every agreement."""
    raise ZeroDivisionError(ctx.agreement.id)
'''

    def test_raising_plugin_rule_is_a_finding(self, tmp_path: Path) -> None:
        """The failure is an error finding with the rule's code and the exception; built-in findings stay."""
        config = CheckConfig(plugins=["broken_rules"], directory=tmp_path)
        write(tmp_path, "broken_rules.py", self.BROKEN)
        report = check(as_agreement(minimal_agreement()), as_of=AS_OF, config=config)
        (failure,) = report.by_code()["X002"]
        assert failure.severity is Severity.ERROR
        assert failure.message("en") == "The rule X002 failed to run: ZeroDivisionError: minimal"
        assert failure.source == "broken_rules"
        assert {"PA101", "PA105", "PA305"} <= report.codes()

    def test_raising_plugin_rule_on_the_command_line(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """On the command line the failure is an error finding (exit 1), never a traceback."""
        agreement = project_with_plugin(tmp_path, module="broken_rules", source=self.BROKEN)
        assert main(["check", str(agreement), "--lang=en", "--config", str(tmp_path / "prestatieafspraken.toml")]) == 1
        captured = capsys.readouterr()
        assert "$: X002 [error] The rule X002 failed to run: ZeroDivisionError: minimal" in captured.out
        assert "$.assignment: PA101" in captured.out
        assert "Traceback" not in captured.out + captured.err


class TestEntryPoints:
    """Installed packages declare rule modules in the entry point group ``prestatieafspraken.rules``."""

    def test_not_installed_not_registered(self) -> None:
        """Without the example package, its rule is unknown (the entry point is the only way in)."""
        if any(
            ep.value == "example_rules.rules"
            for ep in importlib.metadata.entry_points(group="prestatieafspraken.rules")
        ):
            pytest.skip("example-rules is installed in this environment for real")
        check(SOUND, as_of=AS_OF)
        assert "WSL-001" not in REGISTRY

    @pytest.mark.usefixtures("installed")
    def test_discovered_through_the_entry_point(self) -> None:
        """The first check imports the module the entry point names; its rule is registered with its origin."""
        check(SOUND, as_of=AS_OF)
        found = REGISTRY.get("WSL-001")
        assert found is not None
        assert found.origin == "example_rules.rules"
        assert not found.builtin
        assert found.params == {"wsl_homes_threshold": 100}
        assert plugin_loader.load_entry_point_rules() == ("example_rules.rules",)

    @pytest.mark.usefixtures("installed")
    def test_loaded_once_per_process(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """After the first check the entry points are not looked up again."""
        check(SOUND, as_of=AS_OF)

        def no_second_look(**_kwargs: object) -> object:
            raise AssertionError("entry points looked up twice")

        monkeypatch.setattr(importlib.metadata, "entry_points", no_second_look)
        assert "WSL-001" in check(as_agreement(LARGE_WITHOUT_AREA), as_of=AS_OF).codes()

    @pytest.mark.usefixtures("installed")
    def test_runs_in_check(self) -> None:
        """The plugin's rule fires in `check` next to the built-in rules, in both languages."""
        report = assert_fires("WSL-001", LARGE_WITHOUT_AREA, paths=["$.commitments[0]"])
        (finding,) = report.by_code()["WSL-001"]
        assert finding.subjects == ("c-bouw",)
        assert finding.message("en") == (
            "The commitment c-bouw is about 150 homes but names no location: fill in `area`."
        )
        assert finding.message("nl").startswith("De afspraak c-bouw gaat over 150 woningen")
        assert "PA101" in report.codes()

    @pytest.mark.usefixtures("installed")
    @pytest.mark.parametrize(
        "changes",
        [
            {"value": 100},  # exactly the threshold is fine
            {"area": "lindeveen"},  # a location is named
            {"by": "gemeente"},  # not the corporation's commitment
            {"indicator": "unknown-indicator"},  # not judged
        ],
    )
    def test_near_misses(self, changes: dict[str, object]) -> None:
        """The rule is quiet at the threshold, with an area, for another party and for an unknown indicator."""
        agreement = with_commitment(**changes)
        if "area" in changes:
            agreement["areas"] = [{"id": "lindeveen", "name": "Lindeveen", "kind": "municipality"}]
        assert_quiet("WSL-001", agreement)

    @pytest.mark.usefixtures("installed")
    def test_parameter_from_configuration(self) -> None:
        """The plugin's parameter is configured like a built-in one."""
        assert_quiet("WSL-001", LARGE_WITHOUT_AREA, config={"params": {"wsl_homes_threshold": 200}})
        assert_fires("WSL-001", with_commitment(value=101))

    @pytest.mark.usefixtures("installed")
    def test_restricted_values_are_not_quoted(self) -> None:
        """For a commitment only some parties may see, the message gives the threshold, not the value."""
        report = assert_fires(
            "WSL-001", with_commitment(visibility="restricted", visible_to=["woonstichting"], value=157)
        )
        assert "157" not in report.by_code()["WSL-001"][0].message("en")
        assert "more than 100 homes" in report.by_code()["WSL-001"][0].message("en")

    @pytest.mark.usefixtures("installed")
    @pytest.mark.parametrize("path", PLUGIN_CASES, ids=[path.stem for path in PLUGIN_CASES])
    def test_plugin_case_files(self, path: Path) -> None:
        """The plugin's own case files pass with the library's case runner."""
        report = run_case_file(path)
        assert report.agreement_id == "lindeveen-nieuwbouw"

    @pytest.mark.usefixtures("installed")
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(agreement=agreements(valid_references=False))
    def test_never_raises(self, agreement: pa.Agreement) -> None:
        """The plugin's rule, like every built-in one, reports and never fails on a generated agreement."""
        report = check(agreement, as_of=AS_OF, config=CheckConfig(select=["WSL"]))
        assert [f.message_en for f in report.findings if "failed to run" in f.message_en] == []
        assert "WSL-001" in REGISTRY

    @pytest.mark.usefixtures("installed")
    def test_sound_example_stays_quiet(self) -> None:
        """The handbook-style example gives no warning with the plugin installed either."""
        report = check(SOUND, as_of=AS_OF)
        assert [f.code for f in report.findings if f.severity is not Severity.INFO] == []

    @pytest.mark.usefixtures("installed")
    def test_rules_command_shows_origin(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`rules` lists the plugin's rule with its origin; `rules WSL-001` shows it in full."""
        assert main(["rules", "--lang=en"]) == 0
        lines = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
        (plugin_line,) = [line for line in lines if line[0] == "WSL-001"]
        assert plugin_line[-1] == "example_rules.rules"
        assert all(len(line) == 4 for line in lines if line[0].startswith("PA"))
        assert main(["rules", "wsl-001"]) == 0
        out = capsys.readouterr().out
        assert out.startswith("WSL-001 [warning] Afspraak over meer dan 100 woningen zonder locatie")
        assert "origin: example_rules.rules" in out
        assert "parameter wsl_homes_threshold = 100" in out

    @pytest.mark.usefixtures("installed")
    def test_check_command_runs_it(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`check` on a file runs the installed rule; a warning keeps exit status 0."""
        agreement = write(tmp_path, "afspraken.yaml", pa.dumps(as_agreement(LARGE_WITHOUT_AREA)))
        assert main(["check", str(agreement), "--lang=en", "--select=WSL"]) == 0
        assert "$.commitments[0]: WSL-001 [warning] The commitment c-bouw" in capsys.readouterr().out

    @pytest.mark.usefixtures("installed")
    def test_not_in_the_library_catalogue(self) -> None:
        """The generated catalogue of the docs holds the built-in rules only, unless asked for the others."""
        check(SOUND, as_of=AS_OF)
        assert "WSL-001" not in catalogue_markdown()
        assert "Origin: `example_rules.rules`" in catalogue_markdown(builtin_only=False)

    @pytest.mark.parametrize(
        ("entry_points", "message"),
        [
            ("[prestatieafspraken.rules]\nweg = not_a_module_anywhere\n", "cannot be loaded: ModuleNotFoundError"),
            ("[prestatieafspraken.rules]\nfunctie = json:dumps\n", "names a function, not a module"),
        ],
    )
    def test_broken_package(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
        entry_points: str,
        message: str,
    ) -> None:
        """A package whose entry point cannot be used is a clear error (exit 2 on the command line)."""
        monkeypatch.syspath_prepend(fake_distribution(tmp_path, "kapot_pakket", entry_points))
        with pytest.raises(RuleRegistrationError, match=f"entry point .* of kapot_pakket 1.0 .*{message}"):
            check(SOUND, as_of=AS_OF)
        assert main(["check", "--example", "lindeveen-2025-2028"]) == 2
        err = capsys.readouterr().err
        assert message in err
        assert "Traceback" not in err


class TestHelpers:
    """`prestatieafspraken.testing`: helpers that fail with the report, and a sandbox."""

    def test_assert_fires_fails_with_the_report(self) -> None:
        """When the rule is quiet, the assertion fails and shows the report."""
        with pytest.raises(AssertionError, match=r"(?s)rule PA119 reported nothing\n.*PA101"):
            assert_fires("PA119", minimal_agreement())

    def test_assert_fires_checks_paths(self) -> None:
        """With `paths`, other paths fail the assertion."""
        assert_fires("PA101", minimal_agreement(), paths=["$.assignment"])
        with pytest.raises(AssertionError, match=r"reported the paths \['\$.assignment'\], expected \['\$'\]"):
            assert_fires("PA101", minimal_agreement(), paths=["$"])

    def test_assert_quiet_fails_when_it_fires(self) -> None:
        """A rule that fires fails `assert_quiet`."""
        with pytest.raises(AssertionError, match="rule PA101 reported findings"):
            assert_quiet("PA101", minimal_agreement())

    @pytest.mark.parametrize(
        ("code", "config", "message"),
        [
            ("X001", None, "no rule X001 is registered"),
            ("PA101", {"ignore": ["PA1"]}, "the configuration does not run rule PA101"),
        ],
    )
    def test_assert_quiet_cannot_pass_vacuously(
        self, code: str, config: dict[str, object] | None, message: str
    ) -> None:
        """A rule that is not registered or not selected fails `assert_quiet` instead of passing."""
        with pytest.raises(AssertionError, match=message):
            assert_quiet(code, minimal_agreement(), config=config)

    def test_assert_quiet_refuses_a_rule_of_other_scopes(self) -> None:
        """A rule registered for other scopes than the agreement's fails `assert_quiet`: it cannot have run."""
        with pytest.raises(AssertionError, match=r"rule PA401 does not run on a regional agreement: .* scopes local"):
            assert_quiet("PA401", minimal_agreement(scope="regional"))

    def test_agreement_inputs(self) -> None:
        """YAML text, a mapping and an `Agreement` are all accepted, and give the same agreement."""
        mapping = minimal_agreement(id="drie-vormen", process={"started": dt.date(2024, 9, 1)})
        agreement = as_agreement(mapping)
        assert as_agreement(pa.dumps(agreement)) == agreement
        assert as_agreement(agreement) is agreement
        assert agreement.id == "drie-vormen"

    def test_minimal_agreement(self) -> None:
        """Keywords replace top-level keys; None removes one; the result loads."""
        assert minimal_agreement()["scope"] == "local"
        assert "perspective" not in minimal_agreement(perspective=None)
        assert minimal_agreement(scope="regional")["scope"] == "regional"
        assert len(as_agreement(minimal_agreement()).parties) == 3

    def test_case_file_runner(self, tmp_path: Path) -> None:
        """A case file with must, must_not, paths and as_of passes; a wrong expectation fails with the report."""
        case = write(
            tmp_path,
            "pa101.yaml",
            """\
            name: no assignment
            must: [PA101]
            must_not: [PA102]
            as_of: 2026-01-01
            paths: {PA101: [$.assignment]}
            agreement: {schema_version: 1, id: x, title: X, scope: local, perspective: {start: 2025, end: 2028},
                        parties: [{id: g, name: G, kind: municipality}]}
            """,
        )
        assert run_case_file(case).as_of == dt.date(2026, 1, 1)
        quoted = write(tmp_path, "quoted.yaml", case.read_text(encoding="utf-8").replace("2026-01-01", "'2026-02-01'"))
        assert run_case_file(quoted).as_of == dt.date(2026, 2, 1)
        wrong = write(
            tmp_path,
            "wrong.yaml",
            case.read_text(encoding="utf-8")
            .replace("must: [PA101]", "must: [PA102]")
            .replace("must_not: [PA102]", "must_not: [PA101]"),
        )
        with pytest.raises(AssertionError, match=r"wrong.yaml \(no assignment\): missing PA102; unwanted PA101\n"):
            run_case_file(wrong)

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("name: x\nmust: [PA101]\nagreement: {}\ncolour: red\n", "unknown key.* colour"),
            ("must: [PA101]\nagreement: {}\n", "a case needs a name"),
            ("name: x\nagreement: {}\n", "at least one code"),
            ("name: x\nmust: [PA101]\n", "a case needs an agreement"),
            ("- a list\n", "a case file is a mapping"),
        ],
    )
    def test_malformed_case_file(self, tmp_path: Path, text: str, message: str) -> None:
        """A malformed case file fails with what is wrong."""
        with pytest.raises(AssertionError, match=message):
            read_case_file(write(tmp_path, "case.yaml", text))

    def test_case_file_config_plugins(self, tmp_path: Path) -> None:
        """A case's `config.plugins` are imported from the case file's folder."""
        write(tmp_path, "region_rules.py", REGION_RULES)
        case = write(
            tmp_path,
            "row-12.yaml",
            """\
            name: ROW-12 fires on a municipality without liveability commitments
            must: [ROW-12]
            paths: {ROW-12: ["$.parties[0]"]}
            config: {plugins: [region_rules], select: [ROW]}
            agreement: {schema_version: 1, id: x, title: X, scope: local, perspective: {start: 2025, end: 2028},
                        parties: [{id: g, name: G, kind: municipality}]}
            """,
        )
        assert run_case_file(case).codes() == {"ROW-12"}

    def test_sandbox_forgets(self, tmp_path: Path) -> None:
        """Rules, plugin modules and the entry-point record of a sandbox are gone after it; built-ins stay."""
        before = REGISTRY.codes
        with isolated_rules() as registry:
            register("X001", always, registry)
            check(
                SOUND,
                as_of=AS_OF,
                config=CheckConfig(plugins=["region_rules"], directory=project_with_plugin(tmp_path).parent),
            )
            assert {"X001", "ROW-12"} <= set(registry.codes)
            assert "region_rules" in sys.modules
        assert REGISTRY.codes == before
        assert "region_rules" not in sys.modules
        assert "PA101" in REGISTRY

    def test_default_as_of(self) -> None:
        """The helpers check as of 2030-01-01 unless told otherwise."""
        assert assert_fires("PA101", minimal_agreement()).as_of == DEFAULT_AS_OF
        assert assert_fires("PA101", minimal_agreement(), as_of=AS_OF).as_of == AS_OF
