"""PA111-PA114, "Deadlines helpen": six months, the backward-planning order, decisions and settled products.

A multi-year agreement lives in yearly cycles (DESIGN §3.1): the first cycle is the process towards the first
signing, each later one prepares the next jaarschijf. PA111 measures the first cycle from the process start; PA112
and PA113 hold within each cycle, so a second cycle's concept is never compared with the first cycle's decisions.
The cycle of a milestone is its ``for_year``, else it follows from its date (`prestatieafspraken.cycles.cycle_of`).
"""

from __future__ import annotations

from collections.abc import Iterator

from prestatieafspraken.calendar import add_months
from prestatieafspraken.model import MilestoneKind, ProductStatus
from prestatieafspraken.rules._phrases import capitalised, iso_date, of_party
from prestatieafspraken.rules.context import PlacedMilestone, RuleContext
from prestatieafspraken.rules.findings import Finding, Language, Severity
from prestatieafspraken.rules.registry import rule
from prestatieafspraken.vocabulary import label, term, the

_DEADLINES = "Handreiking, Een goede start: Deadlines helpen"


@rule(
    "PA111",
    severity=Severity.WARNING,
    title_nl="Ondertekening later dan een half jaar na de start",
    title_en="Signing later than six months after the start",
    source=_DEADLINES + ': "maximaal een half jaar"',
    params={"process_months": 6},
)
def late_signing(ctx: RuleContext) -> Iterator[Finding]:
    """The earliest signing is later than the process start plus ``process_months`` calendar months.

    Handbook: "Het traject enigszins compact houden (maximaal een half jaar) houdt de energie erin en biedt
    overzicht."

    Six months are calendar months: the day is clamped to the end of the month, and a signing on the last day
    itself is on time. The process start is ``process.started``, else the earliest kickoff. The first cycle is
    measured: the earliest non-missed signing of the earliest cycle that has one. Later cycles prepare a jaarschijf
    each on the statutory rhythm (the bid by 1 July, the signing by 15 December: PA401, PA403), not six months from
    the start. Without a start or without a signing there is nothing to judge.
    """
    start = ctx.process_start
    signing = _first_cycle_signing(ctx)
    if start is None or signing is None:
        return
    months = ctx.param("process_months")
    deadline = add_months(start, months)
    signed = signing.milestone.date
    if signed > deadline:
        yield ctx.finding(
            path=signing.path,
            subjects=signing.parties,
            nl=f"De ondertekening op {signed.isoformat()} valt later dan {months} maanden na de start van het "
            f"proces op {start.isoformat()} (uiterlijk {deadline.isoformat()}): houd het traject compact en "
            "reken terug vanaf de gewenste ondertekening.",
            en=f"The signing on {signed.isoformat()} is later than {months} months after the process start on "
            f"{start.isoformat()} (at the latest {deadline.isoformat()}): keep the process compact and plan "
            "backwards from the signing you want.",
        )


def _first_cycle_signing(ctx: RuleContext) -> PlacedMilestone | None:
    """The earliest counting signing of the earliest cycle that has a signing."""
    for placed in ctx.milestones_by_cycle.values():
        signings = [item for item in placed if item.milestone.kind is MilestoneKind.SIGNING]
        if signings:
            return min(signings, key=lambda item: (item.milestone.date, item.index))
    return None


#: The backward-planning order of PA112: each kind on or after every kind before it.
_PLANNING_ORDER = (
    MilestoneKind.KICKOFF,
    MilestoneKind.ASSIGNMENT,
    MilestoneKind.CONCEPT,
    MilestoneKind.ADMINISTRATIVE_REVIEW,
    MilestoneKind.DECISION,
    MilestoneKind.SIGNING,
    MilestoneKind.ENDORSEMENT,
)


def _latest(*candidates: PlacedMilestone | None) -> PlacedMilestone | None:
    """The latest of some milestones (on a tie, the first in the file)."""
    present = [placed for placed in candidates if placed is not None]
    return max(present, key=lambda placed: (placed.milestone.date, -placed.index), default=None)


