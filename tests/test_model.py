"""Tests of `prestatieafspraken.model`: invariants in the types, the perspective, the index and the lifecycles."""

from __future__ import annotations

import enum
import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given, settings

from prestatieafspraken.model import (
    STANDARD_THEMES,
    Aggregation,
    Agreement,
    AgreementIndex,
    Amendment,
    Area,
    AreaKind,
    CoalitionMember,
    CoalitionStatus,
    Commitment,
    Framework,
    Goal,
    Group,
    GroupKind,
    Indicator,
    InvariantError,
    MilestoneStatus,
    Party,
    PartyKind,
    Perspective,
    Product,
    Realisation,
    RealisationStatus,
    Scope,
    Target,
    Theme,
    is_slug,
    theme_label,
)
from prestatieafspraken.model.lifecycle import (
    MILESTONE_TRANSITIONS,
    REALISATION_TRANSITIONS,
    TransitionError,
    move,
)
from prestatieafspraken.vocabulary import Language
from strategies import agreements, perspectives

PROPERTIES = settings(max_examples=60, deadline=None)


def party(party_id: str, kind: PartyKind = PartyKind.MUNICIPALITY) -> Party:
    """A party with a name derived from its id."""
    return Party(id=party_id, name=party_id.title(), kind=kind)


def agreement(**changes: Any) -> Agreement:
    """A one-party agreement for 2024-2028, with *changes* applied."""
    fields: dict[str, Any] = {
        "id": "utrecht",
        "title": "Prestatieafspraken Utrecht",
        "scope": Scope.LOCAL,
        "perspective": Perspective(start=2024, end=2028),
        "parties": (party("gemeente"),),
    }
    return Agreement(**(fields | changes))


# --- invariants -------------------------------------------------------------------------------------------

#: Builders of every type with an id, given the id.
WITH_ID: list[tuple[str, Callable[[str], object]]] = [
    ("Agreement", lambda id_: agreement(id=id_)),
    ("Area", lambda id_: Area(id=id_, name="Utrecht", kind=AreaKind.MUNICIPALITY)),
    ("Party", lambda id_: Party(id=id_, name="Gemeente", kind=PartyKind.MUNICIPALITY)),
    ("Group", lambda id_: Group(id=id_, kind=GroupKind.STEERING)),
    ("Theme", lambda id_: Theme(id=id_)),
    ("Goal", lambda id_: Goal(id=id_, text="Meer sociale huur")),
    ("Indicator", lambda id_: Indicator(id=id_, label="Nieuwbouw", unit="dwellings", aggregation=Aggregation.FLOW)),
    ("Framework", lambda id_: Framework(id=id_, numerator="a", denominator="b")),
    ("Target", lambda id_: Target(id=id_, indicator="i", value=1, by=2028)),
    ("Commitment", lambda id_: Commitment(id=id_, by=("gemeente",))),
    ("Amendment", lambda id_: Amendment(id=id_, date=pendulum.Date(2025, 6, 30))),
    ("Product", lambda id_: Product(id=id_, title="Onderhandelakkoord")),
]


class TestSlugs:
    """Ids are slugs ``[a-z0-9][a-z0-9-]*`` (DESIGN §3)."""

    @pytest.mark.parametrize("value", ["a", "0", "gemeente-utrecht", "c-2024-01", "a-", "a--b", "2024"])
    def test_slugs(self, value: str) -> None:
        """Lower-case letters, digits and dashes, not starting with a dash, make a slug."""
        assert is_slug(value)

    @pytest.mark.parametrize(
        "value", ["", "-a", "A", "Gemeente", "a b", "a_b", "a.b", "é", "a\n", "\na", "ａ", 1, None, b"a"]
    )
    def test_not_slugs(self, value: object) -> None:
        """Anything else is not a slug: upper case, spaces, underscores, accents, a trailing newline, non-texts."""
        assert not is_slug(value)

    @pytest.mark.parametrize(("type_name", "build"), WITH_ID, ids=[name for name, _ in WITH_ID])
    @pytest.mark.parametrize("bad", ["Gemeente Utrecht", "-a", "a\n"])
    def test_an_id_that_is_not_a_slug_cannot_be_built(
        self, type_name: str, build: Callable[[str], object], bad: str
    ) -> None:
        """Every type with an id refuses one that is not a slug, naming the field."""
        with pytest.raises(InvariantError, match=re.escape(f"{bad!r} is not an id: use lower-case letters")) as caught:
            build(bad)
        assert caught.value.field == "id", type_name

    @pytest.mark.parametrize(("type_name", "build"), WITH_ID, ids=[name for name, _ in WITH_ID])
    def test_a_slug_id_builds(self, type_name: str, build: Callable[[str], object]) -> None:
        """Every type with an id takes a slug."""
        assert getattr(build("a-1"), "id") == "a-1", type_name  # noqa: B009 - the types differ


