"""Reading and writing agreements in file format v1 (YAML and JSON) through one cattrs converter.

Loading has a fast path: the document is structured by a converter without detailed validation, with the
garbage collector paused. Only when that fails is the same document structured again by the detailed converter,
to explain every problem with its ``$.path`` in one `LoadError`.
"""

from __future__ import annotations

import contextlib
import difflib
import enum
import functools
import math
import os
import stat
import sys
import tempfile
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, Literal, TypeAlias, TypeVar, get_args, get_origin

import attrs
import cattrs
import orjson
import pendulum
import yaml
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.preconf.orjson import make_converter as make_orjson_converter

from prestatieafspraken import collector
from prestatieafspraken.errors import LoadError, Problem
from prestatieafspraken.model import SUPPORTED_SCHEMA_VERSIONS, Agreement, Commitment, InvariantError
from prestatieafspraken.model.fields import wire_name

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Format",
    "dump",
    "dumps",
    "load",
    "loads",
    "make_converter",
    "write_atomically",
]

Format: TypeAlias = Literal["yaml", "json"]

#: Files larger than this are refused before they are read (1 GiB): a national dataset of a million
#: commitments is about a third of it in JSON.
DEFAULT_MAX_BYTES = 1 << 30

#: A YAML document whose aliases make it expand to more values than this (and more than ten times its own
#: size) is refused: it is a "billion laughs" document, not an agreement.
_MAX_EXPANDED_NODES = 100_000
_MAX_EXPANSION_FACTOR = 10

# The largest integer every JSON reader and orjson can carry.
_MAX_INT = (1 << 63) - 1

_SUFFIXES: Mapping[str, Format] = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}


class _WireError(ValueError):
    """A value of the wrong form in a document; the message says what was expected and what arrived."""


_SHOWN_TEXT = 40
#: Whole numbers longer than this are described by their length: Python refuses to write out one of more than
#: 4,300 digits (`sys.get_int_max_str_digits`), and YAML can carry one in hexadecimal or binary.
_SHOWN_BITS = 1000


def _whole_number(value: int) -> str:
    """Write a whole number out, or say how long it is when it is too long to show."""
    if value.bit_length() <= _SHOWN_BITS:
        return str(value)
    return f"a number of about {math.floor(value.bit_length() * math.log10(2)) + 1:,} digits"


def _describe(value: object) -> str:  # noqa: PLR0911 - one return per kind of value
    """Name a wrong value briefly, without quoting a long text in full."""
    if isinstance(value, str):
        shown = value if len(value) <= _SHOWN_TEXT else value[: _SHOWN_TEXT - 3] + "..."
        return f"the text {shown!r}"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int) and value.bit_length() > _SHOWN_BITS:
        return _whole_number(value)
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing (null)"
    return f"a value of type {type(value).__name__}"


# --- nothing of the parsed document stays ------------------------------------------------------------------
#
# Python's small-object allocator hands an arena of memory back to the system only when nothing in it is alive.
# The parsed document (orjson's dicts, lists, texts and numbers) is about 5x the JSON size and is garbage once the
# model is built, but if the model kept the parser's own text and number objects, one of them in every arena would
# keep the whole document's memory: at 1e5 commitments the process held about 6x the JSON size after a load, for a
# model of 1.4x. So the hooks give the model fresh copies of the texts and numbers it keeps (and the fast path
# shares each distinct id, list of ids and whole number, see `_SHARED_TEXTS`): the document's arenas are freed
# when the load returns. The copies cost a few percent of a load.


def _fresh(text: str) -> str:
    """A copy of *text* in a new object (`str(text)` and `text[:]` return the same object)."""
    return text.join(("", ""))


_N = TypeVar("_N", int, float)


def _fresh_number(value: _N) -> _N:
    """A copy of a number in a new object (whole numbers below 257 are shared by Python anyway)."""
    # `x * 1` keeps the type, the value and the sign of -0.0 exactly; `int(x)` and `float(x)` return `x` itself.
    return value * 1


# --- structure hooks: strict, so that a wrong type is an error and never silently coerced ----------------


def _structure_str(value: Any, _: Any) -> str:
    if type(value) is str:
        return _fresh(value)
    raise _WireError(f"expected a text, got {_describe(value)}")