def _described(placed: PlacedMilestone, lang: Language, cycle: int | None = None) -> str:
    """A milestone for a message: kind, party, date, the year of its cycle (when given) and path."""
    milestone = placed.milestone
    year = "" if cycle is None else f", {'for' if lang == 'en' else 'voor'} {cycle}"
    return (
        f"{the(milestone.kind, lang)}{of_party(milestone.party, lang)} ({iso_date(milestone.date)}{year}, "
        f"{placed.path})"
    )


@rule(
    "PA112",
    severity=Severity.ERROR,
    title_nl="Mijlpalen buiten de volgorde van de terugrekenplanning",
    title_en="Milestones out of the backward-planning order",
    source=_DEADLINES + ': "Even terugrekenen"',
)
def milestone_order(ctx: RuleContext) -> Iterator[Finding]:
    """A milestone is dated before a milestone of a kind that must come first.

    Handbook: "Even terugrekenen: wanneer wil je ze getekend hebben, wanneer besluitvorming bij de betrokken
    partijen, wanneer een afgerond concept bestuurlijk bespreken?"

    The order: kickoff ≤ assignment ≤ concept ≤ administrative_review ≤ decision ≤ signing ≤
    endorsement, over all parties; supervisory_approval ≤ signing; evaluations on or after the earliest signing.
    The same day is fine everywhere (an evaluation on the signing day too). Bids are not ordered; missed
    milestones are ignored. One finding per milestone that is too early, at that (later-kind) milestone, naming
    the latest milestone it should follow: each milestone is compared with the latest date of the kinds before
    it, so the check is linear.

    The order holds within each yearly cycle (`prestatieafspraken.cycles.cycle_of`): the milestones of one cycle are
    compared with each other only, so the concept of the jaarschijf for 2026 (autumn 2025) may follow the decisions
    on the jaarschijf for 2025 (autumn 2024). An evaluation of year Y follows the earliest signing of cycle Y, or,
    when cycle Y has no signing, of the latest cycle before it that has one (the multi-year agreement signed then
    holds the commitments for Y). In an agreement with several cycles the message says which cycle each milestone is
    in, and whether that was read from its date: a milestone whose date misleads names its cycle with ``for_year``.
    """
    bound_signing: PlacedMilestone | None = None
    for placed in ctx.milestones_by_cycle.values():
        by_kind: dict[MilestoneKind, list[PlacedMilestone]] = {}
        for item in placed:
            by_kind.setdefault(item.milestone.kind, []).append(item)
        for early, bound in _out_of_order(by_kind):
            yield _order_finding(ctx, early, bound)
        signings = by_kind.get(MilestoneKind.SIGNING, [])
        if signings:
            bound_signing = min(signings, key=lambda item: (item.milestone.date, item.index))
        if bound_signing is not None:
            for item in by_kind.get(MilestoneKind.EVALUATION, ()):
                if item.milestone.date < bound_signing.milestone.date:
                    yield _order_finding(ctx, item, bound_signing)


def _out_of_order(
    by_kind: dict[MilestoneKind, list[PlacedMilestone]],
) -> Iterator[tuple[PlacedMilestone, PlacedMilestone]]:
    """In one cycle, each milestone dated before the latest milestone of the kinds before it, with that milestone."""
    latest_before: PlacedMilestone | None = None
    latest_approval = _latest(*by_kind.get(MilestoneKind.SUPERVISORY_APPROVAL, ()))
    for kind in _PLANNING_ORDER:
        placed_of_kind = by_kind.get(kind, [])
        bound = _latest(latest_before, latest_approval) if kind is MilestoneKind.SIGNING else latest_before
        if bound is not None:
            for item in placed_of_kind:
                if item.milestone.date < bound.milestone.date:
                    yield item, bound
        latest_before = _latest(latest_before, *placed_of_kind)


