"""The exception hierarchy of prestatieafspraken, rooted at `PrestatieafsprakenError`.

Few classes; each leaf also inherits the built-in exception a caller would naturally catch, so
``except ValueError`` keeps working for code that does not know this library.
"""

from __future__ import annotations

import attrs

__all__ = ["ConfigError", "LoadError", "PrestatieafsprakenError", "Problem"]


class PrestatieafsprakenError(Exception):
    """Base class of every exception this library raises on purpose."""


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with an input, at one place.

    Attributes:
        path: Where the problem is, as a JSONPath (``$.commitments[3].year``), or ``$`` for the whole document.
        message: What is wrong and what was expected, in one sentence.
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class LoadError(PrestatieafsprakenError, ValueError):
    """A document cannot be read as an agreement of file format v1.

    The message lists every problem found, one per line, each with its ``$.path``; the same problems are on
    `problems`, and the file (if any) on `source`.
    """

    def __init__(self, problems: tuple[Problem, ...] | list[Problem], *, source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        where = f"{source}: " if source else ""
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{where}cannot read the agreement ({count} {noun}):"]
        lines.extend(f"  {problem}" for problem in self.problems)
        super().__init__("\n".join(lines))


class ConfigError(PrestatieafsprakenError, ValueError):
    """A check configuration (selection, severity override or rule parameter) is invalid."""
