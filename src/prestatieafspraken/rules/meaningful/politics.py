"""PA208-PA210, "Houd oog voor de politieke context van gemeenten": elections; central and smaller municipalities."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping

import attrs
import pendulum

from prestatieafspraken.calendar import ElectionWindow
from prestatieafspraken.model import Aggregation, Area, AreaKind, Commitment, Milestone, MilestoneKind, PartyKind
from prestatieafspraken.rules._phrases import capitalised, iso_date, of_party, percent
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.registry import WIDER_THAN_LOCAL, rule
from prestatieafspraken.vocabulary import label, the

_POLITICS = "Handreiking, Houd oog voor de politieke context van gemeenten"

#: Years between two regular elections, and the first and last year of the calendar.
_CYCLE = 4
_FIRST_YEAR, _LAST_YEAR = dt.date.min.year, dt.date.max.year

#: The milestones of decision-making (besluitvorming) that PA208 judges.
_DECISION_MAKING = frozenset({MilestoneKind.DECISION, MilestoneKind.SUPERVISORY_APPROVAL, MilestoneKind.SIGNING})


def _calendar_keys(ctx: RuleContext, party_id: str) -> tuple[str, ...]:
    """The keys of ``municipal_elections`` (configuration) that apply to a party, without repeats.

    Matched in this order: the party id itself, then each area of the party (``parties[].areas``) by its area id,
    else by its ``cbs_code``. An empty result means the regular election dates apply.
    """
    configured = ctx.calendar.per_municipality
    if not configured:
        return ()
    keys: dict[str, None] = {}
    if party_id in configured:
        keys[party_id] = None
    party = ctx.index.parties.get(party_id)
    for area_id in party.areas if party is not None else ():
        area = ctx.index.areas.get(area_id)
        if area_id in configured:
            keys[area_id] = None
        elif area is not None and area.cbs_code is not None and area.cbs_code in configured:
            keys[area.cbs_code] = None
    return tuple(keys)


def _key_sets(ctx: RuleContext, party_ids: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    """The calendars that apply to some parties: each a tuple of configured keys, or ``()`` for the regular dates."""
    return tuple(dict.fromkeys(_calendar_keys(ctx, party) for party in party_ids))


def _councils(ctx: RuleContext, milestone: Milestone) -> tuple[list[str], bool]:
    """Whose elections a milestone of decision-making falls under: the municipalities, and whether a province.

    A milestone of a municipality is the municipality's; one of a party that represents municipalities (a
    stadsregio that decides and signs "namens de gemeenten") is theirs; one of a province is the province's. A
    milestone without a party is of every counted party. A decision or approval of a corporation, a tenant
    organisation or any other party is none of them: its raad van commissarissen or achterban may meet then.
    """
    parties = [milestone.party] if milestone.party is not None else [party.id for party in ctx.counted_parties]
    municipalities: dict[str, None] = {}
    province = False
    for party_id in parties:
        party = ctx.index.parties.get(party_id)
        if party is None:
            continue
        if party.kind is PartyKind.PROVINCE:
            province = True
        elif party.kind is PartyKind.MUNICIPALITY:
            municipalities[party.id] = None
        elif milestone.party is not None:  # a representative decides for the municipalities it represents
            for member in party.represents:
                known = ctx.index.parties.get(member)
                if known is not None and known.kind is PartyKind.MUNICIPALITY:
                    municipalities[member] = None
    if milestone.kind is not MilestoneKind.SIGNING and milestone.party is None:
        municipalities.clear()  # a decision of all is no municipality's council decision in particular
        province = False
    return list(municipalities), province


def _window(ctx: RuleContext, milestone: Milestone) -> ElectionWindow | None:
    """The election window of a council concerned that contains the milestone's date, if any."""
    municipalities, province = _councils(ctx, milestone)
    for keys in _key_sets(ctx, municipalities):
        for key in keys or (None,):
            window = ctx.calendar.window_containing(milestone.date, municipality=key)
            if window is not None:
                return window
    if province:
        return _provincial_window(ctx, milestone.date)
    return None


