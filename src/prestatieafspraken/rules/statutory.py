"""PA4xx, the statutory cycle of local agreements (Woningwet art. 44, BTIV): bid, signing, dispute, evaluation.

These rules apply to ``scope: local`` only (DESIGN §4).
"""

from __future__ import annotations
