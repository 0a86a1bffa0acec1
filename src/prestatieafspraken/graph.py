"""Who does what for whom: the responsibility graph of an agreement, the questions it answers, and its exports.

Handbook, "En blijf op je doel focussen": "Een goed resultaat van meerpartijen(samenwerkings)prestatieafspraken
is per definitie wederkerig." and "Benut elkaars kwaliteiten": "De één mag op het ene thema trekker zijn,
terwijl de ander op een ander thema trekker wordt."

This is the only module that imports networkx (STYLE: the engine stays behind its boundary), and it imports it
only when a graph is really built: networkx adds about 430 ms to start-up, and the rules call the questions here
on every check. So the questions that need no graph query (`reciprocity`, `one_sided_parties`,
`commitments_without_goal`, `single_points_of_failure`, `conditions_on_later_years`, `conditional_chains`,
`theme_leads`, `leads_without_commitments`) run on the plain dict indexes of `Agreement.index`;
`conditional_cycles` imports networkx only when a cycle exists; `central_parties` builds a small graph of the
parties only; `responsibility_graph` builds the full graph when a user asks for it (about 8 µs per edge).

The graph (`responsibility_graph`):

- Node keys are ``"<kind>:<id>"`` (``"party:afwc"``, ``"commitment:c-2020-x"``, ``"theme:availability"``), so
  ids never collide across kinds; `node_key` builds one. The agreement itself is ``"agreement:<agreement id>"``.
- Every node has the attributes ``kind`` (one of `NODE_KINDS`), ``label`` (for people) and ``ref`` (the model
  id; not ``id``, which node-link JSON uses for the node key).
- Every edge has the attribute ``kind`` (one of `EDGE_KINDS`, or a mandate role), and its key in the
  `networkx.MultiDiGraph` is that same kind, so a reference named twice is one edge.
- A reference to an unknown id makes no node and no edge: it is skipped silently, because PA001 reports it.
  Where an id is duplicated (PA002) the first item with it is used, as in `Agreement.index`.
- Standard themes (DESIGN §3) that a commitment or target names without declaring get a node, labelled by
  `prestatieafspraken.model.themes.theme_label`.
- A commitment that is not public is labelled by its id, not its text, so a shared diagram never shows text a
  party restricted (DESIGN §4: a message never quotes a value whose visibility is parties or restricted).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Literal, get_args

import attrs

from prestatieafspraken import collector
from prestatieafspraken.errors import UnknownPartyError
from prestatieafspraken.model.fields import Number, Visibility
from prestatieafspraken.model.mandates import MandateRole
from prestatieafspraken.model.themes import STANDARD_THEMES, theme_label

if TYPE_CHECKING:
    import networkx as nx

    from prestatieafspraken.model.agreement import Agreement
    from prestatieafspraken.model.commitments import Commitment
    from prestatieafspraken.model.index import AgreementIndex

__all__ = [
    "EDGE_KINDS",
    "FORMATS",
    "MANDATE_EDGE_KINDS",
    "NODE_KINDS",
    "GraphFormat",
    "OneSided",
    "PartyBalance",
    "Reciprocity",
    "SinglePoint",
    "ThemeLead",
    "ThemeTotal",
    "UnknownPartyError",
    "central_parties",
    "commitments_without_goal",
    "conditional_chains",
    "conditional_cycles",
    "conditions_on_later_years",
    "export",
    "from_node_link",
    "leads_without_commitments",
    "neighbourhood",
    "node_key",
    "one_sided_parties",
    "reciprocity",
    "render_graph",
    "responsibility_graph",
    "single_points_of_failure",
    "theme_leads",
    "to_dot",
    "to_graphml",
    "to_mermaid",
    "to_node_link",
]


def _networkx() -> Any:
    """Import networkx on first use: it costs about 430 ms, which a check that builds no graph should not pay."""
    import networkx as nx  # noqa: PLC0415 - deliberately lazy, see the docstring

    return nx


# --------------------------------------------------------------------------------------------------------------
# The vocabulary of the graph
# --------------------------------------------------------------------------------------------------------------

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

#: The text formats `export` writes.
GraphFormat = Literal["mermaid", "dot", "graphml", "json"]
FORMATS: Final[tuple[str, ...]] = get_args(GraphFormat)


def node_key(kind: str, item_id: str) -> str:
    """Return the graph's key of a model item: ``node_key("party", "afwc") == "party:afwc"``."""
    return f"{kind}:{item_id}"


