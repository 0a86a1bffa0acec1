"""One party's neighbourhood built on its own is exactly the neighbourhood cut out of the whole graph."""

from __future__ import annotations

import textwrap
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import prestatieafspraken
from prestatieafspraken import examples
from prestatieafspraken.errors import UnknownNameError
from prestatieafspraken.graph import neighbourhood, responsibility_graph
from prestatieafspraken.graph._build import party_neighbourhood
from prestatieafspraken.model import Agreement
from strategies import agreements
from support import agreement_yaml
from test_report import mid_size


def assert_same(built: Any, cut: Any) -> None:
    """The two graphs have the same attributes, nodes and edges, in the same order either way."""
    assert built.graph == cut.graph
    assert list(built.nodes(data=True)) == list(cut.nodes(data=True))
    assert list(built.edges(keys=True, data=True)) == list(cut.edges(keys=True, data=True))
    assert list(built.in_edges(keys=True, data=True)) == list(cut.in_edges(keys=True, data=True))


def assert_every_party(agreement: Agreement, radii: tuple[int, ...] = (0, 1, 2, 3)) -> None:
    """Each party's neighbourhood at each radius, built on its own and cut out of the whole graph."""
    whole = responsibility_graph(agreement)
    for party in agreement.index.parties:
        for radius in radii:
            assert_same(party_neighbourhood(agreement, party, radius), neighbourhood(whole, party, radius))


@pytest.mark.parametrize("name", examples.names())
def test_every_party_of_every_example(name: str) -> None:
    """Every shipped example: groups, goals, targets, mandates, declared themes; radius 0 to 3."""
    assert_every_party(examples.load(name))


def test_mid_size_agreement() -> None:
    """40 parties, 20 areas, four named standard themes (their nodes keep the whole graph's order)."""
    agreement = prestatieafspraken.loads(orjson.dumps(mid_size(600)), format="json")
    assert_every_party(agreement, radii=(1, 2, 3))
    assert party_neighbourhood(agreement, "partij-00", 1).number_of_nodes() == 1 + 15 + 15
    assert party_neighbourhood(agreement, "partij-00", 3).number_of_nodes() > 300


@settings(max_examples=60, deadline=None)
@given(agreements(valid_references=False), st.integers(min_value=0, max_value=4))
def test_any_agreement(agreement: Agreement, radius: int) -> None:
    """Unknown references, duplicate ids and all: the same graph."""
    assert_every_party(agreement, radii=(radius,))


SMALL = agreement_yaml(id="klein", title="Klein", perspective={"start": 2025, "end": 2028}, parties=None) + (
    textwrap.dedent(
        """\
        parties:
          - {id: gemeente, name: Gemeente, kind: municipality}
          - {id: corporatie, name: Corporatie, kind: housing_corporation}
          - {id: huurders, name: Huurders, kind: tenant_organisation}
        commitments:
          - {id: c0, by: [gemeente], theme: availability, year: 2025}
          - {id: c1, by: [corporatie], for: [huurders], theme: liveability, year: 2025}
          - {id: c2, by: [corporatie], theme: availability, year: 2026}
        """
    )
)


def test_standard_themes_keep_the_whole_graphs_order() -> None:
    """The near-miss of the order: the party's own commitments name the themes in the other order."""
    agreement = prestatieafspraken.loads(SMALL)
    built = party_neighbourhood(agreement, "corporatie", 2)
    assert [node for node in built if node.startswith("theme:")] == ["theme:availability", "theme:liveability"]
    assert "party:gemeente" not in built
    assert "party:gemeente" in party_neighbourhood(agreement, "corporatie", 4)
    assert_every_party(agreement)


def test_unknown_party() -> None:
    """A party the agreement does not have is refused, as `neighbourhood` refuses it."""
    agreement = prestatieafspraken.loads(SMALL)
    with pytest.raises(UnknownNameError, match="nobody"):
        party_neighbourhood(agreement, "nobody")


def test_duplicate_commitment_id_counts_its_first_item() -> None:
    """The graph draws the first commitment of an id; a later one of the same id names another party."""
    agreement = prestatieafspraken.loads(SMALL + "  - {id: c0, by: [huurders], theme: liveability, year: 2027}\n")
    assert "commitment:c0" not in party_neighbourhood(agreement, "huurders", 1)
    assert "commitment:c0" in party_neighbourhood(agreement, "gemeente", 1)
    assert_every_party(agreement)
