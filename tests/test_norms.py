"""The national norms: the shipped data file, the lookups, their errors and ``prestatieafspraken norms``."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

import prestatieafspraken
from prestatieafspraken import norms
from prestatieafspraken.cli import main
from prestatieafspraken.errors import LoadError, PrestatieafsprakenError, UnknownNormError
from prestatieafspraken.norms import Bound, Kind, Unit
from prestatieafspraken.norms._data import parse

ROOT = Path(__file__).parent.parent
RIJK_2025 = (
    "https://www.rijksoverheid.nl/actueel/nieuws/2024/11/18/"
    "indexering-inkomensgrenzen-voor-woningcorporaties-en-huurtoeslagparameters-per-2025"
)
RIJK_2026 = (
    "https://www.rijksoverheid.nl/actueel/nieuws/2025/11/25/"
    "indexering-inkomensgrenzen-woningcorporaties-maximale-huurprijsgrenzen-en-huurtoeslagparameters-2026"
)
VTW = "https://vtw.nl/nationale-prestatieafspraken"

ALL_VALUES = [(name, entry.span) for name in norms.names() for entry in norms.get(name).values]

# Values copied from the domain facts (tables 4.2-4.6 and section 3), as published.
KNOWN_VALUES = [
    ("social-rent-limit", 2016, "710.68"),
    ("social-rent-limit", 2021, "752.33"),
    ("social-rent-limit", 2024, "879.66"),
    ("social-rent-limit", 2025, "900.07"),
    ("social-rent-limit", 2026, "932.93"),
    ("daeb-income-limit-single", 2021, "40024"),
    ("daeb-income-limit-multi", 2022, "45014"),
    ("daeb-income-limit-single", 2026, "51537"),
    ("daeb-income-limit-multi", 2026, "56910"),
    ("daeb-allocation-share", 2024, "85"),
    ("free-allocation-space", 2024, "7.5"),
    ("suitable-allocation-share", 2026, "95"),
    ("suitable-allocation-income-single", 2025, "28375"),
    ("suitable-allocation-income-multi", 2026, "39925"),
    ("suitable-allocation-income-single-pension-age", 2024, "27225"),
    ("suitable-allocation-income-multi-pension-age", 2025, "37350"),
    ("suitable-allocation-rent-cap-low", 2025, "682.96"),
    ("suitable-allocation-rent-cap-high", 2023, "693.60"),
    ("middle-rent-upper-limit", 2024, "1157.95"),
    ("middle-rent-upper-limit", 2025, "1184.82"),
    ("middle-income-limit-multi", 2025, "89821"),
    ("corporation-sale-income-limit", 2025, "55416"),
    ("nhg-limit", 2024, "435000"),
    ("nhg-limit-energy-measures", 2026, "498200"),
    ("affordable-purchase-limit", 2022, "355000"),
    ("affordable-purchase-limit", 2023, "355000"),
    ("affordable-purchase-limit", 2026, "420000"),
    ("npa-social-new-build", 2030, "250000"),
    ("npa-middle-rent-new-build", 2030, "50000"),
    ("npa-gas-free", 2030, "450000"),
    ("npa-insulated", 2030, "675000"),
    ("npa-efg-labels", 2028, "0"),
    ("npa-bad-maintenance", 2027, "0"),
    ("npa-clustered-homes-older-people", 2030, "40000"),
    ("npa-nursing-care-places", 2030, "20000"),
    ("npa-rent-lowest-incomes", 2023, "575"),
    ("npa-social-new-build-per-year", 2029, "30000"),
    ("npa-social-new-build-per-year", 2035, "30000"),
]

KNOWN_SOURCES = [
    ("social-rent-limit", 2025, RIJK_2025),
    ("social-rent-limit", 2026, RIJK_2026),
    ("social-rent-limit", 2017, "https://corporatiestrateeg.nl/corporatiebeleid/huurbeleid/huurprijsklassen/"),
    ("daeb-income-limit-multi", 2024, "https://dutilhhuis.nl/2023/12/woonbond-wat-kost-huren-in-2024/"),
    ("suitable-allocation-income-single", 2023, "https://www.ssw.nl/inkomen-en-huurprijsgrenzen"),
    (
        "affordable-purchase-limit",
        2024,
        (
            "https://www.rijksoverheid.nl/actueel/nieuws/2023/10/25/"
            "bovengrens-nhg-stijgt-naar-435.000-euro-betaalbaarheidsgrens-wordt-390.000-euro"
        ),
    ),
    ("npa-social-new-build", 2030, VTW),
    (
        "npa-social-new-build-per-year",
        2030,
        "https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?did=2024D49128&id=2024D49128",
    ),
]


class TestData:
    """The shipped data file."""

    @pytest.mark.parametrize(("name", "span"), ALL_VALUES)
    def test_every_value_has_a_source_with_an_address(self, name: str, span: str) -> None:
        """Every value names at least one public source with a title and a web address."""
        (entry,) = [entry for entry in norms.get(name).values if entry.span == span]
        assert entry.sources
        for found in entry.sources:
            assert found.title.strip()
            assert re.fullmatch(r"https?://\S+", found.url)

    @pytest.mark.parametrize("name", norms.names())
    def test_every_norm_has_labels_in_both_languages(self, name: str) -> None:
        """Every norm has a Dutch and an English label, which differ."""
        norm = norms.get(name)
        assert norm.label("nl")
        assert norm.label("en")
        assert norm.label("nl") != norm.label("en")

    def test_names_cover_the_norms_the_issue_asks_for(self) -> None:
        """The social-rent limit, DAEB and passend-toewijzen limits, middenhuur, NHG, koop and NPA are all there."""
        expected = {
            "social-rent-limit",
            "daeb-income-limit-single",
            "daeb-income-limit-multi",
            "suitable-allocation-income-single",
            "suitable-allocation-rent-cap-low",
            "suitable-allocation-rent-cap-high",
            "middle-rent-upper-limit",
            "nhg-limit",
            "affordable-purchase-limit",
            "npa-social-new-build",
            "npa-social-new-build-per-year",
        }
        assert expected <= set(norms.names())

    def test_targets_and_reference_values_are_told_apart(self) -> None:
        """The NPA targets are targets; the yearly limits are reference values."""
        kinds = {name: norms.get(name).kind for name in norms.names()}
        assert {name for name, kind in kinds.items() if kind is Kind.TARGET} == {
            name for name in norms.names() if name.startswith("npa-")
        }

    @pytest.mark.parametrize("name", norms.names())
    def test_docs_describe_every_norm(self, name: str) -> None:
        """docs/norms.md names every norm, so a new norm cannot ship undocumented."""
        assert f"`{name}`" in (ROOT / "docs" / "norms.md").read_text(encoding="utf-8")

    def test_the_module_is_a_top_level_name(self) -> None:
        """`prestatieafspraken.norms` is reachable from the package."""
        assert prestatieafspraken.norms is norms
        assert "norms" in prestatieafspraken.__all__


class TestValue:
    """`norms.value`, `norms.series` and `norms.get`."""

    @pytest.mark.parametrize(("name", "year", "expected"), KNOWN_VALUES)
    def test_value_as_published(self, name: str, year: int, expected: str) -> None:
        """A value is the exact decimal the source publishes."""
        found = norms.value(name, year)
        assert isinstance(found, Decimal)
        assert found == Decimal(expected)

    def test_trailing_zero_is_kept(self) -> None:
        """A value is kept digit for digit, so €693.60 prints as 693.60."""
        assert str(norms.value("suitable-allocation-rent-cap-high", 2023)) == "693.60"

    def test_series_expands_a_run_of_years(self) -> None:
        """A value that held for several years gives each of those years, ascending, with gaps left out."""
        series = norms.series("social-rent-limit")
        assert list(series)[:5] == [2015, 2016, 2017, 2018, 2021]
        assert series[2018] == Decimal("710.68")
        assert 2019 not in series

    def test_norm_carries_unit_kind_and_bound(self) -> None:
        """The social-rent limit is a reference value in euros per month, and a ceiling."""
        norm = norms.get("social-rent-limit")
        assert (norm.unit, norm.kind, norm.bound) == (Unit.EUR_PER_MONTH, Kind.REFERENCE, Bound.UPPER)
        assert norm.spans == ("2015–2018", "2021–2026")

    def test_uncertain_value_carries_a_note(self) -> None:
        """A value the facts call derived says so, in both languages."""
        entry = norms.get("middle-rent-upper-limit").at(2026)
        assert "Afgeleid" in (entry.note("nl") or "")
        assert "Derived" in (entry.note("en") or "")

    def test_missing_value_is_a_documented_gap(self) -> None:
        """A year the facts do not give is left out and the norm's note says so."""
        norm = norms.get("suitable-allocation-income-multi-pension-age")
        assert 2024 not in norm.years
        assert "2024" in (norm.note("en") or "")


