"""One reader per format; each turns bytes into ``corpus.blocks.Block``s and a page count."""
from corpus.readers.docx import read_docx
from corpus.readers.pdf import read_pdf
from corpus.readers.text import read_text

READERS = {"pdf": read_pdf, "docx": read_docx, "txt": read_text}
