"""DataFrames of commitments, targets, findings, progress and realisations (pandas, the ``pandas`` extra).

Each frame is the matching `prestatieafspraken.tabular.rows` function's rows, with its columns in order even
when there are no rows; pandas is imported when a frame is made, so the rest of the library works without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from prestatieafspraken._progress import ProgressReport
from prestatieafspraken.model import Agreement
from prestatieafspraken.rules import Report
from prestatieafspraken.tabular import rows  # the module: each frame names its rows function
from prestatieafspraken.tabular._extras import require
from prestatieafspraken.vocabulary import Language

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["commitments_frame", "findings_frame", "progress_frame", "realisations_frame", "targets_frame"]


def _frame(found: list[rows.Row], columns: Sequence[str]) -> pd.DataFrame:
    pandas = require("pandas")
    frame: pd.DataFrame = pandas.DataFrame(found, columns=list(columns))
    return frame


def commitments_frame(agreement: Agreement, *, lang: Language = "nl") -> pd.DataFrame:
    """One row per commitment (`prestatieafspraken.tabular.rows.commitment_rows`).

    Raises:
        MissingExtraError: pandas is not installed (``pip install "prestatieafspraken[pandas]"``).
    """
    return _frame(rows.commitment_rows(agreement, lang=lang), rows.COMMITMENT_COLUMNS)


def targets_frame(agreement: Agreement, *, lang: Language = "nl") -> pd.DataFrame:
    """One row per target, a ``breakdown.<key>`` column per key in use (`prestatieafspraken.tabular.rows.target_rows`).

    Raises:
        MissingExtraError: pandas is not installed (``pip install "prestatieafspraken[pandas]"``).
    """
    columns = (*rows.TARGET_COLUMNS, *rows.breakdown_columns(agreement.targets))
    return _frame(rows.target_rows(agreement, lang=lang), columns)


def findings_frame(report: Report, *, lang: Language = "nl") -> pd.DataFrame:
    """One row per finding (`prestatieafspraken.tabular.rows.finding_rows`).

    Raises:
        MissingExtraError: pandas is not installed (``pip install "prestatieafspraken[pandas]"``).
    """
    return _frame(rows.finding_rows(report, lang=lang), rows.FINDING_COLUMNS)


def progress_frame(report: ProgressReport, *, lang: Language = "nl") -> pd.DataFrame:
    """One row per target, breakdown part and commitment (`prestatieafspraken.tabular.rows.progress_rows`).

    Raises:
        MissingExtraError: pandas is not installed (``pip install "prestatieafspraken[pandas]"``).
    """
    return _frame(rows.progress_rows(report, lang=lang), rows.PROGRESS_COLUMNS)


def realisations_frame(agreement: Agreement, *, lang: Language = "nl") -> pd.DataFrame:
    """One row per realised figure (`prestatieafspraken.tabular.rows.realisation_rows`).

    Raises:
        MissingExtraError: pandas is not installed (``pip install "prestatieafspraken[pandas]"``).
    """
    return _frame(rows.realisation_rows(agreement, lang=lang), rows.REALISATION_COLUMNS)
