"""PA0xx, integrity: references, duplicate ids, years, date order and values that make no sense (errors).

These rules guard the facts every other rule reads. The handbook asks for "een duidelijk overzicht van feiten en
cijfers die maar op één manier interpreteerbaar zijn"; a reference to nothing, an id used twice, a year outside the
perspective or a share above 100 % can be read in more than one way. Every other rule skips what it cannot judge
because of such a defect; these rules report it.
"""

from __future__ import annotations

import enum
import itertools
import math
import operator
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from typing import NamedTuple

from prestatieafspraken.model import (
    STANDARD_THEMES,
    Aggregation,
    Agreement,
    Commitment,
    Indicator,
    MilestoneKind,
    Realisation,
)
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.registry import rule

_ONE_READING = (
    "Handreiking, Houd oog voor de politieke context van gemeenten: "
    '"een duidelijk overzicht van feiten en cijfers die maar op één manier interpreteerbaar zijn"'
)


def _number(value: float) -> str:
    """A number as a message shows it: whole numbers without decimals, others with up to ten digits."""
    if isinstance(value, int):
        return str(value)
    if math.isfinite(value) and value.is_integer():
        return str(int(value))
    return f"{value:.10g}"


# --- PA001: references -------------------------------------------------------------------------------------


class _Kind(enum.Enum):
    """What a reference points at: its Dutch and English name and the list that declares it."""

    PARTY = ("partij", "party", "parties", "parties")
    AREA = ("gebied", "area", "areas", "areas")
    THEME = ("thema", "theme", "themes", "themes")
    GOAL = ("doel", "goal", "goals", "goals")
    INDICATOR = ("indicator", "indicator", "indicators", "indicators")
    TARGET = ("doelstelling", "target", "targets", "targets")
    COMMITMENT = ("afspraak", "commitment", "commitments", "commitments")
    AREA_OR_PARTY = ("gebied of partij", "area or party", "areas of parties", "areas or parties")

    @property
    def nl(self) -> str:
        """The Dutch name."""
        return self.value[0]

    @property
    def en(self) -> str:
        """The English name."""
        return self.value[1]

    @property
    def declared_in_nl(self) -> str:
        """The file key(s) of the list(s) that declare such ids, in a Dutch sentence."""
        return self.value[2]

    @property
    def declared_in_en(self) -> str:
        """The file key(s) of the list(s) that declare such ids, in an English sentence."""
        return self.value[3]


class _Owner(NamedTuple):
    """The element that holds a reference: its description in Dutch and English, and its id if it has one."""

    nl: str
    en: str
    id: str | None = None


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
        owner = _Owner(f"partij {party.id}", f"party {party.id}", party.id)
        yield from _each(f"$.parties[{i}].areas", _Kind.AREA, party.areas, owner)
        yield from _each(f"$.parties[{i}].represents", _Kind.PARTY, party.represents, owner)
    for i, member in enumerate(agreement.coalition):
        yield from _one(f"$.coalition[{i}].party", _Kind.PARTY, member.party, _Owner("de coalitie", "the coalition"))
    for i, group in enumerate(agreement.groups):
        owner = _Owner(f"groep {group.id}", f"group {group.id}", group.id)
        yield from _each(f"$.groups[{i}].members", _Kind.PARTY, group.members, owner)
    for i, mandate in enumerate(agreement.mandates):
        owner = _Owner(f"een mandaat ({mandate.role.value})", f"a mandate ({mandate.role.value})")
        yield from _one(f"$.mandates[{i}].holder", _Kind.PARTY, mandate.holder, owner)
        yield from _each(f"$.mandates[{i}].granted_by", _Kind.PARTY, mandate.granted_by, owner)
        yield from _each(f"$.mandates[{i}].themes", _Kind.THEME, mandate.themes, owner)
    for i, theme in enumerate(agreement.themes):
        owner = _Owner(f"thema {theme.id}", f"theme {theme.id}", theme.id)
        yield from _one(f"$.themes[{i}].lead", _Kind.PARTY, theme.lead, owner)
    for i, definition in enumerate(agreement.definitions):
        owner = _Owner(f"de definitie van {definition.term}", f"the definition of {definition.term}")
        yield from _one(f"$.definitions[{i}].defined_by", _Kind.PARTY, definition.defined_by, owner)


