"""PA201, PA202 and PA212, "Bespreek met elkaar het doel van afspraken… En blijf op je doel focussen!": goals."""

from __future__ import annotations

from collections.abc import Iterator

from prestatieafspraken import graph
from prestatieafspraken.model import PartyKind
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
    without = graph.commitments_without_goal(ctx.agreement)
    positions = ctx.positions("commitments")
    for commitment_id in without:
        yield ctx.finding(
            path=f"$.commitments[{positions[commitment_id]}]",
            subjects=(commitment_id,),
            nl=f"Afspraak {commitment_id} dient geen doel, niet direct en niet via een streefcijfer (target): "
            "noem het doel dat de afspraak dient (goals), of schrap de afspraak.",
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
                nl=f"Geen afspraak en geen streefcijfer dient doel {goal_id}: maak er afspraken over, of laat "
                "het doel vallen.",
                en=f"No commitment and no target serves goal {goal_id}: make commitments for it, or drop the goal.",
            )


@rule(
    "PA212",
    severity=Severity.INFO,
    title_nl="Gemeente en corporatie hebben alleen afspraken met elkaar",
    title_en="A municipality and a corporation only have commitments with each other",
    source=_FOCUS + ': "Soms voegt samenwerking niets toe"',
)
def bilateral_pair(ctx: RuleContext) -> Iterator[Finding]:
    """In a multi-party agreement, a municipality and a corporation whose commitments only concern each other.

    Handbook: "Soms voegt samenwerking niets toe, bijvoorbeeld bij lokale dienstverlening of themaspecifieke
    afspraken in één gemeente met één corporatie. Blijf focus houden op waar de afspraken oorspronkelijk voor
    bedoeld waren en wat echt samen, sneller én beter kan."

    An agreement of more than two counted parties is judged. A counted municipality and a counted housing
    corporation are reported when every commitment either of them executes or benefits from (``by``, ``for``)
    concerns only the two of them, and at least one concerns both: what they agree could be a bilateral
    agreement, such as local performance agreements. Information, since it may well be a deliberate part of the
    whole. The path is the municipality's declaration.
    """
    if len(ctx.counted_parties) <= 2:  # noqa: PLR2004 - two parties are a bilateral agreement already
        return
    concerned: dict[str, set[str]] = {}
    for commitment in ctx.agreement.commitments:
        parties = {*commitment.by, *commitment.beneficiaries}
        for party in parties:
            concerned.setdefault(party, set()).update(parties)
    positions = ctx.positions("parties")
    corporations = [party for party in ctx.counted_parties if party.kind is PartyKind.HOUSING_CORPORATION]
    for municipality in ctx.counted_parties:
        if municipality.kind is not PartyKind.MUNICIPALITY:
            continue
        for corporation in corporations:
            pair = {municipality.id, corporation.id}
            if concerned.get(municipality.id) != pair or concerned.get(corporation.id) != pair:
                continue
            yield ctx.finding(
                path=f"$.parties[{positions[municipality.id]}]",
                subjects=(municipality.id, corporation.id),
                nl=f"{municipality.id} en {corporation.id} hebben in deze meerpartijenafspraken alleen afspraken "
                "met elkaar: soms voegt samenwerking niets toe. Overweeg of dit tweezijdige afspraken kunnen zijn "
                "(zoals lokale prestatieafspraken), en houd deze afspraken voor wat samen sneller en beter kan.",
                en=f"{municipality.id} and {corporation.id} only have commitments with each other in this "
                "multi-party agreement: sometimes cooperation adds nothing. Consider whether these could be "
                "bilateral agreements (such as local performance agreements), and keep this agreement for what can "
                "be done faster and better together.",
            )
