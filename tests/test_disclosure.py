"""Collective totals judged together: no sum or difference of the totals given singles out one party's figure.

The leak test of tests/test_views.py searches every export of every view for a hidden value; the totals need more,
because a hidden figure can be computed from values that are all given: 1,023 for corporations A-D per indicator
minus 900 for B-D per commitment is A's figure, when the corporations report the same figures on both bases. The
property tests here generate agreements in which figures really are reported on several bases (and a level, a
stock, stays the same over years), with values drawn at random from a range so wide that no sum can equal a hidden
figure by chance, and check for every audience:

- numerically, that no hidden figure of one party equals a sum or difference of up to three totals given and up to
  two figures the audience sees; and
- exactly, in rational arithmetic over the figures as they really are, that no hidden figure of one party, nor any
  sum of one party's hidden figures, lies in the span of the totals given once the visible figures are filled in.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Hashable, Iterator, Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from prestatieafspraken._disclosure import Figure, publishable
from prestatieafspraken.model import Agreement, Realisation, RealisationStatus, Visibility
from prestatieafspraken.testing import as_agreement, minimal_agreement
from prestatieafspraken.views import PUBLIC, audiences, view_for
from strategies import agreements

CORPORATIONS = ("corp-a", "corp-b", "corp-c", "corp-d")
PARTIES = ("gemeente", *CORPORATIONS, "huurders")
INDICATORS = {"new-build": "flow", "social-stock": "stock"}

#: A figure's true identity: the party, indicator, year (None for a level, the same every year) and area.
Quantity = tuple[str, str, int | None, str | None]


def head(**keys: Any) -> dict[str, Any]:
    """A regional agreement of a municipality, four corporations and a tenants' organisation, two areas."""
    mapping = minimal_agreement(
        scope="regional",
        parties=[
            {"id": "gemeente", "name": "Gemeente", "kind": "municipality"},
            *({"id": corp, "name": corp, "kind": "housing_corporation"} for corp in CORPORATIONS),
            {"id": "huurders", "name": "Huurders", "kind": "tenant_organisation"},
        ],
        **keys,
    )
    mapping["areas"] = [
        {"id": "noord", "name": "Noord", "kind": "municipality"},
        {"id": "zuid", "name": "Zuid", "kind": "municipality"},
    ]
    mapping["indicators"] = [
        {"id": name, "label": name, "unit": "dwellings", "aggregation": aggregation}
        for name, aggregation in INDICATORS.items()
    ]
    return mapping


def shown(agreement: Agreement, audience: str = PUBLIC) -> dict[str, int | float]:
    """The totals given in the view for *audience*, by ref."""
    return {total.ref: total.value for total in view_for(agreement, audience).collective_totals}


# --- the failure of issue 14, and hand-made cases -------------------------------------------------------------


def two_bases(*, commitment_visibility: str = "parties") -> Agreement:
    """A-D report per indicator (123, 300, 300, 300); B-D report the same figures per commitment."""
    mapping = head()
    mapping["commitments"] = [
        {"id": f"c-{corp}", "by": [corp], "for": ["gemeente"], "year": 2025, "indicator": "new-build", "value": 300}
        for corp in CORPORATIONS[1:]
    ]
    mapping["realisations"] = [
        *(
            {"indicator": "new-build", "party": corp, "year": 2025, "value": value, "status": "approved",
             "visibility": "parties"}
            for corp, value in zip(CORPORATIONS, (123, 300, 300, 300), strict=True)
        ),
        *(
            {"commitment": f"c-{corp}", "year": 2025, "value": 300, "status": "approved",
             "visibility": commitment_visibility}
            for corp in CORPORATIONS[1:]
        ),
    ]  # fmt: skip
    return as_agreement(mapping)


