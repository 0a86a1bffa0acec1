"""Explaining a failed load: every problem of a document with its ``$.path``, from a detailed cattrs error."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from typing import Any

import attrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from prestatieafspraken.errors import InvariantError, Problem
from prestatieafspraken.model import SUPPORTED_SCHEMA_VERSIONS
from prestatieafspraken.model.fields import wire_name
from prestatieafspraken.serialization._wire import WireError, describe

__all__ = ["explain", "version_problem"]


def _wire_keys(cls: type[Any]) -> dict[str, str]:
    return {field.name: wire_name(field) for field in attrs.fields(cls)}


def _message(error: BaseException) -> str:
    if isinstance(error, WireError | InvariantError):
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


def explain(error: BaseException, path: str, cls: type[Any] | None) -> Iterator[Problem]:
    """Walk a detailed cattrs error (built on the notes that `cattrs.transform_error` reads) into problems."""
    if isinstance(error, ClassValidationError):
        wire = _wire_keys(error.cl)
        with_notes, without = error.group_exceptions()
        for sub, note in with_notes:
            field_path = f"{path}.{wire.get(note.name, note.name)}"
            yield from explain(sub, field_path, note.type if attrs.has(note.type) else None)
        for sub in without:
            yield from explain(sub, path, error.cl)
    elif isinstance(error, IterableValidationError):
        indexed, without = error.group_exceptions()
        for sub, index_note in indexed:
            element = index_note.type
            yield from explain(sub, f"{path}[{index_note.index!r}]", element if attrs.has(element) else None)
        for sub in without:
            yield from explain(sub, path, None)
    elif isinstance(error, ForbiddenExtraKeysError):
        yield Problem(path=path, message=_unknown_keys(error))
    elif isinstance(error, InvariantError):
        key = _wire_keys(cls).get(error.field, error.field) if cls is not None else error.field
        yield Problem(path=f"{path}.{key}", message=str(error))
    else:
        yield Problem(path=path, message=_message(error))


def version_problem(data: Mapping[str, Any]) -> Problem | None:
    """The problem with a document's ``schema_version``, or None when this release reads it."""
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
            message=f"{describe(version)} is not a supported version; this release reads version {supported}",
        )
    return None