def _measure_references(agreement: Agreement) -> Iterator[_Reference]:
    """References in the indicators, the frameworks and the targets."""
    for i, indicator in enumerate(agreement.indicators):
        if indicator.stock_flows is not None:
            owner = _Owner(f"indicator {indicator.id}", f"indicator {indicator.id}", indicator.id)
            path = f"$.indicators[{i}].stock_flows"
            yield from _each(f"{path}.in", _Kind.INDICATOR, indicator.stock_flows.inflows, owner)
            yield from _each(f"{path}.out", _Kind.INDICATOR, indicator.stock_flows.outflows, owner)
    for i, framework in enumerate(agreement.frameworks):
        owner = _Owner(f"kader {framework.id}", f"framework {framework.id}", framework.id)
        yield from _one(f"$.frameworks[{i}].set_by", _Kind.PARTY, framework.set_by, owner)
        yield from _one(f"$.frameworks[{i}].numerator", _Kind.INDICATOR, framework.numerator, owner)
        yield from _one(f"$.frameworks[{i}].denominator", _Kind.INDICATOR, framework.denominator, owner)
    for i, target in enumerate(agreement.targets):
        owner = _Owner(f"doelstelling {target.id}", f"target {target.id}", target.id)
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
    owner = _Owner(f"afspraak {commitment.id}", f"commitment {commitment.id}", commitment.id)
    return _field_references(f"$.commitments[{position}]", commitment, _COMMITMENT_FIELDS, owner)


def _realisation_references(position: int, realisation: Realisation) -> Iterator[_Reference]:
    kind, subject = realisation.subject
    owner = _Owner(f"een realisatie van {subject}", f"a realisation of {kind} {subject}")
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
                f"de mijlpaal {milestone.kind.value} van {milestone.date.isoformat()}",
                f"the {milestone.kind.value} milestone of {milestone.date.isoformat()}",
            )
            yield from _one(f"$.process.milestones[{i}].party", _Kind.PARTY, milestone.party, owner)
    realisations = agreement.realisations
    for i in _positions_to_check(realisations, _REALISATION_FIELDS, known):
        yield from _realisation_references(i, realisations[i])
    for i, amendment in enumerate(agreement.amendments):
        owner = _Owner(f"wijziging {amendment.id}", f"amendment {amendment.id}", amendment.id)
        yield from _each(f"$.amendments[{i}].agreed_by", _Kind.PARTY, amendment.agreed_by, owner)
    if agreement.monitoring is not None:
        for i, assessment in enumerate(agreement.monitoring.assessments):
            kind, subject = assessment.subject
            owner = _Owner(f"een beoordeling van {subject}", f"an assessment of {kind} {subject}")
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
    source=_ONE_READING,
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
            problem_nl = f"maar er is geen {kind.nl} met die id: voeg die toe onder {kind.declared_in_nl}"
            problem_en = f"but no {kind.en} has that id: add it under {kind.declared_in_en}"
        yield ctx.finding(
            path=reference.path,
            subjects=(owner.id, reference.ref) if owner.id is not None else (reference.ref,),
            nl=f"{owner.nl[0].upper()}{owner.nl[1:]} verwijst naar {kind.nl} '{reference.ref}', {problem_nl} of "
            "verbeter de verwijzing.",
            en=f"{owner.en[0].upper()}{owner.en[1:]} refers to {kind.en} '{reference.ref}', {problem_en} or "
            "correct the reference.",
        )


# --- PA002: duplicate ids ----------------------------------------------------------------------------------