class TestAcrossBases:
    """Totals of different bases, areas and years that share figures are judged together."""

    def test_the_subtraction_of_issue_14(self) -> None:
        """1,023 (A-D per indicator) and 900 (B-D per commitment) are not both given: A's 123 stays hidden."""
        agreement = two_bases()
        for audience in audiences(agreement):
            assert shown(agreement, audience) == {"indicator:new-build/2025": 1023}
        marker = view_for(agreement, PUBLIC).withheld[-1]
        assert (marker.kind, marker.ref) == ("total", "commitment:new-build/2025")
        assert marker.why("en").startswith("together with the other totals given, whoever sees the other figures")
        assert marker.why("nl").startswith("samen met de andere gegeven totalen")

    def test_alone_each_total_is_given(self) -> None:
        """Without the indicator figures the commitments' total of three corporations is given."""
        agreement = two_bases()
        only_commitments = attrs.evolve(agreement, realisations=agreement.realisations[4:])
        assert shown(only_commitments) == {"commitment:new-build/2025": 900}

    def test_a_public_copy_gives_the_figures_away_anyway(self) -> None:
        """Where B-D's commitment figures are public, they are known: no total of theirs is given with A's."""
        agreement = two_bases(commitment_visibility="public")
        assert shown(agreement) == {}

    def test_an_area_figure_and_a_figure_without_area(self) -> None:
        """A figure without an area may be the same as a figure of one area: those totals are judged together."""
        mapping = head()
        mapping["realisations"] = [
            *(
                {"indicator": "new-build", "party": corp, "year": 2025, "value": value, "status": "approved",
                 "visibility": "parties"}
                for corp, value in zip(CORPORATIONS, (123, 300, 300, 300), strict=True)
            ),
            *(
                {"indicator": "new-build", "party": corp, "area": "noord", "year": 2025, "value": 300,
                 "status": "approved", "visibility": "parties"}
                for corp in CORPORATIONS[1:]
            ),
        ]  # fmt: skip
        assert shown(as_agreement(mapping)) == {"indicator:new-build/2025": 1023}

    def test_different_areas_stay_apart(self) -> None:
        """Figures of different areas are different homes: a total per area is given for each."""
        mapping = head()
        mapping["realisations"] = [
            {"indicator": "new-build", "party": corp, "area": area, "year": 2025, "value": 100 + index,
             "status": "approved", "visibility": "parties"}
            for index, (corp, area) in enumerate(itertools.product(CORPORATIONS, ("noord", "zuid")))
            if (corp, area) != ("corp-a", "zuid")
        ]  # fmt: skip
        assert set(shown(as_agreement(mapping))) == {"indicator:new-build/2025/noord", "indicator:new-build/2025/zuid"}

    @pytest.mark.parametrize(("indicator", "given"), [("social-stock", 1), ("new-build", 2)])
    def test_a_level_over_years(self, indicator: str, given: int) -> None:
        """A stock may be the same next year: 2025 (A-D) and 2026 (B-D) are not both given; a flow's years are."""
        mapping = head()
        mapping["realisations"] = [
            {"indicator": indicator, "party": corp, "year": year, "value": 5000 + index, "status": "approved",
             "visibility": "parties"}
            for index, (year, corp) in enumerate(itertools.product((2025, 2026), CORPORATIONS))
            if (year, corp) != (2026, "corp-a")
        ]  # fmt: skip
        assert len(shown(as_agreement(mapping))) == given


def figure(
    key: str, owner: str, *, public: bool = False, seen_by: Sequence[str] | None = None, quantity: str = ""
) -> Figure:
    """A figure for `publishable`, of its own quantity unless one is given; seen by every party unless told."""
    return Figure(
        key=key,
        owners=frozenset({owner}),
        quantity=quantity or key,
        public=public,
        seen_by=frozenset({"A", "B", "C", "D"} if seen_by is None else {owner, *seen_by}),
    )


