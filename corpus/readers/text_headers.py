"""A running header with the document's short title in a dump: a resolution's or a
declaration's pages open with their symbol and title ("A/RES/78/323" / "International Day
of Women and Girls of African Descent"; E/HLS/2025/1's title of four lines), the title
above the symbol on odd pages and below it (or beside it, ``-layout``) on even ones.

The symbol alone is furniture wherever it stands (``corpus.furniture``); the title is told
by where it stands: whatever a page prints above its running symbol is header, since no
body text comes before it. Those lines are then header on every page where they open it,
above or below the symbol."""
from __future__ import annotations

import re
from collections import Counter

from corpus.furniture import SYMBOL_LINE

TOP = 6  # the running symbol stands among a page's first non-empty lines
_GAP = re.compile(r"\s{3,}")  # -layout's columns: "A/RES/78/323        International Day ..."


def _symbol(part: str) -> bool:
    return bool(SYMBOL_LINE.match(part)) and any(c.isdigit() for c in part)


def _top(lines: list[str]) -> list[tuple[int, list[str]]]:
    """(index, parts between column gaps) of a page's first non-empty lines."""
    out = []
    for i, line in enumerate(lines):
        if line.strip():
            out.append((i, _GAP.split(line.strip())))
            if len(out) == TOP:
                break
    return out


def running_titles(pages: list[list[str]]) -> set[str]:
    """The texts of the title lines of the running header, from the pages after the first:
    printed beside or above the symbol on one page, and opening another page too or printed
    on the first (the title it shortens: a two-page resolution has the header once)."""
    titles: set[str] = set()
    opening: Counter[str] = Counter()
    for lines in pages[1:]:
        top = _top(lines)
        opening.update({" ".join(parts) for _, parts in top} | {p for _, parts in top for p in parts})
        at = next((k for k, (_, parts) in enumerate(top)
                   if _symbol(parts[0]) or _symbol(parts[-1])), None)
        if at is not None:
            titles.update(" ".join(parts) for _, parts in top[:at])
            titles.update(p for p in top[at][1] if not _symbol(p))
    first = " ".join(" ".join(_GAP.split(line.strip())) for line in pages[0]) if pages else ""
    return {t for t in titles if opening[t] >= 2 or len(t) >= 8 and t in first}


def without_titles(lines: list[str], titles: set[str]) -> list[str]:
    """A page's lines less the running title's, where they open the page; the symbol
    beside a title (``-layout``) is left on its line for the furniture pass."""
    if not titles:
        return lines
    out = list(lines)
    for i, parts in _top(lines):
        if " ".join(parts) in titles:
            out[i] = ""
        elif len(parts) > 1 and any(map(_symbol, (parts[0], parts[-1]))) and \
                all(p in titles or _symbol(p) for p in parts):
            out[i] = next(p for p in parts if _symbol(p))
    return out
