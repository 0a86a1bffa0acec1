"""The rule registry: each rule is a plain function registered with its code, severity, titles and source.

A rule reads the agreement through a `RuleContext` and yields findings made with `RuleContext.finding`; it never
raises on bad data. The registry is the one list the engine runs, the CLI prints and the docs catalogue is
generated from.

Rules of your own (a municipality's, region's or corporation's norms) are registered the same way, with a code of
your own prefix (`USER_CODE`): the ``PA`` namespace belongs to the built-in rules, so a code can never mean two
things. Registration is checked: a code of the wrong shape, a ``PA`` code from outside the library, a code that
another rule holds and a parameter default that contradicts another rule's raise `RuleRegistrationError`.
Registering the same function again (a module imported twice) replaces it, so a re-import never fails.

A rule that concerns agreements of some scales only (the statutory cycle binds local agreements) says so with
``scopes`` when it is registered; the engine then runs it only on agreements of those scales, so the rule itself
holds no guard.
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from prestatieafspraken.errors import RuleRegistrationError
from prestatieafspraken.model import Scope
from prestatieafspraken.rules.findings import Finding, Severity

if TYPE_CHECKING:
    from prestatieafspraken.rules.context import RuleContext

__all__ = [
    "ALL_SCOPES",
    "BUILTIN_CODE",
    "BUILTIN_ORIGIN",
    "REGISTRY",
    "USER_CODE",
    "WIDER_THAN_LOCAL",
    "Registry",
    "Rule",
    "RuleFunction",
    "rule",
]

RuleFunction = Callable[["RuleContext"], Iterable[Finding]]

#: Built-in codes: PA and three digits (DESIGN §4). A retired code is never reused (PA402 is reserved).
BUILTIN_CODE = re.compile(r"PA\d{3}")

#: Codes of your own rules: your prefix (a capital letter, then capitals, digits and single hyphens) ending in a
#: digit, at most 24 characters: ``X001``, ``GM0363-001`` (a municipality's CBS code), ``ROW-12``. Capitals only,
#: because ``select``/``ignore`` and the command line upper-case the codes they are given. A code that starts with
#: ``PA`` is refused from outside the library: ``PA`` prefixes select the built-in rules.
USER_CODE = re.compile(r"(?=.{2,24}$)[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*(?<=[0-9])")

#: The module prefix of the built-in rules; only rules defined under it may use the ``PA`` namespace.
BUILTIN_ORIGIN = "prestatieafspraken.rules."

#: Every scale of agreement: a rule registered without ``scopes`` runs on all of them.
ALL_SCOPES: frozenset[Scope] = frozenset(Scope)

#: Regional, provincial and national agreements: every scale but local.
WIDER_THAN_LOCAL: frozenset[Scope] = ALL_SCOPES - {Scope.LOCAL}

_USER_CODE_SHAPE = (
    "a code of your own is your prefix (a capital letter, then capitals, digits or single hyphens) ending in "
    "digits, at most 24 characters, such as 'X001', 'GM0363-001' or 'ROW-12'"
)


@attrs.frozen(kw_only=True)
class Rule:
    """A registered rule and what the catalogue says of it."""

    code: str
    severity: Severity
    title_nl: str
    title_en: str
    source: str
    params: Mapping[str, Any] = attrs.field(factory=dict, hash=False)
    """The parameters the rule reads, with their defaults."""
    function: RuleFunction = attrs.field(eq=False, repr=False)
    origin: str = "prestatieafspraken"
    """The module that registered the rule: one under ``prestatieafspraken.rules.`` for a built-in rule."""
    scopes: frozenset[Scope] = ALL_SCOPES
    """The scales of agreement the rule concerns; the engine runs it only on agreements of these scopes."""
    scope_severity: Mapping[Scope, Severity] = attrs.field(factory=dict, hash=False)
    """Per scope, the severity of the rule's findings on agreements of that scope, instead of `severity`."""

    @property
    def builtin(self) -> bool:
        """Whether the rule is one of the library's own (its origin is under `BUILTIN_ORIGIN`)."""
        return self.origin.startswith(BUILTIN_ORIGIN)

    @property
    def qualified_name(self) -> str:
        """The rule function's module and qualified name, which identify a registration (``my_rules.share``)."""
        return f"{self.origin}.{getattr(self.function, '__qualname__', repr(self.function))}"

    @property
    def description(self) -> str:
        """The rule function's docstring: what it checks and the sentence of the handbook or law it implements."""
        return inspect.cleandoc(self.function.__doc__ or "")

    def applies_to(self, scope: Scope) -> bool:
        """Whether the rule runs on an agreement of this scope (see `scopes`)."""
        return scope in self.scopes

    def severity_for(self, scope: Scope) -> Severity:
        """The severity of the rule's findings on an agreement of this scope: `scope_severity`, else `severity`."""
        return self.scope_severity.get(scope, self.severity)

    def title(self, lang: str = "nl") -> str:
        """The title in Dutch (``"nl"``) or English (``"en"``)."""
        return self.title_en if lang == "en" else self.title_nl