def _provincial_window(ctx: RuleContext, day: pendulum.Date) -> ElectionWindow | None:
    """The window around a Provinciale Statenverkiezing that contains *day*, with the weeks of the municipal ones."""
    calendar = ctx.calendar
    elections = calendar.provincial_elections(max(day.year - 1, _FIRST_YEAR), min(day.year + 1, _LAST_YEAR))
    for election in elections:
        ordinal = election.date.toordinal()
        window = ElectionWindow(
            election=election,
            start=_clamped(ordinal - 7 * calendar.weeks_before),
            end=_clamped(ordinal + 7 * calendar.weeks_after),
        )
        if window.contains(day):
            return window
    return None


def _clamped(ordinal: int) -> pendulum.Date:
    """The day of an ordinal, kept within the calendar (0001-01-01 to 9999-12-31)."""
    return pendulum.Date.fromordinal(min(max(ordinal, dt.date.min.toordinal()), dt.date.max.toordinal()))


@rule(
    "PA208",
    severity=Severity.WARNING,
    title_nl="Besluitvorming rond gemeenteraadsverkiezingen",
    title_en="Decision-making around municipal elections",
    source=_POLITICS + ': "vermijden dat besluitvorming rond gemeenteraadsverkiezingen plaatsvindt"',
    params={"election_weeks_before": 6, "election_weeks_after": 13},
)
def decision_in_election_window(ctx: RuleContext) -> Iterator[Finding]:
    """A municipality's decision, council approval or signing (not missed) falls inside an election window.

    Handbook: "Probeer daarnaast te vermijden dat besluitvorming rond gemeenteraadsverkiezingen plaatsvindt."

    The sentence is about the municipalities' decision-making. Judged: a decision, supervisory approval
    (instemming van de gemeenteraad) or signing of a municipality, or of a party that represents municipalities
    (a stadsregio that signs "namens de gemeenten"), and a signing without a party (every counted party signs,
    the municipalities among them). A province's decisions, approvals and signings are judged against the
    Provinciale Statenverkiezingen instead, with the same weeks. A decision without a party is no council's in
    particular and is not judged; nor are the decisions of a corporation, whose raad van commissarissen, or of a
    tenant organisation, whose members, may well meet around the elections.

    The window runs from ``election_weeks_before`` weeks before to ``election_weeks_after`` weeks after each
    election, both ends included (2022: 2022-02-02 to 2022-06-15). Where the configuration gives a municipality
    its own election dates (``municipal-elections``, herindeling), a milestone of a municipality uses them when
    the key is the party id, or the id or ``cbs_code`` of one of the party's areas; those dates then replace the
    regular ones for that municipality. A signing without a party is judged against the calendar of each counted
    municipality.
    """
    for placed in ctx.milestones:
        milestone = placed.milestone
        if milestone.kind not in _DECISION_MAKING:
            continue
        window = _window(ctx, milestone)
        if window is None:
            continue
        election = label(window.election.kind, "nl"), label(window.election.kind, "en")
        period = f"{iso_date(window.start)} - {iso_date(window.end)}"
        yield ctx.finding(
            path=placed.path,
            subjects=placed.parties,
            nl=f"{capitalised(the(milestone.kind, 'nl'))}{of_party(milestone.party, 'nl')} op "
            f"{iso_date(milestone.date)} valt in de periode rond de {election[0]} van "
            f"{iso_date(window.election.date)} ({period}): plan de besluitvorming buiten die periode.",
            en=f"{capitalised(the(milestone.kind, 'en'))}{of_party(milestone.party, 'en')} on "
            f"{iso_date(milestone.date)} falls in the period around the {election[1]} of "
            f"{iso_date(window.election.date)} ({period}): plan the decision-making outside that period.",
        )


