"""PA005 and PA006, values: every value makes sense for the indicator it measures.

PA005: shares lie in 0..1, flows and stock levels are not negative. PA006: a stock's or cumulative indicator's
target or commitment value is a net change, so its sign goes with the indicator's direction (the format
reference, "Direction and sign of a value").
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import NamedTuple, Protocol

from prestatieafspraken.figures import sign_contradicts
from prestatieafspraken.model import Aggregation, Direction, Indicator, Realisation
from prestatieafspraken.rules._phrases import capitalised, number
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.integrity._source import ONE_READING
from prestatieafspraken.rules.registry import rule
from prestatieafspraken.vocabulary import label, term

_TARGET, _COMMITMENT = term("target", "nl"), term("commitment", "nl")


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

    A commitment's figures start at 0, so for a stock they are a change; a target's and an indicator's
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
    quotable: bool
    reason: tuple[str, str]
    """Why it makes no sense, in Dutch and English."""
    key: str = "value"
    """The key it is written under: ``value``, or a breakdown part's key."""


class _Judge(Protocol):
    def __call__(self, indicator: Indicator, value: float, *, level: bool) -> tuple[str, str] | None:
        """Why *value* makes no sense for *indicator* (in Dutch and English), or None.

        *level* says the value is a level of a stock (a baseline, a realised level), not a change of it.
        """


def _judged_values(ctx: RuleContext, judge: _Judge) -> Iterator[_Value]:
    """The target values, breakdown parts and baselines and the commitment values that *judge* faults, in file order.

    A value is judged before it is described: describing every value of a large agreement costs more than judging.
    A target's value and breakdown parts are a change (for a stock too), its baseline the level at the end of the
    baseline year; a commitment on a stock promises a change.
    """
    indicators = ctx.index.indicators
    for i, target in enumerate(ctx.agreement.targets):
        indicator = indicators.get(target.indicator)
        if indicator is None:
            continue
        path = f"$.targets[{i}]"
        if reason := judge(indicator, target.value, level=False):
            yield _Value(
                path=f"{path}.value",
                owner_nl=f"de waarde van {_TARGET} {target.id}",
                owner_en=f"the value of target {target.id}",
                subject=target.id,
                value=target.value,
                indicator=indicator,
                reason=reason,
                quotable=True,
            )
        for key, part in target.breakdown.items():
            if reason := judge(indicator, part, level=False):
                yield _Value(
                    path=f"{path}.breakdown['{key}']",
                    owner_nl=f"het deel van {key} in {_TARGET} {target.id}",
                    owner_en=f"the part of {key} in target {target.id}",
                    subject=target.id,
                    value=part,
                    indicator=indicator,
                    reason=reason,
                    quotable=True,
                    key=key,
                )
        if target.baseline is not None and (reason := judge(indicator, target.baseline.value, level=True)):
            yield _Value(
                path=f"{path}.baseline.value",
                owner_nl=f"de nulmeting van {_TARGET} {target.id}",
                owner_en=f"the baseline of target {target.id}",
                subject=target.id,
                value=target.baseline.value,
                indicator=indicator,
                reason=reason,
                quotable=True,
            )
    for i, commitment in enumerate(ctx.agreement.commitments):
        if commitment.value is None or commitment.indicator is None:
            continue
        indicator = indicators.get(commitment.indicator)
        if indicator is not None and (reason := judge(indicator, commitment.value, level=False)):
            yield _Value(
                path=f"$.commitments[{i}].value",
                owner_nl=f"de waarde van {_COMMITMENT} {commitment.id}",
                owner_en=f"the value of commitment {commitment.id}",
                subject=commitment.id,
                value=commitment.value,
                indicator=indicator,
                reason=reason,
                quotable=ctx.quotable(commitment),
            )


