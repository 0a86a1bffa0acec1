"""Tests of `prestatieafspraken.serialization`: round trips, the wire decisions, and every way a document fails."""

from __future__ import annotations

import copy
import json
import os
import re
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import orjson
import pendulum
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prestatieafspraken import LoadError, dump, dumps, load, loads
from prestatieafspraken.errors import ExportError, UnknownNameError
from prestatieafspraken.model import (
    Agreement,
    Amendment,
    Area,
    Assignment,
    Baseline,
    BasisDocument,
    CoalitionMember,
    Commitment,
    CommitmentKind,
    Definition,
    Framework,
    Goal,
    Group,
    Indicator,
    Mandate,
    Milestone,
    Monitoring,
    Party,
    PartyKind,
    Perspective,
    Process,
    Product,
    Realisation,
    Scope,
    StockFlows,
    Target,
    Theme,
    Visibility,
)
from prestatieafspraken.serialization import Format, make_converter, structure
from prestatieafspraken.serialization._reader import READER
from prestatieafspraken.testing import minimal_agreement
from strategies import (
    agreements,
    amendments,
    areas,
    assignments,
    baselines,
    basis_documents,
    coalition_members,
    commitments,
    definitions,
    frameworks,
    goals,
    groups,
    indicators,
    mandates,
    milestones,
    monitorings,
    parties,
    perspectives,
    processes,
    products,
    realisations,
    stock_flows,
    targets,
    themes,
)
from support import party_entry

#: Agreements with valid references and with some that name nothing: the loader reads both.
ANY_AGREEMENT = st.one_of(agreements(), agreements(valid_references=False))
#: Building a converter generates code: build each once.
FAST = make_converter()
DETAILED = make_converter(detailed_validation=True)
PROPERTIES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: A small valid agreement as plain data; the bad-input table breaks one thing in a copy of it.
MINIMAL: dict[str, Any] = {
    **minimal_agreement(
        id="utrecht-2024-2028",
        title="Prestatieafspraken Utrecht 2024-2028",
        perspective={"start": 2024, "end": 2028},
        parties=[
            party_entry("gemeente-utrecht", "Gemeente Utrecht", "municipality"),
            party_entry("bo-ex", "Bo-Ex", "housing_corporation"),
            party_entry("huurders", "Huurdersvereniging", "tenant_organisation"),
        ],
    ),
    "indicators": [
        {"id": "social-new-build", "label": "Nieuwbouw sociale huur", "unit": "dwellings", "aggregation": "flow"}
    ],
    "targets": [{"id": "social-growth", "indicator": "social-new-build", "value": 3000, "by": 2028}],
    "commitments": [
        {"id": "c-2024-build", "by": "bo-ex", "for": ["gemeente-utrecht"], "year": 2024, "value": 500},
        {"id": "c-2025-build", "by": ["bo-ex", "gemeente-utrecht"], "year": 2025, "due": "2025-12-31"},
    ],
    "realisations": [{"commitment": "c-2024-build", "year": 2024, "value": 480, "status": "approved"}],
}


def edited(*edits: tuple[tuple[str | int, ...], object]) -> dict[str, Any]:
    """Return a copy of `MINIMAL` with each value at a key path replaced (`DELETE` removes the key)."""
    data = copy.deepcopy(MINIMAL)
    for path, value in edits:
        *parents, last = path
        node: Any = data
        for key in parents:
            node = node[key]
        if value is DELETE:
            del node[last]
        else:
            node[last] = value
    return data


DELETE = object()


