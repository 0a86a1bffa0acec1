"""The words of the errors of commands and exports: the command line, versions, norms, exports and extras."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from prestatieafspraken._problem_words._documents import w

__all__ = ["COMMAND_KINDS"]

#: The kinds of errors of the command line, versions, the norms file, exports and optional extras: (English, Dutch).
COMMAND_KINDS: Final[Mapping[str, tuple[str, str]]] = {
    # --- the command line itself ---------------------------------------------------------------------------------
    "usage_files_and_example": w(
        "give either files or --example, not both", "geef bestanden of --example, niet allebei"
    ),
    "usage_no_input": w(
        "give a FILE or --example NAME (`prestatieafspraken examples` lists the examples)",
        "geef een BESTAND of --example NAAM (`prestatieafspraken examples` toont de voorbeelden)",
    ),
    "usage_csv_needs_template": w(
        "--to csv writes a realisations template only: add --template YEAR",
        "--to csv schrijft alleen een invulsjabloon voor realisaties: voeg --template JAAR toe",
    ),
    "usage_output_exists": w(
        "{output} exists already; give --output {output} to write over it",
        "{output} bestaat al; geef --output {output} om het te overschrijven",
    ),
    "usage_output_format": w(
        "cannot tell the format of --output {output}: use .yaml, .yml or .json",
        "het formaat van --output {output} is niet te bepalen: gebruik .yaml, .yml of .json",
    ),
    "usage_output_changed": w(
        "{output} changed while the figures were merged: nothing is written; run the merge again",
        "{output} is veranderd terwijl de cijfers werden samengevoegd: er is niets geschreven; voeg opnieuw samen",
    ),
    "usage_no_rule": w(
        "no rule {code!r}; `prestatieafspraken rules` lists them",
        "geen regel {code!r}; `prestatieafspraken rules` toont de regels",
    ),
    "usage_docx_needs_output": w(
        "a Word document is a file: give --output FILE.docx",
        "een Word-document is een bestand: geef --output BESTAND.docx",
    ),
    "usage_template_docx": w(
        "--template is a Word file and goes with --format docx, not {chosen}",
        "--template is een Word-bestand en hoort bij --format docx, niet bij {chosen}",
    ),
    # --- what a command says besides its output (on standard error) ----------------------------------------------
    "cannot_write": w("{file}: cannot write {what}: {reason}", "{file}: kan {what} niet schrijven; melding: {reason}"),
    "written_document": w("the document", "het document"),
    "written_report": w("the report", "de rapportage"),
    "written_file": w("the file", "het bestand"),
    "written_agreement": w("the agreement", "de overeenkomst"),
    "wrote": w("wrote {file}", "{file} geschreven"),
    "figures_merged": w(
        "{book}: {added} figure(s) added, {moved} status(es) moved",
        "{book}: {added} cijfer(s) toegevoegd, {moved} status(sen) veranderd",
    ),
    "config_beside": w(
        "note: {beside} is not applied: a configuration next to a data file is never read by itself (it could run "
        "code or switch checks off); to apply it, give --config {beside}",
        "let op: {beside} wordt niet toegepast: een configuratie naast een gegevensbestand wordt nooit vanzelf "
        "gelezen (die zou code kunnen uitvoeren of controles kunnen uitzetten); geef --config {beside} om haar toe "
        "te passen",
    ),
    # --- versions: comparing them, and applying changes -----------------------------------------------------------
    "versions_not_a_path": w("{path!r} is not a $.path", "{path!r} is geen $.pad"),
    "versions_path_unreadable": w(
        "{path!r} is not a $.path: cannot read it from {rest!r}",
        "{path!r} is geen $.pad: vanaf {rest!r} is het niet te lezen",
    ),
    "versions_misfit": w(
        "the changes do not fit the agreement {id!r}", "de wijzigingen passen niet bij de overeenkomst {id!r}"
    ),
    "versions_no_agreement": w(
        "the changes together do not make an agreement", "de wijzigingen samen leveren geen geldige overeenkomst op"
    ),
    "versions_not_records": w("not a list of records", "geen lijst van items"),
    "versions_labels_twice": w(
        "give labels either as the keys of a mapping of versions or as labels=, not both",
        "geef de labels als de sleutels van een mapping van versies of als labels=, niet allebei",
    ),
    "versions_one_file": w(
        "history takes a sequence of versions: put the one file in a list",
        "history neemt een reeks versies: zet het ene bestand in een lijst",
    ),
    "versions_none": w("history needs at least one version", "history heeft minstens één versie nodig"),
    "versions_label_count": w(
        "{labels} label(s) for {versions} version(s): give one label per version",
        "{labels} label(s) voor {versions} versie(s): geef één label per versie",
    ),
    "misfit_list": w("expected a list of items here", "verwacht hier een lijst van items"),
    "misfit_item": w("expected an item of a list here", "verwacht hier een item van een lijst"),
    "misfit_mapping": w("expected a mapping here", "verwacht hier een mapping (sleutels met waarden)"),
    "misfit_key": w("expected a key here", "verwacht hier een sleutel"),
    "misfit_count": w(
        "the list has {count} item(s), so no item {index}", "de lijst heeft {count} item(s), dus geen item {index}"
    ),
    "misfit_no_key": w("the format has no key {key!r} here", "het bestandsformaat heeft hier geen sleutel {key!r}"),
    "misfit_whole": w(
        "a change applies to a key or an item, not to the whole agreement",
        "een wijziging geldt voor een sleutel of een item, niet voor de hele overeenkomst",
    ),
    "misfit_that_item": w("expected the {item} {id} here", "verwacht hier {item} {id}"),
    "misfit_value": w("expected {old!r}, found {found!r}", "verwacht {old!r}, maar hier staat {found!r}"),
    # --- the data file of the national norms ----------------------------------------------------------------------
    "norms_table": w("expected a table, got {type}", "verwacht een tabel, maar kreeg {type}"),
    "norms_none": w(
        "no norms: add at least one [norms.NAME] table", "geen normen: voeg minstens één tabel [norms.NAAM] toe"
    ),
    "norms_source_unused": w(
        "a source no value names; remove it or name it in a value's sources",
        "een bron die geen waarde noemt; verwijder haar of noem haar bij de bronnen (sources) van een waarde",
    ),
    "norms_source_title": w(
        "a source needs a title: the publisher and the page's title",
        "een bron heeft een titel nodig: de uitgever en de titel van de pagina",
    ),
    "norms_source_url": w(
        "a source needs the page's web address (url), starting with https://",
        "een bron heeft het webadres van de pagina nodig (url), beginnend met https://",
    ),
    "norms_texts": w(
        'give the text in Dutch and English: {{ nl = "...", en = "..." }}',
        'geef de tekst in het Nederlands en het Engels: {{ nl = "...", en = "..." }}',
    ),
    "norms_choice": w("expected one of {allowed}, got {got!r}", "verwacht een van {allowed}, maar kreeg {got!r}"),
    "norms_name": w(
        "a norm's name is lowercase words joined by hyphens, got {name!r}",
        "de naam van een norm is woorden in kleine letters met koppeltekens ertussen, maar kreeg {name!r}",
    ),
    "norms_no_values": w(
        "a norm needs at least one value: add a [[norms.NAME.values]] block",
        "een norm heeft minstens één waarde nodig: voeg een blok [[norms.NAAM.values]] toe",
    ),
    "norms_years_order": w(
        "years {after} come after {before}: list the values in ascending years, each year once",
        "de jaren {after} staan na {before}: zet de waarden op volgorde van de jaren, elk jaar één keer",
    ),
    "norms_value_number": w(
        "expected a number as published, e.g. 932.93, got {got!r}",
        "verwacht een getal zoals gepubliceerd, bijvoorbeeld 932.93, maar kreeg {got!r}",
    ),
    "norms_value_finite": w(
        "expected a finite number of at least 0, got {got}",
        "verwacht een eindig getal van minstens 0, maar kreeg {got}",
    ),
    "norms_value_sources": w(
        "every value needs at least one source: a key of [sources]",
        "elke waarde heeft minstens één bron nodig: een sleutel van [sources]",
    ),
    "norms_no_source": w("no source {key!r} in [sources]", "geen bron {key!r} in [sources]"),
    "norms_year_or_span": w(
        "give either year = Y, or from = Y1 and to = Y2 for a value that held several years",
        "geef year = J, of from = J1 en to = J2 voor een waarde die meerdere jaren gold",
    ),
    "norms_years_whole": w(
        "years are whole numbers, got {first!r} and {last!r}",
        "jaren zijn gehele getallen, maar kreeg {first!r} en {last!r}",
    ),
    "norms_to_before_from": w("to = {last} lies before from = {first}", "to = {last} ligt vóór from = {first}"),
    # --- settings: calendars, thresholds, statutory dates, documents ---------------------------------------------
    "config_window_order": w(
        "an election window cannot end ({end}) before it starts ({start}); give an end on or after the start",
        "een verkiezingsperiode kan niet eindigen ({end}) voordat die begint ({start}); geef een einde op of na het "
        "begin",
    ),
    "config_weeks": w(
        "ElectionCalendar.{name} must be a whole number of weeks, 0 or more; got {got!r}",
        "ElectionCalendar.{name} moet een geheel aantal weken zijn, 0 of meer; maar is {got!r}",
    ),
    "config_threshold": w(
        "the {name} threshold must be a finite number of at least 0, not {got!r}",
        "de drempel {name} moet een eindig getal van minstens 0 zijn, niet {got!r}",
    ),
    "config_thresholds_order": w(
        "the needs_acceleration threshold ({needs_acceleration}) must not be above the on_track threshold ({on_track})",
        "de drempel needs_acceleration ({needs_acceleration}) mag niet boven de drempel on_track ({on_track}) liggen",
    ),
    "config_month_day": w(
        "{what}: {month}-{day} is not a day of every year; give a month 1-12 and a day in it",
        "{what}: {month}-{day} is geen dag van elk jaar; geef een maand 1-12 en een dag daarin",
    ),
    "config_regie_effective": w(
        "StatutoryDates.regie_effective is a date or None, got {got!r}",
        "StatutoryDates.regie_effective is een datum of None, maar kreeg {got!r}",
    ),
    "document_year_outside": w(
        "the year {year} is outside the perspective of {id!r} ({start}-{end}); choose a year from {start} to {end}",
        "het jaar {year} valt buiten het meerjarig perspectief van {id!r} ({start}-{end}); kies een jaar van "
        "{start} tot en met {end}",
    ),
    "document_template_docx": w(
        "a template is a Word file and goes with the format docx, not {format!r}",
        "een sjabloon is een Word-bestand en hoort bij het formaat docx, niet bij {format!r}",
    ),
    "document_format_unknown": w(
        "unknown document format {format!r}: choose markdown, html or docx",
        "onbekend formaat voor een document {format!r}: kies markdown, html of docx",
    ),
    "document_template_unreadable": w(
        "{template}: cannot read the template as a Word file (.docx or .dotx): {reason}",
        "{template}: het sjabloon is niet te lezen als Word-bestand (.docx of .dotx); melding: {reason}",
    ),
    # --- the language of a text -----------------------------------------------------------------------------------
    "language_unknown": w(
        "unknown language {got!r}: choose 'nl' (Nederlands) or 'en' (English)",
        "onbekende taal {got!r}: kies 'nl' (Nederlands) of 'en' (Engels)",
    ),
    # --- exports: workbooks, templates, files, the picture ---------------------------------------------------------
    "export_cell_too_long": w(
        "{place}: a text of {length:,} characters does not fit in a cell (at most {limit:,}); shorten it, or keep "
        "this agreement in YAML or JSON",
        "{place}: een tekst van {length:,} tekens past niet in een cel (hoogstens {limit:,}); maak hem korter, of "
        "houd deze overeenkomst in YAML of JSON",
    ),
    "export_too_many_rows": w(
        "{sheet}: more than {limit:,} rows, the most a sheet holds; keep this agreement in YAML or JSON, or write a "
        "part of it",
        "{sheet}: meer dan {limit:,} rijen, het meeste dat een werkblad kan bevatten; houd deze overeenkomst in YAML "
        "of JSON, of schrijf er een deel van",
    ),
    "export_ids_twice": w(
        "two items of {parent} have the id {id!r}: the sheet {sheet} names the item each row belongs to by its id, "
        "so give each its own id",
        "twee items van {parent} hebben het id {id!r}: het werkblad {sheet} noemt bij elke rij het item waar die bij "
        "hoort met zijn id, dus geef elk een eigen id",
    ),
    "export_no_figures_year": w(
        "the agreement takes no figures for {year}: its perspective is {start}-{end}; figures are also taken for "
        "{before} (the starting level) and a target's baseline year",
        "de overeenkomst neemt geen cijfers voor {year}: het meerjarig perspectief is {start}-{end}; cijfers worden "
        "ook genomen voor {before} (de startwaarde) en voor het basisjaar van een streefcijfer",
    ),
    "export_template_suffix": w(
        "cannot tell what to write from the suffix of {name!r}: use .xlsx or .csv",
        "aan de extensie van {name!r} is niet te zien wat er geschreven moet worden: gebruik .xlsx of .csv",
    ),
    "export_file_suffix": w(
        "cannot tell the format of {name!r}; use .yaml, .yml or .json or pass format=",
        "het formaat van {name!r} is niet te bepalen; gebruik .yaml, .yml of .json of geef format=",
    ),
    "export_findings_format": w(
        "unknown findings format {format!r}; use {known}",
        "onbekend formaat voor bevindingen {format!r}; gebruik {known}",
    ),
    "export_plan_format": w(
        "unknown plan format {format!r}; use {known}", "onbekend formaat voor een planning {format!r}; gebruik {known}"
    ),
    "export_no_schema": w("no JSON Schema for {type}", "geen JSON Schema voor {type}"),
    "export_not_block": w("not a block of a document: {block}", "geen blok van een document: {block}"),
    "graph_too_large": w(
        "the graph has {counted}, more than the {limit:,} Graphviz draws in reasonable time: {advice}, or raise the "
        "limit with --node-limit N (node_limit=... in Python)",
        "het plaatje van wie wat voor wie doet heeft {counted}, meer dan de {limit:,} die Graphviz in redelijke tijd "
        "tekent: {advice}, of verhoog de grens met --node-limit N (node_limit=... in Python)",
    ),
    "graph_nodes": w("{count:,} nodes", "{count:,} knopen"),
    "graph_nodes_at_least": w("at least {count:,} nodes", "minstens {count:,} knopen"),
    "graph_advice_radius": w(
        "draw less around {party!r} (a smaller radius)", "teken minder rond {party!r} (een kleinere straal)"
    ),
    "graph_advice_party": w(
        "draw one party's neighbourhood with --party ID (party=... in Python)",
        "teken de omgeving van één partij met --party ID (party=... in Python)",
    ),
    "graph_dot_timeout": w(
        "Graphviz took longer than {timeout} s to draw the graph: draw one party's neighbourhood with --party ID "
        "(party=... in Python)",
        "Graphviz deed langer dan {timeout} s over het tekenen van het plaatje: teken de omgeving van één partij "
        "met --party ID (party=... in Python)",
    ),
    "graph_dot_failed": w(
        "Graphviz could not draw the graph: {reason}",
        "Graphviz kon het plaatje niet tekenen; melding van Graphviz: {reason}",
    ),
    "graph_svg_unparsable": w(
        "Graphviz wrote an SVG that does not parse: {reason}",
        "Graphviz schreef een SVG die niet te lezen is; melding van de XML-lezer: {reason}",
    ),
    "graph_svg_unsafe": w(
        "Graphviz wrote an SVG with a <{name}> element or a link, which a picture must not have",
        "Graphviz schreef een SVG met een <{name}>-element of een link, die een afbeelding niet mag hebben",
    ),
    "graph_no_png": w("Graphviz wrote no PNG image", "Graphviz schreef geen PNG-afbeelding"),
    # --- arguments and cycles -------------------------------------------------------------------------------------
    "argument_check_takes": w(
        "check() takes an Agreement or the path of its file, got {type}; read a file with "
        "prestatieafspraken.load(path) or pass its path",
        "check() neemt een Agreement (een overeenkomst) of het pad van het bestand ervan, maar kreeg {type}; lees "
        "een bestand met prestatieafspraken.load(path) of geef het pad",
    ),
    "argument_top": w("top must be 0 or more, got {top}", "top moet 0 of meer zijn, maar is {top}"),
    "cycle_year_not_whole": w(
        "a year is a whole number such as 2026, got {got!r}",
        "een jaar is een geheel getal zoals 2026, maar kreeg {got!r}",
    ),
    "cycle_year_edge": w(
        "the year {year} has no year before or after it in the calendar; give 2 to 9998",
        "het jaar {year} heeft geen jaar ervoor of erna in de kalender; geef 2 tot en met 9998",
    ),
    # --- optional extras ------------------------------------------------------------------------------------------
    "missing_extra": w(
        '{purpose} need {module}, which is not installed: pip install "prestatieafspraken[{extra}]" (or pip install '
        "{module})",
        '{purpose} hebben {module} nodig, dat niet is geïnstalleerd: pip install "prestatieafspraken[{extra}]" (of '
        "pip install {module})",
    ),
    "extra_excel": w("Excel workbooks", "Excel-werkmappen"),
    "extra_pandas": w("DataFrames", "DataFrames van pandas"),
    "extra_docx": w("Word documents", "Word-documenten"),
    "missing_dot": w(
        "drawing the graph as SVG needs Graphviz's `dot` program, which is not on the PATH: install it with "
        "`{install}` (Debian, Ubuntu) or from https://graphviz.org/download/, or choose --format dot or mermaid",
        "het plaatje als SVG tekenen vraagt het programma `dot` van Graphviz, dat niet op het PATH staat: installeer "
        "het met `{install}` (Debian, Ubuntu) of via https://graphviz.org/download/, of kies --format dot of mermaid",
    ),
}