def _order_finding(ctx: RuleContext, early: PlacedMilestone, bound: PlacedMilestone) -> Finding:
    parties = dict.fromkeys(party for party in (early.milestone.party, bound.milestone.party) if party)
    # In an agreement of several cycles, name each milestone's cycle, so that one read into the wrong cycle shows.
    early_cycle, bound_cycle = (ctx.cycle_of(early), ctx.cycle_of(bound)) if ctx.several_cycles else (None, None)
    hint_nl = hint_en = ""
    if ctx.several_cycles and not (early.explicit and bound.explicit):
        hint_nl = (
            f" Zonder for_year volgt uit de datum voor welke {term('jaarschijf', 'nl')} een mijlpaal is: hoort "
            "een mijlpaal bij een ander jaar, geef dat dan aan met for_year."
        )
        hint_en = (
            " Without for_year the year a milestone prepares follows from its date: if a milestone belongs to "
            "another year, say so with for_year."
        )
    return ctx.finding(
        path=early.path,
        subjects=tuple(parties),
        nl=f"{capitalised(_described(early, 'nl', early_cycle))} ligt vóór {_described(bound, 'nl', bound_cycle)}, "
        f"maar hoort daarna te komen: reken terug vanaf de ondertekening en zet de mijlpalen in de goede "
        f"volgorde.{hint_nl}",
        en=f"{capitalised(_described(early, 'en', early_cycle))} is dated before "
        f"{_described(bound, 'en', bound_cycle)}, which must come first: plan backwards from the signing and put "
        f"the milestones in order.{hint_en}",
    )


@rule(
    "PA113",
    severity=Severity.WARNING,
    title_nl="Ondertekenende partij zonder besluit vóór de ondertekening",
    title_en="Signing party without a decision before the signing",
    source=_DEADLINES + ': "wanneer besluitvorming bij de betrokken partijen"',
)
def signing_without_decision(ctx: RuleContext) -> Iterator[Finding]:
    """A signing party has no decision milestone on or before its signing.

    Handbook: "Even terugrekenen: wanneer wil je ze getekend hebben, wanneer besluitvorming bij de betrokken
    partijen, wanneer een afgerond concept bestuurlijk bespreken?"

    A decision counts when it is the party's own or has no party (of all), is not missed, and is dated on or
    before the party's earliest applicable signing: the same day is fine, as PA112's order has decision ≤ signing.
    A party that another signing party represents (``represents``, signing "namens" it) and that has no signing
    of its own needs no decision of its own: its representative decides and signs for it. A party id that names
    no party is skipped (PA001 reports it).

    The rule holds within each yearly cycle (`prestatieafspraken.cycles.cycle_of`): each cycle's signing needs a
    decision of that cycle, so the decision on the jaarschijf for 2025 does not cover the signing of the jaarschijf
    for 2026. A decision belongs to the signing's cycle when its cycle is that year; a decision without ``for_year``
    counts too when it is dated after the party's signing of the cycle before (a decision in June for a signing in
    July is one process, though its date alone would put it in the cycle before). One finding per party and cycle.
    """
    decisions: dict[str | None, list[PlacedMilestone]] = {}
    for decision in ctx.milestones_of(MilestoneKind.DECISION):
        decisions.setdefault(decision.milestone.party, []).append(decision)
    previous: dict[str, PlacedMilestone] = {}  # each party's latest signing of the cycles before
    for year, placed in ctx.milestones_by_cycle.items():
        own, for_all = _cycle_signings(placed)
        if not own and for_all is None:
            continue
        for party_id in ctx.signing_party_ids:
            mine = own.get(party_id)
            signing = for_all if mine is None else _earlier(for_all, mine)
            if signing is None or party_id not in ctx.index.parties or ctx.signs_on_behalf_of(party_id):
                continue
            prior = previous.get(party_id)
            candidates = (*decisions.get(party_id, ()), *decisions.get(None, ()))
            if not any(_decides_for(ctx, decision, signing, year, prior) for decision in candidates):
                yield _no_decision(ctx, party_id, signing, year)
        for party_id in ctx.signing_party_ids:
            applicable = [item for item in (own.get(party_id), for_all) if item is not None]
            if applicable:
                previous[party_id] = max(applicable, key=lambda item: item.milestone.date)


