"""PA001, references: every id a field refers to is declared in the file (or is a standard theme)."""

from __future__ import annotations

import enum
import itertools
import operator
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from typing import NamedTuple

from prestatieafspraken.model import STANDARD_THEMES, Agreement, Commitment, Realisation
from prestatieafspraken.rules._phrases import capitalised
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.integrity._source import ONE_READING
from prestatieafspraken.rules.registry import rule
from prestatieafspraken.vocabulary import Language, label, term, the


class _Kind(enum.Enum):
    """What a reference points at: the vocabulary's term(s) for it and the list(s) of the file that declare it."""

    PARTY = (("party",), ("parties",))
    AREA = (("area",), ("areas",))
    THEME = (("theme",), ("themes",))
    GOAL = (("goal",), ("goals",))
    INDICATOR = (("indicator",), ("indicators",))
    TARGET = (("target",), ("targets",))
    COMMITMENT = (("commitment",), ("commitments",))
    AREA_OR_PARTY = (("area", "party"), ("areas", "parties"))

    def word(self, lang: Language) -> str:
        """The name of what the reference points at: "partij", "gebied of partij"."""
        return _or(lang).join(term(key, lang) for key in self.value[0])

    def declared_in(self, lang: Language) -> str:
        """The file key(s) of the list(s) that declare such ids, in a sentence of *lang*."""
        return _or(lang).join(self.value[1])

    @property
    def nl(self) -> str:
        """The Dutch name."""
        return self.word("nl")

    @property
    def en(self) -> str:
        """The English name."""
        return self.word("en")


def _or(lang: Language) -> str:
    return " or " if lang == "en" else " of "


class _Owner(NamedTuple):
    """The element that holds a reference: its description in Dutch and English, and its id if it has one."""

    nl: str
    en: str
    id: str | None = None


def _named(key: str, item_id: str) -> _Owner:
    """An element with an id as the owner of a reference: "partij x" and "party x", in the vocabulary's words."""
    return _Owner(f"{term(key, 'nl')} {item_id}", f"{term(key, 'en')} {item_id}", item_id)


class _Reference(NamedTuple):
    """One reference in the file: where it is, what it points at, and the element that holds it."""

    path: str
    kind: _Kind
    ref: str
    owner: _Owner


def _one(path: str, kind: _Kind, ref: str | None, owner: _Owner) -> Iterator[_Reference]:
    if ref is not None:
        yield _Reference(path, kind, ref, owner)


def _each(path: str, kind: _Kind, refs: Iterable[str], owner: _Owner) -> Iterator[_Reference]:
    for position, ref in enumerate(refs):
        yield _Reference(f"{path}[{position}]", kind, ref, owner)


def _people_references(agreement: Agreement) -> Iterator[_Reference]:
    """References in the parties, the coalition, the groups, the mandates, the themes and the definitions."""
    if agreement.assignment is not None:
        owner = _Owner("de bestuurlijke opdracht", "the administrative assignment")
        yield from _each("$.assignment.in_scope", _Kind.THEME, agreement.assignment.in_scope, owner)
    for i, party in enumerate(agreement.parties):
        owner = _named("party", party.id)
        yield from _each(f"$.parties[{i}].areas", _Kind.AREA, party.areas, owner)
        yield from _each(f"$.parties[{i}].represents", _Kind.PARTY, party.represents, owner)
    for i, member in enumerate(agreement.coalition):
        yield from _one(f"$.coalition[{i}].party", _Kind.PARTY, member.party, _Owner("de coalitie", "the coalition"))
    for i, group in enumerate(agreement.groups):
        owner = _named("group", group.id)
        yield from _each(f"$.groups[{i}].members", _Kind.PARTY, group.members, owner)
    for i, mandate in enumerate(agreement.mandates):
        owner = _Owner(
            f"een mandaat ({label(mandate.role, 'nl')}, {mandate.role.value})",
            f"a mandate ({label(mandate.role, 'en')}, {mandate.role.value})",
        )
        yield from _one(f"$.mandates[{i}].holder", _Kind.PARTY, mandate.holder, owner)
        yield from _each(f"$.mandates[{i}].granted_by", _Kind.PARTY, mandate.granted_by, owner)
        yield from _each(f"$.mandates[{i}].themes", _Kind.THEME, mandate.themes, owner)
    for i, theme in enumerate(agreement.themes):
        owner = _named("theme", theme.id)
        yield from _one(f"$.themes[{i}].lead", _Kind.PARTY, theme.lead, owner)
    for i, definition in enumerate(agreement.definitions):
        owner = _Owner(
            f"{the('definition', 'nl')} van {definition.term}", f"{the('definition', 'en')} of {definition.term}"
        )
        yield from _one(f"$.definitions[{i}].defined_by", _Kind.PARTY, definition.defined_by, owner)


