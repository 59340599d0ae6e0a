"""PDF reader: the page's text objects -> ``Block``s in reading order.

Why text objects: pdfium keeps every show-text operation of the content stream as one
object with one font, one size and one position. Reading ~130 objects a page through
pypdfium2's raw API costs a fraction of per-character calls (and of pdfplumber), yet
tells all this reader needs: bold or larger type (headings), smaller raised type
(footnote markers), the gap to the next object (word spaces decided from geometry, not
from the PDF's own space glyphs alone), short rules (footnote separators) and the page
bands where running headers and footers live.
"""
from __future__ import annotations

import ctypes
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as fpdf

from corpus.blocks import HAN, LABEL, LABEL_ONLY, Block, clean, join_lines, normalise_zh_spacing, ref
from corpus.errors import ReadError
from corpus.readers import pdf_tables
from corpus.furniture import BARCODE, JOB_LINE, SYMBOL_LINE, is_furniture

_PATH = fpdf.FPDF_PAGEOBJ_PATH
_FORCE_BOLD = 1 << 18  # PDF font descriptor flag ForceBold (bit 19)
_ITALIC = 1 << 6  # PDF font descriptor flag Italic (bit 7)
# pdfium's stand-ins for a hyphen that ends a line; UN documents are not hyphenated
# automatically, so such a hyphen belongs to the word (sixty-ninth).
_HYPHENS = str.maketrans({"\x02": "-", "\ufffe": "-", "\r": "", "\n": "", "\x00": ""})
_MARKER = re.compile(r"^(?:\d{1,3}|\*{1,3}|[†‡]|[a-z])$")
_FOOTNOTE_START = re.compile(r"^(\d{1,3}|\*{1,3})\s*$|^(\d{1,3}|\*{1,3})\s+(?=\S)")
_SEPARATOR = re.compile(r"^[_\u2014\u2015]{5,}$")  # a footnote rule typed as underscores
_STARS = re.compile(r"^\*{1,3}\s*$")  # an asterisk glued to a word is a reference, never a figure
_HAN = re.compile(f"[{HAN}]")
_OPENERS = "《“‘（(「『【〈"
# What a line cannot be broken inside: a Han character or a Latin word, with the
# punctuation that may not start or end a line (kinsoku) held to it.
_UNIT = re.compile(f"[《“‘（(「『【〈]*(?:[{HAN}]|[^\\s{HAN}]+)"
                   r"[，。、；：？！”’）》」』】〉,.;:!?)]*")
# a space between a footnote reference and a Han character (临时议程* 项目)
_REF_SPACE = re.compile(f"(?<=\ue001)[ \u3000]+(?=[{HAN}])|(?<=[{HAN}])[ \u3000]+(?=\ue000)")
_DASHES = set("-–—")
# what is furniture wherever a page puts it: a job number with its language letter or its
# page counter ("25-04320 (C) 170325", "25-04320 17/22", "3/18 25-07795") and the barcode
_JOB_FOOTER = re.compile(rf"{JOB_LINE.pattern}|{BARCODE.pattern}|"
                         r"^(?:GE\.)?\d{2}-\d{5}\s+\d{1,4}\s*/\s*\d{1,4}$|"
                         r"^\d{1,4}\s*/\s*\d{1,4}\s+(?:GE\.)?\d{2}-\d{5}$")
# a table cell's number ("14 722.8", "(26.2)", "–"): two of them a wide gap apart are two cells
_CELL = re.compile(r"^\s*(?:[(\[]?[-–—]?\$?\d[\d\s.,]*%?[)\]]?|[-–—])\s*$")
_POWERS = {"2": "²", "3": "³"}
# beside a job number in the footer: a front-matter page number ("iii") or the 1990s "/..."
_PAGE_MARK = re.compile(r"^(?:[ivxl]{1,5}|/\s?\.\.\.)$")
# the 1990s running header: the language and "Page 2" on lines of their own
_OLD_HEADER = re.compile(r"^(?:English|Page \d{1,4})$")
_UNIT_END = re.compile(r"(?<![A-Za-z])(?:[kcmd]?m|ft|mi)\s*$")
_CLOSERS = set(".,;:!?)]’”%")


