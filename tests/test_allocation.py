"""Dividing a regional total: the largest-remainder method, its constraints, and proposed breakdowns."""

from __future__ import annotations

import math
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prestatieafspraken import check
from prestatieafspraken.allocation import AllocationError, allocate, propose_breakdown
from prestatieafspraken.errors import PrestatieafsprakenError
from prestatieafspraken.model import (
    Aggregation,
    Agreement,
    Area,
    AreaKind,
    Indicator,
    Party,
    PartyKind,
    Perspective,
    Scope,
    Target,
)
from prestatieafspraken.rules import CheckConfig

# --- strategies ---------------------------------------------------------------------------------------------

IDS = st.text(alphabet="abcdefghij-0123", min_size=1, max_size=6)
WEIGHT_VALUES = st.one_of(
    st.integers(min_value=0, max_value=10**9),
    st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False),
)
TOTALS = st.integers(min_value=0, max_value=10**7)


@st.composite
def weight_maps(draw: st.DrawFn, *, min_size: int = 1) -> dict[str, float | int]:
    """Weights for 1..12 items, at least one of them above 0."""
    weights = draw(st.dictionaries(IDS, WEIGHT_VALUES, min_size=min_size, max_size=12))
    if not any(value > 0 for value in weights.values()):
        weights[next(iter(weights))] = draw(st.integers(min_value=1, max_value=10**6))
    return weights


def exact_quotas(total: int, weights: Mapping[str, float | int]) -> dict[str, Fraction]:
    """Each item's exact quota, total × weight / sum of weights, as a fraction."""
    exact = {item: Fraction(value) for item, value in weights.items()}
    whole = sum(exact.values(), Fraction(0))
    return {item: total * value / whole for item, value in exact.items()}


# --- allocate -----------------------------------------------------------------------------------------------


class TestAllocateTables:
    """Hand-computed divisions."""

    @pytest.mark.parametrize(
        ("total", "weights", "expected"),
        [
            # 10/3 = 3.33 each; the one unit left goes to the smallest id on the tie.
            (10, {"a": 1, "b": 1, "c": 1}, {"a": 4, "b": 3, "c": 3}),
            # The same tie in another order: ties follow the id, not the position.
            (2, {"c": 1, "b": 1, "a": 1}, {"c": 0, "b": 1, "a": 1}),
            (100, {"a": 5, "b": 3, "c": 2}, {"a": 50, "b": 30, "c": 20}),
            # Quotas 3.5, 1.75, 1.75: floors 3, 1, 1 leave 2 units for the largest remainders, b and c.
            (7, {"a": 0.5, "b": 0.25, "c": 0.25}, {"a": 3, "b": 2, "c": 2}),
            # The Alabama paradox: 10 gives c two units, 11 gives it one (documented, not avoided).
            (10, {"a": 6, "b": 6, "c": 2}, {"a": 4, "b": 4, "c": 2}),
            (11, {"a": 6, "b": 6, "c": 2}, {"a": 5, "b": 5, "c": 1}),
            # 1000 homes by dwellings: quotas 802.92, 127.74, 69.34; the 2 units left go to the first two.
            (
                1000,
                {"amsterdam": 440_000, "zaanstad": 70_000, "purmerend": 38_000},
                {"amsterdam": 803, "zaanstad": 128, "purmerend": 69},
            ),
            (0, {"a": 1, "b": 2}, {"a": 0, "b": 0}),
            (5, {"a": 1, "b": 0}, {"a": 5, "b": 0}),
            (0, {}, {}),
            # Floats that are inexact in binary: exact fractions decide, 0.1 : 0.2 is 1 : 2.
            (3, {"a": 0.1, "b": 0.2}, {"a": 1, "b": 2}),
        ],
    )
    def test_division(self, total: int, weights: dict[str, float], expected: dict[str, int]) -> None:
        """The division matches the one computed by hand."""
        assert allocate(total, weights) == expected

    @pytest.mark.parametrize(
        ("total", "weights", "options", "expected"),
        [
            # a's quota 50 is cut to 20; the other 80 go 3 : 2 to b and c.
            (100, {"a": 5, "b": 3, "c": 2}, {"capacity": {"a": 20}}, {"a": 20, "b": 48, "c": 32}),
            # 10 each first; of the 70 left a and b reach their capacities, c takes the rest.
            (
                100,
                {"a": 5, "b": 3, "c": 2},
                {"minimum": 10, "capacity": {"a": 30, "b": 30}},
                {"a": 30, "b": 30, "c": 40},
            ),
            # A minimum for an item with weight 0: it gets the minimum and nothing more.
            (100, {"a": 1, "b": 1, "c": 0}, {"minimum": {"c": 50}}, {"a": 25, "b": 25, "c": 50}),
            # A cascade: capping a (quota 72) lifts b's quota to 20, above its capacity 15; c takes the rest.
            (90, {"a": 8, "b": 1, "c": 1}, {"capacity": {"a": 50, "b": 15}}, {"a": 50, "b": 15, "c": 25}),
            # Capacities that add up to the total exactly.
            (10, {"a": 1, "b": 1}, {"capacity": {"a": 3, "b": 7}}, {"a": 3, "b": 7}),
            # Minimums that take the whole total: nothing is left to divide, even with weights of 0.
            (6, {"a": 0, "b": 0}, {"minimum": 3}, {"a": 3, "b": 3}),
            # An item at capacity 0 gets nothing.
            (9, {"a": 1, "b": 2}, {"capacity": {"b": 0}}, {"a": 9, "b": 0}),
        ],
    )
    def test_constrained_division(
        self, total: int, weights: dict[str, int], options: dict[str, Any], expected: dict[str, int]
    ) -> None:
        """Minimums come first, capacities cut off, and what they cut off goes to the others."""
        assert allocate(total, weights, **options) == expected

    def test_keeps_the_order_of_weights(self) -> None:
        """The result lists the items in the order of the weights."""
        assert list(allocate(10, {"z": 1, "a": 1, "m": 1})) == ["z", "a", "m"]


