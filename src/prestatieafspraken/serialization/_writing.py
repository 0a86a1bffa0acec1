"""Writing: an agreement as YAML or JSON bytes, and any bytes to a file atomically, as private as the umask says."""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, Literal, TypeAlias

import orjson
import yaml

from prestatieafspraken import _collector
from prestatieafspraken.model import Agreement
from prestatieafspraken.serialization._reader import unstructure
from prestatieafspraken.serialization._reading import without_timestamps

__all__ = [
    "STALE_AFTER_SECONDS",
    "Dumper",
    "Format",
    "atomic_file",
    "new_file_mode",
    "render",
    "temporary_prefix",
    "write_atomically",
]

#: The formats of an agreement's text.
Format: TypeAlias = Literal["yaml", "json"]

#: A temporary file of a write this much older than now belongs to a write that was killed: the next write to
#: the same file removes it.
STALE_AFTER_SECONDS = 60

_TEMPORARY = ".tmp-"
_PROC_STATUS = Path("/proc/self/status")

_BaseDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class Dumper(_BaseDumper):  # type: ignore[misc,valid-type]  # the C dumper is untyped in types-PyYAML
    """The dumper of agreements: libyaml's when installed, dates written as the text they are."""

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
    text: str = yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=110)
    return text.encode("utf-8")


def _umask() -> int:
    # Linux says it without changing it; elsewhere it can only be read by setting it (and setting it back).
    with contextlib.suppress(OSError, ValueError):
        for line in _PROC_STATUS.read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def new_file_mode() -> int:
    """The permissions of a new file: ``0o666`` less the umask, as ``open()`` gives them."""
    return 0o666 & ~_umask()


def temporary_prefix(file: Path) -> str:
    """The name every temporary file of a write to *file* starts with: ``.NAME.tmp-`` (a random tail follows)."""
    return f".{file.name}{_TEMPORARY}"


def _remove_stale_temporaries(file: Path) -> None:
    # A write killed midway (SIGKILL, power loss) leaves its temporary file behind; a minute later no live write
    # still needs it, so the next write to the same file clears it away.
    now = time.time()
    with contextlib.suppress(OSError):
        for stale in file.parent.glob(glob.escape(temporary_prefix(file)) + "*"):
            with contextlib.suppress(OSError):
                if now - stale.lstat().st_mtime > STALE_AFTER_SECONDS:
                    stale.unlink()


def write_atomically(file: Path, payload: bytes) -> None:
    """Write *payload* to *file* atomically: a failed write leaves the old file as it was (see `atomic_file`).

    Raises:
        OSError: The file cannot be written (the operating system's own error); a missing folder is said of
            the folder, not of the temporary file.
    """
    with atomic_file(file) as stream:
        stream.write(payload)


@contextlib.contextmanager
def atomic_file(file: Path) -> Iterator[BinaryIO]:
    """A binary stream whose bytes become *file* when the block ends; if the block fails, *file* is left as it was.

    The bytes go to a temporary file ``.NAME.tmp-<random>`` in the same folder, which is flushed to disk and then
    renamed over *file*. An existing file keeps its permissions; a new one gets `new_file_mode` (``0o666`` less
    the umask: ``umask 077`` makes it readable by its owner only). The stream is seekable, so a zip file can be
    written into it as it is made. Temporary files of earlier writes to *file* that were killed midway, older than
    `STALE_AFTER_SECONDS`, are removed.

    Raises:
        OSError: The file cannot be written (the operating system's own error); a missing folder is said of
            the folder, not of the temporary file.
    """
    try:
        handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=temporary_prefix(file))
    except (FileNotFoundError, NotADirectoryError) as error:
        # Said of the folder, not of the temporary file the reader never asked for.
        raise type(error)(
            error.errno, f"there is no folder {str(file.parent)!r} to write the file in; create it first", str(file)
        ) from None
    try:
        with os.fdopen(handle, "w+b") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        mode = file.stat().st_mode & 0o7777 if file.exists() else new_file_mode()
        os.chmod(temporary, mode)  # noqa: PTH101 - mkstemp creates 0o600
        os.replace(temporary, file)  # noqa: PTH105
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)  # noqa: PTH108
        raise
    _remove_stale_temporaries(file)
