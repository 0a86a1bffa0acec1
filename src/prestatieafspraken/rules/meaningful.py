"""PA2xx, "Tot betekenisvolle afspraken komen": goals, reciprocity, leads, frameworks, politics, conditions.

PA203, PA204, PA206 and PA211 ask their questions of `prestatieafspraken.graph`, so that the checks and the
graph's answers have one implementation. The graph module is imported inside those rules: importing the rules
must not cost the start-up time of the graph machinery.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence

import attrs
import pendulum

from prestatieafspraken import graph
from prestatieafspraken.calendar import ElectionWindow
from prestatieafspraken.model import (
    Aggregation,
    Area,
    AreaKind,
    Commitment,
    Framework,
    FrameworkScope,
    Milestone,
    MilestoneKind,
    Number,
    Realisation,
    RealisationStatus,
    Scope,
    Target,
    theme_label,
)
from prestatieafspraken.model.themes import STANDARD_THEMES
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.registry import rule

_GOAL = "Handreiking, Tot betekenisvolle afspraken komen: Bespreek met elkaar het doel van afspraken"
_FOCUS = "Handreiking, Tot betekenisvolle afspraken komen: En blijf op je doel focussen!"
_RECIPROCAL = _FOCUS + ': "per definitie wederkerig"'
_QUALITIES = "Handreiking, Benut elkaars kwaliteiten"
_POLITICS = "Handreiking, Houd oog voor de politieke context van gemeenten"


def _first_positions(items: Iterable[object]) -> dict[str, int]:
    """The position of the first item with each id (where an id is duplicated, the first counts, as in the index)."""
    positions: dict[str, int] = {}
    for position, item in enumerate(items):
        positions.setdefault(getattr(item, "id", ""), position)
    return positions


def _date(day: pendulum.Date) -> str:
    return day.isoformat()


def _theme(ctx: RuleContext, theme_id: str, lang: str) -> str:
    """A theme by its label and id ("Beschikbaarheid (availability)"), or by its id alone when it has no label."""
    label = theme_label(theme_id, lang=lang, declared=ctx.index.themes.get(theme_id))
    return theme_id if label == theme_id else f"{label} ({theme_id})"


def _percent(share: float, lang: str) -> str:
    """A share as a percentage with at most two decimals: 0.3 is "30%", 0.28571 is "28,57%" in Dutch."""
    text = f"{share * 100:.2f}".rstrip("0").removesuffix(".")
    return (text.replace(".", ",") if lang == "nl" else text) + "%"


# --------------------------------------------------------------------------------------------------------------
# Goals, rules PA201 and PA202
# --------------------------------------------------------------------------------------------------------------


@rule(
    "PA201",
    severity=Severity.WARNING,
    title_nl="Afspraak dient geen doel",
    title_en="Commitment serves no goal",
    source=_GOAL + ': "afspraken een middel zijn en niet een doel op zichzelf"',
)
def commitment_without_goal(ctx: RuleContext) -> Iterator[Finding]:
    """A commitment serves no goal, directly (``goals``) or through the target it contributes to.

    Handbook: "Soms heb je bijna de neiging om te vergeten dat afspraken een middel zijn en niet een doel op
    zichzelf. Maak daarom ook alleen afspraken met elkaar, wanneer je samen doelen wilt bereiken."

    The question is `prestatieafspraken.graph.commitments_without_goal`: only goals the agreement declares
    count, so a commitment that names only unknown goals serves none (PA001 reports the unknown ids).
    """
    without = graph.commitments_without_goal(ctx.agreement)
    positions = _first_positions(ctx.agreement.commitments) if without else {}
    for commitment_id in without:
        yield ctx.finding(
            path=f"$.commitments[{positions[commitment_id]}]",
            subjects=(commitment_id,),
            nl=f"Afspraak {commitment_id} dient geen doel, niet direct en niet via een doel (target): noem het "
            "doel dat de afspraak dient (goals), of schrap de afspraak.",
            en=f"Commitment {commitment_id} serves no goal, neither directly nor through a target: name the "
            "goal it serves (goals), or drop the commitment.",
        )


@rule(
    "PA202",
    severity=Severity.WARNING,
    title_nl="Doel zonder afspraken",
    title_en="Goal that nothing serves",
    source=_FOCUS,
)
def goal_without_commitments(ctx: RuleContext) -> Iterator[Finding]:
    """A goal that no commitment and no target serves.

    Handbook: "Als je eenmaal samen je doelstelling hebt bepaald, is het ook belangrijk om dit doel voor ogen te
    houden."
    """
    served: set[str] = set()
    for commitment in ctx.agreement.commitments:
        served.update(commitment.goals)
    for target in ctx.agreement.targets:
        served.update(target.goals)
    for goal_id, position in _first_positions(ctx.agreement.goals).items():
        if goal_id not in served:
            yield ctx.finding(
                path=f"$.goals[{position}]",
                subjects=(goal_id,),
                nl=f"Geen afspraak en geen doel (target) dient doel {goal_id}: maak er afspraken over, of laat "
                "het doel vallen.",
                en=f"No commitment and no target serves goal {goal_id}: make commitments for it, or drop the goal.",
            )


# --------------------------------------------------------------------------------------------------------------
# Reciprocity, rules PA203 and PA204
# --------------------------------------------------------------------------------------------------------------


@rule(
    "PA203",
    severity=Severity.WARNING,
    title_nl="Partij geeft alleen",
    title_en="Party only gives",
    source=_RECIPROCAL,
)
def party_only_gives(ctx: RuleContext) -> Iterator[Finding]:
    """A counted party executes commitments but benefits from none.

    Handbook: "Een goed resultaat van meerpartijen(samenwerkings)prestatieafspraken is per definitie
    wederkerig."

    The question is `prestatieafspraken.graph.one_sided_parties`: endorsers, observers and parties that declined
    need not reciprocate.
    """
    positions = _first_positions(ctx.agreement.parties)
    for party_id in graph.one_sided_parties(ctx.agreement).only_give:
        yield ctx.finding(
            path=f"$.parties[{positions[party_id]}]",
            subjects=(party_id,),
            nl=f"{party_id} voert afspraken uit maar is van geen enkele afspraak begunstigde (for): afspraken "
            f"zijn wederkerig, leg vast wat de andere partijen voor {party_id} doen.",
            en=f"{party_id} executes commitments but benefits from none (for): agreements are reciprocal, record "
            f"what the other parties do for {party_id}.",
        )


@rule(
    "PA204",
    severity=Severity.WARNING,
    title_nl="Partij ontvangt alleen",
    title_en="Party only receives",
    source=_RECIPROCAL,
)
def party_only_receives(ctx: RuleContext) -> Iterator[Finding]:
    """A counted party benefits from commitments but executes none.

    Handbook: "Een goed resultaat van meerpartijen(samenwerkings)prestatieafspraken is per definitie
    wederkerig."

    The question is `prestatieafspraken.graph.one_sided_parties`: endorsers, observers and parties that declined
    need not reciprocate.
    """
    positions = _first_positions(ctx.agreement.parties)
    for party_id in graph.one_sided_parties(ctx.agreement).only_receive:
        yield ctx.finding(
            path=f"$.parties[{positions[party_id]}]",
            subjects=(party_id,),
            nl=f"{party_id} is begunstigde van afspraken maar voert er zelf geen uit (by): afspraken zijn "
            f"wederkerig, leg vast wat {party_id} zelf bijdraagt.",
            en=f"{party_id} benefits from commitments but executes none (by): agreements are reciprocal, record "
            f"what {party_id} contributes.",
        )


# --------------------------------------------------------------------------------------------------------------
# Theme leads, rules PA205 and PA206
# --------------------------------------------------------------------------------------------------------------


@rule(
    "PA205",
    severity=Severity.WARNING,
    title_nl="Thema zonder trekker",
    title_en="Theme without a lead",
    source=_QUALITIES + ': "De één mag op het ene thema trekker zijn"',
)
def theme_without_lead(ctx: RuleContext) -> Iterator[Finding]:
    """A theme that has commitments and no lead (trekker).

    Handbook: "De één mag op het ene thema trekker zijn, terwijl de ander op een ander thema trekker wordt."

    A declared theme without ``lead`` is reported at its declaration; a standard theme that commitments name
    without declaring it has no lead either, and is reported at the first commitment that names it. A theme
    that is neither declared nor standard is PA001's.
    """
    declared = _first_positions(ctx.agreement.themes)
    reported: set[str] = set()
    for position, commitment in enumerate(ctx.agreement.commitments):
        theme_id = commitment.theme
        if theme_id is None or theme_id in reported:
            continue
        reported.add(theme_id)
        if theme_id in declared:
            if ctx.index.themes[theme_id].lead is not None:
                continue
            path = f"$.themes[{declared[theme_id]}]"
        elif theme_id in STANDARD_THEMES:
            path = f"$.commitments[{position}].theme"
        else:
            continue
        yield ctx.finding(
            path=path,
            subjects=(theme_id,),
            nl=f"Het thema {_theme(ctx, theme_id, 'nl')} heeft afspraken maar geen trekker: wijs een partij aan "
            "die het thema trekt (themes: lead).",
            en=f"The theme {_theme(ctx, theme_id, 'en')} has commitments but no lead: name the party that leads "
            "it (themes: lead).",
        )


@rule(
    "PA206",
    severity=Severity.WARNING,
    title_nl="Trekker voert niets uit in eigen thema",
    title_en="Lead executes nothing in its theme",
    source=_QUALITIES + ': "De één mag op het ene thema trekker zijn"',
)
def lead_without_commitments(ctx: RuleContext) -> Iterator[Finding]:
    """A theme's lead executes no commitment in the theme it leads.

    Handbook: "De één mag op het ene thema trekker zijn, terwijl de ander op een ander thema trekker wordt."

    The question is `prestatieafspraken.graph.leads_without_commitments`: a declared theme with a known lead and
    no commitments at all is reported too, since its lead carries nothing in it.
    """
    positions = _first_positions(ctx.agreement.themes)
    for lead in graph.leads_without_commitments(ctx.agreement):
        yield ctx.finding(
            path=f"$.themes[{positions[lead.theme]}].lead",
            subjects=(lead.theme, lead.lead),
            nl=f"{lead.lead} is trekker van het thema {_theme(ctx, lead.theme, 'nl')} maar voert daarin zelf "
            "geen afspraak uit: laat de trekker bijdragen aan het thema, of wijs een andere trekker aan.",
            en=f"{lead.lead} leads the theme {_theme(ctx, lead.theme, 'en')} but executes no commitment in it: "
            "let the lead contribute to the theme, or name another lead.",
        )


# --------------------------------------------------------------------------------------------------------------
# Frameworks, rule PA207
# --------------------------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Planned:
    """The target values of one indicator: for the agreement as a whole, and per area."""

    total: Number | None
    per_area: Mapping[str, Number] = attrs.field(hash=False)


def _planned(ctx: RuleContext, targets: Sequence[Target]) -> _Planned:
    """The target values of one indicator.

    The total is the sum of the targets without an area (the agreement-wide targets); where there are none, the
    sum of the targets with an area. Per area: the sum of the breakdown entries that name the area; where there
    are none, the sum of the targets with that area.
    """
    overall: list[Number] = []
    by_area: defaultdict[str, list[Number]] = defaultdict(list)
    from_breakdown: defaultdict[str, list[Number]] = defaultdict(list)
    for target in targets:
        if target.area is None:
            overall.append(target.value)
        else:
            by_area[target.area].append(target.value)
        for key, value in target.breakdown.items():
            if key in ctx.index.areas:
                from_breakdown[key].append(value)
    total: Number | None = None
    if overall:
        total = sum(overall)
    elif by_area:
        total = sum(sum(values) for values in by_area.values())
    per_area = {area: sum(values) for area, values in by_area.items()}
    per_area.update({area: sum(values) for area, values in from_breakdown.items()})
    return _Planned(total=total, per_area=per_area)


def _counts(ctx: RuleContext, realisation: Realisation) -> bool:
    """DESIGN §4, As-of: approved, its year not after the as-of year, and reported (if dated) by as-of."""
    return (
        realisation.status is RealisationStatus.APPROVED
        and realisation.year <= ctx.as_of.year
        and (realisation.reported_on is None or realisation.reported_on <= ctx.as_of)
    )


#: Per scope (an area id, or None for the agreement as a whole) and year, the realisations that give the figure.
_Realised = Mapping[str | None, Mapping[int, tuple[Realisation, ...]]]


def _most_aggregate(realisations: Sequence[Realisation]) -> tuple[Realisation, ...]:
    """The realisations that give one figure: those without a party if any (a total), else the per-party ones."""
    whole = tuple(realisation for realisation in realisations if realisation.party is None)
    return whole or tuple(realisations)


def _realised(ctx: RuleContext, indicator_id: str) -> _Realised:
    """The counting realisations that name an indicator, grouped per area and for the agreement, per year.

    Per area and year: the area's realisations without a party, else the sum of its per-party ones. For the
    agreement and a year: the realisations with neither area nor party, else the per-area figures summed, else
    the per-party figures without an area summed.
    """
    grouped: defaultdict[int, defaultdict[str | None, list[Realisation]]] = defaultdict(lambda: defaultdict(list))
    for realisation in ctx.index.realisations_of("indicator", indicator_id):
        if _counts(ctx, realisation):
            grouped[realisation.year][realisation.area].append(realisation)
    result: defaultdict[str | None, dict[int, tuple[Realisation, ...]]] = defaultdict(dict)
    for year, by_area in grouped.items():
        for area, realisations in by_area.items():
            if area is not None:
                result[area][year] = _most_aggregate(realisations)
        without_area = by_area.get(None, [])
        whole = tuple(realisation for realisation in without_area if realisation.party is None)
        if whole:
            result[None][year] = whole
        elif any(area is not None for area in by_area):
            result[None][year] = tuple(
                realisation for area, items in result.items() if area is not None for realisation in items.get(year, ())
            )
        else:
            result[None][year] = tuple(without_area)
    return result


def _value(realisations: Iterable[Realisation]) -> float:
    return float(sum(realisation.value for realisation in realisations))


@attrs.frozen(kw_only=True)
class _Share:
    """One share to judge against a framework."""

    area: str | None
    numerator: float
    denominator: float
    quotable: bool
    basis_nl: str
    basis_en: str


def _target_shares(framework: Framework, numerator: _Planned, denominator: _Planned) -> list[_Share]:
    basis_nl, basis_en = "volgens de doelen (targets)", "according to the targets"
    if framework.per is FrameworkScope.AREA:
        return [
            _Share(
                area=area,
                numerator=float(value),
                denominator=float(denominator.per_area[area]),
                quotable=True,
                basis_nl=basis_nl,
                basis_en=basis_en,
            )
            for area, value in numerator.per_area.items()
            if area in denominator.per_area
        ]
    if numerator.total is None or denominator.total is None:
        return []
    return [
        _Share(
            area=None,
            numerator=float(numerator.total),
            denominator=float(denominator.total),
            quotable=True,
            basis_nl=basis_nl,
            basis_en=basis_en,
        )
    ]


def _realised_shares(ctx: RuleContext, framework: Framework) -> list[_Share]:
    indicators = ctx.index.indicators
    numerator_indicator = indicators.get(framework.numerator)
    denominator_indicator = indicators.get(framework.denominator)
    if numerator_indicator is None or denominator_indicator is None:
        return []
    summed = (
        numerator_indicator.aggregation is Aggregation.FLOW and denominator_indicator.aggregation is Aggregation.FLOW
    )
    numerator, denominator = _realised(ctx, framework.numerator), _realised(ctx, framework.denominator)
    scopes = [area for area in numerator if area is not None] if framework.per is FrameworkScope.AREA else [None]
    shares = []
    for area in scopes:
        top, bottom = numerator.get(area, {}), denominator.get(area, {})
        years = sorted(set(top) & set(bottom))
        if not years:
            continue
        if summed:
            used_top = [item for year in years for item in top[year]]
            used_bottom = [item for year in years for item in bottom[year]]
            span = str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"
            basis_nl = f"volgens de goedgekeurde realisaties over {span}"
            basis_en = f"according to the approved realisations over {span}"
        else:
            used_top, used_bottom = list(top[years[-1]]), list(bottom[years[-1]])
            basis_nl = f"volgens de goedgekeurde realisaties van {years[-1]}"
            basis_en = f"according to the approved realisations of {years[-1]}"
        shares.append(
            _Share(
                area=area,
                numerator=_value(used_top),
                denominator=_value(used_bottom),
                quotable=ctx.quotable(*used_top, *used_bottom),
                basis_nl=basis_nl,
                basis_en=basis_en,
            )
        )
    return shares


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _framework_finding(ctx: RuleContext, framework: Framework, position: int, share: _Share) -> Finding | None:
    if share.denominator <= 0:
        return None  # no share without a (positive) denominator: no finding
    value = share.numerator / share.denominator
    if framework.min is not None and value < framework.min:
        bound, side_nl, side_en = framework.min, "onder het minimum", "below the minimum"
    elif framework.max is not None and value > framework.max:
        bound, side_nl, side_en = framework.max, "boven het maximum", "above the maximum"
    else:
        return None
    where_nl = f"in {share.area}" if share.area is not None else "voor de afspraak als geheel"
    where_en = f"in {share.area}" if share.area is not None else "for the agreement as a whole"
    what_nl = f"het aandeel van {framework.numerator} in {framework.denominator} {where_nl}"
    what_en = f"the share of {framework.numerator} in {framework.denominator} {where_en}"
    value_nl = f" ({_percent(value, 'nl')})" if share.quotable else ""
    value_en = f" ({_percent(value, 'en')})" if share.quotable else ""
    who_nl = f"met {framework.set_by}" if framework.set_by else "met wie het kader stelde"
    who_en = f"with {framework.set_by}" if framework.set_by else "with whoever set it"
    subjects = (framework.id,) if share.area is None else (framework.id, share.area)
    return ctx.finding(
        path=f"$.frameworks[{position}]",
        subjects=subjects,
        nl=f"{_capitalised(share.basis_nl)} ligt {what_nl}{value_nl} {side_nl} van {_percent(bound, 'nl')} dat "
        f"kader {framework.id} stelt: bespreek dit {who_nl} en pas de afspraken of de doelen aan.",
        en=f"{_capitalised(share.basis_en)}, {what_en}{value_en} is {side_en} of {_percent(bound, 'en')} set by "
        f"framework {framework.id}: discuss it {who_en} and adjust the commitments or the targets.",
    )


@rule(
    "PA207",
    severity=Severity.WARNING,
    title_nl="Bovenlokaal kader niet gehaald",
    title_en="Framework share not met",
    source="Handreiking, Houd het bovenlokale belang voor ogen (30% DAEB)",
)
def framework_share(ctx: RuleContext) -> Iterator[Finding]:
    """A framework's minimum or maximum share (numerator indicator in denominator indicator) is not met.

    Handbook: "Haalt een gemeente bijvoorbeeld niet een aandeel van 30% DAEB bij nieuwbouw en is dit wel met een
    provincie afgesproken? Betrek dan ook de provincie bij het bespreken van dit thema."

    The share is judged twice. From the target values: for ``per: agreement`` the totals (the targets of the
    indicator without an area; where there are none, its targets with an area, summed); for ``per: area``, each
    area for which both indicators have a value: the breakdown entries naming the area, else the targets with
    that area. And from the realisations that name the indicators and count as of the check date (approved, year
    and ``reported_on`` not after as-of), in the years where both indicators have them: flows summed over those
    years, otherwise (stock, cumulative) the latest such year. A zero (or negative) denominator, an indicator of
    the kind ratio, or a figure one of the two indicators lacks gives no finding. A share computed from
    realisations that are not public is not quoted.
    """
    indicators = ctx.index.indicators
    targets_by_indicator: defaultdict[str, list[Target]] = defaultdict(list)
    for target in ctx.agreement.targets:
        targets_by_indicator[target.indicator].append(target)
    for position, framework in enumerate(ctx.agreement.frameworks):
        if framework.min is None and framework.max is None:
            continue
        kinds = {
            indicators[item].aggregation for item in (framework.numerator, framework.denominator) if item in indicators
        }
        if Aggregation.RATIO in kinds:
            continue  # a share of shares means nothing
        numerator = _planned(ctx, targets_by_indicator.get(framework.numerator, []))
        denominator = _planned(ctx, targets_by_indicator.get(framework.denominator, []))
        shares = [*_target_shares(framework, numerator, denominator), *_realised_shares(ctx, framework)]
        for share in shares:
            found = _framework_finding(ctx, framework, position, share)
            if found is not None:
                yield found


# --------------------------------------------------------------------------------------------------------------
# Political context, rules PA208 and PA209
# --------------------------------------------------------------------------------------------------------------

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
        of_nl = f" van {milestone.party}" if milestone.party else ""
        of_en = f" of {milestone.party}" if milestone.party else ""
        period = f"{_date(window.start)} - {_date(window.end)}"
        yield ctx.finding(
            path=placed.path,
            subjects=(milestone.party,) if milestone.party else (),
            nl=f"{names[0]}{of_nl} op {_date(milestone.date)} valt in de periode rond de gemeenteraadsverkiezingen "
            f"van {_date(window.election.date)} ({period}): plan de besluitvorming buiten die periode.",
            en=f"{names[1]}{of_en} on {_date(milestone.date)} falls in the period around the municipal elections "
            f"of {_date(window.election.date)} ({period}): plan the decision-making outside that period.",
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
            nl=f"Het perspectief loopt over de gemeenteraadsverkiezingen van {_date(election)}, maar er is geen "
            "evaluatie daarna gepland: plan een evaluatie met de nieuwe portefeuillehouder(s).",
            en=f"The perspective spans the municipal elections of {_date(election)}, but no evaluation is "
            "planned after them: plan an evaluation with the newly elected portfolio holder(s).",
        )


# --------------------------------------------------------------------------------------------------------------
# Central and smaller municipalities, rule PA210
# --------------------------------------------------------------------------------------------------------------


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
        for position in _first_positions(ctx.agreement.areas).values()
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
    if ctx.agreement.scope is Scope.LOCAL:
        return
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
            share_nl = f" ({_percent(amount / total, 'nl')})" if quotable else ""
            share_en = f" ({_percent(amount / total, 'en')})" if quotable else ""
            more_nl, more_en = ("groter", "larger") if too_much else ("kleiner", "smaller")
            yield ctx.finding(
                path=f"$.areas[{position}]",
                subjects=(area.id, indicator_id),
                nl=f"Het aandeel van {area.name} ({area.id}) in de toegezegde {indicator_id}{share_nl} is meer dan "
                f"een factor {factor:g} {more_nl} dan haar aandeel in {weighted.name_nl} "
                f"({_percent(weight / total_weight, 'nl')}): bespreek de verdeling tussen centrumgemeenten en "
                "kleinere gemeenten.",
                en=f"The share of {area.name} ({area.id}) in the committed {indicator_id}{share_en} is more than a "
                f"factor {factor:g} {more_en} than its share of {weighted.name_en} "
                f"({_percent(weight / total_weight, 'en')}): discuss the distribution between the central and the "
                "smaller municipalities.",
            )


# --------------------------------------------------------------------------------------------------------------
# Conditions, rule PA211
# --------------------------------------------------------------------------------------------------------------


@rule(
    "PA211",
    severity=Severity.ERROR,
    title_nl="Voorwaarden zonder volgorde",
    title_en="Conditions without an order",
    source=_RECIPROCAL + "; wederkerigheid vraagt een volgorde",
)
def conditions_without_order(ctx: RuleContext) -> Iterator[Finding]:
    """Commitments are conditional on each other in a cycle, or on a commitment of a later year.

    Handbook: "Een goed resultaat van meerpartijen(samenwerkings)prestatieafspraken is per definitie
    wederkerig." Reciprocity needs an order: what one party does in return for another cannot wait for itself,
    nor for something that comes due later.

    The questions are `prestatieafspraken.graph.conditional_cycles` and
    `prestatieafspraken.graph.conditions_on_later_years`. A cycle is reported once, at the condition of its
    first commitment (smallest id) on the next one.
    """
    commitments = ctx.index.commitments
    positions: dict[str, int] = {}

    def condition_path(commitment_id: str, condition_id: str) -> str:
        if not positions:  # on the first finding only: most agreements have none
            positions.update(_first_positions(ctx.agreement.commitments))
        conditions = commitments[commitment_id].conditional_on
        return f"$.commitments[{positions[commitment_id]}].conditional_on[{conditions.index(condition_id)}]"

    for cycle in graph.conditional_cycles(ctx.agreement):
        if len(cycle) == 1:
            nl = f"Afspraak {cycle[0]} is afhankelijk van zichzelf: haal de afspraak uit haar eigen voorwaarden."
            en = f"Commitment {cycle[0]} is conditional on itself: remove it from its own conditions."
        else:
            loop = " -> ".join((*cycle, cycle[0]))
            nl = (
                f"De afspraken zijn in een kring van elkaar afhankelijk ({loop}): geen ervan kan als eerste "
                "worden uitgevoerd; leg vast welke afspraak eerst komt."
            )
            en = (
                f"The commitments are conditional on each other in a cycle ({loop}): none of them can be done "
                "first; record which one comes first."
            )
        yield ctx.finding(path=condition_path(cycle[0], cycle[1 % len(cycle)]), subjects=cycle, nl=nl, en=en)
    for commitment_id, condition_id in graph.conditions_on_later_years(ctx.agreement):
        year, later = commitments[commitment_id].year, commitments[condition_id].year
        yield ctx.finding(
            path=condition_path(commitment_id, condition_id),
            subjects=(commitment_id, condition_id),
            nl=f"Afspraak {commitment_id} ({year}) is afhankelijk van afspraak {condition_id}, die pas in {later} "
            "valt: een afspraak kan niet wachten op een latere; verander de voorwaarde of de jaren.",
            en=f"Commitment {commitment_id} ({year}) is conditional on commitment {condition_id}, which falls in "
            f"{later}: a commitment cannot wait for a later one; change the condition or the years.",
        )
