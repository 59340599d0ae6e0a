"""Where paragraphs start in a page of a PDF dump, whose lines are wrapped at the page width.

A dump rarely puts a blank line between paragraphs. What remains of the page is the shape
of its lines: with ``pdftotext -layout`` a UN paragraph's first line is indented beyond the
lines that follow it ("      Recalling that ..." over lines at the margin); in any dump a
paragraph's last line usually stops short of the width while a sentence that ends at the
line's end inside a paragraph fills it. A blank line is put where a paragraph starts, so
that a line ending a sentence is not taken for the end of its paragraph.
"""
from __future__ import annotations

import re
from collections import Counter

from corpus.blocks import LABEL
from corpus.readers.text_tables import BULLET
from corpus.resolutions import ADDRESSED, CLAUSE_EN, CLAUSE_ZH

_TERMINAL = tuple(".!?;:”\"’)。！？；：）")
_SHORT = 0.8  # a paragraph's last line: under this share of the page's text width
# a bullet or label whose text the item's next lines hang under
_HANGING = re.compile(rf"^(?:{BULLET}|\(?[a-z0-9]{{1,3}}[.)])\s+")


def with_breaks(lines: list[str]) -> list[str]:
    """The page's raw lines (indentation kept) with a blank line before each line that
    starts a paragraph."""
    text = [(len(line) - len(line.lstrip()), line.strip()) for line in lines]
    filled = [len(s) + i for i, s in text if len(s) > 20]
    if len(filled) < 4:
        return lines
    right = sorted(filled)[int(0.9 * (len(filled) - 1))]
    margin = Counter(i for i, s in text if len(s) > 20).most_common(1)[0][0]
    out: list[str] = []
    for k, (indent, line) in enumerate(text):
        prev = text[k - 1] if k else (0, "")
        before = text[k - 2] if k > 1 else (0, "")
        nxt = text[k + 1] if k + 1 < len(text) else (0, "")
        if line and prev[1] and _starts(line, indent, prev, before, nxt, margin, right):
            out.append("")
        out.append(lines[k])
    return out


def _starts(line: str, indent: int, prev: tuple[int, str], before: tuple[int, str],
            nxt: tuple[int, str], margin: int, right: int) -> bool:
    """Whether ``line`` opens a paragraph: indented beyond the margin over a next line at
    the margin (-layout), or a sentence opening after a sentence (or a resolution's clause)
    that ended short, or a heading over a numbered paragraph, or the line under a heading
    set alone, or a resolution's "The General Assembly," and each preambular clause after it."""
    if margin and indent >= margin + 2 and nxt[1] and abs(nxt[0] - margin) <= 1 \
            and prev[0] <= indent:
        hang = _HANGING.match(prev[1])  # "•   160 million people ..." over "    care, ..."
        if not (hang and indent == prev[0] + hang.end() or indent == prev[0] > margin):
            return True
    tail = prev[1].rstrip(" \ue000\ue0010123456789*")  # less its note markers
    if ADDRESSED.match(line) or ADDRESSED.match(prev[1]) or tail.endswith((",", "，")) and (
            CLAUSE_EN.match(line) or CLAUSE_ZH.match(line)):
        return True  # "The General Assembly," and each clause of its preamble
    # (a resolution's preambular clause ends in a comma, its last line short)
    ended = tail.endswith(_TERMINAL + (",", "，"))
    short = prev[0] + len(prev[1]) < _SHORT * right
    heading = not line.endswith(_TERMINAL) and bool(LABEL.match(nxt[1]))  # over "83. ..."
    return (ended and (short or heading) or _under_heading(line, prev, before, right)) \
        and not line[0].islower()


def _under_heading(line: str, prev: tuple[int, str], before: tuple[int, str],
                   right: int) -> bool:
    """Whether the line above is a heading set on a line of its own ("Disability inclusion"
    between two paragraphs, which a plain dump prints with no blank line): short, closing
    no sentence, after a line that ended one short of the width (or nothing; not a colon's
    list, as "focal point:" / "Mr. A. Franco"), over a line that nearly fills the width (a
    paragraph's first line; a signature's name and title are both short)."""
    title = prev[1]
    return 0 < len(title) < 0.6 * right and not title.endswith(_TERMINAL + (",",)) and \
        title[0].isupper() and not LABEL.match(title) and len(line) >= 0.7 * right and \
        (not before[1] or before[1].endswith(_TERMINAL) and not before[1].endswith(":") and
         before[0] + len(before[1]) < _SHORT * right)
