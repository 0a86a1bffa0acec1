"""MkDocs hooks: pages generated from the code, so they cannot drift from it.

- ``<!-- rule-catalogue -->`` becomes the rule catalogue, from the rule registry.
- ``<!-- changelog -->`` becomes CHANGELOG.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prestatieafspraken.rules.catalogue import catalogue_markdown

_ROOT = Path(__file__).parent.parent


def on_page_markdown(markdown: str, **_kwargs: Any) -> str:
    """Fill the generated parts of a page."""
    if "<!-- rule-catalogue -->" in markdown:
        markdown = markdown.replace("<!-- rule-catalogue -->", catalogue_markdown())
    if "<!-- changelog -->" in markdown:
        changelog = (_ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
        markdown = markdown.replace("<!-- changelog -->", changelog.split("\n", 1)[1])
    return markdown
