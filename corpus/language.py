"""Which language a document is written in, and whether it is one Rapporteur reads: the six
UN languages are told apart by script (Han, Cyrillic, Arabic) and, for Latin scripts, by
their function words, so that a French or Spanish document filed under an English name is
refused by name instead of being stored as empty English; an ODS placeholder page is named
as such."""
from __future__ import annotations

import re

from corpus.blocks import Block, han_ratio
from corpus.errors import ReadError

# Function words that tell the Latin-script languages of UN documents apart.
_STOPWORDS = {
    "en": "the of and to in for on by with that is are be this as from has have which",
    "fr": "le la les des du et est dans pour que une sur par au aux avec sont qui ce",
    "es": "el los las del y en que por para una con se al su sus como es está",
}
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÿ]+")
_STOP_SETS = {code: frozenset(stop.split()) for code, stop in _STOPWORDS.items()}
_SCRIPTS = {"ru": re.compile(r"[\u0400-\u04ff]"), "ar": re.compile(r"[\u0600-\u06ff]")}
LANGUAGE_NAMES = {"en": "English", "zh": "Chinese", "fr": "French", "es": "Spanish",
                  "ru": "Russian", "ar": "Arabic"}
_PLACEHOLDER = re.compile(r"does not exist in the Official Document System|"
                          r"document you are looking for (?:does not exist|is not available)", re.I)


def detect_lang(blocks: list[Block]) -> str | None:
    """``zh``, ``en``, or the code of another UN language (``fr``, ``es``, ``ru``, ``ar``)
    that the body is written in; None when there is too little text to tell."""
    body = " ".join(b.text for b in blocks if b.role == "body")[:20000]
    if han_ratio(body) > 0.3:
        return "zh"
    letters = sum(map(str.isalpha, body)) or 1
    for code, script in _SCRIPTS.items():
        if len(script.findall(body)) > 0.3 * letters:
            return code
    words = [w.lower() for w in _LATIN_WORD.findall(body)]
    scores = {code: sum(1 for w in words if w in stop) for code, stop in _STOP_SETS.items()}
    best = max(scores, key=scores.get)
    if scores[best] >= 3 or (words and scores[best] / len(words) > 0.05):
        return best
    return None


def check_readable(blocks: list[Block], source: str) -> str:
    """The language of a document Rapporteur can read; ReadError for the rest (another
    language, an ODS placeholder page, no body text) naming what it is instead."""
    body = " ".join(b.text for b in blocks if b.role == "body")
    if _PLACEHOLDER.search(body[:3000]):
        raise ReadError(source, "ODS placeholder page: the document does not exist in the "
                                "Official Document System (nothing to read)")
    lang = detect_lang(blocks)
    if lang is None:
        raise ReadError(source, "unknown language: Rapporteur reads Chinese and English "
                                "documents (no Chinese or English text found)")
    if lang not in ("zh", "en"):
        raise ReadError(source, f"written in {LANGUAGE_NAMES[lang]} ({lang}): Rapporteur reads "
                                "Chinese and English documents")
    return lang