def _measure_references(agreement: Agreement) -> Iterator[_Reference]:
    """References in the indicators, the frameworks and the targets."""
    for i, indicator in enumerate(agreement.indicators):
        if indicator.stock_flows is not None:
            owner = _named("indicator", indicator.id)
            path = f"$.indicators[{i}].stock_flows"
            yield from _each(f"{path}.in", _Kind.INDICATOR, indicator.stock_flows.inflows, owner)
            yield from _each(f"{path}.out", _Kind.INDICATOR, indicator.stock_flows.outflows, owner)
    for i, framework in enumerate(agreement.frameworks):
        owner = _named("framework", framework.id)
        yield from _one(f"$.frameworks[{i}].set_by", _Kind.PARTY, framework.set_by, owner)
        yield from _one(f"$.frameworks[{i}].numerator", _Kind.INDICATOR, framework.numerator, owner)
        yield from _one(f"$.frameworks[{i}].denominator", _Kind.INDICATOR, framework.denominator, owner)
    for i, target in enumerate(agreement.targets):
        owner = _named("target", target.id)
        path = f"$.targets[{i}]"
        yield from _one(f"{path}.indicator", _Kind.INDICATOR, target.indicator, owner)
        yield from _one(f"{path}.theme", _Kind.THEME, target.theme, owner)
        yield from _each(f"{path}.goals", _Kind.GOAL, target.goals, owner)
        yield from _one(f"{path}.area", _Kind.AREA, target.area, owner)
        for key in target.breakdown:
            yield _Reference(f"{path}.breakdown['{key}']", _Kind.AREA_OR_PARTY, key, owner)


class _Field(NamedTuple):
    """A field of a commitment or a realisation that refers to ids: its file key, attribute, kind and arity."""

    key: str
    attribute: str
    kind: _Kind
    many: bool


_COMMITMENT_FIELDS = (
    # `by` may be written as one id; the model keeps a tuple either way, so the path names the element.
    _Field("by", "by", _Kind.PARTY, many=True),
    _Field("for", "beneficiaries", _Kind.PARTY, many=True),
    _Field("theme", "theme", _Kind.THEME, many=False),
    _Field("goals", "goals", _Kind.GOAL, many=True),
    _Field("indicator", "indicator", _Kind.INDICATOR, many=False),
    _Field("target", "target", _Kind.TARGET, many=False),
    _Field("area", "area", _Kind.AREA, many=False),
    _Field("conditional_on", "conditional_on", _Kind.COMMITMENT, many=True),
    _Field("visible_to", "visible_to", _Kind.PARTY, many=True),
)
_REALISATION_FIELDS = (
    _Field("area", "area", _Kind.AREA, many=False),
    _Field("party", "party", _Kind.PARTY, many=False),
    _Field("visible_to", "visible_to", _Kind.PARTY, many=True),
)


def _field_references(path: str, item: object, fields: Iterable[_Field], owner: _Owner) -> Iterator[_Reference]:
    for field in fields:
        value = getattr(item, field.attribute)
        if field.many:
            yield from _each(f"{path}.{field.key}", field.kind, value, owner)
        else:
            yield from _one(f"{path}.{field.key}", field.kind, value, owner)


def _commitment_references(position: int, commitment: Commitment) -> Iterator[_Reference]:
    owner = _named("commitment", commitment.id)
    return _field_references(f"$.commitments[{position}]", commitment, _COMMITMENT_FIELDS, owner)


def _realisation_references(position: int, realisation: Realisation) -> Iterator[_Reference]:
    kind, subject = realisation.subject
    owner = _Owner(f"een {term('realisation', 'nl')} van {subject}", f"a realisation of {kind} {subject}")
    return _field_references(f"$.realisations[{position}]", realisation, _REALISATION_FIELDS, owner)


