"""PA001, references: every id a field refers to is declared in the file (or is a standard theme)."""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from prestatieafspraken.model import (
    STANDARD_THEMES,
    Agreement,
    Assessment,
    Definition,
    Indicator,
    Mandate,
    Milestone,
    Realisation,
)
from prestatieafspraken.model.fields import IdKind, Reference, references
from prestatieafspraken.rules._phrases import capitalised
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.integrity._source import ONE_READING
from prestatieafspraken.rules.registry import rule
from prestatieafspraken.vocabulary import Language, label, term, the

#: Per kind of id, the vocabulary's term(s) for it and the file key(s) of the list(s) that declare it.
_WORDS: dict[IdKind, tuple[tuple[str, ...], tuple[str, ...]]] = {
    IdKind.PARTY: (("party",), ("parties",)),
    IdKind.AREA: (("area",), ("areas",)),
    IdKind.THEME: (("theme",), ("themes",)),
    IdKind.GOAL: (("goal",), ("goals",)),
    IdKind.INDICATOR: (("indicator",), ("indicators",)),
    IdKind.TARGET: (("target",), ("targets",)),
    IdKind.COMMITMENT: (("commitment",), ("commitments",)),
    IdKind.AREA_OR_PARTY: (("area", "party"), ("areas", "parties")),
}

#: References other rules report: what a realisation is about (PA308) and an indicator's term (PA116).
_REPORTED_ELSEWHERE = frozenset(
    {
        (Realisation, "commitment"),
        (Realisation, "target"),
        (Realisation, "indicator"),
        (Indicator, "term"),
    }
)


def _or(lang: Language) -> str:
    return " or " if lang == "en" else " of "


def _word(kind: IdKind, lang: Language) -> str:
    """The name of what the reference points at: "partij", "gebied of partij"."""
    return _or(lang).join(term(key, lang) for key in _WORDS[kind][0])


def _declared_in(kind: IdKind, lang: Language) -> str:
    """The file key(s) of the list(s) that declare such ids, in a sentence of *lang*."""
    return _or(lang).join(_WORDS[kind][1])


class _Owner(NamedTuple):
    """The element that holds a reference: its description in Dutch and English, and its id if it has one."""

    nl: str
    en: str
    id: str | None = None


def _named(key: str, item_id: str) -> _Owner:
    """An element with an id as the owner of a reference: "partij x" and "party x", in the vocabulary's words."""
    return _Owner(f"{term(key, 'nl')} {item_id}", f"{term(key, 'en')} {item_id}", item_id)


class _Broken(NamedTuple):
    """One reference in the file: where it is, what it points at, and the element that holds it."""

    path: str
    kind: IdKind
    ref: str
    owner: _Owner


class _Section(NamedTuple):
    """A list of items of one class in the file: the items, the path of each and who holds its references."""

    items: Sequence[Any]
    path: Callable[[int], str]
    owner: Callable[[int], _Owner]


def _checked(cls: type[Any]) -> tuple[Reference, ...]:
    """The references of *cls* that PA001 checks: its declared ones, less those other rules report."""
    return tuple(ref for ref in references(cls) if (cls, ref.field) not in _REPORTED_ELSEWHERE)


def _positions_to_check(
    items: Sequence[object], refs: Iterable[Reference], known: Mapping[IdKind, Container[str]]
) -> list[int]:
    """The positions of the items that hold a reference to an id *known* does not have, in file order.

    Each field's distinct ids are collected over all items at once (in C, through `map`), and only the items that
    hold one of the unknown ids among them are looked at: in a large agreement nearly every reference is known, and
    describing each one (a path, an owner) would cost more than the check.
    """
    suspects: set[int] = set()
    for ref in refs:
        values = map(operator.attrgetter(ref.field), items)
        distinct = set(itertools.chain.from_iterable(values)) if ref.many else set(values)
        distinct.discard(None)  # an optional field that is not given refers to nothing
        ids = known[ref.kind]
        unknown = {value for value in distinct if value not in ids}
        if not unknown:
            continue
        for position, item in enumerate(items):
            value = getattr(item, ref.field)
            if (not unknown.isdisjoint(value)) if ref.many else (value in unknown):
                suspects.add(position)
    return sorted(suspects)


