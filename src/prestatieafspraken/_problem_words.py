"""The words of load and import errors: every kind of problem, in English and in Dutch.

A problem (`prestatieafspraken.errors.Problem`) and an error with a kind (`PrestatieafsprakenError.of`) carry a
machine *kind* and its parameters; this module says them in a language. The English text of a kind is the
message the library has always given (``str(error)`` is English); the Dutch one uses the words of
`prestatieafspraken.vocabulary`. A test fails when a kind used in the source has no text in either language.

A template is a `str.format` text in which a format spec names how a parameter is said:

- ``{got:value}`` a value of a YAML or JSON document ("the text 'x'" / "de tekst 'x'");
- ``{got:cell}`` the value of a spreadsheet cell ("the boolean TRUE" / "de waarde WAAR");
- ``{count:,}`` a whole number with the separators of the language (1,234 / 1.234);
- ``{names:list}`` texts joined by commas; ``{names:reprs}`` the same, each quoted;
- any parameter that is itself a problem or an error with a kind is said in the same language.
"""

from __future__ import annotations

import datetime as dt
import math
import string
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final

import attrs

from prestatieafspraken._language import Language

__all__ = ["KINDS", "WHAT", "Said", "say", "what_in"]

_SHOWN_TEXT = 40
_SHOWN_BITS = 1000


def _whole_number(value: int, lang: Language) -> str:
    if value.bit_length() <= _SHOWN_BITS:
        return str(value)
    digits = _grouped(math.floor(value.bit_length() * math.log10(2)) + 1, lang)
    return f"a number of about {digits} digits" if lang == "en" else f"een getal van ongeveer {digits} cijfers"


def _grouped(number: int, lang: Language) -> str:
    text = f"{number:,}"
    return text if lang == "en" else text.replace(",", ".")


def _shown(text: str) -> str:
    return repr(text if len(text) <= _SHOWN_TEXT else text[: _SHOWN_TEXT - 3] + "...")


def _value(value: object, lang: Language) -> str:  # noqa: PLR0911 - one return per kind of value
    """A wrong value of a document, briefly (as `serialization._wire.describe` says it in English)."""
    nl = lang == "nl"
    if isinstance(value, str):
        return f"de tekst {_shown(value)}" if nl else f"the text {_shown(value)}"
    if isinstance(value, bool):
        return f"de waarde {str(value).lower()}" if nl else f"the boolean {str(value).lower()}"
    if isinstance(value, int) and value.bit_length() > _SHOWN_BITS:
        return _whole_number(value, lang)
    if isinstance(value, int | float):
        return f"het getal {value!r}" if nl else f"the number {value!r}"
    if isinstance(value, list | tuple):
        return "een lijst" if nl else "a list"
    if isinstance(value, dict):
        return "een mapping (sleutels met waarden)" if nl else "a mapping"
    if value is None:
        return "niets (null)" if nl else "nothing (null)"
    return f"een waarde van het type {type(value).__name__}" if nl else f"a value of type {type(value).__name__}"


def _cell(value: object, lang: Language) -> str:  # noqa: PLR0911 - one return per kind of value
    """The value of a spreadsheet cell, briefly (as `tabular.cells.describe` says it in English)."""
    nl = lang == "nl"
    if isinstance(value, str):
        return f"de tekst {_shown(value)}" if nl else f"the text {_shown(value)}"
    if isinstance(value, bool):
        return ("de waarde WAAR" if value else "de waarde ONWAAR") if nl else f"the boolean {str(value).upper()}"
    if isinstance(value, int | float):
        return f"het getal {value!r}" if nl else f"the number {value!r}"
    if isinstance(value, dt.datetime):
        return f"de datum en tijd {value.isoformat(sep=' ')}" if nl else f"the date and time {value.isoformat(sep=' ')}"
    if isinstance(value, dt.date):
        return f"de datum {value.isoformat()}" if nl else f"the date {value.isoformat()}"
    if isinstance(value, dt.time):
        return f"het tijdstip {value.isoformat()}" if nl else f"the time {value.isoformat()}"
    return f"een waarde van het type {type(value).__name__}" if nl else f"a value of type {type(value).__name__}"


class _Formatter(string.Formatter):
    def __init__(self, lang: Language) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:  # noqa: PLR0911 - one return per spec
        said = getattr(value, "said", None)
        if callable(said):  # a problem or an error with a kind, said in the same language
            text: str = said(self.lang)
            return text
        if format_spec == "value":
            return _value(value, self.lang)
        if format_spec == "cell":
            return _cell(value, self.lang)
        if format_spec == "whole":
            return _whole_number(value, self.lang)
        if format_spec == ",":
            return _grouped(value, self.lang)
        if format_spec == "saids":
            return ", ".join(part.said(self.lang) for part in value)
        if format_spec == "list":
            return ", ".join(map(str, value))
        if format_spec == "reprs":
            return ", ".join(map(repr, value))
        return super().format_field(value, format_spec)


_FORMATTERS: Final[dict[Language, _Formatter]] = {"en": _Formatter("en"), "nl": _Formatter("nl")}


