"""Word (DOCX): python-docx for the package and body, plus the parts it does not expose —
automatic numbering (``w:numPr``, rebuilt into the ``12.``/``(a)`` labels a reader sees) and
footnotes (the footnotes part, markers numbered in reference order as Word does)."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from corpus.blocks import Block, clean, ref
from corpus.docx_numbering import Numbering
from corpus.errors import ReadError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_UNPACKED = 200 * 1024 * 1024
MAX_RATIO = 200
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def _check_zip(path: Path, data: bytes) -> None:
    """Refuse what is not a Word package, and zip bombs, before python-docx inflates them."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except zipfile.BadZipFile:
        raise ReadError(path, "not a DOCX: corrupt or truncated zip package") from None
    names = {i.filename for i in infos}
    if "word/document.xml" not in names:
        raise ReadError(path, "not a Word document: the package has no word/document.xml")
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if total > MAX_UNPACKED or total / packed > MAX_RATIO and total > 10 * 1024 * 1024:
        raise ReadError(path, f"refused: the package would inflate to {total} bytes "
                              f"(ratio {total // packed}:1), a zip bomb?")


def read_docx(path: Path, data: bytes):
    import docx
    from lxml import etree

    _check_zip(path, data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types on damaged packages
        raise ReadError(path, f"damaged Word document ({type(exc).__name__}: {exc})") from None
    numbering = Numbering.from_document(document)
    markers: dict[str, str] = {}
    blocks: list[Block] = []
    for section in document.sections:
        for part in (section.first_page_header, section.header, section.first_page_footer,
                     section.footer):
            if part.is_linked_to_previous and part is not section.header:
                continue
            for p in part.paragraphs:
                text = clean(p.text)
                if text:
                    blocks.append(Block(text, role="furniture"))
    page = 1
    body = document.element.body
    for element in body.iterchildren():
        if element.tag == W + "p":
            page = _paragraph(element, document, numbering, markers, blocks, page)
        elif element.tag == W + "tbl":
            for p in element.iter(W + "p"):
                page = _paragraph(p, document, numbering, markers, blocks, page)
    blocks.extend(_footnotes(document, markers, etree))
    pages = page if page > 1 else None
    if pages is None:
        for b in blocks:
            b.page = None
    return blocks, pages


def _paragraph(p, document, numbering, markers, blocks, page) -> int:
    pieces: list[str] = []
    custom_fid = None  # a footnote reference whose mark is the next text (e.g. "*")
    for node in p.iter(W + "t", W + "tab", W + "br", W + "footnoteReference",
                       W + "lastRenderedPageBreak", W + "cr"):
        tag = node.tag
        if tag == W + "t":
            text = node.text or ""
            if custom_fid is not None:
                pieces.append(ref(markers.setdefault(custom_fid, text.strip())))
                custom_fid = None
                continue
            pieces.append(text)
        elif tag == W + "tab":
            pieces.append(" ")
        elif tag in (W + "br", W + "cr"):
            if node.get(W + "type") == "page":
                page += 1
            else:
                pieces.append("\n")
        elif tag == W + "lastRenderedPageBreak":
            page += 1
        else:
            fid = node.get(W + "id")
            if node.get(W + "customMarkFollows") in ("1", "true", "on"):
                custom_fid = fid
                continue
            markers.setdefault(fid, str(sum(1 for m in markers.values() if m.isdigit()) + 1))
            pieces.append(ref(markers[fid]))
    text = clean("".join(pieces).replace("\n", " "))
    label = numbering.label(p, document)
    if label:
        text = f"{label} {text}"
    if text:
        blocks.append(Block(text, page=page, heading=_is_heading(p, document)))
    return page


def _is_heading(p, document) -> bool:
    """Heading style, an outline level, or every run bold."""
    from docx.text.paragraph import Paragraph

    para = Paragraph(p, document.part)
    style = para.style.name if para.style is not None else ""
    if style.lower().startswith(("heading", "title", "标题")):
        return True
    if p.find(f"{W}pPr/{W}outlineLvl") is not None:
        return True
    runs = [r for r in para.runs if r.text.strip()]
    return bool(runs) and all(r.bold or (r.bold is None and para.style is not None and
                                         para.style.font.bold) for r in runs)


def _footnotes(document, markers: dict[str, str], etree) -> list[Block]:
    """Footnote blocks in marker order, from the footnotes part."""
    part = next((rel.target_part for rel in document.part.rels.values()
                 if rel.reltype == FOOTNOTES_REL and not rel.is_external), None)
    if part is None:
        return []
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(part.blob, parser)
    found = []
    for fn in root.iter(W + "footnote"):
        fid = fn.get(W + "id")
        if fn.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        if fid not in markers:
            continue
        texts = []
        for p in fn.iter(W + "p"):
            texts.append("".join(t.text or "" for t in p.iter(W + "t")))
        text = clean(" ".join(texts))
        marker = markers[fid]
        if not marker.isdigit() and text.startswith(marker):
            text = text[len(marker):].strip()
        found.append(Block(text, role="footnote", marker=marker))
    order = list(markers.values())
    return sorted(found, key=lambda b: order.index(b.marker))
