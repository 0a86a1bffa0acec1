"""Writing: an agreement as YAML or JSON bytes, and any bytes to a file atomically."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Any, Literal, TypeAlias

import orjson
import yaml

from prestatieafspraken import _collector
from prestatieafspraken.model import Agreement
from prestatieafspraken.serialization._reader import unstructure
from prestatieafspraken.serialization._reading import without_timestamps

__all__ = ["Format", "render", "write_atomically"]

#: The formats of an agreement's text.
Format: TypeAlias = Literal["yaml", "json"]

_BaseDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BaseDumper):  # type: ignore[misc,valid-type]  # the C dumper is untyped in types-PyYAML
    yaml_implicit_resolvers = without_timestamps(_BaseDumper.yaml_implicit_resolvers)


def render(agreement: Agreement, format: Format) -> bytes:  # noqa: A002 - the contract's parameter name
    """The text of file format v1 for *agreement*, as UTF-8 bytes."""
    # The plain data is a dict per model object, all alive until the text is written: collecting during the
    # unstructuring is wasted work (half of a JSON dump at 1e5 commitments; STYLE, performance habits).
    with _collector.paused():
        return _render_data(unstructure(agreement), format)


def _render_data(data: dict[str, Any], format: Format) -> bytes:  # noqa: A002
    if format == "json":
        return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    text: str = yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=110
    )
    return text.encode("utf-8")


def write_atomically(file: Path, payload: bytes) -> None:
    """Write *payload* to *file* atomically: a failed write leaves the old file as it was.

    The bytes go to a temporary file in the same folder, which is flushed to disk and then renamed over *file*;
    an existing file's permissions are kept, a new file is readable by all (0o644).

    Raises:
        OSError: The file cannot be written (the operating system's own error); a missing folder is said of
            the folder, not of the temporary file.
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
