"""The workbook layout of file format v1, derived from the model: which sheet, column and row holds each value.

`prestatieafspraken.tabular.workbook` describes the layout for the people who read and edit the workbooks; this
module derives it from the attrs classes of `prestatieafspraken.model`, so that a new field of the format gets its
column without a second list to keep: the keys of the sheet Agreement (`Layout.keys`), the records among them, and
per list its sheet with a column per key of its items (`ListSheet`). Writing
(`prestatieafspraken.tabular.workbook`) and reading (`prestatieafspraken.tabular.reader`) both follow it.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Iterable, Mapping
from typing import Any, get_args, get_origin

import attrs
import pendulum

from prestatieafspraken.errors import PrestatieafsprakenError
from prestatieafspraken.model import Agreement
from prestatieafspraken.model.fields import wire_name
from prestatieafspraken.tabular.cells import Kind

__all__ = [
    "AGREEMENT_SHEET",
    "KEYS",
    "KEY_HEADINGS",
    "LAYOUT",
    "SHEETS",
    "SHEETS_BY_NAME",
    "Column",
    "Layout",
    "LayoutError",
    "ListSheet",
    "empty",
    "get",
    "unwrap",
]

#: The sheet of the agreement's own keys.
AGREEMENT_SHEET = "Agreement"

#: The sheet of each list, by the list's keys from the top of the format.
SHEETS: Mapping[tuple[str, ...], str] = types.MappingProxyType(
    {
        ("basis",): "Basis",
        ("areas",): "Areas",
        ("parties",): "Parties",
        ("coalition",): "Coalition",
        ("groups",): "Groups",
        ("mandates",): "Mandates",
        ("themes",): "Themes",
        ("goals",): "Goals",
        ("definitions",): "Definitions",
        ("indicators",): "Indicators",
        ("frameworks",): "Frameworks",
        ("targets",): "Targets",
        ("commitments",): "Commitments",
        ("process", "milestones"): "Milestones",
        ("process", "products"): "Products",
        ("monitoring", "assessments"): "Assessments",
        ("realisations",): "Realisations",
        ("amendments",): "Amendments",
        ("bids",): "Bids",
        ("bids", "offers"): "Offers",
    }
)

#: The column of a sheet of a list inside list items that names the item each row belongs to, by its id.
_PARENT_HEADERS: Mapping[tuple[str, ...], str] = types.MappingProxyType({("bids", "offers"): "bid"})

#: The headings of the two columns of the Agreement sheet.
KEY_HEADINGS = ("key", "value")


class LayoutError(PrestatieafsprakenError, TypeError):
    """The model has a field that the workbook layout cannot hold: a gap in this library, not in the input."""


def unwrap(type_: Any) -> Any:
    """The type inside ``X | None``; other types as they are."""
    if get_origin(type_) in (typing.Union, types.UnionType):
        args = [arg for arg in get_args(type_) if arg is not type(None)]
        if set(args) == {int, float}:
            return int | float
        if len(args) == 1:
            return args[0]
    return type_


def _element(type_: Any) -> Any | None:
    """The item type of ``tuple[X, ...]``, else ``None``."""
    args = get_args(type_)
    if get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis:  # noqa: PLR2004
        return args[0]
    return None


def _scalar_kind(type_: Any) -> Kind:  # noqa: PLR0911 - one return per kind
    if type_ is str:
        return "text"
    if type_ is bool:
        return "bool"
    if type_ is int:
        return "int"
    if set(get_args(type_)) == {int, float}:
        return "number"
    if type_ is pendulum.Date:
        return "date"
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return "enum"
    if _element(type_) is str:
        return "texts"
    if get_origin(type_) in (Mapping, dict):
        return "mapping"
    raise LayoutError(f"no cell encoding for {type_!r}")  # pragma: no cover - a new kind of field in the model


@attrs.frozen
class Column:
    """One value of an item (or one key of the Agreement sheet)."""

    header: str
    """The format's keys from the item (or from the top), joined by dots: ``baseline.year``."""
    attributes: tuple[str, ...]
    kind: Kind


@attrs.frozen
class ListSheet:
    """The sheet of one list."""

    name: str
    wire: tuple[str, ...]
    attributes: tuple[str, ...]
    columns: tuple[Column, ...]
    records: tuple[tuple[str, tuple[str, ...]], ...]
    """The records inside an item: (key prefix, attribute path)."""
    parent: tuple[ListSheet, str] | None = None
    """For a list inside the items of another list: that list's sheet and the header of the column naming the item."""

    @property
    def headers(self) -> tuple[str, ...]:
        """The headings of the sheet's columns, the parent column first."""
        return (*(() if self.parent is None else (self.parent[1],)), *(spec.header for spec in self.columns))


