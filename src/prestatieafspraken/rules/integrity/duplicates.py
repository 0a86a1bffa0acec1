"""PA002, duplicate ids: an id names one item of its list."""

from __future__ import annotations

from collections.abc import Iterator

from prestatieafspraken.model import Agreement
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.integrity._source import ONE_READING
from prestatieafspraken.rules.registry import rule


def _id_lists(agreement: Agreement) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Every list whose items carry an id, as its path and the ids in file order."""
    yield "$.parties", tuple(item.id for item in agreement.parties)
    yield "$.areas", tuple(item.id for item in agreement.areas)
    yield "$.groups", tuple(item.id for item in agreement.groups)
    yield "$.themes", tuple(item.id for item in agreement.themes)
    yield "$.goals", tuple(item.id for item in agreement.goals)
    yield "$.indicators", tuple(item.id for item in agreement.indicators)
    yield "$.frameworks", tuple(item.id for item in agreement.frameworks)
    yield "$.targets", tuple(item.id for item in agreement.targets)
    yield "$.commitments", tuple(item.id for item in agreement.commitments)
    if agreement.process is not None:
        yield "$.process.products", tuple(item.id for item in agreement.process.products)
    yield "$.amendments", tuple(item.id for item in agreement.amendments)


@rule(
    "PA002",
    severity=Severity.ERROR,
    title_nl="Dubbele id",
    title_en="Duplicate id",
    source=ONE_READING,
)
def duplicate_id(ctx: RuleContext) -> Iterator[Finding]:
    """An id that occurs more than once in one list (parties, areas, themes, commitments, ...).

    Handbook: "Hiervoor helpt allereerst een duidelijk overzicht van feiten en cijfers die maar op één manier
    interpreteerbaar zijn."

    The path is at each later item with the id (the first one is the one every lookup finds). Ids need only be
    unique within their own list: a party and an area may share an id.
    """
    for path, ids in _id_lists(ctx.agreement):
        if len(set(ids)) == len(ids):  # the common case, told in C: no id occurs twice
            continue
        first: dict[str, int] = {}
        for position, item_id in enumerate(ids):
            earlier = first.setdefault(item_id, position)
            if earlier == position:
                continue
            yield ctx.finding(
                path=f"{path}[{position}]",
                subjects=(item_id,),
                nl=f"De id '{item_id}' komt meer dan eens voor in {path[2:]} (eerst bij {path}[{earlier}]): "
                "geef elk item een eigen id of voeg de twee samen.",
                en=f"The id '{item_id}' occurs more than once in {path[2:]} (first at {path}[{earlier}]): "
                "give every item its own id or merge the two.",
            )
