"""Optional dependencies: import them where they are used, or say which extra installs them."""

from __future__ import annotations

import importlib
from types import ModuleType

from prestatieafspraken._problem_words import Said
from prestatieafspraken.errors import MissingExtraError

__all__ = ["EXTRAS", "require"]

#: The pip extra that installs each optional module, and what it is needed for (a kind of `_problem_words`).
EXTRAS: dict[str, tuple[str, str]] = {
    "openpyxl": ("excel", "extra_excel"),
    "pandas": ("pandas", "extra_pandas"),
}


def require(module: str) -> ModuleType:
    """Import an optional module, or raise `MissingExtraError` naming the extra that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        extra, purpose = EXTRAS[module]
        raise MissingExtraError.of("missing_extra", purpose=Said.of(purpose), module=module, extra=extra) from None
