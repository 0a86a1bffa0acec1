"""Sums of figures that never raise: exact where they can be, infinite where the figures overflow a float.

`math.fsum` is exact but raises `OverflowError` on an intermediate overflow (two figures near 1e308); a check
or a report must not crash on such a file, so the sum falls back to float addition, which gives ±inf.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

__all__ = ["total"]


def total(values: Iterable[float]) -> float:
    """The sum of *values*: exact (``math.fsum``), or ±inf / nan where the figures overflow a float."""
    figures = list(values)
    try:
        return math.fsum(figures)
    except OverflowError:
        return sum(figures, 0.0)
