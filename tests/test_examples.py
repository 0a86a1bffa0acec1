"""The shipped examples: the seven agreements of the handbook and the fictional Lindeveen agreement.

The figures and parties asserted here are the handbook's own (Tips & Tricks meerpartijen prestatieafspraken,
handreiking 2022, "Voorbeelden meerpartijen afspraken"), so a change to an example that drifts from the handbook
fails here.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

import prestatieafspraken
from prestatieafspraken import examples
from prestatieafspraken.cli import main
from prestatieafspraken.model import (
    Agreement,
    BasisKind,
    Bid,
    CoalitionStatus,
    Commitment,
    CommitmentKind,
    GoalKind,
    GroupKind,
    MandateRole,
    MilestoneKind,
    MilestoneStatus,
    PartyKind,
    Scope,
    Target,
    TenantInvolvement,
)
from prestatieafspraken.report import render_findings
from prestatieafspraken.serialization import Format
from support import EXAMPLES_AS_OF as AS_OF

#: The seven agreements the handbook describes, by example name.
HANDBOOK = (
    "amsterdam-2020-2023",
    "arnhem-nijmegen-woondeal",
    "eindhoven-2021-2025",
    "enschede-wonen-doen-we-samen",
    "gooi-en-vechtstreek-woonakkoord",
    "haaglanden-2021-2030",
    "parkstad-limburg-2019-2024",
)
SHIPPED = tuple(sorted((*HANDBOOK, "lindeveen-2025-2028")))
FORMATS: tuple[Format, ...] = ("yaml", "json")


def listed_names(capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The names that `prestatieafspraken examples` prints, in order."""
    assert main(["examples"]) == 0
    return [line.split("\t", 1)[0] for line in capsys.readouterr().out.splitlines() if line]


def party_names(agreement: Agreement) -> set[str]:
    """The names of an agreement's parties."""
    return {party.name for party in agreement.parties}


def target_of(agreement: Agreement, value: float) -> Target:
    """The one target of an agreement with this value."""
    found = [target for target in agreement.targets if target.value == value]
    assert len(found) == 1, f"expected one target with value {value}, found {found}"
    return found[0]


def holders(agreement: Agreement, role: MandateRole) -> set[str]:
    """The party ids holding a role."""
    return {mandate.holder for mandate in agreement.mandates if mandate.role is role}


def commitment_of(agreement: Agreement, commitment_id: str) -> Commitment:
    """The commitment of an agreement with this id."""
    (found,) = (commitment for commitment in agreement.commitments if commitment.id == commitment_id)
    return found


def long_term_paths(agreement: Agreement) -> set[str]:
    """The places of the ``by`` of each target that reaches beyond the perspective: a long-term ambition."""
    end = agreement.perspective.end
    return {f"$.targets[{i}].by" for i, target in enumerate(agreement.targets) if target.by > end}


