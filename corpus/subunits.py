"""A paragraph's pieces joined into its text, with the sub-units found in it: lettered
sub-paragraphs ``(a)``/``(iv)`` and a universal periodic review's recommendations
``140.1``, ``140.2``..., each with the State(s) that made it."""
from __future__ import annotations

import re

from corpus.blocks import REF_RE, SUB_LABEL, join_lines, normalise_zh_spacing
from corpus.model import Subparagraph

SUB = re.compile(rf"^{SUB_LABEL}\s*")
_UNIT = re.compile(r"^(\d{1,3})\.(\d{1,3})\s+(?=\S)")
_RECOMMENDED_BY = re.compile(r"\(([A-Z][^()]{1,200}|[^()]{0,10}[\u4e00-\u9fff][^()]{0,100})\)\s*[;.；。]?$")


def finalise(parts: list[str], lang: str, number: str | None = None
             ) -> tuple[str, list[str], list[Subparagraph]]:
    """Join the pieces of one paragraph, strip footnote sentinels (recording their markers)
    and locate the sub-paragraphs in the final text: lettered ``(a)``/``(iv)`` ones, and
    the ``140.1``, ``140.2``... recommendations of a universal periodic review report
    (paragraph 140), each with the State(s) that made it."""
    def unit(plain: str) -> re.Match | None:  # "140.12 Ratify ..." inside paragraph 140
        m = _UNIT.match(plain) if number else None
        return m if m and m.group(1) == number else None
    pieces: list[tuple[str, re.Match | None]] = []  # (plain text, its sub-paragraph label)
    refs: list[str] = []
    for part in parts:
        refs.extend(REF_RE.findall(part))
        plain = REF_RE.sub("", part).strip()
        if lang == "zh":
            plain = normalise_zh_spacing(plain)
        if plain:
            pieces.append((plain, SUB.match(plain) or unit(plain)))
    text = ""
    subs: list[Subparagraph] = []
    label_starts: list[int] = []
    for plain, label in pieces:
        if not text:
            text = plain
        elif label:
            text += ("" if lang == "zh" else " ") + plain
        else:
            text = join_lines([text, plain])
        if label:
            label_starts.append(len(text) - len(plain))
            name = label.group(1) if label.re is SUB else f"{number}.{label.group(2)}"
            subs.append(Subparagraph(label=name, text="", offset=label_starts[-1] + label.end()))
    for k, sub in enumerate(subs):
        end = label_starts[k + 1] if k + 1 < len(subs) else len(text)
        sub.text = text[sub.offset:end].strip()
        if "." in sub.label and (m := _RECOMMENDED_BY.search(sub.text)):
            sub.recommended_by = m.group(1)
    return text, list(dict.fromkeys(refs)), subs
