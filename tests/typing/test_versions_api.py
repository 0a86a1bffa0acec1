"""Static checks of the types of the versions API with `assert_type`; mypy --strict checks them, pytest runs them."""

from __future__ import annotations

from typing import assert_type

import prestatieafspraken
from prestatieafspraken import examples
from prestatieafspraken.versions import Agreed, Change, ChangeKind, Diff, History, ItemHistory, patch


def test_diff_patch_history() -> None:
    """`diff` gives a `Diff` of `Change`s, `patch` an `Agreement`, `history` a `History` of `ItemHistory`s."""
    agreement = examples.load("lindeveen-2025-2028")
    found = prestatieafspraken.diff(agreement, agreement)
    assert_type(found, Diff)
    assert_type(found.changes, tuple[Change, ...])
    assert_type(found.unamended, tuple[Change, ...])
    assert_type(found.counts(), dict[str, int])
    assert_type(patch(agreement, found), prestatieafspraken.Agreement)
    compiled = prestatieafspraken.history([agreement, agreement])
    assert_type(compiled, History)
    assert_type(compiled.items, tuple[ItemHistory, ...])
    assert_type(compiled.of("commitment", "c-2025-new-build"), ItemHistory | None)
    kinds: list[ChangeKind] = [change.kind for change in found]
    agreed: list[Agreed | None] = [change.agreed for change in found]
    assert not found
    assert not kinds
    assert not agreed
    assert compiled.items == ()
