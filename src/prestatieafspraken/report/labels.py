"""The report's fixed texts in Dutch and English, and numbers written the way each language writes them."""

from __future__ import annotations

import math
from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["Language", "label", "number"]

from prestatieafspraken.vocabulary import Language

_LABELS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "report": ("Voortgangsrapportage", "Progress report"),
        "agreement": ("Afspraak", "Agreement"),
        "as_of": ("Peildatum", "As of"),
        "audience": ("Weergave voor", "View for"),
        "public": ("iedereen (openbaar)", "everyone (public)"),
        "everything": (
            "Alle gegevens, ook die met zichtbaarheid 'parties' of 'restricted'.",
            "All data, including those with visibility 'parties' or 'restricted'.",
        ),
        "findings": ("Bevindingen", "Findings"),
        "no_findings": ("Geen bevindingen.", "No findings."),
        "code": ("Code", "Code"),
        "severity": ("Ernst", "Severity"),
        "path": ("Plaats", "Path"),
        "finding": ("Bevinding", "Finding"),
        "source": ("Bron", "Source"),
        "view_findings": (
            (
                "De controle is uitgevoerd op wat deze weergave toont; bevindingen die alleen het achterhouden van "
                "waarden veroorzaakt (PA301 bij achtergehouden afspraken), zijn weggelaten."
            ),
            (
                "The check ran on what this view shows; findings that only the withholding of values causes (PA301 on "
                "withheld commitments) are left out."
            ),
        ),
        "progress": ("Voortgang", "Progress"),
        "targets": ("Doelen", "Targets"),
        "commitments": ("Afspraken", "Commitments"),
        "target": ("Doel", "Target"),
        "commitment": ("Afspraak", "Commitment"),
        "indicator": ("Indicator", "Indicator"),
        "year": ("Jaar", "Year"),
        "start": ("Start", "Start"),
        "expected": ("Verwacht", "Expected"),
        "realised": ("Gerealiseerd", "Realised"),
        "goal_value": ("Doelwaarde", "Target value"),
        "r": ("R", "R"),
        "status": ("Status", "Status"),
        "manual": ("Handmatige beoordeling", "Manual assessment"),
        "no_progress": (
            "Geen doelen of afspraken om de voortgang van te meten.",
            "No targets or commitments to track.",
        ),
        "r_explained": (
            (
                "R = (gerealiseerd - start) / (verwacht - start), met de richting van de indicator meegerekend; "
                "verwacht is het lineaire pad van de start naar de doelwaarde."
            ),
            (
                "R = (realised - start) / (expected - start), taking the indicator's direction into account; expected "
                "is the linear path from the start to the target value."
            ),
        ),
        "reach": ("Te bereiken", "To reach"),
        "by": ("Door", "By"),
        "judged_from": ("Beoordeeld vanaf", "Judged from"),
        "status_achieved": ("bereikt", "achieved"),
        "status_on_track": ("op koers", "on track"),
        "status_needs_acceleration": ("versnelling nodig", "needs acceleration"),
        "status_off_track": ("uit koers", "off track"),
        "status_deteriorating": ("verslechtert", "deteriorating"),
        "status_contradicts_direction": ("in strijd met de richting", "contradicts the direction"),
        "status_not_started": ("nog niet begonnen", "not started"),
        "status_no_data": ("geen gegevens", "no data"),
        "status_withheld": ("niet getoond", "withheld"),
        "outcome": ("Uitkomst", "Outcome"),
        "outcome_done": ("uitgevoerd", "done"),
        "outcome_partly": ("deels uitgevoerd", "partly done"),
        "outcome_not_done": ("niet uitgevoerd", "not done"),
        "charts": ("Grafieken", "Charts"),
        "no_charts": (
            "Grafieken ontbreken: installeer matplotlib (pip install 'prestatieafspraken[charts]').",
            "Charts are missing: install matplotlib (pip install 'prestatieafspraken[charts]').",
        ),
        "no_chart_data": (
            "Geen doelen met een verwacht pad om te tekenen.",
            "No targets with an expected path to draw.",
        ),
        "chart_failed": ("De grafiek {title} kon niet worden getekend.", "The chart {title} could not be drawn."),
        "chart_title": ("{target}: verwacht en gerealiseerd", "{target}: expected and realised"),
        "expected_path": ("verwacht pad", "expected path"),
        "realised_values": ("gerealiseerd", "realised"),
        "withheld": ("Niet getoond in deze weergave", "Withheld from this view"),
        "withheld_none": ("Deze weergave houdt niets achter.", "This view withholds nothing."),
        "kind": ("Soort", "Kind"),
        "ref": ("Verwijzing", "Reference"),
        "what": ("Wat", "What"),
        "why": ("Waarom", "Why"),
        "kind_commitment": ("afspraak", "commitment"),
        "kind_realisation": ("realisatie", "realisation"),
        "kind_assessment": ("beoordeling", "assessment"),
        "kind_total": ("totaal", "total"),
        "totals": ("Collectieve totalen", "Collective totals"),
        "totals_explained": (
            (
                "Per indicator, jaar en gebied de som van alle goedgekeurde cijfers, ook de niet getoonde; alleen "
                "gegeven als minstens twee partijen bijdragen en niemand er de cijfers van één partij uit kan afleiden."
            ),
            (
                "Per indicator, year and area the sum of all approved figures, hidden ones included; given only "
                "when at least two parties contribute and no one can derive one party's figures from it."
            ),
        ),
        "totals_none": ("Geen collectieve totalen om te geven.", "No collective totals to give."),
        "area": ("Gebied", "Area"),
        "basis": ("Cijfers van", "Figures of"),
        "total": ("Totaal", "Total"),
        "figures": ("Cijfers", "Figures"),
        "hidden": ("Niet getoond", "Hidden"),
        "parties": ("Partijen", "Parties"),
        "basis_commitment": ("afspraken", "commitments"),
        "basis_target": ("doelen", "targets"),
        "basis_indicator": ("indicator", "indicator"),
    }
)


def label(key: str, lang: Language) -> str:
    """The text of *key* in Dutch (``"nl"``) or English (``"en"``)."""
    dutch, english = _LABELS[key]
    return english if lang == "en" else dutch


def number(value: float | None, lang: Language, *, digits: int = 2) -> str:
    """A number for a table: thousands grouped, at most *digits* decimals, in the language's notation.

    Dutch writes 1.234,5 and English 1,234.5; ``None`` is an empty cell.
    """
    if value is None:
        return ""
    if isinstance(value, int):
        text = f"{value:,}"
    elif not math.isfinite(value):
        return str(value)
    elif value.is_integer():
        text = f"{int(value):,}"
    else:
        text = f"{value:,.{digits}f}".rstrip("0").rstrip(".")
    if lang == "en":
        return text
    return text.translate(str.maketrans(",.", ".,"))
