"""A synthetic agreement of any size, as plain data of file format v1, for the benchmarks.

`synthetic_agreement_data(n)` gives a regional agreement with *n* commitments and everything they refer to: about
n/20 parties (municipalities, housing corporations, tenant organisations, a province), one municipal area per
municipality, the nine standard themes with leads, goals, indicators with a stock and its flows, a framework,
targets per area, realisations for about half of the commitments and per area and year, a process, mandates,
groups and amendments. Every reference names an item that exists, so the agreement loads; the same seed gives
the same data. The loaders, checks, graph and progress benchmarks all measure this one shape.
"""

from __future__ import annotations

import dataclasses
import random
from typing import Any

import orjson

from prestatieafspraken.model.themes import STANDARD_THEMES

__all__ = ["synthetic_agreement_data", "synthetic_json_bytes"]

#: The perspective: five years.
FIRST_YEAR = 2024
LAST_YEAR = 2028
YEARS = range(FIRST_YEAR, LAST_YEAR + 1)

_GOALS = (
    ("more-social-homes", "Groei van de sociale voorraad", "accelerate_construction"),
    ("affordable-rents", "Betaalbare huren", "affordability"),
    ("sustainable-stock", "Een duurzame voorraad", "sustainability"),
    ("liveable-neighbourhoods", "Leefbare wijken", "liveability"),
    ("close-the-gap", "Het financieringsgat dichten", "financing_gap"),
    ("shared-picture", "Een gezamenlijk beeld", "shared_insight"),
)
_FLOWS = ("social-new-build", "social-acquired", "social-sold", "social-demolished")
_INDICATORS: tuple[dict[str, Any], ...] = (
    {
        "id": "social-stock",
        "label": "Sociale huurvoorraad",
        "unit": "dwellings",
        "aggregation": "stock",
        "stock_flows": {"in": list(_FLOWS[:2]), "out": list(_FLOWS[2:])},
    },
    {
        "id": "social-new-build",
        "label": "Nieuwbouw sociale huur",
        "unit": "dwellings",
        "aggregation": "flow",
        "term": "sociale-huur",
    },
    {"id": "social-acquired", "label": "Aankoop sociale huur", "unit": "dwellings", "aggregation": "flow"},
    {"id": "social-sold", "label": "Verkoop sociale huur", "unit": "dwellings", "aggregation": "flow"},
    {"id": "social-demolished", "label": "Sloop sociale huur", "unit": "dwellings", "aggregation": "flow"},
    {"id": "new-build-total", "label": "Nieuwbouw totaal", "unit": "dwellings", "aggregation": "flow"},
    {"id": "label-b-or-better", "label": "Aandeel label B of beter", "unit": "share", "aggregation": "ratio"},
    {
        "id": "evictions",
        "label": "Huisuitzettingen",
        "unit": "households",
        "aggregation": "flow",
        "direction": "decrease",
    },
)
_RESULT_INDICATORS = ("social-new-build", "social-acquired", "new-build-total", "evictions")
_THEME_OF_INDICATOR = {
    "social-new-build": "availability",
    "social-acquired": "availability",
    "new-build-total": "availability",
    "evictions": "vulnerable-groups-and-care",
}
_MILESTONES = ("kickoff", "assignment", "concept", "administrative_review", "decision", "signing")


def _targets(rng: random.Random, areas: list[str]) -> list[dict[str, Any]]:
    return [
        {
            "id": f"{indicator}-{area}",
            "indicator": indicator,
            "value": rng.randint(50, 5000),
            "from": FIRST_YEAR,
            "by": LAST_YEAR,
            "theme": "availability",
            "goals": ["more-social-homes"],
            "area": area,
            "baseline": {"year": FIRST_YEAR - 1, "value": rng.randint(0, 500)},
            "source": "Woondeal",
        }
        for area in areas
        for indicator in ("social-new-build", "new-build-total")
    ]


