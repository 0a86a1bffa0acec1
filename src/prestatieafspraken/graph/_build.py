"""Building the responsibility graph (networkx) from the references the model declares, and asking it questions.

Which fields become edges is `EDGE_FIELDS`; what each field refers to (the kind of node at its other end, one id
or many) is read from the model's own declaration (`prestatieafspraken.model.references`), so the graph cannot
drift from the model: a test checks that every field named here is a declared reference.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
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

__all__ = [
    "EDGE_FIELDS",
    "EdgeField",
    "central_parties",
    "neighbourhood",
    "party_neighbourhood",
    "responsibility_graph",
]


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


@attrs.frozen
class _Items:
    """The items a graph is built of: all of the agreement's (its index), or those a neighbourhood keeps.

    Each mapping holds the first item of each id, in file order; *standard_themes* are the standard theme ids
    that get a node when named, and *agreement* whether the agreement's node (and its mandate edges) is drawn.
    """

    parties: Mapping[str, Any]
    areas: Mapping[str, Any]
    groups: Mapping[str, Any]
    themes: Mapping[str, Any]
    goals: Mapping[str, Any]
    indicators: Mapping[str, Any]
    targets: Mapping[str, Any]
    commitments: Mapping[str, Any]
    standard_themes: Container[str] = STANDARD_THEMES
    agreement: bool = True

    @classmethod
    def of(cls, index: AgreementIndex) -> _Items:
        """All the items of an agreement."""
        return cls(**{name: getattr(index, name) for name in _ITEM_KINDS.values()})

    @classmethod
    def within(cls, agreement: Agreement, keep: Container[str]) -> _Items:
        """The items whose nodes are in *keep* (node keys), in file order."""
        index = agreement.index

        def kept(kind: str) -> dict[str, Any]:
            prefix = kind + ":"
            mapping: Mapping[str, Any] = getattr(index, _ITEM_KINDS[kind])
            return {item_id: item for item_id, item in mapping.items() if prefix + item_id in keep}

        standard = {theme for theme in STANDARD_THEMES if theme not in index.themes and "theme:" + theme in keep}
        agreement_kept = node_key("agreement", agreement.id) in keep
        kept_items = {name: kept(kind) for kind, name in _ITEM_KINDS.items()}
        return cls(**kept_items, standard_themes=standard, agreement=agreement_kept)


# The node kinds of the items, each with the name of its mapping (on `_Items` and the index), in `_Items`'s order.
_ITEM_KINDS: Final[Mapping[str, str]] = MappingProxyType(
    {kind: kind + "s" for kind in ("area", "group", "theme", "goal", "indicator", "target", "commitment")}
    | {"party": "parties"}
)


def _holders(items: _Items, holder: type[Any]) -> Sequence[Any]:
    """The items of one class, first of each id, in file order."""
    by_class: Mapping[type[Any], Mapping[str, Any]] = {
        Party: items.parties,
        Group: items.groups,
        Theme: items.themes,
        Target: items.targets,
        Commitment: items.commitments,
    }
    return list(by_class[holder].values())


def _known(items: _Items, kind: IdKind) -> Mapping[str, object]:
    """The ids a reference of *kind* may name and the graph has nodes for (themes are handled on their own)."""
    known: Mapping[IdKind, Mapping[str, object]] = {
        IdKind.PARTY: items.parties,
        IdKind.AREA: items.areas,
        IdKind.GOAL: items.goals,
        IdKind.INDICATOR: items.indicators,
        IdKind.TARGET: items.targets,
        IdKind.COMMITMENT: items.commitments,
    }
    return known[kind]


class _Edges:
    """The typed edges of one agreement, collected before the graph is built (networkx adds them in one call)."""

    def __init__(self, items: _Items) -> None:
        self.items = items
        self.edges: list[tuple[str, str, str, Mapping[str, str]]] = []
        self.named_standard_themes: dict[str, None] = {}
        """Standard themes named by a commitment or target without being declared, in order of first use."""

    def add(self, edge: EdgeField) -> None:
        """Add the edges of one field of every item that holds it; references to unknown ids are PA001's."""
        reference = declared_reference(edge)
        holders = _holders(self.items, edge.holder)
        source = _HOLDER_KINDS[edge.holder] + ":"
        target = reference.kind.value + ":"
        kind, data, field = edge.kind, _EDGE_DATA[edge.kind], edge.field
        if reference.kind is IdKind.THEME:
            self._add_themes(holders, source, field, kind)
            return
        known = _known(self.items, reference.kind)
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
        declared, data = self.items.themes, _EDGE_DATA[kind]
        for item in holders:
            theme_id = getattr(item, field)
            if theme_id is None:
                continue
            if theme_id not in declared:
                if theme_id not in self.items.standard_themes:
                    continue
                self.named_standard_themes[theme_id] = None
            self.edges.append((source + item.id, "theme:" + theme_id, kind, data))

    def add_mandates(self, agreement: Agreement) -> None:
        """Add one edge party -> agreement per mandate, of the mandate's role."""
        if not self.items.agreement:
            return
        parties, agreement_node = self.items.parties, node_key("agreement", agreement.id)
        self.edges.extend(
            ("party:" + mandate.holder, agreement_node, mandate.role.value, _EDGE_DATA[mandate.role.value])
            for mandate in agreement.mandates
            if mandate.holder in parties
        )