# --------------------------------------------------------------------------------------------------------------
# Building the graph
# --------------------------------------------------------------------------------------------------------------

# One attribute dict per edge kind: networkx copies it into each edge's own dict.
_EDGE_DATA: Final[Mapping[str, Mapping[str, str]]] = MappingProxyType(
    {kind: MappingProxyType({"kind": kind}) for kind in (*EDGE_KINDS, *MANDATE_EDGE_KINDS)}
)


def _node(kind: str, item_id: str, label: str) -> tuple[str, dict[str, str]]:
    return node_key(kind, item_id), {"kind": kind, "label": label, "ref": item_id}


def _commitment_label(commitment: Commitment) -> str:
    if commitment.visibility is Visibility.PUBLIC and commitment.text:
        return commitment.text
    return commitment.id


class _Edges:
    """The typed edges of one agreement, collected before the graph is built (networkx adds them in one call)."""

    def __init__(self, agreement: Agreement) -> None:
        self.index = agreement.index
        self.agreement_node = node_key("agreement", agreement.id)
        self.edges: list[tuple[str, str, str, Mapping[str, str]]] = []
        self.named_standard_themes: dict[str, None] = {}
        """Standard themes named by a commitment or target without being declared, in order of first use."""

    def link(self, source: str, kind: str, prefix: str, ids: Iterable[str | None], known: Mapping[str, object]) -> None:
        """Add ``source -kind-> prefix + id`` for each id that *known* holds; unknown ids are PA001's."""
        data = _EDGE_DATA[kind]
        self.edges.extend((source, prefix + item, kind, data) for item in ids if item is not None and item in known)

    def link_theme(self, source: str, theme_id: str | None) -> None:
        """Add ``source -in_theme-> theme`` for a declared theme or a standard one (which then gets a node)."""
        if theme_id is None:
            return
        if theme_id not in self.index.themes:
            if theme_id not in STANDARD_THEMES:
                return
            self.named_standard_themes[theme_id] = None
        self.edges.append((source, "theme:" + theme_id, "in_theme", _EDGE_DATA["in_theme"]))

    def add_parties(self, agreement: Agreement) -> None:
        """Add works_in, represents, member_of, leads and the mandate edges."""
        index = self.index
        parties = index.parties
        for party in parties.values():
            source = "party:" + party.id
            self.link(source, "works_in", "area:", party.areas, index.areas)
            self.link(source, "represents", "party:", party.represents, parties)
        member_of = _EDGE_DATA["member_of"]
        for group in index.groups.values():
            self.edges.extend(
                ("party:" + member, "group:" + group.id, "member_of", member_of)
                for member in group.members
                if member in parties
            )
        self.edges.extend(
            ("party:" + mandate.holder, self.agreement_node, mandate.role.value, _EDGE_DATA[mandate.role.value])
            for mandate in agreement.mandates
            if mandate.holder in parties
        )
        self.edges.extend(
            ("party:" + theme.lead, "theme:" + theme.id, "leads", _EDGE_DATA["leads"])
            for theme in index.themes.values()
            if theme.lead is not None and theme.lead in parties
        )

    def add_targets(self) -> None:
        """Add the serves, measured_by, in_theme and in_area edges of the targets."""
        index = self.index
        for target in index.targets.values():
            source = "target:" + target.id
            self.link(source, "serves", "goal:", target.goals, index.goals)
            self.link(source, "measured_by", "indicator:", (target.indicator,), index.indicators)
            self.link_theme(source, target.theme)
            self.link(source, "in_area", "area:", (target.area,), index.areas)

    def add_commitments(self) -> None:
        """Add the edges of the commitments: executes, benefits, serves, in_theme, contributes_to, and so on."""
        index = self.index
        parties, commitments = index.parties, index.commitments
        executes, benefits = _EDGE_DATA["executes"], _EDGE_DATA["benefits"]
        edges = self.edges
        for commitment in commitments.values():
            source = "commitment:" + commitment.id
            edges.extend(("party:" + by, source, "executes", executes) for by in commitment.by if by in parties)
            edges.extend(
                (source, "party:" + party, "benefits", benefits)
                for party in commitment.beneficiaries
                if party in parties
            )
            self.link(source, "serves", "goal:", commitment.goals, index.goals)
            self.link_theme(source, commitment.theme)
            self.link(source, "contributes_to", "target:", (commitment.target,), index.targets)
            self.link(source, "measured_by", "indicator:", (commitment.indicator,), index.indicators)
            self.link(source, "in_area", "area:", (commitment.area,), index.areas)
            self.link(source, "conditional_on", "commitment:", commitment.conditional_on, commitments)


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
    nx = _networkx()
    with collector.paused():
        edges = _Edges(agreement)
        edges.add_parties(agreement)
        edges.add_targets()
        edges.add_commitments()
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
        UnknownPartyError: *party_id* (a model id such as ``"afwc"``) is not a party of the graph.
    """
    nx = _networkx()
    center = node_key("party", party_id)
    if center not in graph:
        known = [data.get("ref", node) for node, data in graph.nodes(data=True) if data.get("kind") == "party"]
        raise UnknownPartyError(party_id, known)
    near = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), center, cutoff=radius)
    result = graph.__class__(**graph.graph)
    result.add_nodes_from((node, data) for node, data in graph.nodes(data=True) if node in near)
    result.add_edges_from(
        (source, target, key, data)
        for source, target, key, data in graph.edges(keys=True, data=True)
        if source in near and target in near
    )
    return result


# --------------------------------------------------------------------------------------------------------------
# Reciprocity: who gives, who receives (PA203, PA204)
# --------------------------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ThemeTotal:
    """The commitments of one party in one theme, counted, with their committed quantities."""

    theme: str | None
    """The theme id; ``None`` for commitments without a theme."""
    commitments: int
    quantities: Mapping[str | None, Number] = attrs.field(hash=False)
    """Per indicator id (``None``: no indicator) the sum of the commitments' ``value`` where one is given.

    Quantities add up only within one indicator (one unit): dwellings and euros are never summed together.
    """


@attrs.frozen(kw_only=True)
class PartyBalance:
    """What one party gives (executes) and receives (benefits from), per theme in order of first appearance.

    A commitment with several executors counts in full for each of them (and likewise for beneficiaries), so the
    balances of all parties do not add up to the agreement's totals.
    """

    party: str
    gives: tuple[ThemeTotal, ...]
    receives: tuple[ThemeTotal, ...]

    @property
    def given(self) -> int:
        """How many commitments the party executes."""
        return sum(total.commitments for total in self.gives)

    @property
    def received(self) -> int:
        """How many commitments the party benefits from."""
        return sum(total.commitments for total in self.receives)


@attrs.frozen(kw_only=True)
class Reciprocity:
    """Who gives what to whom: a balance per party, and the matrix between parties."""

    balances: tuple[PartyBalance, ...]
    """One per party, in file order."""
    matrix: Mapping[str, Mapping[str, int]] = attrs.field(hash=False)
    """Giver id -> receiver id -> the number of commitments the giver executes for the receiver.

    Only pairs with at least one commitment are present; a party that benefits from its own commitment appears
    on the diagonal.
    """

    def balance(self, party_id: str) -> PartyBalance:
        """Return the balance of one party.

        Raises:
            UnknownPartyError: The agreement has no such party.
        """
        for balance in self.balances:
            if balance.party == party_id:
                return balance
        raise UnknownPartyError(party_id, (balance.party for balance in self.balances))

    def between(self, giver: str, receiver: str) -> int:
        """Return how many commitments *giver* executes for *receiver* (0 when none)."""
        return self.matrix.get(giver, {}).get(receiver, 0)


def _theme_totals(commitments: Iterable[Commitment]) -> tuple[ThemeTotal, ...]:
    counts: dict[str | None, int] = {}
    quantities: dict[str | None, dict[str | None, Number]] = {}
    for commitment in commitments:
        counts[commitment.theme] = counts.get(commitment.theme, 0) + 1
        per_indicator = quantities.setdefault(commitment.theme, {})
        if commitment.value is not None:
            per_indicator[commitment.indicator] = per_indicator.get(commitment.indicator, 0) + commitment.value
    return tuple(
        ThemeTotal(theme=theme, commitments=count, quantities=MappingProxyType(quantities[theme]))
        for theme, count in counts.items()
    )


def reciprocity(agreement: Agreement) -> Reciprocity:
    """Count per party what it gives and receives, per theme, and who gives to whom.

    Unknown party ids in ``by`` or ``for`` are left out (PA001 reports them). Runs on `Agreement.index`.
    """
    index = agreement.index
    parties = index.parties
    balances = tuple(
        PartyBalance(
            party=party_id,
            gives=_theme_totals(index.commitments_by_party(party_id)),
            receives=_theme_totals(index.commitments_for_party(party_id)),
        )
        for party_id in parties
    )
    matrix: defaultdict[str, dict[str, int]] = defaultdict(dict)
    for commitment in index.commitments.values():
        receivers = [party for party in dict.fromkeys(commitment.beneficiaries) if party in parties]
        if not receivers:
            continue
        for giver in dict.fromkeys(commitment.by):
            if giver in parties:
                row = matrix[giver]
                for receiver in receivers:
                    row[receiver] = row.get(receiver, 0) + 1
    frozen = {giver: MappingProxyType(row) for giver, row in matrix.items()}
    return Reciprocity(balances=balances, matrix=MappingProxyType(frozen))


@attrs.frozen(kw_only=True)
class OneSided:
    """The counted parties whose part is one-sided, each in the parties' file order."""

    only_give: tuple[str, ...]
    """Counted parties that execute commitments but benefit from none (PA203)."""
    only_receive: tuple[str, ...]
    """Counted parties that benefit from commitments but execute none (PA204)."""


