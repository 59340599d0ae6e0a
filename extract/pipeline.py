"""Running the rules over a document's texts (paragraphs, footnotes).

Each text goes through the language's pipeline (``extract.nlp``: rjieba or spaCy's English
tokenizer, then the components of ``extract.components``) when a component can find
something in it: every Chinese text, the English texts that name a kind of body (Assembly,
Council...; one in six paragraphs of the development corpus: spaCy's English tokenizer
costs more than all the rules together). The rules that read characters run beside it:
references first (masked so that figures never pick up resolution or document numbers),
then figures, indicators and abbreviations. The rules return dicts with character spans
into the text.
"""
from __future__ import annotations

from functools import lru_cache

from extract.abbreviations import find_abbreviations_en, find_abbreviations_zh
from extract.components import bodies, may_match
from extract.figures import FigureFinder
from extract.indicators import find_indicators
from extract.references import find_references

ORDER = ("reference", "figure", "indicator", "abbreviation")
NEEDS = {"figure": {"reference"}, "indicator": {"reference", "figure"}}
TOKENS = {"reference", "figure", "indicator"}  # the kinds whose rules read the Doc


def nlp_for(lang: str):
    """The language's pipeline, built once per process."""
    from extract.nlp import pipeline

    return pipeline(lang)


@lru_cache(maxsize=2)
def _figure_finder(lang: str) -> FigureFinder:
    return FigureFinder(lang)


def run(texts: list[str], lang: str, kinds: set[str], markers: frozenset[str]) -> list[dict]:
    """Findings per text (``{kind: [finding, ...]}``), in the order of ``texts``."""
    wanted = set(kinds)
    for kind in kinds:
        wanted |= NEEDS.get(kind, set())
    wanted &= set(ORDER)
    if not wanted or not texts:
        return [{} for _ in texts]
    tokenize = [bool(wanted & TOKENS) and may_match(text, lang) for text in texts]
    docs = (nlp_for(lang).pipe(text for text, yes in zip(texts, tokenize) if yes)
            if any(tokenize) else iter(()))
    return [_findings(text, next(docs) if yes else None, lang, wanted, markers)
            for text, yes in zip(texts, tokenize)]


def _findings(text: str, doc, lang: str, wanted: set[str], markers: frozenset[str]) -> dict:
    found: dict = {}
    if "reference" in wanted:
        found["reference"] = find_references(text, lang, bodies(doc))
    if "figure" in wanted:
        masks = [tuple(r["span"]) for r in found["reference"]]
        found["figure"] = _figure_finder(lang).find(text, masks, markers, doc)
    if "indicator" in wanted:
        found["indicator"] = find_indicators(text, lang, found["figure"])
    if "abbreviation" in wanted:
        find = find_abbreviations_zh if lang == "zh" else find_abbreviations_en
        found["abbreviation"] = find(text)
    return found
