"""SKOS vocabularies (Turtle, RDF/XML, N-Triples, N3, TriG through rdflib) read as glossaries.
JSON-LD is not read: its parser may fetch a remote ``@context``, and an import never goes
to the network.

Any SKOS scheme reads: each ``skos:Concept`` is a concept, its ``skos:prefLabel`` in a
language the preferred term, each ``skos:altLabel`` an admitted variant. UNTERM's export
(the UN Library's ``countries.ttl``) says more than SKOS can, and is read for it: each
language section lists its terms with a type (short or formal name) and a status
(preferred, admitted, deprecated, superseded; suggestions still "open" are not UN usage and
are skipped). Every term keeps its provenance: the concept's URI and the scheme's title.
What is left out is counted in ``Glossary.skipped`` for the user to see.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

from glossary.formats.tabular import slug
from glossary.model import LANGS, Concept, Glossary, GlossaryError, Term

SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
UNTERM = "https://metadata.un.org/UNTERM/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SUFFIX_FORMATS = {".ttl": "turtle", ".n3": "n3", ".nt": "nt", ".rdf": "xml", ".owl": "xml",
                  ".trig": "trig"}
UNTERM_TYPES = {"short": "short", "full": "full"}  # a short name and a formal name
UNTERM_STATUS = {"preferred": "preferred", "admitted": "admitted",
                 "deprecated": "deprecated", "superseded": "deprecated"}


def is_rdf(path: Path, data: bytes) -> bool:
    """Whether ``path`` is read as RDF: by extension, or a Turtle ``@prefix`` header."""
    return path.suffix.lower() in SUFFIX_FORMATS or data.lstrip()[:7] in (b"@prefix", b"PREFIX ")


def _graph(path: Path, data: bytes):
    import rdflib  # 0.3 s to import: only for RDF files

    graph = rdflib.Graph()
    try:
        graph.parse(data=data.decode("utf-8-sig"), format=SUFFIX_FORMATS.get(path.suffix.lower(),
                                                                            "turtle"))
    except UnicodeDecodeError:
        raise GlossaryError(path, "not UTF-8 text") from None
    except Exception as exc:  # rdflib's parsers raise many types; the message is what counts
        cause = " ".join(str(exc).split())[:200]
        raise GlossaryError(path, f"not readable as RDF ({type(exc).__name__}: {cause})") from None
    return graph


def _lang(literal) -> str | None:
    code = (getattr(literal, "language", None) or "").lower().replace("_", "-")
    base = code.split("-")[0]
    return base if base in LANGS else None


def _ascii_id(text: str) -> str:
    """Türkiye → turkiye, Côte d'Ivoire → cote d'ivoire: ids that read as the name."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


class _Reader:
    def __init__(self, path: Path, graph):
        from rdflib import URIRef

        self.path, self.graph, self.U = path, graph, URIRef
        self.skipped: Counter = Counter()

    def values(self, subject, ns: str, name: str):
        return list(self.graph.objects(subject, self.U(ns + name)))

    def one(self, subject, ns: str, name: str) -> str:
        found = self.values(subject, ns, name)
        return str(found[0]).strip() if found else ""

    def scheme_title(self) -> str:
        for scheme in self.graph.subjects(self.U(RDF_TYPE), self.U(SKOS + "ConceptScheme")):
            for ns, name in ((DCT, "title"), (SKOS, "prefLabel")):
                titles = self.values(scheme, ns, name)
                if titles:
                    return str(next((t for t in titles if _lang(t) == "en"), titles[0]))
        return self.path.name

    def unterm_terms(self, concept) -> list[Term]:
        """The terms of UNTERM's language sections, by their type and status."""
        terms = []
        for section in self.values(concept, UNTERM, "languageData"):
            code = self.one(section, DCT, "language").lower()
            entries = self.values(section, UNTERM, "terms")
            if code not in LANGS:
                if entries:
                    self.skipped[f"terms in a language other than the six official ones ({code})"] += len(entries)
                continue
            for entry in entries:
                form = self.one(entry, UNTERM, "termValue")
                kind = UNTERM_TYPES.get(self.one(entry, UNTERM, "termType"))
                status = UNTERM_STATUS.get(self.one(entry, UNTERM, "termStatus"))
                if not form:
                    self.skipped["empty terms"] += 1
                elif kind is None or status is None:
                    self.skipped["suggested terms not validated by UNTERM (type 'suggestion' "
                                 "or status 'open')"] += 1
                else:
                    terms.append(Term(form, code, kind, status))
        return terms

    def label_terms(self, concept) -> list[Term]:
        """Plain SKOS: prefLabel → preferred, altLabel → admitted variant."""
        terms = []
        for name, kind, status in (("prefLabel", "full", "preferred"),
                                   ("altLabel", "variant", "admitted")):
            for label in self.values(concept, SKOS, name):
                lang = _lang(label)
                if lang is None:
                    code = getattr(label, "language", None) or "no language tag"
                    self.skipped[f"labels in a language other than the six official ones ({code})"] += 1
                elif str(label).strip():
                    terms.append(Term(str(label).strip(), lang, kind, status))
        hidden = self.values(concept, SKOS, "hiddenLabel")
        if hidden:
            self.skipped["hidden labels (misspellings kept for search, not usage)"] += len(hidden)
        return terms

    def note(self, concept) -> str:
        notes = self.values(concept, SKOS, "note") + self.values(concept, SKOS, "definition")
        english = [n for n in notes if _lang(n) == "en"] or notes[:1]
        return "\n".join(filter(None, (_plain(str(n)) for n in english)))


def _plain(html: str) -> str:
    """UNTERM's notes are HTML fragments (<br>, <ul><li>): the text, a line per break or item."""
    from html import unescape

    text = re.sub(r"(?i)<br\s*/?>|</?(?:li|p|ul|ol|div)[^>]*>", "\n", html)
    text = unescape(re.sub(r"<[^>]+>", "", text))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def read_skos(path: Path, data: bytes) -> Glossary:
    """A glossary from a SKOS file; GlossaryError when it holds no concept with a term."""
    graph = _graph(path, data)
    r = _Reader(path, graph)
    title = r.scheme_title()
    concepts, taken, tried = [], set(), {}
    subjects = sorted(set(graph.subjects(r.U(RDF_TYPE), r.U(SKOS + "Concept"))), key=str)
    for subject in subjects:
        terms = r.unterm_terms(subject) or r.label_terms(subject)
        if not terms:
            r.skipped["concepts with no term in the six official languages"] += 1
            continue
        for t in terms:
            t.source = f"{title}, {subject}"
        # in the order every other format writes them: by language, the preferred full
        # and short forms first, deprecated ones last
        terms.sort(key=lambda t: (LANGS.index(t.lang), t.status == "deprecated",
                                  t.status != "preferred", t.type != "full"))
        english = sorted((t for t in terms if t.lang == "en" and t.status == "preferred"),
                         key=lambda t: t.type != "short")
        name = re.sub(r"(?i)^the |\s*\(the\)$", "", english[0].form) if english else ""
        cid = slug(_ascii_id(name) or str(subject).rstrip("/#").rsplit("/", 1)[-1], taken, tried)
        domain = r.one(subject, DCT, "type") or "general"
        concepts.append(Concept(cid, domain, r.note(subject), terms))
    if not concepts:
        raise GlossaryError(path, "no SKOS concept with a label in the six official languages")
    g = Glossary(sorted(concepts, key=lambda c: c.id), source=str(path))
    g.skipped += [f"{n} {what}" for what, n in sorted(r.skipped.items())]
    return g
