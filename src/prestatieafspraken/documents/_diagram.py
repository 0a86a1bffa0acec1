"""The picture of who does what for whom, in the report and the document: drawn by Graphviz, or a sentence instead.

The picture is the responsibility graph (`prestatieafspraken.graph`) of the agreement the reader may see: for an
audience, the view's agreement, so it shows no party, text or commitment the audience may not see. It is labelled
in the document's language and drawn by Graphviz's ``dot`` when the document is written: inline SVG in HTML, an
SVG data image in Markdown (one self-contained text, like the report's sparklines), a PNG in Word. Without
Graphviz, or when it fails, a sentence says how to get the picture; never a traceback.

Graphviz's layout grows much faster than the graph, and a picture of thousands of nodes is unreadable anyway: above
`PICTURE_NODE_LIMIT` nodes (a national file has tens of thousands) the picture is left out, with a sentence that
says how to draw one party's part of it.
"""

from __future__ import annotations

from typing import Final

from prestatieafspraken.documents._blocks import Block, Diagram, Paragraph
from prestatieafspraken.documents._words import number, says
from prestatieafspraken.errors import PrestatieafsprakenError
from prestatieafspraken.graph import DEFAULT_NODE_LIMIT, diagram_dot, draw_png, draw_svg, graphviz_available
from prestatieafspraken.model import Agreement
from prestatieafspraken.vocabulary import Language

__all__ = ["PICTURE_NODE_LIMIT", "diagram", "drawn_png", "drawn_svg"]

#: The most nodes (parties, themes, goals, indicators, targets, commitments, ...) a report or document draws.
PICTURE_NODE_LIMIT: Final = DEFAULT_NODE_LIMIT


def diagram(agreement: Agreement, lang: Language, *, node_limit: int = PICTURE_NODE_LIMIT) -> Block:
    """The picture of who does what for whom in *agreement*, or the sentence said instead of it."""
    if not graphviz_available():
        return Paragraph(text=says("picture_no_graphviz", lang))
    dot = diagram_dot(agreement, lang=lang, node_limit=node_limit)
    if dot is None:
        return Paragraph(text=says("picture_too_large", lang, limit=number(node_limit, lang)))
    return Diagram(title=says("picture_title", lang), dot=dot, missing=says("picture_failed", lang))


def drawn_svg(block: Diagram) -> str | None:
    """The picture as an ``<svg>`` element; ``None`` when Graphviz is gone or fails."""
    try:
        return draw_svg(block.dot)
    except PrestatieafsprakenError:
        return None


def drawn_png(block: Diagram) -> bytes | None:
    """The picture as a PNG image; ``None`` when Graphviz is gone or fails."""
    try:
        return draw_png(block.dot)
    except PrestatieafsprakenError:
        return None
