"""The collective totals of a view: the sums of the parties' approved figures, given where no party's figure shows.

See the description of `prestatieafspraken.views` for when a total is given; `prestatieafspraken._disclosure`
decides whether totals together single out one party's figures.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence

import attrs

from prestatieafspraken._arithmetic import total
from prestatieafspraken._disclosure import Figure, publishable
from prestatieafspraken.figures import is_counted, reported_key
from prestatieafspraken.model import Aggregation, Agreement, Number, Realisation, Visibility
from prestatieafspraken.views._audience import Sight, can_see, owners_of
from prestatieafspraken.views._markers import Basis, CollectiveTotal, Withheld, total_ref
from prestatieafspraken.vocabulary import Language, term, the

_GroupKey = tuple[str, int, str | None, Basis]


@attrs.frozen(kw_only=True)
class _Figure:
    realisation: Realisation
    value: Number
    parties: frozenset[str]
    seen_by: frozenset[str]
    """With visibility parties or restricted: the parties that may see it."""


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


def _groups(sight: Sight) -> dict[_GroupKey, list[_Figure]]:
    """The approved figures of parties, per indicator, year, area and basis; only groups with a hidden figure.

    A figure without a party (neither its own ``party`` nor a commitment's executors) is a collective figure
    already and is not added to the parties' figures. Of two figures of the same subject and party, the later
    reported one counts (else the later in the file), as everywhere (`prestatieafspraken.figures.reported_key`): a
    correction is a new figure, not an addition. A figure with only an outcome has no value to add.
    """
    agreement = sight.agreement
    chosen: dict[_GroupKey, dict[tuple[tuple[str, str], str | None], tuple[tuple[int, int], _Figure]]] = {}
    for position, realisation in enumerate(agreement.realisations):
        if realisation.value is None or not is_counted(realisation):
            continue
        key = _group_key(agreement, realisation)
        owners = frozenset(owners_of(agreement, realisation))
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
                seen_by=sight.seen_by(realisation),
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
        ref=total_ref(basis, indicator, year, area),
        path="$.realisations",
        fields=("value",),
        what_nl=f"het collectieve totaal van {indicator}{where_nl} in {year} (cijfers van {_basis(basis, 'nl')})",
        what_en=f"the collective total of {indicator}{where_en} in {year} (figures of {_basis(basis, 'en')})",
        why_nl=reason[0],
        why_en=reason[1],
    )


def collective_totals(sight: Sight, audience: str) -> tuple[tuple[CollectiveTotal, ...], list[Withheld]]:
    agreement = sight.agreement
    groups = list(_groups(sight).items())
    reasons: list[tuple[str, str] | None] = []
    for (indicator, _, _, _), figures in groups:
        contributors = frozenset().union(*(figure.parties for figure in figures))
        if agreement.index.indicators[indicator].aggregation is Aggregation.RATIO:
            reasons.append(_RATIO)
        elif len(contributors) < 2:  # noqa: PLR2004 - a collective figure has at least two parties
            reasons.append(_FEW_PARTIES)
        else:
            reasons.append(None)
    reasons = _disclosure_reasons(sight, groups, reasons)
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
    sight: Sight,
    groups: Sequence[tuple[_GroupKey, Sequence[_Figure]]],
    reasons: Sequence[tuple[str, str] | None],
) -> list[tuple[str, str] | None]:
    """The reasons, with a reason added for each total that would single out one party's figures.

    `prestatieafspraken._disclosure` decides, over every total together (across bases, areas and years): a total
    that does so on its own, or together with the totals given before it, is withheld.
    """
    quantity = _quantities(sight.agreement)
    known = {
        id(realisation): _disclosed(sight, realisation, quantity, key=position)
        for position, realisation in enumerate(sight.agreement.realisations)
        if quantity(realisation) is not None
    }
    eligible = [index for index, reason in enumerate(reasons) if reason is None]
    summed = [
        [
            known.get(id(figure.realisation))
            or _disclosed(sight, figure.realisation, quantity, key=("figure", id(figure.realisation)))
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
        owners = frozenset(owners_of(agreement, realisation))
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
    sight: Sight, realisation: Realisation, quantity: Callable[[Realisation], Hashable | None], *, key: Hashable
) -> Figure:
    return Figure(
        key=key,
        owners=frozenset(owners_of(sight.agreement, realisation)),
        quantity=quantity(realisation),
        public=realisation.visibility is Visibility.PUBLIC,
        seen_by=sight.seen_by(realisation),
    )
