"""Context rules that decide whether a number in a paragraph can be a figure at all.

Kept apart from ``figures.py`` (which reads a number's unit, scale and qualifier) because
these rules look at what surrounds a number: where the paragraph starts, whether numbers
stand in a row like table cells or chart ticks, whether a paragraph is a table of contents,
whether a word before it makes it a label ("Figure 3", "Goals 3, 6, and 9").
They must hold whatever the PDF reader makes of tables and charts: a row of bare numbers is
never a figure in running text.
"""
from __future__ import annotations

import re

# The largest amount a UN report states is in the trillions; anything past this is numbers
# run together (chart ticks read as one thousands-grouped number).
MAX_VALUE = 1e15

# Leader dots of a table of contents: its numbers are page numbers.
TOC_LEADERS = re.compile(r"(?:(?:\.\s?){5,}|…{3,}|_{5,})\s*(?:\d|$)")
# Job number of the masthead or footer: 25-07795, 25 - 01529, 24-22530X (E) 191224.
# (Patterns that open with a look-behind start with a look-ahead for their first character,
# which lets the regex engine skip to the candidates instead of trying every position.)
JOB_NUMBER = re.compile(r"(?=[\d(])(?:(?<!\d)\d{2}\s?[-‑]\s?\d{5}(?!\d)|\(\s?[A-Z]\s?\)\s*\d{6}\b)")
# Paragraph, sub-paragraph and recommendation numbers that open a paragraph or follow the
# end of the previous unit when a reader ran two units together: "16. Several",
# "9.1. Continue", "140.162 Continue ... (Ghana); 140.163 Take".
UNIT_NUMBER = re.compile(
    r"(?:^|(?<=[.;:)\]]\s)|(?<=[.;:)\]]))\s*(\d{1,3}(?:\.\d{1,3}){1,2}\.?(?=\s+[A-Z(\"“])"
    r"|\d{1,3}\.(?=\s+[A-Z(\"“]))")
# A paragraph opening with a bare integer and a capitalised word: UN style never starts a
# sentence with a numeral, so this is a page number, heading number or running header.
OPENING_NUMBER = re.compile(
    r"^\s*(\d{1,4})(?=\s*[.)\-–:]?\s+(?:[A-Z][a-z]|[A-Z]\.|[IVX]+\.)|\s*$)")
# Web addresses and file names (a reader may break them across lines) hold digits that
# are no quantities: ...-bei-gedenkfeier-li.2313544, %D0%B5, report.pdf.
ADDRESS = re.compile(r"(?<!\S)\S*?(?:https?:|www\.|\.html?\b|\.pdf\b|\.aspx?\b|%[0-9A-F]{2}|"
                     r"(?:[A-Za-z]+-){3,})\S*")
# Clock times: 11.20 a.m., 10:00 hours.
CLOCK = re.compile(r"\b\d{1,2}[.:]\d{2}\s*(?:a\.m\.|p\.m\.|hours\b|h\b)")
# Old General Assembly resolutions: 248 (III), 20 (XXXVI), S-27/2.
ROMAN_SESSION = re.compile(r"(?=\d)(?<![\d.])\d{1,4}\s?\((?:S-)?[IVXL]+\)")
# Page numbers of a footer: "17 /55", "6/18".
PAGE_OF = re.compile(r"(?<!\d)\d{1,4}\s*/\s*\d{1,4}(?!\d)(?!\s*(?:号|\())")
ZH_LABEL_BEFORE = re.compile(r"(?:建议|目标|具体目标|指标|表|图|附件|段|框|专栏|方框|版|版本|"
                             r"项目|倡议|原则)\s*$")

# Numbers stand in a row (table cells, chart ticks or data labels) when only these lie
# between them.
ROW_GAP = re.compile(r"[\s()%％]*|\s+(?:[–—-]\s+)+")  # '2 – – 180': dashes are empty cells
RANGE_GAP = re.compile(r"\s+[–—-]\s+")


# Substrings without which a pattern cannot match: a cheap test spares most paragraphs the
# pattern (these rules run on every paragraph that holds a number).
CUES = [(JOB_NUMBER, ("-", "‑", "(")), (ROMAN_SESSION, ("(",)), (CLOCK, ("a.m.", "p.m.", "hour"))]
# The part of an address that can be found without scanning every token from its start.
# (a run of hyphenated words is looked for only from a word's start: found inside a word,
# it is found from its start too, and the search does not rescan each word from every letter)
ADDRESS_CUE = re.compile(r"https?:|www\.|\.html?\b|\.pdf\b|\.aspx?\b|%[0-9A-F]{2}|"
                         r"(?<![A-Za-z])(?:[A-Za-z]+-){3,}")


