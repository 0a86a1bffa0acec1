"""Reading documents safely: files with a size limit, and YAML, JSON and TOML parsed with budgets.

Every failure is one `LoadError` with its place, never a traceback: a missing or unreadable file, a file above
the size limit, text that is not UTF-8, a syntax error (with its line and column), a YAML document whose aliases
expand it beyond reason ("billion laughs"), a duplicate key, a value PyYAML's constructors cannot build, or a
document nested too deeply to read. The agreement loader and the lead-times loader of the planner both read
through here.
"""

from __future__ import annotations

import json
import re
import stat
import sys
import tomllib
from pathlib import Path
from typing import Any, Literal, TypeAlias

import orjson
import yaml

from prestatieafspraken._problem_words import Said
from prestatieafspraken.errors import LoadError, PrestatieafsprakenError, Problem

__all__ = [
    "DEFAULT_EXPANSION_FACTOR",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_EXPANDED_BYTES",
    "DocumentFormat",
    "expansion_limit",
    "parse",
    "parse_yaml",
    "read_document",
    "read_file",
    "without_timestamps",
]

#: The formats `parse` reads: YAML and JSON for agreements, TOML for settings.
DocumentFormat: TypeAlias = Literal["yaml", "json", "toml"]

#: Files larger than this are refused before they are read (1 GiB): a national dataset of a million
#: commitments is about a third of it in JSON.
DEFAULT_MAX_BYTES = 1 << 30

#: A YAML document whose aliases make it expand to more values than this (and more than ten times its own
#: size) is refused: it is a "billion laughs" document, not an agreement.
_MAX_EXPANDED_NODES = 100_000
_MAX_EXPANSION_FACTOR = 10

#: A YAML document is refused when its aliases expand it to more text than this many times its own size
#: and more than `DEFAULT_MAX_EXPANDED_BYTES` (`expansion_limit`): one long text aliased a thousand times is
#: gigabytes once read, from a file of a megabyte.
DEFAULT_EXPANSION_FACTOR = 64
DEFAULT_MAX_EXPANDED_BYTES = 256 << 20

_CHUNK = 1 << 20


# --- YAML ----------------------------------------------------------------------------------------------------

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def without_timestamps(resolvers: dict[str, list[tuple[str, Any]]]) -> dict[str, list[tuple[str, Any]]]:
    """The implicit resolvers of a YAML loader or dumper without the one of timestamps.

    Dates stay text until the converter reads them, so an ISO date in a free-text field stays text too.
    """
    return {first: [r for r in rules if r[0] != _TIMESTAMP] for first, rules in resolvers.items()}


_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"

# YAML 1.2-like numbers: no YAML 1.1 sexagesimals (`1:30` is 90 there), no digit separators (`4_0_0` is 400) and
# no octal of a leading zero (`010` is 8). Such a value stays text, so a number field says it wants a number.
_NUMBERS = {
    _INT: re.compile(r"^(?:[-+]?(?:0|[1-9][0-9]*)|0b[01]+|0x[0-9a-fA-F]+)$"),
    _FLOAT: re.compile(
        r"^(?:[-+]?[0-9]+\.[0-9]*(?:[eE][-+][0-9]+)?|[-+]?\.[0-9]+(?:[eE][-+][0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
}


def _yaml_12_numbers(resolvers: dict[str, list[tuple[str, Any]]]) -> dict[str, list[tuple[str, Any]]]:
    """The implicit resolvers with the number rules of YAML 1.2 instead of those of YAML 1.1 (see `_NUMBERS`)."""
    return {first: [(tag, _NUMBERS.get(tag, pattern)) for tag, pattern in rules] for first, rules in resolvers.items()}


def _hashable(key: object) -> bool:
    try:
        hash(key)
    except TypeError:
        return False
    return True


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]  # the C loader is untyped in types-PyYAML
    yaml_implicit_resolvers = _yaml_12_numbers(without_timestamps(_BaseLoader.yaml_implicit_resolvers))

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:  # noqa: FBT001, FBT002
        # PyYAML's constructors raise plain Python errors on some values: `!!int` of more than 4,300 digits
        # (ValueError), `!!bool maybe` (KeyError), `!!timestamp 2020-13-01` (ValueError), `!!timestamp x`
        # (AttributeError). Each becomes a YAML error at the value's place; the innermost value says it first.
        try:
            return super().construct_object(node, deep=deep)
        except (ArithmeticError, AttributeError, LookupError, TypeError, ValueError):
            kind = node.tag.rsplit(":", 1)[-1]
            if kind == "int" and len(node.value) > sys.get_int_max_str_digits() > 0:
                words = Said.of("yaml_long_int", digits=len(node.value))
            elif isinstance(node, yaml.ScalarNode):
                words = Said.of("yaml_tag_unreadable", got=node.value, tag=kind)
            else:
                words = Said.of("yaml_tag_unreadable_node", node=type(node).__name__, tag=kind)
            raise _RefusedError(words, node.start_mark) from None

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:  # noqa: FBT001, FBT002
        seen: dict[Any, yaml.Node] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not _hashable(key):  # a list, a mapping, or a set (`!!set`) as a key
                raise _RefusedError(Said.of("yaml_key_not_scalar"), key_node.start_mark)
            if key in seen:
                raise _RefusedError(Said.of("yaml_duplicate_key", key=key), key_node.start_mark)
            seen[key] = key_node
        result: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return result


