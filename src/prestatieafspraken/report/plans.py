"""A backward plan written out: a table for people (Dutch or English) and plain JSON-ready data.

The plan itself is made by `prestatieafspraken.planning.plan_backwards`; this module only writes it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Literal, TypeAlias

import orjson

from prestatieafspraken.calendar import working_days_between
from prestatieafspraken.errors import ExportError
from prestatieafspraken.planning import ProcessPlan
from prestatieafspraken.vocabulary import Language, step

__all__ = ["PLAN_FORMATS", "PlanFormat", "plan_data", "render_plan"]

PlanFormat: TypeAlias = Literal["text", "json"]

#: The formats `render_plan` writes (those of ``prestatieafspraken plan --format``).
PLAN_FORMATS: Final[tuple[PlanFormat, ...]] = ("text", "json")

_WEEKDAYS: Final[Mapping[str, tuple[str, ...]]] = {
    "nl": ("ma", "di", "wo", "do", "vr", "za", "zo"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}


def plan_data(plan: ProcessPlan) -> dict[str, Any]:
    """The plan as plain JSON-ready data; warnings carry both languages.

    ``{"signing", "start", "six_months_deadline", "exceeds_six_months", "parties", "lead_times",
    "milestones": [{"kind", "party", "date", "status", "working_days_before_signing"}],
    "warnings": [{"code", "nl", "en"}]}``, dates as ``YYYY-MM-DD``.
    """
    return {
        "signing": plan.signing.isoformat(),
        "start": plan.start.isoformat(),
        "six_months_deadline": plan.six_months_deadline.isoformat(),
        "exceeds_six_months": plan.exceeds_six_months,
        "parties": list(plan.parties),
        "lead_times": plan.lead_times.to_dict(),
        "milestones": [
            {
                "kind": milestone.kind.value,
                "party": milestone.party,
                "date": milestone.date.isoformat(),
                "status": milestone.status.value,
                "working_days_before_signing": working_days_between(milestone.date, plan.signing),
            }
            for milestone in plan.milestones
        ],
        "warnings": [{"code": warning.code, "nl": warning.nl, "en": warning.en} for warning in plan.warnings],
    }


def render_plan(
    plan: ProcessPlan,
    format: PlanFormat = "text",  # noqa: A002 - the CLI's option name
    *,
    lang: Language = "nl",
) -> str:
    """The plan as a table for people, or as indented JSON text of `plan_data`.

    Args:
        plan: The plan of `prestatieafspraken.planning.plan_backwards`.
        format: ``"text"``: date, weekday, working days before the signing, milestone and party, then the
            warnings. ``"json"``: `plan_data` as indented JSON (both languages of the warnings).
        lang: ``"nl"`` (default) or ``"en"``, for the text.

    Raises:
        ExportError: *format* is not one of `PLAN_FORMATS`.
    """
    if format == "text":
        return _table(plan, "en" if lang == "en" else "nl")
    if format == "json":
        return orjson.dumps(plan_data(plan), option=orjson.OPT_INDENT_2).decode()
    raise ExportError.of("export_plan_format", format=format, known=", ".join(map(repr, PLAN_FORMATS)))


def _table(plan: ProcessPlan, lang: Language) -> str:
    """The plan as a table for people: date, weekday, working days before the signing, milestone, party."""
    weekdays = _WEEKDAYS[lang]
    signing, start, deadline = (day.isoformat() for day in (plan.signing, plan.start, plan.six_months_deadline))
    if lang == "en":
        lines = [
            f"Backward plan to the signing on {signing}",
            f"Start {start}; signing within six months is possible up to and including {deadline}.",
            "",
            f"{'date':<15}{'wd':>4}  milestone",
        ]
    else:
        lines = [
            f"Terugrekenplanning naar de ondertekening op {signing}",
            f"Start {start}; ondertekenen binnen een half jaar kan tot en met {deadline}.",
            "",
            f"{'datum':<15}{'wd':>4}  mijlpaal",
        ]
    for milestone in plan.milestones:
        day = milestone.date
        before = working_days_between(day, plan.signing)
        party = f" ({milestone.party})" if milestone.party else ""
        lines.append(f"{day.isoformat()} {weekdays[day.weekday()]:<3} {before:>4}  {step(milestone.kind, lang)}{party}")
    lines.append("")
    lines.append("wd = working days before the signing" if lang == "en" else "wd = werkdagen vóór de ondertekening")
    if plan.warnings:
        lines.append("")
        lines.append("Warnings:" if lang == "en" else "Waarschuwingen:")
        lines.extend(f"- {warning.message(lang)}" for warning in plan.warnings)
    return "\n".join(lines)
