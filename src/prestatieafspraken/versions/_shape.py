"""The shape of the wire form, derived from the model: each key's kind of value, its default and how items match.

The diff works on the wire form (what `prestatieafspraken.serialization.make_converter` writes), so it follows
every key of the format without a list of fields. What the wire form leaves out, the model says: a key that is
left out holds its default (the converter omits defaults), a list of records is matched item by item, and the
items of a list match by their ``id`` where they have one.

Lists without ids match by the fields that say which item it is (`KEYS`): a realisation by its subject, year, area
and party, a milestone by its kind, party and cycle (``for_year``, else its date), a place in the coalition by its
party, a mandate by its holder and role. An item of a kind not listed there matches by its whole content.
"""

from __future__ import annotations

import enum
import functools
import re
import types
import typing
from collections.abc import Hashable, Mapping
from typing import Any, Literal, TypeAlias

import attrs
import cattrs
import orjson

from prestatieafspraken.model import (
    Agreement,
    Assessment,
    BasisDocument,
    CoalitionMember,
    Definition,
    Mandate,
    Milestone,
    Realisation,
)
from prestatieafspraken.model.fields import wire_name
from prestatieafspraken.serialization import make_converter

__all__ = ["KEYS", "Shape", "Wire", "agreement_shape", "item_kind", "shape_of", "unstructure", "unstructure_as"]

#: A value of the wire form: what JSON carries.
Wire: TypeAlias = Any

#: The fields that say which item of a list without ids an item is, by item class; each entry is a tuple of
#: alternatives, of which the first that the item has counts (a milestone of a cycle is that cycle's, whatever
#: its date; without ``for_year``, its date says which it is).
KEYS: Mapping[type[Any], tuple[tuple[str, ...], ...]] = types.MappingProxyType(
    {
        CoalitionMember: (("party",),),
        Mandate: (("holder",), ("role",)),
        Definition: (("term",), ("defined_by",)),
        BasisDocument: (("kind",), ("title",)),
        Milestone: (("kind",), ("party",), ("for_year", "date")),
        Realisation: (("commitment",), ("target",), ("indicator",), ("year",), ("area",), ("party",)),
        Assessment: (("target",), ("commitment",), ("by",), ("date",)),
    }
)

Kind = Literal["record", "items", "values", "mapping", "scalar"]


@attrs.frozen(kw_only=True, eq=False)
class Shape:
    """What a wire value is, per the model.

    Attributes:
        kind: ``record`` (a model object: a mapping of known keys), ``items`` (a list of records), ``values``
            (a list of texts or numbers, whose order carries no meaning), ``mapping`` (ids to numbers, such as a
            breakdown) or ``scalar``.
        cls: The model class of a record, or of each item of a list of records.
        fields: Of a record: the shape of each key, in the model's order.
        defaults: Of a record: the wire value of each key that may be left out.
        attributes: Of a record: the model attribute of each key (``from`` is ``from_year``).
        types: Of a record: the model type of each key.
        key_attributes: Of a record of a class in `KEYS`: its key's alternatives as (key, attribute) pairs, of the
            keys this model has.
        item: Of a list of records: the shape of its items.
    """

    kind: Kind
    cls: type[Any] | None = None
    fields: Mapping[str, Shape] = attrs.field(factory=dict)
    defaults: Mapping[str, Wire] = attrs.field(factory=dict)
    attributes: Mapping[str, str] = attrs.field(factory=dict)
    types: Mapping[str, Any] = attrs.field(factory=dict)
    key_attributes: tuple[tuple[tuple[str, str], ...], ...] = ()
    item: Shape | None = None

    def key(self, item: Mapping[str, Wire]) -> Hashable:
        """The key that matches *item*, the wire form of a record of this shape, with another version's.

        Items with an ``id`` match by it (the key is the id itself: a list of a million commitments needs no
        more); items of a class in `KEYS` by those fields, as ``(name, value)`` pairs; any other by its content.
        """
        if "id" in self.fields:
            identifier: Hashable = item.get("id")
            return identifier
        if self.cls not in KEYS:
            return _content(item)
        key: list[tuple[str, Any]] = []
        for names in self.key_attributes:
            for name, _attribute in names:
                value = item.get(name)
                if value is not None:
                    key.append((name, value))
                    break
        return tuple(key)

    def model_key(self, item: Any) -> Hashable:
        """The key of *item*, a model object of this shape: as `key`, with the model's values."""
        if "id" in self.fields:
            identifier: Hashable = item.id
            return identifier
        if self.cls not in KEYS:
            return _content(unstructure_as(item, self.cls))
        key: list[tuple[str, Any]] = []
        for names in self.key_attributes:
            for name, attribute in names:
                value = getattr(item, attribute)
                if value is not None:
                    key.append((name, value))
                    break
        return tuple(key)

    def key_text(self, key: Hashable) -> str:
        """How a change names the item of *key*: its id, else its key fields as ``name: value`` pairs."""
        if "id" in self.fields:
            return str(key)
        pairs = typing.cast("tuple[tuple[str, Any], ...]", key)
        return ", ".join(f"{name}: {_text(value)}" if name else _text(value) for name, value in pairs)


