"""Model, check and steer multi-party performance agreements (meerpartijen prestatieafspraken)."""

from importlib.metadata import version as _version

from prestatieafspraken.errors import LoadError, PrestatieafsprakenError
from prestatieafspraken.model import Agreement, Commitment, Mandate, Party, Target
from prestatieafspraken.serialization import dump, dumps, load, loads

__version__ = _version("prestatieafspraken")

__all__ = [
    "Agreement",
    "Commitment",
    "LoadError",
    "Mandate",
    "Party",
    "PrestatieafsprakenError",
    "Target",
    "__version__",
    "dump",
    "dumps",
    "load",
    "loads",
]
