"""Which figures count: the one place that reads realised figures, for progress, the rules, views, report and tabular.

Handbook, "Monitoring en verantwoording": the conversation about progress needs figures everyone reads the same
way. Every layer that turns realisations into numbers asks this module, so that no two of them can disagree.

- **Known and counted.** A figure is *known* as of a date when its year is at most the as-of year and its
  ``reported_on`` (if given) is at most the as-of date (DESIGN §4, "As-of"). A known figure *counts* when it is
  approved and has a value; a known draft or submitted figure is *pending*: shown, never counted. A figure with
  only an outcome (how a commitment was kept) has no value to count; `FigureIndex.outcome_of` reads it.
- **The later reported wins.** Of two counted figures for the same year and place, the later reported one counts
  (a figure without ``reported_on`` counts as reported first; on a tie, the later in the file): a correction is a
  new figure, never an addition (`reported_key`, `latest`).
- **Places.** Figures may be given for the whole, per area, per party or per area and party. For each year the most
  aggregate level present is used (`yearly`): the whole (no area, or the scope's own area; no party, or the scope's
  own party), else the sum over areas, else the sum over parties, else the sum over both. A ratio is never summed:
  over areas it is weighted by the areas' dwellings (else population) when every area has them, else that year has
  no usable figure; over parties it is left unaggregated.
- **A target's figures, per year** (DESIGN §3.1, `FigureIndex.for_target`): for each year, the counted figures
  that name the target in that year; for a year without them, the counted figures of its indicator in the
  target's place (its area, or all areas when it has none; a breakdown part's area or party). One year's target
  figure never hides the indicator's figures of other years. Commitment figures never feed a target.
- **Which years take figures** (PA308, `FigureYears`): the years of the perspective, the year before it (the
  starting level), and the baseline year of a target the figure is about.
- **What a value means** (DESIGN §3.1, `sign_contradicts`): for a stock or cumulative indicator a target's or
  commitment's value is a net change, so ``decrease`` goes with a value of at most 0 and ``increase`` with at
  least 0; for a flow the value is an amount (never negative) and ``decrease`` makes it a ceiling.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

import attrs

from prestatieafspraken.model import (
    Aggregation,
    Agreement,
    Area,
    Direction,
    Indicator,
    Number,
    Realisation,
    RealisationStatus,
    SubjectKind,
    Target,
)

__all__ = [
    "FigureIndex",
    "FigureSource",
    "FigureYears",
    "TargetFigures",
    "YearFigure",
    "counts_as_of",
    "is_counted",
    "is_pending",
    "known_by",
    "latest",
    "latest_outcome",
    "own_area",
    "part_place",
    "reported_key",
    "sign_contradicts",
    "split",
    "yearly",
]

#: Where a target's figures of a year came from: realisations that name the target, or those of its indicator.
FigureSource = Literal["target", "indicator"]

_PENDING = frozenset({RealisationStatus.DRAFT, RealisationStatus.SUBMITTED})


# --- known, counted, pending ------------------------------------------------------------------------------------


def known_by(realisation: Realisation, as_of: dt.date) -> bool:
    """Whether a figure is known as of a date: its year ≤ the as-of year and ``reported_on`` (if any) ≤ as-of."""
    return realisation.year <= as_of.year and (realisation.reported_on is None or realisation.reported_on <= as_of)


def is_counted(realisation: Realisation) -> bool:
    """Whether a figure counts once known: approved, with a value (an outcome alone has none to count)."""
    return realisation.status is RealisationStatus.APPROVED and realisation.value is not None


def counts_as_of(realisation: Realisation, as_of: dt.date) -> bool:
    """Whether a figure counts as of a date: approved, with a value, and known by then (`known_by`)."""
    return is_counted(realisation) and known_by(realisation, as_of)


def is_pending(realisation: Realisation) -> bool:
    """Whether a figure is pending: a draft or submitted one, shown but never counted."""
    return realisation.status in _PENDING


def split(figures: Iterable[Realisation]) -> tuple[list[Realisation], list[Realisation]]:
    """The counted (approved, with a value) and the pending (draft or submitted) of known figures, in order."""
    counted: list[Realisation] = []
    pending: list[Realisation] = []
    for realisation in figures:
        if realisation.status is RealisationStatus.APPROVED:
            if realisation.value is not None:
                counted.append(realisation)
        elif realisation.status in _PENDING:
            pending.append(realisation)
    return counted, pending


def reported_key(realisation: Realisation, position: int = 0) -> tuple[int, int]:
    """The order in which figures for one place replace each other: reported on (undated first), then position."""
    return (realisation.reported_on.toordinal() if realisation.reported_on is not None else 0, position)


def latest(figures: Iterable[Realisation]) -> Realisation | None:
    """Of figures for one place, the one that counts: the later reported, else the later in *figures*."""
    chosen: Realisation | None = None
    chosen_key = (-1, -1)
    for position, realisation in enumerate(figures):
        key = reported_key(realisation, position)
        if key >= chosen_key:
            chosen, chosen_key = realisation, key
    return chosen


def latest_outcome(figures: Iterable[Realisation]) -> Realisation | None:
    """Of a commitment's figures, the approved one with an outcome that counts: the latest year, the later reported."""
    chosen: Realisation | None = None
    chosen_key = (0, -1, -1)
    for position, realisation in enumerate(figures):
        if realisation.outcome is None or realisation.status is not RealisationStatus.APPROVED:
            continue
        key = (realisation.year, *reported_key(realisation, position))
        if chosen is None or key >= chosen_key:
            chosen, chosen_key = realisation, key
    return chosen


