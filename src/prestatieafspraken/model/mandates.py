"""Mandates: who drafts, decides, approves, signs, executes, leads and monitors.

Handbook, "Bestuurders en beleidsmedewerkers met mandaat": "Wie gaat het op papier zetten, wie hakt knopen door,
wie keurt iets goed, wie tekent en wie voert uit?"
"""

from __future__ import annotations

import enum

import attrs

from prestatieafspraken.model.fields import REFERS_TO, IdKind

__all__ = ["Mandate", "MandateRole"]


class MandateRole(enum.Enum):
    """A role a party holds in the process or in the execution of an agreement."""

    DRAFTER = "drafter"
    """Wie zet het op papier."""
    DECIDER = "decider"
    """Wie hakt knopen door."""
    APPROVER = "approver"
    """Wie keurt goed."""
    SIGNATORY = "signatory"
    """Wie tekent."""
    EXECUTOR = "executor"
    """Wie voert uit."""
    ADMINISTRATIVE_LEAD = "administrative_lead"
    """Bestuurlijke trekker."""
    OFFICIAL_LEAD = "official_lead"
    """Ambtelijke trekker."""
    COORDINATOR = "coordinator"
    FACILITATOR = "facilitator"
    MONITOR = "monitor"
    """Wie de regie houdt op de voortgang."""


@attrs.frozen(kw_only=True)
class Mandate:
    """A role held by a party, optionally by a named person, granted by other parties, limited to themes."""

    holder: str = attrs.field(metadata={REFERS_TO: IdKind.PARTY})
    role: MandateRole
    person: str | None = None
    granted_by: tuple[str, ...] = attrs.field(default=(), metadata={REFERS_TO: IdKind.PARTY})
    themes: tuple[str, ...] = attrs.field(default=(), metadata={REFERS_TO: IdKind.THEME})