class TestAllocateErrors:
    """Input that cannot be divided is refused with a clear `AllocationError`."""

    @pytest.mark.parametrize(
        ("total", "weights", "options", "match"),
        [
            (-1, {"a": 1}, {}, r"the total must be 0 or more, got -1"),
            (2.5, {"a": 1}, {}, r"the total must be a whole number, got 2\.5"),
            (True, {"a": 1}, {}, r"the total must be a whole number"),
            (5, {"a": -1, "b": 2}, {}, r"the weight of 'a' must be 0 or more"),
            (5, {"a": math.nan}, {}, r"the weight of 'a' must be a finite number"),
            (5, {"a": math.inf}, {}, r"finite number"),
            (5, {"a": "1"}, {}, r"the weight of 'a' must be a number"),
            (5, {"a": 0, "b": 0}, {}, r"5 of the total 5 cannot be divided by weight: every weight is 0"),
            (5, {}, {}, r"there are no items to divide over"),
            (5, {"a": 1, "b": 1}, {"minimum": 3}, r"the minimums add up to 6, more than the total 5"),
            (5, {"a": 1}, {"minimum": -1}, r"minimum must be 0 or more"),
            (5, {"a": 1}, {"minimum": {"b": 1}}, r"minimum names 'b', which is not among the weighted items"),
            (5, {"a": 1}, {"capacity": {"x": 1, "y": 1}}, r"capacity names 'x', 'y', which are not among"),
            (5, {"a": 1}, {"capacity": {"a": -2}}, r"the capacity of 'a' must be 0 or more"),
            (5, {"a": 1}, {"minimum": 2, "capacity": {"a": 1}}, r"the capacity of 'a' \(1\) is below its minimum"),
            (10, {"a": 1, "b": 1}, {"capacity": {"a": 4, "b": 5}}, r"the capacities add up to 9, less than the total"),
            # b has no capacity but weight 0: the 5 that a cannot take have nowhere to go by weight.
            (10, {"a": 1, "b": 0}, {"capacity": {"a": 5}}, r"have room for only 5"),
            (10, {"a": 1, "b": 0}, {"capacity": {"a": 0}}, r"no item with a weight above 0 has room left"),
        ],
    )
    def test_refused(self, total: Any, weights: dict[str, Any], options: dict[str, Any], match: str) -> None:
        """The message says what is wrong and what to do."""
        with pytest.raises(AllocationError, match=match):
            allocate(total, weights, **options)

    def test_error_is_a_value_error(self) -> None:
        """`AllocationError` is caught as the library's error and as a `ValueError`."""
        with pytest.raises(ValueError, match="the total") as raised:
            allocate(-5, {"a": 1})
        assert isinstance(raised.value, PrestatieafsprakenError)


