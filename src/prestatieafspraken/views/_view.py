"""The view of an agreement for one audience: what `view_for` withholds and what `View.check` leaves out."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from prestatieafspraken import _hybrid
from prestatieafspraken.errors import UnknownAudienceError
from prestatieafspraken.model import Agreement, Assessment, Commitment, Monitoring, Realisation, Visibility
from prestatieafspraken.views._audience import Sight, audiences, can_see, owners_of
from prestatieafspraken.views._markers import (
    CollectiveTotal,
    Withheld,
    assessment_marker,
    commitment_marker,
    realisation_marker,
)
from prestatieafspraken.views._totals import collective_totals

if TYPE_CHECKING:
    import datetime as dt

    from prestatieafspraken.rules import CheckConfig, Report


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


def _assessments(sight: Sight, withheld: Mapping[str, Commitment]) -> tuple[Monitoring | None, list[Withheld]]:
    """The monitoring without the assessments of withheld commitments, and a marker for each left out."""
    monitoring = sight.agreement.monitoring
    if monitoring is None or not withheld:
        return monitoring, []
    kept: list[Assessment] = []
    markers: list[Withheld] = []
    for index, assessment in enumerate(monitoring.assessments):
        commitment = withheld.get(assessment.commitment) if assessment.commitment is not None else None
        if commitment is None:
            kept.append(assessment)
        else:
            markers.append(assessment_marker(sight, index, commitment, assessment))
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
    sight = Sight(agreement)  # every party's id once for the whole view
    markers: list[Withheld] = []
    commitments: list[Commitment] = []
    withheld: dict[str, Commitment] = {}
    for index, commitment in enumerate(agreement.commitments):
        if can_see(agreement, audience, commitment):
            commitments.append(commitment)
        else:
            commitments.append(_redacted(commitment))
            markers.append(commitment_marker(sight, index, commitment))
            withheld.setdefault(commitment.id, commitment)
    # Hybrid monitoring: the public sees the collective totals, not the parties' own figures (`_hybrid`).
    judged, hybrid = _hybrid.judged(agreement, lambda item: owners_of(agreement, item))
    judged_sight = sight if judged is agreement else Sight(judged)
    realisations: list[Realisation] = []
    for index, (realisation, as_judged) in enumerate(zip(agreement.realisations, judged.realisations, strict=True)):
        if can_see(judged, audience, as_judged):
            realisations.append(realisation)
        elif index in hybrid:
            marker = realisation_marker(judged_sight, index, as_judged)
            why_nl, why_en = _hybrid.WHY
            markers.append(attrs.evolve(marker, visibility=Visibility.PUBLIC, why_nl=why_nl, why_en=why_en))
        else:
            markers.append(realisation_marker(sight, index, realisation))
    monitoring, assessment_markers = _assessments(sight, withheld)
    markers += assessment_markers
    totals, total_markers = collective_totals(judged_sight, audience)
    redacted = attrs.evolve(
        agreement, commitments=tuple(commitments), realisations=tuple(realisations), monitoring=monitoring
    )
    return View(
        agreement=redacted,
        audience=audience,
        withheld=(*markers, *total_markers),
        collective_totals=totals,
    )
