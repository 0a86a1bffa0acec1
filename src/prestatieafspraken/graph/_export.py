"""The responsibility graph as text: Mermaid, Graphviz DOT, GraphML and node-link JSON.

Mermaid and DOT are written here without pydot or pygraphviz; GraphML and node-link data are networkx's own
writers, imported only when one is asked for. Every writer escapes what its format cannot carry, so the text
always parses, and keeps the graph's order, so the same agreement always gives the same text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Literal, get_args

from prestatieafspraken.errors import UnknownNameError
from prestatieafspraken.graph._build import party_neighbourhood, responsibility_graph
from prestatieafspraken.graph._vocabulary import networkx

if TYPE_CHECKING:
    import networkx as nx

    from prestatieafspraken.model.agreement import Agreement

__all__ = [
    "FORMATS",
    "GraphFormat",
    "export",
    "from_node_link",
    "render_graph",
    "to_dot",
    "to_graphml",
    "to_mermaid",
    "to_node_link",
]

#: The text formats `export` writes.
GraphFormat = Literal["mermaid", "dot", "graphml", "json"]
FORMATS: Final[tuple[str, ...]] = get_args(GraphFormat)

# Mermaid flowchart shapes per node kind: (open, close) around the quoted label.
_MERMAID_SHAPES: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {
        "agreement": ("[[", "]]"),
        "party": ("[", "]"),
        "area": (">", "]"),
        "group": ("[/", "/]"),
        "theme": ("{{", "}}"),
        "goal": ("([", "])"),
        "indicator": ("[\\", "\\]"),
        "target": ("[/", "\\]"),
        "commitment": ("(", ")"),
    }
)
_MERMAID_ENTITIES: Final = (("#", "#35;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;"), ("`", "#96;"))
_NOT_ID: Final = re.compile(r"[^A-Za-z0-9_]")
# Characters XML 1.0 cannot carry at all (not even as character references); Graphviz and Mermaid choke on them too.
_CONTROL: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _printable(text: str) -> str:
    return _CONTROL.sub("\ufffd", text)


def _mermaid_text(text: object) -> str:
    escaped = _printable(" ".join(str(text).split()))
    for character, entity in _MERMAID_ENTITIES:
        escaped = escaped.replace(character, entity)
    return f'"{escaped}"'


def _mermaid_ids(nodes: Iterable[Any]) -> dict[Any, str]:
    """Give every node a Mermaid id of letters, digits and ``_``, unique, starting with a letter."""
    ids: dict[Any, str] = {}
    taken: set[str] = set()
    for node in nodes:
        base = _NOT_ID.sub("_", str(node))
        if not base[:1].isalpha():
            base = "n_" + base
        candidate, number = base, 1
        while candidate in taken:
            number += 1
            candidate = f"{base}_{number}"
        taken.add(candidate)
        ids[node] = candidate
    return ids


def to_mermaid(graph: nx.MultiDiGraph) -> str:
    """Write *graph* as a Mermaid flowchart (left to right).

    Node ids are the node keys with every character other than a letter, digit or ``_`` replaced by ``_``
    (``party:afwc`` becomes ``party_afwc``), made unique; labels are quoted, with ``#``, ``"``, ``<``, ``>``
    and backticks written as Mermaid entity codes. The shape follows the node's kind; edges are labelled with
    their kind.
    """
    ids = _mermaid_ids(graph.nodes)
    lines = ["flowchart LR"]
    for node, data in graph.nodes(data=True):
        opening, closing = _MERMAID_SHAPES.get(data.get("kind", ""), ("[", "]"))
        lines.append(f"    {ids[node]}{opening}{_mermaid_text(data.get('label', node))}{closing}")
    for source, target, key, data in graph.edges(keys=True, data=True):
        lines.append(f"    {ids[source]} -->|{_mermaid_text(data.get('kind', key))}| {ids[target]}")
    return "\n".join(lines) + "\n"


_DOT_SHAPES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "agreement": "doubleoctagon",
        "party": "box",
        "area": "folder",
        "group": "tab",
        "theme": "hexagon",
        "goal": "ellipse",
        "indicator": "parallelogram",
        "target": "trapezium",
        "commitment": "note",
    }
)


def _dot_quoted(value: object) -> str:
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    text = _printable(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"'


def _dot_attributes(attributes: Mapping[str, object]) -> str:
    return ", ".join(f"{_dot_quoted(name)}={_dot_quoted(value)}" for name, value in attributes.items())


def to_dot(graph: nx.MultiDiGraph) -> str:
    r"""Write *graph* as Graphviz DOT text (a ``digraph``, left to right), without pydot or pygraphviz.

    Every id and attribute value is quoted, with ``\\`` and ``"`` escaped and newlines written as ``\\n``.
    Nodes keep all their attributes and get a ``shape`` by kind; edges keep theirs and are labelled by kind.
    """
    name = graph.graph.get("agreement", "responsibility")
    lines = [f"digraph {_dot_quoted(name)} {{", "    rankdir=LR;"]
    for node, data in graph.nodes(data=True):
        attributes: dict[str, object] = {"label": node, **data}
        if data.get("kind") in _DOT_SHAPES:
            attributes.setdefault("shape", _DOT_SHAPES[data["kind"]])
        lines.append(f"    {_dot_quoted(node)} [{_dot_attributes(attributes)}];")
    for source, target, key, data in graph.edges(keys=True, data=True):
        edge_attributes: dict[str, object] = {"label": data.get("kind", key), **data}
        lines.append(f"    {_dot_quoted(source)} -> {_dot_quoted(target)} [{_dot_attributes(edge_attributes)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _xml_safe(value: Any) -> Any:
    return _printable(value) if isinstance(value, str) else value


def to_graphml(graph: nx.MultiDiGraph) -> str:
    """Write *graph* as GraphML text (networkx's writer; edge keys become the edges' ``id``).

    XML 1.0 cannot carry control characters other than tab, newline and carriage return: in keys and string
    attributes they are written as U+FFFD (the replacement character), so the text always parses.
    """
    nx = networkx()
    safe = graph.__class__(**{name: _xml_safe(value) for name, value in graph.graph.items()})
    safe.add_nodes_from(
        (_xml_safe(node), {name: _xml_safe(value) for name, value in data.items()})
        for node, data in graph.nodes(data=True)
    )
    safe.add_edges_from(
        (_xml_safe(source), _xml_safe(target), _xml_safe(key), {name: _xml_safe(value) for name, value in data.items()})
        for source, target, key, data in graph.edges(keys=True, data=True)
    )
    return "\n".join(nx.generate_graphml(safe)) + "\n"


def to_node_link(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """Return *graph* as node-link data (networkx's format, edges under ``"edges"``), ready for JSON."""
    nx = networkx()
    data: dict[str, Any] = nx.node_link_data(graph, edges="edges")
    return data


def from_node_link(data: Mapping[str, Any]) -> nx.MultiDiGraph:
    """Rebuild a graph from `to_node_link` data (also after a JSON round trip); always a `MultiDiGraph`."""
    nx = networkx()
    graph = nx.node_link_graph(dict(data), directed=True, multigraph=True, edges="edges")
    if not isinstance(graph, nx.MultiDiGraph):
        graph = nx.MultiDiGraph(graph)
    return graph


def _to_json(graph: nx.MultiDiGraph) -> str:
    return json.dumps(to_node_link(graph), ensure_ascii=False, indent=2) + "\n"


_WRITERS: Final[Mapping[str, Callable[[Any], str]]] = MappingProxyType(
    {"mermaid": to_mermaid, "dot": to_dot, "graphml": to_graphml, "json": _to_json}
)


def export(graph: nx.MultiDiGraph, format: str) -> str:  # noqa: A002 - the CLI's option name
    """Write *graph* as text: ``"mermaid"``, ``"dot"``, ``"graphml"`` or ``"json"`` (node-link data).

    Raises:
        UnknownNameError: *format* is not one of `FORMATS` (kind ``"graph format"``; also a `ValueError`).
    """
    writer = _WRITERS.get(format)
    if writer is None:
        raise UnknownNameError("graph format", format, FORMATS)
    return writer(graph)


def render_graph(agreement: Agreement, *, format: str, party: str | None = None, radius: int = 1) -> str:  # noqa: A002
    """Build the responsibility graph of *agreement* and write it as text, for the CLI's ``graph`` command.

    With *party*, only its `neighbourhood` within *radius* steps is written.

    Raises:
        UnknownNameError: *party* is not a party of the agreement (kind ``"party"``), or *format* is not one of
            `FORMATS` (kind ``"graph format"``); also a `ValueError`.
    """
    if format not in _WRITERS:
        raise UnknownNameError("graph format", format, FORMATS)
    if party is not None and party not in agreement.index.parties:
        raise UnknownNameError("party", party, agreement.index.parties, advice="use one of the agreement's party ids")
    if party is None:
        return export(responsibility_graph(agreement), format)
    return export(party_neighbourhood(agreement, party, radius=radius), format)
