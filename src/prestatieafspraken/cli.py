"""The command line: ``prestatieafspraken check | report | graph | plan | export | ... | schema`` (DESIGN §7).

Bad input never shows a traceback: a file that cannot be read gives one message per problem with its ``$.path``
on standard error and exit status 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from importlib.metadata import version as _version
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import attrs
import orjson

from prestatieafspraken import examples
from prestatieafspraken._terminal import safe_text
from prestatieafspraken.errors import (
    ConfigError,
    LoadError,
    PrestatieafsprakenError,
    RuleRegistrationError,
    UnknownNameError,
)
from prestatieafspraken.model import Agreement
from prestatieafspraken.serialization import load, write_atomically
from prestatieafspraken.views import view_for

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from prestatieafspraken.rules import CheckConfig

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


def _add_config(parser: argparse.ArgumentParser) -> None:
    """``--config PATH`` and ``--no-config``: which configuration the rules run with (docs/security.md)."""
    chosen = parser.add_mutually_exclusive_group()
    chosen.add_argument(
        "--config",
        type=Path,
        metavar="PATH",
        help="the configuration to apply: a prestatieafspraken.toml or pyproject.toml (default: the project's, "
        "found from the current folder up; never one next to a checked file)",
    )
    chosen.add_argument("--no-config", action="store_true", help="apply no configuration file at all")


def _add_audience(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--audience",
        metavar="public|PARTY",
        help="show only what this audience may see: 'public' or a party id (values it may not see are withheld)",
    )


class _Parser(argparse.ArgumentParser):
    """argparse, whose messages (usage, errors quoting an argument, help) pass `safe_text` too."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        super()._print_message(safe_text(message), file)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="prestatieafspraken",
        description="Model, check and steer multi-party performance agreements (prestatieafspraken).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version('prestatieafspraken')}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="check agreements against the rule catalogue")
    _add_input(check, many=True)
    check.add_argument("--as-of", type=_date, metavar="DATE", help="the check date (default: today)")
    check.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    check.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the messages")
    check.add_argument("--select", metavar="CODES", help="comma-separated codes or prefixes to run (as ruff)")
    check.add_argument("--ignore", metavar="CODES", help="comma-separated codes or prefixes not to run")
    _add_config(check)
    _add_audience(check)
    check.set_defaults(run=_check)

    graph = commands.add_parser("graph", help="export the responsibility graph")
    _add_input(graph, many=False)
    graph.add_argument("--format", choices=("mermaid", "dot", "graphml", "json", "svg"), default="mermaid")
    graph.add_argument("--party", metavar="ID", help="only the neighbourhood of this party")
    graph.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the picture's labels (svg)")
    graph.add_argument(
        "--node-limit", type=int, default=300, metavar="N", help="draw an svg of at most N nodes (default: 300)"
    )
    _add_audience(graph)
    graph.set_defaults(run=_graph)

    report = commands.add_parser("report", help="write the progress report: findings, progress tables, charts")
    _add_input(report, many=False)
    report.add_argument("--as-of", type=_date, metavar="DATE", help="the report date (default: today)")
    report.add_argument("--format", choices=("markdown", "html"), default="markdown")
    report.add_argument(
        "--output", type=Path, metavar="PATH", help="write to this file (atomically) instead of printing"
    )
    _add_audience(report)
    _add_config(report)
    report.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the report")
    report.set_defaults(run=_report)

    listing = commands.add_parser("examples", help="list the shipped examples, or print one")
    listing.add_argument("name", nargs="?", metavar="NAME")
    listing.set_defaults(run=_examples)

    rules = commands.add_parser("rules", help="print the rule catalogue, or one rule")
    rules.add_argument("code", nargs="?", metavar="CODE")
    rules.add_argument("--lang", choices=("nl", "en"), default="nl")
    _add_config(rules)
    rules.set_defaults(run=_rules)

    _add_plan(commands)
    _add_bids(commands)

    _add_tabular(commands)
    _add_norms(commands)
    _add_versions(commands)
    _add_document(commands)

    schema = commands.add_parser("schema", help="print the JSON Schema of file format v1")
    schema.set_defaults(run=_schema)
    return parser


