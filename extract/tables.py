"""Table cells as figure records: budget reports keep most of their numbers in tables.

Every number printed in a table's body becomes one figure whose subject is its row label
and column header, whose period comes from the column header (else the row label) and
whose unit and scale come from the column header, the row label, the caption or the notes
("(Thousands of United States dollars)" -> USD, scale 1000; "Percentage" -> percent).
``value`` is the amount meant (printed number × scale; "(26.2)" is negative); ``text`` is
the number as printed and ``span`` its offsets in the cell ``table_row``/``table_column``
of table ``table_index``, so every record can be checked against the table.

PDF tables often print one column header over two lines, or two numbers in one cell
("408 023.7 (144 818.1)"): numbers are placed in columns by their position in the row, and
a header row names the columns only when it has one cell (or one word) per column.
"""
from __future__ import annotations

import re
from collections import Counter

from corpus.model import Document, Table
from extract.numbers import clean_value

SEP = "[ \u00a0\u2009\u202f,]"
NUMBER = re.compile(rf"\(?[-−]?(?:\d{{1,3}}(?:{SEP}\d{{3}})+|\d+)(?:\.\d+)?\)?(?:\s?%)?")
NUMERIC_CELL = re.compile(rf"\s*(?:{NUMBER.pattern}\s*)+")
DASH = re.compile(r"\s*[–—-]\s*")
COLUMN_NUMBER = re.compile(r"\(\d{1,2}\)(?:=\S*)?")  # "(1)", "(3)=(1)-(2)": column numbers
PERIOD = re.compile(r"(?<!\d)(?:19|20)\d{2}(?:/\d{2}(?!\d)|[–-](?:19|20)?\d{2}(?!\d))?(?!\d)")
YEAR_CELL = re.compile(r"(?:19|20)\d\d")
DATE_HEADER = re.compile(r"\byears?\b|\bdates?\b|\bperiod\b|年份|日期", re.I)
PERCENT = re.compile(r"percent|per cent|%|百分比|百分率", re.I)
COUNT = re.compile(r"\bnumber\b|\bposts?\b|\bpositions\b|\bhours\b|数目|人数|员额", re.I)
CURRENCIES = {"united states dollars": "USD", "us dollars": "USD", "dollars": "USD",
              "euros": "EUR", "swiss francs": "CHF", "美元": "USD", "欧元": "EUR", "瑞士法郎": "CHF"}
SCALES = {"thousands": 1e3, "millions": 1e6, "billions": 1e9, "千": 1e3, "百万": 1e6, "万": 1e4,
          "亿": 1e8, "十亿": 1e9}
CURRENCY = re.compile(
    r"(?P<scale>thousands|millions|billions)?\s*(?:of\s+)?(?P<cur>United States dollars|"
    r"US dollars|euros|Swiss francs)|(?P<zscale>十亿|百万|千|万|亿)?(?P<zcur>美元|欧元|瑞士法郎)",
    re.I)


def _unit(*texts: str | None) -> tuple[str, float] | None:
    """The currency and scale the first of ``texts`` that names one gives."""
    for text in texts:
        m = CURRENCY.search(text or "")
        if m:
            cur = (m.group("cur") or m.group("zcur")).lower()
            scale = (m.group("scale") or m.group("zscale") or "").lower()
            return CURRENCIES[cur], SCALES.get(scale, 1.0)
    return None


def _slots(row: list[str]) -> list[tuple[int, re.Match | None]]:
    """(cell index, number) per column position: a cell holding k numbers fills k columns."""
    slots: list[tuple[int, re.Match | None]] = []
    for i, cell in enumerate(row):
        if NUMERIC_CELL.fullmatch(cell):
            slots += [(i, m) for m in NUMBER.finditer(cell)]
        else:
            slots.append((i, None))
    return slots


def _is_numbering(row: list[str], first_body_row: bool) -> bool:
    """A row of column numbers ("Category (1) (2) (3)=(1)-(2)") is a header, not data: its
    numbers are all "(k)", and it holds a formula or comes right under the headers."""
    words = [w for c in row[1:] for w in c.split() if NUMBER.fullmatch(w) or "=" in w]
    return (len(words) >= 2 and all(COLUMN_NUMBER.fullmatch(w) for w in words)
            and (first_body_row or any("=" in w for w in words)))


