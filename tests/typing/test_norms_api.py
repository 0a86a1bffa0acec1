"""Static checks of the types of `prestatieafspraken.norms` with `assert_type`; mypy --strict checks them."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import assert_type

from prestatieafspraken import norms
from prestatieafspraken.errors import UnknownNormError


def test_lookups() -> None:
    """Values are Decimals, sources are `Source`s, a norm is a `Norm` with typed parts."""
    assert_type(norms.names(), tuple[str, ...])
    assert_type(norms.value("social-rent-limit", 2026), Decimal)
    assert_type(norms.source("social-rent-limit", 2026), norms.Source)
    assert_type(norms.sources("social-rent-limit", 2026), tuple[norms.Source, ...])
    assert_type(norms.series("social-rent-limit"), Mapping[int, Decimal])
    assert_type(norms.beyond("social-rent-limit", 2026, 950), bool)
    norm = assert_type(norms.get("social-rent-limit"), norms.Norm)
    assert_type(norm.unit, norms.Unit)
    assert_type(norm.kind, norms.Kind)
    assert_type(norm.bound, norms.Bound)
    assert_type(norm.at(2026), norms.NormValue)
    assert_type(norm.note("en"), str | None)
    assert norms.UnknownNormError is UnknownNormError
