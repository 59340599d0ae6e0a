"""Aligning English and Chinese segments by content, for editions whose paragraph numbers
were lost (web corpora, some text dumps), in the manner of Gale–Church and Bleualign: a
monotone alignment found by dynamic programming, where two segments pair when their
lengths fit the usual English/Chinese ratio and their anchors agree — the numbers they
cite (years, percentages, goal numbers), the glossary concepts they name, and heading
labels (I. / 一.). A segment of either side may have no counterpart: web corpora drop some.

Each link carries a confidence in [0, 1]; ``RELIABLE`` is the level from which a pair is
taken as right without review (measured on E/2023/15 in tests/test_align.py)."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

RELIABLE = 0.75
# numbers cited, not digits inside names and symbols (COVID-19, G20, E/ECA/STATCOM/8)
_NUMBER = re.compile(r"(?<![A-Za-z0-9/.-])\d+(?:[.,]\d+)*(?![A-Za-z0-9/])")
_ROMAN = {"I": "一", "II": "二", "III": "三", "IV": "四", "V": "五", "VI": "六", "VII": "七",
          "VIII": "八", "IX": "九", "X": "十"}
_LABEL_EN = re.compile(r"^\s*([IVX]+|[A-Z])\.\s*$")
_LABEL_ZH = re.compile(r"^\s*([一二三四五六七八九十]+|[A-Z])\.\s*$")
GAIN = 0.55  # a pair must score above this to be worth more than leaving both segments out
RUN = 0.25  # bonus for a pair that follows the previous pair: translations run in step


@dataclass(frozen=True)
class Link:
    """An English segment paired with a Chinese one by content, with the pair's confidence."""
    en: int  # index of the English segment
    zh: int  # index of the Chinese segment
    confidence: float


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "") for n in _NUMBER.findall(text)}


def _label(text: str, pattern) -> str | None:
    m = pattern.match(text)
    return m.group(1) if m else None


@dataclass
class _Side:
    texts: list[str]
    lengths: list[int]
    numbers: list[set[str]]
    concepts: list[set[str]]
    labels: list[str | None]


def _side(texts: list[str], lang: str, matcher) -> _Side:
    if lang == "en":
        lengths = [len(t) for t in texts]
        labels = [(_ROMAN.get(lab, lab) if (lab := _label(t, _LABEL_EN)) else None) for t in texts]
    else:
        lengths = [len(t) for t in texts]
        labels = [_label(t, _LABEL_ZH) for t in texts]
    concepts = ([{h.concept for h in matcher.find(t)} for t in texts] if matcher else
                [set() for _ in texts])
    return _Side(texts, lengths, [_numbers(t) for t in texts], concepts, labels)


def _overlap(a: set, b: set, one_sided: float | None) -> float | None:
    """Jaccard agreement in [-1, 1] when both sides have some; ``one_sided`` when only one
    has; None when neither has."""
    if not a and not b:
        return None
    if not a or not b:
        return one_sided
    return 2 * len(a & b) / len(a | b) - 1


def _score(en: _Side, zh: _Side, i: int, j: int, ratio: float) -> float:
    """How well segment i (English) and j (Chinese) fit as translations, about 0..2."""
    if en.labels[i] or zh.labels[j]:
        return 2.0 if en.labels[i] == zh.labels[j] else -1.0
    expected = ratio * max(en.lengths[i], 1)
    # as in Gale–Church, the spread of lengths grows with length: short segments (dates,
    # titles) may differ by more
    spread = 0.4 + 3 / math.sqrt(expected)
    score = 1.0 - min(abs(math.log(max(zh.lengths[j], 1) / expected)) / spread, 2.0)
    numbers = _overlap(en.numbers[i], zh.numbers[j], -0.5)  # Chinese may spell some out
    if numbers is not None:
        score += 1.2 * numbers
    # the glossary knows more forms in one language than the other: one side alone is no sign
    concepts = _overlap(en.concepts[i], zh.concepts[j], None)
    if concepts is not None:
        score += 0.6 * concepts
    return score


def align_segments(en_texts: list[str], zh_texts: list[str], glossary=None) -> list[Link]:
    """Monotone one-to-one links between English and Chinese segments, unpaired segments
    left out, each with a confidence."""
    en_m = zh_m = None
    if glossary is not None:
        from glossary.matching import matcher_for

        en_m, zh_m = matcher_for(glossary, "en"), matcher_for(glossary, "zh")
    en, zh = _side(en_texts, "en", en_m), _side(zh_texts, "zh", zh_m)
    ratio = (sum(zh.lengths) or 1) / (sum(en.lengths) or 1)
    n, m = len(en_texts), len(zh_texts)
    score = [[_score(en, zh, i, j, ratio) for j in range(m)] for i in range(n)]
    # best[i][j]: best total gain aligning en[:i] with zh[:j]; a pair gains score - GAIN
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[0] * (m + 1) for _ in range(n + 1)]  # 1 pair, 2 skip en, 3 skip zh
    for i in range(1, n + 1):
        row, prev = best[i], best[i - 1]
        for j in range(1, m + 1):
            pair = prev[j - 1] + score[i - 1][j - 1] - GAIN + (RUN if move[i - 1][j - 1] == 1 else 0)
            skip_en, skip_zh = prev[j], row[j - 1]
            if pair >= skip_en and pair >= skip_zh:
                row[j], move[i][j] = pair, 1
            elif skip_en >= skip_zh:
                row[j], move[i][j] = skip_en, 2
            else:
                row[j], move[i][j] = skip_zh, 3
    links, i, j = [], n, m
    while i > 0 and j > 0:
        step = move[i][j]
        if step == 1:
            links.append(Link(i - 1, j - 1, _confidence(score, i - 1, j - 1)))
            i, j = i - 1, j - 1
        elif step == 2:
            i -= 1
        else:
            j -= 1
    return links[::-1]


def _confidence(score, i: int, j: int) -> float:
    """The pair's score against its best rival in the same row and column, squashed to
    0..1: a pair is sure when it fits well and nothing else nearby fits nearly as well."""
    own = score[i][j]
    rivals = [score[i][k] for k in range(max(0, j - 3), min(len(score[0]), j + 4)) if k != j]
    rivals += [score[k][j] for k in range(max(0, i - 3), min(len(score), i + 4)) if k != i]
    margin = own - max(rivals, default=0.0)
    return round(1 / (1 + math.exp(-(1.5 * (own - GAIN) + 2.0 * margin))), 2)
