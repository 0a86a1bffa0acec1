"""Hypothesis strategies for every model type of file format v1, and for whole agreements.

Each model type has a strategy named after it in the plural: `parties()`, `commitments()`, `agreements()`.
Everything generated satisfies the invariants of the types (slug ids, a perspective that does not end before
it starts, a target that does not start after its end, a realisation with exactly one subject, a commitment with
an executor), so building never raises.

A strategy for a type that refers to other items by id takes `References`: a pool of ids per kind to draw from.
On its own (`ANY_REFERENCES`) it names arbitrary slugs; `agreements()` passes the ids of the items it generated,
so that references point at something, and with ``valid_references=False`` sometimes at nothing.

Texts draw from every Unicode character except the surrogates, which UTF-8 cannot carry: every other character,
control characters and U+FEFF included, round-trips through the YAML and JSON writers and readers (checked over
all code points, alone and between other characters, when this module was written). A table of texts that YAML
would take for something else if they were written unquoted (``yes``, ``null``, ``2020-01-01``, ``~``) is mixed in.

The strategies draw from module-level strategies and pick references by index, so that generating an agreement
builds no new strategy per item: an agreement takes a few milliseconds.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Sequence
from typing import Literal, TypeVar

import attrs
import pendulum
from hypothesis import strategies as st

from prestatieafspraken.model import (
    STANDARD_THEMES,
    Aggregation,
    Agreement,
    Amendment,
    Area,
    AreaKind,
    Assessment,
    Assignment,
    Baseline,
    BasisDocument,
    BasisKind,
    Bid,
    CoalitionMember,
    CoalitionStatus,
    Commitment,
    CommitmentKind,
    Definition,
    Direction,
    Framework,
    FrameworkScope,
    Frequency,
    Goal,
    GoalKind,
    Group,
    GroupKind,
    Indicator,
    Mandate,
    MandateRole,
    Milestone,
    MilestoneKind,
    MilestoneStatus,
    Monitoring,
    Number,
    Offer,
    Outcome,
    Party,
    PartyKind,
    Perspective,
    Process,
    Product,
    ProductStatus,
    ProgressStatus,
    Realisation,
    RealisationStatus,
    Scope,
    StockFlows,
    Target,
    TenantInvolvement,
    Theme,
    Visibility,
)

__all__ = [
    "ALL_VISIBILITIES",
    "ANY_REFERENCES",
    "MAX_INT",
    "TRICKY_TEXTS",
    "References",
    "agreements",
    "amendments",
    "areas",
    "assessments",
    "assignments",
    "baselines",
    "basis_documents",
    "bids",
    "coalition_members",
    "commitments",
    "dates",
    "definitions",
    "frameworks",
    "goals",
    "groups",
    "indicators",
    "mandates",
    "milestones",
    "monitorings",
    "numbers",
    "offers",
    "parties",
    "perspectives",
    "processes",
    "products",
    "realisations",
    "slugs",
    "stock_flows",
    "targets",
    "texts",
    "themes",
    "years",
]

#: The largest whole number the converter accepts (64-bit signed, as JSON readers carry it).
MAX_INT = (1 << 63) - 1

#: Texts that a YAML reader would take for something else if the writer did not quote them.
TRICKY_TEXTS: tuple[str, ...] = (
    "",
    " ",
    "yes",
    "No",
    "on",
    "null",
    "~",
    "true",
    "2020-01-01",
    "2020-02-30",
    "2020-01-01T10:00:00Z",
    "12",
    "012",
    "0x1F",
    "1e3",
    "1_000",
    ".inf",
    ".NaN",
    "=",
    "<<",
    "- item",
    "key: value",
    "# comment",
    "&anchor",
    "*alias",
    "!tag",
    "'single'",
    '"double"',
    "{a: 1}",
    "[1, 2]",
    " leading",
    "trailing ",
    "line\nbreak",
    "crlf\r\nbreak",
    "tab\there",
    "nul\x00byte",
    "\ufeffbom",
    "next\x85line",
    "para\u2029graph",
    "zero\u200bwidth",
    "Financiën – “typografisch” €",
    "emoji 🏘️",
    "rtl עברית",
)

ALL_VISIBILITIES: tuple[Visibility, ...] = tuple(Visibility)

_T = TypeVar("_T")
_E = TypeVar("_E", bound=enum.Enum)
_STANDARD_THEME_IDS: tuple[str, ...] = tuple(STANDARD_THEMES)
_FIRST_YEAR = 2000
_LAST_YEAR = 2050
_SLUG_START = "abcdefghijklmnopqrstuvwxyz0123456789"
_SLUG_REST = _SLUG_START + "-"


# --- scalars ------------------------------------------------------------------------------------------------


def slugs() -> st.SearchStrategy[str]:
    """Ids of the slug form ``[a-z0-9][a-z0-9-]*``, short."""
    return st.tuples(st.sampled_from(_SLUG_START), st.text(_SLUG_REST, max_size=12)).map("".join)


def texts(*, min_size: int = 0, max_size: int = 12) -> st.SearchStrategy[str]:
    """Free texts: any character but the surrogates, or a text that YAML would misread unquoted."""
    anything = st.text(st.characters(exclude_categories=["Cs"]), min_size=min_size, max_size=max_size)
    return st.one_of(anything, st.sampled_from([text for text in TRICKY_TEXTS if min_size <= len(text)]))


def numbers() -> st.SearchStrategy[Number]:
    """Amounts as the format carries them: whole numbers within 64 bits, or finite floats."""
    return st.one_of(st.integers(-MAX_INT, MAX_INT), st.floats(allow_nan=False, allow_infinity=False))


def years(first: int = _FIRST_YEAR, last: int = _LAST_YEAR) -> st.SearchStrategy[int]:
    """Years from *first* to *last*, inclusive."""
    return st.integers(first, last)


@functools.cache
def dates(first_year: int = _FIRST_YEAR, last_year: int = _LAST_YEAR) -> st.SearchStrategy[pendulum.Date]:
    """Days from 1 January of *first_year* to 31 December of *last_year*, as `pendulum.Date`."""
    return st.dates(dt.date(first_year, 1, 1), dt.date(last_year, 12, 31)).map(
        lambda day: pendulum.Date(day.year, day.month, day.day)
    )


def _optional(strategy: st.SearchStrategy[_T]) -> st.SearchStrategy[_T | None]:
    return st.none() | strategy


SLUGS = slugs()
TEXTS = texts()
NUMBERS = numbers()
_OPTIONAL_TEXT = _optional(TEXTS)
_LABELS = texts(min_size=1)
_OPTIONAL_NUMBER = _optional(NUMBERS)
_FEW_TEXTS = st.lists(TEXTS, max_size=2).map(tuple)
_THEME_IDS: st.SearchStrategy[str] = st.one_of(st.sampled_from(_STANDARD_THEME_IDS), SLUGS)
_SHARES = st.one_of(st.floats(0, 1), NUMBERS)
_BOOLEANS = st.booleans()
_ONE_IN_FIVE = st.integers(0, 4)


@functools.cache
def _index(size: int) -> st.SearchStrategy[int]:
    return st.integers(0, size - 1)


@functools.cache
def _member(enum_type: type[_E]) -> st.SearchStrategy[_E]:
    return st.sampled_from(list(enum_type))


# --- references ---------------------------------------------------------------------------------------------

Kind = Literal["areas", "parties", "themes", "goals", "indicators", "targets", "commitments", "terms"]


@attrs.frozen(kw_only=True)
class References:
    """What generated references may name, and which years and dates items may have.

    A kind whose pool is ``None`` names arbitrary slugs (themes: a standard theme or a slug); a kind with a pool
    names ids from it, and with `valid` false now and then (one in five) a slug that may name nothing. A list of
    references into an empty pool is empty; a required reference into an empty pool is a programming error.
    """

    areas: tuple[str, ...] | None = None
    parties: tuple[str, ...] | None = None
    themes: tuple[str, ...] | None = None
    goals: tuple[str, ...] | None = None
    indicators: tuple[str, ...] | None = None
    targets: tuple[str, ...] | None = None
    commitments: tuple[str, ...] | None = None
    terms: tuple[str, ...] | None = None
    valid: bool = True
    years: tuple[int, int] = (_FIRST_YEAR, _LAST_YEAR)
    """First and last year (inclusive) of years items name."""
    dates: tuple[int, int] = (_FIRST_YEAR, _LAST_YEAR)
    """First and last year (inclusive) of dates items carry."""

    def pool(self, kind: Kind) -> tuple[str, ...] | None:
        """The ids of *kind* that may be named (``None``: any slug)."""
        pool: tuple[str, ...] | None = getattr(self, kind)
        return pool

    def one(self, draw: st.DrawFn, kind: Kind) -> str:
        """Draw a reference to an item of *kind*."""
        pool = self.pool(kind)
        if pool is None:
            return draw(_THEME_IDS if kind == "themes" else SLUGS)
        if not self.valid and (not pool or draw(_ONE_IN_FIVE) == 0):
            return draw(SLUGS)
        if not pool:
            raise ValueError(f"no {kind} to refer to")
        return pool[draw(_index(len(pool)))]

    def optional(self, draw: st.DrawFn, kind: Kind) -> str | None:
        """Draw a reference to an item of *kind*, or ``None`` (always with an empty pool of valid references)."""
        if self.pool(kind) == () and self.valid:
            return None
        return self.one(draw, kind) if draw(_BOOLEANS) else None

    def few(self, draw: st.DrawFn, kind: Kind, *, min_size: int = 0, max_size: int = 3) -> tuple[str, ...]:
        """Draw *min_size* to *max_size* references to items of *kind* (repeats possible)."""
        if self.pool(kind) == () and self.valid:
            return ()
        size = draw(st.integers(min_size, max_size))
        return tuple(self.one(draw, kind) for _ in range(size))

    def year(self, draw: st.DrawFn) -> int:
        """Draw a year in `years`."""
        return draw(st.integers(*self.years))

    def date(self, draw: st.DrawFn) -> pendulum.Date:
        """Draw a date in `dates`."""
        return draw(dates(*self.dates))

    def optional_date(self, draw: st.DrawFn) -> pendulum.Date | None:
        """Draw a date in `dates`, or ``None``."""
        return self.date(draw) if draw(_BOOLEANS) else None


#: References to arbitrary slugs, years and dates from 2000 to 2050.
ANY_REFERENCES = References()


def _visibility(
    draw: st.DrawFn, references: References, visibilities: Sequence[Visibility]
) -> tuple[Visibility, tuple[str, ...]]:
    visibility = visibilities[draw(_index(len(visibilities)))]
    if visibility is Visibility.RESTRICTED:
        return visibility, references.few(draw, "parties", min_size=1)
    return visibility, ()


# --- parties, areas and the coalition -----------------------------------------------------------------------


@st.composite
def areas(draw: st.DrawFn, *, ids: st.SearchStrategy[str] = SLUGS) -> Area:
    """Areas with an optional CBS code and weights."""
    return Area(
        id=draw(ids),
        name=draw(TEXTS),
        kind=draw(_member(AreaKind)),
        cbs_code=draw(_OPTIONAL_TEXT),
        dwellings=draw(_optional(st.integers(0, 10**7))),
        population=draw(_optional(st.integers(0, 10**8))),
    )


@st.composite
def parties(draw: st.DrawFn, *, ids: st.SearchStrategy[str] = SLUGS, references: References = ANY_REFERENCES) -> Party:
    """Parties working in some areas, possibly representing other parties."""
    return Party(
        id=draw(ids),
        name=draw(TEXTS),
        kind=draw(_member(PartyKind)),
        areas=references.few(draw, "areas"),
        represents=references.few(draw, "parties", max_size=2),
        supervisory_body=draw(_OPTIONAL_TEXT),
    )


@st.composite
def coalition_members(draw: st.DrawFn, *, references: References = ANY_REFERENCES) -> CoalitionMember:
    """A party's place in the coalition, in every status; with valid references a joined party has `joined_on`."""
    status = draw(_member(CoalitionStatus))
    needs_date = status is CoalitionStatus.JOINED and references.valid
    return CoalitionMember(
        party=references.one(draw, "parties"),
        status=status,
        joined_on=references.date(draw) if needs_date else references.optional_date(draw),
    )


