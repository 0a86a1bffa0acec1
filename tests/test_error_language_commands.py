"""The errors of commands, versions, norms, exports and extras in Dutch and English, and no error left English only."""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import prestatieafspraken
from prestatieafspraken import check, dump, examples, versions
from prestatieafspraken.calendar import ElectionCalendar
from prestatieafspraken.cli import main
from prestatieafspraken.cycles import StatutoryDates, check_year
from prestatieafspraken.errors import (
    ArgumentError,
    ConfigError,
    CycleError,
    ExportError,
    LoadError,
    MissingExtraError,
    PlanningError,
    PrestatieafsprakenError,
    VersionsError,
)
from prestatieafspraken.graph import central_parties
from prestatieafspraken.norms._data import parse as parse_norms
from prestatieafspraken.planning import load_lead_times
from prestatieafspraken.progress_report import Thresholds
from prestatieafspraken.tabular._extras import require
from prestatieafspraken.vocabulary import language

EXAMPLE = "lindeveen-2025-2028"
SOURCE = Path(prestatieafspraken.__file__).parent

#: The errors that were English only before and say themselves in Dutch now: each is made with a kind.
_WORDED = {
    "UsageError",
    "VersionsError",
    "ExportError",
    "ArgumentError",
    "CycleError",
    "MissingExtraError",
    "ConfigError",
}


def _said(error: PrestatieafsprakenError, dutch: str, english: str) -> None:
    """*error* says *dutch* in Dutch and *english* in English, and ``str(error)`` is the English text."""
    assert error.message_kind is not None
    assert dutch in error.describe("nl")
    assert english not in error.describe("nl")
    assert english in error.describe("en")
    assert str(error) == error.describe("en")


def _run(capsys: pytest.CaptureFixture[str], *arguments: str) -> str:
    assert main(list(arguments)) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    return captured.err


def _run_both(capsys: pytest.CaptureFixture[str], arguments: list[str], dutch: str, english: str) -> None:
    """The command refuses with *dutch* by --lang nl and *english* by --lang en."""
    said = _run(capsys, *arguments, "--lang", "nl")
    assert dutch in said
    assert english not in said
    assert english in _run(capsys, *arguments, "--lang", "en")


