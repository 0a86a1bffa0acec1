"""The figure engine: which figures count, the later reported wins, a value per year, and a target's figures per year.

Every expected number below is worked out by hand in the test's docstring or comment.
"""

from __future__ import annotations

import ast
import datetime as dt
import textwrap
from pathlib import Path

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings

import prestatieafspraken as pa
from prestatieafspraken.figures import (
    FigureIndex,
    FigureYears,
    counts_as_of,
    is_counted,
    is_pending,
    known_by,
    latest,
    own_area,
    part_place,
    sign_contradicts,
    split,
    yearly,
)
from prestatieafspraken.model import (
    Aggregation,
    Agreement,
    Direction,
    Indicator,
    Outcome,
    Realisation,
    RealisationStatus,
)
from prestatieafspraken.rules import check
from strategies import agreements, dates

AS_OF = dt.date(2027, 6, 1)
SRC = Path(__file__).parent.parent / "src" / "prestatieafspraken"

_HEAD = """
schema_version: 1
id: figuren
title: Figuren
scope: local
perspective: {start: 2025, end: 2028}
areas:
  - {id: zeist, name: Zeist, kind: municipality}
  - {id: den-dolder, name: Den Dolder, kind: district, dwellings: 1000}
  - {id: austerlitz, name: Austerlitz, kind: district, dwellings: 3000}
parties:
  - {id: seyst, name: Woonstichting Seyst, kind: housing_corporation}
  - {id: de-kombinatie, name: De Kombinatie, kind: housing_corporation}
indicators:
  - {id: nieuwbouw, label: Nieuwbouw, unit: woningen, aggregation: flow}
  - {id: voorraad, label: Voorraad, unit: woningen, aggregation: stock}
"""


def load(body: str) -> Agreement:
    """An agreement of the header above plus *body* (YAML, indented freely)."""
    return pa.loads(_HEAD + textwrap.dedent(body))


def figure(
    year: int = 2026,
    value: float | None = 10,
    *,
    status: RealisationStatus = RealisationStatus.APPROVED,
    area: str | None = None,
    commitment: str | None = None,
    outcome: Outcome | None = None,
    reported_on: pendulum.Date | None = None,
) -> Realisation:
    """A figure of the indicator nieuwbouw, or of *commitment* when given."""
    return Realisation(
        indicator=None if commitment is not None else "nieuwbouw",
        commitment=commitment,
        area=area,
        year=year,
        value=value,
        outcome=outcome,
        reported_on=reported_on,
        status=status,
    )


class TestWhichCount:
    """Known by the as-of date, counted when approved with a value, pending when draft or submitted."""

    @pytest.mark.parametrize(
        ("year", "reported_on", "known"),
        [
            (2027, None, True),  # a figure of the as-of year counts by its year
            (2028, None, False),
            (2026, dt.date(2027, 6, 1), True),  # reported on the as-of date itself
            (2026, dt.date(2027, 6, 2), False),
        ],
    )
    def test_known_by(self, year: int, reported_on: dt.date | None, known: bool) -> None:
        """A figure is known when its year and its report date are not after the as-of date."""
        reported = None if reported_on is None else pendulum.Date(reported_on.year, reported_on.month, reported_on.day)
        assert known_by(figure(year, reported_on=reported), AS_OF) is known

    def test_an_outcome_alone_never_counts(self) -> None:
        """An approved outcome without a value has nothing to add up: not counted, though known."""
        outcome = figure(2026, None, commitment="c-x", outcome=Outcome.DONE)
        assert known_by(outcome, AS_OF)
        assert not is_counted(outcome)
        assert not counts_as_of(outcome, AS_OF)
        assert split([outcome]) == ([], [])
        assert yearly([outcome], aggregation=Aggregation.FLOW) == {}

    def test_yearly_passes_over_a_figure_without_a_value(self) -> None:
        """Of a commitment's 2026 figures, the outcome alone adds nothing: the year's value is the other's 40."""
        figures = [figure(2026, 40, commitment="c-x"), figure(2026, None, commitment="c-x", outcome=Outcome.PARTLY)]
        assert {year: item.value for year, item in yearly(figures, aggregation=Aggregation.FLOW).items()} == {2026: 40}

    def test_split_keeps_order_and_kinds(self) -> None:
        """Approved figures are counted, drafts and submitted ones pending, in the order given."""
        approved, draft, submitted = (
            figure(2025),
            figure(2026, status=RealisationStatus.DRAFT),
            figure(2026, status=RealisationStatus.SUBMITTED),
        )
        assert split([draft, approved, submitted]) == ([approved], [draft, submitted])
        assert [is_pending(item) for item in (approved, draft, submitted)] == [False, True, True]


