"""The one vocabulary: every enum member of the library has a Dutch and an English word, and words read back."""

from __future__ import annotations

import enum
import importlib
import pkgutil

import pytest

import prestatieafspraken
from prestatieafspraken import vocabulary
from prestatieafspraken.errors import ConfigError
from prestatieafspraken.model import CoalitionStatus, MilestoneKind, MilestoneStatus, ProgressStatus, RealisationStatus
from prestatieafspraken.rules import Severity


def library_enums() -> list[type[enum.Enum]]:
    """Every public enum class defined in the library's modules (private ones, ``_Name``, are internal)."""
    found: dict[str, type[enum.Enum]] = {}
    for module_info in pkgutil.walk_packages(prestatieafspraken.__path__, "prestatieafspraken."):
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if (
                isinstance(value, type)
                and issubclass(value, enum.Enum)
                and value.__module__.startswith("prestatieafspraken.")
                and not name.startswith("_")
            ):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[key] for key in sorted(found)]


MEMBERS = [member for kind in library_enums() if kind is not Severity for member in kind]


class TestEveryMemberHasWords:
    """A new enum member without its words fails here, not in front of a user."""

    def test_the_walk_finds_the_model(self) -> None:
        """The walk over the package sees the enums of the model, so the test below has something to check."""
        assert CoalitionStatus in library_enums()
        assert len(MEMBERS) > 100

    @pytest.mark.parametrize("member", MEMBERS, ids=[f"{type(m).__name__}.{m.name}" for m in MEMBERS])
    def test_member_has_dutch_and_english(self, member: enum.Enum) -> None:
        """Each member has a non-empty Dutch and English word."""
        assert vocabulary.label(member, "nl").strip()
        assert vocabulary.label(member, "en").strip()

    @pytest.mark.parametrize("severity", list(Severity))
    def test_severities_are_terms(self, severity: Severity) -> None:
        """The severities are written in Dutch in Dutch output: fout, waarschuwing, info."""
        assert vocabulary.term(severity.value, "nl") in {"fout", "waarschuwing", "info"}

    def test_every_labelled_enum_is_in_the_glossary_tables(self) -> None:
        """Each model enum with labels has its table in the glossary's generated part."""
        in_tables = {table.kind for table in vocabulary.FORMAT_WORDS}
        labelled = vocabulary.labelled_enums()
        model_enums = {kind for kind in labelled if kind.__module__.startswith("prestatieafspraken.model")}
        assert model_enums <= in_tables


class TestOneWordPerConcept:
    """The words the redesign settled: one Dutch word per concept."""

    @pytest.mark.parametrize(
        ("key", "dutch"),
        [("goal", "doel"), ("target", "streefcijfer"), ("commitment", "afspraak"), ("bid", "bod")],
    )
    def test_terms(self, key: str, dutch: str) -> None:
        """A goal is a doel and a target a streefcijfer, never the other way round."""
        assert vocabulary.term(key, "nl") == dutch

    def test_off_track_is_one_word(self) -> None:
        """off_track has one Dutch label; the older words are still read."""
        assert vocabulary.label(ProgressStatus.OFF_TRACK, "nl") == "niet op koers"
        assert vocabulary.parse_label("loopt achter", ProgressStatus) is ProgressStatus.OFF_TRACK

    @pytest.mark.parametrize(
        ("member", "lang", "expected"),
        [
            (MilestoneKind.BID, "nl", "het bod"),
            (MilestoneKind.SIGNING, "nl", "de ondertekening"),
            (MilestoneKind.SIGNING, "en", "the signing"),
        ],
    )
    def test_article(self, member: MilestoneKind, lang: vocabulary.Language, expected: str) -> None:
        """A word with its article, for messages that name a milestone."""
        assert vocabulary.the(member, lang) == expected


class TestReading:
    """Words people type are read back to the format's values, in any case."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("goedgekeurd", RealisationStatus.APPROVED),
            ("Vastgesteld", RealisationStatus.APPROVED),
            ("approved", RealisationStatus.APPROVED),
            (" ingediend ", RealisationStatus.SUBMITTED),
            ("concept", RealisationStatus.DRAFT),
        ],
    )
    def test_parse(self, text: str, expected: RealisationStatus) -> None:
        """The Dutch word, an accepted synonym and the format's value all name the member."""
        assert vocabulary.parse_label(text, RealisationStatus) is expected

    def test_unknown_word(self) -> None:
        """A word that names no member reads as None."""
        assert vocabulary.parse_label("misschien", MilestoneStatus) is None

    def test_language(self) -> None:
        """A language is named by its code, in any case; another is refused with the choices."""
        assert vocabulary.language("NL") == "nl"
        with pytest.raises(ConfigError, match="choose 'nl'"):
            vocabulary.language("de")
