"""Conditions between commitments (PA211): cycles, chains and conditions on later years, without networkx.

Handbook, "En blijf op je doel focussen": reciprocity needs an order. The strongly connected components are found
on the plain ``conditional_on`` lists of `Agreement.index`; networkx is imported only to list the cycles of a
component that has them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from prestatieafspraken.graph._vocabulary import networkx

if TYPE_CHECKING:
    from prestatieafspraken.model.agreement import Agreement
    from prestatieafspraken.model.index import AgreementIndex

__all__ = ["conditional_chains", "conditional_cycles", "conditions_on_later_years"]


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
    nx = networkx()
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
