"""Figures: amounts, counts and percentages, with their unit, qualifier and what is counted.

Works on one paragraph string at a time and returns character spans into it. Numbers that
are not figures are recognised by their context: years and dates, labels (``Goal 5``,
``P-4``, ``第五十六届``, ``(a)``), document and resolution numbers (spans masked by the
reference finder), footnote markers left in a text layer (``妇女。4 2019 年``) and
hyphenated compounds that name things (``30-year review``, ``16日运动``); the rules that look
at a number's surroundings (rows of numbers, paragraph and job numbers, label lists) are in
``figure_rules``, fractions, multiples and ranges in ``figure_words``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.counted import counted_en, counted_zh
from extract.figure_rules import (LABEL_BEFORE_EN, MAX_VALUE, blocked_spans, in_rows,
                                  label_spans, run_together, zh_label_before)
from extract.figure_words import grew_by, merge_ranges, share_units, word_figures
from extract.figure_zh import (CURRENCY_ZH, MEASURE_ZH, NOUN_CLASSIFIERS,
                               QUALIFIER_AFTER_MEASURE_ZH, QUALIFIER_AFTER_ZH, ZH_UNIT_WORDS,
                               one_counts, period_end, qualifier_before)
from extract.numbers import (ARABIC, CN_NUMERAL, EN_SCALE, EN_WORD, ZH_SCALE, clean_value,
                             parse_arabic, parse_chinese, parse_english_word)

MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
          "December")
# A French date in an English report (du 30 mars 2016: names of parties and laws).
MONTHS_SHORT = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
MONTHS_FR = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
CURRENCY_PREFIX = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY",
                   **{code: code for code in (
                       "USD EUR GBP CHF JPY CNY BAM KES NGN INR ZAR BRL MXN RUB AUD CAD SEK NOK "
                       "DKK XOF XAF ETB UGX TZS EGP PKR BDT IDR COP ARS TRY UAH").split()}}
CURRENCY_WORDS_EN = {"United States dollars": "USD", "dollars": "USD", "euros": "EUR",
                     "Swiss francs": "CHF", "pounds sterling": "GBP"}
TIME_UNITS_EN = {"hour": "hours", "hours": "hours", "day": "days", "days": "days",
                 "week": "weeks", "weeks": "weeks", "month": "months", "months": "months",
                 "years": "years", "times": "times", "km": "km", "kilometres": "km",
                 "hectares": "hectares", "tons": "tonnes", "tonnes": "tonnes"}
QUALIFIERS_EN = [
    ("at_least", r"at least|not less than|no less than|a minimum of"),
    ("at_most", r"no more than|not more than|at most|up to|a maximum of"),
    ("more_than", r"well over|more than|over|above|in excess of|exceeding"),
    ("less_than", r"fewer than|less than|below|under"),
    ("approximately", r"approximately|about|around|some|nearly|almost|roughly|close to|"
                      r"an estimated|estimated"),
]
QUALIFIER_BEFORE_EN = [(q, re.compile(rf"\b(?:{p})\s*(?:US\$|\$|€|£)?\s*$", re.I))
                       for q, p in QUALIFIERS_EN]
# A capitalised word inside a sentence right before a bare number names it ("Alliance 8.7").
NAME_BEFORE = re.compile(
    rf"(?<![.!?:;(]\s)(?<!^)(?<=\w\s)(?!(?:Over|About|Some|Nearly|Almost|Around|Approximately|"
    rf"Fewer|More|Less|Under|Below|Above|Only|All|The|In|By|Of|To|For|With|From|On|At|"
    rf"{MONTHS})\b)[A-Z][a-z]+(?:[’‘'][a-z]+)?\s$")
WINDOW = 80  # how far after a number its unit, qualifier and counted noun may reach
ONE_COUNTED = re.compile(r"\b(?:at least|more than|only|just|exactly|fewer than|less than)\s$",
                         re.I)  # "at least one person"
# "one representative from each regional member country": one per unit is a count.
ONE_EACH = re.compile(r"(?:\s+[a-z][a-z-]*){0,3}?\s+(?:from|for|in|per)\s+(?:each|every)\b")
PUNCT_BEFORE_MARKER = ".。;；”\"’)）!?！？"


@dataclass
class Figure:
    """One figure found in a text: its span, value (the low end of a range), unit, qualifier and
    what it counts."""
    start: int
    end: int
    value: float
    unit: str = "count"
    qualifier: str | None = None
    counted: str | None = None
    scale_explicit: bool = field(default=False, repr=False)
    high: float | None = None  # set for a range, whose low end is ``value``

    def as_dict(self, text: str) -> dict:
        """The figure's fields of a record, its text taken from ``text``."""
        ranged = self.high is not None
        return {"text": text[self.start:self.end], "span": [self.start, self.end],
                "value": clean_value(self.value),
                "low": clean_value(self.value) if ranged else None,
                "high": clean_value(self.high) if ranged else None, "unit": self.unit,
                "qualifier": self.qualifier, "counted": self.counted}


