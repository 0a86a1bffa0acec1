"""Versions of an agreement: what changed between two, since when, and whether it was agreed.

Agreements change during their term: a new jaarschijf every year, amendments ("samen kunnen bijsturen"), and a
concept, an onderhandelakkoord and a signed version on the way. `diff` compares two versions item by item and
field by field; `patch` applies a diff; `history` compiles a sequence of versions into the current agreement and
each item's changes, the way the Open Contracting Data Standard keeps a versioned record.
"""

from prestatieafspraken.versions._changes import Agreed, Change, ChangeKind, Diff
from prestatieafspraken.versions._diff import Version, diff, signing_parties
from prestatieafspraken.versions._history import History, ItemHistory, Revision, history
from prestatieafspraken.versions._patch import patch

__all__ = [
    "Agreed",
    "Change",
    "ChangeKind",
    "Diff",
    "History",
    "ItemHistory",
    "Revision",
    "Version",
    "diff",
    "history",
    "patch",
    "signing_parties",
]
