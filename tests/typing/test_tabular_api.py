"""Static checks of the types of `prestatieafspraken.tabular` with `assert_type`; mypy --strict checks them.

Each test calls the API on the shipped example, so the types asserted are those of real calls.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, assert_type

import pandas as pd
import pytest

from prestatieafspraken import Agreement, check, examples, progress
from prestatieafspraken.errors import ExportError, LoadError, MissingExtraError, PrestatieafsprakenError
from prestatieafspraken.tabular import (
    commitment_rows,
    commitments_frame,
    finding_rows,
    findings_frame,
    import_realisations,
    import_realisations_csv,
    progress_frame,
    progress_rows,
    read_workbook,
    realisation_rows,
    realisations_frame,
    realisations_template,
    target_rows,
    targets_frame,
    write_workbook,
)

pytestmark = pytest.mark.needs_extras  # openpyxl (and pandas)

AS_OF = dt.date(2026, 7, 1)


def test_rows_and_frames() -> None:
    """Rows are lists of dictionaries of column name to value; frames are DataFrames."""
    agreement = examples.load("lindeveen-2025-2028")
    report = check(agreement, as_of=AS_OF)
    measured = progress(agreement, as_of=AS_OF)
    assert_type(commitment_rows(agreement), list[dict[str, Any]])
    assert_type(target_rows(agreement, lang="en"), list[dict[str, Any]])
    assert_type(finding_rows(report), list[dict[str, Any]])
    assert_type(progress_rows(measured), list[dict[str, Any]])
    assert_type(realisation_rows(agreement), list[dict[str, Any]])
    frames = [
        assert_type(commitments_frame(agreement), pd.DataFrame),
        assert_type(targets_frame(agreement), pd.DataFrame),
        assert_type(findings_frame(report), pd.DataFrame),
        assert_type(progress_frame(measured), pd.DataFrame),
        assert_type(realisations_frame(agreement), pd.DataFrame),
    ]
    assert all(isinstance(frame, pd.DataFrame) for frame in frames)


def test_workbooks(tmp_path: Path) -> None:
    """Writing returns nothing; reading and importing return an `Agreement`."""
    agreement = examples.load("lindeveen-2025-2028")
    assert_type(write_workbook(agreement, tmp_path / "a.xlsx"), None)
    assert_type(read_workbook(tmp_path / "a.xlsx"), Agreement)
    assert_type(realisations_template(agreement, 2025, path=tmp_path / "t.xlsx"), None)
    assert_type(import_realisations(agreement, tmp_path / "t.xlsx"), Agreement)
    realisations_template(agreement, 2025, path=str(tmp_path / "t.csv"), lang="en")
    assert_type(import_realisations_csv(agreement, str(tmp_path / "t.csv")), Agreement)


def test_errors() -> None:
    """The errors of the tabular functions are the library's, and the natural built-ins."""
    assert issubclass(MissingExtraError, PrestatieafsprakenError)
    assert issubclass(MissingExtraError, ImportError)
    assert issubclass(ExportError, ValueError)
    assert issubclass(LoadError, ValueError)
