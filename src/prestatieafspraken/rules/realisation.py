"""PA3xx, "Sturing op realisatie": concrete execution, local tasks, realism, monitoring and adjusting.

This module holds the rules on how the agreement is made concrete and monitored (PA301-PA312). PA307, PA309 and
PA311 read realised figures as `prestatieafspraken.progress` does.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping

from prestatieafspraken import arithmetic
from prestatieafspraken.model import (
    Aggregation,
    Commitment,
    CommitmentKind,
    Direction,
    Indicator,
    MandateRole,
    ProgressStatus,
    Realisation,
    RealisationStatus,
    Scope,
    Target,
)
from prestatieafspraken.progress import FigureIndex, Thresholds, YearFigure, _judged_records, yearly
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.registry import rule

_CONCRETE = "Handreiking, Sturing op realisatie: Maak de uitvoering concreet"
_MONITORING = "Handreiking, Sturing op realisatie: Monitoring en verantwoording"


def _number(value: float) -> str:
    """A number as a message shows it: whole numbers without decimals, others with up to ten digits."""
    if isinstance(value, int):
        return str(value)
    if math.isfinite(value) and value.is_integer():
        return str(int(value))
    return f"{value:.10g}"


def _target_from(ctx: RuleContext, target: Target) -> int:
    """The first year of a target: its ``from``, else the perspective's start."""
    return target.from_year if target.from_year is not None else ctx.agreement.perspective.start


# --- PA301 -------------------------------------------------------------------------------------------------


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
    be judged: a due date or a year (either one will do, as DESIGN §5 judges it on its due date, else on
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
                    nl=f"De inspanningsafspraak {commitment.id} heeft geen tekst: beschrijf welke inspanning "
                    "wie levert.",
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
                nl=f"De resultaatafspraak {commitment.id} mist {' en '.join(missing_nl)}: maak de afspraak "
                "meetbaar en tijdgebonden, of leg haar vast als inspanningsafspraak (kind: effort).",
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
    title_nl="Regionale doelstelling niet lokaal verdeeld",
    title_en="Regional target not divided into local tasks",
    source=_LOCAL_TASK,
)
def regional_target_without_split(ctx: RuleContext) -> Iterator[Finding]:
    """A target of a regional or wider agreement with neither an ``area`` nor a ``breakdown``.

    Handbook: "Zijn er afspraken gemaakt over een totaal aantal toe te voegen woningen per regio? Verdeel dat dan
    in een lokale opgave, zodat ook makkelijk gemonitord kan worden."
    """
    if ctx.agreement.scope is Scope.LOCAL:
        return
    for i, target in enumerate(ctx.agreement.targets):
        if target.area is None and not target.breakdown:
            yield ctx.finding(
                path=f"$.targets[{i}]",
                subjects=(target.id,),
                nl=f"Doelstelling {target.id} van deze {ctx.agreement.scope.value}e afspraken heeft geen gebied "
                "en geen verdeling: verdeel haar in een lokale opgave per gebied of partij (breakdown), of geef "
                "het gebied (area).",
                en=f"Target {target.id} of this {ctx.agreement.scope.value} agreement has no area and no "
                "breakdown: divide it into local tasks per area or party (breakdown), or give its area.",
            )


