"""PA301-PA303, PA305 and PA313, "Maak de uitvoering concreet": concrete commitments, local tasks, who keeps track."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pendulum

from prestatieafspraken import _arithmetic
from prestatieafspraken.model import Aggregation, CommitmentKind, MandateRole
from prestatieafspraken.rules._phrases import number
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.registry import WIDER_THAN_LOCAL, rule
from prestatieafspraken.vocabulary import label

_CONCRETE = "Handreiking, Sturing op realisatie: Maak de uitvoering concreet"


@rule(
    "PA301",
    severity=Severity.WARNING,
    title_nl="Afspraak niet concreet",
    title_en="Commitment not concrete",
    source=_CONCRETE,
)
def vague_commitment(ctx: RuleContext) -> Iterator[Finding]:
    """A result commitment without indicator or value, or without both due date and year; an effort without text.

    Handbook: "Vuistregel is om afspraken waar het kan concreet te maken op het relevante schaalniveau."

    A result commitment (resultaatsverplichting) needs an indicator and a value to be measured, and a moment to
    be judged: a due date or a year (either one will do, as progress judges it on its due date, else on
    31 December of its year). One finding per commitment names everything that is missing. An effort commitment
    (inspanningsverplichting) needs at least a text that says what the effort is; blank text counts as none.
    """
    for i, commitment in enumerate(ctx.agreement.commitments):
        path = f"$.commitments[{i}]"
        if commitment.kind is CommitmentKind.EFFORT:
            if not (commitment.text and commitment.text.strip()):
                yield ctx.finding(
                    path=path,
                    subjects=(commitment.id,),
                    nl=f"Afspraak {commitment.id} ({label(CommitmentKind.EFFORT, 'nl')}) heeft geen tekst: "
                    "beschrijf welke inspanning wie levert.",
                    en=f"The effort commitment {commitment.id} has no text: describe which effort is made by whom.",
                )
            continue
        missing_nl: list[str] = []
        missing_en: list[str] = []
        if commitment.indicator is None:
            missing_nl.append("een indicator")
            missing_en.append("an indicator")
        if commitment.value is None:
            missing_nl.append("een waarde")
            missing_en.append("a value")
        if commitment.due is None and commitment.year is None:
            missing_nl.append("een termijn (due of year)")
            missing_en.append("a due date or year")
        if missing_nl:
            yield ctx.finding(
                path=path,
                subjects=(commitment.id,),
                nl=f"Afspraak {commitment.id} ({label(CommitmentKind.RESULT, 'nl')}) mist "
                f"{' en '.join(missing_nl)}: maak de afspraak meetbaar en tijdgebonden, of leg haar vast als "
                f"{label(CommitmentKind.EFFORT, 'nl')} (kind: effort).",
                en=f"The result commitment {commitment.id} lacks {' and '.join(missing_en)}: make it measurable "
                "and time-bound, or record it as an effort commitment (kind: effort).",
            )


# --- PA302, PA303 ------------------------------------------------------------------------------------------

_LOCAL_TASK = (
    _CONCRETE + ': "Zijn er afspraken gemaakt over een totaal aantal toe te voegen woningen per regio? '
    'Verdeel dat dan in een lokale opgave, zodat ook makkelijk gemonitord kan worden."'
)


@rule(
    "PA302",
    severity=Severity.WARNING,
    title_nl="Regionaal streefcijfer niet over lokale opgaven verdeeld",
    title_en="Regional target not divided into local tasks",
    source=_LOCAL_TASK,
    scopes=WIDER_THAN_LOCAL,
)
def regional_target_without_split(ctx: RuleContext) -> Iterator[Finding]:
    """A target of a regional or wider agreement with neither an ``area`` nor a ``breakdown``.

    Handbook: "Zijn er afspraken gemaakt over een totaal aantal toe te voegen woningen per regio? Verdeel dat dan
    in een lokale opgave, zodat ook makkelijk gemonitord kan worden."
    """
    for i, target in enumerate(ctx.agreement.targets):
        if target.area is None and not target.breakdown:
            yield ctx.finding(
                path=f"$.targets[{i}]",
                subjects=(target.id,),
                nl=f"Streefcijfer {target.id} van deze afspraken ({label(ctx.agreement.scope, 'nl')}) heeft geen "
                "gebied en geen verdeling: verdeel het over lokale opgaven per gebied of partij (breakdown), of "
                "geef het gebied (area).",
                en=f"Target {target.id} of this {label(ctx.agreement.scope, 'en')} agreement has no area and no "
                "breakdown: divide it into local tasks per area or party (breakdown), or give its area.",
            )


@rule(
    "PA303",
    severity=Severity.ERROR,
    title_nl="Verdeling telt niet op tot het streefcijfer",
    title_en="Breakdown does not add up to its target",
    source=_LOCAL_TASK,
)
def breakdown_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A breakdown whose parts do not add up to its target's value.

    Handbook: "Verdeel dat dan in een lokale opgave, zodat ook makkelijk gemonitord kan worden."

    Parts and value are compared up to rounding of the last digits of a float (relative and absolute tolerance
    1e-9). A ratio is never summed: the breakdown of a share-target holds shares per area, so it is not
    checked; nor is a target whose indicator is unknown (PA001), as its aggregation cannot be told.
    """
    for i, target in enumerate(ctx.agreement.targets):
        indicator = ctx.index.indicators.get(target.indicator)
        if not target.breakdown or indicator is None or indicator.aggregation is Aggregation.RATIO:
            continue
        total = _arithmetic.total(target.breakdown.values())
        if math.isclose(total, target.value, rel_tol=1e-9, abs_tol=1e-9):
            continue
        parts = ", ".join(target.breakdown)
        yield ctx.finding(
            path=f"$.targets[{i}].breakdown",
            subjects=(target.id, *target.breakdown),
            nl=f"De verdeling van streefcijfer {target.id} over {parts} telt op tot {number(total)}, niet tot "
            f"het streefcijfer {number(target.value)}: pas de delen of het streefcijfer aan.",
            en=f"The breakdown of target {target.id} over {parts} adds up to {number(total)}, not to the "
            f"target's {number(target.value)}: adjust the parts or the target.",
        )


