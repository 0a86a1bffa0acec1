"""Progress (DESIGN §5): R and its parts, the statuses, the figures that count, roll-ups, and the PA307 messages.

Every expected number below is worked out by hand in the test's docstring or comment.
"""

from __future__ import annotations

import datetime as dt
import math
import textwrap

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import prestatieafspraken as pa
from prestatieafspraken._progress import _judged_records
from prestatieafspraken.calendar import today
from prestatieafspraken.errors import ConfigError
from prestatieafspraken.model import Agreement, Direction, Outcome, ProgressStatus, RealisationStatus
from prestatieafspraken.progress_report import (
    CommitmentProgress,
    ProgressReport,
    TargetProgress,
    Thresholds,
    counts_as_of,
    progress,
)
from prestatieafspraken.rules import check
from prestatieafspraken.rules.config import CheckConfig
from strategies import agreements, dates
from support import agreement_yaml, party_entry

AS_OF = dt.date(2027, 6, 1)

_HEAD = (
    agreement_yaml(
        parties=[
            party_entry("gemeente-zeist", "Gemeente Zeist", "municipality"),
            party_entry("seyst", "Woonstichting Seyst", "housing_corporation"),
            party_entry("de-kombinatie", "De Kombinatie", "housing_corporation"),
            party_entry("huurders", "Huurdersvereniging Zeist", "tenant_organisation"),
        ],
    )
    + """\
areas:
  - {id: zeist, name: Zeist, kind: municipality, dwellings: 30000}
  - {id: den-dolder, name: Den Dolder, kind: district, dwellings: 1000}
  - {id: austerlitz, name: Austerlitz, kind: district, dwellings: 3000}
indicators:
  - {id: nieuwbouw, label: Nieuwbouw sociale huur, unit: woningen, aggregation: flow}
  - {id: sloop, label: Sloop sociale huur, unit: woningen, aggregation: flow}
  - {id: verkoop, label: Verkoop sociale huur, unit: woningen, aggregation: flow}
  - {id: voorraad, label: Sociale huurvoorraad, unit: woningen, aggregation: stock,
     stock_flows: {in: [nieuwbouw], out: [sloop, verkoop]}}
  - {id: geisoleerd, label: Geisoleerde woningen sinds 2025, unit: woningen, aggregation: cumulative}
  - {id: label-b, label: Aandeel label B of beter, unit: aandeel, aggregation: ratio}
  - {id: efg, label: Woningen met label E F of G, unit: woningen, aggregation: stock, direction: decrease}
  - {id: ontruimingen, label: Huisuitzettingen, unit: huishoudens, aggregation: flow, direction: decrease}
"""
)


def load(body: str) -> Agreement:
    """An agreement of the Zeist header (areas, parties, indicators) plus *body* (YAML, indented freely)."""
    return pa.loads(_HEAD + textwrap.dedent(body))


def target_of(body: str, *, as_of: dt.date = AS_OF, thresholds: Thresholds | None = None) -> TargetProgress:
    """The progress record of the first target of the agreement."""
    return progress(load(body), as_of=as_of, thresholds=thresholds).targets[0]


def commitment_of(body: str, *, as_of: dt.date = AS_OF) -> CommitmentProgress:
    """The progress record of the first commitment of the agreement."""
    return progress(load(body), as_of=as_of).commitments[0]


def flow_target(realised_2025: int, realised_2026: int) -> str:
    """1000 new homes over 2025-2028, with approved figures for 2025 and 2026."""
    return f"""
    targets:
      - {{id: bouwen, indicator: nieuwbouw, value: 1000, by: 2028, area: zeist, theme: availability}}
    realisations:
      - {{indicator: nieuwbouw, area: zeist, year: 2025, value: {realised_2025}, status: approved}}
      - {{indicator: nieuwbouw, area: zeist, year: 2026, value: {realised_2026}, status: approved}}
    """


# --- each aggregation kind, computed by hand -----------------------------------------------------------------


class TestFlow:
    """A flow target: the total over from..by; realised is the sum of the years so far."""

    def test_r_and_its_parts(self) -> None:
        """1000 over 2025-2028: expected 500 by the end of 2026; 200 + 200 realised gives R = 400 / 500 = 0.8."""
        record = target_of(flow_target(200, 200))
        assert (record.start, record.expected, record.realised, record.reach) == (0, 500, 400, 1000)
        assert record.year == 2026
        assert record.ratio == 0.8
        assert record.status is ProgressStatus.NEEDS_ACCELERATION
        assert record.figures_from == "indicator"
        assert [r.value for r in record.figures] == [200, 200]
        assert (record.first_year, record.by, record.path) == (2025, 2028, "$.targets[0]")

    @pytest.mark.parametrize(
        ("realised_2026", "ratio", "status"),
        [
            (275, 0.95, ProgressStatus.ON_TRACK),  # (200 + 275) / 500 = 0.95 exactly
            (274, 0.948, ProgressStatus.NEEDS_ACCELERATION),
            (100, 0.6, ProgressStatus.NEEDS_ACCELERATION),  # (200 + 100) / 500 = 0.6 exactly
            (99, 0.598, ProgressStatus.OFF_TRACK),
            (-200, 0.0, ProgressStatus.OFF_TRACK),  # R = 0 is off track, not deteriorating
            (-201, -0.002, ProgressStatus.DETERIORATING),
        ],
    )
    def test_thresholds_are_met_exactly(self, realised_2026: int, ratio: float, status: ProgressStatus) -> None:
        """R exactly 0.95 is on track, exactly 0.6 needs acceleration, exactly 0 is off track."""
        record = target_of(flow_target(200, realised_2026))
        assert record.ratio == pytest.approx(ratio, abs=1e-12)
        assert record.status is status

    def test_r_is_exact_on_paper(self) -> None:
        """R = 0.95 and 0.6 are the floats of the literals, not a neighbour of them."""
        assert target_of(flow_target(200, 275)).ratio == 0.95
        assert target_of(flow_target(200, 100)).ratio == 0.6

    def test_achieved_when_the_total_is_reached(self) -> None:
        """600 + 400 = 1000 by the end of 2026 reaches the target: achieved, R = 1000 / 500 = 2."""
        record = target_of(flow_target(600, 400))
        assert record.status is ProgressStatus.ACHIEVED
        assert record.ratio == 2.0

    def test_configured_thresholds(self) -> None:
        """R = 0.8 is on track with an on-track threshold of 0.8, and off track with an acceleration one of 0.9."""
        assert target_of(flow_target(200, 200), thresholds=Thresholds(on_track=0.8)).status is ProgressStatus.ON_TRACK
        strict = Thresholds(on_track=0.95, needs_acceleration=0.9)
        assert target_of(flow_target(200, 200), thresholds=strict).status is ProgressStatus.OFF_TRACK