@rule(
    "PA303",
    severity=Severity.ERROR,
    title_nl="Verdeling telt niet op tot de doelstelling",
    title_en="Breakdown does not add up to its target",
    source=_LOCAL_TASK,
)
def breakdown_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A breakdown whose parts do not add up to its target's value.

    Handbook: "Verdeel dat dan in een lokale opgave, zodat ook makkelijk gemonitord kan worden."

    Parts and value are compared up to rounding of the last digits of a float (relative and absolute tolerance
    1e-9). A ratio is never summed (DESIGN §5): the breakdown of a share-target holds shares per area, so it is not
    checked; nor is a target whose indicator is unknown (PA001), as its aggregation cannot be told.
    """
    for i, target in enumerate(ctx.agreement.targets):
        indicator = ctx.index.indicators.get(target.indicator)
        if not target.breakdown or indicator is None or indicator.aggregation is Aggregation.RATIO:
            continue
        total = arithmetic.total(target.breakdown.values())
        if math.isclose(total, target.value, rel_tol=1e-9, abs_tol=1e-9):
            continue
        parts = ", ".join(target.breakdown)
        yield ctx.finding(
            path=f"$.targets[{i}].breakdown",
            subjects=(target.id, *target.breakdown),
            nl=f"De verdeling van doelstelling {target.id} over {parts} telt op tot {_number(total)}, niet tot "
            f"de doelstelling {_number(target.value)}: pas de delen of de doelstelling aan.",
            en=f"The breakdown of target {target.id} over {parts} adds up to {_number(total)}, not to the "
            f"target's {_number(target.value)}: adjust the parts or the target.",
        )


# --- PA304 -------------------------------------------------------------------------------------------------


@rule(
    "PA304",
    severity=Severity.WARNING,
    title_nl="Jaarafspraken blijven achter bij de doelstelling",
    title_en="Annual commitments fall short of the target",
    source=_CONCRETE + ': "balans tussen realisme en ambitie"',
)
def commitments_below_target(ctx: RuleContext) -> Iterator[Finding]:
    """Over the years its commitments cover, a target's commitments add up to less than its pro-rata share.

    Handbook: "Houd ook met elkaar het goede gesprek over een goede balans tussen realisme en ambitie in de
    afspraken."

    The commitments that count link to the target (``target``), measure the target's indicator, and have a value
    and a year within ``from``..``by`` (``from`` defaults to the perspective's start). The years they cover are
    the years agreed so far (DESIGN: "annual commitments exist only for the years agreed so far"); over those
    years their sum is compared with value × years covered / (by − from + 1), and the finding reports the
    coverage. A target with no such commitments gives no finding.

    Choices where DESIGN is silent: only flow and stock targets are judged, whose yearly figures add up to the
    target's total or net change; a ratio is never summed and a cumulative target is a running total, so neither
    is. "Strictly below" is read in the indicator's direction: for an indicator whose direction is ``decrease``
    (less is better, e.g. sales or E/F/G labels) the commitments fall short when their sum is strictly above the
    pro-rata share. The sum is quoted only when every commitment in it is public.
    """
    for i, target in enumerate(ctx.agreement.targets):
        indicator = ctx.index.indicators.get(target.indicator)
        if indicator is None or indicator.aggregation not in (Aggregation.FLOW, Aggregation.STOCK):
            continue
        first = _target_from(ctx, target)
        counted = [
            commitment
            for commitment in ctx.index.commitments_by_target(target.id)
            if commitment.indicator == target.indicator
            and commitment.value is not None
            and commitment.year is not None
            and first <= commitment.year <= target.by
        ]
        if not counted:
            continue
        years = {commitment.year for commitment in counted}
        span = target.by - first + 1
        total = arithmetic.total(commitment.value for commitment in counted if commitment.value is not None)
        expected = target.value * len(years) / span
        short = total > expected if indicator.direction is Direction.DECREASE else total < expected
        if not short or math.isclose(total, expected, rel_tol=1e-9, abs_tol=1e-9):
            continue
        if ctx.quotable(*counted):
            sum_nl, sum_en = f"tellen op tot {_number(total)}", f"add up to {_number(total)}"
        else:
            sum_nl, sum_en = "blijven daarbij achter", "fall short of that"
        coverage_nl = f"{len(years)} van de {span} jaar ({first}-{target.by})"
        coverage_en = f"{len(years)} of the {span} years ({first}-{target.by})"
        yield ctx.finding(
            path=f"$.targets[{i}]",
            subjects=(target.id,),
            nl=f"De jaarafspraken voor doelstelling {target.id} dekken {coverage_nl}; naar rato hoort daarbij "
            f"{_number(expected)} van de {_number(target.value)}, maar de afspraken {sum_nl}: bespreek of de "
            "doelstelling realistisch is of maak aanvullende afspraken.",
            en=f"The annual commitments for target {target.id} cover {coverage_en}; pro rata that is "
            f"{_number(expected)} of {_number(target.value)}, but the commitments {sum_en}: discuss whether the "
            "target is realistic or add commitments.",
        )


# --- PA305, PA306 ------------------------------------------------------------------------------------------


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
        nl="Geen partij heeft de rol monitor: spreek af wie de regie houdt op de voortgang.",
        en="No party holds the monitor role: agree who keeps track of progress.",
    )


@rule(
    "PA306",
    severity=Severity.INFO,
    title_nl="Geen frequentie van monitoring",
    title_en="No monitoring frequency",
    source=_MONITORING,
)
def no_monitoring_frequency(ctx: RuleContext) -> Iterator[Finding]:
    """The agreement records no monitoring frequency.

    Handbook: "Het verschil tussen werkende en niet-werkende afspraken wordt gemaakt in het scherpe gesprek over
    de voortgang én korte lijnen met de mensen die sturing geven aan de realisatie."
    """
    monitoring = ctx.agreement.monitoring
    if monitoring is not None and monitoring.frequency is not None:
        return
    yield ctx.finding(
        path="$.monitoring" if monitoring is None else "$.monitoring.frequency",
        nl="Er is niet vastgelegd hoe vaak de voortgang wordt gemonitord: kies een frequentie (bijvoorbeeld "
        "jaarlijks).",
        en="The agreement does not say how often progress is monitored: choose a frequency (yearly, for example).",
    )


# --- PA308 -------------------------------------------------------------------------------------------------

_SUBJECT_NAMES = {
    "commitment": ("afspraak", "commitment", "commitments"),
    "target": ("doelstelling", "target", "targets"),
    "indicator": ("indicator", "indicator", "indicators"),
}


@rule(
    "PA308",
    severity=Severity.ERROR,
    title_nl="Realisatie verwijst naar niets bekends of naar een jaar buiten het perspectief",
    title_en="Realisation refers to nothing known or to a year outside the perspective",
    source=_MONITORING,
)
def stray_realisation(ctx: RuleContext) -> Iterator[Finding]:
    """A realisation about an unknown commitment, target or indicator, or of a year outside the perspective.

    Handbook: "Bij monitoring is ook de verantwoording belangrijk: deel en gun elkaar successen, maar neem ook
    verantwoording als doelstellingen niet worden gehaald."

    Allowed years besides the perspective: the year before it (the starting level) and the baseline year of a
    target the figure is about: the target it names, the target of the commitment it names, or for an indicator
    figure any target of that indicator. The path is at the unknown reference, or at the year. The year of a
    realisation that is not public is not quoted. Its area and party references are PA001's.
    """
    perspective = ctx.agreement.perspective
    by_indicator: defaultdict[str, set[int]] = defaultdict(set)
    for target in ctx.agreement.targets:
        if target.baseline is not None:
            by_indicator[target.indicator].add(target.baseline.year)
    known = {"commitment": ctx.index.commitments, "target": ctx.index.targets, "indicator": ctx.index.indicators}
    for i, realisation in enumerate(ctx.agreement.realisations):
        kind, subject = realisation.subject
        name_nl, name_en, listed_in = _SUBJECT_NAMES[kind]
        if subject not in known[kind]:
            yield ctx.finding(
                path=f"$.realisations[{i}].{kind}",
                subjects=(subject,),
                nl=f"Een realisatie verwijst naar {name_nl} '{subject}', maar er is geen {name_nl} met die id: "
                f"voeg die toe onder {listed_in} of verbeter de verwijzing.",
                en=f"A realisation refers to {name_en} '{subject}', but no {name_en} has that id: add it under "
                f"{listed_in} or correct the reference.",
            )
        year = realisation.year
        if (
            year in perspective
            or year == perspective.start - 1
            or year in _baseline_years(ctx, realisation, by_indicator)
        ):
            continue
        shown = f" ({year})" if ctx.quotable(realisation) else ""
        span = f"{perspective.start}-{perspective.end}"
        yield ctx.finding(
            path=f"$.realisations[{i}].year",
            subjects=(subject,),
            nl=f"Het jaar van een realisatie van {name_nl} {subject}{shown} ligt buiten het perspectief {span} en "
            "is niet het jaar ervoor of een nulmetingsjaar: verbeter het jaar.",
            en=f"The year of a realisation of {name_en} {subject}{shown} lies outside the perspective {span} and "
            "is neither the year before it nor a baseline year: correct the year.",
        )


def _baseline_years(
    ctx: RuleContext, realisation: Realisation, by_indicator: Mapping[str, set[int]]
) -> Collection[int]:
    """The baseline years of the targets a realisation is about (see PA308)."""
    index = ctx.index
    target_ids: tuple[str, ...]
    if realisation.target is not None:
        target_ids = (realisation.target,)
    elif realisation.commitment is not None:
        commitment = index.commitments.get(realisation.commitment)
        target_ids = (commitment.target,) if commitment is not None and commitment.target is not None else ()
    else:
        return by_indicator.get(realisation.indicator or "", ())
    years: set[int] = set()
    for target_id in target_ids:
        target = index.targets.get(target_id)
        if target is not None and target.baseline is not None:
            years.add(target.baseline.year)
    return years


# --- PA310 -------------------------------------------------------------------------------------------------


@rule(
    "PA310",
    severity=Severity.ERROR,
    title_nl="Wijziging niet door alle ondertekenaars overeengekomen",
    title_en="Amendment not agreed by every signing party",
    source=_MONITORING
    + ': "samen kunnen bijsturen"; FACTS §8.11: "Amending a signed agreement mid-term needs the consent of all '
    'parties."',
)
def amendment_without_signatory(ctx: RuleContext) -> Iterator[Finding]:
    """An amendment whose ``agreed_by`` lacks a signing party.

    Handbook: "Bij afspraken maken en een soms snel veranderende werkelijkheid hoort samen kunnen bijsturen."
    FACTS §8.11: "Amending a signed agreement mid-term needs the consent of **all** parties."

    The signing parties are those named by signing milestones that are not missed, and every counted party for a
    signing without a party (DESIGN §4). Endorsers, observers and declined parties never sign, so they are left
    out even when a signing milestone names them; so is a party that is not declared (PA001). Without any signing
    milestone no party is known to sign and the rule says nothing. One finding per amendment names every signing
    party it lacks.
    """
    signers = [party for party in ctx.signing_party_ids if party in ctx.index.parties and ctx.index.is_counted(party)]
    if not signers:
        return
    for i, amendment in enumerate(ctx.agreement.amendments):
        agreed = set(amendment.agreed_by)
        missing = [party for party in signers if party not in agreed]
        if not missing:
            continue
        names = ", ".join(missing)
        yield ctx.finding(
            path=f"$.amendments[{i}].agreed_by",
            subjects=(amendment.id, *missing),
            nl=f"Wijziging {amendment.id} is niet overeengekomen door de ondertekenende partij(en) {names}: een "
            "wijziging vraagt de instemming van alle partijen die tekenden.",
            en=f"Amendment {amendment.id} is not agreed by the signing part{'y' if len(missing) == 1 else 'ies'} "
            f"{names}: an amendment needs the consent of every party that signed.",
        )


# --- PA307 -------------------------------------------------------------------------------------------------

_STATUS_NAMES = {
    ProgressStatus.OFF_TRACK: ("loopt achter (off_track)", "is off track"),
    ProgressStatus.DETERIORATING: ("verslechtert (deteriorating)", "is deteriorating"),
}


def _ratio(ratio: float | None) -> str:
    return "n.v.t." if ratio is None else f"{ratio:.2f}".replace(".", ",")


def _ratio_en(ratio: float | None) -> str:
    return "undefined" if ratio is None else f"{ratio:.2f}"


@rule(
    "PA307",
    severity=Severity.WARNING,
    title_nl="Doelstelling of afspraak loopt achter of verslechtert",
    title_en="Target or commitment off track or deteriorating",
    source=_MONITORING + ': "neem ook verantwoording als doelstellingen niet worden gehaald"',
    params={"on_track_threshold": 0.95, "needs_acceleration_threshold": 0.6},
)
def off_track(ctx: RuleContext) -> Iterator[Finding]:
    """As of the check date a target or commitment is off track or deteriorating (DESIGN §5).

    Handbook: "Bij monitoring is ook de verantwoording belangrijk: deel en gun elkaar successen, maar neem ook
    verantwoording als doelstellingen niet worden gehaald."

    The statuses are those of `prestatieafspraken.progress.progress` with the thresholds of the parameters
    ``on_track_threshold`` (0.95) and ``needs_acceleration_threshold`` (0.6): off track is 0 ≤ R below the
    acceleration threshold, deteriorating is R < 0 (or, where the path asks for no change, a move against the
    indicator's direction). Whole targets and commitments are reported, at ``$.targets[i]`` and
    ``$.commitments[i]``; the parts of a breakdown are in the progress report. The message gives R with the
    start, the expected and the realised value and the year compared, unless a figure used, or the commitment, is
    not public: then it gives the status and no number (R would reveal the hidden value).
    """
    thresholds = Thresholds(
        on_track=ctx.param("on_track_threshold"), needs_acceleration=ctx.param("needs_acceleration_threshold")
    )
    # The records `progress` computes, less the commitments without figures (never off track) and the roll-ups.
    targets, commitments = _judged_records(ctx.agreement, ctx.as_of, thresholds)
    day = ctx.as_of.isoformat()
    for target_record in targets:
        if target_record.status not in _STATUS_NAMES:
            continue
        status_nl, status_en = _STATUS_NAMES[target_record.status]
        if ctx.quotable(*target_record.figures):
            numbers_nl = (
                f": gerealiseerd {_figure(target_record.realised)} eind {target_record.year}, verwacht "
                f"{_figure(target_record.expected)} (start {_figure(target_record.start)}, te bereiken "
                f"{_figure(target_record.reach)} eind {target_record.by}), R = {_ratio(target_record.ratio)}"
            )
            numbers_en = (
                f": realised {_figure(target_record.realised)} at the end of {target_record.year}, expected "
                f"{_figure(target_record.expected)} (start {_figure(target_record.start)}, to reach "
                f"{_figure(target_record.reach)} by the end of {target_record.by}), R = "
                f"{_ratio_en(target_record.ratio)}"
            )
        else:
            numbers_nl = numbers_en = ""
        yield ctx.finding(
            path=target_record.path,
            subjects=(target_record.id,),
            nl=f"Doelstelling {target_record.id} {status_nl} per {day}{numbers_nl}. Bespreek met elkaar welke "
            "doelstelling wél realistisch is en hoe die toch gehaald kan worden.",
            en=f"Target {target_record.id} {status_en} as of {day}{numbers_en}. Discuss which target is "
            "realistic and how it can still be reached together.",
        )
    for record in commitments:
        if record.status not in _STATUS_NAMES:
            continue
        status_nl, status_en = _STATUS_NAMES[record.status]
        if ctx.quotable(record.commitment, *record.figures):
            numbers_nl = (
                f": gerealiseerd {_figure(record.realised)} (t/m {record.year}) van de afgesproken "
                f"{_figure(record.expected)}, R = {_ratio(record.ratio)}"
            )
            numbers_en = (
                f": realised {_figure(record.realised)} (up to {record.year}) of the {_figure(record.expected)} "
                f"agreed, R = {_ratio_en(record.ratio)}"
            )
        else:
            numbers_nl = numbers_en = ""
        yield ctx.finding(
            path=record.path,
            subjects=(record.id, *dict.fromkeys(record.commitment.by)),
            nl=f"Afspraak {record.id} {status_nl} per {day}{numbers_nl}. Neem verantwoording en spreek af hoe "
            "het alsnog lukt.",
            en=f"Commitment {record.id} {status_en} as of {day}{numbers_en}. Account for it and agree how it can "
            "still be done.",
        )


def _figure(value: float | None) -> str:
    return "?" if value is None else _number(value)


# --- PA309 -------------------------------------------------------------------------------------------------


@rule(
    "PA309",
    severity=Severity.INFO,
    title_nl="Jaarafspraak ver boven het beste gerealiseerde jaar",
    title_en="Yearly commitment far above the best realised year",
    source=_CONCRETE + ': "balans tussen realisme en ambitie"',
    params={"ambition_factor": 2},
)
def beyond_best_year(ctx: RuleContext) -> Iterator[Finding]:
    """A yearly committed value above twice (``ambition_factor``) the best realised year of its indicator and area.

    Handbook: "Houd ook met elkaar het goede gesprek over een goede balans tussen realisme en ambitie in de
    afspraken."

    Choices where DESIGN is silent: the yearly committed value is the sum of the values of the commitments with
    the same flow indicator, area (or none) and year, as the realised figures are per indicator and area too; a
    stock, cumulative or ratio indicator has no yearly quantity and is not judged. The realised years are the
    approved figures that count as of the check date (DESIGN §4, "As-of") of the indicator in that area (without
    an area: the whole, else the sum over areas), read as `prestatieafspraken.progress` reads them; failing any,
    the counted figures of the commitments with that indicator and area, summed per year. For an indicator whose
    direction is ``decrease`` the best year is the lowest, and the commitment is too ambitious when it is below
    the best year divided by the factor. Without a realised year there is no finding. One finding per indicator,
    area and year, at the first of its commitments; values are quoted only when every figure in them is public.
    """
    factor = ctx.param("ambition_factor")
    figures = FigureIndex(ctx.agreement, ctx.as_of)
    groups: defaultdict[tuple[str, str | None, int], list[tuple[int, Commitment]]] = defaultdict(list)
    flows = {key: item for key, item in ctx.index.indicators.items() if item.aggregation is Aggregation.FLOW}
    for i, commitment in enumerate(ctx.agreement.commitments):
        indicator = flows.get(commitment.indicator or "")
        if indicator is None or commitment.value is None or commitment.year is None:
            continue
        groups[indicator.id, commitment.area, commitment.year].append((i, commitment))
    by_place: defaultdict[tuple[str, str | None], list[Commitment]] = defaultdict(list)
    for (indicator_id, area, _), members in groups.items():
        by_place[indicator_id, area].extend(commitment for _, commitment in members)
    best_years: dict[tuple[str, str | None], YearFigure | None] = {}
    for (indicator_id, area, year), members in groups.items():
        indicator = ctx.index.indicators[indicator_id]
        if (indicator_id, area) not in best_years:
            best_years[indicator_id, area] = _best_year(figures, indicator, area, by_place[indicator_id, area])
        best = best_years[indicator_id, area]
        if best is None:
            continue
        committed = sum(commitment.value for _, commitment in members if commitment.value is not None)
        if indicator.direction is Direction.DECREASE:
            too_much = committed * factor < best.value
        else:
            too_much = committed > factor * best.value
        if not too_much:
            continue
        place = f" in {area}" if area is not None else ""
        ids = [commitment.id for _, commitment in members]
        if ctx.quotable(*(commitment for _, commitment in members), *best.figures):
            what_nl = f"{_number(committed)} afgesproken tegen {_number(best.value)} in het beste jaar {best.year}"
            what_en = f"{_number(committed)} committed against {_number(best.value)} in the best year {best.year}"
        else:
            what_nl = f"het afgesprokene ligt meer dan een factor {_number(factor)} van het beste jaar {best.year}"
            what_en = f"the commitment is more than a factor {_number(factor)} from the best year {best.year}"
        yield ctx.finding(
            path=f"$.commitments[{members[0][0]}]",
            subjects=(*ids, indicator_id, *((area,) if area is not None else ())),
            nl=f"De jaarafspraak {year} voor {indicator_id}{place} ({', '.join(ids)}) is veel ambitieuzer dan wat "
            f"ooit is gerealiseerd: {what_nl}. Bespreek of de afspraak realistisch is.",
            en=f"The {year} commitment for {indicator_id}{place} ({', '.join(ids)}) is far more ambitious than "
            f"anything realised so far: {what_en}. Discuss whether it is realistic.",
        )


def _best_year(
    figures: FigureIndex, indicator: Indicator, area: str | None, commitments: list[Commitment]
) -> YearFigure | None:
    """The best realised year of an indicator in an area (see PA309), or None without any."""
    own = [r for r in figures.of_indicator(indicator.id, area=area) if r.status is RealisationStatus.APPROVED]
    series = yearly(own, aggregation=Aggregation.FLOW, area=area, weights=None)
    if not series:
        per_year: defaultdict[int, list[Realisation]] = defaultdict(list)
        for commitment in commitments:
            known = figures.of("commitment", commitment.id)
            if not known:  # most commitments have no figure yet
                continue
            counted = [r for r in known if r.status is RealisationStatus.APPROVED]
            for figure in yearly(counted, aggregation=Aggregation.FLOW, area=area).values():
                per_year[figure.year].extend(figure.figures)
        series = {
            year: YearFigure(year=year, value=sum(r.value for r in used if r.value is not None), figures=tuple(used))
            for year, used in per_year.items()
        }
    if not series:
        return None
    pick = min if indicator.direction is Direction.DECREASE else max
    return pick(series.values(), key=lambda figure: (figure.value, -figure.year))


# --- PA311 -------------------------------------------------------------------------------------------------


@rule(
    "PA311",
    severity=Severity.ERROR,
    title_nl="Voorraadverandering klopt niet met in- en uitstroom",
    title_en="Stock change does not match its inflows and outflows",
    source="FACTS §7, net-stock accounting; §8.22: net-stock identity per corporation, gemeente and year",
)
def stock_flows_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A stock indicator whose change in a year differs from its flows in minus out.

    FACTS §8.22: "Net-stock identity per corporation, gemeente and year: `stock_end = stock_start + new_build +
    acquired − demolished − sold − liberalised (± reclassified)`. Flag agreements with a "net growth" target whose
    flows do not add up."

    For every stock indicator with ``stock_flows``, and every place (area and party, each or both may be absent)
    where it has approved figures that count as of the check date: the change of the level from year Y − 1 to Y
    is compared with the sum of the ``in`` flows minus the sum of the ``out`` flows of year Y in the same place.
    Only where all those figures exist (both levels and every flow of that year); of two figures for the same
    year and place the later reported counts, as in `prestatieafspraken.progress`. Equal up to float rounding
    (relative and absolute 1e-9). The path is the stock figure of year Y; the numbers are quoted only when every
    figure is public.
    """
    figures = FigureIndex(ctx.agreement, ctx.as_of)
    positions = {id(realisation): i for i, realisation in enumerate(ctx.agreement.realisations)}
    for indicator in ctx.agreement.indicators:
        flows = indicator.stock_flows
        if indicator.aggregation is not Aggregation.STOCK or flows is None:
            continue
        inflows, outflows = tuple(dict.fromkeys(flows.inflows)), tuple(dict.fromkeys(flows.outflows))
        if not inflows and not outflows:
            continue
        levels = _by_place(figures, indicator.id)
        flow_series = {flow: _by_place(figures, flow) for flow in (*inflows, *outflows)}
        for place, series in levels.items():
            for year in sorted(series):
                before = series.get(year - 1)
                parts = [flow_series[flow].get(place, {}).get(year) for flow in (*inflows, *outflows)]
                if before is None or any(part is None for part in parts):
                    continue
                ins = [part for part in parts[: len(inflows)] if part is not None]
                outs = [part for part in parts[len(inflows) :] if part is not None]
                change = series[year].value - before.value
                net = sum(part.value for part in ins) - sum(part.value for part in outs)
                if math.isclose(change, net, rel_tol=1e-9, abs_tol=1e-9):
                    continue
                used = (*series[year].figures, *before.figures, *(f for part in (*ins, *outs) for f in part.figures))
                yield _stock_finding(
                    ctx,
                    indicator.id,
                    place=place,
                    year=year,
                    change_and_net=(change, net),
                    used=used,
                    positions=positions,
                )


def _by_place(figures: FigureIndex, indicator_id: str) -> dict[tuple[str | None, str | None], dict[int, YearFigure]]:
    """The counted figures of an indicator per exact place (area, party), as a value per year."""
    grouped: defaultdict[tuple[str | None, str | None], list[Realisation]] = defaultdict(list)
    for realisation in figures.of("indicator", indicator_id):
        if realisation.status is RealisationStatus.APPROVED:
            grouped[realisation.area, realisation.party].append(realisation)
    return {
        place: yearly(found, aggregation=Aggregation.STOCK, area=place[0], party=place[1])
        for place, found in grouped.items()
    }


def _stock_finding(
    ctx: RuleContext,
    stock: str,
    *,
    place: tuple[str | None, str | None],
    year: int,
    change_and_net: tuple[float, float],
    used: tuple[Realisation, ...],
    positions: Mapping[int, int],
) -> Finding:
    area, party = place
    where = " ".join(part for part in (f"in {area}" if area else "", f"van {party}" if party else "") if part)
    where_en = " ".join(part for part in (f"in {area}" if area else "", f"of {party}" if party else "") if part)
    change, net = change_and_net
    if ctx.quotable(*used):
        numbers_nl = f" met {_number(change)}, terwijl instroom min uitstroom {_number(net)} is"
        numbers_en = f" by {_number(change)}, while inflows minus outflows are {_number(net)}"
    else:
        numbers_nl = " anders dan instroom min uitstroom"
        numbers_en = " differently from inflows minus outflows"
    stock_figure = used[0]
    return ctx.finding(
        path=f"$.realisations[{positions[id(stock_figure)]}]",
        subjects=(stock, *(part for part in place if part is not None)),
        nl=f"De voorraad {stock}{' ' + where if where else ''} veranderde in {year}{numbers_nl}: verbeter de "
        "cijfers of vul de ontbrekende stromen aan (stock_flows).",
        en=f"The stock {stock}{' ' + where_en if where_en else ''} changed in {year}{numbers_en}: correct the "
        "figures or add the missing flows (stock_flows).",
    )


# --- PA312 -------------------------------------------------------------------------------------------------


@rule(
    "PA312",
    severity=Severity.ERROR,
    title_nl="Realisatie uit de toekomst",
    title_en="Realisation from the future",
    source=_MONITORING + "; DESIGN §4, As-of",
)
def future_realisation(ctx: RuleContext) -> Iterator[Finding]:
    """A realisation whose year is after the as-of year, or an approved one whose ``reported_on`` is after as-of.

    Handbook: "Het verschil tussen werkende en niet-werkende afspraken wordt gemaakt in het scherpe gesprek over
    de voortgang"; that conversation needs figures that can exist on the day it is held.

    One finding per realisation: at ``$.realisations[i].year`` when its year is after the as-of year, else at
    ``$.realisations[i].reported_on`` when it is approved and reported after the as-of date (the same day is
    fine). Such figures do not count in progress. The year and date of a figure that is not public are not quoted.
    """
    as_of = ctx.as_of
    for i, realisation in enumerate(ctx.agreement.realisations):
        kind, subject = realisation.subject
        name_nl, name_en, _ = _SUBJECT_NAMES[kind]
        shown = ctx.quotable(realisation)
        if realisation.year > as_of.year:
            year = f" ({realisation.year})" if shown else ""
            yield ctx.finding(
                path=f"$.realisations[{i}].year",
                subjects=(subject,),
                nl=f"Een realisatie van {name_nl} {subject} is voor een jaar{year} na de peildatum "
                f"{as_of.isoformat()}: een jaar dat nog moet komen heeft geen realisatie; verbeter het jaar.",
                en=f"A realisation of {name_en} {subject} is for a year{year} after the check date "
                f"{as_of.isoformat()}: a year still to come has no realisation; correct the year.",
            )
        elif (
            realisation.status is RealisationStatus.APPROVED
            and realisation.reported_on is not None
            and realisation.reported_on > as_of
        ):
            day = f" ({realisation.reported_on.isoformat()})" if shown else ""
            yield ctx.finding(
                path=f"$.realisations[{i}].reported_on",
                subjects=(subject,),
                nl=f"Een goedgekeurde realisatie van {name_nl} {subject} is gerapporteerd na de peildatum "
                f"{as_of.isoformat()}{day}: verbeter de datum of de status.",
                en=f"An approved realisation of {name_en} {subject} was reported after the check date "
                f"{as_of.isoformat()}{day}: correct the date or the status.",
            )
