"""The chapters of the agreement as a document, in the order agreements have in practice.

Title page; parties and who signs for whom; the assignment; the shared goals; per theme the targets and the
commitments (who does what for whom, by when); the mutual conditions; the definitions; the process; monitoring
and adjusting together; the signature page (`prestatieafspraken.documents._signing`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from prestatieafspraken.documents._blocks import Block, Heading, Items, PageBreak, Paragraph, Table, TitlePage
from prestatieafspraken.documents._diagram import diagram
from prestatieafspraken.documents._jaarschijf import YearSlice
from prestatieafspraken.documents._names import Names
from prestatieafspraken.documents._words import capital, day, joined, number, says, short_day
from prestatieafspraken.model import (
    Commitment,
    Framework,
    MandateRole,
    MilestoneKind,
    MilestoneStatus,
    Target,
)
from prestatieafspraken.vocabulary import Language, label, term

__all__ = ["Chosen", "agreement_chapters"]

#: The title page names at most this many parties; the chapter on the parties names them all.
MAX_NAMED = 12


class Chosen:
    """What a document shows: the whole agreement, or the jaarschijf of one year."""

    def __init__(self, names: Names, year_slice: YearSlice | None, *, picture: bool = True) -> None:
        agreement = names.agreement
        self.picture = picture
        """Whether the chapter on the parties ends with the picture of who does what for whom."""
        self.year = year_slice.year if year_slice is not None else None
        self.commitments: tuple[Commitment, ...] = (
            year_slice.commitments if year_slice is not None else agreement.commitments
        )
        process = agreement.process
        self.milestones = (
            year_slice.milestones if year_slice is not None else (process.milestones if process is not None else ())
        )


def _ref_table(columns: Sequence[str], rows: Sequence[tuple[str, ...]], lang: Language) -> Table:
    """A table whose last column holds the ids, for reference."""
    return Table(
        columns=(*columns, says("col_ref", lang)),
        rows=tuple(rows),
        reference=frozenset({len(columns)}),
    )


def title_page(names: Names, chosen: Chosen, audience: str | None) -> list[Block]:
    """The title page: title, the perspective or the jaarschijf, the parties, the signing and the view."""
    agreement, lang = names.agreement, names.lang
    perspective = says("perspective_years", lang, start=agreement.perspective.start, end=agreement.perspective.end)
    subtitle = perspective
    if chosen.year is not None:
        subtitle = f"{capital(term('jaarschijf', lang))} {chosen.year} · {perspective}"
    if len(agreement.parties) > MAX_NAMED:
        between = says("between_many", lang, count=number(len(agreement.parties), lang))
    else:
        between = says("between", lang, parties=names.parties(party.id for party in agreement.parties))
    lines = [
        between,
        says("scope_line", lang, scope=label(agreement.scope, lang)),
    ]
    signing = next((m for m in chosen.milestones if m.kind is MilestoneKind.SIGNING), None)
    if signing is not None and signing.status is not MilestoneStatus.MISSED:
        key = "signed_on" if signing.status is MilestoneStatus.DONE else "signing_planned"
        lines.append(says(key, lang, date=day(signing.date, lang)))
    if audience is not None:
        reader = says("view_public", lang) if audience == "public" else names.party(audience)
        lines += [says("view_for", lang, audience=reader), says("view_note", lang)]
    return [TitlePage(title=agreement.title, subtitle=subtitle, lines=tuple(lines)), PageBreak()]


def parties(names: Names, chosen: Chosen) -> Iterator[Block]:
    """The parties, who speaks for whom, the roles and mandates, the consultation and who does what for whom."""
    agreement, index, lang = names.agreement, names.index, names.lang
    yield Heading(level=1, text=capital(term("party", lang, plural=True)))
    yield Paragraph(text=says("parties_intro", lang))
    yield _ref_table(
        (capital(term("party", lang)), says("col_kind", lang), says("col_works_in", lang), says("col_coalition", lang)),
        [
            (
                party.name,
                label(party.kind, lang),
                joined((names.area(area) for area in party.areas), lang),
                label(index.status_of(party.id), lang),
                party.id,
            )
            for party in agreement.parties
        ],
        lang,
    )
    for party in agreement.parties:
        if party.represents:
            yield Paragraph(text=says("on_behalf", lang, party=party.name, others=names.parties(party.represents)))
    if agreement.tenant_involvement is not None:
        yield Paragraph(text=says("tenants_involved", lang, how=label(agreement.tenant_involvement, lang)))
    if agreement.mandates:
        yield Heading(level=2, text=says("roles", lang))
        yield Table(
            columns=(
                says("col_role", lang),
                capital(term("party", lang)),
                says("col_who", lang),
                says("col_granted_by", lang),
                capital(term("theme", lang, plural=True)),
            ),
            rows=tuple(
                (
                    capital(label(mandate.role, lang)),
                    names.party(mandate.holder),
                    mandate.person or "",
                    names.parties(mandate.granted_by),
                    joined((names.theme(theme) for theme in mandate.themes), lang),
                )
                for mandate in agreement.mandates
            ),
        )
    if agreement.groups:
        yield Heading(level=2, text=says("groups", lang))
        yield _ref_table(
            (capital(term("group", lang)), says("col_members", lang)),
            [(capital(label(group.kind, lang)), names.parties(group.members), group.id) for group in agreement.groups],
            lang,
        )
    yield from _who_does_what(names, chosen)


def _who_does_what(names: Names, chosen: Chosen) -> Iterator[Block]:
    """Per party: how many of the chosen commitments it carries out, and how many it benefits from."""
    lang = names.lang
    executes: dict[str, int] = {}
    benefits: dict[str, int] = {}
    for commitment in chosen.commitments:
        for party in dict.fromkeys(commitment.by):
            executes[party] = executes.get(party, 0) + 1
        for party in dict.fromkeys(commitment.beneficiaries):
            benefits[party] = benefits.get(party, 0) + 1
    if not executes:
        return
    yield Heading(level=2, text=says("who_does_what", lang))
    yield Table(
        columns=(capital(term("party", lang)), says("col_executes", lang), says("col_benefits", lang)),
        rows=tuple(
            (party.name, str(executes.get(party.id, 0)), str(benefits.get(party.id, 0)))
            for party in names.agreement.parties
            if party.id in executes or party.id in benefits
        ),
    )
    if chosen.picture:
        # The jaarschijf draws the year's commitments only; the agreement is the one the reader may see.
        shown = names.agreement
        if chosen.year is not None:
            shown = attrs.evolve(shown, commitments=chosen.commitments)
        yield diagram(shown, lang)


def assignment(names: Names) -> Iterator[Block]:
    """The administrative assignment: purpose, what is in and out of scope, dilemmas, and the policy it rests on."""
    agreement, lang = names.agreement, names.lang
    yield Heading(level=1, text=capital(label(MilestoneKind.ASSIGNMENT, lang)))
    found = agreement.assignment
    if found is None:
        yield Paragraph(text=says("no_assignment", lang))
    else:
        if found.purpose:
            yield Paragraph(text=found.purpose)
        if found.in_scope:
            yield Heading(level=2, text=says("in_scope", lang))
            yield Items(items=tuple(names.theme(theme) for theme in found.in_scope))
        if found.out_of_scope:
            yield Heading(level=2, text=says("out_of_scope", lang))
            yield Items(items=found.out_of_scope)
        if found.dilemmas:
            yield Heading(level=2, text=capital(term("dilemma", lang, plural=True)))
            yield Items(items=found.dilemmas)
        if found.agreed_on is not None:
            yield Paragraph(text=says("assignment_agreed", lang, date=day(found.agreed_on, lang)))
    if agreement.basis:
        yield Paragraph(text=says("basis", lang))
        yield Items(
            items=tuple(
                f"{basis.title} ({label(basis.kind, lang)}{f', {basis.year}' if basis.year is not None else ''})"
                for basis in agreement.basis
            )
        )


def goals(names: Names) -> Iterator[Block]:
    """The shared goals."""
    agreement, lang = names.agreement, names.lang
    yield Heading(level=1, text=says("goals", lang))
    if not agreement.goals:
        yield Paragraph(text=says("no_goals", lang))
        return
    yield _ref_table(
        (capital(term("goal", lang)), says("col_kind", lang)),
        [(goal.text, capital(label(goal.kind, lang)), goal.id) for goal in agreement.goals],
        lang,
    )


def _theme_order(names: Names, chosen: Chosen) -> list[str | None]:
    """The themes in order: declared ones, then the others as targets and commitments name them; ``None`` last."""
    agreement = names.agreement
    order: dict[str | None, None] = dict.fromkeys(theme.id for theme in agreement.themes)
    order.update(dict.fromkeys(target.theme for target in agreement.targets if target.theme is not None))
    order.update(dict.fromkeys(c.theme for c in chosen.commitments if c.theme is not None))
    if any(target.theme is None for target in agreement.targets) or any(c.theme is None for c in chosen.commitments):
        order[None] = None
    return list(order)


def themes(names: Names, chosen: Chosen) -> Iterator[Block]:
    """Per theme: its lead, the targets of the perspective and the commitments (who does what for whom, by when)."""
    agreement, lang = names.agreement, names.lang
    targets: dict[str | None, list[Target]] = {}
    for target in agreement.targets:
        targets.setdefault(target.theme, []).append(target)
    commitments: dict[str | None, list[Commitment]] = {}
    for commitment in chosen.commitments:
        commitments.setdefault(commitment.theme, []).append(commitment)
    yield Heading(level=1, text=says("commitments_by_theme", lang))
    if chosen.year is not None and not chosen.commitments:
        yield Paragraph(text=says("no_commitments_at_all", lang, year=chosen.year))
    for theme in _theme_order(names, chosen):
        yield Heading(level=2, text=names.theme(theme) if theme is not None else says("other_theme", lang))
        declared = names.index.themes.get(theme) if theme is not None else None
        if declared is not None and declared.lead is not None:
            yield Paragraph(text=f"{capital(term('lead', lang))}: {names.party(declared.lead)}.")
        if theme in targets:
            yield from _targets(names, targets[theme])
        yield from _commitments(names, chosen, commitments.get(theme, []))


def _targets(names: Names, targets: Sequence[Target]) -> Iterator[Block]:
    lang, perspective = names.lang, names.agreement.perspective
    yield Heading(level=3, text=capital(term("target", lang, plural=True)))
    yield _ref_table(
        (
            says("col_what", lang),
            capital(term("reach", lang)),
            says("col_period", lang),
            capital(term("area", lang)),
            says("col_baseline", lang),
        ),
        [
            (
                names.indicator(target.indicator),
                names.target_value(target),
                f"{target.from_year if target.from_year is not None else perspective.start}–{target.by}",
                names.target_area(target),
                names.baseline(target),
                target.id,
            )
            for target in targets
        ],
        lang,
    )


def _commitments(names: Names, chosen: Chosen, commitments: Sequence[Commitment]) -> Iterator[Block]:
    """The commitments of a theme: one table per year (for a jaarschijf, the one year)."""
    lang = names.lang
    if chosen.year is not None and not commitments:
        yield Heading(level=3, text=says("commitments_of_year", lang, year=chosen.year))
        yield Paragraph(text=says("no_commitments_year", lang, year=chosen.year))
        return
    if not commitments:
        yield Paragraph(text=says("no_commitments", lang))
        return
    by_year: dict[int | None, list[Commitment]] = {}
    for commitment in commitments:
        by_year.setdefault(commitment.year, []).append(commitment)
    columns = (
        says("col_who", lang),
        says("col_what", lang),
        says("col_for_whom", lang),
        says("col_when", lang),
        says("col_kind", lang),
    )
    for year in sorted(by_year, key=lambda year: (year is None, year or 0)):
        if year is None:
            yield Heading(level=3, text=says("commitments_without_year", lang))
        else:
            yield Heading(level=3, text=says("commitments_of_year", lang, year=year))
        yield _ref_table(
            columns,
            [
                (
                    names.parties(commitment.by),
                    names.what(commitment),
                    names.parties(commitment.beneficiaries),
                    names.when(commitment),
                    capital(label(commitment.kind, lang)),
                    commitment.id,
                )
                for commitment in by_year[year]
            ],
            lang,
        )


def conditions(names: Names, chosen: Chosen) -> Iterator[Block]:
    """The mutual conditions: which commitment depends on which (``conditional_on``)."""
    lang = names.lang
    yield Heading(level=1, text=says("conditions", lang))
    pairs = [(c, condition) for c in chosen.commitments for condition in c.conditional_on]
    if not pairs:
        yield Paragraph(text=says("no_conditions", lang))
        return
    yield Paragraph(text=says("conditions_intro", lang))
    yield _ref_table(
        (capital(term("commitment", lang)), says("col_depends_on", lang)),
        [(names.who_what(c.id), names.who_what(condition), f"{c.id} ← {condition}") for c, condition in pairs],
        lang,
    )


def _framework(names: Names, framework: Framework) -> tuple[str, ...]:
    lang = names.lang
    share = says(
        "share_of", lang, part=names.indicator(framework.numerator), whole=names.indicator(framework.denominator)
    )
    return (
        share,
        names.amount(framework.min, unit="share") if framework.min is not None else "",
        names.amount(framework.max, unit="share") if framework.max is not None else "",
        capital(label(framework.per, lang)),
        names.party(framework.set_by) if framework.set_by is not None else "",
        framework.source or "",
        framework.id,
    )


def definitions(names: Names) -> Iterator[Block]:
    """The shared language: the definitions, and the frameworks of a higher level."""
    agreement, lang = names.agreement, names.lang
    yield Heading(level=1, text=capital(term("definition", lang, plural=True)))
    if agreement.definitions:
        yield Paragraph(text=says("definitions_intro", lang))
        yield Table(
            columns=(
                says("col_term", lang),
                says("col_meaning", lang),
                says("col_value", lang),
                says("col_defined_by", lang),
            ),
            rows=tuple(
                (
                    definition.term,
                    definition.text or "",
                    names.amount(definition.value, unit=definition.unit) if definition.value is not None else "",
                    names.party(definition.defined_by) if definition.defined_by is not None else "",
                )
                for definition in agreement.definitions
            ),
        )
    else:
        yield Paragraph(text=says("no_definitions", lang))
    if agreement.frameworks:
        yield Heading(level=2, text=says("frameworks", lang))
        yield Table(
            columns=(
                says("col_framework", lang),
                says("col_min", lang),
                says("col_max", lang),
                says("col_per", lang),
                says("col_defined_by", lang),
                says("col_source", lang),
                says("col_ref", lang),
            ),
            rows=tuple(_framework(names, framework) for framework in agreement.frameworks),
            reference=frozenset({6}),
        )


def process(names: Names, chosen: Chosen) -> Iterator[Block]:
    """The milestones of the process (of the year's cycle, for a jaarschijf)."""
    lang = names.lang
    heading = says("process_year", lang, year=chosen.year) if chosen.year is not None else says("process", lang)
    yield Heading(level=1, text=heading)
    if not chosen.milestones:
        yield Paragraph(text=says("no_milestones", lang))
        return
    yield Table(
        columns=(
            says("date", lang),
            says("col_step", lang),
            capital(term("party", lang)),
            capital(term("status", lang)),
        ),
        rows=tuple(
            (
                short_day(milestone.date, lang),
                capital(label(milestone.kind, lang)),
                names.party(milestone.party) if milestone.party is not None else says("all_parties", lang),
                label(milestone.status, lang),
            )
            for milestone in sorted(chosen.milestones, key=lambda m: m.date)
        ),
    )


def monitoring(names: Names, chosen: Chosen) -> Iterator[Block]:
    """How the parties follow the progress and adjust together, with the amendments agreed so far."""
    agreement, lang = names.agreement, names.lang
    yield Heading(level=1, text=says("monitoring", lang))
    found = agreement.monitoring
    if found is not None and found.frequency is not None:
        yield Paragraph(text=says("frequency", lang, frequency=label(found.frequency, lang)))
    else:
        yield Paragraph(text=says("no_frequency", lang))
    if found is not None and found.hybrid:
        yield Paragraph(text=says("hybrid", lang))
    for mandate in agreement.mandates:
        if mandate.role is MandateRole.MONITOR:
            who = names.party(mandate.holder) + (f" ({mandate.person})" if mandate.person else "")
            yield Paragraph(text=says("monitor_is", lang, party=who))
    evaluations = sorted(m.date for m in chosen.milestones if m.kind is MilestoneKind.EVALUATION)
    if evaluations:
        yield Paragraph(text=says("evaluations", lang, dates=joined((day(date, lang) for date in evaluations), lang)))
    yield Heading(level=2, text=says("adjusting", lang))
    yield Paragraph(text=says("adjusting_text", lang))
    if agreement.amendments:
        yield Paragraph(text=says("amendments_made", lang))
        yield _ref_table(
            (
                says("date", lang),
                capital(term("amendment", lang)),
                says("col_reason", lang),
                says("col_agreed_by", lang),
            ),
            [
                (short_day(a.date, lang), a.text or "", a.reason or "", names.parties(a.agreed_by), a.id)
                for a in agreement.amendments
            ],
            lang,
        )


def agreement_chapters(names: Names, chosen: Chosen, audience: str | None) -> Iterator[Block]:
    """Every chapter before the signature page, in order."""
    yield from title_page(names, chosen, audience)
    yield from parties(names, chosen)
    yield from assignment(names)
    yield from goals(names)
    # The commitments are wide tables (who, what, for whom, when, kind): they get landscape pages.
    yield PageBreak(orientation="landscape")
    yield from themes(names, chosen)
    yield from conditions(names, chosen)
    yield PageBreak(orientation="portrait")
    yield from definitions(names)
    yield from process(names, chosen)
    yield from monitoring(names, chosen)
