"""One progress computation: each target and commitment judged against its path (see `progress_report`).

The figures come from `prestatieafspraken.figures`; this module only judges them.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping

import attrs
import pendulum

from prestatieafspraken._progress._records import (
    CommitmentProgress,
    FiguresFrom,
    TargetProgress,
    Thresholds,
)
from prestatieafspraken.figures import FigureIndex, YearFigure, sign_contradicts, split, yearly
from prestatieafspraken.model import (
    Aggregation,
    Agreement,
    Assessment,
    Commitment,
    Direction,
    Indicator,
    Number,
    Outcome,
    ProgressStatus,
    Realisation,
    SubjectKind,
    Target,
)

__all__ = ["Progress"]


# --- judging ---------------------------------------------------------------------------------------------------


def _sign(direction: Direction) -> int:
    return -1 if direction is Direction.DECREASE else 1


@attrs.frozen(kw_only=True)
class _Verdict:
    status: ProgressStatus
    ratio: float | None
    note: str | None = None


_NO_DATA = _Verdict(status=ProgressStatus.NO_DATA, ratio=None)
_NOT_DUE = _Verdict(status=ProgressStatus.NOT_STARTED, ratio=None)
_TOO_LARGE = _Verdict(status=ProgressStatus.NO_DATA, ratio=None, note="the figures are too large to compare")
_CEILING = "a ceiling (a flow whose direction is decrease): at or below the expected path is on track"

#: DESIGN §3.1: how a commitment judged by its outcome stands.
_OUTCOME_VERDICTS = {
    outcome: _Verdict(status=status, ratio=None, note=f"judged by its outcome: {outcome.value}")
    for outcome, status in (
        (Outcome.DONE, ProgressStatus.ACHIEVED),
        (Outcome.PARTLY, ProgressStatus.NEEDS_ACCELERATION),
        (Outcome.NOT_DONE, ProgressStatus.OFF_TRACK),
    )
}
_NO_OUTCOME = _Verdict(
    status=ProgressStatus.NO_DATA,
    ratio=None,
    note="judged by its outcome (no value and indicator to measure): no approved outcome",
)


def _judge(
    *,
    start: Number,
    reach: Number,
    realised: Number,
    expected: Number,
    elapsed: int,
    span: int,
    direction: Direction,
    ceiling: bool,
    thresholds: Thresholds,
) -> _Verdict:
    """The status from R and its parts (see the package docstring, "Status")."""
    sign = _sign(direction)
    need = sign * (reach - start)
    moved = sign * (realised - start)
    if any(isinstance(x, float) and math.isnan(x) for x in (need, moved, expected)):
        return _TOO_LARGE
    if ceiling:
        status = ProgressStatus.ON_TRACK if realised <= expected else ProgressStatus.OFF_TRACK
        return _Verdict(status=status, ratio=None, note=_CEILING)
    if need > 0:
        ratio = (moved * span) / (need * elapsed)
        if math.isnan(ratio):
            return _TOO_LARGE
        achieved = sign * (realised - reach) >= 0
        return _Verdict(status=ProgressStatus.ACHIEVED if achieved else thresholds.classify(ratio), ratio=ratio)
    if need == 0:
        status = ProgressStatus.DETERIORATING if moved < 0 else ProgressStatus.ON_TRACK
        return _Verdict(status=status, ratio=None, note="the path asks for no change (expected = start)")
    # Only a ratio gets here (a stock's or cumulative's value against its direction is refused before):
    # a share allowed to move against the direction, as far as the path goes.
    ahead = sign * (realised - expected) >= 0
    return _Verdict(
        status=ProgressStatus.ON_TRACK if ahead else ProgressStatus.OFF_TRACK,
        ratio=None,
        note="the path allows a change against the indicator's direction; compared with the expected value",
    )


def _expected(start: Number, reach: Number, elapsed: int, span: int) -> Number:
    if elapsed == span:
        return reach
    return start + (reach - start) * elapsed / span


def _conflict(indicator: Indicator, value: Number) -> str | None:
    """Why a value contradicts its indicator (DESIGN §3.1), or None: such a value is never judged on track."""
    if sign_contradicts(indicator, value):
        want = "at most 0" if indicator.direction is Direction.DECREASE else "at least 0"
        return (
            f"the value {value} contradicts the direction {indicator.direction.value}: for a "
            f"{indicator.aggregation.value} indicator the value is a net change, so it must be {want} (PA006)"
        )
    if indicator.aggregation is Aggregation.FLOW and value < 0:
        return f"the value {value} is negative: a flow's value is an amount and never negative (PA005)"
    return None


def _sources(figures: Iterable[YearFigure]) -> FiguresFrom | None:
    found = {figure.source for figure in figures if figure.source is not None}
    if len(found) > 1:
        return "both"
    return found.pop() if found else None


# --- the computation ------------------------------------------------------------------------------------------


class Progress:
    """One progress computation: the agreement, the date, the figures and the assessments, looked up once."""

    def __init__(self, agreement: Agreement, as_of: pendulum.Date, thresholds: Thresholds) -> None:
        self.agreement = agreement
        self.index = agreement.index
        self.as_of = as_of
        self.thresholds = thresholds
        self.figures = FigureIndex(agreement, as_of)
        self._year_ends: dict[int, pendulum.Date] = {}
        assessed: defaultdict[tuple[str, str], list[Assessment]] = defaultdict(list)
        if agreement.monitoring is not None:
            for assessment in agreement.monitoring.assessments:
                if assessment.date <= as_of:
                    assessed[assessment.subject].append(assessment)
        self.assessments = {
            subject: tuple(sorted(items, key=lambda item: item.date)) for subject, items in assessed.items()
        }

    # --- targets ---

    def target(self, position: int, target: Target) -> TargetProgress:
        """The record of a target, with one record per part of its breakdown."""
        indicator = self.index.indicators.get(target.indicator)
        path = f"$.targets[{position}]"
        parts = tuple(
            self._measure(target, indicator, f"{path}.breakdown['{key}']", value, part=key)
            for key, value in target.breakdown.items()
        )
        whole = self._measure(target, indicator, path, target.value, part=None)
        return attrs.evolve(whole, parts=parts, assessments=self.assessments.get((SubjectKind.TARGET, target.id), ()))

    def _measure(
        self, target: Target, indicator: Indicator | None, path: str, value: Number, *, part: str | None
    ) -> TargetProgress:
        first = target.from_year if target.from_year is not None else self.agreement.perspective.start
        aggregation = indicator.aggregation if indicator is not None else Aggregation.FLOW
        fed = self.figures.for_target(target, aggregation, part=part)
        record = TargetProgress(
            target=target,
            path=path,
            area=fed.area,
            party=fed.party,
            value=value,
            first_year=first,
            by=target.by,
            aggregation=indicator.aggregation if indicator is not None else None,
            direction=indicator.direction if indicator is not None else Direction.INCREASE,
            status=ProgressStatus.NO_DATA,
            ratio=None,
            start=None,
            expected=None,
            realised=None,
            reach=None,
            year=None,
            figures=(),
            figures_from=None,
            pending=fed.pending,
            series={year: figure for year, figure in fed.series.items() if first - 1 <= year <= target.by},
        )
        if indicator is None:
            status = ProgressStatus.NOT_STARTED if self.as_of.year < first else ProgressStatus.NO_DATA
            return attrs.evolve(record, status=status, note=f"the indicator {target.indicator!r} is unknown")
        judged = self._judge_target(record, indicator, fed.series, baseline=part is None)
        conflict = _conflict(indicator, value)
        if conflict is not None:
            return attrs.evolve(judged, status=ProgressStatus.CONTRADICTS_DIRECTION, ratio=None, note=conflict)
        return judged

    def _judge_target(
        self, record: TargetProgress, indicator: Indicator, series: Mapping[int, YearFigure], *, baseline: bool
    ) -> TargetProgress:
        target, first, value = record.target, record.first_year, record.value
        aggregation = indicator.aggregation
        start, start_figure = self._start(target, aggregation, series, first, baseline=baseline)
        start_figures = start_figure.figures if start_figure is not None else ()
        reach: Number | None = value
        if aggregation in (Aggregation.STOCK, Aggregation.CUMULATIVE):  # a net change (DESIGN §3.1)
            reach = None if start is None else start + value
        record = attrs.evolve(
            record,
            start=start,
            reach=reach,
            figures=start_figures,
            figures_from=_sources([start_figure] if start_figure is not None else []),
        )
        if self.as_of.year < first:
            return attrs.evolve(record, status=ProgressStatus.NOT_STARTED)
        years = sorted(year for year in series if first <= year <= target.by)
        if not years:
            return attrs.evolve(record, note="no counted figure from `from` to `by`")
        year = years[-1]
        if aggregation is Aggregation.FLOW:
            used = [series[y] for y in years]
            realised: Number = sum(figure.value for figure in used)
        else:
            used = [series[year]]
            realised = series[year].value
        figures = (*start_figures, *(realisation for figure in used for realisation in figure.figures))
        used_from = _sources([*used, *([start_figure] if start_figure is not None else [])])
        record = attrs.evolve(record, realised=realised, year=year, figures=figures, figures_from=used_from)
        if start is None or reach is None:
            achieved = aggregation is Aggregation.RATIO and _sign(indicator.direction) * (realised - value) >= 0
            return attrs.evolve(
                record,
                status=ProgressStatus.ACHIEVED if achieved else ProgressStatus.NO_DATA,
                note="no starting level: no baseline and no counted figure of `from − 1`",
            )
        span = target.by - first + 1
        elapsed = year - first + 1
        expected = _expected(start, reach, elapsed, span)
        verdict = _judge(
            start=start,
            reach=reach,
            realised=realised,
            expected=expected,
            elapsed=elapsed,
            span=span,
            direction=indicator.direction,
            ceiling=aggregation is Aggregation.FLOW and indicator.direction is Direction.DECREASE,
            thresholds=self.thresholds,
        )
        return attrs.evolve(record, expected=expected, status=verdict.status, ratio=verdict.ratio, note=verdict.note)

    @staticmethod
    def _start(
        target: Target, aggregation: Aggregation, series: Mapping[int, YearFigure], first: int, *, baseline: bool
    ) -> tuple[Number | None, YearFigure | None]:
        """The starting level at the end of ``from − 1`` and the figures of that year it was read from, if any."""
        if aggregation is Aggregation.FLOW:
            return 0, None
        if baseline and target.baseline is not None:
            return target.baseline.value, None
        before = series.get(first - 1)
        if before is not None:
            return before.value, before
        return (0, None) if aggregation is Aggregation.CUMULATIVE else (None, None)

    # --- commitments ---

    def commitment(self, position: int, commitment: Commitment) -> CommitmentProgress:
        """The record of a commitment: by its value and indicator, else by its outcome (DESIGN §3.1)."""
        indicator = self.index.indicators.get(commitment.indicator) if commitment.indicator is not None else None
        aggregation = indicator.aggregation if indicator is not None else Aggregation.FLOW
        direction = indicator.direction if indicator is not None else Direction.INCREASE
        known = self.figures.of(SubjectKind.COMMITMENT, commitment.id)
        counted, pending = split(known) if known else ((), ())
        judged_from = self._judged_from(commitment)
        realised: Number | None = None
        year: int | None = None
        figures: tuple[Realisation, ...] = ()
        series = yearly(counted, aggregation=aggregation, area=commitment.area) if counted else {}
        if series:
            year = max(series)
            if aggregation is Aggregation.FLOW:
                realised = sum(figure.value for figure in series.values())
                used = [series[y] for y in sorted(series)]
            else:
                realised, used = series[year].value, [series[year]]
            figures = tuple(realisation for figure in used for realisation in figure.figures)
        outcome = self.figures.outcome_of(commitment.id) if known else None
        value = commitment.value
        conflict: str | None = None
        if value is None or commitment.indicator is None:
            verdict = self._by_outcome(outcome, judged_from)
        elif (
            indicator is not None
            and (value < 0 or direction is Direction.DECREASE)
            and (conflict := _conflict(indicator, value)) is not None
        ):
            verdict = _Verdict(status=ProgressStatus.CONTRADICTS_DIRECTION, ratio=None, note=conflict)
        elif judged_from > self.as_of:
            verdict = _NOT_DUE
        elif realised is None:
            verdict = _NO_DATA
        else:
            verdict = _judge(
                start=0,
                reach=value,
                realised=realised,
                expected=value,
                elapsed=1,
                span=1,
                direction=direction,
                ceiling=aggregation is Aggregation.FLOW and direction is Direction.DECREASE,
                thresholds=self.thresholds,
            )
        return CommitmentProgress(
            commitment=commitment,
            path=f"$.commitments[{position}]",
            aggregation=aggregation,
            direction=direction,
            status=verdict.status,
            ratio=verdict.ratio,
            start=0,
            expected=commitment.value,
            realised=realised,
            year=year,
            judged_from=judged_from,
            figures=figures,
            pending=tuple(pending),
            assessments=self.assessments.get((SubjectKind.COMMITMENT, commitment.id), ()) if self.assessments else (),
            note=verdict.note,
            outcome_figure=outcome,
        )

    def _by_outcome(self, outcome: Realisation | None, judged_from: pendulum.Date) -> _Verdict:
        if judged_from > self.as_of:
            return _NOT_DUE
        if outcome is None or outcome.outcome is None:
            return _NO_OUTCOME
        return _OUTCOME_VERDICTS[outcome.outcome]

    def _judged_from(self, commitment: Commitment) -> pendulum.Date:
        if commitment.due is not None:
            return commitment.due
        year = commitment.year if commitment.year is not None else self.agreement.perspective.end
        end = self._year_ends.get(year)
        if end is None:
            end = self._year_ends[year] = pendulum.Date(min(max(year, 1), 9999), 12, 31)
        return end