_NET_STOCK = """
targets:
  - {id: netto-groei, indicator: voorraad, value: 90, from: 2025, by: 2027, area: zeist,
     baseline: {year: 2024, value: 5000}}
realisations:
  # 2025: 400 new, 230 demolished, 165 sold: +5; the level is 5005.
  - {indicator: nieuwbouw, area: zeist, year: 2025, value: 400, status: approved}
  - {indicator: sloop, area: zeist, year: 2025, value: 230, status: approved}
  - {indicator: verkoop, area: zeist, year: 2025, value: 165, status: approved}
  - {indicator: voorraad, area: zeist, year: 2025, value: 5005, status: approved}
  # 2026: 380 new, 250 demolished, 131 sold: -1; the level is 5004.
  - {indicator: nieuwbouw, area: zeist, year: 2026, value: 380, status: approved}
  - {indicator: sloop, area: zeist, year: 2026, value: 250, status: approved}
  - {indicator: verkoop, area: zeist, year: 2026, value: 131, status: approved}
  - {indicator: voorraad, area: zeist, year: 2026, value: 5004, status: approved}
"""


class TestStock:
    """A stock target: the net change from the starting level; realised is the latest level."""

    def test_net_stock_with_additions_and_removals_that_nearly_cancel(self) -> None:
        """780 built and 776 taken out over two years leave +4 of the 60 expected: R = 4 / 60, off track."""
        # Start 5000 (baseline), reach 5090; expected at the end of 2026: 5000 + 90 × 2 / 3 = 5060.
        record = target_of(_NET_STOCK)
        assert (record.start, record.expected, record.realised, record.reach, record.year) == (
            5000,
            5060,
            5004,
            5090,
            2026,
        )
        assert record.ratio == pytest.approx(4 / 60)
        assert record.status is ProgressStatus.OFF_TRACK
        assert [r.value for r in record.figures] == [5004]  # the level, never the gross flows

    def test_the_flows_add_up_so_pa311_is_quiet(self) -> None:
        """The same figures satisfy the net-stock identity (+5 = 400 - 230 - 165; -1 = 380 - 250 - 131)."""
        assert "PA311" not in check(load(_NET_STOCK), as_of=AS_OF).codes()

    def test_start_from_the_realised_level_of_the_year_before(self) -> None:
        """Without a baseline the start is the 2024 level, 4900: reach 4990, expected 4960, realised 4990."""
        record = target_of("""
        targets:
          - {id: groei, indicator: voorraad, value: 90, from: 2025, by: 2027, area: zeist}
        realisations:
          - {indicator: voorraad, area: zeist, year: 2024, value: 4900, status: approved}
          - {indicator: voorraad, area: zeist, year: 2026, value: 4990, status: approved}
        """)
        assert (record.start, record.expected, record.realised, record.reach) == (4900, 4960, 4990, 4990)
        assert record.status is ProgressStatus.ACHIEVED
        assert [r.year for r in record.figures] == [2024, 2026]

    def test_no_starting_level_is_no_data(self) -> None:
        """Without a baseline and a 2024 level the net change cannot be measured: no data, with a note."""
        record = target_of("""
        targets:
          - {id: groei, indicator: voorraad, value: 90, from: 2025, by: 2027, area: zeist}
        realisations:
          - {indicator: voorraad, area: zeist, year: 2026, value: 4990, status: approved}
        """)
        assert record.status is ProgressStatus.NO_DATA
        assert (record.start, record.reach, record.ratio, record.realised) == (None, None, None, 4990)
        assert record.note is not None
        assert "starting level" in record.note


class TestCumulative:
    """A cumulative target: the running total at by; realised is the latest running total."""

    def test_running_total_from_zero(self) -> None:
        """1200 insulated by 2028, no baseline, no 2024 total: start 0, expected 600 by 2026, 540 realised: 0.9."""
        record = target_of("""
        targets:
          - {id: isoleren, indicator: geisoleerd, value: 1200, by: 2028, area: zeist}
        realisations:
          - {indicator: geisoleerd, area: zeist, year: 2025, value: 300, status: approved}
          - {indicator: geisoleerd, area: zeist, year: 2026, value: 540, status: approved}
        """)
        assert (record.start, record.expected, record.realised, record.reach) == (0, 600, 540, 1200)
        assert record.ratio == pytest.approx(0.9)
        assert record.status is ProgressStatus.NEEDS_ACCELERATION

    def test_running_total_from_a_baseline(self) -> None:
        """1000 more from 200 (a net change): expected 700 by 2026; 680 realised gives R = 480 / 500 = 0.96."""
        record = target_of("""
        targets:
          - {id: isoleren, indicator: geisoleerd, value: 1000, by: 2028, area: zeist,
             baseline: {year: 2024, value: 200}}
        realisations:
          - {indicator: geisoleerd, area: zeist, year: 2026, value: 680, status: approved}
        """)
        assert (record.start, record.expected, record.realised, record.reach) == (200, 700, 680, 1200)
        assert record.ratio == pytest.approx(0.96)
        assert record.status is ProgressStatus.ON_TRACK


