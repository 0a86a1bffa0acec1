"""The columns of the realisations template and the words in its cells, in Dutch and English.

One column per key of a realisation the analyst reads or fills in, plus the columns that show what is known. The
words in the cells (what a row is about, a status, an outcome, a visibility) are the library's one vocabulary
(`prestatieafspraken.vocabulary`): written in the template's language, read in Dutch, in English or as the
format's own word.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, Literal, TypeVar

import attrs

from prestatieafspraken.tabular.cells import Kind
from prestatieafspraken.vocabulary import TERMS, Language, label

__all__ = [
    "KINDS",
    "REQUIRED",
    "SHEET_NAMES",
    "TEMPLATE_COLUMNS",
    "Role",
    "TemplateColumn",
    "choices",
    "column",
    "column_key",
    "kind_word",
    "parse_kind",
]

Role = Literal["read", "input", "info"]
_E = TypeVar("_E", bound=enum.Enum)


@attrs.frozen
class TemplateColumn:
    """A column of the realisations template: its key, its headings in Dutch and English, and its role.

    ``read`` columns are read back; ``input`` columns are the ones the analyst fills in (a row is read when one
    of them is filled); ``info`` columns show what is known and are not read.
    """

    key: str
    nl: str
    en: str
    role: Role
    kind: Kind = "text"
    width: int = 14

    def heading(self, lang: str) -> str:
        """The heading in *lang*."""
        return self.nl if lang == "nl" else self.en


TEMPLATE_COLUMNS: tuple[TemplateColumn, ...] = (
    TemplateColumn("kind", "Soort", "Kind", "read", width=13),
    TemplateColumn("id", "Id", "Id", "read", width=26),
    TemplateColumn("description", "Omschrijving", "Description", "info", width=48),
    TemplateColumn("indicator", "Indicator", "Indicator", "info", width=20),
    TemplateColumn("unit", "Eenheid", "Unit", "info", width=12),
    TemplateColumn("area", "Gebied", "Area", "read", width=16),
    TemplateColumn("party", "Partij", "Party", "read", width=20),
    TemplateColumn("year", "Jaar", "Year", "read", "int", width=8),
    TemplateColumn("committed", "Afgesproken", "Committed", "info", "number", width=13),
    TemplateColumn("known", "Bekend cijfer", "Known figure", "info", "number", width=14),
    TemplateColumn("known_status", "Bekend: status en datum", "Known: status and date", "info", width=30),
    TemplateColumn("counted", "Telt al mee", "Counted already", "info", "number", width=13),
    TemplateColumn("counted_from", "Telt mee via", "Counted from", "info", width=30),
    TemplateColumn("value", "Waarde", "Value", "input", "number", width=12),
    TemplateColumn("reported_on", "Gerapporteerd op", "Reported on", "input", "date", width=17),
    TemplateColumn("status", "Status", "Status", "input", width=13),
    TemplateColumn("outcome", "Uitkomst", "Outcome", "input", width=18),
    TemplateColumn("explanation", "Toelichting", "Explanation", "input", width=40),
    TemplateColumn("visibility", "Zichtbaarheid", "Visibility", "read", width=18),
    TemplateColumn("visible_to", "Zichtbaar voor", "Visible to", "read", "texts", width=20),
    TemplateColumn("note", "Opmerking", "Note", "info", width=30),
)
_COLUMNS: Final[Mapping[str, TemplateColumn]] = MappingProxyType({item.key: item for item in TEMPLATE_COLUMNS})

#: The columns a filled-in file must have; besides them it needs Waarde (Value) or Uitkomst (Outcome), or both.
REQUIRED: Final[tuple[str, ...]] = ("kind", "id", "year", "status")

#: The sheet of figures in each language; either is read.
SHEET_NAMES: Final[Mapping[str, str]] = MappingProxyType({"nl": "Realisaties", "en": "Realisations"})

_HEADINGS: Final[Mapping[str, str]] = MappingProxyType(
    {name.casefold(): item.key for item in TEMPLATE_COLUMNS for name in (item.key, item.nl, item.en)}
)


def column(key: str) -> TemplateColumn:
    """The template column with *key*."""
    return _COLUMNS[key]


def column_key(heading: str) -> str | None:
    """The key of the column a heading names (Dutch, English or the key, in any case), or ``None``."""
    return _HEADINGS.get(heading.strip().casefold())


# --- what a row is about ----------------------------------------------------------------------------------------

#: What a figure is about, in the order of the format: a commitment (afspraak), target (streefcijfer), indicator.
KINDS: Final[tuple[str, ...]] = ("commitment", "target", "indicator")

#: Templates written before the words came from the vocabulary called a target a "doel" (which is a goal); a
#: goal never has a figure, so the old word is still read as a target.
_OLD_WORDS: Final[Mapping[str, str]] = MappingProxyType({"doel": "target"})


def kind_word(kind: str, lang: Language) -> str:
    """The word for what a row is about in *lang*: afspraak, streefcijfer, indicator; commitment, target, indicator."""
    return TERMS[kind](lang)


def parse_kind(text: str) -> str | None:
    """What a row is about (``commitment``, ``target`` or ``indicator``), named in Dutch or English; else ``None``."""
    wanted = text.strip().casefold()
    for kind in KINDS:
        found = TERMS[kind]
        if wanted in {word.casefold() for word in (kind, found.nl, found.en, *found.also)}:
            return kind
    return _OLD_WORDS.get(wanted)


def choices(kind: type[_E] | None) -> str:
    """The words a cell takes, Dutch with the format's word: ``concept (draft), ingediend (submitted), ...``.

    ``None`` lists what a row is about.
    """
    if kind is None:
        return ", ".join(f"{kind_word(item, 'nl')} ({item})" for item in KINDS)
    return ", ".join(f"{label(member, 'nl')} ({member.value})" for member in kind)
