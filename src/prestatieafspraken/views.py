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
2. no one can single out one party's figures from it: for the public and for every party, the figures it may
   not see are either none, or at least two whose parties have no party in common. Otherwise someone who sees
   all figures but one party's could subtract and learn that party's figure (with two corporations that each
   see their own figure, each could compute the other's), so the total is withheld for every audience alike,
   because the public view is readable by every party; and
3. the indicator is not a ratio: a share is never summed (DESIGN §5).

A total that is not given leaves a `Withheld` marker (kind ``total``) that says why, in views whose audience
misses at least one of its figures.

The view's agreement is an ordinary `Agreement`: `dumps`, `check`, the responsibility graph and progress accept
it and never see a withheld value. `View.check` checks it and leaves out the findings that only the withholding
causes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Literal

import attrs

from prestatieafspraken.arithmetic import total
from prestatieafspraken.errors import UnknownAudienceError
from prestatieafspraken.figures import is_counted, reported_key
from prestatieafspraken.model import (
    Aggregation,
    Agreement,
    Assessment,
    Commitment,
    Monitoring,
    Number,
    Realisation,
    Visibility,
)

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

#: The audience that is no party: everyone.
PUBLIC = "public"

#: What a `Withheld` marker stands for.
WithheldKind = Literal["commitment", "realisation", "assessment", "total"]

#: The kinds of item a collective total's figures name.
Basis = Literal["commitment", "target", "indicator"]

#: Rule codes whose findings about a withheld commitment only the withholding causes: PA301 ("not concrete")
#: reads exactly the value, text and indicator that a view withholds.
ARTEFACT_CODES: frozenset[str] = frozenset({"PA301"})

_COMMITMENT_FIELDS: tuple[str, ...] = ("value", "text", "indicator")


@attrs.frozen(kw_only=True)
class Withheld:
    """A marker for something a view does not show: what it is, what was withheld, and why.

    Attributes:
        kind: ``"commitment"`` (its value, text and indicator withheld), ``"realisation"`` or ``"assessment"``
            (left out), or ``"total"`` (a collective total not given).
        ref: A commitment's id; a realisation's or assessment's ``$.path`` in the original file; for a total
            ``basis:indicator/year`` or ``basis:indicator/year/area`` (see `CollectiveTotal.ref`).
        path: The ``$.path`` in the original file (for a total, ``$.realisations``).
        fields: The fields withheld: ``("value", "text", "indicator")`` for a commitment, ``("value",)`` for a
            realisation or a total, ``("status", "reason")`` for an assessment.
        visibility: The item's visibility (an assessment: its commitment's; ``None`` for a total).
        seen_by: The party ids that may see it (an assessment: those that may see its commitment; a total: none).
        what_nl: What was withheld, in Dutch.
        what_en: What was withheld, in English.
        why_nl: Why, in Dutch: the visibility and who may see it, or why a total is not given.
        why_en: Why, in English.
    """

    kind: WithheldKind
    ref: str
    path: str
    fields: tuple[str, ...]
    visibility: Visibility | None = None
    seen_by: tuple[str, ...] = ()
    what_nl: str
    what_en: str
    why_nl: str
    why_en: str

    def what(self, lang: str = "nl") -> str:
        """What was withheld, in Dutch (``"nl"``) or English (``"en"``)."""
        return self.what_en if lang == "en" else self.what_nl

    def why(self, lang: str = "nl") -> str:
        """Why it was withheld, in Dutch (``"nl"``) or English (``"en"``)."""
        return self.why_en if lang == "en" else self.why_nl


@attrs.frozen(kw_only=True)
class CollectiveTotal:
    """The sum of all approved figures of one indicator, year, area and basis, hidden ones included.

    Attributes:
        indicator: The indicator id.
        year: The year.
        area: The area id (the realisation's, else that of the commitment or target it names), or ``None``.
        basis: What the summed figures name: ``"commitment"``, ``"target"`` or ``"indicator"``.
        value: The sum.
        figures: How many realisations were summed.
        parties: The contributing parties, sorted.
        hidden: How many of the summed figures the view's audience may not see.
    """

    indicator: str
    year: int
    area: str | None
    basis: Basis
    value: Number
    figures: int
    parties: tuple[str, ...]
    hidden: int

    @property
    def ref(self) -> str:
        """``basis:indicator/year`` or ``basis:indicator/year/area``: how the markers name a total."""
        return _total_ref(self.basis, self.indicator, self.year, self.area)


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


def audiences(agreement: Agreement) -> tuple[str, ...]:
    """The audiences of an agreement: ``"public"``, then each party id once, in file order."""
    return (PUBLIC, *dict.fromkeys(party.id for party in agreement.parties if party.id != PUBLIC))


def _owners(agreement: Agreement, item: Commitment | Realisation) -> tuple[str, ...]:
    """The parties an item belongs to: a commitment's executors; a realisation's party, else its commitment's."""
    if isinstance(item, Commitment):
        return item.by
    if item.party is not None:
        return (item.party,)
    if item.commitment is not None:
        commitment = agreement.index.commitments.get(item.commitment)
        if commitment is not None:
            return commitment.by
    return ()


def _seen_by(agreement: Agreement, item: Commitment | Realisation) -> tuple[str, ...]:
    """The party ids that may see an item that is not public."""
    if item.visibility is Visibility.PARTIES:
        return tuple(dict.fromkeys(party.id for party in agreement.parties))
    return tuple(dict.fromkeys((*item.visible_to, *_owners(agreement, item))))


def can_see(agreement: Agreement, audience: str, item: Commitment | Realisation) -> bool:
    """Whether *audience* (``"public"`` or a party id) may see a commitment or realisation of *agreement*."""
    if item.visibility is Visibility.PUBLIC:
        return True
    if audience == PUBLIC:
        return False
    if item.visibility is Visibility.PARTIES:
        return audience in agreement.index.parties
    return audience in item.visible_to or audience in _owners(agreement, item)


def _why(agreement: Agreement, item: Commitment | Realisation) -> tuple[tuple[str, ...], str, str]:
    if item.visibility is Visibility.PARTIES:
        return (
            _seen_by(agreement, item),
            "zichtbaarheid 'parties': alleen de partijen bij de afspraak zien dit",
            "visibility 'parties': only the parties to the agreement see this",
        )
    seen_by = _seen_by(agreement, item)
    if not seen_by:
        return (
            seen_by,
            "zichtbaarheid 'restricted': geen partij ziet dit",
            "visibility 'restricted': no party sees this",
        )
    names = ", ".join(seen_by)
    return (
        seen_by,
        f"zichtbaarheid 'restricted': alleen {names} zien dit",
        f"visibility 'restricted': only {names} see this",
    )


def _commitment_marker(agreement: Agreement, index: int, commitment: Commitment) -> Withheld:
    seen_by, why_nl, why_en = _why(agreement, commitment)
    return Withheld(
        kind="commitment",
        ref=commitment.id,
        path=f"$.commitments[{index}]",
        fields=_COMMITMENT_FIELDS,
        visibility=commitment.visibility,
        seen_by=seen_by,
        what_nl=f"waarde, tekst en indicator van afspraak {commitment.id}",
        what_en=f"value, text and indicator of commitment {commitment.id}",
        why_nl=why_nl,
        why_en=why_en,
    )


_SUBJECT_NL = {"commitment": "afspraak", "target": "doel", "indicator": "indicator"}


def _realisation_marker(agreement: Agreement, index: int, realisation: Realisation) -> Withheld:
    seen_by, why_nl, why_en = _why(agreement, realisation)
    kind, subject = realisation.subject
    path = f"$.realisations[{index}]"
    return Withheld(
        kind="realisation",
        ref=path,
        path=path,
        fields=("value",),
        visibility=realisation.visibility,
        seen_by=seen_by,
        what_nl=f"het hele cijfer ({_SUBJECT_NL[kind]} {subject}, {realisation.year})",
        what_en=f"the whole figure ({kind} {subject}, {realisation.year})",
        why_nl=why_nl,
        why_en=why_en,
    )


def _assessment_marker(agreement: Agreement, index: int, commitment: Commitment, assessment: Assessment) -> Withheld:
    seen_by, why_nl, why_en = _why(agreement, commitment)
    path = f"$.monitoring.assessments[{index}]"
    return Withheld(
        kind="assessment",
        ref=path,
        path=path,
        fields=("status", "reason"),
        visibility=commitment.visibility,
        seen_by=seen_by,
        what_nl=f"de handmatige beoordeling van afspraak {commitment.id} ({assessment.date.isoformat()})",
        what_en=f"the manual assessment of commitment {commitment.id} ({assessment.date.isoformat()})",
        why_nl=f"over afspraak {commitment.id}, met {why_nl}",
        why_en=f"about commitment {commitment.id}, with {why_en}",
    )


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
            markers.append(_assessment_marker(agreement, index, commitment, assessment))
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
        raise UnknownAudienceError(audience, valid)
    markers: list[Withheld] = []
    commitments: list[Commitment] = []
    withheld: dict[str, Commitment] = {}
    for index, commitment in enumerate(agreement.commitments):
        if can_see(agreement, audience, commitment):
            commitments.append(commitment)
        else:
            commitments.append(_redacted(commitment))
            markers.append(_commitment_marker(agreement, index, commitment))
            withheld.setdefault(commitment.id, commitment)
    realisations: list[Realisation] = []
    for index, realisation in enumerate(agreement.realisations):
        if can_see(agreement, audience, realisation):
            realisations.append(realisation)
        else:
            markers.append(_realisation_marker(agreement, index, realisation))
    monitoring, assessment_markers = _assessments(agreement, withheld)
    markers += assessment_markers
    totals, total_markers = _collective_totals(agreement, audience)
    redacted = attrs.evolve(
        agreement, commitments=tuple(commitments), realisations=tuple(realisations), monitoring=monitoring
    )
    return View(
        agreement=redacted,
        audience=audience,
        withheld=(*markers, *total_markers),
        collective_totals=totals,
    )


# --- collective totals ------------------------------------------------------------------------------------

_GroupKey = tuple[str, int, str | None, Basis]


@attrs.frozen(kw_only=True)
class _Figure:
    realisation: Realisation
    value: Number
    parties: frozenset[str]
    seen_by: frozenset[str]
    """With visibility parties or restricted: the parties that may see it."""


def _total_ref(basis: Basis, indicator: str, year: int, area: str | None) -> str:
    return f"{basis}:" + "/".join([indicator, str(year), *([area] if area is not None else [])])


def _group_key(agreement: Agreement, realisation: Realisation) -> _GroupKey | None:
    """Indicator, year, area and basis of an approved figure, or ``None`` when it names nothing known."""
    index = agreement.index
    if realisation.commitment is not None:
        commitment = index.commitments.get(realisation.commitment)
        if commitment is None or commitment.indicator is None:
            return None
        return commitment.indicator, realisation.year, realisation.area or commitment.area, "commitment"
    if realisation.target is not None:
        target = index.targets.get(realisation.target)
        if target is None:
            return None
        return target.indicator, realisation.year, realisation.area or target.area, "target"
    if realisation.indicator is None:  # pragma: no cover - a realisation names exactly one subject
        return None
    return realisation.indicator, realisation.year, realisation.area, "indicator"


def _groups(agreement: Agreement) -> dict[_GroupKey, list[_Figure]]:
    """The approved figures of parties, per indicator, year, area and basis; only groups with a hidden figure.

    A figure without a party (neither its own ``party`` nor a commitment's executors) is a collective figure
    already and is not added to the parties' figures. Of two figures of the same subject and party, the later
    reported one counts (else the later in the file), as everywhere (`prestatieafspraken.figures.reported_key`): a
    correction is a new figure, not an addition. A figure with only an outcome has no value to add.
    """
    chosen: dict[_GroupKey, dict[tuple[tuple[str, str], str | None], tuple[tuple[int, int], _Figure]]] = {}
    for position, realisation in enumerate(agreement.realisations):
        if realisation.value is None or not is_counted(realisation):
            continue
        key = _group_key(agreement, realisation)
        owners = frozenset(_owners(agreement, realisation))
        if key is None or key[0] not in agreement.index.indicators or not owners:
            continue
        order = reported_key(realisation, position)
        place = (realisation.subject, realisation.party)
        places = chosen.setdefault(key, {})
        known = places.get(place)
        if known is None or known[0] <= order:
            figure = _Figure(
                realisation=realisation,
                value=realisation.value,
                parties=owners,
                seen_by=frozenset(_seen_by(agreement, realisation)),
            )
            places[place] = (order, figure)
    groups = {
        key: [figure for _, figure in sorted(places.values(), key=lambda item: item[0][1])]
        for key, places in chosen.items()
    }
    return {key: figures for key, figures in groups.items() if any(_hidden_from_public(f) for f in figures)}


def _hidden_from_public(figure: _Figure) -> bool:
    return figure.realisation.visibility is not Visibility.PUBLIC


def _singles_out(hidden: Sequence[_Figure]) -> bool:
    """Whether a total would give away the figures *hidden* from someone who sees all the others."""
    if not hidden:
        return False
    if len(hidden) < 2:  # noqa: PLR2004 - one figure is that figure
        return True
    common = frozenset.intersection(*(figure.parties for figure in hidden))
    return bool(common)


def _hidden_sets(figures: Sequence[_Figure], party_ids: Sequence[str]) -> Iterator[list[_Figure]]:
    """For the public and for each party, the figures of a group it may not see (each distinct set once)."""
    secret = [figure for figure in figures if _hidden_from_public(figure)]
    yield secret
    # A party that sees none of the group's hidden figures misses what the public misses; only the parties that
    # see some of them need a look of their own.
    seers = {party for figure in secret for party in figure.seen_by}
    if any(party not in seers for party in party_ids):
        yield secret
    for party in seers:
        yield [figure for figure in secret if party not in figure.seen_by]


def _sum(values: Iterable[Number]) -> Number:
    """Whole numbers add up exactly; with a float among them, the sum never raises (±inf on overflow)."""
    numbers = list(values)
    if all(isinstance(value, int) for value in numbers):
        return sum(numbers)
    return total(numbers)


_FEW_PARTIES = (
    "minder dan twee partijen dragen bij aan dit totaal; het zou de cijfers van één partij tonen",
    "fewer than two parties contribute to this total; it would show one party's figures",
)
_SINGLES_OUT = (
    "wie de overige cijfers ziet, kan uit dit totaal de cijfers van één partij afleiden",
    "whoever sees the other figures could derive one party's figures from this total",
)
_RATIO = (
    "een aandeel (ratio) wordt nooit opgeteld",
    "a ratio (share) is never summed",
)
_BASIS_NL: Mapping[Basis, str] = {"commitment": "afspraken", "target": "doelen", "indicator": "de indicator"}
_BASIS_EN: Mapping[Basis, str] = {"commitment": "commitments", "target": "targets", "indicator": "the indicator"}


def _total_marker(key: _GroupKey, reason: tuple[str, str]) -> Withheld:
    indicator, year, area, basis = key
    where_nl = f" in {area}" if area is not None else ""
    where_en = f" in {area}" if area is not None else ""
    return Withheld(
        kind="total",
        ref=_total_ref(basis, indicator, year, area),
        path="$.realisations",
        fields=("value",),
        what_nl=f"het collectieve totaal van {indicator}{where_nl} in {year} (cijfers van {_BASIS_NL[basis]})",
        what_en=f"the collective total of {indicator}{where_en} in {year} (figures of {_BASIS_EN[basis]})",
        why_nl=reason[0],
        why_en=reason[1],
    )


def _collective_totals(agreement: Agreement, audience: str) -> tuple[tuple[CollectiveTotal, ...], list[Withheld]]:
    party_ids = audiences(agreement)[1:]
    totals: list[CollectiveTotal] = []
    markers: list[Withheld] = []
    for key, figures in _groups(agreement).items():
        indicator, year, area, basis = key
        hidden = sum(1 for figure in figures if not can_see(agreement, audience, figure.realisation))
        contributors = frozenset().union(*(figure.parties for figure in figures))
        reason: tuple[str, str] | None = None
        if agreement.index.indicators[indicator].aggregation is Aggregation.RATIO:
            reason = _RATIO
        elif len(contributors) < 2:  # noqa: PLR2004 - a collective figure has at least two parties
            reason = _FEW_PARTIES
        elif any(_singles_out(hidden_set) for hidden_set in _hidden_sets(figures, party_ids)):
            reason = _SINGLES_OUT
        if reason is not None:
            if hidden:
                markers.append(_total_marker(key, reason))
            continue
        totals.append(
            CollectiveTotal(
                indicator=indicator,
                year=year,
                area=area,
                basis=basis,
                value=_sum(figure.value for figure in figures),
                figures=len(figures),
                parties=tuple(sorted(contributors)),
                hidden=hidden,
            )
        )
    return tuple(totals), markers