class TestLaterReportedWins:
    """Of figures for one place the later reported wins; undated counts as first; on a tie the later one."""

    def test_latest(self) -> None:
        """Reported 1 April beats 1 March, whatever the order; undated loses; equal dates: the later one."""
        march = figure(value=1, reported_on=pendulum.Date(2027, 3, 1))
        april = figure(value=2, reported_on=pendulum.Date(2027, 4, 1))
        undated = figure(value=3)
        april_again = figure(value=4, reported_on=pendulum.Date(2027, 4, 1))
        assert latest([april, march, undated]) is april
        assert latest([undated, march]) is march
        assert latest([april, april_again]) is april_again
        assert latest([]) is None

    def test_yearly_takes_the_correction_not_the_sum(self) -> None:
        """Two approved figures for Zeist in 2026: the later reported 300 is the year's value, not 800."""
        series = yearly(
            [
                figure(value=300, area="zeist", reported_on=pendulum.Date(2027, 4, 1)),
                figure(value=500, area="zeist", reported_on=pendulum.Date(2027, 3, 1)),
            ],
            aggregation=Aggregation.FLOW,
            area="zeist",
        )
        assert series[2026].value == 300


class TestForTarget:
    """A target's figures per year: its own in a year that has them, else its indicator's (DESIGN §3.1)."""

    def test_each_year_from_its_own_source(self) -> None:
        """2025 from the indicator (95), 2026 from the target (131, hiding the indicator's 999), 2027 none."""
        agreement = load("""
        targets:
          - {id: bouwen, indicator: nieuwbouw, value: 460, by: 2028, area: zeist}
        realisations:
          - {indicator: nieuwbouw, area: zeist, year: 2025, value: 95, status: approved}
          - {indicator: nieuwbouw, area: zeist, year: 2026, value: 999, status: approved}
          - {target: bouwen, year: 2026, value: 131, status: approved}
          - {indicator: nieuwbouw, area: den-dolder, year: 2027, value: 7, status: approved}
        """)
        fed = FigureIndex(agreement, AS_OF).for_target(agreement.targets[0], Aggregation.FLOW)
        assert {year: (item.value, item.source) for year, item in fed.series.items()} == {
            2025: (95, "indicator"),
            2026: (131, "target"),
        }
        assert (fed.area, fed.party) == ("zeist", None)

    def test_a_part_reads_its_own_place(self) -> None:
        """A part for Den Dolder reads the target's figures there, and the indicator's of Den Dolder otherwise."""
        agreement = load("""
        targets:
          - {id: bouwen, indicator: nieuwbouw, value: 400, by: 2028,
             breakdown: {den-dolder: 100, seyst: 300}}
        realisations:
          - {target: bouwen, area: den-dolder, year: 2025, value: 20, status: approved}
          - {target: bouwen, area: austerlitz, year: 2025, value: 80, status: approved}
          - {indicator: nieuwbouw, area: den-dolder, year: 2026, value: 30, status: approved}
          - {indicator: nieuwbouw, party: seyst, year: 2026, value: 60, status: approved}
        """)
        index = FigureIndex(agreement, AS_OF)
        target = agreement.targets[0]
        dolder = index.for_target(target, Aggregation.FLOW, part="den-dolder")
        assert {year: item.value for year, item in dolder.series.items()} == {2025: 20, 2026: 30}
        seyst = index.for_target(target, Aggregation.FLOW, part="seyst")
        assert (seyst.area, seyst.party) == (None, "seyst")
        assert {year: item.value for year, item in seyst.series.items()} == {2026: 60}

    @pytest.mark.parametrize(
        ("key", "place"),
        [("den-dolder", ("den-dolder", None)), ("seyst", (None, "seyst")), ("elders", ("elders", None))],
    )
    def test_part_place(self, key: str, place: tuple[str | None, str | None]) -> None:
        """A breakdown key is an area unless it names a party only (an unknown key reads as an area)."""
        assert part_place(load(""), key) == place

    _TARGET = """
    targets:
      - {id: bouwen, indicator: nieuwbouw, value: 100, by: 2028, area: den-dolder}
    """

    def test_own_area_is_the_whole(self) -> None:
        """A figure of a commitment with the commitment's own area is about the whole; an indicator has none."""
        agreement = load("""
        commitments:
          - {id: c-bouw, by: seyst, year: 2026, indicator: nieuwbouw, value: 10, area: zeist}
        """)
        assert own_area(agreement, figure(commitment="c-bouw")) == "zeist"
        assert own_area(agreement, figure()) is None
        target_figure = Realisation(target="bouwen", year=2026, value=3, status=RealisationStatus.APPROVED)
        assert own_area(load(self._TARGET), target_figure) == "den-dolder"


