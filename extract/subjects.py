"""What an English indicator measures: the noun phrase a figure is about ("share of women at
the P-5 level", "people living with HIV"), and the glossary concept it names.

The pipelines are blank (no tagger), so the noun phrase is found the way a noun-chunker
would on tokens: from the word before the verb, backwards over content words, numbers and
the few function words that stay inside a noun phrase ("of", "for", "with", "the"), up to a
clause boundary (a verb of saying + "that", a relative pronoun, an auxiliary, punctuation).
Patterns around the figure come first: "a 68 per cent increase in complaints", "an
overcrowding rate of 256 per cent", "759 claims ..., of which 70 per cent", "staff (26 per
cent)", "slow growth to 4.6 per cent", "timelines ..., ranging from 60 to 180 days".
"""
from __future__ import annotations

import re
from functools import lru_cache

INSIDE = {"of", "for", "from", "with", "in", "at", "among", "on", "to", "and", "the", "a", "an", "per",
          "'s", "’s", "-", "–", "/", "under", "aged", "between", "least", "most", "more", "less",
          "other", "many", "several", "own", "first", "last", "whole", "full", "above", "below",
          "cent", "percent",
          # nouns in spaCy's list of stop words
          "amount", "part", "top", "bottom", "side", "name", "back", "front"}
EDGE = {"of", "for", "with", "in", "at", "among", "on", "to", "and", "the", "a", "an", "per",
        "'s", "’s", "-", "–", "/", "under", "between", "its", "their", "his", "her", "our"}
AUX = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
       "should", "could", "can", "may", "might", "must", "shall", "do", "does", "did"}
STOPS = {"that", "which", "who", "whom", "whose", "where", "while", "when", "as", "than",
         "there", "it", "they", "he", "she", "we", "this", "these", "those", "such", "by",
         "since", "over", "also", "not", "only", "about", "nearly", "almost", "some",
         "up", "down", "around", "approximately", "roughly", "likely"}
CHANGE_NOUN = re.compile(r"\s+(?:increase|decrease|rise|decline|reduction|drop|growth|fall|"
                         r"jump|surge|cut)\s+in\s+(?P<np>[^,;.()]{3,90}?)"
                         r"(?=\s+(?:over|since|from|compared|between|during|in\s+(?:19|20)\d\d)\b|"
                         r"[,;.(]|$)")
MEASURE_OF = re.compile(r"(?P<np>[\w\- ]*\b(?:rate|share|level|proportion|percentage|ratio|"
                        r"index|coverage|prevalence|incidence))\s+of\s*$")
OF_WHICH = re.compile(r"(?P<np>[^,;]+?),\s*of which\s*$")
SHARE_IN_BRACKETS = re.compile(r"\d[\d,.]*\s+(?P<np>[^(),;\d]{3,90}?)\s*\(\s*$")
RANGING = re.compile(r"(?P<np>[^,;]+?),?\s+rang(?:ing|ed|es|e) from\s*$")
CAUSE = re.compile(r"\b(?:slow|raise|lift|reduce|cut|bring|increase|lower|push|boost|keep)s?\s+"
                   r"(?P<np>[a-z][\w\- ]{1,40}?)\s+(?:to|by|at)\s*$")
SHARE_VERB = re.compile(r"\b(?:accounted for|accounts? for|represented|represents?|made up|"
                        r"makes? up|constituted|constitutes?|comprised|comprises?)\s*$")
REPORTED = re.compile(r"^.*\b(?:noted|said|reported|stated|indicated|showed|shows|found|"
                      r"estimated|estimates|suggests?|revealed|reveals|explained|added|"
                      r"highlighted|observed|confirmed)\s+that\s+", re.I)
# Each pattern above only where the text before the figure ends as the pattern does: a
# search for a pattern that ends the text tries every start, the whole text each time.
PATTERNS_BEFORE = ((SHARE_IN_BRACKETS, "("), (OF_WHICH, "of which"), (RANGING, "from"),
                   (CAUSE, ("to", "by", "at")), (MEASURE_OF, "of"))
BRACKETS = re.compile(r"\s*\([^()]*\)")
VERB_AFTER = re.compile(r"\s+(?:have|has|had|were|was|are|is|will)\b")
# what a figure measures of a thing: a concept followed by one of them is still the concept
MEASURES = {"growth", "rate", "rates", "ratio", "share", "level", "levels", "coverage",
            "prevalence", "number", "proportion", "percentage", "total", "amount", "spending",
            "expenditure", "funding", "per", "index"}
MEASURE_OF_LEAD = re.compile(r"^(?:the\s+)?(?:number|share|proportion|percentage|rate|level|"
                             r"total|amount)\s+of\s+(?:the\s+)?", re.I)


@lru_cache(maxsize=1)
def _tokenizer():
    from extract.nlp import pipeline

    return pipeline("en").tokenizer


