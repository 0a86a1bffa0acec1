"""What the commands share: the arguments every command takes, reading the inputs, printing, exit statuses."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from prestatieafspraken import examples
from prestatieafspraken._language import LANGUAGES, Language
from prestatieafspraken._terminal import safe_text
from prestatieafspraken.errors import PrestatieafsprakenError
from prestatieafspraken.model import Agreement
from prestatieafspraken.serialization import load

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from prestatieafspraken.rules import CheckConfig

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2


def date_argument(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return int(text)


def add_input(parser: argparse.ArgumentParser, *, many: bool) -> None:
    parser.add_argument(
        "files",
        nargs="*" if many else "?",
        type=Path,
        metavar="FILE",
        help="agreement file(s), YAML or JSON" if many else "agreement file, YAML or JSON",
    )
    parser.add_argument("--example", metavar="NAME", help="use a shipped example instead of a file")


#: The help of ``--output`` for a command that prints what it writes unless told otherwise.
INSTEAD_OF_PRINTING = "write to this file (atomically) instead of printing"


def add_options(
    parser: argparse.ArgumentParser,
    *,
    lang: str | bool = False,
    audience: bool = False,
    config: bool = False,
    output: str | None = None,
) -> None:
    """Declare the options the commands share, each worded here once, in this order.

    Args:
        parser: The command's parser.
        lang: ``--lang nl|en`` (default ``nl``): a string names what is written in that language ("the report"),
            ``True`` declares the option without a help text.
        audience: ``--audience public|PARTY``: only what that audience may see (docs/views.md).
        config: ``--config PATH`` and ``--no-config``: which configuration the rules run with (docs/security.md).
        output: ``--output PATH``, with this help text (`INSTEAD_OF_PRINTING` for most commands).
    """
    if lang is not False:
        help_text = f"language of {lang}" if isinstance(lang, str) else None
        parser.add_argument("--lang", choices=LANGUAGES, default="nl", help=help_text)
    if audience:
        parser.add_argument(
            "--audience",
            metavar="public|PARTY",
            help="show only what this audience may see: 'public' or a party id (values it may not see are withheld)",
        )
    if config:
        chosen = parser.add_mutually_exclusive_group()
        chosen.add_argument(
            "--config",
            type=Path,
            metavar="PATH",
            help="the configuration to apply: a prestatieafspraken.toml or pyproject.toml (default: the project's, "
            "found from the current folder up; never one next to a checked file)",
        )
        chosen.add_argument("--no-config", action="store_true", help="apply no configuration file at all")
    if output is not None:
        parser.add_argument("--output", type=Path, metavar="PATH", help=output)


class Parser(argparse.ArgumentParser):
    """argparse, whose messages (usage, errors quoting an argument, help) pass `safe_text` too."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        super()._print_message(safe_text(message), file)


def emit(text: str, *, stream: TextIO | None = None) -> None:
    """Write *text* and a line end; every control character from a file is shown as an escape (`safe_text`)."""
    target = stream or sys.stdout
    target.write(safe_text(text if text.endswith("\n") else text + "\n"))


#: The language errors are printed in: the command's ``--lang`` (`errors_follow`); English for a command without.
_ERROR_LANGUAGE: ContextVar[Language] = ContextVar("error_language", default="en")


def errors_follow(arguments: argparse.Namespace) -> None:
    """Print the errors of this run in the language of its ``--lang`` (a command without one: English)."""
    lang = getattr(arguments, "lang", "en")
    _ERROR_LANGUAGE.set(lang if lang in LANGUAGES else "en")


def emit_error(error: PrestatieafsprakenError, *, label: str | None = None) -> None:
    """Print *error* on standard error in the language of ``--lang``: every problem on a line, with its place."""
    text = error.describe(_ERROR_LANGUAGE.get())
    emit(f"{label}: {text}" if label else text, stream=sys.stderr)


class UsageError(PrestatieafsprakenError, ValueError):
    """The command line itself is wrong."""


def agreement_inputs(arguments: argparse.Namespace, *, many: bool) -> list[tuple[str, Path | None]]:
    """The inputs as (label, file) pairs; an example has no file."""
    files: list[Path] = list(arguments.files) if many else [f for f in [arguments.files] if f is not None]
    if arguments.example and files:
        raise UsageError("give either files or --example, not both")
    if arguments.example:
        examples.text(arguments.example)  # an unknown name fails here, listing the known ones
        return [(f"example:{arguments.example}", None)]
    if not files:
        raise UsageError("give a FILE or --example NAME (`prestatieafspraken examples` lists the examples)")
    return [(str(file), file) for file in files]


def chosen_config(arguments: argparse.Namespace) -> CheckConfig:
    """The configuration the user chose: ``--config``, else the project's found from the current folder up.

    Never one that merely lies next to a data file: that one is named in a notice (`notice_beside`) instead.
    """
    from prestatieafspraken.rules import CheckConfig, discover_config, read_config  # noqa: PLC0415 - start-up

    if arguments.no_config:
        return CheckConfig()
    if arguments.config is not None:
        return read_config(arguments.config, required=True) or CheckConfig()
    found = discover_config(Path.cwd())
    if found is None:
        return CheckConfig()
    return read_config(shown_path(found)) or CheckConfig()


def shown_path(path: Path) -> Path:
    """*path* relative to the current folder when it lies in it or above it (as the report names it)."""
    try:
        return Path(os.path.relpath(path))
    except ValueError:  # pragma: no cover - another drive on Windows
        return path


def notice_beside(files: Sequence[Path | None], config: CheckConfig) -> None:
    """Say once per folder that a configuration next to a checked file is not applied, and how to apply it."""
    from prestatieafspraken.rules.config import config_beside  # noqa: PLC0415 - start-up

    applied = config.source.resolve() if config.source is not None else None
    seen: set[Path] = set()
    for file in files:
        beside = config_beside(file) if file is not None else None
        if beside is None or beside.resolve() == applied or beside.resolve() in seen:
            continue
        seen.add(beside.resolve())
        emit(
            f"note: {beside} is not applied: a configuration next to a data file is never read by itself (it could "
            f"run code or switch checks off); to apply it, give --config {beside}",
            stream=sys.stderr,
        )


def read_input(label: str, file: Path | None) -> Agreement:
    if file is None:
        return examples.load(label.removeprefix("example:"))
    return load(file)
