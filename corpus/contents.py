"""The table of contents: its blocks are kept out of the headings and the body, and its
entries (without their leaders and page numbers) are the document's ``contents``."""
from __future__ import annotations

import re

from corpus.blocks import HAN, REF_RE, Block
from corpus.exhibits import TERMINAL

_TOC = re.compile(r"^(?:Contents|目录|目 录)$", re.I)
_TOC_HEAD = re.compile(r"^(?:Chapter|Paragraphs|Page|章次|段次|页次)$")  # a contents' column heads
_TOC_ENTRY = re.compile(rf"(?:\s|\.{{2,}}|…+|(?<=[{HAN}]))\d{{1,3}}$|^(?:Page|页次|\d{{1,3}}|[ivxl]{{1,5}})$")
LEADERS = re.compile(r"\.\s?(?:\.\s?){4,}|…{3,}|\. (?:\. ){3,}")  # (a literal first: fast search)
_PRESIDING = re.compile(r"(?:\([^)]{2,60}\)|（[^）]{2,30}）)$")  # where an entry has its page
_LEADER_TAIL = re.compile(r"\s*(?:(?:\.\s?){2,}|…+)[\s.…]*\d{0,3}[\s.…]*$|\s+\d{1,3}$")


def contents(blocks: list[Block]) -> tuple[set[int], list[str]]:
    """(indexes of the contents' blocks, its entries as printed less leaders and pages)."""
    toc = _contents(blocks)
    entries = [_LEADER_TAIL.sub("", REF_RE.sub("", blocks[i].text)).strip() for i in sorted(toc)]
    return toc, [t for t in entries if t and not (_TOC_ENTRY.fullmatch(t) or _TOC_HEAD.match(t))]


def _contents(blocks: list[Block]) -> set[int]:
    """Indexes of the blocks of the table of contents (its heading and column heads,
    entries with dot leaders or page numbers, entries wrapped before their leaders or set
    apart from their page number, bare page numbers), so
    that they become neither headings nor body text."""
    body = [i for i, b in enumerate(blocks) if b.role == "body" and b.text.strip()]
    plain = {i: REF_RE.sub("", blocks[i].text).strip() for i in body}
    # (a record's presiding officer, "President: Mr. Yang . . . . (Cameroon)", is no entry)
    leaders = {i for i in body if LEADERS.search(plain[i]) and not _PRESIDING.search(plain[i])}
    toc: set[int] = set()
    in_toc = False
    for k, i in enumerate(body):
        text = plain[i]
        if _TOC.match(text) or i in leaders or \
                _TOC_HEAD.match(text) and any(j in leaders for j in body[k + 1:k + 4]):
            in_toc = True
        elif in_toc and not (_TOC_ENTRY.search(text) or _TOC_HEAD.match(text)):
            ahead = body[k + 1:k + 4]
            in_toc = len(text) < 300 and not text.endswith(TERMINAL) and (any(
                j in leaders for j in ahead) or bool(ahead) and plain[ahead[0]].isdigit())
        if in_toc:
            toc.add(i)
    return toc
