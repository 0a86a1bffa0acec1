"""Hybrid monitoring (``monitoring.hybrid: true``): for the public, the parties' own figures are the parties'.

Handbook, "Sturing op realisatie", Monitoring en verantwoording: "Bij gevoelige informatie is een hybride vorm ook
mogelijk: er worden collectieve afspraken gemaakt, maar andere partijen kunnen achter de schermen meekijken hoe
de voortgang loopt." In a hybrid agreement a figure of a party (a realisation with a ``party``, or of a commitment
with executors) is seen by the parties only, whatever its own ``visibility``: the public view leaves it out and
gives the collective totals instead (`prestatieafspraken.views`). A figure without a party is collective already
and stays public. Without ``hybrid`` (or with ``hybrid: false``) nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from prestatieafspraken.model import Agreement, Realisation, Visibility

#: Why the public view leaves out a public figure of a party in a hybrid agreement (Dutch, English).
WHY = (
    "hybride monitoring: de cijfers per partij zijn voor de partijen; openbaar zijn de collectieve totalen",
    "hybrid monitoring: the figures per party are for the parties; the collective totals are public",
)


def is_hybrid(agreement: Agreement) -> bool:
    """Whether the agreement's monitoring is hybrid (``monitoring.hybrid: true``)."""
    return agreement.monitoring is not None and agreement.monitoring.hybrid


def judged(agreement: Agreement, owners: Callable[[Realisation], tuple[str, ...]]) -> tuple[Agreement, frozenset[int]]:
    """The agreement as the views judge it, and the positions of the figures hybrid monitoring keeps from the public.

    In a hybrid agreement every public realisation with *owners* (the parties it belongs to) is treated as
    visible to the parties only. The returned agreement is only read to decide who sees what and which totals are
    given, never shown; every party still sees these figures, and the collective totals are the same for every
    audience, as the public view is readable by every party. A non-hybrid agreement is judged as it is.
    """
    if not is_hybrid(agreement):
        return agreement, frozenset()
    hidden = frozenset(
        position
        for position, realisation in enumerate(agreement.realisations)
        if realisation.visibility is Visibility.PUBLIC and owners(realisation)
    )
    if not hidden:
        return agreement, hidden
    realisations = tuple(
        attrs.evolve(realisation, visibility=Visibility.PARTIES) if position in hidden else realisation
        for position, realisation in enumerate(agreement.realisations)
    )
    return attrs.evolve(agreement, realisations=realisations), hidden
