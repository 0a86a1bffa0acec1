"""Charts of a target's expected path against its realised values, as SVG text (matplotlib, an optional extra).

matplotlib is imported only here and only when a chart is drawn; without it `charts_available` is false and the
report says so in one line. No global state of matplotlib is touched: each chart is its own `Figure` with its
own SVG canvas (no pyplot), and its style settings apply inside an `rc_context` only.
"""

from __future__ import annotations

import importlib.util
import io
import math
import warnings
from collections.abc import Sequence

import attrs

__all__ = ["ChartData", "charts_available", "svg_chart"]


@attrs.frozen(kw_only=True)
class ChartData:
    """What one chart shows: the expected path (year, value) and the realised values (year, value)."""

    title: str
    unit: str
    expected: tuple[tuple[int, float], ...]
    realised: tuple[tuple[int, float], ...]
    expected_label: str
    realised_label: str


def charts_available() -> bool:
    """Whether matplotlib is installed (``pip install 'prestatieafspraken[charts]'``)."""
    return importlib.util.find_spec("matplotlib") is not None


#: Values beyond this are left out of a chart: float arithmetic on the axis limits would overflow, and no
#: housing figure comes near it.
_LARGEST = 1e100


def drawable(points: Sequence[tuple[int, float]]) -> tuple[tuple[int, float], ...]:
    """The points a chart can draw: finite values of at most 1e100 in size."""
    return tuple((year, value) for year, value in points if math.isfinite(value) and abs(value) <= _LARGEST)


def _points(points: Sequence[tuple[int, float]]) -> tuple[list[int], list[float]]:
    return [year for year, _ in points], [value for _, value in points]


def svg_chart(data: ChartData) -> str:
    """Draw *data* as an SVG document (text), starting at its ``<svg>`` element.

    Points that are not `drawable` are left out. matplotlib's warnings about odd axis limits (overflow in its
    margin arithmetic, a flat line) are silenced while the chart is drawn: the chart is still drawn.

    Raises:
        ModuleNotFoundError: matplotlib is not installed.
    """
    import matplotlib as mpl  # noqa: PLC0415 - an optional extra, imported only to draw
    from matplotlib.backends.backend_svg import FigureCanvasSVG  # noqa: PLC0415
    from matplotlib.figure import Figure  # noqa: PLC0415
    from matplotlib.ticker import MaxNLocator  # noqa: PLC0415

    # Text stays text (searchable, small, readable by screen readers). The ids are salted with the chart's title:
    # the same data gives the same SVG, and several charts inline in one HTML file do not share clip-path ids.
    expected, realised = drawable(data.expected), drawable(data.realised)
    with (
        warnings.catch_warnings(),
        mpl.rc_context(
            {
                "svg.fonttype": "none",
                "svg.hashsalt": f"prestatieafspraken:{data.title}",
                "font.family": "sans-serif",
                "font.size": 9,
                "axes.spines.top": False,
                "axes.spines.right": False,
            }
        ),
    ):
        warnings.simplefilter("ignore", RuntimeWarning)
        warnings.simplefilter("ignore", UserWarning)
        figure = Figure(figsize=(6.4, 3.2), layout="constrained")
        FigureCanvasSVG(figure)
        axes = figure.add_subplot()
        if expected:
            years, values = _points(expected)
            axes.plot(
                years, values, linestyle="--", color="#01689b", marker="o", markersize=3, label=data.expected_label
            )
        if realised:
            years, values = _points(realised)
            axes.plot(years, values, color="#d52b1e", marker="s", markersize=4, label=data.realised_label)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_title(data.title, loc="left")
        axes.set_ylabel(data.unit)
        axes.grid(visible=True, axis="y", color="#dddddd", linewidth=0.6)
        axes.legend(loc="best", frameon=False)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    svg = buffer.getvalue()
    # The XML declaration and the DOCTYPE (which names an external DTD) are not needed, inline or as an image.
    return svg[svg.index("<svg") :]
