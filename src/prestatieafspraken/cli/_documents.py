"""The command ``document``: the agreement, a jaarschijf or the tenants' summary as a document."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from prestatieafspraken.cli._common import (
    EXIT_OK,
    EXIT_UNREADABLE,
    INSTEAD_OF_PRINTING,
    UsageError,
    add_input,
    add_options,
    agreement_inputs,
    emit,
    read_input,
)
from prestatieafspraken.serialization import write_atomically


def add_document(commands: Any) -> None:
    """The command ``document``: the agreement, a jaarschijf or the tenants' summary as Markdown, HTML or Word."""
    document = commands.add_parser(
        "document", help="write the agreement (or the jaarschijf of a year) as a document: markdown, html or docx"
    )
    add_input(document, many=False)
    document.add_argument("--year", type=int, metavar="Y", help="only the jaarschijf of year Y")
    document.add_argument(
        "--format",
        choices=("markdown", "html", "docx"),
        help="default: from the suffix of --output (.md, .html, .docx), else markdown",
    )
    document.add_argument(
        "--summary", action="store_true", help="the one-page summary for tenants' members (plain Dutch, B1)"
    )
    document.add_argument(
        "--template", type=Path, metavar="HOUSE.docx", help="with docx: use the styles of this Word file or template"
    )
    add_options(document, lang="the document", audience=True, output=INSTEAD_OF_PRINTING)
    document.set_defaults(run=_document)


def _document(arguments: argparse.Namespace) -> int:
    """Print the document, or write it to --output; a Word file is never printed to the terminal."""
    from prestatieafspraken.documents import document, format_of  # noqa: PLC0415 - start-up

    output: Path | None = arguments.output
    chosen = arguments.format or (format_of(output) if output is not None else "markdown")
    if chosen == "docx" and output is None:
        raise UsageError("a Word document is a file: give --output FILE.docx")
    if arguments.template is not None and chosen != "docx":
        raise UsageError(f"--template is a Word file and goes with --format docx, not {chosen}")
    ((label, file),) = agreement_inputs(arguments, many=False)
    agreement = read_input(label, file)
    built = document(
        agreement, year=arguments.year, audience=arguments.audience, lang=arguments.lang, summary=arguments.summary
    )
    payload = built.render(chosen, template=arguments.template)
    if output is None:
        emit(payload.decode("utf-8"))
        return EXIT_OK
    try:
        write_atomically(output, payload)
    except OSError as error:
        emit(f"{output}: cannot write the document: {error.strerror or error}", stream=sys.stderr)
        return EXIT_UNREADABLE
    return EXIT_OK
