"""The small pieces of wording the rule messages share: numbers, dates, percentages, "van X", capitals and roles.

One place, so that the rules write a number or a party the same way in every message. The words for enum members
and recurring terms (milestone kinds, roles, statuses, "streefcijfer") come from `prestatieafspraken.vocabulary`,
the one bilingual vocabulary of the library; this module only combines them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence

from prestatieafspraken.model import MandateRole
from prestatieafspraken.vocabulary import Language, label, labelled

__all__ = ["SHOWN", "capitalised", "iso_date", "joined", "number", "of_party", "percent", "role", "shortened"]

#: How many items a message names from a long list before it counts the rest ("en nog 25").
SHOWN = 5


def number(value: float) -> str:
    """A number as a message shows it: whole numbers without decimals, others with up to ten digits."""
    if isinstance(value, int):
        return str(value)
    if math.isfinite(value) and value.is_integer():
        return str(int(value))
    return f"{value:.10g}"


def percent(share: float, lang: Language) -> str:
    """A share as a percentage with at most two decimals: 0.3 is "30%", 0.28571 is "28,57%" in Dutch."""
    text = f"{share * 100:.2f}".rstrip("0").removesuffix(".")
    return (text.replace(".", ",") if lang == "nl" else text) + "%"


def iso_date(day: dt.date) -> str:
    """A date as messages write it in both languages: ``YYYY-MM-DD``."""
    return day.isoformat()


def of_party(party: str | None, lang: Language) -> str:
    """`` van X`` (Dutch) or `` of X`` (English) after a milestone or figure of a party; nothing without one."""
    if not party:
        return ""
    return f" of {party}" if lang == "en" else f" van {party}"


def capitalised(text: str) -> str:
    """The text with its first letter a capital, for a phrase that opens a sentence."""
    return text[:1].upper() + text[1:]


def joined(ids: Iterable[str]) -> str:
    """Ids joined for a message: ``a, b, c``."""
    return ", ".join(ids)


def shortened(ids: Sequence[str], lang: Language, *, limit: int = SHOWN) -> str:
    """Ids joined for a message, at most *limit* of them and then how many more: ``a, b, c, d, e en nog 25``.

    A message stays readable however long the list; the finding's subjects keep every id.
    """
    if len(ids) <= limit:
        return joined(ids)
    rest = number(len(ids) - limit)
    return f"{joined(ids[:limit])} " + (f"and {rest} more" if lang == "en" else f"en nog {rest}")


def role(held: MandateRole, lang: Language) -> str:
    """A role with the handbook's question in brackets where it has one: "opsteller (wie zet het op papier)"."""
    hint = labelled(held).hint(lang)
    word = label(held, lang)
    return f"{word} ({hint})" if hint else word
