"""Commitments: the concrete annual agreements (jaarafspraken) that make the perspective real.

Handbook: "een meerjarig gedeeld perspectief (+/- 5 jaar vooruit) gecombineerd met concrete jaarafspraken";
"Een goed resultaat van meerpartijen(samenwerkings)prestatieafspraken is per definitie wederkerig."
"""

from __future__ import annotations

import enum

import attrs
import pendulum

from prestatieafspraken.model.fields import REFERS_TO, WIRE_NAME, IdKind, Number, Visibility
from prestatieafspraken.model.ids import InvariantError, slug

__all__ = ["Commitment", "CommitmentKind"]


class CommitmentKind(enum.Enum):
    """Whether a commitment promises a result or an effort."""

    RESULT = "result"
    """Resultaatsverplichting."""
    EFFORT = "effort"
    """Inspanningsverplichting."""


def _at_least_one_executor(_instance: object, _attribute: object, value: tuple[str, ...]) -> None:
    if not value:
        raise InvariantError.at("by", "commitment_without_party")


@attrs.frozen(kw_only=True)
class Commitment:
    """A concrete commitment of one or more parties, for a year, towards goals and targets."""

    id: str = attrs.field(validator=slug)
    by: tuple[str, ...] = attrs.field(validator=_at_least_one_executor, metadata={REFERS_TO: IdKind.PARTY})
    """The party ids that execute it (the file may give one id or a list)."""
    beneficiaries: tuple[str, ...] = attrs.field(default=(), metadata={WIRE_NAME: "for", REFERS_TO: IdKind.PARTY})
    """The party ids that benefit; the reciprocity rules read them."""
    theme: str | None = attrs.field(default=None, metadata={REFERS_TO: IdKind.THEME})
    goals: tuple[str, ...] = attrs.field(default=(), metadata={REFERS_TO: IdKind.GOAL})
    year: int | None = None
    kind: CommitmentKind = CommitmentKind.RESULT
    text: str | None = None
    indicator: str | None = attrs.field(default=None, metadata={REFERS_TO: IdKind.INDICATOR})
    value: Number | None = None
    target: str | None = attrs.field(default=None, metadata={REFERS_TO: IdKind.TARGET})
    area: str | None = attrs.field(default=None, metadata={REFERS_TO: IdKind.AREA})
    due: pendulum.Date | None = None
    conditional_on: tuple[str, ...] = attrs.field(default=(), metadata={REFERS_TO: IdKind.COMMITMENT})
    """Commitment ids this one depends on."""
    visibility: Visibility = Visibility.PUBLIC
    visible_to: tuple[str, ...] = attrs.field(default=(), metadata={REFERS_TO: IdKind.PARTY})
    """With restricted visibility: the party ids that may see it."""
