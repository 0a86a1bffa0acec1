"""What the rules read: the agreement, the check date, parameters, and facts derived once for all rules.

The derived facts are the terms every rule reads in the same way: counted parties, signing parties, milestone status,
the process start, six months, the election window, the yearly cycle of each milestone and bid (DESIGN §3.1) and
the statutory dates. Facts that several rules read (the holders of each role, each party's earliest signing, the
positions of ids in their lists, the milestones and bids of each cycle) are derived here once, on first use,
instead of in each rule.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Any, Literal, TypeAlias

import attrs
import pendulum

from prestatieafspraken.calendar import DEFAULT_CALENDAR, ElectionCalendar
from prestatieafspraken.cycles import DEFAULT_STATUTORY_DATES, StatutoryDates, cycle_of
from prestatieafspraken.errors import RuleContextError
from prestatieafspraken.model import (
    Agreement,
    CoalitionMember,
    Commitment,
    MandateRole,
    Milestone,
    MilestoneKind,
    MilestoneStatus,
    Party,
    Realisation,
    Visibility,
)
from prestatieafspraken.rules.findings import Finding
from prestatieafspraken.rules.registry import Rule

__all__ = ["IdList", "PlacedBid", "PlacedMilestone", "RuleContext"]

#: The lists of the agreement whose items carry an id, by their key in the file.
IdList: TypeAlias = Literal[
    "parties", "areas", "groups", "themes", "goals", "indicators", "frameworks", "targets", "commitments", "amendments"
]


@attrs.frozen(kw_only=True)
class PlacedMilestone:
    """A milestone with its place in ``process.milestones``."""

    index: int
    milestone: Milestone

    @property
    def path(self) -> str:
        """The milestone's ``$.path``."""
        return f"$.process.milestones[{self.index}]"

    @property
    def parties(self) -> tuple[str, ...]:
        """The milestone's party as the subjects of a finding: its id, or none for a milestone of all parties."""
        party = self.milestone.party
        return (party,) if party else ()

    @property
    def explicit(self) -> bool:
        """Whether the milestone names its cycle (``for_year``), rather than the cycle following from its date."""
        return self.milestone.for_year is not None


@attrs.frozen(kw_only=True)
class PlacedBid:
    """A bid of a yearly cycle: a bid milestone of ``process.milestones`` or a bid of ``bids``, with its place.

    Attributes:
        path: Where it is in the file: ``$.process.milestones[3]`` or ``$.bids[0]``.
        party: The party that bids; None for a bid milestone of all (in a local agreement, the corporations').
        date: When it was (or is to be) sent.
        cycle: The year Y of the cycle it is the bid for (DESIGN §3.1).
        explicit: Whether the file names the cycle (``for_year``, always so in ``bids``) rather than its date.
    """

    path: str
    party: str | None
    date: pendulum.Date
    cycle: int
    explicit: bool

    @property
    def parties(self) -> tuple[str, ...]:
        """The bid's party as the subjects of a finding: its id, or none for a bid of all."""
        return (self.party,) if self.party else ()


