"""Benchmark: building the responsibility graph, as a ratio to loading the same agreement from JSON.

Run with ``python benchmarks/graph.py [COMMITMENTS ...]`` (default 10000 and 100000). For each size it reports the
median of a few repeats of `prestatieafspraken.loads(json_bytes, format="json")` and of
`prestatieafspraken.graph.responsibility_graph`, and their ratio, measured in the same run so that the machine's
speed cancels out. STYLE: "networkx costs about 8 µs per edge to build"; the edge count is printed too.

The agreement is the synthetic one of ``benchmarks/synthetic.py``, as the load benchmark uses it.
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from collections.abc import Callable

from synthetic import synthetic_json_bytes

import prestatieafspraken
from prestatieafspraken.graph import responsibility_graph

REPEATS = 3
SIZES = (10_000, 100_000)


def _median_seconds(action: Callable[[], object], repeats: int = REPEATS) -> float:
    timings = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def measure(commitments: int) -> dict[str, float]:
    """Time loading and graph building for one size; return the medians, the edge count and the ratio."""
    payload = synthetic_json_bytes(commitments, seed=0)
    agreement = prestatieafspraken.loads(payload, format="json")
    _ = agreement.index  # the index is built once per agreement; the graph's time should not include it
    responsibility_graph(agreement)  # warm up: the networkx import is paid once, outside the timings
    load = _median_seconds(lambda: prestatieafspraken.loads(payload, format="json"))
    build = _median_seconds(lambda: responsibility_graph(agreement))
    edges = responsibility_graph(agreement).number_of_edges()
    return {"load": load, "graph": build, "edges": edges, "ratio": build / load}


def main(argv: list[str]) -> None:
    """Print one line per size: load and build medians, µs per edge, and the ratio graph / load."""
    sizes = [int(arg) for arg in argv] or list(SIZES)
    print(f"{'commitments':>11} {'load s':>8} {'graph s':>8} {'edges':>9} {'µs/edge':>8} {'graph/load':>10}")
    for size in sizes:
        result = measure(size)
        per_edge = result["graph"] / result["edges"] * 1e6
        print(
            f"{size:>11} {result['load']:>8.3f} {result['graph']:>8.3f} {int(result['edges']):>9} "
            f"{per_edge:>8.2f} {result['ratio']:>10.2f}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
