"""Tests of `prestatieafspraken.graph`: the responsibility graph, its questions and its exports."""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings

import prestatieafspraken
from prestatieafspraken.cli import main
from prestatieafspraken.errors import ExportError, MissingExtraError, UnknownNameError
from prestatieafspraken.graph import (
    EDGE_KINDS,
    FORMATS,
    MANDATE_EDGE_KINDS,
    NODE_KINDS,
    OneSided,
    SinglePoint,
    ThemeLead,
    UnknownPartyError,
    central_parties,
    commitments_without_goal,
    conditional_chains,
    conditional_cycles,
    conditions_on_later_years,
    export,
    from_node_link,
    graphviz_available,
    leads_without_commitments,
    neighbourhood,
    node_key,
    one_sided_parties,
    picture_dot,
    reciprocity,
    render_graph,
    render_svg,
    responsibility_graph,
    single_points_of_failure,
    svg_picture,
    theme_leads,
    to_dot,
    to_graphml,
    to_mermaid,
    to_node_link,
)
from prestatieafspraken.model import STANDARD_THEMES, Agreement, MandateRole
from prestatieafspraken.vocabulary import Language
from strategies import agreements
from support import agreement_yaml

HEADER = agreement_yaml(id="test", title="Test", perspective={"start": 2024, "end": 2027}, parties=None)

TWO_PARTIES = """\
parties:
  - {id: gemeente, name: Gemeente, kind: municipality}
  - {id: corporatie, name: Corporatie, kind: housing_corporation}
"""


def agreement(body: str) -> Agreement:
    """Load an agreement from the YAML body below the common header."""
    return prestatieafspraken.loads(HEADER + textwrap.dedent(body))


def edges(graph: Any) -> set[tuple[str, str, str]]:
    """The graph's edges as (source, target, kind) triples."""
    return {(source, target, data["kind"]) for source, target, data in graph.edges(data=True)}


FULL = agreement(
    """\
    areas:
      - {id: noord, name: Noord, kind: district}
    parties:
      - {id: gemeente, name: Gemeente, kind: municipality, areas: [noord]}
      - {id: corporatie, name: Corporatie, kind: housing_corporation, areas: [noord, nergens]}
      - {id: huurders, name: Huurders, kind: tenant_organisation}
      - {id: alliantie, name: Alliantie, kind: corporation_alliance, represents: [corporatie, ghost]}
    groups:
      - {id: stuurgroep, kind: steering, members: [gemeente, corporatie, ghost]}
    mandates:
      - {holder: gemeente, role: signatory}
      - {holder: corporatie, role: signatory}
      - {holder: gemeente, role: monitor}
      - {holder: ghost, role: decider}
    themes:
      - {id: circular, label: Circulair bouwen, lead: corporatie}
      - {id: liveability, lead: ghost}
    goals:
      - {id: more-homes, text: Meer sociale huurwoningen}
    indicators:
      - {id: new-build, label: Nieuwbouw, unit: dwellings, aggregation: flow}
    targets:
      - {id: t-homes, indicator: new-build, value: 400, by: 2027, theme: availability, goals: [more-homes],
         area: noord}
    commitments:
      - {id: c-build, by: corporatie, for: [gemeente, huurders, ghost], theme: availability, goals: [more-homes],
         year: 2024, indicator: new-build, value: 100, target: t-homes, area: noord, text: Bouw 100 woningen}
      - {id: c-land, by: [gemeente], for: [corporatie], theme: circular, goals: [more-homes, ghost], year: 2024,
         conditional_on: [c-build, ghost], visibility: parties, text: Geheime grondprijs}
      - {id: c-odd, by: [ghost], theme: nonsense, target: ghost, indicator: ghost, area: ghost}
    """
)