class TestThroughTheApi:
    """Each error says itself in Dutch with `describe("nl")`; ``str(error)`` stays English."""

    def test_versions_that_do_not_fit(self) -> None:
        """A diff applied to another version: the first line and each place in Dutch."""
        old = examples.load(EXAMPLE)
        changes = versions.diff(old, attrs.evolve(old, title="Nieuw")).changes
        with pytest.raises(VersionsError) as caught:
            versions.patch(attrs.evolve(old, title="Anders"), changes)
        error = caught.value
        _said(error, "de wijzigingen passen niet bij de overeenkomst", "the changes do not fit")
        assert "  $.title: verwacht 'Prestatieafspraken Lindeveen 2025-2028', maar hier staat 'Anders'" in (
            error.describe("nl")
        )
        assert error.problems[0].kind == "misfit_value"

    def test_versions_that_fit(self) -> None:
        """The near miss: the same diff applied to the version it was made from."""
        old = examples.load(EXAMPLE)
        changes = versions.diff(old, attrs.evolve(old, title="Nieuw")).changes
        assert versions.patch(old, changes).title == "Nieuw"

    def test_history_labels(self) -> None:
        """Labels that do not match the versions."""
        with pytest.raises(VersionsError) as caught:
            versions.history([examples.load(EXAMPLE)], labels=["a", "b"])
        _said(caught.value, "2 label(s) voor 1 versie(s)", "version(s)")

    def test_the_norms_file(self) -> None:
        """Every problem of a norms file in Dutch, none a text without a kind."""
        with pytest.raises(LoadError) as caught:
            parse_norms('[norms.Huur]\nlabel = { nl = "x" }\nkind = "maximum"\nfoo = 2\n')
        error = caught.value
        dutch = error.describe("nl")
        assert dutch.startswith("norms.toml: kan de landelijke normen niet lezen")
        assert "$.norms.Huur: de naam van een norm is woorden in kleine letters" in dutch
        assert "$.norms.Huur.unit: de verplichte sleutel ontbreekt" in dutch
        assert "onbekende sleutel 'foo'" in dutch
        assert all(problem.kind != "text" for problem in error.problems)
        assert "unknown key 'foo'" in str(error)

    def test_the_norms_file_not_toml(self) -> None:
        """A norms file that is no TOML."""
        with pytest.raises(LoadError) as caught:
            parse_norms("[norms")
        assert "$: geen geldige TOML" in caught.value.describe("nl")
        assert caught.value.problems[0].kind == "toml_syntax"

    def test_a_language(self) -> None:
        """An unknown language; the near miss ``" NL "`` is Dutch."""
        assert language(" NL ") == "nl"
        with pytest.raises(ConfigError) as caught:
            language("fr")
        _said(caught.value, "onbekende taal 'fr': kies 'nl' (Nederlands) of 'en' (Engels)", "unknown language")

    def test_a_file_without_a_format(self, tmp_path: Path) -> None:
        """`dump` to a file whose suffix names no format; the near miss ``.yaml`` is written."""
        agreement = examples.load(EXAMPLE)
        dump(agreement, tmp_path / "a.yaml")
        with pytest.raises(ExportError) as caught:
            dump(agreement, tmp_path / "a.txt")
        _said(caught.value, "het formaat van 'a.txt' is niet te bepalen", "cannot tell the format")

    def test_check_of_a_number(self) -> None:
        """`check` of something that is no agreement."""
        with pytest.raises(ArgumentError) as caught:
            check(42)  # type: ignore[arg-type]
        _said(caught.value, "check() neemt een Agreement (een overeenkomst)", "takes an Agreement")

    def test_a_negative_top(self) -> None:
        """`central_parties` with a negative count; the near miss 0 gives none."""
        agreement = examples.load(EXAMPLE)
        assert central_parties(agreement, top=0) == ()
        with pytest.raises(ArgumentError) as caught:
            central_parties(agreement, top=-1)
        _said(caught.value, "top moet 0 of meer zijn, maar is -1", "must be 0 or more")

    @pytest.mark.parametrize(
        ("year", "dutch", "english"),
        [
            ("2026", "een jaar is een geheel getal zoals 2026, maar kreeg '2026'", "a year is a whole number"),
            (1, "het jaar 1 heeft geen jaar ervoor of erna", "has no year before"),
        ],
    )
    def test_a_cycle_year(self, year: object, dutch: str, english: str) -> None:
        """A year that is not one; the near miss 2 is."""
        assert check_year(2) == 2
        with pytest.raises(CycleError) as caught:
            check_year(year)
        _said(caught.value, dutch, english)

    @pytest.mark.parametrize(
        ("make", "dutch", "english"),
        [
            (lambda: Thresholds(on_track=-1.0), "de drempel on_track moet een eindig getal", "threshold must be"),
            (
                lambda: Thresholds(on_track=0.5, needs_acceleration=0.6),
                "de drempel needs_acceleration (0.6) mag niet boven de drempel on_track (0.5) liggen",
                "must not be above",
            ),
            (lambda: ElectionCalendar(weeks_before=-1), "moet een geheel aantal weken zijn", "whole number of weeks"),
            (lambda: StatutoryDates(bid_month=2, bid_day=30), "2-30 is geen dag van elk jaar", "not a day of"),
        ],
    )
    def test_a_setting(self, make: Callable[[], object], dutch: str, english: str) -> None:
        """A threshold, a calendar or a statutory date that cannot be; the near misses (the defaults) can."""
        assert Thresholds().on_track == 0.95
        assert ElectionCalendar().weeks_before == 6
        assert StatutoryDates(bid_month=2, bid_day=28).bid_day == 28
        with pytest.raises(ConfigError) as caught:
            make()
        _said(caught.value, dutch, english)

    def test_a_lead_times_file_at_its_line(self, tmp_path: Path) -> None:
        """A syntax error of a lead-times file keeps its line and column; the near miss without one has none."""
        broken = tmp_path / "lead.yaml"
        broken.write_text("decision: 5\nreview: [30\n", encoding="utf-8")
        with pytest.raises(PlanningError) as caught:
            load_lead_times(broken)
        assert "geen geldige YAML; melding van de YAML-lezer: " in caught.value.describe("nl")
        assert "(regel 3, kolom 1)" in caught.value.describe("nl")
        assert "(line 3, column 1)" in str(caught.value)
        toml = tmp_path / "lead.toml"
        toml.write_text("decision = = 5\n", encoding="utf-8")
        with pytest.raises(PlanningError) as caught:
            load_lead_times(toml)
        assert "lead.toml: not valid TOML: " in str(caught.value)
        assert "(line 1, column" not in str(caught.value)  # TOML's reason says where; the problem has no place

    def test_a_missing_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """An optional module that is not installed names its extra in Dutch."""
        monkeypatch.setitem(sys.modules, "openpyxl", None)  # an import of it fails
        with pytest.raises(MissingExtraError) as caught:
            require("openpyxl")
        _said(caught.value, "Excel-werkmappen hebben openpyxl nodig, dat niet is geïnstalleerd", "which is not")
        assert 'pip install "prestatieafspraken[excel]"' in caught.value.describe("nl")


_E = ["--example", EXAMPLE]