def _positions_to_check(
    items: Sequence[object], fields: Iterable[_Field], known: Mapping[_Kind, Container[str]]
) -> list[int]:
    """The positions of the items that hold a reference to an id *known* does not have, in file order.

    Each field's distinct ids are collected over all items at once (in C, through `map`), and only the items that
    hold one of the unknown ids among them are looked at: in a large agreement nearly every reference is known, and
    describing each one (a path, an owner) would cost more than the check.
    """
    suspects: set[int] = set()
    for field in fields:
        values = map(operator.attrgetter(field.attribute), items)
        distinct = set(itertools.chain.from_iterable(values)) if field.many else set(values)
        distinct.discard(None)  # an optional field that is not given refers to nothing
        ids = known[field.kind]
        unknown = {ref for ref in distinct if ref not in ids}
        if not unknown:
            continue
        for position, item in enumerate(items):
            value = getattr(item, field.attribute)
            if (not unknown.isdisjoint(value)) if field.many else (value in unknown):
                suspects.add(position)
    return sorted(suspects)


def _work_references(agreement: Agreement, known: Mapping[_Kind, Container[str]]) -> Iterator[_Reference]:
    """References in the commitments, the milestones, the realisations, the amendments and the assessments.

    Commitments and realisations whose references are all in *known* (the ids per kind) are left out; every
    reference to an id that is not in *known* is there, in file order.
    """
    commitments = agreement.commitments
    for i in _positions_to_check(commitments, _COMMITMENT_FIELDS, known):
        yield from _commitment_references(i, commitments[i])
    if agreement.process is not None:
        for i, milestone in enumerate(agreement.process.milestones):
            owner = _Owner(
                f"{the(milestone.kind, 'nl')} van {milestone.date.isoformat()}",
                f"{the(milestone.kind, 'en')} of {milestone.date.isoformat()}",
            )
            yield from _one(f"$.process.milestones[{i}].party", _Kind.PARTY, milestone.party, owner)
    realisations = agreement.realisations
    for i in _positions_to_check(realisations, _REALISATION_FIELDS, known):
        yield from _realisation_references(i, realisations[i])
    for i, amendment in enumerate(agreement.amendments):
        owner = _named("amendment", amendment.id)
        yield from _each(f"$.amendments[{i}].agreed_by", _Kind.PARTY, amendment.agreed_by, owner)
    if agreement.monitoring is not None:
        for i, assessment in enumerate(agreement.monitoring.assessments):
            kind, subject = assessment.subject
            owner = _Owner(f"een {term('assessment', 'nl')} van {subject}", f"an assessment of {kind} {subject}")
            path = f"$.monitoring.assessments[{i}]"
            yield from _one(f"{path}.target", _Kind.TARGET, assessment.target, owner)
            yield from _one(f"{path}.commitment", _Kind.COMMITMENT, assessment.commitment, owner)
            yield from _one(f"{path}.by", _Kind.PARTY, assessment.by, owner)


def _known_ids(ctx: RuleContext) -> dict[_Kind, Container[str]]:
    """Per kind of reference, the ids it may name."""
    index = ctx.index
    return {
        _Kind.PARTY: index.parties,
        _Kind.AREA: index.areas,
        _Kind.THEME: {*index.themes, *STANDARD_THEMES},
        _Kind.GOAL: index.goals,
        _Kind.INDICATOR: index.indicators,
        _Kind.TARGET: index.targets,
        _Kind.COMMITMENT: index.commitments,
        _Kind.AREA_OR_PARTY: {*index.areas, *index.parties},
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
    A manual assessment (``monitoring.assessments``) names a target or a commitment and the party that made it.
    Not here: an indicator's ``term`` (PA116) and what a realisation is about (PA308). No field of the model refers
    to a group, so no group reference can break.
    """
    known = _known_ids(ctx)
    references = itertools.chain(
        _people_references(ctx.agreement), _measure_references(ctx.agreement), _work_references(ctx.agreement, known)
    )
    for reference in references:
        if reference.ref in known[reference.kind]:
            continue
        kind, owner = reference.kind, reference.owner
        if kind is _Kind.THEME:
            problem_nl = "dat is geen standaardthema en staat niet onder themes: declareer het thema"
            problem_en = "which is neither a standard theme nor declared under themes: declare the theme"
        else:
            problem_nl = f"maar er is geen {kind.nl} met die id: voeg die toe onder {kind.declared_in('nl')}"
            problem_en = f"but no {kind.en} has that id: add it under {kind.declared_in('en')}"
        yield ctx.finding(
            path=reference.path,
            subjects=(owner.id, reference.ref) if owner.id is not None else (reference.ref,),
            nl=f"{capitalised(owner.nl)} verwijst naar {kind.nl} '{reference.ref}', {problem_nl} of "
            "verbeter de verwijzing.",
            en=f"{capitalised(owner.en)} refers to {kind.en} '{reference.ref}', {problem_en} or correct the reference.",
        )
