"""The words of the problems of documents (YAML, JSON, TOML), of plans and of the check configuration."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["DOCUMENT_KINDS", "w"]


def w(en: str, nl: str) -> tuple[str, str]:
    """A kind's text in English and in Dutch."""
    return en, nl


#: The kinds of problems of documents, plans and the configuration: (English, Dutch).
DOCUMENT_KINDS: Final[Mapping[str, tuple[str, str]]] = {
    # --- a text without a kind (a problem made by code that gives no kind): said as it was written ------------
    "text": w("{message}", "{message}"),
    # --- the frame of a load error -------------------------------------------------------------------------------
    "cannot_read": w("cannot read {what} ({count:,} problem):", "kan {what} niet lezen ({count:,} probleem):"),
    "cannot_read_many": w("cannot read {what} ({count:,} problems):", "kan {what} niet lezen ({count:,} problemen):"),
    "omitted": w("... and {count:,} more, not listed", "... en nog {count:,}, niet getoond"),
    "limit_hint": w(
        "the limit {limit} = {value:,}: raise it with --{option} on the command line or limits=Limits({limit}=...) "
        "in Python",
        "de grens {limit} = {value:,}: verhoog die met --{option} op de opdrachtregel of met "
        "limits=Limits({limit}=...) in Python",
    ),
    # --- a document as a whole -----------------------------------------------------------------------------------
    "top_not_mapping": w(
        "expected a mapping at the top, got {got:value}",
        "verwacht bovenaan een mapping (sleutels met waarden), maar kreeg {got:value}",
    ),
    "version_missing": w(
        "required key is missing; write `schema_version: 1` (this release reads version {supported})",
        "de verplichte sleutel ontbreekt; schrijf `schema_version: 1` (deze versie leest versie {supported})",
    ),
    "version_unsupported": w(
        "{got:value} is not a supported version; this release reads version {supported}",
        "{got:value} is geen ondersteunde versie; deze versie van de bibliotheek leest versie {supported}",
    ),
    "unknown_file_type": w(
        "unknown file type {suffix!r}; use .yaml, .yml or .json",
        "onbekend bestandstype {suffix!r}; gebruik .yaml, .yml of .json",
    ),
    # --- syntax and encoding ------------------------------------------------------------------------------------
    # The parsers' own reasons are English: the Dutch text gives them as what the parser reports.
    "json_syntax": w(
        "not valid JSON: {reason} (line {line}, column {column})",
        "geen geldige JSON (regel {line}, kolom {column}); melding van de JSON-lezer: {reason}",
    ),
    "toml_syntax": w("not valid TOML: {reason}", "geen geldige TOML; melding van de TOML-lezer: {reason}"),
    "yaml_syntax": w("not valid YAML: {reason}", "geen geldige YAML; melding van de YAML-lezer: {reason}"),
    "yaml_syntax_at": w(
        "not valid YAML: {reason} (line {line}, column {column})",
        "geen geldige YAML (regel {line}, kolom {column}); melding van de YAML-lezer: {reason}",
    ),
    "yaml_refused_at": w(
        "not valid YAML: {reason} (line {line}, column {column})",
        "geen geldige YAML: {reason} (regel {line}, kolom {column})",
    ),
    "yaml_duplicate_key": w(
        "duplicate key {key!r} (a later value would silently replace an earlier one)",
        "de sleutel {key!r} staat er twee keer (een latere waarde zou een eerdere ongemerkt vervangen)",
    ),
    "yaml_key_not_scalar": w("a key must be a text or a number", "een sleutel moet een tekst of een getal zijn"),
    "yaml_tag_unreadable": w("cannot read {got:value} as {tag!r}", "kan {got:value} niet lezen als {tag!r}"),
    "yaml_tag_unreadable_node": w("cannot read a {node} as {tag!r}", "kan een {node} niet lezen als {tag!r}"),
    "yaml_long_int": w(
        "a whole number of {digits:,} digits is too long to read",
        "een geheel getal van {digits:,} cijfers is te lang om te lezen",
    ),
    "too_deep": w(
        "the document is nested too deeply to be read",
        "het document is te diep genest om te lezen",
    ),
    "not_utf8": w("not UTF-8 text: {reason} at byte {byte}", "geen UTF-8-tekst: {reason} bij byte {byte}"),
    # --- hostile files ------------------------------------------------------------------------------------------
    "billion_laughs": w(
        "YAML aliases expand this document to {expanded:,} values from {distinct:,}; refused as a 'billion "
        "laughs' document (write the values out instead of aliasing them)",
        "YAML-aliassen blazen dit document op tot {expanded:,} waarden uit {distinct:,}; geweigerd als "
        "'billion laughs'-document (schrijf de waarden uit in plaats van ze te aliassen)",
    ),
    "alias_text_limit": w(
        "YAML aliases expand this document to {characters:,} characters of text, more than the limit of "
        "{limit:,}; write the values out instead of aliasing them, or raise the limit with "
        "load(..., max_expanded_bytes=N)",
        "YAML-aliassen blazen dit document op tot {characters:,} tekens tekst, meer dan de grens van {limit:,}; "
        "schrijf de waarden uit in plaats van ze te aliassen, of verhoog de grens met "
        "load(..., max_expanded_bytes=N)",
    ),
    "file_too_large": w(
        "the file is {size:,} bytes, more than the limit of {limit:,}",
        "het bestand is {size:,} bytes, meer dan de grens van {limit:,}",
    ),
    "file_over_limit": w(
        "the file holds more than the limit of {limit:,} bytes",
        "het bestand bevat meer dan de grens van {limit:,} bytes",
    ),
    "cannot_open": w("cannot open the file: {reason}", "kan het bestand niet openen: {reason}"),
    # --- the form of values: types, keys, words -----------------------------------------------------------------
    "missing_key": w("required key is missing", "de verplichte sleutel ontbreekt"),
    "unknown_key": w(
        "unknown key {keys}; allowed here: {allowed:list}",
        "onbekende sleutel {keys}; hier mogen: {allowed:list}",
    ),
    "unknown_keys": w(
        "unknown keys {keys}; allowed here: {allowed:list}",
        "onbekende sleutels {keys}; hier mogen: {allowed:list}",
    ),
    "unreadable": w("cannot be read", "kan niet gelezen worden"),
    "unreadable_value": w("cannot be read ({error})", "kan niet gelezen worden ({error})"),
    "expected_text": w("expected a text, got {got:value}", "verwacht een tekst, maar kreeg {got:value}"),
    "expected_bool": w("expected true or false, got {got:value}", "verwacht true of false, maar kreeg {got:value}"),
    "expected_word": w("expected one of {words}; got {got:value}", "verwacht een van {words}, maar kreeg {got:value}"),
    "expected_list": w("expected a list, got {got:value}", "verwacht een lijst, maar kreeg {got:value}"),
    "expected_parties": w(
        "expected a party id or a list of party ids, got {got:value}",
        "verwacht de id van een partij of een lijst van id's van partijen, maar kreeg {got:value}",
    ),
    "expected_parties_empty": w(
        "expected a party id or a list of party ids, got an empty list",
        "verwacht de id van een partij of een lijst van id's van partijen, maar kreeg een lege lijst",
    ),
    "expected_whole": w(
        "expected a whole number, got {got:value}", "verwacht een geheel getal, maar kreeg {got:value}"
    ),
    "whole_too_long": w(
        "expected a whole number of at most 19 digits, got {got:whole}",
        "verwacht een geheel getal van hoogstens 19 cijfers, maar kreeg {got:whole}",
    ),
    "expected_finite": w(
        "expected a finite number, got {got:value}", "verwacht een eindig getal, maar kreeg {got:value}"
    ),
    "expected_mapping": w(
        "expected a mapping (keys with values), got {got:value}",
        "verwacht een mapping (sleutels met waarden), maar kreeg {got:value}",
    ),
    "expected_number_mapping": w(
        "expected a mapping of ids to numbers, got {got:value}",
        "verwacht een mapping van id's naar getallen, maar kreeg {got:value}",
    ),
    "expected_id_keys": w(
        "expected ids as keys, got {got:value}", "verwacht id's als sleutels, maar kreeg {got:value}"
    ),
    "expected_date": w(
        "expected a date as YYYY-MM-DD, got {got:value}",
        "verwacht een datum als JJJJ-MM-DD, maar kreeg {got:value}",
    ),
    "no_such_day": w(
        "expected a date as YYYY-MM-DD, got {got:value} (no such day)",
        "verwacht een datum als JJJJ-MM-DD, maar kreeg {got:value} (die dag bestaat niet)",
    ),
    "in_field": w("{field}: {said}", "{field}: {said}"),
    # --- parts of other texts -----------------------------------------------------------------------------------
    "quoted": w("{key!r}", "{key!r}"),
    "did_you_mean": w("{key!r} (did you mean {close!r}?)", "{key!r} (bedoelt u {close!r}?)"),
    "joined": w("{parts:saids}", "{parts:saids}"),
    # --- what the model itself refuses ------------------------------------------------------------------------
    "perspective_start_outside": w(
        "the perspective starts in the year {year}, outside the calendar; write a year from {first} to {last}",
        "het meerjarig perspectief begint in het jaar {year}, buiten de kalender; schrijf een jaar van {first} tot "
        "en met {last}",
    ),
    "perspective_end_outside": w(
        "the perspective ends in the year {year}, outside the calendar; write a year from {first} to {last}",
        "het meerjarig perspectief eindigt in het jaar {year}, buiten de kalender; schrijf een jaar van {first} tot "
        "en met {last}",
    ),
    "perspective_ends_first": w(
        "the perspective ends ({end}) before it starts ({start})",
        "het meerjarig perspectief eindigt ({end}) voordat het begint ({start})",
    ),
    "schema_version_unsupported": w(
        "schema_version {got!r} is not supported; this release reads version(s) {supported:list}",
        "schema_version {got!r} wordt niet ondersteund; deze versie leest versie(s) {supported:list}",
    ),
    "no_party": w("an agreement has at least one party", "een overeenkomst heeft minstens één partij"),
    "not_an_id": w(
        "{got!r} is not an id: use lower-case letters, digits and '-', starting with a letter or digit",
        "{got!r} is geen id: gebruik kleine letters, cijfers en '-', te beginnen met een letter of cijfer",
    ),
    "assessment_names_one": w(
        "an assessment names exactly one of target or commitment, not {named}",
        "een handmatige beoordeling noemt precies één streefcijfer of afspraak, niet {named}",
    ),
    "realisation_names_one": w(
        "a realisation names exactly one of commitment, target or indicator, not {named}",
        "een realisatie noemt precies één afspraak, streefcijfer of indicator, niet {named}",
    ),
    "realisation_without_value": w(
        "a realisation needs a value or an outcome (done, partly or not_done)",
        "een realisatie heeft een waarde of een uitkomst nodig (done, partly of not_done)",
    ),
    "outcome_not_of_commitment": w(
        "only a realisation of a commitment has an outcome: how it was kept",
        "alleen een realisatie van een afspraak heeft een uitkomst: hoe die is nagekomen",
    ),
    "year_at_calendar_edge": w(
        "the year {year} has no year before or after it in the calendar; write a year from {first} to {last}",
        "het jaar {year} heeft geen jaar ervoor of erna in de kalender; schrijf een jaar van {first} tot en met {last}",
    ),
    "target_starts_after_end": w(
        "a target cannot start ({start}) after its end ({end})",
        "een streefcijfer kan niet beginnen ({start}) na zijn einde ({end})",
    ),
    "offer_value_without_indicator": w(
        "the offer {id!r} has a value ({value!r}) but no indicator: name the indicator the figure counts, or write "
        "the offer as a text",
        "het aanbod {id!r} heeft een waarde ({value!r}) maar geen indicator: noem de indicator die het cijfer telt, "
        "of schrijf het aanbod als tekst",
    ),
    "offer_offers_nothing": w(
        "the offer {id!r} offers nothing: give an indicator with a value, a theme or a text",
        "het aanbod {id!r} biedt niets: geef een indicator met een waarde, een thema of een tekst",
    ),
    "bid_horizon": w("a bid covers at least one year, not {got}", "een bod beslaat minstens één jaar, niet {got}"),
    "bid_past_calendar": w(
        "a bid from {year} covering {horizon} years runs past the calendar's last year for a cycle ({last})",
        "een bod vanaf {year} over {horizon} jaar loopt voorbij het laatste jaar van de kalender voor een cyclus "
        "({last})",
    ),
    "commitment_without_party": w(
        "a commitment needs at least one party that executes it",
        "een afspraak heeft minstens één partij nodig die haar uitvoert",
    ),
    "transition": w(
        "cannot move from {current!r} to {new!r}; allowed: {allowed:list}",
        "kan niet van {current!r} naar {new!r}; wel mogelijk: {allowed:list}",
    ),
    "transition_final": w(
        "cannot move from {current!r} to {new!r}; allowed: nothing (it is final)",
        "kan niet van {current!r} naar {new!r}; niets is mogelijk ({current!r} is definitief)",
    ),
    # --- names that are not there (UnknownNameError) ---------------------------------------------------------
    "unknown_name": w(
        "unknown {what} {name!r}{suggestion}; {advice}: {known}",
        "{what} {name!r}{suggestion} bestaat niet; {advice}: {known}",
    ),
    "name_party": w("party", "de partij"),
    "name_audience": w("audience", "de doelgroep"),
    "name_example": w("example", "het voorbeeld"),
    "name_graph_format": w("graph format", "het formaat van de graaf"),
    "name_report_format": w("report format", "het formaat van de rapportage"),
    "name_format": w("format", "het formaat"),
    "name_language": w("language", "de taal"),
    "advice_any": w("use one of", "gebruik een van"),
    "advice_party": w("use one of the agreement's party ids", "gebruik een van de id's van de partijen"),
    "advice_example": w("use one of the shipped examples", "gebruik een van de meegeleverde voorbeelden"),
    # --- planning ----------------------------------------------------------------------------------------------
    "lead_time_field": w(
        "the lead time {name!r} must be a whole number of working days from 0 to {most}, got {got!r}",
        "de doorlooptijd {name!r} moet een geheel aantal werkdagen van 0 tot en met {most} zijn, maar is {got!r}",
    ),
    "lead_times_invalid": w("invalid lead times: {problems:semis}", "ongeldige doorlooptijden: {problems:semis}"),
    "lead_times_invalid_in": w(
        "{file}: invalid lead times: {problems:semis}", "{file}: ongeldige doorlooptijden: {problems:semis}"
    ),
    "lead_step_unknown": w(
        "unknown step {key!r}; the steps are {steps:list}", "onbekende stap {key!r}; de stappen zijn {steps:list}"
    ),
    "lead_step_twice": w("step {name!r} is given twice", "de stap {name!r} staat er twee keer"),
    "lead_step_value": w(
        "step {key!r} must be a whole number of working days from 0 to {most}, got {got!r}",
        "de stap {key!r} moet een geheel aantal werkdagen van 0 tot en met {most} zijn, maar is {got!r}",
    ),
    "lead_file_suffix": w(
        "{file}: a lead-times file must end in .toml, .yaml, .yml or .json, got {suffix!r}",
        "{file}: een bestand met doorlooptijden eindigt op .toml, .yaml, .yml of .json, niet op {suffix!r}",
    ),
    "lead_file_unreadable": w("{file}: {problems:semis}", "{file}: {problems:semis}"),
    "lead_file_not_mapping": w(
        "{file}: expected step names with working days at the top (such as `decision = 15`), got {type}",
        "{file}: verwacht bovenaan namen van stappen met werkdagen (zoals `decision = 15`), maar kreeg {type}",
    ),
    "parties_count": w(
        "the number of parties must be a whole number of 1 or more, got {got!r}",
        "het aantal partijen moet een geheel getal van 1 of meer zijn, maar is {got!r}",
    ),
    "parties_none": w(
        "give at least one party to plan for (or a number of generic parties)",
        "geef minstens één partij om voor te plannen (of een aantal algemene partijen)",
    ),
    "parties_strangers": w(
        "parties must be Party objects or a number; got {strangers:list}",
        "partijen moeten Party-objecten of een aantal zijn, maar kreeg {strangers:list}",
    ),
    "parties_repeated": w(
        "party {ids:reprs} is given more than once; give each party once",
        "partij {ids:reprs} staat er meer dan één keer; geef elke partij één keer",
    ),
    "signing_not_working_day": w(
        "the signing date {day} is {what}, not a Dutch working day; choose a working day, such as {nearest:ors}",
        "de datum van ondertekening {day} is {what}, geen Nederlandse werkdag; kies een werkdag, zoals {nearest:ors}",
    ),
    "weekend_day": w("a weekend day", "een weekenddag"),
    "public_holiday": w("a public holiday", "een feestdag"),
    "day_before": w("{day} (before)", "{day} (ervoor)"),
    "day_after": w("{day} (after)", "{day} (erna)"),
    "plan_before_calendar": w(
        "the plan for a signing on {day} would start before 0001-01-01, where the calendar begins; choose a later "
        "signing date or shorter lead times",
        "de planning voor een ondertekening op {day} zou vóór 0001-01-01 beginnen, waar de kalender begint; kies "
        "een latere datum van ondertekening of kortere doorlooptijden",
    ),
    "cycle_year_outside": w(
        "the year {year!r} is not a year of the perspective {first}-{last}; give one of them",
        "het jaar {year!r} is geen jaar van het meerjarig perspectief {first}-{last}; geef een van die jaren",
    ),
    "evaluation_lead": w(
        "the evaluation lead must be a whole number of working days from 0 to {most}, got {got!r}",
        "de voorbereidingstijd van de evaluatie moet een geheel aantal werkdagen van 0 tot en met {most} zijn, "
        "maar is {got!r}",
    ),
    "no_counted_party": w(
        "the agreement has no counted party (founding or joined) to plan for",
        "de overeenkomst heeft geen meetellende partij (oprichtend of toegetreden) om voor te plannen",
    ),
    # --- the check configuration -------------------------------------------------------------------------------
    "config_invalid": w(
        "invalid check configuration: {problems:semis}", "ongeldige configuratie van de controle: {problems:semis}"
    ),
    "config_no_code": w("no rule code starts with {prefix!r}", "geen regelcode begint met {prefix!r}"),
    "config_severity_unknown_rule": w(
        "severity override for unknown rule {code!r}", "ernst opgegeven voor de onbekende regel {code!r}"
    ),
    "config_unknown_param": w(
        "unknown rule parameter {name!r}; known: {known:list}",
        "onbekende parameter van een regel {name!r}; bekend zijn: {known:list}",
    ),
    "config_date": w(
        "{where}: expected a date as YYYY-MM-DD, got {got!r}",
        "{where}: verwacht een datum als JJJJ-MM-DD, maar kreeg {got!r}",
    ),
    "config_unknown_keys": w(
        "{where}: unknown key(s) {keys:list}; allowed: {allowed:list}",
        "{where}: onbekende sleutel(s) {keys:list}; toegestaan zijn: {allowed:list}",
    ),
    "config_severity": w(
        "{where}: severity of {code} must be error, warning or info, not {got!r}",
        "{where}: de ernst van {code} moet error (fout), warning (waarschuwing) of info zijn, niet {got!r}",
    ),
    "config_plugins": w(
        '{where}: plugins must be a list of Python module names, as ["my_rules", "package.module"]; not a module '
        "name: {wrong:reprs}",
        '{where}: plugins moet een lijst van namen van Python-modules zijn, zoals ["my_rules", "package.module"]; '
        "geen modulenaam: {wrong:reprs}",
    ),
    "config_statutory_dates": w(
        "invalid statutory dates: {problems:semis}", "ongeldige wettelijke data: {problems:semis}"
    ),
    "config_no_day": w(
        "{month_param} = {month!r} and {day_param} = {day!r} are not a day of every year: give a month 1-12 and a "
        "day in it (29 February is not in every year)",
        "{month_param} = {month!r} en {day_param} = {day!r} zijn geen dag van elk jaar: geef een maand 1-12 en een "
        "dag daarin (29 februari is er niet elk jaar)",
    ),
    "config_date_and_time": w(
        "regie_effective = {got!r} is a date and time: give the day only, as 2026-07-01",
        "regie_effective = {got!r} is een datum met tijd: geef alleen de dag, als 2026-07-01",
    ),
    "config_no_table": w(
        "{path} has no [tool.prestatieafspraken] table: it configures no check",
        "{path} heeft geen tabel [tool.prestatieafspraken]: het configureert geen controle",
    ),
    "config_unreadable": w(
        "{path}: cannot read the configuration: {reason}", "{path}: kan de configuratie niet lezen: {reason}"
    ),
}
