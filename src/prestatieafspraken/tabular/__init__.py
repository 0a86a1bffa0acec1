"""Tables for analysts: rows and DataFrames, an agreement as an Excel workbook, realisations from Excel or CSV.

DESIGN §2 puts this in the presentation layer. pandas and openpyxl are optional extras, imported only when a
frame or a workbook is made: ``pip install "prestatieafspraken[pandas]"`` and
``pip install "prestatieafspraken[excel]"``; without them those functions raise `MissingExtraError` saying so,
and the plain rows work with nothing installed.
"""

from prestatieafspraken.errors import MissingExtraError
from prestatieafspraken.tabular.frames import (
    commitments_frame,
    findings_frame,
    progress_frame,
    realisations_frame,
    targets_frame,
)
from prestatieafspraken.tabular.realisations import (
    import_realisations,
    import_realisations_csv,
    realisations_template,
)
from prestatieafspraken.tabular.rows import (
    commitment_rows,
    finding_rows,
    progress_rows,
    realisation_rows,
    target_rows,
)
from prestatieafspraken.tabular.workbook import read_workbook, write_workbook

__all__ = [
    "MissingExtraError",
    "commitment_rows",
    "commitments_frame",
    "finding_rows",
    "findings_frame",
    "import_realisations",
    "import_realisations_csv",
    "progress_frame",
    "progress_rows",
    "read_workbook",
    "realisation_rows",
    "realisations_frame",
    "realisations_template",
    "target_rows",
    "targets_frame",
    "write_workbook",
]
