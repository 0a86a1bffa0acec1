"""The one-page summary for tenants' members in plain language (B1): what was agreed for them, how to follow it.

Short sentences, no jargon, every term explained; the names of the parties, never ids. Handbook, "Betrek je
huurdersorganisaties": tenants are an equal party, and their members should be able to follow what was agreed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from prestatieafspraken.documents._blocks import Block, Heading, Items, Paragraph
from prestatieafspraken.documents._jaarschijf import YearSlice
from prestatieafspraken.documents._names import Names
from prestatieafspraken.documents._words import capital, day, number, says
from prestatieafspraken.model import CommitmentKind, MandateRole, MilestoneKind, MilestoneStatus, PartyKind
from prestatieafspraken.vocabulary import label

__all__ = ["summary"]

#: At most this many commitments on the page; the rest are counted and pointed to.
MAX_ITEMS = 8
#: At most this many parties by name; more are counted by kind.
MAX_PARTIES = 10
#: At most this many tenant organisations to contact by name; with more, a member asks their own.
MAX_CONTACTS = 3

_TENANTS = frozenset({PartyKind.TENANT_ORGANISATION, PartyKind.TENANT_ALLIANCE})


def _tenant_parties(names: Names) -> list[str]:
    """The counted tenant organisations and alliances: the tenants' own parties."""
    return [
        party.id for party in names.agreement.parties if party.kind in _TENANTS and names.index.is_counted(party.id)
    ]


def _contact(names: Names) -> str:
    """Whom a tenant asks: the tenants' own party (an alliance first), else who keeps track, else the first party.

    With more tenant organisations than a sentence can name, a member asks their own.
    """
    agreement = names.agreement
    tenants = _tenant_parties(names)
    alliances = [p for p in tenants if names.index.parties[p].kind is PartyKind.TENANT_ALLIANCE]
    chosen = alliances or tenants
    if len(chosen) > MAX_CONTACTS:
        return says("your_own_tenants", names.lang)
    monitors = [m.holder for m in agreement.mandates if m.role is MandateRole.MONITOR]
    return names.parties(chosen or monitors or [agreement.parties[0].id])


def _agreed(names: Names, year_slice: YearSlice) -> Iterator[Block]:
    """What was agreed this year, for tenants when some commitments are for them, else everything."""
    lang = names.lang
    tenants = set(_tenant_parties(names))
    visible = [c for c in year_slice.commitments if c.id not in names.withheld]
    hidden = len(year_slice.commitments) - len(visible)
    for_tenants = [c for c in visible if tenants.intersection(c.beneficiaries)]
    shown = for_tenants or visible
    yield Heading(level=2, text=says("summary_for_tenants" if for_tenants else "summary_agreed", lang))
    if not year_slice.commitments:
        yield Paragraph(text=says("summary_none", lang, year=year_slice.year))
        return
    items = []
    for commitment in shown[:MAX_ITEMS]:
        # The text alone: the figures behind it are in the full text; "Nieuwbouw sociale huur: 100" is jargon here.
        who, what = names.parties(commitment.by), commitment.text or names.what(commitment)
        if commitment.due is not None:
            items.append(says("summary_item_due", lang, who=who, what=what, date=day(commitment.due, lang)))
        else:
            items.append(says("summary_item", lang, who=who, what=what))
    if items:
        yield Items(items=tuple(items))
    if len(shown) > MAX_ITEMS:
        yield Paragraph(text=says("summary_more", lang, count=len(shown) - MAX_ITEMS))
    if hidden:
        yield Paragraph(text=says("summary_withheld", lang, count=hidden))


def _words(names: Names, year_slice: YearSlice) -> Iterator[Block]:
    """The words a reader meets, explained: the agreement, the jaarschijf, the two kinds of promise, definitions."""
    lang = names.lang
    kinds = {commitment.kind for commitment in year_slice.commitments}
    items = [says("word_agreements", lang), says("word_jaarschijf", lang)]
    if CommitmentKind.RESULT in kinds:
        items.append(says("word_result", lang))
    if CommitmentKind.EFFORT in kinds:
        items.append(says("word_effort", lang))
    items += [
        says(
            "word_definition", lang, term=capital(definition.term.replace("-", " ")), text=definition.text.rstrip(". ")
        )
        for definition in names.agreement.definitions
        if definition.text
    ][:3]
    yield Heading(level=2, text=says("summary_words", lang))
    yield Items(items=tuple(items))


def _follow(names: Names, year_slice: YearSlice) -> Iterator[Block]:
    """Who to ask, who keeps track, how often, and when the year is evaluated."""
    agreement, lang, year = names.agreement, names.lang, year_slice.year
    monitors = [m.holder for m in agreement.mandates if m.role is MandateRole.MONITOR]
    contact = _contact(names)
    lines = [says("summary_ask", lang, parties=contact)]
    if monitors:
        lines.append(says("summary_monitor", lang, party=names.parties(monitors)))
    if agreement.monitoring is not None and agreement.monitoring.frequency is not None:
        lines.append(says("summary_frequency", lang, frequency=label(agreement.monitoring.frequency, lang)))
    evaluation = next(
        (
            m
            for m in sorted(year_slice.milestones, key=lambda m: m.date)
            if m.kind is MilestoneKind.EVALUATION and m.status is not MilestoneStatus.MISSED
        ),
        None,
    )
    if evaluation is not None:
        lines.append(says("summary_evaluation", lang, year=year, date=day(evaluation.date, lang)))
    else:
        lines.append(says("summary_no_evaluation", lang, year=year, parties=contact))
    yield Heading(level=2, text=says("summary_follow", lang))
    for line in lines:
        yield Paragraph(text=line)


def _who_takes_part(names: Names) -> tuple[str, ...]:
    """The parties by name; when there are too many for one page, how many of each kind."""
    lang, parties = names.lang, names.agreement.parties
    if len(parties) <= MAX_PARTIES:
        return tuple(f"{party.name} ({label(party.kind, lang)})" for party in parties)
    counts = Counter(party.kind for party in parties)
    # "gemeente: 342", not a plural: the vocabulary's labels have no reliable Dutch plural.
    return tuple(f"{capital(label(kind, lang))}: {number(count, lang)}" for kind, count in counts.items())


def summary(names: Names, year_slice: YearSlice) -> Iterator[Block]:
    """The tenants' one-pager for the year of *year_slice*."""
    lang = names.lang
    yield Heading(level=1, text=says("summary_title", lang, year=year_slice.year))
    yield Paragraph(text=says("summary_of", lang, title=names.agreement.title.rstrip(".")))
    yield Paragraph(text=says("summary_intro", lang))
    yield Items(items=_who_takes_part(names))
    yield from _agreed(names, year_slice)
    yield from _words(names, year_slice)
    yield from _follow(names, year_slice)
