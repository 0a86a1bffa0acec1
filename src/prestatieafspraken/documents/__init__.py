"""The agreement as a document people circulate and sign: Markdown, HTML or Word (docx), in Dutch or English.

`document(agreement)` builds the content once as a `Document` of plain blocks (title page, headings,
paragraphs, lists, tables, signatures, page breaks, the picture of who does what for whom); its methods write it as
Markdown, as one self-contained HTML file or as a Word file with real headings, tables and page breaks
(python-docx, the ``docx`` extra). With ``year=Y`` it is the jaarschijf of that year; with ``summary=True`` the
one-page summary for tenants' members; with ``audience=...`` only what that audience may see.

The progress report (`prestatieafspraken.report.render_report`) is built of the same blocks (with collapsible
`Section` s and table cells that are traffic lights, `Light`, or small charts, `Picture`) and written by the same
writers, so the two cannot drift apart.
"""

from prestatieafspraken.documents import _blocks
from prestatieafspraken.documents._blocks import *  # noqa: F403 - the block model, as its __all__ lists it
from prestatieafspraken.documents._build import document
from prestatieafspraken.documents._diagram import PICTURE_NODE_LIMIT

__all__ = ["PICTURE_NODE_LIMIT", "document"]
__all__ += _blocks.__all__