def as_yaml(data: object) -> str:
    """Write plain data as YAML, the way a person would."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def as_json(data: object) -> str:
    """Write plain data as JSON."""
    return json.dumps(data)


def nested(depth: int, *, format: Format) -> str:  # noqa: A002 - the library's parameter name
    """A document whose title is a list nested *depth* levels deep."""
    lists = "[" * depth + "]" * depth
    return f'{{"schema_version": 1, "title": {lists}}}' if format == "json" else f"schema_version: 1\ntitle: {lists}\n"


BILLION_LAUGHS = "schema_version: 1\nlol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"lol{level}: &l{level} [{', '.join([f'*l{level - 1}'] * 9)}]\n" for level in range(1, 10)
)

# --- round trips ------------------------------------------------------------------------------------------


MODEL_TYPES: list[tuple[type[Any], st.SearchStrategy[Any]]] = [
    (Area, areas()),
    (Party, parties()),
    (CoalitionMember, coalition_members()),
    (Group, groups()),
    (Mandate, mandates()),
    (Theme, themes()),
    (Goal, goals()),
    (Definition, definitions()),
    (Indicator, indicators()),
    (StockFlows, stock_flows()),
    (Framework, frameworks()),
    (Baseline, baselines()),
    (Target, targets()),
    (Commitment, commitments()),
    (Milestone, milestones()),
    (Product, products()),
    (Process, processes()),
    (Monitoring, monitorings()),
    (Realisation, realisations()),
    (Amendment, amendments()),
    (BasisDocument, basis_documents()),
    (Assignment, assignments()),
    (Perspective, perspectives()),
    (Agreement, agreements()),
]


class TestRoundTrip:
    """What is written reads back as the same agreement, in every format and through every path."""

    @pytest.mark.parametrize("format", ["yaml", "json"])
    @PROPERTIES
    @given(agreement=ANY_AGREEMENT)
    def test_text_round_trip(self, format: Format, agreement: Agreement) -> None:  # noqa: A002
        """Any agreement written with `dumps` reads back equal with `loads`, and writes back to the same text."""
        text = dumps(agreement, format=format)
        loaded = loads(text, format=format)
        assert loaded == agreement
        assert dumps(loaded, format=format) == text

    @pytest.mark.parametrize("suffix", [".yaml", ".yml", ".json"])
    @settings(PROPERTIES, max_examples=25)
    @given(agreement=ANY_AGREEMENT)
    def test_file_round_trip(self, suffix: str, agreement: Agreement, tmp_path_factory: pytest.TempPathFactory) -> None:
        """Any agreement written with `dump` to a .yaml, .yml or .json file reads back equal with `load`."""
        path = tmp_path_factory.mktemp("round-trip") / f"agreement{suffix}"
        dump(agreement, path)
        assert load(path) == agreement

    @pytest.mark.parametrize(("model_type", "strategy"), MODEL_TYPES, ids=[cls.__name__ for cls, _ in MODEL_TYPES])
    @settings(PROPERTIES, max_examples=30)
    @given(data=st.data())
    def test_each_model_type_round_trips_through_the_converter(
        self, model_type: type[Any], strategy: st.SearchStrategy[Any], data: st.DataObject
    ) -> None:
        """Every model type unstructures to plain data that structures back to an equal value."""
        value = data.draw(strategy)
        assert FAST.structure(FAST.unstructure(value, model_type), model_type) == value

    @PROPERTIES
    @given(agreement=ANY_AGREEMENT)
    def test_fast_and_detailed_converters_agree(self, agreement: Agreement) -> None:
        """The fast converter and the detailed one build equal agreements from the same plain data."""
        data = orjson.loads(dumps(agreement, format="json"))
        fast = FAST.structure(data, Agreement)
        detailed = DETAILED.structure(data, Agreement)
        assert fast == detailed == agreement

    @PROPERTIES
    @given(agreement=agreements())
    def test_json_is_plain_json(self, agreement: Agreement) -> None:
        """The JSON written is read by any JSON reader, with dates as ISO texts and the version first."""
        data = json.loads(dumps(agreement, format="json"))
        assert next(iter(data)) == "schema_version"
        assert all(isinstance(commitment.get("due", ""), str) for commitment in data.get("commitments", []))


# --- wire decisions ---------------------------------------------------------------------------------------


class TestWireForm:
    """The wire decisions listed in `make_converter`'s docstring."""

    @pytest.mark.parametrize(
        ("written", "expected"),
        [
            ("due: 2025-12-31", pendulum.Date(2025, 12, 31)),
            ("due: '2025-12-31'", pendulum.Date(2025, 12, 31)),
            ('due: "2025-12-31"', pendulum.Date(2025, 12, 31)),
            ("due: 2024-02-29", pendulum.Date(2024, 2, 29)),
        ],
    )
    def test_yaml_dates_load_quoted_or_not(self, written: str, expected: pendulum.Date) -> None:
        """A date in YAML loads as a `pendulum.Date` whether it is written bare or quoted."""
        text = as_yaml(edited((("commitments", 1, "due"), "PLACEHOLDER"))).replace("due: PLACEHOLDER", written)
        due = loads(text).commitments[1].due
        assert due == expected
        assert type(due) is pendulum.Date

    @pytest.mark.parametrize("text", ["2025-12-31", "2025-02-30", "2025-12-31 10:00:00"])
    def test_iso_looking_free_text_stays_text(self, text: str) -> None:
        """A free text written bare in YAML that looks like a date (or a day that does not exist) stays a text."""
        document = as_yaml(edited((("commitments", 0, "text"), "PLACEHOLDER"))).replace("PLACEHOLDER", text)
        loaded = loads(document)
        assert loaded.commitments[0].text == text
        assert loads(dumps(loaded)).commitments[0].text == text

    @pytest.mark.parametrize("text", ["2025-12-31", "12", "true", "null", "~", "1e3", "yes"])
    def test_free_text_is_written_so_that_it_reads_back_as_text(self, text: str) -> None:
        """A text that YAML could read as a date, number, boolean or null is written so that it stays a text."""
        loaded = loads(as_json(edited((("commitments", 0, "text"), text))), format="json")
        assert loads(dumps(loaded)).commitments[0].text == text

    @pytest.mark.parametrize(
        ("by", "expected"),
        [("bo-ex", ("bo-ex",)), (["bo-ex"], ("bo-ex",)), (["bo-ex", "huurders"], ("bo-ex", "huurders"))],
    )
    def test_by_takes_one_id_or_a_list(self, by: str | list[str], expected: tuple[str, ...]) -> None:
        """A commitment's `by` takes one party id or a list of them, and becomes a tuple."""
        assert loads(as_yaml(edited((("commitments", 0, "by"), by)))).commitments[0].by == expected

    @pytest.mark.parametrize(("by", "written"), [(("bo-ex",), "bo-ex"), (("bo-ex", "huurders"), ["bo-ex", "huurders"])])
    def test_by_is_written_as_one_id_when_there_is_one(self, by: tuple[str, ...], written: object) -> None:
        """One executor is written as a single id, several as a list."""
        data = FAST.unstructure(Commitment(id="c-x", by=by), Commitment)
        assert data == {"id": "c-x", "by": written}

    def test_defaults_are_left_out_and_the_version_is_written(self) -> None:
        """A written agreement holds what was said: defaults are left out, the schema version never is."""
        agreement = Agreement(
            id="a",
            title="t",
            scope=Scope.LOCAL,
            perspective=Perspective(start=2024, end=2024),
            parties=(Party(id="p", name="P", kind=PartyKind.MUNICIPALITY),),
            commitments=(Commitment(id="c", by=("p",), kind=CommitmentKind.RESULT, visibility=Visibility.PUBLIC),),
        )
        assert orjson.loads(dumps(agreement, format="json")) == {
            "schema_version": 1,
            "id": "a",
            "title": "t",
            "scope": "local",
            "perspective": {"start": 2024, "end": 2024},
            "parties": [{"id": "p", "name": "P", "kind": "municipality"}],
            "commitments": [{"id": "c", "by": "p"}],
        }

    def test_renamed_keys(self) -> None:
        """`from`, `for`, `in` and `out` are the wire names of `from_year`, `beneficiaries`, `inflows`, `outflows`."""
        target = Target(id="t", indicator="i", value=1, from_year=2024, by=2025)
        assert FAST.unstructure(target, Target) == {
            "id": "t",
            "indicator": "i",
            "value": 1,
            "from": 2024,
            "by": 2025,
        }
        flows = StockFlows(inflows=("a",), outflows=("b",))
        assert FAST.unstructure(flows, StockFlows) == {"in": ["a"], "out": ["b"]}
        assert loads(as_json(MINIMAL), format="json").commitments[0].beneficiaries == ("gemeente-utrecht",)

    @pytest.mark.parametrize("format", ["yaml", "json"])
    @pytest.mark.parametrize(("value", "kind"), [(3000, int), (3000.0, float), (0.3, float), (-0.0, float)])
    def test_numbers_keep_their_kind(self, format: Format, value: float, kind: type) -> None:  # noqa: A002
        """A whole number stays an int and a decimal a float, so that what loads dumps back the same."""
        data = edited((("targets", 0, "value"), value))
        document = as_json(data) if format == "json" else as_yaml(data)
        loaded = loads(document, format=format)
        assert type(loaded.targets[0].value) is kind
        assert type(loads(dumps(loaded, format=format), format=format).targets[0].value) is kind

    def test_bytes_are_read_as_utf8(self) -> None:
        """`loads` takes UTF-8 bytes as well as text."""
        data = edited((("title",), "Financiën – “betaalbaar” 🏘️"))
        assert loads(as_yaml(data).encode()).title == "Financiën – “betaalbaar” 🏘️"
        assert loads(as_json(data).encode(), format="json").title == "Financiën – “betaalbaar” 🏘️"

    @pytest.mark.parametrize("function", [loads, dumps])
    def test_unknown_format_is_refused(self, function: Callable[..., object]) -> None:
        """A format other than yaml or json is a programming error, not a load error: an unknown name."""
        argument = "schema_version: 1" if function is loads else loads(as_json(MINIMAL), format="json")
        with pytest.raises(
            UnknownNameError, match=re.escape("unknown format 'toml'; use one of: yaml, json")
        ) as raised:
            function(argument, format="toml")
        assert (raised.value.kind, raised.value.name, raised.value.known) == ("format", "toml", ("yaml", "json"))


