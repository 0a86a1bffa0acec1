"""Comparing the wire forms of two versions key by key, matching list items by id or key: the changes, in order.

Reordering is no change: items of a list match by key whatever their place, and a list of ids or texts (``goals``,
``by``, ``agreed_by``) is compared as a collection. Formatting is no change either: both versions are compared in
the wire form the converter writes, whatever file they came from.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from prestatieafspraken.errors import VersionsError
from prestatieafspraken.model import Agreement
from prestatieafspraken.versions._changes import Change, ChangeKind
from prestatieafspraken.versions._shape import Shape, Wire, item_kind, unstructure_as

__all__ = ["ROOT_ITEM", "compare", "key_segment"]

#: The item a key of the agreement itself belongs to.
ROOT_ITEM = "agreement"


def key_segment(key: str) -> str:
    """The path segment of a key of a mapping such as a breakdown: ``['noord']`` (as the checks write it)."""
    escaped = key.replace("\\", "\\\\").replace("'", "\\'")
    return f"['{escaped}']"


@attrs.frozen
class _Item:
    """The item changes belong to: its kind and how it is named."""

    kind: str
    id: str
    nested: bool = False
    """Whether it is an item of a list inside another item (its own items are named after it)."""


def compare(old: Agreement, new: Agreement, shape: Shape) -> list[Change]:
    """The changes from agreement *old* to *new* (of *shape*), in the order of the format.

    The agreement's lists are matched on the model objects and only the items that differ are turned into their
    wire form: at a million commitments, comparing two objects costs a fraction of writing one out.
    """
    root = _Item(ROOT_ITEM, new.id)
    changes: list[Change] = []
    for name, field in shape.fields.items():
        attribute = shape.attributes[name]
        before, after = getattr(old, attribute), getattr(new, attribute)
        path = f"$.{name}"
        if field.kind == "items":
            changes += _items(before, after, field, (path, path), root, model=True)
        elif before != after:
            type_ = shape.types[name]
            wire_before, wire_after = unstructure_as(before, type_), unstructure_as(after, type_)
            changes += _field(field, wire_before, wire_after, (path, path), item=root, label=name)
    return changes


def _record(
    old: Mapping[str, Wire], new: Mapping[str, Wire], shape: Shape, paths: tuple[str, str], *, item: _Item, prefix: str
) -> Iterator[Change]:
    """The changes between two records of one shape (their wire forms), key by key in the model's order."""
    defaults = shape.defaults
    for name, field in shape.fields.items():
        default = defaults.get(name)
        before, after = old.get(name, default), new.get(name, default)
        if before != after:
            here = (f"{paths[0]}.{name}", f"{paths[1]}.{name}")
            yield from _field(field, before, after, here, item=item, label=prefix + name)


def _field(
    field: Shape, before: Wire, after: Wire, paths: tuple[str, str], *, item: _Item, label: str
) -> Iterator[Change]:
    """The changes between two different wire values of one key, named *label* within its item."""
    if field.kind == "items":
        yield from _items(before or [], after or [], field, paths, item, model=False)
    elif field.kind == "record" and isinstance(before, dict) and isinstance(after, dict):
        yield from _record(before, after, field, paths, item=item, prefix=label + ".")
    elif field.kind == "mapping" and isinstance(before, dict) and isinstance(after, dict):
        yield from _mapping(before, after, paths, item, label)
    elif field.kind != "values" or _collection(before) != _collection(after):
        yield _changed(item, label, before, after, *paths)


def _collection(values: Wire) -> Counter[Any]:
    """A list of ids or texts as a collection: its order carries no meaning (one id alone is a list of one)."""
    return Counter(values if isinstance(values, list) else [values])


def _changed(item: _Item, field: str, old: Wire, new: Wire, old_path: str, new_path: str) -> Change:  # noqa: PLR0917
    return Change(
        kind=ChangeKind.CHANGED,
        item=item.kind,
        id=item.id,
        field=field,
        old=old,
        new=new,
        old_path=old_path,
        new_path=new_path,
    )


def _mapping(
    old: Mapping[str, Wire], new: Mapping[str, Wire], paths: tuple[str, str], item: _Item, label: str
) -> Iterator[Change]:
    """The changes between two mappings of ids to numbers (a breakdown), key by key; a missing key is ``None``."""
    for key in dict.fromkeys([*old, *new]):
        before, after = old.get(key), new.get(key)
        if before != after:
            segment = key_segment(key)
            yield _changed(item, label + segment, before, after, paths[0] + segment, paths[1] + segment)


