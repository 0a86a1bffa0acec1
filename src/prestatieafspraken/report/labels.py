"""The report's fixed sentences in Dutch and English, and numbers written the way each language writes them.

The words (a streefcijfer, an afspraak, a status, the colours of a traffic light) are the one vocabulary's
(`prestatieafspraken.vocabulary`: `term` and `label`); only the report's own sentences and a few column headings
that nothing else writes live here. `label` reads either, by key, for the callers that name a word by a string.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from types import MappingProxyType

from prestatieafspraken import vocabulary
from prestatieafspraken.model import Outcome, ProgressStatus

__all__ = ["Language", "capital", "label", "number", "sentence"]

Language = vocabulary.Language

_SENTENCES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "everything": (
            "Alle gegevens, ook die met zichtbaarheid 'parties' of 'restricted'.",
            "All data, including those with visibility 'parties' or 'restricted'.",
        ),
        "audience": ("Weergave voor", "View for"),
        "public": ("iedereen (openbaar)", "everyone (public)"),
        "no_findings": ("Geen bevindingen.", "No findings."),
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
        "no_progress": (
            "Geen streefcijfers of afspraken om de voortgang van te volgen.",
            "No targets or commitments to track.",
        ),
        "lights_explained": (
            (
                "{green}: {achieved} of {on_track}. {orange}: {needs_acceleration}. {red}: {off_track}, "
                "{deteriorating} of {contradicts_direction}. {no_verdict}: {not_started} of {no_data}. Bij rood en "
                "oranje hoort een toelichting: de reden van de laatste handmatige beoordeling, of de toelichting bij "
                "de uitkomst van een afspraak."
            ),
            (
                "{green}: {achieved} or {on_track}. {orange}: {needs_acceleration}. {red}: {off_track}, "
                "{deteriorating} or {contradicts_direction}. {no_verdict}: {not_started} or {no_data}. Red and "
                "orange need an explanation: the reason of the latest manual assessment, or the explanation given "
                "with a commitment's outcome."
            ),
        ),
        "explanation_missing": ("toelichting ontbreekt", "explanation missing"),
        "per": ("Per {what}", "Per {what}"),
        "kind": ("Soort", "Kind"),
        "red_and_orange": ("Toelichting bij rood en oranje", "Explanations of red and orange"),
        "no_red_or_orange": (
            "Geen streefcijfer of afspraak staat op rood of oranje.",
            "No target or commitment is red or orange.",
        ),
        "pending_count": (
            (
                "{count} cijfers zijn nog niet goedgekeurd ({how}): ze staan in de tabellen, maar tellen pas mee als "
                "ze zijn goedgekeurd."
            ),
            "{count} figures are not yet approved ({how}): they are shown in the tables, but count only once approved.",
        ),
        "pending_one": (
            (
                "1 cijfer is nog niet goedgekeurd ({how}): het staat in de tabellen, maar telt pas mee als het is "
                "goedgekeurd."
            ),
            "1 figure is not yet approved ({how}): it is shown in the tables, but counts only once approved.",
        ),
        "details": ("Voortgang per thema", "Progress per theme"),
        "per_year": ("Per jaar", "Per year"),
        "per_year_explained": (
            (
                "Verwacht is het lineaire pad van de startwaarde naar de te bereiken waarde. Bij een stroom (zoals "
                "nieuwbouw) tellen de jaren op: verwacht en gerealiseerd zijn dan het totaal tot en met dat jaar. Nog "
                "niet goedgekeurde cijfers staan in een eigen regel en tellen niet mee."
            ),
            (
                "Expected is the linear path from the start to the value to reach. For a flow (such as new build) the "
                "years add up: expected and realised are then the total up to and including that year. Figures not yet "
                "approved have a line of their own and do not count."
            ),
        ),
        "r_explained": (
            (
                "R = (gerealiseerd - start) / (verwacht - start), met de richting van de indicator meegerekend; "
                "verwacht is het lineaire pad van de start naar de te bereiken waarde."
            ),
            (
                "R = (realised - start) / (expected - start), taking the indicator's direction into account; expected "
                "is the linear path from the start to the value to reach."
            ),
        ),
        "trend": ("Verloop", "Trend"),
        "row": ("Reeks", "Series"),
        "figure_count": ("{count} cijfers: {how}", "{count} figures: {how}"),
        "more": ("meer", "more"),
        "scope": ("Schaal", "Scale"),
        "title": ("Titel", "Title"),
        "withheld_value": ("niet getoond", "withheld"),
        "withheld": ("Niet getoond in deze weergave", "Withheld from this view"),
        "withheld_none": ("Deze weergave houdt niets achter.", "This view withholds nothing."),
        "code": ("Code", "Code"),
        "path": ("Plaats", "Path"),
        "source": ("Bron", "Source"),
        "what": ("Wat", "What"),
        "why": ("Waarom", "Why"),
        "r": ("R", "R"),
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
        "basis": ("Cijfers van", "Figures of"),
        "figures": ("Cijfers", "Figures"),
        "hidden": ("Niet getoond", "Hidden"),
    }
)


def capital(text: str) -> str:
    """*text* with a capital first letter, for a heading or a column: "streefcijfer" → "Streefcijfer"."""
    return text[:1].upper() + text[1:]


def sentence(key: str, lang: Language) -> str:
    """The report's fixed sentence (or column heading) *key* in Dutch (``"nl"``) or English (``"en"``)."""
    dutch, english = _SENTENCES[key]
    return english if lang == "en" else dutch


def label(key: str, lang: str) -> str:
    """The word or sentence named *key*, in Dutch (``"nl"``) or English (``"en"``).

    ``status_<status>`` and ``outcome_<outcome>`` are the vocabulary's labels of `ProgressStatus` and `Outcome`, a
    key of `prestatieafspraken.vocabulary.TERMS` is that term, and any other key is one of the report's sentences.

    Raises:
        KeyError: *key* names none of these.
    """
    chosen: Language = "en" if lang == "en" else "nl"
    if key.startswith("status_"):
        return vocabulary.label(ProgressStatus(key.removeprefix("status_")), chosen)
    if key.startswith("outcome_"):
        return vocabulary.label(Outcome(key.removeprefix("outcome_")), chosen)
    if key in vocabulary.TERMS:
        return vocabulary.term(key, chosen)
    return sentence(key, chosen)


def number(value: float | None, lang: str, *, digits: int = 2) -> str:
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
