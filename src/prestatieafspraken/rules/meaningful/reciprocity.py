"""PA203, PA204 and PA211, "per definitie wederkerig" (En blijf op je doel focussen!): reciprocity and its order.

The rules ask their questions of `prestatieafspraken.graph`, so that the checks and the graph's answers have one
implementation. The graph module is imported inside the rules: importing the rules must not cost the start-up
time of the graph machinery.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from prestatieafspraken import graph
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.registry import rule

_FOCUS = "Handreiking, Tot betekenisvolle afspraken komen: En blijf op je doel focussen!"
_RECIPROCAL = _FOCUS + ': "per definitie wederkerig"'


#: What PA203 says of a party that only gives (``{party}``), in Dutch and English.
_ONLY_GIVES = (
    (
        "{party} voert afspraken uit maar is van geen enkele afspraak begunstigde (for): afspraken zijn "
        "wederkerig, leg vast wat de andere partijen voor {party} doen."
    ),
    (
        "{party} executes commitments but benefits from none (for): agreements are reciprocal, record what the other "
        "parties do for {party}."
    ),
)

#: What PA204 says of a party that only receives.
_ONLY_RECEIVES = (
    (
        "{party} is begunstigde van afspraken maar voert er zelf geen uit (by): afspraken zijn wederkerig, leg "
        "vast wat {party} zelf bijdraagt."
    ),
    (
        "{party} benefits from commitments but executes none (by): agreements are reciprocal, record what {party} "
        "contributes."
    ),
)


def _one_sided(ctx: RuleContext, parties: Iterable[str], message: tuple[str, str]) -> Iterator[Finding]:
    """A finding at the declaration of each one-sided party of *parties*, saying *message* of it."""
    nl, en = message
    for party_id in parties:
        yield ctx.finding(
            path=f"$.parties[{ctx.positions('parties')[party_id]}]",
            subjects=(party_id,),
            nl=nl.format(party=party_id),
            en=en.format(party=party_id),
        )


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
    yield from _one_sided(ctx, graph.one_sided_parties(ctx.agreement).only_give, _ONLY_GIVES)


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
    yield from _one_sided(ctx, graph.one_sided_parties(ctx.agreement).only_receive, _ONLY_RECEIVES)


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

    def condition_path(commitment_id: str, condition_id: str) -> str:
        positions = ctx.positions("commitments")  # on the first finding only: most agreements have none
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
