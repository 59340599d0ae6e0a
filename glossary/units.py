"""The stretches of a document that checks read, in reading order: each heading where its
section starts, the paragraphs, then the footnotes. A location names its unit."""
from __future__ import annotations

from dataclasses import dataclass

from corpus.model import Document, Paragraph


@dataclass
class Unit:
    kind: str  # heading | paragraph | footnote
    index: int  # index in doc.sections / doc.paragraphs / doc.footnotes
    number: str | None  # paragraph number, heading number, or footnote marker
    text: str
    paragraph: Paragraph | None = None

    def sub_at(self, offset: int) -> str | None:
        return self.paragraph.sub_at(offset) if self.paragraph else None


def units(doc: Document) -> list[Unit]:
    out: list[Unit] = []
    shown: set[int] = set()
    for i, p in enumerate(doc.paragraphs):
        if p.section is not None and p.section not in shown:
            for s in range(p.section + 1):  # headings with no paragraph of their own too
                if s not in shown and s < len(doc.sections):
                    shown.add(s)
                    sec = doc.sections[s]
                    out.append(Unit("heading", s, sec.number, sec.title))
        out.append(Unit("paragraph", i, p.number, p.text, p))
    for s, sec in enumerate(doc.sections):
        if s not in shown:
            out.append(Unit("heading", s, sec.number, sec.title))
    out += [Unit("footnote", i, f.marker, f.text) for i, f in enumerate(doc.footnotes)]
    return out