def _structure_optional_str(value: Any, _: Any) -> str | None:
    if type(value) is str:
        return _fresh(value)
    if value is None:
        return None
    raise _WireError(f"expected a text, got {_describe(value)}")


def _structure_int(value: Any, _: Any) -> int:
    if type(value) is int and -_MAX_INT <= value <= _MAX_INT:
        return _shared_int(value)
    if type(value) is int:
        raise _WireError(f"expected a whole number of at most 19 digits, got {_whole_number(value)}")
    raise _WireError(f"expected a whole number, got {_describe(value)}")


def _structure_number(value: Any, _: Any) -> int | float:
    kind = type(value)
    if kind is int and -_MAX_INT <= value <= _MAX_INT:
        return _shared_int(value)
    if kind is float and math.isfinite(value):
        return _fresh_number(float(value))
    raise _WireError(f"expected a finite number, got {_describe(value)}")


def _structure_optional_number(value: Any, _: Any) -> int | float | None:
    if value is None:
        return None
    return _structure_number(value, None)


def _structure_bool(value: Any, _: Any) -> bool:
    if type(value) is bool:
        return value
    raise _WireError(f"expected true or false, got {_describe(value)}")


#: Dates repeat a lot in a large agreement: each distinct string is parsed once (the table is emptied when full).
_DATES: dict[str, pendulum.Date] = {}
_MAX_DATES = 1 << 16


def _parse_date(text: str) -> pendulum.Date:
    if len(text) != 10 or text[4] != "-" or text[7] != "-":  # noqa: PLR2004 - the length of YYYY-MM-DD
        raise _WireError(f"expected a date as YYYY-MM-DD, got {_describe(text)}")
    try:
        return pendulum.Date.fromisoformat(text)
    except ValueError:
        raise _WireError(f"expected a date as YYYY-MM-DD, got {_describe(text)} (no such day)") from None


def _structure_date(value: Any, _: Any) -> pendulum.Date:
    if type(value) is str:
        day = _DATES.get(value)
        if day is None:
            day = _parse_date(value)
            if len(_DATES) >= _MAX_DATES:
                _DATES.clear()
            _DATES[_fresh(value)] = day
        return day
    if type(value) is pendulum.Date:
        return value
    raise _WireError(f"expected a date as YYYY-MM-DD, got {_describe(value)}")


def _structure_enum(enum_type: type[Any]) -> Callable[[Any, Any], Any]:
    members = {member.value: member for member in enum_type}
    expected = ", ".join(map(str, members))

    def structure(value: Any, _: Any) -> Any:
        if type(value) is str:
            member = members.get(value)
            if member is not None:
                return member
        raise _WireError(f"expected one of {expected}; got {_describe(value)}")

    return structure


def _is_homogeneous_tuple(type_: Any) -> bool:
    args = get_args(type_)
    return get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis  # noqa: PLR2004


def _is_number_union(type_: Any) -> bool:
    return get_origin(type_) in (typing.Union, types.UnionType) and set(get_args(type_)) == {int, float}


def _is_optional_number_union(type_: Any) -> bool:
    # `Number | None` is checked as strictly as `Number`; left to the orjson preset's union passthrough it
    # would accept NaN, infinity, booleans and integers beyond 64 bits.
    return get_origin(type_) in (typing.Union, types.UnionType) and set(get_args(type_)) == {int, float, type(None)}


def _is_optional(type_: Any) -> bool:
    args = get_args(type_)
    return (
        get_origin(type_) in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args  # noqa: PLR2004
    )


def _structure_optional_factory(converter: cattrs.Converter) -> Callable[[Any], Any]:
    # cattrs' own hook for `X | None` looks the hook of X up on every value; this one looks it up once.
    def factory(type_: Any) -> Callable[[Any, Any], Any]:
        inner = next(arg for arg in get_args(type_) if arg is not type(None))
        if inner is str:
            return _structure_optional_str
        structure_inner = converter.get_structure_hook(inner)

        def structure(value: Any, _: Any) -> Any:
            if value is None:
                return None
            return structure_inner(value, inner)

        return structure

    return factory


