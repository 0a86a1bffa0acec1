"""The findings of a check written out: plain text for a terminal, Markdown for an issue or a memo, JSON (DESIGN §7).

The Markdown table of findings is built here once, as blocks, and serves both `render_findings` and the progress
report (`prestatieafspraken.report.render_report`). Every format states the configuration the check applied
(`prestatieafspraken.rules.AppliedConfig`): the file, or none, and what it selected, ignored and re-ranked.
"""

from __future__ import annotations

from typing import Final, Literal, TypeAlias

import orjson

from prestatieafspraken.documents._blocks import Block, Document, Heading, Paragraph, Table
from prestatieafspraken.documents._words import capital, says
from prestatieafspraken.errors import ExportError
from prestatieafspraken.rules.findings import Language
from prestatieafspraken.rules.report import Report
from prestatieafspraken.vocabulary import term

__all__ = ["FINDINGS_FORMATS", "FindingsFormat", "findings_blocks", "render_findings"]

FindingsFormat: TypeAlias = Literal["text", "markdown", "json"]

#: The formats `render_findings` writes (those of ``prestatieafspraken check --format``).
FINDINGS_FORMATS: Final[tuple[FindingsFormat, ...]] = ("text", "markdown", "json")


def render_findings(
    report: Report,
    format: FindingsFormat = "text",  # noqa: A002 - the CLI's option name
    *,
    lang: Language = "nl",
    file: str | None = None,
) -> str:
    """The findings of *report* as text, Markdown or JSON, with the summary of their counts.

    Args:
        report: The report of a check.
        format: ``"text"``: one line per finding (``file:path: CODE [severity] message``, the severity in *lang*:
            ``[fout]``, ``[waarschuwing]``, ``[info]`` in Dutch), then the summary and the configuration applied.
            ``"markdown"``: a heading, the summary, the configuration and a table of the findings. ``"json"``: the
            report in the shape of ``prestatieafspraken check --format json`` with its ``config``, as indented JSON
            text.
        lang: ``"nl"`` (default) or ``"en"``: the language of the messages and the fixed words.
        file: The file the report is about, named in each line, the heading or the ``file`` key.

    Raises:
        ExportError: *format* is not one of `FINDINGS_FORMATS`.
    """
    if format == "text":
        return _text(report, lang, file)
    if format == "markdown":
        blocks = findings_blocks(report, lang, file=file)
        return Document(
            title=capital(term("finding", lang, plural=True)), lang=lang, blocks=tuple(blocks)
        ).to_markdown()
    if format == "json":
        return orjson.dumps(report.to_dict(lang=lang, file=file), option=orjson.OPT_INDENT_2).decode() + "\n"
    raise ExportError.of("export_findings_format", format=format, known=", ".join(map(repr, FINDINGS_FORMATS)))


def findings_blocks(
    report: Report, lang: Language, *, file: str | None = None, note: str | None = None, table: bool = True
) -> list[Block]:
    """The findings as blocks: a heading, the summary, the configuration, an optional *note*, and the table.

    Without *table* only what comes before it: for a caller that lists the findings in its own way.
    """
    title = capital(term("finding", lang, plural=True))
    blocks: list[Block] = [
        Heading(level=2, text=f"{title}: {file}" if file else title),
        Paragraph(text=report.summary(lang)),
    ]
    if report.config is not None:
        blocks.append(Paragraph(text=report.config.describe(lang)))
    if note is not None:
        blocks.append(Paragraph(text=note))
    if table and report.findings:
        blocks.append(
            Table(
                columns=(
                    says("code", lang),
                    capital(term("severity", lang)),
                    says("path", lang),
                    capital(term("finding", lang)),
                    says("col_source", lang),
                ),
                rows=tuple(
                    (finding.code, finding.severity.word(lang), finding.path, finding.message(lang), finding.source)
                    for finding in report.findings
                ),
                reference=frozenset({0, 2}),
            )
        )
    return blocks


def _text(report: Report, lang: Language, file: str | None) -> str:
    prefix = f"{file}:" if file else ""
    lines = [
        f"{prefix}{finding.path}: {finding.code} [{finding.severity.word(lang)}] {finding.message(lang)}"
        for finding in report.findings
    ]
    if not lines:
        lines.append(f"{prefix} {says('no_findings', lang)}".strip())
    lines.append(report.summary(lang))
    if report.config is not None:
        lines.append(report.config.describe(lang))
    return "\n".join(lines) + "\n"
