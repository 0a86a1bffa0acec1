"""Building the responsibility graph (networkx) from the references the model declares, and asking it questions.

Which fields become edges is `EDGE_FIELDS`; what each field refers to (the kind of node at its other end, one id
or many) is read from the model's own declaration (`prestatieafspraken.model.references`), so the graph cannot
drift from the model: a test checks that every field named here is a declared reference.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

import attrs

from prestatieafspraken import _collector
from prestatieafspraken.errors import ArgumentError, UnknownNameError
from prestatieafspraken.graph._vocabulary import EDGE_KINDS, MANDATE_EDGE_KINDS, networkx, node_key
from prestatieafspraken.model import Commitment, Group, IdKind, Party, Target, Theme, references
from prestatieafspraken.model.fields import Reference, Visibility
from prestatieafspraken.model.themes import STANDARD_THEMES, theme_label

if TYPE_CHECKING:
    import networkx as nx

    from prestatieafspraken.model.agreement import Agreement
    from prestatieafspraken.model.index import AgreementIndex

__all__ = ["EDGE_FIELDS", "EdgeField", "central_parties", "neighbourhood", "responsibility_graph"]


@attrs.frozen
class EdgeField:
    """A reference field of a model class that the graph draws as edges of one kind.

    Attributes:
        holder: The model class that holds the field.
        field: The field's Python name; `prestatieafspraken.model.references` says what it refers to.
        kind: The edge kind (one of `EDGE_KINDS`).
        backwards: The edge points from the referenced item to the holder (a party *executes* a commitment,
            although the commitment names the party).
    """

    holder: type[Any]
    field: str
    kind: str
    backwards: bool = False


#: The reference fields the graph draws, in the order their edges are added (which is the order of each node's
#: edges in every export). The mandates' edges come between the people's and the work's.
EDGE_FIELDS: Final = (
    EdgeField(Party, "areas", "works_in"),
    EdgeField(Party, "represents", "represents"),
    EdgeField(Group, "members", "member_of", backwards=True),
    EdgeField(Theme, "lead", "leads", backwards=True),
    EdgeField(Target, "goals", "serves"),
    EdgeField(Target, "indicator", "measured_by"),
    EdgeField(Target, "theme", "in_theme"),
    EdgeField(Target, "area", "in_area"),
    EdgeField(Commitment, "by", "executes", backwards=True),
    EdgeField(Commitment, "beneficiaries", "benefits"),
    EdgeField(Commitment, "goals", "serves"),
    EdgeField(Commitment, "theme", "in_theme"),
    EdgeField(Commitment, "target", "contributes_to"),
    EdgeField(Commitment, "indicator", "measured_by"),
    EdgeField(Commitment, "area", "in_area"),
    EdgeField(Commitment, "conditional_on", "conditional_on"),
)
_PEOPLE_FIELDS: Final = 3  # the first three are the people's; the mandates come after them

# The node kind of the items that hold the fields.
_HOLDER_KINDS: Final[Mapping[type[Any], str]] = MappingProxyType(
    {Party: "party", Group: "group", Theme: "theme", Target: "target", Commitment: "commitment"}
)

# One attribute dict per edge kind: networkx copies it into each edge's own dict.
_EDGE_DATA: Final[Mapping[str, Mapping[str, str]]] = MappingProxyType(
    {kind: MappingProxyType({"kind": kind}) for kind in (*EDGE_KINDS, *MANDATE_EDGE_KINDS)}
)


def declared_reference(edge: EdgeField) -> Reference:
    """The model's declaration of the field an edge is drawn from."""
    (found,) = (reference for reference in references(edge.holder) if reference.field == edge.field)
    return found


def _node(kind: str, item_id: str, label: str) -> tuple[str, dict[str, str]]:
    return node_key(kind, item_id), {"kind": kind, "label": label, "ref": item_id}


def _commitment_label(commitment: Commitment) -> str:
    if commitment.visibility is Visibility.PUBLIC and commitment.text:
        return commitment.text
    return commitment.id


