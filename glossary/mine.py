"""Mining candidate term pairs from two aligned editions: abbreviation definitions made in
both ("United Nations Population Fund (UNFPA)" ↔ "联合国人口基金(人口基金)") paired within
aligned paragraphs, and multi-word English phrases whose Chinese counterpart co-occurs with
them across aligned units (Dice coefficient). Each pair keeps the paragraphs supporting it;
pairs the glossary already holds are marked known."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from corpus import nlp as shared
from corpus.blocks import HAN, is_han
from corpus.model import Document
from glossary.align import Pair, pairs_for, part_text
from glossary.model import Glossary

EN_DEF = re.compile(r"\(((?=(?:[^)]*[A-Z]){2})[A-Z][A-Za-z0-9-]*[A-Za-z0-9])\)")
ZH_DEF = re.compile(f"([{HAN}、/]{{2,40}})[(（]([{HAN}]{{2,10}})[)）]")
EN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
STOP = set("a an the of and or for to in on at by with from as is are was were be been this that "
           "these those its their his her it they which who whom also not has have had will would "
           "shall should may can could all any each such other than into within between".split())
MIN_SUPPORT, MIN_DICE = 2, 0.6


@dataclass
class Candidate:
    """A candidate English–Chinese term pair: how it was found, how likely, the aligned units
    that support it."""
    en: str
    zh: str
    score: float
    method: str  # definition | cooccurrence
    support: list[str] = field(default_factory=list)  # aligned unit keys (paragraph numbers)
    known: str | None = None  # concept id when the glossary already pairs them


def long_form(short: str, before: str) -> str | None:
    """The long form an English "(SHORT)" defines. Names of bodies are runs of capitalized
    words (with of/and/for/the inside): take the run's leftmost capitalized word that starts
    with the short form's first letter (United Nations Population Fund (UNFPA), whose
    letters are not in order). Otherwise Schwartz & Hearst (2003): the shortest stretch of
    words whose letters, read backwards, hold the short form's, the first at a word start."""
    words = before.split()
    run: list[str] = []
    for w in reversed(words):
        if w[-1] in ",;:.)" or not (w[0].isupper() or w in STOP):
            break
        run.insert(0, w)
    for k, w in enumerate(run):
        if w[0].upper() == short[0].upper() and w[0].isupper() and len(run) - k >= 2:
            return " ".join(run[k:])
    window = " ".join(words[-min(len(short) + 5, 2 * len(short)):])
    s, i = len(short) - 1, len(window) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while i >= 0 and (window[i].lower() != c or (s == 0 and i > 0 and window[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i, s = i - 1, s - 1
    start = window.rfind(" ", 0, i + 1) + 1
    found = window[start:].strip(" ,;:")
    return found if len(found) > len(short) else None


def zh_long_form(short: str, before: str) -> str | None:
    """The shortest tail of the Chinese run before "(简称)" that starts with the short
    form's first character and holds its characters in order (联合国人口基金 → 人口基金),
    reaching back to the 联合国 that starts an organization's name
    (联合国促进性别平等和增强妇女权能署(妇女署))."""
    for start in range(len(before) - len(short), -1, -1):
        tail = before[start:]
        if tail[0] != short[0]:
            continue
        it = iter(tail)
        if all(ch in it for ch in short):
            un = before.rfind("联合国", 0, start + 1)
            return before[un:] if un >= 0 else tail
    return None


def _known_tail(before: str, g: Glossary | None, lang: str) -> str | None:
    """The longest glossary form that ``before`` ends with (Joint United Nations Programme
    on HIV/AIDS, whose J no rule would guess)."""
    if g is None:
        return None
    tails = [t.form for _, t in g.terms(lang) if before.endswith(t.form)
             and (lang == "zh" or len(before) == len(t.form) or not before[-len(t.form) - 1].isalnum())]
    return max(tails, key=len, default=None)


def definitions(text: str, lang: str, g: Glossary | None = None) -> list[tuple[str, str]]:
    """(long form, short form) pairs defined in ``text``, in order."""
    out = []
    if lang == "en":
        for m in EN_DEF.finditer(text):
            before = text[:m.start()].rstrip()
            full = _known_tail(before, g, "en") or long_form(m.group(1), before)
            if full and full != m.group(1):
                out.append((full, m.group(1)))
    else:
        for m in ZH_DEF.finditer(text):
            full = _known_tail(m.group(1), g, "zh") or zh_long_form(m.group(2), m.group(1))
            if full and full != m.group(2):
                out.append((full, m.group(2)))
    return out


def _en_phrases(text: str) -> set[str]:
    """Lower-cased 2–6-word phrases (a hyphenated word is one word) that neither start
    nor end with a function word."""
    words = [w.lower() for w in EN_WORD.findall(text)]
    out = set()
    for n in range(2, 7):
        for k in range(len(words) - n + 1):
            gram = words[k:k + n]
            if gram[0] not in STOP and gram[-1] not in STOP:
                out.add(" ".join(gram))
    return out


def _zh_phrases(text: str) -> set[str]:
    """jieba words of two or more Han characters, and runs of two or three such words."""
    words = shared.segment(text)
    content = [len(w) >= 2 and all(is_han(c) for c in w) for w in words]
    out = {w for w, ok in zip(words, content) if ok}
    for n in (2, 3):
        for k in range(len(words) - n + 1):
            if all(content[k:k + n]):
                joined = "".join(words[k:k + n])
                if len(joined) <= 12:
                    out.add(joined)
    return out


def _known(g: Glossary, en: str, zh: str) -> str | None:
    a, b = g.lookup(en) or (g.lookup(en[:-1]) if en.endswith("s") else None), g.find(zh)
    return a.id if a is not None and a is b else None


def _units(en: Document, zh: Document, pairs: list[Pair]):
    return [(p.key, part_text(en, p.source), part_text(zh, p.target)) for p in pairs]


def by_definition(units, g: Glossary) -> list[Candidate]:
    """Pairs defined in both editions of a unit (long and short forms), when each side
    defines as many."""
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, en_text, zh_text in units:
        en_defs, zh_defs = definitions(en_text, "en", g), definitions(zh_text, "zh", g)
        if len(en_defs) != len(zh_defs):
            continue
        for (en_full, en_short), (zh_full, zh_short) in zip(en_defs, zh_defs):
            found[(en_full, zh_full)].append(key)
            found[(en_short, zh_short)].append(key)
    return [Candidate(en, zh, round(min(0.99, 0.85 + 0.05 * len(keys)), 2), "definition",
                      keys, _known(g, en, zh)) for (en, zh), keys in found.items()]


def by_cooccurrence(units, g: Glossary) -> list[Candidate]:
    """English and Chinese phrases that occur in the same aligned units (Dice), each phrase
    paired once, best first."""
    en_sets = [(key, _en_phrases(e)) for key, e, _ in units]
    zh_sets = [_zh_phrases(z) for _, _, z in units]
    en_count = Counter(p for _, s in en_sets for p in s)
    zh_count = Counter(p for s in zh_sets for p in s)
    joint: dict[tuple[str, str], list[str]] = defaultdict(list)
    for (key, es), zs in zip(en_sets, zh_sets):
        es = [e for e in es if en_count[e] >= MIN_SUPPORT]
        zs = [z for z in zs if zh_count[z] >= MIN_SUPPORT]
        for e in es:
            for z in zs:
                joint[(e, z)].append(key)
    scored = []
    for (e, z), keys in joint.items():
        if len(keys) < MIN_SUPPORT:
            continue
        dice = 2 * len(keys) / (en_count[e] + zh_count[z])
        if dice >= MIN_DICE:
            scored.append((dice, len(keys), len(e) + len(z), e, z, keys))
    scored.sort(key=lambda x: (-x[0], -x[1], -x[2]))
    used_en, used_zh, out = set(), set(), []
    for dice, _, _, e, z, keys in scored:  # competitive linking: each phrase pairs once
        if e in used_en or z in used_zh or any(e in u for u in used_en) \
                or any(z in u for u in used_zh):
            continue
        used_en.add(e)
        used_zh.add(z)
        out.append(Candidate(e, z, round(dice, 2), "cooccurrence", keys, _known(g, e, z)))
    return out


def mine(en: Document, zh: Document, g: Glossary) -> list[Candidate]:
    """Candidate pairs from an English and a Chinese edition, best first."""
    units = _units(en, zh, pairs_for(en, zh, g, sure=True))
    found = by_definition(units, g)
    seen = {(c.en.lower(), c.zh) for c in found}
    found += [c for c in by_cooccurrence(units, g) if (c.en.lower(), c.zh) not in seen]
    return sorted(found, key=lambda c: (-c.score, c.en))