def blocked_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of ``text`` where no figure may be found."""
    if any(c in text for c in ("....", ". . .", "……", "____")) and TOC_LEADERS.search(text):
        return [(0, len(text))]
    spans = [m.span() for pattern, cues in CUES if any(c in text for c in cues)
             for m in pattern.finditer(text)]
    if ADDRESS_CUE.search(text):
        spans += [m.span() for m in ADDRESS.finditer(text)]
    if "/" in text:
        spans += [m.span() for m in PAGE_OF.finditer(text) if not _fraction_like(text, m)]
    if lang == "en":
        spans += [m.span(1) for m in UNIT_NUMBER.finditer(text)]
        m = OPENING_NUMBER.match(text)
        if m:
            spans.append(m.span(1))
    else:
        m = re.match(r"\s*(?:\d{1,3}(?:\.\d{1,3})*\.|[（(]\d{1,3}[)）])", text)
        if m:  # 12. 或 (3)：段落编号
            spans.append(m.span())
    return spans


def _fraction_like(text: str, m: re.Match) -> bool:
    """'24/7' and '1/3' inside a sentence are not page numbers; a footer's 'N /M' is."""
    return not re.search(r"\s/|/\s", m.group()) and text.strip() != m.group()


def zh_label_before(text: str, start: int) -> bool:
    """Whether the number follows a label (建议, 目标, 表, 段...): it names the item, counts
    nothing."""
    return bool(ZH_LABEL_BEFORE.search(text[max(0, start - 6):start]))


def in_rows(text: str, spans: list[tuple[int, int]]) -> set[int]:
    """Indexes of the numbers (spans in text order) that stand in a row of bare numbers:
    running prose never puts two numbers side by side, table cells and chart ticks do."""
    rows: set[int] = set()
    i = 0
    while i < len(spans):
        j = i
        while j + 1 < len(spans) and ROW_GAP.fullmatch(text[spans[j][1]:spans[j + 1][0]]):
            j += 1
        if j > i + 1 or j == i + 1 and not RANGE_GAP.fullmatch(text[spans[i][1]:spans[j][0]]):
            rows.update(range(i, j + 1))  # (two numbers across one dash are a range)
        i = j + 1
    return rows


def run_together(raw: str, lang: str) -> bool:
    """Numbers that a plain space ran together, not one thousands-grouped number:
    '700 650 600 550 500' (3-digit groups stepping evenly: chart ticks) and, in English,
    where commas group thousands, any reading with more than one space-separated group
    ('42 071 555 221 046' is a table row)."""
    groups = raw.split(" ")
    if len(groups) < 3:
        return False
    if lang == "en":
        return True
    values = [int(g) for g in groups if g.isdigit()]
    steps = {b - a for a, b in zip(values, values[1:])}
    return len(values) == len(groups) and len(steps) == 1 and 0 not in steps


# Words before a number that make it a label, not a figure; a list may follow
# ("Goals 4 (quality education), 5 (gender equality) and 17").
LABEL_NOUNS_EN = (r"(?i:targets?|indicators?|items?|paragraphs?|paras?\.|chapters?|chap\.|"
                  r"annex(?:es)?|sections?|sect\.|articles?|art\.|vol\.|volume|sessions?|"
                  r"pages?|p\.|pp\.|footnotes?|tables?|figures?|phases?|grades?|levels?|"
                  r"principles?|recommendations?|rules?|parts?|steps?|pillars?|versions?|"
                  r"options?|scenarios?|box(?:es)?|appendix|appendices|tiers?|categor(?:y|ies)|"
                  r"modules?|rounds?|cycles?|batch|room|priority|priorities|objectives?|"
                  r"outcomes?|outputs?|actions?|subparagraphs?|paragraphes?|topics?|stages?|"
                  r"decisions?|lines?|positions?|"
                  r"nos?\.)|"
                  r"Goals?|Group of|Agenda|COP|G|SDGs?|Beijing\+|Title|Protocol")
LABEL_BEFORE_EN = re.compile(rf"\b(?:{LABEL_NOUNS_EN})\s+$")
LABEL_LIST_EN = re.compile(
    rf"\b(?:{LABEL_NOUNS_EN})\s*(?:\d+(?!\d)(?:\.\w+)*(?!\s*(?:per\s*cent|percent|%|million|billion))"
    rf"(?:\s*\([^)]{{1,60}}\))?"
    rf"(?:\s*(?:,\s*(?:and|or)?|and|or|to|–|-)\s*)?)+")


# The words right before a number: the only places a label list can start (at the last
# word, or the one before it for "Group of 77"). Trying the label pattern there only is much
# faster than scanning every word of a paragraph with it.
LAST_WORDS = re.compile(r"(?:([A-Za-z][A-Za-z.+]*)\s+)?([A-Za-z][A-Za-z.+]*)\s*$")


def label_spans(text: str, number_starts: list[int]) -> list[tuple[int, int]]:
    """Spans of the English label lists ("Goals 4 (quality education), 5 and 17") that
    the numbers starting at ``number_starts`` belong to."""
    spans: list[tuple[int, int]] = []
    for start in number_starts:
        if spans and start < spans[-1][1]:
            continue
        base = max(0, start - 30)
        words = LAST_WORDS.search(text, base, start)
        if not words:
            continue
        for group in (2, 1):
            label = words.start(group) >= 0 and LABEL_LIST_EN.match(text, words.start(group))
            if label:
                spans.append(label.span())
                break
    return spans
