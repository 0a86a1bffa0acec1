"""MkDocs hooks: pages generated from the code, so they cannot drift from it.

- ``<!-- changelog -->`` becomes CHANGELOG.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

_ROOT = Path(__file__).parent.parent


def on_page_markdown(markdown: str, **_kwargs: Any) -> str:
    """Fill the generated parts of a page."""
    if "<!-- changelog -->" in markdown:
        changelog = (_ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
        markdown = markdown.replace("<!-- changelog -->", changelog.split("\n", 1)[1])
    return markdown
