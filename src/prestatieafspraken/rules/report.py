"""The result of a check: findings in a stable order, counts per severity, and the report as plain data.

Writing the findings out (plain text, Markdown, JSON text) is presentation: `prestatieafspraken.report.render_findings`.
The methods ``to_text``, ``to_markdown`` and ``to_json`` are deprecated aliases of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs
import pendulum

from prestatieafspraken.rules.findings import Finding, Language, Severity
from prestatieafspraken.vocabulary import term

__all__ = ["Report"]


def _sorted(findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=lambda finding: finding.sort_key))


@attrs.frozen(kw_only=True, repr=False)
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
        """The report as plain data, in the shape of ``prestatieafspraken check --format json``."""
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
