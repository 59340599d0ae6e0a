"""The reading report: properties every UN document has, checked on the model without gold.

A reader that misreads a document rarely fails loudly; it leaves traces that any careful
reader would notice: paragraph numbers that jump, footnote markers without their note, a job
number or dot leaders inside body text, spaces between Han characters, more headings than
paragraphs, words of the page that are nowhere in the model. ``warnings(doc)`` names each
trace in words a researcher can act on; the structurer stores them on ``Document.warnings``
and the development-corpus benchmark counts them.
"""
from __future__ import annotations

import re
from collections import Counter

from corpus.blocks import HAN, REF_RE
from corpus.contents import LEADERS
from corpus.model import Document

# Kinds of warning; each message starts with its kind so that they can be counted.
NUMBERING, FURNITURE, FOOTNOTES, HAN_SPACE, HEADINGS, UNPLACED, EMPTY = (
    "numbering", "furniture", "footnotes", "han-space", "headings", "unplaced", "empty")

_JOB = re.compile(r"(?<![\d.])(?:GE\.)?\d{2}-\d{5}\s*(?:\(\s*[A-Z]\s*\)|\d{1,3}\s*/\s*\d{1,3}\b)"
                  r"|\b\d{1,3}\s*/\s*\d{1,3}\s+(?:GE\.)?\d{2}-\d{5}\b")
_BARCODE = re.compile(r"\*\d{7,8}\*")
_HAN_SPACE = re.compile(f"[{HAN}][ \u3000]+[{HAN}]")
_FRONT_REF = re.compile(r"(?<=[^\s*])(\*{1,3}|[†‡])")
_NOTE_MARK = re.compile(r"^([a-z](?=\s)|\*{1,4}(?=\s?\S))")  # "a Including", "* Estimate", "***Referrals"
_WORD = re.compile(f"[A-Za-z\u00c0-\u024f]{{2,}}|[{HAN}]")


def texts(doc: Document) -> list[str]:
    """Every piece of text the model holds, for the coverage check."""
    out = [s.title for s in doc.sections]
    out += [p.text for p in doc.paragraphs]
    out += [f.text for f in doc.footnotes]
    for table in doc.tables:
        out += [table.number or "", table.caption or ""] + table.notes
        out += [cell for row in table.rows for cell in row]
    for box in doc.boxes:
        out += [box.number or "", box.title or ""] + box.paragraphs
    for figure in doc.figures:
        out += [figure.number or "", figure.caption or ""] + figure.labels + figure.notes
    out += [v for v in vars(doc.metadata).values() if isinstance(v, str)]
    out += doc.front + doc.contents
    return out


def words(text: str) -> list[str]:
    """Latin words (two letters or more, lower case) and single Han characters."""
    return [w.lower() for w in _WORD.findall(REF_RE.sub("", text))]


def warnings(doc: Document, front_refs: list[str] | None = None) -> list[str]:
    """The reading report of ``doc`` (empty when nothing looks wrong). ``front_refs``: the
    footnote marks the reader saw in the masthead (``doc.front`` keeps them as printed)."""
    out: list[str] = []
    if not doc.paragraphs and not doc.sections:
        out.append(f"{EMPTY}: no body text was read")
    out += _numbering(doc)
    out += _furniture(doc)
    out += _footnotes(doc, front_refs)
    if doc.lang == "zh":
        bad = [t for t in texts(doc) if _HAN_SPACE.search(t)]
        if bad:
            out.append(f"{HAN_SPACE}: {len(bad)} texts keep a space between Han characters, "
                       f"e.g. “{_HAN_SPACE.search(bad[0]).group(0)}”")
    numbered = sum(1 for p in doc.paragraphs if p.number)
    if len(doc.sections) > max(10, len(doc.paragraphs)):
        out.append(f"{HEADINGS}: {len(doc.sections)} headings for {len(doc.paragraphs)} "
                   f"paragraphs ({numbered} numbered)")
    return out


