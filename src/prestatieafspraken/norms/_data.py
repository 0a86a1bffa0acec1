"""Reading and checking the data file of the national norms, ``norms.toml``.

Every problem is reported at once, each with its place (``$.norms.social-rent-limit.values[2].sources``), so
whoever adds next year's values sees every mistake in one run. Numbers are read as `decimal.Decimal` (tomllib's
``parse_float``), so ``932.93`` stays exactly that.
"""

from __future__ import annotations

import enum
import itertools
import re
import tomllib
from collections.abc import Mapping
from decimal import Decimal
from importlib import resources
from types import MappingProxyType
from typing import Any, TypeVar

from prestatieafspraken.errors import LoadError, Problem
from prestatieafspraken.norms import Bound, Kind, Norm, NormValue, Source, Unit

__all__ = ["DATA_FILE", "parse", "read_shipped"]

DATA_FILE = "norms.toml"
_WHAT = "the national norms"
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ROOT_KEYS = frozenset({"sources", "norms"})
_SOURCE_KEYS = frozenset({"title", "url"})
_NORM_KEYS = frozenset({"label", "kind", "unit", "bound", "note", "values"})
_NORM_REQUIRED = ("label", "kind", "unit", "bound", "values")
_VALUE_KEYS = frozenset({"year", "from", "to", "value", "note", "sources"})
_TEXT_KEYS = ("nl", "en")
_SCHEMES = ("https://", "http://")

_E = TypeVar("_E", bound=enum.Enum)


def read_shipped() -> Mapping[str, Norm]:
    """The norms of the data file shipped in this package."""
    text = resources.files(__package__).joinpath(DATA_FILE).read_text(encoding="utf-8")
    return parse(text, origin=DATA_FILE)


def parse(text: str, *, origin: str = DATA_FILE) -> Mapping[str, Norm]:
    """The norms of a data file's text, by name, in file order.

    Raises:
        LoadError: The text is not TOML, or not a valid norms file; the message lists every problem with its place.
    """
    try:
        document = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise LoadError([Problem.of("toml_syntax", "$", reason=str(error))], source=origin, what=_WHAT) from None
    reader = _Reader()
    norms = reader.document(document)
    if reader.problems:
        raise LoadError(reader.problems, source=origin, what=_WHAT)
    return MappingProxyType(norms)