def _add_plan(commands: Any) -> None:
    """The command ``plan``: backwards from a signing date, or one yearly cycle of an agreement."""
    plan = commands.add_parser(
        "plan", help="plan the process backwards from the signing date, or one yearly cycle of an agreement"
    )
    _add_input(plan, many=False)
    plan.add_argument("--year", type=int, metavar="Y", help="with FILE: plan the yearly cycle (jaarschijf) of Y")
    plan.add_argument(
        "--signing",
        type=_date,
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
    plan.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the text output")
    plan.set_defaults(run=_plan, usage=plan.error)


def _add_tabular(commands: Any) -> None:
    """The commands for spreadsheets: ``export`` and ``import-realisations``."""
    export = commands.add_parser("export", help="write an agreement as an Excel workbook, or a realisations template")
    _add_input(export, many=False)
    export.add_argument("--to", choices=("xlsx", "csv"), required=True, help="xlsx; csv only with --template")
    export.add_argument(
        "--template", type=int, metavar="YEAR", help="write the realisations template of YEAR to fill in"
    )
    export.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the template")
    export.add_argument(
        "--output",
        type=Path,
        metavar="PATH",
        help="the file to write, atomically (default: named after the input, never over an existing file)",
    )
    _add_audience(export)
    export.set_defaults(run=_export)

    merge = commands.add_parser(
        "import-realisations", help="merge the figures of a filled-in realisations workbook or CSV file"
    )
    merge.add_argument("file", type=Path, metavar="FILE", help="agreement file, YAML or JSON")
    merge.add_argument("book", type=Path, metavar="BOOK.xlsx|FILE.csv", help="the filled-in realisations")
    merge.add_argument(
        "--output",
        type=Path,
        metavar="PATH",
        help="write the merged agreement to this .yaml/.json file, atomically (default: print it)",
    )
    for name, default, what in (
        ("bytes", "268435456", "bytes the file may expand to (a workbook once decompressed)"),
        ("rows", "100000", "rows the file may have"),
        ("problems", "100", "problems listed in an error (the rest are counted)"),
    ):
        merge.add_argument(f"--max-{name}", type=_positive, metavar="N", help=f"the {what}; default {default}")
    merge.set_defaults(run=_import_realisations)


def _add_norms(commands: Any) -> None:
    """The command ``norms``: the national reference values and targets with their sources."""
    norms = commands.add_parser("norms", help="list the national norms (reference values, targets) with sources")
    norms.add_argument("name", nargs="?", metavar="NAME", help="one norm, e.g. social-rent-limit")
    norms.add_argument("--year", type=int, metavar="Y", help="only the value that holds in year Y")
    norms.add_argument("--format", choices=("text", "json"), default="text")
    norms.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of labels and notes")
    norms.set_defaults(run=_norms)


def _norms(arguments: argparse.Namespace) -> int:
    """Print the norms; an unknown name or a year without a value exits 2 (through `main`)."""
    from prestatieafspraken.norms._listing import render_norms  # noqa: PLC0415 - start-up

    _print(render_norms(arguments.name, year=arguments.year, format=arguments.format, lang=arguments.lang))
    return EXIT_OK


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return int(text)


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
    """Write *text* and a line end; every control character from a file is shown as an escape (`safe_text`)."""
    target = stream or sys.stdout
    target.write(safe_text(text if text.endswith("\n") else text + "\n"))


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


def _chosen_config(arguments: argparse.Namespace) -> CheckConfig:
    """The configuration the user chose: ``--config``, else the project's found from the current folder up.

    Never one that merely lies next to a data file: that one is named in a notice (`_notice_beside`) instead.
    """
    from prestatieafspraken.rules import CheckConfig, discover_config, read_config  # noqa: PLC0415 - start-up

    if arguments.no_config:
        return CheckConfig()
    if arguments.config is not None:
        return read_config(arguments.config, required=True) or CheckConfig()
    found = discover_config(Path.cwd())
    if found is None:
        return CheckConfig()
    return read_config(_shown_path(found)) or CheckConfig()


def _shown_path(path: Path) -> Path:
    """*path* relative to the current folder when it lies in it or above it (as the report names it)."""
    try:
        return Path(os.path.relpath(path))
    except ValueError:  # pragma: no cover - another drive on Windows
        return path


def _notice_beside(files: Sequence[Path | None], config: CheckConfig) -> None:
    """Say once per folder that a configuration next to a checked file is not applied, and how to apply it."""
    from prestatieafspraken.rules.config import config_beside  # noqa: PLC0415 - start-up

    applied = config.source.resolve() if config.source is not None else None
    seen: set[Path] = set()
    for file in files:
        beside = config_beside(file) if file is not None else None
        if beside is None or beside.resolve() == applied or beside.resolve() in seen:
            continue
        seen.add(beside.resolve())
        _print(
            f"note: {beside} is not applied: a configuration next to a data file is never read by itself (it could "
            f"run code or switch checks off); to apply it, give --config {beside}",
            stream=sys.stderr,
        )


def _read(label: str, file: Path | None) -> Agreement:
    if file is None:
        return examples.load(label.removeprefix("example:"))
    return load(file)


# --- commands ---------------------------------------------------------------------------------------------


def _check(arguments: argparse.Namespace) -> int:
    from prestatieafspraken.report.findings import render_findings  # noqa: PLC0415 - start-up
    from prestatieafspraken.rules import Severity, check  # noqa: PLC0415 - start-up

    status = EXIT_OK
    outputs: list[Any] = []
    inputs = _inputs(arguments, many=True)
    config = _chosen_config(arguments).merged(select=arguments.select, ignore=arguments.ignore)
    _notice_beside([file for _, file in inputs], config)
    for label, file in inputs:
        try:
            agreement = _read(label, file)
            if arguments.audience is None:
                report = check(agreement, as_of=arguments.as_of, config=config)
            else:
                report = view_for(agreement, arguments.audience).check(as_of=arguments.as_of, config=config)
        except (ConfigError, RuleRegistrationError, UnknownNameError) as error:
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
        else:
            _print(render_findings(report, arguments.format, lang=arguments.lang, file=label))
    if arguments.format == "json" and outputs:
        document = outputs[0] if len(inputs) == 1 else outputs
        _print(orjson.dumps(document, option=orjson.OPT_INDENT_2).decode())
    return status


def _graph(arguments: argparse.Namespace) -> int:
    from prestatieafspraken.graph import render_graph, render_svg  # noqa: PLC0415 - networkx is slow to import

    ((label, file),) = _inputs(arguments, many=False)
    agreement = _read(label, file)
    if arguments.audience is not None:
        agreement = view_for(agreement, arguments.audience).agreement
    if arguments.format == "svg":
        _print(render_svg(agreement, lang=arguments.lang, party=arguments.party, node_limit=arguments.node_limit))
        return EXIT_OK
    _print(render_graph(agreement, format=arguments.format, party=arguments.party))
    return EXIT_OK


def _report(arguments: argparse.Namespace) -> int:
    from prestatieafspraken.report import render_report  # noqa: PLC0415 - start-up

    ((label, file),) = _inputs(arguments, many=False)
    config = _chosen_config(arguments)
    _notice_beside([file], config)
    agreement = _read(label, file)
    text = render_report(
        agreement,
        as_of=arguments.as_of,
        format=arguments.format,
        audience=arguments.audience,
        lang=arguments.lang,
        config=config,
    )
    if arguments.output is None:
        _print(text)
        return EXIT_OK
    try:
        write_atomically(arguments.output, safe_text(text).encode("utf-8"))
    except OSError as error:
        _print(f"{arguments.output}: cannot write the report: {error.strerror or error}", stream=sys.stderr)
        return EXIT_UNREADABLE
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
    """Print the catalogue: the built-in rules, the installed packages' and the chosen configuration's plugins."""
    from prestatieafspraken.rules import REGISTRY  # noqa: PLC0415
    from prestatieafspraken.rules.engine import load_builtin_rules  # noqa: PLC0415
    from prestatieafspraken.rules.plugins import load_plugins  # noqa: PLC0415

    load_builtin_rules()
    load_plugins(_chosen_config(arguments))
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
            f"  scopes: {', '.join(scope.value for scope in sorted(found.scopes, key=lambda scope: scope.value))}",
        ]
        lines += [f"  parameter {name} = {value!r}" for name, value in sorted(found.params.items())]
        lines += ["", found.description]
        _print("\n".join(lines))
        return EXIT_OK
    for known in REGISTRY:
        origin = "" if known.builtin else f"\t{known.origin}"
        _print(f"{known.code}\t{known.severity.value}\t{known.title(lang)}\t{known.source}{origin}")
    return EXIT_OK


