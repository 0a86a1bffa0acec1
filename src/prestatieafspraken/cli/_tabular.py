"""The commands for spreadsheets: ``export`` and ``import-realisations``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from prestatieafspraken.cli._common import (
    EXIT_OK,
    EXIT_UNREADABLE,
    UsageError,
    add_input,
    add_options,
    agreement_inputs,
    emit,
    positive,
    read_input,
)
from prestatieafspraken.model import Agreement
from prestatieafspraken.serialization import load
from prestatieafspraken.views import view_for


def add_tabular(commands: Any) -> None:
    """The commands for spreadsheets: ``export`` and ``import-realisations``."""
    export = commands.add_parser("export", help="write an agreement as an Excel workbook, or a realisations template")
    add_input(export, many=False)
    export.add_argument("--to", choices=("xlsx", "csv"), required=True, help="xlsx; csv only with --template")
    export.add_argument(
        "--template", type=int, metavar="YEAR", help="write the realisations template of YEAR to fill in"
    )
    add_options(
        export,
        lang="the template",
        audience=True,
        output="the file to write, atomically (default: named after the input, never over an existing file)",
    )
    export.set_defaults(run=_export)

    merge = commands.add_parser(
        "import-realisations", help="merge the figures of a filled-in realisations workbook or CSV file"
    )
    merge.add_argument("file", type=Path, metavar="FILE", help="agreement file, YAML or JSON")
    merge.add_argument("book", type=Path, metavar="BOOK.xlsx|FILE.csv", help="the filled-in realisations")
    add_options(
        merge,
        lang="the error messages",
        output="write the merged agreement to this .yaml/.json file, atomically (default: print it)",
    )
    for name, default, what in (
        ("bytes", "268435456", "bytes the file may expand to (a workbook once decompressed)"),
        ("rows", "100000", "rows the file may have"),
        ("problems", "100", "problems listed in an error (the rest are counted)"),
    ):
        merge.add_argument(f"--max-{name}", type=positive, metavar="N", help=f"the {what}; default {default}")
    merge.set_defaults(run=_import_realisations)


def _export(arguments: argparse.Namespace) -> int:
    """Write the agreement as a workbook, or the realisations template of a year (never over a file by default)."""
    from prestatieafspraken.tabular import realisations_template, write_workbook  # noqa: PLC0415 - start-up

    ((label, file),) = agreement_inputs(arguments, many=False)
    if arguments.to == "csv" and arguments.template is None:
        raise UsageError("--to csv writes a realisations template only: add --template YEAR")
    agreement = read_input(label, file)
    if arguments.audience is not None and arguments.template is None:
        agreement = view_for(agreement, arguments.audience).agreement  # nothing the audience may not see
    stem = file.stem if file is not None else label.removeprefix("example:")
    output: Path | None = arguments.output
    if output is None:
        if arguments.template is not None:
            stem = f"{stem}-{'realisaties' if arguments.lang == 'nl' else 'realisations'}-{arguments.template}"
        output = (file.parent if file is not None else Path.cwd()) / f"{stem}.{arguments.to}"
        if output.exists():
            raise UsageError(f"{output} exists already; give --output {output} to write over it")
    try:
        if arguments.template is None:
            write_workbook(agreement, output)
        else:
            realisations_template(
                agreement, arguments.template, path=output, lang=arguments.lang, audience=arguments.audience
            )
    except OSError as error:
        emit(f"{output}: cannot write the file: {error.strerror or error}", stream=sys.stderr)
        return EXIT_UNREADABLE
    emit(f"wrote {output}", stream=sys.stderr)
    return EXIT_OK


def _import_realisations(arguments: argparse.Namespace) -> int:
    """Merge a filled-in realisations workbook or CSV file; print the agreement, or write it to --output.

    Writing to --output holds the lock of that file from reading the agreement to writing it, so two merges into
    one file take turns and neither loses a figure; a file that another program changed meanwhile is not written.
    """
    from prestatieafspraken.tabular.files import locked  # noqa: PLC0415

    output: Path | None = arguments.output
    if output is not None and output.suffix.lower() not in (".yaml", ".yml", ".json"):
        raise UsageError(f"cannot tell the format of --output {output}: use .yaml, .yml or .json")
    if output is None:
        return _merge_realisations(arguments, None)
    with locked(output):
        return _merge_realisations(arguments, output)


def _merge_realisations(arguments: argparse.Namespace, output: Path | None) -> int:
    from prestatieafspraken.serialization import dumps  # noqa: PLC0415
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
    emit(f"{book}: {added} figure(s) added, {moved} status(es) moved", stream=sys.stderr)
    if output is None:
        emit(dumps(merged, format="json" if arguments.file.suffix.lower() == ".json" else "yaml"))
        return EXIT_OK
    if fingerprint(output) != read:
        raise UsageError(f"{output} changed while the figures were merged: nothing is written; run the merge again")
    try:
        _write_merged(arguments.file, output, agreement, merged)
    except OSError as error:
        emit(f"{output}: cannot write the agreement: {error.strerror or error}", stream=sys.stderr)
        return EXIT_UNREADABLE
    return EXIT_OK


def _write_merged(file: Path, output: Path, agreement: Agreement, merged: Agreement) -> None:
    """Write *merged* to *output*: into the YAML text of *file* when both are YAML, keeping its comments."""
    from prestatieafspraken.serialization import dump, write_atomically  # noqa: PLC0415
    from prestatieafspraken.serialization._editing import merged_yaml  # noqa: PLC0415

    yaml_suffixes = (".yaml", ".yml")
    if file.suffix.lower() in yaml_suffixes and output.suffix.lower() in yaml_suffixes:
        text = merged_yaml(file.read_text(encoding="utf-8-sig"), agreement, merged)
        if text is not None:
            write_atomically(output, text.encode("utf-8"))
            return
    dump(merged, output)
