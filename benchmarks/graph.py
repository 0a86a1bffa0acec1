"""Benchmark: building the responsibility graph, as a ratio to loading the same agreement from JSON.

Run with ``python benchmarks/graph.py [COMMITMENTS ...]`` (default 10000 and 100000). For each size it reports the
median of a few repeats of `prestatieafspraken.loads(json_bytes, format="json")` and of
`prestatieafspraken.graph.responsibility_graph`, and their ratio, measured in the same run so that the machine's
speed cancels out. STYLE: "networkx costs about 8 µs per edge to build"; the edge count is printed too.

The agreement comes from ``benchmarks/synthetic.py`` (``synthetic_agreement_data``) when that module exists, else
from the small generator below.
"""

from __future__ import annotations

import gc
import importlib.util
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

import prestatieafspraken
from prestatieafspraken.graph import responsibility_graph
from prestatieafspraken.model.themes import STANDARD_THEMES

REPEATS = 3
SIZES = (10_000, 100_000)
PARTY_KINDS = ("municipality", "housing_corporation", "tenant_organisation")


def _local_synthetic_data(commitments: int, seed: int = 0) -> dict[str, Any]:
    """A plain-data agreement of format v1 with *commitments* commitments that reference everything else."""
    rng = random.Random(seed)
    parties = [f"party-{n}" for n in range(max(3, commitments // 500))]
    areas = [f"area-{n}" for n in range(max(1, len(parties) // 3))]
    themes = list(STANDARD_THEMES)
    goals = [f"goal-{n}" for n in range(20)]
    indicators = [f"indicator-{n}" for n in range(5)]
    targets = [f"target-{n}" for n in range(50)]
    years = range(2024, 2029)
    return {
        "schema_version": 1,
        "id": "synthetic",
        "title": f"Synthetic agreement with {commitments} commitments",
        "scope": "regional",
        "perspective": {"start": years[0], "end": years[-1]},
        "areas": [{"id": a, "name": a, "kind": "municipality", "dwellings": rng.randint(1000, 90000)} for a in areas],
        "parties": [
            {"id": p, "name": p.title(), "kind": PARTY_KINDS[n % 3], "areas": [rng.choice(areas)]}
            for n, p in enumerate(parties)
        ],
        "groups": [{"id": "stuurgroep", "kind": "steering", "members": parties[:5]}],
        "mandates": [{"holder": parties[0], "role": "signatory"}, {"holder": parties[1], "role": "monitor"}],
        "themes": [{"id": t, "lead": rng.choice(parties)} for t in themes],
        "goals": [{"id": g, "text": f"Goal {g}"} for g in goals],
        "indicators": [
            {"id": i, "label": i, "unit": "dwellings", "aggregation": "flow", "direction": "increase"}
            for i in indicators
        ],
        "targets": [
            {
                "id": t,
                "indicator": rng.choice(indicators),
                "value": rng.randint(100, 5000),
                "by": years[-1],
                "theme": rng.choice(themes),
                "goals": [rng.choice(goals)],
                "area": rng.choice(areas),
            }
            for t in targets
        ],
        "commitments": [
            {
                "id": f"c-{n}",
                "by": rng.sample(parties, rng.randint(1, 2)),
                "for": rng.sample(parties, rng.randint(1, 3)),
                "theme": rng.choice(themes),
                "goals": [rng.choice(goals)],
                "year": rng.choice(years),
                "kind": "result",
                "text": f"Commitment {n}",
                "indicator": rng.choice(indicators),
                "value": rng.randint(1, 500),
                "target": rng.choice(targets),
                "area": rng.choice(areas),
                "due": "2026-12-31",
                "conditional_on": [f"c-{rng.randrange(n)}"] if n and rng.random() < 0.1 else [],
            }
            for n in range(commitments)
        ],
    }


def _synthetic_generator() -> Callable[..., dict[str, Any]]:
    shared = Path(__file__).with_name("synthetic.py")
    if shared.exists():
        spec = importlib.util.spec_from_file_location("synthetic", shared)
        if spec is not None and spec.loader is not None:
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            generator: Callable[..., dict[str, Any]] = module.synthetic_agreement_data
            return generator
    return _local_synthetic_data


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
    data = _synthetic_generator()(commitments, seed=0)
    payload = orjson.dumps(data)
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
