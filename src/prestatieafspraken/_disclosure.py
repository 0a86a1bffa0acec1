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
nonzero only on P's figures. This is exact, in rational arithmetic; the rows of the totals given are kept reduced
per audience and party, so each new total costs one reduction. Audiences that see the same figures are one.

Why it is safe whatever the truth is (which figures really are equal): merging unknowns that are equal, or
filling in a figure the audience knows, never hides a combination that was there, so the model with every
non-P quantity merged and every possibly-known quantity filled in finds every combination that isolates P in any
of the true situations; and keeping P's figures apart finds every combination that isolates them when some of them
are in fact equal (lifting it back gives a combination on P's figures alone). The property tests in
tests/test_disclosure.py check the result against figures that really are equal across bases and years.

What is not modelled: a figure being the sum of others (a whole as the sum of its areas); a figure without an area
is taken as possibly equal to each area's figure instead.

Totals are given greedily in their order: a total is withheld when it leaks on its own, or together with the
totals already given; since a subset of a safe set is safe, every set given is safe.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
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
    by_quantity: dict[Hashable, dict[Hashable, Figure]] = {}
    for figure in (*known, *(figure for summed in totals for figure in summed)):
        by_quantity.setdefault(figure.quantity, {})[figure.key] = figure
    verdicts: list[Verdict] = ["given"] * len(totals)
    for component in _components(totals):
        quantities = {figure.quantity for index in component for figure in totals[index]}
        audiences = _audiences([figure for quantity in quantities for figure in by_quantity[quantity].values()])
        given = _Given(audiences)
        for index in component:
            if _leaks_alone(audiences, totals[index]):
                verdicts[index] = "alone"
            elif given.leaks(totals[index]):
                verdicts[index] = "combined"
            else:
                given.add(totals[index])
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


@attrs.frozen(kw_only=True)
class _Audience:
    """What one audience sees of a component: the figures (by key) and so the quantities it knows."""

    party: str | None
    sees: frozenset[Hashable]
    knows: frozenset[Hashable]


def _audiences(seen: Sequence[Figure]) -> list[_Audience]:
    """The public, and each party that sees a figure the public does not; audiences that see alike count once.

    Parties that see the same hidden figures see alike, so the parties are grouped by the sets of parties
    (`Figure.seen_by`) they are in before any audience is made: with hundreds of parties that see every figure
    visible to the parties, that is one audience made, not one per party.
    """
    public = [figure for figure in seen if figure.public]
    hidden = [figure for figure in seen if not figure.public]
    sets: dict[frozenset[str], int] = {}
    numbered = [sets.setdefault(figure.seen_by, len(sets)) for figure in hidden]
    member: dict[str, list[int]] = {}
    for parties, number in sets.items():
        for party in parties:
            member.setdefault(party, []).append(number)
    alike: dict[tuple[int, ...], str] = {}
    for party in sorted(member):  # the first party in order speaks for every party that sees alike
        alike.setdefault(tuple(member[party]), party)
    candidates: list[tuple[str | None, list[Figure]]] = [(_PUBLIC, [])]
    for numbers, party in alike.items():
        within = frozenset(numbers)
        candidates.append(
            (party, [figure for figure, number in zip(hidden, numbered, strict=True) if number in within])
        )
    found: dict[frozenset[Hashable], _Audience] = {}
    for who, more in candidates:
        visible = [*public, *more]
        sees = frozenset(figure.key for figure in visible)
        found.setdefault(sees, _Audience(party=who, sees=sees, knows=frozenset(f.quantity for f in visible)))
    return list(found.values())


_Column = tuple[str, Hashable]
_Row = dict[_Column, Fraction | int]
_Kept = list[tuple[_Column, _Row]]


def _leaks_alone(audiences: Sequence[_Audience], summed: Sequence[Figure]) -> bool:
    """Whether one total on its own gives some audience one party's hidden figures (or their sum).

    Its one row leaks for party P when it holds a hidden figure of P and every hidden figure of a quantity the
    audience does not know is P's: then the figures of unknown quantity have an owner in common, or there are none.
    """
    for audience in audiences:
        hidden = [figure for figure in summed if figure.key not in audience.sees]
        unknown = [figure.owners for figure in hidden if figure.quantity not in audience.knows]
        if hidden and (not unknown or frozenset.intersection(*unknown)):
            return True
    return False


class _Given:
    """The totals given so far in a component, kept per audience and party as rows in reduced echelon form.

    For an audience and a party P, a total is a row over the unknowns: P's hidden figures one by one (``own``),
    the other hidden quantities it does not know (``other``). Every row kept has its pivot in an ``other`` column
    (else the set would leak); a new total leaks when, reduced by the rows kept, nothing is left in the ``other``
    columns while something is left in P's own.
    """

    def __init__(self, audiences: Sequence[_Audience]) -> None:
        self.audiences = audiences
        self.hidden: list[list[list[Figure]]] = [[] for _ in audiences]
        """Per audience, the hidden figures of each total given."""
        self.owners: list[set[str]] = [set() for _ in audiences]
        """Per audience, the owners of those figures."""
        self.rows: dict[tuple[int, str], _Kept] = {}

    def leaks(self, summed: Sequence[Figure]) -> bool:
        """Whether giving *summed* as well lets some audience isolate one party's hidden figures."""
        for position, audience in enumerate(self.audiences):
            hidden = [figure for figure in summed if figure.key not in audience.sees]
            parties = self.owners[position].union(*(figure.owners for figure in hidden))
            if any(self._reduced(position, party, hidden) is None for party in sorted(parties)):
                return True
        return False

    def add(self, summed: Sequence[Figure]) -> None:
        """Keep *summed* as given (it does not leak)."""
        for position, audience in enumerate(self.audiences):
            hidden = [figure for figure in summed if figure.key not in audience.sees]
            parties = self.owners[position].union(*(figure.owners for figure in hidden))
            for party in parties:
                row = self._reduced(position, party, hidden)
                if row:
                    _insert(self.rows[position, party], row)
            self.hidden[position].append(hidden)
            self.owners[position] = parties

    def _reduced(self, position: int, party: str, hidden: Sequence[Figure]) -> _Row | None:
        """The row of a total reduced by the rows kept; None when it leaks (only P's own unknowns are left)."""
        knows = self.audiences[position].knows
        kept = self.rows.get((position, party))
        if kept is None:  # a party first met now: its rows of the totals given so far (which do not leak)
            kept = self.rows[position, party] = []
            for given in self.hidden[position]:
                row = _reduce(_row(given, knows, party), kept)
                if row:
                    _insert(kept, row)
        row = _reduce(_row(hidden, knows, party), kept)
        if any(column[0] == "own" for column in row) and not any(column[0] == "other" for column in row):
            return None
        return row


def _row(hidden: Sequence[Figure], knows: frozenset[Hashable], party: str) -> _Row:
    """A total's hidden figures as a row over the unknowns of an audience that *knows* some quantities, for *party*."""
    row: _Row = {}
    for figure in hidden:
        if party in figure.owners:
            column: _Column = ("own", figure.key)
        elif figure.quantity in knows:
            continue
        else:
            column = ("other", figure.quantity)
        row[column] = row.get(column, 0) + 1
    return row


def _insert(kept: _Kept, row: _Row) -> None:
    """Keep *row*, pivoting on one of its ``other`` columns, which is cleared from the rows kept before."""
    pivot = next(column for column in row if column[0] == "other")
    for _, other in kept:
        factor = other.get(pivot)
        if factor:
            _subtract(other, row, Fraction(factor) / row[pivot])
    kept.append((pivot, row))


def _reduce(row: _Row, kept: _Kept) -> _Row:
    """*row* with the pivot column of every kept row cleared (the kept rows are in reduced echelon form)."""
    for pivot, other in kept:
        factor = row.get(pivot)
        if factor:
            _subtract(row, other, Fraction(factor) / other[pivot])
    return row


def _subtract(row: _Row, other: _Row, factor: Fraction) -> None:
    """Subtract *factor* times *other* from *row*, dropping the entries that become zero."""
    for column, value in other.items():
        left = row.get(column, 0) - factor * value
        if left:
            row[column] = left
        else:
            row.pop(column, None)
