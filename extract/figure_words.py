"""Figures written as words of proportion or multiplication, and ranges.

"two thirds", "a fifth of", "one in three", "half of", "三分之一", "一半" are fractions
(unit ``fraction``, value 0.666667); "doubled", "threefold", "翻了一番", "增加了两倍" are
multiples (unit ``times``; 增加了两倍 "increased by two times" is three times the base).
A range ("15–24", "between 10 and 20 per cent", "15至24岁") becomes one figure whose
``low`` and ``high`` are its ends.
"""
from __future__ import annotations

import re

from extract.numbers import ARABIC, EN_UNITS_WORDS, parse_arabic, parse_chinese

DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
                "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9,
                "ninths": 9, "tenth": 10, "tenths": 10}
NUMERATORS = {"a": 1, "one": 1, **{k: v for k, v in EN_UNITS_WORDS.items() if v < 20}}
_PLURAL = "|".join(k for k in DENOMINATORS if k.endswith("s"))
_SINGULAR = "|".join(k for k in DENOMINATORS if not k.endswith("s"))
# "two thirds" is always a fraction; "a third" and "one fifth" only before "of" ("a third
# country" is an ordinal); "half" only as "half of", and not "the first half of 2025".
FRACTIONS_EN = [
    re.compile(rf"(?<!first )(?<!last )(?<!next )(?<!past )\b(?P<num>{'|'.join(NUMERATORS)})"
               rf"[\s-]+(?P<den>{_PLURAL})\b", re.I),  # not "the first three quarters of 2022"
    re.compile(rf"\b(?P<num>a|one)[\s-]+(?P<den>{_SINGULAR})(?=\s+of\b)", re.I),
    re.compile(r"(?<!first )(?<!second )(?<!the )(?<!a )(?<!one )\b(?P<den>half)(?=\s+(?:of|the|its|their|all)\b|\s+\()",
               re.I),
    re.compile(rf"\b(?:one\s+in|(?P<part>{'|'.join(NUMERATORS)}|\d{{1,3}})\s+out\s+of)\s+"
               rf"(?:every\s+)?(?P<every>{'|'.join(EN_UNITS_WORDS)}|\d{{1,3}})\b(?![.,]\d)", re.I),
]
MULTIPLE_EN = re.compile(
    r"\b(?:(?P<verb>doubled|doubling|tripled|tripling|trebled|quadrupled|quadrupling|"
    r"halved|halving)|(?P<fold>two|three|four|five|six|seven|eight|nine|ten|\d{1,3})"
    r"[\s-]?fold)\b", re.I)
VERB_FACTORS = {"doubl": 2, "tripl": 3, "trebl": 3, "quadrupl": 4, "halv": 0.5}

ZH_DIGITS = "一二两三四五六七八九十"
FRACTION_ZH = re.compile(rf"(?<!百)(?P<den>[{ZH_DIGITS}]+)分之(?P<num>[{ZH_DIGITS}]+)|一半")
# 翻一番 doubles, 翻两番 quadruples: each 番 is a doubling.
MULTIPLE_ZH = re.compile(r"翻了?(?P<n>[一两二三])番")
# 增加(了)两倍, 高出一倍: "by N times" is N + 1 times the base.
GREW_BY_ZH = re.compile(r"(?:增加|增长|提高|上升|扩大|高出|多出)了?\s*$")


# Words one of which a fraction or multiple contains: most paragraphs have none, and a
# substring test is far cheaper than the patterns.
CUES_EN = ("half", "halv", "third", "quarter", "fourth", "fifth", "sixth", "seventh", "eighth",
           "ninth", "tenth", "one in", "out of", "doubl", "tripl", "trebl", "quadrupl", "fold")
CUES_ZH = ("分之", "一半", "番")


def word_figures(text: str, lang: str) -> list[tuple[int, int, float, str]]:
    """(start, end, value, unit) of every fraction or multiple in ``text``."""
    found = []
    lower = text.lower() if lang == "en" else text
    if not any(cue in lower for cue in (CUES_ZH if lang == "zh" else CUES_EN)):
        return found
    if lang == "zh":
        for m in FRACTION_ZH.finditer(text):
            value = 0.5 if m.group() == "一半" else (parse_chinese(m.group("num"))
                                                   / parse_chinese(m.group("den")))
            found.append((m.start(), m.end(), value, "fraction"))
        for m in MULTIPLE_ZH.finditer(text):
            found.append((m.start(), m.end(), 2.0 ** parse_chinese(m.group("n")), "times"))
        return found
    for pattern in FRACTIONS_EN:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            if groups.get("every"):  # one in three, five out of every six
                every, part = groups["every"].lower(), (groups.get("part") or "one").lower()
                value = (int(part) if part.isdigit() else NUMERATORS[part]) / (
                    int(every) if every.isdigit() else EN_UNITS_WORDS[every])
            else:
                value = (NUMERATORS[groups["num"].lower()] if groups.get("num") else 1) \
                    / DENOMINATORS[groups["den"].lower()]
            found.append((m.start(), m.end(), value, "fraction"))
    for m in MULTIPLE_EN.finditer(text):
        if m.group("verb"):
            verb = m.group("verb").lower()
            value = next(v for k, v in VERB_FACTORS.items() if verb.startswith(k))
        else:
            n = m.group("fold").lower()
            value = int(n) if n.isdigit() else EN_UNITS_WORDS[n]
        found.append((m.start(), m.end(), float(value), "times"))
    return found


