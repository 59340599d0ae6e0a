"""Numbers as UN reports write them, in both languages: ``3,400``, ``3 400`` (thin or plain
space), ``2 500 万``, ``12 亿``, ``百分之十五``, ``两``, ``twenty-five``. Chinese numerals go
through cn2an rather than a hand-written converter."""
from __future__ import annotations

import re

# Digits with optional thousands groups; a space-like separator is ASCII, no-break, thin or
# narrow no-break space. Decimal point only with '.'.
SEP = "[,\u00a0\u2009\u202f ]"
ARABIC = rf"\d{{1,3}}(?:{SEP}\d{{3}})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?"
ARABIC_RE = re.compile(ARABIC)

# Chinese numerals without 一 alone (the article "a/one" in 一系列, 一般性, 一名).
CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
CN_NUMERAL = rf"[{CN_DIGITS}]+"

EN_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
ZH_SCALE = {"万": 1e4, "亿": 1e8, "千": 1e3, "百万": 1e6, "千万": 1e7, "万亿": 1e12}

EN_UNITS_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
           "seventy": 70, "eighty": 80, "ninety": 90}
# "one" is left out on purpose: "one of", "no one", "one snapshot" make it an article far
# more often than a figure.
EN_WORD = (r"(?:(?:" + "|".join(EN_TENS) + r")(?:-(?:one|" + "|".join(
    k for k in EN_UNITS_WORDS if EN_UNITS_WORDS[k] < 10) + r"))?|" + "|".join(
    sorted(EN_UNITS_WORDS, key=len, reverse=True)) + r"|hundred)")


def parse_arabic(text: str) -> float:
    """``3,400`` / ``3 400`` / ``3\u2009400`` / ``22.9`` -> float."""
    return float(re.sub(SEP, "", text))


def parse_chinese(text: str) -> float:
    """Chinese numerals (``十五``, ``两``, ``一千二百``) via cn2an (imported on first use:
    it costs a noticeable fraction of a second and English documents never need it)."""
    import cn2an

    return float(cn2an.cn2an(text, "smart"))


def parse_english_word(text: str) -> float:
    """An English number word (``seven``, ``twenty-five``, ``hundred``) -> float."""
    word = text.lower()
    if word == "hundred":
        return 100.0
    if word in EN_UNITS_WORDS:
        return float(EN_UNITS_WORDS[word])
    tens, _, unit = word.partition("-")
    ones = {"one": 1, **{k: v for k, v in EN_UNITS_WORDS.items() if v < 10}}
    return float(EN_TENS[tens] + (ones[unit] if unit else 0))


def clean_value(value: float) -> int | float:
    """Integers stay integers in records (25000000, not 25000000.0)."""
    value = round(value, 6)
    return int(value) if value == int(value) else value