def _is_str_mapping(type_: Any) -> bool:
    return get_origin(type_) in (Mapping, dict) and get_args(type_)[0] is str


def _element_errors(
    items: list[Any] | tuple[Any, ...], structure: Callable[[Any, Any], Any], element_type: Any, container: Any
) -> tuple[list[Any], list[Exception]]:
    results: list[Any] = []
    errors: list[Exception] = []
    for index, item in enumerate(items):
        try:
            results.append(structure(item, element_type))
        except Exception as error:  # noqa: BLE001 - every element's problem is collected and reported
            error.__notes__ = [
                *getattr(error, "__notes__", []),
                IterableValidationNote(f"Structuring {container} @ index {index}", index, element_type),
            ]
            errors.append(error)
    return results, errors


def _structure_texts(value: Any, _: Any) -> tuple[str, ...]:
    # The fast path's hook for a list of ids or texts: one pass of type checks, no call per element.
    if type(value) is not list and type(value) is not tuple:
        raise _WireError(f"expected a list, got {_describe(value)}")
    for item in value:
        if type(item) is not str:
            raise _WireError(f"expected a text, got {_describe(item)}")
    return tuple([_fresh(item) for item in value])


# --- sharing repeated ids on the fast path ------------------------------------------------------------------

#: While `structure` loads through the fast converter, every distinct id in a reference field, and every distinct
#: list of ids, is kept here once and each repetition refers to it; `structure` empties the tables when done. A
#: national agreement names a few thousand ids millions of times: one object per id instead of one per mention
#: halves the model's memory and keeps the ids in the processor's cache for the checks that follow. Two loads at
#: the same time share the tables too; the one that finishes first only makes the other share less.
_SHARED_TEXTS: dict[str, str] = {}
_SHARED_TUPLES: dict[tuple[str, ...], tuple[str, ...]] = {}
#: Whole numbers (years, counts) are shared the same way, by every converter; the table is emptied when full and
#: after each load.
_SHARED_INTS: dict[int, int] = {}
_MAX_SHARED_INTS = 1 << 16

