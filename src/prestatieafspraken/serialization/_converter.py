"""The cattrs converter between model objects and the plain data of file format v1, and the hooks of the classes.

`make_converter` builds it; its docstring lists the wire decisions. Each converter owns its `Interning`, the
tables through which it shares repeated values.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable
from typing import Any, get_args

import attrs
import cattrs
import pendulum
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.preconf.orjson import make_converter as make_orjson_converter

from prestatieafspraken.errors import InvariantError
from prestatieafspraken.model import Agreement, Commitment
from prestatieafspraken.model.fields import wire_name
from prestatieafspraken.serialization._interning import Interning, SharedHooks, date_hook, number_hooks, shared_hooks
from prestatieafspraken.serialization._wire import (
    WireError,
    is_homogeneous_tuple,
    is_number_union,
    is_optional,
    is_optional_number_union,
    is_str_mapping,
    structure_bool,
    structure_enum,
    structure_executors,
    structure_optional_str,
    structure_str,
    structure_tuple_factory,
)

__all__ = ["build_converter", "make_converter"]

Hook = Callable[[Any, Any], Any]


def make_converter(*, detailed_validation: bool = False) -> cattrs.Converter:
    """Return the converter between model objects and plain data of file format v1.

    Wire decisions:

    - Keys are the format's keys; three fields are renamed because their keys are Python keywords or read
      better in Python: ``Target.from_year`` is ``from``, ``Commitment.beneficiaries`` is ``for``,
      ``StockFlows.inflows``/``outflows`` are ``in``/``out``.
    - Unknown keys are an error (``forbid_extra_keys``): a typo must not silently lose data.
    - Types are strict: a text is never coerced to a number or back, ``true`` is not 1, a list is not a text.
    - Numbers: whole numbers stay ``int`` and others ``float``, so that what loads dumps back the same;
      NaN and infinity are refused, and so are whole numbers beyond 64 bits.
    - Dates are ``pendulum.Date``, written as ``YYYY-MM-DD``; each distinct string is parsed once.
    - Enums are written as their values, the format's strings.
    - Lists become tuples; a commitment's ``by`` takes one party id or a list, and one party is written back
      as a single id.
    - ``breakdown`` is a mapping of ids to numbers.
    - On writing, a field equal to its default (``None``, an empty list, the default enum member) is left
      out, so a written file holds what was said and nothing more.
    - With ``detailed_validation`` every problem is collected with its place (slower; used to explain a
      failed load), without it the first problem stops structuring (the fast path).

    Each converter has its own tables of repeated whole numbers and dates, so converters share nothing.
    """
    return build_converter(Interning(), detailed=detailed_validation, shared=False)


def build_converter(interning: Interning, *, detailed: bool, shared: bool) -> cattrs.Converter:
    """Build a converter whose hooks share values through *interning*.

    With *shared*, the fields that refer to ids share each distinct id and list of ids too (the fast path of a
    load); only a reader that empties *interning* after each document (`Interning.one_load`) may use that.
    """
    converter = make_orjson_converter(detailed_validation=detailed, forbid_extra_keys=True, omit_if_default=True)
    numbers = number_hooks(interning)
    converter.register_structure_hook_factory(is_optional, _structure_optional_factory(converter))
    converter.register_structure_hook(str, structure_str)
    converter.register_structure_hook(int, numbers.structure_int)
    converter.register_structure_hook(bool, structure_bool)
    converter.register_structure_hook(pendulum.Date, date_hook(interning))
    converter.register_unstructure_hook(pendulum.Date, pendulum.Date.isoformat)
    converter.register_structure_hook_func(is_number_union, numbers.structure_number)
    converter.register_structure_hook_func(is_optional_number_union, numbers.structure_optional_number)
    converter.register_structure_hook_func(is_str_mapping, numbers.structure_number_mapping)
    converter.register_unstructure_hook_func(is_str_mapping, dict)
    converter.register_structure_hook_factory(_is_enum, structure_enum)
    converter.register_unstructure_hook_func(_is_enum, lambda member: member.value)
    converter.register_structure_hook_factory(
        is_homogeneous_tuple, structure_tuple_factory(converter.get_structure_hook, detailed=detailed)
    )
    converter.register_unstructure_hook_factory(
        is_homogeneous_tuple, lambda type_: _list_unstructurer(converter, get_args(type_)[0])
    )
    sharing = shared_hooks(interning, structure_executors) if shared else None
    converter.register_structure_hook_factory(
        attrs.has, functools.partial(_structure_class, converter, detailed=detailed, sharing=sharing)
    )
    converter.register_unstructure_hook_factory(attrs.has, functools.partial(_unstructure_class, converter))
    return converter


def _is_enum(type_: Any) -> bool:
    return isinstance(type_, type) and issubclass(type_, enum.Enum)


def _structure_optional_factory(converter: cattrs.Converter) -> Callable[[Any], Any]:
    # cattrs' own hook for `X | None` looks the hook of X up on every value; this one looks it up once.
    def factory(type_: Any) -> Hook:
        inner = next(arg for arg in get_args(type_) if arg is not type(None))
        if inner is str:
            return structure_optional_str
        structure_inner = converter.get_structure_hook(inner)

        def structure(value: Any, _: Any) -> Any:
            if value is None:
                return None
            return structure_inner(value, inner)

        return structure

    return factory


def _list_unstructurer(converter: cattrs.Converter, element_type: Any) -> Callable[[tuple[Any, ...]], list[Any]]:
    if element_type in (str, int, float):
        return list
    unstructure_element = converter.get_unstructure_hook(element_type)
    return lambda items: [unstructure_element(item) for item in items]


def _renames(cls: type[Any]) -> dict[str, Any]:
    return {
        field.name: override(rename=wire_name(field)) for field in attrs.fields(cls) if wire_name(field) != field.name
    }


def _validated(
    structure_field: Hook, field: attrs.Attribute[Any], validator: Callable[[Any, attrs.Attribute[Any], Any], Any]
) -> Hook:
    """Run a field's validator as soon as the field is structured, so its problem is reported with the others."""

    def structure(value: Any, type_: Any) -> Any:
        result = structure_field(value, type_)
        try:
            validator(None, field, result)
        except InvariantError as error:
            if error.message_kind is None:
                raise WireError(str(error)) from None
            raise WireError.of(error.message_kind, **error.message_params) from None
        return result

    return structure


