"""A figure of last year's report written again with this year's value, in the form the
report printed it: "$8.4 million" with 9.1 million becomes "$9.1 million", "1.4 亿美元"
stays in 亿, "five regional commissions" stays a word below ten. The words around the number
(unit, scale, currency) are the report's own, so the sentence reads as it did."""
from __future__ import annotations

import re
from decimal import Decimal

import cn2an

from compose.errors import Unplaced
from compose.numbers import UNITS_EN, decimal, plain

_ZH_DIGITS = "零〇一二两三四五六七八九十百千"
NUMBER = re.compile(
    r"\d{1,3}(?:[, \u00a0]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    rf"|\b(?:{'|'.join(UNITS_EN[1:])})\b|[{_ZH_DIGITS}]+", re.I)


def _parse(token: str) -> Decimal:
    low = token.lower()
    if low in UNITS_EN:
        return Decimal(UNITS_EN.index(low))
    if token[0] in _ZH_DIGITS:
        return Decimal(cn2an.cn2an(token.replace("两", "二"), "smart"))
    return decimal(re.sub(r"[, \u00a0]", "", token))


def _write(new: Decimal, old: str, lang: str) -> str:
    """``new`` in the style of the ``old`` token: word or digits, grouping, decimals."""
    word = not old[0].isdigit()
    if word and new == new.to_integral() and 0 < new < 10:
        if old[0] in _ZH_DIGITS:
            return "两" if new == 2 and old == "两" else cn2an.an2cn(int(new))
        text = UNITS_EN[int(new)]
        return text.capitalize() if old[0].isupper() else text
    places = len(old.partition(".")[2]) if not word else 0
    if -new.as_tuple().exponent < places:
        new = new.quantize(Decimal(1).scaleb(-places))
    text = plain(new.normalize() if -new.normalize().as_tuple().exponent > places else new)
    whole, dot, frac = text.partition(".")
    found = re.search(r"[, \u00a0]", old)
    sep = found.group() if found else ("," if lang == "en" else " ")
    if len(whole.lstrip("-")) > 3:  # grouped as compose.numbers.grouped does: 1,250 / 1 250
        sign = "-" if whole.startswith("-") else ""
        digits = whole.lstrip("-")
        head = len(digits) % 3 or 3
        whole = sign + sep.join([digits[:head]] + [digits[i:i + 3]
                                                   for i in range(head, len(digits), 3)])
    return whole + dot + frac


def restyle(printed: str, previous: str, current: str, lang: str) -> str:
    """``printed`` (last year's figure, worth ``previous``) saying ``current`` instead.
    A range ("12-15") replaces the numbers of a printed range in order."""
    tokens = list(NUMBER.finditer(printed))
    olds = previous.split("-") if re.fullmatch(r"[\d.]+-[\d.]+", previous) else [previous]
    news = current.split("-") if re.fullmatch(r"[\d.]+-[\d.]+", current) else [current]
    if len(tokens) < len(news) or len(news) != len(olds):
        raise Unplaced(f"{printed!r} holds {len(olds)} number(s): give as many "
                       f"(got {current!r})")
    tokens = tokens[:len(news)]
    out, pos = [], 0
    for m, old_value, new_value in zip(tokens, olds, news):
        shown = _parse(m.group())
        scale = decimal(old_value) / shown if shown else Decimal(1)
        new = decimal(new_value) / scale if scale else decimal(new_value)
        out += [printed[pos:m.start()], _write(new, m.group(), lang)]
        pos = m.end()
    return "".join(out) + printed[pos:]