def _holders(index: AgreementIndex, holder: type[Any]) -> Sequence[Any]:
    """The items of one class, first of each id, in file order."""
    by_class: Mapping[type[Any], Mapping[str, Any]] = {
        Party: index.parties,
        Group: index.groups,
        Theme: index.themes,
        Target: index.targets,
        Commitment: index.commitments,
    }
    return list(by_class[holder].values())


def _known(index: AgreementIndex, kind: IdKind) -> Mapping[str, object]:
    """The ids a reference of *kind* may name and the graph has nodes for (themes are handled on their own)."""
    known: Mapping[IdKind, Mapping[str, object]] = {
        IdKind.PARTY: index.parties,
        IdKind.AREA: index.areas,
        IdKind.GOAL: index.goals,
        IdKind.INDICATOR: index.indicators,
        IdKind.TARGET: index.targets,
        IdKind.COMMITMENT: index.commitments,
    }
    return known[kind]


class _Edges:
    """The typed edges of one agreement, collected before the graph is built (networkx adds them in one call)."""

    def __init__(self, agreement: Agreement) -> None:
        self.index = agreement.index
        self.edges: list[tuple[str, str, str, Mapping[str, str]]] = []
        self.named_standard_themes: dict[str, None] = {}
        """Standard themes named by a commitment or target without being declared, in order of first use."""

    def add(self, edge: EdgeField) -> None:
        """Add the edges of one field of every item that holds it; references to unknown ids are PA001's."""
        reference = declared_reference(edge)
        holders = _holders(self.index, edge.holder)
        source = _HOLDER_KINDS[edge.holder] + ":"
        target = reference.kind.value + ":"
        kind, data, field = edge.kind, _EDGE_DATA[edge.kind], edge.field
        if reference.kind is IdKind.THEME:
            self._add_themes(holders, source, field, kind)
            return
        known = _known(self.index, reference.kind)
        if reference.many:
            pairs = [(item.id, ref) for item in holders for ref in getattr(item, field) if ref in known]
        else:
            pairs = [(item.id, ref) for item in holders if (ref := getattr(item, field)) is not None and ref in known]
        if edge.backwards:
            self.edges.extend((target + ref, source + item_id, kind, data) for item_id, ref in pairs)
        else:
            self.edges.extend((source + item_id, target + ref, kind, data) for item_id, ref in pairs)

    def _add_themes(self, holders: Iterable[Any], source: str, field: str, kind: str) -> None:
        """Edges to a declared theme or a standard one (which then gets a node); the one place themes differ."""
        declared, data = self.index.themes, _EDGE_DATA[kind]
        for item in holders:
            theme_id = getattr(item, field)
            if theme_id is None:
                continue
            if theme_id not in declared:
                if theme_id not in STANDARD_THEMES:
                    continue
                self.named_standard_themes[theme_id] = None
            self.edges.append((source + item.id, "theme:" + theme_id, kind, data))

    def add_mandates(self, agreement: Agreement) -> None:
        """Add one edge party -> agreement per mandate, of the mandate's role."""
        parties, agreement_node = self.index.parties, node_key("agreement", agreement.id)
        self.edges.extend(
            ("party:" + mandate.holder, agreement_node, mandate.role.value, _EDGE_DATA[mandate.role.value])
            for mandate in agreement.mandates
            if mandate.holder in parties
        )


def _nodes(agreement: Agreement, named_standard_themes: Iterable[str]) -> list[tuple[str, dict[str, str]]]:
    index = agreement.index
    return [
        _node("agreement", agreement.id, agreement.title),
        *(_node("area", area.id, area.name) for area in index.areas.values()),
        *(_node("party", party.id, party.name) for party in index.parties.values()),
        *(_node("group", group.id, group.id) for group in index.groups.values()),
        *(_node("theme", theme.id, theme_label(theme.id, declared=theme)) for theme in index.themes.values()),
        *(_node("theme", theme_id, theme_label(theme_id)) for theme_id in named_standard_themes),
        *(_node("goal", goal.id, goal.text) for goal in index.goals.values()),
        *(_node("indicator", indicator.id, indicator.label) for indicator in index.indicators.values()),
        *(
            _node("target", target.id, f"{target.id} ({target.value} by {target.by})")
            for target in index.targets.values()
        ),
        *(_node("commitment", c.id, _commitment_label(c)) for c in index.commitments.values()),
    ]


