"""Editing a YAML agreement in place: merged realisations written into the file's own text, comments and all.

`dump` writes an agreement from scratch, which loses a file's comments, key order and layout. A merge of
figures changes only the ``realisations`` list, so only the lines of that list are touched: the text is composed
with PyYAML (libyaml's when installed) for the places of its entries, new entries are written after the last one
in its style (a flow ``{...}`` entry on one line when that one is; a block entry otherwise, with the same dash
and indentation), an entry whose status moved is written again in place, and every other line stays as it was.
A file whose list cannot be edited that way (a flow list ``[...]``, no mapping at the top) is written whole.
"""

from __future__ import annotations

from typing import Any

import yaml

from prestatieafspraken.model import Agreement
from prestatieafspraken.serialization._reader import unstructure
from prestatieafspraken.serialization._writing import Dumper

__all__ = ["merged_yaml"]

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _end(lines: list[str], node: yaml.Node) -> int:
    """The index after the last line of *node*: trailing blank and comment lines belong to what follows."""
    end = node.end_mark.line + (1 if node.end_mark.column > 0 else 0)
    while end > node.start_mark.line + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    return end


def _ordered(data: dict[str, Any], like: list[str]) -> dict[str, Any]:
    """*data* with the keys of *like* first, in its order: a new entry reads as the entries before it."""
    return {**{key: data[key] for key in like if key in data}, **data}


def _render(data: dict[str, Any], prefix: str, *, flow: bool) -> list[str]:
    """The lines of one entry: *prefix* (indentation and dash) then the mapping, flow or block."""
    if flow:
        text = yaml.dump(
            data, Dumper=Dumper, default_flow_style=True, width=1 << 20, sort_keys=False, allow_unicode=True
        )
        return [prefix + text.strip() + "\n"]
    text = yaml.dump([data], Dumper=Dumper, default_flow_style=False, width=110, sort_keys=False, allow_unicode=True)
    pad = " " * len(prefix)
    return [
        prefix + line[2:] if number == 0 else pad + line[2:]
        for number, line in enumerate(text.splitlines(keepends=True))
    ]


def merged_yaml(text: str, original: Agreement, merged: Agreement) -> str | None:
    """The YAML *text* of *original* with the realisations of *merged*; None when the text cannot be edited.

    *merged* must keep the realisations of *original* in their order, changed or not, and add others after them
    (as `import_realisations` does); otherwise the caller writes the whole agreement instead.
    """
    before = len(original.realisations)
    root = yaml.compose(text, Loader=_BaseLoader)
    if not isinstance(root, yaml.MappingNode) or root.flow_style or len(merged.realisations) < before:
        return None
    wanted: list[dict[str, Any]] = unstructure(merged).get("realisations", [])
    found = next((value for key, value in root.value if key.value == "realisations"), None)
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    if found is None:
        if before:
            return None
        added = [line for data in wanted for line in _render(data, "  - ", flow=False)]
        return "".join([*lines, "realisations:\n", *added])
    if not isinstance(found, yaml.SequenceNode) or found.flow_style or len(found.value) != before or not before:
        return None
    entries = [entry for entry in found.value if isinstance(entry, yaml.MappingNode)]
    if len(entries) != before:  # a figure that is not a mapping: the loader said so already
        return None
    last = entries[-1]
    prefix = lines[last.start_mark.line][: last.start_mark.column]
    flow = bool(last.flow_style)
    keys = list(dict.fromkeys(key.value for entry in entries for key, _ in entry.value))
    insert_at = _end(lines, last)
    tail = [line for data in wanted[before:] for line in _render(_ordered(data, keys), prefix, flow=flow)]
    lines[insert_at:insert_at] = tail
    # Entries whose status moved are written again where they are, from the last so earlier places hold.
    for index in reversed(range(before)):
        if original.realisations[index] == merged.realisations[index]:
            continue
        entry = entries[index]
        own = [key.value for key, _ in entry.value]
        start = entry.start_mark.line
        first = lines[start][: entry.start_mark.column]
        lines[start : _end(lines, entry)] = _render(_ordered(wanted[index], own), first, flow=bool(entry.flow_style))
    return "".join(lines)
