"""pdfium's text objects -> ``Run``s: one call per fact through pypdfium2's raw API.

Why text objects: pdfium keeps every show-text operation of the content stream as one
object with one font, one size and one position. Reading ~130 objects a page costs a
fraction of per-character calls (and of pdfplumber), yet tells all the reader needs: bold
or larger type, smaller raised type, the gap to the next object, and short rules.
"""
from __future__ import annotations

import codecs
import ctypes
import struct
from dataclasses import dataclass

import pypdfium2.raw as fpdf

from corpus.readers.faces import face, font_name

_PATH = fpdf.FPDF_PAGEOBJ_PATH
_FORCE_BOLD = 1 << 18  # PDF font descriptor flag ForceBold (bit 19)
_ITALIC = 1 << 6  # PDF font descriptor flag Italic (bit 7)
# pdfium's stand-ins for a hyphen that ends a line; UN documents are not hyphenated
# automatically, so such a hyphen belongs to the word (sixty-ninth).
# (PageReader.read looks for these five before it translates)
_HYPHENS = str.maketrans({"\x02": "-", "\ufffe": "-", "\r": "", "\n": "", "\x00": ""})


@dataclass(slots=True)
class Run:
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
    # where runs merged into this one were a cell gap apart: (left x1, right x0, index in text)
    cuts: tuple[tuple[float, float, int], ...] = ()



def _by_address(func):
    """pypdfium2's binding of ``func`` with every pointer passed and returned as a plain
    address: ctypes then builds no pointer object per call (the page loop makes ~2,000
    calls a page). The signature is pypdfium2's own, with pointers made ``c_void_p``."""
    def plain(t):
        return ctypes.c_void_p if t is not None and hasattr(t, "contents") else t
    return ctypes.cast(func, ctypes.CFUNCTYPE(plain(func.restype), *map(plain, func.argtypes)))


count_objects = _by_address(fpdf.FPDFPage_CountObjects)
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
LINEAR_FROM = 3000  # objects on a page
_FACTS = struct.Struct("11f")  # PageReader.facts: bounds, matrix, font size
_decode = codecs.utf_16_le_decode  # (final: a lone surrogate at the end is replaced too)


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


def address(handle) -> int:
    """The integer address of a pdfium handle, for the raw API calls."""
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
            name = font_name(self.buf.raw[: max(n - 1, 0)])
            hei, kai = face(name)  # a Chinese heading's 黑体, a Chinese "italic" 楷体
            bold = (hei or any(w in name for w in ("bold", "black", "heavy", "semibold", "demi"))
                    or _font_weight(font) >= 600
                    or bool(_font_flags(font) & _FORCE_BOLD))
            italic = kai or any(w in name for w in ("italic", "oblique")) or \
                bool(_font_flags(font) & _ITALIC)
            hit = self.cache[font] = (bold, "barcode" in name, italic)
        return hit


class PageReader:
    """Reads the text objects and short rules of one page through the raw pdfium API
    (this loop runs ~100-400 times a page: it keeps to one call per fact, and to a few
    Python operations per object: the bounds, matrix and size share one buffer read in
    one unpack, the text is decoded from a view of the buffer, a font's style is a dict
    hit)."""

    def __init__(self):
        self.fonts = _Fonts()
        self.buf = (ctypes.c_ushort * 4096)()
        # left, bottom, right, top; the matrix a b c d e f (f: the baseline's y); the size
        self.facts = (ctypes.c_float * 11)()
        self.invisible = self.visible = 0  # characters: OCR of a scan is set invisible

    def read(self, page, textpage, width: float) -> tuple[list[Run], list[tuple[float, float, float]]]:
        """The text runs and the short horizontal rules of one page (``width`` points wide)."""
        runs: list[Run] = []
        rules: list[tuple[float, float, float]] = []
        page, textpage = address(page), address(textpage)
        facts = self.facts
        l = ctypes.addressof(facts)
        b, r, t, pmatrix, pfsize = l + 4, l + 8, l + 12, l + 16, l + 40
        unpack = _FACTS.unpack_from
        buf, cap = self.buf, ctypes.sizeof(self.buf)
        pbuf, view = ctypes.addressof(buf), memoryview(buf).cast("B")
        get_object, get_text, get_bounds = _get_object, _get_text, _get_bounds
        get_matrix, get_size, get_font = _get_matrix, _get_size, _get_font
        get_render_mode = _get_render_mode
        fonts, style = self.fonts.cache, self.fonts.style
        decode, hyphens, append = _decode, _HYPHENS, runs.append
        narrow, wide = 0.12 * width, 0.88 * width
        invisible = _INVISIBLE
        count = count_objects(page)
        # pdfium finds one object's text by scanning the page's characters: fine for a few
        # hundred objects, quadratic for a page of thousands; then one pass over the
        # characters gives every object's text at once
        texts = _texts_by_object(textpage) if count > LINEAR_FROM else None
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
                    text = decode(memoryview(big).cast("B")[: n - 2], "replace", True)[0]
                elif n > 2:  # n counts the terminating NUL
                    text = decode(view[: n - 2], "replace", True)[0]
            if n > 2:
                if text.isspace():  # (never empty here)
                    continue
                get_bounds(obj, l, b, r, t)
                get_matrix(obj, pmatrix)
                x0, y0, x1, y1, ma, mb, mc, md, _, base, _ = unpack(facts)
                if abs(mb) > abs(ma) and (x1 < narrow or x0 > wide):
                    continue  # a landscape page's running header or footer, set on its side
                get_size(obj, pfsize)
                font = get_font(obj)
                bold, barcode, italic = fonts.get(font) or style(font)
                if get_render_mode(obj) == invisible:
                    self.invisible += len(text)
                else:
                    self.visible += len(text)
                size = facts[10] or (y1 - y0)
                scale = abs(ma * md - mb * mc) ** 0.5
                if abs(scale - 1) > 0.1:  # "/F1 1 Tf" scaled by the text matrix to 10 pt
                    size *= scale
                if "\x02" in text or "\ufffe" in text or "\r" in text or "\n" in text \
                        or "\x00" in text:  # (translate() costs more than the five looks)
                    text = text.translate(hyphens)
                append(Run(text, x0, y0, x1, y1, base, size, bold, barcode, italic=italic))
            elif n == 0 and _get_type(obj) == _PATH:
                get_bounds(obj, l, b, r, t)
                x0, y0, x1, y1 = unpack(facts)[:4]
                if y1 - y0 < 2 and 20 < x1 - x0 < 0.3 * width:
                    rules.append((y1, x0, x1))
        return runs, rules