def _fields(cls: type[Any]) -> Iterable[tuple[str, str, Any]]:
    for field in attrs.fields(attrs.resolve_types(cls)):
        yield wire_name(field), field.name, unwrap(field.type)


def _item_columns(
    cls: type[Any],
    prefix: tuple[str, ...],
    attributes: tuple[str, ...],
    records: list[tuple[str, tuple[str, ...]]],
    lists: list[tuple[str, str, Any]] | None = None,
) -> list[Column]:
    """The columns of an item; a list of records inside it goes to *lists* (wire name, attribute, item type)."""
    columns: list[Column] = []
    for wire, name, type_ in _fields(cls):
        if attrs.has(type_):
            records.append((".".join((*prefix, wire)), (*attributes, name)))
            columns += _item_columns(type_, (*prefix, wire), (*attributes, name), records)
        elif attrs.has(_element(type_) or str):
            if lists is None or prefix:  # pragma: no cover - no deeper list of records in format v1
                raise LayoutError(f"a list of records inside a list item ({cls.__name__}.{name}) has no sheet layout")
            lists.append((wire, name, _element(type_)))
        else:
            columns.append(Column(".".join((*prefix, wire)), (*attributes, name), _scalar_kind(type_)))
    return columns


@attrs.frozen
class Layout:
    """The whole layout: the keys of the Agreement sheet and the sheets of the lists, in the order written."""

    keys: tuple[Column, ...]
    records: tuple[str, ...]
    """The records whose keys are rows of the Agreement sheet: ``perspective``, ``assignment``, ..."""
    sheets: tuple[ListSheet, ...]


def _layout() -> Layout:
    keys: list[Column] = []
    records: list[str] = []
    sheets: list[ListSheet] = []

    def walk(cls: type[Any], prefix: tuple[str, ...], attributes: tuple[str, ...]) -> None:
        for wire, name, type_ in _fields(cls):
            path, names = (*prefix, wire), (*attributes, name)
            element = _element(type_)
            if attrs.has(type_):
                records.append(".".join(path))
                walk(type_, path, names)
            elif element is not None and attrs.has(element):
                if path not in SHEETS:  # pragma: no cover - a new list in the format needs a sheet name
                    raise LayoutError(f"no sheet name for the list {'.'.join(path)}")
                found: list[tuple[str, tuple[str, ...]]] = []
                lists: list[tuple[str, str, Any]] = []
                columns = _item_columns(element, (), (), found, lists)
                parent = ListSheet(SHEETS[path], path, names, tuple(columns), tuple(found))
                sheets.append(parent)
                for inner_wire, inner_name, inner in lists:
                    inner_path = (*path, inner_wire)
                    inner_found: list[tuple[str, tuple[str, ...]]] = []
                    inner_columns = _item_columns(inner, (), (), inner_found)
                    sheets.append(
                        ListSheet(
                            SHEETS[inner_path],
                            inner_path,
                            (inner_name,),
                            tuple(inner_columns),
                            tuple(inner_found),
                            parent=(parent, _PARENT_HEADERS[inner_path]),
                        )
                    )
            else:
                keys.append(Column(".".join(path), names, _scalar_kind(type_)))

    walk(Agreement, (), ())
    return Layout(tuple(keys), tuple(records), tuple(sheets))


#: The layout of file format v1.
LAYOUT = _layout()
#: The keys of the Agreement sheet, by their header.
KEYS: Mapping[str, Column] = types.MappingProxyType({key.header: key for key in LAYOUT.keys})
#: The sheets of the lists, by name.
SHEETS_BY_NAME: Mapping[str, ListSheet] = types.MappingProxyType({sheet.name: sheet for sheet in LAYOUT.sheets})


def get(item: object, attributes: tuple[str, ...]) -> tuple[bool, Any]:
    """The value at *attributes*, and whether every record on the way is there."""
    value: Any = item
    for name in attributes:
        if value is None:
            return False, None
        value = getattr(value, name)
    return True, value


def empty(kind: Kind, value: object) -> bool:
    """Whether *value* leaves its cell empty: ``None``, or an empty list or mapping."""
    return value is None or (kind in ("texts", "mapping") and not value)
