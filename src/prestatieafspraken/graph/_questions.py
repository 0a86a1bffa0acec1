"""The plain questions of the responsibility graph: reciprocity, goals and theme leads, without networkx.

Handbook, "En blijf op je doel focussen": "Een goed resultaat van meerpartijen(samenwerkings)prestatieafspraken
is per definitie wederkerig." and "Benut elkaars kwaliteiten": "De één mag op het ene thema trekker zijn,
terwijl de ander op een ander thema trekker wordt."

These run on the plain dict indexes of `Agreement.index` and import nothing of networkx, so the rules import them
at the top of their modules and a check pays nothing for the graph machinery.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from prestatieafspraken.errors import UnknownNameError
from prestatieafspraken.model.fields import Number

if TYPE_CHECKING:
    from prestatieafspraken.model.agreement import Agreement
    from prestatieafspraken.model.commitments import Commitment
    from prestatieafspraken.model.index import AgreementIndex

__all__ = [
    "OneSided",
    "PartyBalance",
    "Reciprocity",
    "SinglePoint",
    "ThemeLead",
    "ThemeTotal",
    "commitments_without_goal",
    "leads_without_commitments",
    "one_sided_parties",
    "reciprocity",
    "single_points_of_failure",
    "theme_leads",
]


# --------------------------------------------------------------------------------------------------------------
# Reciprocity: who gives, who receives (PA203, PA204)
# --------------------------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ThemeTotal:
    """The commitments of one party in one theme, counted, with their committed quantities."""

    theme: str | None
    """The theme id; ``None`` for commitments without a theme."""
    commitments: int
    quantities: Mapping[str | None, Number] = attrs.field(hash=False)
    """Per indicator id (``None``: no indicator) the sum of the commitments' ``value`` where one is given.

    Quantities add up only within one indicator (one unit): dwellings and euros are never summed together.
    """


@attrs.frozen(kw_only=True)
class PartyBalance:
    """What one party gives (executes) and receives (benefits from), per theme in order of first appearance.

    A commitment with several executors counts in full for each of them (and likewise for beneficiaries), so the
    balances of all parties do not add up to the agreement's totals.
    """

    party: str
    gives: tuple[ThemeTotal, ...]
    receives: tuple[ThemeTotal, ...]

    @property
    def given(self) -> int:
        """How many commitments the party executes."""
        return sum(total.commitments for total in self.gives)

    @property
    def received(self) -> int:
        """How many commitments the party benefits from."""
        return sum(total.commitments for total in self.receives)


@attrs.frozen(kw_only=True)
class Reciprocity:
    """Who gives what to whom: a balance per party, and the matrix between parties."""

    balances: tuple[PartyBalance, ...]
    """One per party, in file order."""
    matrix: Mapping[str, Mapping[str, int]] = attrs.field(hash=False)
    """Giver id -> receiver id -> the number of commitments the giver executes for the receiver.

    Only pairs with at least one commitment are present; a party that benefits from its own commitment appears
    on the diagonal.
    """

    def balance(self, party_id: str) -> PartyBalance:
        """Return the balance of one party.

        Raises:
            UnknownNameError: The agreement has no such party (kind ``"party"``; also a `ValueError`).
        """
        for balance in self.balances:
            if balance.party == party_id:
                return balance
        known = (balance.party for balance in self.balances)
        raise UnknownNameError("party", party_id, known, advice="use one of the agreement's party ids")

    def between(self, giver: str, receiver: str) -> int:
        """Return how many commitments *giver* executes for *receiver* (0 when none)."""
        return self.matrix.get(giver, {}).get(receiver, 0)


def _theme_totals(commitments: Iterable[Commitment]) -> tuple[ThemeTotal, ...]:
    counts: dict[str | None, int] = {}
    quantities: dict[str | None, dict[str | None, Number]] = {}
    for commitment in commitments:
        counts[commitment.theme] = counts.get(commitment.theme, 0) + 1
        per_indicator = quantities.setdefault(commitment.theme, {})
        if commitment.value is not None:
            per_indicator[commitment.indicator] = per_indicator.get(commitment.indicator, 0) + commitment.value
    return tuple(
        ThemeTotal(theme=theme, commitments=count, quantities=MappingProxyType(quantities[theme]))
        for theme, count in counts.items()
    )


def reciprocity(agreement: Agreement) -> Reciprocity:
    """Count per party what it gives and receives, per theme, and who gives to whom.

    Unknown party ids in ``by`` or ``for`` are left out (PA001 reports them). Runs on `Agreement.index`.
    """
    index = agreement.index
    parties = index.parties
    balances = tuple(
        PartyBalance(
            party=party_id,
            gives=_theme_totals(index.commitments_by_party(party_id)),
            receives=_theme_totals(index.commitments_for_party(party_id)),
        )
        for party_id in parties
    )
    matrix: defaultdict[str, dict[str, int]] = defaultdict(dict)
    for commitment in index.commitments.values():
        receivers = [party for party in dict.fromkeys(commitment.beneficiaries) if party in parties]
        if not receivers:
            continue
        for giver in dict.fromkeys(commitment.by):
            if giver in parties:
                row = matrix[giver]
                for receiver in receivers:
                    row[receiver] = row.get(receiver, 0) + 1
    frozen = {giver: MappingProxyType(row) for giver, row in matrix.items()}
    return Reciprocity(balances=balances, matrix=MappingProxyType(frozen))


@attrs.frozen(kw_only=True)
class OneSided:
    """The counted parties whose part is one-sided, each in the parties' file order."""

    only_give: tuple[str, ...]
    """Counted parties that execute commitments but benefit from none (PA203)."""
    only_receive: tuple[str, ...]
    """Counted parties that benefit from commitments but execute none (PA204)."""


