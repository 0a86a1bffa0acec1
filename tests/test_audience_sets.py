"""A view works out who sees what once for all its items, and judges totals for the parties that see alike at once.

On a national file (939 parties) `view_for` built the tuple of every party's id again for each of 7,002 items the
parties may see, and made one audience per party for each of 322 groups of totals. `views._audience.Sight` now
holds every party's id once per view, and `_disclosure._audiences` groups the parties by the sets of parties they
are in before it makes an audience. These tests compare both with the straightforward code they replace, written
out here; tests/test_views.py and tests/test_disclosure.py check the views themselves.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prestatieafspraken._disclosure import Figure, _Audience, _audiences
from prestatieafspraken.model import Agreement, Commitment, Realisation, RealisationStatus, Visibility
from prestatieafspraken.testing import as_agreement, minimal_agreement
from prestatieafspraken.views._audience import Sight, owners_of

PARTIES = ("gemeente", "corp-a", "corp-b", "huurders")


def restricted(*, commitment: str | None = None, indicator: str | None = None) -> Realisation:
    """An approved restricted figure of 2025 of a commitment or an indicator."""
    return Realisation(
        commitment=commitment,
        indicator=indicator,
        year=2025,
        value=1,
        status=RealisationStatus.APPROVED,
        visibility=Visibility.RESTRICTED,
    )


#: A restricted figure of an indicator, without a party: no party sees it.
NOBODY = restricted(indicator="homes")


def reference_audiences(seen: Sequence[Figure]) -> list[_Audience]:
    """The audiences as first written: one candidate per party that sees a hidden figure, in order."""
    public = [figure for figure in seen if figure.public]
    extra: dict[str, list[Figure]] = {}
    for figure in seen:
        if not figure.public:
            for party in figure.seen_by:
                extra.setdefault(party, []).append(figure)
    found: dict[frozenset[Hashable], _Audience] = {}
    for who, more in [(None, []), *sorted(extra.items())]:
        visible = [*public, *more]
        sees = frozenset(figure.key for figure in visible)
        found.setdefault(sees, _Audience(party=who, sees=sees, knows=frozenset(f.quantity for f in visible)))
    return list(found.values())


def reference_who_sees(agreement: Agreement, item: Commitment | Realisation) -> tuple[str, ...]:
    """Who sees an item that is not public, as first written: every party walked over for each item."""
    if item.visibility is Visibility.PARTIES:
        return tuple(dict.fromkeys(party.id for party in agreement.parties))
    return tuple(dict.fromkeys((*item.visible_to, *owners_of(agreement, item))))


_SEEN_BY = st.sampled_from(
    [
        frozenset(),
        frozenset(PARTIES),
        frozenset({"corp-a"}),
        frozenset({"corp-b"}),
        frozenset({"corp-a", "huurders"}),
        frozenset({"gemeente", "corp-b"}),
    ]
)
_FIGURES = st.lists(
    st.builds(
        lambda public, seen_by, quantity: (public, set(seen_by), quantity),  # a set: an equal set, not the same
        st.booleans(),
        _SEEN_BY,
        st.sampled_from(["q1", "q2", "q3"]),
    ),
    max_size=10,
)


def figures(drawn: list[tuple[bool, set[str], str]]) -> list[Figure]:
    """The drawn figures, each with a key of its own and a set of its own for who sees it."""
    return [
        Figure(key=number, owners=frozenset(seen_by), quantity=quantity, public=public, seen_by=frozenset(seen_by))
        for number, (public, seen_by, quantity) in enumerate(drawn)
    ]


class TestAudiences:
    """`_audiences` makes the same audiences, in the same order, each named by the same party."""

    @settings(max_examples=300, deadline=None)
    @given(drawn=_FIGURES)
    def test_as_one_per_party(self, drawn: list[tuple[bool, set[str], str]]) -> None:
        """Over few sets of parties, some equal without being the same set."""
        seen = figures(drawn)
        assert _audiences(seen) == reference_audiences(seen)

    def test_parties_that_see_alike_are_one_audience(self) -> None:
        """Every party sees the figure visible to the parties; corp-a also sees its own: two parties' audiences."""
        seen = figures([(False, set(PARTIES), "q1"), (False, {"corp-a"}, "q2"), (True, set(), "q3")])
        found = _audiences(seen)
        assert [audience.party for audience in found] == [None, "corp-a", "corp-b"]
        assert [sorted(audience.sees, key=str) for audience in found] == [[2], [0, 1, 2], [0, 2]]
        assert found == reference_audiences(seen)

    def test_a_party_in_the_same_sets_in_another_order(self) -> None:
        """The near miss: parties in different sets see differently, even when each is in one set."""
        seen = figures([(False, {"corp-a"}, "q1"), (False, {"corp-b"}, "q1")])
        assert [audience.party for audience in _audiences(seen)] == [None, "corp-a", "corp-b"]
        assert _audiences(seen) == reference_audiences(seen)


