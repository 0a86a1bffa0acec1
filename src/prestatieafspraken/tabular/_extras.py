"""Optional dependencies: import them where they are used, or say which extra installs them."""

from __future__ import annotations

import importlib
from types import ModuleType

from prestatieafspraken.errors import MissingExtraError

__all__ = ["EXTRAS", "require"]

#: The pip extra that installs each optional module, and what it is needed for.
EXTRAS: dict[str, tuple[str, str]] = {
    "openpyxl": ("excel", "Excel workbooks"),
    "pandas": ("pandas", "DataFrames"),
}


def require(module: str) -> ModuleType:
    """Import an optional module, or raise `MissingExtraError` naming the extra that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        extra, purpose = EXTRAS[module]
        raise MissingExtraError(
            f"{purpose} need {module}, which is not installed: "
            f'pip install "prestatieafspraken[{extra}]" (or pip install {module})'
        ) from None
