"""A heading the reader split into two blocks, joined before the structure pass reads them
(a heading set on two lines that the page's layout cut apart)."""
from __future__ import annotations

import re

from corpus.blocks import REF_RE, Block

RUNS_ON = re.compile(r"\s(?:by|of|the|and|or|to|for|with|in|on|at|from|an?)$")  # no heading ends so


def joined_headings(blocks: list[Block]) -> list[Block]:
    """A heading the reader split into two blocks ("Presentation of the report of the
    Secretary-General of UNCTAD to" / "the Conference") joined: a heading-styled block that
    ends with a word that runs on, or is followed on its page by a heading-styled block that
    opens in lower case ("... of Bosnia" / "and Herzegovina"), on its page or as the first
    body text of the next (a bold sub-paragraph of the General Assembly's actions, "(c) To
    approve ... for 2025" / "and to place ...")."""
    out: list[Block] = []
    prev: Block | None = None  # the last body block
    for b in blocks:
        if prev is not None and b.role == "body" and prev.heading and b.heading and (
                prev is out[-1] and prev.page == b.page and (RUNS_ON.search(REF_RE.sub("", prev.text).strip())
                                         or b.text.lstrip()[:1].islower())
                or prev.page is not None and b.page == prev.page + 1
                and b.text.lstrip()[:1].islower()):
            prev.text = f"{prev.text.rstrip()} {b.text.lstrip()}"
            continue
        out.append(b)
        if b.role == "body":
            prev = b
    return out
