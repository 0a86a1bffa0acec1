"""The result of a check: findings in a stable order, counts per severity, the configuration it ran with.

Writing the findings out (plain text, Markdown, JSON text) is presentation: `prestatieafspraken.report.render_findings`.
The methods ``to_text``, ``to_markdown`` and ``to_json`` are deprecated aliases of it.

Every report carries `AppliedConfig`: the configuration file the check applied (or none) and what it selected,
ignored, re-ranked and loaded, so that every rendering can say so and a silenced check is never invisible.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs
import pendulum

from prestatieafspraken.rules.findings import Finding, Language, Severity
from prestatieafspraken.vocabulary import term

__all__ = ["AppliedConfig", "Report"]


_CONFIG_WORDS = {
    "nl": {
        "head": "Configuratie",
        "none": "geen (alle regels, elk met de eigen ernst)",
        "no_file": "geen bestand",
        "select": "selectie",
        "ignore": "genegeerd",
        "severity": "ernst",
        "params": "parameters",
        "plugins": "plugins",
        "installed": "geïnstalleerde regels",
    },
    "en": {
        "head": "Configuration",
        "none": "none (every rule, with its own severity)",
        "no_file": "no file",
        "select": "select",
        "ignore": "ignore",
        "severity": "severity",
        "params": "params",
        "plugins": "plugins",
        "installed": "installed rules",
    },
}


@attrs.frozen(kw_only=True)
class AppliedConfig:
    """The configuration a check ran with, as every rendering of its report states it.

    Attributes:
        file: The configuration file applied, as it was given or found (``None``: none; the settings were made in
            code or on the command line, or are the defaults).
        select: The codes or prefixes selected (``ALL``: every rule).
        ignore: The codes or prefixes not run.
        severity: Per code, the severity reported instead of the rule's own.
        params: The rule parameters set, by name.
        plugins: The modules of your own rules the configuration imported.
        installed: The modules of rules that installed packages add (entry points), loaded for every check.
    """

    file: str | None = None
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = attrs.field(factory=dict, hash=False)
    params: Mapping[str, Any] = attrs.field(factory=dict, hash=False)
    plugins: tuple[str, ...] = ()
    installed: tuple[str, ...] = ()

    @property
    def is_default(self) -> bool:
        """Whether no file was applied and every rule runs with its defaults."""
        return (
            self.file is None
            and self.select == ("ALL",)
            and not (self.ignore or self.severity or self.params or self.plugins)
        )

    def to_dict(self) -> dict[str, Any]:
        """The configuration as plain data: the ``config`` object of the JSON report."""
        return {
            "file": self.file,
            "select": list(self.select),
            "ignore": list(self.ignore),
            "severity": {code: severity.value for code, severity in sorted(self.severity.items())},
            "params": dict(sorted(self.params.items())),
            "plugins": list(self.plugins),
            "installed": list(self.installed),
        }

    def describe(self, lang: Language = "nl") -> str:
        """One line: the file applied (or none) and what it selected, ignored, re-ranked and loaded."""
        words = _CONFIG_WORDS[lang]
        parts: list[str] = []
        if self.is_default:
            parts.append(words["none"])
        else:
            parts.append(self.file if self.file is not None else words["no_file"])
            parts.append(f"{words['select']} {', '.join(self.select)}")
            if self.ignore:
                parts.append(f"{words['ignore']} {', '.join(self.ignore)}")
            if self.severity:
                overrides = (f"{code} → {severity.value}" for code, severity in sorted(self.severity.items()))
                parts.append(f"{words['severity']} {', '.join(overrides)}")
            if self.params:
                values = (f"{name} = {value!r}" for name, value in sorted(self.params.items()))
                parts.append(f"{words['params']} {', '.join(values)}")
            if self.plugins:
                parts.append(f"{words['plugins']} {', '.join(self.plugins)}")
        if self.installed:
            parts.append(f"{words['installed']} {', '.join(self.installed)}")
        return f"{words['head']}: {'; '.join(parts)}."


def _sorted(findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=lambda finding: finding.sort_key))


@attrs.frozen(kw_only=True, repr=False)
class Report:
    """The findings of one check of one agreement, sorted by code and place.

    Attributes:
        findings: The findings, sorted by code and place.
        as_of: The check date.
        agreement_id: The id of the agreement checked.
        config: The configuration the check applied (`check` always sets it; ``None`` in a report made by hand).
    """

    findings: tuple[Finding, ...] = attrs.field(converter=_sorted)
    as_of: pendulum.Date
    agreement_id: str | None = None
    config: AppliedConfig | None = None

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
        """The report as plain data, in the shape of ``prestatieafspraken check --format json``, with its ``config``."""
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
            "config": self.config.to_dict() if self.config is not None else None,
        }

    def summary(self, lang: Language = "nl") -> str:
        """One line with the counts per severity, in the reader's words: "2 fouten, 1 waarschuwing, 0 info"."""
        return ", ".join(
            f"{count} {term(severity.value, lang, plural=count != 1)}" for severity, count in self.counts.items()
        )

    def __repr__(self) -> str:
        return f"<Report of {self.agreement_id!r} as of {self.as_of.isoformat()}: {self.summary('en')}>"

    def _repr_html_(self) -> str:
        """The findings as a notebook shows them (`prestatieafspraken.report.notebook.findings_html`)."""
        from prestatieafspraken.report.notebook import findings_html  # noqa: PLC0415 - presentation, on demand

        return findings_html(self)

    def to_text(self, *, lang: Language = "nl", file: str | None = None) -> str:
        """Deprecated: use ``prestatieafspraken.report.render_findings(report, "text", lang=..., file=...)``.

        One line per finding (``file:path: CODE severity message``), then the summary. Kept as an alias so that
        existing code keeps working; presentation lives in `prestatieafspraken.report`.
        """
        from prestatieafspraken.report.findings import render_findings  # noqa: PLC0415 - deprecated alias only

        return render_findings(self, "text", lang=lang, file=file)

    def to_json(self, *, lang: Language = "nl", file: str | None = None) -> str:
        """Deprecated: use ``prestatieafspraken.report.render_findings(report, "json", lang=..., file=...)``.

        The report as JSON text, as ``prestatieafspraken check --format json`` writes it. Kept as an alias so that
        existing code keeps working.
        """
        from prestatieafspraken.report.findings import render_findings  # noqa: PLC0415 - deprecated alias only

        return render_findings(self, "json", lang=lang, file=file)

    def to_markdown(self, *, lang: Language = "nl", file: str | None = None) -> str:
        """Deprecated: use ``prestatieafspraken.report.render_findings(report, "markdown", lang=..., file=...)``.

        The report as a Markdown table, with the summary above it. Kept as an alias so that existing code keeps
        working.
        """
        from prestatieafspraken.report.findings import render_findings  # noqa: PLC0415 - deprecated alias only

        return render_findings(self, "markdown", lang=lang, file=file)
