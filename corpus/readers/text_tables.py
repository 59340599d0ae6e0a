"""Tables in a ``pdftotext -layout`` dump: rows whose cells stand apart by runs of spaces.

Left in the text, a table's rows become paragraphs (a numbered list of meetings read as
paragraphs 1-300) or the tail of the paragraph above. A run of lines that each show at least
two column gaps is a table; its lines go out of the running text into one table block, cut
into cells at the gaps, each printed line a row.
"""
from __future__ import annotations

import re

_GAP = re.compile(r"\S(\s{3,})(?=\S)")
BULLET = "[•▪◦‣●■–-]"  # a list item's bullet (or dash) in a dump
# "1.   The Commission", "•   160 million people": a label's or bullet's gap is no column's
_LABEL = re.compile(rf"^(?:\d{{1,3}}\.|\([a-z]{{1,3}}\)|{BULLET})\s+")
_ROWS = 3  # a table has at least this many columnar lines


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
            tables[len(out)] = [re.split(r"\s{3,}", line.strip()) for line in lines[i:end]
                                if line.strip()]
            out.append("")
            i = end
        else:
            out.append(lines[i])
            i += 1
    return out, tables


def _table_end(lines: list[str], start: int) -> int:
    """Where the table opening at ``start`` ends (``start`` when it is no table)."""
    end, rows, plain = start, 0, 0
    for k in range(start, len(lines)):
        if columnar(lines[k]):
            rows, plain, end = rows + 1, 0, k + 1
        elif lines[k].strip():
            plain += 1
            if plain >= 2:
                break
    return end if rows >= _ROWS else start