class TestInvariants:
    """A value that cannot be is refused when it is built, with the field it is about."""

    @pytest.mark.parametrize(
        ("build", "field", "message"),
        [
            pytest.param(
                lambda: Perspective(start=2024, end=2023),
                "end",
                "the perspective ends (2023) before it starts (2024)",
                id="perspective-ends-before-it-starts",
            ),
            pytest.param(
                lambda: Realisation(year=2024, value=1, status=RealisationStatus.DRAFT),
                "commitment",
                "a realisation names exactly one of commitment, target or indicator, not 0",
                id="realisation-without-subject",
            ),
            pytest.param(
                lambda: Realisation(commitment="c", target="t", year=2024, value=1, status=RealisationStatus.DRAFT),
                "commitment",
                "a realisation names exactly one of commitment, target or indicator, not 2",
                id="realisation-with-two-subjects",
            ),
            pytest.param(
                lambda: Realisation(
                    commitment="c", target="t", indicator="i", year=2024, value=1, status=RealisationStatus.DRAFT
                ),
                "commitment",
                "a realisation names exactly one of commitment, target or indicator, not 3",
                id="realisation-with-three-subjects",
            ),
            pytest.param(
                lambda: Commitment(id="c", by=()),
                "by",
                "a commitment needs at least one party that executes it",
                id="commitment-without-executor",
            ),
            pytest.param(
                lambda: Target(id="t", indicator="i", value=1, from_year=2027, by=2026),
                "from",
                "a target cannot start (2027) after its end (2026)",
                id="target-starts-after-its-end",
            ),
            pytest.param(
                lambda: agreement(parties=()),
                "parties",
                "an agreement has at least one party",
                id="agreement-without-parties",
            ),
            pytest.param(
                lambda: agreement(schema_version=2),
                "schema_version",
                "schema_version 2 is not supported; this release reads version(s) 1",
                id="schema-version-2",
            ),
        ],
    )
    def test_impossible_value(self, build: Callable[[], object], field: str, message: str) -> None:
        """Building the value raises `InvariantError` (a `ValueError`) naming the field and what is wrong."""
        with pytest.raises(InvariantError, match=re.escape(message)) as caught:
            build()
        assert caught.value.field == field
        assert isinstance(caught.value, ValueError)

    @pytest.mark.parametrize(
        "build",
        [
            pytest.param(lambda: Perspective(start=2024, end=2024), id="one-year-perspective"),
            pytest.param(lambda: Target(id="t", indicator="i", value=1, from_year=2026, by=2026), id="one-year-target"),
            pytest.param(
                lambda: Realisation(indicator="i", year=2024, value=1, status=RealisationStatus.DRAFT),
                id="realisation-of-an-indicator",
            ),
        ],
    )
    def test_edge_values_build(self, build: Callable[[], object]) -> None:
        """The values at the edge of an invariant are fine: a one-year perspective or target, one subject."""
        assert build() is not None

    def test_values_are_frozen(self) -> None:
        """A model value cannot be changed in place; changes go through `attrs.evolve`."""
        perspective = Perspective(start=2024, end=2028)
        with pytest.raises(attrs.exceptions.FrozenInstanceError, match=re.escape("can't set attribute")):
            perspective.end = 2030  # type: ignore[misc]
        assert attrs.evolve(perspective, end=2030) == Perspective(start=2024, end=2030)

    def test_evolve_checks_invariants(self) -> None:
        """`attrs.evolve` builds a new value, so it cannot make an impossible one either."""
        with pytest.raises(InvariantError, match=re.escape("the perspective ends (2020) before it starts (2024)")):
            attrs.evolve(Perspective(start=2024, end=2028), end=2020)


# --- the perspective --------------------------------------------------------------------------------------