class TestAllocateProperties:
    """The laws of the largest-remainder method, over generated weights and totals."""

    @given(total=TOTALS, weights=weight_maps())
    def test_sums_to_the_total(self, total: int, weights: dict[str, float]) -> None:
        """Whole units that add up to the total exactly, for every item and no other."""
        shares = allocate(total, weights)
        assert list(shares) == list(weights)
        assert all(type(share) is int and share >= 0 for share in shares.values())
        assert sum(shares.values()) == total

    @given(total=TOTALS, weights=weight_maps())
    def test_quota_rule(self, total: int, weights: dict[str, float]) -> None:
        """Every item gets its exact quota rounded down or up: never a whole unit away from it."""
        shares = allocate(total, weights)
        for item, quota in exact_quotas(total, weights).items():
            assert math.floor(quota) <= shares[item] <= math.ceil(quota)
            assert abs(shares[item] - quota) < 1

    @given(total=TOTALS, weights=weight_maps(), data=st.data())
    def test_independent_of_order(self, total: int, weights: dict[str, float], data: st.DataObject) -> None:
        """The same weights in another order give the same shares."""
        shuffled = dict(data.draw(st.permutations(list(weights.items()))))
        assert allocate(total, shuffled) == allocate(total, weights)

    @given(total=TOTALS, weights=weight_maps(min_size=2))
    def test_larger_weight_never_gets_less(self, total: int, weights: dict[str, float]) -> None:
        """An item with a larger weight never gets fewer units than an item with a smaller weight."""
        shares = allocate(total, weights)
        for heavy, heavy_weight in weights.items():
            for light, light_weight in weights.items():
                if heavy_weight > light_weight:
                    assert shares[heavy] >= shares[light]

    @given(total=TOTALS, weights=weight_maps())
    def test_zero_weight_gets_nothing(self, total: int, weights: dict[str, float]) -> None:
        """Without a minimum, an item with weight 0 gets 0."""
        shares = allocate(total, weights)
        assert all(shares[item] == 0 for item, weight in weights.items() if weight == 0)

    @given(weights=weight_maps(), data=st.data())
    @settings(max_examples=200)
    def test_constraints_are_honoured(self, weights: dict[str, float], data: st.DataObject) -> None:
        """With feasible minimums and capacities the shares add up and stay between minimum and capacity."""
        items = list(weights)
        minimum = {item: data.draw(st.integers(min_value=0, max_value=50), label=f"min {item}") for item in items}
        # One item with a weight above 0 keeps no capacity, so the rest always has somewhere to go.
        free = next(item for item in items if weights[item] > 0)
        capacity = {
            item: minimum[item] + data.draw(st.integers(min_value=0, max_value=200), label=f"cap {item}")
            for item in data.draw(st.lists(st.sampled_from(items), unique=True), label="capped")
            if item != free
        }
        total = sum(minimum.values()) + data.draw(st.integers(min_value=0, max_value=10_000), label="rest")
        shares = allocate(total, weights, minimum=minimum, capacity=capacity)
        assert sum(shares.values()) == total
        for item in items:
            assert shares[item] >= minimum[item]
            assert shares[item] <= capacity.get(item, total)

    @given(weights=weight_maps(), data=st.data())
    def test_capacity_cut_goes_to_the_uncapped(self, weights: dict[str, float], data: st.DataObject) -> None:
        """An item below its capacity is never worse off than without any capacities (the cut is redistributed)."""
        total = data.draw(TOTALS, label="total")
        free = allocate(total, weights)
        items = list(weights)
        capped = data.draw(st.sampled_from(items), label="capped")
        uncapped = [item for item in items if item != capped and weights[item] > 0]
        if not uncapped:
            return
        limit = data.draw(st.integers(min_value=0, max_value=free[capped]), label="limit")
        shares = allocate(total, weights, capacity={capped: limit})
        assert shares[capped] == limit
        for item in uncapped:
            assert shares[item] >= free[item] - 1  # rounding may still move one unit
        assert sum(shares[item] for item in uncapped) >= sum(free[item] for item in uncapped)


# --- propose_breakdown --------------------------------------------------------------------------------------


