"""The words of load and import errors: every kind of problem, in English and in Dutch.

A problem (`prestatieafspraken.errors.Problem`) and an error with a kind (`PrestatieafsprakenError.of`) carry a
machine *kind* and its parameters; this module says them in a language. The English text of a kind is the
message the library has always given (``str(error)`` is English); the Dutch one uses the words of
`prestatieafspraken.vocabulary`. A test fails when a kind used in the source has no text in either language.

A template is a `str.format` text in which a format spec names how a parameter is said:

- ``{got:value}`` a value of a YAML or JSON document ("the text 'x'" / "de tekst 'x'");
- ``{got:cell}`` the value of a spreadsheet cell ("the boolean TRUE" / "de waarde WAAR");
- ``{count:,}`` a whole number with the separators of the language (1,234 / 1.234);
- ``{names:list}`` texts joined by commas; ``{names:reprs}`` the same, each quoted; ``{names:or}`` the last
  joined by "or" / "of";
- ``{kind:term}`` a term of `prestatieafspraken.vocabulary` ("target" / "streefcijfer");
- any parameter that is itself a problem or an error with a kind is said in the same language.
"""

from __future__ import annotations

import datetime as dt
import math
import string
from collections.abc import Callable, Mapping
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


def _or(items: Any, lang: Language) -> str:
    shown = [str(item) for item in items]
    joiner = " or " if lang == "en" else " of "
    return ", ".join(shown[:-1]) + joiner + shown[-1] if len(shown) > 1 else "".join(shown)


def _term(key: Any, lang: Language) -> str:
    from prestatieafspraken.vocabulary import term  # noqa: PLC0415 - the vocabulary imports the errors

    return term(key, lang)


def _in(value: Any, lang: Language) -> str:
    """A text, or a part that says itself in *lang*."""
    said = getattr(value, "said", None)
    return str(value) if not callable(said) else str(said(lang))


_SPECS: Final[dict[str, Callable[[Any, Language], str]]] = {
    "value": _value,
    "cell": _cell,
    "whole": _whole_number,
    ",": _grouped,
    "or": _or,
    "term": _term,
    "saids": lambda parts, lang: ", ".join(_in(part, lang) for part in parts),
    "glued": lambda parts, lang: "".join(_in(part, lang) for part in parts),
    "semis": lambda parts, lang: "; ".join(_in(part, lang) for part in parts),
    "ors": lambda parts, lang: (" or " if lang == "en" else " of ").join(_in(part, lang) for part in parts),
    "list": lambda items, _: ", ".join(map(str, items)),
    "reprs": lambda items, _: ", ".join(map(repr, items)),
}


