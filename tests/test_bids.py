"""The bid as content (DESIGN §3.1): the model, the file format, `bid_gap` and the ``bids`` command."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import orjson
import pendulum
import pytest
from hypothesis import given, settings

import prestatieafspraken
from prestatieafspraken import dumps, examples, loads
from prestatieafspraken.bids import BidGap, bid_gap
from prestatieafspraken.cli import main
from prestatieafspraken.errors import CycleError, LoadError
from prestatieafspraken.model import (
    STATUTORY_HORIZON,
    Aggregation,
    Agreement,
    Bid,
    Commitment,
    Direction,
    Indicator,
    InvariantError,
    Offer,
    Party,
    PartyKind,
    Perspective,
    Scope,
)
from prestatieafspraken.report.bid_gap import bid_gap_dict, render_bid_gap
from prestatieafspraken.rules.config import CheckConfig
from prestatieafspraken.rules.findings import Finding
from prestatieafspraken.schema import json_schema
from prestatieafspraken.serialization import Format, unstructure
from strategies import agreements, bids

LINDEVEEN = examples.load("lindeveen-2025-2028")
PROPERTIES = settings(max_examples=60, deadline=None)
FORMATS: tuple[Format, ...] = ("yaml", "json")
DAY = pendulum.Date(2025, 6, 26)


def corporation(party_id: str = "wsl", kind: PartyKind = PartyKind.HOUSING_CORPORATION) -> Party:
    """A party of *kind* (by default a housing corporation)."""
    return Party(id=party_id, name=party_id.upper(), kind=kind)


def small(
    *,
    bids_: tuple[Bid, ...] = (),
    commitments: tuple[Commitment, ...] = (),
    aggregation: Aggregation = Aggregation.FLOW,
    parties: tuple[Party, ...] = (),
) -> Agreement:
    """A local agreement of 2026-2030 with an indicator ``build`` of *aggregation*."""
    return Agreement(
        id="bids",
        title="Bids",
        scope=Scope.LOCAL,
        perspective=Perspective(start=2026, end=2030),
        parties=parties or (corporation(), Party(id="gemeente", name="Gemeente", kind=PartyKind.MUNICIPALITY)),
        indicators=(
            Indicator(id="build", label="Bouw", unit="woningen", aggregation=aggregation, direction=Direction.INCREASE),
        ),
        commitments=commitments,
        bids=bids_,
    )


def figure(offer_id: str, value: float, *, year: int | None = 2026, area: str | None = None) -> Offer:
    """An offer of *value* homes of indicator ``build``."""
    return Offer(id=offer_id, indicator="build", value=value, year=year, area=area)


def committed(commitment_id: str, value: float | None, *, by: tuple[str, ...] = ("wsl",), **changes: Any) -> Commitment:
    """A 2026 commitment of *value* homes of indicator ``build`` (no indicator when *value* is None)."""
    fields: dict[str, Any] = {"year": 2026, "indicator": "build" if value is not None else None, "value": value}
    fields.update(changes)
    return Commitment(id=commitment_id, by=by, **fields)


def bid(bid_id: str = "bod", *offers: Offer, for_year: int = 2026, **changes: Any) -> Bid:
    """A bid of ``wsl`` for *for_year* with *offers*."""
    fields: dict[str, Any] = {"date": DAY, **changes}
    return Bid(id=bid_id, party="wsl", for_year=for_year, offers=offers, **fields)


class TestModel:
    """`Bid` and `Offer`: what cannot be built, and the defaults."""

    def test_horizon_defaults_to_the_statutory_five_years(self) -> None:
        """A bid that does not say otherwise covers five years from its ``for_year``."""
        made = bid()
        assert made.horizon == STATUTORY_HORIZON == 5
        assert list(made.years) == [2026, 2027, 2028, 2029, 2030]
        assert made.covers(2030)
        assert not made.covers(2031)
        assert not made.covers(2025)

    def test_an_offer_without_a_year_is_for_the_first_year(self) -> None:
        """An offer without ``year`` is for its bid's ``for_year``."""
        made = bid("bod", figure("a", 1, year=None), figure("b", 2, year=2028))
        assert [made.year_of(offer) for offer in made.offers] == [2026, 2028]

    @pytest.mark.parametrize(
        ("build", "message"),
        [
            (lambda: Offer(id="o", value=3), "the offer 'o' has a value .3. but no indicator"),
            (lambda: Offer(id="o"), "the offer 'o' offers nothing"),
            (lambda: Offer(id="O"), "'O' is not an id"),
            (lambda: bid(horizon=0), "a bid covers at least one year, not 0"),
            (lambda: bid(for_year=9990, horizon=10), "runs past the calendar's last year"),
            (lambda: bid(for_year=1), "the year 1 has no year before or after it"),
        ],
        ids=["value-without-indicator", "empty", "not-a-slug", "no-years", "past-the-calendar", "year-one"],
    )
    def test_impossible_values(self, build: Any, message: str) -> None:
        """What cannot be a bid or an offer is refused when it is built."""
        with pytest.raises(InvariantError, match=message):
            build()

    @pytest.mark.parametrize(
        "offer",
        [
            Offer(id="o", text="Huur gelijk aan inflatie"),
            Offer(id="o", theme="affordability"),
            Offer(id="o", indicator="build"),
        ],
    )
    def test_an_offer_in_words(self, offer: Offer) -> None:
        """An offer without a figure is fine when it names a text, a theme or an indicator."""
        assert offer.value is None


