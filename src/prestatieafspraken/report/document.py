"""Deprecated: the report is built of the one block model of `prestatieafspraken.documents`.

Kept so that code importing the blocks from here keeps working; the field ``code`` of a table is now ``reference``.
"""

from __future__ import annotations

from prestatieafspraken.documents._blocks import (
    Block,
    Cell,
    Colour,
    Heading,
    Light,
    Paragraph,
    Picture,
    Section,
    Table,
    plain,
)

__all__ = ["Block", "Cell", "Colour", "Heading", "Light", "Paragraph", "Picture", "Section", "Table", "plain"]