#: The model's text fields that hold one id of another item. Free texts and an item's own id rarely repeat and are
#: not shared.
_REFERENCE_FIELDS = frozenset(
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


def _shared_int(value: int) -> int:
    shared = _SHARED_INTS.get(value)
    if shared is None:
        if len(_SHARED_INTS) >= _MAX_SHARED_INTS:
            _SHARED_INTS.clear()
        shared = _fresh_number(value)
        _SHARED_INTS[shared] = shared  # the copy is the key too: the table outlives the document
    return shared


def _shared_text(text: str) -> str:
    shared = _SHARED_TEXTS.get(text)
    if shared is None:
        shared = _SHARED_TEXTS[text] = _fresh(text)
    return shared


def _shared_tuple(items: tuple[str, ...]) -> tuple[str, ...]:
    shared = _SHARED_TUPLES.get(items)
    if shared is None:
        shared = tuple([_shared_text(item) for item in items])
        _SHARED_TUPLES[shared] = shared
    return shared


def _structure_shared_texts(value: Any, _: Any) -> tuple[str, ...]:
    if type(value) is not list and type(value) is not tuple:
        raise _WireError(f"expected a list, got {_describe(value)}")
    for item in value:
        if type(item) is not str:
            raise _WireError(f"expected a text, got {_describe(item)}")
    return _shared_tuple(tuple(value))


def _structure_shared_id(value: Any, _: Any) -> str:
    if type(value) is str:
        return _shared_text(value)
    raise _WireError(f"expected a text, got {_describe(value)}")


def _structure_shared_optional_id(value: Any, _: Any) -> str | None:
    if type(value) is str:
        return _shared_text(value)
    if value is None:
        return None
    raise _WireError(f"expected a text, got {_describe(value)}")


def _shared_hook(field: attrs.Attribute[Any]) -> Callable[[Any, Any], Any] | None:
    """The sharing hook of a field that refers to ids, or None for a field of another kind."""
    if field.type == tuple[str, ...]:
        return _structure_shared_texts
    if field.name not in _REFERENCE_FIELDS:
        return None
    if field.type is str:
        return _structure_shared_id
    if field.type == str | None:
        return _structure_shared_optional_id
    return None


@contextlib.contextmanager
def _sharing() -> Iterator[None]:
    try:
        yield
    finally:
        _SHARED_TEXTS.clear()
        _SHARED_TUPLES.clear()
        _SHARED_INTS.clear()


def _structure_tuple_factory(converter: cattrs.Converter, *, detailed: bool) -> Callable[[Any], Any]:
    def factory(type_: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        element_type = get_args(type_)[0]
        if element_type is str and not detailed:
            return _structure_texts
        structure_element = converter.get_structure_hook(element_type)

        def structure(value: Any, _: Any) -> tuple[Any, ...]:
            if type(value) is not list and type(value) is not tuple:
                raise _WireError(f"expected a list, got {_describe(value)}")
            if not detailed:
                return tuple([structure_element(item, element_type) for item in value])
            results, errors = _element_errors(value, structure_element, element_type, type_)
            if errors:
                raise IterableValidationError(f"While structuring {type_!r}", errors, type_)
            return tuple(results)

        return structure

    return factory


def _structure_number_mapping(value: Any, _: Any) -> dict[str, int | float]:
    if type(value) is not dict:
        raise _WireError(f"expected a mapping of ids to numbers, got {_describe(value)}")
    result: dict[str, int | float] = {}
    for key, number in value.items():
        if type(key) is not str:
            raise _WireError(f"expected ids as keys, got {_describe(key)}")
        try:
            result[_fresh(key)] = _structure_number(number, None)
        except _WireError as error:
            raise _WireError(f"{key}: {error}") from None
    return result


def _structure_executors(value: Any, _: Any) -> tuple[str, ...]:
    # `by:` takes one party id or a list of them.
    if type(value) is str:
        return (_fresh(value),)
    if type(value) is list and value and all(type(item) is str for item in value):
        return tuple([_fresh(item) for item in value])
    if type(value) is list and not value:
        raise _WireError("expected a party id or a list of party ids, got an empty list")
    raise _WireError(f"expected a party id or a list of party ids, got {_describe(value)}")


def _structure_shared_executors(value: Any, _: Any) -> tuple[str, ...]:
    if type(value) is str:
        return _shared_tuple((value,))
    return _shared_tuple(_structure_executors(value, None))


def _unstructure_executors(value: tuple[str, ...]) -> str | list[str]:
    return value[0] if len(value) == 1 else list(value)


# --- the converter ----------------------------------------------------------------------------------------


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
    """
    converter = make_orjson_converter(
        detailed_validation=detailed_validation,
        forbid_extra_keys=True,
        omit_if_default=True,
    )
    converter.register_structure_hook_factory(_is_optional, _structure_optional_factory(converter))
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(pendulum.Date, _structure_date)
    converter.register_unstructure_hook(pendulum.Date, pendulum.Date.isoformat)
    converter.register_structure_hook_func(_is_number_union, _structure_number)
    converter.register_structure_hook_func(_is_optional_number_union, _structure_optional_number)
    converter.register_structure_hook_func(_is_str_mapping, _structure_number_mapping)
    converter.register_unstructure_hook_func(_is_str_mapping, dict)
    converter.register_structure_hook_factory(
        lambda type_: isinstance(type_, type) and issubclass(type_, enum.Enum),
        _structure_enum,
    )
    converter.register_unstructure_hook_func(
        lambda type_: isinstance(type_, type) and issubclass(type_, enum.Enum),
        lambda member: member.value,
    )
    converter.register_structure_hook_factory(
        _is_homogeneous_tuple, _structure_tuple_factory(converter, detailed=detailed_validation)
    )
    converter.register_unstructure_hook_factory(
        _is_homogeneous_tuple,
        lambda type_: _list_unstructurer(converter, get_args(type_)[0]),
    )
    converter.register_structure_hook_factory(
        attrs.has, functools.partial(_structure_class, converter, detailed=detailed_validation, shared=False)
    )
    converter.register_unstructure_hook_factory(attrs.has, functools.partial(_unstructure_class, converter))
    return converter


def _make_fast_converter() -> cattrs.Converter:
    """The converter of `structure`'s fast path: `make_converter`'s, sharing repeated ids (see `_SHARED_TEXTS`).

    Only `structure` uses it, as only it empties the tables of shared ids when a load is done.
    """
    converter = make_converter()
    converter.register_structure_hook_factory(
        attrs.has, functools.partial(_structure_class, converter, detailed=False, shared=True)
    )
    return converter


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
    structure_field: Callable[[Any, Any], Any],
    field: attrs.Attribute[Any],
    validator: Callable[[Any, attrs.Attribute[Any], Any], Any],
) -> Callable[[Any, Any], Any]:
    """Run a field's validator as soon as the field is structured, so its problem is reported with the others."""

    def structure(value: Any, type_: Any) -> Any:
        result = structure_field(value, type_)
        try:
            validator(None, field, result)
        except InvariantError as error:
            raise _WireError(str(error)) from None
        return result

    return structure


def _field_hooks(
    converter: cattrs.Converter, cls: type[Any], *, detailed: bool, shared: bool
) -> dict[str, Callable[[Any, Any], Any]]:
    """The structure hooks of the fields of *cls* that differ from the converter's hooks of their types."""
    hooks: dict[str, Callable[[Any, Any], Any]] = {}
    if shared:
        for field in attrs.fields(attrs.resolve_types(cls)):
            if (shared_hook := _shared_hook(field)) is not None:
                hooks[field.name] = shared_hook
    if cls is Commitment:
        hooks["by"] = _structure_shared_executors if shared else _structure_executors
    if detailed:
        # attrs runs validators only once every field has been structured, so a bad id next to another problem
        # would go unreported; the detailed converter checks each validated field on its own.
        for field in attrs.fields(attrs.resolve_types(cls)):
            if field.validator is not None:
                structure_field = hooks.get(field.name) or converter.get_structure_hook(field.type)
                hooks[field.name] = _validated(structure_field, field, field.validator)
    return hooks


def _structure_class(
    converter: cattrs.Converter, cls: type[Any], *, detailed: bool, shared: bool
) -> Callable[[Any, Any], Any]:
    overrides = _renames(cls)
    hooks = _field_hooks(converter, cls, detailed=detailed, shared=shared)
    for name, struct_hook in hooks.items():
        renamed = overrides[name].rename if name in overrides else None
        overrides[name] = override(rename=renamed, struct_hook=struct_hook)
    hook = make_dict_structure_fn(cls, converter, **overrides)

    def structure(value: Any, type_: Any) -> Any:
        if type(value) is not dict:
            raise _WireError(f"expected a mapping (keys with values), got {_describe(value)}")
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


_FAST = _make_fast_converter()
_DETAILED = make_converter(detailed_validation=True)


# --- explaining a failed load -----------------------------------------------------------------------------


def _wire_keys(cls: type[Any]) -> dict[str, str]:
    return {field.name: wire_name(field) for field in attrs.fields(cls)}


def _message(error: BaseException) -> str:
    if isinstance(error, _WireError | InvariantError):
        return str(error)
    if isinstance(error, KeyError):
        return "required key is missing"
    return f"cannot be read ({type(error).__name__}: {error})"


def _unknown_keys(error: ForbiddenExtraKeysError) -> str:
    allowed = list(_wire_keys(error.cl).values())
    parts = []
    for key in sorted(map(str, error.extra_fields)):
        close = difflib.get_close_matches(key, allowed, n=1)
        parts.append(f"{key!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
    noun = "key" if len(parts) == 1 else "keys"
    return f"unknown {noun} {', '.join(parts)}; allowed here: {', '.join(allowed)}"


def _explain(error: BaseException, path: str, cls: type[Any] | None) -> Iterator[Problem]:
    """Walk a detailed cattrs error (built on the notes that `cattrs.transform_error` reads) into problems."""
    if isinstance(error, ClassValidationError):
        wire = _wire_keys(error.cl)
        with_notes, without = error.group_exceptions()
        for sub, note in with_notes:
            field_path = f"{path}.{wire.get(note.name, note.name)}"
            yield from _explain(sub, field_path, note.type if attrs.has(note.type) else None)
        for sub in without:
            yield from _explain(sub, path, error.cl)
    elif isinstance(error, IterableValidationError):
        indexed, without = error.group_exceptions()
        for sub, index_note in indexed:
            element = index_note.type
            yield from _explain(sub, f"{path}[{index_note.index!r}]", element if attrs.has(element) else None)
        for sub in without:
            yield from _explain(sub, path, None)
    elif isinstance(error, ForbiddenExtraKeysError):
        yield Problem(path=path, message=_unknown_keys(error))
    elif isinstance(error, InvariantError):
        key = _wire_keys(cls).get(error.field, error.field) if cls is not None else error.field
        yield Problem(path=f"{path}.{key}", message=str(error))
    else:
        yield Problem(path=path, message=_message(error))


def _problems(data: Any) -> list[Problem]:
    try:
        _DETAILED.structure(data, Agreement)
    except Exception as error:  # noqa: BLE001 - the error is what we explain
        return list(_explain(error, "$", Agreement))
    return []


def _version_problem(data: Mapping[str, Any]) -> Problem | None:
    supported = ", ".join(map(str, SUPPORTED_SCHEMA_VERSIONS))
    if "schema_version" not in data:
        return Problem(
            path="$.schema_version",
            message=f"required key is missing; write `schema_version: 1` (this release reads version {supported})",
        )
    version = data["schema_version"]
    if type(version) is not int or version not in SUPPORTED_SCHEMA_VERSIONS:
        return Problem(
            path="$.schema_version",
            message=f"{_describe(version)} is not a supported version; this release reads version {supported}",
        )
    return None


def structure(data: Any, *, source: str | None = None) -> Agreement:
    """Build an agreement from plain data (as parsed from YAML or JSON), or raise `LoadError`."""
    if type(data) is not dict:
        raise LoadError(
            [Problem(path="$", message=f"expected a mapping at the top, got {_describe(data)}")],
            source=source,
        )
    version_problem = _version_problem(data)
    if version_problem is not None:
        raise LoadError([version_problem], source=source)
    try:
        with collector.paused(), _sharing():
            agreement: Agreement = _FAST.structure(data, Agreement)
    except Exception:  # noqa: BLE001, S110 - any failure is explained by the detailed converter below
        pass
    else:
        return agreement
    with _sharing():
        problems = _problems(data)
    if not problems:  # pragma: no cover - the two converters agree; this keeps a disagreement from passing
        problems = [Problem(path="$", message="cannot be read")]
    raise LoadError(problems, source=source)


def unstructure(agreement: Agreement) -> dict[str, Any]:
    """Return the plain data of file format v1 for *agreement*."""
    data: dict[str, Any] = _FAST.unstructure(agreement, Agreement)
    return data


# --- YAML -------------------------------------------------------------------------------------------------

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def _without_timestamps(
    resolvers: dict[str, list[tuple[str, Any]]],
) -> dict[str, list[tuple[str, Any]]]:
    # Dates stay text until the converter reads them, so an ISO date in a free-text field stays text too.
    return {first: [r for r in rules if r[0] != _TIMESTAMP] for first, rules in resolvers.items()}


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]  # the C loader is untyped in types-PyYAML
    yaml_implicit_resolvers = _without_timestamps(_BaseLoader.yaml_implicit_resolvers)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:  # noqa: FBT001, FBT002
        # PyYAML's constructors raise plain Python errors on some values: `!!int` of more than 4,300 digits
        # (ValueError), `!!bool maybe` (KeyError), `!!timestamp 2020-13-01` (ValueError), `!!timestamp x`
        # (AttributeError). Each becomes a YAML error at the value's place; the innermost value says it first.
        try:
            return super().construct_object(node, deep=deep)
        except (ArithmeticError, AttributeError, LookupError, TypeError, ValueError):
            kind = node.tag.rsplit(":", 1)[-1]
            if kind == "int" and len(node.value) > sys.get_int_max_str_digits() > 0:
                message = f"a whole number of {len(node.value):,} digits is too long to read"
            else:
                shown = _describe(node.value) if isinstance(node, yaml.ScalarNode) else f"a {type(node).__name__}"
                message = f"cannot read {shown} as {kind!r}"
            raise yaml.constructor.ConstructorError(None, None, message, node.start_mark) from None

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:  # noqa: FBT001, FBT002
        seen: dict[Any, yaml.Node] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not _hashable(key):  # a list, a mapping, or a set (`!!set`) as a key
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be a text or a number", key_node.start_mark
                )
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"duplicate key {key!r} (a later value would silently replace an earlier one)",
                    key_node.start_mark,
                )
            seen[key] = key_node
        result: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return result