def regional_agreement(*, value: float = 1000, aggregation: Aggregation = Aggregation.FLOW) -> Agreement:
    """A regional agreement with three municipalities, a region and one target to divide."""
    return Agreement(
        id="regio",
        title="Regionale woondeal",
        scope=Scope.REGIONAL,
        perspective=Perspective(start=2025, end=2028),
        areas=(
            Area(id="regio", name="Regio", kind=AreaKind.REGION, dwellings=548_000, population=1_000_000),
            Area(id="amsterdam", name="Amsterdam", kind=AreaKind.MUNICIPALITY, dwellings=440_000, population=900_000),
            Area(id="zaanstad", name="Zaanstad", kind=AreaKind.MUNICIPALITY, dwellings=70_000, population=160_000),
            Area(id="purmerend", name="Purmerend", kind=AreaKind.MUNICIPALITY, dwellings=38_000, population=90_000),
        ),
        parties=(Party(id="regio-bestuur", name="Regiobestuur", kind=PartyKind.REGION),),
        indicators=(Indicator(id="new-build", label="Nieuwbouw", unit="dwellings", aggregation=aggregation),),
        targets=(Target(id="homes", indicator="new-build", value=value, by=2028, area="regio"),),
    )


class TestProposeBreakdown:
    """A regional target divided into local tasks ("verdeel dat dan in een lokale opgave")."""

    def test_by_dwellings_over_the_municipalities(self) -> None:
        """By default the municipalities share the value by dwellings; the region itself is left out."""
        assert propose_breakdown(regional_agreement(), "homes") == {"amsterdam": 803, "zaanstad": 128, "purmerend": 69}

    def test_by_population(self) -> None:
        """Population weighs instead: quotas 782.6, 139.1, 78.3 round to 783, 139, 78."""
        assert propose_breakdown(regional_agreement(), "homes", weight="population") == {
            "amsterdam": 783,
            "zaanstad": 139,
            "purmerend": 78,
        }

    def test_given_areas_in_their_order(self) -> None:
        """Named areas are used in the order given, and only they."""
        proposal = propose_breakdown(regional_agreement(), "homes", areas=["purmerend", "zaanstad"])
        assert list(proposal.items()) == [("purmerend", 352), ("zaanstad", 648)]

    def test_negative_value_is_divided_as_its_size(self) -> None:
        """A stock that is to shrink gets negative parts that add up to its value."""
        proposal = propose_breakdown(regional_agreement(value=-1000, aggregation=Aggregation.STOCK), "homes")
        assert proposal == {"amsterdam": -803, "zaanstad": -128, "purmerend": -69}

    def test_whole_float_value(self) -> None:
        """A value written as a float that is a whole number is divided like the integer."""
        assert sum(propose_breakdown(regional_agreement(value=1000.0), "homes").values()) == 1000

    def test_evolved_target_passes_the_breakdown_checks(self) -> None:
        """Put into the target with attrs.evolve, the proposal satisfies PA302 and PA303."""
        agreement = regional_agreement(value=2477)
        (target,) = agreement.targets
        proposal = propose_breakdown(agreement, "homes")
        evolved = attrs.evolve(agreement, targets=(attrs.evolve(target, breakdown=proposal),))
        codes = {finding.code for finding in check(evolved, config=CheckConfig(select=("PA302", "PA303"))).findings}
        assert sum(proposal.values()) == 2477
        assert codes == set()

    @pytest.mark.parametrize(
        ("agreement", "target", "options", "match"),
        [
            (regional_agreement(), "nope", {}, r"the agreement has no target 'nope'; its targets are 'homes'"),
            (
                attrs.evolve(regional_agreement(), targets=()),
                "homes",
                {},
                r"no target 'homes'; it has no targets",
            ),
            (regional_agreement(aggregation=Aggregation.RATIO, value=1), "homes", {}, r"measures a ratio"),
            (regional_agreement(value=10.5), "homes", {}, r"not a whole number"),
            (regional_agreement(), "homes", {"weight": "households"}, r"weight must be 'dwellings' or 'population'"),
            (regional_agreement(), "homes", {"areas": ["amsterdam", "texel"]}, r"the agreement has no area 'texel'"),
            (regional_agreement(), "homes", {"areas": ["zaanstad", "zaanstad"]}, r"names 'zaanstad' more than once"),
            (
                attrs.evolve(
                    regional_agreement(),
                    areas=(Area(id="edam", name="Edam-Volendam", kind=AreaKind.MUNICIPALITY, population=36_000),),
                ),
                "homes",
                {},
                r"area 'edam' has no dwellings",
            ),
            (
                attrs.evolve(regional_agreement(), areas=regional_agreement().areas[:1]),
                "homes",
                {},
                r"no areas of kind municipality",
            ),
        ],
    )
    def test_refused(self, agreement: Agreement, target: str, options: dict[str, Any], match: str) -> None:
        """What cannot be divided is refused with a message that says why."""
        with pytest.raises(AllocationError, match=match):
            propose_breakdown(agreement, target, **options)
