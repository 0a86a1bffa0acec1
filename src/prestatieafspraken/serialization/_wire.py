"""The strict structure hooks of the wire's plain types, and how a wrong value is named in a message.

A wrong type is an error and never silently coerced: a text is not a number, ``true`` is not 1, a list is not a
text. The hooks that share repeated values (ids, whole numbers, dates) are in `._interning`.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, get_args, get_origin

from cattrs.errors import IterableValidationError, IterableValidationNote

from prestatieafspraken.errors import PrestatieafsprakenError

__all__ = [
    "MAX_INT",
    "WireError",
    "fresh",
    "fresh_number",
    "is_homogeneous_tuple",
    "is_number_union",
    "is_optional",
    "is_optional_number_union",
    "is_str_mapping",
    "structure_bool",
    "structure_enum",
    "structure_executors",
    "structure_optional_str",
    "structure_str",
    "structure_texts",
    "structure_tuple_factory",
]

# The largest integer every JSON reader and orjson can carry.
MAX_INT = (1 << 63) - 1


class WireError(PrestatieafsprakenError, ValueError):
    """A value of the wrong form in a document; the message says what was expected and what arrived.

    It never leaves the loader: `LoadError` reports it with its ``$.path``.
    """


# --- nothing of the parsed document stays ------------------------------------------------------------------
#
# Python's small-object allocator hands an arena of memory back to the system only when nothing in it is alive.
# The parsed document (orjson's dicts, lists, texts and numbers) is about 5x the JSON size and is garbage once the
# model is built, but if the model kept the parser's own text and number objects, one of them in every arena would
# keep the whole document's memory: at 1e5 commitments the process held about 6x the JSON size after a load, for a
# model of 1.4x. So the hooks give the model fresh copies of the texts and numbers it keeps (and the fast path
# shares each distinct id, list of ids and whole number, see `._interning`): the document's arenas are freed when
# the load returns. The copies cost a few percent of a load.


def fresh(text: str) -> str:
    """A copy of *text* in a new object (`str(text)` and `text[:]` return the same object)."""
    return text.join(("", ""))


_N = TypeVar("_N", int, float)


def fresh_number(value: _N) -> _N:
    """A copy of a number in a new object (whole numbers below 257 are shared by Python anyway)."""
    # `x * 1` keeps the type, the value and the sign of -0.0 exactly; `int(x)` and `float(x)` return `x` itself.
    return value * 1


# --- the hooks of plain types --------------------------------------------------------------------------------


def structure_str(value: Any, _: Any) -> str:
    """A text, copied."""
    if type(value) is str:
        return fresh(value)
    raise WireError.of("expected_text", got=value)


def structure_optional_str(value: Any, _: Any) -> str | None:
    """A text, copied, or ``None``."""
    if type(value) is str:
        return fresh(value)
    if value is None:
        return None
    raise WireError.of("expected_text", got=value)


def structure_bool(value: Any, _: Any) -> bool:
    """``true`` or ``false``, and nothing that Python would take for one."""
    if type(value) is bool:
        return value
    raise WireError.of("expected_bool", got=value)


def structure_enum(enum_type: type[Any]) -> Callable[[Any, Any], Any]:
    """The hook of an enum: one of its values, as the member."""
    members = {member.value: member for member in enum_type}
    expected = ", ".join(map(str, members))

    def structure(value: Any, _: Any) -> Any:
        if type(value) is str:
            member = members.get(value)
            if member is not None:
                return member
        raise WireError.of("expected_word", words=expected, got=value)

    return structure


def structure_texts(value: Any, _: Any) -> tuple[str, ...]:
    """The fast path's hook for a list of texts: one pass of type checks, no call per element."""
    if type(value) is not list and type(value) is not tuple:
        raise WireError.of("expected_list", got=value)
    for item in value:
        if type(item) is not str:
            raise WireError.of("expected_text", got=item)
    return tuple([fresh(item) for item in value])


def structure_executors(value: Any, _: Any) -> tuple[str, ...]:
    """A commitment's ``by``: one party id or a list of them."""
    if type(value) is str:
        return (fresh(value),)
    if type(value) is list and value and all(type(item) is str for item in value):
        return tuple([fresh(item) for item in value])
    if type(value) is list and not value:
        raise WireError.of("expected_parties_empty")
    raise WireError.of("expected_parties", got=value)


# --- the predicates that pick the hooks of generic types ---------------------------------------------------


def is_homogeneous_tuple(type_: Any) -> bool:
    """``tuple[X, ...]``."""
    args = get_args(type_)
    return get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis  # noqa: PLR2004


def is_number_union(type_: Any) -> bool:
    """``int | float`` (`prestatieafspraken.model.Number`)."""
    return get_origin(type_) in (typing.Union, types.UnionType) and set(get_args(type_)) == {int, float}


def is_optional_number_union(type_: Any) -> bool:
    """``Number | None``, checked as strictly as `Number`.

    Left to the orjson preset's union passthrough it would accept NaN, infinity, booleans and integers beyond 64
    bits.
    """
    return get_origin(type_) in (typing.Union, types.UnionType) and set(get_args(type_)) == {int, float, type(None)}


def is_optional(type_: Any) -> bool:
    """``X | None``."""
    args = get_args(type_)
    return (
        get_origin(type_) in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args  # noqa: PLR2004
    )


def is_str_mapping(type_: Any) -> bool:
    """A mapping with text keys (a target's ``breakdown``)."""
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


def structure_tuple_factory(
    get_structure_hook: Callable[[Any], Callable[[Any, Any], Any]], *, detailed: bool
) -> Callable[[Any], Any]:
    """The hook factory of ``tuple[X, ...]``: a list of X; the detailed one reports every element's problem."""

    def factory(type_: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        element_type = get_args(type_)[0]
        if element_type is str and not detailed:
            return structure_texts
        structure_element = get_structure_hook(element_type)

        def structure(value: Any, _: Any) -> tuple[Any, ...]:
            if type(value) is not list and type(value) is not tuple:
                raise WireError.of("expected_list", got=value)
            if not detailed:
                return tuple([structure_element(item, element_type) for item in value])
            results, errors = _element_errors(value, structure_element, element_type, type_)
            if errors:
                raise IterableValidationError(f"While structuring {type_!r}", errors, type_)
            return tuple(results)

        return structure

    return factory
