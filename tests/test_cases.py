"""The rule catalogue as data: every file in tests/cases/ is an agreement with the codes it must and must not produce.

A case file has the keys ``name`` (what the case shows), ``agreement`` (an agreement of file format v1),
``must`` and ``must_not`` (rule codes), and optionally ``as_of`` (the check date, default 2030-01-01 so that
results never depend on the day the tests run), ``config`` (a ``prestatieafspraken.toml`` table) and ``paths``
(per code, the ``$.paths`` its findings must have, exactly). The runner is `prestatieafspraken.testing`'s, the
one users run their own rules' case files with.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from prestatieafspraken.rules import check
from prestatieafspraken.testing import as_agreement, minimal_agreement, read_case_file, run_case_file

CASES = Path(__file__).parent / "cases"
CASE_FILES = sorted(CASES.glob("*.yaml"))


@pytest.mark.parametrize("path", CASE_FILES, ids=[path.stem for path in CASE_FILES])
class TestCase:
    """Each case file produces the codes it must and none of those it must not."""

    def test_case_file_is_well_formed(self, path: Path) -> None:
        """A case has a name, an agreement, known keys, and says something about at least one code."""
        case = read_case_file(path)
        assert case["name"]

    def test_codes(self, path: Path) -> None:
        """The report of the case's agreement contains every `must` code and no `must_not` code."""
        report = run_case_file(path)
        assert report.agreement_id


def test_every_rule_has_cases() -> None:
    """Every built-in rule appears in some case's `must` and in some case's `must_not`."""
    from prestatieafspraken.rules.registry import REGISTRY  # noqa: PLC0415

    check(as_agreement(minimal_agreement()))  # registers the built-in rules
    must: set[str] = set()
    must_not: set[str] = set()
    for path in CASE_FILES:
        case = read_case_file(path)
        must.update(case.get("must", ()))
        must_not.update(case.get("must_not", ()))
    codes = {known.code for known in REGISTRY if known.builtin}
    assert codes - must == set(), "rules with no case where they fire"
    assert codes - must_not == set(), "rules with no near-miss case"