def _nodes(
    agreement: Agreement, items: _Items, named_standard_themes: Iterable[str]
) -> list[tuple[str, dict[str, str]]]:
    return [
        *([_node("agreement", agreement.id, agreement.title)] if items.agreement else []),
        *(_node("area", area.id, area.name) for area in items.areas.values()),
        *(_node("party", party.id, party.name) for party in items.parties.values()),
        *(_node("group", group.id, group.id) for group in items.groups.values()),
        *(_node("theme", theme.id, theme_label(theme.id, declared=theme)) for theme in items.themes.values()),
        *(_node("theme", theme_id, theme_label(theme_id)) for theme_id in named_standard_themes),
        *(_node("goal", goal.id, goal.text) for goal in items.goals.values()),
        *(_node("indicator", indicator.id, indicator.label) for indicator in items.indicators.values()),
        *(
            _node("target", target.id, f"{target.id} ({target.value} by {target.by})")
            for target in items.targets.values()
        ),
        *(_node("commitment", c.id, _commitment_label(c)) for c in items.commitments.values()),
    ]


def responsibility_graph(agreement: Agreement) -> nx.MultiDiGraph:
    """Derive the responsibility graph of *agreement*: who executes what, for whom, towards which goal.

    The nodes are the agreement, its areas, parties, groups, themes (declared, and standard themes that are
    named), goals, indicators, targets and commitments; the edges are the references between them, typed by
    ``kind`` (see `EDGE_KINDS` and `MANDATE_EDGE_KINDS`). References to unknown ids are skipped (PA001 reports
    them). The graph's own attributes are ``agreement`` (the id) and ``title``.

    Each call builds a new graph, which the caller may change freely.
    """
    return _graph(agreement, _Items.of(agreement.index))


def _graph(agreement: Agreement, items: _Items, *, standard_order: bool = False) -> nx.MultiDiGraph:
    """The graph of *items*; for a part of the agreement (*standard_order*), in the whole graph's order."""
    nx = networkx()
    with _collector.paused():
        edges = _Edges(items)
        for edge in EDGE_FIELDS[:_PEOPLE_FIELDS]:
            edges.add(edge)
        edges.add_mandates(agreement)
        for edge in EDGE_FIELDS[_PEOPLE_FIELDS:]:
            edges.add(edge)
        standard: Iterable[str] = edges.named_standard_themes
        if standard_order and len(edges.named_standard_themes) > 1:
            standard = [theme for theme in _standard_themes_named(agreement) if theme in edges.named_standard_themes]
        nodes = _nodes(agreement, items, standard)
        if standard_order:
            # The order `neighbourhood` keeps: the edges by their source node's place, else as they were added.
            position = {node: number for number, (node, _) in enumerate(nodes)}
            edges.edges.sort(key=lambda edge: position[edge[0]])
        graph = nx.MultiDiGraph(agreement=agreement.id, title=agreement.title)
        graph.add_nodes_from(nodes)
        graph.add_edges_from(edges.edges)
    return graph


def _standard_themes_named(agreement: Agreement) -> dict[str, None]:
    """The undeclared standard themes the whole agreement names, in the order the whole graph has their nodes."""
    edges = _Edges(_Items.of(agreement.index))
    for edge in EDGE_FIELDS:
        if declared_reference(edge).kind is IdKind.THEME:
            edges.add(edge)
    return edges.named_standard_themes


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