_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_yaml_map)


def _hashable(key: object) -> bool:
    try:
        hash(key)
    except TypeError:
        return False
    return True


class _Dumper(_BaseDumper):  # type: ignore[misc,valid-type]
    yaml_implicit_resolvers = _without_timestamps(_BaseDumper.yaml_implicit_resolvers)


def _expanded_size(node: yaml.Node) -> tuple[int, int]:
    """Count the values a node stands for with aliases expanded, and the distinct nodes behind them."""
    sizes: dict[int, int] = {}

    def size(current: yaml.Node) -> int:
        known = sizes.get(id(current))
        if known is not None:
            return known
        total = 1
        if isinstance(current, yaml.SequenceNode):
            total += sum(size(child) for child in current.value)
        elif isinstance(current, yaml.MappingNode):
            total += sum(size(key) + size(value) for key, value in current.value)
        sizes[id(current)] = total
        return total

    return size(node), len(sizes)


def _parse_yaml(text: str | bytes) -> Any:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        expanded, distinct = _expanded_size(node)
        if expanded > max(_MAX_EXPANDED_NODES, _MAX_EXPANSION_FACTOR * distinct):
            raise LoadError(
                [
                    Problem(
                        path="$",
                        message=f"YAML aliases expand this document to {expanded:,} values from {distinct:,}; "
                        "refused as a 'billion laughs' document (write the values out instead of aliasing them)",
                    )
                ]
            )
        return loader.construct_document(node)
    finally:
        loader.dispose()


