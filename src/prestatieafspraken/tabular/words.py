"""The words of the realisations template and of the rows: what a figure is about, its status, its visibility.

Each vocabulary maps the format's (English) word to the Dutch word; reading accepts either, in any case.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["KIND_WORDS", "STATUS_WORDS", "VISIBILITY_WORDS", "parse_word", "word"]

#: What a figure is about: a commitment (afspraak), a target (doel) or an indicator.
KIND_WORDS: Mapping[str, str] = MappingProxyType({"commitment": "afspraak", "target": "doel", "indicator": "indicator"})

#: A figure's approval, as in `prestatieafspraken.model.lifecycle`: concept, ingediend, goedgekeurd.
STATUS_WORDS: Mapping[str, str] = MappingProxyType(
    {"draft": "concept", "submitted": "ingediend", "approved": "goedgekeurd"}
)

#: Who may see a figure (DESIGN §3, hybrid monitoring): openbaar, partijen, beperkt.
VISIBILITY_WORDS: Mapping[str, str] = MappingProxyType(
    {"public": "openbaar", "parties": "partijen", "restricted": "beperkt"}
)


def word(value: str, words: Mapping[str, str], lang: str) -> str:
    """The word for the format's *value* in *lang*: Dutch for ``"nl"``, else the format's own."""
    return words[value] if lang == "nl" else value


def parse_word(text: str, words: Mapping[str, str]) -> str | None:
    """The format's word for *text*, given in Dutch or as the format's word, in any case; ``None`` if unknown."""
    wanted = text.strip().casefold()
    for value, dutch in words.items():
        if wanted in (value.casefold(), dutch.casefold()):
            return value
    return None