def _masked(start: int, end: int, masks) -> bool:
    return any(s < end and start < e for s, e in masks)


def _qualifier_en(prefix: str) -> str | None:
    return next((q for q, pattern in QUALIFIER_BEFORE_EN if pattern.search(prefix)), None)


def _not_a_quantity(raw: str, lang: str) -> bool:
    """Digits that cannot be a quantity: a leading zero ('04320', part of a job number or a
    code) or numbers a plain space ran together (chart ticks, table rows)."""
    if raw[0] == "0" and len(raw) > 1 and raw[1].isdigit():
        return True
    return " " in raw and raw[0].isdigit() and run_together(raw, lang)


class FigureFinder:
    """One finder per language; compiled once and reused for every paragraph."""

    def __init__(self, lang: str):
        self.lang = lang
        if lang == "zh":
            self.number_re = re.compile(
                rf"百分之\s*(?:{CN_NUMERAL}|{ARABIC})|{ARABIC}|{CN_NUMERAL}")
        else:
            # the look-ahead (a digit or the first letter of a number word) spares the
            # alternation of every word at every other character
            self.number_re = re.compile(
                rf"(?=[\dtfsenho])(?:{ARABIC}|\b{EN_WORD}\b|\bone\b(?!\s+of\b))", re.I)
        self.month_after = re.compile(
            rf"^(?:\s*(?:,|and|to|–|-)\s*\d{{1,2}})*\s+(?:{MONTHS}|{MONTHS_FR}|{MONTHS_SHORT})")
        self.month_before = re.compile(rf"\b(?:{MONTHS})\s+(?:\d{{1,2}},?\s+)?$")

    # -- public ---------------------------------------------------------------------------
    def find(self, text: str, masks=(), markers: frozenset[str] = frozenset(),
             doc=None) -> list[dict]:
        """Figures of ``text``; ``doc`` (its tokens, Chinese only) tells what a count
        counts."""
        matches = list(self.number_re.finditer(text))
        words = word_figures(text, self.lang)
        if not matches and not words:
            return []
        blocked = [*masks, *blocked_spans(text, self.lang), *((w[0], w[1]) for w in words)]
        arabic = [m.span() for m in matches if m.group()[0].isdigit()]
        if self.lang == "en":
            blocked += label_spans(text, [s for s, _ in arabic])
        rows = {arabic[i] for i in in_rows(text, arabic)}
        found: list[Figure] = []
        for m in matches:
            start, end, raw = m.start(), m.end(), m.group()
            if m.span() in rows or _masked(start, end, blocked) or _not_a_quantity(raw, self.lang):
                continue
            if self.lang == "zh" and zh_label_before(text, start):
                continue
            fig = (self._zh(text, start, end, raw, markers, doc) if self.lang == "zh"
                   else self._en(text, start, end, raw, markers))
            if fig is not None and abs(fig.value) < MAX_VALUE:
                found.append(fig)
        for start, end, value, unit in words:
            fig = Figure(start, end, value, unit=unit)
            if self.lang == "zh":
                self._zh_qualify(text, fig)
            else:
                fig.qualifier = _qualifier_en(text[max(0, start - 25):start])
            found.append(fig)
        found.sort(key=lambda f: f.start)
        share_units(text, found)
        return [f.as_dict(text) for f in merge_ranges(text, found)]

    # -- shared context tests -------------------------------------------------------------
    def _glued(self, text: str, start: int, end: int) -> bool:
        """Part of a code, symbol, grade or compound: P-4, COVID-19, 16.4.1, FfD4, 30-year."""
        before = text[start - 1] if start else ""
        before2 = text[start - 2] if start > 1 else ""
        after = text[end] if end < len(text) else ""
        after2 = text[end + 1] if end + 1 < len(text) else ""
        if before.isalpha() and before.isascii() or before in {"/", "+", "#"}:
            return True
        if before in {"-", "‑"} and (before2.isalpha() or before2 == " " and self.lang == "en"):
            return True  # P-4, COVID-19; but 15-24 is a range
        if re.search(r"[A-Za-z][-‑]\s$", text[max(0, start - 3):start]):
            return True  # "COVID- 19": a text layer split a code at its hyphen
        if before == "." and (before2.isdigit() or before2.isascii() and before2.isalpha()):
            return True  # 16.4.1, SR.571, L.6
        if after in ".:" and after2.isdigit() or before == ":" and before2.isdigit():
            return True  # 16.4.1, a ratio 1:23 or a time 11:20
        if after == "/" or (after.isascii() and after.isalpha() and self.lang == "en"):
            return True
        # 30-year review, two-day meeting (a text layer may leave "30 -year" or "10 - Year")
        return bool(re.match(r" ?[-‑] ?[A-Za-z]", text[end:end + 4]))

    def _marker(self, text: str, start: int, end: int, raw: str,
                markers: frozenset[str]) -> bool:
        """A footnote marker left in the text: a small number glued after punctuation (or
        alone on a line) with no unit after it."""
        if not raw.isdigit() or len(raw) > 3:
            return False
        line_start = text.rfind("\n", 0, start)
        line_end = text.find("\n", end)
        rest_of_line = text[end:line_end] if line_end >= 0 else text[end:end + WINDOW]
        if not text[line_start + 1:start].strip() and not rest_of_line.strip():
            return line_start >= 0 or line_end >= 0
        prev = text[max(0, start - 8):start].rstrip(" \u00a0")
        if not prev:
            return False
        if prev[-1] in PUNCT_BEFORE_MARKER:
            # "Khan Yunus; 22 Palestinians": after a semicolon and a space a list goes on
            return not (prev[-1] in ";；" and start > 0 and text[start - 1] in " \u00a0")
        return prev[-1] in ",，" and raw in markers

    # -- English --------------------------------------------------------------------------
    def _en(self, text, start, end, raw, markers) -> Figure | None:
        is_word = not raw[0].isdigit()
        if is_word:
            if LABEL_BEFORE_EN.search(text, max(0, start - 25), start):
                return None  # key priority five, Goal five: a label
            if re.match(r"\s?[-‑]", text[end:end + 2]) or re.search(
                    r"[-‑]\s?$", text[max(0, start - 2):start]):
                return None  # twenty-third, Fifteen-year (text layers may leave "sixty -ninth")
            if re.search(r"\bGroup of\s*$", text[max(0, start - 12):start]):
                return None  # Group of Seven: a name
            if raw.lower() == "hundred" and not re.search(
                    r"\b(?:a|one)\s$", text[max(0, start - 4):start], re.I):
                return None  # several hundred units: no number
            if raw.lower() == "one" and not ONE_COUNTED.search(text, max(0, start - 12), start) \
                    and not ONE_EACH.match(text, end):
                return None  # an article or pronoun unless a qualifier or 'each' counts it
            value = 1.0 if raw.lower() == "one" else parse_english_word(raw)
        else:
            if self._glued(text, start, end):
                return None
            value = parse_arabic(raw)
            if self._marker(text, start, end, raw, markers):
                return None
        after = text[end:end + WINDOW]
        before = text[max(0, start - 40):start]
        if not is_word and self.month_after.match(after) or self.month_before.search(before):
            return None
        if re.match(r"\s*\)", after) and (re.fullmatch(r"\s*\(", text[:start]) or re.search(
                r"[:;]\s*\($", text[max(0, start - 6):start])):
            return None  # (1) list label
        fig = Figure(start, end, value)
        half = re.match(r"\s+and\s+a\s+half\b", after)
        if half:  # six and a half decades
            fig.value += 0.5
            fig.end += half.end()
            after = text[fig.end:fig.end + WINDOW]
        m = re.match(r"\s*(thousand|million|billion|trillion)\b", after)
        if m:
            fig.value *= EN_SCALE[m.group(1)]
            fig.end += m.end()
            fig.scale_explicit = True
            after = text[fig.end:fig.end + WINDOW]
        cur = re.search(r"(US\$|\b[A-Z]{3}|\$|€|£|¥)\s*$", before)
        cur = cur if cur and cur.group(1) in CURRENCY_PREFIX else None
        if cur:
            fig.unit = CURRENCY_PREFIX[cur.group(1)]
            fig.start = start - (len(before) - cur.start())
        m = re.match(r"\s*(?:(?P<pp>percentage points?)|per\s*cent|percent|%)", after)
        if m and fig.unit == "count":
            fig.unit = "percentage points" if m.group("pp") else "percent"
            fig.end += m.end()
        elif fig.unit == "count" and (m := re.match(r"\s*(?:°\s?C\b|degrees? Celsius)", after)):
            fig.unit = "°C"
            fig.end += m.end()
        elif fig.unit == "count":
            m = re.match(r"\s*(" + "|".join(CURRENCY_WORDS_EN) + r")\b", after)
            if m:
                fig.unit = CURRENCY_WORDS_EN[m.group(1)]
                fig.end += m.end()
        if fig.unit == "count":
            m = re.match(r"\s*(?:(?:more|additional|consecutive|successive|further|full)\s+)?"
                         r"([A-Za-z]+)\b", after)
            if m and m.group(1).lower() in TIME_UNITS_EN:
                fig.unit = TIME_UNITS_EN[m.group(1).lower()]
        if (fig.unit == "count" and not fig.scale_explicit and not is_word and "." not in raw
                and 1900 <= value <= 2100 and "," not in raw):
            return None  # a year
        if fig.unit == "count" and not is_word and NAME_BEFORE.search(
                text[:fig.start], max(0, fig.start - 30)):
            return None  # Alliance 8.7, Agenda 2063, Article 5: a name or label
        if fig.unit == "count" and not fig.scale_explicit and re.search(
                r"(?<![.!?:;]\s)\b[A-Z]{2,}\s$", text[max(0, fig.start - 12):fig.start]):
            return None  # IPSAS 41, ISO 9001: a standard or code named by an acronym
        prefix = text[max(0, fig.start - 25):fig.start]
        if not (is_word and re.search(r"\b(?:around|over|under|some|below|above)\s*$",
                                      prefix, re.I)):
            # not "organized around three areas": a preposition before a spelled-out number
            fig.qualifier = _qualifier_en(prefix)
        if fig.qualifier is None:
            m = re.match(r"\s*(?:per\s*cent|percent|%)?\s*or (more|higher|above|greater|less|"
                         r"fewer|lower|below)\b", text[fig.end:fig.end + WINDOW])
            if m:
                fig.qualifier = ("at_least" if m.group(1) in ("more", "higher", "above", "greater")
                                 else "at_most")
        if fig.unit == "count":
            fig.counted = counted_en(text[fig.end:fig.end + WINDOW])
        return fig

    # -- Chinese --------------------------------------------------------------------------
    def _zh(self, text, start, end, raw, markers, doc) -> Figure | None:
        before = text[max(0, start - 4):start].rstrip(" \u00a0\u2009")
        after_raw = text[end:end + WINDOW]
        after = after_raw.lstrip(" \u00a0\u2009")
        gap = len(after_raw) - len(after)
        if before.endswith("第") or after.startswith(("号", "/", "届", "卷", "章", "节")):
            return None  # ordinal, document or resolution number
        if raw.startswith("百分之"):
            digits = raw[3:].strip()
            value = parse_arabic(digits) if digits[0].isdigit() else parse_chinese(digits)
            fig = Figure(start, end, value, unit="percent")
            self._zh_qualify(text, fig)
            return fig
        chinese = not raw[0].isdigit()
        if chinese:
            if raw == "一" and not one_counts(text, start, end) or raw in (
                    "十", "百", "千", "万", "亿", "零", "〇"):
                return None
            try:
                value = parse_chinese(raw)
            except (ValueError, KeyError):
                return None
        else:
            if self._glued(text, start, end) or self._marker(text, start, end, raw, markers):
                return None
            value = parse_arabic(raw)
        if re.match(r"(?:[和至到、\-–]\s*\d{1,2}\s*)?[月日]|年\s*\d{1,2}\s*月", after):
            return None  # a date
        period = period_end(text, start, end)
        if period is not None:  # 每两年, 两年一次: a period, as "every two years"
            fig = Figure(start, period, value, unit="years")
            self._zh_qualify(text, fig)
            return fig
        if re.match(r"(?:\s*(?:至|到|-|–|和)\s*\d{4})?\s*年(?!代|龄|度?预算)", after) \
                and (value >= 1000 or chinese):
            return None  # a year (2011 年, 2011 至 2013 年)
        if not chinese and 1900 <= value <= 2100 and "." not in raw and not re.match(
                r"[%％万亿千百美欧元个名人项国]", after):
            return None
        fig = Figure(start, end, value)
        pos = end + gap
        for word, factor in sorted(ZH_SCALE.items(), key=lambda kv: -len(kv[0])):
            if text.startswith(word, pos):
                fig.value *= factor
                pos += len(word)
                fig.scale_explicit = True
                break
        rest = text[pos:pos + WINDOW]
        if rest.startswith("个百分点"):
            fig.unit, pos = "percentage points", pos + 4
        elif rest[:1] in "%％":
            fig.unit, pos = "percent", pos + 1
        else:
            for word, code in sorted(CURRENCY_ZH.items(), key=lambda kv: -len(kv[0])):
                if rest.startswith(word):
                    fig.unit, pos = code, pos + len(word)
                    break
            else:
                for word, unit in ZH_UNIT_WORDS.items():
                    if rest.lstrip("多余").startswith(word):
                        fig.unit = unit
                        if word == "倍" and grew_by(text, start):
                            fig.value += 1  # 增加了两倍: three times the base
                        pos += rest.index(word) + len(word)
                        break
                else:
                    cls = re.match(rf"[多余]?({MEASURE_ZH})", rest)
                    if cls:
                        pos += cls.end()
                        fig.counted = (NOUN_CLASSIFIERS.get(cls.group(1))
                                       or counted_zh(doc, pos) or cls.group(1))
                    elif chinese:
                        return None  # 二十一世纪, 七点行动计划: no measure word, no count
        if fig.unit != "count" or fig.scale_explicit:
            fig.end = pos
        self._zh_qualify(text, fig)
        return fig

    def _zh_qualify(self, text: str, fig: Figure) -> None:
        fig.qualifier = qualifier_before(text, fig.start)
        if fig.qualifier:
            return
        tail = text[fig.end:fig.end + 8]
        # 100多个 / 120 000 人以下: the qualifier follows the number or its measure word.
        m = re.match(rf"\s*{MEASURE_ZH}", tail)
        probes = [(tail, QUALIFIER_AFTER_ZH)]
        if m:
            probes.append((tail[m.end():], QUALIFIER_AFTER_MEASURE_ZH))
        for probe, patterns in probes:
            for qual, pattern in patterns:
                if pattern.match(probe):
                    fig.qualifier = qual
                    return