def _schema(_arguments: argparse.Namespace) -> int:
    from prestatieafspraken.schema import json_schema  # noqa: PLC0415

    _print(orjson.dumps(json_schema(), option=orjson.OPT_INDENT_2).decode())
    return EXIT_OK


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
    _print(render_plan(plan, arguments.format, lang=arguments.lang))
    return EXIT_OK


# --- the yearly cycle: plan FILE --year Y, bids FILE ---------------------------------------------------------


def _add_bids(commands: Any) -> None:
    """The command ``bids``: offered (bod) against agreed (afspraken)."""
    bids = commands.add_parser(
        "bids", help="offered (bid) against agreed (commitments), per party, indicator, area, year"
    )
    _add_input(bids, many=False)
    bids.add_argument("--year", type=int, metavar="Y", help="only this year (default: every year)")
    bids.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    bids.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the text and Markdown output")
    _add_audience(bids)
    bids.set_defaults(run=_bids)


def _bids(arguments: argparse.Namespace) -> int:
    from prestatieafspraken.bids import bid_gap  # noqa: PLC0415 - start-up
    from prestatieafspraken.report.bid_gap import render_bid_gap  # noqa: PLC0415

    ((label, file),) = _inputs(arguments, many=False)
    agreement = _read(label, file)
    if arguments.audience is not None:
        agreement = view_for(agreement, arguments.audience).agreement
    gap = bid_gap(agreement, arguments.year)
    _print(render_bid_gap(gap, agreement, format=arguments.format, lang=arguments.lang))
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
    ((label, file),) = _inputs(arguments, many=False)
    agreement = _read(label, file)
    lead_times = load_lead_times(arguments.lead_times) if arguments.lead_times is not None else None
    statutory = DEFAULT_STATUTORY_DATES
    if arguments.year_end == "12-01":
        statutory = attrs.evolve(statutory, year_end_day=1)
    plan = plan_cycle(agreement, arguments.year, signing=arguments.signing, statutory=statutory, lead_times=lead_times)
    if arguments.format == "json":
        _print(orjson.dumps(plan.to_dict(), option=orjson.OPT_INDENT_2).decode())
    else:
        _print(plan.to_text(arguments.lang))
    return EXIT_OK


