"""Static checks of the types of the documents API with `assert_type`; mypy --strict checks them, pytest runs them."""

from __future__ import annotations

from pathlib import Path
from typing import assert_type

import pytest

import prestatieafspraken
from prestatieafspraken import examples
from prestatieafspraken.documents import Block, Document, DocumentFormat, format_of

pytestmark = pytest.mark.needs_extras  # python-docx


def test_document(tmp_path: Path) -> None:
    """`document` gives a `Document` of blocks; Markdown and HTML are text, Word and `render` are bytes."""
    built = prestatieafspraken.document(examples.load("lindeveen-2025-2028"), year=2026, lang="en", summary=True)
    assert_type(built, Document)
    assert_type(built.blocks, tuple[Block, ...])
    assert_type(built.to_markdown(), str)
    assert_type(built.to_html(), str)
    assert_type(built.to_docx(), bytes)
    assert_type(built.render("html"), bytes)
    assert_type(format_of(tmp_path / "a.docx"), DocumentFormat)
    assert_type(built.write(tmp_path / "a.md"), None)
    assert (tmp_path / "a.md").read_text(encoding="utf-8").startswith("# What was agreed for 2026?")