@dataclass(slots=True)
class _Run:
    """One text object: glyphs in one font and size on one baseline."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    base: float
    size: float
    bold: bool
    barcode: bool = False
    sup: bool = False
    italic: bool = False


class _Segment:
    """Runs of one visual line that belong together (a line may hold two columns, as the
    masthead does: "Economic and Social Council ... Distr.: General"). Built once from
    its runs; its measures are computed once."""

    def __init__(self, runs: list[_Run], line: int = 0):
        self.runs, self.line = runs, line
        self.x0 = runs[0].x0
        self.x1 = max(r.x1 for r in runs)
        # the run that sets the line: the largest non-superscript one
        main = max((r for r in runs if not r.sup), key=lambda r: r.size, default=runs[0])
        self.base, self.size = main.base, main.size
        letters = [(len(r.text.strip()), r.bold, r.italic) for r in runs if not r.sup]
        total = sum(n for n, _, _ in letters)
        self.bold = total > 0 and sum(n for n, bold, _ in letters if bold) >= 0.8 * total
        self.italic = total > 0 and sum(n for n, _, it in letters if it) >= 0.8 * total
        self._plain: str | None = None

    def text(self) -> str:
        """The segment's text with footnote references as sentinels."""
        return _join(self.runs, refs=True)

    def plain(self) -> str:
        """The segment's text without superscript markers."""
        if self._plain is None:
            self._plain = _join([r for r in self.runs if not r.sup], refs=False)
        return self._plain


def _join(runs: list[_Run], refs: bool) -> str:
    """Runs joined with a space where the gap between them is a word space (``_space_gap``);
    superscript markers, and asterisks glued to a word, become sentinels."""
    out = ""
    prev: _Run | None = None
    for run in runs:
        glued = prev is not None and run.x0 - prev.x1 < 0.22 * run.size and _STARS.match(run.text)
        if run.sup and run.text.strip() in _POWERS and _UNIT_END.search(out):
            out = out.rstrip() + _POWERS[run.text.strip()]  # m², km³: an exponent, no marker
            prev = run
            continue
        if refs and (run.sup or glued) and (markers := _markers(run.text)):
            out = out.rstrip() + "".join(ref(m) for m in markers)
            prev = run
            continue
        text = run.text
        if prev is not None and out:
            out, text = out.rstrip(), text.lstrip()
            if _spaced(prev, run, out[-1:], text[:1]):
                out += " "
        out += text
        prev = run
    return clean(out)


def _spaced(a: _Run, b: _Run, left: str, right: str) -> bool:
    """Is there a word space between runs ``a`` and ``b`` (``left``/``right``: the letters
    either side)? The gap on the page decides, not a space glyph at the end of ``a``:
    justified text sets "sixty " + "-" + "sixth" tight. A run that starts with a space
    glyph is measured from that space's origin, so its space is real ("950 " + " in")."""
    if b.text[:1].isspace():
        return True
    return (b.x0 - a.x1) / min(a.size, b.size) > _space_gap(left, right)


def _space_gap(left: str, right: str) -> float:
    """The gap, in ems, above which two runs are two words. Glyph boxes, not advances, are
    measured, so a hyphen's or a "1"'s side bearings look like space: set hyphens and
    dashes measure up to 0.2 em when tight and 0.4 em when spaced."""
    if right in _CLOSERS:
        return 0.5
    if left.isdigit() and right.isdigit():
        return 0.35  # a "1" has wide side bearings: "1" + "8." is 18, not "1 8."
    if left in _DASHES or right in _DASHES:
        return 0.3
    return 0.2


def _markers(text: str) -> list[str]:
    parts = [p for p in re.split(r"[\s,，]+", text.strip()) if p]
    return parts if parts and all(_MARKER.match(p) for p in parts) else []


def _by_address(func):
    """pypdfium2's binding of ``func`` with every pointer passed and returned as a plain
    address: ctypes then builds no pointer object per call (the page loop makes ~2,000
    calls a page). The signature is pypdfium2's own, with pointers made ``c_void_p``."""
    def plain(t):
        return ctypes.c_void_p if t is not None and hasattr(t, "contents") else t
    return ctypes.cast(func, ctypes.CFUNCTYPE(plain(func.restype), *map(plain, func.argtypes)))


