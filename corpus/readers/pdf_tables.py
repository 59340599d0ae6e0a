"""Tables and charts on a PDF page: which lines form one, and its caption and notes.

UN tables are set without ruling that a reader can rely on, but they look alike: rows whose
cells stand apart in columns, most of them numbers ("536 808.2", "(26.2)", "–"), short row
labels and header pieces between them, a caption above ("Table 3", a bold title, a unit line
"(Thousands of United States dollars)") and notes below ("a Includes ...", "Source: ...").
Charts leave the same trace: tick labels and legends in short pieces. Running text never
does: its lines fill the column. A region of such lines, read apart, keeps tick labels and
cells out of the paragraphs around it.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from corpus.blocks import LABEL
from corpus.masthead import is_masthead_line
from corpus.readers.pdf_lines import Segment

_NUMBER = re.compile(r"^[(\[]?[-–—+]?\$?\d[\d\s.,]*%?[)\]]?[a-z*]{0,2}$|^[-–—]$|^n/?a$|^\.\.\.?$")
_TERMINAL = (".", ":", ";", "。", "：", "；")
_CAPTION = re.compile(r"^(?:Table|Figure|Chart|Map|Box|Graph)\s+[\dA-Z.IVX]+\b|^\(.*\)$|^表\s*\d|^图\s*\d")
_NOTE = re.compile(r"^(?:Source|Sources|Note|Notes|Abbreviations?)\s*:|^(?:资料来源|注)\s*[:：]|"
                   r"^\*{1,4} ?[A-Z]")  # "* Includes cases ...", "***Referrals may ..."
# the organs of a joint document's masthead, side by side in bold
_ORGAN = re.compile(r"^(?:United Nations|General Assembly|Security Council|Economic and Social "
                    r"Council|Trusteeship Council|联合国|大会|安全理事会|经济及社会理事会)$")
_SUB_ROW = re.compile(r"^\([a-z]{1,4}\)\s")  # "(b) Other revenue", a group of rows
_TOC_HEAD = re.compile(r"^(?:Contents|Chapter|Paragraphs|Page|目录|章次|段次|页次)$")
_LEADERS = re.compile(r"\.\s?(?:\.\s?){4,}|…{3,}")  # (a literal first: fast search)
# the boxes of an organization chart give each unit's staff: "(54 posts)", "(2 positions – GTA)"
_POSTS = re.compile(r"^\(\d[\d,]*\s+(?:posts?|positions?)\b|^（\d+\s*个员额")
MIN_ROWS = 3


def opens_note(text: str) -> bool:
    """A line that starts a note under a table or chart ("Source: ...", "a Including ...",
    "* Estimate")."""
    return bool(_NOTE.match(text) or re.match(r"^[a-z] (?=\S)", text))


def numeric(text: str) -> bool:
    """A cell that is a number as tables print them (or a dash for none)."""
    tokens = text.split()
    if not tokens or tokens[0][:1].isalpha() and not _NUMBER.match(tokens[0]):
        return False  # most lines open with a word (a word is no thousands group either)
    return all(_NUMBER.match(t) for t in _tokens(tokens))


def _tokens(tokens: list[str]) -> list[str]:
    """Thousands groups set with a space ("536 808.2") are one number."""
    return [t for t in tokens if not (len(t) <= 5 and t[:3].isdigit() and t[3:4] in ("", ".", ","))] \
        or tokens


def _width(segs) -> float:
    return max(s.x1 for s in segs) - min(s.x0 for s in segs)


def _aligned(lines: list, column: float) -> list[bool]:
    """Lines whose cells after the first start at the column positions that at least four
    lines of the page with several cells share: the rows of a table of words, whose
    columns hold no numbers. Their first cell is a narrow row label: running text beside a
    sidebar (a paragraph's lines next to a box) is no table, and a masthead's two columns
    are two or three lines."""
    rows = [len(segs) >= 2 and segs[0].x1 - segs[0].x0 < 0.35 * column for segs in lines]
    starts: Counter[int] = Counter()
    for segs, row in zip(lines, rows):
        if row:
            starts.update({round(s.x0 / 3) for s in segs[1:]})
    return [row and all(starts[round(s.x0 / 3)] >= 4 for s in segs[1:])
            for segs, row in zip(lines, rows)]


def _org_chart(lines: list, texts: list[list[str]]) -> tuple[int, int] | None:
    """The lines ``(start, end)`` of an organization chart: three boxes or more that give
    their staff ("(8 posts)"), and the box titles and grades around them in the same type."""
    hits = [i for i, ts in enumerate(texts) if any(_POSTS.match(t) for t in ts)]
    if len(hits) < 3:
        return None
    size = Counter(round(lines[i][0].size, 1) for i in hits).most_common(1)[0][0]

    def boxed(k: int) -> bool:
        first = lines[k][0]
        return abs(first.size - size) < 0.3 and not first.runs[0].sup and \
            not LABEL.match(" ".join(texts[k]))

    start, end = hits[0], hits[-1]
    while start > 0 and boxed(start - 1):
        start -= 1
    while end + 1 < len(lines) and boxed(end + 1):
        end += 1
    return start, end


def find(lines: list, column: float) -> list[tuple[int, int, int, int, str]]:
    """Regions ``(caption, start, end, notes_end, kind)`` of ``lines`` (a page's body lines,
    each a list of segments, top to bottom) that hold a table or chart (``kind`` "table",
    or "figure" for an organization chart): caption lines are ``caption..start-1``, rows
    ``start..end``, notes ``end+1..notes_end`` (inclusive). ``column``: the width of the
    text column (full lines of running text are about as wide)."""
    n = len(lines)
    texts = [[s.plain() for s in segs] for segs in lines]
    chart = _org_chart(lines, texts)
    cells = [sum(1 for t in ts if numeric(t)) for ts in texts]
    aligned = _aligned(lines, column)
    tabular = [(len(ts) >= 2 and (cells[i] >= 1 or len(ts) >= 3)) or aligned[i] or
               (cells[i] >= 1 and cells[i] == len(ts) and _width(lines[i]) < 0.75 * column)
               or (numeric(" ".join(ts)) and len(" ".join(ts).split()) >= 2)
               or len(ts) >= 2 and _headed(lines, i) is not None  # a table of words' header
               for i, ts in enumerate(texts)]
    # what may stand between rows, and at what cost: header pieces and row labels (narrow,
    # or in columns) cost 1; a wide row label that runs on (no full stop) costs 3
    cost = [1 if (_width(segs) < 0.6 * column or len(segs) >= 2) else
            3 if not " ".join(texts[i]).endswith(_TERMINAL) else 99
            for i, segs in enumerate(lines)]
    cost = [99 if LABEL.match(" ".join(ts)) and not _group(lines, i, tabular, column) else c
            for i, (ts, c) in enumerate(zip(texts, cost))]
    short = [c == 1 for c in cost]
    for i, ts in enumerate(texts):  # a table of contents is no table
        if _LEADERS.search(" ".join(ts)):
            tabular[i], short[i], cost[i] = False, False, 99
    out = []
    i = 0
    while i < n:
        if chart and i == chart[0]:
            end, kind = chart[1], "figure"
        elif not tabular[i] or chart and chart[0] <= i <= chart[1]:
            i += 1
            continue
        else:
            end, kind = _rows(i, tabular, cost, chart), "table"
        rows = sum(tabular[i:end + 1])
        numbers = sum(1 for k in range(i, end + 1) if cells[k] >= 2 or
                      cells[k] >= 1 and len(texts[k]) >= 2)
        axis = sum(1 for k in range(i, end + 1) if cells[k] == 1 == len(texts[k]))  # chart ticks
        grid = sum(aligned[i:end + 1])  # a table of words: its cells keep to columns
        headed = kind == "table" and (rows < MIN_ROWS or numbers < 2 and axis < 4 and grid < 4)
        if headed:  # no table of numbers: one of words under its header row, if any
            end = _headed(lines, i)
            if end is None and rows == 1 and cells[i] >= 2 and i > 0 and \
                    not (out and i - 1 <= out[-1][3]) and _over(lines[i - 1], lines[i]):
                i, end = i - 1, i  # a line item's variance: "Variance" over amount and share
            if end is None:
                i += 1
                continue
        start = i
        while not headed and start > 0 and short[start - 1] and i - start < 8 \
                and not (out and start - 1 <= out[-1][3]) \
                and not " ".join(texts[start - 1]).endswith(_TERMINAL) \
                and not _CAPTION.match(" ".join(texts[start - 1])):
            start -= 1
        caption = start
        while caption > 0 and start - caption < 4 and not (out and caption - 1 <= out[-1][3]) and (
                _CAPTION.match(" ".join(texts[caption - 1])) or
                all(s.bold for s in lines[caption - 1]) and cost[caption - 1] < 99 and
                (not headed or " ".join(texts[start - 1]).startswith("(")) and
                not _heading_goes_on(lines, cost, caption - 1)):
            caption -= 1  # (a table of words' bold title over its "(Resolution 76/274)")
        notes, in_note = end, False
        legend = next((k for k in range(end + 1, min(end + 5, n)) if _NOTE.match(" ".join(texts[k]))),
                      None)
        if legend is not None and all(short[k] for k in range(end + 1, legend)):
            notes = legend - 1  # a chart's legend, then its source line
        while notes + 1 < n:
            text = " ".join(texts[notes + 1])
            if _NOTE.match(text) or lines[notes + 1][0].runs[0].sup:
                in_note = True
            elif not (in_note and not " ".join(texts[notes]).endswith(_TERMINAL)
                      and not LABEL.match(text)):
                break
            notes += 1
        out.append((caption, start, end, notes, kind))
        i = notes + 1
    return out


def _heading_goes_on(lines: list, cost: list[int], k: int) -> bool:
    """Line ``k`` is the second line of a numbered bold heading right above it ("V. Financial
    position of the United Nations" / "Mission in Mali as at 30 June 2025"): no caption."""
    return k > 0 and cost[k - 1] == 99 and all(s.bold for s in lines[k - 1]) and \
        lines[k - 1][0].base - lines[k][0].base <= 1.6 * lines[k][0].size


def _group(lines: list, i: int, tabular: list[bool], column: float) -> bool:
    """Line ``i`` is a numbered group label inside a table ("I. United Nations police" in
    italics between a staffing table's rows, or opening its header line "II. Civilian staff
    ASG D-1 ..."), or a lettered one ("(b) Other revenue" over its items): a styled or
    lettered line after a line of cells and before a row."""
    segs = lines[i]
    return (all(s.bold or s.italic for s in segs) or _SUB_ROW.match(segs[0].plain())) \
        and 0 < i < len(lines) - 1 \
        and segs[0].x1 - segs[0].x0 < 0.75 * column and len(lines[i - 1]) >= 2 and tabular[i + 1]


def _over(head: list, row: list) -> bool:
    """``head`` is a header in bold or italic standing over the numbers of ``row`` alone,
    with fewer cells than the row (the row's label has no header)."""
    numbers = [s for s in row if numeric(s.plain())]
    return bool(numbers) and len(head) < len(row) and all(s.bold or s.italic for s in head) \
        and all(numbers[0].x0 - 12 <= h.x0 and h.x1 <= numbers[-1].x1 + 12 for h in head)


def _headed(lines: list, i: int) -> int | None:
    """The last row of a table of words under a header row (a bold or italic line of two
    cells or more: "Key action(s)  Time frame  Responsible unit(s)  Tracking", "Expected
    accomplishments  Indicators of achievement", "2024/25 variance  2026/27 variance"): the
    lines after it whose every cell lies under one header cell (two, when the reader joined
    two cells of a row; cells merged into one run are parted where a column starts), at
    least one of them with cells in two columns; None when there is no such table. Not a
    table: the contents' column heads ("Chapter  Page"), a joint masthead ("General
    Assembly  Economic and Social Council"); headings that close the rows ("External
    factors", the next component's title over the header again) are not the table's."""
    head = lines[i]
    if len(head) < 2 or not all(s.bold or s.italic for s in head):
        return None
    texts = [s.plain() for s in head]
    if any(_TOC_HEAD.match(t) or _ORGAN.match(t) or is_masthead_line(t) and "/" not in t
           or LABEL.match(t) for t in texts):  # ("Decision/request" reads as a symbol; "(a)
        return None  # Nominal dollar index  (b) Portfolio flows": a chart's panel titles)
    centres = [(h.x0 + h.x1) / 2 for h in head]
    starts = [h.x0 for h in head[1:]]

    # a line's only cell starts inside its column, after halfway between its header cell
    # and the one before (text indented beyond the first column's middle, under the second,
    # is the body going on)
    bounds = [(h.x1 + n.x0) / 2 for h, n in zip(head, head[1:])]

    def column(seg, alone: bool) -> int | None:
        under = [k for k, c in enumerate(centres) if seg.x0 <= c <= seg.x1]
        if len(under) > (1 if alone else 2):  # two cells the reader set as one: one too many
            return None
        if len(under) == 2:
            return under[0]
        k = under[0] if under else min(range(len(centres)),
                                       key=lambda k: abs(centres[k] - (seg.x0 + seg.x1) / 2))
        return k if not alone or not k or bounds[k - 1] - 6 <= seg.x0 else None

    def heading(segs) -> bool:
        return len(segs) == 1 and (segs[0].bold or segs[0].italic)

    end, spread, parted = None, False, {}
    for j in range(i + 1, len(lines)):
        segs = lines[j]
        if any(_LEADERS.search(seg.plain()) for seg in segs):
            break  # a table of contents is no table
        if [seg.plain() for seg in segs] == texts:
            break  # the header again: the next table (a framework's next component)
        cols = [column(seg, len(segs) == 1) for seg in segs]
        if None in cols:
            segs = _parted(segs, starts)
            if segs is None:
                break
            cols = [column(seg, len(segs) == 1) for seg in segs]
            if None in cols:
                break
            parted[j] = segs
        end, spread = j, spread or len(set(cols)) >= 2 and not all(s.bold or s.italic
                                                                    for s in segs)
    while end is not None and end > i and heading(lines[end]):
        end -= 1  # the headings over what follows ("External factors", the next component)
    if not spread or end is None or end == i:
        return None
    for j, segs in parted.items():
        if j <= end:
            lines[j] = segs  # two cells the reader merged, parted where a column starts
    return end


def _parted(segs: list, starts: list[float]) -> list | None:
    """``segs`` with every segment cut where a merged run has a cell gap (``Run.cuts``) and
    the text after it starts where a header cell does (within 4 pt); None if none is."""
    out, cut_any = [], False
    for seg in segs:
        runs: list = []
        for run in seg.runs:
            rest, offset = run, 0
            for left_x1, right_x0, at in run.cuts:
                if any(abs(right_x0 - x) <= 4 for x in starts):
                    text = rest.text
                    k = at - offset
                    runs.append(replace(rest, text=text[:k].rstrip(), x1=left_x1, cuts=()))
                    out.append(Segment(runs, seg.line))
                    runs = []
                    rest, offset = replace(rest, text=text[k:], x0=right_x0, cuts=()), at
                    cut_any = True
            runs.append(rest)
        out.append(Segment(runs, seg.line))
    return out if cut_any else None


def _rows(i: int, tabular: list[bool], cost: list[int], chart: tuple[int, int] | None) -> int:
    """The last row of the table that starts at line ``i``: rows, and what may stand
    between them at a cost of at most 6, up to an organization chart."""
    end, j, gap = i, i + 1, 0
    while j < len(tabular) and (tabular[j] or gap + cost[j] <= 6) and not (chart and j >= chart[0] > i):
        if tabular[j]:
            end, gap = j, 0
        else:
            gap += cost[j]
        j += 1
    return end