@st.composite
def groups(draw: st.DrawFn, *, ids: st.SearchStrategy[str] = SLUGS, references: References = ANY_REFERENCES) -> Group:
    """Steering groups, working groups and theme tables."""
    return Group(id=draw(ids), kind=draw(_member(GroupKind)), members=references.few(draw, "parties"))


@st.composite
def mandates(draw: st.DrawFn, *, references: References = ANY_REFERENCES) -> Mandate:
    """Mandates in every role, granted by some parties, optionally limited to themes."""
    return Mandate(
        holder=references.one(draw, "parties"),
        role=draw(_member(MandateRole)),
        person=draw(_OPTIONAL_TEXT),
        granted_by=references.few(draw, "parties"),
        themes=references.few(draw, "themes", max_size=2),
    )


# --- themes, goals, definitions -----------------------------------------------------------------------------


@st.composite
def themes(
    draw: st.DrawFn, *, ids: st.SearchStrategy[str] = _THEME_IDS, references: References = ANY_REFERENCES
) -> Theme:
    """Declared themes with an optional lead; with valid references a theme that is not standard has a label."""
    theme_id = draw(ids)
    needs_label = theme_id not in STANDARD_THEMES and references.valid
    label = draw(_LABELS) if needs_label else draw(_optional(_LABELS))
    return Theme(id=theme_id, label=label, lead=references.optional(draw, "parties"))


