"""The JSON Schema of file format v1 is valid, accepts every shipped file and refuses what the loader refuses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest

from prestatieafspraken import examples
from prestatieafspraken.schema import json_schema
from prestatieafspraken.serialization._reading import parse_yaml

CASES = sorted((Path(__file__).parent / "cases").glob("*.yaml"))


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    """A validator of the schema (which is itself checked against the metaschema)."""
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


class TestSchema:
    """The schema matches what the loader reads."""

    @pytest.mark.parametrize("name", examples.names())
    def test_examples_validate(self, validator: jsonschema.Draft202012Validator, name: str) -> None:
        """Every shipped example is valid against the schema."""
        errors = [error.message for error in validator.iter_errors(parse_yaml(examples.text(name)))]
        assert errors == []

    @pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
    def test_case_agreements_validate(self, validator: jsonschema.Draft202012Validator, path: Path) -> None:
        """The agreement of every rule test case is valid against the schema."""
        case: dict[str, Any] = parse_yaml(path.read_text(encoding="utf-8"))
        errors = [error.message for error in validator.iter_errors(case["agreement"])]
        assert errors == []

    @pytest.mark.parametrize(
        ("change", "message"),
        [
            (lambda d: d["commitments"][0].update(valeu=3), "Additional properties"),
            (lambda d: d["commitments"][0].update(year="2025"), "'2025' is not valid under any"),
            (lambda d: d.update(scope="locall"), "is not one of"),
            (lambda d: d.update(id="Not A Slug"), "does not match"),
            (lambda d: d.update(schema_version=2), "was expected"),
            (lambda d: d.pop("parties"), "'parties' is a required property"),
            (lambda d: d["commitments"][0].update(due="31-12-2025"), "'31-12-2025' is not valid under any"),
        ],
    )
    def test_refuses_what_the_loader_refuses(
        self, validator: jsonschema.Draft202012Validator, change: Any, message: str
    ) -> None:
        """A document with an unknown key, a wrong type, an unknown enum value or a bad id is invalid."""
        document = parse_yaml(examples.text("lindeveen-2025-2028"))
        change(document)
        messages = " | ".join(error.message for error in validator.iter_errors(document))
        assert message in messages

    def test_by_takes_one_id_or_a_list(self, validator: jsonschema.Draft202012Validator) -> None:
        """A commitment's `by` may be one party id or a non-empty list, as the loader reads it."""
        document = parse_yaml(examples.text("lindeveen-2025-2028"))
        document["commitments"][0]["by"] = ["gemeente-lindeveen", "woonstichting-lindeveen"]
        assert list(validator.iter_errors(document)) == []
        document["commitments"][0]["by"] = []
        assert list(validator.iter_errors(document)) != []

    def test_a_figure_needs_a_value_or_an_outcome(self, validator: jsonschema.Draft202012Validator) -> None:
        """A commitment's figure with only an outcome is valid; a figure with neither value nor outcome is not."""
        document = parse_yaml(examples.text("lindeveen-2025-2028"))
        figure = document["realisations"][0]
        del figure["value"]
        assert list(validator.iter_errors(document)) != []
        figure.update(outcome="partly", explanation="Grond pas in 2026 beschikbaar")
        assert list(validator.iter_errors(document)) == []
        figure["outcome"] = "half"
        assert list(validator.iter_errors(document)) != []

    def test_value_describes_the_sign_convention(self) -> None:
        """The `value` of a target and of a commitment says what its sign means (DESIGN §3.1)."""
        definitions = json_schema()["$defs"]
        for name in ("Target", "Commitment"):
            description = definitions[name]["properties"]["value"]["description"]
            for words in ("net change", "decrease", "at most 0", "ceiling", "never negative"):
                assert words in description, (name, words)
        assert "optional when an outcome" in definitions["Realisation"]["properties"]["value"]["description"].lower()
