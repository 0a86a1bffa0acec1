"""Every Python code block in the documentation and the README runs, so the docs cannot drift from the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from prestatieafspraken.testing import isolated_rules

ROOT = Path(__file__).parent.parent
PAGES = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def python_blocks(page: Path) -> list[str]:
    """The ```python blocks of a page, in order."""
    return BLOCK.findall(page.read_text(encoding="utf-8"))


PAGES_WITH_CODE = [page for page in PAGES if python_blocks(page)]
#: The pages whose examples need an optional extra (openpyxl): left out of CI's run without the extras.
NEEDS_EXTRAS = {"excel.md", "documents.md"}


@pytest.mark.parametrize(
    "page",
    [
        pytest.param(page, marks=pytest.mark.needs_extras if page.name in NEEDS_EXTRAS else (), id=page.name)
        for page in PAGES_WITH_CODE
    ],
)
def test_code_blocks_run(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The Python blocks of a page run in order, in one namespace, without an error.

    They run in a rule sandbox: rules a page registers (as "Write your own rule" does, the way a user would) are
    forgotten afterwards, so they never leak into other tests.
    """
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem.replace('-', '_')}"}
    with isolated_rules():
        for number, block in enumerate(python_blocks(page), start=1):
            code = compile(block, f"{page.name} block {number}", "exec")
            exec(code, namespace)  # noqa: S102 - running the documentation's own examples is the point
    capsys.readouterr()


def test_pages_with_code_are_found() -> None:
    """The block finder sees the README's example (so a broken pattern cannot make the test above vacuous)."""
    assert ROOT / "README.md" in PAGES_WITH_CODE
