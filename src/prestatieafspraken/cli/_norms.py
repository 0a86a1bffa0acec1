"""The command ``norms``: the national reference values and targets with their sources."""

from __future__ import annotations

import argparse
from typing import Any

from prestatieafspraken.cli._common import EXIT_OK, add_options, emit


def add_norms(commands: Any) -> None:
    """The command ``norms``: the national reference values and targets with their sources."""
    norms = commands.add_parser("norms", help="list the national norms (reference values, targets) with sources")
    norms.add_argument("name", nargs="?", metavar="NAME", help="one norm, e.g. social-rent-limit")
    norms.add_argument("--year", type=int, metavar="Y", help="only the value that holds in year Y")
    norms.add_argument("--format", choices=("text", "json"), default="text")
    add_options(norms, lang="labels and notes")
    norms.set_defaults(run=_norms)


def _norms(arguments: argparse.Namespace) -> int:
    """Print the norms; an unknown name or a year without a value exits 2 (through `main`)."""
    from prestatieafspraken.norms._listing import render_norms  # noqa: PLC0415 - start-up

    emit(render_norms(arguments.name, year=arguments.year, format=arguments.format, lang=arguments.lang))
    return EXIT_OK
