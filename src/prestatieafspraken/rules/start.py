"""PA1xx, "Een goede start": assignment, perspective, mandates, coalition, deadlines, shared language, tenants."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from prestatieafspraken.calendar import add_months
from prestatieafspraken.model import (
    CoalitionMember,
    CoalitionStatus,
    GroupKind,
    MandateRole,
    MilestoneKind,
    PartyKind,
    ProductStatus,
    Scope,
)
from prestatieafspraken.rules.context import PlacedMilestone, RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.registry import rule

_ASSIGNMENT = "Handreiking, Een goede start: Een heldere bestuurlijke opdracht"


@rule(
    "PA101",
    severity=Severity.WARNING,
    title_nl="Geen bestuurlijke opdracht vastgelegd",
    title_en="No administrative assignment recorded",
    source=_ASSIGNMENT,
)
def no_assignment(ctx: RuleContext) -> Iterator[Finding]:
    """The agreement records no administrative assignment.

    Handbook: "Bij afspraken waar meerdere partijen en meerdere lagen (bestuur, beleid, uitvoering) bij betrokken
    zijn, is een bestuurlijke opdracht erg belangrijk."
    """
    if ctx.agreement.assignment is None:
        yield ctx.finding(
            path="$.assignment",
            nl="Er is geen bestuurlijke opdracht vastgelegd: leg vast waarover de afspraken wel en niet gaan.",
            en="No administrative assignment is recorded: record what the agreements are and are not about.",
        )


@rule(
    "PA102",
    severity=Severity.WARNING,
    title_nl="Opdracht zegt niet waarover wel en waarover niet",
    title_en="Assignment does not say what is in and out of scope",
    source=_ASSIGNMENT + ': "Waarover wel, waarover niet?"',
)
def assignment_scope(ctx: RuleContext) -> Iterator[Finding]:
    """The assignment does not say both what is in scope and what is out of scope.

    Handbook: "Waarover wel, waarover niet? Is een bestuurlijke opdracht niet scherp of open voor interpretatie?
    Dan is het risico groot dat dit later in het proces tot discussie, ongenoegen en vertraging leidt."
    """
    assignment = ctx.agreement.assignment
    if assignment is None:
        return
    missing_nl = []
    missing_en = []
    if not assignment.in_scope:
        missing_nl.append("waarover de afspraken wel gaan (in_scope)")
        missing_en.append("what the agreements are about (in_scope)")
    if not assignment.out_of_scope:
        missing_nl.append("waarover niet (out_of_scope)")
        missing_en.append("what they are not about (out_of_scope)")
    if missing_nl:
        yield ctx.finding(
            path="$.assignment",
            nl="De bestuurlijke opdracht zegt niet " + " en niet ".join(missing_nl) + ".",
            en="The administrative assignment does not say " + " nor ".join(missing_en) + ".",
        )


# --- helpers shared by the rules below ---------------------------------------------------------------------

_PERSPECTIVE = _ASSIGNMENT  # the perspective is part of the same section
_MANDATE = "Handreiking, Een goede start: Bestuurders en beleidsmedewerkers met mandaat"
_WILLING = "Handreiking, Een goede start: Mensen die echt voor samenwerking gaan"
_DEADLINES = "Handreiking, Een goede start: Deadlines helpen"
_SHARED_PICTURE = "Handreiking, Een goede start: Een gezamenlijk beeld van wat er moet gebeuren"
_COORDINATION = "Handreiking, Een goede start: Onafhankelijke coördinatie bij een proces"
_TENANTS = "Handreiking, Een goede start: Betrek je huurdersorganisaties"

#: Milestone kinds in Dutch and English, with their article, for messages.
_KIND_NL: dict[MilestoneKind, str] = {
    MilestoneKind.KICKOFF: "de aftrap",
    MilestoneKind.ASSIGNMENT: "de bestuurlijke opdracht",
    MilestoneKind.BID: "het bod",
    MilestoneKind.CONCEPT: "het concept",
    MilestoneKind.ADMINISTRATIVE_REVIEW: "de bestuurlijke bespreking",
    MilestoneKind.SUPERVISORY_APPROVAL: "de goedkeuring door de toezichthouder",
    MilestoneKind.DECISION: "het besluit",
    MilestoneKind.SIGNING: "de ondertekening",
    MilestoneKind.ENDORSEMENT: "de onderschrijving",
    MilestoneKind.EVALUATION: "de evaluatie",
}
_KIND_EN: dict[MilestoneKind, str] = {
    MilestoneKind.KICKOFF: "the kickoff",
    MilestoneKind.ASSIGNMENT: "the assignment",
    MilestoneKind.BID: "the bid",
    MilestoneKind.CONCEPT: "the concept",
    MilestoneKind.ADMINISTRATIVE_REVIEW: "the administrative review",
    MilestoneKind.SUPERVISORY_APPROVAL: "the supervisory approval",
    MilestoneKind.DECISION: "the decision",
    MilestoneKind.SIGNING: "the signing",
    MilestoneKind.ENDORSEMENT: "the endorsement",
    MilestoneKind.EVALUATION: "the evaluation",
}

#: Roles in Dutch and English, for messages; the handbook's questions in brackets.
_ROLE_NL: dict[MandateRole, str] = {
    MandateRole.DRAFTER: "opsteller (wie zet het op papier)",
    MandateRole.DECIDER: "beslisser (wie hakt knopen door)",
    MandateRole.APPROVER: "goedkeurder (wie keurt iets goed)",
    MandateRole.SIGNATORY: "ondertekenaar (wie tekent)",
    MandateRole.EXECUTOR: "uitvoerder (wie voert uit)",
    MandateRole.ADMINISTRATIVE_LEAD: "bestuurlijke trekker",
    MandateRole.OFFICIAL_LEAD: "ambtelijke trekker",
}
_ROLE_EN: dict[MandateRole, str] = {
    MandateRole.DRAFTER: "drafter (who puts it on paper)",
    MandateRole.DECIDER: "decider (who makes the calls)",
    MandateRole.APPROVER: "approver (who approves)",
    MandateRole.SIGNATORY: "signatory (who signs)",
    MandateRole.EXECUTOR: "executor (who carries it out)",
    MandateRole.ADMINISTRATIVE_LEAD: "administrative lead",
    MandateRole.OFFICIAL_LEAD: "official lead",
}

#: The tenant parties: a huurdersorganisatie, or a koepel of them (FACTS §1.1: "other huurdersorganisaties or a
#: koepel can join").
_TENANT_KINDS = frozenset({PartyKind.TENANT_ORGANISATION, PartyKind.TENANT_ALLIANCE})


def _party_positions(ctx: RuleContext) -> dict[str, int]:
    """The position in ``parties`` of each party id (the first one, as the index has it)."""
    positions: dict[str, int] = {}
    for position, party in enumerate(ctx.agreement.parties):
        positions.setdefault(party.id, position)
    return positions


def _commitment_positions(ctx: RuleContext) -> dict[int, int]:
    """The position in ``commitments`` of each commitment object, by identity (ids may be duplicated)."""
    return {id(commitment): position for position, commitment in enumerate(ctx.agreement.commitments)}


def _first_coalition_entries(ctx: RuleContext) -> Iterator[tuple[int, CoalitionMember]]:
    """Each known party's first ``coalition`` entry with its position: the one the index's `status_of` reads.

    An entry for an unknown party is skipped: PA001 reports it.
    """
    seen: set[str] = set()
    for position, member in enumerate(ctx.agreement.coalition):
        if member.party not in seen and member.party in ctx.index.parties:
            seen.add(member.party)
            yield position, member


def _holders(ctx: RuleContext) -> dict[MandateRole, list[str]]:
    """The holders of each role, in ``mandates`` order."""
    holders: dict[MandateRole, list[str]] = {}
    for mandate in ctx.agreement.mandates:
        holders.setdefault(mandate.role, []).append(mandate.holder)
    return holders


def _signing_key(placed: PlacedMilestone) -> tuple[date, int]:
    return (placed.milestone.date, placed.index)


class _Signings:
    """Each party's earliest applicable non-missed signing (its own, or a signing of all), found in one pass."""

    def __init__(self, ctx: RuleContext) -> None:
        self.own: dict[str, PlacedMilestone] = {}
        self.for_all: PlacedMilestone | None = None
        for placed in ctx.milestones_of(MilestoneKind.SIGNING):
            party = placed.milestone.party
            if party is None:
                if self.for_all is None or _signing_key(placed) < _signing_key(self.for_all):
                    self.for_all = placed
            elif party not in self.own or _signing_key(placed) < _signing_key(self.own[party]):
                self.own[party] = placed

    def of(self, party_id: str) -> PlacedMilestone | None:
        """The earliest signing that applies to a party, or None."""
        candidates = [placed for placed in (self.own.get(party_id), self.for_all) if placed is not None]
        return min(candidates, key=_signing_key, default=None)


