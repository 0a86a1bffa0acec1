"""How long `check` takes, as a ratio to `load` of the same agreement, and how it grows with size.

Run from the repository root::

    python benchmarks/check.py --sizes 1000 10000 100000 --repeat 3

For each size it measures, in one run, the median time of loading the agreement's JSON and of checking it with
every rule, and prints check/load and, between sizes, the growth factor per 10x more commitments (linear is about
10). Ratios, not seconds, are the result: the machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
from collections.abc import Iterator

from load import median_seconds
from synthetic import synthetic_json_bytes

import prestatieafspraken

AS_OF = dt.date(2027, 9, 1)


def main(argv: list[str] | None = None) -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args(argv)
    print(f"{'commitments':>12} {'load s':>9} {'check s':>9} {'check/load':>11} {'growth/10x':>11} findings")
    previous: tuple[int, float] | None = None
    for size in arguments.sizes:
        payload = synthetic_json_bytes(size)

        def load_once(payload: bytes = payload) -> prestatieafspraken.Agreement:
            return prestatieafspraken.loads(payload, format="json")

        load = median_seconds(load_once, arguments.repeat)
        agreement = load_once()
        # A fresh copy per run: the index is built once per agreement, and building it is part of a check.
        copies = iter([load_once() for _ in range(arguments.repeat)])

        def check_once(copies: Iterator[prestatieafspraken.Agreement] = copies) -> prestatieafspraken.Report:
            return prestatieafspraken.check(next(copies), as_of=AS_OF)

        check = median_seconds(check_once, arguments.repeat)
        findings = len(prestatieafspraken.check(agreement, as_of=AS_OF).findings)
        growth = ""
        if previous is not None:
            per_ten = (check / previous[1]) ** (1 / _decades(previous[0], size))
            growth = f"{per_ten:.1f}"
        print(f"{size:>12} {load:>9.3f} {check:>9.3f} {check / load:>11.2f} {growth:>11} {findings}")
        previous = (size, check)


def _decades(smaller: int, larger: int) -> float:
    return math.log10(larger / smaller)


if __name__ == "__main__":
    main()
