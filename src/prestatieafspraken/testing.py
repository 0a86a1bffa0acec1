"""Test rules of your own the way the library tests its own: a small agreement inline, or a case file as data.

- `assert_fires` and `assert_quiet` check a small agreement (YAML text, a mapping or an `Agreement`) and assert
  that a rule does, or does not, report a finding; a failure shows the whole report.
- `minimal_agreement` gives a small local agreement as a mapping, with the top-level keys you pass replacing its
  own, to write just the part a rule looks at.
- `run_case_file` runs a case file with the keys of the library's ``tests/cases/`` (``name``, ``agreement``,
  ``must``, ``must_not`` and optionally ``as_of``, ``config``, ``paths``).
- `isolated_rules` (a context manager) and the pytest fixture `rule_registry`: rules registered, plugin modules
  imported and installed packages' rules loaded inside are forgotten afterwards, so one test's rules never leak
  into another's. Use the fixture from your ``conftest.py``:
  ``from prestatieafspraken.testing import rule_registry  # noqa: F401``.

Checks run as of `DEFAULT_AS_OF` (2030-01-01) unless told otherwise, so a result never depends on the day the
tests run. This module needs pytest (``pip install pytest``); the library itself does not import it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import orjson
import pytest
import yaml

from prestatieafspraken.model import Agreement, Scope
from prestatieafspraken.report.findings import render_findings
from prestatieafspraken.rules import plugins
from prestatieafspraken.rules.config import CheckConfig, config_from_mapping
from prestatieafspraken.rules.engine import check, load_builtin_rules
from prestatieafspraken.rules.registry import REGISTRY, Registry
from prestatieafspraken.rules.report import Report
from prestatieafspraken.serialization import loads

__all__ = [
    "CASE_KEYS",
    "DEFAULT_AS_OF",
    "AgreementLike",
    "ConfigLike",
    "as_agreement",
    "assert_fires",
    "assert_quiet",
    "isolated_rules",
    "minimal_agreement",
    "read_case_file",
    "rule_registry",
    "run_case_file",
]

#: The check date of the helpers and case files unless one is given: fixed, so tests never depend on today.
DEFAULT_AS_OF = dt.date(2030, 1, 1)

#: The keys of a case file.
CASE_KEYS = frozenset({"name", "agreement", "must", "must_not", "as_of", "config", "paths"})

#: An agreement as the helpers take it: YAML (or JSON) text, a mapping of file format v1, or an `Agreement`.
AgreementLike = Agreement | str | Mapping[str, Any]

#: A configuration as the helpers take it: a `CheckConfig`, or a table as in ``prestatieafspraken.toml``.
ConfigLike = CheckConfig | Mapping[str, Any]


def minimal_agreement(**keys: Any) -> dict[str, Any]:
    """A small local agreement of file format v1 as a mapping; each keyword replaces that top-level key.

    Without keywords: a municipality, a housing corporation and a tenant organisation over the perspective
    2025-2028, and nothing else. Pass the lists a rule reads (``areas=[...]``, ``commitments=[...]``,
    ``indicators=[...]``); a value of ``None`` removes the key.
    """
    agreement: dict[str, Any] = {
        "schema_version": 1,
        "id": "minimal",
        "title": "Prestatieafspraken (test)",
        "scope": "local",
        "perspective": {"start": 2025, "end": 2028},
        "parties": [
            {"id": "gemeente", "name": "Gemeente", "kind": "municipality"},
            {"id": "woonstichting", "name": "Woonstichting", "kind": "housing_corporation"},
            {"id": "huurdersvereniging", "name": "Huurdersvereniging", "kind": "tenant_organisation"},
        ],
    }
    agreement.update(keys)
    return {key: value for key, value in agreement.items() if value is not None}


def as_agreement(agreement: AgreementLike) -> Agreement:
    """Read YAML or JSON text, or a mapping, with the library's own loader; an `Agreement` is returned as is.

    Raises:
        LoadError: The text or mapping is not an agreement of file format v1.
    """
    if isinstance(agreement, Agreement):
        return agreement
    if isinstance(agreement, str):
        return loads(agreement)
    return loads(orjson.dumps(_plain(agreement)), format="json")


def _plain(value: object) -> object:
    """Plain JSON data: mappings and sequences as dicts and lists, dates as ``YYYY-MM-DD``."""
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _config(config: ConfigLike | None, *, directory: Path | None = None, where: str = "config") -> CheckConfig:
    if config is None:
        return CheckConfig()
    if isinstance(config, CheckConfig):
        return config
    return config_from_mapping(config, where=where, directory=directory)


def _report(
    code: str,
    agreement: AgreementLike,
    *,
    as_of: dt.date | None,
    config: ConfigLike | None,
    registry: Registry,
) -> tuple[Report, CheckConfig]:
    """Check the agreement, and fail if the rule *code* cannot have run (so an assertion is never vacuous)."""
    checked = _config(config)
    loaded = as_agreement(agreement)
    report = check(loaded, as_of=as_of or DEFAULT_AS_OF, config=checked, registry=registry)
    _assert_runs(code, checked, registry, report, loaded.scope)
    return report, checked


def _assert_runs(code: str, config: CheckConfig, registry: Registry, report: Report, scope: Scope) -> None:
    known = registry.get(code)
    if known is None:
        raise AssertionError(
            f"no rule {code} is registered: import the module that defines it, name it in the configuration's "
            f"plugins, or install its package\n{_shown(report)}"
        )
    if not config.is_selected(code) or code in plugins.load_plugins(config):
        raise AssertionError(f"the configuration does not run rule {code}\n{_shown(report)}")
    if not known.applies_to(scope):
        scopes = ", ".join(sorted(item.value for item in known.scopes))
        raise AssertionError(
            f"rule {code} does not run on a {scope.value} agreement: it is registered for scopes {scopes}\n"
            f"{_shown(report)}"
        )


def assert_fires(
    code: str,
    agreement: AgreementLike,
    *,
    paths: Sequence[str] | None = None,
    as_of: dt.date | None = None,
    config: ConfigLike | None = None,
    registry: Registry = REGISTRY,
) -> Report:
    """Assert that the rule *code* reports at least one finding on *agreement*; return the report.

    Args:
        code: The rule code (``GM0363-001``).
        agreement: YAML or JSON text, a mapping of file format v1, or an `Agreement`.
        paths: If given, the ``$.paths`` of the rule's findings, exactly (in any order).
        as_of: The check date; default `DEFAULT_AS_OF`.
        config: A `CheckConfig` or a ``prestatieafspraken.toml`` table (parameters, plugins).
        registry: The rules to choose from; default the global registry.

    Raises:
        AssertionError: The rule is not registered, not selected or not registered for the agreement's scope,
            reports nothing, or reports other paths; the message shows the report.
    """
    report, _ = _report(code, agreement, as_of=as_of, config=config, registry=registry)
    found = sorted(finding.path for finding in report.findings if finding.code == code)
    if not found:
        raise AssertionError(f"rule {code} reported nothing\n{_shown(report)}")
    if paths is not None and found != sorted(paths):
        raise AssertionError(f"rule {code} reported the paths {found}, expected {sorted(paths)}\n{_shown(report)}")
    return report


def assert_quiet(
    code: str,
    agreement: AgreementLike,
    *,
    as_of: dt.date | None = None,
    config: ConfigLike | None = None,
    registry: Registry = REGISTRY,
) -> Report:
    """Assert that the rule *code* runs on *agreement* and reports nothing; return the report.

    The arguments are those of `assert_fires`. A rule that is not registered, not selected or registered for
    other scopes of agreement than this one's fails the assertion: a near-miss test must be able to fail.

    Raises:
        AssertionError: The rule is not registered, not selected or not registered for the agreement's scope, or
            it reports a finding (a rule that raised included); the message shows the report.
    """
    report, _ = _report(code, agreement, as_of=as_of, config=config, registry=registry)
    if any(finding.code == code for finding in report.findings):
        raise AssertionError(f"rule {code} reported findings\n{_shown(report)}")
    return report


def read_case_file(path: Path | str) -> dict[str, Any]:
    """Read a case file with a plain safe YAML loader and check its shape.

    Raises:
        AssertionError: The file has unknown keys, no name or no agreement, or neither ``must`` nor ``must_not``.
    """
    path = Path(path)
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(case, dict):
        raise AssertionError(  # noqa: TRY004 - a malformed case file fails the test, like any other assertion
            f"{path}: a case file is a mapping with the keys {', '.join(sorted(CASE_KEYS))}"
        )
    problems = []
    unknown = sorted(set(case) - CASE_KEYS)
    if unknown:
        problems.append(f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(CASE_KEYS))}")
    if not case.get("name"):
        problems.append("a case needs a name: what it shows")
    if "agreement" not in case:
        problems.append("a case needs an agreement")
    if not (case.get("must") or case.get("must_not")):
        problems.append("a case must expect (must) or exclude (must_not) at least one code")
    if problems:
        raise AssertionError(f"{path}: " + "; ".join(problems))
    return case


def run_case_file(path: Path | str) -> Report:
    """Run a case file: its report has every ``must`` code, no ``must_not`` code, and exactly the ``paths``.

    A case's ``config`` is a ``prestatieafspraken.toml`` table; its ``plugins`` are imported from the case file's
    folder first. ``as_of`` defaults to `DEFAULT_AS_OF`.

    Raises:
        AssertionError: The case file is malformed, or the report differs from what it says; the message names
            the file and shows the report.
    """
    path = Path(path)
    case = read_case_file(path)
    config = _config(case.get("config"), directory=path.resolve().parent, where=f"{path}: config")
    as_of = case.get("as_of", DEFAULT_AS_OF)
    if isinstance(as_of, str):
        as_of = dt.date.fromisoformat(as_of)
    report = check(as_agreement(case["agreement"]), as_of=as_of, config=config)
    found = report.codes()
    missing = sorted(set(case.get("must", ())) - found)
    unwanted = sorted(set(case.get("must_not", ())) & found)
    problems = []
    if missing:
        problems.append(f"missing {', '.join(missing)}")
    if unwanted:
        problems.append(f"unwanted {', '.join(unwanted)}")
    for code, expected in dict(case.get("paths", {})).items():
        paths = sorted(finding.path for finding in report.findings if finding.code == code)
        if paths != sorted(expected):
            problems.append(f"{code} at {paths}, expected {sorted(expected)}")
    if problems:
        raise AssertionError(f"{path} ({case['name']}): " + "; ".join(problems) + f"\n{_shown(report)}")
    return report


@contextlib.contextmanager
def isolated_rules() -> Iterator[Registry]:
    """Yield the global registry, with the built-in rules loaded; on leaving, forget what was loaded inside.

    Rules registered inside are unregistered and replaced rules restored; the record of loaded plugin modules and
    entry points is restored (so installed packages' entry points are looked up afresh inside); modules imported
    inside that registered rules, or were loaded as plugins, are dropped from ``sys.modules`` with their parent
    packages imported inside, so they register again when imported again.
    """
    load_builtin_rules()  # the built-in rules belong to every sandbox and are never forgotten
    rules = REGISTRY._snapshot()  # noqa: SLF001 - the sandbox is the registry's own
    loaded = plugins._LOADED.copy()  # noqa: SLF001 - and the plugin loader's
    modules_before = set(sys.modules)
    plugins._LOADED.entry_points = False  # noqa: SLF001 - installed packages are looked up afresh inside
    try:
        yield REGISTRY
    finally:
        now = REGISTRY._snapshot()  # noqa: SLF001
        origins = {known.origin for code, known in now.items() if rules.get(code) is not known and not known.builtin}
        origins.update(plugins._LOADED.config_codes)  # noqa: SLF001
        origins.update(plugins._LOADED.entry_point_modules)  # noqa: SLF001
        forget = _with_parents(origins)
        for name in set(sys.modules) - modules_before:
            if name in forget or any(name.startswith(origin + ".") for origin in origins):
                del sys.modules[name]
        REGISTRY._restore(rules)  # noqa: SLF001
        plugins._LOADED = loaded  # noqa: SLF001


def _with_parents(names: set[str]) -> set[str]:
    """The module names and all their parent packages."""
    found: set[str] = set()
    for name in names:
        parts = name.split(".")
        found.update(".".join(parts[:end]) for end in range(1, len(parts) + 1))
    return found


@pytest.fixture
def rule_registry() -> Iterator[Registry]:
    """The global rule registry, isolated for one test (`isolated_rules`): what the test registers is forgotten."""
    with isolated_rules() as registry:
        yield registry


def _shown(report: Report) -> str:
    """The findings as English text, for an assertion message."""
    return render_findings(report, "text", lang="en")