class TestFileFormat:
    """``bids`` and ``for_year`` in YAML and JSON, and in the JSON Schema."""

    @PROPERTIES
    @given(bids())
    def test_bids_round_trip(self, made: Bid) -> None:
        """Every bid comes back equal from YAML and from JSON."""
        agreement = attrs.evolve(LINDEVEEN, bids=(made,))
        for format_ in FORMATS:
            assert loads(dumps(agreement, format=format_), format=format_) == agreement

    def test_the_example_round_trips(self) -> None:
        """The shipped example with its bids comes back equal."""
        for format_ in FORMATS:
            assert loads(dumps(LINDEVEEN, format=format_), format=format_) == LINDEVEEN

    def test_defaults_are_left_out(self) -> None:
        """A written bid leaves out the default horizon and empty lists; a milestone without a cycle has no key."""
        text = dumps(attrs.evolve(LINDEVEEN, bids=(bid(),)))
        assert "horizon" not in text
        assert "offers" not in text
        assert "for_year" in text
        assert LINDEVEEN.process is not None
        no_cycles = tuple(attrs.evolve(milestone, for_year=None) for milestone in LINDEVEEN.process.milestones)
        unnamed = attrs.evolve(LINDEVEEN, bids=(), process=attrs.evolve(LINDEVEEN.process, milestones=no_cycles))
        assert "for_year" not in dumps(unnamed)

    def test_problems_are_reported_with_their_place(self) -> None:
        """A bad offer, a bad horizon and an unknown key in a bid are all reported, each at its ``$.path``."""
        data = unstructure(LINDEVEEN)
        data["bids"][1]["horizon"] = 0
        data["bids"][1]["sent_too"] = []
        data["bids"][1]["offers"].append({"id": "zonder-cijfer", "value": 3})
        with pytest.raises(LoadError) as raised:
            loads(orjson.dumps(data), format="json")
        found = {(problem.path, problem.message.split(":")[0]) for problem in raised.value.problems}
        assert ("$.bids[1].horizon", "a bid covers at least one year, not 0") in found
        assert ("$.bids[1].offers[5].indicator", "the offer 'zonder-cijfer' has a value (3) but no indicator") in found
        assert any(path == "$.bids[1]" and "sent_too" in message for path, message in found)

    def test_schema(self) -> None:
        """The JSON Schema has ``bids`` with offers, and ``for_year`` on milestones."""
        schema = json_schema()
        definitions = schema["$defs"]
        assert schema["properties"]["bids"] == {"type": "array", "items": {"$ref": "#/$defs/Bid"}}
        assert definitions["Bid"]["required"] == ["id", "party", "for_year", "date"]
        assert definitions["Offer"]["required"] == ["id"]
        assert "for_year" in definitions["Milestone"]["properties"]


