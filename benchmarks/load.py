"""Benchmark: loading an agreement from JSON, as a ratio to the orjson parse floor.

Run with ``python benchmarks/load.py [--commitments N] [--repeat R] [--profile]``. It builds the synthetic
agreement of ``benchmarks/synthetic.py`` with N commitments, writes it as JSON bytes, and reports in one run the
median of R timings of ``orjson.loads(bytes)`` (the floor: parsing alone) and of
``prestatieafspraken.loads(bytes, format="json")`` (parsing plus building the model), and their ratio. Measuring
both in the same run lets the machine's speed cancel out. STYLE: a tuned converter loads at about 2.4x the floor.

At 1e5 commitments and more, the garbage collector's passes over the objects orjson allocates take more time
than the parse itself; `loads` pauses the collector, the floor does not. So the parse with the collector paused
is timed too, and the ratio to it is the stricter one.

With ``--profile`` it also runs one load under cProfile and prints where the time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import statistics
import sys
import time
from collections.abc import Callable

import orjson
from synthetic import synthetic_json_bytes

import prestatieafspraken


def median_seconds(action: Callable[[], object], repeat: int, *, gc_paused: bool = False) -> float:
    """The median wall time of *repeat* runs of *action*, each after a full collection."""
    timings = []
    for _ in range(repeat):
        gc.collect()
        if gc_paused:
            gc.disable()
        try:
            start = time.perf_counter()
            action()
            timings.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return statistics.median(timings)


def main(argv: list[str] | None = None) -> None:
    """Parse the arguments, time both loads and print the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--commitments", type=int, default=10_000, help="commitments in the agreement (10000)")
    parser.add_argument("--repeat", type=int, default=5, help="timings per measurement; the median counts (5)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic agreement (0)")
    parser.add_argument("--profile", action="store_true", help="also profile one load and print the top functions")
    arguments = parser.parse_args(argv)

    payload = synthetic_json_bytes(arguments.commitments, seed=arguments.seed)
    agreement = prestatieafspraken.loads(payload, format="json")  # warm up: hooks are generated on first use
    floor = median_seconds(lambda: orjson.loads(payload), arguments.repeat)
    # The collector runs while orjson allocates millions of objects; the loader pauses it, so it is fair to
    # compare with the parse alone as well.
    bare_floor = median_seconds(lambda: orjson.loads(payload), arguments.repeat, gc_paused=True)
    load = median_seconds(lambda: prestatieafspraken.loads(payload, format="json"), arguments.repeat)
    print(
        f"commitments={arguments.commitments} realisations={len(agreement.realisations)} "
        f"bytes={len(payload):,} repeat={arguments.repeat}"
    )
    print(f"orjson.loads                   {floor * 1e3:10.2f} ms  (floor)")
    print(f"orjson.loads, collector paused {bare_floor * 1e3:10.2f} ms  (parse alone)")
    print(f"prestatieafspraken.loads       {load * 1e3:10.2f} ms")
    print(f"ratio load/floor               {load / floor:10.2f}")
    print(f"ratio load/parse alone         {load / bare_floor:10.2f}")

    if arguments.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        prestatieafspraken.loads(payload, format="json")
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(15)


if __name__ == "__main__":
    main()
