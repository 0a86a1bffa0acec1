"""Benchmark at national scale: every step and command on a national agreement, 1e3 to 1e6 commitments.

Run from the repository root (about an hour on a quiet 2-core machine, two or more when it is busy; ``--quick`` for a
first look in a few minutes)::

    nice python benchmarks/national.py --sizes 1000 10000 100000 1000000

The dataset (`national_agreement_data`) has the shape of the Netherlands: 342 municipalities in 40 woondeal
regions in 12 provinces (one area per municipality with its dwellings and population), 280 housing corporations
that each work in one to ten municipalities, mostly of one region, 300 tenant organisations (one per corporation
for most corporations, a tenant platform in some municipalities), the state, the provinces and the national
alliances; eight themes, a ten-year perspective 2022-2031, national targets broken down per region and regional
targets broken down per municipality, commitments spread over corporations, municipalities, years and themes,
and realisations (mostly approved, some draft or submitted) for the years 2022-2025 of the commitments, the
targets and the indicators per municipality. Only the commitments (and their realisations) grow with the size;
the national skeleton is the same at every size. The same seed gives the same data.

For each size the JSON is written once to a cache folder (named by a digest of this file), and every
measurement runs in a fresh Python process, so that one size or step does not leave memory behind for the next:

- **Times**: in one process per size, ``--repeat`` rounds (``--large-repeat`` at 1e6 and more) of every step in
  turn, so that a slow spell of the shared machine hits all steps alike; per step the median wall-clock time
  (``time.perf_counter``) and the median CPU time of the process (``time.process_time``, which other processes'
  load disturbs less). The steps: ``orjson.loads(bytes)`` (the parse floor, with the garbage collector on, as a
  user's parse runs), the same with the collector paused (the parse alone),
  ``prestatieafspraken.loads(bytes, format="json")``, ``check`` (every rule, as of 2026-06-01, on the agreement
  just loaded, so building its index is part of the check), ``responsibility_graph``, ``progress`` (as of the same
  date) and ``dumps(format="json")`` (these three on the first agreement loaded, its index built). Every step is
  first run once on the 1e3 dataset, so imports and generated hooks are not timed. Each time is printed as a ratio
  to the floor, check and progress also as a ratio to load, and every step's growth factor per 10x more
  commitments (linear is 10; the fixed national skeleton makes it less between the small sizes).
- **Memory**: in one process per size and step, the resident set size (RSS) from ``/proc/self/status``. Before the
  step the peak is reset (``/proc/self/clear_refs``, Linux 4.0+); after it, the peak (``VmHWM``, the figure
  ``resource.getrusage(...).ru_maxrss`` reports) less the RSS before the step is the step's peak. The JSON bytes are
  in memory before the step. For the parse floor and for load, the memory retained is the RSS after the step (for
  load with the index built), after a full collection, less the RSS before it. Up to 1e5 commitments tracemalloc
  also counts the bytes of the live objects after load (``live``): RSS also counts memory the allocators keep
  after freeing, tracemalloc does not; it is too slow at 1e6, and its peak is no use here (it counts the parse
  buffer orjson reserves but never touches). All figures in MiB and as a multiple of the JSON size.

- **diff**: in one more process per size, ``diff`` of the agreement against a newer version of it (values changed,
  commitments removed and added, the list reversed), and load of the same file in the same rounds, as a ratio.
- **document**: in one more process per size, ``document`` (the agreement as a document: built, then written as
  Markdown, HTML and Word) and ``check`` of the same file in the same rounds, each on a freshly loaded agreement,
  as a ratio to check.
- **report**: in one more process per size up to 1e5, the steering group's HTML report
  (``render_report(format="html")``) and ``check`` of the same agreement in the same rounds, each on an agreement
  just loaded, as a ratio, with the size of the HTML. The agreement is the dataset with each municipality's part
  of each regional target also a target of its own (`with_municipal_targets`: 1,151 targets), as a national
  steering group follows them.
- **export-xlsx**: in one more process per size, ``write_workbook`` of the agreement (to a temporary file), ``check``
  of a freshly loaded agreement and the load itself, in the same rounds; the target is export/check at most 4 (the
  ratio with the load added to both, as the two commands take it, is printed too). And in two more processes, one
  for ``check`` and one for ``write_workbook``, each after the load: the peak resident memory of the step (as above)
  and of the whole process (``resource.getrusage(...).ru_maxrss``, the load's peak included, what a user's command
  takes); the target is the export at most 1.5 times the check.

- **commands**: in one more process per size, every other command as the CLI runs it after the load, and ``check``
  of the same file, in the same rounds, each on an agreement as just loaded (its index not built): ``check`` printed
  as text, ``diff`` and ``history`` of the agreement and its newer version (as in diff), ``plan FILE --year`` (the
  next cycle), ``bids``, ``graph --format svg`` of the whole agreement (refused above the node limit: what the
  command does then), of a province's neighbourhood and of the largest corporation's, ``document --year`` and
  ``document --summary`` (Markdown), the realisations template of the current year as CSV and its import filled in
  (up to 1e5 commitments: see ``_COMMANDS_UP_TO``), ``view_for`` the public and the largest corporation, and
  ``progress``; each as a ratio to check. And in one more process per size for check and each of
  ``_COMMAND_MEMORY``, after the load: the peak resident memory of the step and of the whole process.

**Bounds.** After the tables the script prints every bound (`BOUNDS`: the targets of docs/performance.md) at the
measured sizes it applies to, and exits with 1 when one is broken, else 0.

``--json FILE`` also writes every figure as JSON (after each size); ``--tables FILE`` prints the tables and bounds
of such a file without measuring; ``--no-memory`` skips the memory processes; ``--only GROUP...`` runs only some
of the groups above (time, diff, document, report, export, commands); ``--quick`` is a first look in a few
minutes (1e3 and 1e4 commitments, three rounds, no memory).
"""

from __future__ import annotations

import argparse
import collections
import csv
import datetime as dt
import functools
import gc
import hashlib
import itertools
import json
import math
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import attrs
import orjson
from synthetic import _GOALS, _INDICATORS, _MILESTONES

if TYPE_CHECKING:
    from prestatieafspraken import Agreement

__all__ = ["AS_OF", "national_agreement_data", "national_json_bytes", "with_municipal_targets"]

#: The perspective: ten years.
FIRST_YEAR = 2022
LAST_YEAR = 2031
YEARS = tuple(range(FIRST_YEAR, LAST_YEAR + 1))
#: The check date of check and progress: the years 2022-2025 are past and have realisations.
AS_OF = dt.date(2026, 6, 1)
PAST_YEARS = tuple(year for year in YEARS if year < AS_OF.year)

MUNICIPALITIES = 342
REGIONS = 40
PROVINCES = 12
CORPORATIONS = 280
#: Corporations with a tenant organisation of their own; with the municipal tenant platforms, 300 in all.
CORPORATION_TENANTS = 260
MUNICIPAL_TENANTS = 40
#: The last corporations joined the coalition in the second year.
JOINED = 12

#: The eight themes of the Amsterdam Samenwerkingsafspraken (the standard themes without collaboration).
THEMES = (
    "availability",
    "affordability",
    "target-groups",
    "vulnerable-groups-and-care",
    "quality-and-sustainability",
    "liveability",
    "finance",
    "monitoring",
)
#: How often each theme comes up in the commitments.
THEME_WEIGHTS = (30, 12, 10, 8, 20, 12, 5, 3)
#: Commitments are agreed for the nearer years more than for the later ones.
YEAR_WEIGHTS = (12, 12, 12, 12, 11, 10, 9, 8, 7, 7)

_EXTRA_INDICATORS: tuple[dict[str, Any], ...] = (
    {
        "id": "affordable-allocations",
        "label": "Toewijzingen aan de doelgroep",
        "unit": "households",
        "aggregation": "flow",
    },
    {"id": "homes-adapted", "label": "Woningen aangepast voor zorg", "unit": "dwellings", "aggregation": "flow"},
    {"id": "homes-insulated", "label": "Woningen geïsoleerd", "unit": "dwellings", "aggregation": "flow"},
    {"id": "liveability-budget", "label": "Budget leefbaarheid", "unit": "EUR", "aggregation": "flow"},
    {"id": "investment", "label": "Investeringen", "unit": "EUR", "aggregation": "flow"},
)
INDICATORS: tuple[dict[str, Any], ...] = (*_INDICATORS, *_EXTRA_INDICATORS)

#: Per theme: the indicators of its result commitments, a base value per commitment and the goal it serves.
_THEME_WORK: dict[str, tuple[tuple[str, ...], int, str]] = {
    "availability": (("social-new-build", "new-build-total", "social-acquired"), 40, "more-social-homes"),
    "affordability": (("affordable-allocations",), 60, "affordable-rents"),
    "target-groups": (("affordable-allocations",), 30, "affordable-rents"),
    "vulnerable-groups-and-care": (("homes-adapted", "evictions"), 10, "liveable-neighbourhoods"),
    "quality-and-sustainability": (("homes-insulated",), 80, "sustainable-stock"),
    "liveability": (("liveability-budget",), 25_000, "liveable-neighbourhoods"),
    "finance": (("investment",), 500_000, "close-the-gap"),
    "monitoring": ((), 0, "shared-picture"),
}
#: The indicators of the national targets, each broken down per region and then per municipality.
_TARGET_INDICATORS = (("social-new-build", 0.013), ("new-build-total", 0.04), ("homes-insulated", 0.12))
_FLOWS = ("social-new-build", "social-acquired", "social-sold", "social-demolished")


