"""The commands of planning and the yearly cycle: ``plan`` (backwards, or one cycle of an agreement) and ``bids``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import orjson

from prestatieafspraken.cli._common import (
    EXIT_OK,
    add_input,
    add_options,
    agreement_inputs,
    date_argument,
    emit,
    read_input,
)
from prestatieafspraken.views import view_for


def add_plan(commands: Any) -> None:
    """The command ``plan``: backwards from a signing date, or one yearly cycle of an agreement."""
    plan = commands.add_parser(
        "plan", help="plan the process backwards from the signing date, or one yearly cycle of an agreement"
    )
    add_input(plan, many=False)
    plan.add_argument("--year", type=int, metavar="Y", help="with FILE: plan the yearly cycle (jaarschijf) of Y")
    plan.add_argument(
        "--signing",
        type=date_argument,
        metavar="DATE",
        help="the signing date, a working day (with FILE: instead of the deadline)",
    )
    plan.add_argument("--parties", type=int, metavar="N", help="without FILE: number of parties (default: 3)")
    plan.add_argument(
        "--year-end",
        choices=("12-15", "12-01"),
        help="with FILE: the signing deadline in the year before, 15 December (default) or 1 December (letter 2023)",
    )
    plan.add_argument("--lead-times", type=Path, metavar="FILE", help="TOML or YAML file: step name = working days")
    plan.add_argument("--format", choices=("text", "json"), default="text")
    add_options(plan, lang="the text output")
    plan.set_defaults(run=_plan, usage=plan.error)


def _plan(arguments: argparse.Namespace) -> int:
    from prestatieafspraken.planning import load_lead_times, plan_backwards  # noqa: PLC0415 - start-up
    from prestatieafspraken.report.plans import render_plan  # noqa: PLC0415 - start-up

    usage: Callable[[str], None] = arguments.usage
    if arguments.files is not None or arguments.example:
        return _plan_cycle(arguments)
    if arguments.signing is None:
        usage("give --signing DATE (a plan for N parties) or FILE --year Y (a yearly cycle of an agreement)")
    if arguments.year is not None or arguments.year_end is not None:
        usage("--year and --year-end plan a cycle of an agreement: give its FILE (or --example NAME) too")
    lead_times = load_lead_times(arguments.lead_times) if arguments.lead_times is not None else None
    parties = 3 if arguments.parties is None else arguments.parties
    plan = plan_backwards(arguments.signing, parties=parties, lead_times=lead_times)
    emit(render_plan(plan, arguments.format, lang=arguments.lang))
    return EXIT_OK


def add_bids(commands: Any) -> None:
    """The command ``bids``: offered (bod) against agreed (afspraken)."""
    bids = commands.add_parser(
        "bids", help="offered (bid) against agreed (commitments), per party, indicator, area, year"
    )
    add_input(bids, many=False)
    bids.add_argument("--year", type=int, metavar="Y", help="only this year (default: every year)")
    bids.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    add_options(bids, lang="the text and Markdown output", audience=True)
    bids.set_defaults(run=_bids)


def _bids(arguments: argparse.Namespace) -> int:
    from prestatieafspraken.bids import bid_gap  # noqa: PLC0415 - start-up
    from prestatieafspraken.report.bid_gap import render_bid_gap  # noqa: PLC0415

    ((label, file),) = agreement_inputs(arguments, many=False)
    agreement = read_input(label, file)
    if arguments.audience is not None:
        agreement = view_for(agreement, arguments.audience).agreement
    gap = bid_gap(agreement, arguments.year)
    emit(render_bid_gap(gap, agreement, format=arguments.format, lang=arguments.lang))
    return EXIT_OK


def _plan_cycle(arguments: argparse.Namespace) -> int:
    """``plan FILE --year Y``: the yearly cycle of Y from the agreement's own parties, mandates and bids."""
    from prestatieafspraken.cycle_planning import plan_cycle  # noqa: PLC0415 - start-up
    from prestatieafspraken.cycles import DEFAULT_STATUTORY_DATES  # noqa: PLC0415
    from prestatieafspraken.planning import load_lead_times  # noqa: PLC0415

    usage: Callable[[str], None] = arguments.usage
    if arguments.year is None:
        usage("give --year Y: the year of the jaarschijf to plan")
    if arguments.parties is not None:
        usage("--parties is for a plan without FILE: a cycle is planned for the agreement's own parties")
    ((label, file),) = agreement_inputs(arguments, many=False)
    agreement = read_input(label, file)
    lead_times = load_lead_times(arguments.lead_times) if arguments.lead_times is not None else None
    statutory = DEFAULT_STATUTORY_DATES
    if arguments.year_end == "12-01":
        statutory = attrs.evolve(statutory, year_end_day=1)
    plan = plan_cycle(agreement, arguments.year, signing=arguments.signing, statutory=statutory, lead_times=lead_times)
    if arguments.format == "json":
        emit(orjson.dumps(plan.to_dict(), option=orjson.OPT_INDENT_2).decode())
    else:
        emit(plan.to_text(arguments.lang))
    return EXIT_OK