def _headers(table: Table, width: int) -> list[str]:
    """A label per column position, from the header rows that can be aligned."""
    labels = [[] for _ in range(width)]
    for row in table.rows[:table.header_rows]:
        cells = [c.strip() for c in row if c.strip()]
        words = " ".join(cells).split()
        if len(cells) == width:
            pieces = cells
        elif len(words) == width:
            pieces = words
        elif len(cells) == 1 and width > 1 and len(words) <= 2 and not PERIOD.search(cells[0]):
            # one short header spanning the value columns ("Amount"); a longer one names a
            # group of rows, a lone period sits over one column we cannot tell
            pieces = [""] + cells * (width - 1)
        else:
            continue
        for k, piece in enumerate(pieces):
            if piece and not COLUMN_NUMBER.fullmatch(piece):
                labels[k].append(piece)
    return [" ".join(parts) for parts in labels]


def _value(m: re.Match, scale: float) -> float:
    raw = m.group()
    negative = raw.startswith("(") or raw.lstrip("(").startswith(("-", "−"))
    number = float(re.sub(rf"{SEP}|[()%\s\-−]", "", raw))
    return clean_value((-number if negative else number) * scale)


def _period(*texts: str | None) -> str | None:
    """The period a header names: "2024/25"; "1 July 2024 to 30 June 2025" -> "2024–2025"."""
    for text in texts:
        found = PERIOD.findall(text or "")
        if len(found) == 2 and all(len(f) == 4 for f in found) and found[0] < found[1]:
            return f"{found[0]}–{found[1]}"
        if found:
            return found[-1]
    return None


def table_figures(doc: Document, base: dict) -> list[dict]:
    """Figure records for every number in every table body of ``doc``."""
    out = []
    for t, table in enumerate(doc.tables):
        out += _table_figures(table, t, base)
    return out


def _table_figures(table: Table, index: int, base: dict) -> list[dict]:
    body = [(r, row) for r, row in enumerate(table.rows)
            if r >= table.header_rows and not _is_numbering(row, r == table.header_rows)]
    widths = Counter(len(_slots(row)) for _, row in body if any(m for _, m in _slots(row)))
    if not widths:
        return []
    width = widths.most_common(1)[0][0]
    headers = _headers(table, width)
    context = " ".join([table.caption or "", *table.notes])
    out, label, open_label = [], None, False
    for r, row in body:
        slots = _slots(row)
        first = row[0].strip() if row else ""
        has_label = slots[0][1] is None and not DASH.fullmatch(first)
        if has_label:
            # a label wrapped over two printed rows: "Operational period (1 July–" + "31 ...)"
            label = f"{label} {first}" if open_label and label else first
        if not any(m for _, m in slots):
            open_label = has_label and label.count("(") > label.count(")")
            continue
        open_label = False
        if not has_label:
            label = None
        # a row with fewer positions than the table lacks its leftmost columns
        shift = width - len(slots) if len(slots) < width and not has_label else 0
        for k, (cell, m) in enumerate(slots):
            if m is None:
                continue
            column = headers[k + shift] if k + shift < width else ""
            if YEAR_CELL.fullmatch(m.group()) and DATE_HEADER.search(column):
                continue  # a "Year" column holds dates, not quantities
            unit, scale = _cell_unit(m.group(), column, label, context)
            subject = ", ".join(p for p in (label, column) if p) or None
            out.append({"kind": "figure", **base, "para": None, "sub": None,
                        "page": table.page, "text": m.group(), "span": [m.start(), m.end()],
                        "value": _value(m, scale), "low": None, "high": None, "unit": unit,
                        "qualifier": None, "counted": None, "subject": subject,
                        "period": _period(column, label),
                        "table_index": index, "table_row": r, "table_column": cell,
                        "scale": scale})
    return out


def _cell_unit(raw: str, column: str, label: str | None, context: str) -> tuple[str, float]:
    if raw.endswith("%") or PERCENT.search(column):
        return "percent", 1.0
    if label and PERCENT.search(label):
        return "percent", 1.0
    if COUNT.search(column) or (label and re.match(r"number of|数目", label, re.I)):
        return "count", 1.0
    found = _unit(column, label, context)
    if found:
        return found
    if PERCENT.search(context):
        return "percent", 1.0
    return "count", 1.0
