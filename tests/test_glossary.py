"""The glossary maps every sector term both ways and names every word of the file format with its Dutch term."""

from __future__ import annotations

import enum
import re
from pathlib import Path

import pytest

from prestatieafspraken import model
from prestatieafspraken.model import STANDARD_THEMES

GLOSSARY = Path(__file__).parent.parent / "docs" / "glossary.md"


def page() -> str:
    """The Markdown of the glossary."""
    return GLOSSARY.read_text(encoding="utf-8")


def section(heading: str) -> str:
    """The text of one ``## `` section of the glossary."""
    parts = re.split(r"^## ", page(), flags=re.MULTILINE)
    matches = [part for part in parts if part.startswith(heading + "\n")]
    assert len(matches) == 1, f"the glossary has no single section {heading!r}"
    return matches[0]


def table_rows(text: str) -> list[list[str]]:
    """The cells of the body rows of the Markdown tables in *text*."""
    lines = [line for line in text.splitlines() if line.startswith("|")]
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]
    return [row for row in rows if not row[0].startswith("---") and row[0] not in {"Dutch", "English", "value", "id"}]


def dutch_to_english() -> set[tuple[str, str]]:
    """The (Dutch, English) pairs of the Dutch → English table."""
    return {(row[0], row[1]) for row in table_rows(section("Dutch → English"))}


def english_to_dutch() -> set[tuple[str, str]]:
    """The (Dutch, English) pairs of the English → Dutch table, whose Dutch cell may list several terms."""
    return {(dutch, row[0]) for row in table_rows(section("English → Dutch")) for dutch in row[1].split("; ")}


def model_enums() -> list[type[enum.Enum]]:
    """Every enum of the model: its values are the words of the file format (kinds, statuses, roles, ...)."""
    found = [getattr(model, name) for name in model.__all__]
    return [item for item in found if isinstance(item, type) and issubclass(item, enum.Enum)]


ENUM_VALUES = [(kind.__name__, member.value) for kind in model_enums() for member in kind]


def test_both_directions_hold_the_same_pairs() -> None:
    """Every Dutch → English pair is also in the English → Dutch table, and the other way round."""
    forward = dutch_to_english()
    assert len(forward) > 50
    assert forward == english_to_dutch()


@pytest.mark.parametrize(
    ("dutch", "english"),
    [
        ("gemeente", "municipality"),
        ("woningcorporatie", "housing corporation"),
        ("huurdersorganisatie", "tenant organisation"),
        ("bod", "bid"),
        ("jaarschijf", "annual commitments"),
        ("jaarafspraken", "annual commitments"),
        ("onderschrijver", "endorser"),
        ("trekker", "lead"),
        ("bestuurlijke trekker", "administrative lead"),
        ("ambtelijke trekker", "official lead"),
        ("bestuurlijke opdracht", "administrative assignment"),
        ("wederkerigheid", "reciprocity"),
        ("resultaatsverplichting", "result commitment"),
        ("inspanningsverplichting", "effort commitment"),
        ("doel", "goal"),
        ("streefcijfer", "target"),
        ("afspraak", "commitment"),
        ("fiatteur", "approver"),
        ("waarnemer", "observer"),
        ("afgerond", "done"),
    ],
)
def test_style_guide_terms(dutch: str, english: str) -> None:
    """The pairs the style guide and the model's docstrings use are in the glossary."""
    assert (dutch, english) in dutch_to_english()


@pytest.mark.parametrize(
    "dutch",
    [
        "scheefwonen",
        "passend toewijzen",
        "doelgroep",
        "inkomensgrens",
        "urgenten",
        "aandachtsgroepen",
        "huursom",
        "verhuurderheffing",
        "middeldure huur",
        "niet-DAEB",
        "woonruimteverdeling",
        "huisvestingsverordening",
        "onderhandelakkoord",
        "woonagenda",
        "Adviescommissie geschilbeslechting",
    ],
)
def test_sector_term_is_listed(dutch: str) -> None:
    """The sector terms practitioners meet in agreements and in the law each have a row."""
    assert dutch in {pair[0] for pair in dutch_to_english()}


@pytest.mark.parametrize(
    ("retired", "word"), [("goedkeurder", "fiatteur"), ("toehoorder", "waarnemer"), ("gedaan", "afgerond")]
)
def test_retired_words_are_gone(retired: str, word: str) -> None:
    """The hand-written tables use the vocabulary's word, not the one it replaced."""
    terms = {dutch for dutch, _ in dutch_to_english()}
    assert retired not in terms
    assert word in terms


def test_doel_is_not_a_target() -> None:
    """A doel is a goal and a streefcijfer a target: no Dutch term stands for both."""
    pairs = dutch_to_english()
    assert {english for dutch, english in pairs if dutch == "doel"} == {"goal"}
    assert {dutch for dutch, english in pairs if english == "target"} == {"streefcijfer"}


def test_every_dutch_term_is_explained() -> None:
    """Each Dutch → English row says what the term means here."""
    for row in table_rows(section("Dutch → English")):
        assert len(row) == 3, row
        assert row[2], f"{row[0]} has no explanation"


@pytest.mark.parametrize(("kind", "value"), ENUM_VALUES, ids=[f"{kind}.{value}" for kind, value in ENUM_VALUES])
def test_enum_value_has_its_dutch_term(kind: str, value: str) -> None:
    """Every value of every enum of the model has a row with its Dutch term in the file-format section."""
    words = section("The words of the file format")
    rows = [row for row in table_rows(words) if row[0] == f"`{value}`"]
    assert rows, f"{kind} value {value!r} is not in the glossary"
    assert all(row[1] for row in rows), f"{kind} value {value!r} has no Dutch term"


def test_every_enum_has_its_table() -> None:
    """Every enum of the model is named in the glossary, so a new enum is documented too."""
    assert len(model_enums()) >= 15
    for kind in model_enums():
        assert f"(`{kind.__name__}`)" in page(), kind.__name__


@pytest.mark.parametrize("theme_id", sorted(STANDARD_THEMES))
def test_standard_theme_has_both_labels(theme_id: str) -> None:
    """Every standard theme is listed with the Dutch and English label the library ships."""
    label = STANDARD_THEMES[theme_id]
    assert [f"`{theme_id}`", label.nl, label.en] in table_rows(section("The words of the file format"))
