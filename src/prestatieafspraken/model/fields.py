"""Field conventions shared by the model classes: wire names, numbers and visibility.

A field whose Python name differs from its file-format key (``from`` and ``for`` are Python keywords) carries
its wire name in its metadata under `WIRE_NAME`; the converter and the JSON Schema both read it from there, so
the renaming is written once.
"""

from __future__ import annotations

import enum
from typing import Any, TypeAlias

import attrs

__all__ = ["WIRE_NAME", "Number", "Visibility", "wire_name"]

WIRE_NAME = "prestatieafspraken.wire_name"

#: An amount, a count or a share: integers stay integers so that what loads dumps back the same.
Number: TypeAlias = int | float


def wire_name(attribute: attrs.Attribute[Any]) -> str:
    """Return the file-format key of a model field."""
    name: str = attribute.metadata.get(WIRE_NAME, attribute.name)
    return name


class Visibility(enum.Enum):
    """Who may see a commitment or a realisation (the hybrid form of the handbook's monitoring)."""

    PUBLIC = "public"
    """Everyone."""
    PARTIES = "parties"
    """The parties to the agreement only."""
    RESTRICTED = "restricted"
    """Only the parties named in ``visible_to`` (and the parties that execute it)."""