def _dated_by_party(ctx: RuleContext, kinds: tuple[MilestoneKind, ...]) -> tuple[dict[str, date], date | None]:
    """The earliest date of the milestones of these kinds per party, and the earliest one without a party."""
    own: dict[str, date] = {}
    for_all: date | None = None
    for kind in kinds:
        for placed in ctx.milestones_of(kind):
            day = placed.milestone.date
            party = placed.milestone.party
            if party is None:
                for_all = day if for_all is None else min(for_all, day)
            else:
                own[party] = min(own.get(party, day), day)
    return own, for_all


def _earliest_for(party_id: str, own: dict[str, date], for_all: date | None) -> date | None:
    """The earliest of a party's own date and the date that applies to all."""
    dates = [day for day in (own.get(party_id), for_all) if day is not None]
    return min(dates, default=None)


def _ids(items: Iterable[str]) -> str:
    """Ids joined for a message."""
    return ", ".join(items)


# --- PA103-PA104: the perspective and its annual commitments -----------------------------------------------


@rule(
    "PA103",
    severity=Severity.WARNING,
    title_nl="Perspectief korter dan 3 of langer dan 7 jaar",
    title_en="Perspective shorter than 3 or longer than 7 years",
    source=_PERSPECTIVE + ': "een meerjarig gedeeld perspectief (+/- 5 jaar vooruit)"',
    params={"perspective_min_years": 3, "perspective_max_years": 7},
)
def perspective_length(ctx: RuleContext) -> Iterator[Finding]:
    """The perspective (end - start + 1 years) is shorter than ``perspective_min_years`` or longer than the max.

    Handbook: "Meest gehoorde succesformule: een meerjarig gedeeld perspectief (+/- 5 jaar vooruit) gecombineerd
    met concrete jaarafspraken."

    Both bounds are allowed: with the defaults a perspective of 3 to 7 years is quiet.
    """
    perspective = ctx.agreement.perspective
    length = len(perspective)
    low = ctx.param("perspective_min_years")
    high = ctx.param("perspective_max_years")
    span = f"{perspective.start}-{perspective.end}"
    if length < low:
        yield ctx.finding(
            path="$.perspective",
            nl=f"Het perspectief {span} beslaat {length} jaar, korter dan {low} jaar: "
            "kies een meerjarig gedeeld perspectief van ongeveer 5 jaar.",
            en=f"The perspective {span} spans {length} years, shorter than {low} years: "
            "choose a shared multi-year perspective of about 5 years.",
        )
    elif length > high:
        yield ctx.finding(
            path="$.perspective",
            nl=f"Het perspectief {span} beslaat {length} jaar, langer dan {high} jaar: "
            "kies een meerjarig gedeeld perspectief van ongeveer 5 jaar en maak daarna nieuwe afspraken.",
            en=f"The perspective {span} spans {length} years, longer than {high} years: "
            "choose a shared multi-year perspective of about 5 years and renew the agreements after it.",
        )