# --- text and files ---------------------------------------------------------------------------------------


def _parse(text: str | bytes, format: Format) -> Any:  # noqa: A002 - the contract's parameter name
    try:
        if format == "json":
            return orjson.loads(text)
        return _parse_yaml(text)
    except orjson.JSONDecodeError as error:
        problem = Problem(path="$", message=f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})")
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        what = " ".join(part for part in (error.context, error.problem) if part)
        problem = Problem(path="$", message=f"not valid YAML: {what}{where}")
    except yaml.YAMLError as error:
        problem = Problem(path="$", message=f"not valid YAML: {error}")
    except RecursionError:
        problem = Problem(path="$", message="the document is nested too deeply to be an agreement")
    except UnicodeDecodeError as error:
        problem = Problem(path="$", message=f"not UTF-8 text: {error.reason} at byte {error.start}")
    raise LoadError([problem])


def _check_format(format: str) -> Format:  # noqa: A002
    if format not in ("yaml", "json"):
        raise ValueError(f"format must be 'yaml' or 'json', not {format!r}")
    return typing.cast("Format", format)


def loads(text: str | bytes, format: Format = "yaml") -> Agreement:  # noqa: A002 - the contract's name
    """Read an agreement from YAML or JSON text.

    Args:
        text: The document, as text or UTF-8 bytes.
        format: ``"yaml"`` (the default; JSON is YAML too, but slower read that way) or ``"json"``.

    Raises:
        LoadError: The text is not an agreement of file format v1; the error lists every problem with its
            ``$.path``.
    """
    chosen = _check_format(format)
    with collector.paused():  # parsing allocates as much as structuring: collecting during either is wasted work
        return structure(_parse(text, chosen))