class _Skeleton:
    """The national cast: areas, parties and their relations, the same at every size."""

    def __init__(self, rng: random.Random) -> None:
        self.provinces = [f"provincie-{p:02d}" for p in range(PROVINCES)]
        self.regions = [f"regio-{r:02d}" for r in range(REGIONS)]
        self.region_province = [self.provinces[r * PROVINCES // REGIONS] for r in range(REGIONS)]
        self.municipalities = [f"gm{m:04d}" for m in range(MUNICIPALITIES)]
        # A few large cities, many small municipalities: dwellings are log-normal (median about 17,000).
        self.dwellings = [round(min(460_000, max(2_500, rng.lognormvariate(9.75, 0.8)))) for _ in self.municipalities]
        # Every region has at least one municipality; the rest fall in regions at random.
        region_of = list(range(REGIONS)) + [rng.randrange(REGIONS) for _ in range(MUNICIPALITIES - REGIONS)]
        rng.shuffle(region_of)
        self.region_of = region_of
        self.members: list[list[int]] = [[] for _ in range(REGIONS)]
        for municipality, region in enumerate(region_of):
            self.members[region].append(municipality)
        self.corporations = [f"corporatie-{c:03d}" for c in range(CORPORATIONS)]
        # Corporations work in one to ten municipalities, mostly few; the extra ones beyond the home region are
        # municipalities of the neighbouring region.
        self.works_in: list[list[int]] = []
        for _ in self.corporations:
            count = rng.choices(range(1, 11), weights=(30, 20, 14, 10, 8, 6, 5, 3, 2, 2))[0]
            home = rng.randrange(REGIONS)
            pool = self.members[home] + self.members[(home + 1) % REGIONS]
            self.works_in.append(rng.sample(pool, min(count, len(pool))))
        self.corporation_size = [
            sum(self.dwellings[m] for m in municipalities) * rng.uniform(0.05, 0.4) for municipalities in self.works_in
        ]
        self.corporation_tenants = {
            c: f"huurders-{self.corporations[c]}" for c in sorted(rng.sample(range(CORPORATIONS), CORPORATION_TENANTS))
        }
        self.municipal_tenants = {
            m: f"huurdersplatform-{self.municipalities[m]}"
            for m in sorted(rng.sample(range(MUNICIPALITIES), MUNICIPAL_TENANTS))
        }
        # Commitments fall to corporations by size, and within a corporation to its municipalities by dwellings.
        self.corporation_weights = list(itertools.accumulate(self.corporation_size))
        self.municipality_weights = [
            list(itertools.accumulate(self.dwellings[m] for m in municipalities)) for municipalities in self.works_in
        ]

    @property
    def municipality_parties(self) -> list[str]:
        return [f"gemeente-{m:03d}" for m in range(MUNICIPALITIES)]


def _parts(total: int, weights: list[float]) -> list[int]:
    """Whole parts of *total* in proportion to *weights* that add up to *total* exactly (largest remainders)."""
    whole = sum(weights)
    exact = [total * weight / whole for weight in weights]
    parts = [math.floor(share) for share in exact]
    by_remainder = sorted(range(len(parts)), key=lambda i: (parts[i] - exact[i], i))
    for i in by_remainder[: total - sum(parts)]:
        parts[i] += 1
    return parts


def _targets(cast: _Skeleton, rng: random.Random) -> tuple[list[dict[str, Any]], dict[tuple[str, int], str]]:
    """National targets per indicator broken down per region; regional targets broken down per municipality."""
    targets: list[dict[str, Any]] = []
    regional: dict[tuple[str, int], str] = {}
    region_dwellings = [sum(cast.dwellings[m] for m in members) for members in cast.members]
    for indicator, per_dwelling in _TARGET_INDICATORS:
        total = round(sum(cast.dwellings) * per_dwelling)
        per_region = _parts(total, [weight * rng.uniform(0.8, 1.2) for weight in region_dwellings])
        sustainable = indicator == "homes-insulated"
        theme = "quality-and-sustainability" if sustainable else "availability"
        goals = ["sustainable-stock" if sustainable else "more-social-homes"]
        common = {"indicator": indicator, "from": FIRST_YEAR, "by": LAST_YEAR - 1, "theme": theme, "goals": goals}
        targets.append(
            {
                "id": f"nl-{indicator}",
                **common,
                "value": total,
                "breakdown": dict(zip(cast.regions, per_region, strict=True)),
                "source": "Nationale Woon- en Bouwagenda",
            }
        )
        for r, region in enumerate(cast.regions):
            members = cast.members[r]
            parts = _parts(per_region[r], [cast.dwellings[m] for m in members])
            regional[indicator, r] = f"{region}-{indicator}"
            targets.append(
                {
                    "id": regional[indicator, r],
                    **common,
                    "value": per_region[r],
                    "area": region,
                    "breakdown": {cast.municipalities[m]: part for m, part in zip(members, parts, strict=True)},
                    "source": "Woondeal",
                }
            )
    social_stock = sum(round(d * 0.28) for d in cast.dwellings)
    growth = round(social_stock * 0.05)
    targets += [
        {
            "id": "nl-social-stock",
            "indicator": "social-stock",
            "value": growth,
            "by": LAST_YEAR,
            "theme": "availability",
            "goals": ["more-social-homes"],
            "breakdown": dict(zip(cast.regions, _parts(growth, [len(m) for m in cast.members]), strict=True)),
            "baseline": {"year": FIRST_YEAR - 1, "value": social_stock},
        },
        {
            "id": "nl-label-b-or-better",
            "indicator": "label-b-or-better",
            "value": 0.8,
            "by": LAST_YEAR,
            "theme": "quality-and-sustainability",
            "goals": ["sustainable-stock"],
            "breakdown": dict.fromkeys(cast.regions, 0.8),
            "baseline": {"year": FIRST_YEAR - 1, "value": 0.52},
        },
    ]
    return targets, regional


def _who(roll: float, corporation: str, municipality: str, tenants: str | None) -> tuple[str | list[str], list[str]]:
    """Who executes a commitment and who benefits: mostly the corporation for the municipality and its tenants."""
    if roll < 0.15:
        return [corporation, municipality], [municipality] if tenants is None else [municipality, tenants]
    if roll < 0.25:
        return municipality, [corporation] if tenants is None else [corporation, tenants]
    if roll < 0.28 and tenants is not None:
        return tenants, [corporation]
    return corporation, [municipality] if tenants is None else [municipality, tenants]


class _Commitments:
    """Commitments one by one, each with its realisations for the past years."""

    def __init__(self, cast: _Skeleton, regional: dict[tuple[str, int], str], rng: random.Random) -> None:
        self.cast = cast
        self.regional = regional
        self.rng = rng
        self.municipality_parties = cast.municipality_parties
        self.theme_weights = list(itertools.accumulate(THEME_WEIGHTS))
        self.year_weights = list(itertools.accumulate(YEAR_WEIGHTS))
        self.size_factor = [d / statistics.mean(cast.dwellings) for d in cast.dwellings]
        # The latest commitment of each corporation per year: a condition names one of the same or an earlier year.
        self.latest: dict[tuple[int, int], str] = {}

    def _realisation(self, entry: dict[str, Any]) -> dict[str, Any]:
        """The figure reported on a commitment of a past year: mostly approved, some still draft or submitted."""
        rng, year = self.rng, entry["year"]
        return {
            "commitment": entry["id"],
            "year": year,
            "value": round(entry["value"] * rng.uniform(0.4, 1.2)),
            "reported_on": f"{year + 1}-{rng.randint(2, 4):02d}-{rng.randint(1, 28):02d}",
            "status": rng.choice(("approved", "approved", "approved", "approved", "submitted", "draft")),
        }

    def _condition(self, corporation: int, year: int) -> list[str] | None:
        """A condition on the corporation's latest commitment of the same or an earlier year, if it has one."""
        earlier = (self.latest.get((corporation, y)) for y in range(year, FIRST_YEAR - 1, -1))
        condition = next((found for found in earlier if found is not None), None)
        return None if condition is None else [condition]

    def make(self, n: int) -> tuple[dict[str, Any], dict[str, Any] | None]:
        """Commitment number *n*, and the figure reported on it (None when there is none)."""
        rng, cast = self.rng, self.cast
        c = rng.choices(range(CORPORATIONS), cum_weights=cast.corporation_weights)[0]
        m = rng.choices(cast.works_in[c], cum_weights=cast.municipality_weights[c])[0]
        corporation, municipality = cast.corporations[c], self.municipality_parties[m]
        tenants = cast.corporation_tenants.get(c) or cast.municipal_tenants.get(m)
        year = rng.choices(YEARS, cum_weights=self.year_weights)[0]
        if c >= CORPORATIONS - JOINED:
            year = max(year, FIRST_YEAR + 1)  # a corporation that joined in the second year commits from then on
        theme = rng.choices(THEMES, cum_weights=self.theme_weights)[0]
        indicators, base, goal = _THEME_WORK[theme]
        by, beneficiaries = _who(rng.random(), corporation, municipality, tenants)
        entry: dict[str, Any] = {"id": f"c-{n:07d}", "by": by, "for": beneficiaries, "theme": theme, "goals": [goal]}
        entry["year"] = year
        realisation = None
        if indicators and rng.random() < 0.8:
            indicator = rng.choice(indicators)
            value = max(1, round(base * self.size_factor[m] * rng.uniform(0.3, 1.7)))
            entry |= {
                "text": f"{indicator}: {value} in {cast.municipalities[m]} ({year})",
                "indicator": indicator,
                "value": value,
                "area": cast.municipalities[m],
                "due": f"{year}-{rng.randint(3, 12):02d}-{rng.randint(1, 28):02d}",
            }
            target = self.regional.get((indicator, cast.region_of[m]))
            if target is not None:
                entry["target"] = target
            if year < AS_OF.year and rng.random() < 0.6:
                realisation = self._realisation(entry)
        else:
            entry |= {"kind": "effort", "text": f"Inspanning {n} van {corporation} in {cast.municipalities[m]}"}
        if rng.random() < 0.03 and (condition := self._condition(c, year)) is not None:
            entry["conditional_on"] = condition
        self.latest[c, year] = entry["id"]
        roll = rng.random()
        if roll < 0.08:
            entry["visibility"] = "parties"
            if realisation is not None:
                realisation["visibility"] = "parties"
        elif roll < 0.1:
            entry |= {"visibility": "restricted", "visible_to": [corporation, municipality]}
        return entry, realisation


def _figures(cast: _Skeleton, targets: list[dict[str, Any]], rng: random.Random) -> list[dict[str, Any]]:
    """The monitor's figures for the past years: of every municipality, of the regional and the national targets."""
    figures: list[dict[str, Any]] = []
    for m, area in enumerate(cast.municipalities):
        stock = round(cast.dwellings[m] * rng.uniform(0.15, 0.4))
        share = rng.uniform(0.35, 0.65)
        consistent = rng.random() < 0.97  # a few municipalities report flows that do not add up (PA311)
        figures.append(
            {
                "indicator": "social-stock",
                "area": area,
                "year": FIRST_YEAR - 1,
                "value": stock,
                "status": "approved",
                "reported_on": f"{FIRST_YEAR}-03-15",
            }
        )
        figures.append(
            {
                "indicator": "label-b-or-better",
                "area": area,
                "year": FIRST_YEAR - 1,
                "value": round(share, 3),
                "status": "approved",
            }
        )
        for year in PAST_YEARS:
            scale = cast.dwellings[m] / 100
            flows = [round(scale * rng.uniform(*bounds)) for bounds in ((0.5, 1.5), (0, 0.3), (0, 0.4), (0, 0.2))]
            stock += flows[0] + flows[1] - flows[2] - flows[3] + (0 if consistent else rng.randint(1, 50))
            share = min(1.0, share + rng.uniform(0.0, 0.06))
            reported = f"{year + 1}-0{rng.randint(2, 5)}-{rng.randint(1, 28):02d}"
            status = "approved" if year < AS_OF.year - 1 or rng.random() < 0.8 else "submitted"
            figures += [
                {
                    "indicator": flow,
                    "area": area,
                    "year": year,
                    "value": value,
                    "status": status,
                    "reported_on": reported,
                }
                for flow, value in zip(_FLOWS, flows, strict=True)
            ]
            figures.append(
                {
                    "indicator": "social-stock",
                    "area": area,
                    "year": year,
                    "value": stock,
                    "status": status,
                    "reported_on": reported,
                }
            )
            figures.append(
                {
                    "indicator": "label-b-or-better",
                    "area": area,
                    "year": year,
                    "value": round(share, 3),
                    "status": status,
                    "reported_on": reported,
                }
            )
    for target in targets:
        if "area" not in target or target["indicator"] == "social-stock":
            continue
        yearly = target["value"] / (LAST_YEAR - FIRST_YEAR)
        for year in PAST_YEARS:
            for area, part in target["breakdown"].items():
                figures.append(
                    {
                        "target": target["id"],
                        "area": area,
                        "year": year,
                        "value": round(part / max(1, target["value"]) * yearly * rng.uniform(0.5, 1.2)),
                        "status": "approved",
                        "reported_on": f"{year + 1}-05-01",
                    }
                )
    return figures


def _bids(cast: _Skeleton, commitment_list: list[dict[str, Any]], rng: random.Random) -> list[dict[str, Any]]:
    """Each corporation's bid for each year: its own figures per indicator and municipality, offered a little lower."""
    offered: dict[tuple[str, int], dict[tuple[str, str], int]] = {}
    for entry in commitment_list:
        if "value" in entry and isinstance(entry["by"], str) and entry["by"].startswith("corporatie-"):
            figures = offered.setdefault((entry["by"], entry["year"]), {})
            key = (entry["indicator"], entry["area"])
            figures[key] = figures.get(key, 0) + entry["value"]
    return [
        {
            "id": f"bod-{corporation}-{year}",
            "party": corporation,
            "for_year": year,
            "date": f"{year - 1}-06-{1 + c % 28:02d}",
            "sent_to": [f"gemeente-{m:03d}" for m in cast.works_in[c]],
            "offers": [
                {"id": f"o-{n}", "indicator": indicator, "area": area, "value": round(value * rng.uniform(0.85, 1.05))}
                for n, ((indicator, area), value) in enumerate(offered.get((corporation, year), {}).items())
            ],
        }
        for c, corporation in enumerate(cast.corporations)
        for year in YEARS
    ]


def national_agreement_data(commitments: int, seed: int = 0) -> dict[str, Any]:
    """Return a national agreement with *commitments* commitments as plain data of file format v1 (see above)."""
    rng = random.Random(seed)
    cast = _Skeleton(rng)
    municipality_parties = cast.municipality_parties
    corporation_tenants = list(cast.corporation_tenants.values())
    municipal_tenants = list(cast.municipal_tenants.values())
    targets, regional = _targets(cast, rng)
    maker = _Commitments(cast, regional, rng)
    commitment_list: list[dict[str, Any]] = []
    realisations: list[dict[str, Any]] = []
    for n in range(commitments):
        entry, realisation = maker.make(n)
        commitment_list.append(entry)
        if realisation is not None:
            realisations.append(realisation)
    realisations += _figures(cast, targets, rng)
    signatories = [*municipality_parties, *cast.corporations, *corporation_tenants, *municipal_tenants, "rijk"]
    parties: list[dict[str, Any]] = [
        {"id": "rijk", "name": "Ministerie van VRO", "kind": "state", "supervisory_body": "Tweede Kamer"},
        *(
            {"id": province, "name": f"Provincie {p}", "kind": "province", "areas": [province]}
            for p, province in enumerate(cast.provinces)
        ),
        {"id": "aedes", "name": "Aedes", "kind": "corporation_alliance", "represents": cast.corporations},
        {
            "id": "woonbond",
            "name": "Woonbond",
            "kind": "tenant_alliance",
            "represents": [*corporation_tenants, *municipal_tenants],
        },
        {"id": "vng", "name": "VNG", "kind": "other", "represents": municipality_parties},
        {"id": "ipo", "name": "IPO", "kind": "other", "represents": cast.provinces},
        *(
            {
                "id": party,
                "name": f"Gemeente {m}",
                "kind": "municipality",
                "areas": [cast.municipalities[m]],
                "supervisory_body": "gemeenteraad",
            }
            for m, party in enumerate(municipality_parties)
        ),
        *(
            {
                "id": corporation,
                "name": f"Woningcorporatie {c}",
                "kind": "housing_corporation",
                "areas": [cast.municipalities[m] for m in cast.works_in[c]],
                "supervisory_body": "raad van commissarissen",
            }
            for c, corporation in enumerate(cast.corporations)
        ),
        *(
            {
                "id": tenants,
                "name": f"Huurdersorganisatie van {cast.corporations[c]}",
                "kind": "tenant_organisation",
                "supervisory_body": "achterban",
            }
            for c, tenants in cast.corporation_tenants.items()
        ),
        *(
            {
                "id": tenants,
                "name": f"Huurdersplatform {cast.municipalities[m]}",
                "kind": "tenant_organisation",
                "areas": [cast.municipalities[m]],
            }
            for m, tenants in cast.municipal_tenants.items()
        ),
    ]
    joined = cast.corporations[-JOINED:]
    return {
        "schema_version": 1,
        "id": f"national-{commitments}",
        "title": f"Nationale prestatieafspraken {FIRST_YEAR}-{LAST_YEAR} met {commitments} afspraken",
        "scope": "national",
        "perspective": {"start": FIRST_YEAR, "end": LAST_YEAR},
        "basis": [
            {"kind": "national_agreement", "title": "Nationale prestatieafspraken", "year": FIRST_YEAR},
            {"kind": "woondeal", "title": "Regionale woondeals", "year": FIRST_YEAR + 1},
            {"kind": "housing_programme", "title": "Volkshuisvestingsprogramma's", "year": FIRST_YEAR + 3},
        ],
        "assignment": {
            "purpose": "Samen 900.000 woningen bouwen, betaalbaar en duurzaam",
            "in_scope": list(THEMES),
            "out_of_scope": ["Vrije sector koop"],
            "dilemmas": ["Bouwtempo tegenover betaalbaarheid", "Verduurzaming tegenover nieuwbouw"],
            "agreed_on": f"{FIRST_YEAR - 1}-11-15",
        },
        "areas": [
            *(
                {"id": province, "name": f"Provincie {p}", "kind": "province", "cbs_code": f"PV{20 + p:02d}"}
                for p, province in enumerate(cast.provinces)
            ),
            *({"id": region, "name": f"Woondealregio {r}", "kind": "region"} for r, region in enumerate(cast.regions)),
            *(
                {
                    "id": area,
                    "name": f"Gemeente {m}",
                    "kind": "municipality",
                    "cbs_code": f"GM{m:04d}",
                    "dwellings": cast.dwellings[m],
                    "population": round(cast.dwellings[m] * 2.1),
                }
                for m, area in enumerate(cast.municipalities)
            ),
        ],
        "parties": parties,
        "coalition": [
            *({"party": province, "status": "endorser"} for province in cast.provinces),
            {"party": "ipo", "status": "endorser"},
            {"party": "vng", "status": "observer"},
            *({"party": c, "status": "joined", "joined_on": f"{FIRST_YEAR + 1}-06-01"} for c in joined),
        ],
        "tenant_involvement": "signatory",
        "groups": [
            {
                "id": "landelijke-stuurgroep",
                "kind": "steering",
                "members": ["rijk", "aedes", "woonbond", "vng", municipality_parties[0], cast.corporations[0]],
            },
            *(
                {
                    "id": f"{region}-regietafel",
                    "kind": "working",
                    "members": [
                        *(municipality_parties[m] for m in cast.members[r]),
                        *(cast.corporations[c] for c in range(CORPORATIONS) if cast.works_in[c][0] in cast.members[r]),
                    ],
                }
                for r, region in enumerate(cast.regions)
            ),
            *(
                {"id": f"tafel-{theme}", "kind": "theme_table", "members": ["rijk", "aedes", "woonbond", "vng"]}
                for theme in THEMES
            ),
        ],
        "mandates": [
            *({"holder": party, "role": "signatory", "person": "bestuurder"} for party in signatories),
            {"holder": "rijk", "role": "administrative_lead", "granted_by": signatories[:-1]},
            {"holder": "aedes", "role": "official_lead", "granted_by": signatories[:-1]},
            {"holder": "rijk", "role": "monitor"},
            {"holder": "rijk", "role": "drafter"},
            {"holder": "rijk", "role": "decider"},
        ],
        "themes": [
            {"id": theme, "lead": lead}
            for theme, lead in zip(
                THEMES, ("rijk", "aedes", "vng", "woonbond", "aedes", "vng", "rijk", "rijk"), strict=True
            )
        ],
        "goals": [{"id": goal_id, "text": text, "kind": kind} for goal_id, text, kind in _GOALS],
        "definitions": [
            {
                "term": "sociale-huur",
                "defined_by": "rijk",
                "value": 879.66,
                "unit": "EUR",
                "text": "Huur t/m de liberalisatiegrens",
            },
            {"term": "betaalbare-koop", "defined_by": "rijk", "value": 405000, "unit": "EUR"},
        ],
        "indicators": list(INDICATORS),
        "frameworks": [
            {
                "id": "daeb-30",
                "set_by": "rijk",
                "numerator": "social-new-build",
                "denominator": "new-build-total",
                "min": 0.3,
                "per": "area",
                "source": "Nationale Woon- en Bouwagenda: twee derde betaalbaar",
            },
        ],
        "targets": targets,
        "commitments": commitment_list,
        "process": {
            "started": f"{FIRST_YEAR - 1}-06-01",
            "milestones": [
                *(
                    {
                        "kind": "bid",
                        "party": corporation,
                        "date": f"{FIRST_YEAR - 1}-06-{1 + c % 28:02d}",
                        "status": "done",
                    }
                    for c, corporation in enumerate(cast.corporations)
                ),
                *(
                    {"kind": kind, "date": f"{FIRST_YEAR - 1}-{month:02d}-15", "status": "done"}
                    for month, kind in enumerate(_MILESTONES, start=7)
                ),
                {"kind": "evaluation", "date": f"{FIRST_YEAR + 2}-05-01", "status": "done"},
                {"kind": "evaluation", "date": f"{AS_OF.year}-10-01", "status": "planned"},
            ],
            "products": [{"id": "onderhandelakkoord", "title": "Onderhandelakkoord", "status": "final"}],
        },
        "bids": _bids(cast, commitment_list, rng),
        "monitoring": {
            "frequency": "yearly",
            "hybrid": True,
            "assessments": [
                {
                    "target": target["id"],
                    "status": "needs_acceleration",
                    "by": "rijk",
                    "date": f"{AS_OF.year}-04-01",
                    "reason": "Netcongestie en stikstof vertragen de bouw",
                }
                for target in targets[1:6]
            ],
        },
        "realisations": realisations,
        "amendments": [
            {
                "id": "bijsturing-2024",
                "date": f"{FIRST_YEAR + 2}-06-30",
                "reason": "Bijsturen na de midterm review",
                "agreed_by": signatories,
            }
        ],
    }


def national_json_bytes(commitments: int, *, seed: int = 0) -> bytes:
    """Return `national_agreement_data` as compact JSON bytes, as a file on disk would hold them."""
    return orjson.dumps(national_agreement_data(commitments, seed=seed))


# --- measuring ---------------------------------------------------------------------------------------------------

#: The steps, in the order of the table.
STEPS = ("floor", "parse", "load", "check", "graph", "progress", "bids", "jaarschijf", "dumps")
_STEP_NAMES = {
    "floor": "orjson.loads (floor)",
    "parse": "orjson.loads, collector paused",
    "load": "loads(format='json')",
    "check": "check (every rule)",
    "graph": "responsibility_graph",
    "progress": "progress",
    "bids": "bid_gap (every year)",
    "jaarschijf": "jaarschijf (each year)",
    "dumps": "dumps(format='json')",
}
_MEMORY_STEPS = ("floor", "load", "check", "graph", "progress", "dumps")
#: The memory of export-xlsx is measured against that of check, each in a process of its own.
_EXPORT_STEPS = ("check", "export-xlsx")
#: The HTML report is measured up to this size: beyond it no steering group reads one document.
_REPORT_UP_TO = 100_000
#: tracemalloc counts the live objects exactly, but slows a load down about fourfold: up to this size only.
_LIVE_UP_TO = 100_000
_MIB = 1 << 20
_T = TypeVar("_T")
#: Where the generator begins and ends: the datasets' names hold a digest of what lies between.
_GENERATOR = b"#: The perspective: " + b"ten years."
_MEASURING = b"# --- " + b"measuring ---"


def _status_kib(field: str) -> int:
    with Path("/proc/self/status").open() as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"{field} is not in /proc/self/status")


def _rss() -> int:
    """The resident set size of this process, in bytes."""
    return _status_kib("VmRSS") * 1024


def _reset_peak() -> None:
    """Reset the peak resident set size (VmHWM, ru_maxrss) to the current one (Linux 4.0+)."""
    Path("/proc/self/clear_refs").write_text("5")


def _peak() -> int:
    """The peak resident set size since the last reset, in bytes."""
    return _status_kib("VmHWM") * 1024


def _warm_up() -> None:
    """Run every step once on the smallest agreement: imports, generated hooks and caches are not timed."""
    import prestatieafspraken  # noqa: PLC0415 - the workers import the library, the parent does not
    from prestatieafspraken.graph import responsibility_graph  # noqa: PLC0415
    from prestatieafspraken.progress_report import progress  # noqa: PLC0415

    agreement = prestatieafspraken.loads(national_json_bytes(1_000), format="json")
    prestatieafspraken.check(agreement, as_of=AS_OF)
    responsibility_graph(agreement)
    progress(agreement, as_of=AS_OF)
    prestatieafspraken.bid_gap(agreement)
    prestatieafspraken.dumps(agreement, format="json")


class _Samples:
    """Wall-clock and CPU times per step; each sample starts after a full collection."""

    def __init__(self) -> None:
        self.wall: dict[str, list[float]] = {step: [] for step in STEPS}
        self.cpu: dict[str, list[float]] = {step: [] for step in STEPS}

    def take(self, step: str, action: Callable[[], _T], *, gc_paused: bool = False) -> _T:
        gc.collect()
        if gc_paused:
            gc.disable()
        try:
            wall, cpu = time.perf_counter(), time.process_time()
            result = action()
            self.cpu[step].append(time.process_time() - cpu)
            self.wall[step].append(time.perf_counter() - wall)
        finally:
            gc.enable()
        return result

    def medians(self) -> dict[str, dict[str, float]]:
        return {
            "seconds": {step: statistics.median(times) for step, times in self.wall.items()},
            "cpu_seconds": {step: statistics.median(times) for step, times in self.cpu.items()},
        }


def _jaarschijven(agreement: Any) -> list[Any]:
    """The jaarschijf of every year of the perspective."""
    import prestatieafspraken  # noqa: PLC0415 - the workers import the library, the parent does not

    return [prestatieafspraken.jaarschijf(agreement, year) for year in YEARS]


def _time_worker(path: Path, repeat: int) -> dict[str, Any]:
    """Time every step on one dataset, in rounds of every step, so that a slow spell of the machine hits all steps."""
    import prestatieafspraken  # noqa: PLC0415
    from prestatieafspraken.graph import responsibility_graph  # noqa: PLC0415
    from prestatieafspraken.progress_report import progress  # noqa: PLC0415

    _warm_up()
    payload = path.read_bytes()
    samples = _Samples()
    kept: prestatieafspraken.Agreement | None = None
    findings = edges = 0
    for _ in range(repeat):
        samples.take("floor", lambda: orjson.loads(payload))
        samples.take("parse", lambda: orjson.loads(payload), gc_paused=True)
        fresh = samples.take("load", lambda: prestatieafspraken.loads(payload, format="json"))
        # A freshly loaded agreement: building its index is part of the check.
        report = samples.take("check", functools.partial(prestatieafspraken.check, fresh, as_of=AS_OF))
        findings = len(report.findings)
        kept = kept or fresh  # graph, progress and dumps run on one agreement, whose index is built
        del fresh, report
        edges = samples.take("graph", functools.partial(responsibility_graph, kept)).number_of_edges()
        samples.take("progress", functools.partial(progress, kept, as_of=AS_OF))
        samples.take("bids", functools.partial(prestatieafspraken.bid_gap, kept))
        samples.take("jaarschijf", functools.partial(_jaarschijven, kept))
        samples.take("dumps", functools.partial(prestatieafspraken.dumps, kept, format="json"))
    return {
        **samples.medians(),
        "findings": findings,
        "edges": edges,
        "realisations": len(kept.realisations) if kept is not None else 0,
        "repeat": repeat,
    }


def _memory_worker(path: Path, step: str) -> dict[str, int]:
    """Measure one step's peak resident memory (and for load, the memory retained), in bytes."""
    import prestatieafspraken  # noqa: PLC0415
    from prestatieafspraken.graph import responsibility_graph  # noqa: PLC0415
    from prestatieafspraken.progress_report import progress  # noqa: PLC0415

    _warm_up()
    payload = path.read_bytes()
    actions: dict[str, Callable[[prestatieafspraken.Agreement], object]] = {
        "check": lambda agreement: prestatieafspraken.check(agreement, as_of=AS_OF),
        "graph": responsibility_graph,
        "progress": lambda agreement: progress(agreement, as_of=AS_OF),
        "dumps": lambda agreement: prestatieafspraken.dumps(agreement, format="json"),
    }
    if step in ("floor", "load"):
        gc.collect()
        before = _rss()
        _reset_peak()
        loaded = orjson.loads(payload) if step == "floor" else prestatieafspraken.loads(payload, format="json")
        peak = _peak() - before
        if isinstance(loaded, prestatieafspraken.Agreement):
            _ = loaded.index
        gc.collect()
        return {"peak": peak, "retained": _rss() - before}
    if step == "live":
        # The bytes of the objects the agreement holds, as tracemalloc counts them (slow: small sizes only).
        gc.collect()
        tracemalloc.start()
        try:
            agreement = prestatieafspraken.loads(payload, format="json")
            _ = agreement.index
            gc.collect()
            return {"live": tracemalloc.get_traced_memory()[0]}
        finally:
            tracemalloc.stop()
    agreement = prestatieafspraken.loads(payload, format="json")
    if step != "check":  # a check builds the index itself, as in the timings
        _ = agreement.index
    del payload
    gc.collect()
    before = _rss()
    _reset_peak()
    result = actions[step](agreement)
    peak = _peak() - before
    del result
    return {"peak": peak}


def _child(*arguments: str) -> Any:
    """Run this script as a worker in a fresh process and return what it prints (JSON)."""
    command = [sys.executable, __file__, "--worker", *arguments]
    done = subprocess.run(command, check=True, capture_output=True, text=True)  # noqa: S603 - our own script
    return json.loads(done.stdout)


def _dataset(size: int, seed: int, cache: Path) -> Path:
    # The name holds a digest of the generator (this file from its first constant up to the measuring, and the
    # module it takes the goals and indicators from): a changed generator never reads an old dataset, and a
    # changed measurement still reads the datasets already written.
    here = Path(__file__)
    generator = here.read_bytes().split(_GENERATOR, 1)[1].split(_MEASURING, 1)[0]
    version = hashlib.sha256(generator + (here.parent / "synthetic.py").read_bytes()).hexdigest()[:12]
    path = cache / f"national-{size}-seed{seed}-{version}.json"
    if not path.exists():
        _child("generate", str(size), str(seed), str(path))
    return path


def _growth(smaller: tuple[int, float], larger: tuple[int, float]) -> float:
    """The factor per 10x more commitments between two sizes."""
    factor: float = (larger[1] / smaller[1]) ** (1 / math.log10(larger[0] / smaller[0]))
    return factor


def _rows(results: list[dict[str, Any]]) -> Iterator[str]:
    """The table of every step and size: seconds, ratio to the floor, growth per 10x, peak memory."""
    yield (
        f"{'step':<31} {'commitments':>11} {'seconds':>8} {'x floor':>7} {'growth/10x':>10} {'CPU s':>7} "
        f"{'x floor':>7} {'growth':>6} {'peak MiB':>8} {'peak xJSON':>10}"
    )
    for step in STEPS:
        previous: dict[str, Any] | None = None
        for result in results:
            size = result["commitments"]
            wall, cpu = result["seconds"][step], result["cpu_seconds"][step]
            growth = cpu_growth = ""
            if previous is not None:
                growth = f"{_growth((previous['commitments'], previous['seconds'][step]), (size, wall)):.1f}"
                cpu_growth = f"{_growth((previous['commitments'], previous['cpu_seconds'][step]), (size, cpu)):.1f}"
            memory = result.get("memory", {}).get(step)
            peak = f"{memory['peak'] / _MIB:8.0f} {memory['peak'] / result['bytes']:10.2f}" if memory else ""
            yield (
                f"{_STEP_NAMES[step]:<31} {size:>11} {wall:>8.3f} {wall / result['seconds']['floor']:>7.2f} "
                f"{growth:>10} {cpu:>7.3f} {cpu / result['cpu_seconds']['floor']:>7.2f} {cpu_growth:>6} {peak}"
            )
            previous = result


def _summary(results: list[dict[str, Any]]) -> Iterator[str]:
    """Per size: the dataset, the ratios of the targets (wall-clock, then CPU time) and the memory ratios."""
    yield (
        f"{'commitments':>11} {'JSON MiB':>8} {'realisations':>12} {'edges':>9} {'findings':>8} "
        f"{'load/floor':>10} {'load/parse':>10} {'check/load':>10} {'progress/load':>13} {'bids/load':>9} "
        f"{'retained xJSON':>14} {'live xJSON':>10} {'load peak xJSON':>15} {'parse peak xJSON':>16}"
    )
    for result in results:
        memory, size = result.get("memory", {}), result["bytes"]
        retained = peak = ""
        if "load" in memory:
            live = f"{memory['live']['live'] / size:10.2f}" if "live" in memory else f"{'':>10}"
            retained = f"{memory['load']['retained'] / size:14.2f} {live}"
            peak = f"{memory['load']['peak'] / size:15.2f} {memory['floor']['peak'] / size:16.2f}"
        for clock in ("seconds", "cpu_seconds"):
            times = result[clock]
            head = (
                f"{result['commitments']:>11} {result['bytes'] / _MIB:>8.1f} {result['realisations']:>12} "
                f"{result['edges']:>9} {result['findings']:>8}"
                if clock == "seconds"
                else f"{'(CPU time)':>11} {'':>8} {'':>12} {'':>9} {'':>8}"
            )
            yield (
                f"{head} {times['load'] / times['floor']:>10.2f} {times['load'] / times['parse']:>10.2f} "
                f"{times['check'] / times['load']:>10.2f} {times['progress'] / times['load']:>13.2f} "
                f"{times['bids'] / times['load']:>9.3f}" + (f" {retained} {peak}" if clock == "seconds" else "")
            )


# --- report: the steering group's HTML report (issue 18) ---------------------------------------------------------


def with_municipal_targets(data: dict[str, Any]) -> dict[str, Any]:
    """The agreement with each municipality's part of each regional target also a target of its own (about 1,000).

    A national steering group follows its targets down to the municipalities: 342 municipalities times the three
    broken-down indicators gives 1,026 municipal targets, next to the 125 national and regional ones.
    """
    municipal = [
        {
            "id": f"{area}-{target['indicator']}",
            "indicator": target["indicator"],
            "value": value,
            "from": target["from"],
            "by": target["by"],
            "theme": target["theme"],
            "goals": target["goals"],
            "area": area,
            "source": "Volkshuisvestingsprogramma",
        }
        for target in data["targets"]
        if target.get("area", "").startswith("regio-")
        for area, value in target["breakdown"].items()
    ]
    return data | {"targets": [*data["targets"], *municipal]}


def _report_worker(path: Path, repeat: int) -> dict[str, Any]:
    """Time the HTML report and check of the same agreement (with municipal targets), in the same rounds.

    Both run on an agreement just loaded, so each builds its index; the report runs the check itself (its
    findings are in it), progress, and writes the HTML.
    """
    import prestatieafspraken  # noqa: PLC0415
    from prestatieafspraken.report import render_report  # noqa: PLC0415

    _warm_up()
    render_report(prestatieafspraken.loads(national_json_bytes(1_000), format="json"), as_of=AS_OF, format="html")
    payload = orjson.dumps(with_municipal_targets(orjson.loads(path.read_bytes())))
    checks: list[float] = []
    reports: list[float] = []
    size = targets = 0
    for _ in range(repeat):
        fresh = prestatieafspraken.loads(payload, format="json")
        gc.collect()
        started = time.perf_counter()
        prestatieafspraken.check(fresh, as_of=AS_OF)
        checks.append(time.perf_counter() - started)
        fresh = prestatieafspraken.loads(payload, format="json")
        targets = len(fresh.targets)
        gc.collect()
        started = time.perf_counter()
        text = render_report(fresh, as_of=AS_OF, format="html")
        reports.append(time.perf_counter() - started)
        size = len(text.encode("utf-8"))
        del fresh, text
    return {"check": statistics.median(checks), "report": statistics.median(reports), "bytes": size, "targets": targets}


def _report_rows(results: list[dict[str, Any]]) -> Iterator[str]:
    """Per size: the HTML report against check of the same file, in seconds and as a ratio, and its size."""
    yield f"{'commitments':>11} {'targets':>8} {'check s':>8} {'report s':>8} {'report/check':>12} {'HTML MiB':>8}"
    for result in results:
        timed = result.get("report")
        if timed is None:
            continue
        yield (
            f"{result['commitments']:>11} {timed['targets']:>8} {timed['check']:>8.3f} {timed['report']:>8.3f} "
            f"{timed['report'] / timed['check']:>12.2f} {timed['bytes'] / _MIB:>8.2f}"
        )


# --- diff: two versions of the national agreement (issue 17) ----------------------------------------------------


def _newer_version(data: dict[str, Any]) -> dict[str, Any]:
    """A newer version: a value changed in one commitment in 100, one in 1,000 gone, 100 new ones, all reversed."""
    commitments = data["commitments"]
    kept = [
        commitment | {"value": commitment["value"] + 1} if n % 100 == 0 and "value" in commitment else commitment
        for n, commitment in enumerate(commitments)
        if n % 1000 != 1
    ]
    step = max(1, len(commitments) // 100)
    added = [commitments[n] | {"id": f"{commitments[n]['id']}-nieuw"} for n in range(0, len(commitments), step)]
    return data | {"commitments": (kept + added)[::-1]}


def _diff_worker(path: Path, repeat: int) -> dict[str, Any]:
    """Time `diff` of the dataset against a newer version of it, and load of the dataset, in the same rounds."""
    import prestatieafspraken  # noqa: PLC0415

    _warm_up()
    small = prestatieafspraken.loads(national_json_bytes(1_000), format="json")
    prestatieafspraken.diff(small, small)
    payload = path.read_bytes()
    old = prestatieafspraken.loads(payload, format="json")
    new = prestatieafspraken.loads(orjson.dumps(_newer_version(orjson.loads(payload))), format="json")
    loads: list[float] = []
    diffs: list[float] = []
    changes = 0
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        prestatieafspraken.loads(payload, format="json")
        loads.append(time.perf_counter() - started)
        gc.collect()
        started = time.perf_counter()
        changes = len(prestatieafspraken.diff(old, new))
        diffs.append(time.perf_counter() - started)
    return {"load": statistics.median(loads), "diff": statistics.median(diffs), "changes": changes}


def _diff_rows(results: list[dict[str, Any]]) -> Iterator[str]:
    """Per size: diff of two versions against load of one, in seconds and as a ratio."""
    yield f"{'commitments':>11} {'changes':>8} {'load s':>8} {'diff s':>8} {'diff/load':>9}"
    for result in results:
        timed = result["diff"]
        yield (
            f"{result['commitments']:>11} {timed['changes']:>8} {timed['load']:>8.3f} {timed['diff']:>8.3f} "
            f"{timed['diff'] / timed['load']:>9.2f}"
        )


# --- document: the agreement as a document (issue 18) ------------------------------------------------------------

_DOCUMENT_STEPS = ("build", "markdown", "html", "docx")


def _document_worker(path: Path, repeat: int) -> dict[str, Any]:
    """Time `check` and `document` (built, then written in each form) on fresh agreements, in the same rounds."""
    import prestatieafspraken  # noqa: PLC0415

    _warm_up()
    prestatieafspraken.document(prestatieafspraken.loads(national_json_bytes(1_000), format="json")).to_docx()
    payload = path.read_bytes()
    times: dict[str, list[float]] = {step: [] for step in ("check", *_DOCUMENT_STEPS)}
    for _ in range(repeat):
        checked, documented = (prestatieafspraken.loads(payload, format="json") for _ in range(2))
        gc.collect()
        started = time.perf_counter()
        prestatieafspraken.check(checked, as_of=AS_OF)
        times["check"].append(time.perf_counter() - started)
        started = time.perf_counter()
        built = prestatieafspraken.document(documented)
        times["build"].append(time.perf_counter() - started)
        for step, write in (("markdown", built.to_markdown), ("html", built.to_html), ("docx", built.to_docx)):
            started = time.perf_counter()
            write()
            times[step].append(time.perf_counter() - started)
    return {step: statistics.median(values) for step, values in times.items()}


def _document_rows(results: list[dict[str, Any]]) -> Iterator[str]:
    """Per size: check, and the document built and written in each form, in seconds and as a ratio to check."""
    yield f"{'commitments':>11} {'check s':>8} " + " ".join(
        f"{step + ' s':>10} {'/check':>6}" for step in _DOCUMENT_STEPS
    )
    for result in results:
        timed = result["document"]
        yield f"{result['commitments']:>11} {timed['check']:>8.3f} " + " ".join(
            f"{timed[step]:>10.3f} {timed[step] / timed['check']:>6.2f}" for step in _DOCUMENT_STEPS
        )


# --- export-xlsx: the agreement as a workbook (issue 18) -----------------------------------------------------------


def _export_worker(path: Path, repeat: int) -> dict[str, Any]:
    """Time `write_workbook` against `check` (and load) of the same file, in the same rounds."""
    import prestatieafspraken  # noqa: PLC0415
    from prestatieafspraken.tabular import write_workbook  # noqa: PLC0415

    _warm_up()
    payload = path.read_bytes()
    samples: dict[str, list[float]] = {"load": [], "check": [], "export": []}
    kept: prestatieafspraken.Agreement | None = None
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "national.xlsx"
        write_workbook(prestatieafspraken.loads(national_json_bytes(1_000), format="json"), output)
        for _ in range(repeat):
            gc.collect()
            started = time.perf_counter()
            fresh = prestatieafspraken.loads(payload, format="json")
            samples["load"].append(time.perf_counter() - started)
            gc.collect()
            started = time.perf_counter()
            prestatieafspraken.check(fresh, as_of=AS_OF)  # a fresh agreement: building its index is part of it
            samples["check"].append(time.perf_counter() - started)
            kept = kept or fresh
            del fresh
            gc.collect()
            started = time.perf_counter()
            write_workbook(kept, output)
            samples["export"].append(time.perf_counter() - started)
        size = output.stat().st_size
    return {"bytes": size, **{step: statistics.median(times) for step, times in samples.items()}}


def _export_memory_worker(path: Path, step: str) -> dict[str, int]:
    """The peak resident memory of load and then `check` or `write_workbook`: of the step, and of the process."""
    import resource  # noqa: PLC0415 - POSIX only, as the rest of the memory measurement

    import prestatieafspraken  # noqa: PLC0415
    from prestatieafspraken.tabular import write_workbook  # noqa: PLC0415

    agreement = prestatieafspraken.loads(path.read_bytes(), format="json")
    gc.collect()
    # ru_maxrss (KiB on Linux) is the peak of the process so far, the load's included; the reset below clears it
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    before = _rss()
    _reset_peak()
    with tempfile.TemporaryDirectory() as folder:
        if step == "check":
            prestatieafspraken.check(agreement, as_of=AS_OF)
        else:
            write_workbook(agreement, Path(folder) / "national.xlsx")
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        peak = _peak() - before
    # The peak of the whole process: what the user's command takes, load and step
    return {"peak": peak, "process": max(loaded, after)}


def _export_rows(results: list[dict[str, Any]]) -> Iterator[str]:
    """Per size: write_workbook against check, in time (in the same rounds) and in peak memory (separate processes)."""
    yield (
        f"{'commitments':>11} {'xlsx MiB':>8} {'load s':>7} {'check s':>7} {'export s':>8} {'export/check':>12} "
        f"{'with load':>9} {'step peak MiB':>13} {'x check':>7} {'process MiB':>11} {'x check':>7}"
    )
    for result in results:
        timed, memory = result["export"], result.get("export_memory")
        ratio = timed["export"] / timed["check"]
        commands = (timed["load"] + timed["export"]) / (timed["load"] + timed["check"])
        peaks = ""
        if memory is not None:
            check, export = memory["check"], memory["export-xlsx"]
            peaks = (
                f"{export['peak'] / _MIB:>13.0f} {export['peak'] / max(check['peak'], 1):>7.2f} "
                f"{export['process'] / _MIB:>11.0f} {export['process'] / check['process']:>7.2f}"
            )
        yield (
            f"{result['commitments']:>11} {timed['bytes'] / _MIB:>8.1f} {timed['load']:>7.3f} {timed['check']:>7.3f} "
            f"{timed['export']:>8.3f} {ratio:>12.2f} {commands:>9.2f} {peaks}"
        )


# --- commands: what the other commands do at national size, against check of the same file ---------------------

#: The year the commands of one year (plan, document --year, the realisations template) are run for: the next
#: cycle is planned, the current year's figures are collected.
_PLAN_YEAR = AS_OF.year + 1
_FIGURES_YEAR = AS_OF.year
#: A party whose neighbourhood is small (a province: its area and the agreement), and the largest corporation.
_SMALL_PARTY = "provincie-00"
#: The commands, in the order of the table, with what each one runs (see `_command_actions`).
_COMMANDS = (
    "check-text",
    "diff",
    "history",
    "plan",
    "bids",
    "graph-svg",
    "graph-svg-party",
    "graph-svg-corporation",
    "document-year",
    "document-summary",
    "template-csv",
    "import-csv",
    "view-public",
    "view-party",
    "progress",
)
_COMMAND_NAMES = {
    "check-text": "check, printed (text)",
    "diff": "diff OLD NEW (text)",
    "history": "history OLD NEW (text)",
    "plan": f"plan FILE --year {_PLAN_YEAR}",
    "bids": "bids (text)",
    "graph-svg": "graph --format svg",
    "graph-svg-party": f"graph --format svg --party {_SMALL_PARTY}",
    "graph-svg-corporation": "graph --format svg --party (largest corporation)",
    "document-year": f"document --year {_PLAN_YEAR} (markdown)",
    "document-summary": "document --summary (markdown)",
    "template-csv": f"export --template {_FIGURES_YEAR} --to csv",
    "import-csv": "import-realisations FILE BOOK.csv",
    "view-public": "view_for(public)",
    "view-party": "view_for(largest corporation)",
    "progress": "progress",
}
#: The commands measured only up to a size: at 1e6 the filled-in template of one year has more rows than
#: `import_realisations_csv` reads by default (``max_rows``, 100,000), so the import refuses it there.
_COMMANDS_UP_TO = {"import-csv": 100_000}
#: The commands whose peak memory is measured against check's, each in a process of its own.
_COMMAND_MEMORY = ("check", "history", "bids", "graph-svg-party", "document-year", "import-csv", "view-party")


def _largest_corporation(agreement: Agreement) -> str:
    """The corporation that executes the most commitments: the largest neighbourhood and view of a party."""
    counts = collections.Counter(party for commitment in agreement.commitments for party in commitment.by)
    return max((party for party in counts if party.startswith("corporatie-")), key=counts.__getitem__)


def _filled_csv(template: Path, filled: Path) -> int:
    """Fill in the realisations template as a corporation would: each committed value reported as submitted.

    Returns the rows of the file (the header included), which `Limits.max_rows` counts.
    """
    with template.open(encoding="utf-8-sig", newline="") as source:
        rows = list(csv.reader(source, delimiter=";"))
    header = rows[0]
    kind, committed, value = header.index("Soort"), header.index("Afgesproken"), header.index("Waarde")
    reported, status = header.index("Gerapporteerd op"), header.index("Status")
    for row in rows[1:]:
        if row[kind] == "afspraak" and row[committed]:
            row[value], row[reported], row[status] = row[committed], f"1-6-{_FIGURES_YEAR}", "ingediend"
    with filled.open("w", encoding="utf-8-sig", newline="") as target:
        csv.writer(target, delimiter=";").writerows(rows)
    return len(rows)


class _Commands:
    """The commands, each as the CLI runs it after the load, on an agreement without its index (as just loaded).

    `attrs.evolve` gives such an agreement for the price of one constructor call: it shares every item with the
    loaded one, but builds its own index on first use, as a freshly loaded agreement does.
    """

    def __init__(self, payload: bytes, folder: Path) -> None:
        import prestatieafspraken  # noqa: PLC0415 - the workers import the library, the parent does not

        self.payload = payload
        self.agreement = prestatieafspraken.loads(payload, format="json")
        self.corporation = _largest_corporation(self.agreement)
        self.template = folder / "template.csv"
        self.filled = folder / "filled.csv"

    @functools.cached_property
    def newer(self) -> Agreement:
        """A newer version of the agreement (see `_newer_version`), for diff and history."""
        import prestatieafspraken  # noqa: PLC0415

        return prestatieafspraken.loads(orjson.dumps(_newer_version(orjson.loads(self.payload))), format="json")

    @functools.cached_property
    def rows(self) -> int:
        """The rows of the filled-in realisations CSV file, written on first use."""
        from prestatieafspraken.tabular import realisations_template  # noqa: PLC0415

        realisations_template(self.fresh(), _FIGURES_YEAR, path=self.template)
        return _filled_csv(self.template, self.filled)

    def prepare(self, step: str) -> None:
        """Make what *step* needs besides the agreement: the newer version, or the filled-in CSV file."""
        if step in ("diff", "history"):
            _ = self.newer
        elif step == "import-csv":
            _ = self.rows

    def fresh(self) -> Agreement:
        """The agreement as just loaded: its index not yet built."""
        return attrs.evolve(self.agreement)

    def actions(self) -> dict[str, Callable[[], object]]:
        """What each command runs after the load (and check, the baseline); each returns what it made."""
        import prestatieafspraken  # noqa: PLC0415
        from prestatieafspraken.cycle_planning import plan_cycle  # noqa: PLC0415
        from prestatieafspraken.progress_report import progress  # noqa: PLC0415
        from prestatieafspraken.report.findings import render_findings  # noqa: PLC0415
        from prestatieafspraken.tabular import import_realisations_csv, realisations_template  # noqa: PLC0415
        from prestatieafspraken.tabular.limits import Limits  # noqa: PLC0415
        from prestatieafspraken.views import view_for  # noqa: PLC0415

        fresh = self.fresh
        return {
            "check": lambda: prestatieafspraken.check(fresh(), as_of=AS_OF),
            "check-text": lambda: render_findings(prestatieafspraken.check(fresh(), as_of=AS_OF), "text"),
            "diff": self._diff,
            "history": self._history,
            "plan": lambda: plan_cycle(fresh(), _PLAN_YEAR).to_text("nl"),
            "bids": self._bids,
            "graph-svg": functools.partial(self._svg, None),
            "graph-svg-party": functools.partial(self._svg, _SMALL_PARTY),
            "graph-svg-corporation": functools.partial(self._svg, self.corporation),
            "document-year": lambda: prestatieafspraken.document(fresh(), year=_PLAN_YEAR).to_markdown(),
            "document-summary": lambda: prestatieafspraken.document(fresh(), summary=True).to_markdown(),
            "template-csv": lambda: realisations_template(fresh(), _FIGURES_YEAR, path=self.template),
            # The import's own limit of rows is raised: above 1e5 commitments a year's template is longer
            "import-csv": lambda: import_realisations_csv(fresh(), self.filled, limits=Limits(max_rows=10**8)),
            "view-public": lambda: view_for(fresh(), "public"),
            "view-party": lambda: view_for(fresh(), self.corporation),
            "progress": lambda: progress(fresh(), as_of=AS_OF),
        }

    def _diff(self) -> str:
        from prestatieafspraken.report.changes import render_diff  # noqa: PLC0415
        from prestatieafspraken.versions import diff  # noqa: PLC0415

        return render_diff(diff(self.fresh(), attrs.evolve(self.newer)), old="old.json", new="new.json")

    def _history(self) -> str:
        from prestatieafspraken.report.changes import render_history  # noqa: PLC0415
        from prestatieafspraken.versions import history  # noqa: PLC0415

        versions = [self.fresh(), attrs.evolve(self.newer)]
        return render_history(history(versions, labels=["old.json", "new.json"]))

    def _bids(self) -> str:
        from prestatieafspraken.bids import bid_gap  # noqa: PLC0415
        from prestatieafspraken.report.bid_gap import render_bid_gap  # noqa: PLC0415

        agreement = self.fresh()
        return render_bid_gap(bid_gap(agreement, None), agreement)

    def _svg(self, party: str | None) -> str:
        """The picture, or the refusal of one above the node limit (what the command prints then)."""
        from prestatieafspraken.errors import ExportError  # noqa: PLC0415
        from prestatieafspraken.graph import render_svg  # noqa: PLC0415

        try:
            return render_svg(self.fresh(), party=party)
        except ExportError as error:
            return f"refused: {error}"


def _made(result: object) -> str | int | None:
    """What a command made, for the table: the characters of a text, or a refusal."""
    if isinstance(result, str):
        return result[:200] if result.startswith("refused: ") else len(result)
    return None


def _commands_worker(path: Path, repeat: int) -> dict[str, Any]:
    """Time every command and check of the same file, in the same rounds, each on an agreement as just loaded."""
    _warm_up()
    with tempfile.TemporaryDirectory() as folder:
        small = _Commands(national_json_bytes(1_000), Path(folder))
        for step, action in small.actions().items():
            small.prepare(step)
            action()
        commands = _Commands(path.read_bytes(), Path(folder))
        size = len(commands.agreement.commitments)
        actions = {
            step: action for step, action in commands.actions().items() if size <= _COMMANDS_UP_TO.get(step, size)
        }
        for step in actions:
            commands.prepare(step)
        times: dict[str, list[float]] = {step: [] for step in actions}
        made: dict[str, str | int | None] = {}
        peaks: dict[str, int] = {}
        for _ in range(repeat):
            for step, action in actions.items():
                gc.collect()
                before = _rss()
                _reset_peak()
                started = time.perf_counter()
                try:
                    result = action()
                except Exception as error:  # noqa: BLE001 - a command that fails is shown in the table, not fatal
                    made[step] = f"failed: {type(error).__name__}: {error}"[:200]
                    continue
                times[step].append(time.perf_counter() - started)
                # In this process, after the other steps: memory they freed is reused, so this is a lower bound
                peaks[step] = max(peaks.get(step, 0), _peak() - before)
                made[step] = _made(result)
                del result
        rows = commands.rows if "import-csv" in actions else None
    return {
        "seconds": {step: statistics.median(values) for step, values in times.items() if values},
        "made": made,
        "peaks": peaks,
        "csv_rows": rows,
        "corporation": commands.corporation,
    }


def _command_memory_worker(path: Path, step: str) -> dict[str, int]:
    """The peak resident memory of one command after the load: of the step, and of the process (load included)."""
    import resource  # noqa: PLC0415 - POSIX only, as the rest of the memory measurement

    with tempfile.TemporaryDirectory() as folder:
        commands = _Commands(path.read_bytes(), Path(folder))
        commands.prepare(step)
        action = commands.actions()[step]
        gc.collect()
        loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        before = _rss()
        _reset_peak()
        result = action()
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        peak = _peak() - before
        del result
    return {"peak": peak, "process": max(loaded, after)}


def _command_rows(results: list[dict[str, Any]]) -> Iterator[str]:
    """Per command and size: seconds, the ratio to check in the same rounds, and peak memory against check's."""
    yield (
        f"{'command':<52} {'commitments':>11} {'seconds':>8} {'x check':>7} {'made':>10} {'in-run MiB':>10} "
        f"{'step peak MiB':>13} {'process MiB':>11} {'x check':>7}"
    )
    for step in ("check", *_COMMANDS):
        for result in results:
            timed, size = result.get("commands"), result["commitments"]
            if timed is None:
                continue
            name = _COMMAND_NAMES.get(step, "check (the baseline)")
            seconds = timed["seconds"].get(step)
            if seconds is None:
                failed = timed["made"].get(step)
                why = failed or f"not measured above {_COMMANDS_UP_TO[step]:,} commitments"
                yield f"{name:<52} {size:>11} {why}"
                continue
            made = timed["made"].get(step)
            shown = "refused" if isinstance(made, str) else f"{made:,}" if isinstance(made, int) else ""
            memory = result.get("commands_memory", {})
            peaks = ""
            if step in memory:
                peaks = (
                    f"{memory[step]['peak'] / _MIB:>13.0f} {memory[step]['process'] / _MIB:>11.0f} "
                    f"{memory[step]['process'] / memory['check']['process']:>7.2f}"
                )
            in_run = timed.get("peaks", {}).get(step)
            shown_run = "" if in_run is None else f"{in_run / _MIB:,.0f}"
            yield (
                f"{name:<52} {size:>11} {seconds:>8.3f} {seconds / timed['seconds']['check']:>7.2f} {shown:>10} "
                f"{shown_run:>10} {peaks}"
            )


#: The bound of each command's time against check's (see docs/performance.md for why each is what it is).
_COMMAND_BOUNDS: tuple[tuple[str, float], ...] = (
    ("check-text", 1.5),
    ("diff", 1),
    ("history", 1),
    ("plan", 1),
    ("bids", 1),
    ("graph-svg", 0.1),
    ("graph-svg-party", 1),
    ("graph-svg-corporation", 1),
    ("document-year", 1),
    ("document-summary", 1),
    ("template-csv", 1),
    ("import-csv", 1),
    ("view-public", 1),
    ("view-party", 1),
    ("progress", 1),
)


# --- bounds: what the library is held to; the script exits with 1 when one is broken ---------------------------


class _Bound(NamedTuple):
    """A bound on one measured figure, checked at every measured size from *smallest* to *largest*."""

    name: str
    figure: Callable[[dict[str, Any]], float | None]
    limit: float
    smallest: int = 10_000
    largest: int = 10**9
    unit: str = "x"


def _times(result: dict[str, Any], group: str) -> dict[str, float] | None:
    """The median seconds of one group of measurements of a result (None when it was not measured)."""
    if group == "time":
        seconds: dict[str, float] | None = result.get("seconds")
        return seconds
    timed = result.get(group)
    if timed is None:
        return None
    return dict(timed["seconds"]) if "seconds" in timed else dict(timed)


def _ratio(group: str, step: str, to: str = "check") -> Callable[[dict[str, Any]], float | None]:
    """The time of *step* over that of *to*, measured in the same rounds of one group."""

    def figure(result: dict[str, Any]) -> float | None:
        times = _times(result, group)
        return None if times is None or step not in times else times[step] / times[to]

    return figure


def _process_peak(group: str, step: str) -> Callable[[dict[str, Any]], float | None]:
    """The peak memory of a command's whole process (the load included) over that of check's."""

    def figure(result: dict[str, Any]) -> float | None:
        memory = result.get(group)
        return (
            None
            if memory is None or step not in memory
            else float(memory[step]["process"] / memory["check"]["process"])
        )

    return figure


def _load_memory(kind: str) -> Callable[[dict[str, Any]], float | None]:
    """The memory retained after load, or its peak, as a multiple of the JSON size."""

    def figure(result: dict[str, Any]) -> float | None:
        load = result.get("memory", {}).get("load")
        return None if load is None else float(load[kind] / result["bytes"])

    return figure


def _failures(result: dict[str, Any]) -> float | None:
    """The commands that failed (raised an error that is not a refusal of the command)."""
    timed = result.get("commands")
    if timed is None:
        return None
    return float(sum(isinstance(made, str) and made.startswith("failed: ") for made in timed["made"].values()))


def _html_megabytes(result: dict[str, Any]) -> float | None:
    report = result.get("report")
    return None if report is None else float(report["bytes"] / 1e6)


#: The bounds of docs/performance.md: of the steps at 1e6 commitments (issue 7), of the report and the workbook
#: (issue 18), and of every other command at national size (1e4 commitments and more) against check.
BOUNDS: tuple[_Bound, ...] = (
    _Bound("load / orjson.loads floor", _ratio("time", "load", "floor"), 3, smallest=1_000_000),
    _Bound("check / load", _ratio("time", "check", "load"), 2, smallest=1_000_000),
    _Bound("progress / load", _ratio("time", "progress", "load"), 1, smallest=1_000_000),
    _Bound("retained after load / JSON size", _load_memory("retained"), 4, smallest=1_000_000),
    _Bound("peak during load / JSON size", _load_memory("peak"), 8, smallest=1_000_000),
    _Bound("report --format html / check", _ratio("report", "report"), 5, largest=10_000),
    _Bound("report --format html, MB", _html_megabytes, 5, largest=10_000, unit=" MB"),
    _Bound("export --to xlsx / check", _ratio("export", "export"), 4, smallest=100_000),
    _Bound("export --to xlsx, process peak / check's", _process_peak("export_memory", "export-xlsx"), 1.5, 100_000),
    *(
        _Bound(f"document, {step} / check", _ratio("document", step), limit)
        for step, limit in (("build", 2), ("markdown", 2), ("html", 2), ("docx", 3))
    ),
    _Bound("commands that fail", _failures, 0, smallest=1_000, unit=""),
    *(_Bound(f"{_COMMAND_NAMES[step]} / check", _ratio("commands", step), limit) for step, limit in _COMMAND_BOUNDS),
    *(
        _Bound(f"{_COMMAND_NAMES[step]}, process peak / check's", _process_peak("commands_memory", step), 1.5)
        for step in _COMMAND_MEMORY
        if step != "check"
    ),
)


def _bound_rows(results: list[dict[str, Any]]) -> Iterator[tuple[str, bool]]:
    """Every bound at every measured size it applies to: the figure, the limit, and whether it is met."""
    yield f"{'bound':<68} {'commitments':>11} {'measured':>9} {'limit':>7} {'':>6}", True
    for bound in BOUNDS:
        for result in results:
            size = result["commitments"]
            figure = bound.figure(result) if bound.smallest <= size <= bound.largest else None
            if figure is None:
                continue
            met = figure <= bound.limit
            yield (
                (
                    f"{bound.name:<68} {size:>11} {f'{figure:.2f}{bound.unit}':>9} {f'{bound.limit:g}{bound.unit}':>7} "
                    f"{'met' if met else 'BROKEN'}"
                ),
                met,
            )


def _worker(arguments: list[str]) -> None:
    kind, *rest = arguments
    timed: dict[str, Callable[[Path, int], Any]] = {
        "time": _time_worker,
        "diff": _diff_worker,
        "document": _document_worker,
        "report": _report_worker,
        "export": _export_worker,
        "commands": _commands_worker,
    }
    memory: dict[str, Callable[[Path, str], Any]] = {
        "memory": _memory_worker,
        "export-memory": _export_memory_worker,
        "command-memory": _command_memory_worker,
    }
    if kind == "generate":
        size, seed, path = int(rest[0]), int(rest[1]), Path(rest[2])
        payload = national_json_bytes(size, seed=seed)
        temporary = path.with_suffix(".tmp")
        temporary.write_bytes(payload)
        temporary.replace(path)
        print(json.dumps({"bytes": len(payload)}))
    elif kind in timed:
        print(json.dumps(timed[kind](Path(rest[0]), int(rest[1]))))
    elif kind in memory:
        print(json.dumps(memory[kind](Path(rest[0]), rest[1])))
    else:
        raise SystemExit(f"unknown worker {kind!r}")


#: The measurements, each a group of processes per size; ``--only`` chooses some of them.
GROUPS = ("time", "diff", "document", "report", "export", "commands")


def _measure(size: int, arguments: argparse.Namespace) -> dict[str, Any]:
    """Every measurement of one size, each in fresh processes."""
    path = _dataset(size, arguments.seed, arguments.cache)
    repeat = str(arguments.large_repeat if size >= 1_000_000 else arguments.repeat)
    groups, memory = set(arguments.only), not arguments.no_memory
    result: dict[str, Any] = {"commitments": size, "bytes": path.stat().st_size}
    if "time" in groups:
        result |= _child("time", str(path), repeat)
        if memory:
            steps = (*_MEMORY_STEPS, "live") if size <= _LIVE_UP_TO else _MEMORY_STEPS
            result["memory"] = {step: _child("memory", str(path), step) for step in steps}
    for group in ("diff", "document", "export", "commands"):
        if group in groups:
            result[group] = _child(group, str(path), repeat)
    if "report" in groups and size <= _REPORT_UP_TO:
        result["report"] = _child("report", str(path), repeat)
    if "export" in groups and memory:
        result["export_memory"] = {step: _child("export-memory", str(path), step) for step in _EXPORT_STEPS}
    if "commands" in groups and memory:
        result["commands_memory"] = {
            step: _child("command-memory", str(path), step)
            for step in _COMMAND_MEMORY
            if size <= _COMMANDS_UP_TO.get(step, size)
        }
    return result


#: The tables, each with the key of the results it needs.
_TABLES: tuple[tuple[str, Callable[[list[dict[str, Any]]], Iterator[str]]], ...] = (
    ("seconds", _rows),
    ("seconds", _summary),
    ("diff", _diff_rows),
    ("document", _document_rows),
    ("report", _report_rows),
    ("export", _export_rows),
    ("commands", _command_rows),
)


def main(argv: list[str] | None = None) -> int:
    """Measure every size, print the tables and the bounds; 1 when a bound is broken, else 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=7, help="timings per step below 1e6; the median counts (7)")
    parser.add_argument("--large-repeat", type=int, default=3, help="timings per step at 1e6 and more (3)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "prestatieafspraken-national")
    parser.add_argument("--json", type=Path, help="also write every figure to this file (after each size)")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory measurements")
    parser.add_argument(
        "--only", nargs="+", choices=GROUPS, default=list(GROUPS), metavar="GROUP", help="only these measurements"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a first look in a few minutes: 1e3 and 1e4 commitments (unless --sizes), 3 rounds, no memory",
    )
    parser.add_argument(
        "--tables",
        type=Path,
        nargs="+",
        metavar="FILE",
        help="measure nothing: print the tables and bounds of --json files (of one size, the groups of all files)",
    )
    parser.add_argument("--worker", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if arguments.worker:
        _worker(arguments.worker)
        return 0
    if arguments.tables is not None:
        merged: dict[int, dict[str, Any]] = {}
        for file in arguments.tables:
            for result in json.loads(file.read_text()):
                merged.setdefault(result["commitments"], {}).update(result)
        return _print([merged[size] for size in sorted(merged)], arguments.seed)
    if arguments.quick:
        if "--sizes" not in (argv if argv is not None else sys.argv):
            arguments.sizes = [1_000, 10_000]
        arguments.repeat, arguments.large_repeat, arguments.no_memory = 3, 1, True
    arguments.cache.mkdir(parents=True, exist_ok=True)
    results: list[dict[str, Any]] = []
    started = time.perf_counter()
    for size in sorted(arguments.sizes):
        results.append(_measure(size, arguments))
        print(f"# {size} commitments measured after {time.perf_counter() - started:.0f} s", file=sys.stderr)
        if arguments.json is not None:
            arguments.json.write_text(json.dumps(results, indent=2) + "\n")
    return _print(results, arguments.seed)


def _print(results: list[dict[str, Any]], seed: int) -> int:
    """Print the tables and the bounds of *results*; 1 when a bound is broken, else 0."""
    print(f"python {sys.version.split()[0]}, pid-independent figures; seed {seed}; as of {AS_OF}")
    for key, table in _TABLES:
        if any(key in result for result in results):
            print()
            for line in table([result for result in results if key in result]):
                print(line)
    print()
    broken = 0
    for line, met in _bound_rows(results):
        print(line)
        broken += not met
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