# --- unreadable documents ---------------------------------------------------------------------------------

#: (document, format, `$.path`, the start of the problem's message)
BAD_DOCUMENTS = [
    pytest.param("schema_version: 1\nid: [unclosed\n", "yaml", "$", "not valid YAML: ", id="broken-yaml"),
    pytest.param('{"schema_version": 1,', "json", "$", "not valid JSON: ", id="broken-json"),
    pytest.param(
        as_yaml(edited((("commitments", 1, "year"), "2025"))),
        "yaml",
        "$.commitments[1].year",
        "expected a whole number, got the text '2025'",
        id="wrong-type-deep-in-a-list",
    ),
    pytest.param(
        as_json(edited((("commitments", 0, "tekst"), "x"))),
        "json",
        "$.commitments[0]",
        "unknown key 'tekst' (did you mean 'text'?); allowed here: id, by, for, theme",
        id="unknown-key-with-suggestion",
    ),
    pytest.param(
        as_yaml(edited((("titel",), "x"))),
        "yaml",
        "$",
        "unknown key 'titel' (did you mean 'title'?)",
        id="unknown-top-level-key",
    ),
    pytest.param(
        as_yaml(edited((("parties", 1, "name"), DELETE))),
        "yaml",
        "$.parties[1].name",
        "required key is missing",
        id="missing-required-key",
    ),
    pytest.param(
        as_yaml(edited((("scope",), "locaal"))),
        "yaml",
        "$.scope",
        "expected one of local, regional, provincial, national; got the text 'locaal'",
        id="unknown-enum-value",
    ),
    pytest.param(
        as_yaml(edited((("schema_version",), 99))),
        "yaml",
        "$.schema_version",
        "the number 99 is not a supported version; this release reads version 1",
        id="schema-version-99",
    ),
    pytest.param(
        as_json(edited((("schema_version",), "1"))),
        "json",
        "$.schema_version",
        "the text '1' is not a supported version",
        id="schema-version-as-text",
    ),
    pytest.param(
        as_yaml(edited((("schema_version",), DELETE))),
        "yaml",
        "$.schema_version",
        "required key is missing; write `schema_version: 1`",
        id="schema-version-missing",
    ),
    pytest.param(
        as_yaml(edited((("commitments", 1, "due"), "eind 2025"))),
        "yaml",
        "$.commitments[1].due",
        "expected a date as YYYY-MM-DD, got the text 'eind 2025'",
        id="not-a-date",
    ),
    pytest.param(
        as_yaml(edited((("commitments", 1, "due"), "31-12-2025"))),
        "yaml",
        "$.commitments[1].due",
        "expected a date as YYYY-MM-DD, got the text '31-12-2025'",
        id="dutch-date-order",
    ),
    pytest.param(
        as_yaml(edited((("commitments", 1, "due"), "PLACEHOLDER"))).replace("PLACEHOLDER", "2021-02-30"),
        "yaml",
        "$.commitments[1].due",
        "expected a date as YYYY-MM-DD, got the text '2021-02-30' (no such day)",
        id="no-such-day",
    ),
    pytest.param(
        as_json(edited((("commitments", 1, "due"), 20251231))),
        "json",
        "$.commitments[1].due",
        "expected a date as YYYY-MM-DD, got the number 20251231",
        id="date-as-number",
    ),
    pytest.param(
        as_yaml(edited((("parties", 0, "id"), "Gemeente Utrecht"))),
        "yaml",
        "$.parties[0].id",
        "'Gemeente Utrecht' is not an id: use lower-case letters, digits and '-'",
        id="id-not-a-slug",
    ),
    pytest.param(
        as_yaml(edited((("realisations", 0, "target"), "social-growth"))),
        "yaml",
        "$.realisations[0].commitment",
        "a realisation names exactly one of commitment, target or indicator, not 2",
        id="realisation-with-two-subjects",
    ),
    pytest.param(
        as_yaml(edited((("realisations", 0, "commitment"), DELETE))),
        "yaml",
        "$.realisations[0].commitment",
        "a realisation names exactly one of commitment, target or indicator, not 0",
        id="realisation-without-subject",
    ),
    pytest.param(
        as_yaml(edited((("perspective", "end"), 2023))),
        "yaml",
        "$.perspective.end",
        "the perspective ends (2023) before it starts (2024)",
        id="perspective-ends-before-it-starts",
    ),
    pytest.param(
        as_yaml(edited((("targets", 0, "from"), 2029))),
        "yaml",
        "$.targets[0].from",
        "a target cannot start (2029) after its end (2028)",
        id="target-starts-after-its-end",
    ),
    pytest.param(
        as_yaml(edited((("parties",), []))),
        "yaml",
        "$.parties",
        "an agreement has at least one party",
        id="no-parties",
    ),
    pytest.param(
        as_yaml(edited((("commitments", 0, "by"), []))),
        "yaml",
        "$.commitments[0].by",
        "expected a party id or a list of party ids, got an empty list",
        id="commitment-without-executor",
    ),
    pytest.param(
        as_yaml(MINIMAL) + "title: again\n",
        "yaml",
        "$",
        "not valid YAML: duplicate key 'title' (a later value would silently replace an earlier one)",
        id="duplicate-yaml-key",
    ),
    pytest.param(
        "- schema_version: 1\n", "yaml", "$", "expected a mapping at the top, got a list", id="top-level-list"
    ),
    pytest.param("", "yaml", "$", "expected a mapping at the top, got nothing (null)", id="empty-document"),
    pytest.param(
        as_yaml(edited((("commitments", 0, "value"), "PLACEHOLDER"))).replace("PLACEHOLDER", ".nan"),
        "yaml",
        "$.commitments[0].value",
        "expected a finite number, got the number nan",
        id="nan-in-an-optional-number",
    ),
    pytest.param(
        as_yaml(edited((("targets", 0, "value"), "PLACEHOLDER"))).replace("PLACEHOLDER", ".inf"),
        "yaml",
        "$.targets[0].value",
        "expected a finite number, got the number inf",
        id="infinity",
    ),
    pytest.param(
        as_yaml(edited((("realisations", 0, "value"), "PLACEHOLDER"))).replace("PLACEHOLDER", "-.inf"),
        "yaml",
        "$.realisations[0].value",
        "expected a finite number, got the number -inf",
        id="minus-infinity",
    ),
    pytest.param(
        as_json(edited((("commitments", 0, "value"), 1))).replace('"value": 1', '"value": NaN'),
        "json",
        "$",
        "not valid JSON: ",
        id="nan-in-json",
    ),
    pytest.param(
        as_yaml(edited((("commitments", 0, "value"), 10**30))),
        "yaml",
        "$.commitments[0].value",
        f"expected a finite number, got the number {10**30}",
        id="huge-int-as-amount",
    ),
    pytest.param(
        as_yaml(edited((("commitments", 0, "year"), 10**30))),
        "yaml",
        "$.commitments[0].year",
        f"expected a whole number of at most 19 digits, got {10**30}",
        id="huge-int-as-year",
    ),
    pytest.param(
        as_json(edited((("commitments", 0, "year"), 10**30))),
        "json",
        "$.commitments[0].year",
        f"expected a whole number of at most 19 digits, got {10**30}",  # as in YAML; it was the float 1e+30
        id="huge-int-in-json",
    ),
    pytest.param(
        as_yaml(edited((("commitments", 0, "value"), True))),
        "yaml",
        "$.commitments[0].value",
        "expected a finite number, got the boolean true",
        id="boolean-as-amount",
    ),
    pytest.param(
        as_yaml(edited((("title",), 2024))),
        "yaml",
        "$.title",
        "expected a text, got the number 2024",
        id="number-as-text",
    ),
    pytest.param(
        as_yaml(edited((("targets", 0, "breakdown"), {"utrecht": "veel"}))),
        "yaml",
        "$.targets[0].breakdown",
        "utrecht: expected a finite number, got the text 'veel'",
        id="breakdown-value-not-a-number",
    ),
    pytest.param(
        nested(5000, format="yaml"),
        "yaml",
        "$",
        "(not valid YAML: .*nesting depth|the document is nested too deeply)",
        id="deeply-nested-yaml",
    ),
    pytest.param(
        nested(5000, format="json"),
        "json",
        "$",
        "(not valid JSON: |the document is nested too deeply)",
        id="deeply-nested-json",
    ),
    pytest.param(
        b"schema_version: 1\ntitle: \xc3\x28\n",
        "yaml",
        "$",
        "not valid YAML: ",
        id="not-utf8",
    ),
]


