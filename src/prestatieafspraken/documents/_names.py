"""Names and texts instead of ids: how the document and the report name parties, themes, targets and commitments.

A reader reads names, not ids: "Woonstichting Lindeveen", "Nieuwbouw sociale huur in Lindeveen, 2025–2028", the
text of a commitment. The ids stay in a reference column. Where a name is missing (a dangling reference, a blank
name, a commitment without text) the text falls back to what the file does say, never to nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from prestatieafspraken._progress import TargetProgress
from prestatieafspraken.documents._words import joined, number, rounded, says, short_day
from prestatieafspraken.model import (
    Aggregation,
    Agreement,
    Commitment,
    Number,
    Target,
    theme_label,
)
from prestatieafspraken.vocabulary import Language, term

__all__ = ["Names"]

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


class Names:
    """The names and texts of one agreement's items in one language; an id that names nothing stays an id."""

    def __init__(self, agreement: Agreement, lang: Language, *, withheld: frozenset[str] = frozenset()) -> None:
        self.agreement = agreement
        self.index = agreement.index
        self.lang: Language = lang
        self.withheld = withheld
        """Commitments whose text and value the reader may not see."""
        self._target_themes = {target.id: target.theme for target in reversed(agreement.targets)}

    def party(self, party_id: str) -> str:
        """A party's name; its id when the agreement does not know it or its name is blank."""
        found = self.index.parties.get(party_id)
        return found.name if found is not None and found.name.strip() else party_id

    def parties(self, party_ids: Iterable[str]) -> str:
        """Parties' names as a sentence lists them: "A, B en C"."""
        return joined((self.party(party_id) for party_id in dict.fromkeys(party_ids)), self.lang)

    def area(self, area_id: str) -> str:
        """An area's name; a key that names a party (a breakdown may name parties) gives the party's name."""
        found = self.index.areas.get(area_id)
        if found is not None and found.name.strip():
            return found.name
        return self.party(area_id)

    def theme(self, theme_id: str | None) -> str:
        """A theme's label: the declared one, else the standard label, else its id; "zonder thema" for none."""
        if theme_id is None:
            return term("no_theme", self.lang)
        return theme_label(theme_id, lang=self.lang, declared=self.index.themes.get(theme_id))

    def indicator(self, indicator_id: str | None) -> str:
        """An indicator's label; its id when the agreement does not know it; empty for none."""
        if indicator_id is None:
            return ""
        found = self.index.indicators.get(indicator_id)
        return found.label if found is not None and found.label.strip() else indicator_id

    def commitment_theme(self, commitment: Commitment) -> str | None:
        """A commitment's theme: its own, else its target's (as the progress roll-ups count it)."""
        if commitment.theme is None and commitment.target is not None:
            return self._target_themes.get(commitment.target)
        return commitment.theme

    def target(self, record: TargetProgress) -> str:
        """A target as a steering group names it: its indicator, place and years ("Nieuwbouw, Lindeveen, 2025–2028")."""
        target = record.target
        parts = [self.indicator(target.indicator)]
        if target.area is not None:
            parts.append(self.area(target.area))
        parts.append(f"{record.first_year}–{record.by}" if record.first_year != record.by else str(record.by))
        return ", ".join(parts)

    def part(self, record: TargetProgress) -> str:
        """One part of a target's breakdown, by its area's or party's name ("› Noord")."""
        if record.party is not None:
            return f"› {self.party(record.party)}"
        return f"› {self.area(record.area)}" if record.area is not None else "›"

    def commitment(self, commitment: Commitment) -> str:
        """A commitment in a table: its text; without one, its indicator and value; without those, its id."""
        if commitment.text is not None and commitment.text.strip():
            return commitment.text
        if commitment.indicator is not None:
            shown = self.indicator(commitment.indicator)
            return f"{shown}: {rounded(commitment.value, self.lang)}" if commitment.value is not None else shown
        return commitment.id

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
