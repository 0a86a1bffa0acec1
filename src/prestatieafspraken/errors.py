"""The exception hierarchy of prestatieafspraken, rooted at `PrestatieafsprakenError`.

Few classes; each leaf also inherits the built-in exception a caller would naturally catch, so
``except ValueError`` keeps working for code that does not know this library.
"""

from __future__ import annotations

import attrs

__all__ = [
    "ConfigError",
    "ExportError",
    "LoadError",
    "MissingExtraError",
    "PrestatieafsprakenError",
    "Problem",
    "RuleRegistrationError",
]


class PrestatieafsprakenError(Exception):
    """Base class of every exception this library raises on purpose."""


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with an input, at one place.

    Attributes:
        path: Where the problem is: in a YAML or JSON document a JSONPath (``$.commitments[3].year``, or ``$``
            for the whole document); in a workbook a cell reference (``Realisaties!C14``), a row (``Targets!5:5``)
            or a sheet name; in a CSV file ``file.csv:row 14, column value``.
        message: What is wrong and what was expected, in one sentence.
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class LoadError(PrestatieafsprakenError, ValueError):
    """A document cannot be read as an agreement of file format v1, or a workbook or CSV file of realisations.

    The message lists every problem found, one per line, each with its place (a ``$.path``, or a cell of a
    workbook or CSV file); the same problems are on `problems`, and the file (if any) on `source`. *what* names
    what could not be read in the first line of the message (default: ``the agreement``).
    """

    def __init__(
        self,
        problems: tuple[Problem, ...] | list[Problem],
        *,
        source: str | None = None,
        what: str = "the agreement",
    ) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        where = f"{source}: " if source else ""
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{where}cannot read {what} ({count} {noun}):"]
        lines.extend(f"  {problem}" for problem in self.problems)
        super().__init__("\n".join(lines))


class ConfigError(PrestatieafsprakenError, ValueError):
    """A check configuration (selection, severity override or rule parameter) is invalid."""


class ExportError(PrestatieafsprakenError, ValueError):
    """An agreement cannot be written in the form asked for.

    For example a text longer than a spreadsheet cell holds (32,767 characters), or a realisations template for a
    year the agreement takes no figures for.
    """


class MissingExtraError(PrestatieafsprakenError, ImportError):
    """An optional dependency is not installed; the message names the extra that installs it.

    For example ``pip install "prestatieafspraken[excel]"`` for workbooks (openpyxl) and
    ``pip install "prestatieafspraken[pandas]"`` for DataFrames.
    """


class RuleRegistrationError(PrestatieafsprakenError, ValueError):
    """A rule cannot be added to the registry, or the plugin module that holds it cannot be imported.

    Its code has the wrong shape, is in the built-in ``PA`` namespace or is taken by another rule; a parameter
    default contradicts another rule's; or a module named in ``plugins`` or by an installed package's entry point
    fails to import. The message names the code and where the rule comes from (its module, the configuration or
    the installed package), and says what to do.
    """