class TestPerspective:
    """The multi-year perspective as inclusive years."""

    def test_years_len_and_membership(self) -> None:
        """A 2024-2028 perspective has five years, holds 2024 and 2028 and not 2023 or 2029."""
        perspective = Perspective(start=2024, end=2028)
        assert list(perspective.years) == [2024, 2025, 2026, 2027, 2028]
        assert len(perspective) == 5
        assert 2024 in perspective
        assert 2028 in perspective
        assert 2023 not in perspective
        assert 2029 not in perspective

    @pytest.mark.parametrize("value", ["2025", 2025.0, None, pendulum.Date(2025, 1, 1)])
    def test_only_whole_years_are_in_it(self, value: object) -> None:
        """Only an int is a year of the perspective: a text, float or date is not."""
        assert value not in Perspective(start=2024, end=2028)

    @PROPERTIES
    @given(perspective=perspectives())
    def test_length_matches_years(self, perspective: Perspective) -> None:
        """The length is end - start + 1, every year in `years` is in it, and the years around it are not."""
        assert len(perspective) == len(perspective.years) == perspective.end - perspective.start + 1
        assert all(year in perspective for year in perspective.years)
        assert perspective.start - 1 not in perspective
        assert perspective.end + 1 not in perspective


# --- the index --------------------------------------------------------------------------------------------


def commitment(commitment_id: str, by: tuple[str, ...], **changes: Any) -> Commitment:
    """A commitment executed by *by*."""
    return Commitment(id=commitment_id, by=by, **changes)


GEMEENTE, CORPORATIE, HUURDERS, ZORG = "gemeente", "corporatie", "huurders", "zorg"
BUILD = commitment(
    "c-build", (CORPORATIE,), beneficiaries=(GEMEENTE,), theme="availability", year=2024, target="growth"
)
RENT = commitment("c-rent", (CORPORATIE, CORPORATIE), beneficiaries=(HUURDERS, HUURDERS), theme="affordability")
LAND = commitment("c-land", (GEMEENTE,), beneficiaries=(CORPORATIE,), theme="availability", year=2025, target="growth")
SHADOW = commitment("c-build", (HUURDERS,), year=2030)
"""A second commitment with the id of `BUILD` (a duplicate, reported by PA002)."""

INDEXED = agreement(
    parties=(
        party(GEMEENTE),
        party(CORPORATIE, PartyKind.HOUSING_CORPORATION),
        party(HUURDERS, PartyKind.TENANT_ORGANISATION),
        party(ZORG, PartyKind.CARE_PROVIDER),
        Party(id=GEMEENTE, name="Tweede gemeente", kind=PartyKind.MUNICIPALITY),
    ),
    coalition=(
        CoalitionMember(party=ZORG, status=CoalitionStatus.ENDORSER),
        CoalitionMember(party=HUURDERS, status=CoalitionStatus.JOINED, joined_on=pendulum.Date(2024, 6, 1)),
        CoalitionMember(party=ZORG, status=CoalitionStatus.JOINED),
    ),
    targets=(Target(id="growth", indicator="social-new-build", value=1000, by=2028),),
    commitments=(BUILD, RENT, LAND, SHADOW),
    realisations=(
        Realisation(commitment="c-build", year=2024, value=480, status=RealisationStatus.APPROVED),
        Realisation(target="growth", year=2024, value=500, status=RealisationStatus.DRAFT),
        Realisation(commitment="c-build", year=2025, value=20, status=RealisationStatus.SUBMITTED),
    ),
)


