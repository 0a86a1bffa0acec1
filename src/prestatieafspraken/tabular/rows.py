"""Plain rows for a table: one dictionary per commitment, target, finding, progress record or realisation.

Every table tool reads a list of dictionaries (``csv.DictWriter``, ``pandas.DataFrame``, a notebook's display), so
these need nothing beyond this library; `prestatieafspraken.tabular.frames` makes DataFrames of them in one line.

Each function has a fixed tuple of columns (``*_COLUMNS``; the targets' breakdown adds a column per key), and
every row has every column, in that order, so an empty table still has its headings. The conventions:

- Column names are the format's keys in English (``id``, ``by``, ``for``, ``from``), whatever the language; the
  language (``lang``, ``"nl"`` or ``"en"``) chooses the *labels*: a theme's label, a status in words, a finding's
  message and its rule's title. Ids, enum words (``result``, ``approved``) and numbers are as in the file.
- A list (``by``, ``goals``, ``subjects``) is one text, its items joined by ``"; "`` (``str.split("; ")`` splits
  it again); an empty list is ``""``. Missing values are ``None``.
- Dates are `datetime.date`; numbers stay as they are (whole numbers ``int``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, TypeAlias

from prestatieafspraken._progress import CommitmentProgress, ProgressReport, TargetProgress
from prestatieafspraken.model import Agreement, Realisation, SubjectKind, Target, theme_label
from prestatieafspraken.report.labels import label
from prestatieafspraken.rules import REGISTRY, Report
from prestatieafspraken.vocabulary import Language, language
from prestatieafspraken.vocabulary import label as vocabulary_label

__all__ = [
    "COMMITMENT_COLUMNS",
    "FINDING_COLUMNS",
    "PROGRESS_COLUMNS",
    "REALISATION_COLUMNS",
    "TARGET_COLUMNS",
    "Row",
    "commitment_rows",
    "finding_rows",
    "progress_rows",
    "realisation_rows",
    "target_rows",
]

#: One row of a table: column name to value.
Row: TypeAlias = dict[str, Any]

COMMITMENT_COLUMNS: tuple[str, ...] = (
    "id",
    "year",
    "due",
    "kind",
    "by",
    "by_names",
    "for",
    "theme",
    "theme_label",
    "goals",
    "text",
    "indicator",
    "indicator_label",
    "unit",
    "value",
    "target",
    "area",
    "area_name",
    "conditional_on",
    "visibility",
    "visible_to",
)

#: The columns of `target_rows` before the breakdown columns (``breakdown.<key>``, one per key in use).
TARGET_COLUMNS: tuple[str, ...] = (
    "id",
    "indicator",
    "indicator_label",
    "unit",
    "aggregation",
    "direction",
    "value",
    "from",
    "by",
    "theme",
    "theme_label",
    "goals",
    "area",
    "area_name",
    "baseline_year",
    "baseline_value",
    "source",
)

FINDING_COLUMNS: tuple[str, ...] = ("code", "severity", "title", "message", "path", "subjects", "source")

PROGRESS_COLUMNS: tuple[str, ...] = (
    "kind",
    "id",
    "path",
    "area",
    "party",
    "indicator",
    "aggregation",
    "direction",
    "value",
    "from",
    "by",
    "judged_from",
    "status",
    "status_label",
    "ratio",
    "start",
    "expected",
    "realised",
    "reach",
    "year",
    "figures",
    "pending",
    "assessment_status",
    "assessment_by",
    "assessment_date",
    "assessment_reason",
    "note",
)

REALISATION_COLUMNS: tuple[str, ...] = (
    "subject_kind",
    "subject",
    "subject_label",
    "indicator",
    "unit",
    "area",
    "area_name",
    "party",
    "party_name",
    "year",
    "value",
    "reported_on",
    "status",
    "status_label",
    "outcome",
    "outcome_label",
    "explanation",
    "visibility",
    "visible_to",
)


def _joined(items: Iterable[str]) -> str:
    return "; ".join(items)


def _date(day: dt.date | None) -> dt.date | None:
    return None if day is None else dt.date(day.year, day.month, day.day)


def _theme(agreement: Agreement, theme: str | None, lang: Language) -> str | None:
    if theme is None:
        return None
    return theme_label(theme, lang=lang, declared=agreement.index.themes.get(theme))


def _indicator(agreement: Agreement, indicator_id: str | None) -> tuple[str | None, str | None]:
    indicator = agreement.index.indicators.get(indicator_id or "")
    return (indicator.label, indicator.unit) if indicator is not None else (None, None)


def _area_name(agreement: Agreement, area_id: str | None) -> str | None:
    area = agreement.index.areas.get(area_id or "")
    return area.name if area is not None else None


def _party_names(agreement: Agreement, party_ids: Sequence[str]) -> str:
    parties = agreement.index.parties
    return _joined(parties[party].name if party in parties else party for party in party_ids)


def commitment_rows(agreement: Agreement, *, lang: Language = "nl") -> list[Row]:
    """One row per commitment, in file order, with `COMMITMENT_COLUMNS`.

    Labels in *lang*: the theme's label; the indicator's label and unit, the area's name and the executing
    parties' names (``by_names``) are as the agreement writes them.
    """
    rows: list[Row] = []
    for commitment in agreement.commitments:
        indicator_label, unit = _indicator(agreement, commitment.indicator)
        rows.append(
            {
                "id": commitment.id,
                "year": commitment.year,
                "due": _date(commitment.due),
                "kind": commitment.kind.value,
                "by": _joined(commitment.by),
                "by_names": _party_names(agreement, commitment.by),
                "for": _joined(commitment.beneficiaries),
                "theme": commitment.theme,
                "theme_label": _theme(agreement, commitment.theme, lang),
                "goals": _joined(commitment.goals),
                "text": commitment.text,
                "indicator": commitment.indicator,
                "indicator_label": indicator_label,
                "unit": unit,
                "value": commitment.value,
                "target": commitment.target,
                "area": commitment.area,
                "area_name": _area_name(agreement, commitment.area),
                "conditional_on": _joined(commitment.conditional_on),
                "visibility": commitment.visibility.value,
                "visible_to": _joined(commitment.visible_to),
            }
        )
    return rows


def breakdown_columns(targets: Iterable[Target]) -> tuple[str, ...]:
    """The ``breakdown.<key>`` columns of `target_rows`: one per key in use, in order of first use."""
    keys = dict.fromkeys(key for target in targets for key in target.breakdown)
    return tuple(f"breakdown.{key}" for key in keys)


def target_rows(agreement: Agreement, *, lang: Language = "nl") -> list[Row]:
    """One row per target, in file order, with `TARGET_COLUMNS` and a ``breakdown.<key>`` column per key in use.

    A target's part of the breakdown for a key is in that key's column (``None`` where it has none); ``from`` is
    the target's own first year (``None`` when it starts with the perspective).
    """
    extra = breakdown_columns(agreement.targets)
    rows: list[Row] = []
    for target in agreement.targets:
        indicator = agreement.index.indicators.get(target.indicator)
        row: Row = {
            "id": target.id,
            "indicator": target.indicator,
            "indicator_label": indicator.label if indicator is not None else None,
            "unit": indicator.unit if indicator is not None else None,
            "aggregation": indicator.aggregation.value if indicator is not None else None,
            "direction": indicator.direction.value if indicator is not None else None,
            "value": target.value,
            "from": target.from_year,
            "by": target.by,
            "theme": target.theme,
            "theme_label": _theme(agreement, target.theme, lang),
            "goals": _joined(target.goals),
            "area": target.area,
            "area_name": _area_name(agreement, target.area),
            "baseline_year": target.baseline.year if target.baseline is not None else None,
            "baseline_value": target.baseline.value if target.baseline is not None else None,
            "source": target.source,
        }
        row.update(dict.fromkeys(extra))
        row.update({f"breakdown.{key}": part for key, part in target.breakdown.items()})
        rows.append(row)
    return rows


def finding_rows(report: Report, *, lang: Language = "nl") -> list[Row]:
    """One row per finding, in the report's order, with `FINDING_COLUMNS`: the message and title in *lang*."""
    from prestatieafspraken.rules.engine import load_builtin_rules  # noqa: PLC0415 - the titles of the rules

    load_builtin_rules()
    rows: list[Row] = []
    for finding in report.findings:
        rule = REGISTRY.get(finding.code)
        rows.append(
            {
                "code": finding.code,
                "severity": finding.severity.value,
                "title": rule.title(lang) if rule is not None else None,
                "message": finding.message(language(lang)),
                "path": finding.path,
                "subjects": _joined(finding.subjects),
                "source": finding.source,
            }
        )
    return rows