class TestPublishable:
    """`publishable`: which of a list of totals may be given together."""

    def test_alone_and_combined(self) -> None:
        """A total of one party's figure is refused alone; of two totals that share figures the later one is."""
        a, b, c = figure("a", "A"), figure("b", "B"), figure("c", "C")
        b2, c2 = figure("b2", "B", quantity="b"), figure("c2", "C", quantity="c")
        assert publishable([[a], [a, b, c], [b2, c2]]) == ["alone", "given", "combined"]
        assert publishable([[b2, c2], [a, b, c]]) == ["given", "combined"]

    def test_disjoint_totals_are_independent(self) -> None:
        """Totals that share no quantity never withhold each other."""
        totals = [[figure(f"{name}{n}", name) for name in "ABC"] for n in range(3)]
        assert publishable(totals) == ["given", "given", "given"]

    def test_two_parties_that_see_their_own(self) -> None:
        """Of two figures each seen by its own party only, either party could compute the other's."""
        assert publishable([[figure("a", "A", seen_by=[]), figure("b", "B", seen_by=[])]]) == ["alone"]

    def test_a_known_quantity_is_filled_in(self) -> None:
        """A party that sees another figure of a quantity knows it: what is left of the total may be one figure."""
        total = [figure(name, name.upper(), seen_by=[], quantity=f"q{name}") for name in "abc"]
        assert publishable([total]) == ["given"]
        draft_of_b = figure("b-draft", "B", seen_by=["A"], quantity="qb")
        assert publishable([total], known=[draft_of_b]) == ["alone"]

    def test_own_figures_stay_protected_when_a_copy_is_known(self) -> None:
        """A party's hidden figure is not taken as known because another figure of its quantity is public."""
        hidden_a = figure("a", "A", quantity="qa")
        public_copy = figure("a-copy", "A", public=True, quantity="qa")
        assert publishable([[hidden_a, figure("b", "B", public=True)]], known=[public_copy]) == ["alone"]

    def test_two_figures_of_one_party(self) -> None:
        """Two hidden figures of one party in one total are that party's sum: refused."""
        assert publishable([[figure("a1", "A"), figure("a2", "A"), figure("b", "B", public=True)]]) == ["alone"]


# --- the property -------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Generated:
    """A generated agreement and, per realisation, the true quantity it reports (None: a value of its own)."""

    agreement: Agreement
    truth: tuple[Quantity | None, ...]
    values: Mapping[Quantity, int]


VISIBILITY = st.sampled_from(("public", "parties", "parties", "restricted", "restricted"))
SEEN = st.lists(st.sampled_from(PARTIES), max_size=2, unique=True)


@st.composite
def shared_figures(draw: st.DrawFn) -> Generated:
    """Figures of up to four corporations, each reported on one to three bases with the same value.

    Each true figure (a party, indicator, year, area) gets a value far from every other; a stock's figure is the
    same in every year it is reported. Each report has a visibility of its own; some drafts with other values are
    mixed in.
    """
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))  # noqa: S311 - spread values, not secrets
    drawn = draw(
        st.lists(
            st.tuples(
                st.sampled_from(CORPORATIONS),
                st.sampled_from(tuple(INDICATORS)),
                st.sampled_from((2025, 2026)),
                st.sampled_from((None, "noord", "zuid")),
            ),
            min_size=1,
            max_size=9,
            unique=True,
        )
    )
    values: dict[Quantity, int] = {}
    commitments: list[dict[str, Any]] = []
    targets: dict[str, dict[str, Any]] = {}
    realisations: list[dict[str, Any]] = []
    truth: list[Quantity | None] = []
    for corp, indicator, year, area in drawn:
        quantity: Quantity = (corp, indicator, None if INDICATORS[indicator] == "stock" else year, area)
        value = values.setdefault(quantity, rng.randrange(10**12, 10**15))
        where = {"area": area} if area is not None else {}
        bases = st.lists(st.sampled_from(("indicator", "commitment", "target")), min_size=1, unique=True)
        for basis in draw(bases):
            if basis == "indicator":
                subject: dict[str, Any] = {"indicator": indicator, "party": corp, **where}
            elif basis == "commitment":
                commitment_id = f"c-{corp}-{indicator}-{year}-{area or 'alle'}"
                commitments.append(
                    {"id": commitment_id, "by": [corp], "for": ["gemeente"], "year": year, "indicator": indicator,
                     "value": 1, **where}
                )  # fmt: skip
                subject = {"commitment": commitment_id}
            else:
                target_id = f"t-{indicator}-{area or 'alle'}"
                targets[target_id] = {"id": target_id, "indicator": indicator, "value": 1, "by": 2028, **where}
                subject = {"target": target_id, "party": corp}
            visibility = draw(VISIBILITY)
            seen = {"visible_to": draw(SEEN)} if visibility == "restricted" else {}
            report = {**subject, "year": year, "status": "approved", "visibility": visibility, **seen}
            realisations.append({**report, "value": value})
            truth.append(quantity)
            if draw(st.integers(0, 5)) == 0:  # a draft of the same report, with a value of its own
                realisations.append({**report, "value": rng.randrange(10**12, 10**15), "status": "draft"})
                truth.append(None)
    mapping = head(commitments=commitments, targets=list(targets.values()), realisations=realisations)
    return Generated(agreement=as_agreement(mapping), truth=tuple(truth), values=values)


