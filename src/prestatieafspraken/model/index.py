"""O(1) lookups into an agreement, built once: items by id, commitments by party, theme, year and target.

Also the bids by id, party and year, and the realisations by year (the yearly cycle, DESIGN §3.1).

Where an id is duplicated (reported by PA002) the first item with it is the one found.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from typing import TYPE_CHECKING, TypeVar

import attrs

from prestatieafspraken import _collector
from prestatieafspraken.model.bids import Bid
from prestatieafspraken.model.commitments import Commitment
from prestatieafspraken.model.indicators import Framework, Indicator, Target
from prestatieafspraken.model.monitoring import Realisation
from prestatieafspraken.model.parties import Area, CoalitionStatus, Group, Party
from prestatieafspraken.model.themes import Goal, Theme

if TYPE_CHECKING:
    from prestatieafspraken.model.agreement import Agreement  # agreement.py imports this module

__all__ = ["AgreementIndex"]

_K = TypeVar("_K", bound=Hashable)
_V = TypeVar("_V")


def _first_by_id(items: Iterable[_V], key: str = "id") -> dict[str, _V]:
    found: dict[str, _V] = {}
    for item in items:
        found.setdefault(getattr(item, key), item)
    return found


def _frozen_groups(groups: Mapping[_K, list[_V]]) -> dict[_K, tuple[_V, ...]]:
    return {key: tuple(values) for key, values in groups.items()}


@attrs.frozen(kw_only=True)
class AgreementIndex:
    """Lookups into one agreement; get one through `Agreement.index`."""

    parties: Mapping[str, Party]
    areas: Mapping[str, Area]
    themes: Mapping[str, Theme]
    """Declared themes only; standard themes need no declaration."""
    goals: Mapping[str, Goal]
    indicators: Mapping[str, Indicator]
    frameworks: Mapping[str, Framework]
    targets: Mapping[str, Target]
    commitments: Mapping[str, Commitment]
    groups: Mapping[str, Group]
    coalition_status: Mapping[str, CoalitionStatus]
    """Listed coalition statuses; a party not listed is founding (use `status_of`)."""
    _by_party: Mapping[str, tuple[Commitment, ...]] = attrs.field(alias="by_party")
    _by_beneficiary: Mapping[str, tuple[Commitment, ...]] = attrs.field(alias="by_beneficiary")
    _by_theme: Mapping[str | None, tuple[Commitment, ...]] = attrs.field(alias="by_theme")
    _by_year: Mapping[int | None, tuple[Commitment, ...]] = attrs.field(alias="by_year")
    _by_target: Mapping[str | None, tuple[Commitment, ...]] = attrs.field(alias="by_target")
    _realisations_by_subject: Mapping[tuple[str, str], tuple[Realisation, ...]] = attrs.field(
        alias="realisations_by_subject"
    )
    bids: Mapping[str, Bid]
    _bids_by_party: Mapping[str, tuple[Bid, ...]] = attrs.field(alias="bids_by_party")
    _bids_by_year: Mapping[int, tuple[Bid, ...]] = attrs.field(alias="bids_by_year")
    _realisations_by_year: Mapping[int, tuple[Realisation, ...]] = attrs.field(alias="realisations_by_year")

    @classmethod
    def build(cls, agreement: Agreement) -> AgreementIndex:
        """Index *agreement* in one pass over each of its lists."""
        # Every list and tuple built here survives: a collection during the build is wasted work (it doubles the
        # build time at 1e5 commitments; STYLE, performance habits).
        with _collector.paused():
            return cls._build(agreement)

    @classmethod
    def _build(cls, agreement: Agreement) -> AgreementIndex:
        by_party: defaultdict[str, list[Commitment]] = defaultdict(list)
        by_beneficiary: defaultdict[str, list[Commitment]] = defaultdict(list)
        by_theme: defaultdict[str | None, list[Commitment]] = defaultdict(list)
        by_year: defaultdict[int | None, list[Commitment]] = defaultdict(list)
        by_target: defaultdict[str | None, list[Commitment]] = defaultdict(list)
        for commitment in agreement.commitments:
            # dict.fromkeys: a party named twice in one list still gets the commitment once.
            for party in dict.fromkeys(commitment.by):
                by_party[party].append(commitment)
            for party in dict.fromkeys(commitment.beneficiaries):
                by_beneficiary[party].append(commitment)
            by_theme[commitment.theme].append(commitment)
            by_year[commitment.year].append(commitment)
            by_target[commitment.target].append(commitment)
        realisations: defaultdict[tuple[str, str], list[Realisation]] = defaultdict(list)
        realisations_by_year: defaultdict[int, list[Realisation]] = defaultdict(list)
        for realisation in agreement.realisations:
            realisations[realisation.subject].append(realisation)
            realisations_by_year[realisation.year].append(realisation)
        bids_by_party: defaultdict[str, list[Bid]] = defaultdict(list)
        bids_by_year: defaultdict[int, list[Bid]] = defaultdict(list)
        for bid in agreement.bids:
            bids_by_party[bid.party].append(bid)
            bids_by_year[bid.for_year].append(bid)
        statuses: dict[str, CoalitionStatus] = {}
        for member in agreement.coalition:
            statuses.setdefault(member.party, member.status)
        return cls(
            parties=_first_by_id(agreement.parties),
            areas=_first_by_id(agreement.areas),
            themes=_first_by_id(agreement.themes),
            goals=_first_by_id(agreement.goals),
            indicators=_first_by_id(agreement.indicators),
            frameworks=_first_by_id(agreement.frameworks),
            targets=_first_by_id(agreement.targets),
            commitments=_first_by_id(agreement.commitments),
            groups=_first_by_id(agreement.groups),
            coalition_status=statuses,
            by_party=_frozen_groups(by_party),
            by_beneficiary=_frozen_groups(by_beneficiary),
            by_theme=_frozen_groups(by_theme),
            by_year=_frozen_groups(by_year),
            by_target=_frozen_groups(by_target),
            realisations_by_subject=_frozen_groups(realisations),
            bids=_first_by_id(agreement.bids),
            bids_by_party=_frozen_groups(bids_by_party),
            bids_by_year=_frozen_groups(bids_by_year),
            realisations_by_year=_frozen_groups(realisations_by_year),
        )

    def status_of(self, party_id: str) -> CoalitionStatus:
        """The coalition status of a party: as listed, else founding (a party not in ``coalition`` is founding)."""
        return self.coalition_status.get(party_id, CoalitionStatus.FOUNDING)

    def is_counted(self, party_id: str) -> bool:
        """Whether a party counts: its coalition status is founding or joined."""
        return self.status_of(party_id).is_counted

    def commitments_by_party(self, party_id: str) -> tuple[Commitment, ...]:
        """The commitments the party executes (it is named in ``by``), in file order."""
        return self._by_party.get(party_id, ())

    def commitments_for_party(self, party_id: str) -> tuple[Commitment, ...]:
        """The commitments the party benefits from (it is named in ``for``), in file order."""
        return self._by_beneficiary.get(party_id, ())

    def commitments_by_theme(self, theme_id: str | None) -> tuple[Commitment, ...]:
        """The commitments of a theme (``None``: those without a theme), in file order."""
        return self._by_theme.get(theme_id, ())

    def commitments_by_year(self, year: int | None) -> tuple[Commitment, ...]:
        """The commitments of a year (``None``: those without a year), in file order."""
        return self._by_year.get(year, ())

    def commitments_by_target(self, target_id: str | None) -> tuple[Commitment, ...]:
        """The commitments that contribute to a target (``None``: those without one), in file order."""
        return self._by_target.get(target_id, ())

    def commitment_years(self) -> frozenset[int]:
        """The years that have at least one commitment."""
        return frozenset(year for year in self._by_year if year is not None)

    def realisations_of(self, kind: str, subject_id: str) -> tuple[Realisation, ...]:
        """The realisations that name a ``commitment``, ``target`` or ``indicator`` by id, in file order."""
        return self._realisations_by_subject.get((kind, subject_id), ())

    def bids_by_party(self, party_id: str) -> tuple[Bid, ...]:
        """The bids of a party, in file order."""
        return self._bids_by_party.get(party_id, ())

    def bids_by_year(self, year: int) -> tuple[Bid, ...]:
        """The bids for the cycle of a year (their ``for_year``), in file order."""
        return self._bids_by_year.get(year, ())

    def realisations_by_year(self, year: int) -> tuple[Realisation, ...]:
        """The realisations of a year, in file order."""
        return self._realisations_by_year.get(year, ())
