"""The bid (bod): what a housing corporation offers for the coming years, as content and not only as a date.

Woningwet art. 44 (domain/FACTS.md §1.3): each year the corporation sends an overview of its planned activities
and its intended contribution to the housing policy (the "bod", "overzicht van voorgenomen werkzaamheden") to the
municipality and the tenant organisations by 1 July; it covers the next five years. DESIGN §3.1: a bid in
``bids`` is a bid milestone of the cycle of its ``for_year``; its offers are what the agreed commitments are
compared with (`prestatieafspraken.bids.bid_gap`).
"""

from __future__ import annotations

import datetime as dt

import attrs
import pendulum

from prestatieafspraken.model.fields import REFERS_TO, IdKind, Number
from prestatieafspraken.model.ids import InvariantError, slug
from prestatieafspraken.model.process import cycle_year

__all__ = ["STATUTORY_HORIZON", "Bid", "Offer"]

#: The years a bid covers by law: "de eerstvolgende vijf jaren" (domain/FACTS.md §1.3, Woningwet art. 43-44).
STATUTORY_HORIZON = 5


@attrs.frozen(kw_only=True)
class Offer:
    """One thing a bid offers: a figure of an indicator for an area and year, or a promise in words.

    An offer with a ``value`` names its ``indicator``: a figure without one cannot be compared with anything
    ("90" of what?). An offer without a value is a promise in words, matched with the commitments by its theme.
    An offer without a ``year`` is for the first year of its bid (`Bid.for_year`).
    """

    id: str = attrs.field(validator=slug)
    indicator: str | None = attrs.field(default=None, metadata={REFERS_TO: IdKind.INDICATOR})
    area: str | None = attrs.field(default=None, metadata={REFERS_TO: IdKind.AREA})
    year: int | None = None
    value: Number | None = None
    theme: str | None = attrs.field(default=None, metadata={REFERS_TO: IdKind.THEME})
    text: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.value is not None and self.indicator is None:
            raise InvariantError.at("indicator", "offer_value_without_indicator", id=self.id, value=self.value)
        if self.indicator is None and self.theme is None and self.text is None:
            raise InvariantError.at("text", "offer_offers_nothing", id=self.id)


def _horizon(_instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 1:
        raise InvariantError.at(attribute.name, "bid_horizon", got=value)


@attrs.frozen(kw_only=True)
class Bid:
    """A housing corporation's bid (bod) for the yearly cycle of ``for_year`` and the years after it.

    A bid recorded here has been sent: it is a done bid milestone of party ``party`` on ``date`` in the cycle
    ``for_year`` (DESIGN §3.1). A bid still to come is a bid milestone with status planned in the process.

    Attributes:
        id: The bid's id.
        party: The party that bids: a housing corporation or an alliance of corporations.
        for_year: The first year the bid covers: the year of the jaarschijf it is the bid for.
        horizon: How many years it covers, from ``for_year``; at least 1. Default 5, the statutory horizon
            (`STATUTORY_HORIZON`): a bid that does not say otherwise is taken to be the one the law asks for, and a
            shorter one is written down (rule PA408 reports it).
        date: When it was sent.
        sent_to: The party ids it was sent to: by law the municipality and the tenant organisations.
        offers: What it offers.
    """

    id: str = attrs.field(validator=slug)
    party: str = attrs.field(metadata={REFERS_TO: IdKind.PARTY})
    for_year: int = attrs.field(validator=cycle_year)
    horizon: int = attrs.field(default=STATUTORY_HORIZON, validator=_horizon)
    date: pendulum.Date
    sent_to: tuple[str, ...] = attrs.field(default=(), metadata={REFERS_TO: IdKind.PARTY})
    offers: tuple[Offer, ...] = ()

    def __attrs_post_init__(self) -> None:
        if self.for_year + self.horizon - 1 >= dt.MAXYEAR:
            raise InvariantError.at(
                "horizon", "bid_past_calendar", year=self.for_year, horizon=self.horizon, last=dt.MAXYEAR - 1
            )

    @property
    def years(self) -> range:
        """The years the bid covers, ``for_year`` to ``for_year + horizon - 1``."""
        return range(self.for_year, self.for_year + self.horizon)

    def covers(self, year: int) -> bool:
        """Whether *year* is one of the years the bid covers."""
        return self.for_year <= year < self.for_year + self.horizon

    def year_of(self, offer: Offer) -> int:
        """The year an offer is for: its own ``year``, else the bid's ``for_year``."""
        return self.for_year if offer.year is None else offer.year