class TestResponsibilityGraph:
    """The graph is derived from the model: a node per item, an edge per resolvable reference."""

    def test_node_keys_and_kinds(self) -> None:
        """Every node is keyed '<kind>:<id>' and carries its kind, label and model id."""
        graph = responsibility_graph(FULL)
        for node, data in graph.nodes(data=True):
            assert node == node_key(data["kind"], data["ref"])
            assert data["kind"] in NODE_KINDS
            assert data["label"]
        assert graph.nodes["party:gemeente"] == {"kind": "party", "label": "Gemeente", "ref": "gemeente"}
        assert graph.nodes["agreement:test"]["label"] == "Test"
        assert graph.graph == {"agreement": "test", "title": "Test"}

    def test_all_kinds_present(self) -> None:
        """The full example has a node of every kind."""
        graph = responsibility_graph(FULL)
        assert {data["kind"] for data in graph.nodes.values()} == set(NODE_KINDS)

    def test_edges(self) -> None:
        """Each resolvable reference of the example is exactly one typed edge, keyed by its kind."""
        graph = responsibility_graph(FULL)
        assert edges(graph) == {
            ("party:gemeente", "area:noord", "works_in"),
            ("party:corporatie", "area:noord", "works_in"),
            ("party:alliantie", "party:corporatie", "represents"),
            ("party:gemeente", "group:stuurgroep", "member_of"),
            ("party:corporatie", "group:stuurgroep", "member_of"),
            ("party:gemeente", "agreement:test", "signatory"),
            ("party:corporatie", "agreement:test", "signatory"),
            ("party:gemeente", "agreement:test", "monitor"),
            ("party:corporatie", "theme:circular", "leads"),
            ("target:t-homes", "goal:more-homes", "serves"),
            ("target:t-homes", "indicator:new-build", "measured_by"),
            ("target:t-homes", "theme:availability", "in_theme"),
            ("target:t-homes", "area:noord", "in_area"),
            ("party:corporatie", "commitment:c-build", "executes"),
            ("commitment:c-build", "party:gemeente", "benefits"),
            ("commitment:c-build", "party:huurders", "benefits"),
            ("commitment:c-build", "goal:more-homes", "serves"),
            ("commitment:c-build", "theme:availability", "in_theme"),
            ("commitment:c-build", "target:t-homes", "contributes_to"),
            ("commitment:c-build", "indicator:new-build", "measured_by"),
            ("commitment:c-build", "area:noord", "in_area"),
            ("party:gemeente", "commitment:c-land", "executes"),
            ("commitment:c-land", "party:corporatie", "benefits"),
            ("commitment:c-land", "goal:more-homes", "serves"),
            ("commitment:c-land", "theme:circular", "in_theme"),
            ("commitment:c-land", "commitment:c-build", "conditional_on"),
        }
        assert all(key == data["kind"] for _, _, key, data in graph.edges(keys=True, data=True))

    def test_unknown_ids_make_no_node(self) -> None:
        """References to unknown ids (reported by PA001) leave no dangling node behind."""
        graph = responsibility_graph(FULL)
        assert not [node for node in graph if "ghost" in node or "nonsense" in node or "nergens" in node]
        assert all("kind" in data for data in graph.nodes.values())

    def test_named_standard_theme_gets_a_node(self) -> None:
        """A standard theme named but not declared is a node with its standard label."""
        graph = responsibility_graph(FULL)
        assert graph.nodes["theme:availability"] == {"kind": "theme", "label": "Beschikbaarheid", "ref": "availability"}
        assert graph.nodes["theme:circular"]["label"] == "Circulair bouwen"
        assert graph.nodes["theme:liveability"]["label"] == "Leefbaarheid"

    def test_restricted_commitment_is_labelled_by_id(self) -> None:
        """A commitment that is not public shows its id, not its text; a public one shows its text."""
        graph = responsibility_graph(FULL)
        assert graph.nodes["commitment:c-land"]["label"] == "c-land"
        assert graph.nodes["commitment:c-build"]["label"] == "Bouw 100 woningen"

    def test_repeated_reference_is_one_edge(self) -> None:
        """A party named twice in `by` executes the commitment along one edge."""
        doubled = agreement(TWO_PARTIES + "commitments:\n  - {id: c, by: [gemeente, gemeente]}\n")
        assert responsibility_graph(doubled).number_of_edges("party:gemeente", "commitment:c") == 1

    def test_each_call_builds_a_new_graph(self) -> None:
        """Changing a returned graph does not change the next one."""
        first = responsibility_graph(FULL)
        first.remove_node("party:gemeente")
        assert "party:gemeente" in responsibility_graph(FULL)

    def test_mandate_kinds_are_the_roles(self) -> None:
        """There is one mandate edge kind per mandate role."""
        assert tuple(role.value for role in MandateRole) == MANDATE_EDGE_KINDS
        assert not set(MANDATE_EDGE_KINDS) & set(EDGE_KINDS)


RECIPROCAL = agreement(
    TWO_PARTIES
    + """\
  - {id: huurders, name: Huurders, kind: tenant_organisation}
indicators:
  - {id: homes, label: Woningen, unit: dwellings, aggregation: flow}
  - {id: euros, label: Euro, unit: EUR, aggregation: flow}
commitments:
  - {id: c1, by: corporatie, for: [gemeente, huurders], theme: availability, indicator: homes, value: 100}
  - {id: c2, by: corporatie, for: [gemeente], theme: availability, indicator: homes, value: 50}
  - {id: c3, by: corporatie, for: [huurders], theme: availability, indicator: euros, value: 2.5}
  - {id: c4, by: [gemeente, corporatie], for: [huurders], theme: affordability}
  - {id: c5, by: gemeente, for: [ghost]}
"""
)


class TestReciprocity:
    """Who gives what to whom, counted per theme and per indicator."""

    def test_balances(self) -> None:
        """A party's balance counts its commitments and sums their values per theme and indicator."""
        result = reciprocity(RECIPROCAL)
        corporatie = result.balance("corporatie")
        assert [(total.theme, total.commitments) for total in corporatie.gives] == [
            ("availability", 3),
            ("affordability", 1),
        ]
        assert corporatie.gives[0].quantities == {"homes": 150, "euros": 2.5}
        assert corporatie.gives[1].quantities == {}
        assert (corporatie.given, corporatie.received) == (4, 0)
        assert (result.balance("huurders").given, result.balance("huurders").received) == (0, 3)
        assert [balance.party for balance in result.balances] == ["gemeente", "corporatie", "huurders"]

    def test_joint_commitment_counts_for_each_executor(self) -> None:
        """A commitment with two executors is given in full by both."""
        gemeente = reciprocity(RECIPROCAL).balance("gemeente")
        assert [(total.theme, total.commitments) for total in gemeente.gives] == [("affordability", 1), (None, 1)]

    def test_matrix(self) -> None:
        """The matrix counts giver -> receiver pairs of known parties only."""
        result = reciprocity(RECIPROCAL)
        assert result.matrix == {
            "corporatie": {"gemeente": 2, "huurders": 3},
            "gemeente": {"huurders": 1},
        }
        assert result.between("corporatie", "huurders") == 3
        assert result.between("huurders", "corporatie") == 0

    def test_unknown_party_balance(self) -> None:
        """Asking the balance of an unknown party raises a clear error."""
        with pytest.raises(UnknownPartyError, match="unknown party 'gemeent' \\(did you mean 'gemeente'\\?\\)"):
            reciprocity(RECIPROCAL).balance("gemeent")


