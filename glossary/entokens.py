"""English tokens for the terminology checks, without spaCy.

Importing spaCy costs more than a second, and the checks ask only where words start and
end. This tokenizer follows the rules of spaCy's English tokenizer that decide that (its
prefix, suffix and infix patterns: brackets and quotes come off, a possessive 's is a token
of its own, a hyphen or slash between letters splits UN-Women and CBD/COP, a full stop after a
lower-case word or two capitals is one, numbers keep their points and commas, web addresses
stay whole), so that glossary terms match as they did on spaCy's tokens (the tests compare).
Whitespace is no token, so a term broken over two spaces still matches.
"""
from __future__ import annotations

import re

_QUOTES = "'\"”“`‘´’‚„»«「」『』（）〔〕【】《》〈〉"
_PUNCT = r"…,:;!?¿¡()\[\]{}<>_#*&。？！，、；：～·"
_LOWER = "a-zß-öø-ÿα-ωа-яё"
_UPPER = "A-ZÀ-ÖØ-ÞΑ-ΩА-ЯЁ"
_ALPHA = r"[^\W\d_]"
_CURRENCY = r"US\$|C\$|A\$|[$£€¥฿₹₽]"
_UNITS = ("km|km²|km³|m|m²|m³|dm|dm²|dm³|cm|cm²|cm³|mm|mm²|mm³|ha|µm|nm|yd|in|ft|kg|g|mg|µg|"
          "t|lb|oz|m/s|km/h|kmh|mph|hPa|Pa|mbar|mb|MB|kb|KB|gb|GB|tb|TB|T|G|M|K|%")
# spaCy's English special cases that end in a full stop or hold one (titles, months, Latin
# abbreviations, single letters) and stay one token: "Mr." is no "Mr" + "."
EXCEPTIONS = frozenset(
    "a.m. p.m. Adm. Bros. co. Co. Corp. D.C. Dr. e.g. E.g. E.G. Gen. Gov. i.e. I.e. I.E. Inc. "
    "Jr. Ltd. Md. Messrs. Mo. Mont. Mr. Mrs. Ms. Ph.D. Prof. Rep. Rev. Sen. St. vs. v.s. v. "
    "Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec. Ala. Ariz. Ark. Calif. Colo. "
    "Conn. Del. Fla. Ga. Ill. Ind. Kan. Kans. Ky. La. Mass. Mich. Minn. Miss. N.C. N.D. N.H. "
    "N.J. N.M. N.Y. Neb. Nebr. Nev. Okla. Ore. Pa. Tenn. Va. Wash. Wis. and/or "
    "c. b. a.".split()
    + [f"{c}." for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"])
_PREFIX = re.compile(rf"§|%|=|—|–|\+(?![0-9])|\.\.+|…|{_CURRENCY}|[{_PUNCT}{_QUOTES}]")
_SUFFIX = re.compile(
    rf"(?:\.\.+|…|[{_PUNCT}{_QUOTES}]|'s|'S|’s|’S|—|–|(?<=[0-9])\+|(?<=[0-9])(?:{_CURRENCY})"
    rf"|(?<=[0-9])(?:{_UNITS})"
    rf"|(?<=[0-9{_LOWER}%²\-+{_QUOTES}{_PUNCT}])\.|(?<=[{_UPPER}][{_UPPER}])\.)$")
_INFIX = re.compile(
    rf"\.\.+|…|(?<=[0-9])[+\-*^](?=[0-9-])|(?<=[{_LOWER}{_QUOTES}])\.(?=[{_UPPER}{_QUOTES}])"
    rf"|(?<={_ALPHA}),(?={_ALPHA})|(?<=[^\W_])(?:---|--|——|-|–|—|~)(?={_ALPHA})"
    rf"|(?<=[^\W_])[:<>=/](?={_ALPHA})")
_URL = re.compile(r"(?:https?://|www\.)\S+|[\w.-]+\.(?:org|int|com|net|edu|gov)(?:/\S*)?", re.I)
_CHUNK = re.compile(r"\S+")


def _affixes(chunk: str) -> tuple[list[str], str, list[str]]:
    """Prefixes and suffixes peeled off ``chunk`` (as spaCy does: both ends in turn until
    nothing changes), and what remains in the middle."""
    prefixes, suffixes = [], []
    while chunk and chunk not in EXCEPTIONS:
        size = len(chunk)
        pre = _PREFIX.match(chunk)
        p = pre.end() if pre else 0
        if p and chunk[p:] in EXCEPTIONS:
            prefixes.append(chunk[:p])
            chunk = chunk[p:]
            break
        suf = _SUFFIX.search(chunk[p:])
        s = len(suf.group()) if suf else 0
        if s and chunk[:len(chunk) - s] in EXCEPTIONS:
            suffixes.append(chunk[len(chunk) - s:])
            chunk = chunk[:len(chunk) - s]
            break
        if p and s and p + s <= len(chunk):
            prefixes.append(chunk[:p])
            suffixes.append(chunk[len(chunk) - s:])
            chunk = chunk[p:len(chunk) - s]
        elif p:
            prefixes.append(chunk[:p])
            chunk = chunk[p:]
        elif s:
            suffixes.append(chunk[len(chunk) - s:])
            chunk = chunk[:len(chunk) - s]
        if len(chunk) == size:
            break
    return prefixes, chunk, suffixes[::-1]


def _infixes(middle: str) -> list[str]:
    if middle in EXCEPTIONS or _URL.fullmatch(middle):
        return [middle]
    out, start = [], 0
    for m in _INFIX.finditer(middle):
        if m.start() == 0:
            continue
        if m.start() != start:
            out.append(middle[start:m.start()])
        if m.end() != m.start():
            out.append(m.group())
        start = m.end()
    if middle[start:]:
        out.append(middle[start:])
    return out


def words(text: str) -> list[str]:
    """The texts of the tokens of ``text``, without their offsets."""
    return [t for _, _, t in spans(text)]


def spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of every token of ``text``."""
    out = []
    for m in _CHUNK.finditer(text):
        at = m.start()
        prefixes, middle, suffixes = _affixes(m.group())
        for part in prefixes + (_infixes(middle) if middle else []) + suffixes:
            out.append((at, at + len(part), part))
            at += len(part)
    return out


class Tokens:
    """The tokens of one text, as (start, end, text) spans."""

    __slots__ = ("spans", "lower")

    def __init__(self, text: str):
        self.spans = spans(text)
        self.lower = [t.lower() for _, _, t in self.spans]

    def __len__(self) -> int:
        return len(self.spans)
