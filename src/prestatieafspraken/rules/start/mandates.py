"""PA105-PA107, "Bestuurders en beleidsmedewerkers met mandaat": roles, signatories and supervisory bodies."""

from __future__ import annotations

from collections.abc import Iterator

from prestatieafspraken.model import MandateRole, MilestoneKind
from prestatieafspraken.rules._phrases import iso_date, role
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.registry import rule
from prestatieafspraken.vocabulary import label

_MANDATE = "Handreiking, Een goede start: Bestuurders en beleidsmedewerkers met mandaat"

#: The milestones by which a supervisory body is involved (PA107).
_APPROVALS = (MilestoneKind.SUPERVISORY_APPROVAL, MilestoneKind.DECISION)

_PROCESS_ROLES = (
    MandateRole.DRAFTER,
    MandateRole.DECIDER,
    MandateRole.APPROVER,
    MandateRole.SIGNATORY,
    MandateRole.EXECUTOR,
)


@rule(
    "PA105",
    severity=Severity.WARNING,
    title_nl="Rol in het proces niet belegd",
    title_en="Process role not assigned",
    source=_MANDATE + ': "Wie gaat het op papier zetten, wie hakt knopen door, wie keurt iets goed, wie tekent '
    'en wie voert uit?"',
)
def unassigned_roles(ctx: RuleContext) -> Iterator[Finding]:
    """One finding per role among drafter, decider, approver, signatory and executor that no mandate gives.

    Handbook: "Wie gaat het op papier zetten, wie hakt knopen door, wie keurt iets goed, wie tekent en wie voert
    uit?"

    A role counts as held when any mandate gives it; whether its holder is a known party is PA001's concern.
    """
    for missing in _PROCESS_ROLES:
        if missing not in ctx.role_holders:
            yield ctx.finding(
                path="$.mandates",
                nl=f"Niemand heeft de rol {role(missing, 'nl')}: leg in mandates vast welke partij deze rol "
                f"heeft (role: {missing.value}).",
                en=f"Nobody holds the role of {role(missing, 'en')}: record in mandates which party holds it "
                f"(role: {missing.value}).",
            )


@rule(
    "PA106",
    severity=Severity.ERROR,
    title_nl="Ondertekenende partij zonder tekenmandaat",
    title_en="Signing party without a signatory mandate",
    source=_MANDATE + ': "wie tekent"',
)
def signing_without_mandate(ctx: RuleContext) -> Iterator[Finding]:
    """A signing party holds no signatory mandate.

    Handbook: "Met name bij regionale afspraken is verantwoording en mandatering vaak een grijs gebied." and
    "Wie gaat het op papier zetten, wie hakt knopen door, wie keurt iets goed, wie tekent en wie voert uit?"

    The signing parties are those named by signing milestones; a signing without a party is signed by every counted
    party. A party that another signing party represents (``represents``: the Stadsregio Parkstad Limburg signs
    "namens de gemeenten") and that has no signing of its own signs through its representative and needs no
    mandate of its own; the representative does. A party id that names no party is skipped (PA001 reports it).
    The path is the party's earliest applicable signing.
    """
    signatories = set(ctx.role_holders.get(MandateRole.SIGNATORY, ()))
    for party_id in ctx.signing_party_ids:
        if party_id in signatories or party_id not in ctx.index.parties or ctx.signs_on_behalf_of(party_id):
            continue
        signing = ctx.signing_of(party_id)
        if signing is None:  # pragma: no cover - a signing party always has a signing
            continue
        yield ctx.finding(
            path=signing.path,
            subjects=(party_id,),
            nl=f"{party_id} ondertekent op {iso_date(signing.milestone.date)}, maar niemand bij {party_id} "
            "heeft een tekenmandaat: leg een mandate met role signatory vast (wie tekent, namens wie), of leg vast "
            "welke partij namens haar tekent (represents).",
            en=f"{party_id} signs on {iso_date(signing.milestone.date)}, but nobody at {party_id} holds a "
            "signatory mandate: record a mandate with role signatory (who signs, on whose behalf), or record "
            "which party signs on its behalf (represents).",
        )


@rule(
    "PA107",
    severity=Severity.WARNING,
    title_nl="Geen instemming van raad, RvC of achterban vóór ondertekening",
    title_en="No approval by the council, supervisory board or members before signing",
    source=_MANDATE + ': "de rol van raden van commissarissen, gemeenteraden en achterbannen"',
)
def supervisory_body_bypassed(ctx: RuleContext) -> Iterator[Finding]:
    """A counted party whose council, board or members must agree has no approval or decision by its signing.

    Handbook: "Neem bij het opstellen van een proces ook de tijd om de rol van raden van commissarissen,
    gemeenteraden en achterbannen van huurdersorganisaties te bespreken."

    A party records who must agree in ``supervisory_body``: the gemeenteraad of a municipality, the raad van
    commissarissen of a corporation, the achterban (members) of a tenant organisation. Only counted parties are
    judged (endorsers, observers and declined parties do not sign). A supervisory_approval (instemming van raad,
    RvC of achterban) or decision milestone counts when it is the party's own or has no party (of all), is not
    missed, and is dated on or before the signing: the same day is fine, as in PA112's order. The signing is the
    party's own earliest applicable signing, else the earliest signing of the agreement; with no signing at all
    there is nothing to compare with and no finding.
    """
    earliest = ctx.earliest_signing
    if earliest is None:
        return
    positions = ctx.positions("parties")
    approval_nl = label(MilestoneKind.SUPERVISORY_APPROVAL, "nl")
    approval_en = label(MilestoneKind.SUPERVISORY_APPROVAL, "en")
    for party in ctx.counted_parties:
        if not party.supervisory_body:
            continue
        signing = ctx.signing_of(party.id) or earliest
        signed = signing.milestone.date
        approved = ctx.earliest_of(party.id, _APPROVALS)
        if approved is not None and approved <= signed:
            continue
        body = party.supervisory_body
        yield ctx.finding(
            path=f"$.parties[{positions[party.id]}]",
            subjects=(party.id,),
            nl=f"{party.id} heeft de {approval_nl} nodig ({body}), maar er is geen instemming "
            f"(supervisory_approval) of besluit (decision) van {party.id} op of vóór de ondertekening op "
            f"{iso_date(signed)}: plan die instemming ({body}) vóór de ondertekening.",
            en=f"{party.id} needs the {approval_en} ({body}), but there is no approval (supervisory_approval) or "
            f"decision of {party.id} on or before the signing on {iso_date(signed)}: plan that approval ({body}) "
            "before the signing.",
        )
