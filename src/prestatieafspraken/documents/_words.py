"""Words as the document and the report write them: their fixed sentences, and dates, numbers and lists.

`says` gives a fixed sentence of `prestatieafspraken.documents._sentences` (the one table of them) in Dutch or
English; `label` reads a word of the vocabulary or a sentence by its key. Dates, numbers and lists are written as
each language writes them. The words for enum members and recurring terms come from
`prestatieafspraken.vocabulary` (`term` and `label`).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from decimal import Decimal

from prestatieafspraken import vocabulary
from prestatieafspraken.documents._sentences import SENTENCES
from prestatieafspraken.model import Outcome, ProgressStatus
from prestatieafspraken.vocabulary import Language

__all__ = ["capital", "day", "joined", "label", "number", "rounded", "says", "short_day"]

_MONTHS_NL = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def says(key: str, lang: Language, **fields: object) -> str:
    """The fixed text *key* in *lang*, with *fields* filled in."""
    nl, en = SENTENCES[key]
    text = en if lang == "en" else nl
    return text.format(**fields) if fields else text


def label(key: str, lang: str) -> str:
    """The word or sentence named *key*, in Dutch (``"nl"``) or English (``"en"``).

    ``status_<status>`` and ``outcome_<outcome>`` are the vocabulary's labels of `ProgressStatus` and `Outcome`, a
    key of `prestatieafspraken.vocabulary.TERMS` is that term, and any other key is one of the sentences here.

    Raises:
        KeyError: *key* names none of these.
    """
    chosen: Language = "en" if lang == "en" else "nl"
    if key.startswith("status_"):
        return vocabulary.label(ProgressStatus(key.removeprefix("status_")), chosen)
    if key.startswith("outcome_"):
        return vocabulary.label(Outcome(key.removeprefix("outcome_")), chosen)
    if key in vocabulary.TERMS:
        return vocabulary.term(key, chosen)
    return says(key, chosen)


def capital(text: str) -> str:
    """*text* with a capital first letter, for a heading or a column: "streefcijfer" → "Streefcijfer"."""
    return text[:1].upper() + text[1:]


def day(date: dt.date, lang: Language) -> str:
    """A date as a document writes it: "10 december 2024", "10 December 2024"."""
    months = _MONTHS_EN if lang == "en" else _MONTHS_NL
    return f"{date.day} {months[date.month - 1]} {date.year}"


def short_day(date: dt.date, lang: Language) -> str:
    """A date as a table writes it: "31-12-2025" in Dutch, "31 Dec 2025" in English."""
    if lang == "en":
        return f"{date.day} {_MONTHS_EN[date.month - 1][:3]} {date.year}"
    return f"{date.day:02d}-{date.month:02d}-{date.year}"


def number(value: int | float, lang: Language, *, percent: bool = False) -> str:  # noqa: PYI041 - int stays exact
    """A number exactly as agreed, its thousands grouped: Dutch 2.500 and 932,93; English 2,500 and 932.93.

    Never rounded: a document that people sign shows the value of the file. With ``percent=True`` a share is
    written as a percentage (0.3 is 30%).
    """
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if percent:
        exact *= 100
    text = f"{exact.normalize():,f}" if exact != exact.to_integral_value() else f"{int(exact):,}"
    shown = text if lang == "en" else _dutch(text)
    return f"{shown}%" if percent else shown


def rounded(value: float | None, lang: str, *, digits: int = 2) -> str:
    """A measured number for a table: thousands grouped, at most *digits* decimals; ``None`` is an empty cell.

    Dutch writes 1.234,5 and English 1,234.5. For values as agreed, which are never rounded, see `number`.
    """
    if value is None:
        return ""
    if isinstance(value, int):
        text = f"{value:,}"
    elif not math.isfinite(value):
        return str(value)
    elif value.is_integer():
        text = f"{int(value):,}"
    else:
        text = f"{value:,.{digits}f}".rstrip("0").rstrip(".")
    return text if lang == "en" else _dutch(text)


def _dutch(text: str) -> str:
    """A number written the English way (1,234.5) written the Dutch way (1.234,5)."""
    return text.translate(_SWAPPED)


_SWAPPED = str.maketrans(",.", ".,")


def joined(names: Iterable[str], lang: Language) -> str:
    """Names as a sentence lists them: "A, B en C", "A, B and C"."""
    found = list(names)
    if len(found) <= 1:
        return "".join(found)
    last = " and " if lang == "en" else " en "
    return ", ".join(found[:-1]) + last + found[-1]