def _broken(section: _Section, known: Mapping[IdKind, Container[str]]) -> Iterator[_Broken]:
    """The references in *section* to ids that *known* does not have, in file order."""
    if not section.items:
        return
    refs = _checked(type(section.items[0]))
    for position in _positions_to_check(section.items, refs, known):
        item, path = section.items[position], section.path(position)
        owner = section.owner(position)
        for ref in refs:
            for place, item_id in ref.ids(item):
                if item_id not in known[ref.kind]:
                    yield _Broken(path + place, ref.kind, item_id, owner)


def _mandate_owner(mandate: Mandate) -> _Owner:
    return _Owner(
        f"een mandaat ({label(mandate.role, 'nl')}, {mandate.role.value})",
        f"a mandate ({label(mandate.role, 'en')}, {mandate.role.value})",
    )


def _definition_owner(definition: Definition) -> _Owner:
    return _Owner(f"{the('definition', 'nl')} van {definition.term}", f"{the('definition', 'en')} of {definition.term}")


def _milestone_owner(milestone: Milestone) -> _Owner:
    return _Owner(
        f"{the(milestone.kind, 'nl')} van {milestone.date.isoformat()}",
        f"{the(milestone.kind, 'en')} of {milestone.date.isoformat()}",
    )


def _realisation_owner(realisation: Realisation) -> _Owner:
    kind, subject = realisation.subject
    return _Owner(f"een {term('realisation', 'nl')} van {subject}", f"a realisation of {kind} {subject}")


def _assessment_owner(assessment: Assessment) -> _Owner:
    kind, subject = assessment.subject
    return _Owner(f"een {term('assessment', 'nl')} van {subject}", f"an assessment of {kind} {subject}")


def _listed(key: str, items: Sequence[Any], owner: Callable[[Any], _Owner]) -> _Section:
    """A list of the file at ``$.key``, each item's references held by ``owner(item)``."""
    return _Section(items, lambda i: f"$.{key}[{i}]", lambda i: owner(items[i]))


def _ided(key: str, term_key: str, items: Sequence[Any]) -> _Section:
    """A list of the file at ``$.key`` of items with an id, each the owner of its references."""
    return _listed(key, items, lambda item: _named(term_key, item.id))


def _sections(agreement: Agreement) -> Iterator[_Section]:
    """Every list of items in the file that may hold references, in the order PA001 reports them."""
    if agreement.assignment is not None:
        assignment = _Owner("de bestuurlijke opdracht", "the administrative assignment")
        yield _Section((agreement.assignment,), lambda _: "$.assignment", lambda _: assignment)
    yield _ided("parties", "party", agreement.parties)
    coalition = _Owner("de coalitie", "the coalition")
    yield _listed("coalition", agreement.coalition, lambda _: coalition)
    yield _ided("groups", "group", agreement.groups)
    yield _listed("mandates", agreement.mandates, _mandate_owner)
    yield _ided("themes", "theme", agreement.themes)
    yield _listed("definitions", agreement.definitions, _definition_owner)
    yield _ided("indicators", "indicator", agreement.indicators)
    flows = [(i, indicator) for i, indicator in enumerate(agreement.indicators) if indicator.stock_flows is not None]
    yield _Section(
        [indicator.stock_flows for _, indicator in flows],
        lambda k: f"$.indicators[{flows[k][0]}].stock_flows",
        lambda k: _named("indicator", flows[k][1].id),
    )
    yield _ided("frameworks", "framework", agreement.frameworks)
    yield _ided("targets", "target", agreement.targets)
    yield _ided("commitments", "commitment", agreement.commitments)
    if agreement.process is not None:
        yield _listed("process.milestones", agreement.process.milestones, _milestone_owner)
    yield _listed("realisations", agreement.realisations, _realisation_owner)
    yield _ided("amendments", "amendment", agreement.amendments)
    if agreement.monitoring is not None:
        yield _listed("monitoring.assessments", agreement.monitoring.assessments, _assessment_owner)
    yield _ided("bids", "bid", agreement.bids)
    offers = [(i, j, bid, offer) for i, bid in enumerate(agreement.bids) for j, offer in enumerate(bid.offers)]
    yield _Section(
        [offer for *_, offer in offers],
        lambda k: f"$.bids[{offers[k][0]}].offers[{offers[k][1]}]",
        lambda k: _Owner(
            f"{term('offer', 'nl')} {offers[k][3].id} van {term('bid', 'nl')} {offers[k][2].id}",
            f"{term('offer', 'en')} {offers[k][3].id} of {term('bid', 'en')} {offers[k][2].id}",
            offers[k][3].id,
        ),
    )


