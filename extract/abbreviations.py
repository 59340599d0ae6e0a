"""Abbreviation definitions: ``United Nations Development Programme (UNDP)``,
``联合国开发计划署(开发署)``, ``(hereinafter "the Fund")``, ``(以下简称“开发署”)``.

English long forms are found with the Schwartz–Hearst algorithm (every letter of the short
form, in order, in the words before the parenthesis, the first one starting a word). Chinese
short forms are picked from the long form's characters (开发署 < 联合国开发计划署); the long
form is the name right before the bracket, bounded by punctuation, by a verb that introduces
a name (设立, 支持, 协同...) or by a conjunction that follows another name.
"""
from __future__ import annotations

import re

from corpus.blocks import HAN

# A text layer may leave "UN -Women" for UN-Women: the space is dropped from the short form.
SHORT_EN = re.compile(r"\(\s*(?P<sf>[A-Za-z][A-Za-z0-9&.+/]*(?:\s?-\s?[A-Za-z0-9]+)*)\s*\)")
HEREINAFTER = re.compile(
    r"\((?:hereinafter|hereafter)(?: referred to as)?\s*[“\"](?P<sf>[^”\"]{2,40})[”\"]\)|"
    r"[（(](?:以下简称|下称|简称)[“\"]?(?P<zh>[^”\")）]{2,20})[”\"]?[)）]")
# Chinese editions define Chinese short forms: (2011), (S/2011/598) define nothing.
SHORT_ZH = re.compile(rf"[（(](?P<sf>[{HAN}][{HAN}A-Za-z0-9\-]{{1,11}})[)）]")
ROMAN = re.compile(r"[IVXLC]+")
# Where a Chinese name starts: after punctuation, after a verb or preposition that introduces
# it, or after a conjunction that follows another (bracketed) name.
ZH_LEFT_WORDS = ("设立", "支持", "协同", "会同", "以及", "包括", "通过", "由", "在", "向",
                 "对", "为", "了", "是", "与", "同", "及", "和", "即", "如", "经", "请", "自")
ZH_ORG_END = ("署", "会", "组织", "办事处", "基金", "委员会", "机构", "联盟", "计划", "方案",
              "中心", "局", "部", "处", ")", "）")


def _schwartz_hearst(short: str, words_before: str) -> str | None:
    """Shortest long form before the parenthesis that contains the short form's letters."""
    core = re.sub(r"-?\d+$", "", short)  # COVID-19 -> COVID
    letters = [c.lower() for c in core if c.isalnum()]
    if len(letters) < 2:
        return None
    words = words_before.split()
    limit = min(len(letters) + 5, len(letters) * 2)
    candidate = " ".join(words[-limit:])
    lf = candidate.lower()
    s_i, l_i = len(letters) - 1, len(lf) - 1
    while s_i >= 0:
        c = letters[s_i]
        while l_i >= 0 and (lf[l_i] != c or (s_i == 0 and l_i > 0 and lf[l_i - 1].isalnum())):
            l_i -= 1
        if l_i < 0:
            return None
        s_i -= 1
        l_i -= 1
    start = lf.rfind(" ", 0, l_i + 1) + 1
    # "Office of the ... (OHCHR)": the match fell on a small word; the name starts before it.
    before = candidate[:start].split()
    if (candidate[start].islower() and before and before[-1][0].isupper()
            and before[-1][0].lower() == candidate[start]):
        start = candidate.rfind(before[-1], 0, start)
    long_form = candidate[start:]
    if long_form.lower().startswith(("the ", "a ", "an ")):
        long_form = long_form.split(" ", 1)[1]
    if len(long_form) <= len(short):
        return None
    return long_form


def _initials_fallback(short: str, words_before: str) -> str | None:
    """Names whose acronym does not follow the word order (United Nations Population Fund
    (UNFPA)): the run of capitalised words before the bracket, when most of the acronym's
    letters are initials of those words."""
    run = re.search(r"((?:[A-Z][\w’'\-]*\s+(?:(?:of|for|and|on|the|in|to)\s+)*)*[A-Z][\w’'\-]*)\s*$",
                    words_before)
    if not run or not short.isupper():
        return None
    words = run.group(1).split()
    initials = [w[0] for w in words if w[0].isupper()]
    letters = [c for c in short if c.isalpha()]
    hits = sum(1 for c in set(letters) if c in initials)
    if len(words) >= 2 and initials[0] == letters[0] and hits / len(set(letters)) >= 0.6:
        return run.group(1)
    return None


def find_abbreviations_en(text: str) -> list[dict]:
    """English definitions, ``Long Form (LF)`` and ``(hereinafter "the Fund")``, as records
    with their span, long form and short form."""
    out: list[dict] = []
    if "(" not in text:
        return out
    for m in SHORT_EN.finditer(text):
        short = re.sub(r"\s", "", m.group("sf"))
        if len(short) > 15:
            continue
        if (not any(c.isupper() for c in short) or ROMAN.fullmatch(short)
                or re.fullmatch(r"[A-Z]", short) or short.isdigit()):
            continue
        before = text[:m.start()]
        sentence = re.split(r"(?<=[.;:])\s|[()]", before)[-1]
        long_form = _schwartz_hearst(short, sentence) or _initials_fallback(short, sentence)
        if long_form:
            words = list(re.finditer(r"\S+", before))
            start = words[-len(long_form.split())].start()
            out.append(_record(text, start, m.end(), long_form, short))
    for m in HEREINAFTER.finditer(text):
        if m.group("sf"):
            lead = re.split(r"[,;(]", text[:m.start()])[-1].strip()
            if lead:
                start = text.rfind(lead, 0, m.start())
                out.append(_record(text, start, m.end(), lead, m.group("sf")))
    return out


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _zh_long_form(before: str, short: str) -> str | None:
    """The name before a Chinese bracket that the short form abbreviates."""
    clause = re.split(r"[，。；：、“”《》,;:]", before)[-1]
    start = 0
    pattern = "|".join(map(re.escape, ZH_LEFT_WORDS))
    for m in re.finditer(pattern, clause):
        left, word = clause[:m.start()], m.group()
        if word in ("和", "与", "及", "同") and left and not left.endswith(ZH_ORG_END):
            continue  # 促进性别平等和增强妇女权能署: a conjunction inside the name
        if _subsequence(short, clause[m.end():]):
            start = m.end()
    long_form = re.sub(r"\s+", "", clause[start:])
    if len(long_form) <= len(short) or not _subsequence(short, long_form):
        return None
    return long_form, len(clause) - start


def find_abbreviations_zh(text: str) -> list[dict]:
    """Chinese definitions, ``联合国开发计划署(开发署)`` and ``(以下简称“开发署”)``, as records
    with their span, long form and short form."""
    out: list[dict] = []
    if "(" not in text and "（" not in text:
        return out
    for m in SHORT_ZH.finditer(text):
        short = m.group("sf")
        found = _zh_long_form(text[:m.start()], short)
        if found:
            out.append(_record(text, m.start() - found[1], m.end(), found[0], short))
    for m in HEREINAFTER.finditer(text):
        if m.group("zh"):
            found = _zh_long_form(text[:m.start()], m.group("zh"))
            if found:
                out.append(_record(text, m.start() - found[1], m.end(), found[0],
                                   m.group("zh")))
    return out


def _record(text: str, start: int, end: int, long_form: str, short: str) -> dict:
    """Long forms broken across lines come back on one line."""
    return {"text": text[start:end], "span": [start, end],
            "long_form": " ".join(long_form.split()), "short_form": short}
