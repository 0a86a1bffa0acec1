"""The fixed sentences and headings of everything the library writes for people, in Dutch and English, once.

The agreement as a document, its tenants' summary, the progress report, the bid gap and the changes between
versions all read their sentences here (through `prestatieafspraken.documents._words.says`); the words for enum
members and recurring terms are the vocabulary's (`prestatieafspraken.vocabulary`). A key names one sentence, and
one sentence has one key: two writers that say the same thing use the same key.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["SENTENCES"]

#: Each sentence by its key: (Dutch, English), with ``{fields}`` filled in by `says`.
SENTENCES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        # --- the title page
        "perspective_years": ("Meerjarig perspectief {start}–{end}", "Multi-year perspective {start}–{end}"),
        "between": ("Tussen {parties}", "Between {parties}"),
        "between_many": ("Tussen {count} partijen", "Between {count} parties"),
        "scope_line": ("Schaal: {scope}", "Scale: {scope}"),
        "signed_on": ("Ondertekend op {date}", "Signed on {date}"),
        "signing_planned": ("Ondertekening gepland op {date}", "Signing planned on {date}"),
        "view_for": ("Weergave voor {audience}", "View for {audience}"),
        "view_public": ("iedereen (openbaar)", "everyone (public)"),
        "view_note": (
            "Afspraken die deze lezer niet mag zien, staan erin zonder tekst en waarde.",
            "Commitments this reader may not see are listed without their text and value.",
        ),
        # --- parties
        "parties_intro": (
            "Deze afspraken zijn gemaakt door de volgende partijen.",
            "These agreements are made by the following parties.",
        ),
        "col_kind": ("Soort", "Kind"),
        "col_works_in": ("Werkgebied", "Works in"),
        "col_coalition": ("Deelname", "Participation"),
        "col_ref": ("Ref.", "Ref."),
        "on_behalf": ("{party} spreekt en tekent namens {others}.", "{party} speaks and signs on behalf of {others}."),
        "tenants_involved": (
            "Huurders zijn bij deze afspraken betrokken als {how}.",
            "Tenants are involved in these agreements as {how}.",
        ),
        "roles": ("Rollen en mandaten", "Roles and mandates"),
        "col_role": ("Rol", "Role"),
        "col_granted_by": ("Mandaat van", "Mandate from"),
        "groups": ("Overleg", "Consultation"),
        "col_members": ("Leden", "Members"),
        "who_does_what": ("Wie doet wat voor wie", "Who does what for whom"),
        "col_executes": ("Voert uit", "Carries out"),
        "col_benefits": ("Heeft baat bij", "Benefits from"),
        # --- the assignment
        "no_assignment": (
            "Er is geen bestuurlijke opdracht vastgelegd.",
            "No administrative assignment has been recorded.",
        ),
        "in_scope": ("Waarover wel", "In scope"),
        "out_of_scope": ("Waarover niet", "Out of scope"),
        "assignment_agreed": ("De opdracht is vastgesteld op {date}.", "The assignment was agreed on {date}."),
        "basis": ("Deze afspraken bouwen voort op:", "These agreements build on:"),
        # --- goals
        "goals": ("Gedeelde doelen", "Shared goals"),
        "no_goals": ("Er zijn geen gedeelde doelen vastgelegd.", "No shared goals have been recorded."),
        # --- themes, targets and commitments
        "commitments_by_theme": ("Afspraken per thema", "Commitments by theme"),
        "other_theme": ("Overige afspraken", "Other commitments"),
        "commitments_without_year": ("Afspraken zonder jaar", "Commitments without a year"),
        "commitments_of_year": ("Afspraken voor {year}", "Commitments for {year}"),
        "no_commitments": ("In dit thema zijn geen afspraken gemaakt.", "No commitments were made in this theme."),
        "no_commitments_year": (
            "Voor {year} zijn in dit thema geen afspraken gemaakt.",
            "No commitments were made in this theme for {year}.",
        ),
        "no_commitments_at_all": (
            "Voor {year} zijn nog geen afspraken gemaakt.",
            "No commitments have been made for {year} yet.",
        ),
        "col_what": ("Wat", "What"),
        "col_period": ("Periode", "Period"),
        "col_baseline": ("Vertrekpunt", "Starting point"),
        "col_who": ("Wie", "Who"),
        "col_for_whom": ("Voor wie", "For whom"),
        "col_when": ("Wanneer", "When"),
        "baseline_value": ("{value} eind {year}", "{value} at the end of {year}"),
        "measure": ("{indicator}: {value}", "{indicator}: {value}"),
        "measure_in": ("{indicator}: {value} in {area}", "{indicator}: {value} in {area}"),
        "no_text": ("(zonder omschrijving)", "(no description)"),
        "withheld": (
            "Niet openbaar: alleen de betrokken partijen zien wat hier is afgesproken.",
            "Not public: only the parties concerned see what was agreed here.",
        ),
        "all_parties": ("alle partijen", "all parties"),
        # --- conditions
        "conditions": ("Wederzijdse voorwaarden", "Mutual conditions"),
        "conditions_intro": (
            (
                "Sommige afspraken hangen van elkaar af: een partij kan haar afspraak pas nakomen als een andere "
                "partij de hare nakomt."
            ),
            (
                "Some commitments depend on each other: a party can keep its commitment only when another party keeps "
                "its own."
            ),
        ),
        "no_conditions": (
            "Geen afspraak hangt af van een andere afspraak.",
            "No commitment depends on another commitment.",
        ),
        "col_depends_on": ("Hangt af van", "Depends on"),
        "unknown_commitment": ("(onbekende afspraak)", "(unknown commitment)"),
        # --- definitions and frameworks
        "definitions_intro": (
            "De partijen gebruiken deze woorden in één betekenis.",
            "The parties use these words in one meaning.",
        ),
        "no_definitions": ("Er zijn geen definities vastgelegd.", "No definitions have been recorded."),
        "col_term": ("Begrip", "Term"),
        "col_meaning": ("Betekenis", "Meaning"),
        "col_value": ("Waarde", "Value"),
        "col_defined_by": ("Vastgesteld door", "Defined by"),
        "frameworks": ("Bovenlokale kaders", "Frameworks from a higher level"),
        "share_of": ("Aandeel {part} in {whole}", "Share of {part} in {whole}"),
        "col_framework": ("Kader", "Framework"),
        "col_min": ("Minimaal", "At least"),
        "col_max": ("Maximaal", "At most"),
        "col_per": ("Geldt", "Applies"),
        "col_source": ("Bron", "Source"),
        # --- process
        "process": ("Proces en planning", "Process and planning"),
        "process_year": ("Proces en planning voor {year}", "Process and planning for {year}"),
        "no_milestones": ("Er zijn geen mijlpalen vastgelegd.", "No milestones have been recorded."),
        "col_step": ("Stap", "Step"),
        # --- monitoring and adjusting
        "monitoring": ("Monitoring en bijsturen", "Monitoring and adjusting"),
        "frequency": ("De partijen volgen de voortgang {frequency}.", "The parties follow the progress {frequency}."),
        "no_frequency": (
            "Hoe vaak de partijen de voortgang volgen, is niet vastgelegd.",
            "How often the parties follow the progress has not been recorded.",
        ),
        "hybrid": (
            (
                "De cijfers worden in een hybride vorm gedeeld: de gezamenlijke cijfers zijn openbaar, de cijfers per "
                "partij blijven tussen de partijen."
            ),
            (
                "Figures are shared in a hybrid form: the collective figures are public, the figures per party stay "
                "among the parties."
            ),
        ),
        "monitor_is": ("{party} houdt de regie op de voortgang.", "{party} keeps track of the progress."),
        "evaluations": ("Evaluaties: {dates}.", "Evaluations: {dates}."),
        "adjusting": ("Samen bijsturen", "Adjusting together"),
        "adjusting_text": (
            (
                "Blijft de uitvoering achter of veranderen de omstandigheden, dan stellen de partijen de afspraken "
                "samen bij. Een wijziging geldt pas als alle ondertekenende partijen ermee instemmen; zij leggen haar "
                "schriftelijk vast."
            ),
            (
                "When the execution falls behind or circumstances change, the parties adjust the agreements together. "
                "A change holds only when every signing party agrees to it; they put it in writing."
            ),
        ),
        "amendments_made": ("Deze wijzigingen zijn overeengekomen:", "These amendments were agreed:"),
        "col_reason": ("Reden", "Reason"),
        "col_agreed_by": ("Overeengekomen door", "Agreed by"),
        # --- signatures
        "signing_intro": (
            "Zo overeengekomen door de partijen, die hieronder tekenen.",
            "Thus agreed by the parties, who sign below.",
        ),
        "signing_intro_year": (
            "Zo overeengekomen voor {year} door de partijen, die hieronder tekenen.",
            "Thus agreed for {year} by the parties, who sign below.",
        ),
        "signing_date": ("Datum van ondertekening: {date}.", "Date of signing: {date}."),
        "date": ("Datum", "Date"),
        "on_behalf_of": ("namens {parties}", "on behalf of {parties}"),
        "for_themes": ("voor de thema's {themes}", "for the themes {themes}"),
        "endorsing_intro": (
            "Deze partijen onderschrijven de afspraken, zonder zelf afspraken te dragen.",
            "These parties endorse the agreements without carrying commitments themselves.",
        ),
        # --- the tenants' summary (plain language, B1)
        "summary_title": ("Wat is er afgesproken voor {year}?", "What was agreed for {year}?"),
        "summary_of": ("Een korte uitleg van: {title}.", "A short explanation of: {title}."),
        "summary_intro": (
            (
                "De gemeente, de woningcorporaties en de huurders maken samen afspraken over wonen. Die afspraken "
                "heten prestatieafspraken. Deze partijen doen mee:"
            ),
            (
                "The municipality, the housing corporations and the tenants make agreements about housing together. "
                "These are called performance agreements. These parties take part:"
            ),
        ),
        "summary_for_tenants": ("Wat is afgesproken voor huurders?", "What was agreed for tenants?"),
        "summary_agreed": ("Wat is afgesproken?", "What was agreed?"),
        "summary_item": ("{who}: {what}", "{who}: {what}"),
        "summary_item_due": ("{who}: {what} Uiterlijk klaar op {date}.", "{who}: {what} Done by {date} at the latest."),
        "summary_none": (
            "Voor {year} zijn nog geen afspraken gemaakt.",
            "No agreements have been made for {year} yet.",
        ),
        "summary_more": (
            "Er zijn nog {count} andere afspraken. Die staan in de volledige tekst.",
            "There are {count} more agreements. You find them in the full text.",
        ),
        "summary_withheld": (
            "{count} afspraken zijn niet openbaar. Die staan hier niet.",
            "{count} agreements are not public. They are not listed here.",
        ),
        "summary_words": ("Wat betekenen de woorden?", "What do the words mean?"),
        "word_agreements": (
            "Prestatieafspraken: afspraken over wonen tussen de gemeente, de woningcorporatie en de huurders.",
            (
                "Performance agreements: agreements about housing between the municipality, the housing corporation "
                "and the tenants."
            ),
        ),
        "word_jaarschijf": (
            "Jaarschijf: de afspraken voor één jaar.",
            "Annual commitments: the agreements for one year.",
        ),
        "word_result": (
            "Resultaatsverplichting: de partij belooft een vast resultaat. Bijvoorbeeld een aantal nieuwe woningen.",
            "Result commitment: the party promises a fixed result. For example a number of new homes.",
        ),
        "word_effort": (
            "Inspanningsverplichting: de partij doet haar best. Maar zij belooft geen vast resultaat.",
            "Effort commitment: the party does its best. But it does not promise a fixed result.",
        ),
        "word_definition": ("{term}: {text}.", "{term}: {text}."),
        "summary_follow": ("Hoe kunt u het volgen?", "How can you follow it?"),
        "summary_ask": (
            "Heeft u een vraag? Neem contact op met {parties}.",
            "Do you have a question? Contact {parties}.",
        ),
        "your_own_tenants": ("uw eigen huurdersorganisatie", "your own tenant organisation"),
        "summary_monitor": ("{party} houdt bij hoe het gaat.", "{party} keeps track of how it goes."),
        "summary_frequency": (
            "De partijen kijken {frequency} hoe het gaat.",
            "The parties check {frequency} how it goes.",
        ),
        "summary_evaluation": (
            "Na afloop kijken de partijen terug op {year}. Dat heet de evaluatie. De evaluatie is op {date}.",
            "Afterwards the parties look back on {year}. This is called the evaluation. The evaluation is on {date}.",
        ),
        "summary_no_evaluation": (
            (
                "Na afloop kijken de partijen terug op {year}. Dat heet de evaluatie. De datum is nog niet bekend. "
                "Vraag ernaar bij {parties}."
            ),
            (
                "Afterwards the parties look back on {year}. This is called the evaluation. The date is not known yet. "
                "Ask {parties} about it."
            ),
        ),
        # --- the picture of who does what for whom
        "picture_title": (
            "Wie doet wat voor wie: de partijen, hun afspraken en de streefcijfers en doelen waaraan die bijdragen.",
            "Who does what for whom: the parties, their commitments and the targets and goals these contribute to.",
        ),
        "picture_no_graphviz": (
            (
                "Hier hoort het plaatje van wie wat voor wie doet. Het tekenen vraagt het programma Graphviz (dot), "
                "dat op deze computer ontbreekt: installeer het (apt-get install graphviz, of via "
                "https://graphviz.org/download/) en maak dit bestand opnieuw."
            ),
            (
                "The picture of who does what for whom belongs here. Drawing it needs the program Graphviz (dot), "
                "which this computer lacks: install it (apt-get install graphviz, or from "
                "https://graphviz.org/download/) and make this file again."
            ),
        ),
        "picture_failed": (
            "Het plaatje van wie wat voor wie doet kon niet worden getekend: Graphviz (dot) gaf een fout.",
            "The picture of who does what for whom could not be drawn: Graphviz (dot) failed.",
        ),
        "picture_too_large": (
            (
                "Het plaatje van wie wat voor wie doet staat hier niet: het zou meer dan {limit} onderdelen tellen en "
                "dan onleesbaar zijn. Teken het per partij: prestatieafspraken graph BESTAND --format svg --party ID."
            ),
            (
                "The picture of who does what for whom is left out: it would have more than {limit} parts and be "
                "unreadable. Draw it per party: prestatieafspraken graph FILE --format svg --party ID."
            ),
        ),
        # --- the progress report
        "audience": ("Weergave voor", "View for"),
        "col_scope": ("Schaal", "Scale"),
        "everything": (
            "Alle gegevens, ook die met zichtbaarheid 'parties' of 'restricted'.",
            "All data, including those with visibility 'parties' or 'restricted'.",
        ),
        "no_findings": ("Geen bevindingen.", "No findings."),
        "findings_not_listed": (
            (
                "De andere {count} bevindingen van {code} staan niet in dit verslag; de controle (prestatieafspraken "
                "check) noemt ze alle."
            ),
            (
                "The other {count} findings of {code} are not in this report; the check (prestatieafspraken "
                "check) lists them all."
            ),
        ),
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
        "title": ("Titel", "Title"),
        "withheld_value": ("niet getoond", "withheld"),
        "withheld_heading": ("Niet getoond in deze weergave", "Withheld from this view"),
        "withheld_none": ("Deze weergave houdt niets achter.", "This view withholds nothing."),
        "code": ("Code", "Code"),
        "path": ("Plaats", "Path"),
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
        "col_basis": ("Cijfers van", "Figures of"),
        "figures": ("Cijfers", "Figures"),
        "hidden": ("Niet getoond", "Hidden"),
        # --- the bid gap (bod en afspraken)
        "gap_title": ("Bod en afspraken", "Bid and agreements"),
        "gap_subject": ("onderwerp", "subject"),
        "gap_offered": ("aangeboden", "offered"),
        "gap_agreed": ("afgesproken", "agreed"),
        "gap_difference": ("verschil", "difference"),
        "gap_no_bid": ("geen bod voor dit jaar", "no bid for this year"),
        "gap_sent": ("verstuurd", "sent"),
        "gap_not_offered": ("(geen aanbod)", "(no offer)"),
        "gap_not_agreed": ("(geen afspraak)", "(no commitment)"),
        "gap_not_summed": ("niet op te tellen", "not added up"),
        "gap_nothing": (
            "Geen biedingen of afspraken van corporaties om te vergelijken.",
            "No bids or corporation commitments to compare.",
        ),
        "gap_summary": (
            "{offered} onderwerp(en) aangeboden en niet afgesproken; {agreed} onderwerp(en) afgesproken zonder bod.",
            "{offered} subject(s) offered and not agreed; {agreed} subject(s) agreed without an offer.",
        ),
        "gap_explain": (
            "Verschil = afgesproken min aangeboden. Cijfers per indicator en gebied; afspraken in woorden per thema.",
            "Difference = agreed minus offered. Figures per indicator and area; promises in words per theme.",
        ),
        # --- the changes between versions
        "changes_same": (
            "Geen verschillen: {old} en {new} zijn dezelfde overeenkomst.",
            "No differences: {old} and {new} are the same agreement.",
        ),
        "changes_compared": ("Versies vergeleken: {old} → {new}", "Versions compared: {old} → {new}"),
        "changes_summary": (
            "{added} toegevoegd, {removed} verwijderd, {changed} gewijzigd",
            "{added} added, {removed} removed, {changed} changed",
        ),
        "changes_unamended_count": ("{n} niet als wijziging overeengekomen", "{n} not agreed as an amendment"),
        "changes_signed": (
            "De oude versie is ondertekend door: {parties}.",
            "The old version was signed by: {parties}.",
        ),
        "changes_amendments": (
            "Nieuwe wijzigingen die alle ondertekenaars overeenkwamen: {ids}.",
            "New amendments that every signing party agreed to: {ids}.",
        ),
        "changes_no_amendments": (
            "Geen nieuwe wijziging die alle ondertekenaars overeenkwamen.",
            "No new amendment that every signing party agreed to.",
        ),
        "changes_amended": ("overeengekomen in wijziging {ids}", "agreed in amendment {ids}"),
        "changes_unamended": ("niet als wijziging overeengekomen", "not agreed as an amendment"),
        "changes_nobody": ("niemand", "nobody"),
        "changes_not_given": ("(niet ingevuld)", "(not given)"),
        "changes_history": ("Geschiedenis van {n} versies: {versions}", "History of {n} versions: {versions}"),
        "changes_current": ("Huidige versie: {version} ({id}, {title})", "Current version: {version} ({id}, {title})"),
        "changes_no_history": ("Geen wijzigingen tussen de versies.", "No changes between the versions."),
        "changes_heading_diff": ("Wijzigingen", "Changes"),
        "changes_heading_history": ("Geschiedenis", "History"),
        "changes_col_item": ("Onderdeel", "Item"),
        "changes_col_id": ("Id", "Id"),
        "changes_col_field": ("Veld", "Field"),
        "changes_col_old": ("Oud", "Old"),
        "changes_col_new": ("Nieuw", "New"),
        "changes_col_agreed": ("Overeengekomen", "Agreed"),
        "changes_col_version": ("Versie", "Version"),
    }
)
