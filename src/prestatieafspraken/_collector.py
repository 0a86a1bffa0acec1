"""Pausing Python's garbage collector around bulk work whose objects all survive.

Loading, indexing, checking, graphing and progress each build many objects that stay alive until the work ends;
a collection in the middle finds nothing to free and costs a quarter to a half of the time at 1e5 commitments
(STYLE, performance habits). The collector's previous state is restored afterwards, also on an error.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["paused"]


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Disable the garbage collector for the block; re-enable it afterwards if it was enabled before."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