@rule(
    "PA209",
    severity=Severity.INFO,
    title_nl="Geen evaluatie na de gemeenteraadsverkiezingen",
    title_en="No evaluation after the municipal elections",
    source=_POLITICS + ': "Een nieuw gekozen portefeuillehouder"',
)
def no_evaluation_after_election(ctx: RuleContext) -> Iterator[Finding]:
    """A municipal election in the perspective is followed by no evaluation before the next election.

    Handbook: "Een nieuw gekozen portefeuillehouder kan daarnaast weer met eigen ideeën de samenwerking een
    impuls geven of op punten willen veranderen."

    Each election is judged on its own: an election in one of the perspective's years is followed by an
    evaluation dated strictly after it and strictly before the next election of the same calendar (however far
    the next one lies beyond the perspective), so one evaluation after the last election no longer covers the
    earlier ones. Evaluations that are planned or done count (missed ones are ignored). The elections are those
    of the counted parties: their own configured dates where they have them (as PA208 matches them), else the
    regular ones. One finding per election that no evaluation follows.
    """
    perspective = ctx.agreement.perspective
    evaluations = sorted(placed.milestone.date for placed in ctx.milestones_of(MilestoneKind.EVALUATION))
    counted = [party.id for party in ctx.counted_parties]
    uncovered: dict[pendulum.Date, None] = {}
    for keys in _key_sets(ctx, counted) or ((),):
        for key in keys or (None,):
            # Elections to one cycle past the perspective, so that the last one in it has its successor.
            elections = [
                election.date
                for election in ctx.calendar.municipal_elections(
                    perspective.start, min(perspective.end + _CYCLE, _LAST_YEAR), municipality=key
                )
            ]
            for day, following in zip(elections, [*elections[1:], None], strict=False):
                if day.year > perspective.end:
                    break
                if not any(
                    day < evaluated and (following is None or evaluated < following) for evaluated in evaluations
                ):
                    uncovered[day] = None
    for election in sorted(uncovered):
        yield ctx.finding(
            path="$.perspective",
            nl=f"Het perspectief loopt over de gemeenteraadsverkiezingen van {iso_date(election)}, maar er is geen "
            "evaluatie gepland tussen die verkiezingen en de volgende: plan een evaluatie met de nieuwe "
            "portefeuillehouder(s).",
            en=f"The perspective spans the municipal elections of {iso_date(election)}, but no evaluation is "
            "planned between them and the next ones: plan an evaluation with the newly elected portfolio "
            "holder(s).",
        )


# --- Central and smaller municipalities, PA210 ---------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Weights:
    """The municipalities of an agreement with their weights (PA210)."""

    areas: tuple[tuple[int, Area], ...]
    """The position and area of each municipality, in file order."""
    weights: Mapping[str, float] = attrs.field(hash=False)
    name_nl: str
    name_en: str


def _area_weights(ctx: RuleContext) -> _Weights | None:
    """The areas of kind municipality (at least two) with their dwellings, else population, as weights.

    None when fewer than two municipalities, when neither weight is given for every one of them, or when the
    weights add up to zero.
    """
    areas = tuple(
        (position, ctx.agreement.areas[position])
        for position in ctx.positions("areas").values()
        if ctx.agreement.areas[position].kind is AreaKind.MUNICIPALITY
    )
    if len(areas) < 2:  # noqa: PLR2004 - a distribution needs two areas
        return None
    if all(area.dwellings is not None for _, area in areas):
        weights = {area.id: float(area.dwellings or 0) for _, area in areas}
        names = ("de woningvoorraad", "the dwellings")
    elif all(area.population is not None for _, area in areas):
        weights = {area.id: float(area.population or 0) for _, area in areas}
        names = ("de bevolking", "the population")
    else:
        return None
    if sum(weights.values()) <= 0:
        return None
    return _Weights(areas=areas, weights=weights, name_nl=names[0], name_en=names[1])