class TestRatio:
    """A ratio target: the share to reach by by, from the baseline share (else the share of from − 1)."""

    def test_share_from_a_baseline(self) -> None:
        """0.4 to 0.8 over 2025-2028: expected 0.6 by 2026; 0.55 realised gives R = 0.15 / 0.2 = 0.75."""
        record = target_of("""
        targets:
          - {id: labels, indicator: label-b, value: 0.8, by: 2028, area: zeist,
             baseline: {year: 2024, value: 0.4}}
        realisations:
          - {indicator: label-b, area: zeist, year: 2026, value: 0.55, status: approved}
        """)
        assert record.start == 0.4
        assert record.expected == pytest.approx(0.6)
        assert record.reach == 0.8
        assert record.ratio == pytest.approx(0.75)
        assert record.status is ProgressStatus.NEEDS_ACCELERATION

    def test_share_from_the_year_before(self) -> None:
        """Without a baseline the 2024 share, 0.5, is the start: expected 0.65 by 2026, 0.7 realised: R = 4/3."""
        record = target_of("""
        targets:
          - {id: labels, indicator: label-b, value: 0.8, by: 2028, area: zeist}
        realisations:
          - {indicator: label-b, area: zeist, year: 2024, value: 0.5, status: approved}
          - {indicator: label-b, area: zeist, year: 2026, value: 0.7, status: approved}
        """)
        assert record.start == 0.5
        assert record.ratio == pytest.approx(4 / 3)
        assert record.status is ProgressStatus.ON_TRACK

    @pytest.mark.parametrize(("share", "status"), [(0.8, ProgressStatus.ACHIEVED), (0.7, ProgressStatus.NO_DATA)])
    def test_share_without_a_start(self, share: float, status: ProgressStatus) -> None:
        """Without a start there is no path: a reached share is achieved, any other share is no data."""
        record = target_of(f"""
        targets:
          - {{id: labels, indicator: label-b, value: 0.8, by: 2028, area: zeist}}
        realisations:
          - {{indicator: label-b, area: zeist, year: 2026, value: {share}, status: approved}}
        """)
        assert record.status is status
        assert record.ratio is None
        assert record.start is None

    def test_share_over_areas_is_weighted_not_summed(self) -> None:
        """0.5 in Den Dolder (1000 dwellings) and 0.9 in Austerlitz (3000): (500 + 2700) / 4000 = 0.8, reached."""
        record = target_of("""
        targets:
          - {id: labels, indicator: label-b, value: 0.8, by: 2028, baseline: {year: 2024, value: 0.4}}
        realisations:
          - {indicator: label-b, area: den-dolder, year: 2026, value: 0.5, status: approved}
          - {indicator: label-b, area: austerlitz, year: 2026, value: 0.9, status: approved}
        """)
        assert record.realised == pytest.approx(0.8)
        assert record.status is ProgressStatus.ACHIEVED

    def test_share_over_parties_is_left_unaggregated(self) -> None:
        """Shares of two corporations have no weights: the year has no usable figure, so no data."""
        record = target_of("""
        targets:
          - {id: labels, indicator: label-b, value: 0.8, by: 2028, baseline: {year: 2024, value: 0.4}}
        realisations:
          - {indicator: label-b, party: seyst, year: 2026, value: 0.5, status: approved}
          - {indicator: label-b, party: de-kombinatie, year: 2026, value: 0.9, status: approved}
        """)
        assert record.realised is None
        assert record.status is ProgressStatus.NO_DATA


_EFG = """
targets:
  - {{id: efg-weg, indicator: efg, value: -240, by: 2028, area: zeist, baseline: {{year: 2024, value: 240}}}}
realisations:
  - {{indicator: efg, area: zeist, year: 2026, value: {level}, status: approved}}
"""


class TestDecrease:
    """A target on an indicator whose direction is decrease: less is better, and R reads that way."""

    @pytest.mark.parametrize(
        ("level", "ratio", "status"),
        [
            (120, 1.0, ProgressStatus.ON_TRACK),  # expected 240 - 240 × 2 / 4 = 120
            (150, 0.75, ProgressStatus.NEEDS_ACCELERATION),  # 90 of 120 removed
            (200, 40 / 120, ProgressStatus.OFF_TRACK),
            (260, -20 / 120, ProgressStatus.DETERIORATING),  # more E/F/G labels than at the start
            (0, 2.0, ProgressStatus.ACHIEVED),
        ],
    )
    def test_less_is_better(self, level: int, ratio: float, status: ProgressStatus) -> None:
        """From 240 to 0 E/F/G labels over 2025-2028: R is the share of the expected removal achieved."""
        record = target_of(_EFG.format(level=level))
        assert record.direction is Direction.DECREASE
        assert (record.start, record.expected, record.reach) == (240, 120, 0)
        assert record.ratio == pytest.approx(ratio)
        assert record.status is status


class TestEdgeCases:
    """Not started, no data, expected = start, and a path that allows a decline."""

    def test_not_started_before_from(self) -> None:
        """A target from 2028, as of 1 June 2027, has not started, whatever figures exist."""
        record = target_of("""
        targets:
          - {id: later, indicator: nieuwbouw, value: 500, from: 2028, by: 2028, area: zeist}
        realisations:
          - {indicator: nieuwbouw, area: zeist, year: 2027, value: 10, status: approved}
        """)
        assert record.status is ProgressStatus.NOT_STARTED
        assert record.ratio is None

    def test_only_drafts_is_no_data_with_the_drafts_pending(self) -> None:
        """Draft and submitted figures are shown as pending and never counted: no data."""
        record = target_of("""
        targets:
          - {id: bouwen, indicator: nieuwbouw, value: 1000, by: 2028, area: zeist}
        realisations:
          - {target: bouwen, year: 2025, value: 300, status: draft}
          - {indicator: nieuwbouw, area: zeist, year: 2026, value: 250, status: submitted}
        """)
        assert record.status is ProgressStatus.NO_DATA
        assert record.realised is None
        assert record.figures == ()
        assert [(r.value, r.status) for r in record.pending] == [
            (300, RealisationStatus.DRAFT),
            (250, RealisationStatus.SUBMITTED),
        ]

    def test_figures_after_the_check_date_do_not_count(self) -> None:
        """As of 1 June 2027: a 2027 figure counts by year, but one reported on 2 June 2027 does not, nor 2028."""
        body = """
        targets:
          - {id: bouwen, indicator: nieuwbouw, value: 1000, by: 2028, area: zeist}
        realisations:
          - {indicator: nieuwbouw, area: zeist, year: 2025, value: 250, reported_on: 2026-03-01, status: approved}
          - {indicator: nieuwbouw, area: zeist, year: 2026, value: 250, reported_on: 2027-06-02, status: approved}
          - {indicator: nieuwbouw, area: zeist, year: 2028, value: 250, status: approved}
        """
        record = target_of(body)
        assert (record.year, record.realised) == (2025, 250)
        assert record.status is ProgressStatus.ON_TRACK  # 250 of 250 expected by the end of 2025
        assert target_of(body, as_of=dt.date(2027, 6, 2)).realised == 500

    @pytest.mark.parametrize(
        ("level", "status"),
        [(5000, ProgressStatus.ON_TRACK), (5010, ProgressStatus.ON_TRACK), (4999, ProgressStatus.DETERIORATING)],
    )
    def test_expected_equals_start(self, level: int, status: ProgressStatus) -> None:
        """Keep the stock level (value 0): on track unless the level moved against the direction; R undefined."""
        record = target_of(f"""
        targets:
          - {{id: behoud, indicator: voorraad, value: 0, by: 2028, area: zeist,
             baseline: {{year: 2024, value: 5000}}}}
        realisations:
          - {{indicator: voorraad, area: zeist, year: 2026, value: {level}, status: approved}}
        """)
        assert record.expected == 5000
        assert record.ratio is None
        assert record.status is status

    @pytest.mark.parametrize(
        ("share", "status"),
        [(0.45, ProgressStatus.ON_TRACK), (0.46, ProgressStatus.ON_TRACK), (0.44, ProgressStatus.OFF_TRACK)],
    )
    def test_a_share_allowed_to_fall(self, share: float, status: ProgressStatus) -> None:
        """A share from 0.5 to at least 0.4 by 2028 (0.45 by 2026): 0.45 and 0.46 are on or above the path."""
        record = target_of(f"""
        targets:
          - {{id: hooguit-daling, indicator: label-b, value: 0.4, by: 2028, area: zeist,
             baseline: {{year: 2024, value: 0.5}}}}
        realisations:
          - {{indicator: label-b, area: zeist, year: 2026, value: {share}, status: approved}}
        """)
        assert record.expected == pytest.approx(0.45)
        assert record.ratio is None
        assert record.status is status

    def test_unknown_indicator_is_no_data(self) -> None:
        """A target on an undeclared indicator (PA001) cannot be measured."""
        record = target_of("""
        targets:
          - {id: bouwen, indicator: onbekend, value: 10, by: 2028}
        """)
        assert record.status is ProgressStatus.NO_DATA
        assert record.aggregation is None