# --- a value per year -------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class YearFigure:
    """The value of one year for one scope, and the figures it was made of."""

    year: int
    value: Number
    figures: tuple[Realisation, ...]
    source: FigureSource | None = None
    """For a target's year: whether its figures name the target or its indicator (DESIGN §3.1)."""


def yearly(
    figures: Sequence[Realisation],
    *,
    aggregation: Aggregation,
    area: str | None = None,
    party: str | None = None,
    weights: Mapping[str, Area] | None = None,
    source: FigureSource | None = None,
) -> dict[int, YearFigure]:
    """The value per year of a scope, from counted figures in file order (see the module docstring, "Places").

    Args:
        figures: The counted figures of the scope, in file order; a figure without a value is passed over.
        aggregation: How the indicator adds up; a ratio is never summed.
        area: The scope's own area: a figure with no area or this area counts as the whole.
        party: The scope's own party: a figure with no party or this party counts as the whole.
        weights: The areas by id, whose dwellings (else population) weigh a ratio over areas.
        source: The `YearFigure.source` to give every year (for a target's figures).
    """
    if len(figures) == 1:
        # One figure is its year's value, whatever its place: the common case of a commitment's figure.
        (only,) = figures
        if only.value is None:
            return {}
        return {only.year: YearFigure(year=only.year, value=only.value, figures=(only,), source=source)}
    # Per year and level, one figure per place: the later reported one (else the later in the file).
    levels: dict[int, dict[int, dict[object, tuple[int, Realisation]]]] = {}
    for position, realisation in enumerate(figures):
        if realisation.value is None:
            continue
        level, place = _level(realisation, area, party)
        places = levels.setdefault(realisation.year, {}).setdefault(level, {})
        known = places.get(place)
        if known is None or reported_key(known[1], known[0]) <= reported_key(realisation, position):
            places[place] = (position, realisation)
    series: dict[int, YearFigure] = {}
    for year, by_level in levels.items():
        for level in sorted(by_level):
            chosen = [realisation for _, realisation in sorted(by_level[level].values(), key=lambda item: item[0])]
            value = _combine(chosen, level, aggregation, weights)
            if value is not None:
                series[year] = YearFigure(year=year, value=value, figures=tuple(chosen), source=source)
                break
    return series


def _level(realisation: Realisation, area: str | None, party: str | None) -> tuple[int, object]:
    """How aggregate a figure is for a scope (0 the whole, 1 an area, 2 a party, 3 both) and its place there."""
    whole_area = realisation.area is None or realisation.area == area
    whole_party = realisation.party is None or realisation.party == party
    if whole_area and whole_party:
        return 0, None
    if whole_party:
        return 1, realisation.area
    if whole_area:
        return 2, realisation.party
    return 3, (realisation.area, realisation.party)


def _value(realisation: Realisation) -> Number:
    """The value of a figure that `yearly` kept: it has one."""
    return realisation.value if realisation.value is not None else 0


def _combine(
    chosen: Sequence[Realisation], level: int, aggregation: Aggregation, weights: Mapping[str, Area] | None
) -> Number | None:
    """One year's value from the figures of one level: the whole, or a sum (a ratio: weighted over areas)."""
    if len(chosen) == 1:
        return _value(chosen[0])
    if aggregation is not Aggregation.RATIO:
        return sum(_value(realisation) for realisation in chosen)
    if level != 1 or weights is None:
        return None  # a ratio over parties is left unaggregated
    areas = [weights.get(realisation.area or "") for realisation in chosen]
    for measure in ("dwellings", "population"):
        found: list[int] = [weight for area in areas if (weight := getattr(area, measure, None)) is not None]
        if len(found) == len(chosen):
            total = sum(found)
            if total <= 0:
                return None
            return sum(weight * _value(realisation) for weight, realisation in zip(found, chosen, strict=True)) / total
    return None


