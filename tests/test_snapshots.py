"""The check report of every shipped example is stored as an approved snapshot.

A snapshot holds what a finding is about, not how it is worded: its code, severity, path and subjects, one finding
a line, so that a change in any rule's behaviour on real agreements shows up in review as a changed line, and a
rewording of a message changes no snapshot. To write the snapshots after a deliberate change, run
``PRESTATIEAFSPRAKEN_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_snapshots.py``: the run writes the files and
fails, so that nothing is approved until the diff of ``tests/snapshots/`` is reviewed and the tests run green
without the variable.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from prestatieafspraken import check, examples
from prestatieafspraken.rules import Finding
from support import EXAMPLES_AS_OF

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("PRESTATIEAFSPRAKEN_UPDATE_SNAPSHOTS") == "1"


def finding_line(finding: Finding) -> str:
    """One finding as one line of JSON: code, severity, path and subjects."""
    record = {
        "code": finding.code,
        "severity": finding.severity.value,
        "path": finding.path,
        "subjects": list(finding.subjects),
    }
    return json.dumps(record, ensure_ascii=False)


def snapshot_text(name: str) -> str:
    """The snapshot of the example's check report as of `EXAMPLES_AS_OF`: a JSON document, one finding a line."""
    report = check(examples.load(name), as_of=EXAMPLES_AS_OF)
    lines = ",\n".join(f"    {finding_line(finding)}" for finding in report.findings)
    findings = f"[\n{lines}\n  ]" if lines else "[]"
    head = f'  "example": {json.dumps(name)},\n  "as_of": "{EXAMPLES_AS_OF.isoformat()}",\n'
    return "{\n" + head + f'  "findings": {findings}\n' + "}\n"


def compare(name: str, snapshots: Path, *, update: bool) -> None:
    """Assert that the example's snapshot in *snapshots* is its report; with *update*, write it and fail."""
    text = snapshot_text(name)
    snapshot = snapshots / f"{name}.json"
    if update:
        snapshot.write_text(text, encoding="utf-8")
        pytest.fail(
            f"wrote {snapshot}: review the diff, then run the tests without PRESTATIEAFSPRAKEN_UPDATE_SNAPSHOTS"
        )
    assert snapshot.exists(), f"no approved snapshot for {name}; write it with PRESTATIEAFSPRAKEN_UPDATE_SNAPSHOTS=1"
    assert snapshot.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("name", examples.names())
def test_report_matches_the_approved_snapshot(name: str) -> None:
    """The example's check report (as of 2026-11-29) equals its approved snapshot."""
    compare(name, SNAPSHOTS, update=UPDATE)


def test_update_mode_writes_and_fails(tmp_path: Path) -> None:
    """In update mode the snapshot is written and the test still fails, so that no snapshot approves itself."""
    with pytest.raises(pytest.fail.Exception, match="review the diff"):
        compare("amsterdam-2020-2023", tmp_path, update=True)
    assert (tmp_path / "amsterdam-2020-2023.json").read_text(encoding="utf-8") == snapshot_text("amsterdam-2020-2023")
    compare("amsterdam-2020-2023", tmp_path, update=False)


def test_snapshot_is_json_with_one_finding_a_line() -> None:
    """A snapshot reads back as JSON, and each finding stands on its own line."""
    name = max(examples.names(), key=lambda name: len(check(examples.load(name), as_of=EXAMPLES_AS_OF).findings))
    text = snapshot_text(name)
    document = json.loads(text)
    assert document["example"] == name
    assert document["as_of"] == "2026-11-29"
    assert document["findings"]
    lines = [line.strip().rstrip(",") for line in text.splitlines() if line.strip().startswith('{"code"')]
    assert [json.loads(line) for line in lines] == document["findings"]
    assert set(document["findings"][0]) == {"code", "severity", "path", "subjects"}


def test_every_snapshot_has_an_example() -> None:
    """No snapshot is left behind for an example that no longer exists."""
    assert sorted(path.stem for path in SNAPSHOTS.glob("*.json")) == sorted(examples.names())
