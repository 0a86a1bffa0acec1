"""Identifiers: the slug rule of file format v1 and the validator that enforces it.

File format v1: ids are slugs (``[a-z0-9][a-z0-9-]*``), unique within their list. Being a slug is an invariant of
the type (a value that is not a slug cannot be built); uniqueness is a property of a whole agreement and is
reported by the checks (PA002).
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from prestatieafspraken.errors import InvariantError

__all__ = ["SLUG_PATTERN", "InvariantError", "is_slug", "slug"]

SLUG_PATTERN = "^[a-z0-9][a-z0-9-]*$"
_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")


def is_slug(value: object) -> bool:
    """Return whether *value* is a string of the slug form ``[a-z0-9][a-z0-9-]*``."""
    return isinstance(value, str) and _SLUG.fullmatch(value) is not None


def slug(_instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator that refuses an id that is not a slug."""
    if not is_slug(value):
        raise InvariantError.at(attribute.name, "not_an_id", got=value)
