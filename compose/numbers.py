"""UN house style for numbers, money, dates and resolution references, one function per
kind and language, so that the English and Chinese editions say the same value in each
language's own way (``1,200`` / ``1 200``; ``US$ 25 million`` / ``2 500 万美元``).

Values are handled as ``Decimal`` made from their text, so that ``21.3`` prints as ``21.3``
and never as ``21.299999``.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

import cn2an

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
UNITS_EN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
            "seventeen", "eighteen", "nineteen"]
TENS_EN = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
MAX_DIGITS = 30  # before and after the point: far more than any figure in a report needs
ORDINAL_EN = {"one": "first", "two": "second", "three": "third", "five": "fifth",
              "eight": "eighth", "nine": "ninth", "twelve": "twelfth"}


def decimal(value) -> Decimal:
    """The exact decimal of a data value (int, float or numeric text). Anything else is a
    ValueError, and so is a value that is not finite or has more than ``MAX_DIGITS`` digits
    before or after the point: ``1e999999999`` would print as a billion digits."""
    shown = repr(value)
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    if isinstance(value, Decimal):
        d = value
    elif isinstance(value, float):
        d = Decimal(repr(value))
    else:
        try:
            d = Decimal(str(value).replace(",", "").strip())
        except InvalidOperation:
            raise ValueError(f"{shown} is not a number") from None
    if not d.is_finite() or d.adjusted() >= MAX_DIGITS or d.as_tuple().exponent < -MAX_DIGITS:
        raise ValueError(f"{shown} is not a finite number of at most {MAX_DIGITS} digits "
                         "before and after the point")
    return d


def plain(value) -> str:
    """Digits without grouping, at the precision the data give (``59.0`` stays ``59.0``:
    next to ``59.4`` it says the value was measured to a tenth)."""
    return format(decimal(value), "f")


def grouped(value, lang: str) -> str:
    """``1,200`` in English, ``1 200`` in Chinese (UN Chinese editions group by three with
    a space); numbers below 1,000 are not grouped, nor are the decimals."""
    text = plain(value)
    sign = "-" if text.startswith("-") else ""
    whole, _, frac = text.lstrip("-").partition(".")
    if len(whole) > 3:
        sep = "," if lang == "en" else " "
        whole = f"{int(whole):,}".replace(",", sep)
    return sign + whole + ("." + frac if frac else "")


def percent(value, lang: str) -> str:
    return f"{grouped(value, lang)} per cent" if lang == "en" else f"{grouped(value, lang)}%"


def points(value, lang: str) -> str:
    """A difference between two percentages."""
    d = abs(decimal(value))
    if lang == "en":
        return f"{grouped(d, lang)} percentage point{'' if d == 1 else 's'}"
    return f"{grouped(d, lang)} 个百分点"


def money(value, lang: str) -> str:
    """US dollars: ``US$ 25 million`` / ``2 500 万美元``; ``US$ 1.2 billion`` / ``12 亿美元``.
    English uses million/billion when the amount is at least a million and the scaled
    figure has at most two decimals; Chinese scales by 万 (10^4) and 亿 (10^8) likewise."""
    d = decimal(value)
    if lang == "en":
        for scale, word in ((Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million")):
            q = d / scale
            if abs(d) >= scale and q == q.quantize(Decimal("0.01")):
                return f"US$ {grouped(q, lang)} {word}"
        return f"US$ {grouped(d, lang)}"
    for scale, word in ((Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万")):
        q = d / scale
        if abs(d) >= scale and q == q.quantize(Decimal("0.01")):
            return f"{grouped(q, lang)} {word}美元"
    return f"{grouped(d, lang)} 美元"


def count(value, lang: str) -> str:
    """A number of things; English spells out one to nine as UN style requires."""
    d = decimal(value)
    if lang == "en" and d == d.to_integral_value() and 0 < d < 10:
        return UNITS_EN[int(d)]
    return grouped(d, lang)


def quantity(value, unit: str, lang: str) -> str:
    """A data value in its unit: percent, USD, points (percentage points) or a count."""
    if unit == "percent":
        return percent(value, lang)
    if unit == "USD":
        return money(value, lang)
    if unit == "points":
        return points(value, lang)
    if unit == "count":
        return count(value, lang)
    raise ValueError(f"unknown unit {unit!r} (use percent, USD, points or count)")


def as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def date(value, lang: str) -> str:
    """``27 July 2012`` / ``2012 年 7 月 27 日``."""
    d = as_date(value)
    if lang == "en":
        return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"
    return f"{d.year} 年 {d.month} 月 {d.day} 日"


def date_range(start, end, lang: str) -> str:
    """Meeting dates: ``10–21 March 2025`` / ``2025 年 3 月 10 日至 21 日``."""
    a, b = as_date(start), as_date(end)
    if lang == "en":
        if (a.year, a.month) == (b.year, b.month):
            return f"{a.day}–{b.day} {MONTHS_EN[a.month - 1]} {a.year}"
        if a.year == b.year:
            return f"{a.day} {MONTHS_EN[a.month - 1]}–{b.day} {MONTHS_EN[b.month - 1]} {a.year}"
        return f"{date(a, 'en')}–{date(b, 'en')}"
    if a.year != b.year:
        return f"{date(a, 'zh')}至{date(b, 'zh')}"
    tail = f"{b.day} 日" if a.month == b.month else f"{b.month} 月 {b.day} 日"
    return f"{date(a, 'zh')}至 {tail}"


def resolution(body_en: str, body_zh: str, number: str, lang: str) -> str:
    """``General Assembly resolution 64/289`` / ``大会第 64/289 号决议``; Security Council
    resolutions carry their year: ``1325 (2000)`` / ``第 1325(2000)号决议``."""
    number = number.strip()
    if lang == "en":
        return f"{body_en} resolution {number}"
    compact = number.replace(" (", "(")
    tail = "号决议" if compact.endswith(")") else " 号决议"
    return f"{body_zh}第 {compact}{tail}"


def cardinal_en(n: int) -> str:
    if n < 20:
        return UNITS_EN[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return TENS_EN[tens] + (f"-{UNITS_EN[unit]}" if unit else "")
    hundreds, rest = divmod(n, 100)
    return f"{UNITS_EN[hundreds]} hundred" + (f" and {cardinal_en(rest)}" if rest else "")


def ordinal(n: int, lang: str) -> str:
    """``Sixty-ninth`` / ``第六十九``: session numbers in the masthead."""
    if lang == "zh":
        return "第" + cn2an.an2cn(n)
    words = cardinal_en(n)
    head, sep, last = words.rpartition("-" if "-" in words.split(" ")[-1] else " ")
    if last in ORDINAL_EN:
        last = ORDINAL_EN[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    text = head + sep + last
    return text[0].upper() + text[1:]
