"""Data safety of reading and writing (issue 7): writes that fail midway, alias bombs, files beyond the size limit.

`tests/test_serialization.py` covers the ordinary cases (a failing rename or fsync, the size-limit message, a billion
laughs refused in time); these tests break a write halfway through its bytes, measure the memory an alias bomb
costs, and make sure an oversized file is never opened.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import threading
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any, Self

import pytest

from prestatieafspraken import LoadError, dump, dumps, load, loads
from prestatieafspraken.model import Agreement
from prestatieafspraken.serialization import DEFAULT_MAX_BYTES
from support import agreement_yaml, party_entry

MINIMAL = agreement_yaml(
    perspective={"start": 2024, "end": 2028},
    parties=[
        party_entry("gemeente-utrecht", "Gemeente Utrecht", "municipality"),
        party_entry("bo-ex", "Bo-Ex", "housing_corporation"),
        party_entry("huurders", "Huurdersvereniging", "tenant_organisation"),
    ],
)

OLD_CONTENT = b"old content: the agreement as it was\n"


@pytest.fixture
def agreement() -> Agreement:
    """A small agreement to write."""
    return loads(MINIMAL)


def peak_mib(action: Callable[[], object]) -> float:
    """The most memory (MiB) that Python held for *action* at any moment while it ran."""
    tracemalloc.start()
    try:
        action()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 2**20


# --- atomic writes ------------------------------------------------------------------------------------------------


class _HalfWriter:
    """A file object whose `write` writes half the bytes, then fails as the disk or the user would."""

    def __init__(self, stream: Any, failure: BaseException, seen: dict[str, object]) -> None:
        self._stream = stream
        self._failure = failure
        self._seen = seen

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self._stream.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def write(self, data: bytes) -> int:
        half = len(data) // 2
        self._stream.write(data[:half])
        self._stream.flush()
        self._seen["written"] = os.fstat(self._stream.fileno()).st_size
        self._seen["half"] = half
        raise self._failure


def _fail_writes_midway(monkeypatch: pytest.MonkeyPatch, failure: BaseException) -> dict[str, object]:
    """Make every file opened by `os.fdopen` fail halfway through its first write; return what the write saw."""
    seen: dict[str, object] = {}
    fdopen = os.fdopen

    def failing_fdopen(fd: int, *args: Any, **kwargs: Any) -> _HalfWriter:
        return _HalfWriter(fdopen(fd, *args, **kwargs), failure, seen)

    monkeypatch.setattr(os, "fdopen", failing_fdopen)
    return seen


FAILURES = [
    pytest.param(OSError(errno.ENOSPC, "No space left on device"), id="disk-full"),
    pytest.param(KeyboardInterrupt("interrupted while writing"), id="ctrl-c"),
]


def _message(failure: BaseException) -> str:
    """A `match=` pattern for the failure's message."""
    return re.escape(str(failure.args[-1]))