@st.composite
def goals(draw: st.DrawFn, *, ids: st.SearchStrategy[str] = SLUGS) -> Goal:
    """Goals of every kind."""
    return Goal(id=draw(ids), text=draw(TEXTS), kind=draw(_member(GoalKind)))


@st.composite
def definitions(draw: st.DrawFn, *, references: References = ANY_REFERENCES) -> Definition:
    """Definitions of terms (references of kind ``terms``), each by an optional party."""
    return Definition(
        term=references.one(draw, "terms"),
        defined_by=references.optional(draw, "parties"),
        value=draw(_OPTIONAL_NUMBER),
        unit=draw(_OPTIONAL_TEXT),
        text=draw(_OPTIONAL_TEXT),
    )


# --- indicators, frameworks, targets ------------------------------------------------------------------------


@st.composite
def stock_flows(draw: st.DrawFn, *, references: References = ANY_REFERENCES) -> StockFlows:
    """The flow indicators into and out of a stock."""
    return StockFlows(inflows=references.few(draw, "indicators"), outflows=references.few(draw, "indicators"))


@st.composite
def indicators(
    draw: st.DrawFn, *, ids: st.SearchStrategy[str] = SLUGS, references: References = ANY_REFERENCES
) -> Indicator:
    """Indicators of every aggregation and direction; some name their flows or a defined term."""
    return Indicator(
        id=draw(ids),
        label=draw(TEXTS),
        unit=draw(TEXTS),
        aggregation=draw(_member(Aggregation)),
        direction=draw(_member(Direction)),
        stock_flows=draw(stock_flows(references=references)) if draw(_BOOLEANS) else None,
        term=references.optional(draw, "terms"),
    )


