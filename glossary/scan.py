"""One pass over a document: its units, the glossary hits in each, and the abbreviation
definitions it makes ("Full Name (ACRONYM)", "全称(简称)"). Every check reads a Scan."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.blocks import han_ratio
from corpus.model import Document
from glossary.findings import Location
from glossary.matching import Hit, matcher_for
from glossary.model import Glossary
from glossary.units import Unit, units

OPEN, CLOSE = "(（", ")）"
_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"|《[^《》]*》")


@dataclass
class Definition:
    """An abbreviation the document defines: "Full Name (ACRONYM)", or a row of a list of
    abbreviations."""
    concept: str
    short: str  # the glossary form in parentheses
    full: str | None  # the glossary full form right before, when there is one
    unit: int  # position in Scan.units
    hit: Hit
    listed: bool = False  # from a list of abbreviations under a table or figure


@dataclass
class ScannedUnit:
    """One unit of a document with its glossary hits and its words."""
    unit: Unit
    hits: list[Hit]
    tokens: object  # the unit's words: entokens.Tokens (English) or zhseg.Words (Chinese)


@dataclass
class Scan:
    """What every check reads: a document's units, their hits and the definitions it makes."""
    doc: Document
    lang: str
    glossary: Glossary
    units: list[ScannedUnit]
    definitions: list[Definition] = field(default_factory=list)
    _terms: dict = field(default_factory=dict, repr=False)  # (concept, form) -> (role, status)
    cache: dict = field(default_factory=dict, repr=False)  # what several checks derive once

    def location(self, pos: int, start: int, end: int) -> Location:
        """The location of characters ``start:end`` of unit ``pos``, for a finding."""
        u = self.units[pos].unit
        return Location(self.doc.name, u.kind, u.index, u.number, u.sub_at(start), start, end,
                        u.text[start:end])

    def occurrences(self):
        """(unit position, hit) for every hit, in reading order."""
        for pos, su in enumerate(self.units):
            for hit in su.hits:
                yield pos, hit

    def quoted(self, pos: int, hit: Hit) -> bool:
        """Whether ``hit`` stands inside quotation marks or 《》 in its unit: a quotation or a
        title, reproduced as written, so no place to correct a form."""
        key = ("quoted", pos)
        if key not in self.cache:
            self.cache[key] = [m.span() for m in _QUOTED.finditer(self.units[pos].unit.text)]
        return any(a < hit.start and hit.end < b for a, b in self.cache[key])

    def _term(self, hit: Hit):
        key = (hit.concept, hit.form)
        if key not in self._terms:
            concept = self.glossary.concept(hit.concept)
            term = concept.term(hit.form)
            self._terms[key] = (concept.role(term), term.status)
        return self._terms[key]

    def role(self, hit: Hit) -> str:
        """'full' or 'short': how the hit's form is used in running text."""
        return self._term(hit)[0]

    def status(self, hit: Hit) -> str:
        """The status of the hit's form: preferred, admitted or deprecated."""
        return self._term(hit)[1]


def language(doc: Document) -> str:
    """'zh' or 'en': the document's own metadata, else what its text is written in."""
    if doc.metadata.lang in ("zh", "en"):
        return doc.metadata.lang
    sample = " ".join(p.text for p in doc.paragraphs[:20])
    return "zh" if han_ratio(sample) > 0.3 else "en"


def _definitions(pos: int, text: str, hits: list[Hit], scan: Scan) -> list[Definition]:
    out = []
    for k, hit in enumerate(hits):
        before = text[:hit.start].rstrip()
        if scan.role(hit) != "short":
            continue
        nxt = hits[k + 1] if k + 1 < len(hits) else None
        # a list of abbreviations: "ECA, Economic …", "MMR=Maternal …", "非洲经委会，非洲经济委员会"
        if (nxt and nxt.concept == hit.concept and scan.role(nxt) == "full"
                and text[hit.end:nxt.start].strip() in (",", "=", ":", "，", "：")):
            out.append(Definition(hit.concept, hit.form, nxt.form, pos, hit, listed=True))
            continue
        # "(UNICEF)", "(NGOs)", and "(OIAI, or the “Office”)"
        if not (before.endswith(tuple(OPEN)) and text[hit.end:hit.end + 1] in CLOSE + ",，;；"):
            continue
        prev = hits[k - 1] if k else None
        full = None
        if prev and prev.concept == hit.concept and text[prev.end:hit.start].strip() in OPEN:
            full = prev.form
        out.append(Definition(hit.concept, hit.form, full, pos, hit))
    return out


def scan(doc: Document, glossary: Glossary, lang: str | None = None) -> Scan:
    """One pass over ``doc`` (in ``lang``, else its own): the scan all checks read."""
    lang = lang or language(doc)
    matcher = matcher_for(glossary, lang)
    result = Scan(doc, lang, glossary, [])
    for pos, unit in enumerate(units(doc)):
        tokens = matcher.make_doc(unit.text)
        hits = matcher.find(unit.text, tokens)
        result.units.append(ScannedUnit(unit, hits, tokens))
        result.definitions += _definitions(pos, unit.text, hits, result)
    return result