class TestWhichFigures:
    """A target uses the figures that name it, failing those its indicator's; a correction replaces a figure."""

    def test_figures_naming_the_target_win(self) -> None:
        """Figures that name the target are used; the indicator's and the commitments' are not added."""
        record = target_of("""
        targets:
          - {id: bouwen, indicator: nieuwbouw, value: 1000, by: 2028, area: zeist}
        commitments:
          - {id: c-2026, by: seyst, year: 2026, indicator: nieuwbouw, value: 250, target: bouwen, area: zeist}
        realisations:
          - {target: bouwen, year: 2026, value: 450, status: approved}
          - {indicator: nieuwbouw, area: zeist, year: 2026, value: 999, status: approved}
          - {commitment: c-2026, year: 2026, value: 240, status: approved}
        """)
        assert record.figures_from == "target"
        assert record.realised == 450

    def test_commitment_figures_never_feed_a_target(self) -> None:
        """With only commitment figures, the target has no data."""
        record = target_of("""
        targets:
          - {id: bouwen, indicator: nieuwbouw, value: 1000, by: 2028, area: zeist}
        commitments:
          - {id: c-2026, by: seyst, year: 2026, indicator: nieuwbouw, value: 250, target: bouwen, area: zeist}
        realisations:
          - {commitment: c-2026, year: 2026, value: 240, status: approved}
        """)
        assert record.status is ProgressStatus.NO_DATA
        assert record.figures_from is None

    def test_other_areas_do_not_count(self) -> None:
        """A target for Zeist does not count figures of Den Dolder."""
        record = target_of("""
        targets:
          - {id: bouwen, indicator: nieuwbouw, value: 1000, by: 2028, area: zeist}
        realisations:
          - {indicator: nieuwbouw, area: den-dolder, year: 2026, value: 450, status: approved}
        """)
        assert record.status is ProgressStatus.NO_DATA

    def test_a_correction_replaces_the_figure(self) -> None:
        """Of two approved figures for 2026, the later reported one counts (a correction is a new figure)."""
        record = target_of("""
        targets:
          - {id: bouwen, indicator: nieuwbouw, value: 1000, by: 2028, area: zeist}
        realisations:
          - {indicator: nieuwbouw, area: zeist, year: 2026, value: 300, reported_on: 2027-04-01, status: approved}
          - {indicator: nieuwbouw, area: zeist, year: 2026, value: 500, reported_on: 2027-03-01, status: approved}
        """)
        assert record.realised == 300

    def test_per_party_figures_add_up_to_the_area(self) -> None:
        """Without an area total, the figures of the two corporations in Zeist are summed: 200 + 300."""
        record = target_of("""
        targets:
          - {id: bouwen, indicator: nieuwbouw, value: 1000, by: 2028, area: zeist}
        realisations:
          - {indicator: nieuwbouw, area: zeist, party: seyst, year: 2026, value: 200, status: approved}
          - {indicator: nieuwbouw, area: zeist, party: de-kombinatie, year: 2026, value: 300, status: approved}
        """)
        assert record.realised == 500
        assert record.status is ProgressStatus.ON_TRACK

    def test_breakdown_parts_are_measured_in_their_own_place(self) -> None:
        """A regional 400 split 100 / 300 over two districts: Den Dolder 50 of 50 expected, Austerlitz 30 of 150."""
        record = target_of("""
        targets:
          - {id: bouwen, indicator: nieuwbouw, value: 400, by: 2028,
             breakdown: {den-dolder: 100, austerlitz: 300}}
        realisations:
          - {indicator: nieuwbouw, area: den-dolder, year: 2026, value: 50, status: approved}
          - {indicator: nieuwbouw, area: austerlitz, year: 2026, value: 30, status: approved}
        """)
        assert record.realised == 80  # the whole: the sum over areas
        assert record.status is ProgressStatus.OFF_TRACK  # 80 of 200
        dolder, austerlitz = record.parts
        assert (dolder.area, dolder.value, dolder.status) == ("den-dolder", 100, ProgressStatus.ON_TRACK)
        assert (austerlitz.area, austerlitz.expected, austerlitz.status) == (
            "austerlitz",
            150,
            ProgressStatus.OFF_TRACK,
        )
        assert dolder.path == "$.targets[0].breakdown['den-dolder']"


class TestCommitments:
    """A commitment: start 0, expected its value, only its own figures, judged from its due date on."""

    _BODY = """
    commitments:
      - {id: c-2026-bouw, by: [seyst, de-kombinatie], year: 2026, indicator: nieuwbouw, value: 200, area: zeist,
         theme: availability, due: DUE}
    realisations:
      - {commitment: c-2026-bouw, year: 2026, value: 150, status: approved}
      - {indicator: nieuwbouw, area: zeist, year: 2026, value: 999, status: approved}
    """

    @pytest.mark.parametrize(
        ("due", "as_of", "status"),
        [
            ("2027-06-01", AS_OF, ProgressStatus.NEEDS_ACCELERATION),  # due on the check date: judged
            ("2027-06-02", AS_OF, ProgressStatus.NOT_STARTED),
            ("null", dt.date(2026, 12, 31), ProgressStatus.NEEDS_ACCELERATION),  # 31 December of its year
            ("null", dt.date(2026, 12, 30), ProgressStatus.NOT_STARTED),
        ],
    )
    def test_judged_from_its_due_date(self, due: str, as_of: dt.date, status: ProgressStatus) -> None:
        """150 of 200 is R = 0.75 once due (its due date, else 31 December of its year); before, not started."""
        record = commitment_of(self._BODY.replace("DUE", due), as_of=as_of)
        assert record.status is status
        assert (record.start, record.expected, record.realised) == (0, 200, 150)
        if status is ProgressStatus.NEEDS_ACCELERATION:
            assert record.ratio == 0.75

    def test_effort_commitment_without_an_outcome_has_no_data(self) -> None:
        """An effort commitment is judged by its outcome: without an approved one, once due, it has no data."""
        record = commitment_of("""
        commitments:
          - {id: c-inzet, by: gemeente-zeist, year: 2025, kind: effort, text: De gemeente zoekt bouwlocaties}
        """)
        assert record.status is ProgressStatus.NO_DATA
        assert record.by_outcome
        assert record.note is not None
        assert "no approved outcome" in record.note

    def test_no_figures_is_no_data(self) -> None:
        """A due commitment without a counted figure of its own has no data; its draft is pending."""
        record = commitment_of("""
        commitments:
          - {id: c-2025-bouw, by: seyst, year: 2025, indicator: nieuwbouw, value: 100}
        realisations:
          - {commitment: c-2025-bouw, year: 2025, value: 100, status: submitted}
        """)
        assert record.status is ProgressStatus.NO_DATA
        assert len(record.pending) == 1


