"""PA207, "Houd het bovenlokale belang voor ogen" and "Het opstellen van bovenlokale kaders": framework shares.

A framework (a province's or the state's minimum or maximum share) is judged from the target values and again
from the approved realisations.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence

import attrs

from prestatieafspraken.figures import FigureIndex, YearFigure, split
from prestatieafspraken.model import (
    Aggregation,
    BasisKind,
    Framework,
    FrameworkScope,
    Indicator,
    Number,
    Target,
)
from prestatieafspraken.rules._phrases import capitalised, percent
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.registry import rule


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


#: Per scope (an area id, or None for the agreement as a whole), the value per year and the figures it was made of.
_Realised = Mapping[str | None, Mapping[int, YearFigure]]


def _realised(figures: FigureIndex, indicator: Indicator, areas: Iterable[str | None]) -> _Realised:
    """The counted figures of an indicator as a value per year, in each scope of *areas* (None: the agreement).

    As the figure engine reads them (`prestatieafspraken.figures`): of two figures for one year and place the later
    reported counts (a correction is never added to the figure it corrects); per area the area's figure, else the
    sum of its parties'; for the agreement the whole, else the sum over areas, else over parties.
    """
    return {area: figures.series(indicator.id, indicator.aggregation, area=area) for area in areas}


@attrs.frozen(kw_only=True)
class _Share:
    """One share to judge against a framework."""

    area: str | None
    numerator: float
    denominator: float
    quotable: bool
    basis_nl: str
    basis_en: str
    numerator_missing: bool = False
    """The numerator has no target here and counts as zero (PA207)."""


def _target_shares(framework: Framework, numerator: _Planned, denominator: _Planned) -> list[_Share]:
    """The shares of the target values: per area where the denominator has one, or for the whole agreement.

    Where the denominator has a target and the numerator none, the numerator counts as zero: a municipality that
    plans 1,000 new homes and no social ones has a share of 0%, not no share. Per area only when the numerator is
    divided over areas at all: a numerator target for the whole agreement, not divided, says nothing of one area.
    """
    basis_nl, basis_en = "volgens de streefcijfers (targets)", "according to the targets"
    if framework.per is FrameworkScope.AREA:
        undivided = numerator.total is not None and not numerator.per_area
        return [
            _Share(
                area=area,
                numerator=float(numerator.per_area.get(area, 0)),
                denominator=float(value),
                quotable=True,
                basis_nl=basis_nl,
                basis_en=basis_en,
                numerator_missing=area not in numerator.per_area,
            )
            for area, value in denominator.per_area.items()
            if area in numerator.per_area or not undivided
        ]
    if denominator.total is None:
        return []
    return [
        _Share(
            area=None,
            numerator=float(numerator.total or 0),
            denominator=float(denominator.total),
            quotable=True,
            basis_nl=basis_nl,
            basis_en=basis_en,
            numerator_missing=numerator.total is None,
        )
    ]


def _realised_shares(ctx: RuleContext, figures: FigureIndex, framework: Framework) -> list[_Share]:
    indicators = ctx.index.indicators
    numerator_indicator = indicators.get(framework.numerator)
    denominator_indicator = indicators.get(framework.denominator)
    if numerator_indicator is None or denominator_indicator is None:
        return []
    summed = (
        numerator_indicator.aggregation is Aggregation.FLOW and denominator_indicator.aggregation is Aggregation.FLOW
    )
    scopes: list[str | None] = [None]
    if framework.per is FrameworkScope.AREA:
        # The areas where the numerator has a counted figure, in file order.
        counted = split(figures.of_indicator(framework.numerator))[0]
        scopes = list(dict.fromkeys(figure.area for figure in counted if figure.area is not None))
    numerator = _realised(figures, numerator_indicator, scopes)
    denominator = _realised(figures, denominator_indicator, scopes)
    shares = []
    for area in scopes:
        top, bottom = numerator.get(area, {}), denominator.get(area, {})
        years = sorted(set(top) & set(bottom))
        if not years:
            continue
        if summed:
            used_top, used_bottom = [top[year] for year in years], [bottom[year] for year in years]
            span = str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"
            basis_nl = f"volgens de goedgekeurde realisaties over {span}"
            basis_en = f"according to the approved realisations over {span}"
        else:
            used_top, used_bottom = [top[years[-1]]], [bottom[years[-1]]]
            basis_nl = f"volgens de goedgekeurde realisaties van {years[-1]}"
            basis_en = f"according to the approved realisations of {years[-1]}"
        shares.append(
            _Share(
                area=area,
                numerator=float(sum(figure.value for figure in used_top)),
                denominator=float(sum(figure.value for figure in used_bottom)),
                quotable=ctx.quotable(
                    *(realisation for figure in (*used_top, *used_bottom) for realisation in figure.figures)
                ),
                basis_nl=basis_nl,
                basis_en=basis_en,
            )
        )
    return shares


def _local_visions(ctx: RuleContext, area_id: str | None) -> list[str]:
    """The titles of the local, adopted housing visions in ``basis`` that a framework finding may meet.

    For an area: the housing visions (or housing programmes) whose title names the area. For the whole agreement:
    every one of them. A regional vision is not local and never counts.
    """
    local = [
        document
        for document in ctx.agreement.basis
        if document.kind in (BasisKind.HOUSING_VISION, BasisKind.HOUSING_PROGRAMME)
    ]
    if area_id is None:
        return [document.title for document in local]
    area = ctx.index.areas.get(area_id)
    if area is None:
        return []
    name = re.compile(rf"(?<!\w){re.escape(area.name)}(?!\w)", re.IGNORECASE)
    return [document.title for document in local if name.search(document.title)]


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
    value_nl = f" ({percent(value, 'nl')})" if share.quotable else ""
    value_en = f" ({percent(value, 'en')})" if share.quotable else ""
    missing_nl = missing_en = ""
    if share.numerator_missing:
        missing_nl = f" Er is geen streefcijfer voor {framework.numerator} {where_nl}: dat telt als 0."
        missing_en = f" There is no target for {framework.numerator} {where_en}: it counts as 0."
    who_nl = f"met {framework.set_by}" if framework.set_by else "met wie het kader stelde"
    who_en = f"with {framework.set_by}" if framework.set_by else "with whoever set it"
    visions = _local_visions(ctx, share.area)
    vision_nl = vision_en = ""
    if visions:
        titles = ", ".join(f"'{title}'" for title in visions)
        vision_nl = (
            f" In de lokale woonvisie ({titles}) kan iets anders staan: een regionale ambitie hoeft dan niets te "
            "betekenen, dus bespreek het verschil."
        )
        vision_en = (
            f" The local housing vision ({titles}) may say otherwise: a regional ambition may then mean nothing, "
            "so discuss the difference."
        )
    subjects = (framework.id,) if share.area is None else (framework.id, share.area)
    return ctx.finding(
        path=f"$.frameworks[{position}]",
        subjects=subjects,
        nl=f"{capitalised(share.basis_nl)} ligt {what_nl}{value_nl} {side_nl} van {percent(bound, 'nl')} dat "
        f"kader {framework.id} stelt: bespreek dit {who_nl} en pas de afspraken of de streefcijfers aan."
        f"{missing_nl}{vision_nl}",
        en=f"{capitalised(share.basis_en)}, {what_en}{value_en} is {side_en} of {percent(bound, 'en')} set by "
        f"framework {framework.id}: discuss it {who_en} and adjust the commitments or the targets."
        f"{missing_en}{vision_en}",
    )


@rule(
    "PA207",
    severity=Severity.WARNING,
    title_nl="Bovenlokaal kader niet gehaald",
    title_en="Framework share not met",
    source="Handreiking, Houd het bovenlokale belang voor ogen (30% DAEB); Het opstellen van bovenlokale kaders",
)
def framework_share(ctx: RuleContext) -> Iterator[Finding]:
    """A framework's minimum or maximum share (numerator indicator in denominator indicator) is not met.

    Handbook: "Haalt een gemeente bijvoorbeeld niet een aandeel van 30% DAEB bij nieuwbouw en is dit wel met een
    provincie afgesproken? Betrek dan ook de provincie bij het bespreken van dit thema." and "Regionaal zijn
    gemeenten geen verantwoording schuldig, dus een regionale ambitie om bijvoorbeeld 30% DAEB te realiseren bij
    nieuwbouw, hoeft niks te betekenen als in een lokale, vastgestelde woonvisie iets anders staat."

    The share is judged twice. From the target values: for ``per: agreement`` the totals (the targets of the
    indicator without an area; where there are none, its targets with an area, summed); for ``per: area``, each
    area for which the denominator has a value: the breakdown entries naming the area, else the targets with
    that area. Where the denominator has a target and the numerator none, the numerator counts as zero (0 social
    homes out of 1,000 is a share of 0%); per area only when the numerator is divided over areas at all. And
    from the realisations that name the indicators and count as of the check date (approved, year and
    ``reported_on`` not after as-of), read as the figure engine reads them (of two figures for one year and place
    the later reported counts, once; per area the area's figure, else the sum of its parties'; for the agreement the
    whole, else the sum over areas, else over parties), in the years where both indicators have them: flows summed
    over those years, otherwise (stock, cumulative) the latest such year. A zero (or negative) denominator or an
    indicator of the kind ratio gives no finding. A share computed from realisations that are not public is not
    quoted.

    A finding for an area names the local housing visions in ``basis`` (kind ``housing_vision`` or
    ``housing_programme``) whose title names the area, and a finding for the whole agreement every one of
    them: what such a vision says may differ from the framework, and the parties should discuss it.
    """
    indicators = ctx.index.indicators
    targets_by_indicator: defaultdict[str, list[Target]] = defaultdict(list)
    for target in ctx.agreement.targets:
        targets_by_indicator[target.indicator].append(target)
    figures = FigureIndex(ctx.agreement, ctx.as_of)
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
        shares = [*_target_shares(framework, numerator, denominator), *_realised_shares(ctx, figures, framework)]
        for share in shares:
            found = _framework_finding(ctx, framework, position, share)
            if found is not None:
                yield found