_count_objects = _by_address(fpdf.FPDFPage_CountObjects)
_get_object = _by_address(fpdf.FPDFPage_GetObject)
_get_type = _by_address(fpdf.FPDFPageObj_GetType)
_get_bounds = _by_address(fpdf.FPDFPageObj_GetBounds)
_get_matrix = _by_address(fpdf.FPDFPageObj_GetMatrix)
_get_text = _by_address(fpdf.FPDFTextObj_GetText)
_get_size = _by_address(fpdf.FPDFTextObj_GetFontSize)
_get_font = _by_address(fpdf.FPDFTextObj_GetFont)
_get_render_mode = _by_address(fpdf.FPDFTextObj_GetTextRenderMode)
_INVISIBLE = fpdf.FPDF_TEXTRENDERMODE_INVISIBLE
_font_name = _by_address(fpdf.FPDFFont_GetBaseFontName)
_font_weight = _by_address(fpdf.FPDFFont_GetWeight)
_font_flags = _by_address(fpdf.FPDFFont_GetFlags)


_count_chars = _by_address(fpdf.FPDFText_CountChars)
_char_object = _by_address(fpdf.FPDFText_GetTextObject)
_char_unicode = _by_address(fpdf.FPDFText_GetUnicode)
_LINEAR_FROM = 3000  # objects on a page


def _texts_by_object(textpage: int) -> dict[int, str]:
    """Every text object's text from one pass over the page's characters, as
    ``FPDFTextObj_GetText`` gives it one object at a time (a space pdfium put after an
    object's last character included)."""
    chars: dict[int, list[str]] = {}
    last = None
    for i in range(_count_chars(textpage)):
        obj, code = _char_object(textpage, i), _char_unicode(textpage, i)
        if obj:
            if code:
                chars.setdefault(obj, []).append(chr(code))
            last = obj
        elif code == 32 and last:
            chars.setdefault(last, []).append(" ")
            last = None
        else:
            last = None
    return {obj: "".join(c) for obj, c in chars.items()}


def _address(handle) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value


class _Fonts:
    """Bold or not, per font handle: asked once per font, not once per object."""

    def __init__(self):
        self.cache: dict[int, tuple[bool, bool]] = {}
        self.buf = ctypes.create_string_buffer(256)

    def style(self, font: int) -> tuple[bool, bool, bool]:
        """(bold, barcode, italic) of a font handle."""
        hit = self.cache.get(font)
        if hit is None:
            n = _font_name(font, ctypes.addressof(self.buf), 256)
            name = self.buf.raw[: max(n - 1, 0)].decode("latin-1").lower()
            bold = (any(w in name for w in ("bold", "black", "heavy", "semibold", "demi"))
                    or _font_weight(font) >= 600
                    or bool(_font_flags(font) & _FORCE_BOLD))
            italic = any(w in name for w in ("italic", "oblique")) or bool(_font_flags(font) & _ITALIC)
            hit = self.cache[font] = (bold, "barcode" in name, italic)
        return hit


