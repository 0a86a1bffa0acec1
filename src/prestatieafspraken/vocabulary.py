"""The one bilingual vocabulary: the Dutch and English word for every enum member and every recurring term.

Rules, the progress and check reports, views, planning, tabular and the glossary all read their words here, so a
concept has one Dutch word everywhere: a *doel* is a goal, a *streefcijfer* a target, an *afspraak* a commitment.
Every enum member of the library has a `Label` (a test fails when one is missing), and the glossary's tables of
the file format's words are generated from `FORMAT_WORDS`.

Word choices follow the handbook (Tips & Tricks meerpartijen prestatieafspraken, 2022) and the practice it
describes; where the handbook has no word, the one Dutch municipalities and corporations use in their reports.

The table of the enum members' labels, `Label` itself and the glossary's tables live in the private
`prestatieafspraken._labels`; this module is the one public place to read them.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Final, TypeGuard, TypeVar

from prestatieafspraken._labels import ENUM_LABELS as _ENUM_LABELS
from prestatieafspraken._labels import FORMAT_WORDS, FormatWords, Label, format_words_markdown
from prestatieafspraken._language import LANGUAGES, Language
from prestatieafspraken.errors import ConfigError
from prestatieafspraken.model import MilestoneKind

__all__ = [
    "FORMAT_WORDS",
    "LANGUAGES",
    "PLAN_STEPS",
    "TERMS",
    "FormatWords",
    "Label",
    "Language",
    "format_words_markdown",
    "is_language",
    "label",
    "labelled_enums",
    "language",
    "parse_label",
    "step",
    "term",
    "the",
]


def is_language(value: object) -> TypeGuard[Language]:
    """Whether *value* is one of the `LANGUAGES`."""
    return value in LANGUAGES


def language(value: str) -> Language:
    """The `Language` named by *value* (``"nl"`` or ``"en"``, in any case).

    Raises:
        ConfigError: *value* names no language the library writes.
    """
    wanted = value.strip().casefold()
    if is_language(wanted):
        return wanted
    raise ConfigError(f"unknown language {value!r}: choose 'nl' (Nederlands) or 'en' (English)")


_L = Label
_E = TypeVar("_E", bound=enum.Enum)


#: Recurring terms of messages, reports and tables (not enum members), by key.
TERMS: Final[Mapping[str, Label]] = MappingProxyType(
    {
        "agreement": _L(nl="overeenkomst", en="agreement", nl_plural="overeenkomsten", also=("prestatieafspraken",)),
        "commitment": _L(nl="afspraak", en="commitment", nl_plural="afspraken", also=("jaarafspraak",)),
        "target": _L(nl="streefcijfer", en="target", de="het", nl_plural="streefcijfers", also=("doelstelling",)),
        "goal": _L(nl="doel", en="goal", de="het", nl_plural="doelen"),
        "indicator": _L(nl="indicator", en="indicator", nl_plural="indicatoren"),
        "realisation": _L(nl="realisatie", en="realisation", nl_plural="realisaties"),
        "assessment": _L(nl="handmatige beoordeling", en="manual assessment", nl_plural="handmatige beoordelingen"),
        "basis_document": _L(nl="beleidsdocument", en="policy document", de="het", nl_plural="beleidsdocumenten"),
        "coalition_member": _L(nl="coalitiepartij", en="coalition member", nl_plural="coalitiepartijen"),
        "product": _L(nl="tussenproduct", en="intermediate product", de="het", nl_plural="tussenproducten"),
        "offer": _L(nl="aanbod", en="offer", de="het", nl_plural="aanbiedingen"),
        "amendment": _L(nl="wijziging", en="amendment", nl_plural="wijzigingen"),
        "party": _L(nl="partij", en="party", nl_plural="partijen", en_plural="parties"),
        "area": _L(nl="gebied", en="area", de="het", nl_plural="gebieden"),
        "theme": _L(nl="thema", en="theme", de="het", nl_plural="thema's"),
        "bid": _L(nl="bod", en="bid", de="het", nl_plural="biedingen", also=("bieding",)),
        "jaarschijf": _L(
            nl="jaarschijf", en="annual commitments", nl_plural="jaarschijven", en_plural="annual commitments"
        ),
        "milestone": _L(nl="mijlpaal", en="milestone", nl_plural="mijlpalen"),
        "definition": _L(nl="definitie", en="definition", nl_plural="definities"),
        "framework": _L(nl="bovenlokaal kader", en="framework", de="het", nl_plural="bovenlokale kaders"),
        "group": _L(nl="groep", en="group", nl_plural="groepen"),
        "mandate": _L(nl="mandaat", en="mandate", de="het", nl_plural="mandaten"),
        "perspective": _L(nl="meerjarig perspectief", en="multi-year perspective", de="het"),
        "total": _L(nl="totaal", en="total", de="het", nl_plural="totalen"),
        # The agreement as a document (prestatieafspraken.documents).
        "lead": _L(nl="trekker", en="lead", nl_plural="trekkers", note='"trekker" per thema'),
        "condition": _L(nl="voorwaarde", en="condition", nl_plural="voorwaarden"),
        "dilemma": _L(nl="dilemma", en="dilemma", de="het", nl_plural="dilemma's"),
        "signature": _L(nl="handtekening", en="signature", nl_plural="handtekeningen"),
        "dwelling": _L(nl="woning", en="home", nl_plural="woningen", also=("dwelling", "dwellings", "homes")),
        "household": _L(nl="huishouden", en="household", de="het", nl_plural="huishoudens", also=("households",)),
        "error": _L(nl="fout", en="error", nl_plural="fouten"),
        "warning": _L(nl="waarschuwing", en="warning", nl_plural="waarschuwingen"),
        "info": _L(nl="info", en="info", de="het", nl_plural="info", en_plural="info"),
        "long_term_ambition": _L(nl="langetermijnambitie", en="long-term ambition", nl_plural="langetermijnambities"),
        # The responsibility graph's edge kinds, as its picture labels them (prestatieafspraken.graph).
        "executes": _L(nl="voert uit", en="executes"),
        "benefits": _L(nl="voor", en="for", note="a commitment is for (ten behoeve van) a party"),
        "leads": _L(nl="trekt", en="leads", note='the party is "trekker" of the theme'),
        "serves": _L(nl="dient", en="serves"),
        "in_theme": _L(nl="in thema", en="in theme"),
        "contributes_to": _L(nl="draagt bij aan", en="contributes to"),
        "measured_by": _L(nl="gemeten met", en="measured by"),
        "conditional_on": _L(nl="op voorwaarde van", en="conditional on"),
        "represents": _L(nl="vertegenwoordigt", en="represents"),
        "member_of": _L(nl="lid van", en="member of"),
        "works_in": _L(nl="werkt in", en="works in"),
        "in_area": _L(nl="in gebied", en="in area"),
        # The progress report's words (the traffic lights as Dutch municipalities report with them).
        "report": _L(nl="voortgangsrapportage", en="progress report"),
        "summary": _L(nl="samenvatting", en="summary", en_plural="summaries"),
        "finding": _L(nl="bevinding", en="finding"),
        "severity": _L(nl="ernst", en="severity"),
        "as_of": _L(nl="peildatum", en="as-of date", nl_plural="peildata"),
        "year": _L(nl="jaar", en="year", de="het", nl_plural="jaren"),
        "status": _L(nl="status", en="status", nl_plural="statussen", en_plural="statuses"),
        "start": _L(nl="startwaarde", en="start", nl_plural="startwaarden"),
        "expected": _L(nl="verwacht", en="expected", note="on the linear path from the start to the value to reach"),
        "realised": _L(nl="gerealiseerd", en="realised"),
        "reach": _L(nl="te bereiken", en="to reach"),
        "judged_from": _L(nl="te beoordelen vanaf", en="judged from"),
        "outcome": _L(nl="uitkomst", en="outcome"),
        "explanation": _L(nl="toelichting", en="explanation", note="required with a red or orange traffic light"),
        "pending": _L(nl="nog niet goedgekeurd", en="not yet approved", note="draft and submitted figures"),
        "reference": _L(nl="verwijzing", en="reference"),
        "no_theme": _L(nl="zonder thema", en="without a theme"),
        "traffic_light": _L(nl="stoplicht", en="traffic light", de="het", nl_plural="stoplichten"),
        "green": _L(nl="groen", en="green", de="het", note="achieved or on track"),
        "orange": _L(nl="oranje", en="orange", de="het", note="needs acceleration"),
        "red": _L(nl="rood", en="red", de="het", note="off track, deteriorating or against the direction"),
        "no_verdict": _L(nl="geen oordeel", en="no verdict", de="het", note="not started, or no data"),
    }
)


#: A milestone as a step of a planned process: what has happened when it is reached (planning, cycle plans).
PLAN_STEPS: Final[Mapping[MilestoneKind, Label]] = MappingProxyType(
    {
        MilestoneKind.KICKOFF: _L(nl="aftrap", en="kickoff"),
        MilestoneKind.ASSIGNMENT: _L(nl="bestuurlijke opdracht vastgesteld", en="administrative assignment agreed"),
        MilestoneKind.BID: _L(nl="bod uitgebracht", en="bid sent"),
        MilestoneKind.CONCEPT: _L(nl="afgerond concept", en="finished concept"),
        MilestoneKind.ADMINISTRATIVE_REVIEW: _L(
            nl="concept bestuurlijk besproken", en="concept reviewed by the administrators"
        ),
        MilestoneKind.SUPERVISORY_APPROVAL: _L(
            nl="instemming van raad, RvC of achterban", en="approval by the council, supervisory board or members"
        ),
        MilestoneKind.DECISION: _L(nl="besluit", en="decision"),
        MilestoneKind.SIGNING: _L(nl="ondertekening", en="signing"),
        MilestoneKind.ENDORSEMENT: _L(nl="onderschrijving", en="endorsement"),
        MilestoneKind.EVALUATION: _L(nl="evaluatie", en="evaluation"),
    }
)


def step(kind: MilestoneKind, lang: Language) -> str:
    """A milestone as a step of a planned process, in *lang* ("bestuurlijke opdracht vastgesteld")."""
    return PLAN_STEPS[kind](lang)


def label(member: enum.Enum, lang: Language, *, plural: bool = False) -> str:
    """The word for an enum member in *lang*.

    Raises:
        KeyError: *member* has no label (a test keeps every enum of the library labelled).
    """
    return _ENUM_LABELS[member](lang, plural=plural)


def labelled(member: enum.Enum) -> Label:
    """The whole `Label` of an enum member."""
    return _ENUM_LABELS[member]


def term(key: str, lang: Language, *, plural: bool = False) -> str:
    """The word for a recurring term (``"target"``, ``"commitment"``, ...) in *lang*."""
    return TERMS[key](lang, plural=plural)


def the(member_or_term: enum.Enum | str, lang: Language) -> str:
    """The word with its article: "de ondertekening", "het bod"; "the signing", "the bid"."""
    found = TERMS[member_or_term] if isinstance(member_or_term, str) else _ENUM_LABELS[member_or_term]
    return f"the {found.en}" if lang == "en" else f"{found.de} {found.nl}"


def parse_label(text: str, kind: type[_E]) -> _E | None:
    """The member of *kind* that *text* names: its file-format value, Dutch or English word, or an accepted synonym.

    Case and surrounding spaces do not matter; ``None`` when *text* names no member.
    """
    wanted = text.strip().casefold()
    for member in kind:
        found = _ENUM_LABELS.get(member)
        words = {str(member.value)}
        if found is not None:
            words |= {found.nl, found.en, *found.also}
        if wanted in {word.casefold() for word in words}:
            return member
    return None


def labelled_enums() -> Iterator[type[enum.Enum]]:
    """The enum classes with labels, in the order of the vocabulary."""
    seen: list[type[enum.Enum]] = []
    for member in _ENUM_LABELS:
        if type(member) not in seen:
            seen.append(type(member))
            yield type(member)
