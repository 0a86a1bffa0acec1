"""Dividing a whole number over areas or parties by weight: the largest-remainder (Hamilton) method.

Handbook, Sturing op realisatie, "Maak de uitvoering concreet": "Zijn er afspraken gemaakt over een totaal aantal
toe te voegen woningen per regio? Verdeel dat dan in een lokale opgave, zodat ook makkelijk gemonitord kan
worden." A regional total is divided with the largest-remainder method on weights: whole numbers that add up to
the total exactly, the same on every run, also on ties.

The method: each item's exact quota is ``total × weight / sum of weights``; every item gets the whole part of its
quota, and the units left over go one each to the items with the largest fractional parts. Ties go to the
smaller id in Python's string order (``"a"`` before ``"b"``, ``"Z"`` before ``"a"``). Quotas are computed with
exact fractions, so floating-point noise never decides a tie.

Known property (documented, not avoided): like every largest-remainder method this one shows the Alabama
paradox. With weights 6, 6 and 2, a total of 10 gives 4, 4, 2 and a total of 11 gives 5, 5, 1: a larger total
can give one item less. Every item always gets its quota rounded down or up (the "quota rule"), which divisor
methods (D'Hondt, Sainte-Laguë) cannot promise; for dividing a housing target that matters more.
"""

from __future__ import annotations

import math
import numbers
from collections import Counter
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Literal, TypeAlias

from prestatieafspraken.errors import AllocationError
from prestatieafspraken.model import Aggregation, Agreement, AreaKind
from prestatieafspraken.model.fields import Number

__all__ = ["AllocationError", "AreaWeight", "allocate", "propose_breakdown"]

#: Which figure of an area weighs it: ``Area.dwellings`` or ``Area.population``.
AreaWeight: TypeAlias = Literal["dwellings", "population"]

_AREA_WEIGHTS: tuple[AreaWeight, ...] = ("dwellings", "population")


def _listed(ids: Sequence[str], limit: int = 10) -> str:
    """The ids for a message, quoted; a long list is cut short."""
    shown = ", ".join(repr(item) for item in ids[:limit])
    return shown + (f" and {len(ids) - limit} more" if len(ids) > limit else "")


def _whole(name: str, value: object) -> int:
    """Return `value` as an int when it is a whole number of 0 or more, else raise `AllocationError`."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise AllocationError(f"{name} must be a whole number, got {value!r}")
    if value < 0:
        raise AllocationError(f"{name} must be 0 or more, got {value!r}")
    return int(value)


def _exact_weight(item: str, value: object) -> Fraction:
    """Return a weight as an exact fraction, or raise `AllocationError` for a negative or non-finite one."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise AllocationError(f"the weight of {item!r} must be a number, got {value!r}")
    if not math.isfinite(value):
        raise AllocationError(f"the weight of {item!r} must be a finite number, got {value!r}")
    if value < 0:
        raise AllocationError(f"the weight of {item!r} must be 0 or more, got {value!r}")
    if isinstance(value, numbers.Rational):
        return Fraction(value)
    return Fraction(float(value))


def _unknown_keys(name: str, given: Mapping[str, object], weights: Mapping[str, object]) -> None:
    """Refuse keys of a constraint that name no weighted item (a typo must not silently drop a constraint)."""
    unknown = sorted(key for key in given if key not in weights)
    if unknown:
        raise AllocationError(
            f"{name} names {_listed(unknown)}, which {'is' if len(unknown) == 1 else 'are'} not among the "
            f"weighted items; give {name} only for items in weights"
        )


def _minimums(minimum: Mapping[str, int] | int | None, weights: Mapping[str, object]) -> dict[str, int]:
    """Each item's minimum: the same for all with an int, 0 for items a mapping leaves out."""
    if minimum is None:
        return dict.fromkeys(weights, 0)
    if not isinstance(minimum, Mapping):
        floor = _whole("minimum", minimum)
        return dict.fromkeys(weights, floor)
    _unknown_keys("minimum", minimum, weights)
    return {item: _whole(f"the minimum of {item!r}", minimum.get(item, 0)) for item in weights}


def _capacities(
    capacity: Mapping[str, int] | None, weights: Mapping[str, object], floors: Mapping[str, int]
) -> dict[str, int | None]:
    """Each item's capacity (None: no limit); a capacity below the item's minimum is refused."""
    if capacity is None:
        return dict.fromkeys(weights)
    _unknown_keys("capacity", capacity, weights)
    caps: dict[str, int | None] = {}
    for item in weights:
        if item not in capacity:
            caps[item] = None
            continue
        cap = _whole(f"the capacity of {item!r}", capacity[item])
        if cap < floors[item]:
            raise AllocationError(
                f"the capacity of {item!r} ({cap}) is below its minimum ({floors[item]}); "
                "raise the capacity or lower the minimum"
            )
        caps[item] = cap
    return caps


