"""The example agreements shipped with the library, by name.

``prestatieafspraken examples`` lists them; every command takes ``--example NAME`` instead of a file.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

from prestatieafspraken.errors import UnknownExampleError, UnknownNameError
from prestatieafspraken.model import Agreement
from prestatieafspraken.serialization import loads

__all__ = ["UnknownExampleError", "UnknownNameError", "load", "names", "text"]

_SUFFIX = ".yaml"


def _files() -> dict[str, Traversable]:
    folder = resources.files(__name__)
    return {
        entry.name.removesuffix(_SUFFIX): entry
        for entry in folder.iterdir()
        if entry.is_file() and entry.name.endswith(_SUFFIX)
    }


def names() -> tuple[str, ...]:
    """The names of the shipped examples, sorted."""
    return tuple(sorted(_files()))


def text(name: str) -> str:
    """The YAML text of an example, with its comments.

    Raises:
        UnknownNameError: There is no example of that name (kind ``"example"``); the message lists the names there
            are.
    """
    found = _files().get(name)
    if found is None:
        raise UnknownNameError("example", name, names(), advice="use one of the shipped examples")
    return found.read_text(encoding="utf-8")


def load(name: str) -> Agreement:
    """The agreement of a shipped example."""
    return loads(text(name))
