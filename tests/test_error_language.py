"""Load and import errors in Dutch and English: every kind has both texts, `describe(lang)`, and the CLI's --lang."""

from __future__ import annotations

import ast
import datetime as dt
import re
import string
from pathlib import Path

import attrs
import pytest

import prestatieafspraken
from prestatieafspraken import examples, loads
from prestatieafspraken._problem_words import KINDS, Said, say
from prestatieafspraken.cli import main
from prestatieafspraken.errors import ConfigError, LoadError, PlanningError, Problem, UnknownNameError
from prestatieafspraken.planning import plan_backwards
from prestatieafspraken.tabular.cells import CellError, Raw, read_cell
from prestatieafspraken.tabular.conventions import SEMICOLON, parse_number

EXAMPLE = "lindeveen-2025-2028"
SOURCE = Path(prestatieafspraken.__file__).parent

#: Calls whose text arguments name a kind: `Problem.of("kind", ...)`, `Said.of`, `SomeError.of`, and in the
#: spreadsheet readers `self.unreadable("kind")`, `self.problem(ref, "kind")`, `refuse(path, "kind")`.
_READER_CALLS = {"unreadable", "problem", "refuse"}
_KIND = re.compile(r"[a-z][a-z0-9_]*")

#: Kinds whose text is the same in both languages: they only join other texts (each said in its language).
_NEUTRAL = {"text", "in_field", "quoted", "joined", "glued", "no_suggestion", "lead_file_unreadable", "figure_place"}

#: Words that give away an English text inside a Dutch one.
_ENGLISH = re.compile(r"\b(expected|got|cannot|the file|unknown|required|must be|is given twice)\b")


def _kinds_in_source() -> set[str]:
    """The kinds the source names in its calls (see `_KIND_CALLS`)."""
    found: set[str] = set()
    for module in SOURCE.rglob("*.py"):
        reader = "tabular" in module.parts
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not (_names_a_kind(node) or (reader and _reads(node))):
                continue
            found.update(
                argument.value
                for argument in node.args[:2]
                if isinstance(argument, ast.Constant)
                and isinstance(argument.value, str)
                and _KIND.fullmatch(argument.value)
            )
    return found


def _names_a_kind(call: ast.Call) -> bool:
    """`Problem.of`, `Said.of` or `SomeError.of`."""
    function = call.func
    return (
        isinstance(function, ast.Attribute)
        and function.attr == "of"
        and isinstance(function.value, ast.Name)
        and (function.value.id in {"Problem", "Said"} or function.value.id.endswith("Error"))
    )


def _reads(call: ast.Call) -> bool:
    function = call.func
    name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", None)
    return name in _READER_CALLS


_SAMPLES: dict[str, object] = {
    "value": "x",
    "cell": "x",
    ",": 1234567,
    "whole": 12,
    "term": "target",
    "list": ("a", "b"),
    "reprs": ("a", "b"),
    "or": ("a", "b"),
    "saids": (Said.of("want_text"), "b"),
    "glued": (Said.of("want_text"),),
    "semis": (Said.of("want_text"), "b"),
    "ors": (Said.of("want_text"), "b"),
}


def _fields(template: str) -> dict[str, str]:
    """The parameters of a template, each with its format spec."""
    return {name: spec or "" for _, name, spec, _ in string.Formatter().parse(template) if name}


def _sample(kind: str) -> dict[str, object]:
    return {name: _SAMPLES.get(spec, "x") for name, spec in _fields(KINDS[kind][0]).items()}


class TestEveryKind:
    """Every kind of problem and error has a Dutch and an English text, and the source names no kind without."""

    def test_every_kind_in_the_source_has_words(self) -> None:
        """Each kind the source names has words; the scan finds the calls (more than a hundred)."""
        used = _kinds_in_source()
        assert len(used) > 100  # the scan finds the calls: a near-miss of a scan that finds nothing
        assert sorted(used - set(KINDS)) == []

    def test_a_new_kind_without_words_fails(self) -> None:
        """A kind without words fails where it is made, not in front of a user later."""
        with pytest.raises(KeyError):
            Problem.of("a_kind_nobody_wrote", "$")

    @pytest.mark.parametrize("kind", sorted(KINDS))
    def test_both_texts_take_the_same_parameters(self, kind: str) -> None:
        """The English and the Dutch text of a kind are made of the same parameters."""
        english, dutch = KINDS[kind]
        assert set(_fields(english)) == set(_fields(dutch))
        assert kind == "no_suggestion" or (english.strip() and dutch.strip())

    @pytest.mark.parametrize("kind", sorted(KINDS))
    def test_the_dutch_text_is_dutch(self, kind: str) -> None:
        """The Dutch text differs from the English one and has no English words in it."""
        params = _sample(kind)
        english, dutch = say(kind, "en", params), say(kind, "nl", params)
        if kind not in _NEUTRAL:
            assert dutch != english
        assert not _ENGLISH.search(dutch.replace(" x", "")), dutch


