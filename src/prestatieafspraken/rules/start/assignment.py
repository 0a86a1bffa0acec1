"""PA101-PA104 and PA122-PA124, "Een heldere bestuurlijke opdracht": the assignment, its dilemmas, the term."""

from __future__ import annotations

from collections.abc import Iterator

from prestatieafspraken.model import Aggregation
from prestatieafspraken.rules._phrases import number
from prestatieafspraken.rules._words import addressed_words, shares_stem, significant_words
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.registry import WIDER_THAN_LOCAL, rule
from prestatieafspraken.vocabulary import term

_ASSIGNMENT = "Handreiking, Een goede start: Een heldere bestuurlijke opdracht"
_PERSPECTIVE = _ASSIGNMENT  # the perspective is part of the same section


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


@rule(
    "PA103",
    severity=Severity.WARNING,
    title_nl="Perspectief langer dan 7 jaar",
    title_en="Perspective longer than 7 years",
    source=_PERSPECTIVE + ': "een meerjarig gedeeld perspectief (+/- 5 jaar vooruit)"',
    params={"perspective_max_years": 7},
)
def perspective_length(ctx: RuleContext) -> Iterator[Finding]:
    """The perspective (end − start + 1 years) is longer than ``perspective_max_years`` (7).

    Handbook: "Meest gehoorde succesformule: een meerjarig gedeeld perspectief (+/- 5 jaar vooruit) gecombineerd
    met concrete jaarafspraken."

    The upper bound itself is allowed. Shorter agreements are accepted practice: there is no statutory duration,
    and agreements of one year (Roermond 2021) up to about five years are common
    (https://5dok.net/article/looptijd-evaluatie-en-actualisering-van-de-afspraken.q2n39kwe,
    https://www.companen.nl/prestatieafspraken-in-balans/). A one-year agreement without any multi-year view is
    information only (PA123); a longer horizon of single targets is a long-term ambition (PA124).
    """
    perspective = ctx.agreement.perspective
    length = len(perspective)
    high = ctx.param("perspective_max_years")
    if length <= high:
        return
    span = f"{perspective.start}-{perspective.end}"
    yield ctx.finding(
        path="$.perspective",
        nl=f"Het perspectief {span} beslaat {length} jaar, langer dan {high} jaar: kies een meerjarig gedeeld "
        "perspectief van ongeveer 5 jaar, maak daarna nieuwe afspraken, en leg verdere ambities vast als "
        "streefcijfers voorbij het perspectief.",
        en=f"The perspective {span} spans {length} years, longer than {high} years: choose a shared multi-year "
        "perspective of about 5 years, renew the agreements after it, and record further ambitions as targets "
        "beyond the perspective.",
    )


@rule(
    "PA104",
    severity=Severity.WARNING,
    title_nl="Perspectiefjaar zonder jaarafspraken",
    title_en="Perspective year without annual commitments",
    source=_PERSPECTIVE + ': "gecombineerd met concrete jaarafspraken"',
    scope_severity=dict.fromkeys(WIDER_THAN_LOCAL, Severity.INFO),
)
def year_without_commitments(ctx: RuleContext) -> Iterator[Finding]:
    """A perspective year that has started (≤ the as-of year), or the first year, has no commitments.

    Handbook: "Meest gehoorde succesformule: een meerjarig gedeeld perspectief (+/- 5 jaar vooruit) gecombineerd
    met concrete jaarafspraken."

    One finding per such year. Later years are never reported: annual commitments exist only for the years agreed
    so far, and a sound agreement is quiet. Any commitment with that ``year`` counts.

    In a local agreement the jaarschijven are made in the agreement itself, so a year without them is a warning.
    A regional, provincial or national agreement often leaves its annual agreements to the local prestatieafspraken
    of each municipality, which the file of the wider agreement does not hold: there the findings are information
    (registered with ``scope_severity``). The message asks, in both cases, to refer to the document that holds
    the annual agreements when they are made elsewhere, as five-year kaderafspraken with yearly agreements per
    corporation do (https://www.gooischdagblad.nl/gemeente/gemeente-gooise-meren-huurders-en-woningcorporaties-maken-afspraken).
    """
    perspective = ctx.agreement.perspective
    for year in perspective.years:
        if year > ctx.as_of.year and year != perspective.start:
            break
        if not ctx.index.commitments_by_year(year):
            yield ctx.finding(
                path="$.perspective",
                nl=f"Voor {year} staan er geen jaarafspraken (commitments met year {year}): maak het meerjarig "
                "perspectief concreet met afspraken voor dit jaar, of verwijs naar de afspraken waarin ze staan als "
                "ze elders worden gemaakt (zoals lokale prestatieafspraken bij een regionale afspraak).",
                en=f"There are no annual commitments for {year} (commitments with year {year}): make the multi-year "
                "perspective concrete with commitments for this year, or refer to the agreements that hold them if "
                "they are made elsewhere (such as local performance agreements under a regional one).",
            )