@rule(
    "PA104",
    severity=Severity.WARNING,
    title_nl="Perspectiefjaar zonder jaarafspraken",
    title_en="Perspective year without annual commitments",
    source=_PERSPECTIVE + ': "gecombineerd met concrete jaarafspraken"',
)
def year_without_commitments(ctx: RuleContext) -> Iterator[Finding]:
    """A perspective year that has started (≤ the as-of year), or the first year, has no commitments.

    Handbook: "Meest gehoorde succesformule: een meerjarig gedeeld perspectief (+/- 5 jaar vooruit) gecombineerd
    met concrete jaarafspraken."

    One finding per such year. Later years are never reported: annual commitments exist only for the years agreed
    so far (DESIGN §4, "A sound agreement is quiet"). Any commitment with that ``year`` counts.
    """
    perspective = ctx.agreement.perspective
    for year in perspective.years:
        if year > ctx.as_of.year and year != perspective.start:
            break
        if not ctx.index.commitments_by_year(year):
            yield ctx.finding(
                path="$.perspective",
                nl=f"Voor {year} staan er geen jaarafspraken (commitments met year {year}): "
                "maak het meerjarig perspectief concreet met afspraken voor dit jaar.",
                en=f"There are no annual commitments for {year} (commitments with year {year}): "
                "make the multi-year perspective concrete with commitments for this year.",
            )


# --- PA105-PA107: mandates and supervisory bodies ----------------------------------------------------------

_PROCESS_ROLES = (
    MandateRole.DRAFTER,
    MandateRole.DECIDER,
    MandateRole.APPROVER,
    MandateRole.SIGNATORY,
    MandateRole.EXECUTOR,
)


@rule(
    "PA105",
    severity=Severity.WARNING,
    title_nl="Rol in het proces niet belegd",
    title_en="Process role not assigned",
    source=_MANDATE + ': "Wie gaat het op papier zetten, wie hakt knopen door, wie keurt iets goed, wie tekent '
    'en wie voert uit?"',
)
def unassigned_roles(ctx: RuleContext) -> Iterator[Finding]:
    """One finding per role among drafter, decider, approver, signatory and executor that no mandate gives.

    Handbook: "Wie gaat het op papier zetten, wie hakt knopen door, wie keurt iets goed, wie tekent en wie voert
    uit?"

    A role counts as held when any mandate gives it; whether its holder is a known party is PA001's concern.
    """
    holders = _holders(ctx)
    for role in _PROCESS_ROLES:
        if role not in holders:
            yield ctx.finding(
                path="$.mandates",
                nl=f"Niemand heeft de rol {_ROLE_NL[role]}: leg in mandates vast welke partij deze rol "
                f"heeft (role: {role.value}).",
                en=f"Nobody holds the role of {_ROLE_EN[role]}: record in mandates which party holds it "
                f"(role: {role.value}).",
            )


