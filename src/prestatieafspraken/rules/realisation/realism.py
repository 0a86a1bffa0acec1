"""PA304 and PA309, "balans tussen realisme en ambitie" (Maak de uitvoering concreet): commitments against targets.

PA304 weighs the annual commitments against their target; PA309 weighs a year's commitment against the best year
realised, reading realised figures as `prestatieafspraken.progress_report` does.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator

from prestatieafspraken import _arithmetic
from prestatieafspraken.figures import FigureIndex, YearFigure, split, yearly
from prestatieafspraken.model import (
    Aggregation,
    Commitment,
    Direction,
    Indicator,
    Realisation,
    Target,
)
from prestatieafspraken.rules._phrases import joined, number
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.registry import rule

_CONCRETE = "Handreiking, Sturing op realisatie: Maak de uitvoering concreet"


def _target_from(ctx: RuleContext, target: Target) -> int:
    """The first year of a target: its ``from``, else the perspective's start."""
    return target.from_year if target.from_year is not None else ctx.agreement.perspective.start


def _inflows(ctx: RuleContext, indicator: Indicator) -> frozenset[str]:
    """The known flow indicators that feed a growing stock (its ``stock_flows.in``); none for any other indicator."""
    flows = indicator.stock_flows
    if indicator.aggregation is not Aggregation.STOCK or flows is None or indicator.direction is Direction.DECREASE:
        return frozenset()
    known = ctx.index.indicators
    return frozenset(flow for flow in flows.inflows if flow in known and known[flow].aggregation is Aggregation.FLOW)


def _counted(ctx: RuleContext, target: Target, inflows: frozenset[str]) -> list[Commitment]:
    """The commitments PA304 weighs against a target, in file order (see its description)."""
    first = _target_from(ctx, target)

    def in_years(commitment: Commitment) -> bool:
        return commitment.value is not None and commitment.year is not None and first <= commitment.year <= target.by

    linked = [
        commitment
        for commitment in ctx.index.commitments_by_target(target.id)
        if (commitment.indicator == target.indicator or commitment.indicator in inflows) and in_years(commitment)
    ]
    if not inflows:
        return linked
    seen = {id(commitment) for commitment in linked}
    feeding = [
        commitment
        for commitment in ctx.agreement.commitments
        if commitment.indicator in inflows
        and id(commitment) not in seen
        and (target.area is None or commitment.area == target.area)
        and in_years(commitment)
    ]
    return sorted([*linked, *feeding], key=ctx.commitment_position)


