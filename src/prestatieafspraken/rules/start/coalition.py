"""PA108-PA110 and PA125, "Mensen die echt voor samenwerking gaan": compact groups and the coalition of the willing."""

from __future__ import annotations

from collections.abc import Iterator

from prestatieafspraken.model import CoalitionStatus, GroupKind
from prestatieafspraken.rules._phrases import joined
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.registry import rule
from prestatieafspraken.vocabulary import label

_WILLING = "Handreiking, Een goede start: Mensen die echt voor samenwerking gaan"


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
    for position, member in ctx.coalition_entries:
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
            year_nl = f"voor {commitment.year}" if ctx.quotable(commitment) else "voor een eerder jaar"
            year_en = f"for {commitment.year}" if ctx.quotable(commitment) else "for an earlier year"
            yield ctx.finding(
                path=f"$.commitments[{ctx.commitment_position(commitment)}].year",
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
    for _position, member in ctx.coalition_entries:
        if member.status is not CoalitionStatus.ENDORSER:
            continue
        for commitment in ctx.index.commitments_by_party(member.party):
            yield ctx.finding(
                path=f"$.commitments[{ctx.commitment_position(commitment)}].by",
                subjects=(commitment.id, member.party),
                nl=f"{member.party} onderschrijft de afspraken (status endorser), maar voert afspraak "
                f"{commitment.id} uit: een onderschrijver draagt geen afspraken. Laat {member.party} aansluiten "
                "(status joined) of leg de afspraak bij een andere partij.",
                en=f"{member.party} endorses the agreements (status endorser), but executes commitment "
                f"{commitment.id}: an endorser carries no commitments. Let {member.party} join (status joined) or "
                "give the commitment to another party.",
            )


#: The groups that do the work next to a steering group: a working group, or working groups per theme.
_WORKING = frozenset({GroupKind.WORKING, GroupKind.THEME_TABLE})


@rule(
    "PA125",
    severity=Severity.INFO,
    title_nl="Geen werkgroep naast de stuurgroep",
    title_en="No working group next to the steering group",
    source=_WILLING + ': "compacte stuur- en werkgroep"',
    params={"party_threshold": 3},
)
def no_working_group(ctx: RuleContext) -> Iterator[Finding]:
    """More than ``party_threshold`` counted parties, a steering group, and no working group (werkgroep) next to it.

    Handbook: "Bij het inrichten van het proces om te komen tot (bovenlokale) meerpartijenafspraken kan het helpen
    om een compacte stuur- en werkgroep op te richten. Om met een kleine groep tempo te maken."

    PA108 asks for the compact steering group; this rule for the working group next to it, which prepares the
    steering group's decisions (the Woonakkoord Gooi en Vechtstreek had "een kleinere stuurgroep en een
    ondersteunende ambtelijke werkgroep"). Without a steering group there is nothing to work next to and PA108
    speaks. A theme table (thematafel, such as the tempotafels of the Woondeal Arnhem-Nijmegen) is a working group
    per theme and counts. Information, since the handbook says it "kan helpen".
    """
    counted = ctx.counted_party_ids
    threshold = ctx.param("party_threshold")
    groups = ctx.agreement.groups
    steering = [group.id for group in groups if group.kind is GroupKind.STEERING]
    if len(counted) <= threshold or not steering or any(group.kind in _WORKING for group in groups):
        return
    yield ctx.finding(
        path="$.groups",
        subjects=tuple(steering),
        nl=f"Er zijn {len(counted)} partijen (meer dan {threshold}) en geen {label(GroupKind.WORKING, 'nl')} naast "
        f"de {label(GroupKind.STEERING, 'nl')} ({joined(steering)}): een compacte werkgroep die de stukken "
        "voorbereidt helpt om met een kleine groep tempo te maken (groups, kind: working).",
        en=f"There are {len(counted)} parties (more than {threshold}) and no {label(GroupKind.WORKING, 'en')} next to "
        f"the {label(GroupKind.STEERING, 'en')} ({joined(steering)}): a compact working group that prepares the "
        "papers helps a small group make pace (groups, kind: working).",
    )