def _known_ids(ctx: RuleContext) -> dict[IdKind, Container[str]]:
    """Per kind of reference, the ids it may name."""
    index = ctx.index
    return {
        IdKind.PARTY: index.parties,
        IdKind.AREA: index.areas,
        IdKind.THEME: {*index.themes, *STANDARD_THEMES},
        IdKind.GOAL: index.goals,
        IdKind.INDICATOR: index.indicators,
        IdKind.TARGET: index.targets,
        IdKind.COMMITMENT: index.commitments,
        IdKind.AREA_OR_PARTY: {*index.areas, *index.parties},
    }


@rule(
    "PA001",
    severity=Severity.ERROR,
    title_nl="Verwijzing naar een onbekende id",
    title_en="Reference to an unknown id",
    source=ONE_READING,
)
def unknown_reference(ctx: RuleContext) -> Iterator[Finding]:
    """A reference to a party, area, theme, goal, indicator, target or commitment that the file does not declare.

    Handbook: "Hiervoor helpt allereerst een duidelijk overzicht van feiten en cijfers die maar op één manier
    interpreteerbaar zijn."

    One finding per broken reference, with the path at the reference itself; for a list the path names the
    element (``$.commitments[2].by[1]``). A commitment's ``by`` may be written as a single id, but the model keeps
    a list either way, so its path is ``$.commitments[2].by[0]`` then too. A breakdown key is at
    ``$.targets[0].breakdown['key']`` and may name an area or a party. A standard theme id needs no declaration.
    A manual assessment (``monitoring.assessments``) names a target or a commitment and the party that made it; a
    bid names its party and the parties it was sent to, an offer its indicator, area and theme. Which fields refer
    to what is declared on the model (`prestatieafspraken.model.fields.references`), not listed here.
    Not here: an indicator's ``term`` (PA116) and what a realisation is about (PA308). No field of the model refers
    to a group, so no group reference can break.
    """
    known = _known_ids(ctx)
    broken = itertools.chain.from_iterable(_broken(section, known) for section in _sections(ctx.agreement))
    for reference in broken:
        kind, owner = reference.kind, reference.owner
        word_nl, word_en = _word(kind, "nl"), _word(kind, "en")
        if kind is IdKind.THEME:
            problem_nl = "dat is geen standaardthema en staat niet onder themes: declareer het thema"
            problem_en = "which is neither a standard theme nor declared under themes: declare the theme"
        else:
            problem_nl = f"maar er is geen {word_nl} met die id: voeg die toe onder {_declared_in(kind, 'nl')}"
            problem_en = f"but no {word_en} has that id: add it under {_declared_in(kind, 'en')}"
        yield ctx.finding(
            path=reference.path,
            subjects=(owner.id, reference.ref) if owner.id is not None else (reference.ref,),
            nl=f"{capitalised(owner.nl)} verwijst naar {word_nl} '{reference.ref}', {problem_nl} of "
            "verbeter de verwijzing.",
            en=f"{capitalised(owner.en)} refers to {word_en} '{reference.ref}', {problem_en} or correct the reference.",
        )