class _Reader:
    """Builds the norms and collects every problem on the way."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.sources: dict[str, Source] = {}
        self.declared: set[str] = set()
        self.used: set[str] = set()

    def problem(self, path: str, kind: str, /, **params: object) -> None:
        self.problems.append(Problem.of(kind, path, **params))

    def unknown_keys(self, path: str, table: Mapping[str, Any], allowed: frozenset[str]) -> None:
        for key in table:
            if key not in allowed:
                self.problem(f"{path}.{key}", "unknown_key", keys=repr(key), allowed=sorted(allowed))

    def table(self, path: str, item: object) -> dict[str, Any] | None:
        if isinstance(item, dict):
            return item
        self.problem(path, "norms_table", type=type(item).__name__)
        return None

    def document(self, document: dict[str, Any]) -> dict[str, Norm]:
        self.unknown_keys("$", document, _ROOT_KEYS)
        for key, item in (self.table("$.sources", document.get("sources", {})) or {}).items():
            self.source(f"$.sources.{key}", key, item)
        norms: dict[str, Norm] = {}
        for name, item in (self.table("$.norms", document.get("norms", {})) or {}).items():
            norm = self.norm(f"$.norms.{name}", name, item)
            if norm is not None:
                norms[name] = norm
        if not norms and not self.problems:
            self.problem("$.norms", "norms_none")
        for key in self.sources.keys() - self.used:
            self.problem(f"$.sources.{key}", "norms_source_unused")
        return norms

    def source(self, path: str, key: str, item: object) -> None:
        self.declared.add(key)
        table = self.table(path, item)
        if table is None:
            return
        self.unknown_keys(path, table, _SOURCE_KEYS)
        title, url = table.get("title"), table.get("url")
        if not isinstance(title, str) or not title.strip():
            self.problem(f"{path}.title", "norms_source_title")
        if not isinstance(url, str) or not url.startswith(_SCHEMES) or any(c.isspace() for c in url):
            self.problem(f"{path}.url", "norms_source_url")
        if isinstance(title, str) and isinstance(url, str):
            self.sources[key] = Source(title=title, url=url)

    def text(self, path: str, item: object) -> tuple[str, str] | None:
        table = self.table(path, item)
        if table is None:
            return None
        self.unknown_keys(path, table, frozenset(_TEXT_KEYS))
        texts = [table.get(lang) for lang in _TEXT_KEYS]
        if not all(isinstance(text, str) and text.strip() for text in texts):
            self.problem(path, "norms_texts")
            return None
        return str(texts[0]), str(texts[1])

    def choice(self, path: str, item: object, kind: type[_E]) -> _E | None:
        for member in kind:
            if member.value == item:
                return member
        allowed = ", ".join(repr(member.value) for member in kind)
        self.problem(path, "norms_choice", allowed=allowed, got=item)
        return None

    def norm(self, path: str, name: str, item: object) -> Norm | None:
        table = self.table(path, item)
        if table is None:
            return None
        if not _NAME.match(name):
            self.problem(path, "norms_name", name=name)
        self.unknown_keys(path, table, _NORM_KEYS)
        missing = [key for key in _NORM_REQUIRED if key not in table]
        for key in missing:
            self.problem(f"{path}.{key}", "missing_key")
        if missing:
            return None
        label = self.text(f"{path}.label", table["label"])
        note = self.text(f"{path}.note", table["note"]) if "note" in table else (None, None)
        kind = self.choice(f"{path}.kind", table["kind"], Kind)
        unit = self.choice(f"{path}.unit", table["unit"], Unit)
        bound = self.choice(f"{path}.bound", table["bound"], Bound)
        values = self.values(f"{path}.values", table["values"])
        if label is None or note is None or kind is None or unit is None or bound is None or values is None:
            return None
        return Norm(
            name=name,
            label_nl=label[0],
            label_en=label[1],
            kind=kind,
            unit=unit,
            bound=bound,
            values=values,
            note_nl=note[0],
            note_en=note[1],
        )

    def values(self, path: str, items: object) -> tuple[NormValue, ...] | None:
        if not isinstance(items, list) or not items:
            self.problem(path, "norms_no_values")
            return None
        entries = [self.entry(f"{path}[{index}]", item) for index, item in enumerate(items)]
        if any(entry is None for entry in entries):
            return None
        found = tuple(entry for entry in entries if entry is not None)
        for index, (before, after) in enumerate(itertools.pairwise(found), start=1):
            if after.first_year <= before.last_year:
                self.problem(f"{path}[{index}]", "norms_years_order", after=after.span, before=before.span)
        return found

    def entry(self, path: str, item: object) -> NormValue | None:
        table = self.table(path, item)
        if table is None:
            return None
        self.unknown_keys(path, table, _VALUE_KEYS)
        years = self.years(path, table)
        figure = table.get("value")
        if isinstance(figure, bool) or not isinstance(figure, int | Decimal):
            self.problem(f"{path}.value", "norms_value_number", got=figure)
            figure = None
        elif not Decimal(figure).is_finite() or figure < 0:
            self.problem(f"{path}.value", "norms_value_finite", got=figure)
            figure = None
        found = self.named_sources(f"{path}.sources", table.get("sources"))
        note = self.text(f"{path}.note", table["note"]) if "note" in table else (None, None)
        if years is None or figure is None or note is None or found is None:
            return None
        return NormValue(
            first_year=years[0],
            last_year=years[1],
            value=Decimal(figure),
            sources=found,
            note_nl=note[0],
            note_en=note[1],
        )

    def named_sources(self, path: str, keys: object) -> tuple[Source, ...] | None:
        if not isinstance(keys, list) or not keys:
            self.problem(path, "norms_value_sources")
            return None
        found: list[Source] = []
        for index, key in enumerate(keys):
            if isinstance(key, str) and key in self.sources:
                self.used.add(key)
                found.append(self.sources[key])
            elif key not in self.declared:  # a declared but broken source is reported where it is declared
                self.problem(f"{path}[{index}]", "norms_no_source", key=key)
        return tuple(found) if len(found) == len(keys) else None

    def years(self, path: str, table: Mapping[str, Any]) -> tuple[int, int] | None:
        given = [key for key in ("year", "from", "to") if key in table]
        if given == ["year"]:
            first = last = table["year"]
        elif given == ["from", "to"]:
            first, last = table["from"], table["to"]
        else:
            self.problem(path, "norms_year_or_span")
            return None
        if not all(isinstance(year, int) and not isinstance(year, bool) for year in (first, last)):
            self.problem(path, "norms_years_whole", first=first, last=last)
            return None
        if first > last:
            self.problem(f"{path}.to", "norms_to_before_from", last=last, first=first)
            return None
        return first, last
