"""`history`: from a sequence of versions, the current agreement and, per item, the versions in which it changed.

The idea is that of the Open Contracting Data Standard's records: releases compiled into the current state plus a
versioned release that keeps every field's earlier values with the release that set them. Here each version is a
whole agreement, so the compiled agreement is the latest version, and the history of an item is the list of
versions that added, changed or removed it, with the changes each made.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator, Mapping, Sequence

import attrs

from prestatieafspraken.errors import VersionsError
from prestatieafspraken.model import Agreement
from prestatieafspraken.versions._changes import Change, ChangeKind, Diff
from prestatieafspraken.versions._compare import ROOT_ITEM
from prestatieafspraken.versions._diff import Version, diff, read_version

__all__ = ["History", "ItemHistory", "Revision", "history"]


@attrs.frozen(kw_only=True)
class Revision:
    """What one version did to an item.

    Attributes:
        version: The label of the version that made the change (a file name, or its number from 1).
        index: The place of that version in the sequence, from 0 (a revision is never of the first version).
        kind: Whether the version added the item, removed it, or changed fields of it.
        changes: The changes it made: one for an added or removed item, one per field for a changed one.
    """

    version: str
    index: int
    kind: ChangeKind
    changes: tuple[Change, ...]


@attrs.frozen(kw_only=True)
class ItemHistory:
    """The versions in which one item changed, oldest first.

    Attributes:
        item: The kind of item (``commitment``, ``party``, ``agreement`` for the agreement's own keys, ...).
        id: Which item, as the changes name it (`prestatieafspraken.versions.Change.id`).
        revisions: The versions that added, changed or removed it, in order.
    """

    item: str
    id: str
    revisions: tuple[Revision, ...]

    def values(self, field: str) -> tuple[tuple[str, object], ...]:
        """The values a field took, as (version, new value) pairs in order: its versioned history."""
        return tuple(
            (revision.version, change.new)
            for revision in self.revisions
            for change in revision.changes
            if change.field == field
        )


@attrs.frozen(kw_only=True)
class History:
    """A sequence of versions of one agreement, compiled.

    Attributes:
        current: The compiled agreement: the latest version.
        versions: The label of each version, oldest first.
        diffs: The diff between each version and the next.
        items: Every item that changed, in the order of its first change.
    """

    current: Agreement
    versions: tuple[str, ...]
    diffs: tuple[Diff, ...]
    items: tuple[ItemHistory, ...]

    def of(self, item: str, id: str) -> ItemHistory | None:  # noqa: A002 - the name of a change's field
        """The history of one item (by the kind and id its changes have), or ``None`` if it never changed."""
        return next((found for found in self.items if found.item == item and found.id == id), None)


def _labelled(
    versions: Sequence[Version] | Mapping[str, Version], labels: Sequence[str] | None
) -> list[tuple[str, Version]]:
    if isinstance(versions, Mapping):
        if labels is not None:
            raise VersionsError.of("versions_labels_twice")
        return list(versions.items())
    if isinstance(versions, str | os.PathLike):
        raise VersionsError.of("versions_one_file")
    items = list(versions)
    if labels is None:
        labels = [
            str(version) if not isinstance(version, Agreement) else str(number)
            for number, version in enumerate(items, start=1)
        ]
    if len(labels) != len(items):
        raise VersionsError.of("versions_label_count", labels=len(labels), versions=len(items))
    return list(zip(labels, items, strict=True))


def _revisions(labels: Sequence[str], diffs: Sequence[Diff]) -> Iterator[ItemHistory]:
    grouped: dict[tuple[str, str], list[Revision]] = {}
    names: dict[tuple[str, str], str] = {}
    for index, (label, found) in enumerate(zip(labels[1:], diffs, strict=True), start=1):
        per_item: dict[tuple[str, str], list[Change]] = {}
        for change in found:
            # The agreement's own keys are one item, also when its id changes.
            key = (change.item, "" if change.item == ROOT_ITEM else change.id)
            per_item.setdefault(key, []).append(change)
            names[key] = change.id
        for key, changes in per_item.items():
            revision = Revision(version=label, index=index, kind=changes[0].kind, changes=tuple(changes))
            grouped.setdefault(key, []).append(revision)
    for key, revisions in grouped.items():
        yield ItemHistory(item=key[0], id=names[key], revisions=tuple(revisions))


def history(versions: Sequence[Version] | Mapping[str, Version], *, labels: Sequence[str] | None = None) -> History:
    """Compile *versions* of an agreement, oldest first: the current agreement and each item's changes.

    Args:
        versions: Agreements or files (YAML or JSON), oldest first; or a mapping of labels to them. A git history
            of one file works too: load each revision's text with `prestatieafspraken.loads`.
        labels: A label per version (such as a date). Without them a file is labelled by its path and an
            agreement by its number, from 1.

    Raises:
        VersionsError: No versions, or not one label per version.
        LoadError: A file cannot be read as an agreement.
    """
    labelled = _labelled(versions, labels)
    if not labelled:
        raise VersionsError.of("versions_none")
    agreements = [read_version(version) for _, version in labelled]
    diffs = tuple(diff(older, newer) for older, newer in itertools.pairwise(agreements))
    names = [label for label, _ in labelled]
    return History(
        current=agreements[-1],
        versions=tuple(names),
        diffs=diffs,
        items=tuple(_revisions(names, diffs)),
    )
