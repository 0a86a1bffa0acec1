"""`document`: build the agreement, its jaarschijf or the tenants' summary as a `Document`, once, for every form."""

from __future__ import annotations

import pendulum

from prestatieafspraken.documents._blocks import Block, Document
from prestatieafspraken.documents._jaarschijf import jaarschijf
from prestatieafspraken.documents._names import Names
from prestatieafspraken.documents._sections import Chosen, agreement_chapters
from prestatieafspraken.documents._signing import signature_page
from prestatieafspraken.documents._summary import summary as summary_blocks
from prestatieafspraken.documents._words import says
from prestatieafspraken.errors import ConfigError
from prestatieafspraken.model import Agreement
from prestatieafspraken.views import view_for
from prestatieafspraken.vocabulary import Language, is_language

__all__ = ["document"]


def _this_year(agreement: Agreement) -> int:
    """The current year in the Netherlands, within the perspective (its first or last year outside it)."""
    today = pendulum.today("Europe/Amsterdam").year
    return min(max(today, agreement.perspective.start), agreement.perspective.end)


def document(
    agreement: Agreement,
    *,
    year: int | None = None,
    audience: str | None = None,
    lang: Language = "nl",
    summary: bool = False,
    picture: bool = True,
) -> Document:
    """The agreement as a document to circulate and sign, its jaarschijf, or the tenants' one-page summary.

    The document has the structure agreements have in practice: a title page; the parties and who signs for
    whom; the assignment (purpose, in and out of scope, dilemmas); the shared goals; per theme the targets of the
    perspective and the commitments, who does what for whom and by when; the mutual conditions; the
    definitions; the process; monitoring and adjusting together; and a signature page from the signatory
    mandates. Names and texts are shown, ids only in a reference column. Write it with `Document.to_markdown`,
    `Document.to_html`, `Document.to_docx` or `Document.write`.

    Args:
        agreement: The agreement.
        year: Only the jaarschijf of this year: the commitments of the year and the milestones of its cycle.
        audience: ``"public"`` or a party id: first apply `prestatieafspraken.view_for`, so nothing the audience
            may not see appears (a withheld commitment is listed without its text and value). Default: everything.
        lang: ``"nl"`` (default) or ``"en"``.
        summary: The one-page summary for tenants' members in plain language (B1): what was agreed for them in
            *year* (default: the current year within the perspective) and how to follow it.
        picture: End the chapter on the parties with the picture of who does what for whom (of the year's
            commitments in a jaarschijf; of what the audience may see), drawn by Graphviz when the document is
            written: inline SVG in HTML, an SVG data image in Markdown, a PNG in Word. Without Graphviz, or above
            `prestatieafspraken.documents.PICTURE_NODE_LIMIT` nodes, a sentence says so instead. ``False`` leaves
            it out. The summary has no picture.

    Raises:
        ConfigError: *year* is outside the perspective, or *lang* is not ``"nl"`` or ``"en"``.
        UnknownAudienceError: *audience* is neither ``"public"`` nor a party of the agreement.
    """
    if not is_language(lang):
        raise ConfigError(f"unknown language {lang!r}: choose 'nl' (Nederlands) or 'en' (English)")
    perspective = agreement.perspective
    if year is not None and year not in perspective:
        raise ConfigError(
            f"the year {year} is outside the perspective of {agreement.id!r} ({perspective.start}-{perspective.end}); "
            f"choose a year from {perspective.start} to {perspective.end}"
        )
    withheld: frozenset[str] = frozenset()
    if audience is not None:
        view = view_for(agreement, audience)
        agreement, withheld = view.agreement, view.withheld_commitments
    names = Names(agreement, lang, withheld=withheld)
    blocks: list[Block]
    if summary:
        chosen_year = year if year is not None else _this_year(agreement)
        blocks = list(summary_blocks(names, jaarschijf(agreement, chosen_year)))
        title = says("summary_title", lang, year=chosen_year)
    else:
        chosen = Chosen(names, jaarschijf(agreement, year) if year is not None else None, picture=picture)
        blocks = [*agreement_chapters(names, chosen, audience), *signature_page(names, chosen)]
        title = agreement.title
    return Document(title=title, lang=lang, blocks=tuple(blocks))
