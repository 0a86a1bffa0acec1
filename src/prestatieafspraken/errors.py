"""The exception hierarchy of prestatieafspraken, rooted at `PrestatieafsprakenError`.

Few classes; each leaf also inherits the built-in exception a caller would naturally catch, so
``except ValueError`` keeps working for code that does not know this library. Every exception the library raises
derives from `PrestatieafsprakenError` (a test walks every module to hold this).

``str(error)`` is English. `PrestatieafsprakenError.describe` says an error in Dutch (``"nl"``) or English
(``"en"``): a `LoadError` lists each `Problem` with its place (``kan de overeenkomst niet lezen (2 problemen):``),
and every problem and most errors carry a machine kind and its parameters, so the command line prints them in the
language of ``--lang``.

Deprecated names (kept so that existing ``except`` clauses keep working; they will be removed in a later release):
``UnknownExampleError``, ``UnknownAudienceError`` and ``UnknownPartyError`` are all `UnknownNameError` now, which
says what kind of name was unknown in its `~UnknownNameError.kind`.
"""

from __future__ import annotations

import difflib
import warnings
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final, Self

import attrs

from prestatieafspraken._language import Language
from prestatieafspraken._problem_words import Said, place_in, say, what_in

__all__ = [
    "AllocationError",
    "ArgumentError",
    "ConfigError",
    "CycleError",
    "ExportError",
    "InvariantError",
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
    "UnknownNameError",
    "UnknownNormError",
    "UnknownPartyError",
    "VersionsError",
]


_NO_PARAMS: Final[Mapping[str, object]] = MappingProxyType({})