class _RefusedError(yaml.constructor.ConstructorError, PrestatieafsprakenError):
    """A value PyYAML reads but the loader refuses, with its words (`Said`) for the problem."""

    def __init__(self, words: Said, mark: yaml.Mark) -> None:
        super().__init__(None, None, str(words), mark)
        self.words = words


_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_yaml_map)


def _expanded_size(node: yaml.Node) -> tuple[int, int, int]:
    """Count the values a node stands for with aliases expanded, the distinct nodes, and the text's characters."""
    sizes: dict[int, tuple[int, int]] = {}

    def size(current: yaml.Node) -> tuple[int, int]:
        known = sizes.get(id(current))
        if known is not None:
            return known
        values, characters = 1, 0
        if isinstance(current, yaml.ScalarNode):
            characters = len(current.value)
        else:
            children = (
                current.value
                if isinstance(current, yaml.SequenceNode)
                else [child for pair in current.value for child in pair]
            )
            for child in children:
                child_values, child_characters = size(child)
                values += child_values
                characters += child_characters
        sizes[id(current)] = values, characters
        return values, characters

    values, characters = size(node)
    return values, len(sizes), characters


def expansion_limit(size: int) -> int:
    """The default limit of the text a YAML document of *size* bytes may expand to through its aliases.

    `DEFAULT_EXPANSION_FACTOR` times its size, and at least `DEFAULT_MAX_EXPANDED_BYTES`: a document without
    aliases expands to less than its own size.
    """
    return max(DEFAULT_EXPANSION_FACTOR * size, DEFAULT_MAX_EXPANDED_BYTES)


def parse_yaml(text: str | bytes, *, max_expanded_bytes: int | None = None) -> Any:
    """Parse one YAML document with the hardened loader; refuse a "billion laughs" document with `LoadError`.

    A document whose aliases expand it to more values than reason, or to more than *max_expanded_bytes* of
    text (default `expansion_limit` of its size), is refused before it is built. Other YAML errors propagate as
    PyYAML's; `parse` turns them into a `LoadError`.
    """
    limit = expansion_limit(len(text)) if max_expanded_bytes is None else max_expanded_bytes
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        expanded, distinct, characters = _expanded_size(node)
        if expanded > max(_MAX_EXPANDED_NODES, _MAX_EXPANSION_FACTOR * distinct):
            raise LoadError([Problem.of("billion_laughs", "$", expanded=expanded, distinct=distinct)])
        if characters > limit:
            raise LoadError([Problem.of("alias_text_limit", "$", characters=characters, limit=limit)])
        return loader.construct_document(node)
    finally:
        loader.dispose()


# --- JSON ----------------------------------------------------------------------------------------------------

# A run of 20 digits may be a whole number beyond 64 bits, which orjson reads as an inexact float.
_LONG_DIGITS = re.compile(rb"[0-9]{20}")


def _refuse_constant(name: str) -> Any:
    raise orjson.JSONDecodeError(f"{name} is not a JSON number", name, 0)


def _parse_json(text: str | bytes) -> Any:
    """Parse JSON with orjson; a document with a whole number beyond 64 bits again, keeping that number exact.

    orjson reads ``99999999999999999999999`` as the float ``1e23``, where YAML and the spreadsheets give the
    whole number, which the converter refuses: one number policy for every entry point.
    """
    data = orjson.loads(text)
    raw = text.encode("utf-8") if isinstance(text, str) else text
    if _LONG_DIGITS.search(raw) is None:
        return data
    # Rare (a long digit run, perhaps in a text): the standard library keeps whole numbers exact.
    return json.loads(raw, parse_constant=_refuse_constant)


