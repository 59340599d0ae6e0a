"""A damaged Word package read as far as it can be: when python-docx cannot open it or one of
its parts (styles, numbering, notes, headers) is not well-formed, the text of its main part,
``word/document.xml``, is still the report. It is read paragraph by paragraph, without
numbering, notes or styles, and the reading report says so; only a package whose main part
is itself unreadable is refused, with the cause in words."""
from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from corpus.blocks import Block, clean
from corpus.errors import ReadError
from corpus.notes import note

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# what a damaged package raises from python-docx, zipfile, zlib and lxml
DAMAGE = (zipfile.BadZipFile, zlib.error, etree.XMLSyntaxError, KeyError, ValueError,
          EOFError, AttributeError, IndexError, TypeError)


def cause(exc: BaseException) -> str:
    """What is wrong with the package, in words."""
    if isinstance(exc, etree.XMLSyntaxError):
        return "a part of it is not well-formed XML"
    if isinstance(exc, (zipfile.BadZipFile, zlib.error, EOFError)):
        return "a part of its zip package is corrupt"
    if isinstance(exc, KeyError):
        return "a part it refers to is missing"
    return "its package structure is damaged"


def damaged(data: bytes) -> bool:
    """Whether some part of the package is corrupt or not well-formed XML (else a failure
    while reading it is a bug of ours, to be reported as one, not salvaged)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for info in z.infolist():
                if info.filename.endswith((".xml", ".rels")):
                    etree.fromstring(z.read(info), parser)
    except (*DAMAGE, OSError):
        return True
    return False


def salvage(path: Path, data: bytes, exc: BaseException) -> tuple[list[Block], None]:
    """The paragraphs of the main part, or ReadError when even that cannot be read; ``exc``
    itself when nothing in the package is damaged (a bug, reported as one upstream)."""
    if not damaged(data):
        raise exc
    why = cause(exc)
    try:
        xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    except (*DAMAGE, OSError, NotImplementedError):
        raise ReadError(path, f"damaged Word document: {why}, and its main part "
                              "word/document.xml cannot be read either") from None
    return _paragraphs(path, xml, why)


def salvage_local(path: Path, data: bytes, why: str) -> tuple[list[Block], None]:
    """The main part found by its local file header, when the package's central directory
    cannot be read at all (a damaged version field: "zip file version 14.2")."""
    at, method = -1, 0
    for start in _local_headers(data):
        name_len, extra_len = int.from_bytes(data[start + 26:start + 28], "little"), \
            int.from_bytes(data[start + 28:start + 30], "little")
        if data[start + 30:start + 30 + name_len] == b"word/document.xml":
            at = start + 30 + name_len + extra_len
            method = int.from_bytes(data[start + 8:start + 10], "little")
            break
    if at < 0:
        raise ReadError(path, f"damaged Word document: {why}, and its main part cannot be found")
    try:
        xml = zlib.decompressobj(-15).decompress(data[at:]) if method == 8 else data[at:]
    except zlib.error:
        raise ReadError(path, f"damaged Word document: {why}, and its main part "
                              "word/document.xml cannot be read either") from None
    end = xml.rfind(b"</w:document>")
    return _paragraphs(path, xml[:end + len(b"</w:document>")] if end >= 0 else xml, why)


def _local_headers(data: bytes):
    start = data.find(b"PK\x03\x04")
    while start >= 0:
        yield start
        start = data.find(b"PK\x03\x04", start + 4)


def _paragraphs(path: Path, xml: bytes, why: str) -> tuple[list[Block], None]:
    try:
        root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True,
                                                     huge_tree=False))
    except etree.XMLSyntaxError:
        raise ReadError(path, f"damaged Word document: {why}, and its main part "
                              "word/document.xml cannot be read either") from None
    blocks = []
    for p in root.iter(W + "p"):
        text = clean("".join(t.text or "" for t in p.iter(W + "t")))
        if text:
            blocks.append(Block(text))
    if not blocks:
        raise ReadError(path, f"damaged Word document: {why}, and its main part holds no text")
    note(f"damaged Word document ({why}): read from its main part alone, without numbering, "
         "notes or styles")
    return blocks, None
