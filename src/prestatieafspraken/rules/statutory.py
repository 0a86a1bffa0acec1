"""PA4xx, the statutory cycle of local agreements (Woningwet art. 44, BTIV): bid, signing, dispute, basis, evaluation.

These rules apply to ``scope: local`` only: they are registered with ``scopes={Scope.LOCAL}``, so the engine does
not run them on other agreements. The dates are parameters, read once into `RuleContext.statutory`
(`prestatieafspraken.cycles.StatutoryDates`); each rule's description names the public source of its date. The
rules about the bid as content (PA407-PA409) are in `prestatieafspraken.rules.bids`.

*Year Y of a statutory deadline*: the year of the milestone's cycle (DESIGN §3.1): its ``for_year`` when given,
else read from its date (`prestatieafspraken.cycles.cycle_of`): a bid is for the year after its date, a signing
dated July or later for the next year, one dated before July for its own year. So a jaarschijf for 2026 signed
late, on 20 January 2026, is late for 2026, not early for 2027. The deadline day itself is on time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TypeVar

import pendulum

from prestatieafspraken.calendar import dispute_period, process_deadline
from prestatieafspraken.model import BasisKind, MilestoneKind
from prestatieafspraken.rules._phrases import iso_date, of_party
from prestatieafspraken.rules._statutory import BIDDERS, LOCAL, deadline_of, read_from_date
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.registry import rule

#: The rule parameter of the Wet versterking regie volkshuisvesting's effective date: not set by default, as the
#: date is not confirmed in the sources (`prestatieafspraken.cycles.StatutoryDates.regie_effective`).
_REGIE = {"regie_effective": None}

_T = TypeVar("_T")


def _late(
    by_cycle: Mapping[int, Sequence[_T]],
    deadline: Callable[[int], pendulum.Date],
    date: Callable[[_T], pendulum.Date],
) -> Iterator[tuple[int, pendulum.Date, _T]]:
    """Each item dated after the deadline of its own cycle, with the cycle's year and deadline, in order.

    A cycle whose deadline is outside the calendar has nothing to judge; the deadline day itself is on time.
    """
    for year, items in by_cycle.items():
        due = deadline_of(deadline, year)
        if due is None:
            continue
        yield from ((year, due, item) for item in items if date(item) > due)


@rule(
    "PA401",
    severity=Severity.WARNING,
    title_nl="Bod van de corporatie na 1 juli",
    title_en="Corporation's bid after 1 July",
    source="Woningwet art. 44: het bod uiterlijk 1 juli",
    params={"bid_deadline_month": 7, "bid_deadline_day": 1},
    scopes=LOCAL,
)
def late_bid(ctx: RuleContext) -> Iterator[Finding]:
    """A housing corporation's bid for year Y is dated after 1 July of Y−1: the bid is due "uiterlijk 1 juli".

    Law: Woningwet art. 44: each year the corporation sends its bid (overzicht van voorgenomen werkzaamheden) to
    the municipality, the tenant organisations and the bewonerscommissies, who must have it uiterlijk 1 juli
    (https://kennisvanstadenregio.nl/verdieping/kennisdossier-woningmarkt/woningwet/woonvisie-en-prestatieafspraken,
    https://zoek.officielebekendmakingen.nl/kst-29453-561.html). A bid dated 1 July itself is on time.

    Which bids: the bid milestones (not missed) and the bids in ``bids`` of a party of kind housing_corporation or
    corporation_alliance (an alliance bids for its corporations), and bid milestones without a party, which in a
    local agreement can only be the corporations' bid (by law only the corporation bids). Bids of other parties (a
    municipality's own "bod" in a regional process) are not the statutory bid. A bid recorded both in ``bids`` and
    as a bid milestone of the same cycle is judged once, as it stands in ``bids``. Year Y is the year of the bid's
    cycle (`prestatieafspraken.cycles.cycle_of`): its ``for_year``, else the year after its date. Each cycle's bids
    are judged against the deadline of that cycle (``bid_deadline_month``/``bid_deadline_day`` of Y−1); the deadline
    itself is on time.
    """
    for year, deadline, placed in _late(ctx.bids_by_cycle, ctx.statutory.bid_deadline, lambda placed: placed.date):
        party = ctx.index.parties.get(placed.party) if placed.party is not None else None
        if placed.party is not None and (party is None or party.kind not in BIDDERS):
            continue
        yield ctx.finding(
            path=placed.path,
            subjects=placed.parties,
            nl=f"Het bod{of_party(placed.party, 'nl')} voor {year} is gedateerd {iso_date(placed.date)}, na de "
            f"wettelijke termijn van {iso_date(deadline)}: het bod moet uiterlijk op die dag bij gemeente en "
            f"huurders zijn.{read_from_date('het bod', 'nl', explicit=placed.explicit)}",
            en=f"The bid{of_party(placed.party, 'en')} for {year} is dated {iso_date(placed.date)}, after the "
            f"statutory deadline of {iso_date(deadline)}: the bid must reach the municipality and the tenants by "
            f"that day.{read_from_date('the bid', 'en', explicit=placed.explicit)}",
        )


@rule(
    "PA403",
    severity=Severity.WARNING,
    title_nl="Ondertekening na 15 december",
    title_en="Signing after 15 December",
    source="Jaarlijkse cyclus: afspraken uiterlijk 15 december (of 1 december)",
    params={"signing_deadline_month": 12, "signing_deadline_day": 15},
    scopes=LOCAL,
)
def late_signing_for_year(ctx: RuleContext) -> Iterator[Finding]:
    """A signing for year Y is dated after 15 December of Y−1 (configurable to 1 December).

    Practice and policy: the agreements for a year are concluded "voor 15 december"
    (https://www.oosterpoortwoon.nl/prestatieafspraken); the ministerial letter of 16 June 2023 (Kamerstuk 29 453
    nr. 561) says "ieder jaar uiterlijk voor 1 december" (https://zoek.officielebekendmakingen.nl/kst-29453-561.html).
    The sources differ, so the date is a parameter with 15 December as its default, and a late signing is a
    warning, not an error.

    Every signing that is not missed is judged, each against the deadline of its own cycle: year Y is the year of
    the signing's cycle (`prestatieafspraken.cycles.cycle_of`), its ``for_year``, else read from its date (a signing
    dated July or later prepares the next year, one dated before July its own year). So a jaarschijf for 2026 signed
    on 2026-01-20 is late for 2026, not early for 2027. The deadline
    (``signing_deadline_month``/``signing_deadline_day`` of Y−1) itself is on time.
    """
    signings = {
        year: tuple(item for item in placed if item.milestone.kind is MilestoneKind.SIGNING)
        for year, placed in ctx.milestones_by_cycle.items()
    }
    for year, deadline, item in _late(signings, ctx.statutory.signing_deadline, lambda item: item.milestone.date):
        milestone = item.milestone
        yield ctx.finding(
            path=item.path,
            subjects=item.parties,
            nl=f"De ondertekening{of_party(milestone.party, 'nl')} van de afspraken voor {year} is gedateerd "
            f"{iso_date(milestone.date)}, na {iso_date(deadline)}: plan de ondertekening uiterlijk op die dag."
            f"{read_from_date('de ondertekening', 'nl', explicit=item.explicit)}",
            en=f"The signing{of_party(milestone.party, 'en')} of the agreements for {year} is dated "
            f"{iso_date(milestone.date)}, after {iso_date(deadline)}: plan the signing on or before that day."
            f"{read_from_date('the signing', 'en', explicit=item.explicit)}",
        )


@rule(
    "PA404",
    severity=Severity.INFO,
    title_nl="Zes maanden zonder afspraken: geschil mogelijk",
    title_en="Six months without agreement: dispute possible",
    source="Woningwet art. 44 lid 4: geschil na zes maanden, binnen vier weken voorgelegd",
    params={"process_months": 6, "dispute_weeks": 4, **_REGIE},
    scopes=LOCAL,
)
def dispute_possible(ctx: RuleContext) -> Iterator[Finding]:
    """More than six months after the process start no signing is done by the check date.

    Law: Woningwet art. 44 lid 4: when the talks have not led to agreements within six months of their start, the
    college van B&W, the corporation or the tenant organisation may submit the dispute to the minister, within four
    weeks of the dispute arising, in writing and with reasons; the minister gives a binding ruling
    (https://www.corporatienl.nl/artikelen/presterende-prestatieafspraken-en-geschil/).

    The process start is ``process.started``, else the earliest kickoff; without either nothing is judged. The
    check date is "more than six months" after it when it is after `calendar.process_deadline` (the same day is
    not). Only done signings dated on or before the check date count. The message gives the period in which the
    dispute can be submitted (`calendar.dispute_period`, ``dispute_weeks`` weeks) and whether it has passed.

    Law: today disputes about the performance (nakoming) of signed agreements go to the civil court
    (https://www.woningwet2015.nl/veelgestelde-vragen/prestatieafspraken); under the Wet versterking regie
    volkshuisvesting the Adviescommissie geschilbeslechting also handles them
    (https://www.companen.nl/wet-versterking-regie-volkshuisvesting-prestatieafspraken/). Its entry into force is
    not confirmed (planned for 1 July 2026,
    https://www.rijksoverheid.nl/actueel/nieuws/2025/12/19/novelle-en-besluit-wet-regie-volkshuisvesting-naar-kamer),
    so the date is the parameter ``regie_effective``, not set by default. Once it is set and the check date is on
    or after it, the message adds that the dispute route also covers compliance with the agreements once signed.
    """
    start = ctx.process_start
    if start is None:
        return
    months = ctx.param("process_months")
    if ctx.as_of <= process_deadline(start, months) or ctx.done_by_as_of(MilestoneKind.SIGNING):
        return
    arises, submit_by = dispute_period(start, months=months, weeks=ctx.param("dispute_weeks"))
    process = ctx.agreement.process
    if process is not None and process.started is not None:
        path = "$.process.started"
    else:
        kickoffs = ctx.milestones_of(MilestoneKind.KICKOFF)
        path = min(kickoffs, key=lambda placed: (placed.milestone.date, placed.index)).path
    if ctx.as_of > submit_by:
        state_nl, state_en = "die termijn is verstreken", "that period has passed"
    else:
        state_nl, state_en = "die termijn loopt nog", "that period is still running"
    yield ctx.finding(
        path=path,
        nl=f"Op {iso_date(ctx.as_of)}, meer dan {months} maanden na de start van het proces ({iso_date(start)}), zijn "
        f"de afspraken nog niet ondertekend. Een geschil kan vanaf {iso_date(arises)} binnen "
        f"{ctx.param('dispute_weeks')} weken, tot en met {iso_date(submit_by)}, aan de minister worden voorgelegd; "
        f"{state_nl}.{_compliance(ctx, 'nl')}",
        en=f"On {iso_date(ctx.as_of)}, more than {months} months after the process started ({iso_date(start)}), the "
        f"agreement is not yet signed. A dispute can be submitted to the minister from {iso_date(arises)} within "
        f"{ctx.param('dispute_weeks')} weeks, up to and including {iso_date(submit_by)}; {state_en}."
        f"{_compliance(ctx, 'en')}",
    )


def _compliance(ctx: RuleContext, lang: str) -> str:
    """The sentence on disputes about compliance (nakoming) once the Wet versterking regie volkshuisvesting applies."""
    effective = ctx.statutory.regie_effective
    if effective is None or not ctx.statutory.regie_in_force(ctx.as_of):
        return ""
    if lang == "en":
        return (
            f" Since {iso_date(effective)} (Wet versterking regie volkshuisvesting) the same route, through the "
            "Adviescommissie geschilbeslechting, also covers disputes about compliance (nakoming) with the "
            "agreements once they are signed."
        )
    return (
        f" Sinds {iso_date(effective)} (Wet versterking regie volkshuisvesting) loopt ook een geschil over de "
        "nakoming van de afspraken, als ze eenmaal zijn ondertekend, via de Adviescommissie geschilbeslechting."
    )


@rule(
    "PA405",
    severity=Severity.WARNING,
    title_nl="Geen woonvisie of volkshuisvestingsprogramma als basis",
    title_en="No housing vision or housing programme as basis",
    source="Woningwet: prestatieafspraken rusten op de woonvisie / het volkshuisvestingsprogramma",
    params=_REGIE,
    scopes=LOCAL,
)
def no_housing_vision(ctx: RuleContext) -> Iterator[Finding]:
    """The basis names neither a housing vision (woonvisie) nor a housing programme (volkshuisvestingsprogramma).

    Law: the first condition for prestatieafspraken is that the municipality has a woonvisie
    (http://woningwet2015.nl/adviescommissie-geschilbeslechting-prestatieafspraken-woningwet-van-start); without
    one they are not obligatory (https://kennisvanstadenregio.nl/verdieping/kennisdossier-woningmarkt/woningwet/
    woonvisie-en-prestatieafspraken). Under the Wet versterking regie volkshuisvesting the municipality's
    "volkshuisvestingsprogramma" takes its place as the starting point
    (https://www.companen.nl/wet-versterking-regie-volkshuisvesting-prestatieafspraken/).

    The law's entry into force was planned for 1 July 2026 but is not confirmed in the sources
    (https://www.rijksoverheid.nl/actueel/nieuws/2025/12/19/novelle-en-besluit-wet-regie-volkshuisvesting-naar-kamer),
    so its date is the parameter ``regie_effective``, not set by default. While it is not set, or before it, a
    woonvisie (``housing_vision``) or a volkshuisvestingsprogramma (``housing_programme``) is a sound basis. Once
    the check date is on or after it, an agreement that still has a jaarschijf to sign under the new law (the
    signing deadline of its last perspective year, 15 December of the year before by default, is on or after the
    date) needs a ``housing_programme``: a woonvisie alone gives a finding that says the programme is expected.
    """
    kinds = {document.kind for document in ctx.agreement.basis}
    effective = ctx.statutory.regie_effective
    if effective is not None and ctx.statutory.regie_in_force(ctx.as_of) and _signs_under_regie(ctx, effective):
        if BasisKind.HOUSING_PROGRAMME in kinds:
            return
        vision = BasisKind.HOUSING_VISION in kinds
        since_nl = f"Sinds {iso_date(effective)} (Wet versterking regie volkshuisvesting) rusten de afspraken op het "
        since_en = f"Since {iso_date(effective)} (Wet versterking regie volkshuisvesting) the agreements rest on the "
        yield ctx.finding(
            path="$.basis",
            nl=since_nl
            + "volkshuisvestingsprogramma van de gemeente, niet meer op de woonvisie"
            + (", maar de basis noemt alleen een woonvisie" if vision else ", maar de basis noemt geen van beide")
            + ": neem het volkshuisvestingsprogramma op (kind: housing_programme).",
            en=since_en + "municipality's housing programme (volkshuisvestingsprogramma), no longer on the housing "
            "vision"
            + (", but the basis names only a housing vision" if vision else ", but the basis names neither")
            + ": add the housing programme (kind: housing_programme).",
        )
        return
    if kinds & {BasisKind.HOUSING_VISION, BasisKind.HOUSING_PROGRAMME}:
        return
    yield ctx.finding(
        path="$.basis",
        nl="De afspraken noemen geen woonvisie of volkshuisvestingsprogramma als basis (basis). Zonder woonvisie "
        "zijn prestatieafspraken niet verplicht: leg vast op welk document ze rusten.",
        en="The agreement names no housing vision or housing programme as its basis (basis): without one, "
        "performance agreements are not obligatory; record the document they rest on.",
    )


def _signs_under_regie(ctx: RuleContext, effective: pendulum.Date) -> bool:
    """Whether a jaarschijf of the agreement is signed under the new law: the last one's deadline is not before it."""
    deadline = deadline_of(ctx.statutory.signing_deadline, ctx.agreement.perspective.end)
    return deadline is None or deadline >= effective


@rule(
    "PA406",
    severity=Severity.INFO,
    title_nl="Jaar zonder evaluatie uiterlijk 1 juli daarna",
    title_en="Year without an evaluation by 1 July after it",
    source="Jaarlijkse evaluatie: verantwoording (dVi) vóór 1 juli, evaluatie in juni",
    params={"evaluation_deadline_month": 7, "evaluation_deadline_day": 1},
    scopes=LOCAL,
)
def no_yearly_evaluation(ctx: RuleContext) -> Iterator[Finding]:
    """A perspective year Y whose evaluation deadline (1 July of Y+1) has come, with no evaluation in Y+1 by then.

    Law and practice: the corporation accounts for year Y ("dVi", verantwoordingsinformatie) before 1 July of Y+1
    (https://datawonen.nl/content/Corporaties), and in the model cycle of BZK and Platform31 the corporation
    reports in May of Y+1 and the parties evaluate year Y together in June of Y+1
    (https://magazines.woningmarktbeleid.nl/prestatieafspraken/2020/01/prestatieafspraken). The rule allows the
    evaluation up to and including 1 July.

    A year is judged when ``evaluation_deadline_month``/``evaluation_deadline_day`` of Y+1 is on or before the
    check date. It is covered by an evaluation milestone that is done and dated on or before the check date,
    from 1 January to the deadline of Y+1, both included.
    """
    month, day = ctx.param("evaluation_deadline_month"), ctx.param("evaluation_deadline_day")
    covered: set[int] = set()
    for placed in ctx.done_by_as_of(MilestoneKind.EVALUATION):
        date = placed.milestone.date
        if date <= pendulum.Date(date.year, month, day):
            covered.add(date.year - 1)
    for year in ctx.agreement.perspective.years:
        deadline = pendulum.Date(year + 1, month, day)
        if deadline > ctx.as_of or year in covered:
            continue
        yield ctx.finding(
            path="$.perspective",
            nl=f"Over {year} is geen evaluatie afgerond tussen {year + 1}-01-01 en {iso_date(deadline)}: evalueer "
            "elk jaar samen uiterlijk op die datum, als de corporatie verantwoording heeft afgelegd (dVi).",
            en=f"No evaluation of {year} was done between {year + 1}-01-01 and {iso_date(deadline)}: evaluate "
            "together every year by that date, once the corporation has reported (dVi).",
        )
