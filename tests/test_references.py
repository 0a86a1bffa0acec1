"""Tests of the id references the model declares once (`prestatieafspraken.model.references`)."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator, Mapping
from typing import Any, get_args, get_origin

import attrs
import pytest

from prestatieafspraken import examples, loads
from prestatieafspraken.graph import EDGE_KINDS, NODE_KINDS
from prestatieafspraken.graph._build import EDGE_FIELDS, declared_reference
from prestatieafspraken.model import (
    Agreement,
    Amendment,
    Assessment,
    Assignment,
    Bid,
    CoalitionMember,
    Commitment,
    Definition,
    Framework,
    Group,
    IdKind,
    Indicator,
    Mandate,
    Milestone,
    Offer,
    Party,
    Realisation,
    Reference,
    StockFlows,
    Target,
    Theme,
    references,
)
from prestatieafspraken.serialization import dumps

#: The fields the loader shared as ids before the references were declared (serialization's `_REFERENCE_FIELDS`):
#: every text field of these names, in any class.
SHARED_BY_NAME = frozenset(
    {
        "area",
        "by",
        "defined_by",
        "denominator",
        "holder",
        "indicator",
        "lead",
        "numerator",
        "party",
        "set_by",
        "target",
        "term",
        "theme",
    }
)

#: The references PA001 listed by hand before they were declared: (class, field, wire key, kind, many).
PA001_FIELDS = [
    (Assignment, "in_scope", "in_scope", IdKind.THEME, True),
    (Party, "areas", "areas", IdKind.AREA, True),
    (Party, "represents", "represents", IdKind.PARTY, True),
    (CoalitionMember, "party", "party", IdKind.PARTY, False),
    (Group, "members", "members", IdKind.PARTY, True),
    (Mandate, "holder", "holder", IdKind.PARTY, False),
    (Mandate, "granted_by", "granted_by", IdKind.PARTY, True),
    (Mandate, "themes", "themes", IdKind.THEME, True),
    (Theme, "lead", "lead", IdKind.PARTY, False),
    (Definition, "defined_by", "defined_by", IdKind.PARTY, False),
    (StockFlows, "inflows", "in", IdKind.INDICATOR, True),
    (StockFlows, "outflows", "out", IdKind.INDICATOR, True),
    (Framework, "set_by", "set_by", IdKind.PARTY, False),
    (Framework, "numerator", "numerator", IdKind.INDICATOR, False),
    (Framework, "denominator", "denominator", IdKind.INDICATOR, False),
    (Target, "indicator", "indicator", IdKind.INDICATOR, False),
    (Target, "theme", "theme", IdKind.THEME, False),
    (Target, "goals", "goals", IdKind.GOAL, True),
    (Target, "area", "area", IdKind.AREA, False),
    (Target, "breakdown", "breakdown", IdKind.AREA_OR_PARTY, True),
    (Commitment, "by", "by", IdKind.PARTY, True),
    (Commitment, "beneficiaries", "for", IdKind.PARTY, True),
    (Commitment, "theme", "theme", IdKind.THEME, False),
    (Commitment, "goals", "goals", IdKind.GOAL, True),
    (Commitment, "indicator", "indicator", IdKind.INDICATOR, False),
    (Commitment, "target", "target", IdKind.TARGET, False),
    (Commitment, "area", "area", IdKind.AREA, False),
    (Commitment, "conditional_on", "conditional_on", IdKind.COMMITMENT, True),
    (Commitment, "visible_to", "visible_to", IdKind.PARTY, True),
    (Milestone, "party", "party", IdKind.PARTY, False),
    (Realisation, "area", "area", IdKind.AREA, False),
    (Realisation, "party", "party", IdKind.PARTY, False),
    (Realisation, "visible_to", "visible_to", IdKind.PARTY, True),
    (Amendment, "agreed_by", "agreed_by", IdKind.PARTY, True),
    (Assessment, "target", "target", IdKind.TARGET, False),
    (Assessment, "commitment", "commitment", IdKind.COMMITMENT, False),
    (Assessment, "by", "by", IdKind.PARTY, False),
    (Bid, "party", "party", IdKind.PARTY, False),
    (Bid, "sent_to", "sent_to", IdKind.PARTY, True),
    (Offer, "indicator", "indicator", IdKind.INDICATOR, False),
    (Offer, "area", "area", IdKind.AREA, False),
    (Offer, "theme", "theme", IdKind.THEME, False),
]


def model_classes() -> list[type[Any]]:
    """Every model class an agreement holds, directly or nested, once each, starting with `Agreement`."""
    found: list[type[Any]] = []
    pending: list[type[Any]] = [Agreement]
    while pending:
        cls = pending.pop(0)
        if cls in found:
            continue
        found.append(cls)
        for field in attrs.fields(attrs.resolve_types(cls)):
            pending.extend(arg for arg in (field.type, *get_args(field.type)) if attrs.has(arg))
    return found


def is_text(type_: Any) -> bool:
    """A text or an optional text."""
    optional = get_origin(type_) in (typing.Union, types.UnionType) and set(get_args(type_)) == {str, type(None)}
    return type_ is str or optional


def declared(cls: type[Any]) -> dict[str, Reference]:
    """The declared references of one class by field name."""
    return {reference.field: reference for reference in references(cls)}


class TestDeclarations:
    """Which fields refer to which ids, declared on the fields and listed by `references`."""

    def test_covers_the_loaders_old_list(self) -> None:
        """Every text field the loader shared by its name is a declared reference (but a definition's own term)."""
        missing = {
            (cls, field.name)
            for cls in model_classes()
            for field in attrs.fields(cls)
            if field.name in SHARED_BY_NAME and is_text(field.type) and field.name not in declared(cls)
        }
        assert missing == {(Definition, "term")}  # a definition's term is its own key, not a reference

    @pytest.mark.parametrize(("cls", "field", "wire", "kind", "many"), PA001_FIELDS)
    def test_covers_pa001s_old_list(self, cls: type[Any], field: str, wire: str, kind: IdKind, many: bool) -> None:
        """Each reference PA001 listed by hand is declared with the same key, kind and arity."""
        assert declared(cls)[field] == Reference(field=field, wire=wire, kind=kind, many=many)

    def test_only_pa001s_fields_and_the_subjects(self) -> None:
        """The declarations are PA001's references plus what PA308 and PA116 check: nothing unexpected."""
        listed = {(cls, field) for cls, field, *_ in PA001_FIELDS}
        others = {
            (cls, reference.field)
            for cls in model_classes()
            for reference in references(cls)
            if (cls, reference.field) not in listed
        }
        assert others == {
            (Realisation, "commitment"),
            (Realisation, "target"),
            (Realisation, "indicator"),
            (Indicator, "term"),
        }

    def test_types_hold_ids(self) -> None:
        """A reference field holds a text, an optional text, a tuple of texts or a mapping with text keys."""
        for cls in model_classes():
            fields = {field.name: field.type for field in attrs.fields(cls)}
            for reference in references(cls):
                type_ = fields[reference.field]
                many = (get_origin(type_) is tuple and get_args(type_) == (str, ...)) or (
                    get_origin(type_) is Mapping and get_args(type_)[0] is str
                )
                assert is_text(type_) != many, (cls, reference.field)
                assert reference.many == many, (cls, reference.field)

    def test_not_a_model_class(self) -> None:
        """A class that is not a model class has no references."""
        assert references(dict) == ()

    def test_ids_and_their_places(self) -> None:
        """`Reference.ids` gives each id with its place below the item: a key, a list element or a mapping key."""
        commitment = Commitment(id="c", by=("a", "b"), beneficiaries=("h",), theme="t")
        target = Target(id="t1", indicator="i", value=1, by=2030, breakdown={"amsterdam": 1, "afwc": 2})
        places = [place for reference in references(Commitment) for place in reference.ids(commitment)]
        places += [place for reference in references(Target) for place in reference.ids(target)]
        assert places == [
            (".by[0]", "a"),
            (".by[1]", "b"),
            (".for[0]", "h"),
            (".theme", "t"),
            (".indicator", "i"),
            (".breakdown['amsterdam']", "amsterdam"),
            (".breakdown['afwc']", "afwc"),
        ]


class TestDerived:
    """The loader and the graph take their knowledge of references from the declarations."""

    def test_graph_edges_are_declared_references(self) -> None:
        """Every field the graph draws is a declared reference, and the edge goes to the node of its kind."""
        for edge in EDGE_FIELDS:
            assert declared_reference(edge).kind.value in NODE_KINDS
            assert edge.kind in EDGE_KINDS

    @pytest.mark.parametrize("name", examples.names())
    def test_loader_shares_every_declared_id(self, name: str) -> None:
        """After a JSON load, equal ids in declared references are one object (the fast path), but the copied ones."""
        agreement = loads(dumps(examples.load(name), format="json"), format="json")
        seen: dict[str, str] = {}
        different = []
        for item in _items(agreement):
            for reference in references(type(item)):
                if reference.kind is IdKind.AREA_OR_PARTY or (
                    reference.kind is IdKind.COMMITMENT and not reference.many
                ):
                    continue  # mapping keys and single commitment ids are copied, not shared
                for _, item_id in reference.ids(item):
                    first = seen.setdefault(item_id, item_id)
                    if first is not item_id:
                        different.append((type(item).__name__, reference.field, item_id))
        assert different == []


def _items(value: object) -> Iterator[object]:
    """Every model object in *value*, depth first."""
    cls = type(value)
    if attrs.has(cls):
        yield value
        for field in attrs.fields(cls):
            yield from _items(getattr(value, field.name))
    elif isinstance(value, tuple):
        for element in value:
            yield from _items(element)
