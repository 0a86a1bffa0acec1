"""PA101-PA104, "Een heldere bestuurlijke opdracht": the assignment, its scope, the perspective and its years."""

from __future__ import annotations

from collections.abc import Iterator

from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.registry import rule

_ASSIGNMENT = "Handreiking, Een goede start: Een heldere bestuurlijke opdracht"
_PERSPECTIVE = _ASSIGNMENT  # the perspective is part of the same section


@rule(
    "PA101",
    severity=Severity.WARNING,
    title_nl="Geen bestuurlijke opdracht vastgelegd",
    title_en="No administrative assignment recorded",
    source=_ASSIGNMENT,
)
def no_assignment(ctx: RuleContext) -> Iterator[Finding]:
    """The agreement records no administrative assignment.

    Handbook: "Bij afspraken waar meerdere partijen en meerdere lagen (bestuur, beleid, uitvoering) bij betrokken
    zijn, is een bestuurlijke opdracht erg belangrijk."
    """
    if ctx.agreement.assignment is None:
        yield ctx.finding(
            path="$.assignment",
            nl="Er is geen bestuurlijke opdracht vastgelegd: leg vast waarover de afspraken wel en niet gaan.",
            en="No administrative assignment is recorded: record what the agreements are and are not about.",
        )


@rule(
    "PA102",
    severity=Severity.WARNING,
    title_nl="Opdracht zegt niet waarover wel en waarover niet",
    title_en="Assignment does not say what is in and out of scope",
    source=_ASSIGNMENT + ': "Waarover wel, waarover niet?"',
)
def assignment_scope(ctx: RuleContext) -> Iterator[Finding]:
    """The assignment does not say both what is in scope and what is out of scope.

    Handbook: "Waarover wel, waarover niet? Is een bestuurlijke opdracht niet scherp of open voor interpretatie?
    Dan is het risico groot dat dit later in het proces tot discussie, ongenoegen en vertraging leidt."
    """
    assignment = ctx.agreement.assignment
    if assignment is None:
        return
    missing_nl = []
    missing_en = []
    if not assignment.in_scope:
        missing_nl.append("waarover de afspraken wel gaan (in_scope)")
        missing_en.append("what the agreements are about (in_scope)")
    if not assignment.out_of_scope:
        missing_nl.append("waarover niet (out_of_scope)")
        missing_en.append("what they are not about (out_of_scope)")
    if missing_nl:
        yield ctx.finding(
            path="$.assignment",
            nl="De bestuurlijke opdracht zegt niet " + " en niet ".join(missing_nl) + ".",
            en="The administrative assignment does not say " + " nor ".join(missing_en) + ".",
        )


@rule(
    "PA103",
    severity=Severity.WARNING,
    title_nl="Perspectief korter dan 3 of langer dan 7 jaar",
    title_en="Perspective shorter than 3 or longer than 7 years",
    source=_PERSPECTIVE + ': "een meerjarig gedeeld perspectief (+/- 5 jaar vooruit)"',
    params={"perspective_min_years": 3, "perspective_max_years": 7},
)
def perspective_length(ctx: RuleContext) -> Iterator[Finding]:
    """The perspective (end - start + 1 years) is shorter than ``perspective_min_years`` or longer than the max.

    Handbook: "Meest gehoorde succesformule: een meerjarig gedeeld perspectief (+/- 5 jaar vooruit) gecombineerd
    met concrete jaarafspraken."

    Both bounds are allowed: with the defaults a perspective of 3 to 7 years is quiet.
    """
    perspective = ctx.agreement.perspective
    length = len(perspective)
    low = ctx.param("perspective_min_years")
    high = ctx.param("perspective_max_years")
    span = f"{perspective.start}-{perspective.end}"
    if length < low:
        yield ctx.finding(
            path="$.perspective",
            nl=f"Het perspectief {span} beslaat {length} jaar, korter dan {low} jaar: "
            "kies een meerjarig gedeeld perspectief van ongeveer 5 jaar.",
            en=f"The perspective {span} spans {length} years, shorter than {low} years: "
            "choose a shared multi-year perspective of about 5 years.",
        )
    elif length > high:
        yield ctx.finding(
            path="$.perspective",
            nl=f"Het perspectief {span} beslaat {length} jaar, langer dan {high} jaar: "
            "kies een meerjarig gedeeld perspectief van ongeveer 5 jaar en maak daarna nieuwe afspraken.",
            en=f"The perspective {span} spans {length} years, longer than {high} years: "
            "choose a shared multi-year perspective of about 5 years and renew the agreements after it.",
        )


@rule(
    "PA104",
    severity=Severity.WARNING,
    title_nl="Perspectiefjaar zonder jaarafspraken",
    title_en="Perspective year without annual commitments",
    source=_PERSPECTIVE + ': "gecombineerd met concrete jaarafspraken"',
)
def year_without_commitments(ctx: RuleContext) -> Iterator[Finding]:
    """A perspective year that has started (≤ the as-of year), or the first year, has no commitments.

    Handbook: "Meest gehoorde succesformule: een meerjarig gedeeld perspectief (+/- 5 jaar vooruit) gecombineerd
    met concrete jaarafspraken."

    One finding per such year. Later years are never reported: annual commitments exist only for the years agreed
    so far (DESIGN §4, "A sound agreement is quiet"). Any commitment with that ``year`` counts.
    """
    perspective = ctx.agreement.perspective
    for year in perspective.years:
        if year > ctx.as_of.year and year != perspective.start:
            break
        if not ctx.index.commitments_by_year(year):
            yield ctx.finding(
                path="$.perspective",
                nl=f"Voor {year} staan er geen jaarafspraken (commitments met year {year}): "
                "maak het meerjarig perspectief concreet met afspraken voor dit jaar.",
                en=f"There are no annual commitments for {year} (commitments with year {year}): "
                "make the multi-year perspective concrete with commitments for this year.",
            )