# --- direction and sign (DESIGN §3.1) ----------------------------------------------------------------------------


class TestDirectionAndSign:
    """A value whose sign contradicts its indicator is never on track; a flow that decreases has a ceiling."""

    @pytest.mark.parametrize("level", [4990, 4000, 6500])
    def test_fewer_written_as_a_positive_net_change(self, level: int) -> None:
        """'1200 fewer E/F/G homes' written as value 1200 on a decreasing stock was on track; it contradicts now."""
        record = target_of(f"""
        targets:
          - {{id: efg-weg, indicator: efg, value: 1200, by: 2028, area: zeist,
             baseline: {{year: 2024, value: 5000}}}}
        realisations:
          - {{indicator: efg, area: zeist, year: 2026, value: {level}, status: approved}}
        """)
        assert record.status is ProgressStatus.CONTRADICTS_DIRECTION
        assert record.ratio is None
        assert record.realised == level  # the figures are still shown
        assert record.note is not None
        assert "decrease" in record.note
        assert "at most 0" in record.note

    @pytest.mark.parametrize(
        ("indicator", "value"),
        [("voorraad", -200), ("geisoleerd", -100), ("efg", 10), ("nieuwbouw", -100)],
    )
    def test_every_contradiction_is_refused(self, indicator: str, value: int) -> None:
        """A stock or cumulative net change against the direction, and a negative flow, are never judged."""
        record = target_of(f"""
        targets:
          - {{id: doel, indicator: {indicator}, value: {value}, by: 2028, area: zeist,
             baseline: {{year: 2024, value: 5000}}}}
        realisations:
          - {{indicator: {indicator}, area: zeist, year: 2026, value: 4950, status: approved}}
        """)
        assert record.status is ProgressStatus.CONTRADICTS_DIRECTION
        assert record.note is not None
        assert ("PA005" if indicator == "nieuwbouw" else "PA006") in record.note

    def test_a_commitment_against_the_direction_is_refused_before_and_after_its_due_date(self) -> None:
        """A commitment of 100 more E/F/G homes contradicts the decrease, due or not, with or without figures."""
        body = """
        commitments:
          - {id: c-efg, by: seyst, year: 2026, indicator: efg, value: 100, area: zeist}
        realisations:
          - {commitment: c-efg, year: 2026, value: 100, status: approved}
        """
        for as_of in (dt.date(2026, 6, 1), AS_OF):
            record = commitment_of(body, as_of=as_of)
            assert record.status is ProgressStatus.CONTRADICTS_DIRECTION
            assert record.ratio is None

    def test_a_breakdown_part_is_judged_on_its_own_sign(self) -> None:
        """A decrease of 300 split -400 / +100: the part that asks for more E/F/G homes contradicts, the rest not."""
        record = target_of("""
        targets:
          - {id: efg-weg, indicator: efg, value: -300, by: 2028,
             breakdown: {den-dolder: 100, austerlitz: -400}, baseline: {year: 2024, value: 1000}}
        realisations:
          - {indicator: efg, area: den-dolder, year: 2024, value: 200, status: approved}
          - {indicator: efg, area: austerlitz, year: 2024, value: 800, status: approved}
          - {indicator: efg, area: den-dolder, year: 2026, value: 200, status: approved}
          - {indicator: efg, area: austerlitz, year: 2026, value: 600, status: approved}
        """)
        dolder, austerlitz = record.parts
        assert dolder.status is ProgressStatus.CONTRADICTS_DIRECTION
        assert austerlitz.status is ProgressStatus.ON_TRACK  # 200 of the 200 expected removed
        assert record.status is ProgressStatus.ON_TRACK  # 200 of the 150 expected removed: R = 4/3

    @pytest.mark.parametrize(
        ("realised_2026", "status"),
        [(30, ProgressStatus.ON_TRACK), (10, ProgressStatus.ON_TRACK), (31, ProgressStatus.OFF_TRACK)],
    )
    def test_a_decreasing_flow_is_a_ceiling(self, realised_2026: int, status: ProgressStatus) -> None:
        """At most 100 evictions over 2025-2028: by 2026 at most 50; 20 + 30 is on track, 20 + 31 is not."""
        record = target_of(f"""
        targets:
          - {{id: minder-uitzettingen, indicator: ontruimingen, value: 100, by: 2028, area: zeist}}
        realisations:
          - {{indicator: ontruimingen, area: zeist, year: 2025, value: 20, status: approved}}
          - {{indicator: ontruimingen, area: zeist, year: 2026, value: {realised_2026}, status: approved}}
        """)
        assert (record.expected, record.realised) == (50, 20 + realised_2026)
        assert record.status is status
        assert record.ratio is None
        assert record.note is not None
        assert "ceiling" in record.note

    def test_a_ceiling_of_zero_exceeded_is_off_track_not_deteriorating(self) -> None:
        """No evictions at all (value 0), and 3 happened: above the ceiling is off track (it was deteriorating)."""
        record = target_of("""
        targets:
          - {id: geen-uitzettingen, indicator: ontruimingen, value: 0, by: 2028, area: zeist}
        realisations:
          - {indicator: ontruimingen, area: zeist, year: 2026, value: 3, status: approved}
        """)
        assert record.status is ProgressStatus.OFF_TRACK

    @pytest.mark.parametrize(("realised", "status"), [(30, ProgressStatus.ON_TRACK), (31, ProgressStatus.OFF_TRACK)])
    def test_a_commitment_on_a_decreasing_flow_is_a_ceiling(self, realised: int, status: ProgressStatus) -> None:
        """At most 30 evictions in 2026: 30 is on track, 31 is off track."""
        record = commitment_of(f"""
        commitments:
          - {{id: c-ontruimingen, by: seyst, year: 2026, indicator: ontruimingen, value: 30, area: zeist}}
        realisations:
          - {{commitment: c-ontruimingen, year: 2026, value: {realised}, status: approved}}
        """)
        assert record.status is status