@rule(
    "PA106",
    severity=Severity.ERROR,
    title_nl="Ondertekenende partij zonder tekenmandaat",
    title_en="Signing party without a signatory mandate",
    source=_MANDATE + ': "wie tekent"',
)
def signing_without_mandate(ctx: RuleContext) -> Iterator[Finding]:
    """A signing party holds no signatory mandate.

    Handbook: "Met name bij regionale afspraken is verantwoording en mandatering vaak een grijs gebied." and
    "Wie gaat het op papier zetten, wie hakt knopen door, wie keurt iets goed, wie tekent en wie voert uit?"

    Signing parties as DESIGN §4 defines them (a signing without a party: every counted party). A party id that
    names no party is skipped (PA001 reports it). The path is the party's earliest applicable signing.
    """
    signatories = set(_holders(ctx).get(MandateRole.SIGNATORY, ()))
    signings = _Signings(ctx)
    for party_id in ctx.signing_party_ids:
        if party_id in signatories or party_id not in ctx.index.parties:
            continue
        signing = signings.of(party_id)
        if signing is None:  # pragma: no cover - a signing party always has a signing
            continue
        yield ctx.finding(
            path=signing.path,
            subjects=(party_id,),
            nl=f"{party_id} ondertekent op {signing.milestone.date.isoformat()}, maar niemand bij {party_id} "
            "heeft een tekenmandaat: leg een mandate met role signatory vast (wie tekent, namens wie).",
            en=f"{party_id} signs on {signing.milestone.date.isoformat()}, but nobody at {party_id} holds a "
            "signatory mandate: record a mandate with role signatory (who signs, on whose behalf).",
        )


@rule(
    "PA107",
    severity=Severity.WARNING,
    title_nl="Toezichthouder niet betrokken vóór ondertekening",
    title_en="Supervisory body not involved before signing",
    source=_MANDATE + ': "de rol van raden van commissarissen, gemeenteraden en achterbannen"',
)
def supervisory_body_bypassed(ctx: RuleContext) -> Iterator[Finding]:
    """A counted party with a supervisory body has no supervisory approval or decision on or before its signing.

    Handbook: "Neem bij het opstellen van een proces ook de tijd om de rol van raden van commissarissen,
    gemeenteraden en achterbannen van huurdersorganisaties te bespreken."

    Choices: only counted parties (endorsers, observers and declined parties do not sign). A supervisory_approval
    or decision milestone counts when it is the party's own or has no party (of all), is not missed, and is dated
    on or before the signing: the same day is fine, as in PA112's order. The signing is the party's own earliest
    applicable signing, else the earliest signing of the agreement; with no signing at all there is nothing to
    compare with and no finding.
    """
    earliest = ctx.earliest_signing
    if earliest is None:
        return
    own, for_all = _dated_by_party(ctx, (MilestoneKind.SUPERVISORY_APPROVAL, MilestoneKind.DECISION))
    positions = _party_positions(ctx)
    signings = _Signings(ctx)
    for party in ctx.counted_parties:
        if not party.supervisory_body:
            continue
        signing = signings.of(party.id) or earliest
        signed = signing.milestone.date
        approved = _earliest_for(party.id, own, for_all)
        if approved is not None and approved <= signed:
            continue
        yield ctx.finding(
            path=f"$.parties[{positions[party.id]}]",
            subjects=(party.id,),
            nl=f"{party.id} heeft een toezichthouder ({party.supervisory_body}), maar er is geen goedkeuring "
            f"(supervisory_approval) of besluit (decision) van {party.id} op of vóór de ondertekening op "
            f"{signed.isoformat()}: plan wanneer de toezichthouder het concept bespreekt.",
            en=f"{party.id} has a supervisory body ({party.supervisory_body}), but there is no supervisory "
            f"approval or decision of {party.id} on or before the signing on {signed.isoformat()}: plan when the "
            "supervisory body discusses the concept.",
        )


# --- PA108-PA110: the coalition of the willing -------------------------------------------------------------


@rule(
    "PA108",
    severity=Severity.WARNING,
    title_nl="Geen compacte stuurgroep",
    title_en="No compact steering group",
    source=_WILLING + ': "compacte stuur- en werkgroep"',
    params={"party_threshold": 3},
)
def no_compact_steering_group(ctx: RuleContext) -> Iterator[Finding]:
    """More than ``party_threshold`` counted parties and no steering group, or one that holds every counted party.

    Handbook: "Bij het inrichten van het proces om te komen tot (bovenlokale) meerpartijenafspraken kan het helpen
    om een compacte stuur- en werkgroep op te richten. Om met een kleine groep tempo te maken."

    One finding at ``$.groups`` when there is no steering group; else one per steering group whose members
    include every counted party.
    """
    counted = ctx.counted_party_ids
    threshold = ctx.param("party_threshold")
    if len(counted) <= threshold:
        return
    steering = [
        (position, group) for position, group in enumerate(ctx.agreement.groups) if group.kind is GroupKind.STEERING
    ]
    if not steering:
        yield ctx.finding(
            path="$.groups",
            nl=f"Er zijn {len(counted)} partijen (meer dan {threshold}) en geen stuurgroep: "
            "richt een compacte stuurgroep op om met een kleine groep tempo te maken.",
            en=f"There are {len(counted)} parties (more than {threshold}) and no steering group: "
            "set up a compact steering group to make pace with a small group.",
        )
        return
    for position, group in steering:
        if counted <= set(group.members):
            yield ctx.finding(
                path=f"$.groups[{position}]",
                subjects=(group.id,),
                nl=f"De stuurgroep {group.id} bestaat uit alle {len(counted)} partijen: "
                "maak haar compact, met een kleine groep die tempo kan maken.",
                en=f"The steering group {group.id} holds all {len(counted)} parties: "
                "make it compact, a small group that can make pace.",
            )