@rule(
    "PA304",
    severity=Severity.WARNING,
    title_nl="Jaarafspraken blijven achter bij het streefcijfer",
    title_en="Annual commitments fall short of the target",
    source=_CONCRETE + ': "balans tussen realisme en ambitie"',
)
def commitments_below_target(ctx: RuleContext) -> Iterator[Finding]:
    """Over the years its commitments cover, a target's commitments add up to less than its pro-rata share.

    Handbook: "Houd ook met elkaar het goede gesprek over een goede balans tussen realisme en ambitie in de
    afspraken."

    The commitments that count have a value and a year within ``from``..``by`` (``from`` defaults to the
    perspective's start) and either link to the target (``target``) and measure its indicator, or, for a stock
    target that should grow, measure one of the stock's inflows (``stock_flows.in``, flow indicators such as
    new build and acquisition): those linked to the target, and those in the target's area (any area for a
    target without one). New build adds to the social stock whichever target it is linked to, so a net growth of
    3,000 social homes served by 2,500 new homes a year is judged. Outflows (demolition, sales, liberalisation)
    are not commitments and are not subtracted, which the message says: the committed inflow is the most the
    stock can grow by. The years they cover are the years agreed so far (annual commitments exist only for the
    years agreed so far); over those years their sum is compared with value × years covered / (by − from + 1),
    and the finding reports the coverage. A target with no such commitments gives no finding.

    Only flow and stock targets are judged, whose yearly figures add up to the target's total or net change; a
    ratio is never summed and a cumulative target is a running total, so neither is. "Strictly below" is read in
    the indicator's direction: for an indicator whose direction is ``decrease`` (less is better, e.g. sales or
    E/F/G labels) the commitments fall short when their sum is strictly above the pro-rata share. A target whose
    ``by`` lies beyond the perspective (a long-term ambition, PA124) is judged on the same straight path. The sum
    is quoted only when every commitment in it is public.
    """
    for i, target in enumerate(ctx.agreement.targets):
        indicator = ctx.index.indicators.get(target.indicator)
        if indicator is None or indicator.aggregation not in (Aggregation.FLOW, Aggregation.STOCK):
            continue
        inflows = _inflows(ctx, indicator)
        counted = _counted(ctx, target, inflows)
        if not counted:
            continue
        first = _target_from(ctx, target)
        years = {commitment.year for commitment in counted}
        span = target.by - first + 1
        total = _arithmetic.total(commitment.value for commitment in counted if commitment.value is not None)
        expected = target.value * len(years) / span
        short = total > expected if indicator.direction is Direction.DECREASE else total < expected
        if not short or math.isclose(total, expected, rel_tol=1e-9, abs_tol=1e-9):
            continue
        if ctx.quotable(*counted):
            sum_nl, sum_en = f"tellen op tot {number(total)}", f"add up to {number(total)}"
        else:
            sum_nl, sum_en = "blijven daarbij achter", "fall short of that"
        flows_nl = flows_en = ""
        used = [flow for flow in dict.fromkeys(commitment.indicator for commitment in counted) if flow in inflows]
        if used:
            outflows = indicator.stock_flows.outflows if indicator.stock_flows is not None else ()
            out = f" ({joined(outflows)})" if outflows else ""
            flows_nl = (
                f" (met de afspraken over instroom in de voorraad: {joined(used)}; uitstroom{out} is niet "
                "afgesproken en gaat daar nog vanaf)"
            )
            flows_en = (
                f" (including the commitments on inflows into the stock: {joined(used)}; outflows{out} are not "
                "committed and still come off it)"
            )
        coverage_nl = f"{len(years)} van de {span} jaar ({first}-{target.by})"
        coverage_en = f"{len(years)} of the {span} years ({first}-{target.by})"
        yield ctx.finding(
            path=f"$.targets[{i}]",
            subjects=(target.id,),
            nl=f"De jaarafspraken voor streefcijfer {target.id} dekken {coverage_nl}; naar rato hoort daarbij "
            f"{number(expected)} van de {number(target.value)}, maar de afspraken {sum_nl}{flows_nl}: bespreek of "
            "het streefcijfer realistisch is of maak aanvullende afspraken.",
            en=f"The annual commitments for target {target.id} cover {coverage_en}; pro rata that is "
            f"{number(expected)} of {number(target.value)}, but the commitments {sum_en}{flows_en}: discuss whether "
            "the target is realistic or add commitments.",
        )


