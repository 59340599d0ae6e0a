"""Chinese word-likeness for the checks that look past exact glossary hits (near-misses,
coined short names): where words start and end by jieba's dictionary and the glossary's
forms, and whether a stretch of text reads as ordinary words rather than a slip."""
from __future__ import annotations

from glossary.matching import Hit
from glossary.zhseg import cut, freq

# A lone character next to a name is a slip only if it is no word of its own: not a
# particle, preposition, conjunction, pronoun, ordinal or classifier (妇女的, 大会第).
FUNCTION_CHARS = set("的地得了着过之其该此这那每各某本第等和与及或并且而但即亦也又还都就才"
                     "在于从向对为以由被把将使让给所已未不无非个名项次届号条款段年月日中上下内外间前后")
COMMON_CHAR = 100000  # jieba frequency from which any lone character is an ordinary word
REAL_WORD = 30  # ... and a word of several characters a real one (组识 has 3, 主要 60 000+)
SUFFIX_CHAR = 3000  # a word + such a character is a word of its own (艾滋病界; 暑 has 141)

def boundaries(text: str, hits: list[Hit]) -> tuple[set[int], dict[int, tuple[int, int]]]:
    """Word boundaries by the dictionary alone (jieba's HMM glues a slipped character to its
    neighbour) and by the glossary's own forms (an exact hit is a word): the set of
    boundary offsets, and for every other offset the (start, end) of the word across it."""
    bounds, across, at = {0, len(text)}, {}, 0
    for word in cut(text, hmm=False):
        bounds.add(at)
        across.update((k, (at, at + len(word))) for k in range(at + 1, at + len(word)))
        at += len(word)
    for h in hits:
        for k in (h.start, h.end):
            bounds.add(k)
            across.pop(k, None)
    return bounds, across


def whole_words(text: str, bounds, s: int, e: int) -> bool:
    """Whether the window [s, e) starts and ends on word boundaries. Where the dictionary
    glues a particle to the window (和世卫 in 和世卫组识), the particle is cut off; a window
    that cuts any other word (监督事 of 内部监督事务厅, 环境可 of 环境可持续) is not one."""
    offsets, across = bounds
    if s not in offsets and not all(ch in FUNCTION_CHARS for ch in text[across[s][0]:s]):
        return False
    return e in offsets or all(ch in FUNCTION_CHARS for ch in text[e:across[e][1]])


def token_at(doc, text: str):
    """A function: character offset -> (start, end, text) of the word holding it."""
    return doc.at


def segmented_as_slip(text: str, token_at, start: int, form: str, edit: tuple[str, int]) -> bool:
    """Whether jieba's reading of the text (with its HMM, as in the shared pipeline) agrees
    that the window is a slip: the edited character sits in a word inside the window that
    is no common word (组识, 经杜会, or 暑 alone — not 主要, 的, or the 积极参与 of
    妇女积极参与); a common character inserted or left out is a matter of style."""
    kind, pos = edit
    if kind in ("insertion", "deletion"):  # 与冲突有关(的)性暴力: style, not a slip
        char = text[start + pos] if kind == "insertion" else form[pos]
        if char in FUNCTION_CHARS or freq(char) >= COMMON_CHAR:
            return False
    if kind == "deletion":
        return True
    end = start + len(form) + (kind == "insertion")
    for at in range(start + pos, start + pos + (2 if kind == "transposition" else 1)):
        t_start, t_end, word = token_at(at)
        if t_start < start or t_end > end:
            return False  # the character belongs to a word running past the window (积极参与)
        n = freq(word)
        if len(word) > 1 and n >= REAL_WORD:
            return False
        if len(word) == 1 and (word in FUNCTION_CHARS or n >= COMMON_CHAR):
            return False
    return True


def ordinary_words(surface: str) -> bool:
    """Whether the window reads, by the dictionary alone, as two or more real words of
    several characters: ordinary text (区域协作平台联合秘书处, "joint secretariat": 联合 +
    秘书处), not a slip, which leaves a lone or unknown character (妇女暑, 世卫组识)."""
    words = cut(surface, hmm=False)
    return len(words) > 1 and all(len(w) > 1 and freq(w) >= REAL_WORD for w in words)