# --- a target's figures, per year -------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class TargetFigures:
    """The figures that feed a target (or one part of its breakdown), per year (DESIGN §3.1)."""

    area: str | None
    """The place read: the target's area, or a breakdown part's area."""
    party: str | None
    """The party of a breakdown part that names a party."""
    series: Mapping[int, YearFigure] = attrs.field(hash=False)
    """The value per year, each with its `YearFigure.source`."""
    pending: tuple[Realisation, ...]
    """Draft and submitted figures of the target, and of its indicator in the years the indicator feeds."""


def part_place(agreement: Agreement, key: str) -> tuple[str | None, str | None]:
    """The area and party of a breakdown key: a key naming an area (or no party) is an area, else a party."""
    index = agreement.index
    if key in index.areas or key not in index.parties:
        return key, None
    return None, key


def own_area(agreement: Agreement, realisation: Realisation) -> str | None:
    """The area of what a figure names (a commitment's or target's area): a figure there is about the whole."""
    index = agreement.index
    owner: object = None
    if realisation.commitment is not None:
        owner = index.commitments.get(realisation.commitment)
    elif realisation.target is not None:
        owner = index.targets.get(realisation.target)
    area = getattr(owner, "area", None)
    return area if isinstance(area, str) else None


class FigureIndex:
    """The figures known as of a date, grouped once: by subject, and of each indicator by area and by party.

    Figures that are not known by the as-of date (a year after it, or reported after it) are left out; the rest
    are kept in file order, counted (approved) and pending (draft or submitted) alike.
    """

    def __init__(self, agreement: Agreement, as_of: dt.date) -> None:
        self.as_of = as_of
        self.agreement = agreement
        by_subject: defaultdict[tuple[str, str], list[Realisation]] = defaultdict(list)
        by_area: defaultdict[tuple[str, str], list[Realisation]] = defaultdict(list)
        by_party: defaultdict[tuple[str, str], list[Realisation]] = defaultdict(list)
        with_outcome: set[str] = set()
        year = as_of.year
        for realisation in agreement.realisations:
            if realisation.year > year or (realisation.reported_on is not None and realisation.reported_on > as_of):
                continue
            by_subject[realisation.subject].append(realisation)
            if realisation.outcome is not None and realisation.commitment is not None:
                with_outcome.add(realisation.commitment)
            if realisation.indicator is not None:
                if realisation.area is not None:
                    by_area[realisation.indicator, realisation.area].append(realisation)
                if realisation.party is not None:
                    by_party[realisation.indicator, realisation.party].append(realisation)
        self._by_subject = dict(by_subject)
        self._by_area = dict(by_area)
        self._by_party = dict(by_party)
        self._with_outcome = frozenset(with_outcome)

    def of(self, kind: str, subject_id: str) -> Sequence[Realisation]:
        """The known figures that name a ``commitment``, ``target`` or ``indicator``, in file order."""
        return self._by_subject.get((kind, subject_id), ())

    def of_indicator(
        self, indicator: str, *, area: str | None = None, party: str | None = None
    ) -> Sequence[Realisation]:
        """The known figures of an indicator: all of them, or those of one area, or of one party."""
        if area is not None:
            return self._by_area.get((indicator, area), ())
        if party is not None:
            return self._by_party.get((indicator, party), ())
        return self.of(SubjectKind.INDICATOR, indicator)

    def series(
        self, indicator: str, aggregation: Aggregation, *, area: str | None = None, party: str | None = None
    ) -> dict[int, YearFigure]:
        """The value per year of an indicator's counted figures in a place (all areas without one; `yearly`)."""
        counted, _ = split(self.of_indicator(indicator, area=area, party=party))
        return yearly(counted, aggregation=aggregation, area=area, party=party, weights=self.agreement.index.areas)

    def by_place(
        self, indicator: str, aggregation: Aggregation
    ) -> dict[tuple[str | None, str | None], dict[int, YearFigure]]:
        """The value per year of an indicator's counted figures, per exact place (area, party), as PA311 reads them."""
        grouped: defaultdict[tuple[str | None, str | None], list[Realisation]] = defaultdict(list)
        for realisation in split(self.of(SubjectKind.INDICATOR, indicator))[0]:
            grouped[realisation.area, realisation.party].append(realisation)
        return {
            place: yearly(found, aggregation=aggregation, area=place[0], party=place[1])
            for place, found in grouped.items()
        }

    def for_target(self, target: Target, aggregation: Aggregation, *, part: str | None = None) -> TargetFigures:
        """The figures that feed a target (or the breakdown part *part*), per year (DESIGN §3.1).

        Per year: the counted figures that name the target (for a part: those of its area or party); for a year
        without them, the counted figures of the target's indicator in the same place.
        """
        named = self.of(SubjectKind.TARGET, target.id)
        if part is None:
            area, party = target.area, None
        else:
            area, party = part_place(self.agreement, part)
            named = [r for r in named if (r.area == area if party is None else r.party == party)]
        named_counted, named_pending = split(named)
        counted, pending = split(self.of_indicator(target.indicator, area=area, party=party))
        weights = self.agreement.index.areas
        series = yearly(counted, aggregation=aggregation, area=area, party=party, weights=weights, source="indicator")
        if named_counted:
            named_years = {realisation.year for realisation in named_counted}
            own = yearly(
                named_counted, aggregation=aggregation, area=area, party=party, weights=weights, source="target"
            )
            series = {year: figure for year, figure in series.items() if year not in named_years}
            series = dict(sorted({**series, **own}.items()))
            pending = [realisation for realisation in pending if realisation.year not in named_years]
        return TargetFigures(area=area, party=party, series=series, pending=(*named_pending, *pending))

    def outcome_of(self, commitment_id: str) -> Realisation | None:
        """The latest approved figure with an outcome of a commitment known by the as-of date (`latest_outcome`)."""
        if commitment_id not in self._with_outcome:
            return None  # most commitments: decided without looking at their figures
        return latest_outcome(self.of(SubjectKind.COMMITMENT, commitment_id))