def responsibility_graph(agreement: Agreement) -> nx.MultiDiGraph:
    """Derive the responsibility graph of *agreement*: who executes what, for whom, towards which goal.

    The nodes are the agreement, its areas, parties, groups, themes (declared, and standard themes that are
    named), goals, indicators, targets and commitments; the edges are the references between them, typed by
    ``kind`` (see `EDGE_KINDS` and `MANDATE_EDGE_KINDS`). References to unknown ids are skipped (PA001 reports
    them). The graph's own attributes are ``agreement`` (the id) and ``title``.

    Each call builds a new graph, which the caller may change freely.
    """
    nx = networkx()
    with _collector.paused():
        edges = _Edges(agreement)
        for edge in EDGE_FIELDS[:_PEOPLE_FIELDS]:
            edges.add(edge)
        edges.add_mandates(agreement)
        for edge in EDGE_FIELDS[_PEOPLE_FIELDS:]:
            edges.add(edge)
        graph = nx.MultiDiGraph(agreement=agreement.id, title=agreement.title)
        graph.add_nodes_from(_nodes(agreement, edges.named_standard_themes))
        graph.add_edges_from(edges.edges)
    return graph


def neighbourhood(graph: nx.MultiDiGraph, party_id: str, radius: int = 1) -> nx.MultiDiGraph:
    """Return the part of *graph* within *radius* steps of one party, whichever way the edges point.

    With radius 1: the party, the commitments it executes or benefits from, the themes it leads, its groups,
    areas and represented parties, and the agreement node if it holds a mandate. The result is a new graph that
    keeps the order of *graph*'s nodes and edges, so its exports are deterministic.

    Raises:
        UnknownNameError: *party_id* (a model id such as ``"afwc"``) is not a party of the graph (kind
            ``"party"``; also a `ValueError`).
    """
    nx = networkx()
    center = node_key("party", party_id)
    if center not in graph:
        known = [data.get("ref", node) for node, data in graph.nodes(data=True) if data.get("kind") == "party"]
        raise UnknownNameError("party", party_id, known, advice="use one of the agreement's party ids")
    near = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), center, cutoff=radius)
    result = graph.__class__(**graph.graph)
    result.add_nodes_from((node, data) for node, data in graph.nodes(data=True) if node in near)
    result.add_edges_from(
        (source, target, key, data)
        for source, target, key, data in graph.edges(keys=True, data=True)
        if source in near and target in near
    )
    return result


def central_parties(agreement: Agreement, top: int = 5) -> tuple[tuple[str, float], ...]:
    """Return the *top* most central parties with their degree centrality, most central first.

    The centrality is networkx's degree centrality on the party-commitment-party projection: two parties are
    linked when one commitment names both (as executor or beneficiary), and a party's centrality is the share of
    the other parties it is linked to (0.0 to 1.0). Every party of the agreement takes part, with or without
    commitments. Ties keep the parties' file order.

    Raises:
        ArgumentError: *top* is negative (also a `ValueError`).
    """
    if top < 0:
        raise ArgumentError.of("argument_top", top=top)
    nx = networkx()
    index = agreement.index
    pairs: set[tuple[str, str]] = set()
    for commitment in index.commitments.values():
        named = sorted({party for party in (*commitment.by, *commitment.beneficiaries) if party in index.parties})
        pairs.update((a, b) for position, a in enumerate(named) for b in named[position + 1 :])
    projection = nx.Graph()
    projection.add_nodes_from(index.parties)
    projection.add_edges_from(pairs)
    centrality: dict[str, float] = nx.degree_centrality(projection)
    file_order = {party: position for position, party in enumerate(index.parties)}
    ranked = sorted(centrality.items(), key=lambda item: (-item[1], file_order[item[0]]))
    return tuple((party, float(score)) for party, score in ranked[:top])