@st.composite
def frameworks(
    draw: st.DrawFn, *, ids: st.SearchStrategy[str] = SLUGS, references: References = ANY_REFERENCES
) -> Framework:
    """Frameworks setting a minimum or maximum share of one indicator in another."""
    return Framework(
        id=draw(ids),
        set_by=references.optional(draw, "parties"),
        numerator=references.one(draw, "indicators"),
        denominator=references.one(draw, "indicators"),
        min=draw(_optional(_SHARES)),
        max=draw(_optional(_SHARES)),
        per=draw(_member(FrameworkScope)),
        source=draw(_OPTIONAL_TEXT),
    )


@st.composite
def baselines(draw: st.DrawFn, *, references: References = ANY_REFERENCES) -> Baseline:
    """Starting points of targets."""
    return Baseline(year=references.year(draw), value=draw(NUMBERS))


@st.composite
def targets(
    draw: st.DrawFn,
    *,
    ids: st.SearchStrategy[str] = SLUGS,
    references: References = ANY_REFERENCES,
    breakdown_kinds: Sequence[Kind] = ("areas", "parties"),
) -> Target:
    """Multi-year targets whose `from` is never after their `by`; breakdown keys name *breakdown_kinds*."""
    by = references.year(draw)
    start = references.year(draw) if draw(_BOOLEANS) else None
    if start is not None and start > by:
        start, by = by, start
    keys = [references.one(draw, kind) for kind in breakdown_kinds if references.pool(kind) != ()]
    return Target(
        id=draw(ids),
        indicator=references.one(draw, "indicators"),
        value=draw(NUMBERS),
        from_year=start,
        by=by,
        theme=references.optional(draw, "themes"),
        goals=references.few(draw, "goals", max_size=2),
        area=references.optional(draw, "areas"),
        breakdown={key: draw(NUMBERS) for key in keys[: draw(st.integers(0, len(keys)))]},
        baseline=draw(baselines(references=references)) if draw(_BOOLEANS) else None,
        source=draw(_OPTIONAL_TEXT),
    )


