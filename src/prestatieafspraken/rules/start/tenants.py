"""PA119-PA120, "Betrek je huurdersorganisaties": tenants at the table locally, their involvement recorded beyond."""

from __future__ import annotations

from collections.abc import Iterator

from prestatieafspraken.model import PartyKind, Scope
from prestatieafspraken.rules._phrases import joined
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.registry import WIDER_THAN_LOCAL, rule

_TENANTS = "Handreiking, Een goede start: Betrek je huurdersorganisaties"

#: The tenant parties: a huurdersorganisatie, or a koepel of them (FACTS §1.1: "other huurdersorganisaties or a
#: koepel can join").
_TENANT_KINDS = frozenset({PartyKind.TENANT_ORGANISATION, PartyKind.TENANT_ALLIANCE})


@rule(
    "PA119",
    severity=Severity.ERROR,
    title_nl="Lokale afspraken zonder huurdersorganisatie",
    title_en="Local agreement without a tenant organisation",
    source="Woningwet art. 44 (domain/FACTS.md §1.1): huurdersorganisatie is gelijkwaardige partij; "
    + _TENANTS
    + ': "zij zijn een gelijkwaardige partner in het lokale prestatieafsprakenproces"',
    scopes={Scope.LOCAL},
)
def local_without_tenants(ctx: RuleContext) -> Iterator[Finding]:
    """A local agreement has no tenant organisation (or koepel of them) among its counted parties.

    Handbook: "De rol van huurdersorganisaties wettelijk verankerd en duidelijk: zij zijn een gelijkwaardige
    partner in het lokale prestatieafsprakenproces." FACTS §1.1: the huurdersorganisatie sits at the table "als
    gelijkwaardige partij".

    Choices: a tenant_organisation or a tenant_alliance counts, and only as a counted party (founding or joined):
    an observer, endorser or declined tenant organisation is not an equal party at the table.
    """
    if any(party.kind in _TENANT_KINDS for party in ctx.counted_parties):
        return
    aside = [
        party.id
        for party in ctx.agreement.parties
        if party.kind in _TENANT_KINDS and not ctx.index.is_counted(party.id)
    ]
    note_nl = f" ({joined(aside)} staat er alleen naast, niet als partij)" if aside else ""
    note_en = f" ({joined(aside)} only stands aside, not as a party)" if aside else ""
    yield ctx.finding(
        path="$.parties",
        subjects=tuple(aside),
        nl=f"Deze lokale afspraken hebben geen huurdersorganisatie als partij{note_nl}: volgens de Woningwet zit "
        "de huurdersorganisatie als gelijkwaardige partij aan tafel.",
        en=f"This local agreement has no tenant organisation as a party{note_en}: under the Woningwet the tenant "
        "organisation sits at the table as an equal party.",
    )


@rule(
    "PA120",
    severity=Severity.WARNING,
    title_nl="Regionale of bredere afspraken zonder vastgelegde huurdersbetrokkenheid",
    title_en="Regional or wider agreement without recorded tenant involvement",
    source=_TENANTS + ': "Bespreek op z’n minst met huurdersorganisaties of en zo ja hoe ze betrokken willen zijn."',
    scopes=WIDER_THAN_LOCAL,
)
def tenant_involvement_unrecorded(ctx: RuleContext) -> Iterator[Finding]:
    """A regional, provincial or national agreement does not record ``tenant_involvement``.

    Handbook: "Dit is voor regionale afspraken in al zijn vormen (met/zonder provincie of Rijk, Woondeal, Regio
    Deal, Woonakkoord) minder eenduidig. Bespreek op z’n minst met huurdersorganisaties of en zo ja hoe ze
    betrokken willen zijn."

    As DESIGN §4 has it, the field itself must be given (``none`` is a recorded choice and is quiet); a tenant
    party among the counted parties does not replace it, the message then suggests ``signatory``.
    """
    if ctx.agreement.tenant_involvement is not None:
        return
    tenants = [party.id for party in ctx.counted_parties if party.kind in _TENANT_KINDS]
    hint_nl = f" ({joined(tenants)} is partij: vermoedelijk signatory)" if tenants else ""
    hint_en = f" ({joined(tenants)} is a party: presumably signatory)" if tenants else ""
    yield ctx.finding(
        path="$.tenant_involvement",
        subjects=tuple(tenants),
        nl="Deze afspraken leggen niet vast hoe huurdersorganisaties betrokken zijn (tenant_involvement: "
        f"signatory, consulted, informed of none){hint_nl}: bespreek met hen of en hoe ze betrokken willen zijn.",
        en="This agreement does not record how tenant organisations are involved (tenant_involvement: "
        f"signatory, consulted, informed or none){hint_en}: discuss with them whether and how they want to be "
        "involved.",
    )