def _export(arguments: argparse.Namespace) -> int:
    """Write the agreement as a workbook, or the realisations template of a year (never over a file by default)."""
    from prestatieafspraken.tabular import realisations_template, write_workbook  # noqa: PLC0415 - start-up

    ((label, file),) = _inputs(arguments, many=False)
    if arguments.to == "csv" and arguments.template is None:
        raise _UsageError("--to csv writes a realisations template only: add --template YEAR")
    agreement = _read(label, file)
    if arguments.audience is not None and arguments.template is None:
        agreement = view_for(agreement, arguments.audience).agreement  # nothing the audience may not see
    stem = file.stem if file is not None else label.removeprefix("example:")
    output: Path | None = arguments.output
    if output is None:
        if arguments.template is not None:
            stem = f"{stem}-{'realisaties' if arguments.lang == 'nl' else 'realisations'}-{arguments.template}"
        output = (file.parent if file is not None else Path.cwd()) / f"{stem}.{arguments.to}"
        if output.exists():
            raise _UsageError(f"{output} exists already; give --output {output} to write over it")
    try:
        if arguments.template is None:
            write_workbook(agreement, output)
        else:
            realisations_template(
                agreement, arguments.template, path=output, lang=arguments.lang, audience=arguments.audience
            )
    except OSError as error:
        _print(f"{output}: cannot write the file: {error.strerror or error}", stream=sys.stderr)
        return EXIT_UNREADABLE
    _print(f"wrote {output}", stream=sys.stderr)
    return EXIT_OK