def _commitment(rng: random.Random, n: int, parties: _Parties, targets: dict[tuple[str, str], str]) -> dict[str, Any]:
    year = rng.choice(YEARS)
    area = rng.choice(parties.areas)
    executors = rng.sample(parties.corporations, 1) if rng.random() < 0.7 else rng.sample(parties.all, 2)
    entry: dict[str, Any] = {
        "id": f"c-{n:07d}",
        "by": executors[0] if len(executors) == 1 else executors,
        "for": rng.sample(parties.all, rng.randint(1, 3)),
        "goals": [rng.choice(_GOALS)[0]],
        "year": year,
    }
    if rng.random() < 0.75:
        indicator = rng.choice(_RESULT_INDICATORS)
        entry |= {
            "theme": _THEME_OF_INDICATOR[indicator],
            "text": f"Oplevering van {rng.randint(5, 400)} woningen in {area}",
            "indicator": indicator,
            "value": rng.randint(5, 400),
            "area": area,
            "due": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        }
        if (indicator, area) in targets:
            entry["target"] = targets[indicator, area]
    else:
        entry |= {
            "theme": rng.choice(list(STANDARD_THEMES)),
            "kind": "effort",
            "text": f"Inspanning {n}: samen optrekken",
        }
    if n and rng.random() < 0.05:
        entry["conditional_on"] = [f"c-{rng.randrange(n):07d}"]
    if rng.random() < 0.1:
        entry["visibility"] = "parties"
    elif rng.random() < 0.05:
        entry |= {"visibility": "restricted", "visible_to": rng.sample(parties.all, 2)}
    return entry


def _realisations(rng: random.Random, commitments: list[dict[str, Any]], areas: list[str]) -> list[dict[str, Any]]:
    realisations = [
        {
            "commitment": entry["id"],
            "year": entry["year"],
            "value": round(entry["value"] * rng.uniform(0.5, 1.2)),
            "reported_on": f"{entry['year'] + 1}-03-{rng.randint(1, 28):02d}",
            "status": rng.choice(("approved", "approved", "submitted", "draft")),
        }
        for entry in commitments
        if "value" in entry and entry["year"] < LAST_YEAR - 1 and rng.random() < 0.5
    ]
    for area in areas:
        level = rng.randint(5000, 50000)
        for year in range(FIRST_YEAR - 1, LAST_YEAR - 1):
            level += rng.randint(-200, 600)
            share = round(rng.random(), 3)
            realisations += [
                {"indicator": "social-stock", "area": area, "year": year, "value": level, "status": "approved"},
                {"indicator": "label-b-or-better", "area": area, "year": year, "value": share, "status": "approved"},
            ]
    return realisations


@dataclasses.dataclass(frozen=True)
class _Parties:
    municipalities: list[str]
    corporations: list[str]
    tenants: list[str]
    areas: list[str]

    @property
    def all(self) -> list[str]:
        return [*self.municipalities, *self.corporations, *self.tenants, "provincie"]