# --- which years take figures (PA308) ---------------------------------------------------------------------------


class FigureYears:
    """Which years an agreement takes figures for (PA308): the perspective, the year before it, and baseline years.

    The baseline years a figure may have besides: that of the target it names, that of the target of the
    commitment it names, or for an indicator's figure that of any target of the indicator.
    """

    def __init__(self, agreement: Agreement) -> None:
        self.agreement = agreement
        perspective = agreement.perspective
        self._perspective = range(perspective.start - 1, perspective.end + 1)
        by_indicator: defaultdict[str, set[int]] = defaultdict(set)
        for target in agreement.targets:
            if target.baseline is not None:
                by_indicator[target.indicator].add(target.baseline.year)
        self._by_indicator = {key: frozenset(years) for key, years in by_indicator.items()}
        self._any = frozenset(year for years in by_indicator.values() for year in years)

    def baseline_years(self, kind: str, subject_id: str) -> frozenset[int]:
        """The baseline years of the targets a figure about a ``commitment``, ``target`` or ``indicator`` is about."""
        if kind == SubjectKind.INDICATOR:
            return self._by_indicator.get(subject_id, frozenset())
        index = self.agreement.index
        target_id: str | None = subject_id
        if kind == SubjectKind.COMMITMENT:
            commitment = index.commitments.get(subject_id)
            target_id = commitment.target if commitment is not None else None
        target = index.targets.get(target_id) if target_id is not None else None
        return frozenset({target.baseline.year}) if target is not None and target.baseline is not None else frozenset()

    def allows(self, kind: str, subject_id: str, year: int) -> bool:
        """Whether a figure about a subject may have *year*: the perspective, the year before, a baseline year."""
        return year in self._perspective or year in self.baseline_years(kind, subject_id)

    def allows_figure(self, realisation: Realisation) -> bool:
        """Whether a realisation's year is one the agreement takes figures for (PA308)."""
        return self.allows(*realisation.subject, realisation.year)

    def allows_some(self, year: int) -> bool:
        """Whether some figure may have *year*: the perspective, the year before, or any target's baseline year."""
        return year in self._perspective or year in self._any


# --- what a value means -----------------------------------------------------------------------------------------


def sign_contradicts(indicator: Indicator, value: Number) -> bool:
    """Whether a target's or commitment's value has the sign its indicator's direction rules out (DESIGN §3.1).

    For a stock or cumulative indicator the value is a net change: ``increase`` goes with a value of at least 0,
    ``decrease`` with at most 0 (PA006). A flow's value is an amount and a ratio's a share: their sign says
    nothing about the direction (a negative flow is PA005's), so for them this is always false.
    """
    if indicator.aggregation not in (Aggregation.STOCK, Aggregation.CUMULATIVE):
        return False
    if indicator.direction is Direction.DECREASE:
        return value > 0
    return value < 0
