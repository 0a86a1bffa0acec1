"""What a view says it left out: the `Withheld` markers, and the collective totals it gives instead."""

from __future__ import annotations

from typing import Literal

import attrs

from prestatieafspraken.model import Assessment, Commitment, Number, Realisation, Visibility
from prestatieafspraken.views._audience import Sight
from prestatieafspraken.vocabulary import Language, term

#: What a `Withheld` marker stands for.
WithheldKind = Literal["commitment", "realisation", "assessment", "total"]

#: The kinds of item a collective total's figures name.
Basis = Literal["commitment", "target", "indicator"]

_COMMITMENT_FIELDS: tuple[str, ...] = ("value", "text", "indicator")


@attrs.frozen(kw_only=True)
class Withheld:
    """A marker for something a view does not show: what it is, what was withheld, and why.

    Attributes:
        kind: ``"commitment"`` (its value, text and indicator withheld), ``"realisation"`` or ``"assessment"``
            (left out), or ``"total"`` (a collective total not given).
        ref: A commitment's id; a realisation's or assessment's ``$.path`` in the original file; for a total
            ``basis:indicator/year`` or ``basis:indicator/year/area`` (see `CollectiveTotal.ref`).
        path: The ``$.path`` in the original file (for a total, ``$.realisations``).
        fields: The fields withheld: ``("value", "text", "indicator")`` for a commitment, ``("value",)`` for a
            realisation or a total, ``("status", "reason")`` for an assessment.
        visibility: The item's visibility (an assessment: its commitment's; ``None`` for a total).
        seen_by: The party ids that may see it (an assessment: those that may see its commitment; a total: none).
        what_nl: What was withheld, in Dutch.
        what_en: What was withheld, in English.
        why_nl: Why, in Dutch: the visibility and who may see it, or why a total is not given.
        why_en: Why, in English.
    """

    kind: WithheldKind
    ref: str
    path: str
    fields: tuple[str, ...]
    visibility: Visibility | None = None
    seen_by: tuple[str, ...] = ()
    what_nl: str
    what_en: str
    why_nl: str
    why_en: str

    def what(self, lang: Language = "nl") -> str:
        """What was withheld, in Dutch (``"nl"``) or English (``"en"``)."""
        return self.what_en if lang == "en" else self.what_nl

    def why(self, lang: Language = "nl") -> str:
        """Why it was withheld, in Dutch (``"nl"``) or English (``"en"``)."""
        return self.why_en if lang == "en" else self.why_nl


@attrs.frozen(kw_only=True)
class CollectiveTotal:
    """The sum of all approved figures of one indicator, year, area and basis, hidden ones included.

    Attributes:
        indicator: The indicator id.
        year: The year.
        area: The area id (the realisation's, else that of the commitment or target it names), or ``None``.
        basis: What the summed figures name: ``"commitment"``, ``"target"`` or ``"indicator"``.
        value: The sum.
        figures: How many realisations were summed.
        parties: The contributing parties, sorted.
        hidden: How many of the summed figures the view's audience may not see.
    """

    indicator: str
    year: int
    area: str | None
    basis: Basis
    value: Number
    figures: int
    parties: tuple[str, ...]
    hidden: int

    @property
    def ref(self) -> str:
        """``basis:indicator/year`` or ``basis:indicator/year/area``: how the markers name a total."""
        return total_ref(self.basis, self.indicator, self.year, self.area)


def commitment_marker(sight: Sight, index: int, commitment: Commitment) -> Withheld:
    seen_by, why_nl, why_en = sight.why(commitment)
    return Withheld(
        kind="commitment",
        ref=commitment.id,
        path=f"$.commitments[{index}]",
        fields=_COMMITMENT_FIELDS,
        visibility=commitment.visibility,
        seen_by=seen_by,
        what_nl=f"waarde, tekst en indicator van afspraak {commitment.id}",
        what_en=f"value, text and indicator of commitment {commitment.id}",
        why_nl=why_nl,
        why_en=why_en,
    )


def realisation_marker(sight: Sight, index: int, realisation: Realisation) -> Withheld:
    seen_by, why_nl, why_en = sight.why(realisation)
    kind, subject = realisation.subject
    path = f"$.realisations[{index}]"
    return Withheld(
        kind="realisation",
        ref=path,
        path=path,
        fields=("value",),
        visibility=realisation.visibility,
        seen_by=seen_by,
        what_nl=f"het hele cijfer ({term(kind, 'nl')} {subject}, {realisation.year})",
        what_en=f"the whole figure ({kind} {subject}, {realisation.year})",
        why_nl=why_nl,
        why_en=why_en,
    )


def assessment_marker(sight: Sight, index: int, commitment: Commitment, assessment: Assessment) -> Withheld:
    seen_by, why_nl, why_en = sight.why(commitment)
    path = f"$.monitoring.assessments[{index}]"
    return Withheld(
        kind="assessment",
        ref=path,
        path=path,
        fields=("status", "reason"),
        visibility=commitment.visibility,
        seen_by=seen_by,
        what_nl=f"de handmatige beoordeling van afspraak {commitment.id} ({assessment.date.isoformat()})",
        what_en=f"the manual assessment of commitment {commitment.id} ({assessment.date.isoformat()})",
        why_nl=f"over afspraak {commitment.id}, met {why_nl}",
        why_en=f"about commitment {commitment.id}, with {why_en}",
    )


def total_ref(basis: Basis, indicator: str, year: int, area: str | None) -> str:
    """``basis:indicator/year`` or ``basis:indicator/year/area``: how the markers name a total."""
    return f"{basis}:" + "/".join([indicator, str(year), *([area] if area is not None else [])])
