"""Which Word content belongs to a table or a diagram rather than to the running text: layout
tables (the masthead placed in a grid) versus data tables, the unit line or number just above
a data table, the notes just under it (UN house style sets these as ordinary paragraphs
outside ``w:tbl``), the superscript marks that tie cells to notes, and text boxes that are
the labels of a diagram."""
from __future__ import annotations

import re

from corpus.blocks import LABEL, clean
from corpus.furniture import SYMBOL_LINE
from corpus.readers.docx_layout import W

_MASTHEAD = re.compile(r"^(?:Distr\.|Original\s*:|分发|原文\s*[:：])")
# "(Thousands of United States dollars)", "(Percentage)", "Table 3", "表 3", "Table A.2"
_CAPTION = re.compile(r"^\([^()]*(?:\([^()]*\)[^()]*)*\)$|^(?:Table|表)\s*[\dIVXA-Z.]*$")
_NOTE = re.compile(r"^(?:Notes?|Sources?|Abbreviations?|注|资料来源|缩写)\s*[:：]")
_CONTENTS = re.compile(r"^(?:Contents|目录|目 录)$", re.I)
_MARK = re.compile(r"^\s*(?:[a-z]{1,2}|\*{1,3})\s*$")
_ORDINAL = re.compile(r"^\s*(?:st|nd|rd|th)\s*$")


def is_layout(tbl) -> bool:
    """A table that places the masthead (a symbol, "Distr.", "Original:") rather than data."""
    for p in tbl.iter(W + "p"):
        text = clean("".join(t.text or "" for t in p.iter(W + "t")))
        text = re.sub(r"^(?:United Nations|联合国)\s*", "", text)
        if _MASTHEAD.match(text) or SYMBOL_LINE.match(text) and "/" in text:
            return True
    return False


def is_caption(text: str) -> bool:
    """The unit line or table number set just above a table."""
    return len(text) < 150 and bool(_CAPTION.match(text))


def is_title(text: str, heading: bool | None) -> bool:
    """A table's title above its unit line: a short unnumbered heading."""
    return bool(heading) and len(text) < 150 and not LABEL.match(text)


def is_contents_heading(text: str) -> bool:
    """The heading of a table of contents (which Word files often set as a table)."""
    return bool(_CONTENTS.match(text))


def is_table_note(text: str) -> bool:
    """A "Note:", "Source:" or "Abbreviations:" line under a table."""
    return bool(_NOTE.match(text))


def is_note_marker(text: str, before: str) -> bool:
    """A superscript mark such as ``a`` or ``*`` after ``before`` tying it to a table or box
    note; not the label that opens the note itself, nor the suffix of an ordinal ("21st")."""
    return bool(_MARK.match(text) and before.strip()) and not (
        _ORDINAL.match(text) and before[-1:].isdigit())


def is_label_box(box) -> bool:
    """A text box of short labels ("Office of the Director", "(21 posts)"): part of a
    diagram, not a box of prose. Prose has a line of 120 characters or more."""
    texts = ["".join(t.text or "" for t in p.iter(W + "t")) for p in box.iter(W + "p")]
    return all(len(t) < 120 for t in texts)
