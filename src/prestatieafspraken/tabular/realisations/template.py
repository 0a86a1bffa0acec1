"""The realisations template: one row per commitment of a year and per target, pre-filled with what is known.

Every row shows, besides its ids and what it measures, the figure recorded for its place (any status) and the
figures that already count for it in that year, with where they come from, as the figure engine
(`prestatieafspraken.figures`) reads them: a target takes, per year, the approved figures that name it, else those
of its indicator in its place. So an analyst sees that the new build of 2025 counts already from the indicator's
figure and does not type it a second time on the target's row.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from prestatieafspraken.errors import ExportError
from prestatieafspraken.figures import FigureIndex, FigureYears, YearFigure, latest, own_area, part_place, split, yearly
from prestatieafspraken.model import (
    Aggregation,
    Agreement,
    Number,
    Outcome,
    Realisation,
    RealisationStatus,
    Target,
    Visibility,
)
from prestatieafspraken.tabular._extras import require
from prestatieafspraken.tabular.cells import Kind, encode_list, write_cell
from prestatieafspraken.tabular.conventions import COMMA, SEMICOLON
from prestatieafspraken.tabular.csvfiles import write_table
from prestatieafspraken.tabular.files import write_file
from prestatieafspraken.tabular.realisations.columns import KINDS, SHEET_NAMES, TEMPLATE_COLUMNS, kind_word
from prestatieafspraken.vocabulary import Language, label, term

__all__ = ["realisations_template"]

_INSTRUCTIONS = {"nl": "Toelichting", "en": "Instructions"}

#: Every figure the file holds counts for the template, whatever the day it is written.
_ALL_RECORDED = dt.date.max


@attrs.frozen(kw_only=True)
class _TemplateRow:
    kind: str
    id: str
    description: str | None
    indicator: str | None
    unit: str | None
    area: str | None
    party: str | None
    committed: Number | None
    counted: YearFigure | None = None
    """The figures that count for the row's year, as progress reads them."""
    visibility: Visibility = Visibility.PUBLIC
    visible_to: tuple[str, ...] = ()


def _template_rows(agreement: Agreement, year: int) -> list[_TemplateRow]:
    index = agreement.index
    figures = FigureIndex(agreement, _ALL_RECORDED)
    rows: list[_TemplateRow] = []
    for commitment in agreement.commitments:
        if commitment.year not in (year, None):
            continue
        indicator = index.indicators.get(commitment.indicator or "")
        counted, _ = split(figures.of("commitment", commitment.id))
        aggregation = indicator.aggregation if indicator is not None else Aggregation.FLOW
        series = yearly(counted, aggregation=aggregation, area=commitment.area)
        rows.append(
            _TemplateRow(
                kind="commitment",
                id=commitment.id,
                description=commitment.text or (indicator.label if indicator is not None else None),
                indicator=commitment.indicator,
                unit=indicator.unit if indicator is not None else None,
                area=commitment.area,
                party=None,
                committed=commitment.value,
                counted=series.get(year),
                visibility=commitment.visibility,
                visible_to=commitment.visible_to,
            )
        )
    for target in agreement.targets:
        first = target.from_year if target.from_year is not None else agreement.perspective.start
        baseline = target.baseline.year if target.baseline is not None else None
        if not (first - 1 <= year <= target.by or year == baseline):
            continue
        rows.extend(_target_rows(agreement, figures, target, year))
    return rows


def _target_rows(agreement: Agreement, figures: FigureIndex, target: Target, year: int) -> list[_TemplateRow]:
    """A target's row and one per part of its breakdown, each with the figures that count for it in *year*."""
    indicator = agreement.index.indicators.get(target.indicator)
    aggregation = indicator.aggregation if indicator is not None else None

    def counted(part: str | None) -> YearFigure | None:
        if aggregation is None:
            return None  # an unknown indicator (PA001): how its figures add up cannot be told
        return figures.for_target(target, aggregation, part=part).series.get(year)

    whole = _TemplateRow(
        kind="target",
        id=target.id,
        description=indicator.label if indicator is not None else None,
        indicator=target.indicator,
        unit=indicator.unit if indicator is not None else None,
        area=target.area,
        party=None,
        committed=target.value,
        counted=counted(None),
    )
    rows = [whole]
    for key, part in target.breakdown.items():
        area, party = part_place(agreement, key)
        rows.append(attrs.evolve(whole, area=area, party=party, committed=part, counted=counted(key)))
    return rows


def _known(agreement: Agreement, row: _TemplateRow, year: int) -> Realisation | None:
    """The figure recorded for a row's place, of any status: the later reported (`prestatieafspraken.figures`).

    A figure with the area of its commitment or target is about the whole, as one without an area.
    """

    def whole(area: str | None, own: str | None) -> str | None:
        return None if area == own else area

    found = []
    for figure in agreement.index.realisations_of(row.kind, row.id):
        own = own_area(agreement, figure)
        if figure.year == year and figure.party == row.party and whole(figure.area, own) == whole(row.area, own):
            found.append(figure)
    return latest(found)


