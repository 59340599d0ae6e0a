"""Short names a Chinese document coins for a body instead of the approved one: 难民专员 or
难民署 for UNHCR, 儿基金 beside 儿基会, 开发计划署 beside 开发署. They are grouped under the
concept so that the variant check sees every name a document gives one body.

A coined form is either defined by the document — "X(W)" where X is a form of the concept,
or the start of its full name of six characters or more (联合国难民事务高级专员(难民专员)),
and W takes its characters in order from X — or built the way UN Chinese abbreviates: a
whole word that starts with the approved short form's first two characters, takes its
characters in order from the full name, ends as the name or its short form ends (or on the
character before a final 会/处: 儿基金), and is no word of jieba's dictionary and no
glossary form. Each is counted wherever it stands as a whole word outside a glossary hit."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from corpus.blocks import HAN, is_han
from glossary.matching import Hit
from glossary.model import Glossary
from glossary.scan import Scan
from glossary.zhseg import cut, freq
from glossary.zhwords import REAL_WORD

_DEFINED = re.compile(f"[(（]([{HAN}]{{2,8}})[)）]")
_MIN_PREFIX = 6  # a name cut short before "(": at least this many characters of the full name


@dataclass(frozen=True)
class _Name:
    concept: str
    full: str
    short: str


def _subsequence(word: str, name: str) -> bool:
    it = iter(name)
    return all(ch in it for ch in word)


@lru_cache(maxsize=8)
def _names(glossary: Glossary) -> tuple[dict[str, list[_Name]], frozenset]:
    """Bodies by the first two characters of their approved short form, and every form."""
    by_head: dict[str, list[_Name]] = defaultdict(list)
    for c in glossary.concepts:
        full, short = c.preferred("zh", "full"), c.preferred("zh", "short")
        if c.domain == "entity" and full and short and len(short) >= 2:
            by_head[short[:2]].append(_Name(c.id, full, short))
    known = frozenset(t.form for c in glossary.concepts for t in c.terms)
    return dict(by_head), known


@lru_cache(maxsize=None)
def _endings(name: _Name) -> set[str]:
    ends = {name.full[-1], name.short[-1]}
    if name.full[-1] in "会处":
        ends.add(name.full[-2])
    return ends


def coined(s: Scan) -> list[tuple[int, Hit]]:
    """(unit position, hit) for every coined short form in the document, in reading order."""
    if "coined" not in s.cache:
        s.cache["coined"], s.cache["coined-defined"] = _coined(s) if s.lang == "zh" else ([], {})
    return s.cache["coined"]


def coined_definitions(s: Scan) -> dict[str, tuple[int, int]]:
    """Concept -> (unit position, offset) of the first "X(W)" that defines a coined form."""
    coined(s)
    return s.cache["coined-defined"]


def _coined(s: Scan):
    by_head, known = _names(s.glossary)
    coin: dict[str, str] = {}  # coined form -> concept
    defined: dict[str, tuple[int, int]] = {}
    for pos, su in enumerate(s.units):
        for cid, at in _defined_here(su.unit.text, su.hits, s.glossary, known, coin):
            defined.setdefault(cid, (pos, at))
    runs: dict[int, dict[int, set[int]]] = {}  # unit -> start of a Han run -> its boundaries

    def whole(pos: int, a: int, b: int) -> bool:
        """Whether text[a:b] of unit ``pos`` starts and ends on word boundaries."""
        bounds = _run_bounds(s.units[pos], a, runs.setdefault(pos, {}))
        return a in bounds and b in bounds

    for pos, su in enumerate(s.units):
        text = su.unit.text
        for p in range(len(text) - 2):
            for name in by_head.get(text[p:p + 2], ()):
                ends = _endings(name)
                for e in range(min(len(text), p + len(name.full)), p + 2, -1):
                    if text[e - 1] not in ends:
                        continue
                    word = text[p:e]
                    if (word not in known and _subsequence(word, name.full)
                            and freq(word) < REAL_WORD and whole(pos, p, e)):
                        coin.setdefault(word, name.concept)
                        break
    out = []
    for pos, su in enumerate(s.units):
        text = su.unit.text
        for word, cid in coin.items():
            for m in re.finditer(re.escape(word), text):
                if any(h.start < m.end() and m.start() < h.end
                       and not (m.start() <= h.start and h.end <= m.end()) for h in su.hits):
                    continue  # inside a longer glossary form (开发计划署 of 联合国开发计划署)
                if whole(pos, m.start(), m.end()):
                    out.append((pos, Hit(cid, word, word, m.start(), m.end())))
    return sorted(out, key=lambda x: (x[0], x[1].start)), defined


def _run_bounds(su, at: int, cache: dict) -> set[int]:
    """Word boundaries of the run of Han characters around offset ``at`` (jieba cuts each
    such run on its own, so this is the whole text's cut, at a fraction of its cost), by
    the dictionary alone, plus the ends of the glossary hits in it."""
    text = su.unit.text
    start = at
    while start > 0 and is_han(text[start - 1]):
        start -= 1
    if start not in cache:
        end = at
        while end < len(text) and is_han(text[end]):
            end += 1
        bounds, k = {start, end}, start
        for word in cut(text[start:end], hmm=False):
            k += len(word)
            bounds.add(k)
        bounds |= {x for h in su.hits if start <= h.start and h.end <= end for x in (h.start, h.end)}
        cache[start] = bounds
    return cache[start]


def _defined_here(text: str, hits: list[Hit], glossary: Glossary, known, coin: dict):
    """(concept, offset) of each "X(W)" where X names a body (a glossary form, or the
    start of its full name) and W is no glossary form; W is added to ``coin``."""
    for m in _DEFINED.finditer(text):
        word, at = m.group(1), m.start()
        if word in known:
            continue
        before = next((h for h in hits if h.end == at), None)
        if before is not None and glossary.concept(before.concept).domain == "entity":
            if _subsequence(word, before.form):
                coin.setdefault(word, before.concept)
                yield before.concept, m.start(1)
            continue
        # else the start of a body's full name (联合国难民事务高级专员 for the Office)
        for c in glossary.concepts:
            full = c.preferred("zh", "full")
            if c.domain != "entity" or not full or len(full) < _MIN_PREFIX:
                continue
            k = next((k for k in range(len(full) - 1, _MIN_PREFIX - 1, -1)
                      if text.endswith(full[:k], 0, at)), 0)
            if k and _subsequence(word, full[:k]):
                coin.setdefault(word, c.id)
                yield c.id, m.start(1)
                break
