"""PA205, PA206 and PA213, "Benut elkaars kwaliteiten": a lead per theme who contributes, no generic commitments.

PA206 asks `prestatieafspraken.graph`, imported inside the rule so that importing the rules stays cheap.
"""

from __future__ import annotations

from collections.abc import Iterator

from prestatieafspraken import graph
from prestatieafspraken.model import Commitment, theme_label
from prestatieafspraken.model.themes import STANDARD_THEMES
from prestatieafspraken.rules._phrases import joined
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Language, Severity
from prestatieafspraken.rules.registry import rule

_QUALITIES = "Handreiking, Benut elkaars kwaliteiten"


def _theme(ctx: RuleContext, theme_id: str, lang: Language) -> str:
    """A theme by its label and id ("Beschikbaarheid (availability)"), or by its id alone when it has no label."""
    label = theme_label(theme_id, lang=lang, declared=ctx.index.themes.get(theme_id))
    return theme_id if label == theme_id else f"{label} ({theme_id})"


@rule(
    "PA205",
    severity=Severity.WARNING,
    title_nl="Thema zonder trekker",
    title_en="Theme without a lead",
    source=_QUALITIES + ': "De één mag op het ene thema trekker zijn"',
)
def theme_without_lead(ctx: RuleContext) -> Iterator[Finding]:
    """A theme that has commitments and no lead (trekker).

    Handbook: "De één mag op het ene thema trekker zijn, terwijl de ander op een ander thema trekker wordt."

    A declared theme without ``lead`` is reported at its declaration; a standard theme that commitments name
    without declaring it has no lead either, and is reported at the first commitment that names it. A theme
    that is neither declared nor standard is PA001's.
    """
    declared = ctx.positions("themes")
    reported: set[str] = set()
    for position, commitment in enumerate(ctx.agreement.commitments):
        theme_id = commitment.theme
        if theme_id is None or theme_id in reported:
            continue
        reported.add(theme_id)
        if theme_id in declared:
            if ctx.index.themes[theme_id].lead is not None:
                continue
            path = f"$.themes[{declared[theme_id]}]"
        elif theme_id in STANDARD_THEMES:
            path = f"$.commitments[{position}].theme"
        else:
            continue
        yield ctx.finding(
            path=path,
            subjects=(theme_id,),
            nl=f"Het thema {_theme(ctx, theme_id, 'nl')} heeft afspraken maar geen trekker: wijs een partij aan "
            "die het thema trekt (themes: lead).",
            en=f"The theme {_theme(ctx, theme_id, 'en')} has commitments but no lead: name the party that leads "
            "it (themes: lead).",
        )


@rule(
    "PA206",
    severity=Severity.WARNING,
    title_nl="Trekker voert niets uit in eigen thema",
    title_en="Lead executes nothing in its theme",
    source=_QUALITIES + ': "De één mag op het ene thema trekker zijn"',
)
def lead_without_commitments(ctx: RuleContext) -> Iterator[Finding]:
    """A theme's lead executes no commitment in the theme it leads.

    Handbook: "De één mag op het ene thema trekker zijn, terwijl de ander op een ander thema trekker wordt."

    The question is `prestatieafspraken.graph.leads_without_commitments`: a declared theme with a known lead and
    no commitments at all is reported too, since its lead carries nothing in it.
    """
    positions = ctx.positions("themes")
    for lead in graph.leads_without_commitments(ctx.agreement):
        yield ctx.finding(
            path=f"$.themes[{positions[lead.theme]}].lead",
            subjects=(lead.theme, lead.lead),
            nl=f"{lead.lead} is trekker van het thema {_theme(ctx, lead.theme, 'nl')} maar voert daarin zelf "
            "geen afspraak uit: laat de trekker bijdragen aan het thema, of wijs een andere trekker aan.",
            en=f"{lead.lead} leads the theme {_theme(ctx, lead.theme, 'en')} but executes no commitment in it: "
            "let the lead contribute to the theme, or name another lead.",
        )


def _normal_text(text: str) -> str:
    """A commitment text for comparison: whitespace and case ignored."""
    return " ".join(text.split()).casefold()


@rule(
    "PA213",
    severity=Severity.INFO,
    title_nl="Generieke afspraak voor veel partijen of gebieden",
    title_en="Generic commitment for many parties or areas",
    source=_QUALITIES + ': "probeer geen generieke afspraken te maken over bepaalde thema’s"',
    params={"generic_commitment_threshold": 3},
)
def generic_commitments(ctx: RuleContext) -> Iterator[Finding]:
    """The same commitment text, word for word, for ``generic_commitment_threshold`` (3) or more parties or areas.

    Handbook: "Benut de krachten van elkaar en probeer geen generieke afspraken te maken over bepaalde thema’s.
    Als één corporatie bijvoorbeeld meer inzet op duurzaamheid, kan een andere corporatie meer op middenhuur
    inzetten."

    Texts are compared with whitespace and case ignored. A text counts once per combination of executing parties
    (``by``) and area, so the same text for the same party in several years is one annual commitment repeated,
    not a generic one. One finding per text, at its first commitment, naming every commitment that carries it.
    The text is quoted only when every one of those commitments is public.
    """
    threshold = ctx.param("generic_commitment_threshold")
    by_text: dict[str, list[tuple[int, Commitment]]] = {}
    for position, commitment in enumerate(ctx.agreement.commitments):
        if commitment.text and commitment.text.strip():
            by_text.setdefault(_normal_text(commitment.text), []).append((position, commitment))
    for placed in by_text.values():
        places = {(frozenset(commitment.by), commitment.area) for _, commitment in placed}
        if len(places) < threshold:
            continue
        first, commitments = placed[0][0], [commitment for _, commitment in placed]
        ids = [commitment.id for commitment in commitments]
        quoted = f" ('{commitments[0].text}')" if ctx.quotable(*commitments) else ""
        yield ctx.finding(
            path=f"$.commitments[{first}].text",
            subjects=tuple(dict.fromkeys(ids)),
            nl=f"Dezelfde afspraak{quoted} staat woord voor woord bij {len(places)} partijen of gebieden "
            f"({joined(dict.fromkeys(ids))}): benut elkaars kwaliteiten en maak geen generieke afspraken; spreek "
            "per partij af waar zij sterk in is, of maak er één gezamenlijke afspraak van.",
            en=f"The same commitment{quoted} is made word for word for {len(places)} parties or areas "
            f"({joined(dict.fromkeys(ids))}): use each other's strengths rather than generic commitments; agree "
            "per party what it is strong in, or make it one joint commitment.",
        )
