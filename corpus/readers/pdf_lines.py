"""Runs -> visual lines -> segments: superscripts attached to their line, word spaces
decided from the geometry, lines split at column gutters (``Segment``)."""
from __future__ import annotations

import re
from operator import attrgetter

from corpus.blocks import HAN, LABEL_ONLY, clean, ref
from corpus.readers.pdf_objects import Run

MARKER = re.compile(r"^(?:\d{1,3}|\*{1,3}|[†‡]|[a-z])$")
_STARS = re.compile(r"^\*{1,3}\s*$")  # an asterisk glued to a word is a reference, never a figure
_DASHES = set("-–—")
# a table cell's number ("14 722.8", "(26.2)", "–"): two of them a wide gap apart are two cells
_CELL = re.compile(r"^\s*(?:[(\[]?[-–—]?\$?\d[\d\s.,]*%?[)\]]?|[-–—])\s*$")
# two cells of a Chinese table: Han or digits either side of a gap no Chinese line has (the
# glyph box of a full-width comma leaves 0.8 em: punctuation is left out)
_HAN_GUTTER = re.compile(f"[{HAN}0-9%][{HAN}0-9“《（(]")
_HAN_CHAR = re.compile(f"[{HAN}]")
_POWERS = {"2": "²", "3": "³"}
_UNIT_END = re.compile(r"(?<![A-Za-z])(?:[kcmd]?m|ft|mi)\s*$")
CLOSERS = set(".,;:!?)]’”%")
_X0 = attrgetter("x0")
CELL_GAP = 1.0  # ems: wider than any word space, narrower than a column gutter (2.5)


class Segment:
    """Runs of one visual line that belong together (a line may hold two columns, as the
    masthead does: "Economic and Social Council ... Distr.: General"). Built once from
    its runs; its measures are computed once."""

    def __init__(self, runs: list[Run], line: int = 0):
        self.runs, self.line = runs, line
        self.x0 = runs[0].x0
        # one pass, as max() and sum() over the runs would give: the right edge; the run
        # that sets the line (the first largest non-superscript one); the letters in bold
        # and in italic among the non-superscript runs
        x1, main, total, bold, italic = runs[0].x1, None, 0, 0, 0
        for r in runs:
            if r.x1 > x1:
                x1 = r.x1
            if not r.sup:
                if main is None or r.size > main.size:
                    main = r
                n = len(r.text.strip())
                total += n
                if r.bold:
                    bold += n
                if r.italic:
                    italic += n
        if main is None:
            main = runs[0]
        self.x1 = x1
        self.base, self.size = main.base, main.size
        self.bold = total > 0 and bold >= 0.8 * total
        self.italic = total > 0 and italic >= 0.8 * total
        self._plain: str | None = None

    def text(self) -> str:
        """The segment's text with footnote references as sentinels."""
        return join_runs(self.runs, refs=True)

    def plain(self) -> str:
        """The segment's text without superscript markers."""
        if self._plain is None:
            self._plain = join_runs([r for r in self.runs if not r.sup], refs=False)
        return self._plain


def join_runs(runs: list[Run], refs: bool) -> str:
    """Runs joined with a space where the gap between them is a word space (``_space_gap``);
    superscript markers, and asterisks glued to a word, become sentinels."""
    out = ""
    prev: Run | None = None
    for run in runs:
        glued = prev is not None and run.x0 - prev.x1 < 0.22 * run.size and \
            run.text[:1] == "*" and _STARS.match(run.text)
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


def _spaced(a: Run, b: Run, left: str, right: str) -> bool:
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
    if right in CLOSERS:
        return 0.5
    if left.isdigit() and right.isdigit():
        return 0.35  # a "1" has wide side bearings: "1" + "8." is 18, not "1 8."
    if left in _DASHES or right in _DASHES:
        return 0.3
    return 0.2


def _markers(text: str) -> list[str]:
    parts = [p for p in re.split(r"[\s,，]+", text.strip()) if p]
    return parts if parts and all(MARKER.match(p) for p in parts) else []


def visual_lines(runs: list[Run]) -> list[list[Run]]:
    """Group runs into visual lines, top to bottom; a smaller run raised above a line is a
    superscript of that line (a footnote marker), not a line of its own."""
    runs.sort(key=lambda r: -r.base)
    lines: list[list[Run]] = []
    line: list[Run] = []
    head_base = head_size = 0.0  # of the last line's first run
    for run in runs:
        if line:
            size = run.size
            if abs(head_base - run.base) <= 0.3 * (size if size < head_size else head_size):
                line.append(run)
                continue
        line = [run]
        lines.append(line)
        head_base, head_size = run.base, run.size
    # each line's type size (the largest), measured once; again for a line that takes the
    # raised runs above it
    sizes = [max(r.size for r in line) for line in lines]
    merged: list[list[Run]] = []
    merged_sizes: list[float] = []
    last = len(lines) - 1
    for i, line in enumerate(lines):
        size = sizes[i]
        if i < last:
            below = lines[i + 1]
            bsize = sizes[i + 1]
            first = line[0]
            rise = first.base - max(r.base for r in below if r.size == bsize)
            # a note's own marker, set in the note's size but raised, just left of its text
            # (or hanging in the margin before the note's indented text, up to 2.5 ems)
            gap = min(r.x0 for r in below) - first.x1
            lead = (len(line) == 1 and MARKER.match(first.text.strip()) is not None
                    and -0.6 * bsize <= gap <= 2.5 * bsize)
            # (a numeral drawn large beside a box's text is no marker, whatever its type
            # size says: a Type 3 font draws its glyphs through its own matrix)
            if (size <= 0.8 * bsize or lead) and 0 < rise <= 0.7 * bsize and \
                    (lead or _beside(line, below)) and \
                    all(r.y1 - r.y0 <= 1.5 * bsize for r in line):
                for r in line:
                    r.sup = True
                below.extend(line)
                sizes[i + 1] = max(r.size for r in below)
                continue
        merged.append(line)
        merged_sizes.append(size)
    for line, size in zip(merged, merged_sizes):
        base = min(r.base for r in line if r.size == size)
        small, raised, tall = 0.8 * size, 0.15 * size, 1.5 * size
        for r in line:
            if not r.sup and r.size <= small and r.base - base >= raised \
                    and r.y1 - r.y0 <= tall:  # (small type, unless drawn large)
                r.sup = True
        line.sort(key=_X0)
    return merged


