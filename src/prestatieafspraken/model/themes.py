"""Themes, goals and the shared language (definitions) of an agreement.

Handbook, "Bespreek met elkaar het doel van afspraken": "afspraken een middel zijn en niet een doel op zichzelf";
"Een gezamenlijk beeld": "dezelfde taal spreekt". The standard themes are the eight of the Amsterdam
Samenwerkingsafspraken in the handbook, plus organisation and collaboration (Eindhoven).
"""

from __future__ import annotations

import enum
from types import MappingProxyType

import attrs

from prestatieafspraken import norms
from prestatieafspraken._language import Language
from prestatieafspraken.errors import UnknownNormError
from prestatieafspraken.model.fields import REFERS_TO, IdKind, Number
from prestatieafspraken.model.ids import InvariantError, slug

__all__ = [
    "STANDARD_THEMES",
    "Definition",
    "Goal",
    "GoalKind",
    "Theme",
    "ThemeLabel",
    "theme_label",
]


@attrs.frozen(kw_only=True)
class ThemeLabel:
    """The Dutch and English label of a theme."""

    nl: str
    en: str


#: The standard theme ids of file format v1; a commitment, target or assignment may name these without declaring them.
STANDARD_THEMES: MappingProxyType[str, ThemeLabel] = MappingProxyType(
    {
        "availability": ThemeLabel(nl="Beschikbaarheid", en="Availability"),
        "affordability": ThemeLabel(nl="Betaalbaarheid", en="Affordability"),
        "target-groups": ThemeLabel(nl="Woningzoekenden en doelgroepen", en="Home seekers and target groups"),
        "vulnerable-groups-and-care": ThemeLabel(
            nl="Kwetsbare groepen, wonen en zorg", en="Vulnerable groups, housing and care"
        ),
        "quality-and-sustainability": ThemeLabel(nl="Kwaliteit en duurzaamheid", en="Quality and sustainability"),
        "liveability": ThemeLabel(nl="Leefbaarheid", en="Liveability"),
        "finance": ThemeLabel(nl="Financiën", en="Finance"),
        "monitoring": ThemeLabel(nl="Monitoring", en="Monitoring"),
        "collaboration": ThemeLabel(nl="Organisatie en samenwerking", en="Organisation and collaboration"),
    }
)


@attrs.frozen(kw_only=True)
class Theme:
    """A theme in use, with its lead (trekker): "De één mag op het ene thema trekker zijn"."""

    id: str = attrs.field(validator=slug)
    label: str | None = None
    """Required in practice for a theme that is not standard; standard themes have labels built in."""
    lead: str | None = attrs.field(default=None, metadata={REFERS_TO: IdKind.PARTY})
    """The party id of the theme's lead (trekker)."""


def theme_label(theme_id: str, *, lang: Language = "nl", declared: Theme | None = None) -> str:
    """Return the label of a theme: the declared label, else the standard label in *lang*, else the id."""
    if declared is not None and declared.label:
        return declared.label
    standard = STANDARD_THEMES.get(theme_id)
    if standard is None:
        return theme_id
    return standard.en if lang == "en" else standard.nl


class GoalKind(enum.Enum):
    """What a goal is about; the handbook's examples of goals that agreements serve."""

    LIVEABILITY = "liveability"
    """Leefbaarheid verbeteren."""
    FINANCING_GAP = "financing_gap"
    """Gat in financiering dichten."""
    ACCELERATE_CONSTRUCTION = "accelerate_construction"
    """Versnellen nieuwbouwopgave."""
    SHARED_INSIGHT = "shared_insight"
    """Samen tot inzicht of besluitvorming komen."""
    AFFORDABILITY = "affordability"
    SUSTAINABILITY = "sustainability"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class Goal:
    """A goal the parties want to reach together; commitments and targets serve it."""

    id: str = attrs.field(validator=slug)
    text: str
    kind: GoalKind = GoalKind.OTHER


def _known_norm(_instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    """An attrs validator that refuses a norm name `prestatieafspraken.norms` does not know (with a did-you-mean)."""
    if value is None:
        return
    try:
        norms.get(value)
    except UnknownNormError as error:
        raise InvariantError(attribute.name, str(error)) from None


@attrs.frozen(kw_only=True)
class Definition:
    """One party's definition of a term of the shared language (one meaning per term, checked by PA115)."""

    term: str
    defined_by: str | None = attrs.field(default=None, metadata={REFERS_TO: IdKind.PARTY})
    value: Number | None = None
    unit: str | None = None
    text: str | None = None
    norm: str | None = attrs.field(default=None, validator=_known_norm)
    """The national norm the definition follows, e.g. ``social-rent-limit`` (see `prestatieafspraken.norms`)."""