def _import_realisations(arguments: argparse.Namespace) -> int:
    """Merge a filled-in realisations workbook or CSV file; print the agreement, or write it to --output.

    Writing to --output holds the lock of that file from reading the agreement to writing it, so two merges into
    one file take turns and neither loses a figure; a file that another program changed meanwhile is not written.
    """
    from prestatieafspraken.tabular.files import locked  # noqa: PLC0415

    output: Path | None = arguments.output
    if output is not None and output.suffix.lower() not in (".yaml", ".yml", ".json"):
        raise _UsageError(f"cannot tell the format of --output {output}: use .yaml, .yml or .json")
    if output is None:
        return _merge_realisations(arguments, None)
    with locked(output):
        return _merge_realisations(arguments, output)


def _merge_realisations(arguments: argparse.Namespace, output: Path | None) -> int:
    from prestatieafspraken.serialization import dump, dumps  # noqa: PLC0415
    from prestatieafspraken.tabular import import_realisations, import_realisations_csv  # noqa: PLC0415
    from prestatieafspraken.tabular.files import fingerprint  # noqa: PLC0415
    from prestatieafspraken.tabular.limits import Limits  # noqa: PLC0415

    limits = Limits(
        **{
            f"max_{name}": getattr(arguments, f"max_{name}")
            for name in ("bytes", "rows", "problems")
            if getattr(arguments, f"max_{name}") is not None
        }
    )
    read = fingerprint(output) if output is not None else None
    agreement = load(arguments.file)
    book: Path = arguments.book
    if book.suffix.lower() == ".csv":
        merged = import_realisations_csv(agreement, book, limits=limits)
    else:
        merged = import_realisations(agreement, book, limits=limits)
    before = len(agreement.realisations)
    added = len(merged.realisations) - before
    moved = sum(old != new for old, new in zip(agreement.realisations, merged.realisations, strict=False))
    _print(f"{book}: {added} figure(s) added, {moved} status(es) moved", stream=sys.stderr)
    if output is None:
        _print(dumps(merged, format="json" if arguments.file.suffix.lower() == ".json" else "yaml"))
        return EXIT_OK
    if fingerprint(output) != read:
        raise _UsageError(f"{output} changed while the figures were merged: nothing is written; run the merge again")
    try:
        dump(merged, output)
    except OSError as error:
        _print(f"{output}: cannot write the agreement: {error.strerror or error}", stream=sys.stderr)
        return EXIT_UNREADABLE
    return EXIT_OK


# --- versions: diff and history -----------------------------------------------------------------------------


def _add_versions(commands: Any) -> None:
    """The commands for versions of an agreement: ``diff`` and ``history``."""
    compare = commands.add_parser(
        "diff", help="what changed between two versions; exit 0 when the same, 1 when they differ"
    )
    compare.add_argument("old", type=Path, metavar="OLD", help="the older version, YAML or JSON")
    compare.add_argument("new", type=Path, metavar="NEW", help="the newer version, YAML or JSON")
    compare.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    compare.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the output")
    _add_audience(compare)
    compare.set_defaults(run=_diff)

    versions = commands.add_parser("history", help="the current agreement and each item's changes over versions")
    versions.add_argument("files", nargs="+", type=Path, metavar="FILE", help="the versions, oldest first")
    versions.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    versions.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the output")
    _add_audience(versions)
    versions.set_defaults(run=_history)


