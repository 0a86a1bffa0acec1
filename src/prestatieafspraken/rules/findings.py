"""What a check reports: severities and findings.

Every finding carries its code, severity, a message in Dutch and in English, the ``$.path`` of the element it is
about, the ids it concerns and the source of the rule: the handbook's section, the article of law or the public page
it rests on.
"""

from __future__ import annotations

import enum
import re

import attrs

from prestatieafspraken.vocabulary import LANGUAGES, Language, term

__all__ = ["LANGUAGES", "Finding", "Language", "Severity", "path_sort_key"]


class Severity(enum.Enum):
    """How serious a finding is; ``error`` makes a report not ok and ``check`` exit 1."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for error, 1 for warning, 2 for info: the order in which reports list them."""
        return _RANKS[self]

    def word(self, lang: Language = "nl") -> str:
        """The severity as a reader sees it: *fout*, *waarschuwing*, *info* in Dutch; its value in English."""
        return term(self.value, lang)


_RANKS = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}

_PATH_PART = re.compile(r"\[(\d+)\]|\.?([^.\[]+)")


def path_sort_key(path: str) -> tuple[tuple[int, int | str], ...]:
    """Order ``$.commitments[2]`` before ``$.commitments[10]``: list indexes compare as numbers."""
    return tuple((0, int(index)) if index else (1, name) for index, name in _PATH_PART.findall(path))


@attrs.frozen(kw_only=True)
class Finding:
    """One thing a rule found, at one place of the agreement."""

    code: str
    severity: Severity
    message_nl: str
    message_en: str
    path: str
    """Where, as a JSONPath into the file: ``$.commitments[3]``, ``$.process.milestones[0].date``."""
    subjects: tuple[str, ...] = ()
    """The ids the finding concerns (parties, commitments, themes, ...)."""
    source: str
    """The handbook section, law article or public source the rule implements."""

    def message(self, lang: Language = "nl") -> str:
        """The message in Dutch (``"nl"``) or English (``"en"``)."""
        return self.message_en if lang == "en" else self.message_nl

    @property
    def sort_key(self) -> tuple[object, ...]:
        """The stable order of findings in a report: by code, then place, then subjects."""
        return (self.code, path_sort_key(self.path), self.subjects, self.message_en)
