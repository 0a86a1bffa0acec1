"""Hypothesis strategies for every model type of file format v1, and for whole agreements.

Each model type has a public strategy named after it in the plural (`parties()`, `commitments()`,
`agreements()`). A strategy for a type that refers to other items by id takes a strategy for each kind of id it
refers to, so that `agreements()` can make those references point at the items it generated; on its own it
draws arbitrary slugs. Everything generated satisfies the invariants of the types (slug ids, a perspective that
does not end before it starts, a realisation with exactly one subject, ...), so building never raises.

Texts draw from every Unicode character except the surrogates, which UTF-8 cannot carry; every other character
round-trips through the YAML and JSON writers and readers (checked over all code points while writing this
module), and a table of texts that YAML would read as something else (``yes``, ``null``, ``2020-01-01``, ``~``)
is mixed in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TypeVar

import pendulum
from hypothesis import strategies as st

from prestatieafspraken.model import (
    STANDARD_THEMES,
    Aggregation,
    Agreement,
    Amendment,
    Area,
    AreaKind,
    Assignment,
    Baseline,
    BasisDocument,
    BasisKind,
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
    Party,
    PartyKind,
    Perspective,
    Process,
    Product,
    ProductStatus,
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
    "MAX_INT",
    "TRICKY_TEXTS",
    "agreements",
    "amendments",
    "areas",
    "assignments",
    "baselines",
    "basis_documents",
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

_STANDARD_THEME_IDS: tuple[str, ...] = tuple(STANDARD_THEMES)
_FIRST_YEAR = 2000
_LAST_YEAR = 2050


# --- scalars ------------------------------------------------------------------------------------------------


def slugs() -> st.SearchStrategy[str]:
    """Ids of the slug form ``[a-z0-9][a-z0-9-]*``, short."""
    return st.from_regex(r"[a-z0-9][a-z0-9-]{0,12}", fullmatch=True)


def texts(*, min_size: int = 0, max_size: int = 12) -> st.SearchStrategy[str]:
    """Free texts: any character but the surrogates, plus texts that YAML would misread unquoted."""
    anything = st.text(st.characters(exclude_categories=["Cs"]), min_size=min_size, max_size=max_size)
    tricky = st.sampled_from([text for text in TRICKY_TEXTS if min_size <= len(text) <= max(max_size, 40)])
    return st.one_of(anything, tricky)


def numbers() -> st.SearchStrategy[Number]:
    """Amounts as the format carries them: whole numbers within 64 bits, or finite floats."""
    return st.one_of(st.integers(-MAX_INT, MAX_INT), st.floats(allow_nan=False, allow_infinity=False))


def years(first: int = _FIRST_YEAR, last: int = _LAST_YEAR) -> st.SearchStrategy[int]:
    """Years from *first* to *last*, inclusive."""
    return st.integers(first, last)


def dates(first_year: int = _FIRST_YEAR, last_year: int = _LAST_YEAR) -> st.SearchStrategy[pendulum.Date]:
    """Days from 1 January of *first_year* to 31 December of *last_year*, as `pendulum.Date`."""
    return st.dates(dt.date(first_year, 1, 1), dt.date(last_year, 12, 31)).map(
        lambda day: pendulum.Date(day.year, day.month, day.day)
    )


SLUGS = slugs()
TEXTS = texts()
YEARS = years()
DATES = dates()
THEME_IDS: st.SearchStrategy[str] = st.one_of(st.sampled_from(_STANDARD_THEME_IDS), SLUGS)
VISIBILITIES: st.SearchStrategy[Visibility] = st.sampled_from(ALL_VISIBILITIES)


def _optional(strategy: st.SearchStrategy[_T]) -> st.SearchStrategy[_T | None]:
    return st.none() | strategy


def _few(strategy: st.SearchStrategy[_T], *, max_size: int = 3) -> st.SearchStrategy[tuple[_T, ...]]:
    if strategy.is_empty:  # references into an empty list: there is nothing to name
        return st.just(())
    return st.lists(strategy, max_size=max_size).map(tuple)


# --- parties, areas and the coalition -----------------------------------------------------------------------


def areas(*, ids: st.SearchStrategy[str] = SLUGS) -> st.SearchStrategy[Area]:
    """Areas with optional CBS code and weights."""
    return st.builds(
        Area,
        id=ids,
        name=TEXTS,
        kind=st.sampled_from(AreaKind),
        cbs_code=_optional(st.one_of(st.from_regex(r"GM[0-9]{4}", fullmatch=True), TEXTS)),
        dwellings=_optional(st.integers(0, 10**7)),
        population=_optional(st.integers(0, 10**8)),
    )


def parties(
    *,
    ids: st.SearchStrategy[str] = SLUGS,
    area_ids: st.SearchStrategy[str] = SLUGS,
    party_ids: st.SearchStrategy[str] = SLUGS,
) -> st.SearchStrategy[Party]:
    """Parties working in *area_ids*, possibly representing *party_ids*."""
    return st.builds(
        Party,
        id=ids,
        name=TEXTS,
        kind=st.sampled_from(PartyKind),
        areas=_few(area_ids),
        represents=_few(party_ids, max_size=2),
        supervisory_body=_optional(TEXTS),
    )


def coalition_members(
    *, party_ids: st.SearchStrategy[str] = SLUGS, joined_on: st.SearchStrategy[pendulum.Date] = DATES
) -> st.SearchStrategy[CoalitionMember]:
    """Coalition entries of *party_ids*; a joined party mostly has its `joined_on`."""
    return st.builds(
        CoalitionMember,
        party=party_ids,
        status=st.sampled_from(CoalitionStatus),
        joined_on=_optional(joined_on),
    )


def groups(
    *, ids: st.SearchStrategy[str] = SLUGS, party_ids: st.SearchStrategy[str] = SLUGS
) -> st.SearchStrategy[Group]:
    """Steering and working groups of *party_ids*."""
    return st.builds(Group, id=ids, kind=st.sampled_from(GroupKind), members=_few(party_ids))


def mandates(
    *, party_ids: st.SearchStrategy[str] = SLUGS, theme_ids: st.SearchStrategy[str] = THEME_IDS
) -> st.SearchStrategy[Mandate]:
    """Mandates held by and granted by *party_ids*, optionally limited to *theme_ids*."""
    return st.builds(
        Mandate,
        holder=party_ids,
        role=st.sampled_from(MandateRole),
        person=_optional(TEXTS),
        granted_by=_few(party_ids),
        themes=_few(theme_ids, max_size=2),
    )


# --- themes, goals, definitions -----------------------------------------------------------------------------


def themes(
    *, ids: st.SearchStrategy[str] = THEME_IDS, party_ids: st.SearchStrategy[str] = SLUGS
) -> st.SearchStrategy[Theme]:
    """Declared themes, standard or not, with an optional label and lead."""
    return st.builds(Theme, id=ids, label=_optional(TEXTS), lead=_optional(party_ids))


def goals(*, ids: st.SearchStrategy[str] = SLUGS) -> st.SearchStrategy[Goal]:
    """Goals of every kind."""
    return st.builds(Goal, id=ids, text=TEXTS, kind=st.sampled_from(GoalKind))


def definitions(
    *, terms: st.SearchStrategy[str] = SLUGS, party_ids: st.SearchStrategy[str] = SLUGS
) -> st.SearchStrategy[Definition]:
    """Definitions of *terms* by *party_ids*."""
    return st.builds(
        Definition,
        term=terms,
        defined_by=_optional(party_ids),
        value=_optional(numbers()),
        unit=_optional(TEXTS),
        text=_optional(TEXTS),
    )


# --- indicators, frameworks, targets ------------------------------------------------------------------------


def stock_flows(*, indicator_ids: st.SearchStrategy[str] = SLUGS) -> st.SearchStrategy[StockFlows]:
    """The flows in and out of a stock, as indicator ids."""
    return st.builds(StockFlows, inflows=_few(indicator_ids), outflows=_few(indicator_ids))


def indicators(
    *,
    ids: st.SearchStrategy[str] = SLUGS,
    indicator_ids: st.SearchStrategy[str] = SLUGS,
    terms: st.SearchStrategy[str] = SLUGS,
) -> st.SearchStrategy[Indicator]:
    """Indicators of every aggregation; some stocks name their flows among *indicator_ids*."""
    return st.builds(
        Indicator,
        id=ids,
        label=TEXTS,
        unit=TEXTS,
        aggregation=st.sampled_from(Aggregation),
        direction=st.sampled_from(Direction),
        stock_flows=_optional(stock_flows(indicator_ids=indicator_ids)),
        term=_optional(terms),
    )


def frameworks(
    *,
    ids: st.SearchStrategy[str] = SLUGS,
    party_ids: st.SearchStrategy[str] = SLUGS,
    indicator_ids: st.SearchStrategy[str] = SLUGS,
) -> st.SearchStrategy[Framework]:
    """Frameworks setting a share of one indicator in another."""
    shares = st.one_of(st.floats(0, 1), numbers())
    return st.builds(
        Framework,
        id=ids,
        set_by=_optional(party_ids),
        numerator=indicator_ids,
        denominator=indicator_ids,
        min=_optional(shares),
        max=_optional(shares),
        per=st.sampled_from(FrameworkScope),
        source=_optional(TEXTS),
    )


def baselines(*, years: st.SearchStrategy[int] = YEARS) -> st.SearchStrategy[Baseline]:
    """Starting points of targets."""
    return st.builds(Baseline, year=years, value=numbers())


@st.composite
def _targets(
    draw: st.DrawFn,
    *,
    ids: st.SearchStrategy[str],
    indicator_ids: st.SearchStrategy[str],
    theme_ids: st.SearchStrategy[str],
    goal_ids: st.SearchStrategy[str],
    area_ids: st.SearchStrategy[str],
    breakdown_keys: st.SearchStrategy[str],
    years: st.SearchStrategy[int],
) -> Target:
    by = draw(years)
    from_year = draw(_optional(years.filter(lambda year: year <= by)))
    return Target(
        id=draw(ids),
        indicator=draw(indicator_ids),
        value=draw(numbers()),
        from_year=from_year,
        by=by,
        theme=draw(_optional(theme_ids)),
        goals=draw(_few(goal_ids, max_size=2)),
        area=draw(_optional(area_ids)),
        breakdown=draw(st.dictionaries(breakdown_keys, numbers(), max_size=3)),
        baseline=draw(_optional(baselines(years=years))),
        source=draw(_optional(TEXTS)),
    )


def targets(
    *,
    ids: st.SearchStrategy[str] = SLUGS,
    indicator_ids: st.SearchStrategy[str] = SLUGS,
    theme_ids: st.SearchStrategy[str] = THEME_IDS,
    goal_ids: st.SearchStrategy[str] = SLUGS,
    area_ids: st.SearchStrategy[str] = SLUGS,
    breakdown_keys: st.SearchStrategy[str] = SLUGS,
    years: st.SearchStrategy[int] = YEARS,
) -> st.SearchStrategy[Target]:
    """Multi-year targets whose `from` is never after their `by`."""
    return _targets(
        ids=ids,
        indicator_ids=indicator_ids,
        theme_ids=theme_ids,
        goal_ids=goal_ids,
        area_ids=area_ids,
        breakdown_keys=breakdown_keys,
        years=years,
    )


# --- commitments and realisations ---------------------------------------------------------------------------


@st.composite
def _visibility(
    draw: st.DrawFn, *, visibilities: Sequence[Visibility], party_ids: st.SearchStrategy[str]
) -> tuple[Visibility, tuple[str, ...]]:
    visibility = draw(st.sampled_from(visibilities))
    if visibility is Visibility.RESTRICTED:
        return visibility, tuple(draw(st.lists(party_ids, min_size=1, max_size=3)))
    return visibility, ()


@st.composite
def _commitments(
    draw: st.DrawFn,
    *,
    ids: st.SearchStrategy[str],
    party_ids: st.SearchStrategy[str],
    theme_ids: st.SearchStrategy[str],
    goal_ids: st.SearchStrategy[str],
    indicator_ids: st.SearchStrategy[str],
    target_ids: st.SearchStrategy[str],
    area_ids: st.SearchStrategy[str],
    commitment_ids: st.SearchStrategy[str],
    years: st.SearchStrategy[int],
    dates: st.SearchStrategy[pendulum.Date],
    visibilities: Sequence[Visibility],
) -> Commitment:
    visibility, visible_to = draw(_visibility(visibilities=visibilities, party_ids=party_ids))
    return Commitment(
        id=draw(ids),
        by=tuple(draw(st.lists(party_ids, min_size=1, max_size=3))),
        beneficiaries=draw(_few(party_ids)),
        theme=draw(_optional(theme_ids)),
        goals=draw(_few(goal_ids, max_size=2)),
        year=draw(_optional(years)),
        kind=draw(st.sampled_from(CommitmentKind)),
        text=draw(_optional(TEXTS)),
        indicator=draw(_optional(indicator_ids)),
        value=draw(_optional(numbers())),
        target=draw(_optional(target_ids)),
        area=draw(_optional(area_ids)),
        due=draw(_optional(dates)),
        conditional_on=draw(_few(commitment_ids, max_size=2)),
        visibility=visibility,
        visible_to=visible_to,
    )


def commitments(
    *,
    ids: st.SearchStrategy[str] = SLUGS,
    party_ids: st.SearchStrategy[str] = SLUGS,
    theme_ids: st.SearchStrategy[str] = THEME_IDS,
    goal_ids: st.SearchStrategy[str] = SLUGS,
    indicator_ids: st.SearchStrategy[str] = SLUGS,
    target_ids: st.SearchStrategy[str] = SLUGS,
    area_ids: st.SearchStrategy[str] = SLUGS,
    commitment_ids: st.SearchStrategy[str] = SLUGS,
    years: st.SearchStrategy[int] = YEARS,
    dates: st.SearchStrategy[pendulum.Date] = DATES,
    visibilities: Sequence[Visibility] = ALL_VISIBILITIES,
) -> st.SearchStrategy[Commitment]:
    """Commitments by one to three of *party_ids*; a restricted one is visible to at least one party."""
    return _commitments(
        ids=ids,
        party_ids=party_ids,
        theme_ids=theme_ids,
        goal_ids=goal_ids,
        indicator_ids=indicator_ids,
        target_ids=target_ids,
        area_ids=area_ids,
        commitment_ids=commitment_ids,
        years=years,
        dates=dates,
        visibilities=visibilities,
    )


@st.composite
def _realisations(
    draw: st.DrawFn,
    *,
    subjects: st.SearchStrategy[tuple[str, str]],
    area_ids: st.SearchStrategy[str],
    party_ids: st.SearchStrategy[str],
    years: st.SearchStrategy[int],
    dates: st.SearchStrategy[pendulum.Date],
    visibilities: Sequence[Visibility],
) -> Realisation:
    kind, subject = draw(subjects)
    visibility, visible_to = draw(_visibility(visibilities=visibilities, party_ids=party_ids))
    return Realisation(
        commitment=subject if kind == "commitment" else None,
        target=subject if kind == "target" else None,
        indicator=subject if kind == "indicator" else None,
        area=draw(_optional(area_ids)),
        party=draw(_optional(party_ids)),
        year=draw(years),
        value=draw(numbers()),
        reported_on=draw(_optional(dates)),
        status=draw(st.sampled_from(RealisationStatus)),
        visibility=visibility,
        visible_to=visible_to,
    )


def _subjects(
    commitment_ids: st.SearchStrategy[str] | None,
    target_ids: st.SearchStrategy[str] | None,
    indicator_ids: st.SearchStrategy[str] | None,
) -> st.SearchStrategy[tuple[str, str]]:
    kinds = {"commitment": commitment_ids, "target": target_ids, "indicator": indicator_ids}
    return st.one_of([st.tuples(st.just(kind), ids) for kind, ids in kinds.items() if ids is not None])


def realisations(
    *,
    commitment_ids: st.SearchStrategy[str] | None = SLUGS,
    target_ids: st.SearchStrategy[str] | None = SLUGS,
    indicator_ids: st.SearchStrategy[str] | None = SLUGS,
    area_ids: st.SearchStrategy[str] = SLUGS,
    party_ids: st.SearchStrategy[str] = SLUGS,
    years: st.SearchStrategy[int] = YEARS,
    dates: st.SearchStrategy[pendulum.Date] = DATES,
    visibilities: Sequence[Visibility] = ALL_VISIBILITIES,
) -> st.SearchStrategy[Realisation]:
    """Realised figures naming exactly one commitment, target or indicator (``None``: never that kind)."""
    return _realisations(
        subjects=_subjects(commitment_ids, target_ids, indicator_ids),
        area_ids=area_ids,
        party_ids=party_ids,
        years=years,
        dates=dates,
        visibilities=visibilities,
    )


def monitorings() -> st.SearchStrategy[Monitoring]:
    """Monitoring arrangements."""
    return st.builds(Monitoring, frequency=_optional(st.sampled_from(Frequency)), hybrid=st.booleans())


def amendments(
    *,
    ids: st.SearchStrategy[str] = SLUGS,
    party_ids: st.SearchStrategy[str] = SLUGS,
    dates: st.SearchStrategy[pendulum.Date] = DATES,
) -> st.SearchStrategy[Amendment]:
    """Amendments agreed by *party_ids*."""
    return st.builds(
        Amendment,
        id=ids,
        date=dates,
        reason=_optional(TEXTS),
        agreed_by=_few(party_ids),
        text=_optional(TEXTS),
    )


# --- process ------------------------------------------------------------------------------------------------


def milestones(
    *, party_ids: st.SearchStrategy[str] = SLUGS, dates: st.SearchStrategy[pendulum.Date] = DATES
) -> st.SearchStrategy[Milestone]:
    """Milestones of one party or (without a party) of all."""
    return st.builds(
        Milestone,
        kind=st.sampled_from(MilestoneKind),
        party=_optional(party_ids),
        date=dates,
        status=st.sampled_from(MilestoneStatus),
    )


def products(*, ids: st.SearchStrategy[str] = SLUGS) -> st.SearchStrategy[Product]:
    """Intermediate products in every status."""
    return st.builds(Product, id=ids, title=TEXTS, status=st.sampled_from(ProductStatus))


def processes(
    *,
    party_ids: st.SearchStrategy[str] = SLUGS,
    dates: st.SearchStrategy[pendulum.Date] = DATES,
    max_items: int = 3,
) -> st.SearchStrategy[Process]:
    """Processes with a few milestones and products (product ids unique)."""
    return st.builds(
        Process,
        started=_optional(dates),
        milestones=_few(milestones(party_ids=party_ids, dates=dates), max_size=max_items),
        products=st.lists(products(), max_size=max_items, unique_by=lambda product: product.id).map(tuple),
    )


# --- the agreement's frame ----------------------------------------------------------------------------------


def perspectives(*, first: int = 2010, last: int = 2035, max_length: int = 8) -> st.SearchStrategy[Perspective]:
    """Perspectives starting from *first* to *last*, one to *max_length* years long."""
    return st.builds(
        lambda start, length: Perspective(start=start, end=start + length - 1),
        st.integers(first, last),
        st.integers(1, max_length),
    )


def basis_documents(*, years: st.SearchStrategy[int] = YEARS) -> st.SearchStrategy[BasisDocument]:
    """Policy documents of every kind."""
    return st.builds(BasisDocument, kind=st.sampled_from(BasisKind), title=TEXTS, year=_optional(years))


def assignments(
    *, theme_ids: st.SearchStrategy[str] = THEME_IDS, dates: st.SearchStrategy[pendulum.Date] = DATES
) -> st.SearchStrategy[Assignment]:
    """Administrative assignments, in scope by theme id."""
    return st.builds(
        Assignment,
        purpose=_optional(TEXTS),
        in_scope=_few(theme_ids),
        out_of_scope=_few(TEXTS, max_size=2),
        dilemmas=_few(TEXTS, max_size=2),
        agreed_on=_optional(dates),
    )


# --- whole agreements ---------------------------------------------------------------------------------------


def _reference(pool: Sequence[str], *, valid: bool) -> st.SearchStrategy[str]:
    """Ids from *pool*; with *valid* false, sometimes an id that names nothing (an empty pool gives nothing)."""
    known = st.sampled_from(pool) if pool else st.nothing()
    return known if valid else st.one_of(known, SLUGS)


def _unique_ids(max_size: int, *, min_size: int = 0) -> st.SearchStrategy[list[str]]:
    return st.lists(SLUGS, min_size=min_size, max_size=max_size, unique=True)


@st.composite
def _agreements(
    draw: st.DrawFn, *, valid_references: bool, visibilities: Sequence[Visibility], max_items: int
) -> Agreement:
    valid = valid_references
    perspective = draw(perspectives())
    slack = 0 if valid else 2
    in_perspective = years(perspective.start - slack, perspective.end + slack)
    around = dates(perspective.start - 2, perspective.end + 1)

    area_ids = draw(_unique_ids(max_items))
    party_ids = draw(_unique_ids(max_items, min_size=1))
    theme_ids = draw(st.lists(THEME_IDS, max_size=max_items, unique=True))
    goal_ids = draw(_unique_ids(max_items))
    indicator_ids = draw(_unique_ids(max_items))
    target_ids = draw(_unique_ids(max_items)) if indicator_ids or not valid else []
    commitment_ids = draw(_unique_ids(max_items))
    terms = draw(_unique_ids(2))

    area_ref = _reference(area_ids, valid=valid)
    party_ref = _reference(party_ids, valid=valid)
    theme_ref = _reference(sorted({*theme_ids, *_STANDARD_THEME_IDS}), valid=valid)
    goal_ref = _reference(goal_ids, valid=valid)
    indicator_ref = _reference(indicator_ids, valid=valid)
    target_ref = _reference(target_ids, valid=valid)
    commitment_ref = _reference(commitment_ids, valid=valid)
    term_ref = _reference(terms, valid=valid)

    areas_ = tuple(draw(areas(ids=st.just(area_id))) for area_id in area_ids)
    parties_ = tuple(
        draw(parties(ids=st.just(party_id), area_ids=area_ref, party_ids=party_ref)) for party_id in party_ids
    )
    coalition = draw(
        st.lists(coalition_members(party_ids=party_ref, joined_on=around), max_size=max_items, unique_by=_party_of)
    )
    themes_ = tuple(draw(themes(ids=st.just(theme_id), party_ids=party_ref)) for theme_id in theme_ids)
    goals_ = tuple(draw(goals(ids=st.just(goal_id))) for goal_id in goal_ids)
    indicators_ = tuple(
        draw(indicators(ids=st.just(indicator_id), indicator_ids=indicator_ref, terms=term_ref))
        for indicator_id in indicator_ids
    )
    targets_ = tuple(
        draw(
            targets(
                ids=st.just(target_id),
                indicator_ids=indicator_ref,
                theme_ids=theme_ref,
                goal_ids=goal_ref,
                area_ids=area_ref,
                breakdown_keys=_reference([*area_ids, *party_ids], valid=valid),
                years=in_perspective,
            )
        )
        for target_id in target_ids
    )
    commitments_ = tuple(
        draw(
            commitments(
                ids=st.just(commitment_id),
                party_ids=party_ref,
                theme_ids=theme_ref,
                goal_ids=goal_ref,
                indicator_ids=indicator_ref,
                target_ids=target_ref,
                area_ids=area_ref,
                commitment_ids=commitment_ref,
                years=in_perspective,
                dates=around,
                visibilities=visibilities,
            )
        )
        for commitment_id in commitment_ids
    )
    subject_pools = {"commitment": commitment_ids, "target": target_ids, "indicator": indicator_ids}
    subjects = {
        kind: _reference(pool, valid=valid) if pool or not valid else None for kind, pool in subject_pools.items()
    }
    realisations_: tuple[Realisation, ...] = ()
    if any(subject is not None for subject in subjects.values()):
        realisations_ = draw(
            _few(
                realisations(
                    commitment_ids=subjects["commitment"],
                    target_ids=subjects["target"],
                    indicator_ids=subjects["indicator"],
                    area_ids=area_ref,
                    party_ids=party_ref,
                    years=years(perspective.start - 1, perspective.end + slack),
                    dates=around,
                    visibilities=visibilities,
                ),
                max_size=max_items,
            )
        )
    return Agreement(
        id=draw(SLUGS),
        title=draw(TEXTS),
        scope=draw(st.sampled_from(Scope)),
        perspective=perspective,
        basis=draw(_few(basis_documents(years=in_perspective), max_size=2)),
        assignment=draw(_optional(assignments(theme_ids=theme_ref, dates=around))),
        areas=areas_,
        parties=parties_,
        coalition=tuple(coalition),
        tenant_involvement=draw(_optional(st.sampled_from(TenantInvolvement))),
        groups=draw(st.lists(groups(party_ids=party_ref), max_size=2, unique_by=lambda group: group.id).map(tuple)),
        mandates=draw(_few(mandates(party_ids=party_ref, theme_ids=theme_ref), max_size=max_items)),
        themes=themes_,
        goals=goals_,
        definitions=draw(_few(definitions(terms=term_ref, party_ids=party_ref), max_size=max_items)),
        indicators=indicators_,
        frameworks=draw(
            st.lists(
                frameworks(party_ids=party_ref, indicator_ids=indicator_ref),
                max_size=2 if indicator_ids or not valid else 0,
                unique_by=lambda framework: framework.id,
            ).map(tuple)
        ),
        targets=targets_,
        commitments=commitments_,
        process=draw(_optional(processes(party_ids=party_ref, dates=around, max_items=max_items))),
        monitoring=draw(_optional(monitorings())),
        realisations=realisations_,
        amendments=draw(
            st.lists(
                amendments(party_ids=party_ref, dates=around), max_size=2, unique_by=lambda amendment: amendment.id
            ).map(tuple)
        ),
    )


def _party_of(member: CoalitionMember) -> str:
    return member.party


def agreements(
    *,
    valid_references: bool = True,
    visibilities: Sequence[Visibility] = ALL_VISIBILITIES,
    max_items: int = 3,
) -> st.SearchStrategy[Agreement]:
    """Small agreements whose references point at the items they hold.

    Args:
        valid_references: With ``False``, some references name nothing and some years fall outside the
            perspective (the integrity rules PA001, PA003 and PA308 have something to find); ids within a list
            stay unique either way.
        visibilities: The visibilities commitments and realisations may have; a restricted one is visible to at
            least one party. Pass ``(Visibility.PUBLIC,)`` for an agreement without hidden figures.
        max_items: The most items of each list (parties, commitments, ...).
    """
    if not visibilities:
        raise ValueError("visibilities must name at least one visibility")
    return _agreements(valid_references=valid_references, visibilities=tuple(visibilities), max_items=max_items)