AGREEMENT = examples.text(EXAMPLE)
#: The year of the first commitment, in the flow style of the example.
_YEAR = "year: 2025, kind: result"


class TestDescribe:
    """`Problem.describe(lang)` and `LoadError.describe(lang)`; ``str(error)`` stays English."""

    def test_yaml_syntax(self) -> None:
        """A YAML syntax error: English by str(), Dutch by describe('nl'), with its line and column."""
        with pytest.raises(LoadError) as caught:
            loads("a: [1\n")
        error = caught.value
        assert error.describe("en") == str(error)
        assert str(error).startswith("cannot read the agreement (1 problem):")
        dutch = error.describe("nl")
        assert dutch.startswith("kan de overeenkomst niet lezen (1 probleem):")
        assert "geen geldige YAML" in dutch
        assert "(regel 2, kolom 1)" in dutch
        assert error.problems[0].kind == "yaml_syntax_at"

    def test_json_syntax(self) -> None:
        """A JSON syntax error in both languages."""
        with pytest.raises(LoadError) as caught:
            loads('{"a": }', format="json")
        assert "geen geldige JSON" in caught.value.describe("nl")
        assert "not valid JSON" in str(caught.value)

    def test_a_wrong_type_has_its_kind_parameters_and_place(self) -> None:
        """A wrong type and an unknown key: their kinds, parameters and places."""
        text = AGREEMENT.replace("schema_version: 1", "schema_version: 1\ntitel: x", 1)
        broken = text.replace(_YEAR, _YEAR.replace("2025", "twee"), 1)
        with pytest.raises(LoadError) as caught:
            loads(broken)
        error = caught.value
        kinds = {problem.kind for problem in error.problems}
        assert {"unknown_key", "expected_whole"} <= kinds
        wrong = next(problem for problem in error.problems if problem.kind == "expected_whole")
        assert wrong.params["got"] == "twee"
        assert wrong.line is not None
        assert wrong.describe("nl").endswith("verwacht een geheel getal, maar kreeg de tekst 'twee'")
        assert wrong.describe("en").endswith("expected a whole number, got the text 'twee'")
        assert str(wrong) == wrong.describe("en")
        dutch = error.describe("nl")
        assert "onbekende sleutel 'titel' (bedoelt u 'title'?); hier mogen:" in dutch
        assert "kan de overeenkomst niet lezen (2 problemen):" in dutch

    def test_what_the_model_refuses(self) -> None:
        """A value the model itself refuses (a perspective that ends before it starts) says itself in Dutch too."""
        text = AGREEMENT.replace("perspective: {start: 2025, end: 2028}", "perspective: {start: 2029, end: 2028}")
        assert text != AGREEMENT
        with pytest.raises(LoadError) as caught:
            loads(text)
        (problem,) = caught.value.problems
        assert problem.kind == "perspective_ends_first"
        assert problem.describe("nl").endswith(
            "$.perspective.end: het meerjarig perspectief eindigt (2028) voordat het begint (2029)"
        )
        assert problem.describe("en").endswith("$.perspective.end: the perspective ends (2028) before it starts (2029)")
        same_year = AGREEMENT.replace("perspective: {start: 2025, end: 2028}", "perspective: {start: 2028, end: 2028}")
        assert loads(same_year).perspective.start == 2028  # the near-miss: one year is a perspective

    def test_a_problem_with_a_message_only_says_it_in_either_language(self) -> None:
        """A problem made with a message only says it as written."""
        problem = Problem(path="$.x", message="something odd")
        assert problem.kind == "text"
        assert problem.describe("nl") == problem.describe("en") == "$.x: something odd"

    def test_a_place_with_a_line_reads_as_an_editors_place(self) -> None:
        """file:line:column before the $.path, in both languages."""
        problem = attrs.evolve(Problem.of("missing_key", "$.title"), line=3, column=5)
        error = LoadError([problem], source="a.yaml")
        assert error.describe("nl").splitlines()[1] == "  a.yaml:3:5 $.title: de verplichte sleutel ontbreekt"
        assert str(error).splitlines()[1] == "  a.yaml:3:5 $.title: required key is missing"

    def test_numbers_are_grouped_as_the_language_writes_them(self) -> None:
        """1,234,567 in English is 1.234.567 in Dutch."""
        problem = Problem.of("file_too_large", "$", size=1_234_567, limit=1_000_000)
        assert problem.describe("en") == "$: the file is 1,234,567 bytes, more than the limit of 1,000,000"
        assert problem.describe("nl") == "$: het bestand is 1.234.567 bytes, meer dan de grens van 1.000.000"

    def test_omitted_problems_say_how_to_raise_the_limit(self) -> None:
        """The count of problems not listed, and the limit to raise, in Dutch; the English as given."""
        error = LoadError(
            [Problem.of("value_required", "Realisaties!N3")],
            source="r.xlsx",
            what="the realisations",
            omitted=3,
            omitted_hint="the limit max_problems = 1: ...",
            omitted_limit=("max_problems", 1),
        )
        dutch = error.describe("nl")
        assert dutch.startswith("r.xlsx: kan de realisaties niet lezen (4 problemen):")
        assert "... en nog 3, niet getoond (de grens max_problems = 1: verhoog die met --max-problems" in dutch
        assert str(error).endswith("... and 3 more, not listed (the limit max_problems = 1: ...)")

    def test_a_csv_place_is_said_in_dutch(self) -> None:
        """file.csv:row 14, column Waarde is file.csv:rij 14, kolom Waarde in Dutch."""
        problem = Problem.of("value_required", "r.csv:row 14, column Waarde")
        assert problem.describe("nl") == "r.csv:rij 14, kolom Waarde: hier is een waarde verplicht"
        assert problem.describe("en") == "r.csv:row 14, column Waarde: a value is required here"

    def test_a_cell_error(self) -> None:
        """A cell's error carries its kind; str() is English."""
        with pytest.raises(CellError) as caught:
            read_cell(Raw("twaalf"), "number")
        assert caught.value.message_kind == "cell_expected_not_text"
        assert str(caught.value) == caught.value.describe("en")
        assert caught.value.describe("nl") == (
            "verwacht een getal, maar kreeg de tekst 'twaalf' (de cel bevat tekst: vul het getal zelf in)"
        )

    def test_a_number_in_the_other_convention(self) -> None:
        """A number in English notation in a semicolon file, in both languages."""
        with pytest.raises(CellError) as caught:
            parse_number("1.5", SEMICOLON)
        dutch = caught.value.describe("nl")
        assert "is geen getal in een bestand gescheiden door puntkomma's" in dutch
        assert "1.110 is 1110" in dutch
        assert "is not a number in a file separated by semicolons" in str(caught.value)

    def test_a_plan_error(self) -> None:
        """A signing on a Sunday, in both languages."""
        with pytest.raises(PlanningError) as caught:
            plan_backwards(dt.date(2026, 7, 5), parties=2)  # a Sunday
        assert "de datum van ondertekening 2026-07-05 is een weekenddag" in caught.value.describe("nl")
        assert "(ervoor) of 2026-07-06 (erna)" in caught.value.describe("nl")
        assert "is a weekend day, not a Dutch working day" in str(caught.value)

    def test_a_configuration_error(self) -> None:
        """A configuration error made with a kind."""
        error = ConfigError.of("config_no_code", prefix="PA9")
        assert error.describe("nl") == "geen regelcode begint met 'PA9'"
        assert str(error) == "no rule code starts with 'PA9'"

    def test_an_unknown_name(self) -> None:
        """An unknown party, example or format says itself in Dutch; a kind of name without words stays English."""
        error = UnknownNameError("party", "gemeente-lindevee", ("gemeente-lindeveen", "woonstichting"))
        assert error.describe("en") == str(error)
        assert error.describe("nl") == (
            "de partij 'gemeente-lindevee' (bedoelt u 'gemeente-lindeveen'?) bestaat niet; gebruik een van: "
            "gemeente-lindeveen, woonstichting"
        )
        other = UnknownNameError("colour", "rood", ("red",))
        assert other.describe("nl") == str(other) == "unknown colour 'rood'; use one of: red"

    def test_an_error_without_a_kind_says_its_message(self) -> None:
        """An error made with a message only says it in either language."""
        error = ConfigError("plain words")
        assert error.message_kind is None
        assert error.describe("nl") == "plain words"


