"""What every reader hands to the one structuring pipeline (``corpus.structure``).

A reader's job is only to turn its format into ``Block``s in reading order: a block is a run
of text that the format itself shows as one unit (a Word paragraph, a PDF text block between
vertical gaps, a text-file paragraph), with lines already re-joined, running headers/footers
already dropped, and footnote reference markers kept as sentinels (``ref(marker)``) so that
the structurer can record them without guessing from digits. Numbering, headings, sections,
masthead and page-break continuation are decided once, in ``corpus.structure``.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Footnote references travel inside block text between two private-use characters.
REF_OPEN, REF_CLOSE = "\ue000", "\ue001"
REF_RE = re.compile(f"{REF_OPEN}([^{REF_CLOSE}]*){REF_CLOSE}")


def ref(marker: str) -> str:
    """Sentinel for a footnote reference marker placed in block text."""
    return f"{REF_OPEN}{marker}{REF_CLOSE}"


@dataclass
class Block:
    """One piece of a page as a reader saw it, before the structurer says what it means."""
    text: str
    page: int | None = None
    role: str = "body"  # body | footnote | furniture | table | figure
    heading: bool | None = None  # reader's hint (bold/Heading style); None = unknown
    marker: str | None = None  # for role="footnote": its marker, when the format says so
    # for role="table": the rows of cells as printed (``text`` is then the cells' text, for
    # search and the coverage check); the structurer turns it into a ``model.Table``
    rows: list[list[str]] | None = None


HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_CHAR = re.compile(f"[{HAN}]")
_BLANKS = re.compile(r"[ \t\u00a0]+")
# Full-width punctuation and CJK brackets: no space on either side in Chinese text.
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』…—·％"
# Curly quotes, dashes and ellipses are English punctuation too: Chinese only next to Han.
SHARED_PUNCT = "“”‘’—…·"
_ZH_ONLY = "".join(c for c in CJK_PUNCT if c not in SHARED_PUNCT)
_SPACE = r"[ \t\u00a0\u2002-\u200b\u3000]"
_ANY_SPACE = re.compile(_SPACE)
_HAN_HAN = re.compile(f"(?<=[{HAN}{CJK_PUNCT}]){_SPACE}+(?=[{HAN}{CJK_PUNCT}])")
# "2012 年", "第 38/2 号", "E/1994/27, 第一章": one policy, no space between Han and
# Latin/digits (the house style of the Chinese editions' Word files).
_HAN_OTHER = re.compile(f"(?<=[{HAN}{_ZH_ONLY}]){_SPACE}+(?=[0-9A-Za-z(（%])")
_OTHER_HAN = re.compile(f"(?<=[0-9A-Za-z%)）.,]){_SPACE}+(?=[{HAN}{_ZH_ONLY}])")

# The labels that open a unit of a UN report, for every reader and the structurer alike:
# paragraph numbers "12." (group 1: the number), sub-paragraph labels "(a)", "(iv)"
# (group 2: the letters), heading numbers "IV.", "B." and Chinese "三、", "（二）". Full-width
# stops and brackets and a space before the stop are allowed. A Latin label is followed by a
# space, a Han character or the end ("12.5 per cent" opens nothing); a Chinese one by anything.
PARA_LABEL = r"(\d{1,3})\s*[.．]"
SUB_LABEL = r"[(（]\s*([a-z]{1,2}|[ivxl]{1,6})\s*[)）]"
_ZH_NUMERAL = "[一二三四五六七八九十]{1,3}"
_LABEL = (rf"(?:(?:{PARA_LABEL}|{SUB_LABEL}|(?:[IVXL]{{1,6}}|[A-Z])\s*[.．])(?=\s|[{HAN}]|$)"
          rf"|{_ZH_NUMERAL}\s*[.、．]|[(（]{_ZH_NUMERAL}[)）])")
LABEL = re.compile(f"^{_LABEL}")
LABEL_ONLY = re.compile(rf"^{_LABEL}\s*$")


def is_han(ch: str) -> bool:
    """Whether ``ch`` is a Chinese (Han) character."""
    return bool(_HAN_CHAR.match(ch))


def han_ratio(text: str) -> float:
    """The share of Han characters among the letters of ``text`` (0.0 when it has none):
    how Chinese a text looks."""
    letters = sum(map(str.isalpha, text))
    if not letters:
        return 0.0
    return sum(map(str.isalpha, _HAN_CHAR.findall(text))) / letters


def normalise_zh_spacing(text: str) -> str:
    """Remove the spaces that PDF text layers (and some Word files) put between Han
    characters, and between Han characters and digits/Latin letters."""
    if not _ANY_SPACE.search(text):  # (each of the three removes spaces: none, no change)
        return text
    text = _HAN_HAN.sub("", text)
    text = _HAN_OTHER.sub("", text)
    return _OTHER_HAN.sub("", text)


def clean(text: str) -> str:
    """Unicode NFC, soft hyphens and zero-width characters gone, runs of spaces folded."""
    if not text.isascii():  # (ASCII is NFC and holds none of the three)
        text = unicodedata.normalize("NFC", text)
        text = text.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "")
    if "  " in text or "\t" in text or "\u00a0" in text:  # (else each blank is one space)
        text = _BLANKS.sub(" ", text)
    return text.strip()


def _chinese(ch: str, beside: str) -> bool:
    """Whether ``ch`` at a line break is Chinese text (a shared punctuation mark counts
    only when the character beside it is Han)."""
    if ch in SHARED_PUNCT:
        return bool(beside) and is_han(beside)
    return is_han(ch) or ch in CJK_PUNCT


def join_lines(lines: list[str]) -> str:
    """Re-join the lines of one block. Where either side of the break is Chinese (a Han
    character or full-width punctuation) the lines join without a space; otherwise with
    one, but none after a line-end hyphen: UN documents are set without automatic
    hyphenation, so a hyphen at a line end belongs to the word (Secretary-General, P-4,
    knowledge-sharing); Word's optional hyphens arrive as U+00AD and are dropped."""
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        prev, nxt = out[-1], line[0]
        if _chinese(prev, out[-2:-1]) or _chinese(nxt, line[1:2]):
            out += line
        elif prev == "\u00ad":
            out = out[:-1] + line
        elif prev == "-" and not out.endswith(" -"):
            out += line
        else:
            out += " " + line
    return out
