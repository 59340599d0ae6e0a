"""Word (DOCX): the blocks a reader of the printed page sees, in the order the page shows them,
so that a report read from its Word original comes out as it does from its PDF.

python-docx opens the package; the body is walked on the XML itself because what UN Word
files hold is beyond python-docx's paragraph list: the masthead in the first page's header
(a layout table), the job number in the first page's footer, automatic numbering
(``w:numPr``, rebuilt by ``corpus.docx_numbering``), text boxes (``w:txbxContent``, whose
``mc:AlternateContent`` repeats each box in a fallback branch: one branch is read), data
tables (one block of role ``table`` with its rows of cells and notes),
diagrams drawn with text boxes (one ``table`` block, a row per box), and footnotes and
endnotes (``corpus.readers.docx_notes``)."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from corpus.blocks import Block, clean, ref
from corpus.docx_numbering import Numbering
from corpus.errors import ReadError
from corpus.furniture import is_furniture
from corpus.readers.docx_layout import W, Styles, furniture_parts, masthead_part
from corpus.readers.docx_notes import KINDS, Marks, note_blocks
from corpus.readers.docx_tables import (is_caption, is_contents_heading, is_label_box, is_layout,
                                        is_note_marker, is_table_note, is_title)

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MAX_UNPACKED = 200 * 1024 * 1024
MAX_RATIO = 200
# Never page text: properties, deleted or moved-away revisions, field codes.
_SKIP = {W + "pPr", W + "rPr", W + "del", W + "moveFrom", W + "instrText", W + "delText",
         W + "footnoteRef", W + "endnoteRef", W + "sectPr", MC + "Fallback"}
_POWERS = {"2": "²", "3": "³"}
_UNIT_END = re.compile(r"(?<![A-Za-z])(?:[kcmd]?m|ft|mi)\s*$")


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
    """The blocks of a Word file and its page count; a package with a damaged part is read
    from its main part alone (``docx_salvage``) rather than refused."""
    from corpus.readers.docx_salvage import DAMAGE, salvage, salvage_local

    try:
        _check_zip(path, data)
    except NotImplementedError as exc:  # zipfile refuses the package's directory itself
        return salvage_local(path, data, f"its zip directory is damaged ({exc})")
    try:
        return _read_docx(data)
    except DAMAGE as exc:
        return salvage(path, data, exc)


def _read_docx(data: bytes):
    import docx

    document = docx.Document(io.BytesIO(data))
    reader = _Reader(document)
    body = document.element.body
    masthead = masthead_part(document, body)
    if masthead is not None:  # what the first page shows above the body
        reader.container(masthead.element, "body")
    for part in furniture_parts(document, body, masthead):
        reader.container(part.element, "furniture")
    reader.in_body = True
    reader.container(body, "body")
    boxed = sum(len(c) for d in reader.diagrams for row in d.rows for c in row)
    if boxed > sum(len(b.text) for b in reader.blocks if b.role == "body"):
        reader.unbox()
    page, reader.role = reader.page, "footnote"  # a note's breaks do not turn the body's pages
    for kind in ("footnote", "endnote"):
        reader.blocks.extend(note_blocks(document, reader, kind))
    reader.page = page
    counted, declared = reader.page, _declared_pages(document)
    if counted > 1 and declared in (None, counted):
        return reader.blocks, counted
    # Page breaks are known only where Word rendered the document before saving it
    # (``w:lastRenderedPageBreak``); files saved by other tools have few or none.
    for b in reader.blocks:
        b.page = None
    return reader.blocks, declared if declared and declared > counted else None


def _declared_pages(document) -> int | None:
    """The page count Word recorded in ``docProps/app.xml``, if any."""
    app = next((part.blob for part in document.part.package.iter_parts()
                if part.partname == "/docProps/app.xml"), b"")
    m = re.search(rb"<(?:\w+:)?Pages>(\d+)</(?:\w+:)?Pages>", app)
    return int(m.group(1)) if m and int(m.group(1)) > 0 else None


class _Reader:
    def __init__(self, document):
        self.numbering = Numbering.from_document(document)
        self.styles = Styles(document)
        self.marks = Marks(document)  # of footnotes and endnotes
        self.blocks: list[Block] = []
        self.page = 1
        self.text_page: int | None = None  # page of the current paragraph's first text
        self.first_superscript = False  # the current paragraph opens with a superscript
        self.role = "body"  # role of the paragraph being read
        self.under_table = False  # notes just under a table or diagram belong to it
        self.diagrams: list[Block] = []  # blocks made of text boxes
        self.prose = False  # a paragraph of prose has been read: the masthead is behind
        self.in_body = False  # reading the body, not the headers (no diagrams up there)

    def container(self, el, role: str) -> None:
        """Block-level content in order: paragraphs, tables, content controls."""
        for child in el:
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child, role)
            elif tag == W + "tbl":
                self.table(child, role)
            elif tag in (W + "sdt", W + "customXml", W + "sdtContent", W + "ins", W + "moveTo"):
                self.container(child, role)
            elif tag == MC + "AlternateContent":
                self.container(_branch(child), role)

    def table(self, tbl, role: str) -> None:
        """Layout is read as the page shows it, paragraph by paragraph: a table holding
        masthead lines before the first prose, a one-column table (a box such as the
        summary, whose own tables are data again), a table inside a table or a header. The
        table of contents (a table after "Contents") gives one line per row, as printed.
        Any other table in the body is data: one block of role ``table`` with its rows of
        cells; its text is its caption, the lines just above it ("Table 3", an unnumbered
        title, "(Thousands of United States dollars)"), and the notes just under it become
        its last rows, one cell each (as the PDF reader gives them)."""
        if role != "body" or _one_column(tbl) or not self.prose and is_layout(tbl):
            for cell in _cells(tbl):
                self.container(cell, role)
            return
        page, rows = self.page, []
        for row in _rows(tbl):
            cells = []
            for cell in _cells(row):
                mark = len(self.blocks)
                self.container(cell, "table")
                cells.append(" ".join(b.text for b in self.blocks[mark:]))
                del self.blocks[mark:]
            if any(cells):
                rows.append(cells)
        if not rows:
            return
        if self.blocks and is_contents_heading(self.blocks[-1].text):
            self.blocks.extend(Block(" ".join(c for c in r if c), page=page, heading=False)
                               for r in rows)
            return
        k = len(self.blocks)
        while k and self.blocks[k - 1].role == "body" and is_caption(self.blocks[k - 1].text):
            k -= 1
        before = self.blocks[k - 1] if k < len(self.blocks) and k else None
        if before and before.role == "body" and is_title(before.text, before.heading):
            k -= 1
        caption = " ".join(b.text for b in self.blocks[k:])
        del self.blocks[k:]
        self.blocks.append(Block(caption, page=page, role="table", heading=False, rows=rows))
        self.under_table = True

    def paragraph(self, p, role: str) -> None:
        pieces: list[str] = []
        boxes: list = []
        self.text_page, self.first_superscript, self.role = None, False, role
        self._inline(p, pieces, boxes, [None])
        text = clean(_leaders("".join(pieces), self.styles.has_leader(p)).replace("\n", " "))
        label = self.numbering.label(p)
        if label:
            text = f"{label} {text}".strip()
        if text and role == "body" and self.in_body and _at_page_foot(p):
            role = "footnote"  # a frame set at the page foot: an unmarked note, as printed
        if text and role == "body" and self.under_table:
            if (self.first_superscript or is_table_note(text)) and self.blocks[-1].rows:
                self.blocks[-1].rows.append([text])  # a note under the table, as a row
                return
            self.under_table = False
        if text:
            heading = self.styles.is_heading(p) if role == "body" else False
            self.blocks.append(Block(text, page=self.text_page or self.page, role=role,
                                     heading=heading))
            self.prose = self.prose or role == "body" and len(text) > 200
        # A text box shows beside the paragraph that anchors it. Boxes of short labels are a
        # diagram (an organization chart); a box of prose is read as body text.
        anchor = self.blocks[-1] if text else None
        for box in boxes:
            if role == "body" and self.in_body and is_label_box(box):
                self.diagram(box, anchor)
                anchor = None
            else:
                self.container(box, role)

    def diagram(self, box, anchor: Block | None) -> None:
        """The labels of one text box of a diagram: one row of the diagram's block (role
        ``table``, as the PDF reader gives charts), which the boxes that follow join. The
        paragraph holding the first box is its caption when it reads as a title."""
        mark = len(self.blocks)
        self.container(box, "figure")
        row = [b.text for b in self.blocks[mark:]]
        del self.blocks[mark:]
        if not row:
            return
        if self.diagrams and self.blocks and self.blocks[-1] is self.diagrams[-1]:
            self.diagrams[-1].rows.append(row)
        else:
            caption = ""
            if anchor is not None and self.blocks[-1] is anchor and \
                    is_title(anchor.text, anchor.heading):
                caption = self.blocks.pop().text
            self.diagrams.append(Block(caption, page=self.page, role="figure", heading=False,
                                       rows=[row]))
            self.blocks.append(self.diagrams[-1])
        self.under_table = True

    def unbox(self) -> None:
        """Read the diagrams' labels as the page's text: for a document whose text is all
        in text boxes (a PDF converted to Word), where they are not a diagram and its job
        numbers, page counters and running symbols are boxes too."""
        boxed = {id(d) for d in self.diagrams}
        blocks, self.blocks = self.blocks, []
        for b in blocks:
            if id(b) in boxed:
                self.blocks.extend(Block(c, page=b.page,
                                         role="furniture" if is_furniture(c) else "body")
                                   for row in b.rows for c in row)
            else:
                self.blocks.append(b)

    def _inline(self, el, pieces: list[str], boxes: list, custom: list) -> None:
        """The text of runs under ``el``, in order; ``custom[0]`` holds the (kind, id) of a
        note reference whose mark is the text that follows (``w:customMarkFollows``)."""
        for node in el:
            tag = node.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == W + "t":
                text = node.text or ""
                sup = self.styles.superscript(node.getparent())
                if custom[0] is not None:
                    pieces.append(ref(self.marks.custom(*custom[0], text.strip())))
                    custom[0] = None
                elif sup and self.role != "footnote" and is_note_marker(text, "".join(pieces)):
                    pieces.append(ref(text.strip()))  # a table or box note's mark, as in the PDF
                elif sup and text.strip() in _POWERS and _UNIT_END.search("".join(pieces)):
                    pieces.append(_POWERS[text.strip()])  # m², km³, as the PDF reader gives them
                else:
                    pieces.append(text)
                if self.text_page is None and text.strip():
                    self.text_page = self.page  # a paragraph is on the page where it starts
                    self.first_superscript = sup
            elif tag in (W + "tab", W + "ptab"):
                pieces.append("\t")
            elif tag == W + "noBreakHyphen":
                pieces.append("-")
            elif tag in (W + "br", W + "cr"):
                if node.get(W + "type") == "page":
                    self.page += 1
                else:
                    pieces.append("\n")
            elif tag == W + "lastRenderedPageBreak":
                self.page += 1
            elif tag in KINDS:
                self._reference(node, KINDS[tag], pieces, custom)
            elif tag == W + "txbxContent":
                boxes.append(node)
            elif tag == MC + "AlternateContent":
                self._inline(_branch(node), pieces, boxes, custom)
            elif tag == W + "r" and _hidden(node):
                continue  # hidden text is not on the page
            else:
                self._inline(node, pieces, boxes, custom)

    def _reference(self, node, kind: str, pieces: list[str], custom: list) -> None:
        nid = node.get(W + "id")
        if node.get(W + "customMarkFollows") in ("1", "true", "on"):
            custom[0] = (kind, nid)
        else:
            pieces.append(ref(self.marks.numbered(kind, nid)))

    def text_of(self, p) -> str:
        """The text of paragraph ``p`` of a note."""
        pieces: list[str] = []
        self._inline(p, pieces, [], [None])
        return "".join(pieces)


def _branch(alternate):
    """The one branch of ``mc:AlternateContent`` to read: the first choice (what current
    Word shows), else the fallback; never both, which hold the same text twice."""
    choice = alternate.find(MC + "Choice")
    if choice is None:
        choice = alternate.find(MC + "Fallback")
    return choice if choice is not None else ()


def _leaders(raw: str, leader: bool) -> str:
    """Dots where Word draws a tab's dot leader before a page number (or at the end of a
    contents entry whose number sits in the next cell), as the printed page shows them."""
    end = raw.rfind("\t")
    if leader and raw[:max(end, 0)].strip() and re.fullmatch(r"\s*\d{0,3}\s*", raw[end + 1:]):
        return raw[:end] + " .......... " + raw[end + 1:]
    return raw


def _at_page_foot(p) -> bool:
    """A paragraph in a frame anchored to the bottom of the page (``w:framePr``)."""
    frame = p.find(f"{W}pPr/{W}framePr")
    return frame is not None and frame.get(W + "yAlign") == "bottom"


def _hidden(run) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(W + "val", "1") not in ("0", "false", "off")


def _one_column(tbl) -> bool:
    return all(len(_cells(row)) == 1 for row in _rows(tbl))


def _rows(tbl):
    """The rows of ``tbl`` itself (not of tables nested in its cells)."""
    return [r for r in tbl.iter(W + "tr") if next(r.iterancestors(W + "tbl")) is tbl]


def _cells(el):
    """The cells of a row, or of every row of a table, not of nested tables."""
    tbl = el if el.tag == W + "tbl" else next(el.iterancestors(W + "tbl"))
    return [c for c in el.iter(W + "tc") if next(c.iterancestors(W + "tbl")) is tbl]