def _field_hooks(
    converter: cattrs.Converter, cls: type[Any], *, detailed: bool, sharing: SharedHooks | None
) -> dict[str, Hook]:
    """The structure hooks of the fields of *cls* that differ from the converter's hooks of their types."""
    hooks: dict[str, Hook] = {}
    if sharing is not None:
        for field in attrs.fields(attrs.resolve_types(cls)):
            if (shared_hook := sharing.for_field(cls, field)) is not None:
                hooks[field.name] = shared_hook
    if cls is Commitment:
        hooks["by"] = sharing.structure_executors if sharing is not None else structure_executors
    if detailed:
        # attrs runs validators only once every field has been structured, so a bad id next to another problem
        # would go unreported; the detailed converter checks each validated field on its own.
        for field in attrs.fields(attrs.resolve_types(cls)):
            if field.validator is not None:
                structure_field = hooks.get(field.name) or converter.get_structure_hook(field.type)
                hooks[field.name] = _validated(structure_field, field, field.validator)
    return hooks


def _structure_class(
    converter: cattrs.Converter, cls: type[Any], *, detailed: bool, sharing: SharedHooks | None
) -> Hook:
    overrides = _renames(cls)
    hooks = _field_hooks(converter, cls, detailed=detailed, sharing=sharing)
    for name, struct_hook in hooks.items():
        renamed = overrides[name].rename if name in overrides else None
        overrides[name] = override(rename=renamed, struct_hook=struct_hook)
    hook = make_dict_structure_fn(cls, converter, **overrides)

    def structure(value: Any, type_: Any) -> Any:
        if type(value) is not dict:
            raise WireError.of("expected_mapping", got=value)
        return hook(value, type_)

    return structure


def _unstructure_class(converter: cattrs.Converter, cls: type[Any]) -> Callable[[Any], Any]:
    overrides = _renames(cls)
    if cls is Commitment:
        overrides["by"] = override(unstruct_hook=_unstructure_executors, omit_if_default=False)
    if cls is Agreement:
        # The version is always written: it says how to read the file.
        overrides["schema_version"] = override(omit_if_default=False)
    return make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True, **overrides)


def _unstructure_executors(value: tuple[str, ...]) -> str | list[str]:
    return value[0] if len(value) == 1 else list(value)