def one_sided_parties(agreement: Agreement) -> OneSided:
    """Find the counted parties that only give or only receive: "per definitie wederkerig" (PA203, PA204).

    Counted parties are founding or joined (DESIGN §4, `AgreementIndex.is_counted`); endorsers, observers and
    parties that declined need not reciprocate and are never listed. A party that neither gives nor receives is
    not one-sided. Runs on `Agreement.index`.
    """
    index = agreement.index
    only_give: list[str] = []
    only_receive: list[str] = []
    for party_id in index.parties:
        if not index.is_counted(party_id):
            continue
        gives = bool(index.commitments_by_party(party_id))
        receives = bool(index.commitments_for_party(party_id))
        if gives and not receives:
            only_give.append(party_id)
        elif receives and not gives:
            only_receive.append(party_id)
    return OneSided(only_give=tuple(only_give), only_receive=tuple(only_receive))


# --------------------------------------------------------------------------------------------------------------
# Goals (PA201 and the resilience of goals)
# --------------------------------------------------------------------------------------------------------------


def _served_goals(commitment: Commitment, index: AgreementIndex) -> dict[str, None]:
    """The known goals a commitment serves, directly or through its target, in order and without repeats."""
    goals = index.goals
    served = dict.fromkeys(goal for goal in commitment.goals if goal in goals)
    target = index.targets.get(commitment.target) if commitment.target is not None else None
    if target is not None:
        served.update(dict.fromkeys(goal for goal in target.goals if goal in goals))
    return served