class TestBidGap:
    """`bid_gap`: offered against agreed, per party, indicator, area and year."""

    def test_lindeveen(self) -> None:
        """The example's figures: 90 offered and 100 agreed in 2025, 95 and 100 in 2026, the same after that."""
        figures = [
            (line.year, line.offered, line.agreed, line.difference)
            for line in bid_gap(LINDEVEEN).lines
            if line.is_figure
        ]
        assert figures == [(2025, 90, 100, 10), (2026, 95, 100, 5), (2027, 100, 100, 0), (2028, 100, 100, 0)]

    def test_promises_in_words_are_matched_by_theme(self) -> None:
        """The rent offer of 2025 meets the rent commitment of 2025; a theme on one side only stands alone."""
        lines = {(line.year, line.theme): line for line in bid_gap(LINDEVEEN).lines if not line.is_figure}
        rent = lines[(2025, "affordability")]
        assert [o.id for o in rent.offers] == ["huur-2025"]
        assert [c.id for c in rent.commitments] == ["c-2025-rent-policy"]
        assert rent.difference is None
        assert lines[(2027, "affordability")].not_agreed
        assert lines[(2028, "quality-and-sustainability")].not_offered

    def test_not_offered_and_not_agreed(self) -> None:
        """The gap lists what was agreed without an offer and what was offered without a commitment."""
        gap = bid_gap(LINDEVEEN)
        assert [(line.year, line.theme) for line in gap.not_offered] == [(2028, "quality-and-sustainability")]
        assert [(line.year, line.theme) for line in gap.not_agreed] == [(2027, "affordability")]

    def test_one_year(self) -> None:
        """With a year only that year's lines are given, and the gap says which year."""
        gap = bid_gap(LINDEVEEN, 2026)
        assert gap.year == 2026
        assert {line.year for line in gap.lines} == {2026}
        assert {line.bid for line in gap.lines} == {"bod-2026"}

    def test_the_most_recent_bid_counts(self) -> None:
        """For 2028 the 2027 bid counts, not the look-ahead of the 2025 and 2026 bids."""
        assert {line.bid for line in bid_gap(LINDEVEEN, 2028).lines} == {"bod-2027"}
        earlier = bid("oud", figure("a", 50), for_year=2026)
        later = bid("nieuw", figure("b", 70), for_year=2026, date=DAY.add(days=5))
        (line,) = bid_gap(small(bids_=(later, earlier)), 2026).lines
        assert (line.bid, line.offered) == ("nieuw", 70)

    def test_parties_are_the_bidders(self) -> None:
        """Corporations and alliances are compared; a municipality's commitments are not, unless it made a bid."""
        alliance = corporation("afwc", PartyKind.CORPORATION_ALLIANCE)
        municipality = Party(id="gemeente", name="Gemeente", kind=PartyKind.MUNICIPALITY)
        commitments = (committed("c-g", 5, by=("gemeente",)), committed("c-a", 7, by=("afwc",)))
        gap = bid_gap(small(parties=(municipality, alliance), commitments=commitments))
        assert gap.parties == ("afwc",)
        assert [(line.party, line.agreed) for line in gap.lines] == [("afwc", 7)]
        municipal_bid = attrs.evolve(bid(), party="gemeente")
        assert bid_gap(small(parties=(municipality, alliance), bids_=(municipal_bid,))).parties == ("afwc", "gemeente")

    def test_a_joint_commitment_counts_for_each_bidder(self) -> None:
        """A commitment of two corporations is agreed in full with each of them."""
        parties = (corporation("wsl"), corporation("wbv"))
        gap = bid_gap(small(parties=parties, commitments=(committed("c", 40, by=("wsl", "wbv")),)))
        assert [(line.party, line.agreed) for line in gap.lines] == [("wsl", 40), ("wbv", 40)]

    def test_a_commitment_without_a_year_is_left_out(self) -> None:
        """A commitment that names no year cannot be set against a year's bid."""
        assert bid_gap(small(commitments=(committed("c", 40, year=None),))).lines == ()

    def test_areas_are_matched_exactly(self) -> None:
        """An offer for an area and a commitment without one are two lines."""
        agreement = small(bids_=(bid("bod", figure("a", 10, area="noord")),), commitments=(committed("c", 10),))
        assert [(line.area, line.offered, line.agreed) for line in bid_gap(agreement).lines] == [
            ("noord", 10, None),
            (None, None, 10),
        ]

    def test_figures_add_up(self) -> None:
        """Two offers and two commitments of a flow are summed before they are compared."""
        agreement = small(
            bids_=(bid("bod", figure("a", 10), figure("b", 15.5)),),
            commitments=(committed("c1", 20), committed("c2", 10)),
        )
        (line,) = bid_gap(agreement).lines
        assert (line.offered, line.agreed, line.difference, line.additive) == (25.5, 30, 4.5, True)

    @pytest.mark.parametrize(
        ("aggregation", "offers", "expected"),
        [
            (Aggregation.RATIO, (0.3,), (0.3, 0.35)),
            (Aggregation.RATIO, (0.3, 0.4), (None, 0.35)),
            (Aggregation.STOCK, (10, 5), (15, 0.35)),
        ],
    )
    def test_shares_are_never_summed(
        self, aggregation: Aggregation, offers: tuple[float, ...], expected: tuple[float | None, float]
    ) -> None:
        """A ratio with more than one figure on a side has no total on that side: a sum of shares means nothing."""
        made = bid("bod", *(figure(f"o{i}", value) for i, value in enumerate(offers)))
        agreement = small(bids_=(made,), commitments=(committed("c", 0.35),), aggregation=aggregation)
        (line,) = bid_gap(agreement).lines
        assert (line.offered, line.agreed) == expected
        assert line.additive is (aggregation is not Aggregation.RATIO)

    def test_an_unknown_indicator_is_not_summed(self) -> None:
        """Figures of an indicator the agreement does not declare are shown only when there is one of them."""
        made = bid("bod", Offer(id="a", indicator="onbekend", value=1), Offer(id="b", indicator="onbekend", value=2))
        (line,) = bid_gap(small(bids_=(made,))).lines
        assert (line.offered, line.additive) == (None, False)

    def test_no_bid(self) -> None:
        """A corporation without a bid has its commitments as not offered."""
        (line,) = bid_gap(small(commitments=(committed("c", 40),))).lines
        assert (line.bid, line.not_offered, line.agreed) == (None, True, 40)

    def test_top_level_name(self) -> None:
        """`prestatieafspraken.bid_gap` is the function of `prestatieafspraken.bids`."""
        assert prestatieafspraken.bid_gap is bid_gap

    def test_a_bad_year(self) -> None:
        """A year that is not a whole number is refused with a `CycleError`."""
        with pytest.raises(CycleError, match="a year is a whole number such as 2026, got '2026'"):
            bid_gap(LINDEVEEN, "2026")  # type: ignore[arg-type]

    @PROPERTIES
    @given(agreements(valid_references=False))
    def test_every_commitment_of_a_bidder_is_on_one_line(self, generated: Agreement) -> None:
        """Each commitment with a year is on exactly one line per bidder that executes it; sums are the figures."""
        gap = bid_gap(generated)
        placed = sorted((line.party, c.id, line.year) for line in gap.lines for c in line.commitments)
        bidders = set(gap.parties)
        expected = sorted(
            (party, c.id, c.year)
            for c in generated.commitments
            if c.year is not None
            for party in dict.fromkeys(c.by)
            if party in bidders
        )
        assert placed == expected
        for line in gap.lines:
            if line.is_figure and line.additive and line.offers:
                assert line.offered == sum(offer.value or 0 for offer in line.offers)


