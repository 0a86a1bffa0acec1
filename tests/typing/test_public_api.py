"""Static checks of the public API's types with `assert_type`; mypy --strict checks them, pytest runs them.

Each test calls the API on a tiny agreement, so the types asserted are those of real calls (svcs keeps the same
kind of file in ``typing_tests/``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, assert_type

import attrs
import cattrs
import pendulum
import pytest

import prestatieafspraken
from prestatieafspraken import (
    Agreement,
    Commitment,
    LoadError,
    Party,
    PrestatieafsprakenError,
    Report,
    Target,
    check,
    dump,
    dumps,
    load,
    loads,
)
from prestatieafspraken.bids import BidGap, GapLine
from prestatieafspraken.cycle_planning import CyclePlan, CycleStep, plan_cycle
from prestatieafspraken.cycles import Cycle, CycleMilestone, Jaarschijf, StatutoryDates, cycle_of, cycles
from prestatieafspraken.errors import Problem, RuleRegistrationError
from prestatieafspraken.model import (
    AgreementIndex,
    Bid,
    CoalitionStatus,
    InvariantError,
    MilestoneStatus,
    Number,
    Offer,
    PartyKind,
    Perspective,
    Realisation,
    Scope,
    theme_label,
)
from prestatieafspraken.model.lifecycle import MILESTONE_TRANSITIONS, move
from prestatieafspraken.rules import CheckConfig, Finding, Registry, RuleContext, Severity, rule
from prestatieafspraken.rules.registry import RuleFunction
from prestatieafspraken.serialization import make_converter
from prestatieafspraken.testing import as_agreement, assert_fires, assert_quiet, isolated_rules, minimal_agreement

TINY = """\
schema_version: 1
id: tiny
title: Tiny
scope: local
perspective: {start: 2024, end: 2025}
parties:
  - {id: gemeente, name: Gemeente, kind: municipality}
targets:
  - {id: growth, indicator: new-build, value: 100, by: 2025}
commitments:
  - {id: c-1, by: gemeente, year: 2024, due: 2024-12-31, value: 50}