class TestSource:
    """`norms.source` and `norms.sources`."""

    @pytest.mark.parametrize(("name", "year", "url"), KNOWN_SOURCES)
    def test_source_of_a_value(self, name: str, year: int, url: str) -> None:
        """The main source of a value is the address the facts give for it."""
        assert norms.source(name, year).url == url

    def test_sources_lists_all_the_main_one_first(self) -> None:
        """A value with two sources gives both, in the order the facts list them."""
        urls = [found.url for found in norms.sources("social-rent-limit", 2022)]
        assert urls == [
            "https://stadhuis.nl/?p=15305",
            "https://corporatiestrateeg.nl/corporatiebeleid/huurbeleid/huurprijsklassen/",
        ]
        assert norms.source("social-rent-limit", 2022).url == urls[0]


class TestBeyond:
    """`norms.beyond`: a figure above a ceiling or below a floor."""

    @pytest.mark.parametrize(
        ("name", "year", "figure", "expected"),
        [
            ("social-rent-limit", 2026, 950, True),
            ("social-rent-limit", 2026, 932.93, False),
            ("social-rent-limit", 2026, Decimal("932.94"), True),
            ("social-rent-limit", 2025, 932.93, True),
            ("free-allocation-space", 2024, 7.5, False),
            ("suitable-allocation-share", 2026, 90, True),
            ("suitable-allocation-share", 2026, 95, False),
            ("npa-social-new-build", 2030, 260_000, False),
        ],
    )
    def test_beyond(self, name: str, year: int, figure: Decimal | float, expected: bool) -> None:
        """A ceiling is passed above its value, a floor below it; the value itself is within."""
        assert norms.beyond(name, year, figure) is expected