class PrestatieafsprakenError(Exception):
    """Base class of every exception this library raises on purpose.

    An error made with `of` carries a machine `message_kind` and its `message_params`, and `describe` says it in
    Dutch or English; ``str(error)`` is the English text. An error made with a message only has no kind, and says
    that message in either language.

    Attributes:
        message_kind: What kind of message it is (a key of `prestatieafspraken._problem_words.KINDS`), or ``None``.
        message_params: The values its text is made of.
    """

    message_kind: str | None = None
    message_params: Mapping[str, object] = _NO_PARAMS

    @classmethod
    def of(cls, kind: str, /, **params: object) -> Self:
        """The error of *kind* with *params*: its message is the English text of the kind."""
        return cls(say(kind, "en", params)).worded(kind, params)

    def worded(self, kind: str, params: Mapping[str, object]) -> Self:
        """This error, marked as one of *kind* with *params* (its message is their English text already)."""
        self.message_kind = kind
        self.message_params = MappingProxyType(dict(params))
        return self

    def said(self, lang: Language) -> str:
        """What the error says, in *lang* (without a place)."""
        if self.message_kind is None:
            return str(self)
        return say(self.message_kind, lang, self.message_params)

    def describe(self, lang: Language = "en") -> str:
        """The whole message in *lang*: Dutch (``"nl"``) or English (``"en"``, the same as ``str(error)``)."""
        return self.said(lang)


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with an input, at one place.

    Make one with `of` (a *kind* and its parameters): then `describe` says it in Dutch or English. A problem made
    with only a *message* says that message in either language.

    Attributes:
        path: Where the problem is: in a YAML or JSON document a JSONPath (``$.commitments[3].year``, or ``$``
            for the whole document); in a workbook a cell reference (``Realisaties!C14``), a row (``Targets!5:5``)
            or a sheet name; in a CSV file ``file.csv:row 14, column value``.
        message: What is wrong and what was expected, in one sentence, in English.
        line: The line of a YAML or JSON file the path leads to (from 1), when it is known.
        column: The column on that line (from 1), when it is known.
        kind: What kind of problem it is (``"expected_text"``, ``"unknown_key"``, ...; ``"text"`` for a problem
            made with a message only).
        params: The values its text is made of (the value found, the keys allowed, a limit, ...).
    """

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    kind: str = "text"
    params: Mapping[str, object] = attrs.field(default=_NO_PARAMS, eq=False, hash=False, repr=False)

    @classmethod
    def of(cls, kind: str, path: str, /, **params: object) -> Problem:
        """The problem of *kind* at *path*: its `message` is the English text of the kind with *params*."""
        return cls(path=path, message=say(kind, "en", params), kind=kind, params=MappingProxyType(params))

    @classmethod
    def from_error(cls, path: str, error: PrestatieafsprakenError) -> Problem:
        """*error* (a cell's, a value's) as the problem at *path*, keeping its kind."""
        if error.message_kind is None:
            return cls(path=path, message=str(error))
        return cls.of(error.message_kind, path, **error.message_params)

    def said(self, lang: Language) -> str:
        """What is wrong, in *lang*, without the place."""
        if self.kind == "text":
            return self.message
        return say(self.kind, lang, self.params)

    def describe(self, lang: Language = "en", *, source: str | None = None) -> str:
        """The problem with its place in *lang*: ``37:5 $.commitments[3].year: ...``, ``Realisaties!C7: ...``.

        With *source* (the file), a problem with a line reads as an editor's place: ``agreement.yaml:37:5 $...``.
        """
        where = f"{self.line}:{self.column} " if self.line is not None else ""
        text = f"{where}{place_in(self.path, lang)}: {self.said(lang)}"
        return f"{source}:{text}" if source and self.line is not None else text

    def __str__(self) -> str:
        return self.describe("en")


class LoadError(PrestatieafsprakenError, ValueError):
    """A document cannot be read as an agreement of file format v1, or a workbook or CSV file of realisations.

    The message lists every problem found, one per line, each with its place (a ``$.path``, or a cell of a
    workbook or CSV file); the same problems are on `problems`, and the file (if any) on `source`. *what* names
    what could not be read in the first line of the message (default: ``the agreement``). When only the first
    problems are listed (a reader's limit), *omitted* counts the others: the first line counts them all, and the
    last line says how many are not listed, followed by *omitted_hint* (which limit, and how to raise it).
    """

    def __init__(
        self,
        problems: tuple[Problem, ...] | list[Problem],
        *,
        source: str | None = None,
        what: str = "the agreement",
        omitted: int = 0,
        omitted_hint: str = "",
        omitted_limit: tuple[str, int] | None = None,
    ) -> None:
        """List *problems*, of *source*, that show *what* cannot be read (see the class).

        *omitted_limit* names the limit that left problems out and its value (``("max_problems", 100)``), so
        that `describe` can say in Dutch how to raise it; *omitted_hint* says it in English.
        """
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        self.what = what
        self.omitted = omitted
        self.omitted_hint = omitted_hint
        self.omitted_limit = omitted_limit
        super().__init__(self.describe("en"))

    def with_problems(self, problems: Iterable[Problem], *, source: str | None) -> LoadError:
        """This error again, with *problems* (placed anew, say) and *source*."""
        return LoadError(
            tuple(problems),
            source=source,
            what=self.what,
            omitted=self.omitted,
            omitted_hint=self.omitted_hint,
            omitted_limit=self.omitted_limit,
        )

    def describe(self, lang: Language = "en") -> str:
        """Every problem in *lang* (Dutch ``"nl"`` or English ``"en"``), one a line, each with its place.

        The English text is ``str(error)``; the Dutch one starts ``agreement.yaml: kan de overeenkomst niet lezen
        (3 problemen):``.
        """
        where = f"{self.source}: " if self.source else ""
        count = len(self.problems) + self.omitted
        lines = [
            where
            + say(
                "cannot_read" if count == 1 else "cannot_read_many",
                lang,
                {"what": what_in(self.what, lang), "count": count},
            )
        ]
        lines.extend(f"  {problem.describe(lang, source=self.source)}" for problem in self.problems)
        if self.omitted:
            hint = self.omitted_hint
            if self.omitted_limit is not None and (lang != "en" or not hint):
                name, value = self.omitted_limit
                hint = say("limit_hint", lang, {"limit": name, "value": value, "option": name.replace("_", "-")})
            lines.append("  " + say("omitted", lang, {"count": self.omitted}) + (f" ({hint})" if hint else ""))
        return "\n".join(lines)


class ConfigError(PrestatieafsprakenError, ValueError):
    """A check configuration (selection, severity override or rule parameter) is invalid."""


class CycleError(PrestatieafsprakenError, ValueError):
    """A yearly cycle asked for with a year that is not one: not a whole number, or outside the calendar."""


class ExportError(PrestatieafsprakenError, ValueError):
    """An agreement cannot be written in the form asked for.

    For example a text longer than a spreadsheet cell holds (32,767 characters), a realisations template for a
    year the agreement takes no figures for, or a file name whose suffix names no format (``dump`` to
    ``agreement.txt``).
    """


class ArgumentError(PrestatieafsprakenError, ValueError):
    """An argument that the function cannot use, such as a negative count; the message says what it takes."""


class InvariantError(PrestatieafsprakenError, ValueError):
    """A value that the type cannot hold, raised while building a model object.

    Attributes:
        field: The offending field (its file-format key), so the loader can point at ``$.path.field``.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field

    @classmethod
    def at(cls, field: str, kind: str, /, **params: object) -> InvariantError:
        """The error of *kind* with *params* at *field*, said in Dutch or English by `describe`."""
        return cls(field, say(kind, "en", params)).worded(kind, params)


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


class AllocationError(PrestatieafsprakenError, ValueError):
    """A total cannot be divided as asked: bad numbers, or constraints that cannot all be met."""


class PlanningError(PrestatieafsprakenError, ValueError):
    """A plan cannot be made from the input: a signing date that is no working day, bad lead times or parties."""


class TransitionError(PrestatieafsprakenError, ValueError):
    """A status change that its lifecycle does not allow."""


#: The kinds of names `UnknownNameError` can say in Dutch, and the advice it can give, by their English words.
_NAME_WORDS = {
    "party": "name_party",
    "audience": "name_audience",
    "example": "name_example",
    "graph format": "name_graph_format",
    "report format": "name_report_format",
    "format": "name_format",
    "language": "name_language",
}
_ADVICE_WORDS = {
    "use one of": "advice_any",
    "use one of the agreement's party ids": "advice_party",
    "use one of the shipped examples": "advice_example",
}


class UnknownNameError(PrestatieafsprakenError, LookupError, ValueError):
    """A name that is not one of the names there are: a party id, an audience, an example, a format, a language.

    The message suggests the closest known name and lists the known ones. It is a `LookupError` and a
    `ValueError`, so code that caught the older classes (or either built-in) keeps working.

    Attributes:
        kind: What kind of name it is, in words: ``"party"``, ``"audience"``, ``"example"``, ``"graph format"``,
            ``"report format"``, ``"format"`` or ``"language"``.
        name: The name asked for.
        known: The names there are, in their natural order (a party's file order, an example's sorted name).
    """

    def __init__(self, kind: str, name: str, known: Iterable[str], *, advice: str = "use one of") -> None:
        """Describe the unknown *name* of *kind*; *advice* leads the list of *known* names in the message."""
        self.kind = kind
        self.name = name
        self.known: tuple[str, ...] = tuple(known)
        super().__init__(f"unknown {kind} {name!r}{_did_you_mean(name, self.known)}; {advice}: {_shown(self.known)}")
        words = _NAME_WORDS.get(kind), _ADVICE_WORDS.get(advice)
        if words[0] is not None and words[1] is not None:  # else the English message only, in either language
            close = difflib.get_close_matches(name, self.known, n=1)
            self.worded(
                "unknown_name",
                {
                    "what": Said.of(words[0]),
                    "name": name,
                    "suggestion": Said.of("suggestion", close=close[0]) if close else Said.of("no_suggestion"),
                    "advice": Said.of(words[1]),
                    "known": _shown(self.known),
                },
            )

    @property
    def party(self) -> str:
        """Deprecated: the name asked for; use `name`."""
        warnings.warn("UnknownNameError.party is deprecated; use .name", DeprecationWarning, stacklevel=2)
        return self.name

    @property
    def audience(self) -> str:
        """Deprecated: the name asked for; use `name`."""
        warnings.warn("UnknownNameError.audience is deprecated; use .name", DeprecationWarning, stacklevel=2)
        return self.name

    @property
    def valid(self) -> tuple[str, ...]:
        """Deprecated: the names there are; use `known`."""
        warnings.warn("UnknownNameError.valid is deprecated; use .known", DeprecationWarning, stacklevel=2)
        return self.known


#: Deprecated: an unknown example name is an `UnknownNameError` with kind ``"example"``.
UnknownExampleError = UnknownNameError
#: Deprecated: an unknown audience is an `UnknownNameError` with kind ``"audience"``.
UnknownAudienceError = UnknownNameError
#: Deprecated: an unknown party id is an `UnknownNameError` with kind ``"party"``.
UnknownPartyError = UnknownNameError


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