class TestOneSidedParties:
    """Counted parties that only give (PA203) or only receive (PA204)."""

    def test_two_parties_one_sided(self) -> None:
        """Of two parties, the one that only executes only gives, the one that only benefits only receives."""
        found = one_sided_parties(
            agreement(TWO_PARTIES + "commitments:\n  - {id: c, by: corporatie, for: [gemeente]}\n")
        )
        assert found == OneSided(only_give=("corporatie",), only_receive=("gemeente",))

    def test_reciprocal_parties_are_not_listed(self) -> None:
        """Parties that both give and receive, or do neither, are not one-sided."""
        body = TWO_PARTIES + (
            "  - {id: stil, name: Stil, kind: other}\n"
            "commitments:\n"
            "  - {id: c1, by: corporatie, for: [gemeente]}\n"
            "  - {id: c2, by: gemeente, for: [corporatie]}\n"
        )
        assert one_sided_parties(agreement(body)) == OneSided(only_give=(), only_receive=())

    @pytest.mark.parametrize(
        ("status", "counted"),
        [("founding", True), ("joined", True), ("endorser", False), ("observer", False), ("declined", False)],
    )
    def test_only_counted_parties(self, status: str, counted: bool) -> None:
        """Endorsers, observers and parties that declined need not reciprocate; founding and joined ones do."""
        joined_on = ", joined_on: 2024-01-01" if status == "joined" else ""
        body = TWO_PARTIES + (
            f"coalition:\n  - {{party: corporatie, status: {status}{joined_on}}}\n"
            "  - {party: gemeente, status: observer}\n"
            "commitments:\n  - {id: c, by: corporatie, for: [gemeente]}\n"
        )
        found = one_sided_parties(agreement(body))
        assert found.only_give == (("corporatie",) if counted else ())
        assert found.only_receive == ()

    def test_file_order(self) -> None:
        """The parties are listed in their file order."""
        body = TWO_PARTIES + "commitments:\n  - {id: c, by: [corporatie, gemeente], for: []}\n"
        assert one_sided_parties(agreement(body)).only_give == ("gemeente", "corporatie")


GOALS = agreement(
    TWO_PARTIES
    + """\
goals:
  - {id: g-direct, text: Direct}
  - {id: g-target, text: Via een streefwaarde}
  - {id: g-shared, text: Gedeeld}
  - {id: g-empty, text: Niemand}
indicators:
  - {id: homes, label: Woningen, unit: dwellings, aggregation: flow}
targets:
  - {id: t, indicator: homes, value: 10, by: 2027, goals: [g-target]}
commitments:
  - {id: c-direct, by: corporatie, goals: [g-direct]}
  - {id: c-target, by: corporatie, target: t}
  - {id: c-none, by: corporatie}
  - {id: c-ghost, by: corporatie, goals: [ghost], target: ghost}
  - {id: c-shared-1, by: corporatie, goals: [g-shared]}
  - {id: c-shared-2, by: [gemeente, corporatie], goals: [g-shared]}
"""
)


class TestCommitmentsWithoutGoal:
    """Commitments that serve no goal, directly or through their target (PA201)."""

    def test_without_goal(self) -> None:
        """Commitments without a known goal, directly or via their target, are listed in file order."""
        assert commitments_without_goal(GOALS) == ("c-none", "c-ghost")


class TestSinglePointsOfFailure:
    """Goals that rest on one party."""

    def test_single_supporting_party(self) -> None:
        """A goal served only by one party's commitments (directly or via a target) rests on that party."""
        assert single_points_of_failure(GOALS) == (
            SinglePoint(goal="g-direct", party="corporatie", commitments=("c-direct",)),
            SinglePoint(goal="g-target", party="corporatie", commitments=("c-target",)),
        )

    def test_two_executors_are_no_single_point(self) -> None:
        """A goal with a commitment another party also executes survives losing one party."""
        assert "g-shared" not in {point.goal for point in single_points_of_failure(GOALS)}

    def test_unserved_goal_is_not_listed(self) -> None:
        """A goal no commitment serves is PA202's, not a single point."""
        assert "g-empty" not in {point.goal for point in single_points_of_failure(GOALS)}


def conditions(*commitments: str) -> Agreement:
    """An agreement of two parties with the given commitment lines (YAML flow mappings)."""
    return agreement(TWO_PARTIES + "commitments:\n" + "".join(f"  - {line}\n" for line in commitments))


