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

from glossary.model import Glossary

_CAPS_WORD = re.compile(r"\b[A-Z][A-Z0-9]+\b")


@dataclass(frozen=True)
class Hit:
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
        self.nlp = None  # the spaCy pipeline, English only
        self._heads: dict[str, list[tuple[str, str]]] = {}  # zh: first two chars -> forms
        if lang == "zh":
            for concept, term in glossary.terms("zh"):
                if len(term.form) >= 2:
                    self._heads.setdefault(term.form[:2], []).append((term.form, concept.id))
            for forms in self._heads.values():
                forms.sort(key=lambda f: -len(f[0]))  # longest first
            return
        from spacy.matcher import PhraseMatcher

        from corpus import nlp as shared

        self.nlp = shared.pipeline(lang)
        self._exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self._folded = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._forms: dict[str, tuple[str, str]] = {}  # match key -> (concept id, form)
        exact, folded = {}, {}
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
                exact[key] = _typographic([term.form, *(p for p in plural
                                                        if p.casefold() not in by_fold)])
            else:
                folded[key] = _typographic([term.form, *plurals(term.form)])
        for matcher, table in ((self._exact, exact), (self._folded, folded)):
            for key, forms in table.items():
                matcher.add(key, [self.make_doc(f) for f in forms])

    def make_doc(self, text: str):
        """The tokens of ``text``: a spaCy Doc for English; for Chinese, jieba's words as
        offsets (``zhseg.Words``), all the checks need of them."""
        if self.lang != "zh":
            return self.nlp.make_doc(text)
        from glossary.zhseg import words

        return words(text)

    def find(self, text: str, doc=None) -> list[Hit]:
        """Glossary terms in ``text`` (longest wins where hits overlap), in text order."""
        doc = doc if doc is not None else self.make_doc(text)
        if self.lang == "zh":
            return self._find_zh(text, doc)
        from spacy.util import filter_spans

        keys, spans = {}, []
        for matcher in (self._exact, self._folded):
            for mid, s, e in matcher(doc):
                keys[(s, e)] = self.nlp.vocab.strings[mid]
                spans.append(doc[s:e])
        hits = []
        for span in sorted(filter_spans(spans), key=lambda sp: sp.start):
            concept, form = self._forms[keys[(span.start, span.end)]]
            hits.append(Hit(concept, form, span.text, span.start_char, span.end_char))
        return hits

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
