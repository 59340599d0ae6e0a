"""What a count counts: the noun phrase after the number ("7 countries reported" ->
countries; 两个联合国实体 -> 联合国实体)."""
from __future__ import annotations

import re

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


def counted_zh(after: str) -> str | None:
    """The nouns after a Chinese measure word (两个联合国实体 -> 联合国实体), by jieba's
    part-of-speech tags."""
    from jieba import posseg

    out = []
    for pair in posseg.cut(after[:12]):
        if pair.flag[:1] in ("n", "j") or pair.flag in ("vn", "nz", "eng") and not out:
            out.append(pair.word)
            if len(out) == 3:
                break
        else:
            break
    return "".join(out) or None