class TestConditionalCycles:
    """Cycles of conditional_on (PA211)."""

    def test_three_cycle_found_once(self) -> None:
        """A cycle a -> b -> c -> a is found exactly once, starting at its smallest id."""
        found = conditional_cycles(
            conditions(
                "{id: b, by: gemeente, conditional_on: [c]}",
                "{id: a, by: gemeente, conditional_on: [b]}",
                "{id: c, by: gemeente, conditional_on: [a]}",
                "{id: d, by: gemeente, conditional_on: [a]}",
            )
        )
        assert found == (("a", "b", "c"),)

    def test_self_condition_and_order(self) -> None:
        """A commitment conditional on itself is a cycle of one; cycles are sorted."""
        found = conditional_cycles(
            conditions(
                "{id: z, by: gemeente, conditional_on: [z]}",
                "{id: m, by: gemeente, conditional_on: [n]}",
                "{id: n, by: gemeente, conditional_on: [m, ghost]}",
            )
        )
        assert found == (("m", "n"), ("z",))

    def test_no_cycle(self) -> None:
        """A chain without a cycle has no cycles."""
        found = conditional_cycles(conditions("{id: a, by: gemeente, conditional_on: [b]}", "{id: b, by: gemeente}"))
        assert found == ()

    def test_limit(self) -> None:
        """Dense conditions are cut off at the limit."""
        ids = [f"c{number}" for number in range(6)]
        lines = [f"{{id: {own}, by: gemeente, conditional_on: [{', '.join(ids)}]}}" for own in ids]
        assert len(conditional_cycles(conditions(*lines), limit=10)) == 10
        assert len(conditional_cycles(conditions(*lines))) > 10


class TestConditionalChains:
    """The longest chains of conditions."""

    def test_longest_chain_per_head(self) -> None:
        """Each head gets its deepest chain; ties go to the smallest id; longest chains first."""
        found = conditional_chains(
            conditions(
                "{id: top, by: gemeente, conditional_on: [mid-b, mid-a, leaf]}",
                "{id: mid-a, by: gemeente, conditional_on: [leaf]}",
                "{id: mid-b, by: gemeente, conditional_on: [leaf]}",
                "{id: leaf, by: gemeente}",
                "{id: other, by: gemeente, conditional_on: [leaf]}",
                "{id: alone, by: gemeente}",
            )
        )
        assert found == (("top", "mid-a", "leaf"), ("other", "leaf"))

    def test_cycles_are_left_out(self) -> None:
        """Commitments on or depending on a cycle have no chain."""
        found = conditional_chains(
            conditions(
                "{id: a, by: gemeente, conditional_on: [b]}",
                "{id: b, by: gemeente, conditional_on: [a]}",
                "{id: x, by: gemeente, conditional_on: [a]}",
                "{id: y, by: gemeente, conditional_on: [z]}",
                "{id: z, by: gemeente}",
            )
        )
        assert found == (("y", "z"),)

    def test_long_chain_needs_no_recursion(self) -> None:
        """A chain of 3000 commitments is followed without exceeding the recursion limit."""
        lines = [f"{{id: c{n}, by: gemeente, conditional_on: [c{n + 1}]}}" for n in range(2999)]
        found = conditional_chains(conditions(*lines, "{id: c2999, by: gemeente}"))
        assert len(found) == 1
        assert len(found[0]) == 3000


class TestConditionsOnLaterYears:
    """Conditions on a commitment of a later year (PA211)."""

    def test_later_year(self) -> None:
        """Only a condition whose year is after the commitment's own year is listed."""
        found = conditions_on_later_years(
            conditions(
                "{id: early, by: gemeente, year: 2024, conditional_on: [late, same, earlier, no-year, ghost]}",
                "{id: late, by: gemeente, year: 2025}",
                "{id: same, by: gemeente, year: 2024}",
                "{id: earlier, by: gemeente, year: 2023}",
                "{id: no-year, by: gemeente}",
                "{id: unknown-year, by: gemeente, conditional_on: [late]}",
            )
        )
        assert found == (("early", "late"),)


LEADS = agreement(
    TWO_PARTIES
    + """\
themes:
  - {id: availability, lead: corporatie}
  - {id: affordability, lead: gemeente}
  - {id: finance}
  - {id: liveability, lead: ghost}
commitments:
  - {id: c1, by: corporatie, theme: availability}
  - {id: c2, by: gemeente, theme: availability}
  - {id: c3, by: corporatie, theme: affordability}
"""
)


class TestThemeLeads:
    """Theme leads and what they execute in their theme (PA206)."""

    def test_theme_leads(self) -> None:
        """Each declared theme with a known lead lists the commitments its lead executes in it."""
        assert theme_leads(LEADS) == (
            ThemeLead(theme="availability", lead="corporatie", commitments=("c1",)),
            ThemeLead(theme="affordability", lead="gemeente", commitments=()),
        )

    def test_lead_without_commitments(self) -> None:
        """A lead that executes nothing in its theme is listed, even when others do."""
        assert leads_without_commitments(LEADS) == (ThemeLead(theme="affordability", lead="gemeente", commitments=()),)


