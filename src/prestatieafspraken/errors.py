"""The exception hierarchy of prestatieafspraken, rooted at `PrestatieafsprakenError`.

Few classes; each leaf also inherits the built-in exception a caller would naturally catch, so
``except ValueError`` keeps working for code that does not know this library.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import attrs

__all__ = [
    "AllocationError",
    "ConfigError",
    "ExportError",
    "LoadError",
    "MissingExtraError",
    "PlanningError",
    "PrestatieafsprakenError",
    "Problem",
    "RuleContextError",
    "RuleRegistrationError",
    "TransitionError",
    "UnknownAudienceError",
    "UnknownExampleError",
    "UnknownNormError",
    "UnknownPartyError",
    "VersionsError",
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


_SHOWN_NAMES = 11


def _did_you_mean(name: str, known: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _shown(names: tuple[str, ...]) -> str:
    # A long list of ids is cut short: the message must stay readable.
    return ", ".join(names[:_SHOWN_NAMES]) + (", ..." if len(names) > _SHOWN_NAMES else "")


class UnknownExampleError(PrestatieafsprakenError, LookupError):
    """There is no shipped example of that name."""


class AllocationError(PrestatieafsprakenError, ValueError):
    """A total cannot be divided as asked: bad numbers, or constraints that cannot all be met."""


class UnknownAudienceError(PrestatieafsprakenError, ValueError):
    """An audience that is neither ``"public"`` nor a party of the agreement.

    Attributes:
        audience: The audience asked for.
        valid: The audiences there are: ``"public"``, then the party ids in file order.
    """

    def __init__(self, audience: str, valid: Iterable[str]) -> None:
        self.audience = audience
        self.valid: tuple[str, ...] = tuple(valid)
        super().__init__(
            f"unknown audience {audience!r}{_did_you_mean(audience, self.valid)}; "
            f"use 'public' or a party id of the agreement: {_shown(self.valid)}"
        )


class PlanningError(PrestatieafsprakenError, ValueError):
    """A plan cannot be made from the input: a signing date that is no working day, bad lead times or parties."""


class TransitionError(PrestatieafsprakenError, ValueError):
    """A status change that its lifecycle does not allow."""


class UnknownPartyError(PrestatieafsprakenError, ValueError):
    """A party id that the agreement does not have (for example the CLI's ``graph --party ID``).

    Attributes:
        party: The id asked for.
        known: The party ids of the agreement, in file order.
    """

    def __init__(self, party: str, known: Iterable[str]) -> None:
        self.party = party
        self.known: tuple[str, ...] = tuple(known)
        super().__init__(
            f"unknown party {party!r}{_did_you_mean(party, self.known)}; "
            f"use one of the agreement's party ids: {_shown(self.known)}"
        )


class UnknownNormError(PrestatieafsprakenError, LookupError):
    """A national norm that does not exist, or a year for which a norm has no value (`prestatieafspraken.norms`).

    Attributes:
        name: The norm asked for.
        year: The year asked for; ``None`` when the name itself is unknown.
        known: For an unknown name, the names of the norms; for a year without a value, the years (or runs of
            years, ``"2015–2018"``) that have one.
    """

    def __init__(self, name: str, known: Iterable[str], *, year: int | None = None) -> None:
        self.name = name
        self.year = year
        self.known: tuple[str, ...] = tuple(known)
        if year is None:
            message = (
                f"unknown norm {name!r}{_did_you_mean(name, self.known)}; "
                f"`prestatieafspraken norms` lists them: {_shown(self.known)}"
            )
        else:
            message = f"norm {name!r} has no value for {year}; it has values for {', '.join(self.known)}"
        super().__init__(message)


class RuleContextError(PrestatieafsprakenError, RuntimeError):
    """A `RuleContext` was used in a way only a running rule may use it (a finding made while no rule runs)."""


class VersionsError(PrestatieafsprakenError, ValueError):
    """Versions that cannot be compared, or a diff that does not fit the agreement it is applied to.

    Attributes:
        problems: Each place where the diff does not fit, with what it expected there and what is there.
    """

    def __init__(self, message: str, problems: Iterable[Problem] = ()) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join([message, *(f"  {problem}" for problem in self.problems)]))
