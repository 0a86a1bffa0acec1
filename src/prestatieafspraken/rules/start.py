"""PA1xx, "Een goede start": assignment, perspective, mandates, coalition, deadlines, shared language, tenants."""

from __future__ import annotations

from collections.abc import Iterator

from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.registry import rule

_ASSIGNMENT = "Handreiking, Een goede start: Een heldere bestuurlijke opdracht"


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
