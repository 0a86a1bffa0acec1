"""How a CSV file writes numbers and dates: the conventions its separator implies, read exactly or refused.

A CSV file carries no types: ``1.110`` is one thousand one hundred and ten to Dutch Excel and 1.11 to English
Excel. The separator tells which program wrote the file:

- **semicolons**: Dutch Excel (and the rest of continental Europe). The decimal comma, the dot between groups of
  three digits: ``1.110`` is 1110, ``1,5`` is 1.5, ``1.234,5`` is 1234.5. A dot that does not separate groups of
  three (``1.11``, ``1.5``) is refused: it is not a Dutch number, and guessing could be off by a factor 1,000.
- **commas**: English Excel, and most programs. The decimal point, no thousands separator: ``1.5`` is 1.5;
  ``1,110`` (quoted) is refused.
- **tabs**: either. A number is read when both conventions read it the same (``120``, ``1,5``, ``1.234,5``); one
  they read differently (``1.110``, ``1,500``) is refused, naming both readings.

Whatever the separator, a number in scientific notation (``1,23E+15``) is refused: it is how a spreadsheet shows a
number rounded to fit its column, and the digits it dropped are gone. A whole number has no decimals (``1110``),
any other is a float (``1,0`` is the float 1.0, as in the format); whole numbers beyond the loader's bound and
numbers too large for a float are refused. Dates are ``YYYY-MM-DD`` or as Dutch Excel writes them, day first:
``1-2-2026`` and ``01-02-2026`` are 1 February 2026; a date with slashes (``1/2/2026``: 1 February or 2 January?)
or a two-digit year is refused.
"""

from __future__ import annotations

import datetime as dt
import decimal
import math
import re

import attrs

from prestatieafspraken._language import Language
from prestatieafspraken._problem_words import Said, say
from prestatieafspraken.model import Number
from prestatieafspraken.tabular.cells import CellError, checked_whole

__all__ = ["COMMA", "SEMICOLON", "TAB", "Conventions", "conventions_for", "format_number", "parse_date", "parse_number"]

_LONGEST_NUMBER = 400
_WHOLE = "(?:0|[1-9][0-9]*)"
_DUTCH = re.compile(rf"(-?)({_WHOLE}|[1-9][0-9]{{0,2}}(?:\.[0-9]{{3}})+)(?:,([0-9]+))?")
_ENGLISH = re.compile(rf"(-?)({_WHOLE})(?:\.([0-9]+))?")
_ENGLISH_GROUPED = re.compile(r"(-?)([1-9][0-9]{0,2}(?:,[0-9]{3})+)(?:\.([0-9]+))?")
_SCIENTIFIC = re.compile(r"-?[0-9][0-9.,]*[eE][+-]?[0-9]+")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DUTCH_DATE = re.compile(r"([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})")
_SHORT_YEAR = re.compile(r"[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{2}")
_SLASHED = re.compile(r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}")


@attrs.frozen
class Conventions:
    """The conventions of one CSV file: its separator and the decimal mark it implies."""

    delimiter: str
    decimal: str | None
    """``","`` (Dutch), ``"."`` (English), or ``None``: either, when both read a number the same."""
    words: str
    """The kind of the words that name the file in a message (`prestatieafspraken._problem_words`)."""

    @property
    def name(self) -> str:
        """The file, as an English message names it: ``a file separated by semicolons``."""
        return self.said("en")

    def said(self, lang: Language) -> str:
        """The file, as a message in *lang* names it."""
        return say(self.words, lang, {})


SEMICOLON = Conventions(";", ",", "sep_semicolon")
COMMA = Conventions(",", ".", "sep_comma")
TAB = Conventions("\t", None, "sep_tab")


def conventions_for(delimiter: str) -> Conventions:
    """The conventions of a file separated by *delimiter* (``;``, ``,`` or a tab)."""
    return {";": SEMICOLON, ",": COMMA}.get(delimiter, TAB)


def _read(match: re.Match[str] | None, thousands: str) -> Number | None:
    if match is None:
        return None
    sign, whole, fraction = match.groups()
    digits = sign + whole.replace(thousands, "")
    if fraction is None:
        return checked_whole(digits)
    number = float(f"{digits}.{fraction}")
    if not math.isfinite(number):
        raise CellError.of("csv_float_overflow", got=f"{whole},{fraction}")
    return number


def _readings(text: str, *, grouped: bool) -> tuple[Number | None, Number | None]:
    """The number *text* is in the Dutch and in the English convention (``None`` where it is none).

    The English reading takes thousands separators (``1,500``) only when *grouped*.
    """
    english = _ENGLISH.fullmatch(text) or (_ENGLISH_GROUPED.fullmatch(text) if grouped else None)
    return _read(_DUTCH.fullmatch(text), "."), _read(english, ",")


def parse_number(text: str, conventions: Conventions) -> Number:
    """The number a field of a CSV file holds, read by the file's *conventions* (see above).

    Raises:
        CellError: The text is no number in those conventions, a number that could be read two ways, a number in
            scientific notation, or one outside the format's bounds.
    """
    text = text.strip()
    if len(text) > _LONGEST_NUMBER:
        raise CellError.of("csv_number_too_long", count=len(text))
    if _SCIENTIFIC.fullmatch(text):
        raise CellError.of("csv_scientific", text=text)
    dutch, english = _readings(text, grouped=conventions.decimal is None)
    if conventions.decimal == ",":
        found = dutch
        examples: tuple[str, ...] = ("1110", "1.110", "12,5")
        if found is None and english is not None:
            raise CellError.of("csv_comma_decimal", got=text, conventions=conventions)
    elif conventions.decimal == ".":
        found = english
        examples = ("1110", "12.5")
        if found is None and dutch is not None:
            raise CellError.of("csv_point_decimal", got=text, conventions=conventions)
    else:
        if dutch is not None and english is not None and (dutch != english or type(dutch) is not type(english)):
            raise CellError.of("csv_ambiguous_number", got=text, dutch=dutch, english=english, conventions=conventions)
        found = dutch if dutch is not None else english
        examples = ("1110", "12,5")
    if found is None:
        raise CellError.of("csv_expected_number", examples=examples, got=text)
    return found


def format_number(value: Number, conventions: Conventions) -> str:
    """*value* as `parse_number` reads it back in *conventions*: every digit, never in scientific notation."""
    if type(value) is int:
        return str(value)
    written = format(decimal.Decimal(repr(value)), "f")
    if "." not in written:
        written += ".0"  # a float stays a float
    return written.replace(".", ",") if conventions.decimal == "," else written


def parse_date(text: str) -> str:
    """The ``YYYY-MM-DD`` of a date written so or as Dutch Excel writes it (``1-2-2026``: 1 February 2026).

    Raises:
        CellError: Anything else, with the reason when it is a date written another way.
    """
    text = text.strip()
    iso = _ISO_DATE.fullmatch(text)
    dutch = _DUTCH_DATE.fullmatch(text)
    try:
        if iso is not None:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
        if dutch is not None:
            return dt.date(int(dutch[3]), int(dutch[2]), int(dutch[1])).isoformat()
    except ValueError:
        raise CellError.of("csv_no_such_date", got=text) from None
    if " " in text and (_ISO_DATE.fullmatch(text.split()[0]) or _DUTCH_DATE.fullmatch(text.split()[0])):
        reason = "date_without_time"
    elif _SHORT_YEAR.fullmatch(text):
        reason = "date_four_digit_year"
    elif _SLASHED.fullmatch(text):
        reason = "date_no_slashes"
    else:
        reason = "date_plain"
    raise CellError.of("csv_expected_date", reason=Said.of(reason), got=text)