def owners(agreement: Agreement, realisation: Realisation) -> tuple[str, ...]:
    """The parties whose figure a realisation is: its party, else its commitment's executors."""
    if realisation.party is not None:
        return (realisation.party,)
    return next((c.by for c in agreement.commitments if c.id == realisation.commitment), ())


def total_members(agreement: Agreement) -> dict[str, list[int]]:
    """Per total ref, the positions of the realisations it sums: the test's own reading of DESIGN §3.

    Approved figures of a party, grouped by basis, indicator, year and area; of two figures of one subject and
    party, the later reported (else the later in the file) counts.
    """
    commitments = {c.id: c for c in agreement.commitments}
    targets = {t.id: t for t in agreement.targets}
    latest: dict[tuple[str, tuple[str, str], str | None], tuple[tuple[int, int], int]] = {}
    for position, realisation in enumerate(agreement.realisations):
        if realisation.status is not RealisationStatus.APPROVED or not owners(agreement, realisation):
            continue
        if realisation.commitment is not None:
            named = commitments.get(realisation.commitment)
            if named is None or named.indicator is None:
                continue
            basis, indicator, area = "commitment", named.indicator, realisation.area or named.area
        elif realisation.target is not None:
            target = targets.get(realisation.target)
            if target is None:
                continue
            basis, indicator, area = "target", target.indicator, realisation.area or target.area
        else:
            basis, indicator, area = "indicator", realisation.indicator or "", realisation.area
        ref = f"{basis}:" + "/".join([indicator, str(realisation.year), *([area] if area else [])])
        order = (realisation.reported_on.toordinal() if realisation.reported_on else 0, position)
        place = (ref, realisation.subject, realisation.party)
        if place not in latest or latest[place][0] <= order:
            latest[place] = (order, position)
    members: dict[str, list[int]] = {}
    for (ref, _, _), (_, position) in latest.items():
        members.setdefault(ref, []).append(position)
    return members


def may_see(agreement: Agreement, audience: str, realisation: Realisation) -> bool:
    """Who sees a figure (DESIGN §3), written out independently of the library."""
    if realisation.visibility is Visibility.PUBLIC:
        return True
    if audience == PUBLIC:
        return False
    if realisation.visibility is Visibility.PARTIES:
        return True
    return audience in realisation.visible_to or audience in owners(agreement, realisation)


Row = Mapping[Any, Fraction]


def rank(rows: Sequence[Row]) -> int:
    """The rank of the rows (sparse, by column), by Gaussian elimination in rational arithmetic."""
    remaining = [dict(row) for row in rows]
    found = 0
    while remaining:
        row = remaining.pop()
        column = next((key for key, value in row.items() if value), None)
        if column is None:
            continue
        found += 1
        for other in remaining:
            factor = other.get(column, Fraction(0)) / row[column]
            for key, value in row.items():
                other[key] = other.get(key, Fraction(0)) - factor * value
    return found


def isolated(rows: Sequence[Row], columns: set[Any]) -> bool:
    """Whether a nonzero combination of *rows* lies on *columns* only (the rank drops without them)."""
    outside = [{key: value for key, value in row.items() if key not in columns} for row in rows]
    return rank(rows) > rank(outside)