class TestListing:
    """`prestatieafspraken examples` and `examples.names()`."""

    @pytest.mark.parametrize("name", SHIPPED)
    def test_each_example_is_listed(self, capsys: pytest.CaptureFixture[str], name: str) -> None:
        """Every shipped example appears in the listing, with its title."""
        assert main(["examples"]) == 0
        lines = capsys.readouterr().out.splitlines()
        title = examples.load(name).title
        assert f"{name}\t{title}" in lines

    def test_listing_is_exactly_the_shipped_names(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The listing holds the seven handbook agreements and Lindeveen, sorted, and nothing else."""
        assert listed_names(capsys) == list(SHIPPED)
        assert examples.names() == SHIPPED


@pytest.mark.parametrize("name", SHIPPED)
class TestEachExample:
    """Every shipped example loads, round-trips and checks without an unreadable input."""

    def test_loads_with_its_own_id(self, name: str) -> None:
        """An example's id is its name."""
        assert examples.load(name).id == name

    @pytest.mark.parametrize("format_", FORMATS)
    def test_round_trips(self, name: str, format_: Format) -> None:
        """Dumping an example and loading it again gives the same agreement, in YAML and JSON."""
        agreement = examples.load(name)
        text = prestatieafspraken.dumps(agreement, format=format_)
        assert prestatieafspraken.loads(text, format=format_) == agreement

    def test_check_exits_0_or_1(self, name: str, capsys: pytest.CaptureFixture[str]) -> None:
        """`check --example NAME` reads the example (never exit 2), and exits 1 exactly when it reports an error."""
        status = main(["check", "--example", name, f"--as-of={AS_OF.isoformat()}", "--format=json"])
        captured = capsys.readouterr()
        assert status in {0, 1}
        assert not captured.err
        summary = json.loads(captured.out)["summary"]
        assert status == (1 if summary["error"] else 0)

    def test_no_integrity_findings(self, name: str) -> None:
        """The encoding is sound: no unknown reference, duplicate, year outside the perspective or odd value.

        A target whose ``by`` lies beyond the perspective is a long-term ambition ("tot 2040"), which PA003 reports
        at that ``by`` as such; it is the one PA0 finding an example may give.
        """
        agreement = examples.load(name)
        report = prestatieafspraken.check(agreement, as_of=AS_OF)
        ambitions = long_term_paths(agreement)
        unsound = {
            finding.code
            for finding in report.findings
            if finding.code.startswith("PA0") and not (finding.code == "PA003" and finding.path in ambitions)
        }
        assert not unsound, render_findings(report, lang="en")


@pytest.mark.parametrize("name", HANDBOOK)
def test_handbook_example_names_its_source(name: str) -> None:
    """A handbook example opens with a comment block that gives the source link."""
    text = examples.text(name)
    assert text.startswith("# ")
    assert "\n# Source: https://" in text.split("schema_version:", 1)[0]


class TestParkstad:
    """Regionale prestatieafspraken Parkstad Limburg 2019-2024."""

    AGREEMENT = "parkstad-limburg-2019-2024"
    MUNICIPALITIES = frozenset(
        {"Beekdaelen", "Brunssum", "Heerlen", "Kerkrade", "Landgraaf", "Simpelveld", "Voerendaal"}
    )
    CORPORATIONS = frozenset(
        {
            "HEEMwonen",
            "Vincio Wonen",
            "Weller",
            "Wonen Limburg",
            "Wonen-Zuid",
            "Woonpunt",
            "Woningstichting Simpelveld",
            "Woningstichting Voerendaal",
            "ZOwonen",
        }
    )
    TENANT_ORGANISATIONS = frozenset({"SHLZ", "HWZ", "Bewonersraad ZOwonen", "Coriovallem"})

    def test_perspective_and_scope(self) -> None:
        """A regional agreement for 2019 through 2024."""
        agreement = examples.load(self.AGREEMENT)
        assert agreement.scope is Scope.REGIONAL
        assert (agreement.perspective.start, agreement.perspective.end) == (2019, 2024)

    @pytest.mark.parametrize(
        ("alliance", "kind", "members"),
        [
            ("ROH Parkstad", PartyKind.TENANT_ORGANISATION, TENANT_ORGANISATIONS),
            ("Stadsregio Parkstad Limburg", PartyKind.MUNICIPALITY, frozenset(f"Gemeente {m}" for m in MUNICIPALITIES)),
            ("ROW Parkstad", PartyKind.HOUSING_CORPORATION, CORPORATIONS),
        ],
    )
    def test_alliances_represent_the_named_members(
        self, alliance: str, kind: PartyKind, members: frozenset[str]
    ) -> None:
        """Each of the three parties speaks for exactly the members the handbook names, of the right kind."""
        agreement = examples.load(self.AGREEMENT)
        by_id = {party.id: party for party in agreement.parties}
        (speaker,) = (party for party in agreement.parties if party.name == alliance)
        represented = [by_id[member] for member in speaker.represents]
        assert {party.name for party in represented} == members
        assert {party.kind for party in represented} == {kind}

    def test_all_sign_and_tenants_are_signatories(self) -> None:
        """The three parties sign and the tenant alliance is one of them."""
        agreement = examples.load(self.AGREEMENT)
        assert holders(agreement, MandateRole.SIGNATORY) == {
            "roh-parkstad",
            "stadsregio-parkstad-limburg",
            "row-parkstad",
        }
        assert agreement.tenant_involvement is TenantInvolvement.SIGNATORY

    def test_regio_deal_basis(self) -> None:
        """The Regio Deal (with the state's 40 million euro) and the regional woonvisie 2017-2021 are the basis."""
        titles = [document.title for document in examples.load(self.AGREEMENT).basis]
        assert any("Regio Deal Parkstad Limburg" in title and "40 miljoen" in title for title in titles)
        assert any("Woonvisie 2017-2021" in title for title in titles)

    def test_signed_on_17_january_2020_on_behalf_of_the_others(self) -> None:
        """The Stadsregio, ROW and ROH Parkstad signed on 17 January 2020; the parties they represent did not sign."""
        agreement = examples.load(self.AGREEMENT)
        assert agreement.process is not None
        signings = [item for item in agreement.process.milestones if item.kind is MilestoneKind.SIGNING]
        assert {item.party for item in signings} == {"stadsregio-parkstad-limburg", "row-parkstad", "roh-parkstad"}
        assert {(item.date.isoformat(), item.status) for item in signings} == {("2020-01-17", MilestoneStatus.DONE)}
        represented = {member for party in agreement.parties for member in party.represents}
        assert len(represented) == 20
        assert not represented & holders(agreement, MandateRole.SIGNATORY)

    def test_liveability_goal(self) -> None:
        """Na de mijnensluitingen en bevolkingskrimp staat de leefbaarheid in de regio onder druk."""
        kinds = {goal.kind for goal in examples.load(self.AGREEMENT).goals}
        assert GoalKind.LIVEABILITY in kinds

    def test_regional_principles_are_worked_out_locally(self) -> None:
        """The regional principles are worked out locally, by the municipalities, corporations and tenants."""
        agreement = examples.load(self.AGREEMENT)
        commitment = commitment_of(agreement, "regionale-uitgangspunten-lokaal")
        represented = {member for party in agreement.parties for member in party.represents}
        assert set(commitment.by) == represented
        assert commitment.kind is CommitmentKind.EFFORT


class TestAmsterdam:
    """Samenwerkingsafspraken Amsterdam 2020-2023."""

    AGREEMENT = "amsterdam-2020-2023"

    def test_parties(self) -> None:
        """The gemeente, the Federatie Amsterdamse Huurderskoepels and the AFWC; a local agreement for four years."""
        agreement = examples.load(self.AGREEMENT)
        assert party_names(agreement) == {
            "Gemeente Amsterdam",
            "Federatie Amsterdamse Huurderskoepels",
            "Amsterdamse federatie van woningcorporaties (AFWC)",
        }
        assert agreement.scope is Scope.LOCAL
        assert len(agreement.perspective) == 4

    @pytest.mark.parametrize(("value", "indicator"), [(3000, "social-rent-stock"), (700, "mid-rent-stock")])
    def test_stock_growth(self, value: int, indicator: str) -> None:
        """Growth of the social (3,000) and mid-rent (700) stock is a net change of a stock over 2020-2023."""
        agreement = examples.load(self.AGREEMENT)
        target = target_of(agreement, value)
        assert target.indicator == indicator
        assert agreement.index.indicators[indicator].aggregation.value == "stock"
        assert (target.from_year, target.by) == (2020, 2023)

    def test_co2_reduction_from_2023(self) -> None:
        """CO2 reduction of social rented homes of 3% a year or more from 2023."""
        target = target_of(examples.load(self.AGREEMENT), 0.03)
        assert (target.from_year, target.by) == (2023, 2023)

    def test_afwc_coordinates_and_monitors(self) -> None:
        """The AFWC has the coordinating role and monitors progress."""
        agreement = examples.load(self.AGREEMENT)
        assert holders(agreement, MandateRole.COORDINATOR) == {"afwc"}
        assert holders(agreement, MandateRole.MONITOR) == {"afwc"}

    def test_eight_themes(self) -> None:
        """The agreements cover the eight themes the handbook lists."""
        assert len(examples.load(self.AGREEMENT).themes) == 8

    def test_commitments_without_a_figure_are_efforts(self) -> None:
        """A commitment without a value is an effort commitment (inspanningsverplichting)."""
        commitments = examples.load(self.AGREEMENT).commitments
        assert commitments
        assert all(item.kind is CommitmentKind.EFFORT for item in commitments if item.value is None)

    @pytest.mark.parametrize(
        ("commitment_id", "executors", "goal_or_target"),
        [
            ("terughoudend-verkoopbeleid", ("afwc",), "evenwicht-sociaal-per-wijk"),
            ("gezamenlijke-co2-monitor", ("gemeente-amsterdam", "afwc", "fah"), "co2-reduction-from-2023"),
        ],
    )
    def test_sales_policy_and_co2_monitor(
        self, commitment_id: str, executors: tuple[str, ...], goal_or_target: str
    ) -> None:
        """The restrained sales policy (AFWC) and the joint CO2 monitor (all three) are efforts with their aim."""
        commitment = commitment_of(examples.load(self.AGREEMENT), commitment_id)
        assert commitment.by == executors
        assert commitment.kind is CommitmentKind.EFFORT
        assert goal_or_target in (*commitment.goals, commitment.target)

    def test_signed_on_13_december_2019(self) -> None:
        """The FAH, the AFWC and the gemeente signed on 13 December 2019, after the bid of 1 July 2019."""
        agreement = examples.load(self.AGREEMENT)
        assert agreement.process is not None
        dates = {item.kind: item.date.isoformat() for item in agreement.process.milestones}
        assert dates[MilestoneKind.BID] == "2019-07-01"
        assert dates[MilestoneKind.SIGNING] == "2019-12-13"
        assert holders(agreement, MandateRole.SIGNATORY) == {party.id for party in agreement.parties}


class TestHaaglanden:
    """Tussenakkoord Haaglanden 2021-2030."""

    AGREEMENT = "haaglanden-2021-2030"

    @pytest.mark.parametrize("value", [79430, 11550])
    def test_net_growth_over_2021_2030(self, value: int) -> None:
        """Net 79,430 homes and +11,550 in the target-group stock, from 2021 by 2030."""
        target = target_of(examples.load(self.AGREEMENT), value)
        assert (target.from_year, target.by) == (2021, 2030)

    def test_target_group_stock_is_defined(self) -> None:
        """The target-group stock counts a defined term: DAEB sociale huur + particuliere huur + koop t/m 190.000."""
        agreement = examples.load(self.AGREEMENT)
        indicator = agreement.index.indicators[target_of(agreement, 11550).indicator]
        (definition,) = (item for item in agreement.definitions if item.term == indicator.term)
        assert definition.text == "DAEB sociale huur + particuliere huur + koop t/m € 190.000,-"

    def test_four_signing_parties(self) -> None:
        """Municipalities, SVH, SHH and the provincie Zuid-Holland all sign; tenants are signatories."""
        agreement = examples.load(self.AGREEMENT)
        assert len(agreement.parties) == 4
        assert holders(agreement, MandateRole.SIGNATORY) == {party.id for party in agreement.parties}
        assert "Provincie Zuid-Holland" in party_names(agreement)
        assert agreement.tenant_involvement is TenantInvolvement.SIGNATORY


class TestArnhemNijmegen:
    """Woondeal regio Arnhem-Nijmegen."""

    AGREEMENT = "arnhem-nijmegen-woondeal"

    def test_20000_homes_through_2025(self) -> None:
        """Nieuwbouw van 20.000 woningen t/m 2025."""
        target = target_of(examples.load(self.AGREEMENT), 20000)
        assert target.by == 2025

    def test_half_of_new_build_affordable(self) -> None:
        """50% of new build in the affordable segment is a minimum share of new build."""
        (framework,) = examples.load(self.AGREEMENT).frameworks
        assert framework.min == 0.5
        assert framework.denominator == "new-build"

    @pytest.mark.parametrize(("value", "year"), [(0.25, None), (0.5, 2030)])
    def test_circular_building_efforts(self, value: float, year: int | None) -> None:
        """At least 25% circular building, rising to 50% from 2030, as effort commitments."""
        agreement = examples.load(self.AGREEMENT)
        (commitment,) = (item for item in agreement.commitments if item.value == value)
        assert commitment.kind is CommitmentKind.EFFORT
        assert commitment.year == year
        assert commitment.year is None or commitment.year in agreement.perspective

    def test_levy_reduction_ends_with_the_levy(self) -> None:
        """The reduction on the verhuurderheffing holds for 2020-2022: the levy was abolished on 1 January 2023."""
        agreement = examples.load(self.AGREEMENT)
        reductions = [item for item in agreement.commitments if item.id.startswith("vermindering-verhuurderheffing")]
        assert sorted(item.year for item in reductions if item.year is not None) == [2020, 2021, 2022]
        assert len(reductions) == 3
        assert {item.by for item in reductions} == {("minister-milieu-en-wonen",)}

    def test_signatories_and_endorsers(self) -> None:
        """Five parties sign; Woonkr8, NEPROM, Bouwend Nederland, IVBN and NS support without signing."""
        agreement = examples.load(self.AGREEMENT)
        assert holders(agreement, MandateRole.SIGNATORY) == {
            "gemeente-arnhem",
            "gemeente-nijmegen",
            "regio-arnhem-nijmegen",
            "provincie-gelderland",
            "minister-milieu-en-wonen",
        }
        endorsers = {member.party for member in agreement.coalition if member.status is CoalitionStatus.ENDORSER}
        assert endorsers == {"woonkr8", "neprom", "bouwend-nederland", "ivbn", "ns"}

    def test_versnellingstafel_and_tempotafels(self) -> None:
        """All parties work together in De versnellingstafel; the corporations take part in the tempotafels."""
        groups = {group.id: group for group in examples.load(self.AGREEMENT).groups}
        assert len(groups["versnellingstafel"].members) == 10
        assert groups["tempotafels"].kind is GroupKind.THEME_TABLE
        assert groups["tempotafels"].members == ("woonkr8",)


class TestGooiEnVechtstreek:
    """Woonakkoord Gooi en Vechtstreek."""

    AGREEMENT = "gooi-en-vechtstreek-woonakkoord"

    def test_2875_social_homes_until_2040(self) -> None:
        """2.875 sociale huurwoningen toevoegen tot 2040."""
        target = target_of(examples.load(self.AGREEMENT), 2875)
        assert target.by == 2040

    def test_the_woonakkoord_runs_2021_2025(self) -> None:
        """The perspective is the Woonakkoord's term, 2021-2025; 2040 is the horizon of its targets."""
        agreement = examples.load(self.AGREEMENT)
        assert (agreement.perspective.start, agreement.perspective.end) == (2021, 2025)

    @pytest.mark.parametrize(("value", "indicator"), [(11500, "housing-stock"), (1500, "mid-rent-stock")])
    def test_long_term_targets_to_2040(self, value: int, indicator: str) -> None:
        """11,500 homes and 1,500 middle-rent homes added from 2021 to 2040, beyond the perspective."""
        agreement = examples.load(self.AGREEMENT)
        target = target_of(agreement, value)
        assert (target.indicator, target.from_year, target.by) == (indicator, 2021, 2040)
        assert target.by not in agreement.perspective

    def test_tenants_not_involved(self) -> None:
        """De huurdersorganisaties zijn bij dit Woonakkoord niet direct betrokken."""
        assert examples.load(self.AGREEMENT).tenant_involvement is TenantInvolvement.NONE

    def test_steering_and_working_group(self) -> None:
        """A smaller steering group and a supporting official working group."""
        kinds = {group.kind for group in examples.load(self.AGREEMENT).groups}
        assert kinds == {GroupKind.STEERING, GroupKind.WORKING}

    def test_three_signing_parties(self) -> None:
        """The provincie Noord-Holland, the municipalities of the region and the Platform Woningcorporaties sign."""
        agreement = examples.load(self.AGREEMENT)
        assert party_names(agreement) == {
            "Provincie Noord-Holland",
            "Gemeenten uit de regio Gooi en Vechtstreek",
            "Platform Woningcorporaties Gooi en Vechtstreek",
        }
        assert holders(agreement, MandateRole.SIGNATORY) == {party.id for party in agreement.parties}


class TestEindhoven:
    """Prestatieafspraken Eindhoven 2021-2025."""

    AGREEMENT = "eindhoven-2021-2025"

    def test_parties_by_name(self) -> None:
        """The gemeente, 'thuis, Sint Trudo, Woonbedrijf, Wooninc. and the PEK."""
        assert party_names(examples.load(self.AGREEMENT)) == {
            "Gemeente Eindhoven",
            "'thuis",
            "Sint Trudo",
            "Woonbedrijf",
            "Wooninc.",
            "PEK (Platform Eindhovense Klantenraden)",
        }

    def test_local_2021_2025(self) -> None:
        """A local agreement for 2021 through 2025, the handbook's label, marked uncertain in the file."""
        agreement = examples.load(self.AGREEMENT)
        assert agreement.scope is Scope.LOCAL
        assert (agreement.perspective.start, agreement.perspective.end) == (2021, 2025)
        assert "The period is uncertain." in examples.text(self.AGREEMENT)

    def test_actieagenda_is_not_the_national_agreement(self) -> None:
        """The Actieagenda Wonen & Rijksprioriteiten is no national performance agreement (those date from 2022)."""
        basis = {document.title: document.kind for document in examples.load(self.AGREEMENT).basis}
        assert basis["Actieagenda Wonen & Rijksprioriteiten"] is BasisKind.OTHER
        assert BasisKind.NATIONAL_AGREEMENT not in basis.values()


class TestEnschede:
    """Wonen in Enschede doen we samen!"""

    AGREEMENT = "enschede-wonen-doen-we-samen"

    def test_parties_by_name(self) -> None:
        """The gemeente, Ons Huis, De Woonplaats, Domijn, SJHT, De Veste and the corporations' tenant organisations."""
        assert party_names(examples.load(self.AGREEMENT)) == {
            "Gemeente Enschede",
            "Ons Huis",
            "De Woonplaats",
            "Domijn",
            "SJHT",
            "De Veste",
            "De huurdersorganisaties van de woningcorporaties",
        }

    def test_woonvisie_2019_is_the_basis(self) -> None:
        """The agreements work out the Woonvisie Enschede adopted in 2019, and rest on nothing else."""
        basis = examples.load(self.AGREEMENT).basis
        assert [(document.kind, document.title, document.year) for document in basis] == [
            (BasisKind.HOUSING_VISION, "Woonvisie Enschede", 2019)
        ]

    def test_took_effect_in_2019(self) -> None:
        """The agreements took effect on 1 January 2019, so the perspective starts then; no basis is of a later year."""
        agreement = examples.load(self.AGREEMENT)
        assert agreement.perspective.start == 2019
        start = agreement.perspective.start
        assert all(document.year is not None and document.year <= start for document in agreement.basis)


class TestLindeveenBids:
    """The bids of the fictional Lindeveen agreement: the statutory bid, consistent with what was agreed."""

    AGREEMENT = examples.load("lindeveen-2025-2028")

    @pytest.mark.parametrize("bid", AGREEMENT.bids, ids=[bid.id for bid in AGREEMENT.bids])
    def test_each_bid_is_the_statutory_one(self, bid: Bid) -> None:
        """Each bid is the woonstichting's, sent by 1 July of the year before to the municipality and the tenants."""
        assert bid.party == "woonstichting-lindeveen"
        assert bid.date <= dt.date(bid.for_year - 1, 7, 1)
        assert set(bid.sent_to) == {"gemeente-lindeveen", "huurdersvereniging-lindeveen"}
        assert bid.horizon == 5

    def test_offers_name_what_the_agreement_declares(self) -> None:
        """Every offer's indicator, area and theme is declared, and every offer is for a year of the perspective."""
        index = self.AGREEMENT.index
        for bid in self.AGREEMENT.bids:
            for offer in bid.offers:
                assert offer.indicator is None or offer.indicator in index.indicators
                assert offer.area is None or offer.area in index.areas
                assert offer.theme is None or offer.theme in index.themes
                assert bid.year_of(offer) in self.AGREEMENT.perspective

    def test_the_negotiation_added_homes(self) -> None:
        """What was agreed for new build is at least what was offered, every year."""
        figures = [line for line in prestatieafspraken.bid_gap(self.AGREEMENT).lines if line.is_figure]
        assert [line.year for line in figures] == [2025, 2026, 2027, 2028]
        assert all(line.difference is not None and line.difference >= 0 for line in figures)