class TestRendering:
    """`render_bid_gap`: text, Markdown and JSON, in Dutch and English."""

    def test_dutch_text(self) -> None:
        """The Dutch text speaks of bod, aangeboden, afgesproken and verschil."""
        text = render_bid_gap(bid_gap(LINDEVEEN, 2025), LINDEVEEN)
        for word in ("bod bod-2025", "aangeboden", "afgesproken", "verschil", "+10", "Nieuwbouw sociale huur"):
            assert word in text

    def test_english_markdown(self) -> None:
        """The English Markdown has a table of figures and one of promises in words."""
        text = render_bid_gap(bid_gap(LINDEVEEN, 2027), LINDEVEEN, format="markdown", lang="en")
        assert "| subject | area | offered | agreed | difference |" in text
        assert "| theme | offered | agreed |" in text
        assert "(no commitment)" in text

    def test_json(self) -> None:
        """The JSON is `bid_gap_dict`: ids and figures."""
        gap = bid_gap(LINDEVEEN)
        data = json.loads(render_bid_gap(gap, LINDEVEEN, format="json"))
        assert data == bid_gap_dict(gap, LINDEVEEN)
        assert data["lines"][0]["difference"] == 10
        assert (data["not_offered"], data["not_agreed"]) == (1, 1)

    def test_nothing_to_compare(self) -> None:
        """An agreement without corporations says there is nothing to compare."""
        agreement = small(parties=(Party(id="gemeente", name="Gemeente", kind=PartyKind.MUNICIPALITY),))
        assert "Geen biedingen of afspraken van corporaties" in render_bid_gap(bid_gap(agreement), agreement)

    def test_an_empty_gap_is_a_value(self) -> None:
        """The gap of an agreement without bidders is empty, not an error."""
        assert bid_gap(small(parties=(corporation("g", PartyKind.MUNICIPALITY),))) == BidGap(
            year=None, parties=(), lines=()
        )