def commitments_without_goal(agreement: Agreement) -> tuple[str, ...]:
    """Return the ids of the commitments that serve no goal, directly or through their target (PA201).

    Handbook, "Bespreek met elkaar het doel van afspraken": "afspraken een middel zijn en niet een doel op
    zichzelf". Only known goals count: a commitment that names only unknown goals serves none (PA001 reports
    the unknown ids). In file order; runs on `Agreement.index`.
    """
    index = agreement.index
    return tuple(commitment.id for commitment in index.commitments.values() if not _served_goals(commitment, index))


@attrs.frozen(kw_only=True)
class SinglePoint:
    """A goal that rests on one party: every commitment serving it is executed by that party alone."""

    goal: str
    party: str
    commitments: tuple[str, ...]
    """The commitments that serve the goal (directly or through their target), in file order."""


def single_points_of_failure(agreement: Agreement) -> tuple[SinglePoint, ...]:
    """Find the goals whose serving commitments are all executed by one and the same party.

    Take that party away and the goal has no commitment left. A commitment executed jointly keeps the goal
    served by the other executors, so it prevents a single point. Goals that no commitment serves are not
    listed (that is PA202); unknown executor ids are ignored. In the goals' file order; runs on
    `Agreement.index`.
    """
    index = agreement.index
    serving: defaultdict[str, list[str]] = defaultdict(list)
    executors: defaultdict[str, dict[str, None]] = defaultdict(dict)
    for commitment in index.commitments.values():
        served = _served_goals(commitment, index)
        if not served:
            continue
        by = [party for party in commitment.by if party in index.parties]
        for goal in served:
            serving[goal].append(commitment.id)
            executors[goal].update(dict.fromkeys(by))
    found: list[SinglePoint] = []
    for goal in index.goals:
        parties = executors.get(goal, {})
        if len(parties) == 1:
            (party,) = parties
            found.append(SinglePoint(goal=goal, party=party, commitments=tuple(serving[goal])))
    return tuple(found)