# --- through the command line -------------------------------------------------------------------------------


def _agreement(folder: Path) -> Path:
    """The example agreement as a file in *folder*, for the commands that take a FILE only."""
    path = folder / "agreement.yaml"
    path.write_text(AGREEMENT, encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *arguments: str) -> str:
    assert main(list(arguments)) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    return captured.err


def _imports_say(capsys: pytest.CaptureFixture[str], agreement: Path, figures: Path, dutch: str, english: str) -> None:
    """`import-realisations` refuses *figures* with *dutch* by --lang nl and *english* by --lang en."""
    for lang, text in (("nl", dutch), ("en", english)):
        assert text in _run(capsys, "import-realisations", str(agreement), str(figures), "--lang", lang)


class TestCommandLine:
    """The CLI prints errors in the language of --lang, with their places, and never a traceback."""

    @pytest.mark.parametrize(
        "case",
        [
            ("broken.yaml", "a: [1\n", "geen geldige YAML", "not valid YAML"),
            ("broken.json", '{"a": }', "geen geldige JSON", "not valid JSON"),
            ("list.yaml", "- 1\n", "verwacht bovenaan een mapping", "expected a mapping at the top"),
        ],
    )
    def test_a_broken_document(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], case: tuple[str, str, str, str]
    ) -> None:
        """A broken document, by --lang nl and --lang en."""
        name, text, dutch, english = case
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        said = _run(capsys, "check", str(path), "--lang", "nl")
        assert f"{path}: kan de overeenkomst niet lezen (1 probleem):" in said
        assert dutch in said
        assert english not in said
        said = _run(capsys, "check", str(path), "--lang", "en")
        assert f"{path}: cannot read the agreement (1 problem):" in said
        assert english in said

    def test_dutch_is_the_default_as_for_the_findings(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Without --lang the errors are Dutch, as the findings."""
        path = tmp_path / "broken.yaml"
        path.write_text("a: [1\n", encoding="utf-8")
        assert "geen geldige YAML" in _run(capsys, "check", str(path))

    def test_a_wrong_value_at_its_line(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A wrong value at file:line:column and its $.path."""
        path = tmp_path / "agreement.yaml"
        path.write_text(AGREEMENT.replace(_YEAR, _YEAR.replace("2025", "twee"), 1), encoding="utf-8")
        line = next(number for number, text in enumerate(AGREEMENT.splitlines(), 1) if _YEAR in text)
        said = _run(capsys, "report", str(path), "--lang", "nl")
        assert re.search(rf"{re.escape(str(path))}:{line}:\d+ \$\.commitments\[\d+\]\.year: verwacht een geheel", said)
        said = _run(capsys, "report", str(path), "--lang", "en")
        assert f"{path}:{line}:" in said
        assert "expected a whole number, got the text 'twee'" in said

    def test_a_missing_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A file that is not there."""
        missing = str(tmp_path / "nergens.yaml")
        assert "kan het bestand niet openen" in _run(capsys, "document", missing, "--lang", "nl")
        assert "cannot open the file" in _run(capsys, "document", missing, "--lang", "en")

    def test_a_csv_file_in_dutch_conventions(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A number that is no number in a semicolon file, at its row and column."""
        agreement = _agreement(tmp_path)
        figures = tmp_path / "realisaties.csv"
        figures.write_text(
            "Soort;Id;Gebied;Partij;Jaar;Waarde;Gerapporteerd op;Status\n"
            "afspraak;c-2025-rent-policy;;;2025;1.5;2026-03-31;goedgekeurd\n",
            encoding="utf-8",
        )
        _imports_say(
            capsys,
            agreement,
            figures,
            "kan de realisaties niet lezen (1 probleem):\n"
            "  realisaties.csv:rij 2, kolom Waarde: de tekst '1.5' is geen getal in een bestand gescheiden",
            "cannot read the realisations (1 problem):\n"
            "  realisaties.csv:row 2, column Waarde: the text '1.5' is not a number in a file separated",
        )

    @pytest.mark.needs_extras  # openpyxl
    def test_a_workbook_cell(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A text in a number cell of the realisations workbook, at its cell."""
        import openpyxl  # noqa: PLC0415 - an optional extra

        agreement, book = _agreement(tmp_path), tmp_path / "realisaties.xlsx"
        assert main(["export", str(agreement), "--to", "xlsx", "--template", "2025", "--output", str(book)]) == 0
        workbook = openpyxl.load_workbook(book)
        sheet = workbook["Realisaties"]
        sheet["N3"], sheet["P3"] = "twaalf", "ingediend"
        workbook.save(book)
        capsys.readouterr()
        _imports_say(
            capsys,
            agreement,
            book,
            "Realisaties!N3: verwacht een getal, maar kreeg de tekst 'twaalf'",
            "Realisaties!N3: expected a number, got the text 'twaalf'",
        )

    @pytest.mark.needs_extras  # openpyxl
    def test_not_a_workbook(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A file that is no workbook."""
        agreement, book = _agreement(tmp_path), tmp_path / "realisaties.xlsx"
        book.write_bytes(b"no zip at all")
        _imports_say(capsys, agreement, book, "geen Excel-werkmap (.xlsx)", "not an Excel workbook (.xlsx)")

    def test_a_plan_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A signing on a Sunday, in both languages."""
        assert "is een weekenddag" in _run(capsys, "plan", "--signing", "2026-07-05", "--lang", "nl")
        assert "is a weekend day" in _run(capsys, "plan", "--signing", "2026-07-05", "--lang", "en")