class TestBidsCommand:
    """`prestatieafspraken bids FILE [--year Y] [--format ...] [--lang ...]`."""

    def test_text(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The default output is the Dutch text of every year."""
        assert main(["bids", "--example", "lindeveen-2025-2028"]) == 0
        out = capsys.readouterr().out
        assert out.startswith("Bod en afspraken: Prestatieafspraken Lindeveen 2025-2028\n")
        assert out.count("Woonstichting Lindeveen, 20") == 4

    def test_json_of_a_year(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """``--format json --year Y`` of a file prints that year's gap as JSON."""
        path = tmp_path / "agreement.yaml"
        path.write_text(dumps(LINDEVEEN), encoding="utf-8")
        assert main(["bids", str(path), "--year", "2026", "--format", "json"]) == 0
        assert json.loads(capsys.readouterr().out) == bid_gap_dict(bid_gap(LINDEVEEN, 2026), LINDEVEEN)

    def test_markdown_in_english(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``--format markdown --lang en`` prints English Markdown."""
        assert main(["bids", "--example", "lindeveen-2025-2028", "--format", "markdown", "--lang", "en"]) == 0
        assert "# Bid and agreements: Prestatieafspraken Lindeveen 2025-2028" in capsys.readouterr().out

    def test_audience(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``--audience public`` shows what the public may see: all of it in the example, which hides nothing."""
        assert main(["bids", "--example", "lindeveen-2025-2028", "--audience", "public"]) == 0
        public = capsys.readouterr().out
        assert main(["bids", "--example", "lindeveen-2025-2028"]) == 0
        assert public == capsys.readouterr().out

    @pytest.mark.parametrize(
        ("arguments", "message"),
        [
            (["--example", "lindeveen-2025-2028", "--year", "1"], "het jaar 1 heeft geen jaar ervoor of erna"),
            (["{missing}"], "missing.yaml"),
            (["--example", "lindeveen-2025-2028", "--audience", "iemand"], "de doelgroep 'iemand' bestaat niet"),
        ],
    )
    def test_bad_input_exits_2(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
    ) -> None:
        """Bad input exits 2 with a clear message and no traceback."""
        argv = [argument.format(missing=tmp_path / "missing.yaml") for argument in arguments]
        assert main(["bids", *argv]) == 2
        captured = capsys.readouterr()
        assert message in captured.err
        assert "Traceback" not in captured.err


def _findings(agreement: Agreement, code: str, as_of: pendulum.Date = DAY) -> list[Finding]:
    """The findings of rule *code* alone."""
    return list(prestatieafspraken.check(agreement, as_of=as_of, config=CheckConfig(select=(code,))).findings)


def _tenants(count: int, area: str | None = None) -> tuple[Party, ...]:
    """*count* tenant organisations ``huurders-00`` ... (for *area*, or for the whole agreement)."""
    areas = (area,) if area else ()
    return tuple(
        Party(id=f"huurders-{n:02}", name=f"Huurders {n}", kind=PartyKind.TENANT_ORGANISATION, areas=areas)
        for n in range(count)
    )


class TestLongLists:
    """A message names a handful of parties or years and counts the rest; the subjects keep them all."""

    def test_thirty_tenant_organisations_not_reached(self) -> None:
        """A bid missing 30 tenant organisations names 5 of them and "en nog 25" / "and 25 more"."""
        tenants = _tenants(30)
        parties = (*small().parties, *tenants)
        (finding,) = _findings(small(parties=parties, bids_=(bid(sent_to=("gemeente",)),)), "PA407")
        named = [tenant.id for tenant in tenants]
        assert f"huurdersorganisaties {', '.join(named[:5])} en nog 25:" in finding.message_nl
        assert f"tenant organisations {', '.join(named[:5])} and 25 more:" in finding.message_en
        assert named[5] not in finding.message_nl
        assert named[5] not in finding.message_en
        assert finding.subjects == ("bod", "wsl", *named)

    def test_five_tenant_organisations_are_all_named(self) -> None:
        """Five tenant organisations not reached are all named, with nothing counted."""
        parties = (*small().parties, *_tenants(5))
        (finding,) = _findings(small(parties=parties, bids_=(bid(sent_to=("gemeente",)),)), "PA407")
        assert "huurders-04: het bod" in finding.message_nl
        assert "en nog" not in finding.message_nl
        assert "more" not in finding.message_en

    def test_one_of_many_municipalities(self) -> None:
        """A bid of a corporation without areas sent to none of eight municipalities names five and the others."""
        municipalities = tuple(
            Party(id=f"gemeente-{n}", name=f"Gemeente {n}", kind=PartyKind.MUNICIPALITY) for n in range(8)
        )
        (finding,) = _findings(small(parties=(corporation(), *municipalities), bids_=(bid(),)), "PA407")
        shown = ", ".join(party.id for party in municipalities[:5])
        assert f"de gemeente ({shown} of een van 3 andere)" in finding.message_nl
        assert f"the municipality ({shown} or one of 3 others)" in finding.message_en
        assert finding.subjects == ("bod", "wsl", *(party.id for party in municipalities))

    def test_bids_of_the_same_sent_to_for_other_areas(self) -> None:
        """Two corporations of other areas that send to the same parties are each judged for their own areas."""
        parties = (
            Party(id="wsl", name="WSL", kind=PartyKind.HOUSING_CORPORATION, areas=("noord",)),
            Party(id="ws2", name="WS2", kind=PartyKind.HOUSING_CORPORATION, areas=("zuid",)),
            Party(id="gemeente", name="Gemeente", kind=PartyKind.MUNICIPALITY),
            *_tenants(2, "noord"),
            Party(id="huurders-zuid", name="Huurders Zuid", kind=PartyKind.TENANT_ORGANISATION, areas=("zuid",)),
        )
        sent = ("gemeente", "huurders-00", "huurders-01")
        bids_ = (bid("bod-noord", sent_to=sent), Bid(id="bod-zuid", party="ws2", for_year=2026, date=DAY, sent_to=sent))
        (finding,) = _findings(small(parties=parties, bids_=bids_), "PA407")
        assert finding.subjects == ("bod-zuid", "ws2", "huurders-zuid")

    def test_seven_years_without_a_bid(self) -> None:
        """A corporation without a bid for seven years is told of five of them and how many more."""
        agreement = attrs.evolve(
            small(commitments=tuple(committed(f"c{year}", 10, year=year) for year in range(2026, 2033))),
            perspective=Perspective(start=2026, end=2032),
        )
        (finding,) = _findings(agreement, "PA409", as_of=pendulum.Date(2033, 1, 1))
        assert "heeft afspraken voor 2026, 2027, 2028, 2029, 2030 en nog 2, maar" in finding.message_nl
        assert "has commitments for 2026, 2027, 2028, 2029, 2030 and 2 more, but" in finding.message_en
        assert "2030 (uiterlijk 2029-07-01) en nog 2:" in finding.message_nl
        assert "2031" not in finding.message_nl
