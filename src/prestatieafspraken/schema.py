"""A JSON Schema of file format v1, derived from the model so that it cannot drift from what `load` reads.

Editors use it to validate YAML as it is typed (for example the YAML language server's
``# yaml-language-server: $schema=...`` comment). The schema says what the converter accepts; what makes an
agreement *good* is for the checks, and invariants across fields (a perspective that ends before it starts) are
reported by `load`.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Mapping
from typing import Any, get_args, get_origin

import attrs
import pendulum

from prestatieafspraken.errors import ExportError
from prestatieafspraken.model import Agreement, Commitment, Realisation, Target
from prestatieafspraken.model.fields import wire_name
from prestatieafspraken.model.ids import SLUG_PATTERN, slug

__all__ = ["SCHEMA_ID", "json_schema"]

SCHEMA_ID = "https://prestatieafspraken.readthedocs.io/schema/v1.json"
_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "format": "date"}
_ID = {"type": "string", "pattern": SLUG_PATTERN}

#: The sign convention of values (DESIGN §3.1), which the types alone cannot say.
_SIGN = (
    "For a stock or cumulative indicator a net change: with direction decrease at most 0 (e.g. -1200 for "
    "'1,200 fewer'), with increase at least 0. For a flow an amount, never negative; with direction decrease "
    "it is a ceiling. For a ratio the share (0..1) to reach."
)
_DESCRIPTIONS: Mapping[tuple[type[Any], str], str] = {
    (Target, "value"): "The target's value. " + _SIGN + " A flow's is the total over from..by.",
    (Commitment, "value"): "The commitment's value. " + _SIGN,
    (Realisation, "value"): (
        "The realised value of the year: for a flow the year's amount, for a stock the level at the end of the "
        "year (a commitment's figure: the change), for a cumulative indicator the running total, for a ratio the "
        "share. Optional when an outcome is given."
    ),
    (Realisation, "outcome"): "How a commitment was kept: done, partly or not_done (only on a commitment's figure).",
    (Realisation, "explanation"): "Why the outcome (or the value) is what it is.",
}


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of an agreement in file format v1."""
    definitions: dict[str, Any] = {}
    root = _class_schema(Agreement, definitions)
    root["properties"]["schema_version"] = {"const": 1, "description": "The file format version."}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "prestatieafspraken agreement, file format v1",
        **root,
        "$defs": dict(sorted(definitions.items())),
    }


def _class_schema(cls: type[Any], definitions: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        key = wire_name(field)
        if field.validator is slug:
            properties[key] = dict(_ID)
        elif cls is Commitment and field.name == "by":
            properties[key] = {
                "description": "The party id, or the party ids, that execute the commitment.",
                "oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}, "minItems": 1}],
            }
        else:
            properties[key] = _type_schema(hints[field.name], definitions)
        if (cls, field.name) in _DESCRIPTIONS:
            properties[key] = {"description": _DESCRIPTIONS[cls, field.name], **properties[key]}
        if field.default is attrs.NOTHING:
            required.append(key)
    schema: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        schema["required"] = required
    if cls.__doc__:
        schema["description"] = cls.__doc__.strip().split("\n\n")[0]
    if cls is Realisation:  # a figure needs a value, or an outcome of how a commitment was kept
        schema["anyOf"] = [{"required": ["value"]}, {"required": ["outcome", "commitment"]}]
    return schema


def _reference(cls: type[Any], definitions: dict[str, Any]) -> dict[str, Any]:
    name = cls.__name__
    if name not in definitions:
        definitions[name] = {}  # placeholder first: a class may refer to itself
        definitions[name] = _class_schema(cls, definitions)
    return {"$ref": f"#/$defs/{name}"}


def _type_schema(type_: Any, definitions: dict[str, Any]) -> dict[str, Any]:  # noqa: C901, PLR0911 - one per kind
    origin = get_origin(type_)
    args = get_args(type_)
    if origin in (typing.Union, types.UnionType):
        if set(args) == {int, float}:
            return {"type": "number"}
        options = [arg for arg in args if arg is not type(None)]
        inner = _type_schema(options[0] if len(options) == 1 else typing.Union[tuple(options)], definitions)  # noqa: UP007
        return {"anyOf": [inner, {"type": "null"}]} if type(None) in args else inner
    if origin is tuple:
        return {"type": "array", "items": _type_schema(args[0], definitions)}
    if origin in (Mapping, dict):
        return {"type": "object", "additionalProperties": _type_schema(args[1], definitions)}
    if type_ is pendulum.Date:
        return dict(_DATE)
    if type_ is bool:
        return {"type": "boolean"}
    if type_ is int:
        return {"type": "integer"}
    if type_ is str:
        return {"type": "string"}
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return {"enum": [member.value for member in type_]}
    if attrs.has(type_):
        return _reference(type_, definitions)
    raise ExportError.of("export_no_schema", type=repr(type_))  # pragma: no cover - every model type is covered above
