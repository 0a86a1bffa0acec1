"""The cell encoding: how one value of file format v1 goes into one spreadsheet cell and comes back unchanged.

Lossless first, readable second. The decisions, per kind of value:

- **Texts** are text cells, also when they look like a number, a date, a formula or an error (``12``,
  ``2020-01-01``, ``=``, ``#N/A``): a text never turns into something else. Characters a workbook cannot hold
  (control characters other than tab and line feed, the carriage return, which XML turns into a line feed,
  U+FFFE and U+FFFF) are written the way Excel writes them, ``_xHHHH_``, and an underscore that would start such a
  sequence is written ``_x005F_``; Excel shows the real characters. A text of only white space has its first
  character written that way too, so that no reader trims it.
- **The empty text** is the formula ``=""``, as in Excel; an **empty cell** means "not given": ``None``, an empty
  list, or the field's default.
- **Numbers** are number cells: a whole number reads back as a whole number (``int``), any other as a ``float``,
  with every digit written (openpyxl itself writes 16 significant digits, which loses the last digit of some
  floats and turns a long whole number into a float). A float with a whole value (``1.0``) gets the number format
  ``0.0``, so it stays a float after Excel saves the file. Excel keeps 15 significant digits: whole numbers
  beyond 2^53 survive this library but not an edit in Excel.
- **Dates** are date cells shown as ``yyyy-mm-dd``; a date before 1900-03-01, which Excel cannot show, is the text
  ``YYYY-MM-DD``, and such a text is read as a date wherever a date belongs.
- **true/false** are boolean cells (``TRUE``/``FALSE``).
- **Enum values** are their words in the format (``result``, ``approved``), as text cells.
- **Lists of texts** (``by``, ``for``, ``goals``, ``conditional_on``, ``visible_to``, ``out_of_scope``, ...) are
  one text cell ``a; b; c``. A list whose items are not all plain (an item that is empty, holds ``;``, starts or
  ends with white space, or a first item that starts with ``[``) is written as a JSON array instead
  (``["a; b", ""]``); a cell that starts with ``[`` is read as one. The empty list is an empty cell, or ``[]``
  where a record needs a filled cell to show that it is there.
- **Mappings of ids to numbers** (``breakdown``) are one text cell ``amsterdam: 120; diemen: 30.5``, numbers in
  JSON notation (``1`` is whole, ``1.0`` is not); a mapping whose keys are not plain (empty, holding ``;`` or
  ``:``, with white space around them, or a first key that starts with ``{``) is written as a JSON object.
- **Formulas** other than ``=""`` are not read (`prestatieafspraken.tabular.book.check_cell`): the result saved
  with a formula is what the program that saved the file computed, not necessarily what a reviewer sees.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import math
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs
import pendulum

from prestatieafspraken._problem_words import Said
from prestatieafspraken.errors import ExportError, PrestatieafsprakenError
from prestatieafspraken.model import Number

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell

__all__ = [
    "DATE_FORMAT",
    "EMPTY_TEXT_FORMULA",
    "FIRST_DATE_CELL",
    "FLOAT_FORMAT",
    "LARGEST_WHOLE",
    "MAX_CELL_TEXT",
    "CellError",
    "Kind",
    "Raw",
    "checked_whole",
    "decode_list",
    "decode_mapping",
    "encode_list",
    "encode_mapping",
    "escape",
    "number_text",
    "parse_number",
    "read_cell",
    "text_too_long",
    "unescape",
    "write_cell",
]

#: What a column holds; each kind has one way into a cell and one way back.
Kind: TypeAlias = Literal["text", "int", "number", "bool", "date", "enum", "texts", "mapping"]

#: The empty text, written as Excel writes it.
EMPTY_TEXT_FORMULA = '=""'

#: The number format that marks a float with a whole value, so that ``1.0`` stays a float after Excel saves it.
FLOAT_FORMAT = "0.0"

#: The number format of date cells.
DATE_FORMAT = "yyyy-mm-dd"

#: The longest text a cell holds (Excel's limit; openpyxl would cut a longer one short without a word).
MAX_CELL_TEXT = 32_767

#: The largest whole number a file of the format may hold (as the loader: YAML and JSON refuse larger ones).
LARGEST_WHOLE = (1 << 63) - 1
_TOO_LARGE = {"digits": len(str(LARGEST_WHOLE)), "largest": LARGEST_WHOLE}

#: Dates before this are written as text: Excel has no serial number for them (and its 1900 leap-year bug).
FIRST_DATE_CELL = dt.date(1900, 3, 1)

_ESCAPE = re.compile("_(?=x[0-9A-Fa-f]{4})|[\x00-\x08\x0b-\x1f\ufffe\uffff]")
_UNESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")
_JSON_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")
_SHOWN_TEXT = 40


class CellError(PrestatieafsprakenError, ValueError):
    """A cell that does not hold what its column needs; the message says what was expected and what arrived."""


@attrs.frozen
class Raw:
    """What a cell holds, as openpyxl reads it: the value, its data type and its number format.

    ``hidden`` says what hides the value from a person who opens the workbook (``"row"``, ``"column"``,
    ``"sheet"``, ``"number format"``), or is ``None`` when it is in plain view.
    """

    value: Any
    data_type: str = "n"
    number_format: str = "General"
    hidden: str | None = None


# --- texts -------------------------------------------------------------------------------------------------


def _escaped(match: re.Match[str]) -> str:
    found = match.group(0)
    if found == "_":
        return "_x005F_"
    return f"_x{ord(found):04X}_"


def escape(text: str) -> str:
    """Write *text* so that a workbook holds it exactly: ``_xHHHH_`` for what XML cannot carry (see above)."""
    escaped = _ESCAPE.sub(_escaped, text)
    if escaped and not escaped.strip():
        escaped = f"_x{ord(escaped[0]):04X}_{escaped[1:]}"
    return escaped


def unescape(text: str) -> str:
    """Read a text written by `escape` (or by Excel) back."""
    if "_x" not in text:
        return text
    return _UNESCAPE.sub(lambda match: chr(int(match.group(1), 16)), text)


# --- numbers -----------------------------------------------------------------------------------------------


def number_text(value: Number) -> str:
    """A number as JSON writes it, with every digit: ``120``, ``0.30000000000000004``, ``1.0``, ``1e+16``."""
    return repr(value)


def checked_whole(digits: str) -> int:
    """A whole number written in *digits* (with an optional ``-``), within the bounds the loader accepts.

    Raises:
        CellError: The number has more digits than fit (see `LARGEST_WHOLE`).
    """
    if len(digits.lstrip("-").lstrip("0")) <= len(str(LARGEST_WHOLE)):
        number = int(digits)
        if abs(number) <= LARGEST_WHOLE:
            return number
    if len(digits) <= _SHOWN_TEXT:
        raise CellError.of("cell_whole_too_large", shown=digits, **_TOO_LARGE)
    raise CellError.of("cell_whole_too_large_long", head=digits[:12], tail=digits[-6:], count=len(digits), **_TOO_LARGE)


def parse_number(text: str) -> Number:
    """Read a number in JSON notation: a whole number (no point, no exponent) is an ``int``, any other a ``float``.

    Raises:
        CellError: The text is not such a number, or not a finite one.
    """
    stripped = text.strip()
    match = _JSON_NUMBER.fullmatch(stripped)
    if match is None:
        raise CellError.of("cell_expected_json_number", got=text)
    if match.group(1) is None and match.group(2) is None:
        return checked_whole(stripped)
    number = float(stripped)
    if not math.isfinite(number):
        raise CellError.of("cell_expected_finite", got=text)
    return number


# --- lists and mappings ------------------------------------------------------------------------------------


def _plain(item: str, *, first: bool, opening: str, forbidden: str) -> bool:
    return (
        bool(item)
        and item == item.strip()
        and not any(character in item for character in forbidden)
        and not (first and item.startswith(opening))
    )


def encode_list(items: Sequence[str]) -> str:
    """A list of texts in one cell: ``a; b; c``, or a JSON array when an item is not plain (see above)."""
    if all(_plain(item, first=i == 0, opening="[", forbidden=";") for i, item in enumerate(items)) and items:
        return "; ".join(items)
    return json.dumps(list(items), ensure_ascii=False)


def _refuse_constant(name: str) -> Any:
    raise CellError.of("cell_constant", name=name)


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise CellError.of("cell_key_twice", key=key)
        result[key] = value
    return result


def _json(text: str, kind: str) -> Any:
    try:
        return json.loads(
            text, parse_constant=_refuse_constant, parse_int=checked_whole, object_pairs_hook=_unique_pairs
        )
    except json.JSONDecodeError as error:
        raise CellError.of(kind, got=text, reason=error.msg) from None


def decode_list(text: str) -> list[str]:
    """Read a list written by `encode_list`; in the plain form, empty items (``a;; b;``) are left out.

    Raises:
        CellError: A JSON array that is not a list of texts.
    """
    if text.lstrip().startswith("["):
        items = _json(text, "cell_json_list")
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            raise CellError.of("cell_expected_texts_json", got=text)
        return items
    return [part.strip() for part in text.split(";") if part.strip()]


def encode_mapping(mapping: Mapping[str, Number]) -> str:
    """Ids to numbers in one cell: ``a: 1; b: 2.5``, or a JSON object when a key is not plain (see above)."""
    keys = list(mapping)
    if keys and all(_plain(key, first=i == 0, opening="{", forbidden=";:") for i, key in enumerate(keys)):
        return "; ".join(f"{key}: {number_text(value)}" for key, value in mapping.items())
    return json.dumps(dict(mapping), ensure_ascii=False)


def decode_mapping(text: str) -> dict[str, Number]:
    """Read a mapping written by `encode_mapping`.

    Raises:
        CellError: A part without ``key: number``, a key given twice, or a value that is not a finite number.
    """
    if text.lstrip().startswith("{"):
        found = _json(text, "cell_json_mapping")
        if not isinstance(found, dict):
            raise CellError.of("cell_expected_mapping_json", got=text)
        for key, value in found.items():
            if type(value) not in (int, float) or not math.isfinite(value):
                raise CellError.of("in_field", field=key, said=CellError.of("cell_expected_finite", got=value))
        return found
    result: dict[str, Number] = {}
    for part in text.split(";"):
        if not part.strip():
            continue
        key, colon, number = part.partition(":")
        key = key.strip()
        if not colon or not key:
            raise CellError.of("cell_expected_parts", got=part.strip())
        if key in result:
            raise CellError.of("cell_key_twice", key=key)
        try:
            result[key] = parse_number(number)
        except CellError as error:
            raise CellError.of("in_field", field=key, said=error) from None
    return result


# --- writing -----------------------------------------------------------------------------------------------


def text_too_long(place: str, length: int) -> ExportError:
    """The error for a text of *length* characters (escaped) at *place* (``Agreement!B4``): more than a cell holds."""
    return ExportError(
        f"{place}: a text of {length:,} characters does not fit in a cell (at most {MAX_CELL_TEXT:,}); shorten it, "
        "or keep this agreement in YAML or JSON"
    )


def _write_text(cell: Cell, text: str) -> None:
    if text == "":
        cell.value = EMPTY_TEXT_FORMULA
        return
    escaped = escape(text)
    if len(escaped) > MAX_CELL_TEXT:
        raise text_too_long(f"{cell.parent.title}!{cell.coordinate}", len(escaped))
    cell.value = escaped
    cell.data_type = "s"  # also for a text that starts with '=' or is an error code such as '#N/A'


def _write_number(cell: Cell, number: Number) -> None:
    # openpyxl writes a number with 16 significant digits; written as text with the number type, every digit stays.
    cell.value = number_text(number)
    cell.data_type = "n"
    if type(number) is float and number.is_integer():
        cell.number_format = FLOAT_FORMAT


def write_cell(cell: Cell, kind: Kind, value: Any) -> None:
    """Write a model value of *kind* into *cell*; ``None``, an empty list and an empty mapping leave it empty.

    Raises:
        ExportError: A text longer than a cell holds.
    """
    if value is None:
        return
    if kind in ("text", "enum"):
        _write_text(cell, value.value if isinstance(value, enum.Enum) else value)
    elif kind in ("int", "number"):
        _write_number(cell, value)
    elif kind == "bool":
        cell.value = bool(value)
    elif kind == "date":
        day = dt.date(value.year, value.month, value.day)
        if day < FIRST_DATE_CELL:
            _write_text(cell, day.isoformat())
        else:
            cell.value = day
            cell.number_format = DATE_FORMAT
    elif kind == "texts":
        if value:
            _write_text(cell, encode_list(value))
    elif value:  # mapping
        _write_text(cell, encode_mapping(value))


# --- reading -----------------------------------------------------------------------------------------------


def _text(raw: Raw, expected: str) -> str:
    if raw.data_type == "f" and raw.value == EMPTY_TEXT_FORMULA:
        return ""
    if isinstance(raw.value, str) and raw.data_type in ("s", "str", "inlineStr"):
        return unescape(raw.value)
    kind = "cell_expected_not_number" if isinstance(raw.value, int | float) else "cell_expected"
    raise CellError.of(kind, expected=Said.of(expected), got=raw.value)


def _number(raw: Raw, *, whole: bool) -> Number:
    value = raw.value
    if type(value) is float and not math.isfinite(value):
        raise CellError.of("cell_expected_finite", got=value)
    if type(value) is int and abs(value) > LARGEST_WHOLE:
        raise CellError.of("cell_whole_too_many_digits", count=len(str(abs(value))), **_TOO_LARGE)
    if type(value) is int and raw.number_format == FLOAT_FORMAT and not whole:
        return float(value)
    if type(value) is int or (type(value) is float and not whole):
        number: Number = value
        return number
    if type(value) is float:
        raise CellError.of("cell_expected_whole", got=value)
    expected = Said.of("want_whole" if whole else "want_number")
    raise CellError.of(
        "cell_expected_not_text" if isinstance(value, str) else "cell_expected", expected=expected, got=value
    )


def read_date(raw: Raw) -> str:
    """A date cell, or a text ``YYYY-MM-DD``, as the format's date text.

    Raises:
        CellError: Anything else, or a date with a time of day.
    """
    value = raw.value
    if isinstance(value, dt.datetime):
        if value.time() != dt.time():
            raise CellError.of("cell_date_with_time", got=value)
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        text = _text(raw, "want_date")
        try:
            pendulum.Date.fromisoformat(text)
        except ValueError:
            raise CellError.of("cell_expected_iso_date", got=text) from None
        if len(text) != len("YYYY-MM-DD"):
            raise CellError.of("cell_expected_iso_date", got=text)
        return text
    raise CellError.of("cell_expected", expected=Said.of("want_date"), got=value)


def read_cell(raw: Raw, kind: Kind) -> Any:  # noqa: PLR0911 - one return per kind
    """The value of the format (plain data, as YAML would give it) that a non-empty cell of *kind* holds.

    Raises:
        CellError: The cell does not hold a value of *kind*.
    """
    if raw.data_type == "e":
        raise CellError.of("cell_error_value", error=raw.value)
    if kind == "text":
        return _text(raw, "want_text")
    if kind == "enum":
        return _text(raw, "want_word")
    if kind == "int":
        return _number(raw, whole=True)
    if kind == "number":
        return _number(raw, whole=False)
    if kind == "bool":
        if type(raw.value) is bool:
            return raw.value
        raise CellError.of("cell_expected_bool", got=raw.value)
    if kind == "date":
        return read_date(raw)
    if kind == "texts":
        return decode_list(_text(raw, "want_list"))
    return decode_mapping(_text(raw, "want_mapping"))
