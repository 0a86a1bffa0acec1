"""The norms as ``prestatieafspraken norms`` prints them: a list of names, or values with units and sources.

Dutch by default, English with ``lang="en"``; numbers are written the way each language writes them (``€ 932,93``
and ``€932.93``). JSON gives each value as a number (exact: every published value has fewer than 16 digits, so the
number reads back as the same decimal).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import orjson

from prestatieafspraken import norms
from prestatieafspraken._language import Language
from prestatieafspraken.norms import Norm, NormValue, Unit
from prestatieafspraken.vocabulary import label

__all__ = ["render_norms"]

_WORDS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "kind": ("soort", "kind"),
        "unit": ("eenheid", "unit"),
        "source": ("bron", "source"),
        "none": ("Geen landelijke norm heeft een waarde voor {year}.", "No national norm has a value for {year}."),
    }
)

# How a value is written around the number, in Dutch and English (the unit's name is in the vocabulary).
_AMOUNTS: Mapping[Unit, tuple[str, str]] = MappingProxyType(
    {
        Unit.EUR_PER_MONTH: ("€ {} per maand", "€{} per month"),
        Unit.EUR_PER_YEAR: ("€ {} per jaar", "€{} per year"),
        Unit.EUR: ("€ {}", "€{}"),
        Unit.HOMES: ("{} woningen", "{} homes"),
        Unit.HOMES_PER_YEAR: ("{} woningen per jaar", "{} homes per year"),
        Unit.PLACES: ("{} plaatsen", "{} places"),
        Unit.PERCENT: ("{} %", "{}%"),
    }
)


def _word(key: str, lang: Language) -> str:
    dutch, english = _WORDS[key]
    return english if lang == "en" else dutch


def _unit(unit: Unit, lang: Language) -> str:
    return label(unit, "en" if lang == "en" else "nl")


def _amount(figure: Decimal, unit: Unit, lang: Language) -> str:
    """The value with its unit, its digits exactly as published: ``€ 1.184,82 per maand``."""
    digits = f"{figure:,}"
    if lang != "en":
        digits = digits.translate(str.maketrans(",.", ".,"))
    dutch, english = _AMOUNTS[unit]
    return (english if lang == "en" else dutch).format(digits)


def _number(figure: Decimal) -> int | float:
    return int(figure) if figure == figure.to_integral_value() else float(figure)


def _selected(name: str | None, year: int | None) -> list[tuple[Norm, tuple[NormValue, ...]]]:
    """The norms asked for, each with the values to show; an unknown name or a missing year raises."""
    chosen = [norms.get(name)] if name is not None else [norms.get(known) for known in norms.names()]
    if year is None:
        return [(norm, norm.values) for norm in chosen]
    if name is not None:
        return [(chosen[0], (chosen[0].at(year),))]
    return [
        (norm, tuple(entry for entry in norm.values if entry.covers(year))) for norm in chosen if year in norm.years
    ]


def render_norms(
    name: str | None = None,
    *,
    year: int | None = None,
    format: str = "text",  # noqa: A002 - the CLI's word
    lang: Language = "nl",
) -> str:
    """The norms as text or JSON: every norm, or the norm *name*; all values, or those of *year*.

    Without a name or a year the text is one line per norm: name, label, unit and the years with a value.

    Raises:
        UnknownNormError: There is no norm *name*, or it has no value for *year*.
    """
    selected = _selected(name, year)
    if format == "json":
        document = {"norms": [_as_dict(norm, entries, lang) for norm, entries in selected]}
        return orjson.dumps(document, option=orjson.OPT_INDENT_2).decode()
    if name is None and year is None:
        return "\n".join(
            f"{norm.name}\t{norm.label(lang)}\t{_unit(norm.unit, lang)}\t{', '.join(norm.spans)}"
            for norm, _ in selected
        )
    if not selected:
        return _word("none", lang).format(year=year)
    return "\n\n".join(_block(norm, entries, lang) for norm, entries in selected)


def _block(norm: Norm, entries: tuple[NormValue, ...], lang: Language) -> str:
    words: Language = "en" if lang == "en" else "nl"
    kind = f"{label(norm.kind, words)} ({label(norm.bound, words)})"
    lines = [
        f"{norm.name}: {norm.label(lang)}",
        f"  {_word('kind', lang)}: {kind}; {_word('unit', lang)}: {_unit(norm.unit, lang)}",
    ]
    if norm.note(lang):
        lines.append(f"  {norm.note(lang)}")
    for entry in entries:
        lines.append(f"  {entry.span}: {_amount(entry.value, norm.unit, lang)}")
        if entry.note(lang):
            lines.append(f"    {entry.note(lang)}")
        lines.extend(f"    {_word('source', lang)}: {found.title} — {found.url}" for found in entry.sources)
    return "\n".join(lines)


def _as_dict(norm: Norm, entries: tuple[NormValue, ...], lang: Language) -> dict[str, Any]:
    return {
        "name": norm.name,
        "label": norm.label(lang),
        "kind": norm.kind.value,
        "bound": norm.bound.value,
        "unit": norm.unit.value,
        "note": norm.note(lang),
        "values": [
            {
                "from": entry.first_year,
                "to": entry.last_year,
                "value": _number(entry.value),
                "note": entry.note(lang),
                "sources": [{"title": found.title, "url": found.url} for found in entry.sources],
            }
            for entry in entries
        ],
    }
