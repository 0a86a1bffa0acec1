"""The responsibility graph as a picture: SVG drawn by Graphviz's ``dot``, labelled in Dutch or English.

Graphviz is a program, not a Python package: the Debian package ``graphviz`` (``apt-get install graphviz``)
provides ``dot``, which is run without a shell, with a timeout, on DOT text given on its standard input. Every
label is escaped twice over: for DOT (quotes and backslashes, by the DOT writer of `._export`) and for Graphviz's
own entity handling (``&`` as ``&amp;``), so a party named ``<script>`` or ``A & B`` is drawn as written and the
SVG stays plain, well-formed text. The SVG loads nothing from elsewhere: its DOCTYPE (which names a DTD on the
web) and Graphviz's comments are removed, and no node or edge gets a link.

Graphviz's layout grows much faster than the graph: thousands of nodes take minutes. Above a node limit (300 by
default) the picture is refused before ``dot`` runs, with the advice to draw one party's neighbourhood instead.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, Literal

from prestatieafspraken._problem_words import Said
from prestatieafspraken.errors import ExportError, MissingExtraError, UnknownNameError
from prestatieafspraken.graph._build import party_neighbourhood, responsibility_graph
from prestatieafspraken.graph._export import _DOT_SHAPES, _dot_attributes, _dot_quoted
from prestatieafspraken.graph._vocabulary import MANDATE_EDGE_KINDS
from prestatieafspraken.model import MandateRole
from prestatieafspraken.model.themes import theme_label
from prestatieafspraken.vocabulary import TERMS, Language, label, term

if TYPE_CHECKING:
    import networkx as nx

    from prestatieafspraken.model.agreement import Agreement

__all__ = [
    "DEFAULT_NODE_LIMIT",
    "DEFAULT_TIMEOUT",
    "diagram_dot",
    "draw_png",
    "draw_svg",
    "graphviz_available",
    "picture_dot",
    "render_svg",
    "svg_picture",
]

#: The most nodes a picture is drawn with unless the caller allows more: about ten seconds of ``dot``.
DEFAULT_NODE_LIMIT: Final = 300
#: Seconds ``dot`` may take before the picture is given up.
DEFAULT_TIMEOUT: Final = 60.0

_INSTALL: Final = "apt-get install graphviz"
_WRAP: Final = 28  # characters per line of a node's text
_LINES: Final = 4  # lines of a node's text; the rest is cut off with an ellipsis

# Fill colours per node kind: people blue, the work yellow, what it is for green, the measures grey.
_FILLS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "agreement": "#e8e8e8",
        "party": "#cfe2f3",
        "area": "#eeeeee",
        "group": "#d9e7f7",
        "theme": "#d9ead3",
        "goal": "#d9ead3",
        "indicator": "#f3f3f3",
        "target": "#fff2cc",
        "commitment": "#fce5cd",
    }
)
_GRAPH: Final = {"rankdir": "LR", "bgcolor": "white", "fontname": "Helvetica", "nodesep": "0.25", "ranksep": "0.6"}
_NODE: Final = {"fontname": "Helvetica", "fontsize": "10", "style": "filled", "color": "#666666"}
_EDGE: Final = {"fontname": "Helvetica", "fontsize": "8", "color": "#888888", "fontcolor": "#444444"}
_BEFORE_SVG: Final = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)
_COMMENT: Final = re.compile(r"<!--.*?-->\n?", re.DOTALL)
_PNG_SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"
_NOT_ALLOWED: Final = frozenset({"script", "image", "use", "foreignObject", "a", "style"})


def graphviz_available() -> bool:
    """Whether Graphviz's ``dot`` is on the ``PATH`` (pictures can be drawn)."""
    return shutil.which("dot") is not None


def _graphviz_text(text: str) -> str:
    """*text* as Graphviz draws it literally: it reads ``&name;`` as an entity, so ``&`` is written ``&amp;``."""
    return text.replace("&", "&amp;")


def _wrapped(text: str) -> str:
    lines = textwrap.wrap(" ".join(text.split()), width=_WRAP, max_lines=_LINES, placeholder=" …")
    return "\n".join(lines) or text


def _number(value: float, lang: Language) -> str:
    shown = f"{value:,}" if isinstance(value, int) or not value.is_integer() else f"{int(value):,}"
    return shown if lang == "en" else shown.translate(str.maketrans(",.", ".,"))