class RuleContext:
    """The agreement under check and the facts every rule shares, each computed once on first use."""

    def __init__(
        self,
        agreement: Agreement,
        *,
        as_of: pendulum.Date,
        params: Mapping[str, Any],
        calendar: ElectionCalendar = DEFAULT_CALENDAR,
        statutory: StatutoryDates = DEFAULT_STATUTORY_DATES,
    ) -> None:
        self.agreement = agreement
        self.index = agreement.index
        self.as_of = as_of
        self.params = params
        self.calendar = calendar
        self.statutory = statutory
        """The dates of the statutory cycle as configured (`prestatieafspraken.rules.config.statutory_dates`)."""
        self.rule: Rule | None = None  # set by the engine while a rule runs
        self._positions: dict[str, Mapping[str, int]] = {}
        self._earliest: dict[tuple[MilestoneKind, ...], tuple[dict[str, pendulum.Date], pendulum.Date | None]] = {}

    # --- making findings ------------------------------------------------------------------------------

    def param(self, name: str) -> Any:
        """The value of a rule parameter (configured, else the default)."""
        return self.params[name]

    def finding(self, *, path: str, nl: str, en: str, subjects: Iterable[str] = ()) -> Finding:
        """A finding of the rule that is running, with its messages in Dutch and English."""
        if self.rule is None:
            raise RuleContextError(
                "RuleContext.finding was called while no rule runs: only a rule that the engine runs (`check`) can "
                "make a finding; register the function with @rule and run it through check()"
            )
        return Finding(
            code=self.rule.code,
            severity=self.rule.severity_for(self.agreement.scope),
            message_nl=nl,
            message_en=en,
            path=path,
            subjects=tuple(subjects),
            source=self.rule.source,
        )

    @staticmethod
    def quotable(*items: object) -> bool:
        """Whether values of these commitments or realisations may be quoted in a message: all are public.

        A message never quotes a value whose visibility is ``parties`` or ``restricted``.
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

    @functools.cached_property
    def role_holders(self) -> Mapping[MandateRole, tuple[str, ...]]:
        """The holders of each role that a mandate gives, in ``mandates`` order (a role nobody holds is absent)."""
        holders: dict[MandateRole, list[str]] = {}
        for mandate in self.agreement.mandates:
            holders.setdefault(mandate.role, []).append(mandate.holder)
        return {role: tuple(names) for role, names in holders.items()}

    @functools.cached_property
    def coalition_entries(self) -> tuple[tuple[int, CoalitionMember], ...]:
        """Each known party's first ``coalition`` entry with its position: the one the index's `status_of` reads.

        An entry for an unknown party is left out: PA001 reports it.
        """
        seen: set[str] = set()
        entries = []
        for position, member in enumerate(self.agreement.coalition):
            if member.party not in seen and member.party in self.index.parties:
                seen.add(member.party)
                entries.append((position, member))
        return tuple(entries)

    # --- positions ------------------------------------------------------------------------------------

    def positions(self, key: IdList) -> Mapping[str, int]:
        """The position in the list *key* (``"parties"``, ``"commitments"``, ...) of the first item with each id.

        Where an id is duplicated the first one counts, as in the index; PA002 reports the others.
        """
        found = self._positions.get(key)
        if found is None:
            positions: dict[str, int] = {}
            for position, item in enumerate(getattr(self.agreement, key)):
                positions.setdefault(item.id, position)
            found = self._positions[key] = positions
        return found

    def commitment_position(self, commitment: Commitment) -> int:
        """The position in ``commitments`` of this very commitment object (ids may be duplicated)."""
        return self._commitment_positions[id(commitment)]

    def realisation_position(self, realisation: Realisation) -> int:
        """The position in ``realisations`` of this very realisation object (realisations have no id)."""
        return self._realisation_positions[id(realisation)]

    @functools.cached_property
    def _commitment_positions(self) -> dict[int, int]:
        return {id(commitment): position for position, commitment in enumerate(self.agreement.commitments)}

    @functools.cached_property
    def _realisation_positions(self) -> dict[int, int]:
        return {id(realisation): position for position, realisation in enumerate(self.agreement.realisations)}

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

    def signs_on_behalf_of(self, party_id: str) -> str | None:
        """The signing party that signs "namens" *party_id*, when the party does not sign on its own; else None.

        A party is represented when another party names it in ``represents`` (directly, or through a party it
        represents in turn), as the Stadsregio Parkstad Limburg signs on behalf of its municipalities. It then
        needs no signatory mandate or decision of its own (PA106, PA113) when it has no signing milestone of its
        own and a representative of it is a signing party that signs in its own right (not itself only through a
        representative, so that two parties that name each other never excuse each other).
        """
        own, _ = self._signings
        if party_id in own:
            return None
        return next(
            (
                representative
                for representative in self._representatives.get(party_id, ())
                if representative in self._independent_signers
            ),
            None,
        )

    def representatives_of(self, party_id: str) -> tuple[str, ...]:
        """The known parties that represent *party_id* (``represents``), directly or through a party they represent."""
        return self._representatives.get(party_id, ())

    @functools.cached_property
    def _representatives(self) -> Mapping[str, tuple[str, ...]]:
        """Per party id, the known parties that represent it, directly or through a party they represent."""
        direct = {party.id: party.represents for party in self.agreement.parties}
        found: dict[str, dict[str, None]] = {}
        for representative, members in direct.items():
            stack, seen = list(members), {representative}
            while stack:
                member = stack.pop()
                if member in seen:
                    continue
                seen.add(member)
                found.setdefault(member, {})[representative] = None
                stack.extend(direct.get(member, ()))
        return {member: tuple(representatives) for member, representatives in found.items()}

    @functools.cached_property
    def _independent_signers(self) -> frozenset[str]:
        """The signing parties that sign in their own right: with a signing of their own, or represented by none."""
        own, _ = self._signings
        signers = set(self.signing_party_ids)
        return frozenset(
            party
            for party in signers
            if party in own or not any(other in signers for other in self._representatives.get(party, ()))
        )

    def signing_of(self, party_id: str) -> PlacedMilestone | None:
        """The earliest signing that applies to a party (its own signing, or a signing of all); on a tie the first."""
        own, for_all = self._signings
        candidates = [placed for placed in (own.get(party_id), for_all) if placed is not None]
        return min(candidates, key=_signing_key, default=None)

    def signing_date_of(self, party_id: str) -> pendulum.Date | None:
        """The earliest signing date that applies to a party (its own signing, or a signing of all)."""
        signing = self.signing_of(party_id)
        return signing.milestone.date if signing is not None else None

    @functools.cached_property
    def _signings(self) -> tuple[dict[str, PlacedMilestone], PlacedMilestone | None]:
        """Each party's earliest own signing, and the earliest signing of all, found in one pass."""
        own: dict[str, PlacedMilestone] = {}
        for_all: PlacedMilestone | None = None
        for placed in self.milestones_of(MilestoneKind.SIGNING):
            party = placed.milestone.party
            if party is None:
                if for_all is None or _signing_key(placed) < _signing_key(for_all):
                    for_all = placed
            elif party not in own or _signing_key(placed) < _signing_key(own[party]):
                own[party] = placed
        return own, for_all

    def earliest_of(self, party_id: str, kinds: tuple[MilestoneKind, ...]) -> pendulum.Date | None:
        """The earliest date of a counting milestone of these kinds that is the party's own or of all (no party)."""
        found = self._earliest.get(kinds)
        if found is None:
            own: dict[str, pendulum.Date] = {}
            for_all: pendulum.Date | None = None
            for kind in kinds:
                for placed in self.milestones_of(kind):
                    day, party = placed.milestone.date, placed.milestone.party
                    if party is None:
                        for_all = day if for_all is None else min(for_all, day)
                    else:
                        own[party] = min(own.get(party, day), day)
            found = self._earliest[kinds] = (own, for_all)
        own_dates, all_date = found
        return min((day for day in (own_dates.get(party_id), all_date) if day is not None), default=None)

    # --- the yearly cycle (DESIGN §3.1) ---------------------------------------------------------------

    def cycle_of(self, placed: PlacedMilestone) -> int:
        """The year of the cycle of a milestone of ``process.milestones`` (`prestatieafspraken.cycles.cycle_of`)."""
        return self._cycle_years[placed.index]

    @functools.cached_property
    def _cycle_years(self) -> tuple[int, ...]:
        process = self.agreement.process
        milestones = process.milestones if process is not None else ()
        return tuple(cycle_of(milestone, self.agreement) for milestone in milestones)

    @functools.cached_property
    def milestones_by_cycle(self) -> Mapping[int, tuple[PlacedMilestone, ...]]:
        """The counting milestones of ``process.milestones`` by the year of their cycle, years ascending, file order."""
        grouped: dict[int, list[PlacedMilestone]] = {}
        for placed in self.milestones:
            grouped.setdefault(self.cycle_of(placed), []).append(placed)
        return {year: tuple(grouped[year]) for year in sorted(grouped)}

    @functools.cached_property
    def bids_by_cycle(self) -> Mapping[int, tuple[PlacedBid, ...]]:
        """The bids of each cycle, years ascending: the counting bid milestones, then the bids of ``bids``.

        Each bid counts once. A bid in ``bids`` is a bid milestone of cycle ``for_year`` (DESIGN §3.1), so a bid
        milestone of the same cycle that records the same bid is left out: one of the same party, or, for a bid
        milestone without a party, any bid of that cycle in ``bids``. Missed bid milestones are left out.
        """
        recorded = [
            PlacedBid(path=f"$.bids[{position}]", party=bid.party, date=bid.date, cycle=bid.for_year, explicit=True)
            for position, bid in enumerate(self.agreement.bids)
        ]
        in_bids = {(placed.cycle, placed.party) for placed in recorded} | {(placed.cycle, None) for placed in recorded}
        grouped: dict[int, list[PlacedBid]] = {}
        for placed in self.milestones_of(MilestoneKind.BID):
            year, party = self.cycle_of(placed), placed.milestone.party
            if (year, party) not in in_bids:
                bid = PlacedBid(
                    path=placed.path, party=party, date=placed.milestone.date, cycle=year, explicit=placed.explicit
                )
                grouped.setdefault(year, []).append(bid)
        for placed_bid in recorded:
            grouped.setdefault(placed_bid.cycle, []).append(placed_bid)
        return {year: tuple(grouped[year]) for year in sorted(grouped)}

    @functools.cached_property
    def several_cycles(self) -> bool:
        """Whether the counting milestones of ``process.milestones`` belong to more than one cycle."""
        return len(self.milestones_by_cycle) > 1

    @functools.cached_property
    def process_start(self) -> pendulum.Date | None:
        """``process.started``; without it the earliest kickoff. A bid never starts the process."""
        process = self.agreement.process
        if process is not None and process.started is not None:
            return process.started
        kickoffs = [placed.milestone.date for placed in self.milestones_of(MilestoneKind.KICKOFF)]
        return min(kickoffs, default=None)


def _signing_key(placed: PlacedMilestone) -> tuple[pendulum.Date, int]:
    return (placed.milestone.date, placed.index)
