"""Pages set in two columns (review highlights, brochures, some annexes): the left
column's lines are read before the right column's.

pdfium gives lines across the page, so on such a page a line of the left column and the
line of the right column on the same baseline become one visual line, and the two texts
interleave. A gutter is a vertical strip in the middle of the page that no text crosses on
the lines that have text on both sides of it; those lines must be running text on both
sides, filling each column (a table's cells are apart or short: its columns are no gutter).
Lines that cross the gutter (a title, a chart across the page) cut the page into bands,
each read left column first.
"""
from __future__ import annotations

from corpus.readers.pdf_objects import Run

MIN_LINES = 8  # full column lines on a page in two columns: twice this many
_WIDE_GAP = 12.0  # points: no word space is this wide


def reading_order(lines: list[list[Run]], width: float) -> list[list[Run]]:
    """``lines`` (visual lines, top to bottom, runs left to right) in reading order."""
    gutter = _gutter(lines, width)
    if gutter is None:
        return lines
    out: list[list[Run]] = []
    left: list[list[Run]] = []
    right: list[list[Run]] = []
    for line in lines:
        if any(r.x0 < gutter < r.x1 for r in line):
            out += left + right + [line]
            left, right = [], []
            continue
        parts = [r for r in line if r.x1 <= gutter], [r for r in line if r.x0 >= gutter]
        if parts[0]:
            left.append(parts[0])
        if parts[1]:
            right.append(parts[1])
    return out + left + right


def _gutter(lines: list[list[Run]], width: float) -> float | None:
    """The x of the page's column gutter, or None for a page in one column."""
    candidates = set()
    for line in lines:
        for a, b in zip(line, line[1:]):
            if b.x0 - a.x1 >= _WIDE_GAP and 0.3 * width < (a.x1 + b.x0) / 2 < 0.7 * width:
                candidates.add(round((a.x1 + b.x0) / 2))
    if len(candidates) == 0:
        return None
    x0, x1 = min(line[0].x0 for line in lines), max(line[-1].x1 for line in lines)
    best, best_score = None, 0
    for g in sorted(candidates):
        if _crossed(lines, g):
            continue
        both = one = cross = 0
        for line in lines:
            if any(r.x0 < g < r.x1 for r in line):
                cross += 1
            elif line[0].x1 <= g <= line[-1].x0:
                left = [r for r in line if r.x1 <= g]
                right = [r for r in line if r.x0 >= g]
                if not (_prose(left) and _prose(right)):
                    cross += 1  # a table row: cells apart inside one half
                elif _fills(left, x0, g) and _fills(right, g, x1):
                    both += 1  # both halves filled with running text, as columns are
            elif _prose(line) and (_fills(line, x0, g) or _fills(line, g, x1)):
                one += 1  # a full line of one column beside a line break of the other
        lines_in_columns = both + one
        if both >= 2 and lines_in_columns >= 2 * MIN_LINES and cross <= 0.3 * lines_in_columns \
                and lines_in_columns > best_score and not _headed(lines, g):
            best, best_score = g, lines_in_columns
    return best


def _crossed(lines: list[list[Run]], g: float) -> bool:
    """So many lines cross ``g`` that it cannot be a gutter, whatever the others hold
    (a gutter needs 2 * MIN_LINES lines beside it and at most 0.3 as many across): the
    cheap test that spares a page in one column the full count, stopping early."""
    limit = min(len(lines) - 2 * MIN_LINES, 0.3 * len(lines) / 1.3)
    if limit < 0:
        return True
    crossing = 0
    for line in lines:
        for r in line:
            if r.x0 < g < r.x1:
                crossing += 1
                if crossing > limit:
                    return True
                break
    return False


def _fills(runs: list[Run], left: float, right: float) -> bool:
    """The runs fill at least 0.7 of the column from ``left`` to ``right``."""
    return runs[-1].x1 - runs[0].x0 >= 0.7 * (right - left) and runs[0].x0 >= left - 1 \
        and runs[-1].x1 <= right + 1


def _headed(lines: list[list[Run]], g: float) -> bool:
    """The first line with text on both sides of ``g`` is set apart in bold or italic on
    both, unlike the lines below: the header row of a table of two columns of prose
    ("Decision/request | Action taken to implement decision/request"), whose rows must stay
    rows."""
    styled = [all(r.bold or r.italic for r in line) for line in lines
              if line[0].x1 <= g <= line[-1].x0 and not any(r.x0 < g < r.x1 for r in line)]
    return bool(styled) and styled[0] and sum(styled[1:]) < 0.5 * len(styled[1:])


def _prose(runs: list[Run]) -> bool:
    """Running text: its runs follow one another at word spaces."""
    return all(b.x0 - a.x1 < min(_WIDE_GAP, 1.5 * a.size) for a, b in zip(runs, runs[1:]))
