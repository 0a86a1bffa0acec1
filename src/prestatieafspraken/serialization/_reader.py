"""Building an agreement from plain data, fast, and explaining in full when that fails.

Loading has a fast path: the document is structured by a converter without detailed validation, which shares
repeated ids (`._interning`), with the garbage collector paused. Only when that fails is the same document
structured again by the detailed converter, to explain every problem with its ``$.path`` in one `LoadError`.
"""

from __future__ import annotations

from typing import Any

from prestatieafspraken import _collector
from prestatieafspraken.errors import LoadError, Problem
from prestatieafspraken.model import Agreement
from prestatieafspraken.serialization._converter import build_converter
from prestatieafspraken.serialization._explain import explain, version_problem
from prestatieafspraken.serialization._interning import Interning

__all__ = ["READER", "AgreementReader", "structure", "unstructure"]


class AgreementReader:
    """The fast and the detailed converter of agreements, and the tables they share values through.

    Attributes:
        interning: The tables of shared values; emptied of ids and whole numbers after each document.
    """

    def __init__(self) -> None:
        """Build both converters around one new `Interning`."""
        self.interning = Interning()
        self._fast = build_converter(self.interning, detailed=False, shared=True)
        self._detailed = build_converter(self.interning, detailed=True, shared=False)

    def structure(self, data: Any, *, source: str | None = None) -> Agreement:
        """Build an agreement from plain data (as parsed from YAML or JSON), or raise `LoadError`."""
        if type(data) is not dict:
            raise LoadError([Problem.of("top_not_mapping", "$", got=data)], source=source)
        problem = version_problem(data)
        if problem is not None:
            raise LoadError([problem], source=source)
        try:
            with _collector.paused(), self.interning.one_load():
                agreement: Agreement = self._fast.structure(data, Agreement)
        except Exception:  # noqa: BLE001, S110 - any failure is explained by the detailed converter below
            pass
        else:
            return agreement
        with self.interning.one_load():
            problems = self._problems(data)
        if not problems:  # pragma: no cover - the two converters agree; this keeps a disagreement from passing
            problems = [Problem.of("unreadable", "$")]
        raise LoadError(problems, source=source)

    def _problems(self, data: Any) -> list[Problem]:
        try:
            self._detailed.structure(data, Agreement)
        except Exception as error:  # noqa: BLE001 - the error is what we explain
            return list(explain(error, "$", Agreement))
        return []

    def unstructure(self, agreement: Agreement) -> dict[str, Any]:
        """Return the plain data of file format v1 for *agreement*."""
        data: dict[str, Any] = self._fast.unstructure(agreement, Agreement)
        return data


#: The reader of `structure` and `unstructure`, built once: building the converters' hooks takes a while.
READER = AgreementReader()


def structure(data: Any, *, source: str | None = None) -> Agreement:
    """Build an agreement from plain data (as parsed from YAML or JSON), or raise `LoadError`."""
    return READER.structure(data, source=source)


def unstructure(agreement: Agreement) -> dict[str, Any]:
    """Return the plain data of file format v1 for *agreement*."""
    return READER.unstructure(agreement)
