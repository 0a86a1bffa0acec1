"""PA311, net-stock accounting: a stock's change in a year equals its inflows minus its outflows."""

from __future__ import annotations

import math
from collections.abc import Iterator

from prestatieafspraken.figures import FigureIndex
from prestatieafspraken.model import Aggregation, Realisation
from prestatieafspraken.rules._phrases import number, of_party
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.registry import rule


@rule(
    "PA311",
    severity=Severity.ERROR,
    title_nl="Voorraadverandering klopt niet met in- en uitstroom",
    title_en="Stock change does not match its inflows and outflows",
    source="Praktijk van de voorraadboekhouding: netto groei = nieuwbouw + aankoop − sloop − verkoop − liberalisatie",
)
def stock_flows_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A stock indicator whose change in a year differs from its flows in minus out.

    Practice: the net change of the social stock is "nieuwbouw + aankoop − sloop − verkoop − liberalisatie", the
    sum by which Amsterdam's 2020 result was judged
    (https://www.parool.nl/amsterdam/gemeente-houdt-zich-niet-aan-belofte-aantal-sociale-huurwoningen-in-amsterdam-afgenomen~b1814153/,
    https://stadszaken.nl/artikel/4408/met-prestatieafspraken-corporaties-hebben-we-in-2030-evenveel-sociale-huur-als-in-2013).
    An agreement with a net growth target whose flows do not add up cannot be steered on.

    For every stock indicator with ``stock_flows``, and every place (area and party, each or both may be absent)
    where it has approved figures that count as of the check date: the change of the level from year Y − 1 to Y
    is compared with the sum of the ``in`` flows minus the sum of the ``out`` flows of year Y in the same place.
    Only where all those figures exist (both levels and every flow of that year); of two figures for the same
    year and place the later reported counts, as in `prestatieafspraken.progress_report`. Equal up to float rounding
    (relative and absolute 1e-9). The path is the stock figure of year Y; the numbers are quoted only when every
    figure is public.
    """
    figures = FigureIndex(ctx.agreement, ctx.as_of)
    for indicator in ctx.agreement.indicators:
        flows = indicator.stock_flows
        if indicator.aggregation is not Aggregation.STOCK or flows is None:
            continue
        inflows, outflows = tuple(dict.fromkeys(flows.inflows)), tuple(dict.fromkeys(flows.outflows))
        if not inflows and not outflows:
            continue
        levels = figures.by_place(indicator.id, Aggregation.STOCK)
        flow_series = {flow: figures.by_place(flow, Aggregation.FLOW) for flow in (*inflows, *outflows)}
        for place, series in levels.items():
            for year in sorted(series):
                before = series.get(year - 1)
                parts = [flow_series[flow].get(place, {}).get(year) for flow in (*inflows, *outflows)]
                if before is None or any(part is None for part in parts):
                    continue
                ins = [part for part in parts[: len(inflows)] if part is not None]
                outs = [part for part in parts[len(inflows) :] if part is not None]
                change = series[year].value - before.value
                net = sum(part.value for part in ins) - sum(part.value for part in outs)
                if math.isclose(change, net, rel_tol=1e-9, abs_tol=1e-9):
                    continue
                used = (*series[year].figures, *before.figures, *(f for part in (*ins, *outs) for f in part.figures))
                yield _stock_finding(
                    ctx,
                    indicator.id,
                    place=place,
                    year=year,
                    change_and_net=(change, net),
                    used=used,
                )


def _stock_finding(
    ctx: RuleContext,
    stock: str,
    *,
    place: tuple[str | None, str | None],
    year: int,
    change_and_net: tuple[float, float],
    used: tuple[Realisation, ...],
) -> Finding:
    area, party = place
    within = f" in {area}" if area else ""
    change, net = change_and_net
    if ctx.quotable(*used):
        numbers_nl = f" met {number(change)}, terwijl instroom min uitstroom {number(net)} is"
        numbers_en = f" by {number(change)}, while inflows minus outflows are {number(net)}"
    else:
        numbers_nl = " anders dan instroom min uitstroom"
        numbers_en = " differently from inflows minus outflows"
    stock_figure = used[0]
    return ctx.finding(
        path=f"$.realisations[{ctx.realisation_position(stock_figure)}]",
        subjects=(stock, *(part for part in place if part is not None)),
        nl=f"De voorraad {stock}{within}{of_party(party, 'nl')} veranderde in {year}{numbers_nl}: verbeter de "
        "cijfers of vul de ontbrekende stromen aan (stock_flows).",
        en=f"The stock {stock}{within}{of_party(party, 'en')} changed in {year}{numbers_en}: correct the "
        "figures or add the missing flows (stock_flows).",
    )
