"""The generated parts of the docs are committed, and match what the code generates now."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest


def _generator() -> ModuleType:
    path = Path(__file__).parent.parent / "docs" / "generate.py"
    spec = importlib.util.spec_from_file_location("docs_generate", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["docs_generate"] = module
    spec.loader.exec_module(module)
    return module


GENERATE = _generator()


@pytest.mark.parametrize("name", sorted(GENERATE.PARTS))
def test_committed_part_is_current(name: str) -> None:
    """A stale generated part fails: run `python docs/generate.py` and commit the pages."""
    assert GENERATE.committed(name) == GENERATE.generated(name), f"docs part {name!r} is stale"


def test_an_unknown_part_is_refused() -> None:
    """Asking for a part that no page holds is an error, not an empty page."""
    with pytest.raises(KeyError, match="nothing"):
        GENERATE.committed("nothing")
