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
from collections.abc import Iterator
from pathlib import Path

from prestatieafspraken.serialization._writing import atomic_file, new_file_mode, write_atomically

__all__ = ["atomic_file", "fingerprint", "locked", "new_file_mode", "write_file"]


def write_file(file: Path, payload: bytes) -> None:
    """Write *payload* to *file* atomically, a new file with the umask's permissions: `write_atomically`.

    Raises:
        OSError: The folder is missing or the file cannot be written.
    """
    write_atomically(file, payload)


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