def _assessment(record: TargetProgress | CommitmentProgress) -> Row:
    assessment = record.assessment
    if assessment is None:
        return dict.fromkeys(("assessment_status", "assessment_by", "assessment_date", "assessment_reason"))
    return {
        "assessment_status": assessment.status.value,
        "assessment_by": assessment.by,
        "assessment_date": _date(assessment.date),
        "assessment_reason": assessment.reason,
    }


def _target_row(record: TargetProgress, kind: str, lang: Language) -> Row:
    return {
        "kind": kind,
        "id": record.id,
        "path": record.path,
        "area": record.area,
        "party": record.party,
        "indicator": record.target.indicator,
        "aggregation": record.aggregation.value if record.aggregation is not None else None,
        "direction": record.direction.value,
        "value": record.value,
        "from": record.first_year,
        "by": record.by,
        "judged_from": None,
        "status": record.status.value,
        "status_label": label(f"status_{record.status.value}", lang),
        "ratio": record.ratio,
        "start": record.start,
        "expected": record.expected,
        "realised": record.realised,
        "reach": record.reach,
        "year": record.year,
        "figures": len(record.figures),
        "pending": len(record.pending),
        **_assessment(record),
        "note": record.note,
    }


def progress_rows(report: ProgressReport, *, lang: Language = "nl") -> list[Row]:
    """One row per progress record, with `PROGRESS_COLUMNS`: targets with their breakdown parts, then commitments.

    Each target is followed by its parts. ``kind`` is ``target``, ``target_part`` or ``commitment``; ``status``
    is the computed status's word and ``status_label`` its label in *lang*; ``figures`` and ``pending`` count the
    counted and the pending figures; the latest manual assessment is next to the status, never instead of it. For
    a commitment, ``from`` and ``by`` are its year, ``party`` its executing parties and ``reach`` its value.
    """
    rows: list[Row] = []
    for target in report.targets:
        rows.append(_target_row(target, "target", lang))
        rows.extend(_target_row(part, "target_part", lang) for part in target.parts)
    for record in report.commitments:
        commitment = record.commitment
        rows.append(
            {
                "kind": "commitment",
                "id": record.id,
                "path": record.path,
                "area": commitment.area,
                "party": _joined(commitment.by),
                "indicator": commitment.indicator,
                "aggregation": record.aggregation.value,
                "direction": record.direction.value,
                "value": commitment.value,
                "from": commitment.year,
                "by": commitment.year,
                "judged_from": _date(record.judged_from),
                "status": record.status.value,
                "status_label": label(f"status_{record.status.value}", lang),
                "ratio": record.ratio,
                "start": record.start,
                "expected": record.expected,
                "realised": record.realised,
                "reach": record.expected,
                "year": record.year,
                "figures": len(record.figures),
                "pending": len(record.pending),
                **_assessment(record),
                "note": record.note,
            }
        )
    return rows