def _committed_per_area(
    ctx: RuleContext, areas: Mapping[str, object]
) -> tuple[dict[str, dict[str, float]], dict[str, list[Commitment]]]:
    """Per indicator, the committed values summed per area (of *areas*), and the commitments they come from."""
    committed: defaultdict[str, defaultdict[str, float]] = defaultdict(lambda: defaultdict(float))
    items: defaultdict[str, list[Commitment]] = defaultdict(list)
    for commitment in ctx.agreement.commitments:
        if commitment.indicator is None or commitment.value is None or commitment.area is None:
            continue
        if commitment.area in areas:
            committed[commitment.indicator][commitment.area] += commitment.value
            items[commitment.indicator].append(commitment)
    return {key: dict(value) for key, value in committed.items()}, dict(items)


@rule(
    "PA210",
    severity=Severity.INFO,
    title_nl="Verdeling over gemeenten wijkt af van hun omvang",
    title_en="Distribution over municipalities deviates from their size",
    source=_POLITICS + ": centrumgemeenten en kleinere gemeenten",
    params={"area_weight_factor": 2},
    scopes=WIDER_THAN_LOCAL,
)
def area_share_deviates(ctx: RuleContext) -> Iterator[Finding]:
    """A municipality's share of the committed quantities deviates from its weight share by more than a factor.

    Handbook: "Zo kan een kleinere gemeente het gevoel hebben dat een centrumgemeente te veel bepaalt, terwijl
    een grotere gemeente het gevoel kan hebben dat kleinere gemeenten weinig bijdragen."

    Only for regional or wider agreements. The areas compared are the agreement's areas of kind municipality,
    at least two, weighted by ``dwellings`` when every one has them, else by ``population`` when every one has
    it (otherwise nothing is judged). Per indicator, the values of the commitments with that indicator and one
    of those areas are summed per area, over all years; an indicator committed in fewer than two of the areas is
    not a distribution and is skipped, as are ratio indicators and a total of zero or less. An area whose share
    of the total is more than ``area_weight_factor`` times its weight share, or less than its weight share
    divided by it, is reported (exactly the factor is not). Shares of commitments that are not public are not
    quoted.
    """
    weighted = _area_weights(ctx)
    if weighted is None:
        return
    weights = weighted.weights
    total_weight = sum(weights.values())
    committed, items = _committed_per_area(ctx, weights)
    factor = float(ctx.param("area_weight_factor"))
    for indicator_id, per_area in committed.items():
        indicator = ctx.index.indicators.get(indicator_id)
        if indicator is not None and indicator.aggregation is Aggregation.RATIO:
            continue
        total = sum(per_area.values())
        if len(per_area) < 2 or total <= 0:  # noqa: PLR2004 - a distribution needs two areas
            continue
        quotable = ctx.quotable(*items[indicator_id])
        for position, area in weighted.areas:
            amount, weight = per_area.get(area.id, 0.0), weights[area.id]
            too_much = amount * total_weight > factor * weight * total
            too_little = amount * total_weight * factor < weight * total
            if not (too_much or too_little):
                continue
            share_nl = f" ({percent(amount / total, 'nl')})" if quotable else ""
            share_en = f" ({percent(amount / total, 'en')})" if quotable else ""
            more_nl, more_en = ("groter", "larger") if too_much else ("kleiner", "smaller")
            yield ctx.finding(
                path=f"$.areas[{position}]",
                subjects=(area.id, indicator_id),
                nl=f"Het aandeel van {area.name} ({area.id}) in de toegezegde {indicator_id}{share_nl} is meer dan "
                f"een factor {factor:g} {more_nl} dan haar aandeel in {weighted.name_nl} "
                f"({percent(weight / total_weight, 'nl')}): bespreek de verdeling tussen centrumgemeenten en "
                "kleinere gemeenten.",
                en=f"The share of {area.name} ({area.id}) in the committed {indicator_id}{share_en} is more than a "
                f"factor {factor:g} {more_en} than its share of {weighted.name_en} "
                f"({percent(weight / total_weight, 'en')}): discuss the distribution between the central and the "
                "smaller municipalities.",
            )
