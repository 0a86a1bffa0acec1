"""A definition that names the national norm it follows (``norm:``): refused when the norm is unknown."""

from __future__ import annotations

import re

import pytest

from prestatieafspraken import LoadError, dumps, loads
from prestatieafspraken.errors import InvariantError
from prestatieafspraken.model import Definition

_AGREEMENT = """\
schema_version: 1
id: zonnedal-2025-2028
title: Prestatieafspraken Zonnedal 2025-2028
scope: local
perspective: {{start: 2025, end: 2028}}
parties:
  - {{id: gemeente-zonnedal, name: Gemeente Zonnedal, kind: municipality}}
definitions:
  - {{term: betaalbare-koop, value: 405000, unit: EUR}}
  - {{term: sociale-huur, value: 900.07, unit: EUR, norm: {norm}}}
"""


class TestDefinitionNorm:
    """The optional ``norm`` of a definition names a norm of `prestatieafspraken.norms`."""

    def test_known_norm_is_read_and_written(self) -> None:
        """A definition naming a known norm loads with it, and writing the agreement keeps it."""
        agreement = loads(_AGREEMENT.format(norm="social-rent-limit"))
        assert agreement.definitions[1].norm == "social-rent-limit"
        assert loads(dumps(agreement)) == agreement

    def test_definition_without_norm_has_none(self) -> None:
        """A definition without ``norm`` reads as before, with no norm."""
        assert loads(_AGREEMENT.format(norm="social-rent-limit")).definitions[0].norm is None

    def test_unknown_norm_is_a_problem_at_its_path(self) -> None:
        """An unknown norm name is refused at load at ``$.definitions[i].norm``, with the closest name suggested."""
        pattern = re.escape(
            "$.definitions[1].norm: unknown norm 'social-rent-limt' (did you mean 'social-rent-limit'?)"
        )
        with pytest.raises(LoadError, match=pattern) as caught:
            loads(_AGREEMENT.format(norm="social-rent-limt"))
        assert [problem.path for problem in caught.value.problems] == ["$.definitions[1].norm"]

    def test_unknown_norm_is_refused_in_python(self) -> None:
        """Building a `Definition` with an unknown norm raises `InvariantError` naming the field."""
        with pytest.raises(InvariantError, match="unknown norm 'huurgrens'") as caught:
            Definition(term="sociale-huur", value=900.07, norm="huurgrens")
        assert caught.value.field == "norm"
