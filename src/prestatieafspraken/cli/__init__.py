"""The command line: ``prestatieafspraken check | report | graph | plan | export | ... | schema`` (DESIGN §7).

Bad input never shows a traceback: a file that cannot be read gives one message per problem with its ``$.path``
on standard error and exit status 2, in the language of the command's ``--lang``. Each group of commands is a
private module of this package; this one assembles the parser and runs the chosen command.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib.metadata import version as _version

from prestatieafspraken.cli._checking import add_catalogue, add_check, add_schema
from prestatieafspraken.cli._common import EXIT_OK, EXIT_UNREADABLE, Parser, emit_error, errors_follow
from prestatieafspraken.cli._documents import add_document
from prestatieafspraken.cli._graph import add_graph
from prestatieafspraken.cli._norms import add_norms
from prestatieafspraken.cli._planning import add_bids, add_plan
from prestatieafspraken.cli._report import add_report
from prestatieafspraken.cli._tabular import add_tabular
from prestatieafspraken.cli._versions import add_versions
from prestatieafspraken.errors import PrestatieafsprakenError

__all__ = ["main", "run"]


def _parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="prestatieafspraken",
        description="Model, check and steer multi-party performance agreements (prestatieafspraken).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version('prestatieafspraken')}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_check(commands)
    add_graph(commands)
    add_report(commands)
    add_catalogue(commands)
    add_plan(commands)
    add_bids(commands)
    add_tabular(commands)
    add_norms(commands)
    add_versions(commands)
    add_document(commands)
    add_schema(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    arguments = _parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = arguments.run
    errors_follow(arguments)
    try:
        return run(arguments)
    except PrestatieafsprakenError as error:
        emit_error(error)
        return EXIT_UNREADABLE
    except BrokenPipeError:  # pragma: no cover - e.g. piped into `head`
        return EXIT_OK


def run() -> None:
    """The console script: exit with `main`'s status."""
    sys.exit(main())