def grew_by(text: str, start: int) -> bool:
    """增加了两倍: 'increased by two times' is three times the base (增加了一倍: doubled)."""
    return bool(GREW_BY_ZH.search(text[max(0, start - 6):start]))


# What joins the two ends of a range; "and" only after "between", "to" not after "from" or
# "by" (which state a change: "rose from 10 to 20 per cent").
RANGE_LINK = re.compile(r"\s*(?:–|—|-|‑|to|至|~|～)\s*(?:US\$|\$|€|£)?\s*")
# "from" earlier in the clause, or "by" right before: the "to" states a change ("rose from a
# pre-pandemic average of 40 per cent to 57 per cent").
CHANGE_BEFORE = re.compile(r"\bfrom\b[^.;:]*$|\bby\s*(?:US\$|\$|€|£)?\s*$|从[^。；]*$")
BETWEEN_LINK = re.compile(r"\s*and\s*(?:US\$|\$|€|£)?\s*")


def range_pairs(text: str, spans: list[tuple[int, int, float, float]]) -> list[int]:
    """Indexes i such that figures i and i+1 (start, end, value, raw value) are the ends
    of one range."""
    pairs = []
    for i, (a, b) in enumerate(zip(spans, spans[1:])):
        if pairs and pairs[-1] == i - 1:
            continue
        link = text[a[1]:b[0]]
        if RANGE_LINK.fullmatch(link):
            if "to" in link and CHANGE_BEFORE.search(text, max(0, a[0] - 60), a[0]):
                continue  # rose from 10 to 20, increased by $1.9 million to $7.7 million
        elif not (BETWEEN_LINK.fullmatch(link)
                  and re.search(r"\bbetween\s*(?:US\$|\$|€|£)?\s*$", text[max(0, a[0] - 20):a[0]],
                                re.I)):
            continue
        if a[3] < b[3]:
            pairs.append(i)
    return pairs


AGE_BEFORE = re.compile(r"\b(?:aged?|ages)\s*(?:of\s*|between\s*|from\s*)?$", re.I)


def share_units(text: str, figures: list) -> None:
    """'between 2 and 3 times', '2 to 3 million', '20–25 per cent': the unit and scale
    written once after a range apply to both ends."""
    for a, b in zip(figures, figures[1:]):
        link = text[a.end:b.start]
        if not re.fullmatch(r"\s*(?:and|to|–|-|至|到|和)\s*(?:US\$|\$|€)?\s*", link):
            continue
        if a.unit == "count" and b.unit != "count":
            a.unit, a.counted = b.unit, None
        if b.unit == "count" and b.counted is None and a.unit not in (
                "count", "percent", "times"):
            b.unit = a.unit  # "$2 to 3 million", not "$2 million and 20 staff"
        if b.scale_explicit and not a.scale_explicit and a.value < 1000 \
                and a.unit == b.unit:  # not "46.6 per cent to $8.8 million"
            a.value *= b.value / parse_number_at(text, b)
    _share_along_lists(text, figures)


def _share_along_lists(text: str, figures: list) -> None:
    """'aged 3 months, 2, 8 and 12 years', '5, 10 and 15 per cent': a bare number in a
    comma list that ends in 'and'/'or' takes the unit written once at the end."""
    listed: set[int] = set()  # figures that close, or belong to, such a list
    for a, b in reversed(list(zip(figures, figures[1:]))):
        link = text[a.end:b.start]
        if a.unit == b.unit != "count" and re.fullmatch(r"\s*,?\s*(?:and|or|和|或)\s*", link):
            listed.add(id(a))
        elif (id(b) in listed and a.unit == "count" and a.counted is None
              and re.fullmatch(r"\s*[,，、]\s*", link)):
            a.unit = b.unit
            listed.add(id(a))


def parse_number_at(text: str, fig) -> float:
    """The number as written in the figure's text (before any scale), else the figure's value."""
    m = re.search(ARABIC, text[fig.start:fig.end])
    return parse_arabic(m.group()) if m else fig.value


def merge_ranges(text: str, figures: list) -> list:
    """Two figures that are the ends of one range become one figure (value = low end)."""
    pairs = set(range_pairs(text, [(f.start, f.end, f.value, f.value) for f in figures]))
    out = []
    skip = False
    for i, fig in enumerate(figures):
        if skip:
            skip = False
            continue
        if i in pairs:
            high = figures[i + 1]
            fig.end, fig.high = high.end, high.value
            if fig.unit == "count":
                fig.unit = high.unit
            fig.counted = fig.counted or high.counted
            if fig.unit == "count" and AGE_BEFORE.search(text[max(0, fig.start - 20):fig.start]):
                fig.unit, fig.counted = "years", None  # aged 15–24
            skip = True
        elif re.search(r"\d[–‑-]$", text[max(0, fig.start - 2):fig.start]):
            continue  # the high end of a range whose low end is no figure (SR.2–6)
        out.append(fig)
    return out
