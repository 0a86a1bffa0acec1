"""Tests of the one error tree: every exception of the library derives from `PrestatieafsprakenError`."""

from __future__ import annotations

import ast
import builtins
import importlib
import importlib.util
import pkgutil
import re
import tomllib
import warnings
from pathlib import Path
from types import ModuleType
from typing import cast

import pytest

import prestatieafspraken
from prestatieafspraken import errors, examples, graph, loads
from prestatieafspraken.errors import (
    ArgumentError,
    ExportError,
    InvariantError,
    PrestatieafsprakenError,
    UnknownAudienceError,
    UnknownExampleError,
    UnknownNameError,
    UnknownPartyError,
)
from prestatieafspraken.model import Perspective
from prestatieafspraken.serialization import Format

ROOT = Path(__file__).parent.parent
SOURCE = ROOT / "src" / "prestatieafspraken"


def _extra_modules() -> set[str]:
    """The top-level modules of the optional extras (charts, excel, pandas, testing), from pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [
        requirement
        for extra, listed in project["optional-dependencies"].items()
        if extra != "dev"
        for requirement in listed
    ]
    return {re.split(r"[<>=\[ ;]", requirement, maxsplit=1)[0].replace("-", "_") for requirement in requirements}


def _is_missing_extra(error: ImportError) -> bool:
    """Whether *error* is an optional extra that is truly not installed (never so in the dev environment)."""
    name = (error.name or "").partition(".")[0]
    return name in _extra_modules() and importlib.util.find_spec(name) is None


def _all_modules() -> list[ModuleType]:
    modules: list[ModuleType] = [prestatieafspraken]
    for info in pkgutil.walk_packages(prestatieafspraken.__path__, "prestatieafspraken."):
        try:
            modules.append(importlib.import_module(info.name))
        except ImportError as error:
            if not _is_missing_extra(error):
                raise
    return modules


def _exception_classes(module: ModuleType) -> list[type[BaseException]]:
    """The exception classes *module* defines itself (not the ones it imports)."""
    return [
        value
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, BaseException) and value.__module__ == module.__name__
    ]


class TestErrorTree:
    """Every exception class of the package derives from `PrestatieafsprakenError`."""

    def test_every_module_is_walked(self) -> None:
        """The walk imports every module of the package: in the dev environment no extra is missing."""
        files = {
            ".".join(path.relative_to(SOURCE.parent).with_suffix("").parts).removesuffix(".__init__")
            for path in SOURCE.rglob("*.py")
        }
        assert {module.__name__ for module in _all_modules()} == files

    def test_every_exception_class_derives_from_the_root(self) -> None:
        """No exception class defined in the package escapes the tree."""
        classes = [cls for module in _all_modules() for cls in _exception_classes(module)]
        outside = [
            f"{cls.__module__}.{cls.__qualname__}" for cls in classes if not issubclass(cls, PrestatieafsprakenError)
        ]
        assert outside == []
        assert len(classes) >= 10  # the walk found the classes (a broken walk must not pass)

    @pytest.mark.parametrize(
        ("error", "builtin"),
        [
            (InvariantError("end", "x"), ValueError),
            (ArgumentError("x"), ValueError),
            (ExportError("x"), ValueError),
            (UnknownNameError("party", "x", ()), ValueError),
            (UnknownNameError("example", "x", ()), LookupError),
        ],
    )
    def test_each_is_also_its_natural_builtin(self, error: Exception, builtin: type[Exception]) -> None:
        """Code that knows only the built-in exceptions keeps catching the library's errors."""
        assert isinstance(error, PrestatieafsprakenError)
        assert isinstance(error, builtin)

    def test_a_model_invariant_is_in_the_tree(self) -> None:
        """Building a model object that breaks an invariant raises an `InvariantError` of the tree."""
        with pytest.raises(PrestatieafsprakenError, match=r"ends \(2020\) before it starts \(2025\)") as raised:
            Perspective(start=2025, end=2020)
        assert isinstance(raised.value, InvariantError)
        assert raised.value.field == "end"


class _BuiltinRaises(ast.NodeVisitor):
    """Collect the `raise` statements that raise a built-in exception class, as ``line: name``."""

    def __init__(self) -> None:
        self.function: str | None = None
        self.found: list[str] = []

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        outer, self.function = self.function, node.name
        self.generic_visit(node)
        self.function = outer

    visit_AsyncFunctionDef = visit_FunctionDef  # noqa: N815 - the name ast.NodeVisitor calls

    def visit_Raise(self, node: ast.Raise) -> None:
        raised = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
        name = raised.id if isinstance(raised, ast.Name) else ""
        builtin = getattr(builtins, name, None)
        # A module's `__getattr__` must raise AttributeError (PEP 562): the language's protocol, not a choice.
        protocol = self.function == "__getattr__" and name == "AttributeError"
        if isinstance(builtin, type) and issubclass(builtin, BaseException) and not protocol:
            self.found.append(f"{node.lineno}: {name}")
        self.generic_visit(node)