class TestFailedWrite:
    """A write that fails halfway through its bytes leaves the old file as it was and nothing else behind."""

    @pytest.mark.parametrize("failure", FAILURES)
    @pytest.mark.parametrize("suffix", [".yaml", ".json"])
    def test_old_file_survives(
        self,
        tmp_path: Path,
        agreement: Agreement,
        monkeypatch: pytest.MonkeyPatch,
        failure: BaseException,
        suffix: str,
    ) -> None:
        """The old file keeps its bytes, permissions and identity, and no temporary file is left behind."""
        path = tmp_path / f"agreement{suffix}"
        path.write_bytes(OLD_CONTENT)
        path.chmod(0o640)
        before = path.stat()
        seen = _fail_writes_midway(monkeypatch, failure)
        with pytest.raises(type(failure), match=_message(failure)):
            dump(agreement, path)
        assert seen["half"]
        assert seen["written"] == seen["half"], "the write failed midway, after half the bytes reached the disk"
        after = path.stat()
        assert path.read_bytes() == OLD_CONTENT
        assert stat.S_IMODE(after.st_mode) == 0o640
        assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
        assert list(tmp_path.iterdir()) == [path]

    @pytest.mark.parametrize("failure", FAILURES)
    def test_no_new_file(
        self, tmp_path: Path, agreement: Agreement, monkeypatch: pytest.MonkeyPatch, failure: BaseException
    ) -> None:
        """A first write that fails midway leaves no file at all: neither a half one nor a temporary one."""
        seen = _fail_writes_midway(monkeypatch, failure)
        with pytest.raises(type(failure), match=_message(failure)):
            dump(agreement, tmp_path / "agreement.yaml")
        assert seen["written"] == seen["half"]
        assert list(tmp_path.iterdir()) == []

    def test_the_next_write_succeeds(
        self, tmp_path: Path, agreement: Agreement, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """After a failed write the file can be written again, and then holds the new agreement whole."""
        path = tmp_path / "agreement.yaml"
        path.write_bytes(OLD_CONTENT)
        with monkeypatch.context() as patched:
            _fail_writes_midway(patched, OSError(errno.ENOSPC, "No space left on device"))
            with pytest.raises(OSError, match="No space left on device"):
                dump(agreement, path)
        dump(agreement, path)
        assert path.read_text(encoding="utf-8") == dumps(agreement)
        assert list(tmp_path.iterdir()) == [path]


class TestWriteTarget:
    """A file cannot be written into a folder that is not there, and the error says so."""

    @pytest.mark.parametrize(
        ("folder", "error"),
        [("missing", FileNotFoundError), ("missing/deeper", FileNotFoundError), ("a-file", NotADirectoryError)],
    )
    def test_missing_folder(self, tmp_path: Path, agreement: Agreement, folder: str, error: type[OSError]) -> None:
        """The error names the folder that is missing and the file, not a temporary file; nothing is created."""
        (tmp_path / "a-file").write_text("not a folder\n")
        path = tmp_path / folder / "agreement.yaml"
        expected = f"there is no folder {str(path.parent)!r} to write the file in; create it first"
        with pytest.raises(error, match=re.escape(expected)) as caught:
            dump(agreement, path)
        assert caught.value.filename == str(path)
        assert ".tmp" not in str(caught.value)
        assert sorted(entry.name for entry in tmp_path.iterdir()) == ["a-file"]


# --- alias bombs --------------------------------------------------------------------------------------------------


def _billion_laughs_lists() -> str:
    """Nine lists of nine aliases of the list before: 9**9 (387 million) values."""
    lines = ["schema_version: 1", "lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"lol{level}: &l{level} [{', '.join([f'*l{level - 1}'] * 9)}]" for level in range(1, 10)]
    return "\n".join(lines) + "\n"


def _billion_laughs_mappings() -> str:
    """The same in mappings, under a key the converter reads: each level holds ten aliases of the one before."""
    lines = ["schema_version: 1", "a0: &a0 {" + ", ".join(f"k{key}: lol" for key in range(10)) + "}"]
    lines += [
        f"a{level}: &a{level} {{" + ", ".join(f"k{key}: *a{level - 1}" for key in range(10)) + "}"
        for level in range(1, 9)
    ]
    lines.append("definitions: [*a8, *a8, *a8]")
    return "\n".join(lines) + "\n"


def _quadratic_blowup(targets: int = 2000) -> str:
    """The breakdown of one target, 2,000 shares, anchored, and the breakdowns of 1,999 more targets aliases of it.

    8 million values from 190 kB. Read without the guard, each target would get its own copy of the breakdown,
    about 150 kB each: 300 MB in all.
    """
    shares = ", ".join(f"area-{number}: 1" for number in range(2000))
    target = "  - {{id: t-{number}, indicator: homes, value: 2000, by: 2028, breakdown: {breakdown}}}"
    lines = [
        MINIMAL + "indicators: [{id: homes, label: Woningen, unit: dwellings, aggregation: flow}]",
        "targets:",
        target.format(number=0, breakdown=f"&shares {{{shares}}}"),
        *(target.format(number=number, breakdown="*shares") for number in range(1, targets)),
    ]
    return "\n".join(lines) + "\n"


ALIAS_BOMBS = [
    pytest.param(_billion_laughs_lists(), id="billion-laughs-lists"),
    pytest.param(_billion_laughs_mappings(), id="billion-laughs-mappings"),
    pytest.param(_quadratic_blowup(), id="quadratic-blowup"),
]

#: What refusing an alias bomb may cost: the document's nodes, a few MiB, not its expansion (tens of MiB and up).
BOMB_MEMORY_MIB = 32


class TestAliasBombs:
    """A YAML document whose aliases expand it far beyond its size is refused before it is expanded."""

    @pytest.mark.parametrize("document", ALIAS_BOMBS)
    def test_refused_in_bounded_memory(self, document: str) -> None:
        """The document is refused with a LoadError that explains why, in a few MiB of memory."""
        loads(MINIMAL)  # imports and caches are not the bomb's cost
        caught: list[LoadError] = []

        def refuse() -> None:
            with pytest.raises(LoadError, match=re.escape("$: YAML aliases expand this document to ")) as error:
                loads(document)
            caught.append(error.value)

        assert peak_mib(refuse) < BOMB_MEMORY_MIB
        assert "refused as a 'billion laughs' document" in str(caught[0])
        assert [problem.path for problem in caught[0].problems] == ["$"]

    @pytest.mark.parametrize(
        "document",
        [
            pytest.param("schema_version: 1\nlol: &lol [*lol]\n", id="list-holding-itself"),
            pytest.param("schema_version: 1\nlol: &lol {again: *lol}\n", id="mapping-holding-itself"),
        ],
    )
    def test_alias_to_itself(self, document: str) -> None:
        """An alias inside the value it names is a LoadError, not a RecursionError."""
        with pytest.raises(LoadError, match=re.escape("$: ")):
            loads(document)

    def test_modest_aliases_are_read(self) -> None:
        """Aliases that repeat a value a few times, as a person writes them, are read as the values they stand for."""
        document = MINIMAL + (
            "commitments:\n"
            "  - {id: c-1, by: &both [bo-ex, gemeente-utrecht], for: *both, year: 2024}\n"
            "  - {id: c-2, by: *both, for: [huurders], year: 2025}\n"
        )
        loaded = loads(document)
        assert [commitment.by for commitment in loaded.commitments] == [("bo-ex", "gemeente-utrecht")] * 2
        assert loaded.commitments[0].beneficiaries == ("bo-ex", "gemeente-utrecht")


# --- the size limit -----------------------------------------------------------------------------------------------


def forbid_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every way `load` could read a file's content fail the test."""

    def refuse(*_: object, **__: object) -> None:
        pytest.fail("the file was opened to be read")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    monkeypatch.setattr(Path, "read_text", refuse)
    monkeypatch.setattr(Path, "open", refuse)


class TestSizeLimit:
    """A file larger than the limit is refused from its size alone, without being read."""

    @pytest.mark.parametrize("below", [1, 100])
    def test_larger_file_is_not_read(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, below: int) -> None:
        """With `max_bytes` below the file's size the file is refused, and never opened."""
        path = tmp_path / "agreement.yaml"
        path.write_text(MINIMAL, encoding="utf-8")
        size = path.stat().st_size
        limit = size - below
        forbid_reading(monkeypatch)
        with pytest.raises(
            LoadError, match=re.escape(f"$: the file is {size:,} bytes, more than the limit of {limit:,}")
        ):
            load(path, max_bytes=limit)

    def test_default_limit(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without `max_bytes` a file of more than 1 GiB (here a sparse one) is refused unread."""
        path = tmp_path / "national.json"
        with path.open("wb") as stream:
            stream.truncate(DEFAULT_MAX_BYTES + 1)
        forbid_reading(monkeypatch)
        with pytest.raises(LoadError, match=re.escape(f"more than the limit of {DEFAULT_MAX_BYTES:,}")) as caught:
            load(path)
        assert caught.value.source == str(path)

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
    def test_pipe_is_read_up_to_the_limit(self, tmp_path: Path) -> None:
        """A pipe (whose size says 0, like /dev/stdin or /dev/zero) is read up to the limit and refused there."""
        path = tmp_path / "agreement.yaml"
        os.mkfifo(path)
        limit = 1 << 20
        sent: list[int] = []

        def write() -> None:
            with contextlib.suppress(BrokenPipeError), path.open("wb") as stream:
                for _ in range(8):
                    stream.write(b"#" * limit)
                    sent.append(limit)

        writer = threading.Thread(target=write, daemon=True)
        writer.start()
        try:
            with pytest.raises(LoadError, match=re.escape(f"$: the file holds more than the limit of {limit:,} bytes")):
                load(path, max_bytes=limit)
        finally:
            writer.join(timeout=10)
        assert not writer.is_alive()
        assert sum(sent) < 8 * limit, "the reader stopped, so the writer could not send everything"
