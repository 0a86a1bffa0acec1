"""Benchmark: the progress report, as a ratio to loading the same agreement from JSON.

Run with ``python benchmarks/progress.py [COMMITMENTS ...]`` (default 10000 and 100000). For each size it reports the
median of a few repeats of `prestatieafspraken.loads(json_bytes, format="json")` and of
`prestatieafspraken.progress_report.progress`, and their ratio, measured in the same run so that the machine's speed
cancels out. Progress is linear in the agreement: one pass over the realisations to group them, one record per
target and per commitment, one pass for the roll-ups.

The agreement is the synthetic one of ``benchmarks/synthetic.py`` (realisations for about half of the commitments,
stock and share figures per area and year), as the load and graph benchmarks use it. The check date is after the
perspective, so every commitment is judged. The agreement's index is built before timing, as it is built once per
agreement and shared with the checks.
"""

from __future__ import annotations

import datetime as dt
import gc
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable

from synthetic import LAST_YEAR, synthetic_json_bytes

import prestatieafspraken
from prestatieafspraken.progress_report import progress

REPEATS = 3
SIZES = (10_000, 100_000)
AS_OF = dt.date(LAST_YEAR + 1, 6, 1)


def _median_seconds(action: Callable[[], object], repeats: int = REPEATS) -> float:
    timings = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def measure(commitments: int) -> dict[str, float]:
    """Time loading and progress for one size; return the medians, the ratio and the record counts."""
    payload = synthetic_json_bytes(commitments, seed=0)
    agreement = prestatieafspraken.loads(payload, format="json")
    _ = agreement.index
    report = progress(agreement, as_of=AS_OF)  # warm up, and count what it computes
    load = _median_seconds(lambda: prestatieafspraken.loads(payload, format="json"))
    compute = _median_seconds(lambda: progress(agreement, as_of=AS_OF))
    statuses = Counter(record.status.value for record in report.commitments)
    return {
        "load": load,
        "progress": compute,
        "ratio": compute / load,
        "realisations": len(agreement.realisations),
        "targets": len(report.targets),
        "judged": sum(count for status, count in statuses.items() if status not in {"no_data", "not_started"}),
    }


def main(argv: list[str]) -> None:
    """Print one line per size: load and progress medians, and the ratio progress / load."""
    sizes = [int(arg) for arg in argv] or list(SIZES)
    print(
        f"{'commitments':>11} {'realisations':>12} {'targets':>7} {'judged':>7} {'load s':>8} {'progress s':>10} "
        f"{'progress/load':>13}"
    )
    for size in sizes:
        result = measure(size)
        print(
            f"{size:>11} {int(result['realisations']):>12} {int(result['targets']):>7} {int(result['judged']):>7} "
            f"{result['load']:>8.3f} {result['progress']:>10.3f} {result['ratio']:>13.2f}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
