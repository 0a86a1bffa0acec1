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

from prestatieafspraken.model import Number
from prestatieafspraken.tabular.cells import CellError, checked_whole, describe

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
    name: str
    """The file, as a message names it: ``a file separated by semicolons``."""


SEMICOLON = Conventions(";", ",", "a file separated by semicolons (as Dutch Excel writes it)")
COMMA = Conventions(",", ".", "a file separated by commas")
TAB = Conventions("\t", None, "a file separated by tabs")


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
        raise CellError(f"expected a number that fits a float, got {describe(f'{whole},{fraction}')}")
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
        raise CellError(f"expected a number, got a text of {len(text):,} characters")
    if _SCIENTIFIC.fullmatch(text):
        raise CellError(
            f"the number {text!r} is in scientific notation, as a spreadsheet shows a number rounded to fit its "
            "column: the digits it dropped are not in the file; format the column as a number with all its digits"
        )
    dutch, english = _readings(text, grouped=conventions.decimal is None)
    if conventions.decimal == ",":
        found = dutch
        example = "such as 1110, 1.110 or 12,5"
        if found is None and english is not None:
            raise CellError(
                f"{describe(text)} is not a number in {conventions.name}: there the comma is the decimal mark and "
                f"the dot separates groups of three digits (1.110 is 1110); write 1,5 for one and a half"
            )
    elif conventions.decimal == ".":
        found = english
        example = "such as 1110 or 12.5"
        if found is None and dutch is not None:
            raise CellError(
                f"{describe(text)} is not a number in {conventions.name}: there the point is the decimal mark; "
                "write the number without thousands separators, as 1110 or 12.5"
            )
    else:
        if dutch is not None and english is not None and (dutch != english or type(dutch) is not type(english)):
            raise CellError(
                f"{describe(text)} could be read as {dutch!r} (Dutch) or as {english!r} (English) in "
                f"{conventions.name}: write it without thousands separators, or save the file separated by "
                "semicolons or commas"
            )
        found = dutch if dutch is not None else english
        example = "such as 1110 or 12,5"
    if found is None:
        raise CellError(f"expected a number {example}, got {describe(text)}")
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
        raise CellError(f"{describe(text)} is no date of the calendar") from None
    if " " in text and (_ISO_DATE.fullmatch(text.split()[0]) or _DUTCH_DATE.fullmatch(text.split()[0])):
        reason = "a date without a time of day"
    elif _SHORT_YEAR.fullmatch(text):
        reason = "a year of four digits (which century is '26'?)"
    elif _SLASHED.fullmatch(text):
        reason = "no slashes: is 1/2/2026 the first of February or the second of January?"
    else:
        reason = "a date"
    raise CellError(f"expected {reason}, as 2026-02-01 or 1-2-2026; got {describe(text)}")