def _content(item: Wire) -> Hashable:
    """The key of an item matched by its whole content: its JSON text, keys sorted."""
    return (("", orjson.dumps(item, option=orjson.OPT_SORT_KEYS).decode()),)


def _text(value: Any) -> str:
    """A key's value as the file writes it: an enum as its word (a date's text is ``YYYY-MM-DD`` already)."""
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


@functools.cache
def _converter() -> cattrs.Converter:
    return make_converter()


def unstructure(agreement: Agreement) -> dict[str, Wire]:
    """The wire form of *agreement*: the plain data of file format v1, as `dumps` writes it."""
    data: dict[str, Wire] = _converter().unstructure(agreement, Agreement)
    return data


def unstructure_as(value: Any, type_: Any) -> Wire:
    """The wire form of one model value of *type_* (a record, a list, an enum, ...)."""
    return _plain(_converter().unstructure(value, type_))


def _plain(value: Wire) -> Wire:
    """A default as the wire form carries it: tuples as lists, mappings as dicts."""
    if isinstance(value, tuple | list):
        return [_plain(element) for element in value]
    if isinstance(value, Mapping):
        return {str(name): _plain(element) for name, element in value.items()}
    return value


def _default(field: attrs.Attribute[Any]) -> tuple[bool, Wire]:
    """Whether *field* may be left out of the wire form, and the wire value it then holds."""
    default: Any = field.default
    if default is attrs.NOTHING:
        return False, None
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # attrs types Factory as a function
        default = default.factory()
    return True, _plain(_converter().unstructure(default))


def _without_none(type_: Any) -> Any:
    """The type of an optional field without its ``None``; a union of several kinds of value is a scalar."""
    if typing.get_origin(type_) in (typing.Union, types.UnionType):
        rest = [arg for arg in typing.get_args(type_) if arg is not type(None)]
        return rest[0] if len(rest) == 1 else None
    return type_


def _shape_of_type(type_: Any) -> Shape:
    inner = _without_none(type_)
    if isinstance(inner, type) and attrs.has(inner):
        return shape_of(inner)
    origin = typing.get_origin(inner)
    if origin is tuple:
        (element, *_rest) = typing.get_args(inner)
        if isinstance(element, type) and attrs.has(element):
            return Shape(kind="items", cls=element, item=shape_of(element))
        return _VALUES
    if origin is not None and isinstance(origin, type) and issubclass(origin, Mapping):
        return _MAPPING
    return _SCALAR


_VALUES = Shape(kind="values")
_MAPPING = Shape(kind="mapping")
_SCALAR = Shape(kind="scalar")


@functools.cache
def shape_of(cls: type[Any]) -> Shape:
    """The shape of the wire form of model class *cls*, derived from its attrs fields."""
    fields: dict[str, Shape] = {}
    defaults: dict[str, Wire] = {}
    attributes: dict[str, str] = {}
    types_: dict[str, Any] = {}
    for field in attrs.fields(attrs.resolve_types(cls)):
        name = wire_name(field)
        fields[name] = _shape_of_type(field.type)
        attributes[name] = field.name
        types_[name] = field.type
        optional, default = _default(field)
        if optional:
            defaults[name] = default
    key_attributes = tuple(
        tuple((name, attributes[name]) for name in names if name in attributes) for names in KEYS.get(cls, ())
    )
    return Shape(
        kind="record",
        cls=cls,
        fields=fields,
        defaults=defaults,
        attributes=attributes,
        types=types_,
        key_attributes=key_attributes,
    )


def item_kind(cls: type[Any]) -> str:
    """The kind of item a model class is, as a change names it: its class name in snake case (``coalition_member``)."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()


def agreement_shape() -> Shape:
    """The shape of an agreement's wire form (derived on first use: deriving it builds a converter)."""
    return shape_of(Agreement)
