"""Merging imported figures looks up each figure's place once, and merges exactly as comparing every figure did.

`prestatieafspraken.tabular.realisations.merging.merge` keeps the positions of the figures recorded at each place
(subject, year, area, party) as it goes, instead of comparing every imported figure with every realisation of the
agreement; the national benchmark's import of 857 figures into 15,700 realisations took 40 s that way. These tests
compare it with that straightforward merge, written out here, over hand-made and generated figures: several
realisations at one place, figures that add new places, figures at a place added earlier in the same file.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prestatieafspraken import examples
from prestatieafspraken.errors import Problem
from prestatieafspraken.figures import latest, reported_key
from prestatieafspraken.model import Agreement, Realisation, RealisationStatus
from prestatieafspraken.model.lifecycle import REALISATION_TRANSITIONS, TransitionError, move
from prestatieafspraken.tabular.realisations.checks import Cell, Figure, Row
from prestatieafspraken.tabular.realisations.merging import _normal, _place, merge

DRAFT, SUBMITTED, APPROVED = RealisationStatus.DRAFT, RealisationStatus.SUBMITTED, RealisationStatus.APPROVED


#: A figure the merge refuses: where, the kind of problem, and the figure recorded that it does not come after.
Refusal = tuple[str, str, Realisation | None]


def reference_merge(agreement: Agreement, figures: Sequence[Figure]) -> tuple[list[Realisation], list[Refusal]]:
    """The rules of the merge, straightforwardly: each figure compared with every realisation recorded so far."""
    merged = list(agreement.realisations)
    refused: list[Refusal] = []
    for figure in figures:
        new, status = figure.realisation, figure.realisation.status
        normal = _normal(agreement, new)
        here = {i: _normal(agreement, old) for i, old in enumerate(merged)}
        here = {i: old for i, old in here.items() if _place(old) == _place(normal)}
        if normal in here.values():
            continue  # identical
        repeated = [i for i, old in here.items() if attrs.evolve(old, status=status) == normal]
        if repeated:
            try:
                move(REALISATION_TRANSITIONS, merged[repeated[-1]].status, status)
            except TransitionError:
                refused.append((figure.row.cells["status"].ref, "figure_transition", None))
            else:
                merged[repeated[-1]] = attrs.evolve(merged[repeated[-1]], status=status)
            continue
        recorded = latest(merged[i] for i in here)
        if recorded is None or (new.reported_on is not None and reported_key(new) > reported_key(recorded)):
            merged.append(new)
            continue
        date = figure.row.cells.get("reported_on")
        where = date.ref if date is not None else figure.row.row_ref
        refused.append((where, "figure_recorded" if recorded.reported_on else "figure_recorded_undated", recorded))
    return merged, refused


def said(problems: Sequence[Problem]) -> list[tuple[str, str, object, object]]:
    """The problems as the merge made them: where, what kind, and the status and day of the figure recorded."""
    return [
        (problem.path, problem.kind, problem.params.get("status"), problem.params.get("day")) for problem in problems
    ]


def expected(refused: Sequence[Refusal]) -> list[tuple[str, str, object, object]]:
    """The refusals of `reference_merge` as `said` says the problems."""
    return [
        (
            where,
            kind,
            recorded.status.value if recorded is not None else None,
            (recorded.reported_on.isoformat() if recorded.reported_on else "") if recorded is not None else None,
        )
        for where, kind, recorded in refused
    ]


def row(number: int, *, with_date: bool = True) -> Row:
    """The cells of row *number* of a filled-in sheet that a merge names in a problem."""
    cells = {"status": Cell(ref=f"Realisaties!P{number}", raw="x")}
    if with_date:
        cells["reported_on"] = Cell(ref=f"Realisaties!O{number}", raw="x")
    return Row(cells=cells, row_ref=f"Realisaties!{number}:{number}")


def figure(number: int, realisation: Realisation, *, with_date: bool = True) -> Figure:
    """A figure read from row *number*."""
    return Figure(realisation=realisation, row=row(number, with_date=with_date))


def day(month: int) -> pendulum.Date:
    """The first of *month* in 2026."""
    return pendulum.Date(2026, month, 1)


@functools.cache
def example() -> Agreement:
    """The shipped local example without its figures: c-2025-new-build has the area lindeveen of its own."""
    return attrs.evolve(examples.load("lindeveen-2025-2028"), realisations=())


@pytest.fixture
def lindeveen() -> Agreement:
    """The example without its figures."""
    return example()


def new_build(**keys: object) -> Realisation:
    """A figure of commitment c-2025-new-build (executed by woonstichting-lindeveen, in lindeveen) for 2025."""
    fields: dict[str, object] = {"commitment": "c-2025-new-build", "year": 2025, "value": 90, "status": SUBMITTED}
    fields.update(keys)
    return Realisation(**fields)  # type: ignore[arg-type]


class TestSeveralAtOnePlace:
    """Figures at a place that holds several realisations, and at places the same file adds."""

    def test_hand_made(self, lindeveen: Agreement) -> None:
        """Identical, moved, refused and added figures, at old places and at a place row 6 adds."""
        recorded = (
            new_build(value=80, reported_on=day(1), status=APPROVED),
            new_build(value=85, reported_on=day(2)),  # the same place: no area is the commitment's own area
            new_build(value=90, reported_on=day(2), area="lindeveen", status=DRAFT),
            new_build(year=2026, value=7, reported_on=day(1)),  # another place: another year
        )
        agreement = attrs.evolve(lindeveen, realisations=recorded)
        figures = [
            figure(2, new_build(value=85, reported_on=day(2))),  # identical to the second: nothing added
            figure(3, new_build(value=90, reported_on=day(2), area="lindeveen")),  # moves the third to submitted
            figure(4, new_build(value=95, reported_on=day(1))),  # earlier than what is recorded: refused
            figure(5, new_build(value=95, reported_on=day(3))),  # later: added
            figure(6, new_build(value=1, party="woonstichting-lindeveen", reported_on=day(3))),  # a new place
            figure(7, new_build(value=1, party="woonstichting-lindeveen", reported_on=day(3))),  # the same again
            figure(8, new_build(value=2, party="woonstichting-lindeveen", reported_on=day(2))),  # earlier: refused
            figure(9, new_build(value=1, party="woonstichting-lindeveen", reported_on=day(3), status=APPROVED)),
            figure(10, new_build(value=1, party="woonstichting-lindeveen", reported_on=day(3), status=DRAFT)),
        ]
        merged, problems = merge(agreement, figures)
        expected_merged, expected_problems = reference_merge(agreement, figures)
        assert merged == expected_merged
        assert said(problems) == expected(expected_problems)
        assert merged == [
            recorded[0],
            recorded[1],
            attrs.evolve(recorded[2], status=SUBMITTED),
            recorded[3],
            figures[3].realisation,
            attrs.evolve(figures[4].realisation, status=APPROVED),  # added by row 6, moved by row 9
        ]
        # Row 4 is refused against the figures recorded before; row 8 against the one row 6 added; row 10 may not
        # move an approved figure back to draft.
        assert [(path, kind) for path, kind, _, _ in said(problems)] == [
            ("Realisaties!O4", "figure_recorded"),
            ("Realisaties!O8", "figure_recorded"),
            ("Realisaties!P10", "figure_transition"),
        ]

    def test_a_new_place_is_not_an_old_one(self, lindeveen: Agreement) -> None:
        """The near miss: a figure of another area or party is a place of its own, added whatever its date."""
        recorded = (new_build(value=80, reported_on=day(3), status=APPROVED),)
        agreement = attrs.evolve(lindeveen, realisations=recorded)
        figures = [
            figure(2, new_build(value=5, area="elders", reported_on=day(1))),
            figure(3, new_build(value=5, party="gemeente-lindeveen", reported_on=None), with_date=False),
        ]
        merged, problems = merge(agreement, figures)
        assert (merged, said(problems)) == (
            [*recorded, figures[0].realisation, figures[1].realisation],
            [],
        )
        assert merged == reference_merge(agreement, figures)[0]


_PLACES = st.fixed_dictionaries(
    {
        "commitment": st.sampled_from(["c-2025-new-build", "c-2025-rent-policy"]),
        "year": st.sampled_from([2025, 2026]),
        "area": st.sampled_from([None, "lindeveen", "elders"]),
        "party": st.sampled_from([None, "woonstichting-lindeveen"]),
    }
)
_FIGURES = st.builds(
    lambda place, value, month, status: Realisation(
        **place, value=value, reported_on=day(month) if month else None, status=status
    ),
    _PLACES,
    st.sampled_from([1, 2]),
    st.sampled_from([0, 1, 2, 3]),  # no date, or the first of January, February or March
    st.sampled_from([DRAFT, SUBMITTED, APPROVED]),
)


@settings(max_examples=300, deadline=None)
@given(recorded=st.lists(_FIGURES, max_size=12), imported=st.lists(_FIGURES, max_size=12))
def test_as_comparing_every_figure(recorded: list[Realisation], imported: list[Realisation]) -> None:
    """Over few places, so that places repeat: the same figures in the same order, the same problems."""
    agreement = attrs.evolve(example(), realisations=tuple(recorded))
    figures = [figure(number, found) for number, found in enumerate(imported, start=2)]
    merged, problems = merge(agreement, figures)
    expected_merged, expected_problems = reference_merge(agreement, figures)
    assert merged == expected_merged
    assert said(problems) == expected(expected_problems)