def _pattern(path: str, message: str) -> str:
    """A `match=` pattern for one problem line; a message in parentheses is a regular expression."""
    return re.escape(f"{path}: ") + (message if message.startswith("(") else re.escape(message))


class TestUnreadable:
    """A document that is not an agreement of format v1 raises one `LoadError` that lists every problem."""

    def test_minimal_document_is_readable(self) -> None:
        """The document the bad-input table breaks is itself readable, in YAML and in JSON."""
        assert loads(as_yaml(MINIMAL)) == loads(as_json(MINIMAL), format="json")

    @pytest.mark.parametrize(("document", "format", "path", "message"), BAD_DOCUMENTS)
    def test_bad_document(self, document: str | bytes, format: Format, path: str, message: str) -> None:  # noqa: A002
        """Each unreadable document raises `LoadError` naming the place and what was expected."""
        with pytest.raises(LoadError, match=_pattern(path, message)) as caught:
            loads(document, format=format)
        assert path in [problem.path for problem in caught.value.problems]
        assert isinstance(caught.value, ValueError)

    def test_billion_laughs_is_refused_quickly(self) -> None:
        """A YAML document whose aliases expand to a billion values is refused in well under a second."""
        started = time.perf_counter()
        with pytest.raises(LoadError, match=re.escape("$: YAML aliases expand this document to ")) as caught:
            loads(BILLION_LAUGHS)
        assert time.perf_counter() - started < 1
        assert "billion laughs" in str(caught.value)

    def test_every_problem_is_listed(self) -> None:
        """A document with many problems lists each of them with its path, not only the first."""
        data = edited(
            (("id",), "Utrecht 2024"),
            (("title",), 2024),
            (("scope",), "lokaal"),
            (("perspective", "end"), 2020),
            (("parties", 0, "kind"), "gemeente"),
            (("parties", 1, "id"), "Bo Ex"),
            (("parties", 2, "nam"), "typo"),
            (("commitments", 0, "year"), "2024"),
            (("commitments", 1, "due"), "2025-13-01"),
            (("realisations", 0, "target"), "social-growth"),
            (("targets", 0, "value"), None),
        )
        expected = {
            "$.id",
            "$.title",
            "$.scope",
            "$.perspective.end",
            "$.parties[0].kind",
            "$.parties[1].id",
            "$.parties[2]",
            "$.commitments[0].year",
            "$.commitments[1].due",
            "$.realisations[0].commitment",
            "$.targets[0].value",
        }
        documents: list[tuple[str, Format]] = [(as_yaml(data), "yaml"), (as_json(data), "json")]
        for document, format_ in documents:
            with pytest.raises(LoadError, match=re.escape(f"({len(expected)} problems)")) as caught:
                loads(document, format=format_)
            assert {problem.path for problem in caught.value.problems} == expected
            assert all(str(problem) in str(caught.value) for problem in caught.value.problems)


