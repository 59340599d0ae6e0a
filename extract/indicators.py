"""Indicators: a figure bound to what it measures (``subject``), when (``period``) and, when
the sentence says so, where it came from (``previous``) and how it moved (``change``):
``from 52 per cent in 2019 to 61 per cent in 2023``, ``从 21.3% 增至 27.8%``,
``171 indicators were assessed in 2025, up from 160 in 2024``, ``增加了两倍`` (tripled)."""
from __future__ import annotations

import re

from extract.numbers import clean_value
from extract.subjects import concept_of, subject_en

YEAR = r"(?:19|20)\d\d"
PERIOD_EN = re.compile(rf"\b(?:between|from)\s+{YEAR}\s+(?:and|to)\s+{YEAR}\b|"
                       rf"\b{YEAR}(?:\s*[–\-/]\s*(?:{YEAR}|\d\d)\b)?")
PERIOD_ZH = re.compile(rf"{YEAR}(?:\s*(?:年)?\s*(?:至|到|-|–)\s*{YEAR})?\s*年")
VERBS_EN = (r"rose|increased|decreased|fell|grew|declined|dropped|reached|stood at|improved|"
            r"went|was|were|is|are|has been|had been|accounted for|represented|amounted to|"
            r"made up|totalled|climbed|doubled|tripled|is on track for|for")
VERBS_ZH = r"占|为|是|达到|达|增至|增加到|升至|降至|下降到|从|由|增长|增加|下降|减少"
CHANGE_BY = re.compile(r"\b(?:increased|decreased|rose|fell|grew|declined)\s+by\s*$")
SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[A-Z])|[。；;]")
# 增加了两倍 = three times the old value (the Chinese counts the increase, not the result).
ZH_MULTIPLE = re.compile(r"(增加|增长|提高|扩大)了?\s*(?P<n>[两二三四五六七八九十\d]+)\s*倍")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    s, e = 0, len(text)
    for m in SENTENCE_END.finditer(text):
        if m.end() <= start:
            s = m.end()
        elif m.start() >= end:
            e = m.start()
            break
    return s, e


def _period(text: str, lang: str, lo: int, hi: int, near: int) -> tuple[str | None, int]:
    pattern = PERIOD_ZH if lang == "zh" else PERIOD_EN
    best, best_pos = None, -1
    for m in pattern.finditer(text, lo, hi):
        if best is None or abs(m.start() - near) < abs(best_pos - near):
            best, best_pos = m.group(), m.start()
    if best is None:
        return None, -1
    years = re.findall(YEAR, best)
    return ("–".join(years) if len(years) > 1 else years[0]), best_pos


def _subject(text: str, lang: str, sent_start: int, fig_start: int, after: str) -> str | None:
    if lang == "en":
        head = text[sent_start:fig_start]
        verbs = list(re.finditer(rf"\b(?:{VERBS_EN})\b", head))
        pre_verb = head[:verbs[-1].start()] if verbs else None
        return subject_en(head, after, pre_verb)
    head = text[sent_start:fig_start]
    verbs = list(re.finditer(VERBS_ZH, head))
    if verbs:
        subject = re.split(r"[，,、]", head[:verbs[0].start()])[-1].strip()
        subject = PERIOD_ZH.sub("", subject).strip()
        return subject or None
    return None


def find_indicators(text: str, lang: str, figures: list[dict]) -> list[dict]:
    """Indicators among a paragraph's figures; a 'from X to Y' pair gives one record."""
    out = []
    used = set()
    for i, fig in enumerate(figures):
        if i in used:
            continue
        start, end = fig["span"]
        s, e = _sentence(text, start, end)
        after = text[end:e]
        record = dict(fig)
        record.update(subject=None, period=None, previous=None, change=None)
        nxt = figures[i + 1] if i + 1 < len(figures) else None
        link = text[end:nxt["span"][0]] if nxt else ""
        from_to = (re.search(r"\bfrom\s*$", text[s:start]) and re.fullmatch(
            rf"(?:\s*(?:in\s+)?{YEAR})?\s*to\s*", link)) or (
            re.search(r"[从由]\s*$", text[s:start]) and re.fullmatch(
                rf"(?:\s*(?:{YEAR}\s*年(?:的)?))?\s*(?:增至|增加到|升至|提高到|降至|下降到|减少到|到|至)\s*",
                link))
        if from_to and nxt and nxt["unit"] == fig["unit"]:
            prev_period, _ = _period(text, lang, start, nxt["span"][0], start)
            record = dict(nxt)
            record.update(subject=None, period=None, previous=None, change=None)
            record["previous"] = {"value": fig["value"], "period": prev_period}
            used.add(i + 1)
            s_end = _sentence(text, nxt["span"][0], nxt["span"][1])[1]
            record["period"], _ = _period(text, lang, nxt["span"][1], s_end, nxt["span"][1])
            if record["period"] is None:  # "2023 年，比例从 21.3% 增至 27.8%"
                record["period"], _ = _period(text, lang, s, start, start)
            record["subject"] = _subject(text, lang, s, start, "")
            record["text"] = text[start:nxt["span"][1]]
            record["span"] = [start, nxt["span"][1]]
            record["change"] = _difference(fig, nxt)
            out.append(record)
            continue
        if nxt and re.fullmatch(r"[^.;]*?,?\s*(?:up|down)\s+from\s*", link):
            prev_period, _ = _period(text, lang, nxt["span"][1], e, nxt["span"][1])
            record["previous"] = {"value": nxt["value"], "period": prev_period}
            record["change"] = _difference(nxt, fig)
            used.add(i + 1)
        multiple = ZH_MULTIPLE.search(text[max(s, start - 6):end])
        if fig["unit"] == "times" and multiple:
            # the figure already counts 增加了两倍 as three times (see figure_words.grew_by)
            record["change"] = {"kind": "factor", "value": clean_value(fig["value"])}
        elif fig["unit"] == "percent" and CHANGE_BY.search(text[s:start]):
            record["change"] = {"kind": "percent", "value": fig["value"]}
        record["period"], _ = _period(text, lang, s, e, start)
        record["subject"] = _subject(text, lang, s, start, after) or fig["counted"]
        if record["subject"] and (record["period"] or record["change"]) and (
                fig["unit"] == "percent" or record["change"] or record["previous"]):
            out.append(record)
    for record in out:
        record["concept"] = concept_of(record["subject"], lang)
    return out


def _difference(old: dict, new: dict) -> dict:
    kind = "percentage_points" if new["unit"] == "percent" else "absolute"
    return {"kind": kind, "value": clean_value(new["value"] - old["value"])}
