"""What a workbook or CSV file may expand to: bytes, rows and listed problems, each a limit that can be raised.

A workbook is a zip file of XML parts: 2 MB on disk can hold 2 GB of XML. A reader that trusts the file can be
made to use all memory and time by a small file mailed between organisations, so every reader of this package
checks these limits before (and while) it reads, and says which limit a file exceeds and how to raise it.
"""

from __future__ import annotations

from pathlib import Path

import attrs

from prestatieafspraken._problem_words import Said, say
from prestatieafspraken.errors import LoadError, PrestatieafsprakenError, Problem

__all__ = ["DEFAULT_LIMITS", "LimitError", "Limits", "problems_error", "read_at_most", "too_much"]


class LimitError(PrestatieafsprakenError, ValueError):
    """A limit that is not a whole number of at least 1."""


def _positive(_instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int or value < 1:
        raise LimitError(f"{attribute.name} must be a whole number of at least 1, got {value!r}")


@attrs.frozen(kw_only=True)
class Limits:
    """The limits of one read of a workbook or CSV file.

    Raises:
        LimitError: A limit that is not a whole number of at least 1.

    Attributes:
        max_bytes: What the file may expand to: a workbook's parts after decompression, taken together (their
            declared sizes are checked before anything is read, their actual sizes while they are read), or a
            CSV file's size.
        max_rows: The rows the file may have, all sheets taken together (for a workbook: the rows it writes down,
            also those without values).
        max_problems: The problems an error lists; the rest are counted (``... and 1,234 more``).
    """

    max_bytes: int = attrs.field(default=256 * 1024 * 1024, validator=_positive)
    max_rows: int = attrs.field(default=100_000, validator=_positive)
    max_problems: int = attrs.field(default=100, validator=_positive)


#: The limits used when none are given.
DEFAULT_LIMITS = Limits()

_HOW = {
    "max_bytes": "--max-bytes",
    "max_rows": "--max-rows",
    "max_problems": "--max-problems",
}


def too_much(limit: str, found: Said, limits: Limits, *, source: str, what: str) -> LoadError:
    """The error for a file over *limit* (``"max_rows"``, ...): *found* says by what, the message how to raise it.

    Args:
        limit: The name of the limit, an attribute of `Limits`.
        found: What the file holds, as a phrase: ``Said.of("over_rows", count=100_000)``.
        limits: The limits in force.
        source: The file.
        what: What could not be read (``"the realisations"``).
    """
    value = getattr(limits, limit)
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    problem = Problem.of("over_limit", name, found=found, limit=limit, value=value, option=_HOW[limit])
    return LoadError([problem], source=source, what=what)


def problems_error(problems: list[Problem], limits: Limits, *, source: str, what: str) -> LoadError:
    """The error listing *problems*: the first `Limits.max_problems` of them, and how many more there are."""
    shown = problems[: limits.max_problems]
    return LoadError(
        shown,
        source=source,
        what=what,
        omitted=len(problems) - len(shown),
        omitted_hint=say(
            "limit_hint", "en", {"limit": "max_problems", "value": limits.max_problems, "option": "max-problems"}
        ),
        omitted_limit=("max_problems", limits.max_problems),
    )


_CHUNK = 1 << 20


def read_at_most(file: Path, limit: int) -> bytes:
    """The bytes of *file*, read until its end or until more than *limit* have arrived (then ``limit + 1`` of them).

    Read in chunks, so that a large limit costs no memory for a small file.

    Raises:
        OSError: The file cannot be read.
    """
    chunks: list[bytes] = []
    total = 0
    with file.open("rb") as stream:
        while total <= limit and (chunk := stream.read(min(_CHUNK, limit + 1 - total))):
            chunks.append(chunk)
            total += len(chunk)
    return b"".join(chunks)
