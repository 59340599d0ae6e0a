"""Tables in a ``pdftotext -layout`` dump: rows whose cells stand apart by runs of spaces.

Left in the text, a table's rows become paragraphs (a numbered list of meetings read as
paragraphs 1-300) or the tail of the paragraph above. A run of lines that each show at least
two column gaps is a table; its lines go out of the running text into one table block, cut
into cells at the gaps, each printed line a row.
"""
from __future__ import annotations

import re

from corpus.blocks import HAN, join_lines, normalise_zh_spacing

_GAP = re.compile(r"\S(\s{3,})(?=\S)")
BULLET = "[•▪◦‣●■–-]"  # a list item's bullet (or dash) in a dump
# "1.   The Commission", "•   160 million people": a label's or bullet's gap is no column's
_LABEL = re.compile(rf"^(?:\d{{1,3}}\.|\([a-z]{{1,3}}\)|{BULLET})\s+")
_ROWS = 3  # a table has at least this many columnar lines
_HAN = re.compile(f"[{HAN}]")
_HAN_START = re.compile(f"^[{HAN}“‘《（，、。；：”’》）]")


def columnar(line: str) -> bool:
    """A table row: two column gaps or more, beside a paragraph label's."""
    return len(_GAP.findall(_LABEL.sub("", line.strip()))) >= 2


def split_tables(lines: list[str]) -> tuple[list[str], dict[int, list[list[str]]]]:
    """The page's lines with each table replaced by one empty line, and the tables' rows by
    the index of that line. A table runs over blank lines and over lines of a cell wrapped
    onto a line of their own, up to two running lines in a row."""
    out: list[str] = []
    tables: dict[int, list[list[str]]] = {}
    i = 0
    while i < len(lines):
        end = _table_end(lines, i) if columnar(lines[i]) else i
        if end > i:
            tables[len(out)] = _rows([line for line in lines[i:end] if line.strip()])
            out.append("")
            i = end
        else:
            out.append(lines[i])
            i += 1
    return out, tables


def _table_end(lines: list[str], start: int) -> int:
    """Where the table opening at ``start`` ends (``start`` when it is no table), with the
    lines of its last row's wrapped Chinese cells."""
    end, rows, plain = start, 0, 0
    starts: list[int] = []
    for k in range(start, len(lines)):
        cells = _cells(lines[k])
        if columnar(lines[k]):
            rows, plain, end = rows + 1, 0, k + 1
            starts = max(starts, [c for c, _ in cells], key=len)
        elif cells and _wrapped(cells, starts):
            plain, end = 0, k + 1
        elif cells:
            plain += 1
            if plain >= 2:
                break
    if rows < _ROWS:
        return start
    while end < len(lines) and (not lines[end].strip() and end + 1 < len(lines) and
                                _wrapped(_cells(lines[end + 1]), starts)
                                or lines[end].strip() and _wrapped(_cells(lines[end]), starts)):
        end += 1
    return end


def _cells(line: str) -> list[tuple[int, str]]:
    """A line's cells (text apart by three spaces or more) with the column each starts at."""
    return [(m.start(), m.group()) for m in re.finditer(r"\S+(?:\s{1,2}\S+)*", line)]


def _wrapped(cells: list[tuple[int, str]], starts: list[int]) -> bool:
    """A line that only continues Chinese cells of the row above: nothing in the first
    column, each piece Chinese and under a column (``starts``) of the table."""
    return len(starts) >= 2 and bool(cells) and cells[0][0] >= starts[1] - 2 and \
        all(_HAN_START.match(text) and min(abs(c - s) for s in starts) <= 2 for c, text in cells)


def _rows(lines: list[str]) -> list[list[str]]:
    """The table's rows, a wrapped Chinese cell's next lines joined to it (no space); the
    cells of a Chinese row freed of the spaces the dump sets beside Han characters."""
    starts = [c for c, _ in max((_cells(line) for line in lines), key=len)]
    rows: list[list[tuple[int, str]]] = []
    for line in lines:
        cells = _cells(line)
        if rows and len(rows[-1]) == len(starts) and _wrapped(cells, starts):
            for col, text in cells:
                k = min(range(len(starts)), key=lambda c: abs(rows[-1][c][0] - col))
                rows[-1][k] = (rows[-1][k][0], join_lines([rows[-1][k][1], text]))
        else:
            rows.append(cells)
    return [[normalise_zh_spacing(text) if _HAN.search(text) else text for _, text in row]
            for row in rows]
