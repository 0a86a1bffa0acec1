"""What is measured and what is aimed for: indicators, higher-level frameworks and multi-year targets.

What a target's value means follows its indicator's aggregation kind (see `Target`).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

import attrs

from prestatieafspraken.model.fields import REFERS_TO, WIRE_NAME, IdKind, Number
from prestatieafspraken.model.ids import InvariantError, slug

__all__ = [
    "Aggregation",
    "Baseline",
    "Direction",
    "Framework",
    "FrameworkScope",
    "Indicator",
    "StockFlows",
    "Target",
]


class Aggregation(enum.Enum):
    """How an indicator's figures add up over years and over parties or areas."""

    FLOW = "flow"
    """A quantity per year; sums over years and over parties or areas."""
    STOCK = "stock"
    """A level; the latest counts in time, sums over parties or areas."""
    RATIO = "ratio"
    """A share between 0 and 1; never summed."""
    CUMULATIVE = "cumulative"
    """A running total; the latest counts."""


class Direction(enum.Enum):
    """Which way is better for an indicator."""

    INCREASE = "increase"
    DECREASE = "decrease"


@attrs.frozen(kw_only=True)
class StockFlows:
    """The flow indicators that add to and take from a stock (net stock accounting, as monitoring practice does it)."""

    inflows: tuple[str, ...] = attrs.field(default=(), metadata={WIRE_NAME: "in", REFERS_TO: IdKind.INDICATOR})
    outflows: tuple[str, ...] = attrs.field(default=(), metadata={WIRE_NAME: "out", REFERS_TO: IdKind.INDICATOR})


@attrs.frozen(kw_only=True)
class Indicator:
    """A measurable quantity, with how it aggregates and which direction is better."""

    id: str = attrs.field(validator=slug)
    label: str
    unit: str
    aggregation: Aggregation
    direction: Direction = Direction.INCREASE
    stock_flows: StockFlows | None = None
    term: str | None = attrs.field(default=None, metadata={REFERS_TO: IdKind.TERM})
    """The defined segment (a term of `Definition`) this indicator counts."""


class FrameworkScope(enum.Enum):
    """Whether a framework's share applies to each area or to the agreement as a whole."""

    AREA = "area"
    AGREEMENT = "agreement"


@attrs.frozen(kw_only=True)
class Framework:
    """A norm from a higher level: a minimum or maximum share of one indicator in another (e.g. 30 % DAEB)."""

    id: str = attrs.field(validator=slug)
    set_by: str | None = attrs.field(default=None, metadata={REFERS_TO: IdKind.PARTY})
    numerator: str = attrs.field(metadata={REFERS_TO: IdKind.INDICATOR})
    denominator: str = attrs.field(metadata={REFERS_TO: IdKind.INDICATOR})
    min: Number | None = None
    max: Number | None = None
    per: FrameworkScope = FrameworkScope.AGREEMENT
    source: str | None = None


@attrs.frozen(kw_only=True)
class Baseline:
    """The starting point of a target: for a stock, the level at the end of `year`."""

    year: int
    value: Number


@attrs.frozen(kw_only=True)
class Target:
    """A multi-year target of the perspective.

    For a flow the value is the total over the years `from_year`..`by`; for a stock, the net change of the
    level; for a cumulative indicator, the running total at `by`; for a ratio, the share to reach.
    """

    id: str = attrs.field(validator=slug)
    indicator: str = attrs.field(metadata={REFERS_TO: IdKind.INDICATOR})
    value: Number
    from_year: int | None = attrs.field(default=None, metadata={WIRE_NAME: "from"})
    """The first year; default the perspective's start."""
    by: int
    theme: str | None = attrs.field(default=None, metadata={REFERS_TO: IdKind.THEME})
    goals: tuple[str, ...] = attrs.field(default=(), metadata={REFERS_TO: IdKind.GOAL})
    area: str | None = attrs.field(default=None, metadata={REFERS_TO: IdKind.AREA})
    breakdown: Mapping[str, Number] = attrs.field(factory=dict, hash=False, metadata={REFERS_TO: IdKind.AREA_OR_PARTY})
    """Area ids (or party ids) to their part of the value; a key naming both is an area."""
    baseline: Baseline | None = None
    source: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.from_year is not None and self.from_year > self.by:
            raise InvariantError.at("from", "target_starts_after_end", start=self.from_year, end=self.by)
