"""The command line: ``prestatieafspraken check | rules | examples | schema | graph`` (DESIGN §7).

Bad input never shows a traceback: a file that cannot be read gives one message per problem with its ``$.path``
on standard error and exit status 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

import orjson

from prestatieafspraken import examples
from prestatieafspraken.errors import ConfigError, LoadError, PrestatieafsprakenError
from prestatieafspraken.model import Agreement
from prestatieafspraken.serialization import load

__all__ = ["main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def _add_input(parser: argparse.ArgumentParser, *, many: bool) -> None:
    parser.add_argument(
        "files",
        nargs="*" if many else "?",
        type=Path,
        metavar="FILE",
        help="agreement file(s), YAML or JSON" if many else "agreement file, YAML or JSON",
    )
    parser.add_argument("--example", metavar="NAME", help="use a shipped example instead of a file")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="prestatieafspraken",
        description="Model, check and steer multi-party performance agreements (prestatieafspraken).",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="check agreements against the rule catalogue")
    _add_input(check, many=True)
    check.add_argument("--as-of", type=_date, metavar="DATE", help="the check date (default: today)")
    check.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    check.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the messages")
    check.add_argument("--select", metavar="CODES", help="comma-separated codes or prefixes to run (as ruff)")
    check.add_argument("--ignore", metavar="CODES", help="comma-separated codes or prefixes not to run")
    check.set_defaults(run=_check)

    graph = commands.add_parser("graph", help="export the responsibility graph")
    _add_input(graph, many=False)
    graph.add_argument("--format", choices=("mermaid", "dot", "graphml", "json"), default="mermaid")
    graph.add_argument("--party", metavar="ID", help="only the neighbourhood of this party")
    graph.set_defaults(run=_graph)

    listing = commands.add_parser("examples", help="list the shipped examples, or print one")
    listing.add_argument("name", nargs="?", metavar="NAME")
    listing.set_defaults(run=_examples)

    rules = commands.add_parser("rules", help="print the rule catalogue, or one rule")
    rules.add_argument("code", nargs="?", metavar="CODE")
    rules.add_argument("--lang", choices=("nl", "en"), default="nl")
    rules.set_defaults(run=_rules)

    schema = commands.add_parser("schema", help="print the JSON Schema of file format v1")
    schema.set_defaults(run=_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    arguments = _parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = arguments.run
    try:
        return run(arguments)
    except PrestatieafsprakenError as error:
        _print(str(error), stream=sys.stderr)
        return EXIT_UNREADABLE
    except BrokenPipeError:  # pragma: no cover - e.g. piped into `head`
        return EXIT_OK


def _print(text: str, *, stream: TextIO | None = None) -> None:
    target = stream or sys.stdout
    target.write(text if text.endswith("\n") else text + "\n")


# --- inputs -----------------------------------------------------------------------------------------------


def _inputs(arguments: argparse.Namespace, *, many: bool) -> list[tuple[str, Path | None]]:
    """The inputs as (label, file) pairs; an example has no file."""
    files: list[Path] = list(arguments.files) if many else [f for f in [arguments.files] if f is not None]
    if arguments.example and files:
        raise _UsageError("give either files or --example, not both")
    if arguments.example:
        examples.text(arguments.example)  # an unknown name fails here, listing the known ones
        return [(f"example:{arguments.example}", None)]
    if not files:
        raise _UsageError("give a FILE or --example NAME (`prestatieafspraken examples` lists the examples)")
    return [(str(file), file) for file in files]


class _UsageError(PrestatieafsprakenError, ValueError):
    """The command line itself is wrong."""


def _read(label: str, file: Path | None) -> Agreement:
    if file is None:
        return examples.load(label.removeprefix("example:"))
    return load(file)


# --- commands ---------------------------------------------------------------------------------------------


def _check(arguments: argparse.Namespace) -> int:
    from prestatieafspraken.rules import CheckConfig, Severity, check, find_config  # noqa: PLC0415 - start-up

    status = EXIT_OK
    outputs: list[Any] = []
    inputs = _inputs(arguments, many=True)
    for label, file in inputs:
        try:
            agreement = _read(label, file)
            directory = file.parent if file is not None else Path.cwd()
            config = (find_config(directory) or CheckConfig()).merged(select=arguments.select, ignore=arguments.ignore)
            report = check(agreement, as_of=arguments.as_of, config=config)
        except ConfigError as error:
            _print(f"{label}: {error}", stream=sys.stderr)
            status = EXIT_UNREADABLE
            continue
        except LoadError as error:
            _print(str(error), stream=sys.stderr)
            status = EXIT_UNREADABLE
            continue
        if status != EXIT_UNREADABLE and any(f.severity is Severity.ERROR for f in report.findings):
            status = EXIT_FINDINGS
        if arguments.format == "json":
            outputs.append(report.to_dict(lang=arguments.lang, file=label))
        elif arguments.format == "markdown":
            _print(report.to_markdown(lang=arguments.lang, file=label))
        else:
            _print(report.to_text(lang=arguments.lang, file=label))
    if arguments.format == "json" and outputs:
        document = outputs[0] if len(inputs) == 1 else outputs
        _print(orjson.dumps(document, option=orjson.OPT_INDENT_2).decode())
    return status


def _graph(arguments: argparse.Namespace) -> int:
    from prestatieafspraken.graph import render_graph  # noqa: PLC0415 - networkx is slow to import

    ((label, file),) = _inputs(arguments, many=False)
    _print(render_graph(_read(label, file), format=arguments.format, party=arguments.party))
    return EXIT_OK


def _examples(arguments: argparse.Namespace) -> int:
    if arguments.name:
        _print(examples.text(arguments.name))
        return EXIT_OK
    for name in examples.names():
        agreement = examples.load(name)
        _print(f"{name}\t{agreement.title}")
    return EXIT_OK


def _rules(arguments: argparse.Namespace) -> int:
    from prestatieafspraken.rules import REGISTRY  # noqa: PLC0415
    from prestatieafspraken.rules.engine import load_builtin_rules  # noqa: PLC0415

    load_builtin_rules()
    lang = arguments.lang
    if arguments.code:
        found = REGISTRY.get(arguments.code.upper())
        if found is None:
            raise _UsageError(f"no rule {arguments.code!r}; `prestatieafspraken rules` lists them")
        lines = [
            f"{found.code} [{found.severity.value}] {found.title(lang)}",
            f"  nl: {found.title_nl}",
            f"  en: {found.title_en}",
            f"  source: {found.source}",
            f"  origin: {found.origin}",
        ]
        lines += [f"  parameter {name} = {value!r}" for name, value in sorted(found.params.items())]
        lines += ["", found.description]
        _print("\n".join(lines))
        return EXIT_OK
    for known in REGISTRY:
        _print(f"{known.code}\t{known.severity.value}\t{known.title(lang)}\t{known.source}")
    return EXIT_OK


def _schema(_arguments: argparse.Namespace) -> int:
    from prestatieafspraken.schema import json_schema  # noqa: PLC0415

    _print(orjson.dumps(json_schema(), option=orjson.OPT_INDENT_2).decode())
    return EXIT_OK


def run() -> None:
    """The console script: exit with `main`'s status."""
    sys.exit(main())
