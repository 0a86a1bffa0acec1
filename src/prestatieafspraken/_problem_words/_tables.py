"""The words of the problems of spreadsheets: cells, CSV files, workbooks and imported realisations."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from prestatieafspraken._problem_words._documents import w

__all__ = ["TABLE_KINDS"]

#: The kinds of problems of spreadsheets: (English, Dutch).
TABLE_KINDS: Final[Mapping[str, tuple[str, str]]] = {
    # --- spreadsheet cells ---------------------------------------------------------------------------------------
    "cell_whole_too_large": w(
        "expected a whole number of at most {digits} digits (at most {largest:,}), got {shown}",
        "verwacht een geheel getal van hoogstens {digits} cijfers (hoogstens {largest:,}), maar kreeg {shown}",
    ),
    "cell_whole_too_large_long": w(
        "expected a whole number of at most {digits} digits (at most {largest:,}), got {head}...{tail} "
        "({count:,} digits)",
        "verwacht een geheel getal van hoogstens {digits} cijfers (hoogstens {largest:,}), maar kreeg "
        "{head}...{tail} ({count:,} cijfers)",
    ),
    "cell_whole_too_many_digits": w(
        "expected a whole number of at most {digits} digits (at most {largest:,}), got a number of {count:,} digits",
        "verwacht een geheel getal van hoogstens {digits} cijfers (hoogstens {largest:,}), maar kreeg een getal "
        "van {count:,} cijfers",
    ),
    "cell_expected_json_number": w(
        "expected a number such as 120 or 12.5, got {got:cell}",
        "verwacht een getal zoals 120 of 12.5, maar kreeg {got:cell}",
    ),
    "cell_expected_finite": w(
        "expected a finite number, got {got:cell}", "verwacht een eindig getal, maar kreeg {got:cell}"
    ),
    "cell_expected_whole": w(
        "expected a whole number, got {got:cell}", "verwacht een geheel getal, maar kreeg {got:cell}"
    ),
    "cell_constant": w("{name} is not a number that the format carries", "{name} is geen getal dat het formaat kent"),
    "cell_key_twice": w("the key {key!r} is given twice", "de sleutel {key!r} staat er twee keer"),
    "cell_json_list": w(
        "expected a list of texts in JSON notation, got {got:cell} ({reason})",
        "verwacht een lijst van teksten in JSON-notatie, maar kreeg {got:cell} ({reason})",
    ),
    "cell_json_mapping": w(
        "expected a mapping of ids to numbers in JSON notation, got {got:cell} ({reason})",
        "verwacht een mapping van id's naar getallen in JSON-notatie, maar kreeg {got:cell} ({reason})",
    ),
    "cell_expected_texts_json": w(
        'expected a list of texts such as ["a", "b"], got {got:cell}',
        'verwacht een lijst van teksten zoals ["a", "b"], maar kreeg {got:cell}',
    ),
    "cell_expected_mapping_json": w(
        'expected a mapping such as {{"a": 1}}, got {got:cell}',
        'verwacht een mapping zoals {{"a": 1}}, maar kreeg {got:cell}',
    ),
    "cell_expected_parts": w(
        "expected parts such as 'amsterdam: 120; diemen: 30', got {got:cell}",
        "verwacht delen zoals 'amsterdam: 120; diemen: 30', maar kreeg {got:cell}",
    ),
    "cell_expected": w("expected {expected}, got {got:cell}", "verwacht {expected}, maar kreeg {got:cell}"),
    "cell_expected_not_number": w(
        "expected {expected}, got {got:cell} (format the cell as text, or start it with an apostrophe)",
        "verwacht {expected}, maar kreeg {got:cell} (maak de cel op als tekst, of begin haar met een apostrof)",
    ),
    "cell_expected_not_text": w(
        "expected {expected}, got {got:cell} (the cell holds text: enter the number itself)",
        "verwacht {expected}, maar kreeg {got:cell} (de cel bevat tekst: vul het getal zelf in)",
    ),
    "want_text": w("a text", "een tekst"),
    "want_word": w("one of the words of the format", "een van de woorden van het formaat"),
    "want_date": w("a date", "een datum"),
    "want_list": w("a list such as 'a; b'", "een lijst zoals 'a; b'"),
    "want_mapping": w("ids with numbers such as 'a: 1; b: 2'", "id's met getallen zoals 'a: 1; b: 2'"),
    "want_whole": w("a whole number", "een geheel getal"),
    "want_number": w("a number", "een getal"),
    "cell_date_with_time": w(
        "expected a date without a time, got {got:cell}", "verwacht een datum zonder tijd, maar kreeg {got:cell}"
    ),
    "cell_expected_iso_date": w(
        "expected a date as YYYY-MM-DD, got {got:cell}", "verwacht een datum als JJJJ-MM-DD, maar kreeg {got:cell}"
    ),
    "cell_error_value": w(
        "the cell holds the error {error}; enter the value itself",
        "de cel bevat de foutwaarde {error}; vul de waarde zelf in",
    ),
    "cell_expected_bool": w(
        "expected TRUE or FALSE, got {got:cell}", "verwacht WAAR of ONWAAR (TRUE of FALSE), maar kreeg {got:cell}"
    ),
    "cell_formula": w(
        "the cell holds the formula {formula!r}: a formula is not read, as its saved result need not be what a "
        "spreadsheet program shows; enter the value itself (paste it as a value)",
        "de cel bevat de formule {formula!r}: een formule wordt niet gelezen, want de opgeslagen uitkomst hoeft niet "
        "te zijn wat een spreadsheetprogramma toont; vul de waarde zelf in (plak haar als waarde)",
    ),
    "cell_hidden": w(
        "{hidden}, so a reader of the sheet does not see this value; make it visible and check it, or delete it",
        "{hidden}, dus wie het werkblad leest ziet deze waarde niet; maak haar zichtbaar en controleer haar, of "
        "verwijder haar",
    ),
    "hidden_sheet": w("the sheet is hidden", "het werkblad is verborgen"),
    "hidden_row": w("the row is hidden", "de rij is verborgen"),
    "hidden_column": w("the column is hidden", "de kolom is verborgen"),
    "hidden_number_format": w("the number format ;;; shows nothing", "de getalnotatie ;;; toont niets"),
    # --- CSV files and their Dutch or English conventions --------------------------------------------------------
    "csv_float_overflow": w(
        "expected a number that fits a float, got {got:cell}",
        "verwacht een getal dat in een kommagetal past, maar kreeg {got:cell}",
    ),
    "csv_number_too_long": w(
        "expected a number, got a text of {count:,} characters",
        "verwacht een getal, maar kreeg een tekst van {count:,} tekens",
    ),
    "csv_scientific": w(
        "the number {text!r} is in scientific notation, as a spreadsheet shows a number rounded to fit its column: "
        "the digits it dropped are not in the file; format the column as a number with all its digits",
        "het getal {text!r} staat in wetenschappelijke notatie, zoals een spreadsheet een getal afgerond toont als "
        "het niet in de kolom past: de weggevallen cijfers staan niet in het bestand; maak de kolom op als getal "
        "met al zijn cijfers",
    ),
    "csv_comma_decimal": w(
        "{got:cell} is not a number in {conventions}: there the comma is the decimal mark and the dot separates "
        "groups of three digits (1.110 is 1110); write 1,5 for one and a half",
        "{got:cell} is geen getal in {conventions}: daarin is de komma het decimaalteken en scheidt de punt "
        "groepen van drie cijfers (1.110 is 1110); schrijf 1,5 voor anderhalf",
    ),
    "csv_point_decimal": w(
        "{got:cell} is not a number in {conventions}: there the point is the decimal mark; write the number "
        "without thousands separators, as 1110 or 12.5",
        "{got:cell} is geen getal in {conventions}: daarin is de punt het decimaalteken; schrijf het getal zonder "
        "scheidingstekens voor duizendtallen, als 1110 of 12.5",
    ),
    "csv_ambiguous_number": w(
        "{got:cell} could be read as {dutch!r} (Dutch) or as {english!r} (English) in {conventions}: write it "
        "without thousands separators, or save the file separated by semicolons or commas",
        "{got:cell} kan gelezen worden als {dutch!r} (Nederlands) of als {english!r} (Engels) in {conventions}: "
        "schrijf het zonder scheidingstekens voor duizendtallen, of sla het bestand op gescheiden door puntkomma's "
        "of komma's",
    ),
    "csv_expected_number": w(
        "expected a number such as {examples:or}, got {got:cell}",
        "verwacht een getal zoals {examples:or}, maar kreeg {got:cell}",
    ),
    "csv_no_such_date": w("{got:cell} is no date of the calendar", "{got:cell} is geen datum van de kalender"),
    "csv_expected_date": w(
        "expected {reason}, as 2026-02-01 or 1-2-2026; got {got:cell}",
        "verwacht {reason}, als 2026-02-01 of 1-2-2026, maar kreeg {got:cell}",
    ),
    "date_without_time": w("a date without a time of day", "een datum zonder tijdstip"),
    "date_four_digit_year": w(
        "a year of four digits (which century is '26'?)", "een jaartal van vier cijfers (welke eeuw is '26'?)"
    ),
    "date_no_slashes": w(
        "no slashes: is 1/2/2026 the first of February or the second of January?",
        "geen schuine strepen: is 1/2/2026 de eerste februari of de tweede januari?",
    ),
    "date_plain": w("a date", "een datum"),
    "sep_semicolon": w(
        "a file separated by semicolons (as Dutch Excel writes it)",
        "een bestand gescheiden door puntkomma's (zoals Nederlandse Excel het schrijft)",
    ),
    "sep_comma": w("a file separated by commas", "een bestand gescheiden door komma's"),
    "sep_tab": w("a file separated by tabs", "een bestand gescheiden door tabs"),
    "csv_not_utf16": w(
        "not UTF-16 text, although it starts as such: {reason} at byte {byte}",
        "geen UTF-16-tekst, hoewel het bestand zo begint: {reason} bij byte {byte}",
    ),
    "csv_not_utf8": w(
        "not UTF-8 text, although it starts as such: {reason} at byte {byte} (save it as CSV UTF-8)",
        "geen UTF-8-tekst, hoewel het bestand zo begint: {reason} bij byte {byte} (sla het op als CSV UTF-8)",
    ),
    "csv_not_text": w(
        "neither UTF-8 nor Windows-1252 text: byte {byte} is 0x{code} (save it as CSV UTF-8)",
        "geen UTF-8- en geen Windows-1252-tekst: byte {byte} is 0x{code} (sla het op als CSV UTF-8)",
    ),
    "csv_quote_not_closed": w(
        "a quote opens a field on this line and is never closed, so every line after it would be one field: close "
        'the quote (a quote inside a field is written twice: "")',
        "een aanhalingsteken opent op deze regel een veld en wordt nooit gesloten, zodat elke regel erna één veld "
        'zou worden: sluit het aanhalingsteken (een aanhalingsteken binnen een veld schrijf je dubbel: "")',
    ),
    "csv_not_a_line": w("not a CSV line: {reason}", "geen CSV-regel: {reason}"),
    "csv_rows_in_field": w(
        "a field on this line holds whole rows of the file: a quote is opened here and closed only lines later; "
        "close it where the field ends",
        "een veld op deze regel bevat hele rijen van het bestand: hier wordt een aanhalingsteken geopend dat pas "
        "regels later gesloten wordt; sluit het waar het veld eindigt",
    ),
    # --- limits of a workbook or CSV file -----------------------------------------------------------------------
    "over_limit": w(
        "the file holds {found}: that is over the limit {limit} = {value:,}; if the file is trusted, raise it with "
        "{option} on the command line or limits=Limits({limit}=...) in Python",
        "het bestand bevat {found}: dat is meer dan de grens {limit} = {value:,}; als u het bestand vertrouwt, "
        "verhoog de grens met {option} op de opdrachtregel of met limits=Limits({limit}=...) in Python",
    ),
    "over_bytes": w("more than {count:,} bytes", "meer dan {count:,} bytes"),
    "over_rows": w("more than {count:,} rows", "meer dan {count:,} rijen"),
    "bytes_decompressed": w("{count:,} bytes once decompressed", "{count:,} bytes na uitpakken"),
    "over_bytes_decompressed": w(
        "more than {count:,} bytes once decompressed", "meer dan {count:,} bytes na uitpakken"
    ),
    # --- damaged workbooks --------------------------------------------------------------------------------------
    "workbook_damaged": w(
        "not an Excel workbook (.xlsx), or a damaged one: {detail}",
        "geen Excel-werkmap (.xlsx), of een beschadigde: {detail}",
    ),
    "workbook_not_xlsx": w("not an Excel workbook (.xlsx): {detail}", "geen Excel-werkmap (.xlsx): {detail}"),
    "workbook_sheet_no_part": w(
        "the sheet {sheet!r} has no part in the file: the workbook is damaged",
        "het werkblad {sheet!r} heeft geen onderdeel in het bestand: de werkmap is beschadigd",
    ),
    "workbook_doctype": w(
        "the part {part!r} declares a document type (<!DOCTYPE>), which a workbook may not: it can hide an entity bomb",
        "het onderdeel {part!r} declareert een documenttype (<!DOCTYPE>), wat een werkmap niet mag: het kan een "
        "entity-bom verbergen",
    ),
    "workbook_part_damaged": w(
        "the part {part!r} is damaged: {detail}", "het onderdeel {part!r} is beschadigd: {detail}"
    ),
    "workbook_sheet_unreadable": w(
        "the sheet {sheet!r} cannot be read beyond row {row}: {detail}",
        "het werkblad {sheet!r} kan na rij {row} niet gelezen worden: {detail}",
    ),
    "workbook_no_styles": w(
        "the workbook has no styles part ({styles}), which its cells refer to ({detail})",
        "de werkmap heeft geen opmaakonderdeel ({styles}), waar de cellen naar verwijzen ({detail})",
    ),
    "workbook_sheet_part_missing": w(
        "the sheet {sheet!r} has no part {part!r} in the file",
        "het werkblad {sheet!r} heeft geen onderdeel {part!r} in het bestand",
    ),
    "workbook_row_number": w(
        "the sheet {sheet!r} has a row numbered {given!r}: not a row of Excel's grid",
        "het werkblad {sheet!r} heeft een rij met nummer {given!r}: geen rij van het raster van Excel",
    ),
    "workbook_rows_order": w(
        "the sheet {sheet!r} has row {row} after row {last}: rows out of order",
        "het werkblad {sheet!r} heeft rij {row} na rij {last}: rijen in de verkeerde volgorde",
    ),
    "workbook_cell_ref": w(
        "the sheet {sheet!r} has a cell {ref!r} in row {row}: not a cell of that row",
        "het werkblad {sheet!r} heeft een cel {ref!r} in rij {row}: geen cel van die rij",
    ),
    "workbook_cell_twice": w(
        "the sheet {sheet!r} has the cell {ref!r} twice, or out of order",
        "het werkblad {sheet!r} heeft de cel {ref!r} twee keer, of in de verkeerde volgorde",
    ),
    "workbook_saved_value": w(
        "the cell's saved {saved} is {shown!r}: not a {saved}; enter the value again",
        "wat de cel als {saved} bewaart is {shown!r}: geen {saved}; vul de waarde opnieuw in",
    ),
    "saved_number": w("number", "getal"),
    "saved_boolean": w("boolean", "waarheidswaarde"),
    "saved_shared_text": w("shared text", "gedeelde tekst"),
    "workbook_column_width": w(
        "the sheet {sheet!r} has a column width without its columns",
        "het werkblad {sheet!r} heeft een kolombreedte zonder kolommen",
    ),
    "workbook_columns": w(
        "the sheet {sheet!r} has columns {first} to {last}: not columns of Excel's grid",
        "het werkblad {sheet!r} heeft de kolommen {first} tot {last}: geen kolommen van het raster van Excel",
    ),
    # --- an agreement in a workbook ----------------------------------------------------------------------------
    "suggestion": w(" (did you mean {close!r}?)", " (bedoelt u {close!r}?)"),
    "no_suggestion": w("", ""),
    "book_unknown_sheet": w(
        "unknown sheet{suggestion}; the sheets of an agreement are {known:list}",
        "onbekend werkblad{suggestion}; de werkbladen van een overeenkomst zijn {known:list}",
    ),
    "book_no_agreement_sheet": w(
        "the sheet is missing: it holds the agreement's own keys (id, title, ...)",
        "het werkblad ontbreekt: het bevat de eigen sleutels van de overeenkomst (id, title, ...)",
    ),
    "book_value_outside": w("a value outside the columns key and value", "een waarde buiten de kolommen key en value"),
    "book_value_without_key": w(
        "a value without a key: write its key in column A",
        "een waarde zonder sleutel: schrijf de sleutel in kolom A",
    ),
    "book_unknown_key": w(
        "unknown key {key!r}{suggestion}; the keys are {known:list}",
        "onbekende sleutel {key!r}{suggestion}; de sleutels zijn {known:list}",
    ),
    "book_key_twice": w(
        "the key {key!r} is given twice (first in row {first})",
        "de sleutel {key!r} staat er twee keer (eerst in rij {first})",
    ),
    "book_key_heading": w(
        "expected the heading {heading!r}, got {found!r}: the first row heads the columns key and value",
        "verwacht de kop {heading!r}, maar kreeg {found!r}: de eerste rij geeft de koppen van de kolommen key en value",
    ),
    "book_first_row_empty": w(
        "the first row is empty: it heads the columns, with the format's keys",
        "de eerste rij is leeg: die geeft de koppen van de kolommen, met de sleutels van het formaat",
    ),
    "book_column_required": w(
        "the column {column!r} is required: add it", "de kolom {column!r} is verplicht: voeg haar toe"
    ),
    "book_value_without_heading": w("a value in a column without a heading", "een waarde in een kolom zonder kop"),
    "book_owner_required": w(
        "a value is required here: the id of the {header} this row belongs to",
        "hier is een waarde verplicht: de id van de {header} waar deze rij bij hoort",
    ),
    "book_no_owner": w(
        "no {header} {owner!r} in the sheet {sheet}{suggestion}",
        "geen {header} {owner!r} in het werkblad {sheet}{suggestion}",
    ),
    "book_unknown_column": w(
        "unknown column {column!r}{suggestion}; the columns of {sheet} are {known:list}",
        "onbekende kolom {column!r}{suggestion}; de kolommen van {sheet} zijn {known:list}",
    ),
    "column_twice": w("the column {column!r} is given twice", "de kolom {column!r} staat er twee keer"),
    "value_required": w("a value is required here", "hier is een waarde verplicht"),
    "book_sheet_required": w(
        "required: the sheet needs at least one row", "verplicht: het werkblad heeft minstens één rij nodig"
    ),
    "book_key_required": w(
        "required: add a row with the key {key!r}", "verplicht: voeg een rij toe met de sleutel {key!r}"
    ),
    "book_keys_required": w(
        "required: add rows with the keys {keys}", "verplicht: voeg rijen toe met de sleutels {keys}"
    ),
    # --- realisations from a workbook or CSV file ---------------------------------------------------------------
    "no_sheet": w("no sheet {names:or}", "geen werkblad {names:or}"),
    "the_sheet": w("the sheet {sheet}", "het werkblad {sheet}"),
    "the_file": w("the file", "het bestand"),
    "unknown_column": w("unknown column {column!r}{suggestion}", "onbekende kolom {column!r}{suggestion}"),
    "either_column": w("{value} or {outcome}", "{value} of {outcome}"),
    "columns_required": w(
        "{what} lacks the required column(s) {missing}", "{what} mist de verplichte kolom(men) {missing}"
    ),
    "value_required_in": w("a value is required here ({column})", "hier is een waarde verplicht ({column})"),
    "value_or_outcome_required": w(
        "a value is required here ({value}), or for a commitment an outcome ({outcome}: {words})",
        "hier is een waarde verplicht ({value}), of bij een afspraak een uitkomst ({outcome}: {words})",
    ),
    "cell_expected_word": w(
        "expected one of {words}; got {got:cell}", "verwacht een van {words}, maar kreeg {got:cell}"
    ),
    "figure_year_outside": w(
        "the year {year} lies outside the perspective {start}-{end} and is neither the year before it nor a "
        "baseline year of the target the figure is about (PA308)",
        "het jaar {year} ligt buiten het meerjarig perspectief {start}-{end} en is niet het jaar ervoor en ook geen "
        "basisjaar van het streefcijfer waar het cijfer over gaat (PA308)",
    ),
    "outcome_of_commitment_only": w(
        "only a commitment has an outcome (how it was kept); a {subject:term}'s figure is its value ({value}): "
        "leave {outcome} empty",
        "alleen een afspraak heeft een uitkomst (hoe die is nagekomen); bij een {subject:term} is het cijfer de "
        "waarde ({value}): laat {outcome} leeg",
    ),
    "unknown_id": w("unknown {subject:term} id {id!r}{suggestion}", "geen {subject:term} met id {id!r}{suggestion}"),
    "glued": w("{parts:glued}", "{parts:glued}"),
    "figure_place": w("{kind:term} {subject}, {year}{where}", "{kind:term} {subject}, {year}{where}"),
    "figure_area": w(", area {id}", ", gebied {id}"),
    "figure_party": w(", party {id}", ", partij {id}"),
    "figure_value": w("value {value!r}", "waarde {value!r}"),
    "figure_outcome": w("outcome {outcome}", "uitkomst {outcome}"),
    "figure_transition": w("the recorded figure of {place}: {said}", "het vastgelegde cijfer van {place}: {said}"),
    "figure_recorded": w(
        "a figure of {place} is recorded already ({figure}, {status}, reported {day}); a correction needs a later "
        "reported-on date after {day}",
        "een cijfer van {place} is al vastgelegd ({figure}, {status}, gerapporteerd op {day}); een correctie heeft "
        "een latere rapportagedatum nodig, na {day}",
    ),
    "figure_recorded_undated": w(
        "a figure of {place} is recorded already ({figure}, {status}, reported without a date); a correction needs "
        "a later reported-on date",
        "een cijfer van {place} is al vastgelegd ({figure}, {status}, gerapporteerd zonder datum); een correctie "
        "heeft een latere rapportagedatum nodig",
    ),
}
