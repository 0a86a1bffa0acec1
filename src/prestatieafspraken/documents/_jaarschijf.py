"""Which commitments and milestones belong to the jaarschijf (the annual commitments) of one year (DESIGN §3.1).

This is a stand-in: `prestatieafspraken.cycles.jaarschijf(agreement, year)` is the library's one definition of a
jaarschijf and is being written beside this package. When it is merged, the body of `jaarschijf` below becomes a
call to it; the document reads only ``commitments`` and ``milestones`` of what it returns.
"""

from __future__ import annotations

import attrs

from prestatieafspraken.model import Agreement, Commitment, Milestone, MilestoneKind, Perspective

__all__ = ["YearSlice", "cycle_of", "jaarschijf"]


@attrs.frozen(kw_only=True)
class YearSlice:
    """The commitments and milestones of one year's cycle."""

    year: int
    commitments: tuple[Commitment, ...]
    milestones: tuple[Milestone, ...]


def cycle_of(milestone: Milestone, perspective: Perspective) -> int:
    """The year of the cycle a milestone belongs to (DESIGN §3.1, "Cycle of a milestone").

    Its ``for_year`` when the file gives one; otherwise a bid prepares the year after its date, an evaluation
    looks back on the year before its date, and any other milestone dated July or later prepares the next year,
    one dated before July its own year. A cycle year before the perspective's start is the first cycle.
    """
    # ``for_year`` comes with the yearly cycle (DESIGN §3.1); a model without it reads as without the key.
    given: int | None = getattr(milestone, "for_year", None)
    if given is not None:
        return given
    date = milestone.date
    if milestone.kind is MilestoneKind.BID:
        year = date.year + 1
    elif milestone.kind is MilestoneKind.EVALUATION:
        year = date.year - 1
    else:
        year = date.year + 1 if date.month >= 7 else date.year  # noqa: PLR2004 - July
    return max(year, perspective.start)


def jaarschijf(agreement: Agreement, year: int) -> YearSlice:
    """The commitments with *year* and the milestones of cycle *year*, in file order."""
    milestones = agreement.process.milestones if agreement.process is not None else ()
    return YearSlice(
        year=year,
        commitments=agreement.index.commitments_by_year(year),
        milestones=tuple(m for m in milestones if cycle_of(m, agreement.perspective) == year),
    )