class Registry:
    """An ordered collection of rules by code; parameters are shared by name across rules."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}

    def register(self, new: Rule) -> Rule:
        """Add a rule, after checking its code and parameters.

        The same function registered again (same origin module and qualified name, as when a module is imported a
        second time) replaces its earlier registration. Rules of your own registered in the global `REGISTRY`
        load the built-in rules first, so a clash is always reported on your rule.

        Raises:
            RuleRegistrationError: The code has the wrong shape, is a ``PA`` code from outside the library, or is
                held by another rule; its scopes are not a non-empty set of `Scope` members; its severity per
                scope maps anything but `Scope` members to `Severity` members; or a parameter default contradicts
                the default another rule gives it.
        """
        _check_code(new)
        _check_scopes(new)
        _check_scope_severity(new)
        if self is REGISTRY and not new.builtin:
            importlib.import_module("prestatieafspraken.rules.builtin")  # built-in rules register first
        taken = self._rules.get(new.code)
        if taken is not None and taken.qualified_name != new.qualified_name:
            raise RuleRegistrationError(
                f"rule code {new.code} of {new.qualified_name} is already registered by {taken.qualified_name}; "
                "a code means one rule: give one of them another code"
            )
        for name, default in new.params.items():
            for other in self._rules.values():
                if other.code != new.code and name in other.params and other.params[name] != default:
                    raise RuleRegistrationError(
                        f"rule {new.code} ({new.qualified_name}) gives parameter {name!r} the default {default!r}, "
                        f"but rule {other.code} ({other.qualified_name}) gives it {other.params[name]!r}; "
                        f"parameters are shared by name: give {name!r} the same default, or give your parameter a "
                        f"name of its own (for example prefixed with your code)"
                    )
        self._rules[new.code] = new
        return new

    def __iter__(self) -> Iterator[Rule]:
        return iter(sorted(self._rules.values(), key=lambda known: known.code))

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, code: object) -> bool:
        return code in self._rules

    def get(self, code: str) -> Rule | None:
        """The rule with this code, or None."""
        return self._rules.get(code)

    @property
    def codes(self) -> tuple[str, ...]:
        """All codes, sorted."""
        return tuple(sorted(self._rules))

    def param_defaults(self) -> Mapping[str, Any]:
        """Every rule parameter by name, with its default."""
        merged: dict[str, Any] = {}
        for known in self._rules.values():
            merged.update(known.params)
        return MappingProxyType(merged)

    def _snapshot(self) -> dict[str, Rule]:
        """The rules by code, a copy (for `prestatieafspraken.testing.isolated_rules`)."""
        return dict(self._rules)

    def _restore(self, snapshot: Mapping[str, Rule]) -> None:
        """Return to the rules of a snapshot: rules registered since are forgotten."""
        self._rules = dict(snapshot)


def _check_code(new: Rule) -> None:
    """Refuse a built-in code outside the library, a code of the wrong shape, and a malformed built-in code."""
    code = new.code
    if new.builtin:
        if not BUILTIN_CODE.fullmatch(code):
            raise RuleRegistrationError(
                f"built-in rule {new.qualified_name} has the code {code!r}: built-in codes are PA and three digits"
            )
        return
    if code.upper().startswith("PA"):
        raise RuleRegistrationError(
            f"rule code {code!r} of {new.qualified_name} is in the PA namespace of the built-in rules "
            f"(PA001-PA409, including retired codes); give your rule a prefix of your own, such as a municipality's "
            f"CBS code ('GM0363-001') or an abbreviation of your organisation ('ROW-12')"
        )
    if not USER_CODE.fullmatch(code):
        raise RuleRegistrationError(
            f"rule code {code!r} of {new.qualified_name} has the wrong shape: {_USER_CODE_SHAPE}"
        )


def _check_scopes(new: Rule) -> None:
    """Refuse scopes that are not a non-empty set of `Scope` members (a rule that could never run)."""
    scopes: object = new.scopes
    strangers = (
        [repr(item) for item in scopes if not isinstance(item, Scope)]
        if isinstance(scopes, frozenset)
        else [repr(scopes)]
    )
    if strangers or not scopes:
        valid = ", ".join(f"Scope.{scope.name}" for scope in Scope)
        given = ", ".join(strangers) if strangers else "nothing"
        raise RuleRegistrationError(
            f"rule {new.code} ({new.qualified_name}) gives scopes {given}: give one or more of {valid} "
            "(for example scopes={Scope.LOCAL}), or leave scopes out to run the rule on every agreement"
        )


def _check_scope_severity(new: Rule) -> None:
    """Refuse a severity per scope that maps anything but `Scope` members to `Severity` members."""
    given: object = new.scope_severity
    wrong = (
        [
            f"{key!r}: {value!r}"
            for key, value in given.items()
            if not isinstance(key, Scope) or not isinstance(value, Severity)
        ]
        if isinstance(given, Mapping)
        else [repr(given)]
    )
    if wrong:
        raise RuleRegistrationError(
            f"rule {new.code} ({new.qualified_name}) gives scope_severity {', '.join(wrong)}: map Scope members to "
            "Severity members (for example {Scope.REGIONAL: Severity.INFO}), or leave scope_severity out"
        )


#: The registry of the built-in rules (and of rules that users register).
REGISTRY = Registry()


def rule(
    code: str,
    *,
    severity: Severity,
    title_nl: str,
    title_en: str,
    source: str,
    params: Mapping[str, Any] | None = None,
    scopes: Iterable[Scope] | None = None,
    scope_severity: Mapping[Scope, Severity] | None = None,
    registry: Registry = REGISTRY,
) -> Callable[[RuleFunction], RuleFunction]:
    """Register the decorated function as the rule *code*; the function itself is returned unchanged.

    The built-in rules and your own are registered alike. Your code is your prefix followed by digits
    (`USER_CODE`: ``GM0363-001``, ``ROW-12``), never ``PA...``; *params* are shared by name with every other
    rule, so give yours names of their own. *scopes* are the scales of agreement the rule concerns (for example
    ``{Scope.LOCAL}``): the engine runs it only on those agreements, so the rule needs no guard of its own; without
    *scopes* it runs on every agreement. *scope_severity* gives the severity of its findings on agreements of some
    scopes instead of *severity* (``{Scope.REGIONAL: Severity.INFO}``: what is a warning locally is information
    regionally). The rule's origin is the function's module. See the documentation page "Write your own rule".

    Raises:
        RuleRegistrationError: The code or a parameter default is refused (see `Registry.register`).
    """

    def register(function: RuleFunction) -> RuleFunction:
        registry.register(
            Rule(
                code=code,
                severity=severity,
                title_nl=title_nl,
                title_en=title_en,
                source=source,
                params=dict(params or {}),
                function=function,
                origin=function.__module__,
                scopes=ALL_SCOPES if scopes is None else _as_scopes(scopes),
                scope_severity=_as_severities(scope_severity),
            )
        )
        return function

    return register


def _as_severities(given: object) -> Mapping[Scope, Severity]:
    """The severity per scope as a dict of its own; anything but a mapping is kept, for `_check_scope_severity`."""
    if given is None:
        return {}
    if isinstance(given, Mapping):
        return dict(given)
    return given  # type: ignore[return-value] # refused with a clear message by `_check_scope_severity`


def _as_scopes(scopes: Iterable[Scope]) -> frozenset[Scope]:
    """The scopes as a set; a single `Scope` or a text is kept as given, for `_check_scopes` to name it."""
    if isinstance(scopes, (Scope, str)):
        return scopes  # type: ignore[return-value] # refused with a clear message by `_check_scopes`
    return frozenset(scopes)