def _id_lists(agreement: Agreement) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Every list whose items carry an id, as its path and the ids in file order."""
    yield "$.parties", tuple(item.id for item in agreement.parties)
    yield "$.areas", tuple(item.id for item in agreement.areas)
    yield "$.groups", tuple(item.id for item in agreement.groups)
    yield "$.themes", tuple(item.id for item in agreement.themes)
    yield "$.goals", tuple(item.id for item in agreement.goals)
    yield "$.indicators", tuple(item.id for item in agreement.indicators)
    yield "$.frameworks", tuple(item.id for item in agreement.frameworks)
    yield "$.targets", tuple(item.id for item in agreement.targets)
    yield "$.commitments", tuple(item.id for item in agreement.commitments)
    if agreement.process is not None:
        yield "$.process.products", tuple(item.id for item in agreement.process.products)
    yield "$.amendments", tuple(item.id for item in agreement.amendments)


@rule(
    "PA002",
    severity=Severity.ERROR,
    title_nl="Dubbele id",
    title_en="Duplicate id",
    source=_ONE_READING,
)
def duplicate_id(ctx: RuleContext) -> Iterator[Finding]:
    """An id that occurs more than once in one list (parties, areas, themes, commitments, ...).

    Handbook: "Hiervoor helpt allereerst een duidelijk overzicht van feiten en cijfers die maar op één manier
    interpreteerbaar zijn."

    The path is at each later item with the id (the first one is the one every lookup finds). Ids need only be
    unique within their own list: a party and an area may share an id.
    """
    for path, ids in _id_lists(ctx.agreement):
        if len(set(ids)) == len(ids):  # the common case, told in C: no id occurs twice
            continue
        first: dict[str, int] = {}
        for position, item_id in enumerate(ids):
            earlier = first.setdefault(item_id, position)
            if earlier == position:
                continue
            yield ctx.finding(
                path=f"{path}[{position}]",
                subjects=(item_id,),
                nl=f"De id '{item_id}' komt meer dan eens voor in {path[2:]} (eerst bij {path}[{earlier}]): "
                "geef elk item een eigen id of voeg de twee samen.",
                en=f"The id '{item_id}' occurs more than once in {path[2:]} (first at {path}[{earlier}]): "
                "give every item its own id or merge the two.",
            )


# --- PA003: years outside the perspective ------------------------------------------------------------------


@rule(
    "PA003",
    severity=Severity.ERROR,
    title_nl="Jaar buiten het perspectief",
    title_en="Year outside the perspective",
    source='Handreiking, Een heldere bestuurlijke opdracht: "een meerjarig gedeeld perspectief (+/- 5 jaar '
    'vooruit) gecombineerd met concrete jaarafspraken"',
)
def year_outside_perspective(ctx: RuleContext) -> Iterator[Finding]:
    """A commitment's year, or a target's ``by`` or ``from``, outside the perspective.

    Handbook: "Meest gehoorde succesformule: een meerjarig gedeeld perspectief (+/- 5 jaar vooruit) gecombineerd
    met concrete jaarafspraken."

    Both ends of the perspective are included. A target without ``from`` starts at the perspective's start, so
    only a ``from`` written in the file can be outside. The year of a commitment that is not public is not quoted.
    """
    perspective = ctx.agreement.perspective
    span = f"{perspective.start}-{perspective.end}"
    for i, commitment in enumerate(ctx.agreement.commitments):
        if commitment.year is None or commitment.year in perspective:
            continue
        year_nl = f" ({commitment.year})" if ctx.quotable(commitment) else ""
        yield ctx.finding(
            path=f"$.commitments[{i}].year",
            subjects=(commitment.id,),
            nl=f"Het jaar van afspraak {commitment.id}{year_nl} ligt buiten het perspectief {span}: "
            "verbeter het jaar of verruim het perspectief.",
            en=f"The year of commitment {commitment.id}{year_nl} lies outside the perspective {span}: "
            "correct the year or widen the perspective.",
        )
    for i, target in enumerate(ctx.agreement.targets):
        for key, year in (("from", target.from_year), ("by", target.by)):
            if year is None or year in perspective:
                continue
            yield ctx.finding(
                path=f"$.targets[{i}].{key}",
                subjects=(target.id,),
                nl=f"Doelstelling {target.id} heeft '{key}: {year}', buiten het perspectief {span}: "
                "verbeter het jaar of verruim het perspectief.",
                en=f"Target {target.id} has '{key}: {year}', outside the perspective {span}: "
                "correct the year or widen the perspective.",
            )


# --- PA004: a date order that cannot be --------------------------------------------------------------------


@rule(
    "PA004",
    severity=Severity.ERROR,
    title_nl="Onmogelijke volgorde van data",
    title_en="Impossible order of dates",
    source='Handreiking, Deadlines helpen: "Even terugrekenen"; Woningwet art. 44 (FACTS §1.4): '
    '"Negotiations start after the bod."',
)
def impossible_date_order(ctx: RuleContext) -> Iterator[Finding]:
    """A milestone other than a bid dated before the process start.

    Handbook: "Even terugrekenen: wanneer wil je ze getekend hebben, wanneer besluitvorming bij de betrokken
    partijen, wanneer een afgerond concept bestuurlijk bespreken?"
    FACTS §1.4: "Negotiations start after the bod."

    The process start is ``process.started``, else the earliest kickoff; a bid comes before the talks by law and is
    exempt. Missed milestones are ignored (DESIGN §4, milestone status); a milestone on the start day itself is
    fine. The other half of DESIGN's PA004, a perspective that ends before it starts, cannot reach a rule: the
    model refuses it when the file is loaded (a `LoadError` at ``$.perspective.end``).
    """
    start = ctx.process_start
    if start is None:
        return
    process = ctx.agreement.process
    explicit = process is not None and process.started is not None
    start_nl = f"de start van het proces ({start.isoformat()})" if explicit else f"de kickoff ({start.isoformat()})"
    start_en = f"the process start ({start.isoformat()})" if explicit else f"the kickoff ({start.isoformat()})"
    for placed in ctx.milestones:
        milestone = placed.milestone
        if milestone.kind is MilestoneKind.BID or milestone.date >= start:
            continue
        who_nl = f" van {milestone.party}" if milestone.party else ""
        who_en = f" of {milestone.party}" if milestone.party else ""
        yield ctx.finding(
            path=placed.path,
            subjects=(milestone.party,) if milestone.party else (),
            nl=f"De mijlpaal {milestone.kind.value}{who_nl} op {milestone.date.isoformat()} ligt vóór {start_nl}: "
            "verbeter de datum of de start van het proces.",
            en=f"The {milestone.kind.value} milestone{who_en} on {milestone.date.isoformat()} is before {start_en}: "
            "correct the date or the process start.",
        )


# --- PA005: values that make no sense for their indicator ---------------------------------------------------


def _nonsense(indicator: Indicator, value: float, *, level: bool) -> tuple[str, str] | None:
    """Why *value* makes no sense for *indicator* (in Dutch and English), or None.

    *level* says the value is a level of a stock (a realised level, a baseline), not a change of it.
    """
    if not math.isfinite(value):
        return ("geen eindig getal", "not a finite number")
    if indicator.aggregation is Aggregation.RATIO and not 0 <= value <= 1:
        return ("een aandeel buiten 0..1", "a share outside 0..1")
    if indicator.aggregation is Aggregation.FLOW and value < 0:
        return ("een negatieve stroom", "a negative flow")
    if indicator.aggregation is Aggregation.STOCK and level and value < 0:
        return ("een negatieve voorraad", "a negative stock level")
    return None


def _realisation_indicator(ctx: RuleContext, realisation: Realisation) -> tuple[Indicator | None, bool]:
    """The indicator a realisation measures, and whether its value is a level (not a change) of a stock.

    A commitment's figures start at 0 (DESIGN §5), so for a stock they are a change; a target's and an indicator's
    figures are the level itself.
    """
    index = ctx.index
    if realisation.commitment is not None:
        commitment = index.commitments.get(realisation.commitment)
        indicator_id = commitment.indicator if commitment is not None else None
        return (index.indicators.get(indicator_id) if indicator_id is not None else None), False
    if realisation.target is not None:
        target = index.targets.get(realisation.target)
        return (index.indicators.get(target.indicator) if target is not None else None), True
    return (index.indicators.get(realisation.indicator) if realisation.indicator is not None else None), True


class _Value(NamedTuple):
    """A value that makes no sense: where it is, whose it is, why, and whether the message may quote it."""

    path: str
    owner_nl: str
    owner_en: str
    subject: str
    value: float
    indicator: Indicator
    reason: tuple[str, str]
    quotable: bool


def _nonsense_target_values(ctx: RuleContext) -> Iterator[_Value]:
    """The values, breakdown parts and baselines of the targets that make no sense for their indicator."""
    indicators = ctx.index.indicators
    for i, target in enumerate(ctx.agreement.targets):
        indicator = indicators.get(target.indicator)
        if indicator is None:
            continue
        path = f"$.targets[{i}]"
        if reason := _nonsense(indicator, target.value, level=False):
            yield _Value(
                path=f"{path}.value",
                owner_nl=f"de waarde van doelstelling {target.id}",
                owner_en=f"the value of target {target.id}",
                subject=target.id,
                value=target.value,
                indicator=indicator,
                reason=reason,
                quotable=True,
            )
        for key, part in target.breakdown.items():
            # A part of the target's value: for a stock, a change too.
            if reason := _nonsense(indicator, part, level=False):
                yield _Value(
                    path=f"{path}.breakdown['{key}']",
                    owner_nl=f"het deel van {key} in doelstelling {target.id}",
                    owner_en=f"the part of {key} in target {target.id}",
                    subject=target.id,
                    value=part,
                    indicator=indicator,
                    reason=reason,
                    quotable=True,
                )
        # For a stock, the baseline is the level at the end of the baseline year.
        if target.baseline is not None and (reason := _nonsense(indicator, target.baseline.value, level=True)):
            yield _Value(
                path=f"{path}.baseline.value",
                owner_nl=f"de nulmeting van doelstelling {target.id}",
                owner_en=f"the baseline of target {target.id}",
                subject=target.id,
                value=target.baseline.value,
                indicator=indicator,
                reason=reason,
                quotable=True,
            )


def _nonsense_values(ctx: RuleContext) -> Iterator[_Value]:
    """Every value in the file whose indicator is known and that makes no sense for it, in file order.

    A value is judged before it is described: describing every value of a large agreement costs more than judging.
    """
    yield from _nonsense_target_values(ctx)
    indicators = ctx.index.indicators
    for i, commitment in enumerate(ctx.agreement.commitments):
        if commitment.value is None or commitment.indicator is None or commitment.indicator not in indicators:
            continue
        # A commitment on a stock promises a change.
        indicator = indicators[commitment.indicator]
        if reason := _nonsense(indicator, commitment.value, level=False):
            yield _Value(
                path=f"$.commitments[{i}].value",
                owner_nl=f"de waarde van afspraak {commitment.id}",
                owner_en=f"the value of commitment {commitment.id}",
                subject=commitment.id,
                value=commitment.value,
                indicator=indicator,
                reason=reason,
                quotable=ctx.quotable(commitment),
            )
    for i, realisation in enumerate(ctx.agreement.realisations):
        found, level = _realisation_indicator(ctx, realisation)
        value = realisation.value  # None: an outcome without a figure
        if found is None or value is None or not (reason := _nonsense(found, value, level=level)):
            continue
        kind, subject = realisation.subject
        quotable = ctx.quotable(realisation)
        yield _Value(
            path=f"$.realisations[{i}].value",
            owner_nl=f"de gerealiseerde waarde van {subject}" + (f" over {realisation.year}" if quotable else ""),
            owner_en=f"the realised value of {kind} {subject}" + (f" for {realisation.year}" if quotable else ""),
            subject=subject,
            value=value,
            indicator=found,
            reason=reason,
            quotable=quotable,
        )


@rule(
    "PA005",
    severity=Severity.ERROR,
    title_nl="Waarde past niet bij de indicator",
    title_en="Value makes no sense for its indicator",
    source=_ONE_READING,
)
def nonsense_value(ctx: RuleContext) -> Iterator[Finding]:
    """A value that makes no sense for its indicator: a share outside 0..1, a negative flow, a negative stock level.

    Handbook: "Hiervoor helpt allereerst een duidelijk overzicht van feiten en cijfers die maar op één manier
    interpreteerbaar zijn."

    Judged: target values, breakdown parts and baselines, commitment values and realisation values, each against
    the indicator it measures (for a realisation: the indicator of its commitment or target), and a framework's
    ``min``/``max``, which are shares. A stock target's value and breakdown parts are a net change and may be
    negative, and so is a commitment's value or realised figure on a stock (it starts at 0, DESIGN §5); a stock
    level (a baseline, a realisation of a target or an indicator) may not. A cumulative indicator has no bounds
    here: a running total of a change may go either way. A value without a known indicator is skipped (PA001,
    PA308). The value of a commitment or realisation that is not public is never quoted.
    """
    for item in _nonsense_values(ctx):
        reason = item.reason
        shown = f"{_number(item.value)}: " if item.quotable else ""
        aggregation = item.indicator.aggregation.value
        yield ctx.finding(
            path=item.path,
            subjects=(item.subject, item.indicator.id),
            nl=f"{item.owner_nl[0].upper()}{item.owner_nl[1:]} is {shown}{reason[0]}, en dat kan niet bij "
            f"indicator {item.indicator.id} ({aggregation}): verbeter de waarde of kies de juiste indicator.",
            en=f"{item.owner_en[0].upper()}{item.owner_en[1:]} is {shown}{reason[1]}, which cannot be for "
            f"indicator {item.indicator.id} ({aggregation}): correct the value or choose the right indicator.",
        )
    for i, framework in enumerate(ctx.agreement.frameworks):
        for key, share in (("min", framework.min), ("max", framework.max)):
            if share is None or (math.isfinite(share) and 0 <= share <= 1):
                continue
            yield ctx.finding(
                path=f"$.frameworks[{i}].{key}",
                subjects=(framework.id,),
                nl=f"Kader {framework.id} heeft '{key}: {_number(share)}', maar een aandeel ligt tussen 0 en 1: "
                "schrijf bijvoorbeeld 30% als 0.30.",
                en=f"Framework {framework.id} has '{key}: {_number(share)}', but a share lies between 0 and 1: "
                "write 30% as 0.30, for example.",
            )
