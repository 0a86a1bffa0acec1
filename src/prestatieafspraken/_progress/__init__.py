"""The progress computation behind `prestatieafspraken.progress_report` (its docstring states the method).

Private: import the public names from `prestatieafspraken.progress_report`, or `progress` from the package.
"""

from __future__ import annotations

import datetime as dt

import pendulum

from prestatieafspraken import _collector
from prestatieafspraken._progress._compute import Progress
from prestatieafspraken._progress._records import CommitmentProgress, ProgressReport, RollUp, TargetProgress, Thresholds
from prestatieafspraken._progress._rollups import report
from prestatieafspraken.calendar import today
from prestatieafspraken.model import Agreement, SubjectKind

#: What the package's own modules import from here; the public names are `prestatieafspraken.progress_report`'s.
__all__ = ["CommitmentProgress", "ProgressReport", "RollUp", "TargetProgress", "Thresholds", "progress"]


def progress(
    agreement: Agreement,
    *,
    as_of: dt.date | None = None,
    thresholds: Thresholds | None = None,
) -> ProgressReport:
    """Compute where every target and commitment stands as of a date (DESIGN §5; see the module docstring).

    Args:
        agreement: The agreement with its targets, commitments and realisations.
        as_of: The check date; default today in Europe/Amsterdam. Any `datetime.date` will do.
        thresholds: The R thresholds of on track and needs acceleration; default 0.95 and 0.6.

    Returns:
        One record per target (with its breakdown parts) and per commitment, in file order, and the roll-ups per
        theme, party and area. Progress never raises on the contents of an agreement: what it cannot judge is
        ``no_data``, with a note.
    """
    check_date = today() if as_of is None else pendulum.Date(as_of.year, as_of.month, as_of.day)
    chosen = thresholds if thresholds is not None else Thresholds()
    # Many small records are built and none is garbage: pause the collector, as a bulk load does (STYLE).
    with _collector.paused():
        computation = Progress(agreement, check_date, chosen)
        targets = tuple(computation.target(i, target) for i, target in enumerate(agreement.targets))
        commitments = tuple(computation.commitment(i, item) for i, item in enumerate(agreement.commitments))
        return report(agreement, check_date, chosen, targets, commitments)


def _judged_records(
    agreement: Agreement, as_of: pendulum.Date, thresholds: Thresholds
) -> tuple[tuple[TargetProgress, ...], tuple[CommitmentProgress, ...]]:
    """The records of `progress` that can carry a verdict on R, without the roll-ups (for PA307).

    Every target's record, and the record of each commitment judged by its value with a figure known by *as_of*,
    each exactly as `progress` computes it. A commitment without such a figure is ``no_data`` or ``not_started``
    there (in a large agreement most commitments have none yet); one judged by its outcome has no R to report.
    """
    computation = Progress(agreement, as_of, thresholds)
    figures = computation.figures
    targets = tuple(computation.target(i, target) for i, target in enumerate(agreement.targets))
    commitments = tuple(
        computation.commitment(i, commitment)
        for i, commitment in enumerate(agreement.commitments)
        if commitment.value is not None
        and commitment.indicator is not None
        and figures.of(SubjectKind.COMMITMENT, commitment.id)
    )
    return targets, commitments