# --- commitments, realisations, monitoring ------------------------------------------------------------------


@st.composite
def commitments(
    draw: st.DrawFn,
    *,
    ids: st.SearchStrategy[str] = SLUGS,
    references: References = ANY_REFERENCES,
    visibilities: Sequence[Visibility] = ALL_VISIBILITIES,
) -> Commitment:
    """Commitments by one to three parties; a restricted one is visible to at least one party."""
    visibility, visible_to = _visibility(draw, references, visibilities)
    return Commitment(
        id=draw(ids),
        by=references.few(draw, "parties", min_size=1),
        beneficiaries=references.few(draw, "parties"),
        theme=references.optional(draw, "themes"),
        goals=references.few(draw, "goals", max_size=2),
        year=references.year(draw) if draw(_BOOLEANS) else None,
        kind=draw(_member(CommitmentKind)),
        text=draw(_OPTIONAL_TEXT),
        indicator=references.optional(draw, "indicators"),
        value=draw(_OPTIONAL_NUMBER),
        target=references.optional(draw, "targets"),
        area=references.optional(draw, "areas"),
        due=references.optional_date(draw),
        conditional_on=references.few(draw, "commitments", max_size=2),
        visibility=visibility,
        visible_to=visible_to,
    )


_SUBJECT_KINDS: tuple[Kind, ...] = ("commitments", "targets", "indicators")


@st.composite
def realisations(
    draw: st.DrawFn,
    *,
    references: References = ANY_REFERENCES,
    visibilities: Sequence[Visibility] = ALL_VISIBILITIES,
) -> Realisation:
    """Realised figures naming exactly one commitment, target or indicator (a kind with an empty pool never).

    A commitment's figure may have an outcome, and then may lack a value.
    """
    kinds = [kind for kind in _SUBJECT_KINDS if references.pool(kind) != () or not references.valid]
    if not kinds:
        raise ValueError("a realisation needs a commitment, target or indicator to refer to")
    kind = kinds[draw(_index(len(kinds)))]
    subject = references.one(draw, kind)
    visibility, visible_to = _visibility(draw, references, visibilities)
    outcome = draw(_optional(_member(Outcome))) if kind == "commitments" else None
    return Realisation(
        commitment=subject if kind == "commitments" else None,
        target=subject if kind == "targets" else None,
        indicator=subject if kind == "indicators" else None,
        area=references.optional(draw, "areas"),
        party=references.optional(draw, "parties"),
        year=references.year(draw),
        value=draw(NUMBERS) if outcome is None else draw(_OPTIONAL_NUMBER),
        outcome=outcome,
        explanation=draw(_optional(texts())) if outcome is not None else None,
        reported_on=references.optional_date(draw),
        status=draw(_member(RealisationStatus)),
        visibility=visibility,
        visible_to=visible_to,
    )


