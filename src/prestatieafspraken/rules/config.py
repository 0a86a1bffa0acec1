"""Which rules run and how: selection by code or prefix, severity overrides and rule parameters.

As ruff has it: ``select`` and ``ignore`` take codes or prefixes (``PA1``, ``PA111``, ``ALL``); where both match a
code, the longer (more specific) match wins, and on a tie ``ignore`` wins. A configuration is a `CheckConfig` made
in code, or read from a ``prestatieafspraken.toml`` or the ``[tool.prestatieafspraken]`` table of a
``pyproject.toml``. Its ``plugins`` name the modules of your own rules, imported with the configuration's folder on
``sys.path`` (`prestatieafspraken.rules.plugins`): a configuration can run code.

So configuration comes only from what the user chose (docs/security.md): the command line reads the project's own
file, found by `discover_config` from the working directory up to the repository root (as ruff and pytest find
theirs), or the file given with ``--config``; never one that merely lies next to a data file (`config_beside`
finds such a file, so that the command line can say it was not applied).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs
import pendulum

from prestatieafspraken._problem_words import Said
from prestatieafspraken.cycles import DEFAULT_STATUTORY_DATES, StatutoryDates
from prestatieafspraken.errors import ConfigError
from prestatieafspraken.rules.findings import Severity
from prestatieafspraken.rules.registry import REGISTRY, Registry

__all__ = [
    "CONFIG_FILE",
    "CheckConfig",
    "config_beside",
    "discover_config",
    "find_config",
    "read_config",
    "statutory_dates",
]

CONFIG_FILE = "prestatieafspraken.toml"
_ALL = "ALL"


#: A module name as ``plugins`` takes it: dotted Python identifiers.
_MODULE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")


def _codes(value: tuple[str, ...] | list[str] | str) -> tuple[str, ...]:
    items = value.split(",") if isinstance(value, str) else value
    return tuple(item.strip().upper() for item in items if item.strip())


def _names(value: Iterable[str] | str) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


@attrs.frozen(kw_only=True)
class CheckConfig:
    """The configuration of a check.

    Attributes:
        select: Codes or prefixes of the rules to run; ``ALL`` (the default) runs every rule.
        ignore: Codes or prefixes not to run.
        severity: Per code, the severity to report instead of the rule's default.
        params: Rule parameters by name (``prestatieafspraken rules`` lists them with their defaults).
        municipal_elections: Per municipality (CBS code or area id), its own election dates, replacing the
            regular ones (herindeling).
        plugins: Modules of your own rules (``my_rules``, ``package.module``), imported by `check`; their rules
            run in the checks whose configuration names them.
        directory: The folder the plugins are imported from first (put first on ``sys.path`` for the import):
            the configuration file's folder when read by `read_config`. It takes no part in equality: a
            configuration read from a file equals the same settings written in code.
        source: The file the configuration was read from, as given to `read_config` (``None`` for one made in
            code); every report names it. It takes no part in equality either.
    """

    select: tuple[str, ...] = attrs.field(default=(_ALL,), converter=_codes)
    ignore: tuple[str, ...] = attrs.field(default=(), converter=_codes)
    severity: Mapping[str, Severity] = attrs.field(factory=dict, hash=False)
    params: Mapping[str, Any] = attrs.field(factory=dict, hash=False)
    municipal_elections: Mapping[str, tuple[pendulum.Date, ...]] = attrs.field(factory=dict, hash=False)
    plugins: tuple[str, ...] = attrs.field(default=(), converter=_names)
    directory: Path | None = attrs.field(default=None, eq=False)
    source: Path | None = attrs.field(default=None, eq=False)

    def validate(self, registry: Registry = REGISTRY) -> None:
        """Raise `ConfigError` listing every code, prefix or parameter that no registered rule knows."""
        problems = [
            Said.of("config_no_code", prefix=prefix)
            for prefix in (*self.select, *self.ignore)
            if prefix != _ALL and not any(code.startswith(prefix) for code in registry.codes)
        ]
        problems.extend(
            Said.of("config_severity_unknown_rule", code=code) for code in self.severity if code not in registry
        )
        known = registry.param_defaults()
        problems.extend(
            Said.of("config_unknown_param", name=name, known=sorted(known)) for name in self.params if name not in known
        )
        if problems:
            raise ConfigError.of("config_invalid", problems=tuple(problems))

    def is_selected(self, code: str) -> bool:
        """Whether the rule *code* runs under this configuration."""
        selected = _longest_match(code, self.select)
        ignored = _longest_match(code, self.ignore)
        return selected > ignored

    def param(self, name: str, registry: Registry = REGISTRY) -> Any:
        """The value of a rule parameter: configured, else the registered default."""
        if name in self.params:
            return self.params[name]
        return registry.param_defaults()[name]

    def merged(self, *, select: str | None = None, ignore: str | None = None) -> CheckConfig:
        """This configuration with command-line options applied: ``--select`` replaces, ``--ignore`` adds."""
        changes: dict[str, Any] = {}
        if select:
            changes["select"] = _codes(select)
        if ignore:
            changes["ignore"] = (*self.ignore, *_codes(ignore))
        return attrs.evolve(self, **changes)


def _longest_match(code: str, prefixes: tuple[str, ...]) -> int:
    """The length of the longest prefix that matches *code* (``ALL`` counts as 0), or -1 for none."""
    best = -1
    for prefix in prefixes:
        if prefix == _ALL:
            best = max(best, 0)
        elif code.startswith(prefix):
            best = max(best, len(prefix))
    return best


def _as_date(value: object, where: str) -> pendulum.Date:
    if isinstance(value, dt.date):
        return pendulum.Date(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            return pendulum.Date.fromisoformat(value)
        except ValueError:
            pass
    raise ConfigError.of("config_date", where=where, got=value)


def config_from_mapping(
    table: Mapping[str, Any],
    *,
    where: str = "configuration",
    directory: Path | None = None,
    source: Path | None = None,
) -> CheckConfig:
    """Build a `CheckConfig` from a TOML table; unknown keys and bad values raise `ConfigError`.

    *directory* is the folder of the configuration file, where its ``plugins`` are imported from first; *source*
    the file itself.
    """
    allowed = {"select", "ignore", "severity", "params", "municipal-elections", "plugins"}
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise ConfigError.of("config_unknown_keys", where=where, keys=unknown, allowed=sorted(allowed))
    severities: dict[str, Severity] = {}
    for code, value in dict(table.get("severity", {})).items():
        try:
            severities[code.upper()] = Severity(value)
        except ValueError:
            raise ConfigError.of("config_severity", where=where, code=code, got=value) from None
    elections = {
        str(municipality): tuple(_as_date(day, f"{where}: municipal-elections.{municipality}") for day in days)
        for municipality, days in dict(table.get("municipal-elections", {})).items()
    }
    return CheckConfig(
        select=table.get("select", (_ALL,)),
        ignore=table.get("ignore", ()),
        severity=severities,
        params=dict(table.get("params", {})),
        municipal_elections=elections,
        plugins=_plugins(table.get("plugins", ()), where),
        directory=directory,
        source=source,
    )


def _plugins(value: object, where: str) -> tuple[str, ...]:
    """The ``plugins`` list: module names, as ``["my_rules", "package.module"]``."""
    names = value if isinstance(value, list | tuple) else [value]
    wrong = [name for name in names if not isinstance(name, str) or not _MODULE_NAME.fullmatch(name)]
    if wrong:
        raise ConfigError.of("config_plugins", where=where, wrong=wrong)
    return tuple(str(name) for name in names)


def read_config(path: Path, *, required: bool = False) -> CheckConfig | None:
    """Read the configuration in *path*.

    *path* is a ``prestatieafspraken.toml``, or a ``pyproject.toml`` whose ``[tool.prestatieafspraken]`` table is
    read (None when it has no such table, or `ConfigError` when *required*: a file named on purpose that
    configures nothing is a mistake, not an empty configuration). The configuration's ``source`` is *path* as
    given.
    """
    document = _toml(path)
    if path.name == "pyproject.toml":
        table = document.get("tool", {}).get("prestatieafspraken")
        if table is None:
            if required:
                raise ConfigError.of("config_no_table", path=str(path))
            return None
        where = f"{path} [tool.prestatieafspraken]"
        return config_from_mapping(table, where=where, directory=path.resolve().parent, source=path)
    return config_from_mapping(document, where=str(path), directory=path.resolve().parent, source=path)


def _toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError.of("config_unreadable", path=str(path), reason=str(error)) from None


def _configures(path: Path) -> bool:
    """Whether *path* is a ``prestatieafspraken.toml``, or a ``pyproject.toml`` with the table.

    Raises:
        ConfigError: *path* is a pyproject.toml that cannot be read as TOML.
    """
    if not path.is_file():
        return False
    return path.name == CONFIG_FILE or "prestatieafspraken" in _toml(path).get("tool", {})


def find_config(directory: Path) -> CheckConfig | None:
    """The configuration in *directory* itself: its ``prestatieafspraken.toml`` first, else its ``pyproject.toml``.

    For code that names the folder on purpose. The command line never calls it on the folder of a data file: it
    reads the project's configuration (`discover_config`) or the file given with ``--config``.
    """
    for name in (CONFIG_FILE, "pyproject.toml"):
        candidate = directory / name
        if candidate.is_file():
            found = read_config(candidate)
            if found is not None:
                return found
    return None


def discover_config(start: Path | None = None) -> Path | None:
    """The project's configuration file, found from *start* (default: the working directory) up.

    In each folder from *start* up, a ``prestatieafspraken.toml`` first, else a ``pyproject.toml`` with a
    ``[tool.prestatieafspraken]`` table; the search ends at the first folder holding ``.git`` (the repository
    root) or at the filesystem root, as ruff and pytest look for theirs. Returns the absolute path, or None.

    Raises:
        ConfigError: A ``pyproject.toml`` on the way cannot be read as TOML.
    """
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        for name in (CONFIG_FILE, "pyproject.toml"):
            if _configures(candidate / name):
                return candidate / name
        if (candidate / ".git").exists():
            return None
    return None


def config_beside(data_file: Path) -> Path | None:
    """The configuration file next to *data_file*, which the command line does not read; None when there is none.

    A ``pyproject.toml`` counts only with a ``[tool.prestatieafspraken]`` table; one that cannot be read counts
    as none (it is not read anyway).
    """
    for name in (CONFIG_FILE, "pyproject.toml"):
        candidate = data_file.parent / name
        try:
            if _configures(candidate):
                return candidate
        except ConfigError:
            continue
    return None


#: The rule parameters that make up the statutory dates: (month parameter, day parameter, `StatutoryDates` fields).
_STATUTORY_PARAMS = (
    ("bid_deadline_month", "bid_deadline_day", "bid_month", "bid_day"),
    ("signing_deadline_month", "signing_deadline_day", "year_end_month", "year_end_day"),
    ("evaluation_deadline_month", "evaluation_deadline_day", "evaluation_month", "evaluation_day"),
)


def statutory_dates(params: Mapping[str, Any]) -> StatutoryDates:
    """The statutory dates of the cycle as the rule parameters set them (`prestatieafspraken.cycles.StatutoryDates`).

    The month and day of each deadline come from ``bid_deadline_month``/``bid_deadline_day``,
    ``signing_deadline_month``/``signing_deadline_day`` (15 December by default; 1 December per the ministerial
    letter of 16 June 2023) and ``evaluation_deadline_month``/``evaluation_deadline_day``; the effective date of the
    Wet versterking regie volkshuisvesting from ``regie_effective``: a date (``regie_effective = 2026-07-01`` in
    TOML), or not set (the default), as the date is not confirmed in the sources. A parameter that is absent keeps
    its default.

    Raises:
        ConfigError: A deadline is not a day of every year, or ``regie_effective`` is not a date.
    """
    defaults = DEFAULT_STATUTORY_DATES
    changes: dict[str, Any] = {}
    problems: list[object] = []
    for month_param, day_param, month_field, day_field in _STATUTORY_PARAMS:
        month = params.get(month_param, getattr(defaults, month_field))
        day = params.get(day_param, getattr(defaults, day_field))
        if type(month) is not int or type(day) is not int or not _is_day_of_every_year(month, day):
            problems.append(
                Said.of("config_no_day", month_param=month_param, month=month, day_param=day_param, day=day)
            )
        else:
            changes[month_field], changes[day_field] = month, day
    effective = params.get("regie_effective")
    if effective is not None:
        try:
            changes["regie_effective"] = _regie_date(effective)
        except ConfigError as error:
            problems.append(error)
    if problems:
        raise ConfigError.of("config_statutory_dates", problems=tuple(problems))
    return attrs.evolve(defaults, **changes)


def _is_day_of_every_year(month: int, day: int) -> bool:
    try:
        pendulum.Date(2001, month, day)  # not a leap year
    except ValueError:
        return False
    return True


def _regie_date(value: object) -> pendulum.Date:
    """``regie_effective`` as a date: a TOML date or an ISO text; a date and time is refused (a law starts on a day)."""
    if isinstance(value, dt.datetime):
        raise ConfigError.of("config_date_and_time", got=value)
    return _as_date(value, "regie_effective")
