"""Hyphens a plain ``pdftotext`` dump dropped at line ends.

Without ``-layout``, poppler "dehyphenates": a line ending in a hyphen is printed joined to
the next, the hyphen gone ("human-" / "rights" becomes "humanrights", a URL's "under-" /
"attack" becomes "underattack"). UN documents are set without automatic hyphenation, so
such a hyphen belonged to the text (Secretary-General, non-governmental, a URL) and the PDF
reads with it. The join leaves a trace: a line running well past the page's width, and at
about the width a run of letters found nowhere else in the document whose two halves are
both words of the document. There the hyphen and the line break are put back. A dump
printed with ``-layout`` (indented lines) or one without overlong lines is left as it is.
"""
from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"[A-Za-z]+")
_LONGER = 1.15  # a joined line runs past this share of the page's width
_NEAR = (0.75, 1.2)  # where, as a share of the width, the dropped hyphen may have been


def rehyphenate(text: str) -> str:
    """``text`` with the hyphens and line breaks a plain dump dropped put back; ``-layout``
    dumps (which indent lines) and text set a paragraph a line unchanged."""
    lines = text.split("\n")
    filled = [line for line in lines if len(line.strip()) > 20]
    if not filled or sum(line[:1] == " " for line in filled) > 0.05 * len(filled):
        return text
    lengths = sorted(len(line) for line in filled)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if sum(n >= 0.75 * width for n in lengths) < 0.6 * len(lengths):
        return text  # not wrapped at one width: a paragraph a line
    vocabulary = Counter(w.lower() for w in _WORD.findall(text))
    out: list[str] = []
    for line in lines:
        while len(line) > _LONGER * width and (cut := _cut(line, width, vocabulary)):
            out.append(line[:cut] + "-")
            line = line[cut:]
        out.append(line)
    return "\n".join(out)


def _cut(line: str, width: int, vocabulary: Counter) -> int | None:
    """Where in ``line`` a dropped hyphen ended the first line: inside a run of letters that
    spans the page's width, seen only here, whose halves are both the document's words
    (the best-attested split)."""
    best, score = None, 0
    for m in _WORD.finditer(line):
        word = m.group(0)
        if m.end() < _NEAR[0] * width or m.start() > _NEAR[1] * width or \
                vocabulary[word.lower()] > 1 or len(word) < 6:
            continue
        for k in range(3, len(word) - 2):
            head, tail = word[:k].lower(), word[k:].lower()
            if not _NEAR[0] * width <= m.start() + k <= _NEAR[1] * width:
                continue
            seen = min(vocabulary[head], vocabulary[tail])
            if seen > score:
                best, score = m.start() + k, seen
    return best