_ASSESSED_KINDS: tuple[Kind, ...] = ("targets", "commitments")


@st.composite
def assessments(draw: st.DrawFn, *, references: References = ANY_REFERENCES) -> Assessment:
    """Manual progress statuses of exactly one target or commitment (a kind with an empty pool never)."""
    kinds = [kind for kind in _ASSESSED_KINDS if references.pool(kind) != () or not references.valid]
    if not kinds:
        raise ValueError("an assessment needs a target or commitment to refer to")
    kind = kinds[draw(_index(len(kinds)))]
    subject = references.one(draw, kind)
    return Assessment(
        target=subject if kind == "targets" else None,
        commitment=subject if kind == "commitments" else None,
        status=draw(_member(ProgressStatus)),
        by=references.one(draw, "parties"),
        date=references.date(draw),
        reason=draw(TEXTS),
    )


@st.composite
def monitorings(draw: st.DrawFn, *, references: References = ANY_REFERENCES, max_items: int = 2) -> Monitoring:
    """Monitoring arrangements, with a few manual assessments when there is something to assess."""
    can_assess = any(references.pool(kind) != () for kind in _ASSESSED_KINDS) or not references.valid
    return Monitoring(
        frequency=draw(_optional(_member(Frequency))),
        hybrid=draw(_BOOLEANS),
        assessments=_each(draw, assessments(references=references), max_items if can_assess else 0),
    )


@st.composite
def amendments(
    draw: st.DrawFn, *, ids: st.SearchStrategy[str] = SLUGS, references: References = ANY_REFERENCES
) -> Amendment:
    """Amendments agreed by some parties."""
    return Amendment(
        id=draw(ids),
        date=references.date(draw),
        reason=draw(_OPTIONAL_TEXT),
        agreed_by=references.few(draw, "parties"),
        text=draw(_OPTIONAL_TEXT),
    )


# --- process ------------------------------------------------------------------------------------------------


@st.composite
def milestones(draw: st.DrawFn, *, references: References = ANY_REFERENCES) -> Milestone:
    """Milestones of every kind and status, of one party or (without a party) of all."""
    return Milestone(
        kind=draw(_member(MilestoneKind)),
        party=references.optional(draw, "parties"),
        date=references.date(draw),
        status=draw(_member(MilestoneStatus)),
        for_year=references.year(draw) if draw(_BOOLEANS) else None,
    )


@st.composite
def products(draw: st.DrawFn, *, ids: st.SearchStrategy[str] = SLUGS) -> Product:
    """Intermediate products in every status."""
    return Product(id=draw(ids), title=draw(TEXTS), status=draw(_member(ProductStatus)))


@st.composite
def processes(draw: st.DrawFn, *, references: References = ANY_REFERENCES, max_items: int = 3) -> Process:
    """Processes with a few milestones and products (product ids unique)."""
    product_ids = draw(_unique_slugs(max_items))
    return Process(
        started=references.optional_date(draw),
        milestones=_each(draw, milestones(references=references), max_items),
        products=tuple(draw(products(ids=st.just(product_id))) for product_id in product_ids),
    )


# --- bids ---------------------------------------------------------------------------------------------------


@st.composite
def offers(draw: st.DrawFn, *, ids: st.SearchStrategy[str] = SLUGS, references: References = ANY_REFERENCES) -> Offer:
    """Offers of a figure (an indicator with a value) or in words (a theme or a text), with or without a year."""
    figure = draw(_BOOLEANS) and (references.pool("indicators") != () or not references.valid)
    theme = references.optional(draw, "themes")
    text = draw(_OPTIONAL_TEXT)
    if not figure and theme is None and text is None:
        text = draw(TEXTS)
    return Offer(
        id=draw(ids),
        indicator=references.one(draw, "indicators") if figure else None,
        area=references.optional(draw, "areas"),
        year=references.year(draw) if draw(_BOOLEANS) else None,
        value=draw(NUMBERS) if figure else None,
        theme=theme,
        text=text,
    )


