"""UN house style for numbers, money, dates and resolution references, one function per
kind and language, so that the English and Chinese editions say the same value in each
language's own way (``1,200`` / ``1 200``; ``US$ 25 million`` / ``2 500 万美元``).

Values are handled as ``Decimal`` made from their text, so that ``21.3`` prints as ``21.3``
and never as ``21.299999``.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

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
    """``value`` as a percentage: ``12.5 per cent`` / ``12.5%``."""
    return f"{grouped(value, lang)} per cent" if lang == "en" else f"{grouped(value, lang)}%"


def points(value, lang: str) -> str:
    """A difference between two percentages."""
    d = abs(decimal(value))
    if lang == "en":
        return f"{grouped(d, lang)} percentage point{'' if d == 1 else 's'}"
    return f"{grouped(d, lang)}个百分点"


SCALES = {"en": ((Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million")),
          "zh": ((Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万"))}


def money_scale(values, lang: str) -> tuple[Decimal, str] | None:
    """The one scale (million/billion, 万/亿) that writes every one of ``values`` with at
    most two decimals, the largest such; None when they are written in full. A sentence
    comparing amounts uses one scale, never "1.4 亿美元 ... 15 230 万美元"."""
    ds = [decimal(v) for v in values]
    for scale, word in SCALES[lang]:
        qs = [d / scale for d in ds]
        if all(abs(d) >= scale or d == 0 for d in ds) and \
                all(q == q.quantize(Decimal("0.01")) for q in qs):
            return scale, word
    return None


def money(value, lang: str, scale: tuple[Decimal, str] | None | bool = True) -> str:
    """US dollars: ``US$ 25 million`` / ``2 500万美元``; ``US$ 1.2 billion`` / ``12亿美元``.
    The amount is scaled when that needs at most two decimals (``money_scale``); a caller
    writing several amounts in one sentence passes their common ``scale``."""
    d = decimal(value)
    if scale is True:
        scale = money_scale([d], lang)
    if lang == "en":
        return f"US$ {grouped(d / scale[0], lang)} {scale[1]}" if scale else \
            f"US$ {grouped(d, lang)}"
    return f"{grouped(d / scale[0], lang)}{scale[1]}美元" if scale else f"{grouped(d, lang)}美元"


def count(value, lang: str) -> str:
    """A number of things; English spells out one to nine as UN style requires."""
    d = decimal(value)
    if lang == "en" and d == d.to_integral_value() and 0 < d < 10:
        return UNITS_EN[int(d)]
    return grouped(d, lang)


def quantity(value, unit: str, lang: str, scale=True) -> str:
    """A data value in its unit: percent, USD, points (percentage points) or a count;
    ``scale``: a money scale shared with other amounts of the sentence."""
    if unit == "percent":
        return percent(value, lang)
    if unit == "USD":
        return money(value, lang, scale)
    if unit == "points":
        return points(value, lang)
    if unit == "count":
        return count(value, lang)
    raise ValueError(f"unknown unit {unit!r} (use percent, USD, points or count)")


def as_date(value) -> dt.date:
    """``value`` (a date, datetime or ISO text) as a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def date(value, lang: str) -> str:
    """``27 July 2012`` / ``2012年7月27日``."""
    d = as_date(value)
    if lang == "en":
        return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"
    return f"{d.year}年{d.month}月{d.day}日"


def date_range(start, end, lang: str) -> str:
    """Meeting dates: ``10–21 March 2025`` / ``2025年3月10日至21日``."""
    a, b = as_date(start), as_date(end)
    if lang == "en":
        if (a.year, a.month) == (b.year, b.month):
            return f"{a.day}–{b.day} {MONTHS_EN[a.month - 1]} {a.year}"
        if a.year == b.year:
            return f"{a.day} {MONTHS_EN[a.month - 1]}–{b.day} {MONTHS_EN[b.month - 1]} {a.year}"
        return f"{date(a, 'en')}–{date(b, 'en')}"
    if a.year != b.year:
        return f"{date(a, 'zh')}至{date(b, 'zh')}"
    tail = f"{b.day}日" if a.month == b.month else f"{b.month}月{b.day}日"
    return f"{date(a, 'zh')}至{tail}"


def resolution(body_en: str, body_zh: str, number: str, lang: str) -> str:
    """``General Assembly resolution 64/289`` / ``大会第64/289号决议``; Security Council
    resolutions carry their year: ``1325 (2000)`` / ``第1325(2000)号决议``."""
    number = number.strip()
    if lang == "en":
        return f"{body_en} resolution {number}"
    return f"{body_zh}第{number.replace(' (', '(')}号决议"


def cardinal_en(n: int) -> str:
    """``n`` (below 1,000) in English words: ``forty-two``."""
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
        return "第" + zh_numeral(n)
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


_ZH_DIGITS = "零一二三四五六七八九"


def _zh_tens(n: int, lead: bool) -> str:
    tens, units = divmod(n, 10)
    head = "" if tens == 1 and lead else _ZH_DIGITS[tens]
    return (head + "十" if tens else "") + (_ZH_DIGITS[units] if units else "")


def zh_numeral(n: int) -> str:
    """A whole number in Chinese numerals (chapters 一, 二; sessions 第八十一届), written
    here for 0-999 because cn2an takes a third of a second to import."""
    if not 0 <= n < 1000:
        import cn2an

        return cn2an.an2cn(n)
    if n < 10:
        return _ZH_DIGITS[n]
    if n < 100:
        return _zh_tens(n, lead=True)
    hundreds, rest = divmod(n, 100)
    tail = "" if rest == 0 else "零" + _ZH_DIGITS[rest] if rest < 10 else _zh_tens(rest, False)
    return _ZH_DIGITS[hundreds] + "百" + tail
