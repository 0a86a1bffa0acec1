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
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Literal

import attrs

from prestatieafspraken import _hybrid
from prestatieafspraken._arithmetic import total
from prestatieafspraken._disclosure import Figure, publishable
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
from prestatieafspraken.vocabulary import Language, term, the

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

    def what(self, lang: Language = "nl") -> str:
        """What was withheld, in Dutch (``"nl"``) or English (``"en"``)."""
        return self.what_en if lang == "en" else self.what_nl

    def why(self, lang: Language = "nl") -> str:
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
        what_nl=f"het hele cijfer ({term(kind, 'nl')} {subject}, {realisation.year})",
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
        raise UnknownAudienceError("audience", audience, valid, advice="use 'public' or a party id of the agreement")
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
    # Hybrid monitoring: the public sees the collective totals, not the parties' own figures (`_hybrid`).
    judged, hybrid = _hybrid.judged(agreement, lambda item: _owners(agreement, item))
    realisations: list[Realisation] = []
    for index, (realisation, as_judged) in enumerate(zip(agreement.realisations, judged.realisations, strict=True)):
        if can_see(judged, audience, as_judged):
            realisations.append(realisation)
        elif index in hybrid:
            marker = _realisation_marker(judged, index, as_judged)
            why_nl, why_en = _hybrid.WHY
            markers.append(attrs.evolve(marker, visibility=Visibility.PUBLIC, why_nl=why_nl, why_en=why_en))
        else:
            markers.append(_realisation_marker(agreement, index, realisation))
    monitoring, assessment_markers = _assessments(agreement, withheld)
    markers += assessment_markers
    totals, total_markers = _collective_totals(judged, audience)
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


def _basis(basis: Basis, lang: Language) -> str:
    """The figures a total is made of: "afspraken", "streefcijfers", "de indicator"."""
    return the(basis, lang) if basis == "indicator" else term(basis, lang, plural=True)


def _total_marker(key: _GroupKey, reason: tuple[str, str]) -> Withheld:
    indicator, year, area, basis = key
    where_nl = f" in {area}" if area is not None else ""
    where_en = f" in {area}" if area is not None else ""
    return Withheld(
        kind="total",
        ref=_total_ref(basis, indicator, year, area),
        path="$.realisations",
        fields=("value",),
        what_nl=f"het collectieve totaal van {indicator}{where_nl} in {year} (cijfers van {_basis(basis, 'nl')})",
        what_en=f"the collective total of {indicator}{where_en} in {year} (figures of {_basis(basis, 'en')})",
        why_nl=reason[0],
        why_en=reason[1],
    )


def _collective_totals(agreement: Agreement, audience: str) -> tuple[tuple[CollectiveTotal, ...], list[Withheld]]:
    groups = list(_groups(agreement).items())
    reasons: list[tuple[str, str] | None] = []
    for (indicator, _, _, _), figures in groups:
        contributors = frozenset().union(*(figure.parties for figure in figures))
        if agreement.index.indicators[indicator].aggregation is Aggregation.RATIO:
            reasons.append(_RATIO)
        elif len(contributors) < 2:  # noqa: PLR2004 - a collective figure has at least two parties
            reasons.append(_FEW_PARTIES)
        else:
            reasons.append(None)
    reasons = _disclosure_reasons(agreement, groups, reasons)
    totals: list[CollectiveTotal] = []
    markers: list[Withheld] = []
    for (key, figures), reason in zip(groups, reasons, strict=True):
        indicator, year, area, basis = key
        hidden = sum(1 for figure in figures if not can_see(agreement, audience, figure.realisation))
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
                parties=tuple(sorted(frozenset().union(*(figure.parties for figure in figures)))),
                hidden=hidden,
            )
        )
    return tuple(totals), markers


_COMBINED = (
    (
        "samen met de andere gegeven totalen kan wie de overige cijfers ziet de cijfers van één partij afleiden "
        "(dezelfde cijfers kunnen in meer dan één totaal meetellen)"
    ),
    (
        "together with the other totals given, whoever sees the other figures could derive one party's figures "
        "(the same figures may count in more than one total)"
    ),
)


def _disclosure_reasons(
    agreement: Agreement,
    groups: Sequence[tuple[_GroupKey, Sequence[_Figure]]],
    reasons: Sequence[tuple[str, str] | None],
) -> list[tuple[str, str] | None]:
    """The reasons, with a reason added for each total that would single out one party's figures.

    `prestatieafspraken._disclosure` decides, over every total together (across bases, areas and years): a total
    that does so on its own, or together with the totals given before it, is withheld.
    """
    quantity = _quantities(agreement)
    known = {
        id(realisation): _disclosed(agreement, realisation, quantity, key=position)
        for position, realisation in enumerate(agreement.realisations)
        if quantity(realisation) is not None
    }
    eligible = [index for index, reason in enumerate(reasons) if reason is None]
    summed = [
        [
            known.get(id(figure.realisation))
            or _disclosed(agreement, figure.realisation, quantity, key=("figure", id(figure.realisation)))
            for figure in groups[index][1]
        ]
        for index in eligible
    ]
    result = list(reasons)
    for index, verdict in zip(eligible, publishable(summed, known.values()), strict=True):
        if verdict != "given":
            result[index] = _SINGLES_OUT if verdict == "alone" else _COMBINED
    return result


def _quantities(agreement: Agreement) -> Callable[[Realisation], Hashable | None]:
    """Per figure of a party, the quantity it may share with figures of other bases (`_disclosure.Figure`).

    The same parties, indicator, year and area. A level (a stock or cumulative indicator) may stay the same from
    year to year, so its year does not count; and a figure without an area may be the whole of any area's figure,
    so a party's figures of that indicator (and year) are then one quantity whatever their area.
    """
    levels = {Aggregation.STOCK, Aggregation.CUMULATIVE}

    def key(realisation: Realisation) -> tuple[frozenset[str], str, int | None, str | None] | None:
        group = _group_key(agreement, realisation)
        owners = frozenset(_owners(agreement, realisation))
        indicator = agreement.index.indicators.get(group[0]) if group is not None else None
        if group is None or indicator is None or not owners:
            return None
        return owners, group[0], None if indicator.aggregation in levels else group[1], group[2]

    without_area = {found[:3] for found in map(key, agreement.realisations) if found is not None and found[3] is None}

    def quantity(realisation: Realisation) -> Hashable | None:
        found = key(realisation)
        if found is None:
            return None
        return (*found[:3], None) if found[:3] in without_area else found

    return quantity


def _disclosed(
    agreement: Agreement, realisation: Realisation, quantity: Callable[[Realisation], Hashable | None], *, key: Hashable
) -> Figure:
    return Figure(
        key=key,
        owners=frozenset(_owners(agreement, realisation)),
        quantity=quantity(realisation),
        public=realisation.visibility is Visibility.PUBLIC,
        seen_by=frozenset(_seen_by(agreement, realisation)),
    )
