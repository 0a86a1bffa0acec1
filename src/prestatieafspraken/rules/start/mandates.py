"""PA105-PA107, "Bestuurders en beleidsmedewerkers met mandaat": roles, signatories and supervisory bodies."""

from __future__ import annotations

from collections.abc import Iterator

from prestatieafspraken.model import MandateRole, MilestoneKind
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.registry import rule
from prestatieafspraken.rules.start._roles import ROLE_EN, ROLE_NL

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
    for role in _PROCESS_ROLES:
        if role not in ctx.role_holders:
            yield ctx.finding(
                path="$.mandates",
                nl=f"Niemand heeft de rol {ROLE_NL[role]}: leg in mandates vast welke partij deze rol "
                f"heeft (role: {role.value}).",
                en=f"Nobody holds the role of {ROLE_EN[role]}: record in mandates which party holds it "
                f"(role: {role.value}).",
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

    Signing parties as DESIGN §4 defines them (a signing without a party: every counted party). A party id that
    names no party is skipped (PA001 reports it). The path is the party's earliest applicable signing.
    """
    signatories = set(ctx.role_holders.get(MandateRole.SIGNATORY, ()))
    for party_id in ctx.signing_party_ids:
        if party_id in signatories or party_id not in ctx.index.parties:
            continue
        signing = ctx.signing_of(party_id)
        if signing is None:  # pragma: no cover - a signing party always has a signing
            continue
        yield ctx.finding(
            path=signing.path,
            subjects=(party_id,),
            nl=f"{party_id} ondertekent op {signing.milestone.date.isoformat()}, maar niemand bij {party_id} "
            "heeft een tekenmandaat: leg een mandate met role signatory vast (wie tekent, namens wie).",
            en=f"{party_id} signs on {signing.milestone.date.isoformat()}, but nobody at {party_id} holds a "
            "signatory mandate: record a mandate with role signatory (who signs, on whose behalf).",
        )


@rule(
    "PA107",
    severity=Severity.WARNING,
    title_nl="Toezichthouder niet betrokken vóór ondertekening",
    title_en="Supervisory body not involved before signing",
    source=_MANDATE + ': "de rol van raden van commissarissen, gemeenteraden en achterbannen"',
)
def supervisory_body_bypassed(ctx: RuleContext) -> Iterator[Finding]:
    """A counted party with a supervisory body has no supervisory approval or decision on or before its signing.

    Handbook: "Neem bij het opstellen van een proces ook de tijd om de rol van raden van commissarissen,
    gemeenteraden en achterbannen van huurdersorganisaties te bespreken."

    Choices: only counted parties (endorsers, observers and declined parties do not sign). A supervisory_approval
    or decision milestone counts when it is the party's own or has no party (of all), is not missed, and is dated
    on or before the signing: the same day is fine, as in PA112's order. The signing is the party's own earliest
    applicable signing, else the earliest signing of the agreement; with no signing at all there is nothing to
    compare with and no finding.
    """
    earliest = ctx.earliest_signing
    if earliest is None:
        return
    positions = ctx.positions("parties")
    for party in ctx.counted_parties:
        if not party.supervisory_body:
            continue
        signing = ctx.signing_of(party.id) or earliest
        signed = signing.milestone.date
        approved = ctx.earliest_of(party.id, _APPROVALS)
        if approved is not None and approved <= signed:
            continue
        yield ctx.finding(
            path=f"$.parties[{positions[party.id]}]",
            subjects=(party.id,),
            nl=f"{party.id} heeft een toezichthouder ({party.supervisory_body}), maar er is geen goedkeuring "
            f"(supervisory_approval) of besluit (decision) van {party.id} op of vóór de ondertekening op "
            f"{signed.isoformat()}: plan wanneer de toezichthouder het concept bespreekt.",
            en=f"{party.id} has a supervisory body ({party.supervisory_body}), but there is no supervisory "
            f"approval or decision of {party.id} on or before the signing on {signed.isoformat()}: plan when the "
            "supervisory body discusses the concept.",
        )