def noun_phrase(text: str) -> str | None:
    """The noun phrase that ends ``text``, walking back over its tokens (see module doc)."""
    tokens = list(_tokenizer()(BRACKETS.sub("", text).strip()))
    while tokens and (tokens[-1].lower_ in AUX or tokens[-1].is_punct):
        tokens.pop()
    start = len(tokens)
    for i in range(len(tokens) - 1, -1, -1):
        tok = tokens[i]
        low = tok.lower_
        before = tokens[i - 1].lower_ if i else ""
        after_ = tokens[i + 1].lower_ if i + 1 < len(tokens) else ""
        if low in {"over", "under"} and i + 1 < len(tokens) and tokens[i + 1].like_num:
            start = i  # "countries with food inflation over 5 per cent"
            continue
        if low in AUX or low in STOPS or (tok.is_punct and low not in INSIDE):
            break
        # a verb ends the phrase: "have established", "reached an", "recorded the"
        if (low.endswith("ed") and before in AUX) or (
                low.endswith(("ed", "ing")) and after_ in {"a", "an", "the", "its", "their"}):
            break
        if tok.is_stop and low not in INSIDE and not tok.text[0].isupper() and not tok.like_num:
            break
        start = i
    words = tokens[start:]
    while words and (words[0].lower_ in EDGE or words[0].like_num):  # "759 claims": the count
        words = words[1:]
    while words and words[-1].lower_ in EDGE:
        words = words[:-1]
    if not any(w.is_alpha and not w.is_stop and w.lower_ not in ("cent", "percent") for w in words):
        return None
    phrase = text_of(words)
    return phrase if len(phrase) <= 90 else None


def text_of(tokens) -> str:
    """The tokens' text as written, spaces between them kept, none after the last."""
    return "".join(t.text_with_ws for t in tokens[:-1]) + tokens[-1].text


def subject_en(head: str, after: str, pre_verb: str | None) -> str | None:
    """The subject of a figure, from the sentence before it (``head``), after it
    (``after``) and the part of ``head`` before its last verb (``pre_verb``), if any."""
    if m := CHANGE_NOUN.match(after):
        # "an increase in complaints of misconduct registered as new cases": up to the verb
        return re.split(r"\s+(?:\w+ed|that|which|who|as)\b", m.group("np"))[0].strip()
    tail = head.rstrip()
    for pattern, ends in PATTERNS_BEFORE:
        if tail.endswith(ends) and (m := pattern.search(head)):
            np = m.group("np")
            if pattern is OF_WHICH:  # "759 claims have been reported, of which"
                np = VERB_AFTER.split(np)[0]
            found = noun_phrase(np)
            if found:
                return found
    m = re.match(r"\s+of\s+((?:the\s+)?[a-z][\w\- ]{2,60}?)(?=\s+(?:have|has|having|are|is|"
                 r"were|was|in|with|who|that|which|by)\b|[,;.]|$)", after)
    if m and not (pre_verb is not None and SHARE_VERB.search(head)):
        return m.group(1)
    if pre_verb is None:
        return None
    clause = REPORTED.sub("", pre_verb)
    clause = re.split(r",\s+|;\s*|\b(?:while|whereas|but)\s+", clause)[-1]
    return noun_phrase(clause)


@lru_cache(maxsize=2)
def _concepts(lang: str):
    """A PhraseMatcher over the forms in ``lang`` (case-folded for English) of every
    vocabulary registered under the ``rapporteur.vocabularies`` entry point (the glossary
    registers the UN glossary's): found by name, so extract imports no other package, and
    without one installed subjects simply get no concept."""
    from importlib.metadata import entry_points

    from spacy.matcher import PhraseMatcher

    from extract.nlp import pipeline

    nlp = pipeline(lang)
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER" if lang == "en" else "ORTH")
    for ep in entry_points(group="rapporteur.vocabularies"):
        for concept, form in ep.load()(lang):
            matcher.add(concept, [nlp.make_doc(form)])
    return nlp, matcher


def concept_of(subject: str | None, lang: str) -> str | None:
    """The glossary concept the subject is about, else None. In English the concept must
    open the phrase's core ("number of | people living with HIV", "GDP growth in ...") and
    end it or be followed by a measure or a preposition, so that "United Nations system
    staff" is about staff, not the system; in Chinese the longest match counts."""
    if not subject:
        return None
    nlp, matcher = _concepts(lang)
    core = MEASURE_OF_LEAD.sub("", subject) if lang == "en" else subject
    doc = nlp.make_doc(core)
    matches = sorted(matcher(doc), key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
    for match_id, start, end in matches:
        if lang == "en" and (start != 0 or (end < len(doc) and doc[end].lower_ not in MEASURES
                                            and not doc[end].is_stop)):
            continue
        return nlp.vocab.strings[match_id]
    return None