@st.composite
def bids(
    draw: st.DrawFn, *, ids: st.SearchStrategy[str] = SLUGS, references: References = ANY_REFERENCES, max_items: int = 3
) -> Bid:
    """Bids of one to seven years, sent to some parties, with a few offers (offer ids unique within the bid)."""
    return Bid(
        id=draw(ids),
        party=references.one(draw, "parties"),
        for_year=references.year(draw),
        horizon=draw(st.integers(1, 7)),
        date=references.date(draw),
        sent_to=references.few(draw, "parties"),
        offers=tuple(
            draw(offers(ids=st.just(offer_id), references=references)) for offer_id in draw(_unique_slugs(max_items))
        ),
    )


# --- the agreement's frame ----------------------------------------------------------------------------------


@st.composite
def perspectives(draw: st.DrawFn, *, first: int = 2010, last: int = 2035, max_length: int = 8) -> Perspective:
    """Perspectives starting from *first* to *last*, one to *max_length* years long."""
    start = draw(st.integers(first, last))
    return Perspective(start=start, end=start + draw(st.integers(0, max_length - 1)))


@st.composite
def basis_documents(draw: st.DrawFn, *, references: References = ANY_REFERENCES) -> BasisDocument:
    """Policy documents of every kind."""
    return BasisDocument(
        kind=draw(_member(BasisKind)),
        title=draw(TEXTS),
        year=references.year(draw) if draw(_BOOLEANS) else None,
    )


@st.composite
def assignments(draw: st.DrawFn, *, references: References = ANY_REFERENCES) -> Assignment:
    """Administrative assignments, in scope by theme id."""
    return Assignment(
        purpose=draw(_OPTIONAL_TEXT),
        in_scope=references.few(draw, "themes"),
        out_of_scope=draw(_FEW_TEXTS),
        dilemmas=draw(_FEW_TEXTS),
        agreed_on=references.optional_date(draw),
    )


# --- whole agreements ---------------------------------------------------------------------------------------


@functools.cache
def _unique_slugs(max_size: int, min_size: int = 0) -> st.SearchStrategy[list[str]]:
    return st.lists(SLUGS, min_size=min_size, max_size=max_size, unique=True)


def _each(draw: st.DrawFn, strategy: st.SearchStrategy[_T], max_items: int) -> tuple[_T, ...]:
    return tuple(draw(strategy) for _ in range(draw(st.integers(0, max_items))))