class TestCentralParties:
    """Degree centrality on the party-commitment-party projection."""

    def test_ranking(self) -> None:
        """The party linked to most others comes first; ties keep file order; top cuts the list."""
        found = central_parties(RECIPROCAL)
        assert found == (("gemeente", 1.0), ("corporatie", 1.0), ("huurders", 1.0))
        body = TWO_PARTIES + (
            "  - {id: a, name: A, kind: other}\n  - {id: b, name: B, kind: other}\n"
            "commitments:\n  - {id: c1, by: a, for: [gemeente, b]}\n  - {id: c2, by: b, for: [corporatie]}\n"
        )
        assert central_parties(agreement(body), top=3) == (("b", 1.0), ("gemeente", 2 / 3), ("a", 2 / 3))
        assert central_parties(agreement(body), top=0) == ()

    def test_negative_top(self) -> None:
        """A negative top is refused."""
        with pytest.raises(ValueError, match="top must be 0 or more, got -1"):
            central_parties(RECIPROCAL, top=-1)


class TestNeighbourhood:
    """The subgraph around one party."""

    def test_radius_one(self) -> None:
        """Radius 1 holds the party and everything one edge away, in either direction."""
        around = neighbourhood(responsibility_graph(FULL), "huurders")
        assert list(around.nodes) == ["party:huurders", "commitment:c-build"]
        assert edges(around) == {("commitment:c-build", "party:huurders", "benefits")}

    def test_radius_two(self) -> None:
        """Radius 2 reaches the executors of its commitments and their conditions, not their represented parties."""
        around = neighbourhood(responsibility_graph(FULL), "huurders", radius=2)
        assert "party:corporatie" in around
        assert "commitment:c-land" in around
        assert "party:alliantie" not in around

    def test_unknown_party(self) -> None:
        """An unknown party id raises a ValueError that names the known ids."""
        with pytest.raises(UnknownPartyError, match=r"unknown party 'nobody'; use one of .*gemeente, corporatie"):
            neighbourhood(responsibility_graph(FULL), "nobody")


class TestExports:
    """Mermaid, DOT, GraphML and node-link JSON."""

    QUOTED = agreement(
        """\
        parties:
          - {id: a, name: 'De "Beste" <Partij> #1', kind: other}
        commitments:
          - {id: end, by: a, text: "regel\\\\een \\"twee\\""}
        """
    )

    def test_mermaid(self) -> None:
        """Mermaid ids are sanitised, labels quoted with entity codes, edges labelled by kind."""
        text = to_mermaid(responsibility_graph(self.QUOTED))
        assert text.splitlines() == [
            "flowchart LR",
            '    agreement_test[["Test"]]',
            '    party_a["De #quot;Beste#quot; #lt;Partij#gt; #35;1"]',
            '    commitment_end("regel\\een #quot;twee#quot;")',
            '    party_a -->|"executes"| commitment_end',
        ]

    def test_mermaid_ids_are_unique(self) -> None:
        """Keys that sanitise to the same id get a numbered suffix; ids start with a letter."""
        graph = nx.MultiDiGraph()
        graph.add_edge("a:b", "a-b", key="x", kind="x")
        graph.add_node("1")
        assert to_mermaid(graph).splitlines() == [
            "flowchart LR",
            '    a_b["a:b"]',
            '    a_b_2["a-b"]',
            '    n_1["1"]',
            '    a_b -->|"x"| a_b_2',
        ]

    def test_dot(self) -> None:
        """DOT quotes every id and value and escapes quotes and backslashes."""
        text = to_dot(responsibility_graph(self.QUOTED))
        assert text.startswith('digraph "test" {\n    rankdir=LR;\n')
        assert '"party:a" ["label"="De \\"Beste\\" <Partij> #1", "kind"="party", "ref"="a", "shape"="box"];' in text
        assert '"commitment:end" ["label"="regel\\\\een \\"twee\\""' in text
        assert '"party:a" -> "commitment:end" ["label"="executes", "kind"="executes"];' in text
        assert text.endswith("}\n")

    def test_graphml_reads_back(self) -> None:
        """The GraphML text parses back into the same nodes and edges."""
        graph = responsibility_graph(FULL)
        back = nx.parse_graphml(to_graphml(graph), force_multigraph=True)
        assert dict(back.nodes(data=True)) == dict(graph.nodes(data=True))
        assert edges(back) == edges(graph)

    def test_node_link_round_trip(self) -> None:
        """Node-link data survives JSON and loads back into an equal graph."""
        graph = responsibility_graph(FULL)
        back = from_node_link(json.loads(json.dumps(to_node_link(graph))))
        assert isinstance(back, nx.MultiDiGraph)
        assert list(back.nodes(data=True)) == list(graph.nodes(data=True))
        assert list(back.edges(keys=True, data=True)) == list(graph.edges(keys=True, data=True))
        assert back.graph == graph.graph

    @pytest.mark.parametrize("name", FORMATS)
    def test_export_dispatch(self, name: str) -> None:
        """`export` writes each format as its writer does."""
        graph = responsibility_graph(FULL)
        written = {
            "mermaid": to_mermaid(graph),
            "dot": to_dot(graph),
            "graphml": to_graphml(graph),
            "json": json.dumps(to_node_link(graph), ensure_ascii=False, indent=2) + "\n",
        }
        assert export(graph, name) == written[name]

    def test_unknown_format(self) -> None:
        """An unknown format is refused with the known ones in the message."""
        with pytest.raises(ValueError, match="unknown graph format 'svg'; use one of: mermaid, dot, graphml, json"):
            export(responsibility_graph(FULL), "svg")


