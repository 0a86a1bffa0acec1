"""Traffic lights, as Dutch municipalities report progress: green, orange, red, and an explanation for red and orange.

Each progress status has one colour: green for achieved and on track, orange for needs acceleration, red for off
track, deteriorating and against the indicator's direction, grey (no verdict) for not started and no data. A red
or orange record needs an explanation: the reason of its latest manual assessment (``monitoring.assessments``), or
the explanation given with a commitment's outcome; without either the report says "toelichting ontbreekt".
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from prestatieafspraken import vocabulary
from prestatieafspraken._progress import CommitmentProgress, TargetProgress
from prestatieafspraken.documents._blocks import Colour, Light
from prestatieafspraken.documents._names import Names
from prestatieafspraken.documents._words import capital, says
from prestatieafspraken.model import ProgressStatus
from prestatieafspraken.vocabulary import Language, term

__all__ = [
    "COLOURS",
    "COLOUR_TERMS",
    "assessment_text",
    "colour",
    "colour_light",
    "explained",
    "explanation",
    "joined",
    "light",
    "lights_explained",
    "missing",
    "needs_explanation",
    "outcome_text",
]

#: The colour of each progress status.
_COLOUR: Final[Mapping[ProgressStatus, Colour]] = MappingProxyType(
    {
        ProgressStatus.ACHIEVED: "green",
        ProgressStatus.ON_TRACK: "green",
        ProgressStatus.NEEDS_ACCELERATION: "orange",
        ProgressStatus.OFF_TRACK: "red",
        ProgressStatus.DETERIORATING: "red",
        ProgressStatus.CONTRADICTS_DIRECTION: "red",
        ProgressStatus.NOT_STARTED: "grey",
        ProgressStatus.NO_DATA: "grey",
    }
)
#: The colours in the order a report counts them.
COLOURS: Final[tuple[Colour, ...]] = ("green", "orange", "red", "grey")
#: The vocabulary's term of each colour.
COLOUR_TERMS: Final[Mapping[Colour, str]] = MappingProxyType(
    {"green": "green", "orange": "orange", "red": "red", "grey": "no_verdict"}
)


def colour(status: ProgressStatus) -> Colour:
    """The traffic light of a progress status."""
    return _COLOUR[status]


def needs_explanation(status: ProgressStatus) -> bool:
    """Whether a status needs an explanation: red and orange do."""
    return _COLOUR[status] in ("red", "orange")


def light(status: ProgressStatus, lang: Language) -> Light:
    """A status as a table cell: its colour, and its word ("versnelling nodig")."""
    return Light(colour=_COLOUR[status], text=vocabulary.label(status, lang))


def colour_light(chosen: Colour, lang: Language) -> Light:
    """A colour as a column heading: its dot and its word ("groen")."""
    return Light(colour=chosen, text=term(COLOUR_TERMS[chosen], lang))


def lights_explained(lang: Language) -> str:
    """Which statuses each colour stands for, and what red and orange need."""
    words = {status.value: vocabulary.label(status, lang) for status in ProgressStatus}
    colours = {COLOUR_TERMS[chosen]: capital(term(COLOUR_TERMS[chosen], lang)) for chosen in COLOURS}
    return says("lights_explained", lang, **words, **colours)


def outcome_text(record: CommitmentProgress, lang: Language) -> str:
    """How a commitment was kept, by its latest approved outcome: "deels uitgevoerd (2025): Grond ..."."""
    figure = record.outcome_figure
    if figure is None or figure.outcome is None:
        return ""
    said = f"{vocabulary.label(figure.outcome, lang)} ({figure.year})"
    return f"{said}: {figure.explanation}" if figure.explanation else said


def assessment_text(record: TargetProgress | CommitmentProgress, names: Names) -> str:
    """The latest manual assessment: its status, who made it and when, and why."""
    assessment = record.assessment
    if assessment is None:
        return ""
    lang = names.lang
    return (
        f"{capital(term('assessment', lang))}: {vocabulary.label(assessment.status, lang)} "
        f"({names.party(assessment.by)}, {assessment.date.isoformat()}): {assessment.reason}"
    )


def explained(record: TargetProgress | CommitmentProgress) -> bool:
    """Whether a record has an explanation: a manual assessment, or an outcome given with an explanation."""
    if record.assessment is not None:
        return True
    return isinstance(record, CommitmentProgress) and bool(record.explanation)


def missing(record: TargetProgress | CommitmentProgress) -> bool:
    """Whether a record is red or orange without the explanation that needs."""
    return needs_explanation(record.status) and not explained(record)


def explanation(record: TargetProgress | CommitmentProgress, names: Names) -> str:
    """Everything that explains a record's status (outcome, manual assessment), or "toelichting ontbreekt"."""
    said = [outcome_text(record, names.lang)] if isinstance(record, CommitmentProgress) else []
    said.append(assessment_text(record, names))
    if not explained(record):
        said.insert(0, says("explanation_missing", names.lang))
    return joined(said)


def joined(parts: list[str]) -> str:
    """Parts of an explanation in one line, separated by semicolons (a part's own full stop gives way)."""
    kept = [part for part in parts if part]
    return capital("; ".join([*(part.rstrip(". ") for part in kept[:-1]), *kept[-1:]]))