def _cycle_signings(placed: tuple[PlacedMilestone, ...]) -> tuple[dict[str, PlacedMilestone], PlacedMilestone | None]:
    """The signings of one cycle: each party's earliest own signing, and the earliest signing of all."""
    own: dict[str, PlacedMilestone] = {}
    for_all: PlacedMilestone | None = None
    for item in placed:
        if item.milestone.kind is not MilestoneKind.SIGNING:
            continue
        party = item.milestone.party
        if party is None:
            for_all = _earlier(for_all, item)
        else:
            own[party] = _earlier(own.get(party), item)
    return own, for_all


def _earlier(current: PlacedMilestone | None, other: PlacedMilestone) -> PlacedMilestone:
    """The earlier of two signings (on a tie the first in the file); *other* when there is no *current*."""
    if current is None or (other.milestone.date, other.index) < (current.milestone.date, current.index):
        return other
    return current


def _decides_for(
    ctx: RuleContext, decision: PlacedMilestone, signing: PlacedMilestone, year: int, prior: PlacedMilestone | None
) -> bool:
    """Whether a decision counts for a party's signing of cycle *year*, after its signing *prior* of a cycle before."""
    day = decision.milestone.date
    if day > signing.milestone.date:
        return False
    if ctx.cycle_of(decision) == year:
        return True
    return not decision.explicit and (prior is None or day > prior.milestone.date)


def _no_decision(ctx: RuleContext, party_id: str, signing: PlacedMilestone, year: int) -> Finding:
    signed = iso_date(signing.milestone.date)
    cycle_nl = f" voor {year}" if ctx.several_cycles else ""
    cycle_en = f" for {year}" if ctx.several_cycles else ""
    return ctx.finding(
        path=signing.path,
        subjects=(party_id,),
        nl=f"{party_id} ondertekent{cycle_nl} op {signed}, maar er is geen besluit (decision) van {party_id} op of "
        "vóór die dag: plan de besluitvorming bij elke partij vóór de ondertekening.",
        en=f"{party_id} signs{cycle_en} on {signed}, but there is no decision of {party_id} on or before that "
        "day: plan each party's decision before the signing.",
    )


_UNSETTLED = frozenset({ProductStatus.DRAFT, ProductStatus.OPEN})


@rule(
    "PA114",
    severity=Severity.WARNING,
    title_nl="Tussenproduct bij ondertekening nog niet vastgesteld",
    title_en="Intermediate product still unsettled at signing",
    source=_DEADLINES + ': "welke status een tussenproduct heeft"',
)
def unsettled_product_at_signing(ctx: RuleContext) -> Iterator[Finding]:
    """The agreement has been signed and an intermediate product is still draft or open.

    Handbook: "Het helpt om tussentijds bij elkaar te checken welke status een tussenproduct heeft. Voor nu een
    knoop doorgehakt of is er later toch nog ruimte voor discussie?"

    Products carry no dates, only their present status, so "at signing" is read as: a signing has taken place (a
    done signing dated on or before as-of, as the rules count what has happened by the check date). While the
    signing is still planned a draft product is normal work in progress and gives no finding.
    """
    process = ctx.agreement.process
    signed = ctx.done_by_as_of(MilestoneKind.SIGNING)
    if process is None or not signed:
        return
    first = min(signed, key=lambda placed: (placed.milestone.date, placed.index))
    for position, product in enumerate(process.products):
        if product.status in _UNSETTLED:
            yield ctx.finding(
                path=f"$.process.products[{position}]",
                subjects=(product.id,),
                nl=f"{capitalised(the('product', 'nl'))} {product.id} heeft nog de status "
                f"{label(product.status, 'nl')} ({product.status.value}), terwijl de afspraken op "
                f"{iso_date(first.milestone.date)} zijn ondertekend: leg vast of er een knoop is doorgehakt "
                "(decided/final) of dat er nog ruimte voor discussie is.",
                en=f"{capitalised(the('product', 'en'))} {product.id} is still {label(product.status, 'en')} "
                f"({product.status.value}), although the agreements were signed on "
                f"{iso_date(first.milestone.date)}: record whether it was settled (decided/final) or is still open "
                "for discussion.",
            )
