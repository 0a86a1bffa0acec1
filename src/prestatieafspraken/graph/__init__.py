"""Who does what for whom: the responsibility graph of an agreement, the questions it answers, and its exports.

Handbook, "En blijf op je doel focussen": "Een goed resultaat van meerpartijen(samenwerkings)prestatieafspraken
is per definitie wederkerig." and "Benut elkaars kwaliteiten": "De één mag op het ene thema trekker zijn,
terwijl de ander op een ander thema trekker wordt."

This is the only package that imports networkx (STYLE: the engine stays behind its boundary), and it imports it
only when a graph is really built: networkx adds about 430 ms to start-up, and the rules ask the questions here
on every check. Importing this package imports no networkx. The questions that need no graph query
(`reciprocity`, `one_sided_parties`, `commitments_without_goal`, `single_points_of_failure`,
`conditions_on_later_years`, `conditional_chains`, `theme_leads`, `leads_without_commitments`) run on the plain
dict indexes of `Agreement.index`; `conditional_cycles` imports networkx only when a cycle exists;
`central_parties` builds a small graph of the parties only; `responsibility_graph` builds the full graph when a
user asks for it (about 8 µs per edge).

The graph (`responsibility_graph`):

- Node keys are ``"<kind>:<id>"`` (``"party:afwc"``, ``"commitment:c-2020-x"``, ``"theme:availability"``), so
  ids never collide across kinds; `node_key` builds one. The agreement itself is ``"agreement:<agreement id>"``.
- Every node has the attributes ``kind`` (one of `NODE_KINDS`), ``label`` (for people) and ``ref`` (the model
  id; not ``id``, which node-link JSON uses for the node key).
- Every edge has the attribute ``kind`` (one of `EDGE_KINDS`, or a mandate role), and its key in the
  `networkx.MultiDiGraph` is that same kind, so a reference named twice is one edge. Which model fields become
  edges follows the references the model declares (`prestatieafspraken.model.references`).
- A reference to an unknown id makes no node and no edge: it is skipped silently, because PA001 reports it.
  Where an id is duplicated (PA002) the first item with it is used, as in `Agreement.index`.
- Standard themes (DESIGN §3) that a commitment or target names without declaring get a node, labelled by
  `prestatieafspraken.model.themes.theme_label`.
- A commitment that is not public is labelled by its id, not its text, so a shared diagram never shows text a
  party restricted (DESIGN §4: a message never quotes a value whose visibility is parties or restricted).

The implementation is private: `._vocabulary`, `._build` (the graph and its networkx questions), `._questions`
and `._conditions` (the plain questions) and `._export` (the text formats).
"""

from prestatieafspraken.errors import UnknownPartyError as UnknownPartyError  # deprecated: UnknownNameError
from prestatieafspraken.graph._build import central_parties, neighbourhood, responsibility_graph
from prestatieafspraken.graph._conditions import conditional_chains, conditional_cycles, conditions_on_later_years
from prestatieafspraken.graph._export import (
    FORMATS,
    GraphFormat,
    export,
    from_node_link,
    render_graph,
    to_dot,
    to_graphml,
    to_mermaid,
    to_node_link,
)
from prestatieafspraken.graph._picture import (
    DEFAULT_NODE_LIMIT,
    diagram_dot,
    draw_png,
    draw_svg,
    graphviz_available,
    picture_dot,
    render_svg,
    svg_picture,
)
from prestatieafspraken.graph._questions import (
    OneSided,
    PartyBalance,
    Reciprocity,
    SinglePoint,
    ThemeLead,
    ThemeTotal,
    commitments_without_goal,
    leads_without_commitments,
    one_sided_parties,
    reciprocity,
    single_points_of_failure,
    theme_leads,
)
from prestatieafspraken.graph._vocabulary import EDGE_KINDS, MANDATE_EDGE_KINDS, NODE_KINDS, node_key

__all__ = [
    "DEFAULT_NODE_LIMIT",
    "EDGE_KINDS",
    "FORMATS",
    "MANDATE_EDGE_KINDS",
    "NODE_KINDS",
    "GraphFormat",
    "OneSided",
    "PartyBalance",
    "Reciprocity",
    "SinglePoint",
    "ThemeLead",
    "ThemeTotal",
    "central_parties",
    "commitments_without_goal",
    "conditional_chains",
    "conditional_cycles",
    "conditions_on_later_years",
    "diagram_dot",
    "draw_png",
    "draw_svg",
    "export",
    "from_node_link",
    "graphviz_available",
    "leads_without_commitments",
    "neighbourhood",
    "node_key",
    "one_sided_parties",
    "picture_dot",
    "reciprocity",
    "render_graph",
    "render_svg",
    "responsibility_graph",
    "single_points_of_failure",
    "svg_picture",
    "theme_leads",
    "to_dot",
    "to_graphml",
    "to_mermaid",
    "to_node_link",
]
