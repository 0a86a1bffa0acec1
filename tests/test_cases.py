"""The rule catalogue as data: every file in tests/cases/ is an agreement with the codes it must and must not produce.

A case file has the keys ``name`` (what the case shows), ``agreement`` (an agreement of file format v1),
``must`` and ``must_not`` (rule codes), and optionally ``as_of`` (the check date, default 2030-01-01 so that
results never depend on the day the tests run), ``config`` (a ``prestatieafspraken.toml`` table) and ``paths``
(per code, the ``$.paths`` its findings must have, exactly).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

import prestatieafspraken
from prestatieafspraken.rules import check
from prestatieafspraken.rules.config import config_from_mapping

CASES = Path(__file__).parent / "cases"
CASE_FILES = sorted(CASES.glob("*.yaml"))
CASE_KEYS = {"name", "agreement", "must", "must_not", "as_of", "config", "paths"}
DEFAULT_AS_OF = dt.date(2030, 1, 1)


def read_case(path: Path) -> dict[str, Any]:
    """Read a case file with a plain safe loader (the agreement part goes through the library's own loader)."""
    case: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return case


@pytest.mark.parametrize("path", CASE_FILES, ids=[path.stem for path in CASE_FILES])
class TestCase:
    """Each case file produces the codes it must and none of those it must not."""

    def test_case_file_is_well_formed(self, path: Path) -> None:
        """A case has a name, an agreement, known keys, and says something about at least one code."""
        case = read_case(path)
        assert set(case) <= CASE_KEYS, f"unknown keys {set(case) - CASE_KEYS}"
        assert case.get("name"), "a case needs a name"
        assert case.get("must") or case.get("must_not"), "a case must expect or exclude at least one code"

    def test_codes(self, path: Path) -> None:
        """The report of the case's agreement contains every `must` code and no `must_not` code."""
        case = read_case(path)
        agreement = prestatieafspraken.loads(yaml.safe_dump(case["agreement"], sort_keys=False))
        config = config_from_mapping(case["config"]) if "config" in case else None
        as_of = case.get("as_of", DEFAULT_AS_OF)
        report = check(agreement, as_of=as_of, config=config)
        found = report.codes()
        assert set(case.get("must", ())) <= found, report.to_text(lang="en")
        assert not set(case.get("must_not", ())) & found, report.to_text(lang="en")
        for code, paths in case.get("paths", {}).items():
            assert sorted(f.path for f in report.findings if f.code == code) == sorted(paths), report.to_text(lang="en")


def test_every_rule_has_cases() -> None:
    """Every registered rule appears in some case's `must` and in some case's `must_not`."""
    from prestatieafspraken.rules.registry import REGISTRY  # noqa: PLC0415

    check(prestatieafspraken.loads(_MINIMAL))  # registers the built-in rules
    must: set[str] = set()
    must_not: set[str] = set()
    for path in CASE_FILES:
        case = read_case(path)
        must.update(case.get("must", ()))
        must_not.update(case.get("must_not", ()))
    codes = set(REGISTRY.codes)
    assert codes - must == set(), "rules with no case where they fire"
    assert codes - must_not == set(), "rules with no near-miss case"


_MINIMAL = """
schema_version: 1
id: minimal
title: Minimal
scope: local
perspective: {start: 2024, end: 2027}
parties: [{id: gemeente, name: Gemeente, kind: municipality}]
"""