# --------------------------------------------------------------------------------------------------------------
# Conditions between commitments (PA211)
# --------------------------------------------------------------------------------------------------------------


def _conditions(index: AgreementIndex) -> dict[str, tuple[str, ...]]:
    """Per commitment with conditions, its known conditions without repeats (unknown ids are PA001's).

    A commitment without known conditions is left out (look it up with ``.get(id, ())``): it is on no cycle and
    heads no chain, and in a large agreement most commitments have no conditions.
    """
    commitments = index.commitments
    found: dict[str, tuple[str, ...]] = {}
    for commitment in commitments.values():
        if commitment.conditional_on:
            conditions = tuple(dict.fromkeys(c for c in commitment.conditional_on if c in commitments))
            if conditions:
                found[commitment.id] = conditions
    return found


class _Tarjan:
    """Tarjan's strongly connected components, iteratively (chains of 1e5 commitments exceed the stack)."""

    def __init__(self, successors: Mapping[str, tuple[str, ...]]) -> None:
        self.successors = successors
        self.order: dict[str, int] = {}
        self.low: dict[str, int] = {}
        self.stack: list[str] = []
        self.on_stack: set[str] = set()
        self.components: list[list[str]] = []

    def enter(self, node: str) -> tuple[str, int]:
        self.order[node] = self.low[node] = len(self.order)
        self.stack.append(node)
        self.on_stack.add(node)
        return (node, 0)

    def leave(self, node: str) -> None:
        component: list[str] = []
        while not component or component[-1] != node:
            component.append(self.stack.pop())
            self.on_stack.discard(component[-1])
        self.components.append(component)

    def visit(self, root: str) -> None:
        order, low = self.order, self.low
        work = [self.enter(root)]
        while work:
            node, position = work[-1]
            children = self.successors.get(node, ())
            if position < len(children):
                work[-1] = (node, position + 1)
                child = children[position]
                if child not in order:
                    work.append(self.enter(child))
                elif child in self.on_stack:
                    low[node] = min(low[node], order[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == order[node]:
                self.leave(node)


def _strongly_connected(successors: Mapping[str, tuple[str, ...]]) -> list[list[str]]:
    """Return the strongly connected components of a graph given as successor lists.

    Every component comes after all the components it reaches, so conditions come before what depends on them.
    """
    tarjan = _Tarjan(successors)
    for root in successors:
        if root not in tarjan.order:
            tarjan.visit(root)
    return tarjan.components


def _is_cyclic(component: list[str], successors: Mapping[str, tuple[str, ...]]) -> bool:
    return len(component) > 1 or component[0] in successors.get(component[0], ())


def _rotated(cycle: list[str]) -> tuple[str, ...]:
    start = cycle.index(min(cycle))
    return tuple(cycle[start:] + cycle[:start])


def conditional_cycles(agreement: Agreement, *, limit: int = 1000) -> tuple[tuple[str, ...], ...]:
    """Return the cycles of ``conditional_on`` among the commitments (PA211: "reciprocity needs an order").

    A cycle ``("a", "b", "c")`` means a is conditional on b, b on c and c on a; a commitment conditional on
    itself is the cycle ``("a",)``. Each cycle appears once, rotated to start at its smallest id; the cycles are
    sorted. Dense conditions can hold exponentially many cycles, so at most *limit* are returned. networkx is
    imported only when there is a cycle.
    """
    successors = _conditions(agreement.index)
    cyclic = [c for c in _strongly_connected(successors) if _is_cyclic(c, successors)]
    if not cyclic:
        return ()
    nx = _networkx()
    found: set[tuple[str, ...]] = set()
    for component in cyclic:
        members = set(component)
        subgraph = nx.DiGraph()
        subgraph.add_edges_from(
            (node, condition) for node in component for condition in successors[node] if condition in members
        )
        for cycle in nx.simple_cycles(subgraph):
            if len(found) >= limit:
                break
            found.add(_rotated(cycle))
    return tuple(sorted(found))


def conditional_chains(agreement: Agreement) -> tuple[tuple[str, ...], ...]:
    """Return the longest chain of conditions under each commitment that nothing else depends on.

    A chain ``("c", "b", "a")`` means c is conditional on b and b on a, and a has no conditions: a must be
    done first. There is one chain per *head*: a commitment with conditions that no other commitment (outside a
    cycle) is conditional on. Where a commitment has several conditions, the chain follows the deepest, and among
    equally deep ones the smallest id. Commitments on a cycle, or depending on one, have no order and are left
    out (`conditional_cycles` reports the cycles). The chains are sorted longest first, then by head id; the
    depth of a head is ``len(chain) - 1``. Runs on `Agreement.index`.
    """
    successors = _conditions(agreement.index)
    depth: dict[str, int] = {}
    deepest: dict[str, str] = {}
    unordered: set[str] = set()
    for component in _strongly_connected(successors):  # conditions come before what depends on them
        if _is_cyclic(component, successors):
            unordered.update(component)
            continue
        (node,) = component
        conditions = successors.get(node, ())
        if any(condition in unordered for condition in conditions):
            unordered.add(node)
            continue
        if conditions:
            best = min(conditions, key=lambda condition: (-depth[condition], condition))
            deepest[node] = best
            depth[node] = depth[best] + 1
        else:
            depth[node] = 0
    depended_on = {condition for node in depth for condition in successors.get(node, ())}
    chains: list[tuple[str, ...]] = []
    for head, head_depth in depth.items():
        if head_depth == 0 or head in depended_on:
            continue
        chain = [head]
        while chain[-1] in deepest:
            chain.append(deepest[chain[-1]])
        chains.append(tuple(chain))
    chains.sort(key=lambda chain: (-len(chain), chain[0]))
    return tuple(chains)


def conditions_on_later_years(agreement: Agreement) -> tuple[tuple[str, str], ...]:
    """Return the ``(commitment, condition)`` pairs where the condition is a commitment of a later year (PA211).

    A commitment cannot wait for one that comes due after it. Pairs where either has no year are not compared.
    In file order; runs on `Agreement.index`.
    """
    commitments = agreement.index.commitments
    pairs: list[tuple[str, str]] = []
    for commitment in commitments.values():
        if not commitment.conditional_on or commitment.year is None:
            continue
        for condition_id in dict.fromkeys(commitment.conditional_on):
            condition = commitments.get(condition_id)
            if condition is not None and condition.year is not None and condition.year > commitment.year:
                pairs.append((commitment.id, condition_id))
    return tuple(pairs)


# --------------------------------------------------------------------------------------------------------------
# Theme leads (PA206)
# --------------------------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ThemeLead:
    """A theme's lead (trekker) and the commitments it executes in that theme, in file order."""

    theme: str
    lead: str
    commitments: tuple[str, ...]


def theme_leads(agreement: Agreement) -> tuple[ThemeLead, ...]:
    """Return, per declared theme with a known lead, that lead and the commitments it executes in the theme.

    Handbook, "Benut elkaars kwaliteiten": "De één mag op het ene thema trekker zijn". A lead that is not a party
    of the agreement is left out (PA001 reports it). In the themes' file order; runs on `Agreement.index`.
    """
    index = agreement.index
    return tuple(
        ThemeLead(
            theme=theme.id,
            lead=theme.lead,
            commitments=tuple(c.id for c in index.commitments_by_theme(theme.id) if theme.lead in c.by),
        )
        for theme in index.themes.values()
        if theme.lead is not None and theme.lead in index.parties
    )


def leads_without_commitments(agreement: Agreement) -> tuple[ThemeLead, ...]:
    """Return the theme leads that execute no commitment in the theme they lead (PA206).

    A theme with a lead and no commitments at all is listed too: its lead carries nothing in it.
    """
    return tuple(lead for lead in theme_leads(agreement) if not lead.commitments)


# --------------------------------------------------------------------------------------------------------------
# Centrality
# --------------------------------------------------------------------------------------------------------------


def central_parties(agreement: Agreement, top: int = 5) -> tuple[tuple[str, float], ...]:
    """Return the *top* most central parties with their degree centrality, most central first.

    The centrality is networkx's degree centrality on the party-commitment-party projection: two parties are
    linked when one commitment names both (as executor or beneficiary), and a party's centrality is the share of
    the other parties it is linked to (0.0 to 1.0). Every party of the agreement takes part, with or without
    commitments. Ties keep the parties' file order.

    Raises:
        ValueError: *top* is negative.
    """
    if top < 0:
        raise ValueError(f"top must be 0 or more, got {top}")
    nx = _networkx()
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


# --------------------------------------------------------------------------------------------------------------
# Exports
# --------------------------------------------------------------------------------------------------------------

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
    nx = _networkx()
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
    nx = _networkx()
    data: dict[str, Any] = nx.node_link_data(graph, edges="edges")
    return data


def from_node_link(data: Mapping[str, Any]) -> nx.MultiDiGraph:
    """Rebuild a graph from `to_node_link` data (also after a JSON round trip); always a `MultiDiGraph`."""
    nx = _networkx()
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
        ValueError: *format* is not one of `FORMATS`.
    """
    writer = _WRITERS.get(format)
    if writer is None:
        raise ValueError(f"unknown graph format {format!r}; use one of: {', '.join(FORMATS)}")
    return writer(graph)


def render_graph(agreement: Agreement, *, format: str, party: str | None = None, radius: int = 1) -> str:  # noqa: A002
    """Build the responsibility graph of *agreement* and write it as text, for the CLI's ``graph`` command.

    With *party*, only its `neighbourhood` within *radius* steps is written.

    Raises:
        UnknownPartyError: *party* is not a party of the agreement.
        ValueError: *format* is not one of `FORMATS`.
    """
    if format not in _WRITERS:
        raise ValueError(f"unknown graph format {format!r}; use one of: {', '.join(FORMATS)}")
    if party is not None and party not in agreement.index.parties:
        raise UnknownPartyError(party, agreement.index.parties)
    graph = responsibility_graph(agreement)
    if party is not None:
        graph = neighbourhood(graph, party, radius=radius)
    return export(graph, format)