class TestRenderGraph:
    """The CLI's entry point."""

    def test_whole_graph(self) -> None:
        """Without a party the whole graph is written."""
        assert render_graph(FULL, format="json") == export(responsibility_graph(FULL), "json")

    def test_party(self) -> None:
        """With a party only its neighbourhood is written."""
        text = render_graph(FULL, format="mermaid", party="huurders")
        assert text.splitlines() == [
            "flowchart LR",
            '    party_huurders["Huurders"]',
            '    commitment_c_build("Bouw 100 woningen")',
            '    commitment_c_build -->|"benefits"| party_huurders',
        ]

    def test_unknown_party(self) -> None:
        """An unknown party is a ValueError and a PrestatieafsprakenError with a hint."""
        with pytest.raises(prestatieafspraken.PrestatieafsprakenError, match="did you mean 'huurders'"):
            render_graph(FULL, format="dot", party="huurder")
        with pytest.raises(ValueError, match="unknown graph format"):
            render_graph(FULL, format="png", party="huurder")


def svg_texts(svg: str) -> list[str]:
    """The texts an SVG draws, in order (it must be well-formed XML to get them)."""
    root = ET.fromstring(svg)  # noqa: S314 - the library's own output
    return [found.text or "" for found in root.iter(f"{SVG}text")]


SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>x</script> & &lt;"  # short enough for one line of a node


def fake_dot(folder: Path, script: str) -> None:
    """Put a program named ``dot`` that runs *script* (sh) first on the PATH's only folder."""
    program = folder / "dot"
    program.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    program.chmod(0o755)


