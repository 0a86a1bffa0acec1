"""The roles of mandates in Dutch and English, for the messages of the mandate and coordination rules."""

from __future__ import annotations

from prestatieafspraken.model import MandateRole

__all__ = ["ROLE_EN", "ROLE_NL"]

#: Roles in Dutch and English, for messages; the handbook's questions in brackets.
ROLE_NL: dict[MandateRole, str] = {
    MandateRole.DRAFTER: "opsteller (wie zet het op papier)",
    MandateRole.DECIDER: "beslisser (wie hakt knopen door)",
    MandateRole.APPROVER: "goedkeurder (wie keurt iets goed)",
    MandateRole.SIGNATORY: "ondertekenaar (wie tekent)",
    MandateRole.EXECUTOR: "uitvoerder (wie voert uit)",
    MandateRole.ADMINISTRATIVE_LEAD: "bestuurlijke trekker",
    MandateRole.OFFICIAL_LEAD: "ambtelijke trekker",
}
ROLE_EN: dict[MandateRole, str] = {
    MandateRole.DRAFTER: "drafter (who puts it on paper)",
    MandateRole.DECIDER: "decider (who makes the calls)",
    MandateRole.APPROVER: "approver (who approves)",
    MandateRole.SIGNATORY: "signatory (who signs)",
    MandateRole.EXECUTOR: "executor (who carries it out)",
    MandateRole.ADMINISTRATIVE_LEAD: "administrative lead",
    MandateRole.OFFICIAL_LEAD: "official lead",
}
