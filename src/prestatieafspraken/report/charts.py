"""Small charts drawn directly as SVG text: one sparkline per target, its expected path against its realised values.

A steering group reads many targets side by side (small multiples), so each chart is small (about 300 bytes) and
drawn without a plotting library: a national report of a thousand targets draws them in milliseconds. The same data
gives the same SVG. Values that are not finite, or beyond 1e100 in size, are left out; the chart never fails.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

import attrs

__all__ = ["HEIGHT", "WIDTH", "Sparkline", "drawable", "sparkline"]

#: The size of a sparkline in CSS pixels.
WIDTH = 132
HEIGHT = 34
_PAD = 3.0

#: Values beyond this are left out: no housing figure comes near it, and the scale's arithmetic stays finite.
_LARGEST = 1e100

#: The colours: the expected path in grey-blue (dashed), the realised values in the report's blue.
_EXPECTED = "#7f9fb5"
_REALISED = "#01689b"


@attrs.frozen(kw_only=True)
class Sparkline:
    """What one sparkline shows: the expected path and the realised values, as (year, value) points."""

    title: str
    """The alternative text: what the chart shows, in words."""
    expected: tuple[tuple[int, float], ...]
    realised: tuple[tuple[int, float], ...]


def drawable(points: Sequence[tuple[int, float]]) -> tuple[tuple[int, float], ...]:
    """The points a chart can draw: finite values of at most 1e100 in size."""
    return tuple((year, value) for year, value in points if math.isfinite(value) and abs(value) <= _LARGEST)


def _coordinate(value: float) -> str:
    """A coordinate with one decimal at most: ``12``, ``12.5``."""
    text = f"{value:.1f}"
    return text.removesuffix(".0")


def sparkline(data: Sparkline) -> str | None:
    """*data* as an inline SVG element of `WIDTH` × `HEIGHT` pixels; ``None`` when it has no point to draw.

    The expected path is a dashed line, the realised values a solid line with a dot on the latest; the SVG's
    ``<title>`` is the chart's text, for screen readers and as a tooltip.
    """
    expected, realised = drawable(data.expected), drawable(data.realised)
    points = expected + realised
    if not points:
        return None
    years = [year for year, _ in points]
    values = [value for _, value in points]
    first, last = min(years), max(years)
    low, high = min(values), max(values)
    if high == low:  # a flat line sits in the middle (widened by a tenth, as ±1 is lost on a float of 1e17)
        margin = max(1.0, abs(low) / 10)
        low, high = low - margin, high + margin
    x_scale = (WIDTH - 2 * _PAD) / (last - first) if last > first else 0.0
    y_scale = (HEIGHT - 2 * _PAD) / (high - low)

    def place(year: int, value: float) -> str:
        x = _PAD + (year - first) * x_scale if last > first else WIDTH / 2
        y = HEIGHT - _PAD - (value - low) * y_scale
        return f"{_coordinate(x)},{_coordinate(y)}"

    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img"><title>{html.escape(data.title)}</title>'
        )
    ]
    if len(expected) > 1:
        line = " ".join(place(year, value) for year, value in expected)
        parts.append(
            f'<polyline points="{line}" fill="none" stroke="{_EXPECTED}" stroke-width="1.5" stroke-dasharray="4 3"/>'
        )
    if len(realised) > 1:
        line = " ".join(place(year, value) for year, value in realised)
        parts.append(f'<polyline points="{line}" fill="none" stroke="{_REALISED}" stroke-width="2"/>')
    if realised:
        x, y = place(*realised[-1]).split(",")
        parts.append(f'<circle cx="{x}" cy="{y}" r="2.5" fill="{_REALISED}"/>')
    parts.append("</svg>")
    return "".join(parts)
