"""Offered against agreed: what each corporation's bid offered and what the parties agreed, and the difference.

Woningwet art. 44 (domain/FACTS.md §1.3-1.4): the corporation's bid (bod) opens the yearly negotiation and the
jaarschijf closes it. Tenant organisations ask for the trace between the two: what was offered, what was agreed,
and what nobody offered. `bid_gap` gives it per party, indicator, area and year (DESIGN §3.1);
`prestatieafspraken.report.bid_gap` writes it as text, Markdown or JSON.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import attrs

from prestatieafspraken.cycles import check_year
from prestatieafspraken.model import Aggregation, Agreement, Bid, Commitment, Number, Offer, PartyKind

__all__ = ["BIDDING_KINDS", "BidGap", "GapLine", "bid_gap"]

#: The kinds of party whose bid is the statutory bid: a housing corporation, or an alliance of corporations that
#: bids for its members (as the AFWC does in Amsterdam). Their commitments are compared with their bids.
BIDDING_KINDS = frozenset({PartyKind.HOUSING_CORPORATION, PartyKind.CORPORATION_ALLIANCE})


@attrs.frozen(kw_only=True)
class GapLine:
    """One line of the bid gap: a party's offers and commitments for one year and one subject.

    A line is about a figure (``indicator`` and ``area``: the offers with a value and the commitments with an
    indicator and a value) or about promises in words (``theme``: the offers without a value and the commitments
    without an indicator or a value, matched by their theme).

    Attributes:
        party: The party id of the bidder.
        year: The year.
        indicator: The indicator of a line of figures; None on a line of promises in words.
        area: The area of a line of figures (None: no area named, on both sides).
        theme: The theme of a line of promises in words (None: no theme named); None on a line of figures.
        bid: The id of the bid whose offers count for this party and year, or None when no bid covers the year.
        offers: The offers of that bid on this line, in file order.
        commitments: The party's commitments on this line, in file order; a commitment the party executes with
            others counts in full for each of them.
        offered: The offered figure: the sum of the offers' values; None on a line of words, without offers, or
            when the values cannot be added up (see ``additive``).
        agreed: The agreed figure: the sum of the commitments' values, as for ``offered``.
        additive: Whether the indicator's figures add up: flows, stocks and cumulative indicators (their values
            are amounts and net changes, DESIGN §3.1). A ratio, or an indicator the agreement does not declare, is
            never summed: with more than one figure on a side that side has no total.
    """

    party: str
    year: int
    indicator: str | None = None
    area: str | None = None
    theme: str | None = None
    bid: str | None = None
    offers: tuple[Offer, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    offered: Number | None = None
    agreed: Number | None = None
    additive: bool = True

    @property
    def is_figure(self) -> bool:
        """Whether this is a line of figures (an indicator) rather than of promises in words."""
        return self.indicator is not None

    @property
    def difference(self) -> Number | None:
        """Agreed minus offered, when both are known: positive when more was agreed than offered."""
        if self.offered is None or self.agreed is None:
            return None
        return self.agreed - self.offered

    @property
    def not_offered(self) -> bool:
        """Whether the party agreed to this without offering it (a commitment nobody offered)."""
        return not self.offers

    @property
    def not_agreed(self) -> bool:
        """Whether the party offered this and nothing was agreed."""
        return not self.commitments


@attrs.frozen(kw_only=True)
class BidGap:
    """The bid gap of an agreement: offered against agreed, per party, year and subject.

    Attributes:
        year: The year asked for, or None for every year.
        parties: The bidders considered, in the order of the lines: the parties of kind housing_corporation or
            corporation_alliance in file order, then any other party that made a bid.
        lines: Per party (in that order), per year, the lines of figures (first) and of words; within each, in
            the order their first offer or commitment appears in the file.
    """

    year: int | None
    parties: tuple[str, ...]
    lines: tuple[GapLine, ...]

    @property
    def not_offered(self) -> tuple[GapLine, ...]:
        """The lines with commitments that nobody offered."""
        return tuple(line for line in self.lines if line.not_offered)

    @property
    def not_agreed(self) -> tuple[GapLine, ...]:
        """The lines with offers that were not agreed."""
        return tuple(line for line in self.lines if line.not_agreed)


def _bidders(agreement: Agreement) -> tuple[str, ...]:
    found = dict.fromkeys(party.id for party in agreement.parties if party.kind in BIDDING_KINDS)
    found.update(dict.fromkeys(bid.party for bid in agreement.bids))
    return tuple(found)


def _offer_years(bid: Bid) -> frozenset[int]:
    return frozenset(bid.year_of(offer) for offer in bid.offers)


def _bid_for(bids: Sequence[tuple[Bid, frozenset[int]]], year: int) -> Bid | None:
    """The bid that counts for *year*: the most recent one that covers it or offers something for it.

    Most recent: the latest ``for_year``, then the latest date, then the last in the file. A later bid replaces
    an earlier one for the years both cover, as each year's bid renews the outlook of the one before.
    """
    found: tuple[int, int, int] | None = None
    chosen: Bid | None = None
    for position, (bid, offer_years) in enumerate(bids):
        if not bid.covers(year) and year not in offer_years:
            continue
        key = (bid.for_year, bid.date.toordinal(), position)
        if found is None or key > found:
            found, chosen = key, bid
    return chosen


def _total(values: Sequence[Number], *, additive: bool) -> Number | None:
    if not values or (not additive and len(values) > 1):
        return None
    return sum(values[1:], values[0])


class _Lines:
    """The lines of one party and year, keyed by subject, in the order their subjects first appear."""

    def __init__(self) -> None:
        self.offers: dict[tuple[str | None, ...], list[Offer]] = {}
        self.commitments: dict[tuple[str | None, ...], list[Commitment]] = {}

    def add_offer(self, key: tuple[str | None, ...], offer: Offer) -> None:
        self.offers.setdefault(key, [])
        self.commitments.setdefault(key, [])
        self.offers[key].append(offer)

    def add_commitment(self, key: tuple[str | None, ...], commitment: Commitment) -> None:
        self.offers.setdefault(key, [])
        self.commitments.setdefault(key, [])
        self.commitments[key].append(commitment)


def _is_figure(commitment: Commitment) -> bool:
    return commitment.indicator is not None and commitment.value is not None


def _party_lines(
    agreement: Agreement, party: str, bid: Bid | None, year: int, commitments: Iterable[Commitment]
) -> Iterator[GapLine]:
    lines = _Lines()
    bid_id = None if bid is None else bid.id
    for offer in () if bid is None else bid.offers:
        if bid is not None and bid.year_of(offer) != year:
            continue
        if offer.value is not None:
            lines.add_offer(("figure", offer.indicator, offer.area), offer)
        else:
            lines.add_offer(("words", offer.theme), offer)
    for commitment in commitments:
        if _is_figure(commitment):
            lines.add_commitment(("figure", commitment.indicator, commitment.area), commitment)
        else:
            lines.add_commitment(("words", commitment.theme), commitment)
    indicators = agreement.index.indicators
    keys = sorted(lines.offers, key=lambda key: key[0] != "figure")  # figures first; sorted() keeps the order
    for key in keys:
        offers, agreed = tuple(lines.offers[key]), tuple(lines.commitments[key])
        if key[0] == "words":
            yield GapLine(party=party, year=year, theme=key[1], bid=bid_id, offers=offers, commitments=agreed)
            continue
        indicator = indicators.get(key[1] or "")
        additive = indicator is not None and indicator.aggregation is not Aggregation.RATIO
        yield GapLine(
            party=party,
            year=year,
            indicator=key[1],
            area=key[2],
            bid=bid_id,
            offers=offers,
            commitments=agreed,
            offered=_total([offer.value for offer in offers if offer.value is not None], additive=additive),
            agreed=_total([c.value for c in agreed if c.value is not None], additive=additive),
            additive=additive,
        )


def bid_gap(agreement: Agreement, year: int | None = None) -> BidGap:
    """What each bidder offered in its bid and what was agreed with it, per year, indicator and area.

    Who: every party of kind housing_corporation or corporation_alliance, and any other party that made a bid
    (`BIDDING_KINDS`). What was agreed with a party: the commitments it executes (it is named in ``by``) that
    have a year; a commitment without a year cannot be set against a year's bid and is left out (PA301 reports
    it).

    Which offers count for a year: those of the party's most recent bid that covers the year (``for_year`` to
    ``for_year + horizon − 1``) or offers something for it; an offer without a ``year`` is for its bid's
    ``for_year``. A later bid replaces an earlier one: each year's bid renews the outlook of the one before.

    How they are matched: an offer with a value and a commitment with an indicator and a value are figures,
    matched by indicator and area (an area left out matches only an area left out); the sums are compared,
    ``difference`` = agreed − offered. Offers without a value and the other commitments are promises in words,
    matched by theme. A line without offers holds commitments nobody offered; one without commitments, offers
    that were not agreed.

    Args:
        agreement: The agreement.
        year: Only this year; None (the default) for every year that has an offer or a commitment of a bidder.

    Returns:
        The lines per party, year and subject.

    Raises:
        CycleError: *year* is not a whole number from 2 to 9998.
    """
    wanted = None if year is None else check_year(year)
    index = agreement.index
    parties = _bidders(agreement)
    lines: list[GapLine] = []
    for party in parties:
        by_year: dict[int, list[Commitment]] = {}
        for commitment in index.commitments_by_party(party):
            if commitment.year is not None and (wanted is None or commitment.year == wanted):
                by_year.setdefault(commitment.year, []).append(commitment)
        bids = [(bid, _offer_years(bid)) for bid in index.bids_by_party(party)]
        years = set(by_year)
        if wanted is not None:
            years.add(wanted)
        else:
            years.update(year for _, offer_years in bids for year in offer_years)
        for each in sorted(years):
            lines.extend(_party_lines(agreement, party, _bid_for(bids, each), each, by_year.get(each, ())))
    return BidGap(year=wanted, parties=parties, lines=tuple(lines))