class TestErrors:
    """Unknown names and years without a value."""

    def test_unknown_name_suggests_the_closest(self) -> None:
        """A misspelt name is refused with the name it probably meant."""
        with pytest.raises(
            UnknownNormError, match=r"unknown norm 'social-rent-limt' \(did you mean 'social-rent-limit'\?\)"
        ):
            norms.value("social-rent-limt", 2026)

    def test_unknown_name_is_a_lookup_error_of_the_library(self) -> None:
        """The error is both the library's and a LookupError, and carries what was asked and what exists."""
        with pytest.raises(UnknownNormError, match="unknown norm") as caught:
            norms.get("huurgrens")
        error = caught.value
        assert isinstance(error, PrestatieafsprakenError)
        assert isinstance(error, LookupError)
        assert error.year is None
        assert error.name == "huurgrens"
        assert "social-rent-limit" in error.known

    @pytest.mark.parametrize(
        ("name", "year", "expected"),
        [
            ("social-rent-limit", 2019, "has no value for 2019; it has values for 2015–2018, 2021–2026"),
            ("social-rent-limit", 2027, "has no value for 2027"),
            ("suitable-allocation-income-multi-pension-age", 2024, "values for 2023, 2025–2026"),
            ("npa-social-new-build", 2025, "values for 2030"),
        ],
    )
    def test_year_without_value_names_the_years_there_are(self, name: str, year: int, expected: str) -> None:
        """A year without a value is refused, never guessed, and the message lists the years that have one."""
        with pytest.raises(UnknownNormError, match=re.escape(expected)) as caught:
            norms.source(name, year)
        assert caught.value.year == year

    @pytest.mark.parametrize(
        ("call", "match"),
        [
            (lambda: norms.series("nope"), "unknown norm 'nope'"),
            (lambda: norms.sources("nhg-limit", 2020), "'nhg-limit' has no value for 2020"),
            (lambda: norms.beyond("nhg-limit", 2020, 1), "'nhg-limit' has no value for 2020"),
        ],
    )
    def test_every_lookup_refuses(self, call: Callable[[], object], match: str) -> None:
        """Every lookup function gives the same error."""
        with pytest.raises(UnknownNormError, match=match):
            call()


GOOD = """\
[sources.a]
title = "Een bron"
url = "https://example.org/a"

[norms.een-norm]
label = { nl = "Een norm", en = "A norm" }
kind = "reference"
unit = "EUR"
bound = "upper"

[[norms.een-norm.values]]
year = 2025
value = 1_000.50
sources = ["a"]
"""


