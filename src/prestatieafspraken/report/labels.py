"""Deprecated: the report's words live with the document's, in one place (`prestatieafspraken.documents._words`).

Kept so that code importing ``label``, ``number``, ``capital`` or ``sentence`` from here keeps working.
"""

from __future__ import annotations

from prestatieafspraken.documents._words import capital, label
from prestatieafspraken.documents._words import rounded as number
from prestatieafspraken.documents._words import says as sentence
from prestatieafspraken.vocabulary import Language

__all__ = ["Language", "capital", "label", "number", "sentence"]