def _nonsense_values(ctx: RuleContext) -> Iterator[_Value]:
    """Every value in the file whose indicator is known and that makes no sense for it, in file order."""
    yield from _judged_values(ctx, _nonsense)
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
    source=ONE_READING,
)
def nonsense_value(ctx: RuleContext) -> Iterator[Finding]:
    """A value that makes no sense for its indicator: a share outside 0..1, a negative flow, a negative stock level.

    Handbook: "Hiervoor helpt allereerst een duidelijk overzicht van feiten en cijfers die maar op één manier
    interpreteerbaar zijn."

    Judged: target values, breakdown parts and baselines, commitment values and realisation values, each against
    the indicator it measures (for a realisation: the indicator of its commitment or target), and a framework's
    ``min``/``max``, which are shares. A stock target's value and breakdown parts are a net change and may be
    negative, and so is a commitment's value or realised figure on a stock (it starts at 0); a stock
    level (a baseline, a realisation of a target or an indicator) may not. A cumulative indicator has no bounds
    here: a running total of a change may go either way. A value without a known indicator is skipped (PA001,
    PA308). The value of a commitment or realisation that is not public is never quoted.
    """
    for item in _nonsense_values(ctx):
        reason = item.reason
        shown = f"{number(item.value)}: " if item.quotable else ""
        aggregation = item.indicator.aggregation
        yield ctx.finding(
            path=item.path,
            subjects=(item.subject, item.indicator.id),
            nl=f"{capitalised(item.owner_nl)} is {shown}{reason[0]}, en dat kan niet bij indicator "
            f"{item.indicator.id} ({label(aggregation, 'nl')}): verbeter de waarde of kies de juiste indicator.",
            en=f"{capitalised(item.owner_en)} is {shown}{reason[1]}, which cannot be for indicator "
            f"{item.indicator.id} ({label(aggregation, 'en')}): correct the value or choose the right indicator.",
        )
    for i, framework in enumerate(ctx.agreement.frameworks):
        for key, share in (("min", framework.min), ("max", framework.max)):
            if share is None or (math.isfinite(share) and 0 <= share <= 1):
                continue
            yield ctx.finding(
                path=f"$.frameworks[{i}].{key}",
                subjects=(framework.id,),
                nl=f"{capitalised(term('framework', 'nl'))} {framework.id} heeft '{key}: {number(share)}', maar een "
                "aandeel ligt tussen 0 en 1: schrijf bijvoorbeeld 30% als 0.30.",
                en=f"Framework {framework.id} has '{key}: {number(share)}', but a share lies between 0 and 1: "
                "write 30% as 0.30, for example.",
            )


def _against_direction(indicator: Indicator, value: float, *, level: bool) -> tuple[str, str] | None:
    """Why a change's sign contradicts its indicator's direction, or None; a level has no direction to contradict."""
    if level or not sign_contradicts(indicator, value):
        return None
    return ("tegen de richting van de indicator in", "against the indicator's direction")


@rule(
    "PA006",
    severity=Severity.ERROR,
    title_nl="Teken van de waarde in strijd met de richting van de indicator",
    title_en="Value's sign contradicts its indicator's direction",
    source=ONE_READING,
)
def sign_against_direction(ctx: RuleContext) -> Iterator[Finding]:
    """A stock or cumulative target or commitment whose value's sign contradicts its indicator's direction.

    Handbook: "Hiervoor helpt allereerst een duidelijk overzicht van feiten en cijfers die maar op één manier
    interpreteerbaar zijn."

    For a stock or cumulative indicator a target's or commitment's value is a net change: with ``direction:
    decrease`` it is at most 0 (1,200 fewer homes with label E, F or G is ``value: -1200``), with ``increase`` at
    least 0. ``value: 1200`` on a decreasing stock can be read as "1,200 fewer" and as "1,200 more"; progress never
    judges such a value on track or achieved (status ``contradicts_direction``). Judged: target values, the parts of
    a target's breakdown (progress judges each part) and commitment values, as `prestatieafspraken.figures.
    sign_contradicts` has it. A flow's value is an amount, never negative (PA005), and ``decrease`` makes it a
    ceiling; a ratio is a share: neither has a sign to contradict. A value of 0 contradicts nothing. A
    commitment's value that is not public is not quoted.
    """
    for item in _judged_values(ctx, _against_direction):
        indicator = item.indicator
        key = f"{item.key}:"
        shown = f" ({number(item.value)})" if item.quotable else ""
        decrease = indicator.direction is Direction.DECREASE
        want_nl = "negatief (of 0)" if decrease else "positief (of 0)"
        want_en = "negative (or 0)" if decrease else "positive (or 0)"
        flipped = f" {number(-item.value)}" if item.quotable else " de waarde met het andere teken"
        flipped_en = f" {number(-item.value)}" if item.quotable else " the value with the other sign"
        yield ctx.finding(
            path=item.path,
            subjects=(item.subject, indicator.id),
            nl=f"{capitalised(item.owner_nl)}{shown} heeft een teken dat niet past bij de richting "
            f"{label(indicator.direction, 'nl')} ({indicator.direction.value}) van indicator {indicator.id} "
            f"({label(indicator.aggregation, 'nl')}): de waarde is een netto verandering en hoort dan {want_nl} te "
            f"zijn. Schrijf {key}{flipped} of verbeter de richting; zolang telt de voortgang niet als op koers.",
            en=f"{capitalised(item.owner_en)}{shown} has a sign that contradicts the direction "
            f"{indicator.direction.value} of indicator {indicator.id} ({label(indicator.aggregation, 'en')}): the "
            f"value is a net change and must then be {want_en}. Write {key}{flipped_en} or correct the direction; "
            "until then progress is never judged on track.",
        )
