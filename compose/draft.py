"""What a composed edition is before it becomes Word: the masthead lines, the summary, the
headings and numbered paragraphs, each piece of text carrying the figures it shows (with
offsets and sources) and the footnotes it calls. The Word writer and the provenance sidecar
both read this, so the numbers in the sidecar are the numbers in the file."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Figure:
    """One number in the draft: where it is (offsets into its ``Text``) and what it is."""

    start: int
    end: int
    text: str
    value: str  # the exact decimal, as text
    unit: str  # percent | USD | count | points
    role: str  # input | previous | computed | to-update (last year's, for the drafter)
    source: dict  # where the value comes from (spec entry, data file row, previous report)


@dataclass
class Text:
    """Rendered text with its figures and footnote calls (``(offset, footnote text)``)."""

    text: str
    figures: list[Figure] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)
    origin: dict | None = None  # for text taken whole from the previous report


@dataclass
class Heading:
    """A heading of the draft, at its level, with its number and title."""
    level: int  # 1 = chapter (I./一.), 2 = lettered (A.), 3 = unnumbered, 4 = 1.
    number: str | None
    title: str
    notes: list[str] = field(default_factory=list)  # footnotes called after the title


@dataclass
class Para:
    """A paragraph of the draft: its number, text and lettered sub-paragraphs."""
    number: str  # "" for a paragraph printed without a number
    body: Text
    subs: list[tuple[str, Text]] = field(default_factory=list)  # (label, text)


@dataclass
class Table:
    """A table between paragraphs: its label, caption, rows of cells (each a ``Text``;
    a row may be shorter than the others, its last cell spanning the rest) and notes."""

    caption: str | None
    rows: list[list[Text]]
    header_rows: int = 1
    number: str | None = None  # "Table 1."
    notes: list[Text] = field(default_factory=list)  # "Note: ...", "a ..." under it


@dataclass
class Box:
    """A boxed text between paragraphs: its label ("Box 2"), title and own paragraphs."""

    number: str
    title: str | None
    paragraphs: list[Text]


@dataclass
class Masthead:
    """The front-page lines of one edition, as printed in its language."""
    symbol: str
    organ: str
    date: str
    language_lines: list[str]  # "Original: English" (and "Chinese" above it in zh)
    body: str | None  # e.g. the commission meeting, when it is not the organ itself
    session: str
    meeting: str | None
    agenda: list[str] | None  # two parts; the asterisk footnote call goes between them
    agenda_note: str | None
    agenda_title: str | None
    title: str
    report_of: str
    job: str | None  # "26-01234 (E)"
    job_date: str | None  # ddmmyy
    title_note: str | None = None  # asterisked notes on the title and on "Report of ..."
    report_note: str | None = None


@dataclass
class Edition:
    """The draft in one language: masthead, summary and body blocks, ready to write."""
    lang: str
    masthead: Masthead
    summary: list[Text]
    blocks: list[Heading | Para | Table | Box]
    summary_label: str = "Summary"

    def paragraphs(self) -> list[Para]:
        """The paragraphs of the body, in order."""
        return [b for b in self.blocks if isinstance(b, Para)]

    def tables(self) -> list[Table]:
        """The tables of the body, in order."""
        return [b for b in self.blocks if isinstance(b, Table)]

    def boxes(self) -> list[Box]:
        """The boxes of the body, in order."""
        return [b for b in self.blocks if isinstance(b, Box)]