#: Commands refused with an error that was English only: the arguments, the near miss that runs (or None), and what
#: is said in Dutch and in English. ``{tmp}`` is a temporary folder.
_REFUSED = [
    pytest.param(["check"], None, "geef een BESTAND of --example NAAM", "give a FILE", id="no-input"),
    pytest.param(["rules", "PA999"], ["rules", "PA101"], "geen regel 'PA999'", "no rule 'PA999'", id="unknown-rule"),
    pytest.param(
        ["export", *_E, "--to", "csv", "--template", "2040", "--output", "{tmp}/out.csv"],
        ["export", *_E, "--to", "csv", "--template", "2026", "--output", "{tmp}/out.csv"],
        "de overeenkomst neemt geen cijfers voor 2040: het meerjarig perspectief is 2025-2028",
        "takes no figures for 2040",
        id="template-of-a-year-without-figures",
    ),
    pytest.param(
        ["graph", *_E, "--format", "svg", "--node-limit", "1"],
        None,
        "teken de omgeving van één partij met --party ID",
        "draw one party's neighbourhood",
        id="graph-too-large",
    ),
    pytest.param(
        ["document", *_E, "--year", "2029"],
        ["document", *_E, "--year", "2028"],
        "het jaar 2029 valt buiten het meerjarig perspectief",
        "is outside the perspective",
        id="document-year-outside-the-perspective",
    ),
    pytest.param(
        ["graph", *_E, "--audience", "iemand"],
        ["graph", *_E, "--audience", "public"],
        "gebruik 'public' (openbaar) of het id van een partij: public, gemeente-lindeveen",
        "use 'public' or a party id",
        id="unknown-audience",
    ),
    pytest.param(
        ["bids", *_E, "--year", "1"],
        ["bids", *_E, "--year", "2026"],
        "het jaar 1 heeft geen jaar ervoor of erna",
        "has no year before or after it",
        id="year-without-a-cycle",
    ),
    pytest.param(
        ["report", *_E, "--output", "{tmp}/nergens/r.md"],
        ["report", *_E, "--output", "{tmp}/r.md"],
        "r.md: kan de rapportage niet schrijven; melding: ",
        "cannot write the report",
        id="report-that-cannot-be-written",
    ),
]


class TestOnTheCommandLine:
    """The command line prints these errors in the language of --lang, without a traceback."""

    @pytest.mark.parametrize("case", [pytest.param(case.values, id=case.id) for case in _REFUSED])
    def test_refused(self, tmp_path: Path, capsys: pytest.CaptureFixture[str], case: tuple[Any, ...]) -> None:
        """The command refuses in Dutch by --lang nl and in English by --lang en; its near miss runs."""
        arguments, near, dutch, english = case
        if near is not None:
            assert main([argument.format(tmp=tmp_path) for argument in near]) == 0
            capsys.readouterr()
        _run_both(capsys, [argument.format(tmp=tmp_path) for argument in arguments], dutch, english)

    def test_what_was_written(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`export` says what it wrote in the language of --lang."""
        output = tmp_path / "a.xlsx"
        arguments = ["export", *_E, "--to", "xlsx", "--output", str(output)]
        assert main([*arguments, "--lang", "nl"]) == 0
        assert capsys.readouterr().err == f"{output} geschreven\n"
        output.unlink()
        assert main([*arguments, "--lang", "en"]) == 0
        assert capsys.readouterr().err == f"wrote {output}\n"

    def test_a_file_and_an_example(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A file and an example together."""
        path = tmp_path / "a.yaml"
        path.write_text(examples.text(EXAMPLE), encoding="utf-8")
        _run_both(capsys, ["check", str(path), *_E], "niet allebei", "not both")

    def test_graphviz_not_installed(self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
        """`graph --format svg` without Graphviz's `dot` on the PATH."""
        monkeypatch.setenv("PATH", "")
        _run_both(
            capsys,
            ["graph", *_E, "--format", "svg"],
            "vraagt het programma `dot` van Graphviz, dat niet op het PATH staat",
            "which is not on the PATH",
        )

    @pytest.mark.needs_extras  # python-docx reads the template
    def test_a_template_that_is_no_word_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`document --template` of a file that is no Word file."""
        template = tmp_path / "huisstijl.docx"
        template.write_text("geen Word", encoding="utf-8")
        arguments = ["document", *_E, "--format", "docx", "--template", str(template)]
        _run_both(
            capsys,
            [*arguments, "--output", str(tmp_path / "out.docx")],
            "het sjabloon is niet te lezen als Word-bestand",
            "cannot read the template",
        )


def _made_of_text(text: str) -> list[tuple[int, str]]:
    """The lines of *text* (Python) where one of `_WORDED` is made of a message, or a `Problem` of a text."""
    found = []
    for node in ast.walk(ast.parse(text)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        name = node.func.id
        texts = [argument for argument in node.args if isinstance(argument, ast.Constant | ast.JoinedStr)]
        if (name in _WORDED and texts) or (name == "Problem" and any(k.arg == "message" for k in node.keywords)):
            found.append((node.lineno, name))
    return found


class TestNoneLeftEnglishOnly:
    """No error of `_WORDED` is made of an English message, and no `Problem` of a text without a kind."""

    def test_the_source(self) -> None:
        """The scan of the whole source finds none (errors.py builds a problem of a kind itself)."""
        found = [
            f"{module.relative_to(SOURCE)}:{line} {name}"
            for module in SOURCE.rglob("*.py")
            if module.name != "errors.py"
            for line, name in _made_of_text(module.read_text(encoding="utf-8"))
        ]
        assert found == []

    def test_the_scan_finds_one(self) -> None:
        """The near miss: a module that makes such an error or problem is found; one made with a kind is not."""
        text = 'raise ExportError(f"no {x}")\nProblem(path="$", message="m")\nExportError.of("kind")\n'
        assert sorted(_made_of_text(text)) == [(1, "ExportError"), (2, "Problem")]
