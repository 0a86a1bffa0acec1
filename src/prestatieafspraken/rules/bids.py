"""PA407-PA409, the bid as content (Woningwet art. 44): whom it reaches, the years it covers, and whether it is there.

The bid (bod, "overzicht van voorgenomen werkzaamheden") is what a housing corporation offers for the coming
years; DESIGN §3.1 records it in ``bids`` with its addressees, its horizon and its offers. PA407 and PA408 read
the bids in ``bids`` of any agreement (a bid is the corporation's statutory bid wherever it is recorded); PA409
asks, in a local agreement, for the bid of every year a corporation has commitments for, once its deadline has
passed. The bids of a cycle are `RuleContext.bids_by_cycle`: the bid milestones and the bids in ``bids``, each bid
once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeAlias

from prestatieafspraken.model import Bid, Party, PartyKind
from prestatieafspraken.model.bids import STATUTORY_HORIZON
from prestatieafspraken.rules._phrases import SHOWN, iso_date, joined, number, shortened
from prestatieafspraken.rules._statutory import BIDDERS, LOCAL, deadline_of
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.registry import rule
from prestatieafspraken.vocabulary import Language, term

_BID = "Woningwet art. 44: het bod (overzicht van voorgenomen werkzaamheden)"


def _bidding(ctx: RuleContext) -> Iterator[tuple[int, Bid, Party]]:
    """Each bid in ``bids`` of a known housing corporation or alliance, with its position and its party.

    A bid of an unknown party is left to PA001; a bid of another kind of party is not the statutory bid.
    """
    for position, bid in enumerate(ctx.agreement.bids):
        party = ctx.index.parties.get(bid.party)
        if party is not None and party.kind in BIDDERS:
            yield position, bid, party


@rule(
    "PA407",
    severity=Severity.WARNING,
    title_nl="Bod niet naar gemeente en huurdersorganisaties gestuurd",
    title_en="Bid not sent to the municipality and the tenant organisations",
    source=_BID + " gaat naar gemeente en huurdersorganisaties",
)
def bid_not_sent(ctx: RuleContext) -> Iterator[Finding]:
    """A bid not sent to a municipality of its party's areas and to every tenant organisation for those areas.

    Law: Woningwet art. 44: each year the corporation sends its bid, the "overzicht van voorgenomen werkzaamheden",
    to the college van B&W of the municipality, to the tenant organisations and to the bewonerscommissies, who
    must have it by 1 July
    (https://kennisvanstadenregio.nl/verdieping/kennisdossier-woningmarkt/woningwet/woonvisie-en-prestatieafspraken,
    https://www.dirkzwager.nl/kennis/artikelen/blok-faciliteert-gemeenten-en-huurdersorganisaties-bij-prestatieafspraken/).
    Tenant organisations have the same right to information as the municipality
    (http://woningwet2015.nl/prestatieafspraken-huurdersorganisatie).

    Each bid in ``bids`` of a housing corporation or alliance is judged against the counted parties (founding or
    joined) of the agreement that work for the bidder's areas: it must reach at least one municipality among them
    (a bid is made per municipality) and every tenant organisation among them. A party reached through a party in
    ``sent_to`` that represents it (a region for its municipalities, a koepel for its tenant organisations) is
    reached. A party without areas, or a bidder without areas, counts for the whole agreement. One finding per
    bid, at its ``sent_to``, naming who was not reached: its subjects list them all, its message the first five and
    how many more ("en nog 25").
    """
    addressees = _Addressees(ctx)
    for position, bid, bidder in _bidding(ctx):
        municipalities, no_municipality, missing_tenants = addressees.missed(
            frozenset(bidder.areas), frozenset(bid.sent_to)
        )
        if not no_municipality and not missing_tenants:
            continue
        missing_nl, missing_en = [], []
        if no_municipality:
            missing_nl.append(f"de gemeente ({_either(municipalities, 'nl')})")
            missing_en.append(f"the municipality ({_either(municipalities, 'en')})")
        if missing_tenants:
            organisations = "huurdersorganisatie" if len(missing_tenants) == 1 else "huurdersorganisaties"
            missing_nl.append(f"{organisations} {shortened(missing_tenants, 'nl')}")
            plural = "s" if len(missing_tenants) > 1 else ""
            missing_en.append(f"tenant organisation{plural} {shortened(missing_tenants, 'en')}")
        subjects = (bid.id, bid.party, *(municipalities if no_municipality else ()), *missing_tenants)
        yield ctx.finding(
            path=f"$.bids[{position}].sent_to",
            subjects=tuple(dict.fromkeys(subjects)),
            nl=f"Het {term('bid', 'nl')} {bid.id} van {bid.party} ({iso_date(bid.date)}) is niet gestuurd naar "
            f"{' en '.join(missing_nl)}: het bod gaat naar de gemeente en naar elke huurdersorganisatie, die "
            "dezelfde informatie krijgen; vul sent_to aan.",
            en=f"The bid {bid.id} of {bid.party} ({iso_date(bid.date)}) was not sent to {' and '.join(missing_en)}: "
            "the bid goes to the municipality and to every tenant organisation, who receive the same information; "
            "complete sent_to.",
        )


#: The kinds of party a bid is sent to (PA407).
_ADDRESSED = (PartyKind.MUNICIPALITY, PartyKind.TENANT_ORGANISATION)

#: What a bid misses: the municipalities it must reach one of, whether it reaches none, the tenant organisations
#: it does not reach.
_Missed: TypeAlias = tuple[tuple[str, ...], bool, tuple[str, ...]]


class _Addressees:
    """Whom the bids of one check must reach and whom they reach, each worked out once.

    The counted municipalities and tenant organisations are indexed by area once; the addressees of a set of
    areas and what a ``sent_to`` misses of them are computed once per distinct pair (the bids of a corporation
    usually share both), so PA407 costs in proportion to the bids and the parties, not their product.
    """

    def __init__(self, ctx: RuleContext) -> None:
        self._all: dict[PartyKind, list[tuple[int, str]]] = {kind: [] for kind in _ADDRESSED}
        self._everywhere: dict[PartyKind, list[tuple[int, str]]] = {kind: [] for kind in _ADDRESSED}
        self._by_area: dict[tuple[PartyKind, str], list[tuple[int, str]]] = {}
        self._represented: dict[str, set[str]] = {}
        for order, party in enumerate(ctx.counted_parties):
            if party.kind not in _ADDRESSED:
                continue
            placed = (order, party.id)
            self._all[party.kind].append(placed)
            for area in dict.fromkeys(party.areas):
                self._by_area.setdefault((party.kind, area), []).append(placed)
            if not party.areas:
                self._everywhere[party.kind].append(placed)
            for representative in ctx.representatives_of(party.id):
                self._represented.setdefault(representative, set()).add(party.id)
        self._missed: dict[tuple[frozenset[str], frozenset[str]], _Missed] = {}

    def missed(self, areas: frozenset[str], sent: frozenset[str]) -> _Missed:
        """What a bid of a bidder working for *areas* (all, when empty) and sent to *sent* misses."""
        found = self._missed.get((areas, sent))
        if found is None:
            municipalities = self._for(PartyKind.MUNICIPALITY, areas)
            tenants = self._for(PartyKind.TENANT_ORGANISATION, areas)
            reached = set(sent).union(*(self._represented.get(party, ()) for party in sent))
            no_municipality = bool(municipalities) and reached.isdisjoint(municipalities)
            missing = tuple(party for party in tenants if party not in reached)
            found = self._missed[(areas, sent)] = (municipalities, no_municipality, missing)
        return found

    def _for(self, kind: PartyKind, areas: frozenset[str]) -> tuple[str, ...]:
        """The counted parties of *kind* that work for *areas*, in ``parties`` order.

        A party without areas works for every area; for a bidder without areas (*areas* empty) every party counts.
        """
        if not areas:
            return tuple(party for _, party in self._all[kind])
        placed = set(self._everywhere[kind]).union(*(self._by_area.get((kind, area), ()) for area in areas))
        return tuple(party for _, party in sorted(placed))


def _either(ids: Sequence[str], lang: Language) -> str:
    """Ids for "one of these": ``a``, ``a of b``, ``a, b of c``; after five, ``..., e of een van 25 andere``."""
    word = "or" if lang == "en" else "of"
    if len(ids) == 1:
        return ids[0]
    if len(ids) <= SHOWN + 1:
        return f"{joined(ids[:-1])} {word} {ids[-1]}"
    rest = number(len(ids) - SHOWN)
    others = f"one of {rest} others" if lang == "en" else f"een van {rest} andere"
    return f"{joined(ids[:SHOWN])} {word} {others}"


@rule(
    "PA408",
    severity=Severity.INFO,
    title_nl="Bod beslaat minder dan vijf jaar",
    title_en="Bid covers fewer than five years",
    source=_BID + ": de eerstvolgende vijf jaren",
    params={"bid_horizon_years": STATUTORY_HORIZON},
)
def short_bid(ctx: RuleContext) -> Iterator[Finding]:
    """A bid in ``bids`` that covers fewer than ``bid_horizon_years`` (5) years.

    Law: the bid covers the corporation's intended activities for the next five years ("de eerstvolgende vijf
    jaren", https://www.dirkzwager.nl/kennis/artikelen/blok-faciliteert-gemeenten-en-huurdersorganisaties-bij-prestatieafspraken/,
    https://kennisvanstadenregio.nl/verdieping/kennisdossier-woningmarkt/woningwet/woonvisie-en-prestatieafspraken).
    In practice some bids are concrete for the coming year with a look ahead at the four after it
    (https://www.middendelfland.nl/prestatieafspraken-volkshuisvesting); others speak of four years, so the
    number is a parameter and a shorter bid is information, not a warning.

    A bid's ``horizon`` is the number of years from its ``for_year`` (5 when the file does not say). Bids of a
    party that is not a housing corporation or alliance are not the statutory bid and are not judged.
    """
    years = ctx.param("bid_horizon_years")
    for position, bid, _ in _bidding(ctx):
        if bid.horizon >= years:
            continue
        span = _span(bid.for_year, bid.for_year + bid.horizon - 1)
        ahead = _span(bid.for_year + bid.horizon, bid.for_year + years - 1)
        yield ctx.finding(
            path=f"$.bids[{position}].horizon",
            subjects=(bid.id, bid.party),
            nl=f"Het {term('bid', 'nl')} {bid.id} van {bid.party} beslaat {bid.horizon} jaar ({span}), minder dan "
            f"{years} jaar: het bod geeft de voorgenomen werkzaamheden voor de eerstvolgende jaren; geef ook een "
            f"doorkijk naar {ahead}.",
            en=f"The bid {bid.id} of {bid.party} covers {bid.horizon} year{'s' if bid.horizon > 1 else ''} "
            f"({span}), fewer than {years} years: the bid gives the intended activities for the years ahead; add a "
            f"look ahead at {ahead}.",
        )


def _span(first: int, last: int) -> str:
    """Years for a message: ``2026`` or ``2026-2028``."""
    return str(first) if first == last else f"{first}-{last}"


@rule(
    "PA409",
    severity=Severity.INFO,
    title_nl="Corporatie met afspraken voor een jaar zonder bod",
    title_en="Corporation with commitments for a year without a bid",
    source=_BID + ", elk jaar uiterlijk 1 juli",
    scopes=LOCAL,
)
def no_bid_for_year(ctx: RuleContext) -> Iterator[Finding]:
    """In a local agreement, a housing corporation with commitments for year Y and no bid for cycle Y.

    Law: each year the corporation sends its bid for the coming year, "uiterlijk 1 juli" of the year before
    (Woningwet art. 44, https://kennisvanstadenregio.nl/verdieping/kennisdossier-woningmarkt/woningwet/woonvisie-en-prestatieafspraken);
    the jaarschijf for Y is negotiated on it.

    A housing corporation or alliance that executes commitments (``by``) for a perspective year Y needs a bid of
    cycle Y (`prestatieafspraken.cycles.cycle_of`): a bid in ``bids`` with ``for_year`` Y, or a bid milestone of
    cycle Y that is not missed, of the corporation itself, of a party that represents it (an alliance bidding for
    its members), or of all (a bid milestone without a party). A year is judged only once its bid deadline
    (``bid_deadline_month``/ ``bid_deadline_day`` of Y−1, 1 July by default) has passed as of the check date, so a
    sound agreement in the middle of its term is quiet. One finding per corporation, at the party, naming the years
    (the first five, and how many more).
    """
    bidders = {year: {placed.party for placed in placed_bids} for year, placed_bids in ctx.bids_by_cycle.items()}
    for position, party in enumerate(ctx.agreement.parties):
        if party.kind not in BIDDERS or ctx.positions("parties").get(party.id) != position:
            continue
        covering = {None, party.id, *ctx.representatives_of(party.id)}
        years = sorted(
            {
                commitment.year
                for commitment in ctx.index.commitments_by_party(party.id)
                if commitment.year is not None and commitment.year in ctx.agreement.perspective
            }
        )
        missing = [
            (year, deadline)
            for year in years
            if (deadline := deadline_of(ctx.statutory.bid_deadline, year)) is not None
            and deadline < ctx.as_of
            and covering.isdisjoint(bidders.get(year, ()))
        ]
        if not missing:
            continue
        years_missing = [str(year) for year, _ in missing]
        listed_nl, listed_en = shortened(years_missing, "nl"), shortened(years_missing, "en")
        due_nl = shortened([f"{year} (uiterlijk {iso_date(deadline)})" for year, deadline in missing], "nl")
        due_en = shortened([f"{year} (due by {iso_date(deadline)})" for year, deadline in missing], "en")
        yield ctx.finding(
            path=f"$.parties[{position}]",
            subjects=(party.id,),
            nl=f"{party.id} heeft afspraken voor {listed_nl}, maar er is geen {term('bid', 'nl')} van {party.id} "
            f"vastgelegd voor {due_nl}: leg het bod vast in bids, of als mijlpaal (kind: bid).",
            en=f"{party.id} has commitments for {listed_en}, but no bid of {party.id} is recorded for {due_en}: "
            "record the bid in bids, or as a milestone (kind: bid).",
        )
