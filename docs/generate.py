"""Write the generated parts of the docs into the pages, so the pages read right on the repository host too.

A generated part stands between ``<!-- generated: NAME ... -->`` and ``<!-- end: NAME -->``; the test suite fails
when a committed part differs from what the code generates now (tests/test_generated_docs.py). Run
``python docs/generate.py`` after changing a rule, a label of the vocabulary or a standard theme.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from prestatieafspraken.model import STANDARD_THEMES
from prestatieafspraken.rules.catalogue import catalogue_markdown
from prestatieafspraken.vocabulary import format_words_markdown

DOCS = Path(__file__).parent


def _themes_and_format_words() -> str:
    lines = ["### Standard themes", ""]
    lines += [
        (
            "A commitment, target or assignment may name these theme ids without declaring them; their labels in "
            "both languages ship with the library."
        ),
        "",
        "| id | Dutch | English |",
        "|---|---|---|",
    ]
    lines += [f"| `{theme_id}` | {label.nl} | {label.en} |" for theme_id, label in STANDARD_THEMES.items()]
    return "\n".join(lines) + "\n\n" + format_words_markdown()


#: Each generated part: the page, and the function that writes it.
PARTS: dict[str, tuple[str, Callable[[], str]]] = {
    "format-words": ("glossary.md", _themes_and_format_words),
    "rule-catalogue": ("rules.md", catalogue_markdown),
}


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(<!-- generated: {name}\b[^>]*-->\n)(.*?)(<!-- end: {name} -->)", re.DOTALL)


def committed(name: str) -> str:
    """The part *name* as it stands in its page now."""
    page, _ = PARTS[name]
    found = _pattern(name).search((DOCS / page).read_text(encoding="utf-8"))
    if found is None:
        msg = f"docs/{page} has no generated part {name!r}"
        raise LookupError(msg)
    return found.group(2)


def generated(name: str) -> str:
    """The part *name* as the code generates it now."""
    _, make = PARTS[name]
    return make().rstrip("\n") + "\n"


def write() -> None:
    """Write every generated part into its page."""
    for name, (page, _) in PARTS.items():
        path = DOCS / page
        text = path.read_text(encoding="utf-8")
        found = _pattern(name).search(text)
        if found is None:
            msg = f"docs/{page} has no generated part {name!r}"
            raise LookupError(msg)
        new = text[: found.start(2)] + generated(name) + text[found.end(2) :]
        path.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    write()