# --- which figures feed a target, per year (DESIGN §3.1) ---------------------------------------------------------


class TestPerYearPrecedence:
    """Per year, the target's own figures; for a year without them, its indicator's."""

    _ISSUE = """
    targets:
      - {id: bouwen, indicator: nieuwbouw, value: 460, by: 2028, area: zeist, theme: availability}
    realisations:
      - {indicator: nieuwbouw, area: zeist, year: 2025, value: 95, status: approved}
      - {target: bouwen, year: 2026, value: 131, status: approved}
    """

    def test_indicator_figures_of_2025_and_a_target_figure_of_2026_add_up(self) -> None:
        """95 new homes of the indicator in 2025 and 131 on the target's row in 2026 are 226 realised."""
        record = target_of(self._ISSUE)
        assert (record.year, record.realised) == (2026, 226)
        assert record.figures_from == "both"
        assert {year: figure.source for year, figure in record.series.items()} == {
            2025: "indicator",
            2026: "target",
        }
        assert [r.value for r in record.figures] == [95, 131]

    def test_a_target_row_no_longer_hides_the_indicator(self) -> None:
        """The issue's case: 226 of the 230 expected is on track (R ≈ 0.98); it was 131, off track, with PA307."""
        agreement = load(self._ISSUE)
        record = progress(agreement, as_of=AS_OF).targets[0]
        assert record.expected == 230
        assert record.ratio == pytest.approx(226 / 230)
        assert record.status is ProgressStatus.ON_TRACK
        assert "PA307" not in check(agreement, as_of=AS_OF).codes()

    def test_a_target_figure_replaces_the_indicator_only_in_its_own_year(self) -> None:
        """In 2026 the target's 131 replaces the indicator's 999; the indicator's 2025 still counts."""
        record = target_of(
            self._ISSUE
            + """
      - {indicator: nieuwbouw, area: zeist, year: 2026, value: 999, status: approved}
      - {indicator: nieuwbouw, area: zeist, year: 2026, value: 50, status: draft}
    """
        )
        assert record.realised == 226
        assert record.pending == ()  # the indicator's draft of 2026 would not count even when approved

    def test_a_stock_starts_from_the_indicator_when_the_target_has_no_figure_of_that_year(self) -> None:
        """The 2024 level comes from the indicator, the 2026 level from the target's own row."""
        record = target_of("""
        targets:
          - {id: groei, indicator: voorraad, value: 100, by: 2028, area: zeist}
        realisations:
          - {indicator: voorraad, area: zeist, year: 2024, value: 5000, status: approved}
          - {target: groei, year: 2026, value: 5050, status: approved}
        """)
        assert (record.start, record.expected, record.realised) == (5000, 5050, 5050)
        assert record.status is ProgressStatus.ON_TRACK
        assert record.figures_from == "both"


# --- how a commitment was kept (DESIGN §3.1) ---------------------------------------------------------------------


class TestOutcome:
    """An effort commitment, or one without an indicator, is judged by its latest approved outcome once due."""

    _EFFORT = """
    commitments:
      - {id: c-grond, by: gemeente-zeist, year: 2025, kind: effort, text: De gemeente zoekt bouwlocaties}
    realisations:
    """

    @pytest.mark.parametrize(
        ("outcome", "status"),
        [
            ("done", ProgressStatus.ACHIEVED),
            ("partly", ProgressStatus.NEEDS_ACCELERATION),
            ("not_done", ProgressStatus.OFF_TRACK),
        ],
    )
    def test_the_outcome_gives_the_status(self, outcome: str, status: ProgressStatus) -> None:
        """A figure without a value but with an outcome loads (it was refused) and judges the commitment."""
        record = commitment_of(
            self._EFFORT
            + f"""
      - {{commitment: c-grond, year: 2025, outcome: {outcome}, explanation: Grond pas in 2026, status: approved}}
    """
        )
        assert record.status is status
        assert record.by_outcome
        assert record.outcome is Outcome(outcome)
        assert record.explanation == "Grond pas in 2026"
        assert record.ratio is None

    def test_not_judged_before_its_due_date(self) -> None:
        """Before 31 December of its year the commitment has not started, even when it is reported done."""
        record = commitment_of(
            self._EFFORT + "  - {commitment: c-grond, year: 2025, outcome: done, status: approved}\n",
            as_of=dt.date(2025, 12, 30),
        )
        assert record.status is ProgressStatus.NOT_STARTED
        assert record.outcome is Outcome.DONE

    def test_the_latest_approved_outcome_counts(self) -> None:
        """Partly in 2025, done in 2026: achieved; a later draft and an outcome reported after as-of do not count."""
        record = commitment_of(
            self._EFFORT
            + """
      - {commitment: c-grond, year: 2026, outcome: done, reported_on: 2027-02-01, status: approved}
      - {commitment: c-grond, year: 2025, outcome: partly, reported_on: 2026-02-01, status: approved}
      - {commitment: c-grond, year: 2026, outcome: not_done, reported_on: 2027-03-01, status: draft}
      - {commitment: c-grond, year: 2026, outcome: not_done, reported_on: 2027-06-02, status: approved}
    """
        )
        assert record.status is ProgressStatus.ACHIEVED
        assert record.outcome_figure is not None
        assert record.outcome_figure.year == 2026
        assert [r.status for r in record.pending] == [RealisationStatus.DRAFT]

    def test_without_an_indicator_the_outcome_governs(self) -> None:
        """A result commitment with a value but no indicator is judged by its outcome, not by a bare number."""
        record = commitment_of("""
        commitments:
          - {id: c-overleg, by: gemeente-zeist, year: 2025, value: 4, text: Vier keer overleg met de huurders}
        realisations:
          - {commitment: c-overleg, year: 2025, value: 2, outcome: partly, status: approved}
        """)
        assert record.by_outcome
        assert record.status is ProgressStatus.NEEDS_ACCELERATION
        assert record.realised == 2

    def test_with_a_value_and_an_indicator_the_value_governs(self) -> None:
        """150 of 200 is R = 0.75 whatever the outcome says; the outcome is shown beside the status."""
        record = commitment_of("""
        commitments:
          - {id: c-bouw, by: seyst, year: 2026, indicator: nieuwbouw, value: 200, area: zeist}
        realisations:
          - {commitment: c-bouw, year: 2026, value: 150, outcome: done, status: approved}
        """)
        assert not record.by_outcome
        assert record.status is ProgressStatus.NEEDS_ACCELERATION
        assert record.ratio == 0.75
        assert record.outcome is Outcome.DONE

    @pytest.mark.parametrize(
        ("line", "path", "match"),
        [
            ("{commitment: c-grond, year: 2025, status: approved}", "$.realisations[0]", "a value or an outcome"),
            (
                "{indicator: nieuwbouw, year: 2025, value: 3, outcome: done, status: approved}",
                "$.realisations[0]",
                "only a realisation of a commitment",
            ),
        ],
    )
    def test_a_figure_needs_a_value_or_an_outcome_of_a_commitment(self, line: str, path: str, match: str) -> None:
        """A realisation with neither, or an outcome of something that is not a commitment, is refused at load."""
        with pytest.raises(pa.LoadError, match=match) as caught:
            load(self._EFFORT + f"  - {line}\n")
        assert any(problem.path.startswith(path) for problem in caught.value.problems)

    def test_round_trip(self) -> None:
        """Outcome and explanation are written and read back equal, in YAML and JSON; no value is written."""
        agreement = load(
            self._EFFORT
            + "  - {commitment: c-grond, year: 2025, outcome: partly, explanation: Te laat, status: approved}\n"
        )
        for format_ in ("yaml", "json"):
            text = pa.dumps(agreement, format=format_)
            assert "value" not in text
            assert pa.loads(text, format=format_) == agreement