def _largest_remainder(seats: int, weights: Mapping[str, Fraction]) -> dict[str, int]:
    """Hamilton's method over items with a positive total weight: floors, then one unit per largest remainder."""
    total_weight = sum(weights.values(), Fraction(0))
    quotas = {item: seats * weight / total_weight for item, weight in weights.items()}
    shares = {item: math.floor(quota) for item, quota in quotas.items()}
    left = seats - sum(shares.values())
    # Largest fractional part first; on a tie the smaller id (the documented, deterministic tie-break).
    for item in sorted(quotas, key=lambda key: (shares[key] - quotas[key], key))[:left]:
        shares[item] += 1
    return shares


def _distribute(rest: int, weights: Mapping[str, Fraction], room: Mapping[str, int | None]) -> dict[str, int]:
    """Divide `rest` by weight over the items with room, capping at the room and redistributing what is cut off.

    Water-filling: an item whose exact quota exceeds its room gets its room and leaves the division; the rest is
    divided again over the others (their quotas only grow), until every quota fits. Hamilton's method then
    rounds the quotas, which never exceed the (whole) room, so the rounding cannot exceed it either.
    """
    shares = dict.fromkeys(weights, 0)
    active = sorted(item for item, weight in weights.items() if weight > 0 and room[item] != 0)
    while rest > 0:
        total_weight = sum((weights[item] for item in active), Fraction(0))
        capped = [
            item for item in active if (limit := room[item]) is not None and rest * weights[item] / total_weight > limit
        ]
        if not capped:
            shares.update(_largest_remainder(rest, {item: weights[item] for item in active}))
            break
        for item in capped:
            limit = room[item]
            assert limit is not None  # noqa: S101 - only items with a room are capped
            shares[item] = limit
            rest -= limit
        active = [item for item in active if item not in capped]
    return shares


def allocate(
    total: int,
    weights: Mapping[str, Number],
    *,
    minimum: Mapping[str, int] | int | None = None,
    capacity: Mapping[str, int] | None = None,
) -> dict[str, int]:
    """Divide a whole `total` over items in proportion to their weights, in whole units that add up exactly.

    The largest-remainder (Hamilton) method. Without constraints every item gets its exact quota
    ``total × weight / sum of weights`` rounded down or up, an item with a larger weight never gets less than
    one with a smaller weight, and the result does not depend on the order of `weights`. Ties go to the smaller
    id. The Alabama paradox is possible: a larger total can give an item one unit less (see the module docs).

    With constraints, the minimums are given first; the rest is divided by weight over the items not at their
    capacity, and what a capacity cuts off is divided again over the others.

    Args:
        total: The whole number to divide, 0 or more.
        weights: Item id to weight (0 or more, finite); an item with weight 0 gets only its minimum.
        minimum: Units each item gets before the division: one int for every item, or per item (items left out
            get 0).
        capacity: Per item, the most units it may get (items left out have no limit).

    Returns:
        Item id to units, in the order of `weights`; the values add up to `total`.

    Raises:
        AllocationError: A negative or non-whole total; a negative, infinite or non-numeric weight; a minimum
            or capacity that is negative, names an unknown item, or a capacity below its minimum; minimums that
            add up to more than the total; capacities that leave part of the total without room; or a positive
            rest to divide when every item that may take it has weight 0.

    Example:
        >>> allocate(10, {"a": 1, "b": 1, "c": 1})
        {'a': 4, 'b': 3, 'c': 3}
    """
    units = _whole("the total", total)
    exact = {item: _exact_weight(item, value) for item, value in weights.items()}
    floors = _minimums(minimum, weights)
    caps = _capacities(capacity, weights, floors)
    given = sum(floors.values())
    if given > units:
        raise AllocationError(
            f"the minimums add up to {given}, more than the total {units}; lower the minimums or raise the total"
        )
    bounded = [cap for cap in caps.values() if cap is not None]
    if caps and len(bounded) == len(caps) and sum(bounded) < units:
        raise AllocationError(
            f"the capacities add up to {sum(bounded)}, less than the total {units}; "
            "raise a capacity, leave an item without one, or lower the total"
        )
    rest = units - given
    room = {item: None if (cap := caps[item]) is None else cap - floors[item] for item in weights}
    if rest > 0:
        takers = [item for item in weights if exact[item] > 0 and room[item] != 0]
        if not takers:
            if not exact:
                zero = "there are no items to divide over"
            elif all(weight == 0 for weight in exact.values()):
                zero = "every weight is 0"
            else:
                zero = "no item with a weight above 0 has room left"
            raise AllocationError(
                f"{rest} of the total {units} cannot be divided by weight: {zero}; "
                "give at least one item with room a weight above 0"
            )
        limits = [room[item] for item in takers]
        if all(limit is not None for limit in limits) and sum(limit or 0 for limit in limits) < rest:
            raise AllocationError(
                f"after the minimums {rest} units are left, but the items with a weight above 0 have room for only "
                f"{sum(limit or 0 for limit in limits)}; raise their capacities or give more items a weight"
            )
    shares = _distribute(rest, exact, room)
    return {item: floors[item] + shares[item] for item in weights}