def _subject_label(agreement: Agreement, realisation: Realisation) -> tuple[str | None, str | None]:
    """The label of what a figure is about (a commitment's text, else its indicator's label) and the indicator."""
    index = agreement.index
    kind, subject = realisation.subject
    if kind is SubjectKind.COMMITMENT:
        commitment = index.commitments.get(subject)
        if commitment is None:
            return None, None
        return commitment.text or _indicator(agreement, commitment.indicator)[0], commitment.indicator
    if kind is SubjectKind.TARGET:
        target = index.targets.get(subject)
        if target is None:
            return None, None
        return _indicator(agreement, target.indicator)[0], target.indicator
    return _indicator(agreement, subject)[0], subject


def realisation_rows(agreement: Agreement, *, lang: Language = "nl") -> list[Row]:
    """One row per realised figure, in file order, with `REALISATION_COLUMNS`.

    ``subject_kind`` is ``commitment``, ``target`` or ``indicator`` and ``subject`` its id; ``subject_label`` is the
    commitment's text or the indicator's label, ``indicator`` and ``unit`` those of the indicator it counts;
    ``status_label`` is the status in *lang* (concept, ingediend, goedgekeurd in Dutch); ``outcome`` is how a
    commitment was kept (``done``, ``partly``, ``not_done``, or empty) and ``outcome_label`` its word in *lang*
    (uitgevoerd, deels uitgevoerd, niet uitgevoerd), with its ``explanation``.
    """
    rows: list[Row] = []
    for realisation in agreement.realisations:
        kind, subject = realisation.subject
        subject_label, indicator = _subject_label(agreement, realisation)
        party = agreement.index.parties.get(realisation.party or "")
        rows.append(
            {
                "subject_kind": kind.value,
                "subject": subject,
                "subject_label": subject_label,
                "indicator": indicator,
                "unit": _indicator(agreement, indicator)[1],
                "area": realisation.area,
                "area_name": _area_name(agreement, realisation.area),
                "party": realisation.party,
                "party_name": party.name if party is not None else None,
                "year": realisation.year,
                "value": realisation.value,
                "reported_on": _date(realisation.reported_on),
                "status": realisation.status.value,
                "status_label": vocabulary_label(realisation.status, language(lang)),
                "outcome": realisation.outcome.value if realisation.outcome is not None else None,
                "outcome_label": (
                    vocabulary_label(realisation.outcome, language(lang)) if realisation.outcome is not None else None
                ),
                "explanation": realisation.explanation,
                "visibility": realisation.visibility.value,
                "visible_to": _joined(realisation.visible_to),
            }
        )
    return rows