class TestAssessments:
    """A manual assessment is shown next to the computed status, never instead of it."""

    def test_shown_beside_the_computed_status(self) -> None:
        """The corporation's own on_track stands next to the computed needs_acceleration; a later one is not shown."""
        report = progress(
            load(
                flow_target(200, 200)
                + """
    monitoring:
      frequency: yearly
      assessments:
        - {target: bouwen, status: on_track, by: seyst, date: 2027-05-01,
           reason: Twee grote projecten worden in 2027 opgeleverd}
        - {target: bouwen, status: achieved, by: seyst, date: 2027-07-01, reason: Later}
    """
            ),
            as_of=AS_OF,
        )
        record = report.targets[0]
        assert record.status is ProgressStatus.NEEDS_ACCELERATION
        assert record.assessment is not None
        assert (record.assessment.status, record.assessment.by, record.assessment.date) == (
            ProgressStatus.ON_TRACK,
            "seyst",
            dt.date(2027, 5, 1),
        )
        assert len(record.assessments) == 1

    def test_round_trip_of_the_new_key(self) -> None:
        """`monitoring.assessments` is written and read back equal, in YAML and JSON."""
        agreement = load("""
        monitoring:
          assessments:
            - {commitment: c-x, status: off_track, by: seyst, date: 2027-05-01, reason: Stikstof}
        """)
        for format_ in ("yaml", "json"):
            assert pa.loads(pa.dumps(agreement, format=format_), format=format_) == agreement


class TestRollUps:
    """Roll-ups per theme, party and area: counts per status, and summed flow quantities (a ratio never)."""

    def test_counts_and_flow_sums(self) -> None:
        """Two corporations' commitments roll up per party, theme and area; the share commitment adds no sum."""
        report = progress(
            load("""
            targets:
              - {id: bouwen, indicator: nieuwbouw, value: 1000, by: 2028, area: zeist, theme: availability}
            commitments:
              - {id: c-seyst, by: seyst, year: 2025, indicator: nieuwbouw, value: 200, area: zeist,
                 target: bouwen}
              - {id: c-kombinatie, by: de-kombinatie, year: 2026, indicator: nieuwbouw, value: 100, area: zeist,
                 theme: availability}
              - {id: c-later, by: seyst, year: 2028, indicator: nieuwbouw, value: 300, area: zeist,
                 theme: availability}
              - {id: c-labels, by: seyst, year: 2026, indicator: label-b, value: 0.6, area: zeist,
                 theme: quality-and-sustainability}
            realisations:
              - {commitment: c-seyst, year: 2025, value: 190, status: approved}
              - {commitment: c-kombinatie, year: 2026, value: 40, status: approved}
              - {commitment: c-labels, year: 2026, value: 0.6, status: approved}
            """),
            as_of=AS_OF,
        )
        statuses = {record.id: record.status for record in report.commitments}
        assert statuses == {
            "c-seyst": ProgressStatus.ON_TRACK,  # 190 / 200 = 0.95
            "c-kombinatie": ProgressStatus.OFF_TRACK,  # 40 / 100
            "c-later": ProgressStatus.NOT_STARTED,
            "c-labels": ProgressStatus.ACHIEVED,
        }
        availability = report.by_theme["availability"]  # c-seyst takes its target's theme
        assert availability.commitments[ProgressStatus.ON_TRACK] == 1
        assert availability.commitments[ProgressStatus.OFF_TRACK] == 1
        assert availability.commitments[ProgressStatus.NOT_STARTED] == 1
        assert availability.targets[ProgressStatus.NO_DATA] == 1
        totals = availability.flows["nieuwbouw"]
        assert (totals.committed, totals.due, totals.realised) == (600, 300, 230)
        assert report.by_theme["quality-and-sustainability"].flows == {}
        seyst = report.by_party["seyst"]
        assert seyst.flows["nieuwbouw"].committed == 500
        assert "label-b" not in seyst.flows
        assert report.by_area["zeist"].flows["nieuwbouw"].realised == 230
        assert sum(report.by_area["zeist"].commitments.values()) == 4


class TestEntryPoint:
    """The check date, the thresholds and the report's lookups."""

    def test_default_as_of_is_today(self) -> None:
        """Without a date, progress is as of today in the Netherlands."""
        assert progress(load("")).as_of == today()

    def test_any_date_will_do(self) -> None:
        """A `datetime.date` is taken as the check date."""
        report = progress(load(flow_target(200, 200)), as_of=dt.date(2027, 6, 1))
        assert report.as_of == AS_OF
        assert report.target("bouwen") is report.targets[0]
        assert report.target("niets") is None
        assert report.commitment("niets") is None

    @pytest.mark.parametrize(
        ("thresholds", "match"),
        [
            ({"on_track": 0.5, "needs_acceleration": 0.6}, "must not be above"),
            ({"on_track": -1.0}, "at least 0"),
            ({"needs_acceleration": math.nan}, "finite"),
        ],
    )
    def test_impossible_thresholds(self, thresholds: dict[str, float], match: str) -> None:
        """Thresholds out of order, negative or not finite are refused."""
        with pytest.raises(ConfigError, match=match):
            Thresholds(**thresholds)


