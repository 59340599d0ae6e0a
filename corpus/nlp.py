"""The one spaCy pipeline per language that every package builds on.

Blank ``zh`` (jieba segmenter, with a user dictionary of UN names so that 妇女署 or
高级专员办事处 stay whole) and blank ``en``; no trained model is needed. Each pipeline is built
once per process: jieba's dictionary costs more than a second to load. Packages add their own
rule components (Matcher, PhraseMatcher, EntityRuler) to the pipeline they get here.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from importlib.resources import files

USER_DICT = files("corpus") / "data" / "jieba_un.txt"


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    with USER_DICT.open("rb") as dictionary:  # a resource, wherever the package is installed
        jieba.load_userdict(dictionary)
    return jieba


def add_words(words) -> None:
    """Teach the pipelines' segmenter more whole words (e.g. a glossary's Chinese terms).
    ``segment`` (what the search index is built with) is not affected, so that an index
    and its queries are always cut the same way whatever else the process has loaded."""
    jieba = _jieba()
    for word in words:
        if word and len(word) > 1:
            jieba.add_word(word, freq=20000)


@lru_cache(maxsize=1)
def _fixed_tokenizer():
    """jieba's algorithm and dictionary as jieba-rs implements them (rjieba): the same
    words as Python jieba, about twenty times faster and loaded in a tenth of the time.
    Search text is cut on every ingest and every query; the spaCy pipelines, whose
    dictionary packages extend at run time, keep Python jieba."""
    import rjieba

    tokenizer = rjieba.Jieba()
    for line in USER_DICT.read_text(encoding="utf-8").splitlines():
        word, *rest = line.split()
        freq = int(rest[0]) if rest and rest[0].isdigit() else None
        tokenizer.add_word(word, freq, rest[1] if len(rest) > 1 else None)
    return tokenizer


def segment(text: str) -> list[str]:
    """Chinese words of ``text`` with jieba and the UN user dictionary only."""
    return [w for w in _fixed_tokenizer().cut(text) if w.strip()]


@lru_cache(maxsize=None)
def pipeline(lang: str):
    """The blank spaCy pipeline for ``lang`` ('zh' or 'en'), built once per process."""
    import spacy

    if lang == "zh":
        _jieba()
        return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    if lang == "en":
        return spacy.blank("en")
    raise ValueError(f"unsupported language {lang!r} (Rapporteur reads 'zh' and 'en')")