class _Formatter(string.Formatter):
    def __init__(self, lang: Language) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if callable(getattr(value, "said", None)):  # a problem or an error with a kind, said in the same language
            return _in(value, self.lang)
        special = _SPECS.get(format_spec)
        if special is not None:
            return special(value, self.lang)
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
    # --- spreadsheet cells ---------------------------------------------------------------------------------------
    "cell_whole_too_large": _w(
        "expected a whole number of at most {digits} digits (at most {largest:,}), got {shown}",
        "verwacht een geheel getal van hoogstens {digits} cijfers (hoogstens {largest:,}), maar kreeg {shown}",
    ),
    "cell_whole_too_large_long": _w(
        "expected a whole number of at most {digits} digits (at most {largest:,}), got {head}...{tail} "
        "({count:,} digits)",
        "verwacht een geheel getal van hoogstens {digits} cijfers (hoogstens {largest:,}), maar kreeg "
        "{head}...{tail} ({count:,} cijfers)",
    ),
    "cell_whole_too_many_digits": _w(
        "expected a whole number of at most {digits} digits (at most {largest:,}), got a number of {count:,} digits",
        "verwacht een geheel getal van hoogstens {digits} cijfers (hoogstens {largest:,}), maar kreeg een getal "
        "van {count:,} cijfers",
    ),
    "cell_expected_json_number": _w(
        "expected a number such as 120 or 12.5, got {got:cell}",
        "verwacht een getal zoals 120 of 12.5, maar kreeg {got:cell}",
    ),
    "cell_expected_finite": _w(
        "expected a finite number, got {got:cell}", "verwacht een eindig getal, maar kreeg {got:cell}"
    ),
    "cell_expected_whole": _w(
        "expected a whole number, got {got:cell}", "verwacht een geheel getal, maar kreeg {got:cell}"
    ),
    "cell_constant": _w("{name} is not a number that the format carries", "{name} is geen getal dat het formaat kent"),
    "cell_key_twice": _w("the key {key!r} is given twice", "de sleutel {key!r} staat er twee keer"),
    "cell_json_list": _w(
        "expected a list of texts in JSON notation, got {got:cell} ({reason})",
        "verwacht een lijst van teksten in JSON-notatie, maar kreeg {got:cell} ({reason})",
    ),
    "cell_json_mapping": _w(
        "expected a mapping of ids to numbers in JSON notation, got {got:cell} ({reason})",
        "verwacht een mapping van id's naar getallen in JSON-notatie, maar kreeg {got:cell} ({reason})",
    ),
    "cell_expected_texts_json": _w(
        'expected a list of texts such as ["a", "b"], got {got:cell}',
        'verwacht een lijst van teksten zoals ["a", "b"], maar kreeg {got:cell}',
    ),
    "cell_expected_mapping_json": _w(
        'expected a mapping such as {{"a": 1}}, got {got:cell}',
        'verwacht een mapping zoals {{"a": 1}}, maar kreeg {got:cell}',
    ),
    "cell_expected_parts": _w(
        "expected parts such as 'amsterdam: 120; diemen: 30', got {got:cell}",
        "verwacht delen zoals 'amsterdam: 120; diemen: 30', maar kreeg {got:cell}",
    ),
    "cell_expected": _w("expected {expected}, got {got:cell}", "verwacht {expected}, maar kreeg {got:cell}"),
    "cell_expected_not_number": _w(
        "expected {expected}, got {got:cell} (format the cell as text, or start it with an apostrophe)",
        "verwacht {expected}, maar kreeg {got:cell} (maak de cel op als tekst, of begin haar met een apostrof)",
    ),
    "cell_expected_not_text": _w(
        "expected {expected}, got {got:cell} (the cell holds text: enter the number itself)",
        "verwacht {expected}, maar kreeg {got:cell} (de cel bevat tekst: vul het getal zelf in)",
    ),
    "want_text": _w("a text", "een tekst"),
    "want_word": _w("one of the words of the format", "een van de woorden van het formaat"),
    "want_date": _w("a date", "een datum"),
    "want_list": _w("a list such as 'a; b'", "een lijst zoals 'a; b'"),
    "want_mapping": _w("ids with numbers such as 'a: 1; b: 2'", "id's met getallen zoals 'a: 1; b: 2'"),
    "want_whole": _w("a whole number", "een geheel getal"),
    "want_number": _w("a number", "een getal"),
    "cell_date_with_time": _w(
        "expected a date without a time, got {got:cell}", "verwacht een datum zonder tijd, maar kreeg {got:cell}"
    ),
    "cell_expected_iso_date": _w(
        "expected a date as YYYY-MM-DD, got {got:cell}", "verwacht een datum als JJJJ-MM-DD, maar kreeg {got:cell}"
    ),
    "cell_error_value": _w(
        "the cell holds the error {error}; enter the value itself",
        "de cel bevat de foutwaarde {error}; vul de waarde zelf in",
    ),
    "cell_expected_bool": _w(
        "expected TRUE or FALSE, got {got:cell}", "verwacht WAAR of ONWAAR (TRUE of FALSE), maar kreeg {got:cell}"
    ),
    "cell_formula": _w(
        "the cell holds the formula {formula!r}: a formula is not read, as its saved result need not be what a "
        "spreadsheet program shows; enter the value itself (paste it as a value)",
        "de cel bevat de formule {formula!r}: een formule wordt niet gelezen, want de opgeslagen uitkomst hoeft niet "
        "te zijn wat een spreadsheetprogramma toont; vul de waarde zelf in (plak haar als waarde)",
    ),
    "cell_hidden": _w(
        "{hidden}, so a reader of the sheet does not see this value; make it visible and check it, or delete it",
        "{hidden}, dus wie het werkblad leest ziet deze waarde niet; maak haar zichtbaar en controleer haar, of "
        "verwijder haar",
    ),
    "hidden_sheet": _w("the sheet is hidden", "het werkblad is verborgen"),
    "hidden_row": _w("the row is hidden", "de rij is verborgen"),
    "hidden_column": _w("the column is hidden", "de kolom is verborgen"),
    "hidden_number_format": _w("the number format ;;; shows nothing", "de getalnotatie ;;; toont niets"),
    # --- CSV files and their Dutch or English conventions --------------------------------------------------------
    "csv_float_overflow": _w(
        "expected a number that fits a float, got {got:cell}",
        "verwacht een getal dat in een kommagetal past, maar kreeg {got:cell}",
    ),
    "csv_number_too_long": _w(
        "expected a number, got a text of {count:,} characters",
        "verwacht een getal, maar kreeg een tekst van {count:,} tekens",
    ),
    "csv_scientific": _w(
        "the number {text!r} is in scientific notation, as a spreadsheet shows a number rounded to fit its column: "
        "the digits it dropped are not in the file; format the column as a number with all its digits",
        "het getal {text!r} staat in wetenschappelijke notatie, zoals een spreadsheet een getal afgerond toont als "
        "het niet in de kolom past: de weggevallen cijfers staan niet in het bestand; maak de kolom op als getal "
        "met al zijn cijfers",
    ),
    "csv_comma_decimal": _w(
        "{got:cell} is not a number in {conventions}: there the comma is the decimal mark and the dot separates "
        "groups of three digits (1.110 is 1110); write 1,5 for one and a half",
        "{got:cell} is geen getal in {conventions}: daarin is de komma het decimaalteken en scheidt de punt "
        "groepen van drie cijfers (1.110 is 1110); schrijf 1,5 voor anderhalf",
    ),
    "csv_point_decimal": _w(
        "{got:cell} is not a number in {conventions}: there the point is the decimal mark; write the number "
        "without thousands separators, as 1110 or 12.5",
        "{got:cell} is geen getal in {conventions}: daarin is de punt het decimaalteken; schrijf het getal zonder "
        "scheidingstekens voor duizendtallen, als 1110 of 12.5",
    ),
    "csv_ambiguous_number": _w(
        "{got:cell} could be read as {dutch!r} (Dutch) or as {english!r} (English) in {conventions}: write it "
        "without thousands separators, or save the file separated by semicolons or commas",
        "{got:cell} kan gelezen worden als {dutch!r} (Nederlands) of als {english!r} (Engels) in {conventions}: "
        "schrijf het zonder scheidingstekens voor duizendtallen, of sla het bestand op gescheiden door puntkomma's "
        "of komma's",
    ),
    "csv_expected_number": _w(
        "expected a number such as {examples:or}, got {got:cell}",
        "verwacht een getal zoals {examples:or}, maar kreeg {got:cell}",
    ),
    "csv_no_such_date": _w("{got:cell} is no date of the calendar", "{got:cell} is geen datum van de kalender"),
    "csv_expected_date": _w(
        "expected {reason}, as 2026-02-01 or 1-2-2026; got {got:cell}",
        "verwacht {reason}, als 2026-02-01 of 1-2-2026; maar kreeg {got:cell}",
    ),
    "date_without_time": _w("a date without a time of day", "een datum zonder tijdstip"),
    "date_four_digit_year": _w(
        "a year of four digits (which century is '26'?)", "een jaartal van vier cijfers (welke eeuw is '26'?)"
    ),
    "date_no_slashes": _w(
        "no slashes: is 1/2/2026 the first of February or the second of January?",
        "geen schuine strepen: is 1/2/2026 de eerste februari of de tweede januari?",
    ),
    "date_plain": _w("a date", "een datum"),
    "sep_semicolon": _w(
        "a file separated by semicolons (as Dutch Excel writes it)",
        "een bestand gescheiden door puntkomma's (zoals Nederlandse Excel het schrijft)",
    ),
    "sep_comma": _w("a file separated by commas", "een bestand gescheiden door komma's"),
    "sep_tab": _w("a file separated by tabs", "een bestand gescheiden door tabs"),
    "csv_not_utf16": _w(
        "not UTF-16 text, although it starts as such: {reason} at byte {byte}",
        "geen UTF-16-tekst, hoewel het bestand zo begint: {reason} bij byte {byte}",
    ),
    "csv_not_utf8": _w(
        "not UTF-8 text, although it starts as such: {reason} at byte {byte} (save it as CSV UTF-8)",
        "geen UTF-8-tekst, hoewel het bestand zo begint: {reason} bij byte {byte} (sla het op als CSV UTF-8)",
    ),
    "csv_not_text": _w(
        "neither UTF-8 nor Windows-1252 text: byte {byte} is 0x{code} (save it as CSV UTF-8)",
        "geen UTF-8- en geen Windows-1252-tekst: byte {byte} is 0x{code} (sla het op als CSV UTF-8)",
    ),
    "csv_quote_not_closed": _w(
        "a quote opens a field on this line and is never closed, so every line after it would be one field: close "
        'the quote (a quote inside a field is written twice: "")',
        "een aanhalingsteken opent op deze regel een veld en wordt nooit gesloten, zodat elke regel erna één veld "
        'zou worden: sluit het aanhalingsteken (een aanhalingsteken binnen een veld schrijf je dubbel: "")',
    ),
    "csv_not_a_line": _w("not a CSV line: {reason}", "geen CSV-regel: {reason}"),
    "csv_rows_in_field": _w(
        "a field on this line holds whole rows of the file: a quote is opened here and closed only lines later; "
        "close it where the field ends",
        "een veld op deze regel bevat hele rijen van het bestand: hier wordt een aanhalingsteken geopend dat pas "
        "regels later gesloten wordt; sluit het waar het veld eindigt",
    ),
    # --- limits of a workbook or CSV file -----------------------------------------------------------------------
    "over_limit": _w(
        "the file holds {found}: that is over the limit {limit} = {value:,}; if the file is trusted, raise it with "
        "{option} on the command line or limits=Limits({limit}=...) in Python",
        "het bestand bevat {found}: dat is meer dan de grens {limit} = {value:,}; als u het bestand vertrouwt, "
        "verhoog de grens met {option} op de opdrachtregel of met limits=Limits({limit}=...) in Python",
    ),
    "over_bytes": _w("more than {count:,} bytes", "meer dan {count:,} bytes"),
    "over_rows": _w("more than {count:,} rows", "meer dan {count:,} rijen"),
    "bytes_decompressed": _w("{count:,} bytes once decompressed", "{count:,} bytes na uitpakken"),
    "over_bytes_decompressed": _w(
        "more than {count:,} bytes once decompressed", "meer dan {count:,} bytes na uitpakken"
    ),
    # --- damaged workbooks --------------------------------------------------------------------------------------
    "workbook_damaged": _w(
        "not an Excel workbook (.xlsx), or a damaged one: {detail}",
        "geen Excel-werkmap (.xlsx), of een beschadigde: {detail}",
    ),
    "workbook_not_xlsx": _w("not an Excel workbook (.xlsx): {detail}", "geen Excel-werkmap (.xlsx): {detail}"),
    "workbook_sheet_no_part": _w(
        "the sheet {sheet!r} has no part in the file: the workbook is damaged",
        "het werkblad {sheet!r} heeft geen onderdeel in het bestand: de werkmap is beschadigd",
    ),
    "workbook_doctype": _w(
        "the part {part!r} declares a document type (<!DOCTYPE>), which a workbook may not: it can hide an entity bomb",
        "het onderdeel {part!r} declareert een documenttype (<!DOCTYPE>), wat een werkmap niet mag: het kan een "
        "entity-bom verbergen",
    ),
    "workbook_part_damaged": _w(
        "the part {part!r} is damaged: {detail}", "het onderdeel {part!r} is beschadigd: {detail}"
    ),
    "workbook_sheet_unreadable": _w(
        "the sheet {sheet!r} cannot be read beyond row {row}: {detail}",
        "het werkblad {sheet!r} kan na rij {row} niet gelezen worden: {detail}",
    ),
    "workbook_no_styles": _w(
        "the workbook has no styles part ({styles}), which its cells refer to ({detail})",
        "de werkmap heeft geen opmaakonderdeel ({styles}), waar de cellen naar verwijzen ({detail})",
    ),
    "workbook_sheet_part_missing": _w(
        "the sheet {sheet!r} has no part {part!r} in the file",
        "het werkblad {sheet!r} heeft geen onderdeel {part!r} in het bestand",
    ),
    "workbook_row_number": _w(
        "the sheet {sheet!r} has a row numbered {given!r}: not a row of Excel's grid",
        "het werkblad {sheet!r} heeft een rij met nummer {given!r}: geen rij van het raster van Excel",
    ),
    "workbook_rows_order": _w(
        "the sheet {sheet!r} has row {row} after row {last}: rows out of order",
        "het werkblad {sheet!r} heeft rij {row} na rij {last}: rijen in de verkeerde volgorde",
    ),
    "workbook_cell_ref": _w(
        "the sheet {sheet!r} has a cell {ref!r} in row {row}: not a cell of that row",
        "het werkblad {sheet!r} heeft een cel {ref!r} in rij {row}: geen cel van die rij",
    ),
    "workbook_cell_twice": _w(
        "the sheet {sheet!r} has the cell {ref!r} twice, or out of order",
        "het werkblad {sheet!r} heeft de cel {ref!r} twee keer, of in de verkeerde volgorde",
    ),
    "workbook_saved_value": _w(
        "the cell's saved {saved} is {shown!r}: not a {saved}; enter the value again",
        "de opgeslagen {saved} van de cel is {shown!r}: geen {saved}; vul de waarde opnieuw in",
    ),
    "saved_number": _w("number", "getal"),
    "saved_boolean": _w("boolean", "waarheidswaarde"),
    "saved_shared_text": _w("shared text", "gedeelde tekst"),
    "workbook_column_width": _w(
        "the sheet {sheet!r} has a column width without its columns",
        "het werkblad {sheet!r} heeft een kolombreedte zonder kolommen",
    ),
    "workbook_columns": _w(
        "the sheet {sheet!r} has columns {first} to {last}: not columns of Excel's grid",
        "het werkblad {sheet!r} heeft de kolommen {first} tot {last}: geen kolommen van het raster van Excel",
    ),
    # --- an agreement in a workbook ----------------------------------------------------------------------------
    "suggestion": _w(" (did you mean {close!r}?)", " (bedoelt u {close!r}?)"),
    "no_suggestion": _w("", ""),
    "book_unknown_sheet": _w(
        "unknown sheet{suggestion}; the sheets of an agreement are {known:list}",
        "onbekend werkblad{suggestion}; de werkbladen van een overeenkomst zijn {known:list}",
    ),
    "book_no_agreement_sheet": _w(
        "the sheet is missing: it holds the agreement's own keys (id, title, ...)",
        "het werkblad ontbreekt: het bevat de eigen sleutels van de overeenkomst (id, title, ...)",
    ),
    "book_value_outside": _w("a value outside the columns key and value", "een waarde buiten de kolommen key en value"),
    "book_value_without_key": _w(
        "a value without a key: write its key in column A",
        "een waarde zonder sleutel: schrijf de sleutel in kolom A",
    ),
    "book_unknown_key": _w(
        "unknown key {key!r}{suggestion}; the keys are {known:list}",
        "onbekende sleutel {key!r}{suggestion}; de sleutels zijn {known:list}",
    ),
    "book_key_twice": _w(
        "the key {key!r} is given twice (first in row {first})",
        "de sleutel {key!r} staat er twee keer (eerst in rij {first})",
    ),
    "book_key_heading": _w(
        "expected the heading {heading!r}, got {found!r}: the first row heads the columns key and value",
        "verwacht de kop {heading!r}, maar kreeg {found!r}: de eerste rij geeft de koppen van de kolommen key en value",
    ),
    "book_first_row_empty": _w(
        "the first row is empty: it heads the columns, with the format's keys",
        "de eerste rij is leeg: die geeft de koppen van de kolommen, met de sleutels van het formaat",
    ),
    "book_column_required": _w(
        "the column {column!r} is required: add it", "de kolom {column!r} is verplicht: voeg haar toe"
    ),
    "book_value_without_heading": _w("a value in a column without a heading", "een waarde in een kolom zonder kop"),
    "book_owner_required": _w(
        "a value is required here: the id of the {header} this row belongs to",
        "hier is een waarde verplicht: de id van de {header} waar deze rij bij hoort",
    ),
    "book_no_owner": _w(
        "no {header} {owner!r} in the sheet {sheet}{suggestion}",
        "geen {header} {owner!r} in het werkblad {sheet}{suggestion}",
    ),
    "book_unknown_column": _w(
        "unknown column {column!r}{suggestion}; the columns of {sheet} are {known:list}",
        "onbekende kolom {column!r}{suggestion}; de kolommen van {sheet} zijn {known:list}",
    ),
    "column_twice": _w("the column {column!r} is given twice", "de kolom {column!r} staat er twee keer"),
    "value_required": _w("a value is required here", "hier is een waarde verplicht"),
    "book_sheet_required": _w(
        "required: the sheet needs at least one row", "verplicht: het werkblad heeft minstens één rij nodig"
    ),
    "book_key_required": _w(
        "required: add a row with the key {key!r}", "verplicht: voeg een rij toe met de sleutel {key!r}"
    ),
    "book_keys_required": _w(
        "required: add rows with the keys {keys}", "verplicht: voeg rijen toe met de sleutels {keys}"
    ),
    # --- realisations from a workbook or CSV file ---------------------------------------------------------------
    "no_sheet": _w("no sheet {names:or}", "geen werkblad {names:or}"),
    "the_sheet": _w("the sheet {sheet}", "het werkblad {sheet}"),
    "the_file": _w("the file", "het bestand"),
    "unknown_column": _w("unknown column {column!r}{suggestion}", "onbekende kolom {column!r}{suggestion}"),
    "either_column": _w("{value} or {outcome}", "{value} of {outcome}"),
    "columns_required": _w(
        "{what} lacks the required column(s) {missing}", "{what} mist de verplichte kolom(men) {missing}"
    ),
    "value_required_in": _w("a value is required here ({column})", "hier is een waarde verplicht ({column})"),
    "value_or_outcome_required": _w(
        "a value is required here ({value}), or for a commitment an outcome ({outcome}: {words})",
        "hier is een waarde verplicht ({value}), of bij een afspraak een uitkomst ({outcome}: {words})",
    ),
    "cell_expected_word": _w(
        "expected one of {words}; got {got:cell}", "verwacht een van {words}; maar kreeg {got:cell}"
    ),
    "figure_year_outside": _w(
        "the year {year} lies outside the perspective {start}-{end} and is neither the year before it nor a "
        "baseline year of the target the figure is about (PA308)",
        "het jaar {year} ligt buiten het meerjarig perspectief {start}-{end} en is niet het jaar ervoor en ook geen "
        "basisjaar van het streefcijfer waar het cijfer over gaat (PA308)",
    ),
    "outcome_of_commitment_only": _w(
        "only a commitment has an outcome (how it was kept); a {subject:term}'s figure is its value ({value}): "
        "leave {outcome} empty",
        "alleen een afspraak heeft een uitkomst (hoe die is nagekomen); bij een {subject:term} is het cijfer de "
        "waarde ({value}): laat {outcome} leeg",
    ),
    "unknown_id": _w("unknown {subject:term} id {id!r}{suggestion}", "geen {subject:term} met id {id!r}{suggestion}"),
    "glued": _w("{parts:glued}", "{parts:glued}"),
    "figure_place": _w("{kind:term} {subject}, {year}{where}", "{kind:term} {subject}, {year}{where}"),
    "figure_area": _w(", area {id}", ", gebied {id}"),
    "figure_party": _w(", party {id}", ", partij {id}"),
    "figure_value": _w("value {value!r}", "waarde {value!r}"),
    "figure_outcome": _w("outcome {outcome}", "uitkomst {outcome}"),
    "figure_transition": _w("the recorded figure of {place}: {said}", "het vastgelegde cijfer van {place}: {said}"),
    "figure_recorded": _w(
        "a figure of {place} is recorded already ({figure}, {status}, reported {day}); a correction needs a later "
        "reported-on date after {day}",
        "een cijfer van {place} is al vastgelegd ({figure}, {status}, gerapporteerd op {day}); een correctie heeft "
        "een latere rapportagedatum nodig, na {day}",
    ),
    "figure_recorded_undated": _w(
        "a figure of {place} is recorded already ({figure}, {status}, reported without a date); a correction needs "
        "a later reported-on date",
        "een cijfer van {place} is al vastgelegd ({figure}, {status}, gerapporteerd zonder datum); een correctie "
        "heeft een latere rapportagedatum nodig",
    ),
    # --- planning ----------------------------------------------------------------------------------------------
    "lead_time_field": _w(
        "the lead time {name!r} must be a whole number of working days from 0 to {most}, got {got!r}",
        "de doorlooptijd {name!r} moet een geheel aantal werkdagen van 0 tot en met {most} zijn, maar is {got!r}",
    ),
    "lead_times_invalid": _w("invalid lead times: {problems:semis}", "ongeldige doorlooptijden: {problems:semis}"),
    "lead_times_invalid_in": _w(
        "{file}: invalid lead times: {problems:semis}", "{file}: ongeldige doorlooptijden: {problems:semis}"
    ),
    "lead_step_unknown": _w(
        "unknown step {key!r}; the steps are {steps:list}", "onbekende stap {key!r}; de stappen zijn {steps:list}"
    ),
    "lead_step_twice": _w("step {name!r} is given twice", "de stap {name!r} staat er twee keer"),
    "lead_step_value": _w(
        "step {key!r} must be a whole number of working days from 0 to {most}, got {got!r}",
        "de stap {key!r} moet een geheel aantal werkdagen van 0 tot en met {most} zijn, maar is {got!r}",
    ),
    "lead_file_suffix": _w(
        "{file}: a lead-times file must end in .toml, .yaml, .yml or .json, got {suffix!r}",
        "{file}: een bestand met doorlooptijden eindigt op .toml, .yaml, .yml of .json, niet op {suffix!r}",
    ),
    "lead_file_unreadable": _w("{file}: {problems:semis}", "{file}: {problems:semis}"),
    "lead_file_not_mapping": _w(
        "{file}: expected step names with working days at the top (such as `decision = 15`), got {type}",
        "{file}: verwacht bovenaan namen van stappen met werkdagen (zoals `decision = 15`), maar kreeg {type}",
    ),
    "parties_count": _w(
        "the number of parties must be a whole number of 1 or more, got {got!r}",
        "het aantal partijen moet een geheel getal van 1 of meer zijn, maar is {got!r}",
    ),
    "parties_none": _w(
        "give at least one party to plan for (or a number of generic parties)",
        "geef minstens één partij om voor te plannen (of een aantal algemene partijen)",
    ),
    "parties_strangers": _w(
        "parties must be Party objects or a number; got {strangers:list}",
        "partijen moeten Party-objecten of een aantal zijn; maar kreeg {strangers:list}",
    ),
    "parties_repeated": _w(
        "party {ids:reprs} is given more than once; give each party once",
        "partij {ids:reprs} staat er meer dan één keer; geef elke partij één keer",
    ),
    "signing_not_working_day": _w(
        "the signing date {day} is {what}, not a Dutch working day; choose a working day, such as {nearest:ors}",
        "de datum van ondertekening {day} is {what}, geen Nederlandse werkdag; kies een werkdag, zoals {nearest:ors}",
    ),
    "weekend_day": _w("a weekend day", "een weekenddag"),
    "public_holiday": _w("a public holiday", "een feestdag"),
    "day_before": _w("{day} (before)", "{day} (ervoor)"),
    "day_after": _w("{day} (after)", "{day} (erna)"),
    "plan_before_calendar": _w(
        "the plan for a signing on {day} would start before 0001-01-01, where the calendar begins; choose a later "
        "signing date or shorter lead times",
        "de planning voor een ondertekening op {day} zou vóór 0001-01-01 beginnen, waar de kalender begint; kies "
        "een latere datum van ondertekening of kortere doorlooptijden",
    ),
    "cycle_year_outside": _w(
        "the year {year!r} is not a year of the perspective {first}-{last}; give one of them",
        "het jaar {year!r} is geen jaar van het meerjarig perspectief {first}-{last}; geef een van die jaren",
    ),
    "evaluation_lead": _w(
        "the evaluation lead must be a whole number of working days from 0 to {most}, got {got!r}",
        "de voorbereidingstijd van de evaluatie moet een geheel aantal werkdagen van 0 tot en met {most} zijn, "
        "maar is {got!r}",
    ),
    "no_counted_party": _w(
        "the agreement has no counted party (founding or joined) to plan for",
        "de overeenkomst heeft geen meetellende partij (oprichtend of toegetreden) om voor te plannen",
    ),
    # --- the check configuration -------------------------------------------------------------------------------
    "config_invalid": _w(
        "invalid check configuration: {problems:semis}", "ongeldige configuratie van de controle: {problems:semis}"
    ),
    "config_no_code": _w("no rule code starts with {prefix!r}", "geen regelcode begint met {prefix!r}"),
    "config_severity_unknown_rule": _w(
        "severity override for unknown rule {code!r}", "ernst opgegeven voor de onbekende regel {code!r}"
    ),
    "config_unknown_param": _w(
        "unknown rule parameter {name!r}; known: {known:list}",
        "onbekende parameter van een regel {name!r}; bekend zijn: {known:list}",
    ),
    "config_date": _w(
        "{where}: expected a date as YYYY-MM-DD, got {got!r}",
        "{where}: verwacht een datum als JJJJ-MM-DD, maar kreeg {got!r}",
    ),
    "config_unknown_keys": _w(
        "{where}: unknown key(s) {keys:list}; allowed: {allowed:list}",
        "{where}: onbekende sleutel(s) {keys:list}; toegestaan zijn: {allowed:list}",
    ),
    "config_severity": _w(
        "{where}: severity of {code} must be error, warning or info, not {got!r}",
        "{where}: de ernst van {code} moet error (fout), warning (waarschuwing) of info zijn, niet {got!r}",
    ),
    "config_plugins": _w(
        '{where}: plugins must be a list of Python module names, as ["my_rules", "package.module"]; not a module '
        "name: {wrong:reprs}",
        '{where}: plugins moet een lijst van namen van Python-modules zijn, zoals ["my_rules", "package.module"]; '
        "geen modulenaam: {wrong:reprs}",
    ),
    "config_no_table": _w(
        "{path} has no [tool.prestatieafspraken] table: it configures no check",
        "{path} heeft geen tabel [tool.prestatieafspraken]: het configureert geen controle",
    ),
    "config_unreadable": _w(
        "{path}: cannot read the configuration: {reason}", "{path}: kan de configuratie niet lezen: {reason}"
    ),
}
