"""Finding glossary terms in running text, on the shared spaCy pipelines.

English: a PhraseMatcher on lower-case tokens for ordinary terms, with plural forms of the
last word (country team → country teams), and one on exact tokens for acronyms and other
forms written in capitals, so that WHO never matches "who" and UN never matches inside a
longer token. Chinese: forms are found as character spans and kept only where the shared
pipeline's jieba segmentation has a word boundary at both ends (a term inside a longer word
is not a hit). A glossary term may span several jieba words (联合国/国家/工作队), so spans
are matched, not token sequences; and the shared segmenter is left as it is — teaching it the
glossary's ~700 forms would change what every other package sees. Overlapping hits keep
the longest.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from glossary.entokens import Tokens
from glossary.entokens import words as en_words
from glossary.model import Glossary

_CAPS_WORD = re.compile(r"\b[A-Z][A-Z0-9]+\b")


@dataclass(frozen=True)
class Hit:
    """A glossary form found in a text: its concept, the form, the text as written, where."""
    concept: str  # concept id
    form: str  # the glossary form matched
    surface: str  # the text as written
    start: int
    end: int


def case_sensitive(form: str) -> bool:
    """Acronyms and forms holding one (UN-Women, UN Women, WHO) match only as written."""
    return bool(_CAPS_WORD.search(form))


def plurals(form: str) -> list[str]:
    """Inflected forms of an English term: plural of its last word."""
    head, _, last = form.rpartition(" ")
    if not last.isalpha() or not last.islower() or len(last) < 3 or last.endswith("s"):
        return []
    if last.endswith("y") and last[-2] not in "aeiou":
        plural = last[:-1] + "ies"
    elif last.endswith(("x", "ch", "sh", "z")):
        plural = last + "es"
    else:
        plural = last + "s"
    return [f"{head} {plural}".strip()]


def acronym_plural(form: str) -> list[str]:
    """An acronym's plural as UN documents write it: NGOs, MDGs (never an apostrophe)."""
    return [form + "s"] if re.fullmatch(r"[A-Z][A-Z0-9]*[A-RT-Z0-9]", form) else []


def _typographic(forms: list[str]) -> list[str]:
    """Each form also as typeset: UN PDFs write Children’s with a curly apostrophe."""
    return forms + [f.replace("'", "’") for f in forms if "'" in f]


class TermMatcher:
    """All glossary terms of one language, ready to scan text."""

    def __init__(self, glossary: Glossary, lang: str):
        self.lang = lang
        self.glossary = glossary
        self._heads: dict[str, list[tuple[str, str]]] = {}  # zh: first two chars -> forms
        if lang == "zh":
            for concept, term in glossary.terms("zh"):
                if len(term.form) >= 2:
                    self._heads.setdefault(term.form[:2], []).append((term.form, concept.id))
            for forms in self._heads.values():
                forms.sort(key=lambda f: -len(f[0]))  # longest first
            return
        self._forms: dict[str, tuple[str, str]] = {}  # match key -> (concept id, form)
        # first token -> [(tokens, key)]: exact (as written) and folded (lower case) patterns
        self._exact: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._folded: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        by_fold: dict[str, set[str]] = {}
        for _, term in glossary.terms(lang):
            by_fold.setdefault(term.form.casefold(), set()).add(term.form)
        for concept, term in glossary.terms(lang):
            key = f"{lang}:{term.form}"
            if key in self._forms:
                continue
            self._forms[key] = (concept.id, term.form)
            # Member States (preferred) vs member states (deprecated): case tells them apart
            if case_sensitive(term.form) or len(by_fold[term.form.casefold()]) > 1:
                # common nouns take a plural (NGOs); names of bodies do not (UNDPs)
                plural = [] if concept.domain == "entity" else acronym_plural(term.form)
                for form in _typographic([term.form, *(p for p in plural
                                                       if p.casefold() not in by_fold)]):
                    self._add(self._exact, tuple(en_words(form)), key, form != term.form)
            else:
                for form in _typographic([term.form, *plurals(term.form)]):
                    self._add(self._folded, tuple(w.lower() for w in en_words(form)), key,
                              form != term.form)

    @staticmethod
    def _add(table, tokens: tuple[str, ...], key: str, derived: bool) -> None:
        """A pattern; ``derived`` when it is a plural or typeset spelling of the form."""
        if tokens and (tokens, key, derived) not in table.get(tokens[0], ()):
            table.setdefault(tokens[0], []).append((tokens, key, derived))

    def make_doc(self, text: str):
        """The tokens of ``text``: for English, ``entokens.Tokens`` (spaCy's English rules
        without spaCy); for Chinese, jieba's words as offsets (``zhseg.Words``)."""
        if self.lang != "zh":
            return Tokens(text)
        from glossary.zhseg import words

        return words(text)

    def find(self, text: str, doc=None) -> list[Hit]:
        """Glossary terms in ``text`` (longest wins where hits overlap), in text order."""
        doc = doc if doc is not None else self.make_doc(text)
        if self.lang == "zh":
            return self._find_zh(text, doc)
        spans, orig, low = doc.spans, [t for _, _, t in doc.spans], doc.lower
        keys: dict[tuple[int, int], str] = {}
        derived: set[tuple[int, int]] = set()  # spans matched only by a plural or typeset spelling
        for table, seq in ((self._exact, orig), (self._folded, low)):
            for i, word in enumerate(seq):
                for tokens, key, is_derived in table.get(word, ()):
                    span = (i, i + len(tokens))
                    if tuple(seq[i:span[1]]) == tokens and not (
                            is_derived and span in keys and span not in derived):
                        keys[span] = key  # "reparations" is the form, not a plural of "reparation"
                        derived.discard(span)
                        if is_derived:
                            derived.add(span)
        hits, seen = [], set()
        # the longest match first, then the earliest, as spaCy's filter_spans keeps them
        for s, e in sorted(keys, key=lambda se: (se[1] - se[0], -se[0]), reverse=True):
            if s not in seen and e - 1 not in seen:
                seen.update(range(s, e))
                concept, form = self._forms[keys[(s, e)]]
                start, end = spans[s][0], spans[e - 1][1]
                hits.append(Hit(concept, form, text[start:end], start, end))
        return sorted(hits, key=lambda h: h.start)

    def _find_zh(self, text: str, doc) -> list[Hit]:
        starts, ends = set(doc.starts), set(doc.ends)
        heads = self._heads
        found = []
        for p in [p for p in range(len(text) - 1) if p in starts and text[p:p + 2] in heads]:
            for form, concept in heads[text[p:p + 2]]:
                if p + len(form) in ends and text.startswith(form, p):
                    found.append(Hit(concept, form, form, p, p + len(form)))
        kept: list[Hit] = []
        for hit in sorted(found, key=lambda h: (h.start - h.end, h.start)):
            if not any(k.start < hit.end and hit.start < k.end for k in kept):
                kept.append(hit)
        return sorted(kept, key=lambda h: h.start)


@lru_cache(maxsize=8)
def matcher_for(glossary: Glossary, lang: str) -> TermMatcher:
    """One matcher per glossary and language (building one costs a few hundred ms)."""
    return TermMatcher(glossary, lang)
