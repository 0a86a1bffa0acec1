"""Who may see what: the audiences of an agreement and whether one of them may see a commitment or realisation."""

from __future__ import annotations

from prestatieafspraken.model import Agreement, Commitment, Realisation, Visibility

#: The audience that is no party: everyone.
PUBLIC = "public"


def audiences(agreement: Agreement) -> tuple[str, ...]:
    """The audiences of an agreement: ``"public"``, then each party id once, in file order."""
    return (PUBLIC, *dict.fromkeys(party.id for party in agreement.parties if party.id != PUBLIC))


def owners_of(agreement: Agreement, item: Commitment | Realisation) -> tuple[str, ...]:
    """The parties an item belongs to: a commitment's executors; a realisation's party, else its commitment's."""
    if isinstance(item, Commitment):
        return item.by
    if item.party is not None:
        return (item.party,)
    if item.commitment is not None:
        commitment = agreement.index.commitments.get(item.commitment)
        if commitment is not None:
            return commitment.by
    return ()


class Sight:
    """Who may see the items of one agreement: every party's id is worked out once, not again for each item.

    A view asks about thousands of items of a national file with hundreds of parties; an item that every party
    may see (visibility ``parties``) then costs no walk over the parties.
    """

    def __init__(self, agreement: Agreement) -> None:
        self.agreement = agreement
        self.parties: tuple[str, ...] = tuple(dict.fromkeys(party.id for party in agreement.parties))
        """Every party's id once, in file order."""
        self._everyone = frozenset(self.parties)

    def who_sees(self, item: Commitment | Realisation) -> tuple[str, ...]:
        """The party ids that may see an item that is not public."""
        if item.visibility is Visibility.PARTIES:
            return self.parties
        return tuple(dict.fromkeys((*item.visible_to, *owners_of(self.agreement, item))))

    def seen_by(self, item: Commitment | Realisation) -> frozenset[str]:
        """`who_sees` as a set: one and the same set for every item that every party may see."""
        if item.visibility is Visibility.PARTIES:
            return self._everyone
        return frozenset(self.who_sees(item))

    def why(self, item: Commitment | Realisation) -> tuple[tuple[str, ...], str, str]:
        """Who may see an item that is not public, and why the others may not, in Dutch and English."""
        seen_by = self.who_sees(item)
        if item.visibility is Visibility.PARTIES:
            return (
                seen_by,
                "zichtbaarheid 'parties': alleen de partijen bij de afspraak zien dit",
                "visibility 'parties': only the parties to the agreement see this",
            )
        if not seen_by:
            return (
                seen_by,
                "zichtbaarheid 'restricted': geen partij ziet dit",
                "visibility 'restricted': no party sees this",
            )
        names = ", ".join(seen_by)
        return (
            seen_by,
            f"zichtbaarheid 'restricted': alleen {names} zien dit",
            f"visibility 'restricted': only {names} see this",
        )


def can_see(agreement: Agreement, audience: str, item: Commitment | Realisation) -> bool:
    """Whether *audience* (``"public"`` or a party id) may see a commitment or realisation of *agreement*."""
    if item.visibility is Visibility.PUBLIC:
        return True
    if audience == PUBLIC:
        return False
    if item.visibility is Visibility.PARTIES:
        return audience in agreement.index.parties
    return audience in item.visible_to or audience in owners_of(agreement, item)
