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

The implementation is private: `._audience` (who may see what), `._markers` (the markers and totals) and
`._totals` (which collective totals are given).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from prestatieafspraken import _hybrid
from prestatieafspraken.errors import UnknownAudienceError
from prestatieafspraken.model import Agreement, Assessment, Commitment, Monitoring, Realisation, Visibility
from prestatieafspraken.views._audience import PUBLIC, audiences, can_see, owners_of
from prestatieafspraken.views._markers import (
    CollectiveTotal,
    Withheld,
    WithheldKind,
    assessment_marker,
    commitment_marker,
    realisation_marker,
)
from prestatieafspraken.views._totals import collective_totals

if TYPE_CHECKING:
    import datetime as dt

    from prestatieafspraken.rules import CheckConfig, Report

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

#: Rule codes whose findings about a withheld commitment only the withholding causes: PA301 ("not concrete")
#: reads exactly the value, text and indicator that a view withholds.
ARTEFACT_CODES: frozenset[str] = frozenset({"PA301"})


@attrs.frozen(kw_only=True, repr=False)
class View:
    """An agreement as one audience may see it.

    Attributes:
        agreement: The redacted agreement: an ordinary `Agreement` with the withheld values removed.
        audience: ``"public"`` or a party id.
        withheld: A marker for every commitment, realisation, assessment and collective total the audience may
            not see: commitments, realisations and assessments in file order, then totals.
        collective_totals: The collective totals that may be given (see the module's description).
    """

    agreement: Agreement
    audience: str
    withheld: tuple[Withheld, ...] = ()
    collective_totals: tuple[CollectiveTotal, ...] = ()

    def __repr__(self) -> str:
        return (
            f"<View of {self.agreement.id!r} for {self.audience!r}: {len(self.withheld)} withheld, "
            f"{len(self.collective_totals)} collective totals>"
        )

    def _repr_html_(self) -> str:
        """The view as a notebook shows it (`prestatieafspraken.report.notebook.view_html`)."""
        from prestatieafspraken.report.notebook import view_html  # noqa: PLC0415 - presentation, on demand

        return view_html(self)

    @property
    def withheld_commitments(self) -> frozenset[str]:
        """The ids of the commitments whose values are withheld."""
        return frozenset(marker.ref for marker in self.withheld if marker.kind == "commitment")

    def check(self, *, as_of: dt.date | None = None, config: CheckConfig | None = None) -> Report:
        """Check the redacted agreement, leaving out the findings that only the withholding causes.

        A withheld commitment has no value, text or indicator in the view; the findings of `ARTEFACT_CODES` about
        it say nothing about the agreement (and could tell whether the hidden commitment had them), so they are
        left out.
        """
        from prestatieafspraken.rules import check  # noqa: PLC0415 - the rules import the graph lazily too

        report = check(self.agreement, as_of=as_of, config=config)
        withheld = self.withheld_commitments
        if not withheld:
            return report
        kept = tuple(
            finding
            for finding in report.findings
            if not (finding.code in ARTEFACT_CODES and withheld.intersection(finding.subjects))
        )
        return attrs.evolve(report, findings=kept)


def _assessments(agreement: Agreement, withheld: Mapping[str, Commitment]) -> tuple[Monitoring | None, list[Withheld]]:
    """The monitoring without the assessments of withheld commitments, and a marker for each left out."""
    monitoring = agreement.monitoring
    if monitoring is None or not withheld:
        return monitoring, []
    kept: list[Assessment] = []
    markers: list[Withheld] = []
    for index, assessment in enumerate(monitoring.assessments):
        commitment = withheld.get(assessment.commitment) if assessment.commitment is not None else None
        if commitment is None:
            kept.append(assessment)
        else:
            markers.append(assessment_marker(agreement, index, commitment, assessment))
    return attrs.evolve(monitoring, assessments=tuple(kept)), markers


def _redacted(commitment: Commitment) -> Commitment:
    return attrs.evolve(commitment, value=None, text=None, indicator=None)


def view_for(agreement: Agreement, audience: str) -> View:
    """Return the view of *agreement* for *audience*: ``"public"`` or a party id.

    ``"public"`` always means everyone, also when a party has the id ``public``.

    Raises:
        UnknownAudienceError: *audience* is neither ``"public"`` nor a party of the agreement; the message lists
            the valid audiences.
    """
    valid = audiences(agreement)
    if audience not in valid:
        raise UnknownAudienceError("audience", audience, valid, advice="use 'public' or a party id of the agreement")
    markers: list[Withheld] = []
    commitments: list[Commitment] = []
    withheld: dict[str, Commitment] = {}
    for index, commitment in enumerate(agreement.commitments):
        if can_see(agreement, audience, commitment):
            commitments.append(commitment)
        else:
            commitments.append(_redacted(commitment))
            markers.append(commitment_marker(agreement, index, commitment))
            withheld.setdefault(commitment.id, commitment)
    # Hybrid monitoring: the public sees the collective totals, not the parties' own figures (`_hybrid`).
    judged, hybrid = _hybrid.judged(agreement, lambda item: owners_of(agreement, item))
    realisations: list[Realisation] = []
    for index, (realisation, as_judged) in enumerate(zip(agreement.realisations, judged.realisations, strict=True)):
        if can_see(judged, audience, as_judged):
            realisations.append(realisation)
        elif index in hybrid:
            marker = realisation_marker(judged, index, as_judged)
            why_nl, why_en = _hybrid.WHY
            markers.append(attrs.evolve(marker, visibility=Visibility.PUBLIC, why_nl=why_nl, why_en=why_en))
        else:
            markers.append(realisation_marker(agreement, index, realisation))
    monitoring, assessment_markers = _assessments(agreement, withheld)
    markers += assessment_markers
    totals, total_markers = collective_totals(judged, audience)
    redacted = attrs.evolve(
        agreement, commitments=tuple(commitments), realisations=tuple(realisations), monitoring=monitoring
    )
    return View(
        agreement=redacted,
        audience=audience,
        withheld=(*markers, *total_markers),
        collective_totals=totals,
    )
