"""Sharing repeated values while a document is structured: ids, lists of ids, whole numbers and dates.

A national agreement names a few thousand ids millions of times: one object per id instead of one per mention
halves the model's memory and keeps the ids in the processor's cache for the checks that follow. Whole numbers
(years, counts) repeat as much, and each distinct date text is parsed once.

The tables belong to one `Interning`, which belongs to one converter (`make_converter` makes a new one for each
converter): nothing is shared between converters, and nothing is a module global. The agreement reader empties
the tables of ids and whole numbers after each load (`Interning.one_load`), so that no table outlives its
document. Two loads through one converter at the same time share its tables; the one that finishes first only
makes the other share less.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pendulum

from prestatieafspraken.model.fields import IdKind, references
from prestatieafspraken.serialization._wire import MAX_INT, WireError, fresh, fresh_number

__all__ = ["Interning", "NumberHooks", "SharedHooks", "date_hook", "number_hooks", "shared_hooks"]

Hook = Callable[[Any, Any], Any]


class Interning:
    """The tables through which one converter shares repeated values.

    Attributes:
        texts: Each distinct id once (fast path only).
        tuples: Each distinct list of ids once (fast path only).
        ints: Each distinct whole number once; emptied when it holds `max_ints`.
        dates: Each distinct date text's parsed date; emptied when it holds `max_dates`. Dates outlive a load:
            the next document names the same days.
        max_ints: The size at which `ints` starts again.
        max_dates: The size at which `dates` starts again.
    """

    def __init__(self, *, max_ints: int = 1 << 16, max_dates: int = 1 << 16) -> None:
        """Start with empty tables that hold at most *max_ints* whole numbers and *max_dates* dates."""
        self.texts: dict[str, str] = {}
        self.tuples: dict[tuple[str, ...], tuple[str, ...]] = {}
        self.ints: dict[int, int] = {}
        self.dates: dict[str, pendulum.Date] = {}
        self.max_ints = max_ints
        self.max_dates = max_dates

    def clear(self) -> None:
        """Empty the tables of one document: the ids, the lists of ids and the whole numbers."""
        self.texts.clear()
        self.tuples.clear()
        self.ints.clear()

    @contextlib.contextmanager
    def one_load(self) -> Iterator[None]:
        """Empty the tables of one document when the load is done, successful or not."""
        try:
            yield
        finally:
            self.clear()


# --- whole numbers and numbers -------------------------------------------------------------------------------


@attrs.frozen
class NumberHooks:
    """The structure hooks of whole numbers and numbers that share whole numbers through one `Interning`."""

    structure_int: Hook
    structure_number: Hook
    structure_optional_number: Hook
    structure_number_mapping: Hook


def number_hooks(interning: Interning) -> NumberHooks:
    """Build the hooks of ``int``, `Number`, ``Number | None`` and a mapping of ids to numbers."""
    shared_int = _int_sharer(interning)
    structure_number = _number_hook(interning.ints, shared_int)

    return NumberHooks(
        _int_hook(interning.ints, shared_int),
        structure_number,
        _optional_number_hook(interning.ints, shared_int),
        _number_mapping_hook(structure_number),
    )


def _int_sharer(interning: Interning) -> Callable[[int], int]:
    ints = interning.ints

    def shared_int(value: int) -> int:
        shared = ints.get(value)
        if shared is None:
            if len(ints) >= interning.max_ints:
                ints.clear()
            shared = fresh_number(value)
            ints[shared] = shared  # the copy is the key too: the table outlives the document
        return shared

    return shared_int


# The hooks look a value up in its table themselves and call the sharer only for a value not seen yet: one call
# less per value on the path nearly every value takes. (`or` also sends 0, "" and () to the sharer, which is right.)


def _int_hook(ints: dict[int, int], shared_int: Callable[[int], int]) -> Hook:
    def structure_int(value: Any, _: Any) -> int:
        if type(value) is int and -MAX_INT <= value <= MAX_INT:
            return ints.get(value) or shared_int(value)
        if type(value) is int:
            raise WireError.of("whole_too_long", got=value)
        raise WireError.of("expected_whole", got=value)

    return structure_int


def _number_hook(ints: dict[int, int], shared_int: Callable[[int], int]) -> Callable[[Any, Any], int | float]:
    def structure_number(value: Any, _: Any) -> int | float:
        kind = type(value)
        if kind is int and -MAX_INT <= value <= MAX_INT:
            return ints.get(value) or shared_int(value)
        if kind is float and math.isfinite(value):
            return fresh_number(float(value))
        raise WireError.of("expected_finite", got=value)

    return structure_number


def _optional_number_hook(ints: dict[int, int], shared_int: Callable[[int], int]) -> Hook:
    # `_number_hook`'s checks written out again rather than called: an optional number is on the hot path too.
    def structure_optional_number(value: Any, _: Any) -> int | float | None:
        kind = type(value)
        if kind is int and -MAX_INT <= value <= MAX_INT:
            return ints.get(value) or shared_int(value)
        if kind is float and math.isfinite(value):
            return fresh_number(float(value))
        if value is None:
            return None
        raise WireError.of("expected_finite", got=value)

    return structure_optional_number


def _number_mapping_hook(structure_number: Callable[[Any, Any], int | float]) -> Hook:
    def structure_number_mapping(value: Any, _: Any) -> dict[str, int | float]:
        if type(value) is not dict:
            raise WireError.of("expected_number_mapping", got=value)
        result: dict[str, int | float] = {}
        for key, number in value.items():
            if type(key) is not str:
                raise WireError.of("expected_id_keys", got=key)
            try:
                result[fresh(key)] = structure_number(number, None)
            except WireError as error:
                raise WireError.of("in_field", field=key, said=error) from None
        return result

    return structure_number_mapping


# --- dates ---------------------------------------------------------------------------------------------------


def _parse_date(text: str) -> pendulum.Date:
    if len(text) != 10 or text[4] != "-" or text[7] != "-":  # noqa: PLR2004 - the length of YYYY-MM-DD
        raise WireError.of("expected_date", got=text)
    try:
        return pendulum.Date.fromisoformat(text)
    except ValueError:
        raise WireError.of("no_such_day", got=text) from None


def date_hook(interning: Interning) -> Hook:
    """Build the hook of ``pendulum.Date``: a ``YYYY-MM-DD`` text, each distinct one parsed once."""
    dates = interning.dates

    def structure_date(value: Any, _: Any) -> pendulum.Date:
        if type(value) is str:
            day = dates.get(value)
            if day is None:
                day = _parse_date(value)
                if len(dates) >= interning.max_dates:
                    dates.clear()
                dates[fresh(value)] = day
            return day
        if type(value) is pendulum.Date:
            return value
        raise WireError.of("expected_date", got=value)

    return structure_date


# --- ids -----------------------------------------------------------------------------------------------------


@attrs.frozen
class SharedHooks:
    """The fast path's hooks of the fields that refer to ids (`prestatieafspraken.model.references`)."""

    structure_ids: Hook
    """A list of ids; each distinct list and each distinct id once."""
    structure_id: Hook
    """One id."""
    structure_optional_id: Hook
    """One id or ``None``."""
    structure_executors: Hook
    """A commitment's ``by``: one party id or a list of them."""

    def for_field(self, cls: type[Any], field: attrs.Attribute[Any]) -> Hook | None:
        """The sharing hook of a field of *cls* that refers to ids, or None for a field not worth sharing.

        A single commitment id is not shared: there are as many commitments as the agreement is large, and a
        realisation or assessment rarely names the same one twice, so its table would cost more than it saves.
        """
        reference = next((ref for ref in references(cls) if ref.field == field.name), None)
        if reference is None:
            return None
        if field.type == tuple[str, ...]:
            return self.structure_ids
        if reference.kind is IdKind.COMMITMENT:
            return None
        if field.type is str:
            return self.structure_id
        if field.type == str | None:
            return self.structure_optional_id
        return None  # the keys of a mapping (a target's breakdown) are copied, not shared


