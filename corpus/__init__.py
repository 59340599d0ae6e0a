"""Read UN reports (Chinese/English; PDF, DOCX, text) into one document model and store them.

    >>> import corpus
    >>> doc = corpus.read("report.pdf")             # any format, either language
    >>> store = corpus.Store("rapporteur.db")       # the SQLite store (loaded on first use)
"""
from corpus.errors import ReadError
from corpus.model import (Box, Document, Figure, Footnote, Metadata, Paragraph, Section,
                          Subparagraph, Table)
from corpus.reader import read

__all__ = ["Box", "Document", "Figure", "Footnote", "Metadata", "Paragraph", "ReadError",
           "Section", "Store", "Subparagraph", "Table", "read"]


def __getattr__(name: str):
    """``corpus.Store`` without importing the store (and its search segmenter) up front."""
    if name == "Store":
        from corpus.store import Store

        return Store
    raise AttributeError(f"module 'corpus' has no attribute {name!r}")
