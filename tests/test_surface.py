"""The public surface: public submodules are what their names say, modules are short, layers import downwards.

Read from the installed package (`pkgutil`) and from the source (`ast`), so a lazy import inside a function counts.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path
from types import ModuleType

import pytest

import prestatieafspraken

PACKAGE = Path(prestatieafspraken.__file__).parent
MODULES = sorted(PACKAGE.rglob("*.py"))

#: The most lines a module may have (STYLE: modules of one idea, none over ~600 lines).
MAX_LINES = 600

#: Modules still over the limit, each to be split along its ideas; the list can only shrink (empty now: keep it so).
OVERSIZED: frozenset[str] = frozenset()

#: What the model may import from the package: itself and the base modules below it.
#: The national norms are a leaf of data (they import only the errors): a definition may name one.
MODEL_MAY_IMPORT = (
    "prestatieafspraken.model",
    "prestatieafspraken.errors",
    "prestatieafspraken._",
    "prestatieafspraken.norms",
)


def public_module_names() -> list[str]:
    """Every public submodule of the package: no part of its dotted name starts with an underscore."""
    return sorted(
        info.name
        for info in pkgutil.walk_packages(prestatieafspraken.__path__, "prestatieafspraken.")
        if not any(part.startswith("_") for part in info.name.split(".")[1:])
    )


def line_count(path: Path) -> int:
    """How many lines a source file has."""
    return len(path.read_text(encoding="utf-8").splitlines())


def relative(path: Path) -> str:
    """A module's path below the package, for test ids and messages."""
    return path.relative_to(PACKAGE).as_posix()


#: The one presentation module a model class may import, lazily, to show itself in a notebook.
NOTEBOOK = "prestatieafspraken.report.notebook"


def _notebook_hook(node: ast.AST) -> bool:
    """Whether *node* is a ``_repr_html_`` that imports from `NOTEBOOK` only."""
    if not isinstance(node, ast.FunctionDef) or node.name != "_repr_html_":
        return False
    imports = [child for child in ast.walk(node) if isinstance(child, ast.Import | ast.ImportFrom)]
    return all(isinstance(child, ast.ImportFrom) and child.module == NOTEBOOK for child in imports)


def imported(path: Path) -> list[str]:
    """Every module a source file imports from, at the top or inside a function (``from x import y`` gives x.y).

    The notebook hook is left out: a ``_repr_html_`` that imports from `NOTEBOOK` only, when a notebook asks.
    """
    names: list[str] = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    hooks = {id(child) for node in ast.walk(tree) if _notebook_hook(node) for child in ast.walk(node)}
    for node in ast.walk(tree):
        if id(node) in hooks:
            continue
        if isinstance(node, ast.ImportFrom) and node.module is not None and node.level == 0:
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
    return names


class TestPublicModules:
    """``import prestatieafspraken.x as m`` gives the module x, and a public module says what it offers."""

    @pytest.mark.parametrize("name", public_module_names())
    def test_the_attribute_is_the_module(self, name: str) -> None:
        """The package attribute named after a public submodule is that submodule, not a function of that name."""
        module = importlib.import_module(name)
        parent, _, last = name.rpartition(".")
        assert getattr(importlib.import_module(parent), last) is module

    def test_the_walk_finds_the_packages(self) -> None:
        """The walk sees the public packages and leaves the private ones out (so the test above is not vacuous)."""
        names = public_module_names()
        assert {"prestatieafspraken.progress_report", "prestatieafspraken.model.fields"} <= set(names)
        assert not [name for name in names if "._" in name]

    def test_progress_is_the_function(self) -> None:
        """``prestatieafspraken.progress`` is the function of DESIGN §8, with no module behind it to shadow."""
        progress_report = importlib.import_module("prestatieafspraken.progress_report")
        assert prestatieafspraken.progress is progress_report.progress
        assert not isinstance(prestatieafspraken.progress, ModuleType)

    @pytest.mark.parametrize(
        "name", [name for name in public_module_names() if not name.startswith("prestatieafspraken.rules.")]
    )
    def test_has_all(self, name: str) -> None:
        """Every public module outside the rule chapters lists its public names in ``__all__``, each one defined."""
        module = importlib.import_module(name)
        names = getattr(module, "__all__", None)
        assert names is not None, f"{name} has no __all__"
        assert [item for item in names if not hasattr(module, item)] == []


class TestModuleSize:
    """Every module is a module of one idea."""

    @pytest.mark.parametrize("path", MODULES, ids=relative)
    def test_not_over_600_lines(self, path: Path) -> None:
        """No module in src has more than 600 lines, but the few listed in OVERSIZED, which still have."""
        lines = line_count(path)
        if relative(path) in OVERSIZED:
            assert lines > MAX_LINES, f"{relative(path)} has {lines} lines now: take it off OVERSIZED"
        else:
            assert lines <= MAX_LINES, f"{relative(path)} has {lines} lines; split it along its ideas"

    def test_oversized_names_modules(self) -> None:
        """Every name in OVERSIZED is a module of the package, so a moved or split module cannot stay listed."""
        assert {relative(path) for path in MODULES} >= OVERSIZED

    @pytest.mark.parametrize(("lines", "too_long"), [(MAX_LINES, False), (MAX_LINES + 1, True)])
    def test_the_count_sees_a_long_module(self, tmp_path: Path, lines: int, too_long: bool) -> None:
        """A module of 601 lines is over the limit and one of 600 is not: the count is of lines, as an editor shows."""
        module = tmp_path / "module.py"
        module.write_text("x = 1\n" * lines, encoding="utf-8")
        assert (line_count(module) > MAX_LINES) is too_long


class TestLayers:
    """The model sits at the bottom: it imports nothing of the layers above it."""

    @pytest.mark.parametrize("path", sorted((PACKAGE / "model").glob("*.py")), ids=relative)
    def test_model_imports_nothing_above_it(self, path: Path) -> None:
        """A model module imports from the package only the model, the errors and private base modules."""
        above = [
            name
            for name in imported(path)
            if name.startswith("prestatieafspraken.") and not name.startswith(MODEL_MAY_IMPORT)
        ]
        assert above == [], f"{relative(path)} imports {above}"

    def test_the_check_sees_lazy_imports(self, tmp_path: Path) -> None:
        """An import inside a function is found, and so is ``from prestatieafspraken import x``; the hook is not."""
        module = tmp_path / "module.py"
        module.write_text(
            "def lazy():\n    from prestatieafspraken.rules import check\nfrom prestatieafspraken import views\n"
            "def _repr_html_():\n    from prestatieafspraken.report.notebook import agreement_html\n"
            "def _repr_html_():\n    from prestatieafspraken.report.html import to_html\n",
            encoding="utf-8",
        )
        assert sorted(imported(module)) == [
            "prestatieafspraken.report.html.to_html",
            "prestatieafspraken.rules.check",
            "prestatieafspraken.views",
        ]
