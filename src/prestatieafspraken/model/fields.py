"""Field conventions shared by the model classes: wire names, id references, numbers and visibility.

Two facts about a field live in its attrs metadata, so that each is written once:

- A field whose Python name differs from its file-format key (``from`` and ``for`` are Python keywords) carries
  its wire name under `WIRE_NAME`; the converter and the JSON Schema both read it from there.
- A field that holds the id of another item (``Commitment.by``, ``Target.indicator``) carries the kind of item
  it names under `REFERS_TO`; `references` lists them per class. The loader shares repeated ids through it, the
  reference check (PA001) walks it and the responsibility graph draws its edges from it.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Iterator, Mapping
from typing import Any, TypeAlias, get_args, get_origin

import attrs

__all__ = ["REFERS_TO", "WIRE_NAME", "IdKind", "Number", "Reference", "Visibility", "references", "wire_name"]

WIRE_NAME = "prestatieafspraken.wire_name"
REFERS_TO = "prestatieafspraken.refers_to"

#: An amount, a count or a share: integers stay integers so that what loads dumps back the same.
Number: TypeAlias = int | float


def wire_name(attribute: attrs.Attribute[Any]) -> str:
    """Return the file-format key of a model field."""
    name: str = attribute.metadata.get(WIRE_NAME, attribute.name)
    return name


class Visibility(enum.Enum):
    """Who may see a commitment or a realisation (the hybrid form of the handbook's monitoring)."""

    PUBLIC = "public"
    """Everyone."""
    PARTIES = "parties"
    """The parties to the agreement only."""
    RESTRICTED = "restricted"
    """Only the parties named in ``visible_to`` (and the parties that execute it)."""


class IdKind(enum.Enum):
    """What a reference names: the kind of item whose id (or term) it holds.

    The values of the kinds of items are the node kinds of the responsibility graph.
    """

    PARTY = "party"
    """A party id, declared under ``parties``."""
    AREA = "area"
    """An area id, declared under ``areas``."""
    THEME = "theme"
    """A theme id, declared under ``themes`` or one of the standard themes."""
    GOAL = "goal"
    """A goal id, declared under ``goals``."""
    INDICATOR = "indicator"
    """An indicator id, declared under ``indicators``."""
    TARGET = "target"
    """A target id, declared under ``targets``."""
    COMMITMENT = "commitment"
    """A commitment id, declared under ``commitments``."""
    AREA_OR_PARTY = "area_or_party"
    """An area id or a party id (the keys of a target's ``breakdown``)."""
    TERM = "term"
    """A term that a definition (``definitions``) defines; not an id."""


@attrs.frozen(kw_only=True)
class Reference:
    """One field of a model class that refers to other items by id.

    Attributes:
        field: The Python name of the field (``beneficiaries``).
        wire: Its file-format key (``for``).
        kind: What it names.
        many: Whether it holds several ids (a list, or the keys of a mapping) rather than one or none.
    """

    field: str
    wire: str
    kind: IdKind
    many: bool

    def ids(self, item: object) -> Iterator[tuple[str, str]]:
        """Yield, for each id that *item*'s field names, its place below the item and the id, in file order.

        The place is ``.key`` for a single id, ``.key[2]`` for an element of a list and ``.key['id']`` for a key
        of a mapping (``.breakdown['amsterdam']``); append it to the item's ``$.path``. A field that names
        nothing (``None`` or empty) yields nothing.
        """
        value = getattr(item, self.field)
        if not self.many:
            if value is not None:
                yield f".{self.wire}", value
        elif isinstance(value, Mapping):
            for key in value:
                yield f".{self.wire}['{key}']", key
        else:
            for position, item_id in enumerate(value):
                yield f".{self.wire}[{position}]", item_id


def _holds_many(type_: Any) -> bool:
    """Whether a reference field's type holds several ids (a tuple of texts or a mapping with text keys)."""
    optional_text = get_origin(type_) in (typing.Union, types.UnionType) and set(get_args(type_)) == {str, type(None)}
    return type_ is not str and not optional_text


#: `references` per class, found once: the declarations do not change while the program runs.
_REFERENCES: dict[type[Any], tuple[Reference, ...]] = {}


def references(cls: type[Any]) -> tuple[Reference, ...]:
    """Return the fields of the model class *cls* that refer to other items, in the class's field order.

    For example ``references(Commitment)`` starts with ``Reference(field="by", wire="by", kind=IdKind.PARTY,
    many=True)``. A class without reference fields (or one that is not a model class) gives ``()``; classes
    nested in *cls* (a commitment in an agreement) are not included: ask for each class.
    """
    found = _REFERENCES.get(cls)
    if found is None:
        found = _REFERENCES[cls] = tuple(
            Reference(
                field=field.name, wire=wire_name(field), kind=field.metadata[REFERS_TO], many=_holds_many(field.type)
            )
            for field in (attrs.fields(attrs.resolve_types(cls)) if attrs.has(cls) else ())
            if REFERS_TO in field.metadata
        )
    return found
