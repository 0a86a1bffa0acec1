"""PA119-PA120, "Betrek je huurdersorganisaties": tenants at the table locally, their involvement recorded beyond."""

from __future__ import annotations

from collections.abc import Iterator

from prestatieafspraken.model import PartyKind, Scope, TenantInvolvement
from prestatieafspraken.rules._phrases import joined
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.registry import WIDER_THAN_LOCAL, rule

_TENANTS = "Handreiking, Een goede start: Betrek je huurdersorganisaties"

#: The tenant parties: a huurdersorganisatie, or a koepel of them (where several corporations work in a municipality,
#: other huurdersorganisaties or a koepel can join, http://woningwet2015.nl/prestatieafspraken-huurdersorganisatie).
_TENANT_KINDS = frozenset({PartyKind.TENANT_ORGANISATION, PartyKind.TENANT_ALLIANCE})


@rule(
    "PA119",
    severity=Severity.ERROR,
    title_nl="Lokale afspraken zonder huurdersorganisatie",
    title_en="Local agreement without a tenant organisation",
    source="Woningwet art. 44: de huurdersorganisatie is gelijkwaardige partij; "
    + _TENANTS
    + ': "zij zijn een gelijkwaardige partner in het lokale prestatieafsprakenproces"',
    scopes={Scope.LOCAL},
)
def local_without_tenants(ctx: RuleContext) -> Iterator[Finding]:
    """A local agreement has no tenant organisation (or koepel of them) among its counted parties.

    Handbook: "De rol van huurdersorganisaties wettelijk verankerd en duidelijk: zij zijn een gelijkwaardige
    partner in het lokale prestatieafsprakenproces."

    Law: under the Woningwet the huurdersorganisatie sits at the table "als gelijkwaardige partij"
    (http://woningwet2015.nl/prestatieafspraken-huurdersorganisatie).

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

    The field itself must be given; a tenant party among the counted parties does not replace it, the message
    then suggests ``signatory``. Recording ``none`` answers this rule, but is itself reported (PA126).
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


@rule(
    "PA126",
    severity=Severity.INFO,
    title_nl="Huurdersorganisaties niet betrokken",
    title_en="Tenant organisations not involved",
    source=_TENANTS + ': "Bedenk goed wat de rol is van huurdersorganisaties en wanneer ze te betrekken."',
    scopes=WIDER_THAN_LOCAL,
)
def tenants_not_involved(ctx: RuleContext) -> Iterator[Finding]:
    """A regional, provincial or national agreement records that tenant organisations are not involved (``none``).

    Handbook: "Regionale afspraken hebben vaak ook invloed op lokale uitvoering én huurdersorganisaties kunnen
    eraan bijdragen dat de afspraken goed aansluiten op de lokale situatie. Bedenk goed wat de rol is van
    huurdersorganisaties en wanneer ze te betrekken."

    ``none`` is a recorded choice (PA120 is answered), and a legitimate one, as in the Woonakkoord Gooi en
    Vechtstreek, where "de huurdersorganisaties zijn bij dit Woonakkoord niet direct betrokken". It is reported as
    information with the handbook's advice: the regional agreements shape the local ones, so consider when to
    involve the tenants, for instance when the agreements are worked out locally, or through a regional
    representative of the tenant organisations.
    """
    if ctx.agreement.tenant_involvement is not TenantInvolvement.NONE:
        return
    yield ctx.finding(
        path="$.tenant_involvement",
        nl="De huurdersorganisaties zijn niet betrokken bij deze afspraken (tenant_involvement: none). Regionale "
        "afspraken hebben vaak invloed op de lokale uitvoering, en huurdersorganisaties kunnen helpen de afspraken "
        "te laten aansluiten op de lokale situatie: bedenk goed wanneer je ze betrekt, bijvoorbeeld bij de lokale "
        "uitwerking of via een regionale vertegenwoordiger van de huurdersorganisaties.",
        en="The tenant organisations are not involved in this agreement (tenant_involvement: none). Regional "
        "agreements often shape local execution, and tenant organisations can help them fit the local situation: "
        "consider when to involve them, for instance when the agreements are worked out locally, or through a "
        "regional representative of the tenant organisations.",
    )
