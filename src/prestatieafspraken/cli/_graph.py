"""The command ``graph``: export the responsibility graph."""

from __future__ import annotations

import argparse
from typing import Any

from prestatieafspraken.cli._common import (
    EXIT_OK,
    add_input,
    add_options,
    agreement_inputs,
    emit,
    read_input,
)
from prestatieafspraken.views import view_for


def add_graph(commands: Any) -> None:
    """The command ``graph``: the responsibility graph as Mermaid, DOT, GraphML, JSON or an SVG picture."""
    graph = commands.add_parser("graph", help="export the responsibility graph")
    add_input(graph, many=False)
    graph.add_argument("--format", choices=("mermaid", "dot", "graphml", "json", "svg"), default="mermaid")
    graph.add_argument("--party", metavar="ID", help="only the neighbourhood of this party")
    graph.add_argument(
        "--node-limit", type=int, default=300, metavar="N", help="draw an svg of at most N nodes (default: 300)"
    )
    add_options(graph, lang="the picture's labels (svg)", audience=True)
    graph.set_defaults(run=_graph)


def _graph(arguments: argparse.Namespace) -> int:
    from prestatieafspraken.graph import render_graph, render_svg  # noqa: PLC0415 - networkx is slow to import

    ((label, file),) = agreement_inputs(arguments, many=False)
    agreement = read_input(label, file)
    if arguments.audience is not None:
        agreement = view_for(agreement, arguments.audience).agreement
    if arguments.format == "svg":
        emit(render_svg(agreement, lang=arguments.lang, party=arguments.party, node_limit=arguments.node_limit))
        return EXIT_OK
    emit(render_graph(agreement, format=arguments.format, party=arguments.party))
    return EXIT_OK
