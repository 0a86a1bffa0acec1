"""Writing files: new files follow the umask, and a write killed midway leaves nothing behind for long."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import prestatieafspraken
from prestatieafspraken import dump
from prestatieafspraken.cli import main
from prestatieafspraken.serialization import structure, write_atomically
from prestatieafspraken.serialization._writing import STALE_AFTER_SECONDS, temporary_prefix
from prestatieafspraken.testing import minimal_agreement

EXAMPLE = "lindeveen-2025-2028"


@pytest.fixture
def umask() -> Iterator[Callable[[int], int]]:
    """Set the umask in a test; the old one is back afterwards."""
    old = os.umask(0o022)
    try:
        yield os.umask
    finally:
        os.umask(old)


def _dump(path: Path) -> None:
    dump(structure(minimal_agreement()), path)


def _report(path: Path) -> None:
    assert main(["report", "--example", EXAMPLE, "--output", str(path)]) == 0


def _export(path: Path) -> None:
    assert main(["export", "--example", EXAMPLE, "--to", "xlsx", "--output", str(path)]) == 0


def _document(path: Path) -> None:
    assert main(["document", "--example", EXAMPLE, "--output", str(path)]) == 0


class TestPermissions:
    """Every new file the library writes gets 0o666 less the umask; it was 0o644 whatever the umask."""

    @pytest.mark.parametrize(("mask", "mode"), [(0o077, 0o600), (0o022, 0o644)])
    @pytest.mark.parametrize(
        ("name", "write"),
        [("a.yaml", _dump), ("r.md", _report), ("a.xlsx", _export), ("d.md", _document)],
        ids=["dump", "report", "export", "document"],
    )
    def test_new_files_follow_the_umask(  # noqa: PLR0917 - fixtures and a parameter table
        self,
        tmp_path: Path,
        umask: Callable[[int], int],
        mask: int,
        mode: int,
        name: str,
        write: Callable[[Path], None],
    ) -> None:
        """A new file of `dump`, `report --output`, `export` and `document` has the umask's permissions."""
        umask(mask)
        path = tmp_path / name
        write(path)
        assert path.stat().st_mode & 0o777 == mode

    def test_an_existing_file_keeps_its_permissions(self, tmp_path: Path, umask: Callable[[int], int]) -> None:
        """Writing over a file keeps its own permissions whatever the umask."""
        path = tmp_path / "a.yaml"
        path.write_bytes(b"old\n")
        path.chmod(0o640)
        umask(0o000)
        write_atomically(path, b"new\n")
        assert (path.read_bytes(), path.stat().st_mode & 0o777) == (b"new\n", 0o640)


KILLED_WRITE = """
import os, sys
from pathlib import Path
from prestatieafspraken.serialization import structure, write_atomically

def hang(descriptor):
    print("writing", flush=True)
    while True:
        pass

os.fsync = hang
write_atomically(Path(sys.argv[1]), b"new")
"""


class TestKilledWrites:
    """A temporary file is named after its file, and the next write removes one left by a killed write."""

    def test_a_killed_write_leaves_a_recognisable_temporary_file(self, tmp_path: Path) -> None:
        """A write killed with SIGKILL leaves the old file and one `.NAME.tmp-…` file; the next write clears it."""
        path = tmp_path / "a.yaml"
        path.write_bytes(b"old")
        source = str(Path(prestatieafspraken.__file__).parents[1])
        environment = {**os.environ, "PYTHONPATH": os.pathsep.join([source, os.environ.get("PYTHONPATH", "")])}
        with subprocess.Popen(
            [sys.executable, "-c", KILLED_WRITE, str(path)], env=environment, stdout=subprocess.PIPE
        ) as process:
            assert process.stdout is not None
            assert process.stdout.readline() == b"writing\n"
            process.send_signal(signal.SIGKILL)
            process.wait()
        (left,) = tmp_path.glob(".a.yaml.tmp-*")
        assert path.read_bytes() == b"old"
        old = time.time() - STALE_AFTER_SECONDS - 5
        os.utime(left, (old, old))
        write_atomically(path, b"new")
        assert sorted(tmp_path.iterdir()) == [path]

    def test_a_recent_temporary_file_is_left_alone(self, tmp_path: Path) -> None:
        """A temporary file younger than a minute may belong to a write under way: it stays."""
        path = tmp_path / "a.yaml"
        busy = tmp_path / f"{temporary_prefix(path)}abc123"
        busy.write_bytes(b"half")
        other = tmp_path / f"{temporary_prefix(tmp_path / 'b.yaml')}abc123"
        other.write_bytes(b"half")
        old = time.time() - STALE_AFTER_SECONDS - 5
        os.utime(other, (old, old))
        write_atomically(path, b"new")
        assert sorted(tmp_path.iterdir()) == sorted([path, busy, other])
