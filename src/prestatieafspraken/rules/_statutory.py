"""What the rules of the statutory cycle share: who bids, the scope they bind, a cycle's deadline, a note on for_year.

PA401-PA406 (`prestatieafspraken.rules.statutory`) and PA407-PA409 (`prestatieafspraken.rules.bids`) read these.
"""

from __future__ import annotations

from collections.abc import Callable

import pendulum

from prestatieafspraken.errors import CycleError
from prestatieafspraken.model import PartyKind, Scope
from prestatieafspraken.vocabulary import Language

__all__ = ["BIDDERS", "LOCAL", "deadline_of", "read_from_date"]

#: Party kinds whose bid is "a housing corporation's bid": the corporation itself, or an alliance of corporations
#: bidding for its members (such as the AFWC in Amsterdam).
BIDDERS = frozenset({PartyKind.HOUSING_CORPORATION, PartyKind.CORPORATION_ALLIANCE})

#: The statutory cycle binds local agreements only.
LOCAL = frozenset({Scope.LOCAL})


def deadline_of(deadline: Callable[[int], pendulum.Date], year: int) -> pendulum.Date | None:
    """The deadline of cycle *year*, or None for a year whose deadline is outside the calendar (nothing to judge)."""
    try:
        return deadline(year)
    except CycleError:
        return None


def read_from_date(what: str, lang: Language, *, explicit: bool) -> str:
    """A note for a message about a cycle read from a date: how to name another one with ``for_year``."""
    if explicit:
        return ""
    if lang == "en":
        return f" The year follows from the date of {what}: if it is for another year, say so with for_year."
    return f" Het jaar volgt uit de datum van {what}: is het voor een ander jaar, geef dat dan aan met for_year."
