"""The spaCy components of the extract pipelines, registered by name.

Only rules that look at tokens are components. ``rapporteur_bodies`` finds the names of UN
bodies (General Assembly, 安全理事会...) with a ``PhraseMatcher`` over the tokens and
writes them to ``doc.spans["bodies"]``, each labelled with the body's English name; the
reference rule reads them to tell whose resolution a number is. The rules that read only
characters (numbers and their units, symbols, abbreviations) are plain functions in their
modules, called by ``extract.pipeline.run`` on the text beside the Doc.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extract.references import BODIES_EN, BODIES_ZH

BODIES = "bodies"
# Every English name of a body holds one of these words (tested): a text with none of them
# gets no span from the component, so it need not be tokenized at all.
CUES_EN = ("Assembly", "Council", "Commission", "Board")


@Language.factory("rapporteur_bodies")
class Bodies:
    """Names of UN bodies, longest first where they overlap ("Human Rights Council", not
    its "Council"), as spans labelled with the body's English name."""

    def __init__(self, nlp: Language, name: str):
        names = BODIES_ZH if nlp.lang == "zh" else BODIES_EN
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for written, body in names.items():
            self.matcher.add(body, [nlp.make_doc(written)])

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label=match_id) for match_id, s, e in self.matcher(doc)]
        doc.spans[BODIES] = filter_spans(spans)
        return doc


def may_match(text: str, lang: str) -> bool:
    """Whether the components can find anything in ``text``. Every Chinese text can (its
    tokens' tags also tell what a count counts)."""
    return lang == "zh" or any(cue in text for cue in CUES_EN)


def bodies(doc: Doc | None) -> list[tuple[int, int, str]]:
    """(start, end, body) character offsets of the bodies the component found."""
    if doc is None:
        return []
    return [(span.start_char, span.end_char, span.label_) for span in doc.spans[BODIES]]


def add_components(nlp: Language) -> None:
    """Add extract's components to ``nlp`` (called once per pipeline by ``extract.nlp``)."""
    nlp.add_pipe("rapporteur_bodies")
