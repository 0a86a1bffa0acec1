"""Which collective totals can be given together without letting anyone derive one party's hidden figures.

A total is public for everyone (the public view is readable by every party), so the question is what an audience
(the public, or one party) can compute from all the totals given plus the figures it sees. Totals are sums, so
what it can compute is exactly the linear span of the totals once it fills in the figures it knows; a hidden figure
is given away when some combination of totals and known figures equals it.

The figures are modelled per audience and per party P whose figures are to be protected:

- Each figure is one unknown, except that figures of one *quantity* (`Figure.quantity`: the same parties,
  indicator, year and area, reported on different bases) may be the same number: the homes a corporation reports
  per indicator are often those it reports per commitment. A quantity counts as known to the audience when it
  sees any figure of it, and the hidden figures of a quantity it does not see count as one unknown.
- P's own hidden figures stay separate unknowns, so that protecting them assumes nothing about them.

A set of totals *leaks* when, for some audience and party P, a nonzero combination of the totals (after the known
figures are filled in) involves only P's hidden figures: that combination is one of P's figures, or a sum or
difference of them. Equivalently, row-reducing the totals over the other unknowns first leaves a row that is
nonzero only on P's figures. This is exact, in rational arithmetic.

Why it is safe whatever the truth is (which figures really are equal): merging unknowns that are equal, or
filling in a figure the audience knows, never hides a combination that was there, so the model with every
non-P quantity merged and every possibly-known quantity filled in finds every combination that isolates P in any
of the true situations; and keeping P's figures apart finds every combination that isolates them when some of them
are in fact equal (lifting it back gives a combination on P's figures alone). The property test in
tests/test_views.py checks the result against figures that really are equal across bases.

Totals are given greedily in their order: a total is withheld when it leaks on its own, or together with the
totals already given; since a subset of a safe set is safe, every set given is safe.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Sequence
from fractions import Fraction
from typing import Literal

import attrs

__all__ = ["Figure", "Verdict", "publishable"]

#: What becomes of a total: ``given``; withheld ``alone`` (it gives away a party's figures by itself); or
#: withheld ``combined`` (it would together with the totals given before it).
Verdict = Literal["given", "alone", "combined"]

_PUBLIC: None = None


@attrs.frozen(kw_only=True)
class Figure:
    """One figure as the disclosure check sees it.

    Attributes:
        key: What tells this figure from every other one.
        owners: The parties whose figure it is.
        quantity: Figures of one quantity may be the same number (the same parties, indicator, year and area).
        public: Whether everyone sees it.
        seen_by: When it is not public, the parties that see it.
    """

    key: Hashable
    owners: frozenset[str]
    quantity: Hashable
    public: bool
    seen_by: frozenset[str] = frozenset()

    def visible_to(self, audience: str | None) -> bool:
        """Whether *audience* (a party id, or None for the public) sees the figure."""
        return self.public or (audience is not None and audience in self.seen_by)


def publishable(totals: Sequence[Sequence[Figure]], known: Iterable[Figure] = ()) -> list[Verdict]:
    """Decide, in order, which *totals* (each the figures it sums) may be given together.

    *known* are the other figures some audience may see (drafts, corrections, figures of other totals): an audience
    that sees a figure of a quantity knows that quantity.
    """
    all_known = [*known, *(figure for summed in totals for figure in summed)]
    verdicts: list[Verdict] = ["given"] * len(totals)
    for component in _components(totals):
        quantities = {figure.quantity for index in component for figure in totals[index]}
        seen = [figure for figure in all_known if figure.quantity in quantities]
        given: list[Sequence[Figure]] = []
        for index in component:
            if _leaks([totals[index]], seen):
                verdicts[index] = "alone"
            elif _leaks([*given, totals[index]], seen):
                verdicts[index] = "combined"
            else:
                given.append(totals[index])
    return verdicts


def _components(totals: Sequence[Sequence[Figure]]) -> list[list[int]]:
    """The totals grouped by shared quantities (totals that share none cannot be combined), each in order."""
    parent = list(range(len(totals)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    first: dict[Hashable, int] = {}
    for index, summed in enumerate(totals):
        for figure in summed:
            other = first.setdefault(figure.quantity, index)
            parent[root(index)] = root(other)
    groups: dict[int, list[int]] = {}
    for index in range(len(totals)):
        groups.setdefault(root(index), []).append(index)
    return list(groups.values())


def _audiences(seen: Sequence[Figure]) -> Iterator[str | None]:
    """The public, and each party that sees a figure the public does not (the others know what the public knows)."""
    yield _PUBLIC
    yield from sorted({party for figure in seen if not figure.public for party in figure.seen_by})


def _leaks(totals: Sequence[Sequence[Figure]], seen: Sequence[Figure]) -> bool:
    """Whether some audience can isolate one party's hidden figures from *totals* and the figures it sees."""
    for audience in _audiences(seen):
        known = {figure.quantity for figure in seen if figure.visible_to(audience)}
        hidden = [[figure for figure in summed if not figure.visible_to(audience)] for summed in totals]
        for party in sorted({owner for summed in hidden for figure in summed for owner in figure.owners}):
            if _isolates(hidden, known, party):
                return True
    return False


def _isolates(hidden: Sequence[Sequence[Figure]], known: set[Hashable], party: str) -> bool:
    """Whether a combination of the totals' hidden figures is nonzero on *party*'s figures only."""
    rows: list[dict[tuple[str, Hashable], Fraction]] = []
    for summed in hidden:
        row: dict[tuple[str, Hashable], Fraction] = {}
        for figure in summed:
            if party in figure.owners:
                column: tuple[str, Hashable] = ("own", figure.key)
            elif figure.quantity in known:
                continue
            else:
                column = ("other", figure.quantity)
            row[column] = row.get(column, Fraction(0)) + 1
        rows.append(row)
    others = list(dict.fromkeys(column for row in rows for column in row if column[0] == "other"))
    remaining = [row for row in rows if row]
    for column in others:  # eliminate the other parties' unknowns; what is left speaks of *party* alone
        pivot = next((row for row in remaining if row.get(column)), None)
        if pivot is None:
            continue
        remaining.remove(pivot)
        for row in remaining:
            factor = row.get(column)
            if factor:
                for key, value in pivot.items():
                    row[key] = row.get(key, Fraction(0)) - factor / pivot[column] * value
    return any(any(value for value in row.values()) for row in remaining)