def _raised_builtins(path: Path) -> list[str]:
    """The `raise` statements of one source file that raise a built-in exception class, as ``line: name``."""
    visitor = _BuiltinRaises()
    visitor.visit(ast.parse(path.read_text(encoding="utf-8")))
    return visitor.found


class TestNoBuiltinRaises:
    """The library raises its own errors, never a bare built-in exception class."""

    def test_no_raise_of_a_builtin(self) -> None:
        """No module raises ValueError, TypeError or another built-in class."""
        found = {}
        for path in sorted(SOURCE.rglob("*.py")):
            relative = path.relative_to(SOURCE).as_posix()
            lines = _raised_builtins(path)
            if relative == "testing.py":
                # The assertion helpers for the user's own tests fail a test the way pytest expects.
                lines = [line for line in lines if not line.endswith(": AssertionError")]
            if lines:
                found[relative] = lines
        assert found == {}

    def test_the_check_sees_a_builtin_raise(self, tmp_path: Path) -> None:
        """The check itself finds a bare built-in raise, called or not, and allows AttributeError in __getattr__."""
        source = tmp_path / "module.py"
        source.write_text(
            "def f():\n    raise ValueError('x')\n\n"
            "def g():\n    raise KeyError\n\n"
            "def __getattr__(name):\n    raise AttributeError(name)\n\n"
            "def h():\n    raise errors.LoadError([])\n",
            encoding="utf-8",
        )
        assert _raised_builtins(source) == ["2: ValueError", "5: KeyError"]


class TestUnknownNameError:
    """One error for a name that is not there, with its `kind`; the three older names are aliases of it."""

    @pytest.mark.parametrize(
        ("action", "kind", "message"),
        [
            (lambda: examples.text("lindeven-2025-2028"), "example", "unknown example 'lindeven-2025-2028' (did you"),
            (
                lambda: loads("x", format=cast("Format", "toml")),
                "format",
                "unknown format 'toml'; use one of: yaml, json",
            ),
            (
                lambda: graph.render_graph(examples.load("lindeveen-2025-2028"), format="svg"),
                "graph format",
                "unknown graph format 'svg'; use one of: mermaid, dot, graphml, json",
            ),
        ],
    )
    def test_kinds(self, action: object, kind: str, message: str) -> None:
        """Each kind of unknown name raises the one class, says its kind, and suggests or lists the known names."""
        assert callable(action)
        with pytest.raises(UnknownNameError, match=re.escape(message)) as raised:
            action()
        assert raised.value.kind == kind
        assert raised.value.known != ()

    def test_example_lists_the_examples(self) -> None:
        """An unknown example suggests the closest name and lists the shipped examples."""
        with pytest.raises(UnknownNameError, match=r"did you mean 'lindeveen-2025-2028'\?\); use one of the shipped"):
            examples.text("lindeven-2025-2028")

    @pytest.mark.parametrize("alias", [UnknownExampleError, UnknownAudienceError, UnknownPartyError])
    def test_old_names_are_aliases(self, alias: type[Exception]) -> None:
        """The deprecated names are the same class, so ``except`` clauses written for them keep working."""
        assert alias is UnknownNameError
        with pytest.raises(alias, match="unknown party 'x'"):
            raise UnknownNameError("party", "x", ("a",))

    @pytest.mark.parametrize(("attribute", "value"), [("party", "x"), ("audience", "x"), ("valid", ("a", "b"))])
    def test_old_attributes_warn(self, attribute: str, value: object) -> None:
        """The older attributes still answer, with a DeprecationWarning that names the new one."""
        error = UnknownNameError("party", "x", ("a", "b"))
        with pytest.warns(
            DeprecationWarning, match=rf"UnknownNameError\.{attribute} is deprecated; use \.(name|known)"
        ):
            assert getattr(error, attribute) == value

    def test_long_lists_are_cut(self) -> None:
        """A long list of known names is cut short after eleven, so the message stays readable."""
        error = UnknownNameError("party", "zz", [f"p{number}" for number in range(20)])
        assert str(error).endswith("p9, p10, ...")
        assert len(error.known) == 20

    def test_every_public_error_is_listed(self) -> None:
        """`prestatieafspraken.errors.__all__` names every exception class of the module."""
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            classes = {
                name for name, value in vars(errors).items() if isinstance(value, type) and issubclass(value, Exception)
            }
        assert classes <= set(errors.__all__)
