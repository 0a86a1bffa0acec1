"""The words of the errors: every kind of problem and error, in English and in Dutch.

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
import re
import string
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Final

import attrs

from prestatieafspraken._language import Language
from prestatieafspraken._problem_words._commands import COMMAND_KINDS
from prestatieafspraken._problem_words._documents import DOCUMENT_KINDS
from prestatieafspraken._problem_words._tables import TABLE_KINDS

__all__ = ["KINDS", "WHAT", "Said", "place_in", "say", "what_in"]

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
    """A wrong value of a YAML or JSON document, briefly: "the text 'x'" / "de tekst 'x'"."""
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
    """The value of a spreadsheet cell, briefly, in the spreadsheet's words: "the boolean TRUE" / "de waarde WAAR"."""
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
        text: str = super().format_field(value, format_spec)
        return text


_FORMATTERS: Final[dict[Language, _Formatter]] = {"en": _Formatter("en"), "nl": _Formatter("nl")}


def say(kind: str, lang: Language, params: Mapping[str, object]) -> str:
    """The text of a problem or error of *kind* with *params*, in *lang*.

    Raises:
        KeyError: *kind* has no words (a test keeps every kind of the source in `KINDS`).
    """
    template = KINDS[kind][0 if lang == "en" else 1]
    return _FORMATTERS[lang].vformat(template, (), params)


def _frozen(params: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(dict(params))


@attrs.frozen
class Said:
    """A text of a kind with its parameters, said in a language when it is part of another text."""

    kind: str
    params: Mapping[str, object] = attrs.field(converter=_frozen, eq=False, hash=False)

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


_CSV_PLACE = re.compile(r":(row|line) ([0-9]+)(, column )?")
_CSV_WORDS = {"row": "rij", "line": "regel", ", column ": ", kolom "}


def place_in(path: str, lang: Language) -> str:
    """A problem's place in *lang*: ``file.csv:row 14, column Waarde`` is ``file.csv:rij 14, kolom Waarde``."""
    if lang == "en" or ":" not in path:
        return path
    return _CSV_PLACE.sub(
        lambda found: f":{_CSV_WORDS[found[1]]} {found[2]}" + (_CSV_WORDS[found[3]] if found[3] else ""), path
    )


#: Every kind of problem and error with a kind: (English, Dutch).
KINDS: Final[Mapping[str, tuple[str, str]]] = MappingProxyType({**DOCUMENT_KINDS, **TABLE_KINDS, **COMMAND_KINDS})
