"""Comparisons between this report's value and the previous one, in each language's words.

The documented rules for computed figures live here: a change is ``current - previous``
(for percentages, in percentage points), rounded to the larger number of decimals of the
two inputs, so that the draft never shows more precision than its data.
"""
from __future__ import annotations

from decimal import Decimal

from compose.numbers import decimal, points, quantity

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


def comparison(current, period, previous, previous_period, unit: str, lang: str,
               mark=lambda role, text: text) -> str:
    """``increased from 21.3 per cent in 2019 to 27.8 per cent in 2023`` /
    ``从 2019 年的 21.3%增至 2023 年的 27.8%``; with no change, ``remained at 40 per cent
    in both 2022 and 2023`` / ``在 2022 年和 2023 年均为 40%``. ``mark(role, text)`` lets the
    caller wrap each figure ("previous", "current") to record where it lands."""
    way = direction(current, previous)
    now = mark("current", quantity(current, unit, lang))
    if way == "same":
        if lang == "en":
            return f"remained at {now} in both {previous_period} and {period}"
        return f"在 {previous_period} 年和 {period} 年均为 {now}"
    shown = quantity(previous, unit, lang)
    before = mark("previous", shown)
    verb_en, verb_zh = VERBS[way]
    if lang == "en":
        return f"{verb_en} from {before} in {previous_period} to {now} in {period}"
    gap = " " if shown[-1].isdigit() else ""  # "70 增至" but "21.3%增至", "2 150 万美元增至"
    return f"从 {previous_period} 年的 {before}{gap}{verb_zh} {period} 年的 {now}"


def by_how_much(current, previous, unit: str, lang: str, mark=lambda role, text: text) -> str:
    """``an increase of 6.5 percentage points`` / ``增加了 6.5 个百分点``; empty when
    nothing changed."""
    way = direction(current, previous)
    if way == "same":
        return ""
    diff = abs(difference(current, previous))
    amount = mark("difference", points(diff, lang) if unit == "percent"
                  else quantity(diff, unit, lang))
    if lang == "en":
        return f"{'an increase' if way == 'up' else 'a decrease'} of {amount}"
    return f"{'增加了' if way == 'up' else '减少了'} {amount}"
