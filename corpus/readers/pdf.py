"""PDF reader: a page's text objects -> ``Block``s in reading order.

The stages, each in its module: pdfium's text objects -> runs (``pdf_objects``); runs ->
visual lines and segments (``pdf_lines``); the page bands of running headers and footers
and the footnote area (here and ``pdf_notes``); tables and charts (``pdf_tables``); body
blocks (``pdf_layout``).
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium

from corpus.blocks import HAN, Block, clean, join_lines, normalise_zh_spacing
from corpus.errors import ReadError
from corpus.furniture import BARCODE, JOB_LINE, SYMBOL_LINE, is_furniture
from corpus.readers import pdf_tables
from corpus.readers.pdf_columns import reading_order
from corpus.readers.pdf_layout import Layout, body_blocks
from corpus.readers.pdf_lines import Segment, segments, visual_lines
from corpus.readers.pdf_notes import SEPARATOR, Footnotes
from corpus.readers.pdf_objects import PageReader, address, count_objects

_HAN = re.compile(f"[{HAN}]")
# a space between a footnote reference and a Han character (临时议程* 项目)
_REF_SPACE = re.compile(f"(?<=\ue001)[ \u3000]+(?=[{HAN}])|(?<=[{HAN}])[ \u3000]+(?=\ue000)")
# a space inside brackets beside Chinese text: "( 目标7)", "“灯塔” )" (a bracket's glyph box
# is narrow, so the gap beside it looks like a word space)
_BRACKET_SPACE = re.compile(f"(?<=[(（\\[])[ \u3000]+(?=[{HAN}“‘《])|"
                            f"(?<=[{HAN}”’》。])[ \u3000]+(?=[)）\\]])")
# the first character of a wrapped Chinese cell's next line
_HAN_START = re.compile(f"^[{HAN}“‘《（，、。；：”’》）]")
# what is furniture wherever a page puts it: a job number with its language letter or its
# page counter ("25-04320 (C) 170325", "25-04320 17/22", "3/18 25-07795") and the barcode
_JOB_FOOTER = re.compile(rf"{JOB_LINE.pattern}|{BARCODE.pattern}|"
                         r"^(?:GE\.)?\d{2}-\d{5}\s+\d{1,4}\s*/\s*\d{1,4}$|"
                         r"^\d{1,4}\s*/\s*\d{1,4}\s+(?:GE\.)?\d{2}-\d{5}$")
# beside a job number in the footer: a front-matter page number ("iii") or the 1990s "/..."
_PAGE_MARK = re.compile(r"^(?:[ivxl]{1,5}|/\s?\.\.\.)$")
# the 1990s running header: the language and "Page 2" on lines of their own
_OLD_HEADER = re.compile(r"^(?:English|Page \d{1,4})$")


def read_pdf(path: Path, data: bytes) -> tuple[list[Block], int]:
    """The blocks of a PDF in reading order and its page count. A file cut short is read
    when pdfium can still rebuild it, with a note; it is refused only when it cannot."""
    from corpus.notes import note

    truncated = b"%%EOF" not in data[-4096:]
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if truncated:
            raise ReadError(path, "truncated or corrupt PDF: the end-of-file marker (%%EOF) "
                                  "is missing") from None
        raise ReadError(path, _open_error(str(exc))) from None
    if truncated:
        note("the end-of-file marker (%%EOF) is missing: the file may be cut short")
    try:
        return _read(path, pdf)
    except pdfium.PdfiumError as exc:
        raise ReadError(path, f"corrupt PDF: {exc}") from None
    finally:
        pdf.close()


def _open_error(message: str) -> str:
    low = message.lower()
    if "password" in low or "security" in low:
        return "encrypted PDF: it is password-protected (remove the password first)"
    if "format" in low or "file error" in low:
        return "corrupt or truncated PDF: pdfium cannot parse it"
    return f"unreadable PDF ({message})"


def _read(path: Path, pdf) -> tuple[list[Block], int]:
    """Each page on its own: a page that fails (damaged content, more objects than
    ``corpus.limits.PAGE_OBJECTS``) is noted and skipped, and the rest is read."""
    from corpus.limits import PAGE_OBJECTS
    from corpus.notes import note

    class Overfull(Exception):
        pass

    def page_lines(index: int):
        page = pdf[index]
        try:
            objects = count_objects(address(page.raw))
            if objects > PAGE_OBJECTS:
                raise Overfull(f"{objects:,} objects on the page (the limit is {PAGE_OBJECTS:,})")
            textpage = page.get_textpage()
            try:
                width, height = page.get_size()
                runs, rules = reader.read(page.raw, textpage.raw, width)
            finally:
                textpage.close()
        finally:
            page.close()
        lines = reading_order(visual_lines(runs), width)
        return (width, height), rules, [segments(line, i) for i, line in enumerate(lines)]

    def failure(number: int, exc: Exception) -> str:
        cause = (str(exc) if isinstance(exc, Overfull) else
                 f"pdfium cannot load it ({exc})" if isinstance(exc, pdfium.PdfiumError) else
                 "its content is damaged")
        return f"page {number} could not be read: {cause}"

    reader = PageReader()
    pages, failed = [], []
    for index in range(len(pdf)):
        try:
            pages.append(page_lines(index))
        except Exception as exc:  # a damaged page must not cost the others
            failed.append(failure(index + 1, exc))
            pages.append(((0.0, 0.0), [], []))
    if failed and len(failed) == len(pages):
        raise ReadError(path, f"no page could be read ({failed[0]})")
    if pages and not any(lines for _, _, lines in pages):
        raise ReadError(path, "no text layer: scanned PDF? (OCR it first)")
    if reader.invisible > reader.visible:
        note("ocr: the text is an OCR layer hidden over scanned pages: words may be misread")
    blocks: list[Block] = []
    layout = Layout([lines for _, _, lines in pages])
    offset = _page_offset(pages)
    notes = Footnotes()
    for number, (size, rules, lines) in enumerate(pages, 1):
        try:
            blocks.extend(_page_blocks(number, size, rules, lines, layout, notes, offset)
                          if lines else [])
        except Exception as exc:
            failed.append(failure(number, exc))
    for message in sorted(failed, key=lambda m: int(m.split()[1])):
        note(message)
    for block in blocks:
        if _HAN.search(block.text):  # curly quotes count as CJK punctuation: English stays as is
            block.text = _zh_text(block.text)
        if block.rows and any(_HAN.search(c) for row in block.rows for c in row):
            block.rows = [[_zh_text(c) for c in row] for row in block.rows]
    return blocks, len(pdf)


def _zh_text(text: str) -> str:
    return _BRACKET_SPACE.sub("", _REF_SPACE.sub("", normalise_zh_spacing(text)))


def _page_offset(pages) -> int:
    """Printed page number less the PDF's page number, from the pages that end with a bare
    number (an Official Records volume prints "18" on its 26th page); 0 if none agree."""
    seen = Counter()
    for number, ((_, height), _, lines) in enumerate(pages, 1):
        last = lines[-1] if lines else None
        if last and len(last) == 1 and last[0].plain().isdigit() and last[0].base < 0.1 * height:
            seen[int(last[0].plain()) - number] += 1
    offset, count = seen.most_common(1)[0] if seen else (0, 0)
    return offset if count >= 3 else 0


def _page_blocks(number: int, size: tuple[float, float], rules, lines: list[list[Segment]],
                 layout: Layout, notes: Footnotes, offset: int = 0) -> list[Block]:
    height = size[1]
    head, foot, body = [], [], []
    if number > 1:
        head = lines[:_running_header(lines, height)]
    for segs in lines[len(head):]:
        top, bottom = max(r.y1 for s in segs for r in s.runs), min(r.y0 for s in segs for r in s.runs)
        if top > 0.88 * height and _furniture_line(segs, number, footer=False):
            head.append(segs)
        elif bottom < 0.1 * height and _furniture_line(segs, number + offset, footer=True):
            foot.append(segs)
        elif all(_JOB_FOOTER.match(_all_text(s)) for s in segs):
            foot.append(segs)  # the job number and barcode, wherever the page puts them
        else:
            body.append(segs)
    cut = notes.cut(rules, body, height, layout.size)
    main = [s for s in body if s[0].base > cut]
    below = [s for s in body if s[0].base <= cut and not SEPARATOR.match(s[0].plain())]
    out = [_furniture_block(segs, number) for segs in head]
    done = 0
    column = layout.right_for(number) - min((s.x0 for segs in main for s in segs), default=0)
    for caption, start, end, last, kind in pdf_tables.find(main, column):
        starts = _column_starts(main[start:end + 1])
        while last == end and end + 1 < len(main) and _wrapped(main[end + 1], starts):
            end = last = end + 1  # the last row's cells wrap below the rows found
        out += body_blocks(main[done:caption], number, layout)
        out.append(_table_block(main[caption:start], main[start:end + 1], main[end + 1:last + 1],
                                number, kind))
        done = last + 1
    out += body_blocks(main[done:], number, layout)
    out += notes.blocks(below, number)
    out += [_furniture_block(segs, number) for segs in foot]
    return out


def _table_block(caption, rows, notes, page: int, kind: str = "table") -> Block:
    """One table or chart: ``text`` is its caption; ``rows`` its lines' cells, then its notes
    (one cell each, with their letter markers as printed)."""
    cells: list[list[str]] = []
    starts = _column_starts(rows)
    placed: list[list[float]] = []  # where each cell of ``cells`` starts
    middles: list[list[float]] = []  # and where its middle stands
    # where rows stand further apart than a cell's lines, a line close under the one above
    # continues its cells, the first column's too
    apart = min((a[0].base - b[0].base for a, b in zip(rows, rows[1:]) if len(b) == len(starts)),
                default=0.0)
    close = [i > 0 and rows[i - 1][0].base - segs[0].base < 0.85 * apart
             for i, segs in enumerate(rows)]
    for i, segs in enumerate(rows):
        row = [s.text() for s in segs]  # with its references to footnotes ("audits²")
        if _wrapped(segs, starts, close[i]) and (not cells or len(cells[-1]) == len(starts)):
            # a Chinese row's cells run on: each joins the one above it, but for the rest of
            # a row the page before cut (under the header row the page repeats)
            if not cells or any(close) and not close[i] and len(cells) == 1:
                cells.append([""] * len(starts))
                placed.append(starts)
                middles.append(starts)
            for seg, text in zip(segs, row):
                k = min(range(len(placed[-1])), key=lambda c: abs(placed[-1][c] - seg.x0))
                cells[-1][k] = join_lines([cells[-1][k], text])
            continue
        if cells and len(cells[-1]) == 1 and row[0][:1].islower():  # a row label wrapped
            row[0] = join_lines([cells.pop()[0], row[0]])
            placed.pop()
            middles.pop()
        cells.append(row)
        placed.append([s.x0 for s in segs])
        middles.append([(s.x0 + s.x1) / 2 for s in segs])
    _under_header(rows, cells, middles)
    for segs in notes:  # a note's wrapped lines join it
        text = _note_text(segs)
        if cells[len(rows):] and not (segs[0].runs[0].sup or pdf_tables.opens_note(text)):
            cells[-1][0] = join_lines([cells[-1][0], text])
        else:
            cells.append([text])
    return Block(text=" ".join(s.plain() for segs in caption for s in segs), page=page,
                 role=kind, heading=False, rows=cells)


def _under_header(rows, cells: list[list[str]], middles: list[list[float]]) -> None:
    """A table of words under a bold or italic header row, no row fuller than the header:
    a row's cells stand in the columns they are printed under, by their middles ("" for
    the empty ones), so
    that a line of the second column alone ("2023/24: 38.7 per cent; ...") is no row label."""
    head = rows[0] if rows else []
    if len(head) < 2 or not all(s.bold or s.italic for s in head) or \
            any(len(row) > len(head) for row in cells):
        return
    centres = [(s.x0 + s.x1) / 2 for s in head]
    bounds = [(a + b) / 2 for a, b in zip(centres, centres[1:])]  # where a column begins
    for i, (row, xs) in enumerate(zip(cells, middles)):
        if i and len(row) < len(head):
            padded = [""] * len(head)
            for text, x in zip(row, xs):
                k = sum(x >= b for b in bounds)
                padded[k] = join_lines([padded[k], text]) if padded[k] else text
            cells[i] = padded


def _column_starts(rows) -> list[float]:
    """Where the columns of a table start: the cells of its fullest row."""
    return [s.x0 for s in max(rows, key=len)] if rows else []


def _wrapped(segs: list[Segment], starts: list[float], close: bool = False) -> bool:
    """A line of a Chinese table that only continues cells of the row above: no cell in
    the first column (unless the line is ``close`` under the row, nearer than rows are to
    each other), each piece Chinese text starting under a column (``starts``) of the table
    (Chinese cells wrap anywhere, so the next line begins mid-word)."""
    if len(starts) < 2 or segs[0].x0 < starts[1] - segs[0].size and not close:
        return False
    return all(_HAN_START.match(s.plain()) and
               min(abs(x - s.x0) for x in starts) < s.size for s in segs)


def _note_text(segs: list[Segment]) -> str:
    """A note line under a table or chart as printed, its raised letter set apart
    ("a" + "Establishment." -> "a Establishment.")."""
    runs = [r for s in segs for r in s.runs]
    if len(runs) > 1 and runs[0].sup:
        return clean(runs[0].text.strip() + " " + "".join(r.text for r in runs[1:]).lstrip())
    return clean("".join(r.text for r in runs))


def _furniture_line(segs: list[Segment], page: int, footer: bool) -> bool:
    """A line in the top or bottom band of the page made only of furniture: the symbol,
    job number, barcode, "3/18", or a bare page number beside a job number (Geneva)."""
    texts = [s.plain() for s in segs]
    marks = [any(r.barcode for r in s.runs) or _furniture_text(t, footer) for s, t in zip(segs, texts)]
    if all(marks) or all(_furniture_text(_all_text(s), footer) for s in segs):
        return True  # (the second: a footer whose job number was set small, "25" + "-04320 17/22")
    return footer and all(m or (t.isdigit() and (any(marks) or int(t) == page))
                          or (any(marks) and _PAGE_MARK.match(t)) for m, t in zip(marks, texts))


def _running_header(lines: list[list[Segment]], height: float) -> int:
    """How many lines at the top of a page are a resolution's or declaration's running
    header: the symbol at one end of a line and the short title at the other, in one bold
    type, the title's first lines above ("A/RES/78/323 | International Day of ...";
    E/HLS/2025/1's title of four lines). A report's second masthead ("General Assembly |
    A/80/1") is set in two types and stays body."""
    for k, segs in enumerate(lines[:6]):
        if not all(s.bold for s in segs) or min(r.y0 for s in segs for r in s.runs) < 0.85 * height:
            return 0
        if len(segs) == 2 and abs(segs[0].runs[0].size - segs[1].runs[0].size) < 0.5:
            symbol = [bool(SYMBOL_LINE.match(t) and any(c.isdigit() for c in t))
                      for t in (s.plain() for s in segs)]
            if symbol[0] != symbol[1]:
                return k + 1
    return 0


def _all_text(seg: Segment) -> str:
    """A segment's text with its raised runs too (a footer's digits may be set small)."""
    return clean("".join(r.text for r in seg.runs))


def _furniture_text(text: str, footer: bool) -> bool:
    if not footer and _OLD_HEADER.match(text):
        return True
    if footer and SYMBOL_LINE.match(text) and not re.search(r"\d{2}-\d{5}", text):
        return False  # a footnote line that is only a symbol is body, not a footer
    return is_furniture(text)


def _furniture_block(segs: list[Segment], page: int) -> Block:
    return Block(text=" ".join(s.plain() for s in segs), page=page, role="furniture", heading=False)