# --- files ------------------------------------------------------------------------------------------------


@pytest.fixture
def agreement() -> Agreement:
    """The minimal agreement of the bad-input table, loaded."""
    return loads(as_json(MINIMAL), format="json")


class TestLoad:
    """`load` reads a file, or says clearly why it cannot."""

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is a `LoadError` that names the file."""
        path = tmp_path / "missing.yaml"
        with pytest.raises(LoadError, match=re.escape(f"{path}: cannot read the agreement")) as caught:
            load(path)
        assert caught.value.source == str(path)
        assert "cannot open the file: No such file or directory" in str(caught.value)

    def test_directory(self, tmp_path: Path) -> None:
        """A directory with an agreement's name is a `LoadError`, not an `IsADirectoryError`."""
        path = tmp_path / "agreement.yaml"
        path.mkdir()
        with pytest.raises(LoadError, match=re.escape("$: cannot open the file")):
            load(path)

    @pytest.mark.parametrize(("name", "shown"), [("agreement.txt", "'.txt'"), ("agreement", "'(none)'")])
    def test_unknown_suffix(self, tmp_path: Path, name: str, shown: str) -> None:
        """A file whose suffix names no format is refused before it is read, with the suffixes that work."""
        path = tmp_path / name
        path.write_text(as_yaml(MINIMAL))
        with pytest.raises(LoadError, match=re.escape(f"$: unknown file type {shown}; use .yaml, .yml or .json")):
            load(path)

    def test_format_overrides_the_suffix(self, tmp_path: Path, agreement: Agreement) -> None:
        """With `format=` a file of any name is read in that format."""
        path = tmp_path / "agreement.txt"
        path.write_text(as_json(MINIMAL))
        assert load(path, format="json") == agreement

    def test_upper_case_suffix(self, tmp_path: Path, agreement: Agreement) -> None:
        """The suffix is read case-insensitively."""
        path = tmp_path / "AGREEMENT.YML"
        path.write_text(as_yaml(MINIMAL))
        assert load(path) == agreement

    def test_too_large(self, tmp_path: Path) -> None:
        """A file larger than `max_bytes` is refused before it is read, with its size and the limit."""
        path = tmp_path / "agreement.json"
        path.write_text(as_json(MINIMAL))
        size = path.stat().st_size
        with pytest.raises(LoadError, match=re.escape(f"$: the file is {size:,} bytes, more than the limit of 100")):
            load(path, max_bytes=100)
        assert load(path, max_bytes=size) is not None

    def test_problems_name_the_file(self, tmp_path: Path) -> None:
        """The problems of a file's content come with the file's name."""
        path = tmp_path / "agreement.yaml"
        path.write_text(as_yaml(edited((("scope",), "lokaal"))))
        with pytest.raises(LoadError, match=re.escape(f"{path}: cannot read the agreement (1 problem):")) as caught:
            load(path)
        assert caught.value.source == str(path)
        assert [problem.path for problem in caught.value.problems] == ["$.scope"]


