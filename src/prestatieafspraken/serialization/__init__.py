"""Reading and writing agreements in file format v1 (YAML and JSON) through one cattrs converter.

`load` and `loads` read, `dump` and `dumps` write, `make_converter` gives the converter itself (its docstring
lists the wire decisions). A document that is not an agreement gives one `prestatieafspraken.LoadError` listing
every problem with its ``$.path``; files are read with a size limit and YAML with budgets against alias bombs.

The implementation is private: `._converter` (the converter and the hooks of the classes), `._wire` (the hooks
of plain types), `._interning` (sharing repeated values), `._reader` (structuring fast, explaining in full),
`._explain`, `._reading` (safe file and text reading, also used by the planner's lead times) and `._writing`.
"""

from __future__ import annotations

import os
import typing
from pathlib import Path

from prestatieafspraken import _collector
from prestatieafspraken.errors import ExportError, LoadError, Problem, UnknownNameError
from prestatieafspraken.model import Agreement
from prestatieafspraken.serialization._converter import make_converter
from prestatieafspraken.serialization._positions import locate
from prestatieafspraken.serialization._reader import structure, unstructure
from prestatieafspraken.serialization._reading import DEFAULT_MAX_BYTES, parse, read_file
from prestatieafspraken.serialization._writing import Format, render, write_atomically

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Format",
    "dump",
    "dumps",
    "load",
    "loads",
    "make_converter",
    "structure",
    "unstructure",
    "write_atomically",
]

_FORMATS: tuple[Format, ...] = typing.get_args(Format)
_SUFFIXES: dict[str, Format] = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}


def _check_format(format: str) -> Format:  # noqa: A002 - the contract's parameter name
    if format not in _FORMATS:
        raise UnknownNameError("format", format, _FORMATS)
    return format


def loads(
    text: str | bytes,
    format: Format = "yaml",  # noqa: A002 - the contract's name
    *,
    max_expanded_bytes: int | None = None,
) -> Agreement:
    """Read an agreement from YAML or JSON text.

    Args:
        text: The document, as text or UTF-8 bytes.
        format: ``"yaml"`` (the default; JSON is YAML too, but slower read that way) or ``"json"``.
        max_expanded_bytes: A YAML document whose aliases expand it to more text than this is refused; by
            default 64 times its size, and at least 256 MiB.

    Raises:
        LoadError: The text is not an agreement of file format v1; the error lists every problem with its
            ``$.path``.
        UnknownNameError: *format* is neither ``"yaml"`` nor ``"json"`` (also a `ValueError`).
    """
    chosen = _check_format(format)
    try:
        with _collector.paused():  # parsing allocates as much as structuring: collecting during either is wasted
            return structure(parse(text, chosen, max_expanded_bytes=max_expanded_bytes))
    except LoadError as error:
        raise _located(error, text, chosen, source=error.source) from None


def _located(error: LoadError, text: str | bytes, format: Format, *, source: str | None) -> LoadError:  # noqa: A002
    """*error* again, its problems with the line and column of their path in *text* (see `locate`)."""
    return error.with_problems(locate(text, format, error.problems), source=source)


def _format_of(path: Path, format: Format | None) -> Format:  # noqa: A002
    if format is not None:
        return _check_format(format)
    found = _SUFFIXES.get(path.suffix.lower())
    if found is None:
        problem = Problem.of("unknown_file_type", "$", suffix=path.suffix or "(none)")
        raise LoadError([problem], source=str(path))
    return found


def load(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,  # noqa: A002
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_expanded_bytes: int | None = None,
) -> Agreement:
    """Read an agreement from a YAML (``.yaml``, ``.yml``) or JSON (``.json``) file.

    Args:
        path: The file.
        format: Overrides the format the suffix implies.
        max_bytes: Files larger than this are refused before they are read.
        max_expanded_bytes: A YAML file whose aliases expand it to more text than this is refused; by default
            64 times its size, and at least 256 MiB.

    Raises:
        LoadError: The file is missing, too large, or not an agreement of file format v1; the error lists every
            problem with its ``$.path``.
        UnknownNameError: *format* is neither ``"yaml"`` nor ``"json"`` (also a `ValueError`).
    """
    file = Path(path)
    chosen = _format_of(file, format)
    raw = read_file(file, max_bytes)
    try:
        with _collector.paused():
            return structure(parse(raw, chosen, max_expanded_bytes=max_expanded_bytes), source=str(file))
    except LoadError as error:
        raise _located(error, raw, chosen, source=str(file)) from None


def dumps(agreement: Agreement, format: Format = "yaml") -> str:  # noqa: A002 - the contract's name
    """Write an agreement as YAML or JSON text of file format v1.

    Raises:
        UnknownNameError: *format* is neither ``"yaml"`` nor ``"json"`` (also a `ValueError`).
    """
    return render(agreement, _check_format(format)).decode("utf-8")


def dump(
    agreement: Agreement,
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,  # noqa: A002
) -> None:
    """Write an agreement to a file, atomically: a failed write leaves the old file as it was.

    The text goes to a temporary file in the same folder, which is flushed to disk and then renamed over
    *path*. The format follows the suffix (``.yaml``, ``.yml``, ``.json``) unless *format* is given.

    Raises:
        ExportError: The suffix names no format and *format* is not given (also a `ValueError`).
        UnknownNameError: *format* is neither ``"yaml"`` nor ``"json"`` (also a `ValueError`).
        OSError: The file cannot be written.
    """
    file = Path(path)
    chosen = format if format is not None else _SUFFIXES.get(file.suffix.lower())
    if chosen is None:
        raise ExportError(f"cannot tell the format of {file.name!r}; use .yaml, .yml or .json or pass format=")
    write_atomically(file, render(agreement, _check_format(chosen)))
