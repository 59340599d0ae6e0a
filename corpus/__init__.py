"""Read UN reports (Chinese/English; PDF, DOCX, text) into one document model and store them."""
from corpus.errors import ReadError
from corpus.model import Document, Footnote, Metadata, Paragraph, Section, Subparagraph, Table
from corpus.reader import read

__all__ = ["Document", "Footnote", "Metadata", "Paragraph", "ReadError", "Section",
           "Subparagraph", "Table", "read"]