class TestDataFileChecks:
    """The checks on the data file that protect each November's update."""

    def test_good_file_reads(self) -> None:
        """A minimal valid file gives its norm with an exact value."""
        found = parse(GOOD)
        assert found["een-norm"].at(2025).value == Decimal("1000.50")

    @pytest.mark.parametrize(
        ("old", "new", "expected"),
        [
            (
                'sources = ["a"]',
                "sources = []",
                "$.norms.een-norm.values[0].sources: every value needs at least one source",
            ),
            ('sources = ["a"]', 'sources = ["b"]', "$.norms.een-norm.values[0].sources[0]: no source 'b'"),
            (
                'url = "https://example.org/a"',
                'url = "example.org"',
                "$.sources.a.url: a source needs the page's web address",
            ),
            ('title = "Een bron"', 'title = ""', "$.sources.a.title: a source needs a title"),
            ('unit = "EUR"', 'unit = "euro"', "$.norms.een-norm.unit: expected one of 'EUR/month'"),
            ('kind = "reference"', 'kind = "goal"', "$.norms.een-norm.kind: expected one of 'reference', 'target'"),
            ('bound = "upper"', 'bound = "max"', "$.norms.een-norm.bound"),
            ("value = 1_000.50", 'value = "1000"', "$.norms.een-norm.values[0].value: expected a number as published"),
            ("value = 1_000.50", "value = nan", "expected a finite number of at least 0"),
            ("value = 1_000.50", "value = -1", "expected a finite number of at least 0"),
            ("year = 2025", "", "give either year = Y, or from = Y1 and to = Y2"),
            (
                "year = 2025",
                "from = 2026\nto = 2024",
                "$.norms.een-norm.values[0].to: to = 2024 lies before from = 2026",
            ),
            ("year = 2025", 'year = "2025"', "years are whole numbers"),
            ('bound = "upper"', 'bound = "upper"\ncolour = "red"', "$.norms.een-norm.colour: unknown key 'colour'"),
            (
                'label = { nl = "Een norm", en = "A norm" }',
                'label = { nl = "Een norm" }',
                "give the text in Dutch and English",
            ),
            ('label = { nl = "Een norm", en = "A norm" }', "", "$.norms.een-norm.label: required key is missing"),
            ("[norms.een-norm]", "[norms.Een_Norm]", "lowercase words joined by hyphens"),
            ('[[norms.een-norm.values]]\nyear = 2025\nvalue = 1_000.50\nsources = ["a"]\n', "", "values: required key"),
            (
                '[[norms.een-norm.values]]\nyear = 2025\nvalue = 1_000.50\nsources = ["a"]\n',
                "values = []",
                "at least one value",
            ),
            ('[sources.a]\ntitle = "Een bron"\nurl = "https://example.org/a"\n', "", "no source 'a' in [sources]"),
            (
                "[sources.a]",
                "[sources.x]\ntitle = 'x'\nurl = 'https://x.org'\n\n[sources.a]",
                "$.sources.x: a source no value names",
            ),
            ("[sources.a]", "versie = 2\n\n[sources.a]", "$.versie: unknown key 'versie'"),
            ('label = { nl = "Een norm", en = "A norm" }', 'label = "Een norm"', "label: expected a table, got str"),
            (
                'title = "Een bron"\nurl = "https://example.org/a"\n',
                "",
                "(2 problems):\n  $.sources.a.title: a source needs a title",
            ),
            ("[sources.a]", "sources = 1\n\n[x]", "$.sources: expected a table, got int"),
            ("[sources.a]", "[sources]\nb = 1\n\n[sources.a]", "$.sources.b: expected a table, got int"),
            ("[norms.een-norm]\n", "[norms]\nx = 1\n\n[norms.een-norm]\n", "$.norms.x: expected a table, got int"),
            (
                '[[norms.een-norm.values]]\nyear = 2025\nvalue = 1_000.50\nsources = ["a"]\n',
                "values = [1]",
                "$.norms.een-norm.values[0]: expected a table, got int",
            ),
            ("[sources.a]", "[sources.a", "not valid TOML"),
        ],
    )
    def test_bad_file_is_refused_with_its_place(self, old: str, new: str, expected: str) -> None:
        """A mistake in the data file is refused with its place and what to do."""
        text = GOOD.replace(old, new)
        assert text != GOOD
        with pytest.raises(LoadError, match=re.escape(expected)):
            parse(text, origin="test.toml")

    def test_overlapping_years_are_refused(self) -> None:
        """Two values for the same year are refused, so a lookup is never ambiguous."""
        text = GOOD + '\n[[norms.een-norm.values]]\nfrom = 2024\nto = 2026\nvalue = 2\nsources = ["a"]\n'
        with pytest.raises(LoadError, match=re.escape("values[1]: years 2024–2026 come after 2025")):
            parse(text)

    def test_every_problem_is_reported_at_once(self) -> None:
        """Several mistakes give one error that lists each of them."""
        text = GOOD.replace('unit = "EUR"', 'unit = "euro"').replace('sources = ["a"]', 'sources = ["b"]')
        with pytest.raises(LoadError, match=r"\(3 problems\)"):
            parse(text)

    def test_empty_file_is_refused(self) -> None:
        """A file without norms is refused."""
        with pytest.raises(LoadError, match="no norms"):
            parse("")


