"""PA115, PA116, PA121, "Een gezamenlijk beeld van wat er moet gebeuren": one shared language of defined terms."""

from __future__ import annotations

from collections.abc import Iterator

from prestatieafspraken import norms
from prestatieafspraken.norms import Bound
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.registry import rule

_SHARED_PICTURE = "Handreiking, Een goede start: Een gezamenlijk beeld van wat er moet gebeuren"


def _normal(value: object) -> object:
    """A definition field for comparison: text with its whitespace and case ignored, numbers as they are."""
    if isinstance(value, str):
        return " ".join(value.split()).casefold()
    return value


@rule(
    "PA115",
    severity=Severity.ERROR,
    title_nl="Eén begrip met verschillende definities",
    title_en="One term with different definitions",
    source=_SHARED_PICTURE + ': "dezelfde taal spreekt"',
)
def conflicting_definitions(ctx: RuleContext) -> Iterator[Finding]:
    """A term is defined twice with a different value, unit or text.

    Handbook: "Een gezamenlijk beeld zorgt er daarnaast ook voor dat je als woningcorporaties, gemeenten of
    andere partijen dezelfde taal spreekt. Bedoelt iedereen hetzelfde met de sociale doelgroep en betaalbare
    woningen?"

    Choices: a field is compared only where both definitions give it (a definition that leaves out the unit does
    not contradict one that gives it); text and unit are compared with whitespace and case ignored. One finding
    per term, at the first definition that contradicts an earlier one. Definitions are the shared language, so
    their values may be quoted.
    """
    first: dict[str, dict[str, tuple[int, object]]] = {}
    reported: set[str] = set()
    definitions = ctx.agreement.definitions
    for position, definition in enumerate(definitions):
        term = definition.term
        known = first.setdefault(term, {})
        differing: list[tuple[str, object, int, object]] = []  # field, this value, earlier position and value
        for field in ("value", "unit", "text"):
            value = getattr(definition, field)
            if value is None:
                continue
            if field not in known:
                known[field] = (position, value)
            elif _normal(known[field][1]) != _normal(value):
                differing.append((field, value, *known[field]))
        if not differing or term in reported:
            continue
        reported.add(term)
        parties = dict.fromkeys(
            party
            for party in (*(definitions[at].defined_by for _, _, at, _ in differing), definition.defined_by)
            if party
        )
        nl_by = f" van {definition.defined_by}" if definition.defined_by else ""
        en_by = f" by {definition.defined_by}" if definition.defined_by else ""
        nl_diff = "; ".join(
            f"{field} {value!r} tegenover {before!r} op $.definitions[{at}]" for field, value, at, before in differing
        )
        en_diff = "; ".join(
            f"{field} {value!r} against {before!r} at $.definitions[{at}]" for field, value, at, before in differing
        )
        yield ctx.finding(
            path=f"$.definitions[{position}]",
            subjects=(term, *parties),
            nl=f"Het begrip {term} heeft verschillende definities: de definitie{nl_by} op $.definitions[{position}] "
            f"wijkt af ({nl_diff}): spreek één betekenis af.",
            en=f"The term {term} has different definitions: the definition{en_by} at $.definitions[{position}] "
            f"differs ({en_diff}): agree on one meaning.",
        )


@rule(
    "PA116",
    severity=Severity.WARNING,
    title_nl="Indicator noemt een begrip zonder definitie",
    title_en="Indicator names a term without a definition",
    source=_SHARED_PICTURE + ': "Bedoelt iedereen hetzelfde met de sociale doelgroep en betaalbare woningen?"',
)
def undefined_term(ctx: RuleContext) -> Iterator[Finding]:
    """An indicator counts a segment (its ``term``, such as betaalbare-koop) that no definition defines.

    Handbook: "Een gezamenlijk beeld zorgt er daarnaast ook voor dat je als woningcorporaties, gemeenten of
    andere partijen dezelfde taal spreekt. Bedoelt iedereen hetzelfde met de sociale doelgroep en betaalbare
    woningen?"
    """
    defined = {definition.term for definition in ctx.agreement.definitions}
    for position, indicator in enumerate(ctx.agreement.indicators):
        if indicator.term is not None and indicator.term not in defined:
            yield ctx.finding(
                path=f"$.indicators[{position}].term",
                subjects=(indicator.id, indicator.term),
                nl=f"De indicator {indicator.id} telt {indicator.term}, maar dat begrip is niet gedefinieerd: "
                f"leg in definitions vast wat de partijen onder {indicator.term} verstaan.",
                en=f"The indicator {indicator.id} counts {indicator.term}, but that term has no definition: "
                f"record in definitions what the parties mean by {indicator.term}.",
            )


@rule(
    "PA121",
    severity=Severity.WARNING,
    title_nl="Definitie buiten de landelijke norm die ze volgt",
    title_en="Definition beyond the national norm it follows",
    source=_SHARED_PICTURE + ': "dezelfde taal spreekt"; de landelijke norm met zijn openbare bron per jaar '
    "(`prestatieafspraken norms NAAM`)",
)
def definition_beyond_norm(ctx: RuleContext) -> Iterator[Finding]:
    """A definition names the national norm it follows (``norm:``) but its value lies beyond that norm.

    Handbook: "Een gezamenlijk beeld zorgt er daarnaast ook voor dat je als woningcorporaties, gemeenten of
    andere partijen dezelfde taal spreekt. Bedoelt iedereen hetzelfde met de sociale doelgroep en betaalbare
    woningen?"

    Choices: judged for each year of the perspective in which the norm has a published value; a year without one
    is skipped, never guessed (no finding when no year of the perspective has a value). Beyond means above a
    ceiling (a rent or income limit) or below a floor; a value equal to the norm is within it. The definition's
    free-text unit is not compared with the norm's unit. One finding per definition, naming every year beyond
    the norm with the norm's value and its public source.
    """
    first, last = ctx.agreement.perspective.start, ctx.agreement.perspective.end
    for position, definition in enumerate(ctx.agreement.definitions):
        if definition.norm is None or definition.value is None:
            continue
        norm = norms.get(definition.norm)
        years = [year for year in norm.years if first <= year <= last and norm.beyond(year, definition.value)]
        if not years:
            continue
        entries = [(year, norm.at(year)) for year in years]
        values = "; ".join(f"{year}: {entry.value}" for year, entry in entries)
        urls = ", ".join(dict.fromkeys(entry.source.url for _, entry in entries))
        upper = norm.bound is Bound.UPPER
        nl_side, en_side = ("boven", "above") if upper else ("onder", "below")
        yield ctx.finding(
            path=f"$.definitions[{position}].value",
            subjects=(definition.term, *((definition.defined_by,) if definition.defined_by else ())),
            nl=f"De definitie van {definition.term} volgt de landelijke norm {norm.name} ({norm.label('nl')}), "
            f"maar haar waarde {definition.value} ligt {nl_side} de norm ({values}; bron: {urls}): "
            "pas de waarde aan of leg vast waarom de partijen bewust afwijken.",
            en=f"The definition of {definition.term} follows the national norm {norm.name} ({norm.label('en')}), "
            f"but its value {definition.value} lies {en_side} the norm ({values}; source: {urls}): "
            "adjust the value or record why the parties deliberately differ.",
        )
