"""The glossary model: a concept (id, domain, note) named by terms in each language.

An acronym and its full form are two terms of one concept, so that a check can tell that
"UNDP" and "United Nations Development Programme" name the same thing, and that 开发署 is
their approved Chinese short form.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

# The checks read English and Chinese; a glossary holds terms in all six official languages
# of the United Nations, so that imported terminology (UNTERM's) keeps every language. The
# two checked languages come first, in files as in memory.
LANGS = ("en", "zh", "ar", "fr", "ru", "es")
TYPES = ("full", "short", "variant")
STATUSES = ("preferred", "admitted", "deprecated")


class GlossaryError(Exception):
    """A glossary file that cannot be read; names the file and the cause."""

    def __init__(self, path, cause: str):
        super().__init__(f"{path}: {cause}")
        self.path = str(path)
        self.cause = cause


@dataclass
class Term:
    """One form of a concept in one language: its type, status and the years it is right in."""
    form: str
    lang: str  # one of LANGS: en | zh | ar | fr | ru | es
    type: str = "full"  # full | short | variant
    status: str = "preferred"  # preferred | admitted | deprecated
    source: str = ""
    valid_from: str = ""  # a year: the form is right in documents from then on
    valid_until: str = ""  # a year: an outdated form was right in documents up to then
    attested: str = ""  # the document(s) that show the form in use in its period

    def current_at(self, date: str | None) -> bool:
        """Whether a document of ``date`` (ISO, or None when unknown) may use this form. A
        deprecated form with a ``valid_until`` year was the right one up to that year; a
        form with a ``valid_from`` year is right from then on; a document without a date
        is given the benefit of the doubt."""
        year = date[:4] if date else None
        if self.valid_from and year and year < self.valid_from:
            return False
        if self.status != "deprecated":
            return True
        return bool(self.valid_until) and (year is None or year <= self.valid_until)

    def __post_init__(self):
        for value, allowed in ((self.lang, LANGS), (self.type, TYPES), (self.status, STATUSES)):
            if value not in allowed:
                raise ValueError(f"term {self.form!r}: {value!r} is not one of {allowed}")


@dataclass
class Concept:
    """One thing the glossary names, with all its forms (terms) in every language."""
    id: str
    domain: str = "general"
    note: str = ""
    terms: list[Term] = field(default_factory=list)

    def preferred(self, lang: str, type: str = "full") -> str | None:
        """The preferred form of ``type`` in ``lang``, else None."""
        return next((t.form for t in self.terms
                     if t.lang == lang and t.type == type and t.status == "preferred"), None)

    def forms(self, lang: str, *, deprecated: bool = True) -> list[str]:
        """Every form in ``lang``, the deprecated ones too unless ``deprecated`` is False."""
        return [t.form for t in self.terms
                if t.lang == lang and (deprecated or t.status != "deprecated")]

    def term(self, form: str) -> Term | None:
        """The term written exactly ``form``, else None."""
        return next((t for t in self.terms if t.form == form), None)

    def role(self, term: Term) -> str:
        """'full' or 'short': how a term is used in running text. A variant counts as a
        short form when it is nearer in length to the preferred short form than to the
        full one (人权高专办 vs 高级专员办事处 are two short names of one office); an English
        variant of several words without an acronym is a full name (the usual short title
        of a long one)."""
        if term.type != "variant":
            return term.type
        if term.lang == "en" and " " in term.form and not re.search(r"\b[A-Z]{2,}\b", term.form):
            return "full"  # a name of several words is no short form (but UN Women is)
        full = self.preferred(term.lang, "full")
        short = self.preferred(term.lang, "short")
        if not short:
            return "full"
        if not full:
            return "short"
        return "short" if abs(len(term.form) - len(short)) < abs(len(term.form) - len(full)) \
            else "full"


class Glossary:
    """Concepts plus an index of every form, in both languages."""

    def __init__(self, concepts: list[Concept], source: str = ""):
        self.concepts = concepts
        self.source = source
        self.skipped: list[str] = []  # what a reader left out of its file, for people
        self._by_form: dict[str, Concept] = {}
        self._by_folded: dict[str, Concept] = {}
        self._by_id = {c.id: c for c in concepts}
        for concept in concepts:
            for term in concept.terms:
                self._by_form.setdefault(term.form, concept)
                self._by_folded.setdefault(term.form.casefold(), concept)

    def __len__(self) -> int:
        return len(self.concepts)

    def find(self, form: str) -> Concept | None:
        """The concept named by exactly ``form`` (either language), else None."""
        return self._by_form.get(form.strip())

    def lookup(self, text: str) -> Concept | None:
        """Like ``find`` but forgiving of case (for people typing a term)."""
        text = text.strip()
        return self._by_form.get(text) or self._by_folded.get(text.casefold())

    def search(self, text: str) -> list[Concept]:
        """Concepts with a form in either language that contains ``text`` (any case)."""
        text = text.strip().casefold()
        return [c for c in self.concepts if text and any(text in t.form.casefold() for t in c.terms)]

    def concept(self, concept_id: str) -> Concept | None:
        """The concept with id ``concept_id``, else None."""
        return self._by_id.get(concept_id)

    def terms(self, lang: str):
        """(concept, term) for every term in ``lang``."""
        for concept in self.concepts:
            for term in concept.terms:
                if term.lang == lang:
                    yield concept, term

    @classmethod
    def load(cls, path: str | Path) -> "Glossary":
        """A glossary from CSV, TSV (ours or OmegaT's layout) or TBX (v3 or v2 martif)."""
        from glossary.formats import load

        return load(Path(path))

    @classmethod
    def bundled(cls) -> "Glossary":
        """The UN glossary shipped with the package."""
        from glossary.formats import bundled

        return bundled()


def vocabulary(lang: str) -> list[tuple[str, str]]:
    """(concept id, form) of the bundled glossary's current forms in ``lang``: what other
    packages match subjects against. Registered under the ``rapporteur.vocabularies``
    entry point, so that ``extract`` finds it by name without importing the glossary."""
    return [(concept.id, term.form) for concept, term in Glossary.bundled().terms(lang)
            if len(term.form) > 1 and term.status != "deprecated"]