"""


@pytest.fixture
def tiny() -> Agreement:
    """The tiny agreement."""
    return loads(TINY)


def test_loading_and_writing(tiny: Agreement, tmp_path: Path) -> None:
    """`loads`, `load`, `dumps` and `dump` have the types of DESIGN §8."""
    assert_type(loads(TINY), Agreement)
    assert_type(loads(TINY.encode(), format="yaml"), Agreement)
    json_text = assert_type(dumps(tiny, format="json"), str)
    assert_type(loads(json_text, format="json"), Agreement)
    path = tmp_path / "tiny.yaml"
    assert_type(dump(tiny, path), None)
    assert_type(load(path), Agreement)
    assert_type(load(str(path), format="yaml", max_bytes=10_000), Agreement)
    assert load(path) == tiny


def test_load_error(tmp_path: Path) -> None:
    """`LoadError` is a `PrestatieafsprakenError` and a `ValueError` carrying typed problems."""
    with pytest.raises(LoadError, match="cannot open the file") as caught:
        load(tmp_path / "missing.yaml")
    error = assert_type(caught.value, LoadError)
    problems = assert_type(error.problems, tuple[Problem, ...])
    assert_type(problems[0].path, str)
    assert_type(problems[0].message, str)
    assert_type(error.source, str | None)
    assert isinstance(error, PrestatieafsprakenError)
    assert isinstance(error, ValueError)


def test_model(tiny: Agreement) -> None:
    """Model fields and lookups have precise types: tuples, dates, numbers and the index."""
    index = assert_type(tiny.index, AgreementIndex)
    assert_type(index.parties, Mapping[str, Party])
    assert_type(index.targets, Mapping[str, Target])
    assert_type(index.commitments_by_party("gemeente"), tuple[Commitment, ...])
    assert_type(index.commitments_by_year(2024), tuple[Commitment, ...])
    assert_type(index.status_of("gemeente"), CoalitionStatus)
    assert_type(index.realisations_of("target", "growth"), tuple[Realisation, ...])
    commitment = assert_type(tiny.commitments[0], Commitment)
    assert_type(commitment.by, tuple[str, ...])
    assert_type(commitment.due, pendulum.Date | None)
    assert_type(commitment.value, Number | None)
    assert_type(tiny.perspective, Perspective)
    assert_type(tiny.perspective.years, range)
    assert_type(tiny.scope, Scope)
    assert commitment.due == pendulum.Date(2024, 12, 31)


def test_building_and_changing() -> None:
    """Model classes are built with keywords and changed with `attrs.evolve`, keeping their types."""
    party = Party(id="gemeente", name="Gemeente", kind=PartyKind.MUNICIPALITY)
    agreement = Agreement(
        id="tiny", title="Tiny", scope=Scope.LOCAL, perspective=Perspective(start=2024, end=2025), parties=(party,)
    )
    changed = assert_type(attrs.evolve(agreement, title="Changed"), Agreement)
    assert_type(theme_label("finance", lang="en"), str)
    assert_type(move(MILESTONE_TRANSITIONS, MilestoneStatus.PLANNED, MilestoneStatus.DONE), MilestoneStatus)
    assert changed.title == "Changed"
    with pytest.raises(InvariantError, match="is not an id"):
        attrs.evolve(party, id="Gemeente")


def test_converter_and_check(tiny: Agreement) -> None:
    """The converter is a `cattrs.Converter`; `check` returns a `Report`; the version is a text."""
    converter = assert_type(make_converter(detailed_validation=True), cattrs.Converter)
    assert converter.structure(converter.unstructure(tiny), Agreement) == tiny
    assert_type(check(tiny, as_of=dt.date(2024, 6, 1)), Report)
    assert_type(prestatieafspraken.__version__, str)


def test_rules_of_your_own(tiny: Agreement) -> None:
    """The rule decorator returns the function unchanged; the test helpers return reports and plain mappings."""
    registry = Registry()

    def everywhere(ctx: RuleContext) -> Iterator[Finding]:
        """Fires once."""
        yield ctx.finding(path="$", nl="overal", en="everywhere")

    registered = assert_type(
        rule("X001", severity=Severity.INFO, title_nl="t", title_en="t", source="test", registry=registry)(everywhere),
        RuleFunction,
    )
    assert registered is everywhere
    assert_type(assert_fires("X001", tiny, registry=registry), Report)
    assert_type(assert_quiet("PA101", minimal_agreement(assignment={"purpose": "Wonen"})), Report)
    assert_type(minimal_agreement(), dict[str, Any])
    assert_type(as_agreement(minimal_agreement()), Agreement)
    assert_type(CheckConfig(plugins=["my_rules"]).plugins, tuple[str, ...])
    with isolated_rules() as sandbox:
        assert_type(sandbox, Registry)
    with pytest.raises(RuleRegistrationError, match="PA namespace"):
        rule("PA999", severity=Severity.INFO, title_nl="t", title_en="t", source="test", registry=registry)(everywhere)


def test_the_yearly_cycle() -> None:
    """`jaarschijf`, `bid_gap` and `plan_cycle` have the types of DESIGN §3.1."""
    lindeveen = prestatieafspraken.examples.load("lindeveen-2025-2028")
    schijf = assert_type(prestatieafspraken.jaarschijf(lindeveen, 2026), Jaarschijf)
    assert_type(schijf.commitments, tuple[Commitment, ...])
    assert_type(schijf.bids, tuple[Bid, ...])
    assert_type(schijf.milestones, tuple[CycleMilestone, ...])
    assert_type(cycle_of(lindeveen.bids[0], lindeveen), int)
    assert_type(cycles(lindeveen), tuple[Cycle, ...])
    gap = assert_type(prestatieafspraken.bid_gap(lindeveen, 2026), BidGap)
    line = assert_type(gap.lines[0], GapLine)
    assert_type(line.difference, Number | None)
    assert_type(line.offers, tuple[Offer, ...])
    plan = assert_type(plan_cycle(lindeveen, 2026, statutory=StatutoryDates(year_end_day=1)), CyclePlan)
    assert_type(plan.steps, tuple[CycleStep, ...])
    assert_type(plan.to_dict(), dict[str, Any])
    assert line.difference == 5
