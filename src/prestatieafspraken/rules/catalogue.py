"""The rule catalogue as Markdown, generated from the registry (for the docs and for review)."""

from __future__ import annotations

from prestatieafspraken.model import Scope
from prestatieafspraken.rules.engine import load_builtin_rules
from prestatieafspraken.rules.findings import Severity
from prestatieafspraken.rules.registry import ALL_SCOPES, REGISTRY, Registry, Rule

__all__ = ["catalogue_markdown"]


def catalogue_markdown(registry: Registry = REGISTRY, *, builtin_only: bool = True) -> str:
    """A table of every rule, then a section per rule with its description, source, scopes and parameters.

    By default only the built-in rules, so the library's catalogue does not depend on what is installed or was
    registered in this process; ``builtin_only=False`` includes your own rules (with their origin).
    """
    load_builtin_rules()
    rules = [rule for rule in registry if rule.builtin or not builtin_only]
    lines = [
        "| Code | Severity | Titel | Title | Source |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| [{rule.code}](#{rule.code.lower()}) | {_severities(rule)} | {rule.title_nl} | {rule.title_en} | "
        f"{rule.source.replace('|', '/')} |"
        for rule in rules
    ]
    for rule in rules:
        lines += [
            "",
            f"### {rule.code}",
            "",
            f"**{rule.title_en}** ({rule.title_nl}). Severity: `{rule.severity.value}`{_by_scope(rule)}.",
        ]
        lines += ["", f"Source: {rule.source}", "", rule.description]
        if rule.scopes != ALL_SCOPES:
            scopes = ", ".join(f"`{scope.value}`" for scope in Scope if scope in rule.scopes)
            lines += ["", f"Runs on agreements of scope {scopes} only."]
        if not rule.builtin:
            lines += ["", f"Origin: `{rule.origin}`"]
        if rule.params:
            lines += ["", "Parameters:", ""]
            lines += [f"- `{name}` = `{value!r}`" for name, value in sorted(rule.params.items())]
    return "\n".join(lines) + "\n"


def _per_scope(rule: Rule) -> list[tuple[Severity, list[Scope]]]:
    """The severities other than the rule's own, each with the scopes it applies to."""
    found = []
    for severity in Severity:
        scopes = [scope for scope in Scope if rule.scope_severity.get(scope) is severity]
        if scopes and severity is not rule.severity:
            found.append((severity, scopes))
    return found


def _by_scope(rule: Rule) -> str:
    """The severities per scope after a rule's severity: ``; `info` on agreements of scope `regional`, ...``."""
    return "".join(
        f"; `{severity.value}` on agreements of scope " + ", ".join(f"`{scope.value}`" for scope in scopes)
        for severity, scopes in _per_scope(rule)
    )


def _severities(rule: Rule) -> str:
    """A rule's severity for the table: ``warning``, or ``warning (info: regional, ...)`` when a scope differs."""
    others = "; ".join(
        f"{severity.value}: {', '.join(scope.value for scope in scopes)}" for severity, scopes in _per_scope(rule)
    )
    return rule.severity.value + (f" ({others})" if others else "")
