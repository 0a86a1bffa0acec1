"""The agreement: the root of file format v1, with its perspective, assignment and everything it holds.

Handbook, "Een heldere bestuurlijke opdracht": "Meest gehoorde succesformule: een meerjarig gedeeld perspectief
(+/- 5 jaar vooruit) gecombineerd met concrete jaarafspraken."
"""

from __future__ import annotations

import datetime as dt
import enum
import functools

import attrs
import pendulum

from prestatieafspraken.model.bids import Bid
from prestatieafspraken.model.commitments import Commitment
from prestatieafspraken.model.fields import REFERS_TO, IdKind
from prestatieafspraken.model.ids import InvariantError, slug
from prestatieafspraken.model.index import AgreementIndex
from prestatieafspraken.model.indicators import Framework, Indicator, Target
from prestatieafspraken.model.mandates import Mandate
from prestatieafspraken.model.monitoring import Amendment, Monitoring, Realisation
from prestatieafspraken.model.parties import (
    Area,
    CoalitionMember,
    Group,
    Party,
    TenantInvolvement,
)
from prestatieafspraken.model.process import Process
from prestatieafspraken.model.themes import Definition, Goal, Theme

__all__ = [
    "SUPPORTED_SCHEMA_VERSIONS",
    "Agreement",
    "Assignment",
    "BasisDocument",
    "BasisKind",
    "Perspective",
    "Scope",
]

#: The file format versions this release reads.
SUPPORTED_SCHEMA_VERSIONS: tuple[int, ...] = (1,)


class Scope(enum.Enum):
    """The scale of an agreement."""

    LOCAL = "local"
    REGIONAL = "regional"
    PROVINCIAL = "provincial"
    NATIONAL = "national"


#: The first and last year a perspective may have: a year before and after each of its years has dates.
_FIRST_YEAR = dt.MINYEAR + 1
_LAST_YEAR = dt.MAXYEAR - 1


@attrs.frozen(kw_only=True)
class Perspective:
    """The multi-year shared perspective, as inclusive years; it cannot end before it starts.

    Its years are years of the calendar with a year before and after them (2 to 9998; the calendar runs from
    `datetime.MINYEAR` to `datetime.MAXYEAR`): the checks put dates in the year before the first (the bid and the
    signing for it) and in the year after each (its evaluation), and a perspective of a million years
    is not one that anybody can have agreed on.
    """

    start: int
    end: int

    def __attrs_post_init__(self) -> None:
        for field, year in (("start", self.start), ("end", self.end)):
            if not _FIRST_YEAR <= year <= _LAST_YEAR:
                kind = "perspective_start_outside" if field == "start" else "perspective_end_outside"
                raise InvariantError.at(field, kind, year=year, first=_FIRST_YEAR, last=_LAST_YEAR)
        if self.end < self.start:
            raise InvariantError.at("end", "perspective_ends_first", end=self.end, start=self.start)

    @property
    def years(self) -> range:
        """The years of the perspective, first to last."""
        return range(self.start, self.end + 1)

    def __len__(self) -> int:
        return self.end - self.start + 1

    def __contains__(self, year: object) -> bool:
        return isinstance(year, int) and self.start <= year <= self.end


class BasisKind(enum.Enum):
    """The kind of policy document an agreement rests on."""

    HOUSING_VISION = "housing_vision"
    """Woonvisie."""
    HOUSING_PROGRAMME = "housing_programme"
    """Volkshuisvestingsprogramma (Wet versterking regie volkshuisvesting)."""
    REGIONAL_VISION = "regional_vision"
    WOONDEAL = "woondeal"
    REGIO_DEAL = "regio_deal"
    HOUSING_ACCORD = "housing_accord"
    """Woonakkoord."""
    NATIONAL_AGREEMENT = "national_agreement"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class BasisDocument:
    """A policy document the agreement rests on."""

    kind: BasisKind
    title: str
    year: int | None = None


@attrs.frozen(kw_only=True)
class Assignment:
    """The administrative assignment (bestuurlijke opdracht): "Waarover wel, waarover niet?"."""

    purpose: str | None = None
    in_scope: tuple[str, ...] = attrs.field(default=(), metadata={REFERS_TO: IdKind.THEME})
    """Theme ids the agreement is about."""
    out_of_scope: tuple[str, ...] = ()
    dilemmas: tuple[str, ...] = ()
    agreed_on: pendulum.Date | None = None


def _supported_version(_instance: object, _attribute: object, value: int) -> None:
    if value not in SUPPORTED_SCHEMA_VERSIONS:
        raise InvariantError.at(
            "schema_version", "schema_version_unsupported", got=value, supported=SUPPORTED_SCHEMA_VERSIONS
        )


def _at_least_one_party(_instance: object, _attribute: object, value: tuple[Party, ...]) -> None:
    if not value:
        raise InvariantError.at("parties", "no_party")


@attrs.frozen(kw_only=True, repr=False)
class Agreement:
    """A (multi-party) performance agreement: the root of file format v1.

    Lookups by id and the commitments by party, theme, year and target are in `index`, built once on first use.
    Change an agreement with `attrs.evolve`; the new one builds its own index.
    """

    schema_version: int = attrs.field(default=1, validator=_supported_version)
    id: str = attrs.field(validator=slug)
    title: str
    scope: Scope
    perspective: Perspective
    basis: tuple[BasisDocument, ...] = ()
    assignment: Assignment | None = None
    areas: tuple[Area, ...] = ()
    parties: tuple[Party, ...] = attrs.field(validator=_at_least_one_party)
    coalition: tuple[CoalitionMember, ...] = ()
    tenant_involvement: TenantInvolvement | None = None
    groups: tuple[Group, ...] = ()
    mandates: tuple[Mandate, ...] = ()
    themes: tuple[Theme, ...] = ()
    goals: tuple[Goal, ...] = ()
    definitions: tuple[Definition, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    frameworks: tuple[Framework, ...] = ()
    targets: tuple[Target, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    process: Process | None = None
    bids: tuple[Bid, ...] = ()
    """The corporations' bids (key added in 0.1.0; optional): each is a bid milestone of its cycle (DESIGN §3.1)."""
    monitoring: Monitoring | None = None
    realisations: tuple[Realisation, ...] = ()
    amendments: tuple[Amendment, ...] = ()

    @functools.cached_property
    def index(self) -> AgreementIndex:
        """O(1) lookups into this agreement, built on first use."""
        return AgreementIndex.build(self)

    def __repr__(self) -> str:
        # One line, not every field: a national agreement holds a million commitments.
        return (
            f"<Agreement {self.id!r}: {self.title!r}, {self.scope.value}, "
            f"{self.perspective.start}-{self.perspective.end}, {len(self.parties)} parties, "
            f"{len(self.targets)} targets, {len(self.commitments)} commitments, {len(self.realisations)} realisations>"
        )

    def _repr_html_(self) -> str:
        """The agreement as a notebook shows it (`prestatieafspraken.report.notebook.agreement_html`)."""
        from prestatieafspraken.report.notebook import agreement_html  # noqa: PLC0415 - the model imports no presentation

        return agreement_html(self)