def say(kind: str, lang: Language, params: Mapping[str, object]) -> str:
    """The text of a problem or error of *kind* with *params*, in *lang*.

    Raises:
        KeyError: *kind* has no words (a test keeps every kind of the source in `KINDS`).
    """
    template = KINDS[kind][0 if lang == "en" else 1]
    return _FORMATTERS[lang].vformat(template, (), params)


@attrs.frozen
class Said:
    """A text of a kind with its parameters, said in a language when it is part of another text."""

    kind: str
    params: Mapping[str, object] = attrs.field(converter=MappingProxyType, eq=False, hash=False)

    @classmethod
    def of(cls, kind: str, /, **params: object) -> Said:
        """The text of *kind* with *params*."""
        return cls(kind, params)

    def said(self, lang: Language) -> str:
        """The text in *lang*."""
        return say(self.kind, lang, self.params)

    def __str__(self) -> str:
        return self.said("en")


#: What could not be read, as a `LoadError` names it in its first line, in English and Dutch.
WHAT: Final[Mapping[str, tuple[str, str]]] = {
    "the agreement": ("the agreement", "de overeenkomst"),
    "the realisations": ("the realisations", "de realisaties"),
    "the lead times": ("the lead times", "de doorlooptijden"),
    "the national norms": ("the national norms", "de landelijke normen"),
}


def what_in(text: str, lang: Language) -> str:
    """*text* (what could not be read, in English) in *lang*; unchanged when it is not one of `WHAT`."""
    found = WHAT.get(text)
    return text if found is None else found[0 if lang == "en" else 1]


def _w(en: str, nl: str) -> tuple[str, str]:
    return en, nl


