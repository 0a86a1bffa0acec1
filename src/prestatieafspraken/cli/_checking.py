"""The commands that check and describe: ``check``, ``rules``, ``examples``, ``schema``."""

from __future__ import annotations

import argparse
from typing import Any

import orjson

from prestatieafspraken import examples
from prestatieafspraken.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNREADABLE,
    UsageError,
    add_input,
    add_options,
    agreement_inputs,
    chosen_config,
    date_argument,
    emit,
    emit_error,
    notice_beside,
    read_input,
)
from prestatieafspraken.errors import ConfigError, LoadError, RuleRegistrationError, UnknownNameError
from prestatieafspraken.views import view_for


def add_check(commands: Any) -> None:
    """The command ``check``: the rule catalogue over one or more agreements."""
    check = commands.add_parser("check", help="check agreements against the rule catalogue")
    add_input(check, many=True)
    check.add_argument("--as-of", type=date_argument, metavar="DATE", help="the check date (default: today)")
    check.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    check.add_argument("--select", metavar="CODES", help="comma-separated codes or prefixes to run (as ruff)")
    check.add_argument("--ignore", metavar="CODES", help="comma-separated codes or prefixes not to run")
    add_options(check, lang="the messages", audience=True, config=True)
    check.set_defaults(run=_check)


def add_catalogue(commands: Any) -> None:
    """The commands ``examples`` and ``rules``: what ships with the package."""
    listing = commands.add_parser("examples", help="list the shipped examples, or print one")
    listing.add_argument("name", nargs="?", metavar="NAME")
    listing.set_defaults(run=_examples)

    rules = commands.add_parser("rules", help="print the rule catalogue, or one rule")
    rules.add_argument("code", nargs="?", metavar="CODE")
    add_options(rules, lang=True, config=True)
    rules.set_defaults(run=_rules)


def add_schema(commands: Any) -> None:
    """The command ``schema``: the JSON Schema of the file format."""
    schema = commands.add_parser("schema", help="print the JSON Schema of file format v1")
    schema.set_defaults(run=_schema)


def _check(arguments: argparse.Namespace) -> int:
    from prestatieafspraken.report.findings import render_findings  # noqa: PLC0415 - start-up
    from prestatieafspraken.rules import Severity, check  # noqa: PLC0415 - start-up

    status = EXIT_OK
    outputs: list[Any] = []
    inputs = agreement_inputs(arguments, many=True)
    config = chosen_config(arguments).merged(select=arguments.select, ignore=arguments.ignore)
    notice_beside([file for _, file in inputs], config)
    for label, file in inputs:
        try:
            agreement = read_input(label, file)
            if arguments.audience is None:
                report = check(agreement, as_of=arguments.as_of, config=config)
            else:
                report = view_for(agreement, arguments.audience).check(as_of=arguments.as_of, config=config)
        except (ConfigError, RuleRegistrationError, UnknownNameError) as error:
            emit_error(error, label=label)
            status = EXIT_UNREADABLE
            continue
        except LoadError as error:
            emit_error(error)
            status = EXIT_UNREADABLE
            continue
        if status != EXIT_UNREADABLE and any(f.severity is Severity.ERROR for f in report.findings):
            status = EXIT_FINDINGS
        if arguments.format == "json":
            outputs.append(report.to_dict(lang=arguments.lang, file=label))
        else:
            emit(render_findings(report, arguments.format, lang=arguments.lang, file=label))
    if arguments.format == "json" and outputs:
        document = outputs[0] if len(inputs) == 1 else outputs
        emit(orjson.dumps(document, option=orjson.OPT_INDENT_2).decode())
    return status


def _examples(arguments: argparse.Namespace) -> int:
    if arguments.name:
        emit(examples.text(arguments.name))
        return EXIT_OK
    for name in examples.names():
        agreement = examples.load(name)
        emit(f"{name}\t{agreement.title}")
    return EXIT_OK


def _rules(arguments: argparse.Namespace) -> int:
    """Print the catalogue: the built-in rules, the installed packages' and the chosen configuration's plugins."""
    from prestatieafspraken.rules import REGISTRY  # noqa: PLC0415
    from prestatieafspraken.rules.engine import load_builtin_rules  # noqa: PLC0415
    from prestatieafspraken.rules.plugins import load_plugins  # noqa: PLC0415

    load_builtin_rules()
    load_plugins(chosen_config(arguments))
    lang = arguments.lang
    if arguments.code:
        found = REGISTRY.get(arguments.code.upper())
        if found is None:
            raise UsageError(f"no rule {arguments.code!r}; `prestatieafspraken rules` lists them")
        lines = [
            f"{found.code} [{found.severity.value}] {found.title(lang)}",
            f"  nl: {found.title_nl}",
            f"  en: {found.title_en}",
            f"  source: {found.source}",
            f"  origin: {found.origin}",
            f"  scopes: {', '.join(scope.value for scope in sorted(found.scopes, key=lambda scope: scope.value))}",
        ]
        if found.scope_severity:
            by_scope = sorted(found.scope_severity.items(), key=lambda item: item[0].value)
            lines.append(f"  severity by scope: {', '.join(f'{scope.value} {sev.value}' for scope, sev in by_scope)}")
        lines += [f"  parameter {name} = {value!r}" for name, value in sorted(found.params.items())]
        lines += ["", found.description]
        emit("\n".join(lines))
        return EXIT_OK
    for known in REGISTRY:
        origin = "" if known.builtin else f"\t{known.origin}"
        emit(f"{known.code}\t{known.severity.value}\t{known.title(lang)}\t{known.source}{origin}")
    return EXIT_OK


def _schema(_arguments: argparse.Namespace) -> int:
    from prestatieafspraken.schema import json_schema  # noqa: PLC0415

    emit(orjson.dumps(json_schema(), option=orjson.OPT_INDENT_2).decode())
    return EXIT_OK