class TestSvgPicture:
    """The graph as a picture: SVG drawn by Graphviz's dot, labelled in Dutch or English, safe to embed."""

    def test_a_well_formed_svg_with_the_parties(self) -> None:
        """The SVG parses as XML and names every party that takes part."""
        texts = svg_texts(render_svg(FULL))
        assert {"Gemeente", "Corporatie", "Huurders", "Alliantie"} <= set(texts)

    @pytest.mark.parametrize(
        ("lang", "words", "other_words"),
        [
            ("nl", {"partij", "afspraak", "voert uit", "voor", "ondertekenaar", "thema"}, {"party", "executes"}),
            ("en", {"party", "commitment", "executes", "for", "signatory", "theme"}, {"partij", "voert uit"}),
        ],
    )
    def test_labels_in_the_language(self, lang: Language, words: set[str], other_words: set[str]) -> None:
        """Node kinds and edge kinds are written in the language asked for, and only in it."""
        texts = set(svg_texts(render_svg(FULL, lang=lang)))
        assert words <= texts
        assert not other_words & texts

    def test_a_hostile_name_is_drawn_as_written(self) -> None:
        """A party named with markup and entities is drawn literally: no element, no entity decoded."""
        hostile = agreement(f"parties:\n  - {{id: kwaad, name: {json.dumps(HOSTILE)}, kind: municipality}}\n")
        svg = svg_picture(hostile)
        assert svg is not None
        assert HOSTILE in svg_texts(svg)
        assert "<script" not in svg
        tags = {found.tag for found in ET.fromstring(svg).iter()}  # noqa: S314 - the library's own output
        assert f"{SVG}script" not in tags

    def test_embeddable_element(self) -> None:
        """The picture for embedding is the svg element alone: no declaration, DOCTYPE, comment or link."""
        svg = svg_picture(FULL, lang="en")
        assert svg is not None
        assert svg.startswith("<svg ")
        assert not [marker for marker in ("<?xml", "<!DOCTYPE", "<!--", "href=", "<image", "<a ") if marker in svg]
        assert render_svg(FULL).startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')

    def test_node_limit(self) -> None:
        """Above the node limit the picture is refused, advising one party's neighbourhood; that one is drawn."""
        with pytest.raises(ExportError, match=r"at least 1[0-9] nodes, more than the 5 .*--party ID"):
            render_svg(FULL, node_limit=5)
        assert svg_picture(FULL, node_limit=5) is None
        assert "Huurders" in svg_texts(render_svg(FULL, party="huurders", node_limit=5))
        with pytest.raises(ExportError, match=r"the graph has 6 nodes, more than the 5 .*around 'gemeente'"):
            render_svg(FULL, party="gemeente", node_limit=5)

    def test_unknown_party(self) -> None:
        """An unknown party is named with a hint, before anything is drawn."""
        with pytest.raises(UnknownNameError, match="did you mean 'huurders'"):
            svg_picture(FULL, party="huurder")

    def test_missing_dot(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        """Without Graphviz on the PATH the error says how to install it."""
        monkeypatch.setenv("PATH", str(tmp_path))
        assert not graphviz_available()
        with pytest.raises(MissingExtraError, match="apt-get install graphviz"):
            render_svg(FULL)
        with pytest.raises(MissingExtraError, match="not on the PATH"):
            svg_picture(FULL)

    @pytest.mark.parametrize(
        ("script", "message"),
        [
            ("echo 'Error: syntax error in line 1' >&2; exit 1", "could not draw the graph: Error: syntax error"),
            ("exit 3", "could not draw the graph: exit 3"),
            ("sleep 5", "longer than 0.2 s"),
            ("cat >/dev/null; echo '<svg><g>'", "does not parse"),
            (
                "cat >/dev/null; echo '<svg xmlns=\"http://www.w3.org/2000/svg\"><script>x</script></svg>'",
                "a <script> element",
            ),
            ("cat >/dev/null; echo '<svg><image href=\"https://example.org/x.png\"/></svg>'", "or a link"),
        ],
    )
    def test_what_dot_does_wrong_is_an_error(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, script: str, message: str
    ) -> None:
        """A failing, slow or misbehaving dot gives a clear error, never a traceback or an unsafe picture."""
        fake_dot(tmp_path, script)
        monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
        with pytest.raises(ExportError, match=re.escape(message)):
            render_svg(FULL, timeout=0.2)

    def test_dot_text_keeps_model_text_out_of_ids(self) -> None:
        """Nodes are n0, n1, ... and labels are escaped for DOT and for Graphviz's entities."""
        name = json.dumps(HOSTILE + " \\N")  # Graphviz would draw \N as the node's id
        hostile = agreement(f"parties:\n  - {{id: kwaad, name: {name}, kind: municipality}}\n")
        text = picture_dot(hostile, responsibility_graph(hostile), lang="en")
        assert '    n1 ["label"="party\\n<script>x</script> &amp; &amp;lt; \\\\N", "shape"="box"' in text

    @pytest.mark.parametrize(("lang", "word"), [("nl", "partij"), ("en", "party")])
    def test_command_line(self, capsys: pytest.CaptureFixture[str], lang: str, word: str) -> None:
        """``graph --format svg --lang`` prints the picture; too large a graph exits 2 with the advice."""
        example = ["graph", "--example", "lindeveen-2025-2028", "--format", "svg"]
        assert main([*example, "--lang", lang]) == 0
        assert word in svg_texts(capsys.readouterr().out)
        assert main([*example, "--node-limit", "3"]) == 2
        assert "--party ID" in capsys.readouterr().err


class TestImports:
    """The package stays cheap to import."""

    def test_importing_the_graph_does_not_import_networkx(self) -> None:
        """Importing the library and its graph package (the rules' questions) leaves networkx unloaded."""
        code = "import sys, prestatieafspraken, prestatieafspraken.graph\nprint('networkx' in sys.modules)\n"
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert result.stdout.split() == ["False"]


class TestDocs:
    """The docs page shows what the code does."""

    def test_mermaid_diagram_is_current(self) -> None:
        """The Mermaid diagram on docs/graph.md is what `to_mermaid` writes for the page's example."""
        page = (Path(__file__).parent.parent / "docs" / "graph.md").read_text(encoding="utf-8")
        namespace: dict[str, Any] = {}
        exec(page.split("```python\n")[1].split("```")[0], namespace)  # noqa: S102 - the page's own example
        diagram = page.split("```mermaid\n")[1].split("```")[0]
        assert diagram == to_mermaid(namespace["graph"])


# ---------------------------------------------------------------------------------------------------------------
# Properties over generated agreements
# ---------------------------------------------------------------------------------------------------------------

# Some references name nothing, so that skipping unknown ids is exercised too.
ANY_AGREEMENT = agreements(valid_references=False, max_items=5)


def model_references(item: Agreement) -> list[tuple[str, str, str, str | None, bool]]:
    """Every reference of the model as (source node, kind, target kind, target id, points back to the source)."""
    found: list[tuple[str, str, str, str | None, bool]] = []
    for party in item.parties:
        found += [(f"party:{party.id}", "works_in", "area", area, False) for area in party.areas]
        found += [(f"party:{party.id}", "represents", "party", other, False) for other in party.represents]
    for group in item.groups:
        found += [(f"group:{group.id}", "member_of", "party", member, True) for member in group.members]
    found += [(f"agreement:{item.id}", m.role.value, "party", m.holder, True) for m in item.mandates]
    found += [(f"theme:{theme.id}", "leads", "party", theme.lead, True) for theme in item.themes]
    for target in item.targets:
        source = f"target:{target.id}"
        found += [(source, "serves", "goal", goal, False) for goal in target.goals]
        found += [
            (source, "measured_by", "indicator", target.indicator, False),
            (source, "in_theme", "theme", target.theme, False),
            (source, "in_area", "area", target.area, False),
        ]
    for commitment in item.commitments:
        source = f"commitment:{commitment.id}"
        found += [(source, "executes", "party", party, True) for party in commitment.by]
        found += [(source, "benefits", "party", party, False) for party in commitment.beneficiaries]
        found += [(source, "serves", "goal", goal, False) for goal in commitment.goals]
        found += [(source, "conditional_on", "commitment", other, False) for other in commitment.conditional_on]
        found += [
            (source, "in_theme", "theme", commitment.theme, False),
            (source, "contributes_to", "target", commitment.target, False),
            (source, "measured_by", "indicator", commitment.indicator, False),
            (source, "in_area", "area", commitment.area, False),
        ]
    return found


def expected_edges(item: Agreement) -> set[tuple[str, str, str]]:
    """The resolvable references of the model as (source, target, kind), written independently of graph.py."""
    index = item.index
    known = {
        "party": set(index.parties),
        "area": set(index.areas),
        "goal": set(index.goals),
        "indicator": set(index.indicators),
        "target": set(index.targets),
        "commitment": set(index.commitments),
        "theme": set(index.themes) | set(STANDARD_THEMES),
    }
    found: set[tuple[str, str, str]] = set()
    for source, kind, target_kind, target, backwards in model_references(item):
        if target is not None and target in known[target_kind]:
            other = f"{target_kind}:{target}"
            found.add((other, source, kind) if backwards else (source, other, kind))
    return found


def same_kind(first: dict[str, Any], second: dict[str, Any]) -> bool:
    """Node or edge match on kind, for networkx.is_isomorphic."""
    return bool(first.get("kind") == second.get("kind"))


class TestGraphProperties:
    """Laws that hold for every agreement."""

    @settings(max_examples=40, deadline=None)
    @given(ANY_AGREEMENT)
    def test_graph_is_the_model(self, item: Agreement) -> None:
        """Every item is a node of its kind and every resolvable reference an edge of its kind; nothing else is."""
        graph = responsibility_graph(item)
        expected = {f"agreement:{item.id}"}
        for kind, items in (
            ("party", item.parties),
            ("commitment", item.commitments),
            ("goal", item.goals),
            ("theme", item.themes),
            ("area", item.areas),
            ("group", item.groups),
            ("indicator", item.indicators),
            ("target", item.targets),
        ):
            expected.update(f"{kind}:{element.id}" for element in items)
        named = {t.theme for t in item.targets if t.theme in STANDARD_THEMES}
        named |= {c.theme for c in item.commitments if c.theme in STANDARD_THEMES}
        expected.update(f"theme:{theme}" for theme in named)
        assert set(graph.nodes) == expected
        assert all(node == node_key(data["kind"], data["ref"]) for node, data in graph.nodes(data=True))
        assert edges(graph) == expected_edges(item)
        assert graph.number_of_edges() == len(expected_edges(item))

    @settings(max_examples=40, deadline=None)
    @given(ANY_AGREEMENT)
    def test_exports_read_back(self, item: Agreement) -> None:
        """Node-link JSON loads back into an isomorphic graph; GraphML parses; DOT and Mermaid have every item."""
        graph = responsibility_graph(item)
        back = from_node_link(json.loads(export(graph, "json")))
        assert nx.is_isomorphic(graph, back, node_match=same_kind, edge_match=same_kind_multi)
        assert dict(back.nodes(data=True)) == dict(graph.nodes(data=True))
        parsed = nx.parse_graphml(to_graphml(graph), force_multigraph=True)
        assert nx.is_isomorphic(graph, parsed, node_match=same_kind, edge_match=same_kind_multi)
        size = graph.number_of_nodes() + graph.number_of_edges()
        assert to_mermaid(graph).count("\n") == 1 + size  # labels never break a line
        assert to_dot(graph).count("\n") == 3 + size

    @settings(max_examples=40, deadline=None)
    @given(ANY_AGREEMENT)
    def test_questions_follow_the_graph(self, item: Agreement) -> None:
        """The index-based answers agree with the graph; cycles and chains step along conditional_on."""
        graph = responsibility_graph(item)

        def kinds(edge_list: Any) -> set[str]:
            return {data["kind"] for *_, data in edge_list}

        one_sided = one_sided_parties(item)
        for party in one_sided.only_give:
            node = f"party:{party}"
            assert "executes" in kinds(graph.out_edges(node, data=True))
            assert "benefits" not in kinds(graph.in_edges(node, data=True))
            assert item.index.is_counted(party)
        for party in one_sided.only_receive:
            node = f"party:{party}"
            assert "benefits" in kinds(graph.in_edges(node, data=True))
            assert "executes" not in kinds(graph.out_edges(node, data=True))
            assert item.index.is_counted(party)
        for commitment in commitments_without_goal(item):
            node = f"commitment:{commitment}"
            targets = [t for _, t, k in graph.out_edges(node, keys=True) if k == "contributes_to"]
            assert "serves" not in kinds(graph.out_edges([node, *targets], data=True))

        commitments = item.index.commitments
        cycles = conditional_cycles(item)
        assert list(cycles) == sorted(set(cycles))
        for cycle in cycles:
            assert cycle[0] == min(cycle)
            for position, own in enumerate(cycle):
                assert cycle[(position + 1) % len(cycle)] in commitments[own].conditional_on
        on_cycles = {member for cycle in cycles for member in cycle}
        for chain in conditional_chains(item):
            assert len(chain) >= 2
            assert not set(chain) & on_cycles
            for own, condition in itertools.pairwise(chain):
                assert condition in commitments[own].conditional_on
            assert not [c for c in commitments[chain[-1]].conditional_on if c in commitments]
        conditions = nx.DiGraph([(c, d) for c, d, k in graph.edges(keys=True) if k == "conditional_on"])
        assert len(cycles) == min(1000, len(list(nx.simple_cycles(conditions))))


def same_kind_multi(first: dict[Any, dict[str, Any]], second: dict[Any, dict[str, Any]]) -> bool:
    """Edge match for multigraphs: the same kinds between the same pair of nodes."""
    return sorted(data["kind"] for data in first.values()) == sorted(data["kind"] for data in second.values())
