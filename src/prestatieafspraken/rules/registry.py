"""The rule registry: each rule is a plain function registered with its code, severity, titles and source.

A rule reads the agreement through a `RuleContext` and yields findings made with `RuleContext.finding`; it never
raises on bad data. The registry is the one list the engine runs, the CLI prints and the docs catalogue is
generated from.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from prestatieafspraken.errors import ConfigError
from prestatieafspraken.rules.findings import Finding, Severity

if TYPE_CHECKING:
    from prestatieafspraken.rules.context import RuleContext

__all__ = ["REGISTRY", "Registry", "Rule", "RuleFunction", "rule"]

RuleFunction = Callable[["RuleContext"], Iterable[Finding]]

#: Built-in codes: PA and three digits (DESIGN §4). A retired code is never reused (PA402 is reserved).
BUILTIN_CODE = re.compile(r"PA\d{3}")


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
    """Where the rule comes from: this library, or the module or package that registered it."""

    @property
    def description(self) -> str:
        """The rule function's docstring: what it checks and the sentence of the handbook or law it implements."""
        return inspect.cleandoc(self.function.__doc__ or "")

    def title(self, lang: str = "nl") -> str:
        """The title in Dutch (``"nl"``) or English (``"en"``)."""
        return self.title_en if lang == "en" else self.title_nl


class Registry:
    """An ordered collection of rules by code; parameters are shared by name across rules."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}

    def register(self, new: Rule) -> Rule:
        """Add a rule; a code that is taken, or a parameter default that contradicts another rule's, is refused."""
        if new.code in self._rules:
            taken = self._rules[new.code]
            raise ConfigError(f"rule code {new.code} is already registered by {taken.origin}")
        defaults = self.param_defaults()
        for name, default in new.params.items():
            if name in defaults and defaults[name] != default:
                raise ConfigError(
                    f"rule {new.code} gives parameter {name!r} the default {default!r}, "
                    f"but another rule gives it {defaults[name]!r}"
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
    registry: Registry = REGISTRY,
) -> Callable[[RuleFunction], RuleFunction]:
    """Register the decorated function as the rule *code*; the function itself is returned unchanged."""

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
            )
        )
        return function

    return register