def _numbering(doc: Document) -> list[str]:
    out = []
    last = 0
    for p in doc.paragraphs:
        if not p.number:
            continue
        n = int(p.number)
        if n == 1 or n == last + 1:
            last = n
            continue
        if n <= last:
            out.append(f"{NUMBERING}: paragraph {n} follows paragraph {last}")
        else:
            out.append(f"{NUMBERING}: numbering jumps from {last} to {n}")
        last = n
    return out


def _furniture(doc: Document) -> list[str]:
    out = []
    places = list(_places(doc))
    # each pattern needs one of these characters: most texts are passed over at C speed
    for kind, pattern, needs in (("dot leaders", LEADERS, ".…"),
                                 ("a job number or page counter", _JOB, "-"),
                                 ("a barcode", _BARCODE, "*")):
        hits = [(where, t) for where, t in places
                if any(c in t for c in needs) and pattern.search(t)]
        if hits:
            where, text = hits[0]
            out.append(f"{FURNITURE}: {len(hits)} texts hold {kind}, first in {where}: "
                       f"“{pattern.search(text).group(0)}”")
    symbols = set(doc.metadata.symbols)  # the running header: "A/RES/78/323" as a heading
    headers = [s for s in doc.sections if s.title in symbols]
    if headers:
        out.append(f"{FURNITURE}: {len(headers)} headings are the document's symbol (a running "
                   f"header), first on page {headers[0].page}")
    return out


def _places(doc: Document):
    for s in doc.sections:
        yield f"heading “{s.title[:40]}”", s.title
    for i, p in enumerate(doc.paragraphs):
        yield (f"paragraph {p.number}" if p.number else f"unnumbered paragraph {i + 1}"), p.text


def _footnotes(doc: Document, front_refs: list[str] | None) -> list[str]:
    refs = Counter(m for p in doc.paragraphs for m in p.footnote_refs)
    refs.update(m for s in doc.sections for m in s.footnote_refs)
    refs.update(m for b in doc.boxes for m in b.footnote_refs)
    # a table's lettered marks point at its own notes, which may stand pages later (where
    # the table ends): only its references to the document's footnotes are checked here
    refs.update(m for t in [*doc.tables, *doc.figures] for m in t.footnote_refs if not m.isalpha())
    refs.update(m for line in doc.front for m in _FRONT_REF.findall(line))  # "Agenda item 5*"
    refs.update(front_refs or [])
    notes = Counter(f.marker for f in doc.footnotes)
    table_notes = {m.group(1) for t in [*doc.tables, *doc.figures] for n in t.notes
                   if (m := _NOTE_MARK.match(n))}
    # a footnote that explains asterisks: "4 * Indicates the inclusion of ..."
    table_notes.update(m.group(1) for f in doc.footnotes if (m := _NOTE_MARK.match(f.text))
                       and m.group(1).startswith("*"))
    out = []
    missing = [m for m in refs if m not in notes and m not in table_notes]
    orphans = [m for m in notes if m and m not in refs]  # a note printed without a mark has none
    if missing:
        out.append(f"{FOOTNOTES}: {len(missing)} footnote markers without a footnote "
                   f"({', '.join(missing[:8])})")
    if orphans:
        out.append(f"{FOOTNOTES}: {len(orphans)} footnotes without a marker in the text "
                   f"({', '.join(orphans[:8])})")
    return out


def unplaced(pages: dict[int, list[str]], doc: Document, *, min_words: int = 12,
             share: float = 0.1) -> list[tuple[int, int, int]]:
    """(page, words not placed, words on the page) for pages whose words are missing from
    the model: a word of a page is not placed when the page holds it more often than the
    whole model does. A page is reported when more than ``min_words`` and ``share`` of its
    words are not placed. ``pages``: page number -> texts read on that page (less
    furniture), from a reading independent of the model's."""
    pool = Counter(w for t in texts(doc) for w in words(t))
    out = []
    for page in sorted(pages):
        page_words = Counter(w for t in pages[page] for w in words(t))
        left = sum(max(0, n - pool[w]) for w, n in page_words.items())
        total = sum(page_words.values())
        if left > min_words and left > share * total:
            out.append((page, left, total))
    return out
