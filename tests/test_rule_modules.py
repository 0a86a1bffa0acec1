"""The rule engine's modules keep to their layer and their size: modules of one idea, no presentation, no guards.

Read from the source with `ast`, so a lazy import inside a function counts as much as one at the top.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import prestatieafspraken

PACKAGE = Path(prestatieafspraken.__file__).parent
RULES = sorted((PACKAGE / "rules").rglob("*.py"))
PRESENTATION = ("prestatieafspraken.report", "prestatieafspraken.documents", "prestatieafspraken.cli")
#: The one presentation module an analysis class may import, lazily, to show itself in a notebook.
NOTEBOOK = "prestatieafspraken.report.notebook"

#: The most lines a module may have (STYLE: modules of one idea, none over ~600 lines).
MAX_LINES = 600


def relative(path: Path) -> str:
    """A module's path below the package, for test ids and messages."""
    return path.relative_to(PACKAGE).as_posix()


def _notebook_hook(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Whether a function is ``_repr_html_`` and imports nothing of the presentation but `NOTEBOOK`."""
    imports = [node for node in ast.walk(function) if isinstance(node, ast.Import | ast.ImportFrom)]
    return function.name == "_repr_html_" and all(
        isinstance(node, ast.ImportFrom) and node.module == NOTEBOOK for node in imports
    )


def presentation_imports(path: Path) -> list[tuple[int, str]]:
    """Each import of the presentation package in a module: its line and the function that holds it ("" at the top).

    An import inside a function whose docstring opens with "Deprecated:" is left out: a deprecated alias may
    call the presentation function that replaced it, until the alias goes. So is the notebook hook: a
    ``_repr_html_`` that imports from `NOTEBOOK` only, when a notebook asks for the table.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST, holder: str, exempt: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                docstring = ast.get_docstring(child) or ""
                visit(child, child.name, exempt or docstring.startswith("Deprecated:") or _notebook_hook(child))
                continue
            if isinstance(child, ast.Import | ast.ImportFrom) and not exempt:
                module = (child.module or "") if isinstance(child, ast.ImportFrom) else ""
                names = [module, *(f"{module}.{alias.name}".lstrip(".") for alias in child.names)]
                if any(name == layer or name.startswith(layer + ".") for name in names for layer in PRESENTATION):
                    found.append((child.lineno, holder))
            visit(child, holder, exempt)

    visit(tree, "", exempt=False)
    return found


class TestModuleSize:
    """Every module of the rule engine is a module of one idea, well under the size limit."""

    @pytest.mark.parametrize("path", RULES, ids=relative)
    def test_not_over_600_lines(self, path: Path) -> None:
        """No module under prestatieafspraken/rules has more than 600 lines."""
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= MAX_LINES, f"{relative(path)} has {lines} lines; split it along its ideas"

    def test_the_rules_are_found(self) -> None:
        """The walk sees the chapter packages (so an empty glob cannot make the tests above vacuous)."""
        assert {"rules/start/deadlines.py", "rules/integrity/references.py"} <= set(map(relative, RULES))


class TestLayers:
    """The analysis layers (the rules, planning) import nothing from presentation (report, documents, the CLI)."""

    @pytest.mark.parametrize("path", [*RULES, PACKAGE / "planning.py"], ids=relative)
    def test_no_presentation_imports(self, path: Path) -> None:
        """The module imports nothing from the report, the documents or the CLI, at the top or inside a function."""
        assert presentation_imports(path) == [], f"{relative(path)} imports presentation"

    def test_the_check_sees_lazy_imports(self, tmp_path: Path) -> None:
        """An import inside an ordinary function is found; one inside a deprecated alias or the notebook hook is not."""
        module = tmp_path / "module.py"
        module.write_text(
            "def lazy():\n"
            "    from prestatieafspraken.report import render_findings\n"
            "def alias():\n"
            '    """Deprecated: use render_findings."""\n'
            "    from prestatieafspraken.report.findings import render_findings\n"
            "import prestatieafspraken.report.plans\n"
            "from prestatieafspraken.documents import document\n"
            "from prestatieafspraken import cli\n"
            "def _repr_html_():\n"
            "    from prestatieafspraken.report.notebook import findings_html\n"
            "def _repr_html_():\n"
            "    from prestatieafspraken.report.findings import render_findings\n",
            encoding="utf-8",
        )
        assert presentation_imports(module) == [(2, "lazy"), (6, ""), (7, ""), (8, ""), (12, "_repr_html_")]


class TestScopesLiveInTheRegistration:
    """A rule that concerns some scales of agreement says so with ``scopes=``, not with a guard of its own."""

    @pytest.mark.parametrize("path", RULES, ids=relative)
    def test_no_scope_guard(self, path: Path) -> None:
        """No rule module compares the agreement's scope (``ctx.agreement.scope is Scope.LOCAL``)."""
        tree = ast.parse(path.read_text(encoding="utf-8"))
        guards = [
            node.lineno
            for node in ast.walk(tree)
            if isinstance(node, ast.Compare)
            and any(isinstance(side, ast.Attribute) and side.attr == "scope" for side in (node.left, *node.comparators))
        ]
        assert guards == [], f"{relative(path)} compares the scope at lines {guards}; register the rule with scopes="