class TestSeries:
    """An indicator's value per year in a place, and per exact place (as PA207, PA309 and PA311 read them)."""

    def test_series_and_places(self) -> None:
        """Per-party figures in Zeist add up to the area (200 + 300); per place they stay apart."""
        agreement = load("""
        realisations:
          - {indicator: voorraad, area: zeist, party: seyst, year: 2026, value: 200, status: approved}
          - {indicator: voorraad, area: zeist, party: de-kombinatie, year: 2026, value: 300, status: approved}
          - {indicator: voorraad, area: zeist, party: seyst, year: 2025, value: 190, status: draft}
        """)
        index = FigureIndex(agreement, AS_OF)
        assert index.series("voorraad", Aggregation.STOCK, area="zeist")[2026].value == 500
        places = index.by_place("voorraad", Aggregation.STOCK)
        assert {place: {y: f.value for y, f in years.items()} for place, years in places.items()} == {
            ("zeist", "seyst"): {2026: 200},
            ("zeist", "de-kombinatie"): {2026: 300},
        }

    def test_the_latest_outcome(self) -> None:
        """Of approved outcomes the one of the latest year counts, then the later reported; drafts never."""
        agreement = load("""
        commitments:
          - {id: c-x, by: seyst, year: 2025, kind: effort}
        realisations:
          - {commitment: c-x, year: 2026, outcome: partly, reported_on: 2027-01-01, status: approved}
          - {commitment: c-x, year: 2026, outcome: done, reported_on: 2027-02-01, status: approved}
          - {commitment: c-x, year: 2025, outcome: not_done, reported_on: 2027-03-01, status: approved}
          - {commitment: c-x, year: 2026, outcome: not_done, reported_on: 2027-04-01, status: submitted}
        """)
        found = FigureIndex(agreement, AS_OF).outcome_of("c-x")
        assert found is not None
        assert found.outcome is Outcome.DONE
        assert FigureIndex(agreement, AS_OF).outcome_of("c-y") is None


class TestFigureYears:
    """Which years take figures (PA308): the perspective, the year before it, and a target's baseline year."""

    _BODY = """
    targets:
      - {id: groei, indicator: voorraad, value: 100, by: 2028, baseline: {year: 2020, value: 5000}}
    commitments:
      - {id: c-groei, by: seyst, year: 2026, indicator: voorraad, value: 50, target: groei}
      - {id: c-los, by: seyst, year: 2026, indicator: nieuwbouw, value: 5}
    """

    @pytest.mark.parametrize(
        ("kind", "subject", "year", "allowed"),
        [
            ("indicator", "nieuwbouw", 2024, True),  # the year before the perspective
            ("indicator", "nieuwbouw", 2023, False),
            ("indicator", "nieuwbouw", 2029, False),
            ("indicator", "voorraad", 2020, True),  # a target of the indicator has that baseline year
            ("target", "groei", 2020, True),
            ("commitment", "c-groei", 2020, True),  # the baseline of the commitment's target
            ("commitment", "c-los", 2020, False),
            ("commitment", "c-onbekend", 2020, False),
        ],
    )
    def test_allows(self, kind: str, subject: str, year: int, allowed: bool) -> None:
        """Each kind of subject may have the years of the perspective, the year before and its baseline years."""
        years = FigureYears(load(self._BODY))
        assert years.allows(kind, subject, year) is allowed

    @pytest.mark.parametrize(("year", "allowed"), [(2020, True), (2024, True), (2028, True), (2021, False)])
    def test_allows_some(self, year: int, allowed: bool) -> None:
        """A template year is allowed when some figure may have it."""
        assert FigureYears(load(self._BODY)).allows_some(year) is allowed

    @settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(agreement=agreements(valid_references=False), as_of=dates(2005, 2045))
    def test_agrees_with_pa308(self, agreement: Agreement, as_of: dt.date) -> None:
        """PA308 reports a realisation's year exactly when the engine does not allow it."""
        years = FigureYears(agreement)
        reported = {
            finding.path
            for finding in check(agreement, as_of=as_of).findings
            if finding.code == "PA308" and finding.path.endswith(".year")
        }
        expected = {
            f"$.realisations[{i}].year"
            for i, realisation in enumerate(agreement.realisations)
            if not years.allows_figure(realisation)
        }
        assert reported == expected


