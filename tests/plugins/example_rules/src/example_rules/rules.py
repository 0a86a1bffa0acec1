"""Woonstichting Lindeveen's local norm: a commitment about more than 100 homes names its location.

Importing this module registers rule WSL-001 ("WSL": Woonstichting Lindeveen, the corporation's own prefix; the
``PA`` codes belong to the library). An installed package's entry point makes prestatieafspraken import it on the
first check; ``prestatieafspraken rules`` then lists the rule with this module as its origin.
"""

from __future__ import annotations

from collections.abc import Iterator

from prestatieafspraken.model import PartyKind
from prestatieafspraken.rules import Finding, RuleContext, Severity, rule

#: The corporation's own source, as the built-in rules cite the handbook (a fictional policy document).
_PORTFOLIO = (
    "Woonstichting Lindeveen, Portefeuillestrategie 2025-2030 (voorbeeld): "
    '"een afspraak over meer dan 100 woningen noemt een locatie"'
)


@rule(
    "WSL-001",
    severity=Severity.WARNING,
    title_nl="Afspraak over meer dan 100 woningen zonder locatie",
    title_en="Commitment about more than 100 homes without a location",
    source=_PORTFOLIO,
    params={"wsl_homes_threshold": 100},
)
def large_commitment_without_area(ctx: RuleContext) -> Iterator[Finding]:
    """A commitment a housing corporation executes, about more than 100 homes, names no area.

    Norm: "Een afspraak over meer dan 100 woningen noemt een locatie, zodat huurders en gemeente weten waar."

    Homes are counted by indicators whose unit is ``dwellings``; strictly more than the threshold
    (``wsl_homes_threshold``, 100) fires, exactly 100 does not. A commitment with an unknown indicator, no value
    or no corporation among its executors is not judged. The number is quoted only for a public commitment.
    """
    threshold = ctx.param("wsl_homes_threshold")
    corporations = {party.id for party in ctx.agreement.parties if party.kind is PartyKind.HOUSING_CORPORATION}
    for position, commitment in enumerate(ctx.agreement.commitments):
        if commitment.area is not None or commitment.value is None or commitment.indicator is None:
            continue
        indicator = ctx.index.indicators.get(commitment.indicator)
        if indicator is None or indicator.unit != "dwellings" or not corporations.intersection(commitment.by):
            continue
        if commitment.value <= threshold:
            continue
        homes = f"{commitment.value:g}" if ctx.quotable(commitment) else f"meer dan {threshold}"
        homes_en = f"{commitment.value:g}" if ctx.quotable(commitment) else f"more than {threshold}"
        yield ctx.finding(
            path=f"$.commitments[{position}]",
            subjects=(commitment.id,),
            nl=f"De afspraak {commitment.id} gaat over {homes} woningen maar noemt geen locatie: vul `area` in.",
            en=f"The commitment {commitment.id} is about {homes_en} homes but names no location: fill in `area`.",
        )
