"""The rule components, registered with spaCy by name and added (disabled) once to the
shared pipelines of ``corpus.nlp``; ``run`` applies only the components the requested kinds
need, and tokenizes only the paragraphs whose rules look at tokens.

Each component reads ``doc.text`` and appends its findings (dicts with spans into the text)
to ``doc._.extract[kind]``; references run first so that figures never pick up resolution
or document numbers.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from extract.abbreviations import find_abbreviations_en, find_abbreviations_zh
from extract.figures import FigureFinder
from extract.indicators import find_indicators
from extract.references import BODIES_EN, find_bodies_zh, find_references

if not Doc.has_extension("extract"):
    Doc.set_extension("extract", default=None)
if not Doc.has_extension("footnote_markers"):
    Doc.set_extension("footnote_markers", default=frozenset())

COMPONENTS = {  # kind -> component name, in the order they must run
    "reference": "rapporteur_references",
    "figure": "rapporteur_figures",
    "indicator": "rapporteur_indicators",
    "abbreviation": "rapporteur_abbreviations",
}
NEEDS = {"figure": {"reference"}, "indicator": {"reference", "figure"}}


def _text(doc: Doc) -> str:
    """``doc.text`` rebuilds the string from the tokens on every access: do it once."""
    if "rapporteur_text" not in doc.user_data:
        doc.user_data["rapporteur_text"] = doc.text
    return doc.user_data["rapporteur_text"]


def _store(doc: Doc) -> dict:
    if doc._.extract is None:
        doc._.extract = {}
    return doc._.extract


@Language.factory("rapporteur_references")
class References:
    """Resolution/decision numbers and document symbols; English bodies by PhraseMatcher."""

    def __init__(self, nlp: Language, name: str):
        self.lang = nlp.lang
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for name_ in BODIES_EN:
            self.matcher.add(name_, [nlp.make_doc(name_)])

    def bodies(self, doc: Doc) -> list[tuple[int, int, str]]:
        if self.lang == "zh":
            return find_bodies_zh(_text(doc))
        found = []
        for match_id, s, e in self.matcher(doc):
            span = doc[s:e]
            found.append((span.start_char, span.end_char,
                           BODIES_EN[doc.vocab.strings[match_id]]))
        # "Human Rights Council" also matches "Council": keep the longest.
        return [b for b in found if not any(o[0] <= b[0] and b[1] <= o[1] and o != b
                                            for o in found)]

    def __call__(self, doc: Doc) -> Doc:
        _store(doc)["reference"] = find_references(_text(doc), self.lang, self.bodies(doc))
        return doc


@Language.factory("rapporteur_figures")
class Figures:
    def __init__(self, nlp: Language, name: str):
        self.finder = FigureFinder(nlp.lang)

    def __call__(self, doc: Doc) -> Doc:
        store = _store(doc)
        masks = [tuple(r["span"]) for r in store.get("reference", [])]
        store["figure"] = self.finder.find(_text(doc), masks, doc._.footnote_markers)
        return doc


@Language.component("rapporteur_indicators")
def indicators(doc: Doc) -> Doc:
    store = _store(doc)
    store["indicator"] = find_indicators(_text(doc), doc.lang_, store.get("figure", []))
    return doc


@Language.component("rapporteur_abbreviations")
def abbreviations(doc: Doc) -> Doc:
    find = find_abbreviations_zh if doc.lang_ == "zh" else find_abbreviations_en
    _store(doc)["abbreviation"] = find(_text(doc))
    return doc


def components_for(kinds: set[str]) -> list[str]:
    wanted = set(kinds)
    for kind in kinds:
        wanted |= NEEDS.get(kind, set())
    return [COMPONENTS[k] for k in COMPONENTS if k in wanted]


def nlp_for(lang: str) -> Language:
    """The shared pipeline with every rule component added (once per process). They are
    added disabled so that other packages calling ``nlp(text)`` do not pay for them."""
    from corpus.nlp import pipeline

    nlp = pipeline(lang)
    for name in COMPONENTS.values():
        if name not in nlp.component_names:
            nlp.add_pipe(name)
            nlp.disable_pipe(name)
    return nlp


def run(texts: list[str], lang: str, kinds: set[str], markers: frozenset[str]) -> list[dict]:
    """Findings per text (``{kind: [finding, ...]}``), in the order of ``texts``."""
    names = components_for(kinds)
    if not names or not texts:
        return [{} for _ in texts]
    nlp = nlp_for(lang)
    steps = [nlp.get_pipe(name) for name in names]
    out = []
    for text in texts:
        doc = _doc(nlp, text, lang)
        doc._.footnote_markers = markers
        for step in steps:
            doc = step(doc)
        out.append(doc._.extract or {})
    return out


# Only the English body names are matched on tokens; every other rule reads characters.
NEEDS_TOKENS = re.compile(r"resolution|decision|agreed conclusions", re.I)


def _doc(nlp: Language, text: str, lang: str) -> Doc:
    """The Doc the components run on. Tokenizing costs more than all the rules together
    (jieba above all), so a paragraph is tokenized only when a rule needs its tokens; the
    others get an empty Doc that carries the text."""
    if lang == "en" and NEEDS_TOKENS.search(text):
        doc = nlp.make_doc(text)
    else:
        doc = Doc(nlp.vocab, words=[])
    doc.user_data["rapporteur_text"] = text
    return doc
