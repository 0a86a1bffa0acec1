"""The realisations template shows what already counts, and reads how a commitment was kept (issue 13).

The figures that feed a target per year are shown on its rows with where they come from, so that
nobody types a known figure twice; a commitment's row takes an outcome (uitkomst) and an explanation (toelichting),
in the workbook and in a CSV file; the words in the cells are the library's vocabulary.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pendulum
import pytest
from openpyxl.utils import get_column_letter

from prestatieafspraken import LoadError, examples
from prestatieafspraken.model import Agreement, Outcome, Realisation, RealisationStatus
from prestatieafspraken.tabular import (
    import_realisations,
    import_realisations_csv,
    realisation_rows,
    realisations_template,
)
from prestatieafspraken.tabular.realisations import TEMPLATE_COLUMNS
from prestatieafspraken.vocabulary import Language

pytestmark = pytest.mark.needs_extras  # openpyxl

EXAMPLE = "lindeveen-2025-2028"


@pytest.fixture
def lindeveen() -> Agreement:
    """The shipped local example, with the approved figures and outcomes of 2025."""
    return examples.load(EXAMPLE)


def rows_of(path: Path, sheet: str = "Realisaties") -> list[dict[str, Any]]:
    """The rows of a template's sheet, each as heading to value."""
    found = list(openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True))
    header = [str(heading) for heading in found[0]]
    return [dict(zip(header, row, strict=True)) for row in found[1:]]


def letter(key: str) -> str:
    """The column letter of a template column."""
    return get_column_letter([column.key for column in TEMPLATE_COLUMNS].index(key) + 1)


def edit(path: Path, row: int, values: dict[str, Any]) -> Path:
    """Fill in cells of one row of the Dutch template by column key, as an analyst would, and save it."""
    workbook = openpyxl.load_workbook(path)
    for key, value in values.items():
        workbook["Realisaties"][f"{letter(key)}{row}"] = value
    workbook.save(path)
    return path


def with_figures(agreement: Agreement, *figures: Realisation) -> Agreement:
    """The agreement with these figures recorded besides its own."""
    return attrs.evolve(agreement, realisations=(*agreement.realisations, *figures))


def approved(**keys: Any) -> Realisation:
    """An approved figure reported on 1 March of the year after its year."""
    return Realisation(status=RealisationStatus.APPROVED, reported_on=pendulum.Date(keys["year"] + 1, 3, 1), **keys)