def _items(
    old: Sequence[Any],
    new: Sequence[Any],
    shape: Shape,
    paths: tuple[str, str],
    parent: _Item,
    *,
    model: bool,
) -> Iterator[Change]:
    """The changes between two lists of records: matched items field by field, then added and removed ones.

    The items are model objects (*model*), turned into their wire form only where they differ, or wire forms.
    """
    if old is new or old == new:  # most lists of a new version are as they were
        return
    record, cls = shape.item, shape.cls
    if record is None or cls is None:  # pragma: no cover - a list of records always has both
        raise VersionsError.of("versions_not_records")
    kind = item_kind(cls)
    key = record.model_key if model else record.key
    old_keys, new_keys = _Keys([key(entry) for entry in old]), _Keys([key(entry) for entry in new])
    match, removed = _match(old, new, old_keys, new_keys)
    names = _Names(record, parent, old_keys, new_keys)

    def wire(entry: Any) -> Wire:
        return unstructure_as(entry, cls) if model else entry

    old_path, new_path = paths
    for j, i in enumerate(match):
        if i is None:
            yield Change(
                kind=ChangeKind.ADDED,
                item=kind,
                id=names.new(j),
                new=wire(new[j]),
                old_path=old_path,
                new_path=f"{new_path}[{j}]",
            )
        elif old[i] is not new[j] and old[i] != new[j]:
            here = (f"{old_path}[{i}]", f"{new_path}[{j}]")
            item = _Item(kind, names.new(j), nested=True)
            yield from _record(wire(old[i]), wire(new[j]), record, here, item=item, prefix="")
    for i in removed:
        yield Change(
            kind=ChangeKind.REMOVED,
            item=kind,
            id=names.old(i),
            old=wire(old[i]),
            old_path=f"{old_path}[{i}]",
            new_path=new_path,
        )


class _Keys:
    """The keys of one list's items, where each key is, and all places of a key that occurs more than once."""

    def __init__(self, keys: list[Hashable]) -> None:
        self.keys = keys
        self.first: dict[Hashable, int] = {}
        self.repeated: dict[Hashable, list[int]] = {}
        for index, key in enumerate(keys):
            if key in self.first:
                self.repeated.setdefault(key, [self.first[key]]).append(index)
            else:
                self.first[key] = index

    def places(self, key: Hashable) -> list[int]:
        """Where *key* is: all its places, in order."""
        if key in self.repeated:
            return self.repeated[key]
        return [self.first[key]] if key in self.first else []


class _Names:
    """How the items of one list are named: by their key, numbered where a key occurs more than once."""

    def __init__(self, record: Shape, parent: _Item, old_keys: _Keys, new_keys: _Keys) -> None:
        self._record = record
        self._prefix = f"{parent.id}/" if parent.nested else ""
        self._old = old_keys
        self._new = new_keys

    def _name(self, keys: _Keys, index: int) -> str:
        key = keys.keys[index]
        text = self._prefix + self._record.key_text(key)
        places = keys.repeated.get(key)
        if places is None:
            return text
        return f"{text} #{places.index(index) + 1}"

    def old(self, index: int) -> str:
        """The name of the old list's item at *index*."""
        return self._name(self._old, index)

    def new(self, index: int) -> str:
        """The name of the new list's item at *index*."""
        return self._name(self._new, index)


def _match(
    old: Sequence[Wire], new: Sequence[Wire], old_keys: _Keys, new_keys: _Keys
) -> tuple[list[int | None], list[int]]:
    """For each new item the old item it matches (or ``None``: added), and the old items left over (removed).

    Items match by key. Where a key occurs more than once (a duplicate id, two equal milestones), equal items pair
    first, then the rest in order.
    """
    match: list[int | None] = [None] * len(new)
    taken = bytearray(len(old))
    for key, j in new_keys.first.items():
        if key in old_keys.repeated or key in new_keys.repeated:
            _match_group(old, new, old_keys.places(key), new_keys.places(key), match, taken)
        else:
            i = old_keys.first.get(key)
            if i is not None:
                match[j] = i
                taken[i] = 1
    removed = [i for i, done in enumerate(taken) if not done]
    return match, removed


def _match_group(  # noqa: PLR0917
    old: Sequence[Wire],
    new: Sequence[Wire],
    old_places: list[int],
    new_places: list[int],
    match: list[int | None],
    taken: bytearray,
) -> None:
    """Match the items of one repeated key: equal ones first, then the others in order."""
    free = list(old_places)
    unmatched = []
    for j in new_places:
        equal = next((i for i in free if old[i] == new[j]), None)
        if equal is None:
            unmatched.append(j)
        else:
            free.remove(equal)
            match[j] = equal
            taken[equal] = 1
    for j, i in zip(unmatched, free, strict=False):
        match[j] = i
        taken[i] = 1
