"""PA0xx, integrity: references, duplicate ids, years, date order and values that make no sense (errors)."""

from __future__ import annotations
