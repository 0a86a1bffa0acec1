"""Names and texts instead of ids: how a document names parties, themes, goals, amounts and commitments."""

from __future__ import annotations

from collections.abc import Iterable

from prestatieafspraken.documents._words import joined, number, says, short_day
from prestatieafspraken.model import (
    Aggregation,
    Agreement,
    Commitment,
    Number,
    Target,
    theme_label,
)
from prestatieafspraken.vocabulary import Language, term

__all__ = ["Names", "capital"]

# Units as files write them (free text), and the recurring term a document writes for them.
_UNIT_TERMS = {
    "dwelling": "dwelling",
    "dwellings": "dwelling",
    "home": "dwelling",
    "homes": "dwelling",
    "woning": "dwelling",
    "woningen": "dwelling",
    "household": "household",
    "households": "household",
    "huishoudens": "household",
}
_EUROS = frozenset({"eur", "euro", "euros", "€"})
_SHARES = frozenset({"share", "ratio", "aandeel", "%", "percent", "procent"})


def capital(text: str) -> str:
    """The text with its first letter a capital, as a heading or a column starts."""
    return text[:1].upper() + text[1:]


class Names:
    """The names and texts of one agreement's items in one language; an id that names nothing stays an id."""

    def __init__(self, agreement: Agreement, lang: Language, *, withheld: frozenset[str] = frozenset()) -> None:
        self.agreement = agreement
        self.index = agreement.index
        self.lang: Language = lang
        self.withheld = withheld
        """Commitments whose text and value the reader may not see."""

    def party(self, party_id: str) -> str:
        """A party's name."""
        found = self.index.parties.get(party_id)
        return found.name if found is not None else party_id

    def parties(self, party_ids: Iterable[str]) -> str:
        """Parties' names as a sentence lists them: "A, B en C"."""
        return joined((self.party(party_id) for party_id in dict.fromkeys(party_ids)), self.lang)

    def area(self, area_id: str) -> str:
        """An area's name; a key that names a party (a breakdown may name parties) gives the party's name."""
        found = self.index.areas.get(area_id)
        if found is not None:
            return found.name
        return self.party(area_id)

    def theme(self, theme_id: str) -> str:
        """A theme's label: the declared one, else the standard label."""
        return theme_label(theme_id, lang=self.lang, declared=self.index.themes.get(theme_id))

    def indicator(self, indicator_id: str) -> str:
        """An indicator's label."""
        found = self.index.indicators.get(indicator_id)
        return found.label if found is not None else indicator_id

    def amount(self, value: Number, indicator_id: str | None = None, *, unit: str | None = None) -> str:
        """A value with its unit in words: "100 woningen", "€ 932,93", "30%"."""
        indicator = self.index.indicators.get(indicator_id) if indicator_id is not None else None
        if indicator is not None:
            unit = indicator.unit
            if indicator.aggregation is Aggregation.RATIO:
                return number(value, self.lang, percent=True)
        key = (unit or "").strip().casefold()
        if key in _SHARES:
            return number(value, self.lang, percent=True)
        if key in _EUROS:
            return f"€ {number(value, self.lang)}"
        if key in _UNIT_TERMS:
            return f"{number(value, self.lang)} {term(_UNIT_TERMS[key], self.lang, plural=value != 1)}"
        return f"{number(value, self.lang)} {unit}" if unit else number(value, self.lang)

    def measure(self, commitment: Commitment) -> str | None:
        """What a commitment promises in figures: "Nieuwbouw sociale huur: 100 woningen in Lindeveen"."""
        if commitment.value is None:
            return None
        value = self.amount(commitment.value, commitment.indicator)
        indicator = self.indicator(commitment.indicator) if commitment.indicator is not None else None
        if indicator is None:
            return value
        if commitment.area is not None:
            return says("measure_in", self.lang, indicator=indicator, value=value, area=self.area(commitment.area))
        return says("measure", self.lang, indicator=indicator, value=value)

    def what(self, commitment: Commitment) -> str:
        """What a commitment says: its text, with its figures when it has them; or that it is not public."""
        if commitment.id in self.withheld:
            return says("withheld", self.lang)
        measure = self.measure(commitment)
        if commitment.text and measure:
            return f"{commitment.text} ({measure})"
        return commitment.text or measure or says("no_text", self.lang)

    def when(self, commitment: Commitment) -> str:
        """When a commitment is due, as a table writes it: its date, else its year."""
        if commitment.due is not None:
            return short_day(commitment.due, self.lang)
        return str(commitment.year) if commitment.year is not None else ""

    def who_what(self, commitment_id: str) -> str:
        """A commitment as a sentence names it: "Gemeente X: De gemeente biedt bouwlocaties aan ..."."""
        found = self.index.commitments.get(commitment_id)
        if found is None:
            return says("unknown_commitment", self.lang)
        return f"{self.parties(found.by)}: {self.what(found)}"

    def target_value(self, target: Target) -> str:
        """What a target aims at, with its unit."""
        return self.amount(target.value, target.indicator)

    def target_area(self, target: Target) -> str:
        """Where a target applies: its area, or its breakdown over areas or parties."""
        if target.breakdown:
            return "; ".join(
                f"{self.area(key)}: {self.amount(value, target.indicator)}" for key, value in target.breakdown.items()
            )
        return self.area(target.area) if target.area is not None else ""

    def baseline(self, target: Target) -> str:
        """A target's starting point: "240 woningen eind 2024"."""
        if target.baseline is None:
            return ""
        value = self.amount(target.baseline.value, target.indicator)
        return says("baseline_value", self.lang, value=value, year=target.baseline.year)