class TestAgreementIndex:
    """O(1) lookups into an agreement, built once."""

    def test_items_by_id_first_wins(self) -> None:
        """Items are found by id; where an id is duplicated, the first item with it is found."""
        index = INDEXED.index
        assert index.parties[CORPORATIE].kind is PartyKind.HOUSING_CORPORATION
        assert index.parties[GEMEENTE].name == "Gemeente"
        assert index.commitments["c-build"] is BUILD
        assert index.targets["growth"].value == 1000
        assert set(index.parties) == {GEMEENTE, CORPORATIE, HUURDERS, ZORG}

    @pytest.mark.parametrize(
        ("lookup", "key", "expected"),
        [
            ("commitments_by_party", CORPORATIE, (BUILD, RENT)),
            ("commitments_by_party", GEMEENTE, (LAND,)),
            ("commitments_by_party", HUURDERS, (SHADOW,)),
            ("commitments_by_party", ZORG, ()),
            ("commitments_for_party", GEMEENTE, (BUILD,)),
            ("commitments_for_party", HUURDERS, (RENT,)),
            ("commitments_for_party", CORPORATIE, (LAND,)),
            ("commitments_for_party", "unknown", ()),
            ("commitments_by_theme", "availability", (BUILD, LAND)),
            ("commitments_by_theme", None, (SHADOW,)),
            ("commitments_by_theme", "finance", ()),
            ("commitments_by_year", 2024, (BUILD,)),
            ("commitments_by_year", None, (RENT,)),
            ("commitments_by_year", 2030, (SHADOW,)),
            ("commitments_by_target", "growth", (BUILD, LAND)),
            ("commitments_by_target", None, (RENT, SHADOW)),
        ],
    )
    def test_commitments_by(self, lookup: str, key: str | int | None, expected: tuple[Commitment, ...]) -> None:
        """Commitments come by party, beneficiary, theme, year and target, in file order, each once per key."""
        assert getattr(INDEXED.index, lookup)(key) == expected

    def test_commitment_years(self) -> None:
        """The years with commitments leave out commitments without a year."""
        assert INDEXED.index.commitment_years() == frozenset({2024, 2025, 2030})

    @pytest.mark.parametrize(
        ("party_id", "status", "counted"),
        [
            (GEMEENTE, CoalitionStatus.FOUNDING, True),
            (HUURDERS, CoalitionStatus.JOINED, True),
            (ZORG, CoalitionStatus.ENDORSER, False),
            ("not-a-party", CoalitionStatus.FOUNDING, True),
        ],
    )
    def test_status_of(self, party_id: str, status: CoalitionStatus, counted: bool) -> None:
        """A party not listed in the coalition is founding; a party listed twice has its first status."""
        assert INDEXED.index.status_of(party_id) is status
        assert INDEXED.index.is_counted(party_id) is counted

    @pytest.mark.parametrize(
        ("status", "counted"),
        [
            (CoalitionStatus.FOUNDING, True),
            (CoalitionStatus.JOINED, True),
            (CoalitionStatus.ENDORSER, False),
            (CoalitionStatus.OBSERVER, False),
            (CoalitionStatus.DECLINED, False),
        ],
    )
    def test_counted_statuses(self, status: CoalitionStatus, counted: bool) -> None:
        """Only founding and joined parties count (DESIGN §4)."""
        assert status.is_counted is counted

    def test_realisations_of(self) -> None:
        """Realisations are found by what they name, in file order."""
        index = INDEXED.index
        assert [r.year for r in index.realisations_of("commitment", "c-build")] == [2024, 2025]
        assert [r.value for r in index.realisations_of("target", "growth")] == [500]
        assert index.realisations_of("indicator", "growth") == ()
        assert INDEXED.realisations[1].subject == ("target", "growth")

    def test_index_is_built_once(self) -> None:
        """The index is built on first use and then kept."""
        assert INDEXED.index is INDEXED.index
        assert isinstance(INDEXED.index, AgreementIndex)

    def test_evolve_gives_a_new_index(self) -> None:
        """An agreement changed with `attrs.evolve` builds its own index; the old one is unchanged."""
        old = agreement(commitments=(BUILD,))
        assert old.index.commitments_by_party(CORPORATIE) == (BUILD,)
        new = attrs.evolve(old, commitments=(BUILD, RENT))
        assert new.index is not old.index
        assert new.index.commitments_by_party(CORPORATIE) == (BUILD, RENT)
        assert old.index.commitments_by_party(CORPORATIE) == (BUILD,)

    @PROPERTIES
    @given(item=agreements(valid_references=False))
    def test_every_commitment_is_indexed_once_per_key(self, item: Agreement) -> None:
        """Each commitment is listed once under each of its executors, beneficiaries, its theme, year and target."""
        index = item.index
        for each in item.commitments:
            for executor in set(each.by):
                assert sum(c is each for c in index.commitments_by_party(executor)) == 1
            for beneficiary in set(each.beneficiaries):
                assert sum(c is each for c in index.commitments_for_party(beneficiary)) == 1
            assert sum(c is each for c in index.commitments_by_theme(each.theme)) == 1
            assert sum(c is each for c in index.commitments_by_target(each.target)) == 1
        by_year = [index.commitments_by_year(year) for year in {c.year for c in item.commitments}]
        assert sum(map(len, by_year)) == len(item.commitments)

    @PROPERTIES
    @given(item=agreements())
    def test_first_item_wins(self, item: Agreement) -> None:
        """Every item found by id is the first item in its list with that id."""
        index = item.index
        lists: list[tuple[Mapping[str, Any], Sequence[Any]]] = [
            (index.parties, item.parties),
            (index.commitments, item.commitments),
            (index.targets, item.targets),
            (index.indicators, item.indicators),
        ]
        for found, items in lists:
            assert list(found) == list(dict.fromkeys(i.id for i in items))
            for each in items:
                assert found[each.id] is next(i for i in items if i.id == each.id)


# --- lifecycles -------------------------------------------------------------------------------------------