@rule(
    "PA305",
    severity=Severity.WARNING,
    title_nl="Niemand houdt de regie op de voortgang",
    title_en="Nobody monitors progress",
    source=_CONCRETE + ': "wie de regie houdt op de voortgang"',
)
def no_monitor(ctx: RuleContext) -> Iterator[Finding]:
    """No party holds the monitor role.

    Handbook: "Mét een groep mensen die duidelijke afspraken heeft gemaakt over wie de regie houdt op de
    voortgang. Ontbreekt daar de regie op? Voor je het weer verdwijnen prestatieafspraken dan de la in."
    """
    if any(mandate.role is MandateRole.MONITOR for mandate in ctx.agreement.mandates):
        return
    yield ctx.finding(
        path="$.mandates",
        nl=f"Geen partij heeft de rol {label(MandateRole.MONITOR, 'nl')} (role: monitor): spreek af wie de regie "
        "houdt op de voortgang.",
        en="No party holds the monitor role (role: monitor): agree who keeps track of progress.",
    )


@rule(
    "PA313",
    severity=Severity.WARNING,
    title_nl="Termijn van een afspraak buiten haar jaar of het perspectief",
    title_en="Commitment due outside its year or the perspective",
    source=_CONCRETE,
)
def due_out_of_range(ctx: RuleContext) -> Iterator[Finding]:
    """A commitment due before 1 January of its year, or after 31 December of the perspective's last year.

    Handbook: "Tot afspraken komen is één, met een goede uitvoering valt of staat het succes. Vuistregel is om
    afspraken waar het kan concreet te maken op het relevante schaalniveau."

    A commitment of 2026 due in 2025 was due before it was made, and one due after the perspective is judged after
    the agreement has ended: either way it is not clear when it is kept, and progress judges it on its due date. A
    due date after its year (a commitment of 2025 due on 1 March 2026) is fine. The first and the last day
    themselves are fine. A commitment without a due date gives nothing (PA301 asks for a due date or year). The
    path is ``$.commitments[i].due``; the due date of a commitment that is not public is not quoted.
    """
    perspective = ctx.agreement.perspective
    last_day = pendulum.Date(perspective.end, 12, 31)
    for i, commitment in enumerate(ctx.agreement.commitments):
        due = commitment.due
        if due is None:
            continue
        shown = f" ({due.isoformat()})" if ctx.quotable(commitment) else ""
        if commitment.year is not None and due.year < commitment.year:
            yield ctx.finding(
                path=f"$.commitments[{i}].due",
                subjects=(commitment.id,),
                nl=f"De termijn van afspraak {commitment.id}{shown} ligt vóór 1 januari {commitment.year}, het begin "
                "van het jaar van de afspraak: verbeter de termijn (due) of het jaar (year).",
                en=f"Commitment {commitment.id} is due{shown} before 1 January {commitment.year}, the start of its "
                "year: correct the due date or the year.",
            )
        elif due > last_day:
            span = f"{perspective.start}-{perspective.end}"
            yield ctx.finding(
                path=f"$.commitments[{i}].due",
                subjects=(commitment.id,),
                nl=f"De termijn van afspraak {commitment.id}{shown} ligt na 31 december {perspective.end}, het einde "
                f"van het perspectief {span}: dan wordt de afspraak pas beoordeeld als de afspraken zijn afgelopen. "
                "Verbeter de termijn, of maak er een afspraak van in de volgende prestatieafspraken.",
                en=f"Commitment {commitment.id} is due{shown} after 31 December {perspective.end}, the end of the "
                f"perspective {span}: it would be judged only after the agreement has ended. Correct the due date, or "
                "make it a commitment of the next agreement.",
            )
