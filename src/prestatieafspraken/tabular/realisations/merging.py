"""Merging figures read from a spreadsheet into an agreement: no figure twice, none that would silently not count.

Row by row, for the same subject, year, area and party (a "place"; a figure with the area of its commitment or
target and one without an area are the same place, the whole, as `prestatieafspraken.figures.own_area` says):

- a row identical to a recorded figure adds nothing, so importing the same workbook twice changes nothing;
- a row that repeats a recorded figure (its value, outcome, explanation and date) with another status moves that
  figure's status, as `prestatieafspraken.model.lifecycle.REALISATION_TRANSITIONS` allows (draft -> submitted ->
  approved; submitted -> draft); any other change of status is refused;
- any other row is a new figure: it is added when it is reported later than every figure recorded for its place
  (a figure without a date counts as reported first), so a correction is a new figure that the figure engine
  prefers (`prestatieafspraken.figures.latest`); a row that is not later is refused, as it would silently not
  count.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from prestatieafspraken._problem_words import Said
from prestatieafspraken.errors import Problem
from prestatieafspraken.figures import latest, own_area, reported_key
from prestatieafspraken.model import Agreement, Realisation
from prestatieafspraken.model.lifecycle import REALISATION_TRANSITIONS, TransitionError, move
from prestatieafspraken.tabular.realisations.checks import Figure

__all__ = ["merge"]


def _normal(agreement: Agreement, figure: Realisation) -> Realisation:
    """A figure with the area of what it names written as no area: both are the whole."""
    if figure.area is not None and figure.area == own_area(agreement, figure):
        return attrs.evolve(figure, area=None)
    return figure


def _place(figure: Realisation) -> tuple[object, ...]:
    return (figure.subject, figure.year, figure.area, figure.party)


def _describe_place(figure: Realisation) -> Said:
    kind, subject = figure.subject
    where = [
        Said.of(f"figure_{name}", id=value) for name, value in (("area", figure.area), ("party", figure.party)) if value
    ]
    return Said.of(
        "figure_place", kind=str(kind), subject=subject, year=figure.year, where=Said.of("glued", parts=where)
    )


def _describe_figure(figure: Realisation) -> Said:
    """What a recorded figure says: its value, its outcome, or both."""
    said = [Said.of("figure_value", value=figure.value)] if figure.value is not None else []
    if figure.outcome is not None:
        said.append(Said.of("figure_outcome", outcome=figure.outcome.value))
    return Said.of("joined", parts=said)


def merge(agreement: Agreement, figures: Sequence[Figure]) -> tuple[list[Realisation], list[Problem]]:
    """The realisations of *agreement* with *figures* merged by the rules above, and the rows that were refused."""
    merged = list(agreement.realisations)
    normal = [_normal(agreement, old) for old in merged]
    # The positions of the figures recorded at each place, in order: a figure's place never changes (a moved
    # status keeps it), and a figure added goes last, so each figure is compared with those of its place only.
    places: dict[tuple[object, ...], list[int]] = {}
    for i, old in enumerate(normal):
        places.setdefault(_place(old), []).append(i)
    problems: list[Problem] = []
    for figure in figures:
        new = figure.realisation
        new_normal = _normal(agreement, new)
        same_place = places.setdefault(_place(new_normal), [])
        if any(normal[i] == new_normal for i in same_place):
            continue  # identical: not duplicated
        moved = [i for i in same_place if attrs.evolve(normal[i], status=new.status) == new_normal]
        if moved:
            i = moved[-1]
            try:
                move(REALISATION_TRANSITIONS, merged[i].status, new.status)
            except TransitionError as error:
                ref = figure.row.cells["status"].ref
                problems.append(Problem.of("figure_transition", ref, place=_describe_place(new), said=error))
                continue
            merged[i] = attrs.evolve(merged[i], status=new.status)
            normal[i] = new_normal
            continue
        recorded = latest(merged[i] for i in same_place)
        if recorded is not None and (new.reported_on is None or reported_key(new) <= reported_key(recorded)):
            cell = figure.row.cells.get("reported_on")
            day = recorded.reported_on
            problems.append(
                Problem.of(
                    "figure_recorded" if day is not None else "figure_recorded_undated",
                    cell.ref if cell is not None else figure.row.row_ref,
                    place=_describe_place(new),
                    figure=_describe_figure(recorded),
                    status=recorded.status.value,
                    day=day.isoformat() if day is not None else "",
                )
            )
            continue
        same_place.append(len(merged))
        merged.append(new)
        normal.append(new_normal)
    return merged, problems
