"""One reader per format; each turns bytes into ``corpus.blocks.Block``s and a page count.
Imported on demand, so that reading a text file never loads the PDF or Word libraries."""
from importlib import import_module

_READERS = {"pdf": ("corpus.readers.pdf", "read_pdf"),
            "docx": ("corpus.readers.docx", "read_docx"),
            "txt": ("corpus.readers.text", "read_text")}


def reader(fmt: str):
    """The read function for format ``fmt`` (pdf, docx, txt), importing its module only now."""
    module, name = _READERS[fmt]
    return getattr(import_module(module), name)