# --- PA307's messages ----------------------------------------------------------------------------------------


class TestOffTrackRule:
    """PA307 gives R and the figures, but never a value of a commitment or figure that is not public."""

    _BODY = """
    commitments:
      - {id: c-2026-bouw, by: seyst, year: 2026, indicator: nieuwbouw, value: 200, area: zeist,
         visibility: VISIBILITY, visible_to: [gemeente-zeist]}
    realisations:
      - {commitment: c-2026-bouw, year: 2026, value: 90, status: approved}
    """

    @pytest.mark.parametrize(("visibility", "quoted"), [("public", True), ("parties", False), ("restricted", False)])
    def test_values_quoted_only_when_public(self, visibility: str, quoted: bool) -> None:
        """90 of 200 is R = 0.45: quoted for a public commitment only; the status is always named."""
        report = check(load(self._BODY.replace("VISIBILITY", visibility)), as_of=AS_OF)
        (finding,) = report.by_code()["PA307"]
        assert finding.path == "$.commitments[0]"
        assert "off_track" in finding.message_nl
        assert "off track" in finding.message_en
        for message in (finding.message_nl, finding.message_en):
            assert ("90" in message) is quoted
            assert ("200" in message) is quoted
            assert ("0.45" in message or "0,45" in message) is quoted

    def test_thresholds_from_the_configuration(self) -> None:
        """With needs_acceleration_threshold 0.4, R = 0.45 needs acceleration and PA307 is quiet."""
        agreement = load(self._BODY.replace("VISIBILITY", "public"))
        config = CheckConfig(params={"needs_acceleration_threshold": 0.4})
        assert "PA307" not in check(agreement, as_of=AS_OF, config=config).codes()


# --- properties ----------------------------------------------------------------------------------------------

_OUTCOME_STATUS = {
    Outcome.DONE: ProgressStatus.ACHIEVED,
    Outcome.PARTLY: ProgressStatus.NEEDS_ACCELERATION,
    Outcome.NOT_DONE: ProgressStatus.OFF_TRACK,
}

_R_STATUSES = {
    ProgressStatus.ON_TRACK,
    ProgressStatus.NEEDS_ACCELERATION,
    ProgressStatus.OFF_TRACK,
    ProgressStatus.DETERIORATING,
}


@st.composite
def thresholds(draw: st.DrawFn) -> Thresholds:
    """Valid thresholds: the acceleration threshold at most the on-track one."""
    low, high = sorted(draw(st.lists(st.floats(0, 2), min_size=2, max_size=2)))
    return Thresholds(on_track=high, needs_acceleration=low)


def assert_consistent(report: ProgressReport, records: list[TargetProgress | CommitmentProgress]) -> None:
    """Every status agrees with R, the thresholds and the figures it was computed from."""
    for record in records:
        assert all(counts_as_of(r, report.as_of) for r in record.figures)
        assert all(r.status is not RealisationStatus.APPROVED for r in record.pending)
        if record.status in _R_STATUSES and record.ratio is not None:
            assert record.status is report.thresholds.classify(record.ratio)
        if record.status is ProgressStatus.ACHIEVED and record.realised is not None:
            sign = -1 if record.direction is Direction.DECREASE else 1
            reach = record.reach if isinstance(record, TargetProgress) else record.expected
            assert reach is not None
            assert sign * (record.realised - reach) >= 0
        if record.status in {ProgressStatus.NO_DATA, ProgressStatus.NOT_STARTED}:
            assert record.ratio is None
        if record.status is ProgressStatus.CONTRADICTS_DIRECTION:
            assert record.ratio is None
            assert record.note is not None
            assert "PA006" in record.note or "PA005" in record.note
        elif isinstance(record, TargetProgress):
            assert (record.status is ProgressStatus.NOT_STARTED) == (report.as_of.year < record.first_year)
        elif record.status is ProgressStatus.NOT_STARTED:
            assert record.judged_from > report.as_of
        if isinstance(record, CommitmentProgress) and record.by_outcome:
            assert record.ratio is None
            outcome = record.outcome
            if record.status is not ProgressStatus.NOT_STARTED:
                assert record.status is (_OUTCOME_STATUS[outcome] if outcome is not None else ProgressStatus.NO_DATA)


class TestProperties:
    """Progress never raises on generated agreements, and its statuses agree with R and the thresholds."""

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(agreement=agreements(valid_references=False), as_of=dates(2005, 2045), chosen=thresholds())
    def test_never_raises_and_is_consistent(self, agreement: Agreement, as_of: dt.date, chosen: Thresholds) -> None:
        """Any agreement, broken references and odd years included, gives a report whose statuses can be explained."""
        report = progress(agreement, as_of=as_of, thresholds=chosen)
        assert len(report.targets) == len(agreement.targets)
        assert len(report.commitments) == len(agreement.commitments)
        records: list[TargetProgress | CommitmentProgress] = [*report.commitments]
        for target_record in report.targets:
            records += [target_record, *target_record.parts]
        assert_consistent(report, records)
        counted = sum(sum(rollup.commitments.values()) for rollup in report.by_theme.values())
        assert counted == len(agreement.commitments)

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(agreement=agreements(), as_of=dates(2005, 2045))
    def test_assessments_never_replace_the_computed_status(self, agreement: Agreement, as_of: dt.date) -> None:
        """Removing every manual assessment changes no computed status."""
        bare = attrs.evolve(agreement, monitoring=None)
        with_them = progress(agreement, as_of=as_of)
        without = progress(bare, as_of=as_of)
        assert [r.status for r in with_them.targets] == [r.status for r in without.targets]
        assert [r.status for r in with_them.commitments] == [r.status for r in without.commitments]

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(agreement=agreements(valid_references=False), as_of=dates(2005, 2045))
    def test_judged_records_are_the_reports(self, agreement: Agreement, as_of: dt.date) -> None:
        """The records PA307 reads are those of the report; it skips no R: only no_data, not_started or outcomes."""
        report = progress(agreement, as_of=as_of)
        targets, commitments = _judged_records(agreement, report.as_of, report.thresholds)
        assert targets == report.targets
        judged = {record.path: record for record in commitments}
        for record in report.commitments:
            if record.path in judged:
                assert judged.pop(record.path) == record
            else:
                assert record.by_outcome or record.status in {
                    ProgressStatus.NO_DATA,
                    ProgressStatus.NOT_STARTED,
                    ProgressStatus.CONTRADICTS_DIRECTION,
                }
        assert judged == {}