class TestCountedAlready:
    """Each target row shows the approved figures that already count for its year, and where they come from."""

    def test_indicator_figure_feeds_the_target(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """The new build of 2025 counts from the indicator's figure: 96, via the indicator, not typed twice."""
        realisations_template(lindeveen, 2025, path=tmp_path / "t.xlsx")
        target = next(row for row in rows_of(tmp_path / "t.xlsx") if row["Id"] == "new-build-2025-2028")
        assert (target["Telt al mee"], target["Telt mee via"], target["Bekend cijfer"]) == (
            96,
            "indicator social-new-build",
            None,
        )

    @pytest.mark.parametrize(
        ("year", "counted", "source"),
        [(2025, 96, "indicator social-new-build"), (2026, 131, "dit streefcijfer")],
    )
    def test_per_year(self, tmp_path: Path, lindeveen: Agreement, year: int, counted: int, source: str) -> None:
        """A target's own figure of 2026 counts for 2026 only: 2025 still shows its indicator's figure."""
        agreement = with_figures(lindeveen, approved(target="new-build-2025-2028", year=2026, value=131))
        realisations_template(agreement, year, path=tmp_path / "t.xlsx")
        target = next(row for row in rows_of(tmp_path / "t.xlsx") if row["Id"] == "new-build-2025-2028")
        assert (target["Telt al mee"], target["Telt mee via"]) == (counted, source)

    def test_parts_and_sums(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """A breakdown part shows its place's figures; a whole made of several figures says how many it adds up."""
        target = attrs.evolve(lindeveen.targets[0], area=None, breakdown={"lindeveen": 300, "elders": 100})
        areas = (*lindeveen.areas, attrs.evolve(lindeveen.areas[0], id="elders", name="Elders"))
        agreement = attrs.evolve(
            with_figures(lindeveen, approved(indicator="social-new-build", area="elders", year=2025, value=30)),
            targets=(target,),
            commitments=(),
            areas=areas,
        )
        realisations_template(agreement, 2025, path=tmp_path / "t.xlsx", lang="en")
        found = [
            (row["Area"], row["Counted already"], row["Counted from"])
            for row in rows_of(tmp_path / "t.xlsx", "Realisations")
        ]
        assert found == [
            (None, 126, "indicator social-new-build (sum of 2 figures)"),
            ("lindeveen", 96, "indicator social-new-build"),
            ("elders", 30, "indicator social-new-build"),
        ]

    def test_pending_figures_do_not_count(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """A draft figure is shown as known but does not count already; only approved figures do."""
        draft = Realisation(
            commitment="c-2025-new-build",
            year=2025,
            value=99,
            status=RealisationStatus.DRAFT,
            reported_on=pendulum.Date(2026, 4, 1),
        )
        realisations_template(with_figures(lindeveen, draft), 2025, path=tmp_path / "t.xlsx")
        row = next(row for row in rows_of(tmp_path / "t.xlsx") if row["Id"] == "c-2025-new-build")
        assert (row["Bekend cijfer"], row["Bekend: status en datum"]) == (99, "concept, 2026-04-01")
        assert (row["Telt al mee"], row["Telt mee via"]) == (96, "deze afspraak")

    def test_known_outcome(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """A commitment's recorded outcome is shown with its status and date."""
        realisations_template(lindeveen, 2025, path=tmp_path / "t.xlsx")
        row = next(row for row in rows_of(tmp_path / "t.xlsx") if row["Id"] == "c-2025-insulation")
        assert row["Bekend: status en datum"] == "goedgekeurd, 2026-03-02; uitkomst: deels uitgevoerd"


class TestOutcome:
    """The columns Uitkomst and Toelichting: how a commitment was kept, read in Dutch, English or the format's word."""

    @pytest.mark.parametrize("word", ["niet uitgevoerd", "Not done", "not_done"])
    def test_an_outcome_without_a_value(self, tmp_path: Path, lindeveen: Agreement, word: str) -> None:
        """A commitment's row with an outcome and no value is a figure with that outcome and its explanation."""
        path = tmp_path / "t.xlsx"
        realisations_template(lindeveen, 2026, path=path)
        edit(
            path,
            5,
            {
                "reported_on": dt.date(2027, 2, 1),
                "status": "ingediend",
                "outcome": word,
                "explanation": "Geen aannemer gevonden.",
            },
        )
        merged = import_realisations(lindeveen, path)
        assert merged.realisations[-1] == Realisation(
            commitment="c-2026-insulation",
            year=2026,
            outcome=Outcome.NOT_DONE,
            explanation="Geen aannemer gevonden.",
            reported_on=pendulum.Date(2027, 2, 1),
            status=RealisationStatus.SUBMITTED,
        )

    def test_value_and_outcome(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """A result commitment may have both: the value is measured, the outcome shown beside it."""
        path = tmp_path / "t.xlsx"
        realisations_template(lindeveen, 2026, path=path)
        edit(
            path,
            2,
            {"value": 90, "reported_on": dt.date(2027, 2, 1), "status": "goedgekeurd", "outcome": "deels uitgevoerd"},
        )
        figure = import_realisations(lindeveen, path).realisations[-1]
        assert (figure.value, figure.outcome) == (90, Outcome.PARTLY)

    @pytest.mark.parametrize(
        ("row", "values", "where", "match"),
        [
            (8, {"value": 120, "status": "concept", "outcome": "uitgevoerd"}, "Q8", "only a commitment has an outcome"),
            (5, {"status": "concept", "outcome": "half"}, "Q5", r"expected one of uitgevoerd \(done\), deels"),
            (
                5,
                {"status": "concept", "explanation": "nog niet"},
                "N5",
                r"a value is required here .*or for a commitment an outcome",
            ),
            (8, {"status": "concept"}, "N8", r"a value is required here \(Waarde / Value\)$"),
        ],
        ids=["outcome on a target", "unknown outcome", "commitment without value or outcome", "target without value"],
    )
    def test_refused_at_the_cell(  # noqa: PLR0917 - fixtures and a parameter table
        self, tmp_path: Path, lindeveen: Agreement, row: int, values: dict[str, Any], where: str, match: str
    ) -> None:
        """An outcome on a target's row, an unknown outcome, or a row with neither value nor outcome, at its cell."""
        path = tmp_path / "t.xlsx"
        realisations_template(lindeveen, 2026, path=path)
        with pytest.raises(LoadError, match=match) as caught:
            import_realisations(lindeveen, edit(path, row, values))
        assert [problem.path for problem in caught.value.problems] == [f"Realisaties!{where}"]

    def test_csv_with_outcome_and_no_value_column(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """A CSV file may leave out the value column when it gives outcomes; an outcome on an indicator is refused."""
        path = tmp_path / "r.csv"
        path.write_text(
            "Soort;Id;Jaar;Gerapporteerd op;Status;Uitkomst;Toelichting\n"
            "afspraak;c-2026-participation;2026;1-2-2027;goedgekeurd;uitgevoerd;Vier avonden gehouden.\n",
            encoding="utf-8",
        )
        figure = import_realisations_csv(lindeveen, path).realisations[-1]
        assert (figure.commitment, figure.value, figure.outcome, figure.explanation) == (
            "c-2026-participation",
            None,
            Outcome.DONE,
            "Vier avonden gehouden.",
        )
        path.write_text(
            "Soort;Id;Jaar;Status;Uitkomst\nindicator;social-new-build;2026;concept;uitgevoerd\n", encoding="utf-8"
        )
        with pytest.raises(LoadError, match="only a commitment has an outcome") as caught:
            import_realisations_csv(lindeveen, path)
        assert [problem.path for problem in caught.value.problems] == ["r.csv:row 2, column Uitkomst"]

    def test_neither_value_nor_outcome_column(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """A file with neither a value nor an outcome column names both in its first row."""
        path = tmp_path / "r.csv"
        path.write_text("Soort;Id;Jaar;Status\nafspraak;c-2026-participation;2026;concept\n", encoding="utf-8")
        with pytest.raises(LoadError, match=r"lacks the required column\(s\) Waarde \(Value\) or Uitkomst"):
            import_realisations_csv(lindeveen, path)

    def test_template_offers_the_outcomes(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """The workbook's outcome cells offer the three outcomes in the template's language."""
        path = tmp_path / "t.xlsx"
        realisations_template(lindeveen, 2026, path=path, lang="en")
        validations = openpyxl.load_workbook(path)["Realisations"].data_validations.dataValidation
        offered = {str(validation.sqref).split(":")[0]: validation.formula1 for validation in validations}
        assert offered[f"{letter('outcome')}2"] == '"done,partly done,not done"'
        assert offered[f"{letter('kind')}2"] == '"commitment,target,indicator"'


class TestWords:
    """The words in the cells are the vocabulary's: one Dutch word per concept, old templates still read."""

    def test_a_target_is_a_streefcijfer(self, tmp_path: Path, lindeveen: Agreement) -> None:
        """A target's row says streefcijfer (a doel is a goal), and a visibility's word is the vocabulary's."""
        realisations_template(lindeveen, 2025, path=tmp_path / "t.xlsx")
        rows = rows_of(tmp_path / "t.xlsx")
        assert {row["Soort"] for row in rows} == {"afspraak", "streefcijfer"}
        assert {row["Zichtbaarheid"] for row in rows} == {"openbaar"}

    @pytest.mark.parametrize(("kind", "visibility"), [("doel", "partijen"), ("Target", "parties only")])
    def test_older_and_english_words_read(
        self, tmp_path: Path, lindeveen: Agreement, kind: str, visibility: str
    ) -> None:
        """A template written before (doel, partijen) and English words read as the same figure."""
        path = tmp_path / "r.csv"
        path.write_text(
            f"Soort;Id;Jaar;Waarde;Status;Zichtbaarheid\n{kind};new-build-2025-2028;2026;80;concept;{visibility}\n",
            encoding="utf-8",
        )
        figure = import_realisations_csv(lindeveen, path).realisations[-1]
        assert (figure.target, figure.visibility.value) == ("new-build-2025-2028", "parties")


class TestRealisationRows:
    """The realisation rows carry how a commitment was kept."""

    @pytest.mark.parametrize(("lang", "word"), [("nl", "deels uitgevoerd"), ("en", "partly done")])
    def test_outcome_columns(self, lindeveen: Agreement, lang: Language, word: str) -> None:
        """A figure's outcome, its label in the language, and its explanation are columns of its row."""
        row = next(row for row in realisation_rows(lindeveen, lang=lang) if row["subject"] == "c-2025-insulation")
        assert (row["outcome"], row["outcome_label"], row["value"]) == ("partly", word, None)
        assert row["explanation"].startswith("48 van de 60")
