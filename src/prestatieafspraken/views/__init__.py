"""Who sees what: the view of an agreement for one audience, with the values it may not see withheld.

Handbook, "Sturing op realisatie", Monitoring en verantwoording: "Bij gevoelige informatie is een hybride vorm ook
mogelijk: er worden collectieve afspraken gemaakt, maar andere partijen kunnen achter de schermen meekijken hoe
de voortgang loopt." DESIGN §3 gives each commitment and realisation a ``visibility`` (and, when restricted, a
``visible_to`` list); `view_for` applies it.

Who sees what (the audience is ``"public"`` or the id of one party):

- a ``public`` item: everyone;
- a ``parties`` item: every party listed in the agreement's ``parties``;
- a ``restricted`` item: the parties in its ``visible_to``, and the parties it belongs to: for a commitment the
  parties that execute it (``by``), for a realisation its ``party``, else the parties that execute the
  commitment it names.

With hybrid monitoring (``monitoring.hybrid: true``) a realisation of a party is seen by the parties only, whatever
its own visibility: the public gets the collective totals instead (`prestatieafspraken._hybrid`).

What a view does with an item its audience may not see:

- a commitment keeps its structure (id, by, for, theme, goals, year, kind, target, area, due, conditional_on,
  visibility and visible_to) and loses its value, text and indicator. ``visible_to`` stays: it names parties,
  not values, and it is what explains who may see the item.
- a realisation is left out as a whole: without its value it says nothing.
- a manual assessment (``monitoring.assessments``) of a commitment whose values are withheld is left out too: its
  status and reason speak about those values. Assessments of targets stay, as targets have no visibility.
- each of them leaves a `Withheld` marker that says what was withheld and why, in Dutch and English.

Collective totals (the "collectieve afspraken" of the hybrid form) are computed from *all* approved figures of
parties, hidden ones included, per indicator, year, area and basis (the kind of item the figures name:
commitments, targets or the indicator itself; figures of different bases are never added up, since they may count
the same homes twice). A figure of a party is one with a ``party``, or one of a commitment (its executors); a
figure without a party is a collective figure already and is never added to them. Of two figures of the same
subject and party the later reported one counts, as in progress (`prestatieafspraken.figures`). A total is
computed where at least one of its figures is not public, and it is given only when

1. at least two distinct parties contribute to it (a realisation's ``party``, else the parties that execute the
   commitment it names), and
2. the indicator is not a ratio: a share is never summed (DESIGN §5); and
3. no one can single out one party's figures from it, on its own or together with the other totals given
   (`prestatieafspraken._disclosure`): for the public and for every party, no sum or difference of the totals
   and the figures it sees comes down to one party's hidden figures. With two corporations that each see their
   own figure, each could compute the other's from their total; and when the same figures are reported per
   indicator and per commitment, a total of four corporations minus a total of three is the fourth's figure, so
   totals of different bases, areas and years are judged together, and figures of the same parties, indicator,
   year (any year, for a stock's level) and area (or without an area) are taken to be possibly the same number.
   A total is withheld for every
   audience alike, because the public view is readable by every party; of totals that give a figure away only
   together, the earlier one in the file is given and the later one withheld.

A total that is not given leaves a `Withheld` marker (kind ``total``) that says why, in views whose audience
misses at least one of its figures.

The view's agreement is an ordinary `Agreement`: `dumps`, `check`, the responsibility graph and progress accept
it and never see a withheld value. `View.check` checks it and leaves out the findings that only the withholding
causes.

The implementation is private: `._audience` (who may see what), `._markers` (the markers and totals), `._totals`
(which collective totals are given) and `._view` (the view itself).
"""

from prestatieafspraken.errors import UnknownAudienceError
from prestatieafspraken.views._audience import PUBLIC, audiences, can_see
from prestatieafspraken.views._markers import CollectiveTotal, Withheld, WithheldKind
from prestatieafspraken.views._view import ARTEFACT_CODES, View, view_for

__all__ = [
    "ARTEFACT_CODES",
    "PUBLIC",
    "CollectiveTotal",
    "UnknownAudienceError",
    "View",
    "Withheld",
    "WithheldKind",
    "audiences",
    "can_see",
    "view_for",
]