def _versions(files: Sequence[Path], audience: str | None) -> list[Agreement] | None:
    """The versions as the audience may see them (with no audience: all of it); ``None`` when one is unreadable.

    Every file that cannot be read is reported, not only the first.
    """
    versions: list[Agreement] = []
    for file in files:
        try:
            agreement = load(file)
            versions.append(agreement if audience is None else view_for(agreement, audience).agreement)
        except LoadError as error:
            _print(str(error), stream=sys.stderr)
        except UnknownNameError as error:
            _print(f"{file}: {error}", stream=sys.stderr)
    return versions if len(versions) == len(files) else None


def _diff(arguments: argparse.Namespace) -> int:
    """Print what changed; exit 0 when the versions are the same agreement, 1 when they differ."""
    from prestatieafspraken.report.changes import render_diff  # noqa: PLC0415 - start-up
    from prestatieafspraken.versions import diff  # noqa: PLC0415

    versions = _versions([arguments.old, arguments.new], arguments.audience)
    if versions is None:
        return EXIT_UNREADABLE
    found = diff(*versions)
    _print(
        render_diff(found, format=arguments.format, lang=arguments.lang, old=str(arguments.old), new=str(arguments.new))
    )
    return EXIT_FINDINGS if found else EXIT_OK


def _history(arguments: argparse.Namespace) -> int:
    """Print the versions, the current agreement and each item's changes."""
    from prestatieafspraken.report.changes import render_history  # noqa: PLC0415 - start-up
    from prestatieafspraken.versions import history  # noqa: PLC0415

    files: list[Path] = arguments.files
    versions = _versions(files, arguments.audience)
    if versions is None:
        return EXIT_UNREADABLE
    found = history(versions, labels=[str(file) for file in files])
    _print(render_history(found, format=arguments.format, lang=arguments.lang))
    return EXIT_OK


# --- the agreement as a document -------------------------------------------------------------------------------


def _add_document(commands: Any) -> None:
    """The command ``document``: the agreement, a jaarschijf or the tenants' summary as Markdown, HTML or Word."""
    document = commands.add_parser(
        "document", help="write the agreement (or the jaarschijf of a year) as a document: markdown, html or docx"
    )
    _add_input(document, many=False)
    document.add_argument("--year", type=int, metavar="Y", help="only the jaarschijf of year Y")
    document.add_argument(
        "--format",
        choices=("markdown", "html", "docx"),
        help="default: from the suffix of --output (.md, .html, .docx), else markdown",
    )
    _add_audience(document)
    document.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the document")
    document.add_argument(
        "--summary", action="store_true", help="the one-page summary for tenants' members (plain Dutch, B1)"
    )
    document.add_argument(
        "--template", type=Path, metavar="HOUSE.docx", help="with docx: use the styles of this Word file or template"
    )
    document.add_argument(
        "--output", type=Path, metavar="PATH", help="write to this file (atomically) instead of printing"
    )
    document.set_defaults(run=_document)


def _document(arguments: argparse.Namespace) -> int:
    """Print the document, or write it to --output; a Word file is never printed to the terminal."""
    from prestatieafspraken.documents import document, format_of  # noqa: PLC0415 - start-up

    output: Path | None = arguments.output
    chosen = arguments.format or (format_of(output) if output is not None else "markdown")
    if chosen == "docx" and output is None:
        raise _UsageError("a Word document is a file: give --output FILE.docx")
    if arguments.template is not None and chosen != "docx":
        raise _UsageError(f"--template is a Word file and goes with --format docx, not {chosen}")
    ((label, file),) = _inputs(arguments, many=False)
    agreement = _read(label, file)
    built = document(
        agreement, year=arguments.year, audience=arguments.audience, lang=arguments.lang, summary=arguments.summary
    )
    payload = built.render(chosen, template=arguments.template)
    if output is None:
        _print(payload.decode("utf-8"))
        return EXIT_OK
    try:
        write_atomically(output, payload)
    except OSError as error:
        _print(f"{output}: cannot write the document: {error.strerror or error}", stream=sys.stderr)
        return EXIT_UNREADABLE
    return EXIT_OK


def run() -> None:
    """The console script: exit with `main`'s status."""
    sys.exit(main())