class TestSign:
    """DESIGN §3.1: a stock's or cumulative indicator's value is a net change that goes with the direction."""

    @pytest.mark.parametrize(
        ("aggregation", "direction", "value", "contradicts"),
        [
            (Aggregation.STOCK, Direction.DECREASE, 1200, True),  # "1200 fewer" written as +1200
            (Aggregation.STOCK, Direction.DECREASE, -1200, False),
            (Aggregation.STOCK, Direction.DECREASE, 0, False),
            (Aggregation.STOCK, Direction.INCREASE, -1, True),
            (Aggregation.STOCK, Direction.INCREASE, 3000, False),
            (Aggregation.CUMULATIVE, Direction.DECREASE, 5, True),
            (Aggregation.CUMULATIVE, Direction.INCREASE, -5, True),
            (Aggregation.CUMULATIVE, Direction.INCREASE, 5, False),
            (Aggregation.FLOW, Direction.DECREASE, 100, False),  # a ceiling
            (Aggregation.FLOW, Direction.INCREASE, -100, False),  # a negative flow is PA005's
            (Aggregation.RATIO, Direction.DECREASE, 0.3, False),
        ],
    )
    def test_sign_contradicts(
        self, aggregation: Aggregation, direction: Direction, value: float, contradicts: bool
    ) -> None:
        """Only a stock or cumulative value against its direction contradicts it."""
        indicator = Indicator(id="i", label="I", unit="u", aggregation=aggregation, direction=direction)
        assert sign_contradicts(indicator, value) is contradicts


class TestLayers:
    """The figure engine and progress import no rule code and nothing of the presentation."""

    @pytest.mark.parametrize(
        "path",
        [SRC / "figures.py", *sorted((SRC / "_progress").glob("*.py"))],
        ids=lambda path: path.name,
    )
    def test_no_rules_or_presentation(self, path: Path) -> None:
        """No import of the rules, views, report or tabular packages, at the top or inside a function.

        The one exception is the notebook hook: a ``_repr_html_`` may import `prestatieafspraken.report.notebook`.
        """
        tree = ast.parse(path.read_text(encoding="utf-8"))
        hooks = {
            id(node)
            for function in ast.walk(tree)
            if isinstance(function, ast.FunctionDef) and function.name == "_repr_html_"
            for node in ast.walk(function)
            if isinstance(node, ast.ImportFrom) and node.module == "prestatieafspraken.report.notebook"
        }
        modules = []
        for node in ast.walk(tree):
            if id(node) in hooks:
                continue
            if isinstance(node, ast.ImportFrom) and node.module is not None:
                modules.append(node.module)
            elif isinstance(node, ast.Import):
                modules.extend(alias.name for alias in node.names)
        forbidden = ("rules", "views", "report", "tabular", "cli")
        assert not [m for m in modules if m.split(".")[1:2] and m.split(".")[1] in forbidden], modules

    @pytest.mark.parametrize("path", [SRC / "figures.py", *sorted((SRC / "_progress").glob("*.py"))], ids=str)
    def test_modules_are_short(self, path: Path) -> None:
        """No module of the engine or of progress is over 600 lines."""
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 600
