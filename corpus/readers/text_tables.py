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
# a Chinese table's cell on its own line: short, Chinese or a number ("35.3%", "1 600 多万"),
# no sentence's end and no paragraph's number ("94.")
_CELL_LINE = re.compile(f"^(?=.*[{HAN}]|[\\d\\s.,%()–-]+$)(?![(（]?[a-z0-9]{{1,3}}[.)）]$)"
                        f"(?:\\S\\s?){{1,20}}(?<![。；：])$")


def columnar(line: str) -> bool:
    """A table row: two column gaps or more, beside a paragraph label's."""
    return len(_GAP.findall(_LABEL.sub("", line.strip()))) >= 2


def split_tables(lines: list[str], first: bool = False
                 ) -> tuple[list[str], dict[int, list[list[str]]]]:
    """The page's lines with each table replaced by one empty line, and the tables' rows by
    the index of that line. A table runs over blank lines and over lines of a cell wrapped
    onto a line of their own, up to two running lines in a row."""
    out: list[str] = []
    tables: dict[int, list[list[str]]] = {}
    i, closed = 0, not first  # closed: past the masthead (a sentence has ended on page 1)
    while i < len(lines):
        columns = columnar(lines[i])
        end = _table_end(lines, i) if columns else _cell_run(lines, i) if closed else i
        closed = closed or lines[i].rstrip().endswith("。")
        if end > i and not columns:  # a plain dump's cells: one a line, as printed
            if len(out) > 1 and out[-2].rstrip().endswith("。") and _HAN.search(out[-1]) and \
                    not out[-1].rstrip().endswith(("。", "；", "：")):
                out.insert(len(out) - 1, "")  # its caption, set under the paragraph's last line
            tables[len(out)] = [[line.strip()] for line in lines[i:end] if line.strip()]
            out.append("")
            i = end
        elif end > i:
            top = _cut_row(lines, i)
            del out[len(out) - (i - top):]
            tables[len(out)] = _rows(lines[top:end])
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


def _cell_run(lines: list[str], start: int) -> int:
    """Where the cells of a Chinese table end that a plain dump (no ``-layout``) prints one
    a line, blank lines among them: eight or more short lines, half of them Chinese, none
    closing a sentence or being a paragraph's number (``start`` when there is no such run)."""
    end, cells, blanks, han = start, 0, 0, 0
    for k in range(start, len(lines)):
        text = lines[k].strip()
        if not text:
            blanks += 1
        elif _CELL_LINE.match(text):
            cells, end, han = cells + 1, k + 1, han + bool(_HAN.search(text))
        else:
            break
    return end if cells >= 8 and blanks >= cells // 2 and han >= cells // 2 else start


def _cut_row(lines: list[str], start: int) -> int:
    """Where the table opening at ``start`` begins when the lines above it, up to the top
    of the page, are the rest of Chinese cells whose row the page before cut."""
    starts = [c for c, _ in _cells(lines[start])]
    top = start
    while top > 0 and (not lines[top - 1].strip() or _wrapped(_cells(lines[top - 1]), starts)):
        top -= 1
    while top < start and not lines[top].strip():
        top += 1
    return top if top == start or not any(line.strip() for line in lines[:top]) else start


def _cells(line: str) -> list[tuple[int, str]]:
    """A line's cells (text apart by three spaces or more) with the column each starts at."""
    return [(m.start(), m.group()) for m in re.finditer(r"\S+(?:\s{1,2}\S+)*", line)]


def _wrapped(cells: list[tuple[int, str]], starts: list[int], close: bool = False) -> bool:
    """A line that only continues Chinese cells of the row above: nothing in the first
    column (unless the line is ``close`` under the row, where rows are a blank line apart),
    each piece Chinese and under a column (``starts``) of the table."""
    return len(starts) >= 2 and bool(cells) and (close or cells[0][0] >= starts[1] - 2) and \
        all(_HAN_START.match(text) and min(abs(c - s) for s in starts) <= 2 for c, text in cells)


def _rows(lines: list[str]) -> list[list[str]]:
    """The table's rows, a wrapped Chinese cell's next lines joined to it (no space); the
    cells of a Chinese row freed of the spaces the dump sets beside Han characters."""
    starts = [c for c, _ in max((_cells(line) for line in lines), key=len)]
    full = [k for k, line in enumerate(lines) if k and len(_cells(line)) == len(starts)]
    apart = bool(full) and all(not lines[k - 1].strip() for k in full)
    rows: list[list[tuple[int, str]]] = []
    for k, line in enumerate(lines):
        cells = _cells(line)
        if not cells:
            continue
        close = apart and k > 0 and bool(lines[k - 1].strip())
        if _wrapped(cells, starts) and (not rows or apart and not close and len(rows) == 1):
            rows.append([(c, "") for c in starts])  # the rest of a row the page before cut
            # (under the header row the page repeats, where rows are a blank line apart)
        if rows and len(rows[-1]) == len(starts) and _wrapped(cells, starts, close):
            for col, text in cells:
                k = min(range(len(starts)), key=lambda c: abs(rows[-1][c][0] - col))
                rows[-1][k] = (rows[-1][k][0], join_lines([rows[-1][k][1], text]))
        else:
            rows.append(cells)
    return [[normalise_zh_spacing(text) if _HAN.search(text) else text for _, text in row]
            for row in rows]