def party_neighbourhood(agreement: Agreement, party_id: str, radius: int = 1) -> nx.MultiDiGraph:
    """Return ``neighbourhood(responsibility_graph(agreement), party_id, radius)``, building only that part.

    The same nodes, edges, attributes and order, at the cost of the part: the items within *radius* steps are
    found on `Agreement.index` (and on reverse lookups made the first time a step needs them), and only their
    graph is built.

    Raises:
        UnknownNameError: *party_id* is not a party of the agreement (kind ``"party"``; also a `ValueError`).
    """
    index = agreement.index
    if party_id not in index.parties:
        raise UnknownNameError("party", party_id, index.parties, advice="use one of the agreement's party ids")
    with _collector.paused():
        near = _Near(agreement).within(node_key("party", party_id), radius)
    return _graph(agreement, _Items.within(agreement, near), standard_order=True)


class _Near:
    """The nodes next to a node of the whole graph, either way, found without building the graph."""

    def __init__(self, agreement: Agreement) -> None:
        self.agreement = agreement
        self.items = _Items.of(agreement.index)
        self.reversed: dict[EdgeField, Mapping[str, list[str]]] = {}

    def within(self, center: str, radius: int) -> set[str]:
        """The nodes at most *radius* steps from *center* (a breadth-first search)."""
        near, frontier = {center}, [center]
        for _ in range(radius):
            found = [other for node in frontier for other in self.next_to(node) if other not in near]
            frontier = list(dict.fromkeys(found))
            near.update(frontier)
        return near

    def next_to(self, node: str) -> Iterator[str]:
        kind, _, item_id = node.partition(":")
        agreement = self.agreement
        if kind == "agreement":
            yield from ("party:" + m.holder for m in agreement.mandates if m.holder in self.items.parties)
            return
        if kind == "party" and any(mandate.holder == item_id for mandate in agreement.mandates):
            yield node_key("agreement", agreement.id)
        item = getattr(self.items, _ITEM_KINDS[kind]).get(item_id)  # None: an undeclared standard theme
        for edge in EDGE_FIELDS:
            reference = declared_reference(edge)
            if item is not None and _HOLDER_KINDS[edge.holder] == kind:
                refs = getattr(item, edge.field) if reference.many else (getattr(item, edge.field),)
                yield from self.existing(reference.kind, refs)
            if reference.kind.value == kind:
                prefix = _HOLDER_KINDS[edge.holder] + ":"
                yield from (prefix + holder for holder in self.holders(edge, item_id))

    def existing(self, kind: IdKind, refs: Iterable[str | None]) -> Iterator[str]:
        """The nodes of the ids *refs* of *kind* that the graph has."""
        if kind is IdKind.THEME:
            known: Container[str | None] = _ThemeNodes(self.items.themes)
        else:
            known = _known(self.items, kind)
        yield from (kind.value + ":" + ref for ref in refs if ref is not None and ref in known)

    def holders(self, edge: EdgeField, ref: str) -> Sequence[str]:
        """The ids of the items whose *edge* field names *ref* (first of each id)."""
        lookup = _INDEXED.get(edge)
        if lookup is not None:
            first = self.items.commitments
            return [c.id for c in getattr(self.agreement.index, lookup)(ref) if first[c.id] is c]
        found = self.reversed.get(edge)
        if found is None:
            many = declared_reference(edge).many
            reverse: defaultdict[str, list[str]] = defaultdict(list)
            for item in _holders(self.items, edge.holder):
                refs = getattr(item, edge.field) if many else (getattr(item, edge.field),)
                for named in dict.fromkeys(refs):
                    if named is not None:
                        reverse[named].append(item.id)
            found = self.reversed[edge] = reverse
        return found.get(ref, ())


@attrs.frozen
class _ThemeNodes:
    """The theme ids with a node: declared, or standard."""

    declared: Mapping[str, object]

    def __contains__(self, theme: object) -> bool:
        return theme in self.declared or theme in STANDARD_THEMES


# The reverse lookups `Agreement.index` already has (commitments in file order, duplicates of an id included).
_INDEXED: Final[Mapping[EdgeField, str]] = MappingProxyType(
    {
        edge: lookup
        for edge in EDGE_FIELDS
        for field, lookup in (
            ("by", "commitments_by_party"),
            ("beneficiaries", "commitments_for_party"),
            ("theme", "commitments_by_theme"),
            ("target", "commitments_by_target"),
        )
        if edge.holder is Commitment and edge.field == field
    }
)


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
