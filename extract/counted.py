"""What a count counts: the noun phrase after the number ("7 countries reported" ->
countries; 两个联合国实体 -> 联合国实体)."""
from __future__ import annotations

import re
from bisect import bisect_left

STOP_EN = set("""of from in on at to for with by and or but have has had are is was were be
been will would who which that across per received than as into under over through
their its the a an this these those each were also during since while between among""".split())


def counted_en(after: str) -> str | None:
    """The noun phrase a count counts: the words after the number up to a function word."""
    words = []
    for m in re.finditer(r"\s*([A-Za-z][A-Za-z\-’']*)", after):
        if m.start() != (words[-1][1] if words else 0):
            break
        word = m.group(1)
        verb_like = words and re.fullmatch(r"[a-z]+(?:ed|ly|ing)", word)
        if word.lower() in STOP_EN or len(words) >= 4 or verb_like:
            break  # a function word, or a verb or adverb after the noun ("7 countries reported")
        words.append((word, m.end()))
    return " ".join(w for w, _ in words) or None


def counted_zh(doc, start: int) -> str | None:
    """The nouns after a Chinese measure word (两个联合国实体 -> 联合国实体): the tokens of
    ``doc`` from character ``start`` on that jieba tags as nouns, within 12 characters."""
    out = []
    for token in doc[bisect_left(doc, start, key=lambda t: t.idx):]:
        tag = token.tag_
        if token.idx + len(token) > start + 12:
            break
        if tag[:1] in ("n", "j") or tag in ("vn", "nz", "eng") and not out:
            out.append(token.text)
            if len(out) == 3:
                break
        else:
            break
    return "".join(out) or None