@pytest.fixture(scope="module")
def agreement() -> Agreement:
    """Four parties (one twice in the file), and commitments of every visibility."""
    return as_agreement(
        minimal_agreement(
            parties=[
                *({"id": party, "name": party, "kind": "other"} for party in PARTIES),
                {"id": "corp-a", "name": "corp-a again", "kind": "other"},
            ],
            commitments=[
                {"id": "open", "by": ["gemeente"], "text": "open", "year": 2025},
                {"id": "for-parties", "by": ["gemeente"], "text": "x", "year": 2025, "visibility": "parties"},
                {"id": "also-for-parties", "by": ["corp-b"], "text": "y", "year": 2025, "visibility": "parties"},
                {
                    "id": "restricted",
                    "by": ["corp-b", "corp-a"],
                    "text": "z",
                    "year": 2025,
                    "visibility": "restricted",
                    "visible_to": ["huurders", "corp-b"],
                },
            ],
        )
    )


class TestSight:
    """`Sight` says who sees an item as walking over every party did, and shares the set of every party."""

    def test_as_every_party_walked_over(self, agreement: Agreement) -> None:
        """Every party once, in file order, for an item the parties see; the others and owners for the rest."""
        sight = Sight(agreement)
        for commitment in agreement.commitments:
            assert sight.who_sees(commitment) == reference_who_sees(agreement, commitment)
            assert sight.seen_by(commitment) == frozenset(reference_who_sees(agreement, commitment))
        assert sight.parties == PARTIES

    def test_one_set_of_every_party(self, agreement: Agreement) -> None:
        """Items the parties see share one set; a restricted item has its own (the near miss)."""
        sight = Sight(agreement)
        index = agreement.index.commitments
        assert sight.seen_by(index["for-parties"]) is sight.seen_by(index["also-for-parties"])
        assert sight.seen_by(index["restricted"]) == {"huurders", "corp-b", "corp-a"}
        assert sight.seen_by(index["restricted"]) is not sight.seen_by(index["for-parties"])

    @pytest.mark.parametrize(
        ("commitment", "seen_by", "why_en"),
        [
            ("for-parties", PARTIES, "visibility 'parties': only the parties to the agreement see this"),
            (
                "restricted",
                ("huurders", "corp-b", "corp-a"),
                "visibility 'restricted': only huurders, corp-b, corp-a see this",
            ),
            ("nobody", (), "visibility 'restricted': no party sees this"),
        ],
    )
    def test_why(self, agreement: Agreement, commitment: str, seen_by: tuple[str, ...], why_en: str) -> None:
        """Who sees the item and why, as the markers say it."""
        item = agreement.index.commitments.get(commitment, NOBODY)
        found, why_nl, found_en = Sight(agreement).why(item)
        assert (found, found_en) == (seen_by, why_en)
        assert why_nl.startswith("zichtbaarheid ")

    def test_a_realisation_of_a_commitment(self, agreement: Agreement) -> None:
        """A realisation without a party is seen by its commitment's executors, as before."""
        figure = restricted(commitment="restricted")
        assert Sight(agreement).who_sees(figure) == reference_who_sees(agreement, figure) == ("corp-b", "corp-a")