def one_sided_parties(agreement: Agreement) -> OneSided:
    """Find the counted parties that only give or only receive: "per definitie wederkerig" (PA203, PA204).

    Counted parties are founding or joined (DESIGN §4, `AgreementIndex.is_counted`); endorsers, observers and
    parties that declined need not reciprocate and are never listed. A party that neither gives nor receives is
    not one-sided. Runs on `Agreement.index`.
    """
    index = agreement.index
    only_give: list[str] = []
    only_receive: list[str] = []
    for party_id in index.parties:
        if not index.is_counted(party_id):
            continue
        gives = bool(index.commitments_by_party(party_id))
        receives = bool(index.commitments_for_party(party_id))
        if gives and not receives:
            only_give.append(party_id)
        elif receives and not gives:
            only_receive.append(party_id)
    return OneSided(only_give=tuple(only_give), only_receive=tuple(only_receive))


# --------------------------------------------------------------------------------------------------------------
# Goals (PA201 and the resilience of goals)
# --------------------------------------------------------------------------------------------------------------


def _served_goals(commitment: Commitment, index: AgreementIndex) -> dict[str, None]:
    """The known goals a commitment serves, directly or through its target, in order and without repeats."""
    goals = index.goals
    served = dict.fromkeys(goal for goal in commitment.goals if goal in goals)
    target = index.targets.get(commitment.target) if commitment.target is not None else None
    if target is not None:
        served.update(dict.fromkeys(goal for goal in target.goals if goal in goals))
    return served


def commitments_without_goal(agreement: Agreement) -> tuple[str, ...]:
    """Return the ids of the commitments that serve no goal, directly or through their target (PA201).

    Handbook, "Bespreek met elkaar het doel van afspraken": "afspraken een middel zijn en niet een doel op
    zichzelf". Only known goals count: a commitment that names only unknown goals serves none (PA001 reports
    the unknown ids). In file order; runs on `Agreement.index`.
    """
    index = agreement.index
    return tuple(commitment.id for commitment in index.commitments.values() if not _served_goals(commitment, index))


@attrs.frozen(kw_only=True)
class SinglePoint:
    """A goal that rests on one party: every commitment serving it is executed by that party alone."""

    goal: str
    party: str
    commitments: tuple[str, ...]
    """The commitments that serve the goal (directly or through their target), in file order."""


def single_points_of_failure(agreement: Agreement) -> tuple[SinglePoint, ...]:
    """Find the goals whose serving commitments are all executed by one and the same party.

    Take that party away and the goal has no commitment left. A commitment executed jointly keeps the goal
    served by the other executors, so it prevents a single point. Goals that no commitment serves are not
    listed (that is PA202); unknown executor ids are ignored. In the goals' file order; runs on
    `Agreement.index`.
    """
    index = agreement.index
    serving: defaultdict[str, list[str]] = defaultdict(list)
    executors: defaultdict[str, dict[str, None]] = defaultdict(dict)
    for commitment in index.commitments.values():
        served = _served_goals(commitment, index)
        if not served:
            continue
        by = [party for party in commitment.by if party in index.parties]
        for goal in served:
            serving[goal].append(commitment.id)
            executors[goal].update(dict.fromkeys(by))
    found: list[SinglePoint] = []
    for goal in index.goals:
        parties = executors.get(goal, {})
        if len(parties) == 1:
            (party,) = parties
            found.append(SinglePoint(goal=goal, party=party, commitments=tuple(serving[goal])))
    return tuple(found)


# --------------------------------------------------------------------------------------------------------------
# Theme leads (PA206)
# --------------------------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ThemeLead:
    """A theme's lead (trekker) and the commitments it executes in that theme, in file order."""

    theme: str
    lead: str
    commitments: tuple[str, ...]


def theme_leads(agreement: Agreement) -> tuple[ThemeLead, ...]:
    """Return, per declared theme with a known lead, that lead and the commitments it executes in the theme.

    Handbook, "Benut elkaars kwaliteiten": "De één mag op het ene thema trekker zijn". A lead that is not a party
    of the agreement is left out (PA001 reports it). In the themes' file order; runs on `Agreement.index`.
    """
    index = agreement.index
    return tuple(
        ThemeLead(
            theme=theme.id,
            lead=theme.lead,
            commitments=tuple(c.id for c in index.commitments_by_theme(theme.id) if theme.lead in c.by),
        )
        for theme in index.themes.values()
        if theme.lead is not None and theme.lead in index.parties
    )


def leads_without_commitments(agreement: Agreement) -> tuple[ThemeLead, ...]:
    """Return the theme leads that execute no commitment in the theme they lead (PA206).

    A theme with a lead and no commitments at all is listed too: its lead carries nothing in it.
    """
    return tuple(lead for lead in theme_leads(agreement) if not lead.commitments)
