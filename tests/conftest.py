"""Fixtures shared by the tests: the rule sandbox of `prestatieafspraken.testing`, imported as users import it.

Also the optional extras: a test module that needs one (docx, excel, pandas; or selenium, which drives the browser
in the tests) says so with
``pytestmark = pytest.mark.needs_extras``. Where an extra is not installed, such a module is not even imported (its
imports would fail), and the header of the run says so; CI runs the other tests once without the extras.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from prestatieafspraken.testing import rule_registry  # noqa: F401 - a pytest fixture, found by its name

#: The packages the optional extras install (docx, excel, pandas), and selenium of the browser tests.
EXTRAS = ("docx", "openpyxl", "defusedxml", "pandas", "selenium")
_MISSING = [name for name in EXTRAS if importlib.util.find_spec(name) is None]
_MARKED = re.compile(r"^pytestmark\s*=.*\bneeds_extras\b", re.MULTILINE)


def pytest_ignore_collect(collection_path: Path) -> bool | None:
    """Without the optional extras, a module marked `needs_extras` is not collected (importing it would fail)."""
    if _MISSING and collection_path.suffix == ".py" and collection_path.name.startswith("test_"):
        return bool(_MARKED.search(collection_path.read_text(encoding="utf-8"))) or None
    return None


def pytest_report_header() -> str | None:
    """Say which extras are missing, and so which modules are left out."""
    if not _MISSING:
        return None
    return f"optional extras not installed ({', '.join(_MISSING)}): the modules marked needs_extras are not collected"
