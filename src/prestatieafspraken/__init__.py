"""Model, check and steer multi-party performance agreements (meerpartijen prestatieafspraken).

The graph functions import networkx, which is slow to import: `responsibility_graph` is loaded on first use.
"""

from importlib.metadata import version as _version
from typing import TYPE_CHECKING, Any

from prestatieafspraken import examples, norms
from prestatieafspraken._progress import progress
from prestatieafspraken.allocation import allocate
from prestatieafspraken.bids import bid_gap
from prestatieafspraken.cycles import jaarschijf
from prestatieafspraken.documents import document
from prestatieafspraken.errors import ConfigError, LoadError, PrestatieafsprakenError, RuleRegistrationError
from prestatieafspraken.model import Agreement, Commitment, Mandate, Party, Target
from prestatieafspraken.planning import plan_backwards
from prestatieafspraken.rules import CheckConfig, Finding, Report, Severity, check
from prestatieafspraken.serialization import dump, dumps, load, loads
from prestatieafspraken.versions import diff, history
from prestatieafspraken.views import view_for

if TYPE_CHECKING:
    from prestatieafspraken.graph import responsibility_graph

__version__ = _version("prestatieafspraken")

__all__ = [
    "Agreement",
    "CheckConfig",
    "Commitment",
    "ConfigError",
    "Finding",
    "LoadError",
    "Mandate",
    "Party",
    "PrestatieafsprakenError",
    "Report",
    "RuleRegistrationError",
    "Severity",
    "Target",
    "__version__",
    "allocate",
    "bid_gap",
    "check",
    "diff",
    "document",
    "dump",
    "dumps",
    "examples",
    "history",
    "jaarschijf",
    "load",
    "loads",
    "norms",
    "plan_backwards",
    "progress",
    "responsibility_graph",
    "view_for",
]

_LAZY = {"responsibility_graph": "prestatieafspraken.graph"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module  # noqa: PLC0415

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'prestatieafspraken' has no attribute {name!r}")
