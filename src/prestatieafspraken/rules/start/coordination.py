"""PA117-PA118, "Onafhankelijke coördinatie bij een proces": an administrative and an official lead, mandated."""

from __future__ import annotations

from collections.abc import Iterator

from prestatieafspraken.model import MandateRole
from prestatieafspraken.rules._phrases import joined, role
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.registry import rule

_COORDINATION = "Handreiking, Een goede start: Onafhankelijke coördinatie bij een proces"
_LEADS = (MandateRole.ADMINISTRATIVE_LEAD, MandateRole.OFFICIAL_LEAD)


@rule(
    "PA117",
    severity=Severity.WARNING,
    title_nl="Geen bestuurlijke of ambtelijke trekker",
    title_en="No administrative or official lead",
    source=_COORDINATION + ': "een bestuurlijke trekker en ambtelijke trekker"',
    params={"party_threshold": 3},
)
def missing_lead(ctx: RuleContext) -> Iterator[Finding]:
    """More than ``party_threshold`` counted parties and nobody holds administrative_lead, or official_lead.

    Handbook: "Allereerst kan het helpen om een regionale werkgroep aan te stellen met een bestuurlijke trekker en
    ambtelijke trekker zodat er voortgang blijft."

    One finding per missing role.
    """
    count = len(ctx.counted_party_ids)
    threshold = ctx.param("party_threshold")
    if count <= threshold:
        return
    for lead in _LEADS:
        if lead not in ctx.role_holders:
            yield ctx.finding(
                path="$.mandates",
                nl=f"Er zijn {count} partijen (meer dan {threshold}) en niemand is {role(lead, 'nl')}: "
                f"wijs een {role(lead, 'nl')} aan (role: {lead.value}) zodat er voortgang blijft.",
                en=f"There are {count} parties (more than {threshold}) and nobody is the {role(lead, 'en')}: "
                f"appoint one (role: {lead.value}) to keep the process moving.",
            )


@rule(
    "PA118",
    severity=Severity.WARNING,
    title_nl="Trekker zonder mandaat van de hele groep",
    title_en="Lead without a mandate from the whole group",
    source=_COORDINATION + ': "die mandaat hebben van de rest van de groep"',
)
def lead_without_full_mandate(ctx: RuleContext) -> Iterator[Finding]:
    """An administrative_lead or official_lead mandate is not granted by every counted party other than its holder.

    Handbook: "Ook met een extern begeleider is het belangrijk dat er een bestuurlijke en ambtelijke trekker is die
    mandaat hebben van de rest van de groep."

    Endorsers, observers and declined parties need not grant it (they are not counted).
    """
    for position, mandate in enumerate(ctx.agreement.mandates):
        if mandate.role not in _LEADS:
            continue
        granted = set(mandate.granted_by)
        missing = [party.id for party in ctx.counted_parties if party.id != mandate.holder and party.id not in granted]
        if missing:
            yield ctx.finding(
                path=f"$.mandates[{position}].granted_by",
                subjects=(mandate.holder, *missing),
                nl=f"{mandate.holder} is {role(mandate.role, 'nl')}, maar zonder mandaat van {joined(missing)}: "
                "een trekker heeft mandaat van de rest van de groep; vul granted_by aan.",
                en=f"{mandate.holder} is the {role(mandate.role, 'en')}, but without a mandate from "
                f"{joined(missing)}: a lead has a mandate from the rest of the group; complete granted_by.",
            )
