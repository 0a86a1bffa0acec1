"""The lifecycles of a milestone and of a reported figure, each as one transition table.

Kept in one place, as h11 keeps its protocol states, so that tools which move a milestone from planned to done,
or a figure from draft to approved, all follow the same table.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TypeVar

from prestatieafspraken.errors import TransitionError
from prestatieafspraken.model.monitoring import RealisationStatus
from prestatieafspraken.model.process import MilestoneStatus

__all__ = ["MILESTONE_TRANSITIONS", "REALISATION_TRANSITIONS", "TransitionError", "move"]

#: planned -> done | missed; a missed milestone can be replanned; done is final.
MILESTONE_TRANSITIONS: MappingProxyType[MilestoneStatus, frozenset[MilestoneStatus]] = MappingProxyType(
    {
        MilestoneStatus.PLANNED: frozenset({MilestoneStatus.DONE, MilestoneStatus.MISSED}),
        MilestoneStatus.MISSED: frozenset({MilestoneStatus.PLANNED, MilestoneStatus.DONE}),
        MilestoneStatus.DONE: frozenset(),
    }
)

#: draft -> submitted -> approved; a submitted figure can be sent back to draft; approved is final
#: (a correction is a new figure). Only approved figures count in progress.
REALISATION_TRANSITIONS: MappingProxyType[RealisationStatus, frozenset[RealisationStatus]] = MappingProxyType(
    {
        RealisationStatus.DRAFT: frozenset({RealisationStatus.SUBMITTED}),
        RealisationStatus.SUBMITTED: frozenset({RealisationStatus.APPROVED, RealisationStatus.DRAFT}),
        RealisationStatus.APPROVED: frozenset(),
    }
)

_S = TypeVar("_S", MilestoneStatus, RealisationStatus)


def move(table: Mapping[_S, frozenset[_S]], current: _S, new: _S) -> _S:
    """Return *new* if *table* allows the change from *current*, else raise `TransitionError`.

    Example: ``move(REALISATION_TRANSITIONS, RealisationStatus.SUBMITTED, RealisationStatus.APPROVED)``.
    """
    if new not in table[current]:
        allowed = sorted(status.value for status in table[current])
        if not allowed:
            raise TransitionError.of("transition_final", current=current.value, new=new.value)
        raise TransitionError.of("transition", current=current.value, new=new.value, allowed=allowed)
    return new
