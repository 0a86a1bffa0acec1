"""The result of a check: findings in a stable order, counts per severity, and renderings.

Renderings: plain text for a terminal, JSON in the shape of DESIGN §7, and Markdown for an issue or a memo.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs
import orjson
import pendulum

from prestatieafspraken.rules.findings import Finding, Language, Severity

__all__ = ["Report"]

_HEADINGS = {
    "nl": {"none": "Geen bevindingen.", "summary": "{error} fout(en), {warning} waarschuwing(en), {info} info"},
    "en": {"none": "No findings.", "summary": "{error} error(s), {warning} warning(s), {info} info"},
}


def _sorted(findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=lambda finding: finding.sort_key))


@attrs.frozen(kw_only=True)
class Report:
    """The findings of one check of one agreement, sorted by code and place."""

    findings: tuple[Finding, ...] = attrs.field(converter=_sorted)
    as_of: pendulum.Date
    agreement_id: str | None = None

    @property
    def counts(self) -> Mapping[Severity, int]:
        """The number of findings per severity (every severity is present)."""
        counts = dict.fromkeys(Severity, 0)
        for finding in self.findings:
            counts[finding.severity] += 1
        return MappingProxyType(counts)

    @property
    def ok(self) -> bool:
        """True when no finding is an error."""
        return all(finding.severity is not Severity.ERROR for finding in self.findings)

    def by_code(self) -> Mapping[str, tuple[Finding, ...]]:
        """The findings grouped by rule code, codes in order."""
        grouped: dict[str, list[Finding]] = {}
        for finding in self.findings:
            grouped.setdefault(finding.code, []).append(finding)
        return MappingProxyType({code: tuple(items) for code, items in grouped.items()})

    def codes(self) -> frozenset[str]:
        """The codes that occur in this report."""
        return frozenset(finding.code for finding in self.findings)

    def to_dict(self, *, lang: Language = "nl", file: str | None = None) -> dict[str, Any]:
        """The report as plain data, in the ``--format json`` shape of DESIGN §7."""
        counts = self.counts
        return {
            "file": file,
            "findings": [
                {
                    "code": finding.code,
                    "severity": finding.severity.value,
                    "message": finding.message(lang),
                    "path": finding.path,
                    "subjects": list(finding.subjects),
                    "source": finding.source,
                }
                for finding in self.findings
            ],
            "summary": {severity.value: counts[severity] for severity in Severity},
        }

    def summary(self, lang: Language = "nl") -> str:
        """One line with the counts per severity."""
        counts = {severity.value: count for severity, count in self.counts.items()}
        return _HEADINGS[_lang(lang)]["summary"].format(**counts)

    def to_text(self, *, lang: Language = "nl", file: str | None = None) -> str:
        """One line per finding (``file:path: CODE severity message``), then the summary."""
        prefix = f"{file}:" if file else ""
        lines = [
            f"{prefix}{finding.path}: {finding.code} [{finding.severity.value}] {finding.message(lang)}"
            for finding in self.findings
        ]
        if not lines:
            lines.append(f"{prefix} {_HEADINGS[_lang(lang)]['none']}".strip())
        lines.append(self.summary(lang))
        return "\n".join(lines) + "\n"

    def to_json(self, *, lang: Language = "nl", file: str | None = None) -> str:
        """The report as JSON text (DESIGN §7)."""
        return orjson.dumps(self.to_dict(lang=lang, file=file), option=orjson.OPT_INDENT_2).decode() + "\n"

    def to_markdown(self, *, lang: Language = "nl", file: str | None = None) -> str:
        """The report as a Markdown table, with the summary above it."""
        title = {"nl": "Bevindingen", "en": "Findings"}[_lang(lang)]
        heading = f"## {title}" + (f": `{file}`" if file else "")
        lines = [heading, "", self.summary(lang), ""]
        if self.findings:
            columns = {
                "nl": "| Code | Ernst | Plaats | Bevinding | Bron |",
                "en": "| Code | Severity | Path | Finding | Source |",
            }
            lines += [columns[_lang(lang)], "|---|---|---|---|---|"]
            lines += [
                f"| {finding.code} | {finding.severity.value} | `{finding.path}` | "
                f"{_cell(finding.message(lang))} | {_cell(finding.source)} |"
                for finding in self.findings
            ]
        return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _lang(lang: Language) -> str:
    return "en" if lang == "en" else "nl"