def _beside(sups: list[Run], line: list[Run]) -> bool:
    """Each raised run touches (or nearly touches) a run of the line below horizontally."""
    return all(any(r.x0 - 3 * s.size <= s.x0 <= r.x1 + 3 * s.size for r in line) for s in sups)


def segments(line: list[Run], index: int) -> list[Segment]:
    """Split a line where the gap is wider than a column gutter, but never cut a paragraph
    number or label ("12.", "(a)", "I.", "一、") or a note's hanging marker from its text. Neighbouring runs in the
    same type are merged on the way (PDFs from Word or LibreOffice switch objects at
    every font fallback: Han, then Latin digits, then Han); where a gap wider than any word
    space (``CELL_GAP``) parted two of them, the merged run keeps a cut (``Run.cuts``): two
    cells of a table whose columns stand close, for ``pdf_tables`` to part under their
    header."""
    groups: list[list[Run]] = [[]]
    merged = _Merged(line[0])
    right = line[0].x1
    for run in line[1:]:
        last = merged.last
        size, last_size = run.size, last.size
        gap = (run.x0 - right) / (last_size if last_size < size else size)  # min(), its ties
        if gap > 0.8 and (gap > 2.5 or _CELL.match(run.text) and _CELL.match(last.text)
                          or gap > 1.0
                          and _HAN_GUTTER.match(last.text.rstrip()[-1:] + run.text.lstrip()[:1])
                          and _HAN_CHAR.search("".join(merged.pieces) + run.text)) \
                and not last.sup \
                and not LABEL_ONLY.match(join_runs(groups[-1] + [merged.run()], refs=False)):
            groups[-1].append(merged.run())
            groups.append([])
            merged = _Merged(run)
        elif (size == last_size and run.bold == last.bold and run.italic == last.italic
              and not (run.sup or last.sup)
              and run.barcode == last.barcode and not merged.marker
              and not (run.text[:1] == "*" and _STARS.match(run.text))):
            merged.add(run)
        else:
            groups[-1].append(merged.run())
            merged = _Merged(run)
        if run.x1 > right:
            right = run.x1
    groups[-1].append(merged.run())
    return [Segment(group, index) for group in groups]


class _Merged:
    """Neighbouring runs in the same type becoming one, spaced as ``join_runs`` spaces them."""

    def __init__(self, run: Run):
        self.first = self.last = run
        self.marker = bool(MARKER.match(run.text.strip()))  # a footnote's marker stays apart
        self.pieces = [run.text]
        self.x1, self.y0, self.y1 = run.x1, run.y0, run.y1
        self.cuts: list[tuple[float, float, int]] = []

    def add(self, run: Run) -> None:
        """Append ``run``, in the same type as the last one (so the em is either's size);
        ``_spaced`` and ``_space_gap`` inlined: this runs for most runs of a page."""
        raw = run.text
        text = raw.lstrip()
        pieces = self.pieces
        left = pieces[-1] = pieces[-1].rstrip()
        size, x0 = run.size, run.x0
        if raw[:1].isspace():
            pieces.append(" ")
        else:
            a, b = left[-1:], text[:1]
            if b in CLOSERS:
                limit = 0.5
            elif a.isdigit() and b.isdigit():
                limit = 0.35
            elif a in _DASHES or b in _DASHES:
                limit = 0.3
            else:
                limit = 0.2
            if (x0 - self.last.x1) / size > limit:
                pieces.append(" ")
        if (x0 - self.x1) / size > CELL_GAP:
            self.cuts.append((self.x1, x0, sum(map(len, pieces))))
        pieces.append(text)
        self.last = run
        if run.x1 > self.x1:
            self.x1 = run.x1
        if run.y0 < self.y0:
            self.y0 = run.y0
        if run.y1 > self.y1:
            self.y1 = run.y1

    def run(self) -> Run:
        first = self.first
        if self.last is first:
            return first
        return Run("".join(self.pieces), first.x0, self.y0, self.x1, self.y1, first.base,
                    first.size, first.bold, first.barcode, italic=first.italic,
                    cuts=tuple(self.cuts))
