"""Fixtures shared by the tests: the rule sandbox of `prestatieafspraken.testing`, imported as users import it."""

from prestatieafspraken.testing import rule_registry  # noqa: F401 - a pytest fixture, found by its name