class TestCli:
    """`prestatieafspraken norms`."""

    def test_listing_names_every_norm(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without a name every norm is listed with its Dutch label, unit and years."""
        assert main(["norms"]) == 0
        out = capsys.readouterr().out
        assert len(out.splitlines()) == len(norms.names())
        assert "social-rent-limit\tHuurgrens sociale huur" in out
        assert "\t€ per maand\t2015–2018, 2021–2026" in out

    def test_one_norm_in_dutch(self, capsys: pytest.CaptureFixture[str]) -> None:
        """One norm shows every value in Dutch notation with its source's title and address."""
        assert main(["norms", "social-rent-limit"]) == 0
        out = capsys.readouterr().out
        assert "2015–2018: € 710,68 per maand" in out
        assert "Bevroren in 2015–2018." in out
        assert "2026: € 932,93 per maand" in out
        assert f"    bron: {norms.source('social-rent-limit', 2026).title} — {RIJK_2026}\n" in out

    def test_one_value_in_english(self, capsys: pytest.CaptureFixture[str]) -> None:
        """With --year and --lang en, one value in English notation with its unit and source."""
        assert main(["norms", "nhg-limit", "--year", "2024", "--lang", "en"]) == 0
        out = capsys.readouterr().out
        assert "kind: reference value (ceiling); unit: €" in out
        assert "2024: €435,000" in out
        assert "\n  2023:" not in out

    def test_all_norms_of_a_year(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--year without a name shows every norm that has a value that year, and only those."""
        assert main(["norms", "--year", "2030", "--lang", "en"]) == 0
        out = capsys.readouterr().out
        assert "npa-social-new-build: New social rented homes" in out
        assert "2030: 250,000 homes" in out
        assert "2026–2030: 0 homes" in out
        assert "social-rent-limit" not in out

    def test_a_year_without_any_value(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A year no norm has a value for says so and exits 0."""
        assert main(["norms", "--year", "1990"]) == 0
        assert "Geen landelijke norm heeft een waarde voor 1990." in capsys.readouterr().out

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """JSON gives each value as an exact number with its years, note and sources."""
        assert main(["norms", "social-rent-limit", "--format", "json", "--lang", "en"]) == 0
        out = capsys.readouterr().out
        document = json.loads(out)
        (norm,) = document["norms"]
        assert (norm["name"], norm["unit"], norm["kind"], norm["bound"]) == (
            "social-rent-limit",
            "EUR/month",
            "reference",
            "upper",
        )
        first, *_, last = norm["values"]
        assert (first["from"], first["to"], first["value"], first["note"]) == (
            2015,
            2018,
            710.68,
            "Frozen in 2015–2018.",
        )
        assert last["sources"] == [
            {
                "title": norms.source("social-rent-limit", 2026).title,
                "url": RIJK_2026,
            }
        ]
        assert '"value": 932.93' in out

    def test_json_of_a_year(self, capsys: pytest.CaptureFixture[str]) -> None:
        """JSON with --year holds only the norms and values of that year; whole numbers stay whole."""
        assert main(["norms", "--year", "2024", "--format", "json"]) == 0
        document = json.loads(capsys.readouterr().out)
        found = {norm["name"]: norm["values"] for norm in document["norms"]}
        assert found["nhg-limit"] == [
            {
                "from": 2024,
                "to": 2024,
                "value": 435000,
                "note": None,
                "sources": [
                    {"title": norms.source("nhg-limit", 2024).title, "url": norms.source("nhg-limit", 2024).url}
                ],
            }
        ]
        assert "npa-social-new-build" not in found

    @pytest.mark.parametrize(
        ("argv", "expected"),
        [
            (["norms", "social-rent-limt"], "unknown norm 'social-rent-limt' (did you mean 'social-rent-limit'?)"),
            (["norms", "social-rent-limit", "--year", "2019"], "has no value for 2019; it has values for 2015–2018"),
            (["norms", "nope", "--format", "json"], "unknown norm 'nope'"),
        ],
    )
    def test_unknown_exits_2(self, capsys: pytest.CaptureFixture[str], argv: list[str], expected: str) -> None:
        """An unknown name or a year without a value exits 2 with one clear line on stderr and no traceback."""
        assert main(argv) == 2
        captured = capsys.readouterr()
        assert expected in captured.err
        assert captured.out == ""
        assert "Traceback" not in captured.err
