"""The languages the library writes, at the bottom of the layers so the model can name them too."""

from __future__ import annotations

from typing import Final, Literal

__all__ = ["LANGUAGES", "Language"]

#: The languages the library writes: Dutch (the default everywhere) and English.
Language = Literal["nl", "en"]
LANGUAGES: Final[tuple[Language, ...]] = ("nl", "en")