@rule(
    "PA122",
    severity=Severity.INFO,
    title_nl="Kerndilemma komt in geen doel of afspraak terug",
    title_en="Core dilemma addressed by no goal or commitment",
    source=_ASSIGNMENT + ': "Het helpt om bij de bestuurlijke start kerndilemma’s te bespreken."',
)
def dilemma_not_addressed(ctx: RuleContext) -> Iterator[Finding]:
    """A core dilemma (kerndilemma) of the assignment that no goal, target, commitment or theme takes up.

    Handbook: "Het helpt om bij de bestuurlijke start kerndilemma’s te bespreken. Bespreek met elkaar de voor- en
    nadelen van keuzes."

    A file cannot show how well a dilemma was discussed, only whether the agreements come back to it, so the
    reading is conservative: a dilemma is taken up when one of its words recurs in the text of a goal or a
    commitment, the id or source of a target, the label of an indicator in use, or the label or id of a theme in
    use. Words are compared with case ignored: equal, one part of the other ("voorraad" in "huurvoorraad"), or
    with a common stem of at least six letters ("betaalbaarheid" and "betaalbare"); common words of the trade
    ("woningen", "afspraken", "gemeenten") and small words do not count. A dilemma without such words is not
    judged. One finding per dilemma no element takes up, at ``$.assignment.dilemmas[i]``.
    """
    assignment = ctx.agreement.assignment
    if assignment is None or not assignment.dilemmas:
        return
    vocabulary = addressed_words(ctx.agreement)
    for position, dilemma in enumerate(assignment.dilemmas):
        words = significant_words(dilemma)
        if not words or any(shares_stem(word, vocabulary) for word in words):
            continue
        yield ctx.finding(
            path=f"$.assignment.dilemmas[{position}]",
            nl=f"Het {term('dilemma', 'nl')} '{dilemma}' uit de bestuurlijke opdracht komt in geen doel, "
            "streefcijfer, afspraak of thema terug: leg vast hoe de afspraken de keuze maken, of noem het onderwerp "
            "onder out_of_scope.",
            en=f"The {term('dilemma', 'en')} '{dilemma}' of the administrative assignment is taken up by no goal, "
            "target, commitment or theme: record how the agreements make the choice, or name the subject under "
            "out_of_scope.",
        )


