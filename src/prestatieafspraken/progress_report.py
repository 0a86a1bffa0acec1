"""Progress: where each target and commitment stands against its expected path as of a date (DESIGN §5, §3.1).

Handbook, "Monitoring en verantwoording": "Het verschil tussen werkende en niet-werkende afspraken wordt gemaakt in
het scherpe gesprek over de voortgang én korte lijnen met de mensen die sturing geven aan de realisatie."

`progress` reads an agreement and returns a `ProgressReport`: one record per target (with one per part of its
breakdown), one per commitment, and roll-ups per theme, party and area. Each record shows its status and how it
was reached: the progress ratio R and its parts (start, expected, realised, the year compared, the figures used),
so that the status can be explained in the conversation the handbook asks for.

Which figures count, how they add up per year and place, and which feed a target are the figure engine's
(`prestatieafspraken.figures`): approved figures known by the as-of date count, drafts and submitted figures are
pending; the later reported figure of a year and place wins; a target takes, per year, the figures that name it,
and for a year without them those of its indicator in its place. The judging, and the choices made where DESIGN
leaves room:

- **A figure's meaning follows the indicator**: for a flow the year's quantity, for a stock the level at the end of
  the year, for a cumulative indicator the running total, for a ratio the share. A figure that names a target or a
  commitment is read the same way.
- **Start and value to reach.** Flow: start 0, reach ``value`` (the total over ``from``..``by``). Stock and
  cumulative: the value is a net change (DESIGN §3.1); start the baseline value, else the realised level (running
  total) of ``from − 1`` (a cumulative indicator: else 0); reach start + ``value``. Ratio: start the baseline value,
  else the realised share of ``from − 1``; reach ``value``. A stock or ratio target without a starting level has no
  expected path: it is ``no_data`` (a ratio target is still ``achieved`` once its share is reached, as that needs no
  path). A part of a breakdown has no baseline (the baseline is of the whole): its start is the realised level of
  ``from − 1`` in its place.
- **Direction and sign** (DESIGN §3.1). A stock's or cumulative indicator's value whose sign contradicts the
  direction (``decrease`` with a value above 0, ``increase`` below 0), and a negative flow, is
  ``contradicts_direction``, with the reason in the note: never on track or achieved, whatever the figures.
- **The year compared** is the latest year from ``from`` to ``by`` with a counted figure; the realised value there
  (for a flow, the sum from ``from`` to that year; a year without a figure adds nothing) is compared with the
  expected value at the end of that year, on the line from the start at the end of ``from − 1`` to the value to
  reach at the end of ``by``.
- **R** = (realised − start) / (expected − start), read in the indicator's direction (for ``decrease`` both
  differences change sign). It is computed as (realised − start) × years / ((reach − start) × years elapsed), so
  whole numbers give the exact quotient and a threshold is met exactly when it is met on paper.
- **Status**, in this order: ``contradicts_direction`` (above); ``not_started`` before ``from`` (for a commitment:
  before its due date); ``no_data`` without a counted figure in the years compared (or without a starting level);
  for a flow whose direction is ``decrease`` the value is a ceiling: ``on_track`` while the realised value is at or
  below the expected one, else ``off_track`` (R is not given); ``achieved`` when the realised value is at or beyond
  the value to reach in the indicator's direction; then by R: ``on_track`` (R ≥ on_track threshold),
  ``needs_acceleration`` (R ≥ acceleration threshold), ``off_track`` (R ≥ 0), ``deteriorating`` (R < 0). When the
  path asks for no movement (expected = start), R is undefined and the status is ``on_track`` unless the value
  moved against the direction (``deteriorating``). When a ratio's path runs against the direction (a share allowed
  to fall), R is undefined and the status is ``on_track`` while the realised share is at or beyond the expected
  one in the direction, else ``off_track``.
- **A commitment** uses only the realisations that name it; it is judged once its due date (else 31 December of its
  year, else of the perspective's last year) is on or before the as-of date. With a value and an indicator, the
  value governs: start 0, expected = its value, its figures aggregating as its indicator does; its latest approved
  outcome is shown beside it. Otherwise (an effort commitment without a figure to measure, or one without an
  indicator) its latest approved outcome governs (DESIGN §3.1): ``done`` is ``achieved``, ``partly``
  ``needs_acceleration``, ``not_done`` ``off_track``, none ``no_data``.
- **Manual assessments** (``monitoring.assessments``) dated on or before the as-of date are shown next to the
  computed status of their target or commitment, never instead of it.
- **Roll-ups** per theme (a commitment without a theme takes its target's), per party (the executing parties of a
  commitment; a breakdown part that names a party) and per area (a target's area, a breakdown part's area, a
  commitment's area): counts per status of targets and of commitments, and per flow indicator the summed
  committed, due and realised quantities of the commitments. A ratio, stock or cumulative quantity is never summed.
"""

from __future__ import annotations

from prestatieafspraken._progress import progress
from prestatieafspraken._progress._records import (
    CommitmentProgress,
    FiguresFrom,
    FlowTotals,
    ProgressReport,
    RollUp,
    TargetProgress,
    Thresholds,
)
from prestatieafspraken.figures import FigureIndex, FigureSource, YearFigure, counts_as_of, yearly
from prestatieafspraken.model import ProgressStatus

__all__ = [
    "CommitmentProgress",
    "FigureIndex",
    "FigureSource",
    "FiguresFrom",
    "FlowTotals",
    "ProgressReport",
    "ProgressStatus",
    "RollUp",
    "TargetProgress",
    "Thresholds",
    "YearFigure",
    "counts_as_of",
    "progress",
    "yearly",
]
