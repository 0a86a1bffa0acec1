"""Which commitments and milestones of the jaarschijf (the annual commitments) of one year a document shows.

The library's one definition of a jaarschijf is `prestatieafspraken.cycles.jaarschijf`; a document reads its
commitments and the milestones of the process (a bid in ``bids`` is shown in its own section, not as a milestone).
"""

from __future__ import annotations

import attrs

from prestatieafspraken import cycles
from prestatieafspraken.model import Agreement, Commitment, Milestone

__all__ = ["YearSlice", "jaarschijf"]


@attrs.frozen(kw_only=True)
class YearSlice:
    """The commitments and milestones of one year's cycle."""

    year: int
    commitments: tuple[Commitment, ...]
    milestones: tuple[Milestone, ...]


def jaarschijf(agreement: Agreement, year: int) -> YearSlice:
    """The commitments with *year* and the process milestones of cycle *year*, in file order."""
    found = cycles.jaarschijf(agreement, year)
    return YearSlice(
        year=year,
        commitments=found.commitments,
        milestones=tuple(placed.milestone for placed in found.milestones if placed.path.startswith("$.process")),
    )