def _known_status(known: Realisation, lang: Language) -> str:
    """A recorded figure's status and date, and its outcome: "goedgekeurd, 2026-03-02; uitkomst: uitgevoerd"."""
    text = label(known.status, lang)
    if known.reported_on is not None:
        text += f", {known.reported_on.isoformat()}"
    if known.outcome is not None:
        text += f"; {'uitkomst' if lang == 'nl' else 'outcome'}: {label(known.outcome, lang)}"
    return text


def _counted_from(row: _TemplateRow, lang: Language) -> str | None:
    """Where the figures that count for a row come from: "dit streefcijfer", "indicator social-new-build (...)"."""
    counted = row.counted
    if counted is None:
        return None
    if counted.source == "indicator":
        text = f"{term('indicator', lang)} {row.indicator}"
    else:
        this = {"nl": "deze" if row.kind == "commitment" else "dit", "en": "this"}[lang]
        text = f"{this} {term(row.kind, lang)}"
    if len(counted.figures) > 1:
        text += (
            f" (som van {len(counted.figures)} cijfers)"
            if lang == "nl"
            else f" (sum of {len(counted.figures)} figures)"
        )
    return text


def _template_values(agreement: Agreement, row: _TemplateRow, year: int, lang: Language) -> dict[str, Any]:
    known = _known(agreement, row, year)
    return {
        "kind": kind_word(row.kind, lang),
        "id": row.id,
        "description": row.description,
        "indicator": row.indicator,
        "unit": row.unit,
        "area": row.area,
        "party": row.party,
        "year": year,
        "committed": row.committed,
        "known": known.value if known is not None else None,
        "known_status": _known_status(known, lang) if known is not None else None,
        "counted": row.counted.value if row.counted is not None else None,
        "counted_from": _counted_from(row, lang),
        "value": None,
        "reported_on": None,
        "status": None,
        "outcome": None,
        "explanation": None,
        "visibility": label(row.visibility, lang),
        "visible_to": row.visible_to,
        "note": None,
    }


def realisations_template(
    agreement: Agreement, year: int, *, path: str | os.PathLike[str], lang: str = "nl", audience: str | None = None
) -> None:
    """Write the realisations template of *year* to *path*: an Excel workbook (``.xlsx``) or a CSV file (``.csv``).

    One row per commitment of the year (and each commitment without a year) and per target whose years include
    *year* (from the year before its first year, for the starting level, and its baseline year), with a row per
    part of a target's breakdown; pre-filled with the ids, a description, the unit, the committed value, the
    figure already recorded for that place and year (any status), and the approved figures that already count for
    it in that year with where they come from: for a target its own figures, else its indicator's in its place
    (`prestatieafspraken.figures.FigureIndex.for_target`). The columns are `TEMPLATE_COLUMNS`, headed in *lang*
    (``"nl"``: the sheet Realisaties with Dutch headings and words; ``"en"``: Realisations). The workbook has a
    second sheet that explains how to fill it in. The CSV file is written as Dutch Excel reads it for ``"nl"``
    (semicolons, decimal commas), with commas and decimal points for ``"en"``; both UTF-8 with a byte order mark.
    Written atomically; a new file gets the permissions of the umask.

    With *audience* (``"public"`` or a party id) the template is written from `prestatieafspraken.view_for`: the
    commitments that audience may not see have no row, and the known figures are those it may see, so a template
    sent to one party carries no other party's confidential values or texts.

    Raises:
        ExportError: The agreement takes no figures for *year* (see PA308), or the suffix is not .xlsx or .csv.
        MissingExtraError: A workbook is asked for and openpyxl is not installed.
        UnknownAudienceError: *audience* is neither ``"public"`` nor a party of the agreement.
    """
    file = Path(path)
    language: Language = "nl" if lang == "nl" else "en"
    withheld: frozenset[str] = frozenset()
    if audience is not None:
        from prestatieafspraken.views import view_for  # noqa: PLC0415 - views import the rules, slow to import

        view = view_for(agreement, audience)
        agreement, withheld = view.agreement, view.withheld_commitments
    if not FigureYears(agreement).allows_some(year):
        perspective = agreement.perspective
        raise ExportError.of(
            "export_no_figures_year",
            year=year,
            start=perspective.start,
            end=perspective.end,
            before=perspective.start - 1,
        )
    rows = [row for row in _template_rows(agreement, year) if not (row.kind == "commitment" and row.id in withheld)]
    values = [_template_values(agreement, row, year, language) for row in rows]
    suffix = file.suffix.lower()
    if suffix == ".xlsx":
        payload = _template_workbook(agreement, year, values, language)
    elif suffix == ".csv":
        payload = _template_csv(values, language)
    else:
        raise ExportError.of("export_template_suffix", name=file.name)
    write_file(file, payload)


def _template_csv(values: Sequence[dict[str, Any]], lang: Language) -> bytes:
    header = [column.heading(lang) for column in TEMPLATE_COLUMNS]
    rows = [[_csv_value(column.kind, row[column.key]) for column in TEMPLATE_COLUMNS] for row in values]
    return write_table([header, *rows], SEMICOLON if lang == "nl" else COMMA)


