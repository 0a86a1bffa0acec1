"""The commands for versions of an agreement: ``diff`` and ``history``."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from prestatieafspraken.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNREADABLE,
    add_options,
    emit,
    emit_error,
)
from prestatieafspraken.errors import LoadError, UnknownNameError
from prestatieafspraken.model import Agreement
from prestatieafspraken.serialization import load
from prestatieafspraken.views import view_for


def add_versions(commands: Any) -> None:
    """The commands for versions of an agreement: ``diff`` and ``history``."""
    compare = commands.add_parser(
        "diff", help="what changed between two versions; exit 0 when the same, 1 when they differ"
    )
    compare.add_argument("old", type=Path, metavar="OLD", help="the older version, YAML or JSON")
    compare.add_argument("new", type=Path, metavar="NEW", help="the newer version, YAML or JSON")
    compare.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    add_options(compare, lang="the output", audience=True)
    compare.set_defaults(run=_diff)

    versions = commands.add_parser("history", help="the current agreement and each item's changes over versions")
    versions.add_argument("files", nargs="+", type=Path, metavar="FILE", help="the versions, oldest first")
    versions.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    add_options(versions, lang="the output", audience=True)
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
            emit_error(error)
        except UnknownNameError as error:
            emit_error(error, label=str(file))
    return versions if len(versions) == len(files) else None


def _diff(arguments: argparse.Namespace) -> int:
    """Print what changed; exit 0 when the versions are the same agreement, 1 when they differ."""
    from prestatieafspraken.report.changes import render_diff  # noqa: PLC0415 - start-up
    from prestatieafspraken.versions import diff  # noqa: PLC0415

    versions = _versions([arguments.old, arguments.new], arguments.audience)
    if versions is None:
        return EXIT_UNREADABLE
    found = diff(*versions)
    emit(
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
    emit(render_history(found, format=arguments.format, lang=arguments.lang))
    return EXIT_OK
