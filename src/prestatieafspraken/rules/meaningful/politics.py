"""PA208-PA210, "Houd oog voor de politieke context van gemeenten": elections; central and smaller municipalities."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping

import attrs
import pendulum

from prestatieafspraken.calendar import ElectionWindow
from prestatieafspraken.model import Aggregation, Area, AreaKind, Commitment, Milestone, MilestoneKind
from prestatieafspraken.rules._phrases import iso_date, of_party, percent
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.registry import WIDER_THAN_LOCAL, rule

_POLITICS = "Handreiking, Houd oog voor de politieke context van gemeenten"

_DECISIONS: Mapping[MilestoneKind, tuple[str, str]] = {
    MilestoneKind.DECISION: ("Het besluit", "The decision"),
    MilestoneKind.SUPERVISORY_APPROVAL: ("De goedkeuring door het toezichthoudend orgaan", "The supervisory approval"),
    MilestoneKind.SIGNING: ("De ondertekening", "The signing"),
}


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


def _key_sets(ctx: RuleContext, party_id: str | None) -> tuple[tuple[str, ...], ...]:
    """The calendars that apply to a milestone of a party, or (without a party) of every counted party.

    Each is a tuple of configured keys, or ``()`` for the regular dates; without counted parties, the regular ones.
    """
    parties = [party_id] if party_id is not None else [party.id for party in ctx.counted_parties]
    found = dict.fromkeys(_calendar_keys(ctx, party) for party in parties)
    return tuple(found) or ((),)


def _window(ctx: RuleContext, milestone: Milestone) -> ElectionWindow | None:
    """The election window of a party concerned that contains the milestone's date, if any."""
    for keys in _key_sets(ctx, milestone.party):
        for key in keys or (None,):
            window = ctx.calendar.window_containing(milestone.date, municipality=key)
            if window is not None:
                return window
    return None


@rule(
    "PA208",
    severity=Severity.WARNING,
    title_nl="Besluitvorming rond gemeenteraadsverkiezingen",
    title_en="Decision-making around municipal elections",
    source=_POLITICS + ': "vermijden dat besluitvorming rond gemeenteraadsverkiezingen plaatsvindt"',
    params={"election_weeks_before": 6, "election_weeks_after": 13},
)
def decision_in_election_window(ctx: RuleContext) -> Iterator[Finding]:
    """A decision, supervisory approval or signing (not missed) of any party falls inside an election window.

    Handbook: "Probeer daarnaast te vermijden dat besluitvorming rond gemeenteraadsverkiezingen plaatsvindt."

    The window runs from ``election_weeks_before`` weeks before to ``election_weeks_after`` weeks after each
    municipal election, both ends included (2022: 2022-02-02 to 2022-06-15). Where the configuration gives a
    municipality its own election dates (``municipal-elections``, herindeling), a milestone of a party uses
    them when the key is the party id, or the id or ``cbs_code`` of one of the party's areas; those dates then
    replace the regular ones for that party. A milestone without a party is of every counted party: it is judged
    against the calendar of each of them.
    """
    for placed in ctx.milestones:
        names = _DECISIONS.get(placed.milestone.kind)
        if names is None:
            continue
        window = _window(ctx, placed.milestone)
        if window is None:
            continue
        milestone = placed.milestone
        period = f"{iso_date(window.start)} - {iso_date(window.end)}"
        yield ctx.finding(
            path=placed.path,
            subjects=placed.parties,
            nl=f"{names[0]}{of_party(milestone.party, 'nl')} op {iso_date(milestone.date)} valt in de periode rond "
            f"de gemeenteraadsverkiezingen van {iso_date(window.election.date)} ({period}): plan de besluitvorming "
            "buiten die periode.",
            en=f"{names[1]}{of_party(milestone.party, 'en')} on {iso_date(milestone.date)} falls in the period "
            f"around the municipal elections of {iso_date(window.election.date)} ({period}): plan the "
            "decision-making outside that period.",
        )


def _elections(ctx: RuleContext, first_year: int, last_year: int) -> tuple[pendulum.Date, ...]:
    """The municipal election days in those years for the counted parties (their own dates where configured)."""
    days: set[pendulum.Date] = set()
    for keys in _key_sets(ctx, None):
        for key in keys or (None,):
            days.update(
                election.date for election in ctx.calendar.municipal_elections(first_year, last_year, municipality=key)
            )
    return tuple(sorted(days))


@rule(
    "PA209",
    severity=Severity.INFO,
    title_nl="Geen evaluatie na de gemeenteraadsverkiezingen",
    title_en="No evaluation after the municipal elections",
    source=_POLITICS + ': "Een nieuw gekozen portefeuillehouder"',
)
def no_evaluation_after_election(ctx: RuleContext) -> Iterator[Finding]:
    """The perspective spans a municipal election and no evaluation milestone is dated after it.

    Handbook: "Een nieuw gekozen portefeuillehouder kan daarnaast weer met eigen ideeën de samenwerking een
    impuls geven of op punten willen veranderen."

    An election spans the perspective when it falls in one of its years. Evaluations that are planned or done
    count (missed ones are ignored); one dated strictly after the election follows it. The elections are those
    of the counted parties: their own configured dates where they have them (as PA208 matches them), else the
    regular ones. One finding per election that no evaluation follows.
    """
    perspective = ctx.agreement.perspective
    evaluations = [placed.milestone.date for placed in ctx.milestones_of(MilestoneKind.EVALUATION)]
    latest = max(evaluations, default=None)
    for election in _elections(ctx, perspective.start, perspective.end):
        if latest is not None and latest > election:
            continue
        yield ctx.finding(
            path="$.perspective",
            nl=f"Het perspectief loopt over de gemeenteraadsverkiezingen van {iso_date(election)}, maar er is geen "
            "evaluatie daarna gepland: plan een evaluatie met de nieuwe portefeuillehouder(s).",
            en=f"The perspective spans the municipal elections of {iso_date(election)}, but no evaluation is "
            "planned after them: plan an evaluation with the newly elected portfolio holder(s).",
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
