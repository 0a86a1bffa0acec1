"""The vocabulary of the responsibility graph: its node and edge kinds, its node keys, and networkx on demand."""

from __future__ import annotations

from typing import Any, Final

from prestatieafspraken.model.mandates import MandateRole

__all__ = ["EDGE_KINDS", "MANDATE_EDGE_KINDS", "NODE_KINDS", "networkx", "node_key"]

#: The ``kind`` of a node.
NODE_KINDS: Final = ("agreement", "party", "area", "group", "theme", "goal", "indicator", "target", "commitment")

#: The ``kind`` of an edge between model items, as ``source -kind-> target``.
EDGE_KINDS: Final = (
    "executes",  # party -> commitment (Commitment.by)
    "benefits",  # commitment -> party (Commitment.beneficiaries, wire key `for`)
    "leads",  # party -> theme (Theme.lead)
    "serves",  # commitment -> goal, target -> goal
    "in_theme",  # commitment -> theme, target -> theme
    "contributes_to",  # commitment -> target
    "measured_by",  # target -> indicator, commitment -> indicator
    "conditional_on",  # commitment -> commitment
    "represents",  # party -> party (Party.represents)
    "member_of",  # party -> group (Group.members)
    "works_in",  # party -> area (Party.areas)
    "in_area",  # commitment -> area, target -> area
)

#: The ``kind`` of a mandate edge, party -> agreement: one per mandate role (`MandateRole` values).
MANDATE_EDGE_KINDS: Final = tuple(role.value for role in MandateRole)


def node_key(kind: str, item_id: str) -> str:
    """Return the graph's key of a model item: ``node_key("party", "afwc") == "party:afwc"``."""
    return f"{kind}:{item_id}"


def networkx() -> Any:
    """Import networkx on first use: it costs about 430 ms, which a check that builds no graph should not pay."""
    import networkx as nx  # noqa: PLC0415 - deliberately lazy, see the docstring

    return nx