class TestDump:
    """`dump` writes a file atomically, in the format its suffix names."""

    @pytest.mark.parametrize("suffix", [".json", ".yaml", ".yml"])
    def test_dump_then_load(self, tmp_path: Path, agreement: Agreement, suffix: str) -> None:
        """An agreement dumped to a file loads back equal, and the file is in the suffix's format."""
        path = tmp_path / f"agreement{suffix}"
        dump(agreement, path)
        assert load(path) == agreement
        text = path.read_text(encoding="utf-8")
        assert text == dumps(agreement, format="json" if suffix == ".json" else "yaml")

    def test_json_file_is_json(self, tmp_path: Path, agreement: Agreement) -> None:
        """A .json file holds the JSON that any reader reads to the same plain data."""
        path = tmp_path / "agreement.json"
        dump(agreement, path)
        assert json.loads(path.read_bytes()) == orjson.loads(dumps(agreement, format="json"))

    def test_unknown_suffix(self, tmp_path: Path, agreement: Agreement) -> None:
        """`dump` to a name without a known suffix and without `format=` is refused and writes nothing."""
        with pytest.raises(ExportError, match=re.escape("cannot tell the format of 'agreement.txt'")):
            dump(agreement, tmp_path / "agreement.txt")
        assert list(tmp_path.iterdir()) == []

    def test_format_overrides_the_suffix(self, tmp_path: Path, agreement: Agreement) -> None:
        """With `format=` the file is written in that format whatever its name."""
        path = tmp_path / "agreement.txt"
        dump(agreement, path, format="json")
        assert load(path, format="json") == agreement

    @pytest.mark.parametrize("failing", ["replace", "fsync"])
    def test_failed_write_leaves_the_old_file(
        self, tmp_path: Path, agreement: Agreement, monkeypatch: pytest.MonkeyPatch, failing: str
    ) -> None:
        """When the write fails midway, the old file is as it was and no temporary file is left behind."""
        path = tmp_path / "agreement.yaml"
        path.write_text("old content\n")

        def fail(*_: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, failing, fail)
        with pytest.raises(OSError, match="No space left on device"):
            dump(agreement, path)
        assert path.read_text() == "old content\n"
        assert list(tmp_path.iterdir()) == [path]

    def test_overwrite_keeps_permissions(self, tmp_path: Path, agreement: Agreement) -> None:
        """Overwriting keeps the old file's permissions; a new file gets 0o666 less the umask (0o644 here)."""
        mask = os.umask(0o022)
        kept = tmp_path / "kept.yaml"
        kept.write_text("old\n")
        kept.chmod(0o600)
        dump(agreement, kept)
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
        fresh = tmp_path / "fresh.yaml"
        dump(agreement, fresh)
        os.umask(mask)
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
        assert load(kept) == load(fresh) == agreement


