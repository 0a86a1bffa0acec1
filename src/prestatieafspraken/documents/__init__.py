"""The agreement as a document people circulate and sign: Markdown, HTML or Word (docx), in Dutch or English.

`document(agreement)` builds the content once as a `Document` of plain blocks (title page, headings,
paragraphs, lists, tables, signatures, page breaks); its methods write it as Markdown, as one self-contained HTML
file or as a Word file with real headings, tables and page breaks (python-docx, the ``docx`` extra). With
``year=Y`` it is the jaarschijf of that year; with ``summary=True`` the one-page summary for tenants' members;
with ``audience=...`` only what that audience may see.
"""

from prestatieafspraken.documents._blocks import (
    Block,
    Document,
    DocumentFormat,
    Heading,
    Items,
    PageBreak,
    Paragraph,
    Signature,
    Table,
    TitlePage,
    format_of,
)
from prestatieafspraken.documents._build import document

__all__ = [
    "Block",
    "Document",
    "DocumentFormat",
    "Heading",
    "Items",
    "PageBreak",
    "Paragraph",
    "Signature",
    "Table",
    "TitlePage",
    "document",
    "format_of",
]
