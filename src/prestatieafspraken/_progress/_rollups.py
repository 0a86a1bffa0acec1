"""The roll-ups of a progress report: counts per status and flow sums per theme, party and area."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import pendulum

from prestatieafspraken._progress._records import (
    CommitmentProgress,
    FlowTotals,
    ProgressReport,
    RollUp,
    TargetProgress,
    Thresholds,
)
from prestatieafspraken.model import Aggregation, Agreement, Number, ProgressStatus

__all__ = ["report"]

_STATUSES = tuple(ProgressStatus)
_SLOT = {status: slot for slot, status in enumerate(_STATUSES)}


def _counts(slots: list[int] | None) -> Mapping[ProgressStatus, int]:
    return MappingProxyType(dict(zip(_STATUSES, slots or [0] * len(_STATUSES), strict=True)))


class _RollUps:
    """Counts per status and flow sums per key (a theme, party or area id), filled record by record.

    Counts are kept per status slot (its position in `ProgressStatus`), so a record costs one enum lookup.
    """

    def __init__(self) -> None:
        self.targets: dict[str | None, list[int]] = {}
        self.commitments: dict[str | None, list[int]] = {}
        self.flows: dict[str | None, dict[str, list[Number]]] = {}

    def add_target(self, key: str | None, status: ProgressStatus) -> None:
        counts = self.targets.get(key)
        if counts is None:
            counts = self.targets[key] = [0] * len(_STATUSES)
        counts[_SLOT[status]] += 1

    def add_commitment(self, key: str | None, slot: int, flow: tuple[str, Number, Number, Number] | None) -> None:
        counts = self.commitments.get(key)
        if counts is None:
            counts = self.commitments[key] = [0] * len(_STATUSES)
        counts[slot] += 1
        if flow is None:
            return
        indicator, committed, due, realised = flow
        flows = self.flows.get(key)
        if flows is None:
            flows = self.flows[key] = {}
        totals = flows.get(indicator)
        if totals is None:
            flows[indicator] = [committed, due, realised]
        else:
            totals[0] += committed
            totals[1] += due
            totals[2] += realised

    def build(self) -> dict[str | None, RollUp]:
        keys = dict.fromkeys([*self.targets, *self.commitments, *self.flows])
        return {
            key: RollUp(
                key=key,
                targets=_counts(self.targets.get(key)),
                commitments=_counts(self.commitments.get(key)),
                flows=MappingProxyType(
                    {
                        indicator: FlowTotals(indicator=indicator, committed=sums[0], due=sums[1], realised=sums[2])
                        for indicator, sums in self.flows.get(key, {}).items()
                    }
                ),
            )
            for key in keys
        }


def _flow(record: CommitmentProgress, as_of: pendulum.Date) -> tuple[str, Number, Number, Number] | None:
    """A commitment's part of the flow sums: its indicator, value, value if due, and realised quantity."""
    commitment = record.commitment
    if record.aggregation is not Aggregation.FLOW or commitment.indicator is None or commitment.value is None:
        return None
    due = commitment.value if record.judged_from <= as_of else 0
    return (commitment.indicator, commitment.value, due, record.realised if record.realised is not None else 0)


def report(
    agreement: Agreement,
    as_of: pendulum.Date,
    thresholds: Thresholds,
    targets: tuple[TargetProgress, ...],
    commitments: tuple[CommitmentProgress, ...],
) -> ProgressReport:
    """The report of the records, with their roll-ups per theme, party and area."""
    themes, parties, areas = _RollUps(), _RollUps(), _RollUps()
    for record in targets:
        themes.add_target(record.target.theme, record.status)
        areas.add_target(record.target.area, record.status)
        for part in record.parts:
            if part.party is not None:
                parties.add_target(part.party, part.status)
            else:
                areas.add_target(part.area, part.status)
    target_themes = {target.id: target.theme for target in reversed(agreement.targets)}
    for commitment_record in commitments:
        commitment = commitment_record.commitment
        theme = commitment.theme
        if theme is None and commitment.target is not None:
            theme = target_themes.get(commitment.target)
        slot, flow = _SLOT[commitment_record.status], _flow(commitment_record, as_of)
        themes.add_commitment(theme, slot, flow)
        areas.add_commitment(commitment.area, slot, flow)
        for party in commitment.by if len(commitment.by) == 1 else dict.fromkeys(commitment.by):
            parties.add_commitment(party, slot, flow)
    by_party = {key: rollup for key, rollup in parties.build().items() if key is not None}
    return ProgressReport(
        agreement_id=agreement.id,
        as_of=as_of,
        thresholds=thresholds,
        targets=targets,
        commitments=commitments,
        by_theme=MappingProxyType(themes.build()),
        by_party=MappingProxyType(by_party),
        by_area=MappingProxyType(areas.build()),
    )
