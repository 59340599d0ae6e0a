"""Page numbers printed alone on a line of a text dump, which read like a note's marker.

``pdftotext`` prints a page's number ("3") on a line of its own at the page's head or foot;
a Geneva page prints it beside the job number, and a plain dump may set it among the
notes ("7" / "8" / "10" / the texts of notes 7 and 8). The printed number is the page's
place in the file plus a constant where front matter (a cover, a contents page numbered
apart) comes first, so the constant is learnt from the pages that show it plainly.
"""
from __future__ import annotations

import re
from collections import Counter

# "3/18", "25-08895 3/18", "2 GE.25-10053": the number is printed with the page count or job
COUNTER = re.compile(r"^\s*\d{1,4}\s*/\s*\d{1,4}\s*$|\d{2}-\d{5}\s+\d{1,4}\s*$|"
                     r"^\s*\d{1,4}\s+(?:GE\.)?\d{2}-\d{5}")


def folio_offset(pages: list[str]) -> int:
    """The printed page number less the page's place in the file (1-based): the difference
    most pages show by a number alone at their head or foot, or 0."""
    seen: Counter = Counter()
    for place, page in enumerate(pages, 1):
        filled = [line.strip() for line in page.splitlines() if line.strip()]
        seen.update({int(line) - place for line in filled[:2] + filled[-3:]
                     if line.isdecimal() and len(line) <= 4})
    if not seen:
        return 0
    offset, count = seen.most_common(1)[0]
    return offset if count >= max(3, len(pages) // 3) else 0


def without_folio(lines: list[str], number: int) -> list[str]:
    """The page without its page number printed alone near its head or foot, unless a
    footer carries it; when it is printed twice (a stray note marker "2" by page number
    "2"), the outermost goes."""
    if any(COUNTER.search(line) for line in lines):
        return lines
    filled = [i for i, line in enumerate(lines) if line.strip()]
    found = [i for i in filled[:2] + filled[-3:] if lines[i].strip() == str(number)]
    if not found:
        return lines
    drop = found[0] if found[0] in filled[:2] else found[-1]
    return lines[:drop] + lines[drop + 1:]
