"""The check report of every shipped example is stored as an approved snapshot.

A change in any rule's behaviour on real agreements then shows up in review as a changed snapshot file. To
approve new reports after a deliberate change, run ``PRESTATIEAFSPRAKEN_UPDATE_SNAPSHOTS=1 python -m pytest
tests/test_snapshots.py`` and review the diff of ``tests/snapshots/``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from prestatieafspraken import check, examples

SNAPSHOTS = Path(__file__).parent / "snapshots"
AS_OF = dt.date(2026, 11, 29)
UPDATE = os.environ.get("PRESTATIEAFSPRAKEN_UPDATE_SNAPSHOTS") == "1"


@pytest.mark.parametrize("name", examples.names())
def test_report_matches_the_approved_snapshot(name: str) -> None:
    """The example's check report (English, as of 2026-11-29) equals its approved snapshot."""
    report = check(examples.load(name), as_of=AS_OF).to_dict(lang="en", file=f"example:{name}")
    text = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    snapshot = SNAPSHOTS / f"{name}.json"
    if UPDATE:
        snapshot.write_text(text, encoding="utf-8")
    assert snapshot.exists(), f"no approved snapshot for {name}; create it with PRESTATIEAFSPRAKEN_UPDATE_SNAPSHOTS=1"
    assert snapshot.read_text(encoding="utf-8") == text


def test_every_snapshot_has_an_example() -> None:
    """No snapshot is left behind for an example that no longer exists."""
    assert sorted(path.stem for path in SNAPSHOTS.glob("*.json")) == sorted(examples.names())