# --- memory -----------------------------------------------------------------------------------------------


def _model_values(item: object) -> list[object]:
    """Every text and number an agreement holds, through its attrs objects, tuples and mappings."""
    found: list[object] = []
    stack = [item]
    while stack:
        current = stack.pop()
        cls = type(current)
        if isinstance(current, str | int | float) and not isinstance(current, bool):
            found.append(current)
        elif attrs.has(cls):
            stack.extend(getattr(current, field.name) for field in attrs.fields(cls))
        elif isinstance(current, tuple):
            stack.extend(current)
        elif isinstance(current, dict):
            stack.extend([*current.keys(), *current.values()])
    return found


def _document_values(data: object) -> list[object]:
    """Every text and number of a parsed document."""
    if isinstance(data, dict):
        return [value for key, item in data.items() for value in (key, *_document_values(item))]
    if isinstance(data, list):
        return [value for item in data for value in _document_values(item)]
    return [data] if isinstance(data, str | int | float) and not isinstance(data, bool) else []


class TestMemory:
    """A loaded agreement shares repeated ids and keeps nothing of the parsed document (docs/performance.md)."""

    DOCUMENT: dict[str, Any] = edited(
        (
            ("commitments",),
            [
                {**MINIMAL["commitments"][0], "id": f"c-{n}", "year": 2025 + n % 2, "theme": "availability"}
                for n in range(3)
            ],
        ),
        (
            ("realisations",),
            [{"commitment": "c-0", "year": 2025, "value": 1234, "status": "approved", "party": "bo-ex"}],
        ),
    )

    def test_repeated_ids_are_shared(self) -> None:
        """Every mention of an id is one text object, equal lists of ids are one tuple, and equal years one int."""
        agreement = loads(as_json(self.DOCUMENT), format="json")
        first, second, third = agreement.commitments
        assert first.by is second.by is third.by
        assert first.beneficiaries is third.beneficiaries
        assert first.theme is second.theme is third.theme
        assert first.by[0] is agreement.realisations[0].party
        assert first.year is third.year is agreement.realisations[0].year
        assert first.id is not second.id

    def test_nothing_of_the_document_is_kept(self) -> None:
        """No text or number of the parsed document ends up in the model, so the document's memory is freed."""
        data = orjson.loads(as_json(self.DOCUMENT))
        agreement = structure(data)
        # Python itself shares the numbers -5..256 and the texts of at most one character.
        parsed = {
            id(value)
            for value in _document_values(data)
            if not (isinstance(value, int) and -5 <= value <= 256) and not (isinstance(value, str) and len(value) <= 1)
        }
        kept = [value for value in _model_values(agreement) if id(value) in parsed]
        assert kept == []
        assert agreement == loads(as_json(self.DOCUMENT), format="json")

    def test_tables_are_emptied(self) -> None:
        """After a load, successful or not, the tables of shared ids hold nothing."""
        loads(as_json(self.DOCUMENT), format="json")
        with pytest.raises(LoadError, match=re.escape("$.scope")):
            loads(as_json(edited((("scope",), "lokaal"))), format="json")
        interning = READER.interning
        assert (interning.texts, interning.tuples, interning.ints) == ({}, {}, {})

    @pytest.mark.parametrize(
        ("edit", "path", "message"),
        [
            ((("commitments", 0, "theme"), 5), "$.commitments[0].theme", "expected a text, got the number 5"),
            ((("mandates",), [{"holder": 7, "role": "monitor"}]), "$.mandates[0].holder", "expected a text"),
        ],
    )
    def test_shared_ids_are_as_strict(
        self, edit: tuple[tuple[str | int, ...], object], path: str, message: str
    ) -> None:
        """A reference field that the fast path shares refuses a wrong type as every field does."""
        with pytest.raises(LoadError, match=re.escape(f"{path}: {message}")):
            loads(as_json(edited(edit)), format="json")

    def test_a_null_reference_is_none(self) -> None:
        """A reference written as null is no reference, as when it is left out."""
        written = loads(as_json(edited((("commitments", 0, "theme"), None))), format="json")
        assert written.commitments[0].theme is None
        assert written == loads(as_json(MINIMAL), format="json")

    def test_full_tables_are_emptied(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The tables of dates and whole numbers start again when full, and the agreement is the same."""
        document = as_json(edited((("commitments", 0, "due"), "2024-06-30")))  # and 2025-12-31 in the other
        expected = loads(document, format="json")
        interning = READER.interning
        monkeypatch.setattr(interning, "max_dates", 1)
        monkeypatch.setattr(interning, "max_ints", 1)
        interning.dates.clear()
        assert loads(document, format="json") == expected
        assert len(interning.dates) == 1

    def test_converters_share_nothing(self) -> None:
        """A converter of `make_converter` has tables of its own: structuring through it leaves the loader's alone."""
        interning = READER.interning
        interning.dates.clear()
        agreement = make_converter().structure(orjson.loads(as_json(self.DOCUMENT)), Agreement)
        assert (interning.texts, interning.tuples, interning.ints, interning.dates) == ({}, {}, {}, {})
        assert agreement == loads(as_json(self.DOCUMENT), format="json")
