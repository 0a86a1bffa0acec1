"""Explaining a failed load: every problem of a document with its ``$.path``, from a detailed cattrs error."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from typing import Any

import attrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from prestatieafspraken._problem_words import Said
from prestatieafspraken.errors import InvariantError, Problem
from prestatieafspraken.model import SUPPORTED_SCHEMA_VERSIONS
from prestatieafspraken.model.fields import wire_name
from prestatieafspraken.serialization._wire import WireError

__all__ = ["explain", "version_problem"]


def _wire_keys(cls: type[Any]) -> dict[str, str]:
    return {field.name: wire_name(field) for field in attrs.fields(cls)}


def _problem(error: BaseException, path: str) -> Problem:
    if isinstance(error, WireError | InvariantError):
        return Problem.from_error(path, error)
    if isinstance(error, KeyError):
        return Problem.of("missing_key", path)
    return Problem.of("unreadable_value", path, error=f"{type(error).__name__}: {error}")


def _unknown_keys(error: ForbiddenExtraKeysError, path: str) -> Problem:
    allowed = list(_wire_keys(error.cl).values())
    parts = []
    for key in sorted(map(str, error.extra_fields)):
        close = difflib.get_close_matches(key, allowed, n=1)
        parts.append(Said.of("did_you_mean", key=key, close=close[0]) if close else Said.of("quoted", key=key))
    kind = "unknown_key" if len(parts) == 1 else "unknown_keys"
    return Problem.of(kind, path, keys=Said.of("joined", parts=tuple(parts)), allowed=tuple(allowed))


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
        yield _unknown_keys(error, path)
    elif isinstance(error, InvariantError):
        key = _wire_keys(cls).get(error.field, error.field) if cls is not None else error.field
        yield Problem.from_error(f"{path}.{key}", error)
    else:
        yield _problem(error, path)


def version_problem(data: Mapping[str, Any]) -> Problem | None:
    """The problem with a document's ``schema_version``, or None when this release reads it."""
    supported = ", ".join(map(str, SUPPORTED_SCHEMA_VERSIONS))
    if "schema_version" not in data:
        return Problem.of("version_missing", "$.schema_version", supported=supported)
    version = data["schema_version"]
    if type(version) is not int or version not in SUPPORTED_SCHEMA_VERSIONS:
        return Problem.of("version_unsupported", "$.schema_version", got=version, supported=supported)
    return None