def _format_of(path: Path, format: Format | None) -> Format:  # noqa: A002
    if format is not None:
        return _check_format(format)
    found = _SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise LoadError(
            [
                Problem(
                    path="$",
                    message=f"unknown file type {path.suffix or '(none)'!r}; use .yaml, .yml or .json",
                )
            ],
            source=str(path),
        )
    return found


def load(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,  # noqa: A002
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Agreement:
    """Read an agreement from a YAML (``.yaml``, ``.yml``) or JSON (``.json``) file.

    Args:
        path: The file.
        format: Overrides the format the suffix implies.
        max_bytes: Files larger than this are refused before they are read.

    Raises:
        LoadError: The file is missing, too large, or not an agreement of file format v1; the error lists every
            problem with its ``$.path``.
    """
    file = Path(path)
    chosen = _format_of(file, format)
    try:
        info = file.stat()
        if info.st_size > max_bytes:
            raise LoadError(
                [
                    Problem(
                        path="$", message=f"the file is {info.st_size:,} bytes, more than the limit of {max_bytes:,}"
                    )
                ],
                source=str(file),
            )
        # A pipe or a device (/dev/stdin, /dev/zero) has no size beforehand: it is read up to the limit only.
        raw = file.read_bytes() if stat.S_ISREG(info.st_mode) else _read_at_most(file, max_bytes)
    except OSError as error:
        reason = error.strerror or str(error)
        raise LoadError([Problem(path="$", message=f"cannot open the file: {reason}")], source=str(file)) from error
    if len(raw) > max_bytes:
        raise LoadError(
            [Problem(path="$", message=f"the file holds more than the limit of {max_bytes:,} bytes")],
            source=str(file),
        )
    try:
        with collector.paused():
            return structure(_parse(raw, chosen), source=str(file))
    except LoadError as error:
        if error.source is None:
            raise LoadError(error.problems, source=str(file)) from None
        raise


_CHUNK = 1 << 20


def _read_at_most(file: Path, limit: int) -> bytes:
    """Read *file* until its end or until more than *limit* bytes have arrived, whichever comes first."""
    chunks: list[bytes] = []
    total = 0
    with file.open("rb") as stream:
        while total <= limit:
            chunk = stream.read(min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    return b"".join(chunks)


def dumps(agreement: Agreement, format: Format = "yaml") -> str:  # noqa: A002 - the contract's name
    """Write an agreement as YAML or JSON text of file format v1."""
    return _render(agreement, _check_format(format)).decode("utf-8")


def _render(agreement: Agreement, format: Format) -> bytes:  # noqa: A002
    # The plain data is a dict per model object, all alive until the text is written: collecting during the
    # unstructuring is wasted work (half of a JSON dump at 1e5 commitments; STYLE, performance habits).
    with collector.paused():
        return _render_data(unstructure(agreement), format)


def _render_data(data: dict[str, Any], format: Format) -> bytes:  # noqa: A002
    if format == "json":
        return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    text: str = yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=110
    )
    return text.encode("utf-8")


def dump(
    agreement: Agreement,
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,  # noqa: A002
) -> None:
    """Write an agreement to a file, atomically: a failed write leaves the old file as it was.

    The text goes to a temporary file in the same folder, which is flushed to disk and then renamed over
    *path*. The format follows the suffix (``.yaml``, ``.yml``, ``.json``) unless *format* is given.
    """
    file = Path(path)
    chosen = format if format is not None else _SUFFIXES.get(file.suffix.lower())
    if chosen is None:
        raise ValueError(f"cannot tell the format of {file.name!r}; use .yaml, .yml or .json or pass format=")
    payload = _render(agreement, _check_format(chosen))
    write_atomically(file, payload)


def write_atomically(file: Path, payload: bytes) -> None:
    """Write *payload* to *file* atomically: a failed write leaves the old file as it was.

    The bytes go to a temporary file in the same folder, which is flushed to disk and then renamed over *file*;
    an existing file's permissions are kept, a new file is readable by all (0o644).
    """
    try:
        handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.", suffix=".tmp")
    except (FileNotFoundError, NotADirectoryError) as error:
        # Said of the folder, not of the temporary file the reader never asked for.
        raise type(error)(
            error.errno, f"there is no folder {str(file.parent)!r} to write the file in; create it first", str(file)
        ) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        if file.exists():
            os.chmod(temporary, file.stat().st_mode & 0o7777)  # noqa: PTH101 - keep the old file's permissions
        else:
            os.chmod(temporary, 0o644)  # noqa: PTH101 - mkstemp creates 0o600; a written file is readable
        os.replace(temporary, file)  # noqa: PTH105
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)  # noqa: PTH108
        raise
