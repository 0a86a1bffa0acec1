"""Monitoring in Excel: a template of a year's figures to fill in, and the filled-in figures merged back.

Handbook, "Monitoring en verantwoording": monitor sharply and share the figures; the analysts who gather them
work in spreadsheets. `realisations_template` writes a workbook (or CSV file) with one row per commitment of the
year and per target (with a row per part of its breakdown), pre-filled with what is known: the ids, a
description, the unit, the committed value, the figure already recorded, and the figures that already count for
the row in that year with where they come from (a target's own figure, or its indicator's), so that nobody types
a known figure twice. The analyst fills in the value, the date it was reported and its status, and for a
commitment how it was kept (the outcome: uitgevoerd, deels uitgevoerd, niet uitgevoerd) with an explanation;
`import_realisations` (or `import_realisations_csv`) reads the rows that were filled in, checks every one of them,
and returns the agreement with the new figures merged.

The package, one idea a module:

- `columns`: the columns of the template and the words in its cells (`prestatieafspraken.vocabulary`'s);
- `template`: writing the template;
- `checks`: reading a filled-in row into a figure, every problem at its cell;
- `merging`: merging the figures into the agreement, none twice and none that would silently not count;
- `reading`: importing a workbook or a CSV file.
"""

from prestatieafspraken.tabular.realisations.columns import SHEET_NAMES, TEMPLATE_COLUMNS, TemplateColumn
from prestatieafspraken.tabular.realisations.reading import import_realisations, import_realisations_csv
from prestatieafspraken.tabular.realisations.template import realisations_template

__all__ = [
    "SHEET_NAMES",
    "TEMPLATE_COLUMNS",
    "TemplateColumn",
    "import_realisations",
    "import_realisations_csv",
    "realisations_template",
]
