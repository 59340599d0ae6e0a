"""The stretches of a document that checks read, in reading order: each heading where its
section starts, the paragraphs, and each footnote right after the heading or paragraph that
carries its marker (a footnote that defines an acronym defines it there, not at the end);
footnotes no marker points to come last. A location names its unit."""
from __future__ import annotations

from dataclasses import dataclass

from corpus.model import Document, Paragraph


@dataclass
class Unit:
    """One stretch of a document that checks read: a heading, a paragraph or a footnote."""
    kind: str  # heading | paragraph | footnote
    index: int  # index in doc.sections / doc.paragraphs / doc.footnotes
    number: str | None  # paragraph number, heading number, or footnote marker
    text: str
    paragraph: Paragraph | None = None

    def sub_at(self, offset: int) -> str | None:
        """The sub-paragraph label at ``offset``, for a paragraph that has them, else None."""
        return self.paragraph.sub_at(offset) if self.paragraph else None


def units(doc: Document) -> list[Unit]:
    """The document's units in reading order, each footnote after the unit that marks it."""
    notes = {}
    for i, f in enumerate(doc.footnotes):
        notes.setdefault(f.marker, []).append(i)
    placed: set[int] = set()
    out: list[Unit] = []

    def add(unit: Unit, refs: list[str]) -> None:
        out.append(unit)
        for marker in refs:
            for i in notes.get(marker, ()):
                if i not in placed:
                    placed.add(i)
                    out.append(Unit("footnote", i, doc.footnotes[i].marker, doc.footnotes[i].text))
                    break  # markers restart in some documents: the next one takes the next note

    shown: set[int] = set()
    for i, p in enumerate(doc.paragraphs):
        if p.section is not None and p.section not in shown:
            for s in range(p.section + 1):  # headings with no paragraph of their own too
                if s not in shown and s < len(doc.sections):
                    shown.add(s)
                    sec = doc.sections[s]
                    add(Unit("heading", s, sec.number, sec.title), sec.footnote_refs)
        add(Unit("paragraph", i, p.number, p.text, p), p.footnote_refs)
    for s, sec in enumerate(doc.sections):
        if s not in shown:
            add(Unit("heading", s, sec.number, sec.title), sec.footnote_refs)
    out += [Unit("footnote", i, f.marker, f.text) for i, f in enumerate(doc.footnotes)
            if i not in placed]
    return out