@rule(
    "PA309",
    severity=Severity.INFO,
    title_nl="Jaarafspraak ver boven het beste gerealiseerde jaar",
    title_en="Yearly commitment far above the best realised year",
    source=_CONCRETE + ': "balans tussen realisme en ambitie"',
    params={"ambition_factor": 2},
)
def beyond_best_year(ctx: RuleContext) -> Iterator[Finding]:
    """A yearly committed value above twice (``ambition_factor``) the best realised year of its indicator and area.

    Handbook: "Houd ook met elkaar het goede gesprek over een goede balans tussen realisme en ambitie in de
    afspraken."

    The yearly committed value is the sum of the values of the commitments with
    the same flow indicator, area (or none) and year, as the realised figures are per indicator and area too; a
    stock, cumulative or ratio indicator has no yearly quantity and is not judged. The realised years are the
    approved figures that count as of the check date (approved, reported by then) of the indicator in that area (without
    an area: the whole, else the sum over areas), read as `prestatieafspraken.progress_report` reads them; failing any,
    the counted figures of the commitments with that indicator and area, summed per year. For an indicator whose
    direction is ``decrease`` the best year is the lowest, and the commitment is too ambitious when it is below
    the best year divided by the factor. Without a realised year there is no finding. One finding per indicator,
    area and year, at the first of its commitments; values are quoted only when every figure in them is public.
    """
    factor = ctx.param("ambition_factor")
    figures = FigureIndex(ctx.agreement, ctx.as_of)
    groups: defaultdict[tuple[str, str | None, int], list[tuple[int, Commitment]]] = defaultdict(list)
    flows = {key: item for key, item in ctx.index.indicators.items() if item.aggregation is Aggregation.FLOW}
    for i, commitment in enumerate(ctx.agreement.commitments):
        indicator = flows.get(commitment.indicator or "")
        if indicator is None or commitment.value is None or commitment.year is None:
            continue
        groups[indicator.id, commitment.area, commitment.year].append((i, commitment))
    by_place: defaultdict[tuple[str, str | None], list[Commitment]] = defaultdict(list)
    for (indicator_id, area, _), members in groups.items():
        by_place[indicator_id, area].extend(commitment for _, commitment in members)
    best_years: dict[tuple[str, str | None], YearFigure | None] = {}
    for (indicator_id, area, year), members in groups.items():
        indicator = ctx.index.indicators[indicator_id]
        if (indicator_id, area) not in best_years:
            best_years[indicator_id, area] = _best_year(figures, indicator, area, by_place[indicator_id, area])
        best = best_years[indicator_id, area]
        if best is None:
            continue
        committed = sum(commitment.value for _, commitment in members if commitment.value is not None)
        if indicator.direction is Direction.DECREASE:
            too_much = committed * factor < best.value
        else:
            too_much = committed > factor * best.value
        if not too_much:
            continue
        place = f" in {area}" if area is not None else ""
        ids = [commitment.id for _, commitment in members]
        if ctx.quotable(*(commitment for _, commitment in members), *best.figures):
            what_nl = f"{number(committed)} afgesproken tegen {number(best.value)} in het beste jaar {best.year}"
            what_en = f"{number(committed)} committed against {number(best.value)} in the best year {best.year}"
        else:
            what_nl = f"het afgesprokene ligt meer dan een factor {number(factor)} van het beste jaar {best.year}"
            what_en = f"the commitment is more than a factor {number(factor)} from the best year {best.year}"
        yield ctx.finding(
            path=f"$.commitments[{members[0][0]}]",
            subjects=(*ids, indicator_id, *((area,) if area is not None else ())),
            nl=f"De jaarafspraak {year} voor {indicator_id}{place} ({', '.join(ids)}) is veel ambitieuzer dan wat "
            f"ooit is gerealiseerd: {what_nl}. Bespreek of de afspraak realistisch is.",
            en=f"The {year} commitment for {indicator_id}{place} ({', '.join(ids)}) is far more ambitious than "
            f"anything realised so far: {what_en}. Discuss whether it is realistic.",
        )


def _best_year(
    figures: FigureIndex, indicator: Indicator, area: str | None, commitments: list[Commitment]
) -> YearFigure | None:
    """The best realised year of an indicator in an area (see PA309), or None without any."""
    series = figures.series(indicator.id, Aggregation.FLOW, area=area)
    if not series:
        per_year: defaultdict[int, list[Realisation]] = defaultdict(list)
        for commitment in commitments:
            known = figures.of("commitment", commitment.id)
            if not known:  # most commitments have no figure yet
                continue
            counted, _ = split(known)
            for figure in yearly(counted, aggregation=Aggregation.FLOW, area=area).values():
                per_year[figure.year].extend(figure.figures)
        series = {
            year: YearFigure(year=year, value=sum(r.value for r in used if r.value is not None), figures=tuple(used))
            for year, used in per_year.items()
        }
    if not series:
        return None
    pick = min if indicator.direction is Direction.DECREASE else max
    return pick(series.values(), key=lambda figure: (figure.value, -figure.year))
