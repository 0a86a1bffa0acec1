"""`patch`: apply the changes of a diff to the older version, which gives the newer one.

Every change says where it applies in the older version (`Change.old_path`) and what it expects to find there
(`Change.old`); a diff made from another version does not fit and is refused with every place where it does not,
rather than giving an agreement that neither version is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, MutableMapping, MutableSequence
from typing import Any

import orjson

from prestatieafspraken.errors import LoadError, Problem, VersionsError
from prestatieafspraken.model import Agreement
from prestatieafspraken.serialization import loads
from prestatieafspraken.versions._changes import Change, ChangeKind
from prestatieafspraken.versions._shape import Shape, Wire, agreement_shape, unstructure

__all__ = ["parse_path", "patch"]

_SEGMENT = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]")
_ESCAPE = re.compile(r"\\(.)")

Segment = str | int


def parse_path(path: str) -> list[Segment]:
    """The segments of a ``$.path`` as changes write it: keys (``.value``, ``['noord']``) and places (``[3]``).

    Raises:
        VersionsError: The path is not of that form.
    """
    if not path.startswith("$"):
        raise VersionsError.of("versions_not_a_path", path=path)
    segments: list[Segment] = []
    position = 1
    while position < len(path):
        found = _SEGMENT.match(path, position)
        if found is None:
            raise VersionsError.of("versions_path_unreadable", path=path, rest=path[position:])
        name, index, key = found.groups()
        if index is not None:
            segments.append(int(index))
        else:
            segments.append(name if name is not None else _ESCAPE.sub(r"\1", key))
        position = found.end()
    return segments


class _MisfitError(VersionsError):
    """A change that does not fit the agreement, at one place (gathered into one `VersionsError` by `patch`)."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(problem.message, [problem])
        self.worded(problem.kind, problem.params)


def _step(container: Any, shape: Shape, segment: Segment, path: str) -> tuple[Any, Shape]:
    """The value one segment further, and its shape; a left-out record or list is made (empty) on the way."""
    if isinstance(segment, int):
        if shape.kind != "items" or shape.item is None or not isinstance(container, list):
            raise _MisfitError(Problem.of("misfit_list", path))
        if segment >= len(container):
            raise _MisfitError(Problem.of("misfit_count", path, count=len(container), index=segment))
        return container[segment], shape.item
    if not isinstance(container, dict):
        raise _MisfitError(Problem.of("misfit_mapping", path))
    field = shape.fields.get(segment) if shape.kind == "record" else _SCALAR
    if field is None:
        raise _MisfitError(Problem.of("misfit_no_key", path, key=segment))
    if segment not in container and field.kind in ("record", "mapping", "items"):
        container[segment] = [] if field.kind == "items" else {}
    return container.get(segment), field


_SCALAR = Shape(kind="scalar")


def _parent(data: dict[str, Wire], path: str) -> tuple[Any, Shape, Segment]:
    """The container that holds the last segment of *path*, its shape, and that segment."""
    segments = parse_path(path)
    if not segments:
        raise _MisfitError(Problem.of("misfit_whole", path))
    container: Any = data
    shape = agreement_shape()
    for segment in segments[:-1]:
        container, shape = _step(container, shape, segment, path)
    return container, shape, segments[-1]


def _same(shape: Shape, name: Segment, found: Wire, expected: Wire) -> bool:
    """Whether the value found is the one the change expects (a list of ids or texts in any order)."""
    field = shape.fields.get(name) if isinstance(name, str) and shape.kind == "record" else None
    if field is not None and field.kind == "values":

        def collection(values: Wire) -> Counter[Any]:
            return Counter(values if isinstance(values, list) else [] if values is None else [values])

        return collection(found) == collection(expected)
    return bool(found == expected)


class _Plan:
    """What applying a diff does, gathered first so that no change moves the place of another."""

    def __init__(self) -> None:
        self.sets: list[tuple[MutableMapping[str, Wire], str, Wire]] = []
        self.removals: dict[int, tuple[MutableSequence[Wire], list[int]]] = {}
        self.appends: list[tuple[MutableSequence[Wire], Wire]] = []

    def add(self, data: dict[str, Wire], change: Change) -> None:
        container, shape, name = _parent(data, change.old_path)
        if change.kind is ChangeKind.ADDED:
            items, items_shape = _step(container, shape, name, change.old_path)
            if items_shape.kind != "items" or not isinstance(items, list):
                raise _MisfitError(Problem.of("misfit_list", change.old_path))
            self.appends.append((items, change.new))
            return
        if change.kind is ChangeKind.REMOVED:
            if not isinstance(container, list) or not isinstance(name, int):
                raise _MisfitError(Problem.of("misfit_item", change.old_path))
            if name >= len(container):
                raise _MisfitError(Problem.of("misfit_count", change.old_path, count=len(container), index=name))
            if container[name] != change.old:
                raise _MisfitError(Problem.of("misfit_that_item", change.old_path, item=change.item, id=change.id))
            self.removals.setdefault(id(container), (container, []))[1].append(name)
            return
        if not isinstance(container, dict) or not isinstance(name, str):
            raise _MisfitError(Problem.of("misfit_key", change.old_path))
        if shape.kind == "record" and name not in shape.fields:
            raise _MisfitError(Problem.of("misfit_no_key", change.old_path, key=name))
        default = shape.defaults.get(name) if shape.kind == "record" else None
        found = container.get(name, default)
        if not _same(shape, name, found, change.old):
            raise _MisfitError(Problem.of("misfit_value", change.old_path, old=change.old, found=found))
        self.sets.append((container, name, change.new))

    def run(self) -> None:
        for mapping, name, value in self.sets:
            if value is None:
                mapping.pop(name, None)
            else:
                mapping[name] = value
        for items, places in self.removals.values():
            for place in sorted(places, reverse=True):
                del items[place]
        for items, value in self.appends:
            items.append(value)


def patch(agreement: Agreement, changes: Iterable[Change]) -> Agreement:
    """The agreement *changes* (a `Diff`, or some of its changes) make of *agreement*.

    ``patch(old, diff(old, new))`` is *new*, up to the order of list items (which a diff does not record: the
    patched agreement keeps the older version's order and adds new items at the end).

    Raises:
        VersionsError: A change does not fit *agreement* (it was made from another version), or the changes
            together do not make an agreement; the message lists every place.
    """
    data = unstructure(agreement)
    plan = _Plan()
    problems: list[Problem] = []
    for change in changes:
        try:
            plan.add(data, change)
        except _MisfitError as misfit:
            problems.append(misfit.problem)
        except VersionsError as error:
            problems.append(Problem.from_error(change.old_path, error))
    if problems:
        raise VersionsError.of("versions_misfit", id=agreement.id).listing(problems)
    plan.run()
    try:
        return loads(orjson.dumps(data), format="json")
    except LoadError as error:
        raise VersionsError.of("versions_no_agreement").listing(error.problems) from None
