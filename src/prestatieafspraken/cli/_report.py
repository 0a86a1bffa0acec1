"""The command ``report``: findings, progress tables and charts in one report."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from prestatieafspraken._terminal import safe_text
from prestatieafspraken.cli._common import (
    EXIT_OK,
    EXIT_UNREADABLE,
    INSTEAD_OF_PRINTING,
    add_input,
    add_options,
    agreement_inputs,
    chosen_config,
    date_argument,
    emit,
    notice_beside,
    read_input,
)
from prestatieafspraken.serialization import write_atomically


def add_report(commands: Any) -> None:
    """The command ``report``: the progress report as Markdown or HTML."""
    report = commands.add_parser("report", help="write the progress report: findings, progress tables, charts")
    add_input(report, many=False)
    report.add_argument("--as-of", type=date_argument, metavar="DATE", help="the report date (default: today)")
    report.add_argument("--format", choices=("markdown", "html"), default="markdown")
    add_options(report, lang="the report", audience=True, config=True, output=INSTEAD_OF_PRINTING)
    report.set_defaults(run=_report)


def _report(arguments: argparse.Namespace) -> int:
    from prestatieafspraken.report import render_report  # noqa: PLC0415 - start-up

    ((label, file),) = agreement_inputs(arguments, many=False)
    config = chosen_config(arguments)
    notice_beside([file], config)
    agreement = read_input(label, file)
    text = render_report(
        agreement,
        as_of=arguments.as_of,
        format=arguments.format,
        audience=arguments.audience,
        lang=arguments.lang,
        config=config,
    )
    if arguments.output is None:
        emit(text)
        return EXIT_OK
    try:
        write_atomically(arguments.output, safe_text(text).encode("utf-8"))
    except OSError as error:
        emit(f"{arguments.output}: cannot write the report: {error.strerror or error}", stream=sys.stderr)
        return EXIT_UNREADABLE
    return EXIT_OK
