"""PA111-PA114, "Deadlines helpen": six months, the backward-planning order, decisions and settled products."""

from __future__ import annotations

from collections.abc import Iterator

from prestatieafspraken.calendar import add_months
from prestatieafspraken.model import MilestoneKind, ProductStatus
from prestatieafspraken.rules._phrases import capitalised, iso_date, of_party
from prestatieafspraken.rules.context import PlacedMilestone, RuleContext
from prestatieafspraken.rules.findings import Finding, Language, Severity
from prestatieafspraken.rules.registry import rule
from prestatieafspraken.vocabulary import label, the

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
    itself is on time. The process start is ``process.started``, else the earliest kickoff; the earliest
    non-missed signing counts. Without a start or without a signing there is nothing to judge.
    """
    start = ctx.process_start
    signing = ctx.earliest_signing
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


def _described(placed: PlacedMilestone, lang: Language) -> str:
    """A milestone for a message: kind, party, date and path."""
    milestone = placed.milestone
    return f"{the(milestone.kind, lang)}{of_party(milestone.party, lang)} ({iso_date(milestone.date)}, {placed.path})"


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
    """
    latest_before: PlacedMilestone | None = None
    latest_approval = _latest(*ctx.milestones_of(MilestoneKind.SUPERVISORY_APPROVAL))
    for kind in _PLANNING_ORDER:
        placed_of_kind = ctx.milestones_of(kind)
        bound = _latest(latest_before, latest_approval) if kind is MilestoneKind.SIGNING else latest_before
        if bound is not None:
            for placed in placed_of_kind:
                if placed.milestone.date < bound.milestone.date:
                    yield _order_finding(ctx, placed, bound)
        latest_before = _latest(latest_before, *placed_of_kind)
    signing = ctx.earliest_signing
    if signing is not None:
        for placed in ctx.milestones_of(MilestoneKind.EVALUATION):
            if placed.milestone.date < signing.milestone.date:
                yield _order_finding(ctx, placed, signing)


def _order_finding(ctx: RuleContext, early: PlacedMilestone, bound: PlacedMilestone) -> Finding:
    parties = dict.fromkeys(party for party in (early.milestone.party, bound.milestone.party) if party)
    return ctx.finding(
        path=early.path,
        subjects=tuple(parties),
        nl=f"{capitalised(_described(early, 'nl'))} ligt vóór {_described(bound, 'nl')}, maar "
        "hoort daarna te komen: reken terug vanaf de ondertekening en zet de mijlpalen in de goede volgorde.",
        en=f"{capitalised(_described(early, 'en'))} is dated before {_described(bound, 'en')}, which "
        "must come first: plan backwards from the signing and put the milestones in order.",
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
    """
    for party_id in ctx.signing_party_ids:
        if party_id not in ctx.index.parties or ctx.signs_on_behalf_of(party_id):
            continue
        signing = ctx.signing_of(party_id)
        if signing is None:  # pragma: no cover - a signing party always has a signing
            continue
        decided = ctx.earliest_of(party_id, (MilestoneKind.DECISION,))
        if decided is not None and decided <= signing.milestone.date:
            continue
        yield ctx.finding(
            path=signing.path,
            subjects=(party_id,),
            nl=f"{party_id} ondertekent op {iso_date(signing.milestone.date)}, maar er is geen besluit "
            f"(decision) van {party_id} op of vóór die dag: plan de besluitvorming bij elke partij vóór de "
            "ondertekening.",
            en=f"{party_id} signs on {iso_date(signing.milestone.date)}, but there is no decision of "
            f"{party_id} on or before that day: plan each party's decision before the signing.",
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
