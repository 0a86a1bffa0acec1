"""PA003 and PA004, time: years inside the perspective, and no milestone before the process starts."""

from __future__ import annotations

from collections.abc import Iterator

from prestatieafspraken.model import MilestoneKind
from prestatieafspraken.rules._phrases import capitalised, iso_date, of_party
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.registry import rule
from prestatieafspraken.vocabulary import term, the


@rule(
    "PA003",
    severity=Severity.ERROR,
    title_nl="Jaar buiten het perspectief",
    title_en="Year outside the perspective",
    source='Handreiking, Een heldere bestuurlijke opdracht: "een meerjarig gedeeld perspectief (+/- 5 jaar '
    'vooruit) gecombineerd met concrete jaarafspraken"',
)
def year_outside_perspective(ctx: RuleContext) -> Iterator[Finding]:
    """A commitment's year, a target's ``from``, or a target's ``by`` before the perspective's start.

    Handbook: "Meest gehoorde succesformule: een meerjarig gedeeld perspectief (+/- 5 jaar vooruit) gecombineerd
    met concrete jaarafspraken."

    Both ends of the perspective are included. A target without ``from`` starts at the perspective's start, so
    only a ``from`` written in the file can be outside. A target whose ``by`` lies after the perspective's end is
    not an error: it is a long-term ambition ("tot 2040"), judged on its path within the perspective and reported
    as information (PA124). The year of a commitment that is not public is not quoted.
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
            nl=f"Het jaar van {term('commitment', 'nl')} {commitment.id}{year_nl} ligt buiten het perspectief "
            f"{span}: verbeter het jaar of verruim het perspectief.",
            en=f"The year of commitment {commitment.id}{year_nl} lies outside the perspective {span}: "
            "correct the year or widen the perspective.",
        )
    for i, target in enumerate(ctx.agreement.targets):
        for key, year in (("from", target.from_year), ("by", target.by)):
            if year is None or year in perspective or (key == "by" and year > perspective.end):
                continue
            yield ctx.finding(
                path=f"$.targets[{i}].{key}",
                subjects=(target.id,),
                nl=f"{capitalised(term('target', 'nl'))} {target.id} heeft '{key}: {year}', buiten het "
                f"perspectief {span}: verbeter het jaar of verruim het perspectief.",
                en=f"Target {target.id} has '{key}: {year}', outside the perspective {span}: "
                "correct the year or widen the perspective.",
            )


# --- PA004: a date order that cannot be --------------------------------------------------------------------


@rule(
    "PA004",
    severity=Severity.ERROR,
    title_nl="Onmogelijke volgorde van data",
    title_en="Impossible order of dates",
    source='Handreiking, Deadlines helpen: "Even terugrekenen"; Woningwet art. 44: het overleg begint na het bod',
)
def impossible_date_order(ctx: RuleContext) -> Iterator[Finding]:
    """A milestone other than a bid dated before the process start.

    Handbook: "Even terugrekenen: wanneer wil je ze getekend hebben, wanneer besluitvorming bij de betrokken
    partijen, wanneer een afgerond concept bestuurlijk bespreken?"
    Law: under Woningwet art. 44 the talks start after the corporation's bid, the three parties meeting as equals
    (https://www.woningwet2015.nl/hulpmiddelen/prestatieafspraken).

    The process start is ``process.started``, else the earliest kickoff; a bid comes before the talks by law and is
    exempt. Missed milestones are ignored; a milestone on the start day itself is fine. A perspective that ends
    before it starts cannot reach a rule: the file is refused when it is loaded (a `LoadError` at
    ``$.perspective.end``).
    """
    start = ctx.process_start
    if start is None:
        return
    process = ctx.agreement.process
    explicit = process is not None and process.started is not None
    kickoff_nl, kickoff_en = the(MilestoneKind.KICKOFF, "nl"), the(MilestoneKind.KICKOFF, "en")
    start_nl = f"de start van het proces ({iso_date(start)})" if explicit else f"{kickoff_nl} ({iso_date(start)})"
    start_en = f"the process start ({iso_date(start)})" if explicit else f"{kickoff_en} ({iso_date(start)})"
    for placed in ctx.milestones:
        milestone = placed.milestone
        if milestone.kind is MilestoneKind.BID or milestone.date >= start:
            continue
        yield ctx.finding(
            path=placed.path,
            subjects=placed.parties,
            nl=f"{capitalised(the(milestone.kind, 'nl'))}{of_party(milestone.party, 'nl')} op "
            f"{iso_date(milestone.date)} ligt vóór {start_nl}: verbeter de datum of de start van het proces.",
            en=f"{capitalised(the(milestone.kind, 'en'))}{of_party(milestone.party, 'en')} on "
            f"{iso_date(milestone.date)} is before {start_en}: correct the date or the process start.",
        )