def _csv_value(kind: Kind, value: Any) -> str | Number | None:
    if value is None or value == ():
        return None
    if kind in ("int", "number"):
        number: Number = value
        return number
    if kind == "texts":
        return encode_list(value)
    return str(value)


_INSTRUCTION_LINES = {
    "nl": (
        "Realisaties {year} van {title} ({id})",
        "",
        (
            "Vul per rij het gerealiseerde cijfer in de kolom Waarde in, met de datum waarop het is gerapporteerd "
            "en de status (concept, ingediend of goedgekeurd)."
        ),
        (
            "Bij een afspraak kan in plaats van (of naast) een cijfer de Uitkomst staan: uitgevoerd, deels "
            "uitgevoerd of niet uitgevoerd, met een Toelichting. Een streefcijfer of indicator heeft geen uitkomst."
        ),
        (
            "Rijen zonder Waarde, datum, status, uitkomst en toelichting worden niet gelezen. De grijze kolommen "
            "tonen wat al bekend is."
        ),
        (
            "Telt al mee: het goedgekeurde cijfer dat voor dit jaar al meetelt, en Telt mee via: waar het vandaan "
            "komt (dit streefcijfer, of de indicator in hetzelfde gebied). Vul zo'n cijfer niet nog een keer in."
        ),
        "Een cijfer voor een ander gebied of een andere partij: voeg een rij toe met dezelfde soort en id.",
        "Een correctie van een bekend cijfer is een nieuw cijfer met een latere datum.",
        (
            "Lees het bestand in met: prestatieafspraken import-realisations AFSPRAAK.yaml DIT-BESTAND.xlsx "
            "--output NIEUW.yaml"
        ),
    ),
    "en": (
        "Realisations {year} of {title} ({id})",
        "",
        (
            "Per row, enter the realised figure in the column Value, with the date it was reported and its "
            "status (draft, submitted or approved)."
        ),
        (
            "A commitment may have an Outcome instead of (or besides) a figure: done, partly done or not done, with "
            "an Explanation. A target or indicator has no outcome."
        ),
        (
            "Rows without a value, date, status, outcome and explanation are not read. The grey columns show what "
            "is known."
        ),
        (
            "Counted already: the approved figure that counts for this year already, and Counted from: where it "
            "comes from (this target, or the indicator in the same area). Do not enter such a figure again."
        ),
        "A figure for another area or party: add a row with the same kind and id.",
        "A correction of a known figure is a new figure with a later date.",
        ("Read the file with: prestatieafspraken import-realisations AGREEMENT.yaml THIS-FILE.xlsx --output NEW.yaml"),
    ),
}

#: The cells that offer a choice, with the words they offer.
_CHOICES: tuple[tuple[str, tuple[RealisationStatus, ...] | tuple[Outcome, ...] | tuple[Visibility, ...]], ...] = (
    ("status", tuple(RealisationStatus)),
    ("outcome", tuple(Outcome)),
    ("visibility", tuple(Visibility)),
)


def _template_workbook(agreement: Agreement, year: int, values: Sequence[dict[str, Any]], lang: Language) -> bytes:
    openpyxl = require("openpyxl")
    styles = openpyxl.styles
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = SHEET_NAMES[lang]
    fills = {
        "info": styles.PatternFill("solid", fgColor="EDEDED"),
        "input": styles.PatternFill("solid", fgColor="FFF2CC"),
    }
    bold = styles.Font(bold=True)
    last = max(len(values) + 1, 2)
    for position, column in enumerate(TEMPLATE_COLUMNS, start=1):
        letter = openpyxl.utils.get_column_letter(position)
        header = sheet.cell(1, position)
        write_cell(header, "text", column.heading(lang))
        header.font = bold
        sheet.column_dimensions[letter].width = column.width
        fill = fills.get(column.role)
        for row, found in enumerate(values, start=2):
            cell = sheet.cell(row, position)
            write_cell(cell, column.kind, found[column.key])
            if fill is not None:
                cell.fill = fill
        if fill is not None:
            header.fill = fill
    keys = [column.key for column in TEMPLATE_COLUMNS]
    offered = [("kind", [kind_word(kind, lang) for kind in KINDS])]
    offered += [(key, [label(member, lang) for member in members]) for key, members in _CHOICES]
    for key, words in offered:
        letter = openpyxl.utils.get_column_letter(keys.index(key) + 1)
        validation = openpyxl.worksheet.datavalidation.DataValidation(
            type="list", formula1=f'"{",".join(words)}"', allow_blank=True
        )
        validation.add(f"{letter}2:{letter}{max(last, 1000)}")
        sheet.add_data_validation(validation)
    sheet.freeze_panes = "C2"
    notes = workbook.create_sheet(_INSTRUCTIONS[lang])
    for row, line in enumerate(_INSTRUCTION_LINES[lang], start=1):
        text = line.format(year=year, title=agreement.title, id=agreement.id)
        if text:
            write_cell(notes.cell(row, 1), "text", text)
    notes.column_dimensions["A"].width = 120
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
