"""What the rules read: the agreement, the check date, parameters, and facts derived once for all rules.

The derived facts follow DESIGN §4, "Terms the rules use": counted parties, signing parties, milestone status,
the process start, six months, the election window and the deadline year.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import pendulum

from prestatieafspraken.calendar import DEFAULT_CALENDAR, ElectionCalendar
from prestatieafspraken.model import (
    Agreement,
    Milestone,
    MilestoneKind,
    MilestoneStatus,
    Party,
    Visibility,
)
from prestatieafspraken.rules.findings import Finding
from prestatieafspraken.rules.registry import Rule

__all__ = ["PlacedMilestone", "RuleContext"]


@attrs.frozen(kw_only=True)
class PlacedMilestone:
    """A milestone with its place in ``process.milestones``."""

    index: int
    milestone: Milestone

    @property
    def path(self) -> str:
        """The milestone's ``$.path``."""
        return f"$.process.milestones[{self.index}]"


class RuleContext:
    """The agreement under check and the facts every rule shares, each computed once on first use."""

    def __init__(
        self,
        agreement: Agreement,
        *,
        as_of: pendulum.Date,
        params: Mapping[str, Any],
        calendar: ElectionCalendar = DEFAULT_CALENDAR,
    ) -> None:
        self.agreement = agreement
        self.index = agreement.index
        self.as_of = as_of
        self.params = params
        self.calendar = calendar
        self.rule: Rule | None = None  # set by the engine while a rule runs

    # --- making findings ------------------------------------------------------------------------------

    def param(self, name: str) -> Any:
        """The value of a rule parameter (configured, else the default)."""
        return self.params[name]

    def finding(self, *, path: str, nl: str, en: str, subjects: Iterable[str] = ()) -> Finding:
        """A finding of the rule that is running, with its messages in Dutch and English."""
        if self.rule is None:  # pragma: no cover - the engine always sets the rule
            raise RuntimeError("RuleContext.finding called outside a rule")
        return Finding(
            code=self.rule.code,
            severity=self.rule.severity,
            message_nl=nl,
            message_en=en,
            path=path,
            subjects=tuple(subjects),
            source=self.rule.source,
        )

    @staticmethod
    def quotable(*items: object) -> bool:
        """Whether values of these commitments or realisations may be quoted in a message: all are public.

        A message never quotes a value whose visibility is ``parties`` or ``restricted`` (DESIGN §4).
        """
        return all(getattr(item, "visibility", Visibility.PUBLIC) is Visibility.PUBLIC for item in items)

    # --- parties --------------------------------------------------------------------------------------

    @functools.cached_property
    def counted_parties(self) -> tuple[Party, ...]:
        """Parties whose coalition status is founding or joined (a party not in ``coalition`` is founding)."""
        seen: set[str] = set()
        counted = []
        for party in self.agreement.parties:
            if party.id not in seen and self.index.is_counted(party.id):
                seen.add(party.id)
                counted.append(party)
        return tuple(counted)

    @functools.cached_property
    def counted_party_ids(self) -> frozenset[str]:
        """The ids of the counted parties."""
        return frozenset(party.id for party in self.counted_parties)

    # --- the process ----------------------------------------------------------------------------------

    @functools.cached_property
    def milestones(self) -> tuple[PlacedMilestone, ...]:
        """Milestones that count for order and timing: planned and done ones (missed ones are ignored)."""
        process = self.agreement.process
        if process is None:
            return ()
        return tuple(
            PlacedMilestone(index=index, milestone=milestone)
            for index, milestone in enumerate(process.milestones)
            if milestone.status is not MilestoneStatus.MISSED
        )

    def milestones_of(self, kind: MilestoneKind) -> tuple[PlacedMilestone, ...]:
        """The counting milestones of one kind, in file order."""
        return self._milestones_by_kind.get(kind, ())

    @functools.cached_property
    def _milestones_by_kind(self) -> dict[MilestoneKind, tuple[PlacedMilestone, ...]]:
        grouped: dict[MilestoneKind, list[PlacedMilestone]] = {}
        for placed in self.milestones:
            grouped.setdefault(placed.milestone.kind, []).append(placed)
        return {kind: tuple(items) for kind, items in grouped.items()}

    def done_by_as_of(self, kind: MilestoneKind) -> tuple[PlacedMilestone, ...]:
        """Milestones of one kind that are done and dated on or before the check date (PA404, PA406)."""
        return tuple(
            placed
            for placed in self.milestones_of(kind)
            if placed.milestone.status is MilestoneStatus.DONE and placed.milestone.date <= self.as_of
        )

    @functools.cached_property
    def earliest_signing(self) -> PlacedMilestone | None:
        """The earliest signing that is not missed."""
        signings = self.milestones_of(MilestoneKind.SIGNING)
        return min(signings, key=lambda placed: (placed.milestone.date, placed.index), default=None)

    @functools.cached_property
    def signing_party_ids(self) -> tuple[str, ...]:
        """The parties named by signing milestones; a signing without a party means every counted party signs."""
        signers: dict[str, None] = {}
        for placed in self.milestones_of(MilestoneKind.SIGNING):
            if placed.milestone.party is None:
                signers.update(dict.fromkeys(party.id for party in self.counted_parties))
            else:
                signers[placed.milestone.party] = None
        return tuple(signers)

    def signing_date_of(self, party_id: str) -> pendulum.Date | None:
        """The earliest signing date that applies to a party (its own signing, or a signing of all)."""
        dates = [
            placed.milestone.date
            for placed in self.milestones_of(MilestoneKind.SIGNING)
            if placed.milestone.party in (None, party_id)
        ]
        return min(dates, default=None)

    @functools.cached_property
    def process_start(self) -> pendulum.Date | None:
        """``process.started``; without it the earliest kickoff. A bid never starts the process."""
        process = self.agreement.process
        if process is not None and process.started is not None:
            return process.started
        kickoffs = [placed.milestone.date for placed in self.milestones_of(MilestoneKind.KICKOFF)]
        return min(kickoffs, default=None)