#: The allowed moves, written out: planned -> done | missed; missed -> planned | done; done is final.
MILESTONE_MOVES = {
    (MilestoneStatus.PLANNED, MilestoneStatus.DONE),
    (MilestoneStatus.PLANNED, MilestoneStatus.MISSED),
    (MilestoneStatus.MISSED, MilestoneStatus.PLANNED),
    (MilestoneStatus.MISSED, MilestoneStatus.DONE),
}
#: draft -> submitted -> approved; submitted -> draft; approved is final.
REALISATION_MOVES = {
    (RealisationStatus.DRAFT, RealisationStatus.SUBMITTED),
    (RealisationStatus.SUBMITTED, RealisationStatus.APPROVED),
    (RealisationStatus.SUBMITTED, RealisationStatus.DRAFT),
}
LIFECYCLES: list[tuple[Any, Any, set[Any]]] = [
    *((MILESTONE_TRANSITIONS, pair, MILESTONE_MOVES) for pair in itertools.product(MilestoneStatus, repeat=2)),
    *((REALISATION_TRANSITIONS, pair, REALISATION_MOVES) for pair in itertools.product(RealisationStatus, repeat=2)),
]


class TestLifecycle:
    """The lifecycles of a milestone and of a reported figure, each one transition table."""

    @pytest.mark.parametrize(
        ("table", "move_", "allowed"),
        LIFECYCLES,
        ids=[f"{current.value}-to-{new.value}" for _, (current, new), _ in LIFECYCLES],
    )
    def test_move(self, table: Any, move_: tuple[Any, Any], allowed: set[tuple[Any, Any]]) -> None:
        """`move` returns the new status when the table allows the change, else raises `TransitionError`."""
        current, new = move_
        if move_ in allowed:
            assert move(table, current, new) is new
        else:
            with pytest.raises(
                TransitionError, match=re.escape(f"cannot move from {current.value!r} to {new.value!r}")
            ):
                move(table, current, new)

    @pytest.mark.parametrize(
        ("table", "final"),
        [(MILESTONE_TRANSITIONS, MilestoneStatus.DONE), (REALISATION_TRANSITIONS, RealisationStatus.APPROVED)],
    )
    def test_final_status_says_so(self, table: Any, final: Any) -> None:
        """Moving out of a final status says that it is final."""
        with pytest.raises(TransitionError, match=re.escape("allowed: nothing (it is final)")):
            move(table, final, final)

    def test_refusal_lists_what_is_allowed(self) -> None:
        """A refused move names the statuses that are allowed from where it stands."""
        with pytest.raises(
            TransitionError, match=re.escape("cannot move from 'draft' to 'approved'; allowed: submitted")
        ):
            move(REALISATION_TRANSITIONS, RealisationStatus.DRAFT, RealisationStatus.APPROVED)

    @pytest.mark.parametrize(
        ("table", "status_type"),
        [(MILESTONE_TRANSITIONS, MilestoneStatus), (REALISATION_TRANSITIONS, RealisationStatus)],
    )
    def test_table_covers_every_status(self, table: Any, status_type: type[enum.Enum]) -> None:
        """Every status has a row, so `move` never fails with a `KeyError`."""
        assert set(table) == set(status_type)


# --- theme labels -----------------------------------------------------------------------------------------


class TestThemeLabel:
    """The label of a theme: declared, else standard in the language asked, else the id."""

    @pytest.mark.parametrize(
        ("theme_id", "lang", "declared", "expected"),
        [
            ("finance", "nl", None, "Financiën"),
            ("finance", "en", None, "Finance"),
            ("target-groups", "nl", None, "Woningzoekenden en doelgroepen"),
            ("finance", "de", None, "Financiën"),
            ("finance", "en", Theme(id="finance", label="Geld"), "Geld"),
            ("finance", "en", Theme(id="finance", label=""), "Finance"),
            ("finance", "nl", Theme(id="finance", lead="gemeente"), "Financiën"),
            ("circular-building", "nl", Theme(id="circular-building", label="Circulair bouwen"), "Circulair bouwen"),
            ("circular-building", "en", None, "circular-building"),
        ],
    )
    def test_theme_label(self, theme_id: str, lang: Language, declared: Theme | None, expected: str) -> None:
        """A declared label wins; a standard theme has its Dutch or English label; another theme shows its id."""
        assert theme_label(theme_id, lang=lang, declared=declared) == expected

    def test_nine_standard_themes(self) -> None:
        """The nine standard themes of DESIGN §3 are slugs and have a label in both languages."""
        assert list(STANDARD_THEMES) == [
            "availability",
            "affordability",
            "target-groups",
            "vulnerable-groups-and-care",
            "quality-and-sustainability",
            "liveability",
            "finance",
            "monitoring",
            "collaboration",
        ]
        assert all(is_slug(theme_id) and label.nl and label.en for theme_id, label in STANDARD_THEMES.items())
