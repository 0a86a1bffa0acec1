"""What a report calls things: parties, themes, areas and indicators by name, targets and commitments by their text.

A steering group reads names, not ids: "Woonstichting Lindeveen", "Nieuwbouw sociale huur in Lindeveen,
2025–2028", the text of a commitment. The ids stay in a reference column. Where a name is missing (a dangling
reference, a commitment without text) the report falls back to what the file does say, never to nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from prestatieafspraken._progress import TargetProgress
from prestatieafspraken.model import Agreement, Commitment, theme_label
from prestatieafspraken.report.labels import Language, number
from prestatieafspraken.vocabulary import term

__all__ = ["Names"]


class Names:
    """The names of one agreement's parties, themes, areas, indicators, targets and commitments, in one language."""

    def __init__(self, agreement: Agreement, lang: Language) -> None:
        self.agreement = agreement
        self.index = agreement.index
        self.lang = lang
        self._target_themes = {target.id: target.theme for target in reversed(agreement.targets)}

    def party(self, party_id: str) -> str:
        """A party's name; its id when the agreement does not know it."""
        party = self.index.parties.get(party_id)
        return party.name if party is not None and party.name.strip() else party_id

    def parties(self, party_ids: Iterable[str]) -> str:
        """Parties' names, separated by commas."""
        return ", ".join(self.party(party_id) for party_id in party_ids)

    def theme(self, theme_id: str | None) -> str:
        """A theme's label (declared, else standard, else its id); "zonder thema" for none."""
        if theme_id is None:
            return term("no_theme", self.lang)
        return theme_label(theme_id, lang=self.lang, declared=self.index.themes.get(theme_id))

    def area(self, area_id: str) -> str:
        """An area's name; its id when the agreement does not know it."""
        area = self.index.areas.get(area_id)
        return area.name if area is not None and area.name.strip() else area_id

    def indicator(self, indicator_id: str | None) -> str:
        """An indicator's label; its id when the agreement does not know it."""
        if indicator_id is None:
            return ""
        indicator = self.index.indicators.get(indicator_id)
        return indicator.label if indicator is not None and indicator.label.strip() else indicator_id

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
        """A commitment by its text; without one, its indicator and value; without those, its id."""
        if commitment.text is not None and commitment.text.strip():
            return commitment.text
        if commitment.indicator is not None:
            shown = self.indicator(commitment.indicator)
            return f"{shown}: {number(commitment.value, self.lang)}" if commitment.value is not None else shown
        return commitment.id