@rule(
    "PA109",
    severity=Severity.ERROR,
    title_nl="Later aangesloten partij met afspraken van vóór haar aansluiting",
    title_en="Party that joined later has commitments from before it joined",
    source=_WILLING + ': "Wie later nog wil aansluiten kan dit doen"',
)
def commitments_before_joining(ctx: RuleContext) -> Iterator[Finding]:
    """A party that joined later executes commitments for years before the year of its ``joined_on``.

    Handbook: "Niet getreurd, begin met een ‘coalition of the willing’. Wie direct mee wil doen, doet mee. Wie
    later nog wil aansluiten kan dit doen of pas aan het eind de gemaakte afspraken onderschrijven."

    ``joined_on`` is required with status joined: when it is missing this rule says so (at the coalition entry)
    and cannot judge the party's commitments. A commitment of the year of joining itself is fine; one without a
    year is not judged. The year is quoted only for a public commitment.
    """
    positions: dict[int, int] | None = None
    for position, member in _first_coalition_entries(ctx):
        if member.status is not CoalitionStatus.JOINED:
            continue
        if member.joined_on is None:
            yield ctx.finding(
                path=f"$.coalition[{position}]",
                subjects=(member.party,),
                nl=f"{member.party} is later aangesloten (status joined), maar joined_on ontbreekt: "
                "leg vast wanneer de partij is aangesloten.",
                en=f"{member.party} joined later (status joined), but joined_on is missing: "
                "record when the party joined.",
            )
            continue
        joined = member.joined_on
        for commitment in ctx.index.commitments_by_party(member.party):
            if commitment.year is None or commitment.year >= joined.year:
                continue
            if positions is None:
                positions = _commitment_positions(ctx)
            year_nl = f"voor {commitment.year}" if ctx.quotable(commitment) else "voor een eerder jaar"
            year_en = f"for {commitment.year}" if ctx.quotable(commitment) else "for an earlier year"
            yield ctx.finding(
                path=f"$.commitments[{positions[id(commitment)]}].year",
                subjects=(commitment.id, member.party),
                nl=f"{member.party} is pas op {joined.isoformat()} aangesloten, maar voert afspraak "
                f"{commitment.id} {year_nl} uit: een partij draagt afspraken vanaf het jaar waarin zij aansluit.",
                en=f"{member.party} joined only on {joined.isoformat()}, but executes commitment "
                f"{commitment.id} {year_en}: a party carries commitments from the year it joins.",
            )


@rule(
    "PA110",
    severity=Severity.WARNING,
    title_nl="Onderschrijver voert afspraken uit",
    title_en="Endorser carries commitments",
    source=_WILLING + ': "pas aan het eind de gemaakte afspraken onderschrijven"',
)
def endorser_with_commitments(ctx: RuleContext) -> Iterator[Finding]:
    """An endorser (onderschrijver) executes a commitment (it is named in its ``by``).

    Handbook: "Wie later nog wil aansluiten kan dit doen of pas aan het eind de gemaakte afspraken
    onderschrijven."

    One finding per commitment and endorser; benefiting (``for``) is fine.
    """
    positions: dict[int, int] | None = None
    for _position, member in _first_coalition_entries(ctx):
        if member.status is not CoalitionStatus.ENDORSER:
            continue
        for commitment in ctx.index.commitments_by_party(member.party):
            if positions is None:
                positions = _commitment_positions(ctx)
            yield ctx.finding(
                path=f"$.commitments[{positions[id(commitment)]}].by",
                subjects=(commitment.id, member.party),
                nl=f"{member.party} onderschrijft de afspraken (status endorser), maar voert afspraak "
                f"{commitment.id} uit: een onderschrijver draagt geen afspraken. Laat {member.party} aansluiten "
                "(status joined) of leg de afspraak bij een andere partij.",
                en=f"{member.party} endorses the agreements (status endorser), but executes commitment "
                f"{commitment.id}: an endorser carries no commitments. Let {member.party} join (status joined) or "
                "give the commitment to another party.",
            )