def signed_sums(values: Sequence[float], most: int) -> set[float]:
    """Every sum of up to *most* of the values, each added or subtracted."""
    sums: set[float] = set()
    for size in range(1, most + 1):
        for chosen in itertools.combinations(values, size):
            for signs in itertools.product((1, -1), repeat=size):
                sums.add(sum(sign * value for sign, value in zip(signs, chosen, strict=True)))
    return sums


def hidden_party_figures(generated: Generated, audience: str) -> Iterator[tuple[Quantity, bool]]:
    """Per true figure of one party: whether the audience sees any report of it (then it knows it)."""
    agreement = generated.agreement
    seen: dict[Quantity, bool] = {}
    for realisation, quantity in zip(agreement.realisations, generated.truth, strict=True):
        if quantity is not None:
            seen[quantity] = seen.get(quantity, False) or may_see(agreement, audience, realisation)
    yield from seen.items()


class TestNoDerivation:
    """For every generated agreement and audience, no hidden figure of one party follows from what is given."""

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(shared_figures())
    def test_no_sum_or_difference(self, generated: Generated) -> None:
        """No hidden figure equals a sum or difference of up to three totals and up to two visible figures."""
        agreement = generated.agreement
        totals = shown(agreement)
        event(f"{len(totals)} total(s) given")
        for audience in audiences(agreement):
            assert shown(agreement, audience) == totals  # one set of totals for everyone
            hidden = {generated.values[q] for q, known in hidden_party_figures(generated, audience) if not known}
            visible = [
                r.value for r in agreement.realisations if r.value is not None and may_see(agreement, audience, r)
            ]
            from_totals = signed_sums(list(totals.values()), min(3, len(totals)))
            with_visible = signed_sums(visible, min(2, len(visible)))
            assert not hidden & from_totals, audience
            for value in hidden:
                assert not {value - found for found in from_totals} & with_visible, audience

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(shared_figures())
    def test_exactly_over_the_span(self, generated: Generated) -> None:
        """No hidden figure of one party, nor a sum of one party's figures, is in the span of what is given."""
        agreement = generated.agreement
        totals = shown(agreement)
        members = total_members(agreement)
        for audience in audiences(agreement):
            known = {q for q, seen in hidden_party_figures(generated, audience) if seen}
            rows: list[dict[Hashable, Fraction]] = []
            for ref in totals:
                row: dict[Hashable, Fraction] = {}
                for position in members[ref]:
                    quantity = generated.truth[position]
                    if quantity is not None and quantity not in known:
                        row[quantity] = row.get(quantity, Fraction(0)) + 1
                rows.append(row)
            for party in CORPORATIONS:
                mine = {q for q in generated.values if q[0] == party and q not in known}
                assert not isolated(rows, set(mine)), (audience, party)

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(agreements(max_items=4))
    def test_generic_agreements(self, agreement: Agreement) -> None:
        """In any generated agreement, no hidden figure of one party (each a number of its own) is in the span."""
        totals = shown(agreement)
        members = total_members(agreement)
        assert set(totals) <= set(members)
        for audience in audiences(agreement):
            rows = [
                {
                    position: Fraction(1)
                    for position in members[ref]
                    if not may_see(agreement, audience, agreement.realisations[position])
                }
                for ref in totals
            ]
            for position in {p for row in rows for p in row}:
                if len(owners(agreement, agreement.realisations[position])) == 1:
                    assert not isolated(rows, {position}), (audience, position)

    def test_the_oracle_finds_the_subtraction(self) -> None:
        """The exact check finds A's figure in the span of 1,023 and 900 (so the properties above can fail)."""
        agreement = two_bases()
        members = total_members(agreement)
        truth = [*CORPORATIONS, *CORPORATIONS[1:]]  # the party of each figure: the indicator's, then the commitments'
        rows = [
            {truth[position]: Fraction(1) for position in members[ref]}
            for ref in ("indicator:new-build/2025", "commitment:new-build/2025")
        ]
        assert isolated(rows, {"corp-a"})
        assert 1023 - 900 in signed_sums([1023, 900], 2)
