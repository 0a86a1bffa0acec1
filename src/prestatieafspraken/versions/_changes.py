"""The values a diff returns: one `Change` per added, removed or changed item or field, gathered in a `Diff`."""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterator
from typing import Any

import attrs

__all__ = ["Agreed", "Change", "ChangeKind", "Diff"]


class ChangeKind(enum.Enum):
    """What happened to an item or a field between two versions."""

    ADDED = "added"
    """The item is new in the newer version (toegevoegd)."""
    REMOVED = "removed"
    """The item is gone from the newer version (verwijderd)."""
    CHANGED = "changed"
    """A field of an item that is in both versions has another value (gewijzigd)."""


class Agreed(enum.Enum):
    """Whether a change to a commitment or target of a signed agreement was agreed as an amendment.

    Handbook, "Sturing op realisatie": "Bij afspraken maken en een soms snel veranderende werkelijkheid hoort samen
    kunnen bijsturen"; a change to a signed agreement needs the consent of every party that signed it (PA310,
    domain/FACTS.md §8.11).
    """

    AMENDED = "amended"
    """The newer version records an amendment, added since the older one, that every signing party agreed to."""
    UNAMENDED = "unamended"
    """No such amendment: the change was not agreed as an amendment (niet als wijziging overeengekomen)."""


@attrs.frozen(kw_only=True)
class Change:
    """One difference between two versions of an agreement, in the terms of the file format.

    Values are those of the wire form (what the YAML or JSON file holds: texts, numbers, lists, mappings); a key
    the file leaves out holds its default, and ``None`` means not given.

    Attributes:
        kind: Added, removed or changed.
        item: The kind of item: ``agreement`` (a key of the agreement itself, such as its ``title``), ``party``,
            ``commitment``, ``target``, ``milestone``, ``realisation``, ``coalition_member``, ...
        id: Which item: its id, or for an item without one the fields it is matched by (``kind: signing, date:
            2024-12-10``); an item inside another is named after both (``bid-2026/o-build``).
        field: For a changed field, its key within the item (``value``, ``baseline.value``,
            ``breakdown['noord']``); ``None`` for an added or removed item.
        old: The value in the older version: the field's value, or a removed item as a whole; ``None`` for an
            added item or a field that was not given.
        new: The value in the newer version, likewise.
        old_path: Where the value is in the older version (``$.commitments[3].value``); for an added item, the
            list of the older version it joins (``$.commitments``).
        new_path: Where the value is in the newer version; for a removed item, the list of the newer version it
            left.
        agreed: For a commitment or target of an agreement whose older version has a done signing: whether the
            change was agreed as an amendment. ``None`` for other items, or when the older version was not signed.
        amendments: The ids of the amendments that agreed it (with `Agreed.AMENDED`).
    """

    kind: ChangeKind
    item: str
    id: str
    field: str | None = None
    old: Any = attrs.field(default=None, hash=False)  # a list or mapping of the file cannot be hashed
    new: Any = attrs.field(default=None, hash=False)
    old_path: str
    new_path: str
    agreed: Agreed | None = None
    amendments: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Diff:
    """The changes between an older and a newer version of an agreement.

    A diff is true when there is any change; ``len(diff)`` counts the changes and iterating gives them in the
    order of the file format (the agreement's keys, then each list in the newer version's order, removed items
    last).

    Attributes:
        changes: Every change.
        old_id: The id of the older version's agreement.
        new_id: The id of the newer version's agreement.
        signed: Whether the older version has a done signing milestone. Only then are changes to its commitments
            and targets marked as agreed or not.
        signing_parties: The parties that signed the older version (DESIGN §4: the parties named by signing
            milestones; a signing without a party means every counted party).
        amendments: The amendments added since the older version that every signing party agreed to.
    """

    changes: tuple[Change, ...] = ()
    old_id: str
    new_id: str
    signed: bool = False
    signing_parties: tuple[str, ...] = ()
    amendments: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    @property
    def unamended(self) -> tuple[Change, ...]:
        """The changes to commitments and targets of the signed older version that no amendment agreed."""
        return tuple(change for change in self.changes if change.agreed is Agreed.UNAMENDED)

    def counts(self) -> dict[str, int]:
        """The number of changes of each kind (``added``, ``removed``, ``changed``) and of ``unamended`` ones."""
        counted = Counter(change.kind.value for change in self.changes)
        return {
            **{kind.value: counted[kind.value] for kind in ChangeKind},
            "unamended": len(self.unamended),
        }