class _PageReader:
    """Reads the text objects and short rules of one page through the raw pdfium API
    (this loop runs ~100-400 times a page: it keeps to one call per fact)."""

    def __init__(self):
        self.fonts = _Fonts()
        self.buf = (ctypes.c_ushort * 4096)()
        self.box = (ctypes.c_float * 4)()  # left, bottom, right, top
        self.matrix = (ctypes.c_float * 6)()  # a b c d e f: f is the baseline's y
        self.fsize = ctypes.c_float()
        self.invisible = self.visible = 0  # characters: OCR of a scan is set invisible

    def read(self, page, textpage, width: float) -> tuple[list[_Run], list[tuple[float, float, float]]]:
        runs: list[_Run] = []
        rules: list[tuple[float, float, float]] = []
        page, textpage = _address(page), _address(textpage)
        box, matrix, fsize = self.box, self.matrix, self.fsize
        at = ctypes.addressof(box)
        l, b, r, t = at, at + 4, at + 8, at + 12
        pmatrix, pfsize = ctypes.addressof(matrix), ctypes.addressof(fsize)
        buf, cap = self.buf, ctypes.sizeof(self.buf)
        pbuf = ctypes.addressof(buf)
        get_object, get_text, get_bounds = _get_object, _get_text, _get_bounds
        get_matrix, get_size, get_font = _get_matrix, _get_size, _get_font
        style, string_at = self.fonts.style, ctypes.string_at
        count = _count_objects(page)
        # pdfium finds one object's text by scanning the page's characters: fine for a few
        # hundred objects, quadratic for a page of thousands; then one pass over the
        # characters gives every object's text at once
        texts = _texts_by_object(textpage) if count > _LINEAR_FROM else None
        for i in range(count):
            obj = get_object(page, i)
            if texts is not None:
                text = texts.get(obj, "")
                n = 3 if text else 0
            else:
                n = get_text(obj, textpage, pbuf, cap)  # 0 for objects that are not text
                if n > cap:
                    big = (ctypes.c_ushort * (n // 2 + 1))()
                    n = get_text(obj, textpage, ctypes.addressof(big), ctypes.sizeof(big))
                    text = string_at(big, n - 2).decode("utf-16-le", "replace")
                elif n > 2:  # n counts the terminating NUL
                    text = string_at(pbuf, n - 2).decode("utf-16-le", "replace")
            if n > 2:
                if not text.strip():
                    continue
                get_bounds(obj, l, b, r, t)
                get_matrix(obj, pmatrix)
                x0, y0, x1, y1 = box
                if abs(matrix[1]) > abs(matrix[0]) and (x1 < 0.12 * width or x0 > 0.88 * width):
                    continue  # a landscape page's running header or footer, set on its side
                get_size(obj, pfsize)
                bold, barcode, italic = style(get_font(obj))
                if _get_render_mode(obj) == _INVISIBLE:
                    self.invisible += len(text)
                else:
                    self.visible += len(text)
                runs.append(_Run(text.translate(_HYPHENS), x0, y0, x1, y1,
                                 matrix[5], fsize.value or (y1 - y0), bold, barcode,
                                 italic=italic))
            elif n == 0 and _get_type(obj) == _PATH:
                get_bounds(obj, l, b, r, t)
                x0, y0, x1, y1 = box
                if y1 - y0 < 2 and 20 < x1 - x0 < 0.3 * width:
                    rules.append((y1, x0, x1))
        return runs, rules


def _lines(runs: list[_Run]) -> list[list[_Run]]:
    """Group runs into visual lines, top to bottom; a smaller run raised above a line is a
    superscript of that line (a footnote marker), not a line of its own."""
    runs.sort(key=lambda r: -r.base)
    lines: list[list[_Run]] = []
    for run in runs:
        if lines:
            head = lines[-1][0]
            if abs(head.base - run.base) <= 0.3 * min(head.size, run.size):
                lines[-1].append(run)
                continue
        lines.append([run])
    merged: list[list[_Run]] = []
    for i, line in enumerate(lines):
        size = max(r.size for r in line)
        below = lines[i + 1] if i + 1 < len(lines) else None
        if below is not None:
            bsize = max(r.size for r in below)
            rise = line[0].base - max(r.base for r in below if r.size == bsize)
            # a note's own marker, set in the note's size but raised, just left of its text
            # (or hanging in the margin before the note's indented text, up to 2.5 ems)
            gap = min(r.x0 for r in below) - line[0].x1
            lead = (len(line) == 1 and _MARKER.match(line[0].text.strip()) is not None
                    and -0.6 * bsize <= gap <= 2.5 * bsize)
            if (size <= 0.8 * bsize or lead) and 0 < rise <= 0.7 * bsize and \
                    (lead or _beside(line, below)):
                for r in line:
                    r.sup = True
                below.extend(line)
                continue
        merged.append(line)
    for line in merged:
        size = max(r.size for r in line)
        base = min(r.base for r in line if r.size == size)
        for r in line:
            if not r.sup and r.size <= 0.8 * size and r.base - base >= 0.15 * size:
                r.sup = True
        line.sort(key=lambda r: r.x0)
    return merged


def _beside(sups: list[_Run], line: list[_Run]) -> bool:
    """Each raised run touches (or nearly touches) a run of the line below horizontally."""
    return all(any(r.x0 - 3 * s.size <= s.x0 <= r.x1 + 3 * s.size for r in line) for s in sups)


def _segments(line: list[_Run], index: int) -> list[_Segment]:
    """Split a line where the gap is wider than a column gutter, but never cut a paragraph
    number or label ("12.", "(a)", "I.", "一、") or a note's hanging marker from its text. Neighbouring runs in the
    same type are merged on the way (PDFs from Word or LibreOffice switch objects at
    every font fallback: Han, then Latin digits, then Han)."""
    groups: list[list[_Run]] = [[]]
    merged = _Merged(line[0])
    right = line[0].x1
    for run in line[1:]:
        last = merged.last
        gap = (run.x0 - right) / min(run.size, last.size)
        if (gap > 2.5 or gap > 0.8 and _CELL.match(run.text) and _CELL.match(last.text)) \
                and not last.sup \
                and not LABEL_ONLY.match(_join(groups[-1] + [merged.run()], refs=False)):
            groups[-1].append(merged.run())
            groups.append([])
            merged = _Merged(run)
        elif (run.size == last.size and run.bold == last.bold and run.italic == last.italic
              and not (run.sup or last.sup)
              and run.barcode == last.barcode and not merged.marker and not _STARS.match(run.text)):
            merged.add(run)
        else:
            groups[-1].append(merged.run())
            merged = _Merged(run)
        if run.x1 > right:
            right = run.x1
    groups[-1].append(merged.run())
    return [_Segment(group, index) for group in groups]


class _Merged:
    """Neighbouring runs in the same type becoming one, spaced as ``_join`` spaces them."""

    def __init__(self, run: _Run):
        self.first = self.last = run
        self.marker = bool(_MARKER.match(run.text.strip()))  # a footnote's marker stays apart
        self.pieces = [run.text]
        self.x1, self.y0, self.y1 = run.x1, run.y0, run.y1

    def add(self, run: _Run) -> None:
        text = run.text.lstrip()
        pieces = self.pieces
        left = pieces[-1] = pieces[-1].rstrip()
        if _spaced(self.last, run, left[-1:], text[:1]):
            pieces.append(" ")
        pieces.append(text)
        self.last = run
        if run.x1 > self.x1:
            self.x1 = run.x1
        if run.y0 < self.y0:
            self.y0 = run.y0
        if run.y1 > self.y1:
            self.y1 = run.y1

    def run(self) -> _Run:
        first = self.first
        if self.last is first:
            return first
        return _Run("".join(self.pieces), first.x0, self.y0, self.x1, self.y1, first.base,
                    first.size, first.bold, first.barcode, italic=first.italic)


@dataclass
class _Open:
    """A body block being built: its segments, top to bottom."""

    segs: list[_Segment] = field(default_factory=list)

    @property
    def last(self) -> _Segment:
        return self.segs[-1]


class _Layout:
    """Measures that decide block breaks: body type size, line pitch per type size and the
    right edge of the text column per page. Per page and per size, because one file may
    bind documents set differently (a letter in 10 pt before an annex in 14 pt, landscape
    tables between portrait pages)."""

    def __init__(self, pages: list[list[list[_Segment]]]):
        sizes: Counter[float] = Counter()
        pitches: dict[float, Counter[float]] = {}
        rights: list[float] = []
        self.rights: list[float | None] = []
        for lines in pages:
            prev = None
            page_rights = []
            for segs in lines:
                for s in segs:
                    for r in s.runs:
                        if not r.sup:
                            sizes[round(r.size, 1)] += len(r.text)
                    page_rights.append(s.x1)
                if prev is not None and len(segs) == 1 and len(prev) == 1 and \
                        round(prev[0].size, 1) == round(segs[0].size, 1):
                    pitches.setdefault(round(segs[0].size, 1), Counter())[
                        round(prev[0].base - segs[0].base, 1)] += 1
                prev = segs
            rights += page_rights
            self.rights.append(_justified_edge([s for segs in lines for s in segs]))
        self.size = sizes.most_common(1)[0][0] if sizes else 10.0
        self.pitches = {}
        for size, counts in pitches.items():
            fit = [p for p, _ in counts.most_common() if 1.0 * size <= p <= 2.2 * size]
            if fit:
                self.pitches[size] = fit[0]
        self.pitch = self.pitches.get(self.size, 1.2 * self.size)
        rights.sort()
        self.right = rights[int(0.75 * (len(rights) - 1))] if rights else 0.0

    def pitch_for(self, size: float) -> float:
        """The line pitch of text in type ``size`` (scaled from the body's when unseen)."""
        return self.pitches.get(round(size, 1), self.pitch * size / self.size)

    def right_for(self, page: int) -> float:
        """The right edge of the text column on ``page`` (1-based)."""
        right = self.rights[page - 1] if 0 < page <= len(self.rights) else None
        return right if right is not None else self.right

    def heading(self, segs: list[_Segment]) -> bool:
        return all(s.bold or s.italic for s in segs) or min(s.size for s in segs) >= 1.15 * self.size

    def continues(self, block: _Open, seg: _Segment, page: int) -> bool:
        """Does ``seg`` carry on ``block`` (same column, next line, same type, not a new
        numbered item, and the previous line was full, i.e. the text wrapped)?"""
        a = block.last
        if seg.line == a.line or not (seg.x0 < a.x1 and seg.x1 > a.x0):
            return False
        pitch = self.pitch_for(max(a.size, seg.size))
        if a.base - seg.base > 1.3 * pitch or a.base <= seg.base:
            return False
        if abs(a.size - seg.size) > 0.15 * a.size or a.bold != seg.bold or a.italic != seg.italic:
            return False
        if LABEL.match(seg.plain()):
            return False
        # titles in large type wrap at their own right indent: no "ended short" test there
        return a.size >= 1.15 * self.size or not _ended_short(a, seg, self.right_for(page))


def _justified_edge(segs: list[_Segment]) -> float | None:
    """The x where most full lines of a page end (justified text ends on the margin); only
    lines wider than half the page's text are counted, so that the right-aligned columns
    of a table do not set it. None when no three lines end together (a title page, a
    chart)."""
    if not segs:
        return None
    left, right = min(s.x0 for s in segs), max(s.x1 for s in segs)
    counts = Counter(round(s.x1) for s in segs if s.x1 - s.x0 > 0.5 * (right - left))
    if not counts:
        return None
    x, n = max(((x, counts[x - 1] + counts[x] + counts[x + 1]) for x in counts),
               key=lambda xn: (xn[1], xn[0]))
    return x + 1.0 if n >= 3 else None


def _ended_short(a: _Segment, b: _Segment, right: float) -> bool:
    """True when the first unbreakable unit of ``b`` would have fitted at the end of
    ``a``: the line was ended on purpose (a paragraph or masthead line), not wrapped."""
    if a.plain().endswith("-"):
        return False
    runs = [r for r in b.runs if not r.sup]
    text = "".join(r.text for r in runs)
    lead = len(text) - len(text.lstrip())
    unit = _UNIT.match(text, lead)
    if not runs or unit is None:
        return False
    end, seen, x = unit.end(), 0, b.x0
    for run in runs:  # x where the unit ends, pro rata inside the run that holds its end
        if seen + len(run.text) >= end:
            x = run.x0 + (run.x1 - run.x0) * (end - seen) / max(len(run.text), 1)
            break
        seen += len(run.text)
    width = x - b.x0
    if _HAN.match(unit.group(0).lstrip(_OPENERS)):
        # Chinese lines end ragged by up to two characters (punctuation that may not
        # start or end a line pulls a neighbour along), and take no space
        return a.x1 + max(width, 2 * a.size) < right - 0.5 * a.size
    return a.x1 + 0.25 * a.size + width < right - 0.5 * a.size


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
            objects = _count_objects(_address(page.raw))
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
        return (width, height), rules, [_segments(line, i) for i, line in enumerate(_lines(runs))]

    def failure(number: int, exc: Exception) -> str:
        cause = (str(exc) if isinstance(exc, Overfull) else
                 f"pdfium cannot load it ({exc})" if isinstance(exc, pdfium.PdfiumError) else
                 "its content is damaged")
        return f"page {number} could not be read: {cause}"

    reader = _PageReader()
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
    layout = _Layout([lines for _, _, lines in pages])
    notes = _Footnotes()
    for number, (size, rules, lines) in enumerate(pages, 1):
        try:
            blocks.extend(_page_blocks(number, size, rules, lines, layout, notes) if lines else [])
        except Exception as exc:
            failed.append(failure(number, exc))
    for message in sorted(failed, key=lambda m: int(m.split()[1])):
        note(message)
    for block in blocks:
        if _HAN.search(block.text):  # curly quotes count as CJK punctuation: English stays as is
            block.text = _REF_SPACE.sub("", normalise_zh_spacing(block.text))
    return blocks, len(pdf)


def _page_blocks(number: int, size: tuple[float, float], rules, lines: list[list[_Segment]],
                 layout: _Layout, notes: _Footnotes) -> list[Block]:
    height = size[1]
    head, foot, body = [], [], []
    for segs in lines:
        top, bottom = max(r.y1 for s in segs for r in s.runs), min(r.y0 for s in segs for r in s.runs)
        if top > 0.88 * height and _furniture_line(segs, number, footer=False):
            head.append(segs)
        elif bottom < 0.1 * height and _furniture_line(segs, number, footer=True):
            foot.append(segs)
        elif all(_JOB_FOOTER.match(_all_text(s)) for s in segs):
            foot.append(segs)  # the job number and barcode, wherever the page puts them
        else:
            body.append(segs)
    cut = notes.cut(rules, body, height, layout.size)
    main = [s for s in body if s[0].base > cut]
    below = [s for s in body if s[0].base <= cut and not _SEPARATOR.match(s[0].plain())]
    out = [_furniture_block(segs, number) for segs in head]
    done = 0
    column = layout.right_for(number) - min((s.x0 for segs in main for s in segs), default=0)
    for caption, start, end, last in pdf_tables.find(main, column):
        out += _body_blocks(main[done:caption], number, layout)
        out.append(_table_block(main[caption:start], main[start:end + 1], main[end + 1:last + 1],
                                number))
        done = last + 1
    out += _body_blocks(main[done:], number, layout)
    out += notes.blocks(below, number)
    out += [_furniture_block(segs, number) for segs in foot]
    return out


def _table_block(caption, rows, notes, page: int) -> Block:
    """One table or chart: ``text`` is its caption; ``rows`` its lines' cells, then its notes
    (one cell each, with their letter markers as printed)."""
    cells: list[list[str]] = []
    for segs in rows:
        row = [s.text() for s in segs]  # with its references to footnotes ("audits²")
        if cells and len(cells[-1]) == 1 and row[0][:1].islower():  # a row label wrapped
            row[0] = join_lines([cells.pop()[0], row[0]])
        cells.append(row)
    cells += [[clean("".join(r.text for s in segs for r in s.runs))] for segs in notes]
    return Block(text=" ".join(s.plain() for segs in caption for s in segs), page=page,
                 role="table", heading=False, rows=cells)


def _furniture_line(segs: list[_Segment], page: int, footer: bool) -> bool:
    """A line in the top or bottom band of the page made only of furniture: the symbol,
    job number, barcode, "3/18", or a bare page number beside a job number (Geneva)."""
    texts = [s.plain() for s in segs]
    marks = [any(r.barcode for r in s.runs) or _furniture_text(t, footer) for s, t in zip(segs, texts)]
    if all(marks) or all(_furniture_text(_all_text(s), footer) for s in segs):
        return True  # (the second: a footer whose job number was set small, "25" + "-04320 17/22")
    return footer and all(m or (t.isdigit() and (any(marks) or int(t) == page))
                          or (any(marks) and _PAGE_MARK.match(t)) for m, t in zip(marks, texts))


def _all_text(seg: _Segment) -> str:
    """A segment's text with its raised runs too (a footer's digits may be set small)."""
    return clean("".join(r.text for r in seg.runs))


def _furniture_text(text: str, footer: bool) -> bool:
    if not footer and _OLD_HEADER.match(text):
        return True
    if footer and SYMBOL_LINE.match(text) and not re.search(r"\d{2}-\d{5}", text):
        return False  # a footnote line that is only a symbol is body, not a footer
    return is_furniture(text)


def _furniture_block(segs: list[_Segment], page: int) -> Block:
    return Block(text=" ".join(s.plain() for s in segs), page=page, role="furniture", heading=False)


def _note_start(seg: _Segment) -> tuple[str, list[_Run]] | None:
    """(marker, the remaining runs) when the segment opens a footnote: a superscript
    marker, or a number/asterisk standing apart at the start of the line."""
    first = seg.runs[0]
    if first.sup and _MARKER.match(first.text.strip()):
        return first.text.strip(), seg.runs[1:]
    m = _FOOTNOTE_START.match(first.text)
    if m is None:
        return None
    if m.group(1):
        rest = seg.runs[1:]
        if rest and rest[0].text.startswith("/"):  # "1" + "/ See A/50/23": a 1990s note mark
            rest = [replace(rest[0], text=rest[0].text[1:])] + rest[1:]
        elif rest and rest[0].text.lstrip()[:1] in _CLOSERS:
            return None  # "16" + ". " is a paragraph number
        return m.group(1), rest  # (rest empty: the marker alone on its line, its text below)
    return m.group(2), [replace(first, text=first.text[m.end():])] + seg.runs[1:]


class _Footnotes:
    """The footnotes of the document so far, and the separator rules that introduced
    them: a rule of the same geometry on a later page with no marker under it introduces
    the continuation of the last footnote."""

    def __init__(self):
        self.notes: list[Block] = []
        self.rules: set[tuple[int, int]] = set()

    def cut(self, rules, body: list[list[_Segment]], height: float, size: float) -> float:
        """Baseline below which the footnotes sit: a short rule (drawn, or typed as
        underscores) in the lower part of the page when the first line under it opens or
        continues a footnote and no numbered paragraph in body type (``size``) stands under
        it: the rules of a masthead sit high on the page, and the rule under a table has
        its notes and then running text below it."""
        typed = [(segs[0].base, segs[0].x0, segs[0].x1) for segs in body
                 if len(segs) == 1 and _SEPARATOR.match(segs[0].plain())]
        for y, x0, x1 in sorted(list(rules) + typed, reverse=True):
            under = [segs for segs in body if segs[0].base < y - 1]
            if y > 0.7 * height or not under or abs(under[0][0].x0 - x0) > 80:
                continue
            if any(segs[0].size >= 0.95 * size and LABEL.match(segs[0].plain()) for segs in under):
                continue  # a numbered paragraph in body type: running text, not a note
            shape = (round(x0), round(x1))
            start = _note_start(under[0][0])
            if start is None:  # an unmarked note first ("FS, Field Service; ..."), in note type
                start = next((st for segs in under[1:4] if segs[0].size < 0.95 * size
                              and (st := _note_start(segs[0])) is not None), None)
                start = start if start and under[0][0].size < 0.95 * size and \
                    all(len(segs) == 1 for segs in under[:4]) else None
            prose = all(len(segs) == 1 for segs in under[:2])  # not the rows of a table
            # a separator seen before, with no mark under it: the last note runs on
            runs_on = shape in self.rules and self.notes and prose and \
                not self.notes[-1].text.rstrip().endswith((".", ";", ":"))
            if prose and start is not None and self._next(start[0]) or runs_on:
                self.rules.add(shape)
                return y
        return float("-inf")

    def blocks(self, lines: list[list[_Segment]], page: int) -> list[Block]:
        """Footnote blocks of one page; lines before the first marker continue the last
        footnote of an earlier page (and are joined to it, not returned again), unless that
        one ended its sentence: then they are a note printed without a mark (marker ""), as
        UN reports print "Note: the following abbreviations ..."."""
        out: list[Block] = []
        parts: list[str] = []
        column = None  # where this page's markers stand: a number further right is text
        for i, segs in enumerate(lines):
            if i == 0 and _note_start(segs[0]) is None and self.notes and \
                    self.notes[-1].text.rstrip().endswith((".", ";")):
                self.notes.append(Block(text="", page=page, role="footnote", heading=False, marker=""))
                out.append(self.notes[-1])
            start = _note_start(segs[0])
            # right of the markers' column, a number carries on an unfinished note
            # ("[Cited" / "22 February 2025]"); after a finished one it opens the next
            inside = column is not None and segs[0].x0 >= column + 3 and parts and \
                not parts[-1].rstrip().endswith((".", ";", ":", "/", ")", "]"))
            if start is not None and not inside and self._next(start[0], page):
                column = segs[0].x0
                self._flush(parts)
                marker, runs = start
                segs = [_Segment(runs, segs[0].line)] + segs[1:] if runs else segs[1:]
                self.notes.append(Block(text="", page=page, role="footnote", heading=False,
                                        marker=marker))
                out.append(self.notes[-1])
            parts.append(" ".join(s.text() for s in segs))
        self._flush(parts)
        return out

    def _next(self, marker: str, page: int | None = None) -> bool:
        """A number opens a footnote only when it can follow the previous one (so a line
        of a footnote that starts with "2024" or "12" continues it); numbering starts
        again at 1 only on a new page (an annex), never under footnote 10 of this one."""
        if not marker.isdigit():
            return True
        if not self.notes:
            return int(marker) <= 3  # a document's first footnote is 1 (not "202" of "2025")
        last = next((n.marker for n in reversed(self.notes) if n.marker and n.marker.isdigit()), "0")
        restart = int(marker) == 1 and (page is None or self.notes[-1].page != page)
        return restart or int(last) < int(marker) <= int(last) + 5

    def _flush(self, parts: list[str]) -> None:
        if parts and self.notes:
            self.notes[-1].text = join_lines([self.notes[-1].text, *parts])
        parts.clear()


def _body_blocks(lines: list[list[_Segment]], page: int, layout: _Layout) -> list[Block]:
    done: list[_Open] = []
    open_: list[_Open] = []
    for segs in lines:
        still: list[_Open] = []
        for seg in segs:
            host = next((b for b in open_ if b not in still and layout.continues(b, seg, page)), None)
            if host is None:
                host = _Open()
                done.append(host)
            host.segs.append(seg)
            still.append(host)
        open_ = still + [b for b in open_ if b not in still and
                         b.last.base - segs[0].base < 3 * layout.pitch_for(b.last.size)]
    done.sort(key=lambda b: (b.segs[0].line, b.segs[0].x0))
    return [Block(text=join_lines([s.text() for s in b.segs]), page=page, role="body",
                  heading=layout.heading(b.segs)) for b in done]
