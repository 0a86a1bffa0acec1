"""Deprecated: the report and the document name things in one place, `prestatieafspraken.documents._names`."""

from __future__ import annotations

from prestatieafspraken.documents._names import Names

__all__ = ["Names"]