# --- PA111-PA114: deadlines and backward planning ----------------------------------------------------------


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

    DESIGN §4, "Six months": the day is clamped to the end of the month and a signing on the last day itself is on
    time. The process start is ``process.started``, else the earliest kickoff; the earliest non-missed signing
    counts. Without a start or without a signing there is nothing to judge.
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
            subjects=(signing.milestone.party,) if signing.milestone.party else (),
            nl=f"De ondertekening op {signed.isoformat()} valt later dan {months} maanden na de start van het "
            f"proces op {start.isoformat()} (uiterlijk {deadline.isoformat()}): houd het traject compact en "
            "reken terug vanaf de gewenste ondertekening.",
            en=f"The signing on {signed.isoformat()} is later than {months} months after the process start on "
            f"{start.isoformat()} (at the latest {deadline.isoformat()}): keep the process compact and plan "
            "backwards from the signing you want.",
        )


#: The backward-planning order of DESIGN §4, PA112: each kind on or after every kind before it.
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


def _described(placed: PlacedMilestone, labels: dict[MilestoneKind, str], of: str) -> str:
    """A milestone for a message: kind, party, date and path."""
    milestone = placed.milestone
    party = f" {of} {milestone.party}" if milestone.party else ""
    return f"{labels[milestone.kind]}{party} ({milestone.date.isoformat()}, {placed.path})"


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

    The order (DESIGN §4): kickoff ≤ assignment ≤ concept ≤ administrative_review ≤ decision ≤ signing ≤
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
    early_nl = _described(early, _KIND_NL, "van")
    early_en = _described(early, _KIND_EN, "of")
    return ctx.finding(
        path=early.path,
        subjects=tuple(parties),
        nl=f"{early_nl[0].upper()}{early_nl[1:]} ligt vóór {_described(bound, _KIND_NL, 'van')}, maar "
        "hoort daarna te komen: reken terug vanaf de ondertekening en zet de mijlpalen in de goede volgorde.",
        en=f"{early_en[0].upper()}{early_en[1:]} is dated before {_described(bound, _KIND_EN, 'of')}, which "
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
    A party id that names no party is skipped (PA001 reports it).
    """
    own, for_all = _dated_by_party(ctx, (MilestoneKind.DECISION,))
    signings = _Signings(ctx)
    for party_id in ctx.signing_party_ids:
        if party_id not in ctx.index.parties:
            continue
        signing = signings.of(party_id)
        if signing is None:  # pragma: no cover - a signing party always has a signing
            continue
        decided = _earliest_for(party_id, own, for_all)
        if decided is not None and decided <= signing.milestone.date:
            continue
        yield ctx.finding(
            path=signing.path,
            subjects=(party_id,),
            nl=f"{party_id} ondertekent op {signing.milestone.date.isoformat()}, maar er is geen besluit "
            f"(decision) van {party_id} op of vóór die dag: plan de besluitvorming bij elke partij vóór de "
            "ondertekening.",
            en=f"{party_id} signs on {signing.milestone.date.isoformat()}, but there is no decision of "
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
    done signing dated on or before as-of, as DESIGN §4 counts what has happened by the check date). While the
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
                nl=f"Het tussenproduct {product.id} is nog {product.status.value}, terwijl de afspraken op "
                f"{first.milestone.date.isoformat()} zijn ondertekend: leg vast of er een knoop is doorgehakt "
                "(decided/final) of dat er nog ruimte voor discussie is.",
                en=f"The intermediate product {product.id} is still {product.status.value}, although the "
                f"agreements were signed on {first.milestone.date.isoformat()}: record whether it was settled "
                "(decided/final) or is still open for discussion.",
            )


# --- PA115-PA116: the shared language ----------------------------------------------------------------------


def _normal(value: object) -> object:
    """A definition field for comparison: text with its whitespace and case ignored, numbers as they are."""
    if isinstance(value, str):
        return " ".join(value.split()).casefold()
    return value


@rule(
    "PA115",
    severity=Severity.ERROR,
    title_nl="Eén begrip met verschillende definities",
    title_en="One term with different definitions",
    source=_SHARED_PICTURE + ': "dezelfde taal spreekt"',
)
def conflicting_definitions(ctx: RuleContext) -> Iterator[Finding]:
    """A term is defined twice with a different value, unit or text.

    Handbook: "Een gezamenlijk beeld zorgt er daarnaast ook voor dat je als woningcorporaties, gemeenten of
    andere partijen dezelfde taal spreekt. Bedoelt iedereen hetzelfde met de sociale doelgroep en betaalbare
    woningen?"

    Choices: a field is compared only where both definitions give it (a definition that leaves out the unit does
    not contradict one that gives it); text and unit are compared with whitespace and case ignored. One finding
    per term, at the first definition that contradicts an earlier one. Definitions are the shared language, so
    their values may be quoted.
    """
    first: dict[str, dict[str, tuple[int, object]]] = {}
    reported: set[str] = set()
    definitions = ctx.agreement.definitions
    for position, definition in enumerate(definitions):
        term = definition.term
        known = first.setdefault(term, {})
        differing: list[tuple[str, object, int, object]] = []  # field, this value, earlier position and value
        for field in ("value", "unit", "text"):
            value = getattr(definition, field)
            if value is None:
                continue
            if field not in known:
                known[field] = (position, value)
            elif _normal(known[field][1]) != _normal(value):
                differing.append((field, value, *known[field]))
        if not differing or term in reported:
            continue
        reported.add(term)
        parties = dict.fromkeys(
            party
            for party in (*(definitions[at].defined_by for _, _, at, _ in differing), definition.defined_by)
            if party
        )
        nl_by = f" van {definition.defined_by}" if definition.defined_by else ""
        en_by = f" by {definition.defined_by}" if definition.defined_by else ""
        nl_diff = "; ".join(
            f"{field} {value!r} tegenover {before!r} op $.definitions[{at}]" for field, value, at, before in differing
        )
        en_diff = "; ".join(
            f"{field} {value!r} against {before!r} at $.definitions[{at}]" for field, value, at, before in differing
        )
        yield ctx.finding(
            path=f"$.definitions[{position}]",
            subjects=(term, *parties),
            nl=f"Het begrip {term} heeft verschillende definities: de definitie{nl_by} op $.definitions[{position}] "
            f"wijkt af ({nl_diff}): spreek één betekenis af.",
            en=f"The term {term} has different definitions: the definition{en_by} at $.definitions[{position}] "
            f"differs ({en_diff}): agree on one meaning.",
        )


@rule(
    "PA116",
    severity=Severity.WARNING,
    title_nl="Indicator noemt een begrip zonder definitie",
    title_en="Indicator names a term without a definition",
    source=_SHARED_PICTURE + ': "Bedoelt iedereen hetzelfde met de sociale doelgroep en betaalbare woningen?"',
)
def undefined_term(ctx: RuleContext) -> Iterator[Finding]:
    """An indicator counts a segment (its ``term``, such as betaalbare-koop) that no definition defines.

    Handbook: "Een gezamenlijk beeld zorgt er daarnaast ook voor dat je als woningcorporaties, gemeenten of
    andere partijen dezelfde taal spreekt. Bedoelt iedereen hetzelfde met de sociale doelgroep en betaalbare
    woningen?"
    """
    defined = {definition.term for definition in ctx.agreement.definitions}
    for position, indicator in enumerate(ctx.agreement.indicators):
        if indicator.term is not None and indicator.term not in defined:
            yield ctx.finding(
                path=f"$.indicators[{position}].term",
                subjects=(indicator.id, indicator.term),
                nl=f"De indicator {indicator.id} telt {indicator.term}, maar dat begrip is niet gedefinieerd: "
                f"leg in definitions vast wat de partijen onder {indicator.term} verstaan.",
                en=f"The indicator {indicator.id} counts {indicator.term}, but that term has no definition: "
                f"record in definitions what the parties mean by {indicator.term}.",
            )


# --- PA117-PA118: coordination -----------------------------------------------------------------------------

_LEADS = (MandateRole.ADMINISTRATIVE_LEAD, MandateRole.OFFICIAL_LEAD)


@rule(
    "PA117",
    severity=Severity.WARNING,
    title_nl="Geen bestuurlijke of ambtelijke trekker",
    title_en="No administrative or official lead",
    source=_COORDINATION + ': "een bestuurlijke trekker en ambtelijke trekker"',
    params={"party_threshold": 3},
)
def missing_lead(ctx: RuleContext) -> Iterator[Finding]:
    """More than ``party_threshold`` counted parties and nobody holds administrative_lead, or official_lead.

    Handbook: "Allereerst kan het helpen om een regionale werkgroep aan te stellen met een bestuurlijke trekker en
    ambtelijke trekker zodat er voortgang blijft."

    One finding per missing role.
    """
    count = len(ctx.counted_party_ids)
    threshold = ctx.param("party_threshold")
    if count <= threshold:
        return
    holders = _holders(ctx)
    for role in _LEADS:
        if role not in holders:
            yield ctx.finding(
                path="$.mandates",
                nl=f"Er zijn {count} partijen (meer dan {threshold}) en niemand is {_ROLE_NL[role]}: "
                f"wijs een {_ROLE_NL[role]} aan (role: {role.value}) zodat er voortgang blijft.",
                en=f"There are {count} parties (more than {threshold}) and nobody is the {_ROLE_EN[role]}: "
                f"appoint one (role: {role.value}) to keep the process moving.",
            )


@rule(
    "PA118",
    severity=Severity.WARNING,
    title_nl="Trekker zonder mandaat van de hele groep",
    title_en="Lead without a mandate from the whole group",
    source=_COORDINATION + ': "die mandaat hebben van de rest van de groep"',
)
def lead_without_full_mandate(ctx: RuleContext) -> Iterator[Finding]:
    """An administrative_lead or official_lead mandate is not granted by every counted party other than its holder.

    Handbook: "Ook met een extern begeleider is het belangrijk dat er een bestuurlijke en ambtelijke trekker is die
    mandaat hebben van de rest van de groep."

    Endorsers, observers and declined parties need not grant it (they are not counted).
    """
    for position, mandate in enumerate(ctx.agreement.mandates):
        if mandate.role not in _LEADS:
            continue
        granted = set(mandate.granted_by)
        missing = [party.id for party in ctx.counted_parties if party.id != mandate.holder and party.id not in granted]
        if missing:
            yield ctx.finding(
                path=f"$.mandates[{position}].granted_by",
                subjects=(mandate.holder, *missing),
                nl=f"{mandate.holder} is {_ROLE_NL[mandate.role]}, maar zonder mandaat van {_ids(missing)}: "
                "een trekker heeft mandaat van de rest van de groep; vul granted_by aan.",
                en=f"{mandate.holder} is the {_ROLE_EN[mandate.role]}, but without a mandate from "
                f"{_ids(missing)}: a lead has a mandate from the rest of the group; complete granted_by.",
            )


# --- PA119-PA120: tenants ----------------------------------------------------------------------------------


@rule(
    "PA119",
    severity=Severity.ERROR,
    title_nl="Lokale afspraken zonder huurdersorganisatie",
    title_en="Local agreement without a tenant organisation",
    source="Woningwet art. 44 (domain/FACTS.md §1.1): huurdersorganisatie is gelijkwaardige partij; "
    + _TENANTS
    + ': "zij zijn een gelijkwaardige partner in het lokale prestatieafsprakenproces"',
)
def local_without_tenants(ctx: RuleContext) -> Iterator[Finding]:
    """A local agreement has no tenant organisation (or koepel of them) among its counted parties.

    Handbook: "De rol van huurdersorganisaties wettelijk verankerd en duidelijk: zij zijn een gelijkwaardige
    partner in het lokale prestatieafsprakenproces." FACTS §1.1: the huurdersorganisatie sits at the table "als
    gelijkwaardige partij".

    Choices: a tenant_organisation or a tenant_alliance counts, and only as a counted party (founding or joined):
    an observer, endorser or declined tenant organisation is not an equal party at the table.
    """
    if ctx.agreement.scope is not Scope.LOCAL:
        return
    if any(party.kind in _TENANT_KINDS for party in ctx.counted_parties):
        return
    aside = [
        party.id
        for party in ctx.agreement.parties
        if party.kind in _TENANT_KINDS and not ctx.index.is_counted(party.id)
    ]
    note_nl = f" ({_ids(aside)} staat er alleen naast, niet als partij)" if aside else ""
    note_en = f" ({_ids(aside)} only stands aside, not as a party)" if aside else ""
    yield ctx.finding(
        path="$.parties",
        subjects=tuple(aside),
        nl=f"Deze lokale afspraken hebben geen huurdersorganisatie als partij{note_nl}: volgens de Woningwet zit "
        "de huurdersorganisatie als gelijkwaardige partij aan tafel.",
        en=f"This local agreement has no tenant organisation as a party{note_en}: under the Woningwet the tenant "
        "organisation sits at the table as an equal party.",
    )


@rule(
    "PA120",
    severity=Severity.WARNING,
    title_nl="Regionale of bredere afspraken zonder vastgelegde huurdersbetrokkenheid",
    title_en="Regional or wider agreement without recorded tenant involvement",
    source=_TENANTS + ': "Bespreek op z’n minst met huurdersorganisaties of en zo ja hoe ze betrokken willen zijn."',
)
def tenant_involvement_unrecorded(ctx: RuleContext) -> Iterator[Finding]:
    """A regional, provincial or national agreement does not record ``tenant_involvement``.

    Handbook: "Dit is voor regionale afspraken in al zijn vormen (met/zonder provincie of Rijk, Woondeal, Regio
    Deal, Woonakkoord) minder eenduidig. Bespreek op z’n minst met huurdersorganisaties of en zo ja hoe ze
    betrokken willen zijn."

    As DESIGN §4 has it, the field itself must be given (``none`` is a recorded choice and is quiet); a tenant
    party among the counted parties does not replace it, the message then suggests ``signatory``.
    """
    if ctx.agreement.scope is Scope.LOCAL or ctx.agreement.tenant_involvement is not None:
        return
    tenants = [party.id for party in ctx.counted_parties if party.kind in _TENANT_KINDS]
    hint_nl = f" ({_ids(tenants)} is partij: vermoedelijk signatory)" if tenants else ""
    hint_en = f" ({_ids(tenants)} is a party: presumably signatory)" if tenants else ""
    yield ctx.finding(
        path="$.tenant_involvement",
        subjects=tuple(tenants),
        nl="Deze afspraken leggen niet vast hoe huurdersorganisaties betrokken zijn (tenant_involvement: "
        f"signatory, consulted, informed of none){hint_nl}: bespreek met hen of en hoe ze betrokken willen zijn.",
        en="This agreement does not record how tenant organisations are involved (tenant_involvement: "
        f"signatory, consulted, informed or none){hint_en}: discuss with them whether and how they want to be "
        "involved.",
    )
