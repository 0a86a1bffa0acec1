"""`diff`: what changed between two versions of an agreement, and whether changes to a signed one were agreed.

Handbook, "Sturing op realisatie": "Bij afspraken maken en een soms snel veranderende werkelijkheid hoort samen
kunnen bijsturen." A signed agreement changes through an amendment that every party that signed it agreed to
(PA310; domain/FACTS.md §8.11); a diff says of every change to a commitment or target whether one was recorded.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TypeAlias

import attrs

from prestatieafspraken import _collector
from prestatieafspraken.model import Agreement, CoalitionStatus, MilestoneKind, MilestoneStatus
from prestatieafspraken.serialization import load
from prestatieafspraken.versions._changes import Agreed, Change, Diff
from prestatieafspraken.versions._compare import compare
from prestatieafspraken.versions._shape import agreement_shape

__all__ = ["AGREED_ITEMS", "Version", "diff", "read_version", "signing_parties"]

#: A version: an agreement, or the path of a YAML or JSON file that holds one.
Version: TypeAlias = Agreement | str | os.PathLike[str]

#: The kinds of item whose changes to a signed agreement need an amendment: the commitments and the targets.
AGREED_ITEMS = frozenset({"commitment", "target"})


def read_version(version: Version) -> Agreement:
    """The agreement of *version*: itself, or read from its file with `prestatieafspraken.load`.

    Raises:
        LoadError: The file cannot be read as an agreement.
    """
    if isinstance(version, Agreement):
        return version
    return load(version)


def _is_signed(agreement: Agreement) -> bool:
    """Whether the agreement has a done signing milestone."""
    process = agreement.process
    return process is not None and any(
        milestone.kind is MilestoneKind.SIGNING and milestone.status is MilestoneStatus.DONE
        for milestone in process.milestones
    )


def _counted_parties(agreement: Agreement) -> list[str]:
    """The counted parties (DESIGN §4): founding or joined; a party not in the coalition counts as founding."""
    statuses: dict[str, CoalitionStatus] = {}
    for member in agreement.coalition:
        statuses.setdefault(member.party, member.status)
    return [party.id for party in agreement.parties if statuses.get(party.id, CoalitionStatus.FOUNDING).is_counted]


def signing_parties(agreement: Agreement) -> tuple[str, ...]:
    """The signing parties of DESIGN §4: the parties named by signing milestones that are not missed.

    A signing milestone without a party means every counted party signs.
    """
    signers: dict[str, None] = {}
    process = agreement.process
    for milestone in process.milestones if process is not None else ():
        if milestone.kind is not MilestoneKind.SIGNING or milestone.status is MilestoneStatus.MISSED:
            continue
        if milestone.party is None:
            signers.update(dict.fromkeys(_counted_parties(agreement)))
        else:
            signers[milestone.party] = None
    return tuple(signers)


def _agreeing_amendments(old: Agreement, new: Agreement, signers: Iterable[str]) -> tuple[str, ...]:
    """The amendments of *new* that *old* does not have and that every signing party agreed to."""
    known = {amendment.id for amendment in old.amendments}
    needed = set(signers)
    return tuple(
        dict.fromkeys(
            amendment.id
            for amendment in new.amendments
            if amendment.id not in known and needed.issubset(amendment.agreed_by)
        )
    )


def _marked(changes: Iterable[Change], amendments: tuple[str, ...]) -> tuple[Change, ...]:
    """The changes with each change to a commitment or target marked as agreed by *amendments* or not."""
    agreed = Agreed.AMENDED if amendments else Agreed.UNAMENDED
    return tuple(
        attrs.evolve(change, agreed=agreed, amendments=amendments) if change.item in AGREED_ITEMS else change
        for change in changes
    )


def diff(old: Version, new: Version) -> Diff:
    """The changes from *old* to *new*: two versions of an agreement, or the files that hold them.

    Items of a list match by id (parties, commitments, targets, ...), or where they have none by the fields that
    say which item it is (a realisation by its subject, year, area and party; a milestone by its kind, party and
    cycle or date; a place in the coalition by its party; a mandate by its holder and role), so reordering is no
    change; nor is formatting (YAML or JSON, key order, comments, a default written out or left out). Each change
    gives the old and new value and the ``$.path`` of each in its version.

    When the older version has a done signing, each change to a commitment or target says whether the newer
    version records an amendment, added since the older version, that all signing parties agreed to
    (`Agreed.AMENDED`), or not (`Agreed.UNAMENDED`).

    Raises:
        LoadError: A file cannot be read as an agreement.

    Example:
        >>> import prestatieafspraken as pa
        >>> agreement = pa.examples.load("lindeveen-2025-2028")
        >>> len(pa.diff(agreement, agreement))
        0
    """
    before, after = read_version(old), read_version(new)
    with _collector.paused():  # the keys and matches are all alive until the comparison ends
        changes = compare(before, after, agreement_shape())
    if not _is_signed(before):
        return Diff(changes=tuple(changes), old_id=before.id, new_id=after.id)
    signers = signing_parties(before)
    amendments = _agreeing_amendments(before, after, signers)
    return Diff(
        changes=_marked(changes, amendments),
        old_id=before.id,
        new_id=after.id,
        signed=True,
        signing_parties=signers,
        amendments=amendments,
    )
