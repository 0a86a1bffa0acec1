"""The rule catalogue as Markdown, generated from the registry (for the docs and for review)."""

from __future__ import annotations

from prestatieafspraken.rules.engine import load_builtin_rules
from prestatieafspraken.rules.registry import REGISTRY, Registry

__all__ = ["catalogue_markdown"]


def catalogue_markdown(registry: Registry = REGISTRY) -> str:
    """A table of every rule, then a section per rule with its description, source and parameters."""
    load_builtin_rules()
    lines = [
        "| Code | Severity | Titel | Title | Source |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| [{rule.code}](#{rule.code.lower()}) | {rule.severity.value} | {rule.title_nl} | {rule.title_en} | "
        f"{rule.source.replace('|', '/')} |"
        for rule in registry
    ]
    for rule in registry:
        lines += [
            "",
            f"### {rule.code}",
            "",
            f"**{rule.title_en}** ({rule.title_nl}). Severity: `{rule.severity.value}`.",
        ]
        lines += ["", f"Source: {rule.source}", "", rule.description]
        if rule.params:
            lines += ["", "Parameters:", ""]
            lines += [f"- `{name}` = `{value!r}`" for name, value in sorted(rule.params.items())]
    return "\n".join(lines) + "\n"
