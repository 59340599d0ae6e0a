"""Aligning two language editions of one report. The six language editions of a UN report
share its paragraph numbering and sub-paragraph labels, so numbered paragraphs pair by
number (and split into sub-paragraphs where both editions have the same labels); headings
pair by position, footnotes by marker, and unnumbered paragraphs by order within their
(paired) section. Editions whose numbers were lost pair by content instead
(``align_by_content``, see ``glossary.content_align``)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from corpus.model import Document, Paragraph


@dataclass(frozen=True)
class Part:
    """One side of a pair: characters ``start:end`` of a paragraph, heading or footnote
    (its ``index`` in the document)."""
    unit: str  # paragraph | heading | footnote
    index: int
    start: int
    end: int


@dataclass(frozen=True)
class Pair:
    """A unit of the source edition and its counterpart in the target edition, with what
    paired them (number, label) and, when paired by content, how sure that is."""
    unit: str
    number: str | None  # paragraph number / heading number / footnote marker
    label: str | None  # sub-paragraph label
    source: Part
    target: Part
    confidence: float | None = None  # pairs made by content; by number they are sure

    @property
    def key(self) -> str:
        """How a translator cites the unit: '12', '4c', 'unnumbered:1', 'heading:II'."""
        if self.unit == "paragraph":
            if self.number:
                return self.number + (self.label or "")
            return f"unnumbered:{self.source.index + 1}"
        return f"{self.unit}:{self.number or self.source.index + 1}"


def _label_start(p: Paragraph, k: int) -> int:
    """Where sub-paragraph ``k``'s label ("(a)", "（a）") starts; its offset is after it."""
    sub = p.subparagraphs[k]
    head = p.text[:sub.offset]
    for opener, closer in (("(", ")"), ("（", "）")):
        at = head.rfind(f"{opener}{sub.label}{closer}")
        if at >= 0 and not head[at:].replace(f"{opener}{sub.label}{closer}", "").strip():
            return at
    return sub.offset


def _pieces(p: Paragraph) -> list[tuple[str | None, int, int]]:
    """(label, start, end) of the lead text and of each sub-paragraph, labels left out
    (CAT tools number sub-paragraphs themselves)."""
    starts = [_label_start(p, k) for k in range(len(p.subparagraphs))] + [len(p.text)]
    out = []
    if p.text[:starts[0]].strip():
        out.append((None, 0, starts[0]))
    out += [(s.label, s.offset, starts[k + 1]) for k, s in enumerate(p.subparagraphs)]
    return out


def _paragraph_pairs(i: int, a: Paragraph, j: int, b: Paragraph) -> list[Pair]:
    la, lb = [s.label for s in a.subparagraphs], [s.label for s in b.subparagraphs]
    if la and la == lb:
        return [Pair("paragraph", a.number, label, Part("paragraph", i, s0, e0),
                     Part("paragraph", j, s1, e1))
                for (label, s0, e0), (_, s1, e1) in zip(_pieces(a), _pieces(b))]
    return [Pair("paragraph", a.number, None, Part("paragraph", i, 0, len(a.text)),
                 Part("paragraph", j, 0, len(b.text)))]


def _section_map(src: Document, tgt: Document) -> dict[int, int]:
    if len(src.sections) == len(tgt.sections):
        return {k: k for k in range(len(src.sections))}
    index = {(s.level, s.number): k for k, s in enumerate(tgt.sections) if s.number}
    return {k: index[(s.level, s.number)] for k, s in enumerate(src.sections)
            if s.number and (s.level, s.number) in index}


def align(src: Document, tgt: Document) -> list[Pair]:
    """Aligned parts of two editions, in the source's reading order."""
    sections = _section_map(src, tgt)
    pairs = [Pair("heading", src.sections[a].number, None,
                  Part("heading", a, 0, len(src.sections[a].title)),
                  Part("heading", b, 0, len(tgt.sections[b].title)))
             for a, b in sections.items()]
    numbered = {}
    for j, p in enumerate(tgt.paragraphs):
        if p.number:
            numbered.setdefault(p.number, j)
    loose_tgt = defaultdict(list)
    for j, p in enumerate(tgt.paragraphs):
        if not p.number:
            loose_tgt[p.section].append(j)
    taken = defaultdict(int)
    for i, p in enumerate(src.paragraphs):
        if p.number:
            j = numbered.get(p.number)
            if j is not None:
                pairs += _paragraph_pairs(i, p, j, tgt.paragraphs[j])
            continue
        section = sections.get(p.section) if p.section is not None else None
        if p.section is not None and section is None:
            continue
        pool = loose_tgt.get(section, [])
        if taken[section] < len(pool):
            j = pool[taken[section]]
            taken[section] += 1
            b = tgt.paragraphs[j]
            pairs.append(Pair("paragraph", None, None, Part("paragraph", i, 0, len(p.text)),
                              Part("paragraph", j, 0, len(b.text))))
    notes = {f.marker: k for k, f in enumerate(tgt.footnotes)}
    pairs += [Pair("footnote", f.marker, None, Part("footnote", k, 0, len(f.text)),
                   Part("footnote", notes[f.marker], 0, len(tgt.footnotes[notes[f.marker]].text)))
              for k, f in enumerate(src.footnotes) if f.marker in notes]
    return pairs


def part_text(doc: Document, part: Part) -> str:
    """The text of one side of a pair, as a translator reads it (stripped)."""
    if part.unit == "paragraph":
        text = doc.paragraphs[part.index].text
    elif part.unit == "heading":
        text = doc.sections[part.index].title
    else:
        text = doc.footnotes[part.index].text
    return text[part.start:part.end].strip()


def align_by_content(src: Document, tgt: Document, glossary=None) -> list[Pair]:
    """Paragraphs paired by what they say (English source, Chinese target or the reverse),
    each pair with its confidence."""
    from glossary.content_align import align_segments

    a, b = [p.text for p in src.paragraphs], [p.text for p in tgt.paragraphs]
    zh_first = (src.metadata.lang or "") == "zh"
    links = align_segments(b, a, glossary) if zh_first else align_segments(a, b, glossary)
    pairs = []
    for link in links:
        i, j = (link.zh, link.en) if zh_first else (link.en, link.zh)
        pairs.append(Pair("paragraph", None, None, Part("paragraph", i, 0, len(a[i])),
                          Part("paragraph", j, 0, len(b[j])), link.confidence))
    return pairs


def pairs_for(src: Document, tgt: Document, glossary=None, sure: bool = False) -> list[Pair]:
    """By paragraph number when most of the source's paragraphs are numbered, else by
    content; with ``sure``, only content pairs of reliable confidence (checks that report
    a missing translation must not compare paragraphs that are not each other's)."""
    from glossary.content_align import RELIABLE

    if by_number(src):
        return align(src, tgt)
    pairs = align_by_content(src, tgt, glossary)
    return [p for p in pairs if p.confidence >= RELIABLE] if sure else pairs


def by_number(src: Document) -> bool:
    """Whether most of the source's paragraphs carry a UN paragraph number."""
    return sum(1 for p in src.paragraphs if p.number) >= len(src.paragraphs) / 2