#: Every kind of problem and error with a kind: (English, Dutch).
KINDS: Final[Mapping[str, tuple[str, str]]] = {
    # --- a text without a kind (a problem made by code that gives no kind): said as it was written ------------
    "text": _w("{message}", "{message}"),
    # --- the frame of a load error -------------------------------------------------------------------------------
    "cannot_read": _w("cannot read {what} ({count:,} problem):", "kan {what} niet lezen ({count:,} probleem):"),
    "cannot_read_many": _w("cannot read {what} ({count:,} problems):", "kan {what} niet lezen ({count:,} problemen):"),
    "omitted": _w("... and {count:,} more, not listed", "... en nog {count:,}, niet getoond"),
    "limit_hint": _w(
        "the limit {limit} = {value:,}: raise it with --{option} on the command line or limits=Limits({limit}=...) "
        "in Python",
        "de grens {limit} = {value:,}: verhoog die met --{option} op de opdrachtregel of met "
        "limits=Limits({limit}=...) in Python",
    ),
    # --- a document as a whole -----------------------------------------------------------------------------------
    "top_not_mapping": _w(
        "expected a mapping at the top, got {got:value}",
        "verwacht bovenaan een mapping (sleutels met waarden), maar kreeg {got:value}",
    ),
    "version_missing": _w(
        "required key is missing; write `schema_version: 1` (this release reads version {supported})",
        "de verplichte sleutel ontbreekt; schrijf `schema_version: 1` (deze versie leest versie {supported})",
    ),
    "version_unsupported": _w(
        "{got:value} is not a supported version; this release reads version {supported}",
        "{got:value} is geen versie die deze versie van de bibliotheek leest; die leest versie {supported}",
    ),
    "unknown_file_type": _w(
        "unknown file type {suffix!r}; use .yaml, .yml or .json",
        "onbekend bestandstype {suffix!r}; gebruik .yaml, .yml of .json",
    ),
    # --- syntax and encoding ------------------------------------------------------------------------------------
    "json_syntax": _w(
        "not valid JSON: {reason} (line {line}, column {column})",
        "geen geldige JSON: {reason} (regel {line}, kolom {column})",
    ),
    "toml_syntax": _w("not valid TOML: {reason}", "geen geldige TOML: {reason}"),
    "yaml_syntax": _w("not valid YAML: {reason}", "geen geldige YAML: {reason}"),
    "yaml_syntax_at": _w(
        "not valid YAML: {reason} (line {line}, column {column})",
        "geen geldige YAML: {reason} (regel {line}, kolom {column})",
    ),
    "yaml_duplicate_key": _w(
        "duplicate key {key!r} (a later value would silently replace an earlier one)",
        "de sleutel {key!r} staat er twee keer (een latere waarde zou een eerdere ongemerkt vervangen)",
    ),
    "yaml_key_not_scalar": _w("a key must be a text or a number", "een sleutel moet een tekst of een getal zijn"),
    "yaml_tag_unreadable": _w("cannot read {got:value} as {tag!r}", "kan {got:value} niet lezen als {tag!r}"),
    "yaml_tag_unreadable_node": _w("cannot read a {node} as {tag!r}", "kan een {node} niet lezen als {tag!r}"),
    "yaml_long_int": _w(
        "a whole number of {digits:,} digits is too long to read",
        "een geheel getal van {digits:,} cijfers is te lang om te lezen",
    ),
    "too_deep": _w(
        "the document is nested too deeply to be read",
        "het document is te diep genest om te lezen",
    ),
    "not_utf8": _w("not UTF-8 text: {reason} at byte {byte}", "geen UTF-8-tekst: {reason} bij byte {byte}"),
    # --- hostile files ------------------------------------------------------------------------------------------
    "billion_laughs": _w(
        "YAML aliases expand this document to {expanded:,} values from {distinct:,}; refused as a 'billion "
        "laughs' document (write the values out instead of aliasing them)",
        "YAML-aliassen blazen dit document op tot {expanded:,} waarden uit {distinct:,}; geweigerd als "
        "'billion laughs'-document (schrijf de waarden uit in plaats van ze te aliassen)",
    ),
    "alias_text_limit": _w(
        "YAML aliases expand this document to {characters:,} characters of text, more than the limit of "
        "{limit:,}; write the values out instead of aliasing them, or raise the limit with "
        "load(..., max_expanded_bytes=N)",
        "YAML-aliassen blazen dit document op tot {characters:,} tekens tekst, meer dan de grens van {limit:,}; "
        "schrijf de waarden uit in plaats van ze te aliassen, of verhoog de grens met "
        "load(..., max_expanded_bytes=N)",
    ),
    "file_too_large": _w(
        "the file is {size:,} bytes, more than the limit of {limit:,}",
        "het bestand is {size:,} bytes, meer dan de grens van {limit:,}",
    ),
    "file_over_limit": _w(
        "the file holds more than the limit of {limit:,} bytes",
        "het bestand bevat meer dan de grens van {limit:,} bytes",
    ),
    "cannot_open": _w("cannot open the file: {reason}", "kan het bestand niet openen: {reason}"),
    # --- the form of values: types, keys, words -----------------------------------------------------------------
    "missing_key": _w("required key is missing", "de verplichte sleutel ontbreekt"),
    "unknown_key": _w(
        "unknown key {keys}; allowed here: {allowed:list}",
        "onbekende sleutel {keys}; hier mogen: {allowed:list}",
    ),
    "unknown_keys": _w(
        "unknown keys {keys}; allowed here: {allowed:list}",
        "onbekende sleutels {keys}; hier mogen: {allowed:list}",
    ),
    "unreadable_value": _w("cannot be read ({error})", "kan niet gelezen worden ({error})"),
    "expected_text": _w("expected a text, got {got:value}", "verwacht een tekst, maar kreeg {got:value}"),
    "expected_bool": _w("expected true or false, got {got:value}", "verwacht true of false, maar kreeg {got:value}"),
    "expected_word": _w("expected one of {words}; got {got:value}", "verwacht een van {words}; maar kreeg {got:value}"),
    "expected_list": _w("expected a list, got {got:value}", "verwacht een lijst, maar kreeg {got:value}"),
    "expected_parties": _w(
        "expected a party id or a list of party ids, got {got:value}",
        "verwacht de id van een partij of een lijst van id's van partijen, maar kreeg {got:value}",
    ),
    "expected_parties_empty": _w(
        "expected a party id or a list of party ids, got an empty list",
        "verwacht de id van een partij of een lijst van id's van partijen, maar kreeg een lege lijst",
    ),
    "expected_whole": _w(
        "expected a whole number, got {got:value}", "verwacht een geheel getal, maar kreeg {got:value}"
    ),
    "whole_too_long": _w(
        "expected a whole number of at most 19 digits, got {got:whole}",
        "verwacht een geheel getal van hoogstens 19 cijfers, maar kreeg {got:whole}",
    ),
    "expected_finite": _w(
        "expected a finite number, got {got:value}", "verwacht een eindig getal, maar kreeg {got:value}"
    ),
    "expected_mapping": _w(
        "expected a mapping (keys with values), got {got:value}",
        "verwacht een mapping (sleutels met waarden), maar kreeg {got:value}",
    ),
    "expected_number_mapping": _w(
        "expected a mapping of ids to numbers, got {got:value}",
        "verwacht een mapping van id's naar getallen, maar kreeg {got:value}",
    ),
    "expected_id_keys": _w(
        "expected ids as keys, got {got:value}", "verwacht id's als sleutels, maar kreeg {got:value}"
    ),
    "expected_date": _w(
        "expected a date as YYYY-MM-DD, got {got:value}",
        "verwacht een datum als JJJJ-MM-DD, maar kreeg {got:value}",
    ),
    "no_such_day": _w(
        "expected a date as YYYY-MM-DD, got {got:value} (no such day)",
        "verwacht een datum als JJJJ-MM-DD, maar kreeg {got:value} (die dag bestaat niet)",
    ),
    "in_field": _w("{field}: {said}", "{field}: {said}"),
    # --- parts of other texts -----------------------------------------------------------------------------------
    "quoted": _w("{key!r}", "{key!r}"),
    "did_you_mean": _w("{key!r} (did you mean {close!r}?)", "{key!r} (bedoelt u {close!r}?)"),
    "joined": _w("{parts:saids}", "{parts:saids}"),
}
