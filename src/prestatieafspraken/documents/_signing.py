"""The signature page, from the signatory mandates: who signs for which party, on whose behalf, and a line to sign.

Handbook, "Bestuurders en beleidsmedewerkers met mandaat": "wie tekent". A party that `represents` others (an
alliance of corporations, a region of municipalities) signs on their behalf ("namens"); endorsers
(onderschrijvers) sign apart, at the end, and carry no commitments.
"""

from __future__ import annotations

from collections.abc import Iterator

from prestatieafspraken.documents._blocks import Block, Heading, PageBreak, Paragraph, Signature
from prestatieafspraken.documents._names import Names
from prestatieafspraken.documents._sections import Chosen
from prestatieafspraken.documents._words import capital, day, joined, says
from prestatieafspraken.model import CoalitionStatus, Mandate, MandateRole, MilestoneKind, MilestoneStatus, Party
from prestatieafspraken.vocabulary import label, term

__all__ = ["signature_page"]


def _signature(names: Names, party: Party, mandate: Mandate | None) -> Signature:
    lang = names.lang
    lines: list[str] = []
    if mandate is not None and mandate.person:
        lines.append(mandate.person)
    if party.represents:
        lines.append(says("on_behalf_of", lang, parties=names.parties(party.represents)))
    if mandate is not None and mandate.themes:
        lines.append(says("for_themes", lang, themes=joined((names.theme(t) for t in mandate.themes), lang)))
    return Signature(
        party=party.name,
        lines=tuple(lines),
        signature=capital(term("signature", lang)),
        date=says("date", lang),
    )


def _signatures(names: Names, *, endorsers: bool) -> Iterator[Signature]:
    """The signatures of the counted parties (or of the endorsers): one per signatory mandate, in file order.

    Without any signatory mandate, every party signs that no other signing party represents.
    """
    agreement, index = names.agreement, names.index
    wanted = (lambda status: status is CoalitionStatus.ENDORSER) if endorsers else (lambda status: status.is_counted)
    signing = [p for p in agreement.parties if wanted(index.status_of(p.id))]
    ids = {party.id for party in signing}
    mandates = [m for m in agreement.mandates if m.role is MandateRole.SIGNATORY and m.holder in ids]
    if mandates:
        for mandate in mandates:
            yield _signature(names, index.parties[mandate.holder], mandate)
        if not endorsers:
            return
    signed = {mandate.holder for mandate in mandates}
    represented = {other for party in signing for other in party.represents if other != party.id}
    for party in signing:
        if party.id not in signed and (endorsers or party.id not in represented):
            yield _signature(names, party, None)


def signature_page(names: Names, chosen: Chosen) -> Iterator[Block]:
    """A new page with the signing: the date when there is one, a place to sign per signatory, then endorsers."""
    lang = names.lang
    yield PageBreak()
    yield Heading(level=1, text=capital(label(MilestoneKind.SIGNING, lang)))
    if chosen.year is not None:
        yield Paragraph(text=says("signing_intro_year", lang, year=chosen.year))
    else:
        yield Paragraph(text=says("signing_intro", lang))
    signing = next(
        (
            m
            for m in chosen.milestones
            if m.kind is MilestoneKind.SIGNING and m.status is not MilestoneStatus.MISSED and m.party is None
        ),
        None,
    )
    if signing is not None:
        yield Paragraph(text=says("signing_date", lang, date=day(signing.date, lang)))
    yield from _signatures(names, endorsers=False)
    endorsing = list(_signatures(names, endorsers=True))
    if endorsing:
        yield Heading(level=2, text=capital(label(MilestoneKind.ENDORSEMENT, lang)))
        yield Paragraph(text=says("endorsing_intro", lang))
        yield from endorsing