@st.composite
def agreements(
    draw: st.DrawFn,
    *,
    valid_references: bool = True,
    visibilities: Sequence[Visibility] = ALL_VISIBILITIES,
    max_items: int = 3,
) -> Agreement:
    """Small agreements whose references point at the items they hold.

    Ids are unique within each list; commitments, targets, realisations and basis documents name years of the
    perspective (a realisation also the year before), dates fall from two years before to a year after it.

    Args:
        draw: Supplied by Hypothesis.
        valid_references: With ``False``, now and then a reference names nothing and a year falls up to two
            years outside the perspective, so that the integrity rules (PA001, PA003, PA308) have something to
            find.
        visibilities: The visibilities commitments and realisations may have; a restricted one is visible to at
            least one party. Pass ``(Visibility.PUBLIC,)`` for an agreement without hidden figures.
        max_items: The most items in each list (parties, commitments, ...).
    """
    if not visibilities:
        raise ValueError("visibilities must name at least one visibility")
    perspective = draw(perspectives())
    slack = 0 if valid_references else 2
    pools = {
        "areas": draw(_unique_slugs(max_items)),
        "parties": draw(_unique_slugs(max_items, 1)),
        "goals": draw(_unique_slugs(max_items)),
        "indicators": draw(_unique_slugs(max_items)),
        "commitments": draw(_unique_slugs(max_items)),
        "terms": draw(_unique_slugs(2, 1)),
    }
    # A target needs an indicator to name.
    pools["targets"] = draw(_unique_slugs(max_items)) if pools["indicators"] or not valid_references else []
    theme_ids = draw(st.lists(_THEME_IDS, max_size=max_items, unique=True))
    references = References(
        areas=tuple(pools["areas"]),
        parties=tuple(pools["parties"]),
        themes=tuple(sorted({*theme_ids, *_STANDARD_THEME_IDS})),
        goals=tuple(pools["goals"]),
        indicators=tuple(pools["indicators"]),
        targets=tuple(pools["targets"]),
        commitments=tuple(pools["commitments"]),
        terms=tuple(pools["terms"]),
        valid=valid_references,
        years=(perspective.start - slack, perspective.end + slack),
        dates=(perspective.start - 2, perspective.end + 1),
    )
    coalition = _each(draw, coalition_members(references=references), max_items)
    has_subjects = any(references.pool(kind) for kind in _SUBJECT_KINDS) or not valid_references
    has_indicators = bool(pools["indicators"]) or not valid_references
    return Agreement(
        id=draw(SLUGS),
        title=draw(TEXTS),
        scope=draw(_member(Scope)),
        perspective=perspective,
        basis=_each(draw, basis_documents(references=references), 2),
        assignment=draw(assignments(references=references)) if draw(_BOOLEANS) else None,
        areas=tuple(draw(areas(ids=st.just(area_id))) for area_id in pools["areas"]),
        parties=tuple(draw(parties(ids=st.just(party_id), references=references)) for party_id in pools["parties"]),
        coalition=_first_per_party(coalition) if valid_references else coalition,
        tenant_involvement=draw(_optional(_member(TenantInvolvement))),
        groups=tuple(draw(groups(ids=st.just(group_id), references=references)) for group_id in draw(_unique_slugs(2))),
        mandates=_each(draw, mandates(references=references), max_items),
        themes=tuple(draw(themes(ids=st.just(theme_id), references=references)) for theme_id in theme_ids),
        goals=tuple(draw(goals(ids=st.just(goal_id))) for goal_id in pools["goals"]),
        definitions=_each(draw, definitions(references=references), max_items),
        indicators=tuple(
            draw(indicators(ids=st.just(indicator_id), references=references)) for indicator_id in pools["indicators"]
        ),
        frameworks=tuple(
            draw(frameworks(ids=st.just(framework_id), references=references))
            for framework_id in (draw(_unique_slugs(2)) if has_indicators else ())
        ),
        targets=tuple(draw(targets(ids=st.just(target_id), references=references)) for target_id in pools["targets"]),
        commitments=tuple(
            draw(commitments(ids=st.just(commitment_id), references=references, visibilities=visibilities))
            for commitment_id in pools["commitments"]
        ),
        process=draw(processes(references=references, max_items=max_items)) if draw(_BOOLEANS) else None,
        bids=tuple(
            draw(bids(ids=st.just(bid_id), references=references, max_items=max_items))
            for bid_id in draw(_unique_slugs(2))
        ),
        monitoring=draw(monitorings(references=references, max_items=max_items)) if draw(_BOOLEANS) else None,
        realisations=_each(
            draw,
            realisations(
                references=attrs.evolve(references, years=(perspective.start - 1, perspective.end + slack)),
                visibilities=visibilities,
            ),
            max_items if has_subjects else 0,
        ),
        amendments=tuple(
            draw(amendments(ids=st.just(amendment_id), references=references))
            for amendment_id in draw(_unique_slugs(2))
        ),
    )


def _first_per_party(members: tuple[CoalitionMember, ...]) -> tuple[CoalitionMember, ...]:
    first: dict[str, CoalitionMember] = {}
    for member in members:
        first.setdefault(member.party, member)
    return tuple(first.values())
