"""PA306-PA308, PA310, PA312 and PA314, "Monitoring en verantwoording": frequency, progress, figures, amendments.

PA307 judges progress as `prestatieafspraken.progress_report` does; PA308, PA312 and PA314 read the figures as
the figure engine (`prestatieafspraken.figures`) does; the others ask whether the amendments can be accounted for.
"""

from __future__ import annotations

from collections.abc import Iterator

import pendulum

from prestatieafspraken._progress import Thresholds, _judged_records
from prestatieafspraken.figures import FigureIndex, FigureYears, known_by
from prestatieafspraken.model import Outcome, ProgressStatus, RealisationStatus
from prestatieafspraken.rules._phrases import number
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Language, Severity
from prestatieafspraken.rules.registry import rule
from prestatieafspraken.vocabulary import label, term

_MONITORING = "Handreiking, Sturing op realisatie: Monitoring en verantwoording"


def _subject_names(kind: str) -> tuple[str, str, str]:
    """What a realisation is about in Dutch and English, and the list of the file that declares it."""
    return term(kind, "nl"), term(kind, "en"), f"{kind}s"


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
    years = FigureYears(ctx.agreement)
    known = {"commitment": ctx.index.commitments, "target": ctx.index.targets, "indicator": ctx.index.indicators}
    for i, realisation in enumerate(ctx.agreement.realisations):
        kind, subject = realisation.subject
        name_nl, name_en, listed_in = _subject_names(kind)
        if subject not in known[kind]:
            yield ctx.finding(
                path=f"$.realisations[{i}].{kind}",
                subjects=(subject,),
                nl=f"Een realisatie verwijst naar {name_nl} '{subject}', maar er is geen {name_nl} met die id: "
                f"voeg die toe onder {listed_in} of verbeter de verwijzing.",
                en=f"A realisation refers to {name_en} '{subject}', but no {name_en} has that id: add it under "
                f"{listed_in} or correct the reference.",
            )
        if years.allows_figure(realisation):
            continue
        year = realisation.year
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


@rule(
    "PA310",
    severity=Severity.ERROR,
    title_nl="Wijziging niet door alle ondertekenaars overeengekomen",
    title_en="Amendment not agreed by every signing party",
    source=_MONITORING + ': "samen kunnen bijsturen"; een wijziging vraagt de instemming van alle partijen',
)
def amendment_without_signatory(ctx: RuleContext) -> Iterator[Finding]:
    """An amendment whose ``agreed_by`` lacks a signing party.

    Handbook: "Bij afspraken maken en een soms snel veranderende werkelijkheid hoort samen kunnen bijsturen."
    Practice: changing a signed agreement during its term needs the consent of all parties, and it ends early
    only if all agree in writing (https://5dok.net/article/looptijd-evaluatie-en-actualisering-van-de-afspraken.q2n39kwe).

    The signing parties are those named by signing milestones that are not missed, and every counted party for a
    signing without a party. Endorsers, observers and declined parties never sign, so they are left
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


#: The statuses PA307 reports.
_REPORTED = frozenset({ProgressStatus.OFF_TRACK, ProgressStatus.DETERIORATING})


def _status(status: ProgressStatus, lang: Language) -> str:
    """A reported status as the message names it: "de status niet op koers (off_track)"; "off track"."""
    if lang == "en":
        return label(status, "en")
    return f"de status {label(status, 'nl')} ({status.value})"


def _ratio(ratio: float | None) -> str:
    return "n.v.t." if ratio is None else f"{ratio:.2f}".replace(".", ",")


def _ratio_en(ratio: float | None) -> str:
    return "undefined" if ratio is None else f"{ratio:.2f}"


@rule(
    "PA307",
    severity=Severity.WARNING,
    title_nl="Streefcijfer of afspraak niet op koers of verslechtert",
    title_en="Target or commitment off track or deteriorating",
    source=_MONITORING + ': "neem ook verantwoording als doelstellingen niet worden gehaald"',
    params={"on_track_threshold": 0.95, "needs_acceleration_threshold": 0.6},
)
def off_track(ctx: RuleContext) -> Iterator[Finding]:
    """As of the check date a target or commitment is off track or deteriorating, as the progress report has it.

    Handbook: "Bij monitoring is ook de verantwoording belangrijk: deel en gun elkaar successen, maar neem ook
    verantwoording als doelstellingen niet worden gehaald."

    The statuses are those of `prestatieafspraken.progress_report.progress` with the thresholds of the parameters
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
        if target_record.status not in _REPORTED:
            continue
        status_nl, status_en = _status(target_record.status, "nl"), _status(target_record.status, "en")
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
            nl=f"Streefcijfer {target_record.id} heeft per {day} {status_nl}{numbers_nl}. Bespreek met elkaar welk "
            "streefcijfer wél realistisch is en hoe dat toch gehaald kan worden.",
            en=f"Target {target_record.id} is {status_en} as of {day}{numbers_en}. Discuss which target is "
            "realistic and how it can still be reached together.",
        )
    for record in commitments:
        if record.status not in _REPORTED:
            continue
        status_nl, status_en = _status(record.status, "nl"), _status(record.status, "en")
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
            nl=f"Afspraak {record.id} heeft per {day} {status_nl}{numbers_nl}. Neem verantwoording en spreek af hoe "
            "het alsnog lukt.",
            en=f"Commitment {record.id} is {status_en} as of {day}{numbers_en}. Account for it and agree how it can "
            "still be done.",
        )


