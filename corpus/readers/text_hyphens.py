"""Hyphens a plain ``pdftotext`` dump dropped at line ends.

Without ``-layout``, poppler "dehyphenates": a line ending in a hyphen is printed joined to
the next, the hyphen gone ("human-" / "rights" becomes "humanrights", a URL's "under-" /
"attack" becomes "underattack"). UN documents are set without automatic hyphenation, so
such a hyphen belonged to the text (Secretary-General, non-governmental, a URL) and the PDF
reads with it. The join leaves a trace at about the page's width: a compound the document
prints with its hyphen elsewhere ("SecretaryGeneral"), or, in a line running well past the
width, a run of letters found nowhere else whose two halves are both words of the document
(sometimes poppler leaves a space instead: "Secretary General"). There the hyphen and the
line break are put back. A dump printed with ``-layout`` (indented lines) or text set a
paragraph a line is left as it is.
"""
from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"[A-Za-z]+")
# a compound with its hyphen, within a line or at its end ("Secretary-" / "General")
_COMPOUND = re.compile(r"(?<![A-Za-z-])([A-Za-z]+)-\n?([A-Za-z]+)(?![A-Za-z])")
_SPACED = re.compile(r"(?<![A-Za-z-])([A-Za-z]+) (?=([A-Za-z]+)(?![A-Za-z]))")
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
    # compounds printed with their hyphen, less the words the text also prints whole away
    # from a line's end ("Co-operation" in a name, "cooperation" in the text)
    compounds = {(a.lower(), b.lower()) for a, b in _COMPOUND.findall(text)} - \
        {(w[:k], w[k:]) for w in _inner_words(lines, width) for k in range(1, len(w))}
    out: list[str] = []
    for line in lines:
        while (cut := _cut(line, width, vocabulary, compounds, len(line) > _LONGER * width)):
            out.append(line[:cut] + "-")
            line = line[cut + (line[cut] == " "):]
        out.append(line)
    return "\n".join(out)


def _inner_words(lines: list[str], width: int) -> set[str]:
    """The words (lower-cased) printed away from where a line wraps."""
    return {m.group(0).lower() for line in lines for m in _WORD.finditer(line)
            if m.end() < _NEAR[0] * width or m.start() > _NEAR[1] * width}


def _cut(line: str, width: int, vocabulary: Counter, compounds: set[tuple[str, str]],
         overlong: bool) -> int | None:
    """Where in ``line`` a dropped hyphen ended the first line: inside a run of letters that
    spans the page's width, either a compound the document prints with its hyphen elsewhere
    ("SecretaryGeneral", "Secretary-General"), or, in a line running past the width, a run
    seen only here whose halves are both the document's words (the best-attested split).
    Failing those, where the hyphen became a space ("Secretary General" in a line running
    past the width), the compound alone tells."""
    best, score = None, 0
    for m in _WORD.finditer(line):
        word = m.group(0)
        if m.end() < _NEAR[0] * width or m.start() > _NEAR[1] * width or len(word) < 4:
            continue
        for k in range(2, len(word) - 1):
            head, tail = word[:k].lower(), word[k:].lower()
            if not _NEAR[0] * width <= m.start() + k <= _NEAR[1] * width:
                continue
            if (head, tail) in compounds:
                seen = 1_000_000
            elif overlong and vocabulary[word.lower()] == 1 and len(word) >= 6 and \
                    3 <= k <= len(word) - 3:
                seen = min(vocabulary[head], vocabulary[tail])
            else:
                continue
            if seen > score:
                best, score = m.start() + k, seen
    if best is None and overlong:
        best = next((m.end(1) for m in _SPACED.finditer(line)
                     if _NEAR[0] * width <= m.end(1) <= _NEAR[1] * width and
                     (m.group(1).lower(), m.group(2).lower()) in compounds), None)
    return best