def synthetic_agreement_data(commitments: int, *, seed: int = 0) -> dict[str, Any]:
    """Return a regional agreement with *commitments* commitments as plain data of file format v1."""
    rng = random.Random(seed)
    party_count = max(4, commitments // 20)
    municipality_count = max(1, party_count // 4)
    tenant_count = max(1, party_count // 8)
    cast = _Parties(
        municipalities=[f"gemeente-{n}" for n in range(municipality_count)],
        corporations=[f"corporatie-{n}" for n in range(max(1, party_count - municipality_count - tenant_count - 1))],
        tenants=[f"huurders-{n}" for n in range(tenant_count)],
        areas=[f"area-{n}" for n in range(municipality_count)],
    )
    parties = cast.all
    municipalities, corporations, tenants, areas = cast.municipalities, cast.corporations, cast.tenants, cast.areas
    targets = _targets(rng, areas)
    target_of = {(target["indicator"], target["area"]): target["id"] for target in targets}
    commitment_list = [_commitment(rng, n, cast, target_of) for n in range(commitments)]
    realisations = _realisations(rng, commitment_list, areas)
    return {
        "schema_version": 1,
        "id": f"synthetic-{commitments}",
        "title": f"Synthetische regionale afspraken met {commitments} afspraken",
        "scope": "regional",
        "perspective": {"start": FIRST_YEAR, "end": LAST_YEAR},
        "basis": [
            {"kind": "woondeal", "title": "Woondeal regio", "year": FIRST_YEAR - 1},
            {"kind": "housing_vision", "title": "Regionale woonvisie", "year": FIRST_YEAR - 2},
        ],
        "assignment": {
            "purpose": "Samen de woningbouw versnellen en betaalbaar houden",
            "in_scope": ["availability", "affordability", "quality-and-sustainability"],
            "out_of_scope": ["Middenhuur in de vrije sector"],
            "dilemmas": ["Snelheid tegenover betaalbaarheid"],
            "agreed_on": f"{FIRST_YEAR - 1}-01-15",
        },
        "areas": [
            {
                "id": area,
                "name": f"Gemeente {n}",
                "kind": "municipality",
                "cbs_code": f"GM{n:04d}",
                "dwellings": rng.randint(5000, 200000),
            }
            for n, area in enumerate(areas)
        ],
        "parties": [
            *(
                {
                    "id": p,
                    "name": f"Gemeente {n}",
                    "kind": "municipality",
                    "areas": [areas[n]],
                    "supervisory_body": "gemeenteraad",
                }
                for n, p in enumerate(municipalities)
            ),
            *(
                {
                    "id": p,
                    "name": f"Woningcorporatie {n}",
                    "kind": "housing_corporation",
                    "areas": rng.sample(areas, min(len(areas), 2)),
                    "supervisory_body": "raad van commissarissen",
                }
                for n, p in enumerate(corporations)
            ),
            *(
                {
                    "id": p,
                    "name": f"Huurdersorganisatie {n}",
                    "kind": "tenant_organisation",
                    "supervisory_body": "achterban",
                }
                for n, p in enumerate(tenants)
            ),
            {"id": "provincie", "name": "Provincie", "kind": "province"},
        ],
        "coalition": [
            {"party": "provincie", "status": "endorser"},
            *({"party": p, "status": "joined", "joined_on": f"{FIRST_YEAR}-06-01"} for p in corporations[-2:]),
        ],
        "tenant_involvement": "signatory",
        "groups": [
            {"id": "stuurgroep", "kind": "steering", "members": [municipalities[0], corporations[0], tenants[0]]},
            {"id": "werkgroep-bouw", "kind": "working", "members": parties[:10]},
        ],
        "mandates": [
            *({"holder": p, "role": "signatory", "person": "bestuurder"} for p in parties[:-1]),
            {"holder": municipalities[0], "role": "administrative_lead", "granted_by": parties[1:-1]},
            {"holder": corporations[0], "role": "official_lead", "granted_by": [municipalities[0]]},
            {"holder": municipalities[0], "role": "monitor"},
            {"holder": corporations[0], "role": "drafter"},
            {"holder": municipalities[0], "role": "decider"},
        ],
        "themes": [{"id": theme, "lead": rng.choice(parties[:-1])} for theme in STANDARD_THEMES],
        "goals": [{"id": goal_id, "text": text, "kind": kind} for goal_id, text, kind in _GOALS],
        "definitions": [
            {
                "term": "sociale-huur",
                "defined_by": municipalities[0],
                "value": 879.66,
                "unit": "EUR",
                "text": "Huur t/m de liberalisatiegrens",
            },
            {"term": "betaalbare-koop", "defined_by": municipalities[0], "value": 405000, "unit": "EUR"},
        ],
        "indicators": list(_INDICATORS),
        "frameworks": [
            {
                "id": "daeb-30",
                "set_by": "provincie",
                "numerator": "social-new-build",
                "denominator": "new-build-total",
                "min": 0.3,
                "per": "area",
                "source": "Provinciaal kader",
            }
        ],
        "targets": targets,
        "commitments": commitment_list,
        "process": {
            "started": f"{FIRST_YEAR - 1}-01-10",
            "milestones": [
                *(
                    {"kind": kind, "date": f"{FIRST_YEAR - 1}-{month:02d}-15", "status": "done"}
                    for month, kind in enumerate(_MILESTONES, start=1)
                ),
                {"kind": "evaluation", "date": f"{FIRST_YEAR + 1}-05-01", "status": "planned"},
            ],
            "products": [{"id": "concept-1", "title": "Onderhandelakkoord", "status": "final"}],
        },
        "monitoring": {"frequency": "yearly", "hybrid": True},
        "realisations": realisations,
        "amendments": [
            {
                "id": "a-1",
                "date": f"{FIRST_YEAR + 1}-06-30",
                "reason": "Bijsturen na de eerste evaluatie",
                "agreed_by": parties[:-1],
            }
        ],
    }


def synthetic_json_bytes(commitments: int, *, seed: int = 0) -> bytes:
    """Return `synthetic_agreement_data` as JSON bytes, as a file on disk would hold them."""
    return orjson.dumps(synthetic_agreement_data(commitments, seed=seed))