@rule(
    "PA123",
    severity=Severity.INFO,
    title_nl="Eenjarige afspraken zonder meerjarig perspectief",
    title_en="One-year agreement without a multi-year perspective",
    source=_PERSPECTIVE + ': "een meerjarig gedeeld perspectief (+/- 5 jaar vooruit) gecombineerd met concrete '
    'jaarafspraken"',
    params={"perspective_min_years": 2},
)
def one_year_without_perspective(ctx: RuleContext) -> Iterator[Finding]:
    """The perspective is shorter than ``perspective_min_years`` (2) and no target looks beyond it.

    Handbook: "Belangrijk ander punt om de verwachtingen over scherp te hebben: hoe concreet moeten de afspraken
    worden en voor welke termijn? Meest gehoorde succesformule: een meerjarig gedeeld perspectief (+/- 5 jaar
    vooruit) gecombineerd met concrete jaarafspraken."

    One-year agreements are accepted practice (Roermond 2021,
    https://5dok.net/article/looptijd-evaluatie-en-actualisering-van-de-afspraken.q2n39kwe), so this is
    information, not a warning, and only when the agreement has no multi-year view at all: a target whose ``by``
    lies beyond the perspective (PA124) gives it one.
    """
    perspective = ctx.agreement.perspective
    low = ctx.param("perspective_min_years")
    if len(perspective) >= low or any(target.by > perspective.end for target in ctx.agreement.targets):
        return
    span = f"{perspective.start}-{perspective.end}"
    yield ctx.finding(
        path="$.perspective",
        nl=f"De afspraken {span} beslaan {len(perspective)} jaar en kijken niet verder vooruit: combineer de "
        "jaarafspraken met een meerjarig gedeeld perspectief van ongeveer 5 jaar, of leg streefcijfers vast die "
        "verder reiken.",
        en=f"The agreement {span} spans {len(perspective)} year(s) and looks no further ahead: combine the annual "
        "commitments with a shared multi-year perspective of about 5 years, or record targets that reach further.",
    )


@rule(
    "PA124",
    severity=Severity.INFO,
    title_nl="Streefcijfer voorbij het perspectief: langetermijnambitie",
    title_en="Target beyond the perspective: a long-term ambition",
    source=_ASSIGNMENT + ': "hoe concreet moeten de afspraken worden en voor welke termijn?"',
)
def target_beyond_perspective(ctx: RuleContext) -> Iterator[Finding]:
    """A target whose ``by`` lies after the perspective's end: a long-term ambition, judged on its path within it.

    Handbook: "Belangrijk ander punt om de verwachtingen over scherp te hebben: hoe concreet moeten de afspraken
    worden en voor welke termijn?"

    Agreements often name an ambition beyond their own term (the Woonakkoord Gooi en Vechtstreek 2021-2025: 2,875
    social homes "tot 2040"). Such a target is no error (PA003 accepts it): within the perspective it is judged
    on its straight path from the start of ``from`` to the end of ``by``, and this finding says so. For a flow or
    stock target the message gives the part of the value that falls within the perspective on that path,
    value × (years of the target within the perspective) / (by − from + 1).
    """
    perspective = ctx.agreement.perspective
    span = f"{perspective.start}-{perspective.end}"
    for i, target in enumerate(ctx.agreement.targets):
        if target.by <= perspective.end:
            continue
        first = target.from_year if target.from_year is not None else perspective.start
        if first > perspective.end:
            continue  # a target that starts after the perspective is PA003's error
        indicator = ctx.index.indicators.get(target.indicator)
        part_nl = part_en = ""
        if indicator is not None and indicator.aggregation in (Aggregation.FLOW, Aggregation.STOCK):
            part = target.value * (perspective.end - first + 1) / (target.by - first + 1)
            part_nl = f": naar rato {number(part)} van de {number(target.value)} tot en met {perspective.end}"
            part_en = f": pro rata {number(part)} of {number(target.value)} by the end of {perspective.end}"
        yield ctx.finding(
            path=f"$.targets[{i}].by",
            subjects=(target.id,),
            nl=f"Streefcijfer {target.id} loopt tot {target.by}, voorbij het perspectief {span}: een "
            f"{term('long_term_ambition', 'nl')}. Binnen het perspectief wordt het beoordeeld op het pad "
            f"ernaartoe{part_nl}.",
            en=f"Target {target.id} runs to {target.by}, beyond the perspective {span}: a "
            f"{term('long_term_ambition', 'en')}. Within the perspective it is judged on its path{part_en}.",
        )
