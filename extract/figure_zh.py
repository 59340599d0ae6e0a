"""The Chinese figure grammar: measure words, units and qualifiers, and the rules that make
一 or N年 a figure.

Kept apart from ``figures.py`` so that the grammar of each language can be read (and
extended) in one place. A Chinese numeral counts only with a measure word (两个, 六点的,
两阶段); 一 alone is the article (一个, 一项) unless a qualifier counts it (至少一名 'at least
one'), it multiplies (增加了一倍) or it states a duration (为期一天). N年 is a year or names a
kind of thing (五年预测, 两年期 'biennium') unless it states a period: 每两年, 两年一次, 为期两年
('every two years', as the English extractor records "every two years").
"""
from __future__ import annotations

import re

# Measure words after which a number counts something. 阶段 (分两阶段); 点 only as a measure
# word, before 的 or a pause (上述六点的长处, 以下三点：), not in a name (七点行动计划) nor a
# decimal (三点五).
CLASSIFIERS = "个名所项国家级次种类份条位人件批轮场届篇部座户"
MEASURE_ZH = rf"(?:阶段|点(?=[的，。；、：,;:）)]|$)|[{CLASSIFIERS}])"
NOUN_CLASSIFIERS = {"国": "国", "人": "人"}
ZH_UNIT_WORDS = {"倍": "times", "岁": "years", "小时": "hours", "天": "days", "周": "weeks",
                 "个月": "months", "公里": "km", "公顷": "hectares", "吨": "tonnes"}
CURRENCY_ZH = {"美元": "USD", "欧元": "EUR", "瑞士法郎": "CHF", "英镑": "GBP", "日元": "JPY",
               "人民币": "CNY", "元": "CNY"}

# 至少 and 最多 may be followed by a modal and a verb before the number (至少要分配20%,
# 至少要有一名, 最多可设3个): the qualifier still bears on the number.
_MODAL_VERB = r"(?:[要应须需必将能可得]{1,2})?(?:有|占|达|为|是|设|分配|达到|提供|拨出|留出|用于|包括)?"
QUALIFIER_BEFORE_ZH = [("at_least", re.compile(rf"(?:至少{_MODAL_VERB}|不少于|不低于)\s*$")),
                       ("at_most", re.compile(rf"(?:不超过|(?:最多|至多){_MODAL_VERB}|不多于)\s*$")),
                       ("more_than", re.compile(r"(?:超过|多于|高于|逾)\s*$")),
                       ("less_than", re.compile(r"(?:低于|少于|不到|不足)\s*$")),
                       ("approximately", re.compile(r"(?:大约|约|近|将近|接近|大概)\s*$"))]
QUALIFIER_AFTER_ZH = [("more_than", re.compile(r"^\s*(?:以上|多|余)")),
                      ("less_than", re.compile(r"^\s*(?:以下|以内)")),
                      ("approximately", re.compile(r"^\s*左右"))]
# After the measure word only these (3 个多边机构: 多 there begins a word).
QUALIFIER_AFTER_MEASURE_ZH = [("more_than", re.compile(r"^\s*以上")),
                              ("less_than", re.compile(r"^\s*(?:以下|以内)")),
                              ("approximately", re.compile(r"^\s*左右"))]
QUALIFIER_WINDOW = 9  # 至少 + modal + verb: '并至少要分配20%'

# Words before a number that make it a duration (为期一天, 历时两年), and before N年 a period.
DURATION_BEFORE = re.compile(r"(?:为期|历时|长达|期限为?)\s*$")
PERIOD_BEFORE = re.compile(r"(?:每|为期|历时|长达|期限为?)\s*$")
TIME_WORD = re.compile(r"\s*(?:天|周|星期|个月|年|小时)")


def qualifier_before(text: str, start: int) -> str | None:
    """The qualifier (at_least, more_than, approximately...) written before a Chinese number."""
    before = text[max(0, start - QUALIFIER_WINDOW):start]
    return next((q for q, pattern in QUALIFIER_BEFORE_ZH if pattern.search(before)), None)


def one_counts(text: str, start: int, end: int) -> bool:
    """一 is a figure when it multiplies (增加了一倍), states a duration (为期一天) or is
    counted by a qualifier other than 'about' (至少要有一名, 不到一年)."""
    after = text[end:end + 4]
    if re.match(r"\s*倍", after):
        return True
    if TIME_WORD.match(after) and DURATION_BEFORE.search(text[max(0, start - 4):start]):
        return True
    return (qualifier_before(text, start) not in (None, "approximately")
            and bool(re.match(rf"\s*(?:{MEASURE_ZH}|年|天|周|个月|小时)", after)))


def period_end(text: str, start: int, end: int) -> int | None:
    """End of 年 when N年 states a period (每两年, 两年一次, 为期三年), else None."""
    m = re.match(r"\s*年(?!代|龄|度|期)", text[end:end + 3])
    if not m:
        return None
    stop = end + m.end()
    if PERIOD_BEFORE.search(text[max(0, start - 3):start]) or re.match(r"一(?:次|届|轮)",
                                                                        text[stop:stop + 2]):
        return stop
    return None