def _node_text(agreement: Agreement, kind: str, data: Mapping[str, object], lang: Language) -> str:
    """The node's words in *lang*: its kind on the first line, then its name or text, wrapped."""
    ref, index = str(data.get("ref", "")), agreement.index
    text = str(data.get("label", ref))
    if kind == "theme":
        text = theme_label(ref, lang=lang, declared=index.themes.get(ref))
    elif kind == "target" and ref in index.targets:
        target = index.targets[ref]
        text = f"{ref} ({_number(target.value, lang)} {'by' if lang == 'en' else 'in'} {target.by})"
    caption = term(kind, lang) if kind in _FILLS else kind
    return f"{caption}\n{_wrapped(text)}"


def _edge_text(kind: str, lang: Language) -> str:
    if kind in MANDATE_EDGE_KINDS:
        return label(MandateRole(kind), lang)
    return term(kind, lang) if kind in TERMS else kind


def picture_dot(agreement: Agreement, graph: nx.MultiDiGraph, *, lang: Language = "nl") -> str:
    """The DOT text of the picture of *graph* (a graph of *agreement*), labelled in *lang*.

    Nodes are named ``n0``, ``n1``, ... so no model text reaches Graphviz's ids or the SVG's titles; every
    label is escaped for DOT and for Graphviz's entities.
    """
    names = {node: f"n{number}" for number, node in enumerate(graph.nodes)}
    lines = [
        'digraph "responsibility" {',
        f"    graph [{_dot_attributes(_GRAPH)}];",
        f"    node [{_dot_attributes(_NODE)}];",
        f"    edge [{_dot_attributes(_EDGE)}];",
    ]
    for node, data in graph.nodes(data=True):
        kind = str(data.get("kind", ""))
        attributes = {
            "label": _graphviz_text(_node_text(agreement, kind, data, lang)),
            "shape": _DOT_SHAPES.get(kind, "box"),
            "fillcolor": _FILLS.get(kind, "white"),
        }
        lines.append(f"    {names[node]} [{_dot_attributes(attributes)}];")
    for source, target, key, data in graph.edges(keys=True, data=True):
        kind = str(data.get("kind", key))
        text = _dot_quoted(_graphviz_text(_edge_text(kind, lang)))
        lines.append(f"    {names[source]} -> {names[target]} [label={text}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _chosen_graph(agreement: Agreement, party: str | None, radius: int, node_limit: int) -> nx.MultiDiGraph:
    """The graph to draw: the whole agreement's or one party's neighbourhood, refused above *node_limit*."""
    if party is not None and party not in agreement.index.parties:
        raise UnknownNameError("party", party, agreement.index.parties, advice="use one of the agreement's party ids")
    if party is None:
        _within_limit(_least_nodes(agreement), node_limit, exact=False)
        graph = responsibility_graph(agreement)
    else:
        graph = party_neighbourhood(agreement, party, radius=radius)
    _within_limit(graph.number_of_nodes(), node_limit, exact=True, party=party)
    return graph


def _least_nodes(agreement: Agreement) -> int:
    """The nodes the whole graph has at least, counted on the index without building it (a national file)."""
    index = agreement.index
    kinds = (index.areas, index.parties, index.groups, index.themes, index.goals, index.indicators)
    return 1 + sum(map(len, kinds)) + len(index.targets) + len(index.commitments)


def _within_limit(nodes: int, node_limit: int, *, exact: bool, party: str | None = None) -> None:
    if nodes <= node_limit:
        return
    raise ExportError.of(
        "graph_too_large",
        counted=Said.of("graph_nodes" if exact else "graph_nodes_at_least", count=nodes),
        limit=node_limit,
        advice=Said.of("graph_advice_radius", party=party) if party is not None else Said.of("graph_advice_party"),
    )


def _run_dot(dot_text: str, timeout: float, output: Literal["svg", "png"] = "svg") -> bytes:
    program = shutil.which("dot")
    if program is None:
        raise MissingExtraError.of("missing_dot", install=_INSTALL)
    try:
        done = subprocess.run(  # noqa: S603 - a fixed program found on PATH, no shell, the DOT text on stdin
            [program, f"-T{output}"], input=dot_text.encode("utf-8"), capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise ExportError.of("graph_dot_timeout", timeout=f"{timeout:g}") from None
    if done.returncode != 0:
        problem = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ExportError.of("graph_dot_failed", reason=problem[0] if problem else f"exit {done.returncode}")
    return done.stdout


def _embeddable(svg: str) -> str:
    """The ``<svg>`` element alone: no XML declaration, no DOCTYPE (a DTD on the web), no comments; checked."""
    element = _COMMENT.sub("", _BEFORE_SVG.sub("", svg, count=1)).strip() + "\n"
    try:
        root = ET.fromstring(element)  # noqa: S314 - Graphviz's output of text the library escaped, no DTD left
    except ET.ParseError as error:
        raise ExportError.of("graph_svg_unparsable", reason=str(error)) from None
    for found in root.iter():
        name = found.tag.rsplit("}", 1)[-1]
        if name in _NOT_ALLOWED or any(attribute.endswith("href") for attribute in found.attrib):
            raise ExportError.of("graph_svg_unsafe", name=name)
    return element


def render_svg(
    agreement: Agreement,
    *,
    lang: Language = "nl",
    party: str | None = None,
    radius: int = 1,
    node_limit: int = DEFAULT_NODE_LIMIT,
    timeout: float = DEFAULT_TIMEOUT,
) -> str:
    """Draw who does what for whom in *agreement* as an SVG file's text (with its XML declaration).

    With *party*, only its `neighbourhood` within *radius* steps is drawn. Node kinds and edge kinds are
    labelled in *lang*.

    Raises:
        ExportError: the graph has more than *node_limit* nodes, or ``dot`` fails or takes longer than
            *timeout* seconds (also a `ValueError`).
        MissingExtraError: Graphviz's ``dot`` is not on the ``PATH`` (``apt-get install graphviz``).
        UnknownNameError: *party* is not a party of the agreement.
    """
    graph = _chosen_graph(agreement, party, radius, node_limit)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + _draw(agreement, graph, lang=lang, timeout=timeout)


def svg_picture(
    agreement: Agreement,
    *,
    lang: Language = "nl",
    party: str | None = None,
    radius: int = 1,
    node_limit: int = DEFAULT_NODE_LIMIT,
    timeout: float = DEFAULT_TIMEOUT,
) -> str | None:
    """The picture of who does what for whom as one ``<svg>`` element to put in HTML, or ``None`` when too large.

    The element has no XML declaration, DOCTYPE, comments, scripts or links, and every text in it is escaped,
    so it can be written into an HTML page as it is. ``None`` when the graph has more than *node_limit* nodes:
    a report or document then leaves the picture out (or draws parties' neighbourhoods with *party*).

    Raises:
        ExportError: ``dot`` fails or takes longer than *timeout* seconds (also a `ValueError`).
        MissingExtraError: Graphviz's ``dot`` is not on the ``PATH``; check `graphviz_available` first to leave
            the picture out instead.
        UnknownNameError: *party* is not a party of the agreement.
    """
    try:
        graph = _chosen_graph(agreement, party, radius, node_limit)
    except ExportError:
        return None
    return _draw(agreement, graph, lang=lang, timeout=timeout)


def _draw(agreement: Agreement, graph: nx.MultiDiGraph, *, lang: Language, timeout: float) -> str:
    return draw_svg(picture_dot(agreement, graph, lang=lang), timeout=timeout)


def diagram_dot(agreement: Agreement, *, lang: Language = "nl", node_limit: int = DEFAULT_NODE_LIMIT) -> str | None:
    """The DOT text of the picture of who does what for whom in *agreement*, or ``None`` above *node_limit* nodes.

    What a report and a document draw: the whole agreement as given (for an audience, pass the view's agreement,
    so the picture shows nothing the audience may not see). Needs no Graphviz; `draw_svg` and `draw_png` draw it.
    """
    try:
        graph = _chosen_graph(agreement, None, 1, node_limit)
    except ExportError:
        return None
    return picture_dot(agreement, graph, lang=lang)


def draw_svg(dot_text: str, *, timeout: float = DEFAULT_TIMEOUT) -> str:
    """DOT text drawn by Graphviz as one ``<svg>`` element to put in HTML (see `svg_picture`).

    Raises:
        ExportError: ``dot`` fails, takes longer than *timeout* seconds, or writes an SVG that is not safe.
        MissingExtraError: Graphviz's ``dot`` is not on the ``PATH``.
    """
    return _embeddable(_run_dot(dot_text, timeout).decode("utf-8"))


def draw_png(dot_text: str, *, timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """DOT text drawn by Graphviz as a PNG image (96 dots per inch), for a Word document.

    Raises:
        ExportError: ``dot`` fails, takes longer than *timeout* seconds, or writes no PNG.
        MissingExtraError: Graphviz's ``dot`` is not on the ``PATH``.
    """
    png = _run_dot(dot_text, timeout, "png")
    if not png.startswith(_PNG_SIGNATURE):
        raise ExportError.of("graph_no_png")
    return png