def _without_bom(text: str | bytes) -> str | bytes:
    # A UTF-8 byte order mark, as Windows editors write it, is no part of the document in any format.
    if isinstance(text, bytes):
        return text.removeprefix(b"\xef\xbb\xbf")
    return text.removeprefix("\ufeff")


# --- text ----------------------------------------------------------------------------------------------------


def parse(
    text: str | bytes,
    format: DocumentFormat,  # noqa: A002 - the contract's parameter name
    *,
    max_expanded_bytes: int | None = None,
) -> Any:
    """Parse a YAML, JSON or TOML document into plain data (for YAML, *max_expanded_bytes* as in `parse_yaml`).

    Raises:
        LoadError: The text is not a document of that format; the one problem says why, with the line and
            column where the parser gives them. Its `source` is not set: the caller knows the file.
    """
    text = _without_bom(text)
    try:
        if format == "json":
            return _parse_json(text)
        if format == "toml":
            return tomllib.loads(text.decode("utf-8") if isinstance(text, bytes) else text)
        return parse_yaml(text, max_expanded_bytes=max_expanded_bytes)
    except orjson.JSONDecodeError as error:
        problem = Problem.of("json_syntax", "$", reason=error.msg, line=error.lineno, column=error.colno)
    except tomllib.TOMLDecodeError as error:
        problem = Problem.of("toml_syntax", "$", reason=str(error))
    except yaml.MarkedYAMLError as error:
        problem = _yaml_problem(error)
    except yaml.YAMLError as error:
        problem = Problem.of("yaml_syntax", "$", reason=str(error))
    except RecursionError:
        problem = Problem.of("too_deep", "$")
    except UnicodeDecodeError as error:
        problem = Problem.of("not_utf8", "$", reason=error.reason, byte=error.start)
    raise LoadError([problem])


def _yaml_problem(error: yaml.MarkedYAMLError) -> Problem:
    """A YAML syntax error as a problem: PyYAML's own words, or those of a value the loader refuses."""
    mark = error.problem_mark or error.context_mark
    reason: object = " ".join(part for part in (error.context, error.problem) if part)
    kind = "yaml_syntax_at"
    if isinstance(error, _RefusedError):
        reason, kind = error.words, "yaml_refused_at"
    if mark is None:
        return Problem.of("yaml_syntax", "$", reason=reason)
    return Problem.of(kind, "$", reason=reason, line=mark.line + 1, column=mark.column + 1)


# --- files ---------------------------------------------------------------------------------------------------


def read_file(file: Path, max_bytes: int, *, what: str = "the agreement") -> bytes:
    """Read the bytes of *file*, refusing one larger than *max_bytes* before it is read.

    A pipe or a device (``/dev/stdin``, ``/dev/zero``) has no size beforehand: it is read up to the limit only.

    Raises:
        LoadError: The file is missing, cannot be opened, or is larger than *max_bytes*; *what* names what was
            to be read in the message's first line.
    """
    try:
        info = file.stat()
        if info.st_size > max_bytes:
            raise LoadError(
                [Problem.of("file_too_large", "$", size=info.st_size, limit=max_bytes)], source=str(file), what=what
            )
        raw = file.read_bytes() if stat.S_ISREG(info.st_mode) else _read_at_most(file, max_bytes)
    except OSError as error:
        reason = error.strerror or str(error)
        problem = Problem.of("cannot_open", "$", reason=reason)
        raise LoadError([problem], source=str(file), what=what) from error
    if len(raw) > max_bytes:
        raise LoadError(
            [Problem.of("file_over_limit", "$", limit=max_bytes)],
            source=str(file),
            what=what,
        )
    return raw


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


def read_document(file: Path, format: DocumentFormat, *, max_bytes: int, what: str) -> Any:  # noqa: A002
    """Read and parse a small document file (settings, lead times): `read_file`, then `parse`.

    Raises:
        LoadError: See `read_file` and `parse`; the error names *file* as its source and *what* was to be read.
    """
    raw = read_file(file, max_bytes, what=what)
    try:
        return parse(raw, format)
    except LoadError as error:
        raise LoadError(error.problems, source=str(file), what=what) from None
