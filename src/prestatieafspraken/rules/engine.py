"""The engine: run every selected rule over one agreement, once, and collect a `Report`.

The rules share one `RuleContext`, whose indexes and derived facts are built once, so a check is linear in the
size of the agreement. A rule that raises does not stop the check: its failure is reported as a finding of its
own code, and the other rules still run. A rule registered with ``scopes`` runs only on agreements of those
scopes (the statutory cycle on local agreements, for example).
"""

from __future__ import annotations

import datetime as dt
import os

import attrs
import pendulum

from prestatieafspraken import _collector
from prestatieafspraken.calendar import DEFAULT_CALENDAR
from prestatieafspraken.errors import ArgumentError
from prestatieafspraken.model import Agreement
from prestatieafspraken.rules import plugins
from prestatieafspraken.rules.config import CheckConfig, statutory_dates
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.registry import REGISTRY, Registry, Rule
from prestatieafspraken.rules.report import AppliedConfig, Report

__all__ = ["check", "load_builtin_rules", "today"]

# `today` lives in the calendar, so progress needs no rule code; imported here for `rules.engine.today`.
from prestatieafspraken.calendar import today


def _agreement(given: object) -> Agreement:
    """*given* when it is an agreement; loaded when it is a path; else a clear error, not an AttributeError."""
    if isinstance(given, Agreement):
        return given
    if isinstance(given, str | os.PathLike):
        from prestatieafspraken.serialization import load  # noqa: PLC0415 - serialization imports the rules

        return load(given)
    raise ArgumentError.of("argument_check_takes", type=type(given).__name__)


def check(
    agreement: Agreement | str | os.PathLike[str],
    *,
    as_of: dt.date | None = None,
    config: CheckConfig | None = None,
    registry: Registry = REGISTRY,
) -> Report:
    """Check an agreement against every selected rule and return the report.

    Args:
        agreement: The agreement to check, or the path of its YAML or JSON file (read with `load`).
        as_of: The check date; default today in Europe/Amsterdam.
        config: Selection, severity overrides, rule parameters and plugin modules; default every rule with its
            defaults.
        registry: The rules to choose from; default the built-in rules, those of installed packages (entry
            points) and those registered by users.

    Raises:
        ArgumentError: *agreement* is neither an `Agreement` nor a path (also a `ValueError`).
        LoadError: *agreement* is a path and its file cannot be read as an agreement.
        ConfigError: The configuration names a code, prefix or parameter that no rule knows, or gives the statutory
            dates values that are no dates (`prestatieafspraken.rules.config.statutory_dates`).
        RuleRegistrationError: A plugin module, or an installed package's rule module, cannot be imported.
    """
    agreement = _agreement(agreement)
    load_builtin_rules()
    config = config or CheckConfig()
    not_named = plugins.load_plugins(config)  # entry points once per process; this configuration's plugins
    config.validate(registry)
    check_date = today() if as_of is None else pendulum.Date(as_of.year, as_of.month, as_of.day)
    params = {**registry.param_defaults(), **config.params}
    statutory = statutory_dates(params)  # refused before any rule runs, with every wrong date named
    calendar = attrs.evolve(
        DEFAULT_CALENDAR,
        per_municipality=config.municipal_elections,
        weeks_before=params.get("election_weeks_before", DEFAULT_CALENDAR.weeks_before),
        weeks_after=params.get("election_weeks_after", DEFAULT_CALENDAR.weeks_after),
    )
    findings: list[Finding] = []
    # The index and the facts the rules derive survive until the check ends: a collection during the check is
    # wasted work (a quarter of a check at 1e5 commitments), as during a bulk load (STYLE, performance habits).
    with _collector.paused():
        context = RuleContext(agreement, as_of=check_date, params=params, calendar=calendar, statutory=statutory)
        for selected in registry:
            if (
                config.is_selected(selected.code)
                and selected.code not in not_named
                and selected.applies_to(agreement.scope)
            ):
                findings.extend(_run(selected, context))
    if config.severity:
        findings = [
            attrs.evolve(finding, severity=config.severity[finding.code])
            if finding.code in config.severity
            else finding
            for finding in findings
        ]
    applied = AppliedConfig(
        file=str(config.source) if config.source is not None else None,
        select=config.select,
        ignore=config.ignore,
        severity=dict(config.severity),
        params=dict(config.params),
        plugins=config.plugins,
        installed=plugins.load_entry_point_rules(),
    )
    return Report(findings=tuple(findings), as_of=check_date, agreement_id=agreement.id, config=applied)


def _run(selected: Rule, context: RuleContext) -> list[Finding]:
    context.rule = selected
    try:
        return list(selected.function(context))
    except Exception as error:  # noqa: BLE001 - a failing rule is reported, never a crash of the whole check
        return [
            Finding(
                code=selected.code,
                severity=Severity.ERROR,
                message_nl=f"De regel {selected.code} kon niet worden uitgevoerd: {type(error).__name__}: {error}",
                message_en=f"The rule {selected.code} failed to run: {type(error).__name__}: {error}",
                path="$",
                source=selected.origin,
            )
        ]
    finally:
        context.rule = None


def load_builtin_rules() -> None:
    """Import the rule modules, which register the built-in rules on import."""
    from prestatieafspraken.rules import builtin  # noqa: F401, PLC0415 - imported for its registrations
