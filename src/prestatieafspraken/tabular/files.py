"""Writing the files that travel between organisations: atomically, as private as the umask says, one at a time.

A template or workbook may hold confidential figures, so a new file gets the permissions the user's umask gives
(``umask 077``: readable by the owner only), as any program that creates a file does; an existing file keeps its
own. Two merges into the same file at once take turns (`locked`), and a file that changed since it was read is not
written over (`fingerprint`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = ["atomic_file", "fingerprint", "locked", "new_file_mode", "write_file"]

_PROC_STATUS = Path("/proc/self/status")


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


def write_file(file: Path, payload: bytes) -> None:
    """Write *payload* to *file* atomically: a failed write leaves the old file as it was (see `atomic_file`).

    Raises:
        OSError: The folder is missing or the file cannot be written.
    """
    with atomic_file(file) as stream:
        stream.write(payload)


@contextlib.contextmanager
def atomic_file(file: Path) -> Iterator[BinaryIO]:
    """A binary stream whose bytes become *file* when the block ends; if the block fails, *file* is left as it was.

    The bytes go to a temporary file in the same folder, which is flushed to disk and renamed over *file*; an
    existing file keeps its permissions, a new one gets `new_file_mode` (the umask's, not always ``0o644``). The
    stream is seekable, so a zip file can be written into it as it is made.

    Raises:
        OSError: The folder is missing or the file cannot be written.
    """
    try:
        handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.", suffix=".tmp")
    except (FileNotFoundError, NotADirectoryError) as error:
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


def lock_path(file: Path) -> Path:
    """The lock file of *file*: ``.NAME.lock`` beside it (left in place: removing it would race with a waiter)."""
    return file.parent / f".{file.name}.lock"


@contextlib.contextmanager
def locked(file: Path) -> Iterator[None]:
    """Hold the lock of *file* in the block: another process that asks for it waits until the block ends.

    The lock is an advisory ``flock`` on `lock_path`, so it orders the writers that ask for it (every merge of
    this library does); where the platform has no ``flock`` (Windows), `fingerprint` still refuses to write over
    a file that changed since it was read.
    """
    if sys.platform == "win32":  # pragma: no cover - no flock
        yield
        return
    import fcntl  # noqa: PLC0415 - POSIX only

    descriptor = os.open(lock_path(file), os.O_RDWR | os.O_CREAT, 0o666)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def fingerprint(file: Path) -> str | None:
    """A digest of what *file* holds now (``None`` when there is no such file), to see whether it changed."""
    try:
        return hashlib.sha256(file.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None
