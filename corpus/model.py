"""The one document model every reader produces and every other package consumes.

Plain dataclasses so that a document round-trips through JSON (``rapporteur show --json``)
and through the store without loss.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Metadata:
    """What the masthead says of a document: symbol, language, date, organ, session, title."""
    symbol: str | None = None
    symbols: list[str] = field(default_factory=list)
    lang: str | None = None
    original_language: str | None = None
    date: str | None = None  # ISO 8601
    organ: str | None = None
    session: str | None = None
    agenda_item: str | None = None
    title: str | None = None
    report_of: str | None = None
    job_number: str | None = None


@dataclass
class Section:
    """A heading. ``number`` is ``I``/``一``/``A`` or None; level 1 = chapter, 2 = lettered,
    3 = unnumbered sub-heading, 4 = a sub-heading numbered outside the paragraph sequence
    ("1. Scaling up financing", "(a) Strengthening laws and policies")."""

    number: str | None
    title: str
    level: int
    page: int | None = None
    footnote_refs: list[str] = field(default_factory=list)  # markers on the heading itself


@dataclass
class Subparagraph:
    """A lettered/roman sub-paragraph; ``offset`` is where its text starts in the parent
    paragraph's ``text`` so that character spans stay relative to one string."""

    label: str
    text: str
    offset: int = 0
    recommended_by: str | None = None  # a UPR recommendation's State(s): "Brazil"


@dataclass
class Paragraph:
    """One paragraph of the body: its printed number (None if unnumbered), text and place."""
    number: str | None
    text: str
    section: int | None = None  # index into Document.sections
    page: int | None = None
    subparagraphs: list[Subparagraph] = field(default_factory=list)
    footnote_refs: list[str] = field(default_factory=list)

    def sub_at(self, offset: int) -> str | None:
        """Label of the sub-paragraph that holds character ``offset``, if any."""
        label = None
        for sub in self.subparagraphs:
            if sub.offset <= offset:
                label = sub.label
        return label


@dataclass
class Footnote:
    """One footnote, by the marker the page prints."""
    marker: str
    text: str
    page: int | None = None


@dataclass
class Table:
    """A table as printed: its label ("Table 3"), title and unit line, rows of cells (numbers
    kept as printed: "536 808.2", "(26.2)", "–"), how many leading rows are headers, the
    notes and source lines under it, and the paragraph it follows in reading order."""

    rows: list[list[str]]
    number: str | None = None
    caption: str | None = None
    header_rows: int = 0
    notes: list[str] = field(default_factory=list)
    page: int | None = None
    section: int | None = None  # index into Document.sections
    after: int | None = None  # index into Document.paragraphs of the paragraph before it
    footnote_refs: list[str] = field(default_factory=list)  # footnotes cited in its cells


@dataclass
class Figure:
    """A chart, map or diagram: its label ("Figure III"), title, the words and numbers
    printed on it (tick labels, legend: kept here so that they never enter the paragraphs),
    its notes and source line, and the paragraph it follows."""

    number: str | None = None
    caption: str | None = None
    labels: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    page: int | None = None
    section: int | None = None
    after: int | None = None
    footnote_refs: list[str] = field(default_factory=list)  # footnotes cited in its title


@dataclass
class Box:
    """A boxed text ("Box 2. Examples of projects ..."): its own paragraphs, outside the
    numbered flow of the report, and the paragraph it follows."""

    number: str | None = None
    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    footnote_refs: list[str] = field(default_factory=list)
    page: int | None = None
    section: int | None = None
    after: int | None = None


@dataclass
class Document:
    """One report as read and structured: its metadata, sections, paragraphs, notes,
    tables, figures and boxes, and the warnings of its reading."""
    source: str
    format: str  # pdf | docx | txt
    sha256: str
    metadata: Metadata = field(default_factory=Metadata)
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    pages: int | None = None
    # the masthead and title lines as read, before the body: nothing read is dropped
    front: list[str] = field(default_factory=list)
    contents: list[str] = field(default_factory=list)  # table-of-contents entries, not headings
    # the reading report (``corpus.quality``): what looks wrong, for researchers to weigh
    warnings: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        """What records cite: the symbol, else the file stem."""
        if self.metadata.symbol:
            return self.metadata.symbol
        stem = self.source.replace("\\", "/").rsplit("/", 1)[-1]
        return stem.split(".")[0] if "." in stem else stem

    @property
    def lang(self) -> str | None:
        """The document's language (``en`` or ``zh``), as its metadata says."""
        return self.metadata.lang

    def __repr__(self) -> str:
        numbered = sum(1 for p in self.paragraphs if p.number)
        return (f"<Document {self.name} [{self.lang}, {self.format}, {self.pages or '?'} pages]: "
                f"{len(self.paragraphs)} paragraphs ({numbered} numbered), {len(self.footnotes)} "
                f"footnotes, {len(self.tables)} tables, {len(self.warnings)} warnings>")

    def to_markdown(self) -> str:
        """The document as people read it, in Markdown (``corpus.markdown``)."""
        from corpus.markdown import to_markdown

        return to_markdown(self)

    def paragraph(self, number: str) -> Paragraph | None:
        """The paragraph numbered ``number``, or None."""
        return next((p for p in self.paragraphs if p.number == number), None)

    def to_dict(self) -> dict[str, Any]:
        """The document as plain data (dicts and lists), for JSON."""
        return asdict(self)

    def to_json(self, **kw: Any) -> str:
        """The document as JSON, Chinese left readable."""
        return json.dumps(self.to_dict(), ensure_ascii=False, **kw)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Document":
        """The document that ``to_dict`` gave; fields missing from older data take defaults."""
        return cls(
            source=d["source"],
            format=d["format"],
            sha256=d["sha256"],
            metadata=Metadata(**d.get("metadata", {})),
            sections=[Section(**s) for s in d.get("sections", [])],
            paragraphs=[
                Paragraph(
                    **{k: v for k, v in p.items() if k != "subparagraphs"},
                    subparagraphs=[Subparagraph(**s) for s in p.get("subparagraphs", [])],
                )
                for p in d.get("paragraphs", [])
            ],
            footnotes=[Footnote(**f) for f in d.get("footnotes", [])],
            tables=[Table(**t) for t in d.get("tables", [])],
            figures=[Figure(**f) for f in d.get("figures", [])],
            boxes=[Box(**b) for b in d.get("boxes", [])],
            pages=d.get("pages"),
            front=d.get("front", []),
            contents=d.get("contents", []),
            warnings=d.get("warnings", []),
        )

    @classmethod
    def from_json(cls, text: str) -> "Document":
        """The document that ``to_json`` gave."""
        return cls.from_dict(json.loads(text))
