"""The rule catalogue as Markdown, generated from the registry (for the docs and for review)."""

from __future__ import annotations

from prestatieafspraken.model import Scope
from prestatieafspraken.rules.engine import load_builtin_rules
from prestatieafspraken.rules.registry import ALL_SCOPES, REGISTRY, Registry

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
        f"| [{rule.code}](#{rule.code.lower()}) | {rule.severity.value} | {rule.title_nl} | {rule.title_en} | "
        f"{rule.source.replace('|', '/')} |"
        for rule in rules
    ]
    for rule in rules:
        lines += [
            "",
            f"### {rule.code}",
            "",
            f"**{rule.title_en}** ({rule.title_nl}). Severity: `{rule.severity.value}`.",
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