def _target_total(value: Number, target_id: str) -> int:
    """A target's value as a whole number (a float with a fraction cannot be divided in whole units)."""
    if isinstance(value, float):
        if not value.is_integer():
            raise AllocationError(
                f"target {target_id!r} has the value {value!r}, not a whole number; a breakdown divides whole "
                "units, so round the target's value first"
            )
        return int(value)
    return value


def propose_breakdown(
    agreement: Agreement,
    target_id: str,
    *,
    weight: AreaWeight = "dwellings",
    areas: Sequence[str] | None = None,
) -> dict[str, int]:
    """Propose a target's `breakdown`: its value divided over areas in proportion to their dwellings or population.

    Handbook: "Zijn er afspraken gemaakt over een totaal aantal toe te voegen woningen per regio? Verdeel dat
    dan in een lokale opgave" (rules PA302 and PA303 check that a regional target has a breakdown that adds up).
    The division is `allocate`'s; a negative value (a stock that is to shrink) is divided as its size and
    negated. Put the result into the target with ``attrs.evolve(target, breakdown=proposal)``.

    Args:
        agreement: The agreement that holds the target and the areas.
        target_id: The id of the target to divide.
        weight: Which figure of each area weighs it.
        areas: The area ids to divide over, in this order; default the agreement's areas of kind municipality.

    Returns:
        Area id to whole units, adding up to the target's value.

    Raises:
        AllocationError: The target or an area is unknown, an area is named twice, an area lacks the weight,
            the target measures a ratio (a share is not divided), its value is not a whole number, there are
            no municipality areas to divide over, or `allocate` refuses the division.
    """
    if weight not in _AREA_WEIGHTS:
        raise AllocationError(f"weight must be 'dwellings' or 'population', got {weight!r}")
    index = agreement.index
    target = index.targets.get(target_id)
    if target is None:
        known = sorted(index.targets)
        raise AllocationError(
            f"the agreement has no target {target_id!r}; "
            + (f"its targets are {_listed(known)}" if known else "it has no targets")
        )
    indicator = index.indicators.get(target.indicator)
    if indicator is not None and indicator.aggregation is Aggregation.RATIO:
        raise AllocationError(
            f"target {target_id!r} measures a ratio ({indicator.id}); a share is reached in every area, not "
            "divided over them (a ratio is never summed)"
        )
    total = _target_total(target.value, target_id)
    if areas is None:
        # An id used twice (PA002) counts once, as the first area with it, as the index has it.
        municipal = dict.fromkeys(area.id for area in agreement.areas if area.kind is AreaKind.MUNICIPALITY)
        chosen = [index.areas[area] for area in municipal if index.areas[area].kind is AreaKind.MUNICIPALITY]
        if not chosen:
            raise AllocationError(
                f"the agreement has no areas of kind municipality to divide target {target_id!r} over; "
                "add them to `areas` or pass the area ids with areas="
            )
    else:
        repeated = sorted(area for area, count in Counter(areas).items() if count > 1)
        if repeated:
            raise AllocationError(f"areas names {_listed(repeated)} more than once; name each area once")
        unknown = [area for area in areas if area not in index.areas]
        if unknown:
            raise AllocationError(f"the agreement has no area {_listed(unknown)}; areas must name its areas by id")
        chosen = [index.areas[area] for area in areas]
    missing = [area.id for area in chosen if getattr(area, weight) is None]
    if missing:
        raise AllocationError(
            f"area {_listed(missing)} has no {weight}; record it for every area, or choose another weight"
        )
    weights: dict[str, Number] = {area.id: getattr(area, weight) for area in chosen}
    shares = allocate(abs(total), weights)
    return shares if total >= 0 else {area: -share for area, share in shares.items()}
