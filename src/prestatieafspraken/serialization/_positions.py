"""Places in a file: the line and column a problem's ``$.path`` leads to in its YAML or JSON text.

Only a failed load asks, so the fast path never composes nodes: the text is composed again with PyYAML (JSON is
YAML too), and each path is followed through the node tree as far as it goes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs
import yaml

from prestatieafspraken.errors import Problem

__all__ = ["locate"]

#: A JSON text larger than this is not composed again for places (a node tree of it would take gigabytes);
#: its problems keep their paths only. A YAML text was composed once already.
_MAX_JSON_TO_LOCATE = 64 << 20

_UNKNOWN_KEY = re.compile(r"^unknown keys? '([^']+)'")
_STEP = re.compile(r"\.([^.\[]+)|\[(\d+)\]")
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _mark(root: yaml.Node, path: str) -> yaml.Mark:
    """The start of the node *path* leads to, or of the deepest node on its way (a missing key's mapping)."""
    node, mark = root, root.start_mark
    for step in _STEP.finditer(path.removeprefix("$")):
        key, index = step.groups()
        if isinstance(node, yaml.MappingNode) and key is not None:
            found = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
            if found is None:
                break
            mark, node = found[0].start_mark, found[1]
        elif isinstance(node, yaml.SequenceNode) and index is not None and int(index) < len(node.value):
            node = node.value[int(index)]
            mark = node.start_mark
        else:
            break
    return mark


def locate(text: str | bytes, format: str, problems: Iterable[Problem]) -> list[Problem]:  # noqa: A002
    """*problems* with the line and column of their path in *text*; unchanged where the text cannot tell."""
    listed = list(problems)
    if format == "json" and len(text) > _MAX_JSON_TO_LOCATE:
        return listed
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    try:
        root = yaml.compose(text.removeprefix("\ufeff"), Loader=_BaseLoader)
    except (yaml.YAMLError, RecursionError):  # JSON that is no YAML (tabs before a key): paths only
        return listed
    if root is None:
        return listed
    located = []
    for problem in listed:
        if problem.line is not None or not problem.path.startswith("$"):
            located.append(problem)
            continue
        unknown = _UNKNOWN_KEY.match(problem.message)  # the place of the first unknown key, not of its mapping
        mark = _mark(root, f"{problem.path}.{unknown.group(1)}" if unknown else problem.path)
        located.append(attrs.evolve(problem, line=mark.line + 1, column=mark.column + 1))
    return located
