"""Near-misses: text one character edit away from a glossary form that is not itself a
glossary form — a slip in an agency's name (妇女暑, 世卫组识, UNPD).

Candidates are found without trying every window of the text. Chinese: one edit cannot
break two character bigrams that are two apart, so each form of four or more characters is
indexed by its two rarest such bigrams; a three-character form by both bigrams and its
first/last pair (妇?署). English: acronyms by their one-deletion neighbourhood (SymSpell);
names by the words one edit leaves intact (either word of two; of longer names the first
two, the last two, or the first and last). Chinese candidates are then read against jieba's
segmentation of the text.

What is not reported, to keep precision high: edits at the very edge of a form (a term
followed by another character, or a plural ``s``), windows that overlap an exact hit,
Chinese windows that do not start and end on word boundaries (监督事 of 内部监督事务厅),
that are words in jieba's dictionary (开发部), a word plus a common character (艾滋病界) or
real words only (联合秘书处); English acronyms of fewer than four letters, known to be left
unexpanded (AIDS), next to a slash, part of a name, or spelled out nearby, and acronym
edits other than a swap of letters in acronyms under six letters (UNSC, USSC). Only names
of bodies (domain ``entity``) and acronyms are targets. A name of three words or more with
its words in another order is one too.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from corpus.blocks import HAN, is_han
from glossary.entokens import words as en_words
from glossary.matching import Hit, TermMatcher, case_sensitive, matcher_for
from glossary.unexpanded import unexpanded
from glossary.zhseg import freq
from glossary.zhwords import (REAL_WORD, SUFFIX_CHAR, boundaries, ordinary_words,
                              segmented_as_slip, token_at, whole_words)

_HAN_RUN = re.compile(f"[{HAN}]+")
_ACRONYM = re.compile(r"[A-Z][A-Za-z0-9-]*[A-Z0-9]")
# words an acronym's letters skip (Union nationale des femmes marocaines: UNFM)
_SMALL_WORDS = {"of", "the", "and", "for", "on", "in", "to", "des", "de", "du", "la", "le",
                "les", "et", "el", "y"}


@dataclass(frozen=True)
class NearMiss:
    """Text one edit away from a glossary form: the form, the text as written, where, the edit
    and how sure it is a slip."""
    concept: str
    form: str  # the glossary form it is near
    surface: str
    start: int
    end: int
    edit: str  # substitution | transposition | insertion | deletion | swap of words
    confidence: float


def one_edit(candidate: str, form: str) -> tuple[str, int] | None:
    """(kind, position) when ``candidate`` is exactly one edit (OSA) from ``form``."""
    la, lb = len(candidate), len(form)
    if la == lb:
        diffs = [i for i in range(la) if candidate[i] != form[i]]
        if len(diffs) == 1:
            return "substitution", diffs[0]
        if (len(diffs) == 2 and diffs[1] == diffs[0] + 1
                and candidate[diffs[0]] == form[diffs[1]] and candidate[diffs[1]] == form[diffs[0]]):
            return "transposition", diffs[0]
        return None
    if abs(la - lb) != 1:
        return None
    longer, shorter = (candidate, form) if la > lb else (form, candidate)
    i = next((k for k in range(len(shorter)) if longer[k] != shorter[k]), len(shorter))
    if longer[:i] + longer[i + 1:] != shorter:
        return None
    return ("insertion" if la > lb else "deletion"), i


def _at_edge(kind: str, pos: int, form: str) -> bool:
    return kind in ("insertion", "deletion") and (pos == 0 or pos >= len(form) - (kind == "deletion"))


def _confidence(kind: str, form: str) -> float:
    """Longer forms and substitutions/transpositions are likelier slips than chance
    look-alikes; a heuristic score in [0.5, 0.99] used only to rank."""
    score = 0.5 + 0.06 * min(len(form), 8) + (0.05 if kind in ("substitution", "transposition") else 0)
    return round(min(score, 0.99), 2)


def _norm(word: str) -> str:
    return word.replace("’", "'")


def _interior(hits: list[Hit]) -> set[int]:
    """Offsets strictly inside an exact hit: a window may contain a hit (United Nations in a
    misspelt United Nations Development Programme) but must not cut through one."""
    return {i for h in hits for i in range(h.start + 1, h.end)}


def _acronym_slip(edit: tuple[str, int], form: str) -> bool:
    """Short acronyms one edit apart are mostly other real acronyms (UNSC and USSC beside
    UNSSC, AIDS beside SIDS, UNFM beside UNFF): a swap of two letters (UNPD) is a slip at
    any length, any other edit only in an acronym of six letters or more (UNICF), and
    never in the first letter (another first letter is another name)."""
    kind, pos = edit
    if kind == "transposition":
        return True
    return len(form) >= 6 and pos > 0 and not (kind == "insertion" and pos >= len(form))


def _in_a_name(words: list[str], i: int) -> bool:
    """An acronym followed by a capitalised word is part of a name ("UNFM Market"); one
    next to a slash, of a symbol (ICCD/COP(8)/CST/8)."""
    after = words[i + 1] if i + 1 < len(words) else ""
    return (after[:1].isupper() and after.isalpha()) or after == "/" or (
        i > 0 and words[i - 1] == "/")


def _initials(words: list[str]) -> str:
    """First letters of the unit's words, small words skipped: an acronym found in it is
    spelled out there."""
    return "".join(w[0].lower() for w in words if w.isalpha() and w.lower() not in _SMALL_WORDS)


class NearMissFinder:
    """Finds near-misses of one glossary's names of bodies and acronyms in one language; its
    indexes are built once."""
    def __init__(self, matcher: TermMatcher):
        self.lang = matcher.lang
        self.make_doc = matcher.make_doc
        g = matcher.glossary
        self.known = {t.form for c in g.concepts for t in c.terms}
        self.known_folded = {f.casefold() for f in self.known}
        # slips worth a translator's time are in names of bodies (妇女暑, UNPD), not in
        # general terms, where a one-edit neighbour is usually just another phrase
        targets = [(c.id, t.form) for c, t in g.terms(self.lang)
                   if t.status != "deprecated" and (c.domain == "entity" or _ACRONYM.fullmatch(t.form))]
        if self.lang == "zh":
            self._index_zh(targets)
        else:
            self._index_en(targets)

    # -- Chinese ---------------------------------------------------------------------
    def _index_zh(self, targets):
        """Anchors: for a form of four or more characters, two bigrams at least two apart
        (one edit cannot break both), the two rarest; for three characters, both bigrams
        and the first/last pair (妇?署)."""
        forms = [(cid, f) for cid, f in targets if len(f) >= 3 and all(is_han(ch) for ch in f)]
        count = Counter(bg for _, f in forms for bg in {f[i:i + 2] for i in range(len(f) - 1)})

        def cost(bg: str) -> float:
            return count[bg] + freq(bg) / 100

        self.bigrams = defaultdict(list)
        self.gaps = defaultdict(list)
        for cid, form in forms:
            size = len(form)
            if size == 3:
                self.gaps[(form[0], form[2])].append((cid, form))
                anchors = (0, 1)
            else:
                anchors = min(((i, j) for i in range(size - 1) for j in range(i + 2, size - 1)),
                              key=lambda ij: cost(form[ij[0]:ij[0] + 2]) + cost(form[ij[1]:ij[1] + 2]))
            for off in anchors:
                self.bigrams[form[off:off + 2]].append((cid, form, off))
        self.gap_first = {a for a, _ in self.gaps}

    def _find_zh(self, text: str, hits: list[Hit], doc) -> list[NearMiss]:
        n = len(text)
        interior = _interior(hits)
        windows: dict[tuple[int, int, str], str] = {}
        bigrams, gaps = self.bigrams, self.gaps
        for p in [p for p in range(n - 1) if text[p:p + 2] in bigrams]:
            for cid, form, off in bigrams[text[p:p + 2]]:
                s0, size = p - off, len(form)
                for s, e in ((s0, s0 + size - 1), (s0, s0 + size), (s0, s0 + size + 1),
                             (s0 - 1, s0 + size), (s0 + 1, s0 + size)):
                    # edits at the edges are not reported, so one end at least is intact
                    if 0 <= s and e <= n and (text[s] == form[0] or text[e - 1] == form[-1]):
                        windows[(s, e, form)] = cid
        for p in [p for p in range(n - 2) if text[p] in self.gap_first]:
            for cid, form in gaps.get((text[p], text[p + 2]), ()):
                windows[(p, p + 3, form)] = cid
        out, bounds, locate = [], None, None
        for (s, e, form), cid in windows.items():
            if e - s < 3 or s in interior or e in interior:
                continue
            surface = text[s:e]
            if surface in self.known or not _HAN_RUN.fullmatch(surface):
                continue
            edit = one_edit(surface, form)
            if edit is None or _at_edge(*edit, form) or freq(surface):
                continue
            if self._word_and_suffix(surface, edit) or ordinary_words(surface):
                continue
            locate = locate or token_at(doc, text)
            if not segmented_as_slip(text, locate, s, form, edit):
                continue
            bounds = bounds or boundaries(text, hits)
            if not whole_words(text, bounds, s, e):
                continue
            out.append(NearMiss(cid, form, surface, s, e, edit[0], _confidence(edit[0], form)))
        return out

    def _word_and_suffix(self, surface: str, edit: tuple[str, int]) -> bool:
        """A dictionary word followed by a common character where the form has another
        (艾滋病界 "the AIDS community", not a slip of 艾滋病署)."""
        return (edit == ("substitution", len(surface) - 1)
                and freq(surface[:-1]) >= REAL_WORD
                and freq(surface[-1]) >= SUFFIX_CHAR)

    # -- English ---------------------------------------------------------------------
    def _index_en(self, targets):
        """Acronyms by their one-deletion keys; names of two words by either word, longer
        names by their first two words, last two words, or first and last word together
        (one edit changes one word, so one of these is intact)."""
        self.deletes = defaultdict(set)
        self.anchors = defaultdict(list)  # key -> [(cid, form, words, offset of the key)]
        self.lengths = defaultdict(set)  # first word -> lengths of names starting with it
        self.cased: dict[str, tuple[str, ...]] = {}
        self.orders: dict[tuple, tuple[str, str]] = {}  # (length, sorted words) -> (cid, form)
        for cid, form in targets:
            self.cased[form] = tuple(_norm(t) for t in en_words(form))
            words = tuple(w.lower() for w in self.cased[form])
            k = len(words)
            if k == 1:
                if case_sensitive(form) and _ACRONYM.fullmatch(form) and len(form) >= 4:
                    for key in {form, *(form[:i] + form[i + 1:] for i in range(len(form)))}:
                        self.deletes[key].add((cid, form))
                continue
            # (…, offset of the key in the name, a word outside the key to pre-check)
            entry = (cid, form, words)
            if k == 2:
                self.anchors[(words[0],)].append((*entry, 0, 1))
                self.anchors[(words[1],)].append((*entry, 1, 0))
            else:
                self.anchors[words[:2]].append((*entry, 0, k - 1))
                self.anchors[words[-2:]].append((*entry, k - 2, 0))
                self.anchors[(words[0], words[-1], k)].append((*entry, 0, 1))
                self.lengths[words[0]].add(k)
                self.orders[(k, tuple(sorted(self.cased[form])))] = (cid, form)
        self.heads = {key[0] for key in self.anchors}

    def _find_en(self, text: str, hits: list[Hit], doc, defined: set[str]) -> list[NearMiss]:
        spans = doc.spans
        orig = [_norm(t) for _, _, t in spans]
        low = [w.lower() for w in orig]
        n = len(low)
        found: dict[tuple[int, int, str], tuple[str, tuple[str, int]]] = {}
        heads = self.heads
        initials = None
        for i, word in enumerate(orig):
            if (len(word) >= 4 and word[0].isupper() and word not in self.known
                    and word not in defined and word not in unexpanded()
                    and _ACRONYM.fullmatch(word) and not _in_a_name(orig, i)):
                initials = initials if initials is not None else _initials(orig)
                if word.replace("-", "").lower() in initials:
                    continue  # the document's own acronym, spelled out nearby
                for key in {word, *(word[:k] + word[k + 1:] for k in range(len(word)))}:
                    for cid, form in self.deletes.get(key, ()):
                        edit = one_edit(word, form)
                        if edit and _acronym_slip(edit, form):
                            found[(spans[i][0], spans[i][1], form)] = (cid, edit)
            if low[i] not in heads:
                continue
            for k in self.lengths.get(low[i], ()):
                self._word_order(i, k, orig, spans, found)
            keys = [(low[i],), tuple(low[i:i + 2])]
            keys += [(low[i], low[i + k - 1], k) for k in self.lengths.get(low[i], ())
                     if i + k <= len(low)]
            for key in keys:
                for cid, form, words, off, probe in self.anchors.get(key, ()):
                    a = i - off
                    if not 0 <= a + probe < n:
                        continue
                    w, want = low[a + probe], words[probe]
                    # one edit keeps a word's first or last letter: most windows stop here
                    if w == want or w[0] == want[0] or w[-1] == want[-1]:
                        self._window(a, words, orig, low, spans, cid, form, found)
        out = []
        interior = _interior(hits)
        for (s, e, form), (cid, edit) in found.items():
            if s in interior or e in interior or any(h.start == s and h.end == e for h in hits):
                continue
            out.append(NearMiss(cid, form, text[s:e], s, e, edit[0], _confidence(edit[0], form)))
        return out

    def _word_order(self, i, k, orig, spans, found) -> None:
        """A name of three words or more with its words in another order, first and last
        word in place ("United Nations Educational, Cultural and Scientific Organization")."""
        window = tuple(orig[i:i + k])
        entry = self.orders.get((k, tuple(sorted(window)))) if len(window) == k else None
        if entry is None:
            return
        cid, form = entry
        target = self.cased[form]
        if window != target and window[0] == target[0] and window[-1] == target[-1]:
            found[(spans[i][0], spans[i + k - 1][1], form)] = (cid, ("swap of words", 0))

    def _window(self, a, words, orig, low, spans, cid, form, found) -> None:
        """Whether tokens a… differ from ``words`` in one word, by one edit."""
        k = len(words)
        if a < 0 or a + k > len(low):
            return
        j = -1
        for m in range(k):
            if low[a + m] != words[m]:
                if j >= 0:
                    return  # two words differ
                j = m
        if j < 0:
            return
        if form != form.lower():  # "on women" is no slip of "UN Women", nor "world back" of a bank
            target = self.cased[form]
            if any(orig[a + m] != target[m] for m in range(k) if m != j):
                return
            edit = (one_edit(orig[a + j], target[j]) if case_sensitive(form)
                    else one_edit(low[a + j], words[j]))
        else:
            edit = one_edit(low[a + j], words[j])
        if edit is None or (edit[0] in ("insertion", "deletion")
                            and ((j == 0 and edit[1] == 0)
                                 or (j == k - 1 and edit[1] >= len(words[j]) - (edit[0] == "deletion")))):
            return
        s, e = spans[a][0], spans[a + k - 1][1]
        found[(s, e, form)] = (cid, edit)

    def find(self, text: str, hits: list[Hit], doc=None, defined: set[str] = frozenset()):
        """Near-misses in ``text`` given its exact ``hits``, best first."""
        if self.lang == "zh":
            out = self._find_zh(text, hits, doc if doc is not None else self.make_doc(text))
        else:
            out = self._find_en(text, hits, doc if doc is not None else self.make_doc(text),
                                defined)
        kept: list[NearMiss] = []
        for m in sorted(out, key=lambda m: (-(m.end - m.start), -m.confidence, m.start)):
            if not any(k.start < m.end and m.start < k.end for k in kept):
                kept.append(m)
        return sorted(kept, key=lambda m: (-m.confidence, m.start))


@lru_cache(maxsize=8)
def finder_for(glossary, lang: str) -> NearMissFinder:
    """One finder per glossary and language: its index is built once."""
    return NearMissFinder(matcher_for(glossary, lang))
