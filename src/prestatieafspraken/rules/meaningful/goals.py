"""PA201-PA202, "Bespreek met elkaar het doel van afspraken… En blijf op je doel focussen!": goals served."""

from __future__ import annotations

from collections.abc import Iterator

from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.registry import rule

_GOAL = "Handreiking, Tot betekenisvolle afspraken komen: Bespreek met elkaar het doel van afspraken"
_FOCUS = "Handreiking, Tot betekenisvolle afspraken komen: En blijf op je doel focussen!"


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
    from prestatieafspraken import graph  # noqa: PLC0415 - lazy: importing the rules stays cheap

    without = graph.commitments_without_goal(ctx.agreement)
    positions = ctx.positions("commitments")
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
    for goal_id, position in ctx.positions("goals").items():
        if goal_id not in served:
            yield ctx.finding(
                path=f"$.goals[{position}]",
                subjects=(goal_id,),
                nl=f"Geen afspraak en geen doel (target) dient doel {goal_id}: maak er afspraken over, of laat "
                "het doel vallen.",
                en=f"No commitment and no target serves goal {goal_id}: make commitments for it, or drop the goal.",
            )