def shared_hooks(interning: Interning, structure_executors: Hook) -> SharedHooks:
    """Build the hooks that share ids through *interning*; *structure_executors* reads a commitment's ``by``."""
    shared_text, shared_tuple = _id_sharers(interning)
    tuples = interning.tuples

    def structure_shared_executors(value: Any, _: Any) -> tuple[str, ...]:
        if type(value) is str:
            items = (value,)
            return tuples.get(items) or shared_tuple(items)
        return shared_tuple(structure_executors(value, None))

    return SharedHooks(
        _ids_hook(tuples, shared_tuple),
        *_id_hooks(interning.texts, shared_text),
        structure_executors=structure_shared_executors,
    )


def _id_sharers(interning: Interning) -> tuple[Callable[[str], str], Callable[[tuple[str, ...]], tuple[str, ...]]]:
    texts, tuples = interning.texts, interning.tuples

    def shared_text(text: str) -> str:
        shared = texts.get(text)
        if shared is None:
            shared = texts[text] = fresh(text)
        return shared

    def shared_tuple(items: tuple[str, ...]) -> tuple[str, ...]:
        shared = tuples.get(items)
        if shared is None:
            shared = tuple([shared_text(item) for item in items])
            tuples[shared] = shared
        return shared

    return shared_text, shared_tuple


def _ids_hook(
    tuples: dict[tuple[str, ...], tuple[str, ...]], shared_tuple: Callable[[tuple[str, ...]], tuple[str, ...]]
) -> Hook:
    def structure_ids(value: Any, _: Any) -> tuple[str, ...]:
        if type(value) is not list and type(value) is not tuple:
            raise WireError.of("expected_list", got=value)
        for item in value:
            if type(item) is not str:
                raise WireError.of("expected_text", got=item)
        items = tuple(value)
        return tuples.get(items) or shared_tuple(items)

    return structure_ids


def _id_hooks(texts: dict[str, str], shared_text: Callable[[str], str]) -> tuple[Hook, Hook]:
    def structure_id(value: Any, _: Any) -> str:
        if type(value) is str:
            return texts.get(value) or shared_text(value)
        raise WireError.of("expected_text", got=value)

    def structure_optional_id(value: Any, _: Any) -> str | None:
        if type(value) is str:
            return texts.get(value) or shared_text(value)
        if value is None:
            return None
        raise WireError.of("expected_text", got=value)

    return structure_id, structure_optional_id
