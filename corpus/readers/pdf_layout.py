"""Segments -> body blocks: which lines carry a paragraph on, measured per page and per
type size (line pitch, the justified right edge, whether a line ended short)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from corpus.blocks import HAN, LABEL, Block, join_lines
from corpus.readers.pdf_lines import Segment

_HAN = re.compile(f"[{HAN}]")
_LEGEND = re.compile(r"^\*{1,3} ?[A-Z]")
_OPENERS = "《“‘（(「『【〈"
# What a line cannot be broken inside: a Han character or a Latin word, with the
# punctuation that may not start or end a line (kinsoku) held to it.
_UNIT = re.compile(f"[《“‘（(「『【〈]*(?:[{HAN}]|[^\\s{HAN}]+)"
                   r"[，。、；：？！”’）》」』】〉,.;:!?)]*")


@dataclass(eq=False)
class _Open:
    """A body block being built: its segments, top to bottom (a block equals only itself:
    ``in`` tests identity, no field compare)."""

    segs: list[Segment] = field(default_factory=list)

    @property
    def last(self) -> Segment:
        return self.segs[-1]


class Layout:
    """Measures that decide block breaks: body type size, line pitch per type size and the
    right edge of the text column per page. Per page and per size, because one file may
    bind documents set differently (a letter in 10 pt before an annex in 14 pt, landscape
    tables between portrait pages)."""

    def __init__(self, pages: list[list[list[Segment]]]):
        sizes: Counter[float] = Counter()
        pitches: dict[float, Counter[float]] = {}
        rights: list[float] = []
        self.rights: list[float | None] = []
        for lines in pages:
            prev = None
            prev_size = None  # the previous line's size, rounded, when it is one segment
            page_rights = []
            for segs in lines:
                for s in segs:
                    for r in s.runs:
                        if not r.sup:
                            sizes[round(r.size, 1)] += len(r.text)
                    page_rights.append(s.x1)
                size = None
                if len(segs) == 1:
                    size = round(segs[0].size, 1)
                    if prev_size is not None and prev_size == size:
                        counts = pitches.get(size)
                        if counts is None:
                            counts = pitches[size] = Counter()
                        counts[round(prev[0].base - segs[0].base, 1)] += 1
                prev, prev_size = segs, size
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

    def heading(self, segs: list[Segment]) -> bool:
        """Whether the segments look like a heading: all bold or italic, or larger than the body."""
        return all(s.bold or s.italic for s in segs) or min(s.size for s in segs) >= 1.15 * self.size

    def continues(self, block: _Open, seg: Segment, page: int) -> bool:
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
        if LABEL.match(seg.plain()) or _LEGEND.match(seg.plain()):
            return False  # a numbered item, or an asterisk's note: "* Participated in ..."
        # titles in large type wrap at their own right indent: no "ended short" test there
        return a.size >= 1.15 * self.size or not _ended_short(a, seg, self.right_for(page))


def _justified_edge(segs: list[Segment]) -> float | None:
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


def _ended_short(a: Segment, b: Segment, right: float) -> bool:
    """True when the first unbreakable unit of ``b`` would have fitted at the end of
    ``a``: the line was ended on purpose (a paragraph or masthead line), not wrapped."""
    if a.plain().endswith("-"):
        return False
    runs = [r for r in b.runs if not r.sup]
    text = "".join([r.text for r in runs])
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


def body_blocks(lines: list[list[Segment]], page: int, layout: Layout) -> list[Block]:
    """The body lines of ``page`` grouped into blocks (a line joins the block it continues),
    in reading order."""
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
