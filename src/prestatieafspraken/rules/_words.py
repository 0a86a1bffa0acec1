"""Which words of a free text carry its subject, so that a rule can tell whether two texts are about the same thing.

The core dilemmas of an assignment (PA122) are free text, and so are the goals and commitments that take them up.
A word is significant when it has at least four letters and is neither a small word of the language nor a word
every housing agreement uses ("woningen", "afspraken"); two words are related when they are equal, when one is
part of the other ("voorraad" in "huurvoorraad"), or when they begin with the same six letters or more
("nieuwbouw" and "nieuwbouwopgave"). The reading is deliberately generous: a rule built on it reports only what
surely does not recur.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from prestatieafspraken.model import Agreement, theme_label

__all__ = ["addressed_words", "shares_stem", "significant_words"]

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

#: The shortest word that counts, the shortest common beginning that makes two words one stem, and the shortest
#: word that counts within a compound.
_MIN_WORD = 4
_MIN_STEM = 6
_MIN_PART = 5

#: Small words of Dutch and English, and words every housing agreement uses: they say nothing of a subject.
_COMMON = frozenset(
    {
        "aan",
        "als",
        "alle",
        "alles",
        "ander",
        "andere",
        "anders",
        "beide",
        "binnen",
        "boven",
        "daar",
        "daarbij",
        "daarom",
        "door",
        "een",
        "elkaar",
        "elke",
        "gaan",
        "gaat",
        "geen",
        "heeft",
        "hebben",
        "hier",
        "hoe",
        "hoeveel",
        "iets",
        "jaar",
        "jaren",
        "komen",
        "kunnen",
        "maar",
        "meer",
        "meest",
        "mogen",
        "moet",
        "moeten",
        "niet",
        "nog",
        "omdat",
        "onder",
        "over",
        "tegen",
        "tussen",
        "veel",
        "voor",
        "waar",
        "wanneer",
        "welke",
        "wel",
        "wordt",
        "worden",
        "zijn",
        "zonder",
        "zich",
        "zoals",
        "about",
        "also",
        "between",
        "does",
        "each",
        "from",
        "have",
        "into",
        "more",
        "most",
        "must",
        "not",
        "only",
        "other",
        "should",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "what",
        "when",
        "where",
        "which",
        "while",
        "with",
        "without",
        "would",
        "years",
        "afspraak",
        "afspraken",
        "partij",
        "partijen",
        "gemeente",
        "gemeenten",
        "corporatie",
        "corporaties",
        "woningcorporatie",
        "woningcorporaties",
        "woning",
        "woningen",
        "wonen",
        "huurders",
        "regio",
        "regionaal",
        "regionale",
        "lokaal",
        "lokale",
        "samen",
        "samenwerking",
        "keuze",
        "keuzes",
        "dilemma",
        "kerndilemma",
        "agreement",
        "agreements",
        "party",
        "parties",
        "municipality",
        "municipalities",
        "corporation",
        "corporations",
        "home",
        "homes",
        "housing",
        "choice",
        "choices",
    }
)


def significant_words(text: str) -> frozenset[str]:
    """The words of *text* that carry its subject, in lower case."""
    words = (word.casefold() for word in _WORD.findall(text))
    return frozenset(word for word in words if len(word) >= _MIN_WORD and word not in _COMMON)


def shares_stem(word: str, others: Iterable[str]) -> bool:
    """Whether *word* is related to one of *others*: equal, one within the other, or with a common stem.

    One word within the other catches Dutch compounds ("voorraad" in "huurvoorraad"), the shorter having at least
    five letters; a common stem is a common beginning of at least six letters ("betaalbaarheid", "betaalbare").
    """
    stem = word[:_MIN_STEM] if len(word) >= _MIN_STEM else None
    for other in others:
        if word == other or (stem is not None and other.startswith(stem)):
            return True
        shorter, longer = (word, other) if len(word) <= len(other) else (other, word)
        if len(shorter) >= _MIN_PART and shorter in longer:
            return True
    return False


def addressed_words(agreement: Agreement) -> frozenset[str]:
    """The significant words of what an agreement takes up.

    The texts of its goals and commitments, the ids and sources of its targets, the labels and ids of the
    indicators its targets and commitments measure, and the labels and ids of the themes in use.
    """
    texts: list[str] = [goal.text for goal in agreement.goals]
    texts += [text for target in agreement.targets for text in (target.id, target.source) if text]
    texts += [commitment.text for commitment in agreement.commitments if commitment.text]
    measured = {target.indicator for target in agreement.targets}
    measured |= {commitment.indicator for commitment in agreement.commitments if commitment.indicator}
    texts += [
        text
        for indicator in agreement.indicators
        if indicator.id in measured
        for text in (indicator.id, indicator.label)
    ]
    declared = {theme.id: theme for theme in agreement.themes}
    used = {
        *declared,
        *(commitment.theme for commitment in agreement.commitments if commitment.theme),
        *(target.theme for target in agreement.targets if target.theme),
    }
    for theme_id in used:
        texts += [
            theme_id,
            *(theme_label(theme_id, lang=lang, declared=declared.get(theme_id)) for lang in ("nl", "en")),
        ]
    return frozenset(word for text in texts for word in significant_words(text.replace("-", " ")))
