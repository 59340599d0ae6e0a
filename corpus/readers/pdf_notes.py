"""Footnotes of a PDF: where the notes of a page begin (the separator rule and a marker
under it) and which numbers open a note rather than carry one on."""
from __future__ import annotations

import re
from dataclasses import replace

from corpus.blocks import LABEL, Block, join_lines
from corpus.readers.pdf_lines import CLOSERS, MARKER, Segment
from corpus.readers.pdf_objects import Run

# the notes UN documents print under the rule without a mark
_UNMARKED = re.compile(r"^(?:Notes?|Abbreviations)\s*:|^注\s*[:：]")

_FOOTNOTE_START = re.compile(r"^(\d{1,3}|\*{1,3})\s*$|^(\d{1,3}|\*{1,3})\s+(?=\S)")
SEPARATOR = re.compile(r"^[_\u2014\u2015]{5,}$")  # a footnote rule typed as underscores


def note_start(seg: Segment) -> tuple[str, list[Run]] | None:
    """(marker, the remaining runs) when the segment opens a footnote: a superscript
    marker, or a number/asterisk standing apart at the start of the line."""
    first = seg.runs[0]
    if first.sup and MARKER.match(first.text.strip()):
        return first.text.strip(), seg.runs[1:]
    m = _FOOTNOTE_START.match(first.text)
    if m is None:
        return None
    if m.group(1):
        rest = seg.runs[1:]
        if rest and rest[0].text.startswith("/"):  # "1" + "/ See A/50/23": a 1990s note mark
            rest = [replace(rest[0], text=rest[0].text[1:])] + rest[1:]
        elif rest and rest[0].text.lstrip()[:1] in CLOSERS:
            return None  # "16" + ". " is a paragraph number
        return m.group(1), rest  # (rest empty: the marker alone on its line, its text below)
    return m.group(2), [replace(first, text=first.text[m.end():])] + seg.runs[1:]


class Footnotes:
    """The footnotes of the document so far, and the separator rules that introduced
    them: a rule of the same geometry on a later page with no marker under it introduces
    the continuation of the last footnote."""

    def __init__(self):
        self.notes: list[Block] = []
        self.rules: set[tuple[int, int]] = set()

    def cut(self, rules, body: list[list[Segment]], height: float, size: float) -> float:
        """Baseline below which the footnotes sit: a short rule (drawn, or typed as
        underscores) in the lower part of the page when the first line under it opens or
        continues a footnote and no numbered paragraph in body type (``size``) stands under
        it: the rules of a masthead sit high on the page, and the rule under a table has
        its notes and then running text below it."""
        typed = [(segs[0].base, segs[0].x0, segs[0].x1) for segs in body
                 if len(segs) == 1 and SEPARATOR.match(segs[0].plain())]
        for y, x0, x1 in sorted(_lone(list(rules)) + typed, reverse=True):
            under = [segs for segs in body if segs[0].base < y - 1]
            if y > 0.7 * height or not under or abs(under[0][0].x0 - x0) > 80:
                continue
            if any(segs[0].size >= 0.95 * size and LABEL.match(segs[0].plain()) for segs in under):
                continue  # a numbered paragraph in body type: running text, not a note
            shape = (round(x0), round(x1))
            start = note_start(under[0][0])
            if start is None:  # an unmarked note first ("FS, Field Service; ..."), in note type
                start = next((st for segs in under[1:4] if segs[0].size < 0.95 * size
                              and (st := note_start(segs[0])) is not None), None)
                if start is None and _UNMARKED.match(under[0][0].plain()):
                    start = ("", [])  # "Note: The following abbreviations ..." alone
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

    def blocks(self, lines: list[list[Segment]], page: int) -> list[Block]:
        """Footnote blocks of one page; lines before the first marker continue the last
        footnote of an earlier page (and are joined to it, not returned again), unless that
        one ended its sentence or there is none: then they are a note printed without a
        mark (marker ""), as UN reports print "Note: the following abbreviations ..."."""
        out: list[Block] = []
        parts: list[str] = []
        column = None  # where this page's markers stand: a number further right is text
        for i, segs in enumerate(lines):
            if i == 0 and note_start(segs[0]) is None and \
                    (not self.notes or self.notes[-1].text.rstrip().endswith((".", ";"))):
                self.notes.append(Block(text="", page=page, role="footnote", heading=False, marker=""))
                out.append(self.notes[-1])
            start = note_start(segs[0])
            # right of the markers' column, a number carries on an unfinished note
            # ("[Cited" / "22 February 2025]"); after a finished one it opens the next
            inside = column is not None and segs[0].x0 >= column + 3 and parts and \
                not parts[-1].rstrip().endswith((".", ";", ":", "/", ")", "]"))
            if start is not None and not inside and self._next(start[0], page):
                column = segs[0].x0
                self._flush(parts)
                marker, runs = start
                segs = [Segment(runs, segs[0].line)] + segs[1:] if runs else segs[1:]
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


def _lone(rules: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """The rules that can be a footnote separator: none other of the same span a little
    above or below it (the top and bottom of a box of an organization chart, the rules of
    a table; a table's column may be as wide as the separator, further up the page)."""
    return [(y, x0, x1) for y, x0, x1 in rules
            if not any(abs(x0 - a) < 2 and abs(x1 - b) < 2 and 2 <= abs(y - v) < 120
                       for v, a, b in rules)]

