"""Comparisons between this report's value and the previous one, in each language's words.

The documented rules for computed figures live here: a change is ``current - previous``
(for percentages, in percentage points), rounded to the larger number of decimals of the
two inputs, so that the draft never shows more precision than its data.
"""
from __future__ import annotations

from decimal import Decimal

from compose.numbers import decimal, money_scale, points, quantity

VERBS = {  # direction -> (English verb, Chinese verb)
    "up": ("increased", "增至"),
    "down": ("decreased", "降至"),
}


def direction(current, previous) -> str:
    """``up``, ``down`` or ``same``."""
    c, p = decimal(current), decimal(previous)
    return "up" if c > p else "down" if c < p else "same"


def _places(*values) -> int:
    return max(-decimal(v).normalize().as_tuple().exponent if decimal(v) % 1 else 0
               for v in values)


def difference(current, previous) -> Decimal:
    """``current - previous`` at the precision of the inputs (rule: difference)."""
    exact = decimal(current) - decimal(previous)
    return exact.quantize(Decimal(1).scaleb(-_places(current, previous)))


def change_unit(unit: str) -> str:
    """The unit a difference is stated in: percentages differ by percentage points."""
    return "points" if unit == "percent" else unit


def measure_word(subject: str | None) -> str:
    """The Chinese measure word a count takes: 人 for people, 项 for items of work, 次 for
    occurrences, else 个 (实体, 国家, 组织 ...)."""
    s = subject or ""
    for word, signs in (("人", ("人员", "人数", "工作人员", "人口", "妇女", "儿童", "难民")),
                        ("项", ("项目", "建议", "措施", "倡议", "决议", "承诺")),
                        ("次", ("次数", "会议", "访问", "培训"))):
        if any(sign in s for sign in signs):
            return word
    return "个"


def comparison(current, period, previous, previous_period, unit: str, lang: str,
               mark=lambda role, text: text, subject: str | None = None) -> str:
    """``increased from 21.3 per cent in 2019 to 27.8 per cent in 2023`` /
    ``从2019年的21.3%增至2023年的27.8%``; with no change, ``remained at 40 per cent in
    both 2022 and 2023`` / ``在2022年和2023年均为40%``. Counts take their measure word in
    Chinese (``从2024年的70个增至2025年的72个``, by ``subject``) and amounts share one scale.
    ``mark(role, text)`` lets the caller wrap each figure ("previous", "current")."""
    way = direction(current, previous)
    # one scale per Chinese sentence (亿 or 万); English writes "$900 million to $1.2 billion"
    scale = money_scale([current, previous], lang) if unit == "USD" and lang == "zh" else True
    word = measure_word(subject) if unit == "count" and lang == "zh" else ""
    now = mark("current", quantity(current, unit, lang, scale)) + word
    if way == "same":
        if lang == "en":
            return f"remained at {now} in both {previous_period} and {period}"
        return f"在{previous_period}年和{period}年均为{now}"
    before = mark("previous", quantity(previous, unit, lang, scale)) + word
    verb_en, verb_zh = VERBS[way]
    if lang == "en":
        return f"{verb_en} from {before} in {previous_period} to {now} in {period}"
    return f"从{previous_period}年的{before}{verb_zh}{period}年的{now}"


def by_how_much(current, previous, unit: str, lang: str, mark=lambda role, text: text,
                subject: str | None = None) -> str:
    """``an increase of 6.5 percentage points`` / ``增加了6.5个百分点``, ``增加了2个``;
    empty when nothing changed."""
    way = direction(current, previous)
    if way == "same":
        return ""
    diff = abs(difference(current, previous))
    amount = mark("difference", points(diff, lang) if unit == "percent"
                  else quantity(diff, unit, lang))
    if lang == "en":
        return f"{'an increase' if way == 'up' else 'a decrease'} of {amount}"
    word = measure_word(subject) if unit == "count" else ""
    return f"{'增加了' if way == 'up' else '减少了'}{amount}{word}"