def _figure(value: float | None) -> str:
    return "?" if value is None else number(value)


@rule(
    "PA312",
    severity=Severity.ERROR,
    title_nl="Realisatie uit de toekomst",
    title_en="Realisation from the future",
    source=_MONITORING + ": cijfers die er op de peildatum kunnen zijn",
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
        if known_by(realisation, as_of):
            continue
        kind, subject = realisation.subject
        name_nl, name_en, _ = _subject_names(kind)
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
        elif realisation.status is RealisationStatus.APPROVED and realisation.reported_on is not None:
            # Not known by the check date although its year has come: it was reported after it.
            day = f" ({realisation.reported_on.isoformat()})" if shown else ""
            yield ctx.finding(
                path=f"$.realisations[{i}].reported_on",
                subjects=(subject,),
                nl=f"Een goedgekeurde realisatie van {name_nl} {subject} is gerapporteerd na de peildatum "
                f"{as_of.isoformat()}{day}: verbeter de datum of de status.",
                en=f"An approved realisation of {name_en} {subject} was reported after the check date "
                f"{as_of.isoformat()}{day}: correct the date or the status.",
            )


_OUTCOMES_NL = ", ".join(label(outcome, "nl") for outcome in Outcome)
_OUTCOMES_EN = ", ".join(label(outcome, "en") for outcome in Outcome)


@rule(
    "PA314",
    severity=Severity.WARNING,
    title_nl="Afspraak over tijd zonder verantwoording",
    title_en="Commitment overdue without a report",
    source=_MONITORING + ': "neem ook verantwoording als doelstellingen niet worden gehaald"',
    params={"grace_months": 3},
)
def overdue_report(ctx: RuleContext) -> Iterator[Finding]:
    """As of the check date a commitment is past its due date by more than ``grace_months`` without a report.

    Handbook: "Bij monitoring is ook de verantwoording belangrijk: deel en gun elkaar successen, maar neem ook
    verantwoording als doelstellingen niet worden gehaald."

    The due date is the commitment's ``due``, else 31 December of its ``year``; a commitment with neither gives
    nothing (PA301). It is overdue when the check date is after the due date plus ``grace_months`` calendar months
    (default 3, the day clamped to the end of the month: 31 December plus 3 months is 31 March; that day itself is
    not overdue yet). It is reported when no realisation of the commitment that is approved and known by the check
    date (its year not after the check date's year, ``reported_on`` not after the check date) gives a value or an
    outcome (done, partly, not done): without one, progress can only say "no data" and nobody accounts for it. A
    draft or submitted figure is named in the message: it needs approval. The path is ``$.commitments[i]``; the
    due date of a commitment that is not public is not quoted.
    """
    grace = int(ctx.param("grace_months"))
    as_of = ctx.as_of
    figures = FigureIndex(ctx.agreement, as_of)
    for i, commitment in enumerate(ctx.agreement.commitments):
        if commitment.due is not None:
            due = commitment.due
        elif commitment.year is not None:
            due = pendulum.Date(min(max(commitment.year, 1), _LAST_DAY.year), 12, 31)
        else:
            continue
        if as_of <= _months_after(due, grace):
            continue
        known = figures.of("commitment", commitment.id)
        if any(realisation.status is RealisationStatus.APPROVED for realisation in known):
            continue  # an approved realisation has a value or an outcome (the model asks for one)
        pending = any(realisation.status is not RealisationStatus.APPROVED for realisation in known)
        shown = f" ({due.isoformat()})" if ctx.quotable(commitment) else ""
        pending_nl = " Er is wel een cijfer in concept of ingediend: keur het goed als het klopt." if pending else ""
        pending_en = " There is a draft or submitted figure: approve it if it is right." if pending else ""
        yield ctx.finding(
            path=f"$.commitments[{i}]",
            subjects=(commitment.id, *dict.fromkeys(commitment.by)),
            nl=f"Afspraak {commitment.id} is per {as_of.isoformat()} meer dan {grace} maanden over haar termijn"
            f"{shown} en er is geen goedgekeurd cijfer of goedgekeurde uitkomst ({_OUTCOMES_NL}): leg vast hoe de "
            f"afspraak is nagekomen, met een realisatie met een waarde of een uitkomst (outcome).{pending_nl}",
            en=f"Commitment {commitment.id} is more than {grace} months past its due date{shown} as of "
            f"{as_of.isoformat()} and has no approved figure or outcome ({_OUTCOMES_EN}): record how it was kept, as a "
            f"realisation with a value or an outcome.{pending_en}",
        )


_LAST_DAY = pendulum.Date(9999, 12, 31)


def _months_after(day: pendulum.Date, months: int) -> pendulum.Date:
    """*day* plus *months* calendar months, the day clamped to the end of the month; at most 31 December 9999."""
    try:
        return day.add(months=months)
    except (ValueError, OverflowError):
        return _LAST_DAY
