"""Plain text: dumps of PDFs (lines broken mid-sentence, footnotes after a rule of underscores,
markers as superscripts or alone on a line, page furniture) and clean paragraph-per-line text,
in UTF-8, UTF-16 or GB18030/GBK, told apart without being told."""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from corpus.blocks import Block, clean, join_lines, ref
from corpus.errors import ReadError
from corpus.furniture import is_furniture

SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SEPARATOR = re.compile(r"^\s*[_\u2014\u2015-]{8,}\s*$")
_FOOTNOTE_SUP = re.compile(f"^([{_SUP}]+|\\*)\\s*(\\S.*)$")
_FOOTNOTE_PLAIN = re.compile(r"^(\d{1,3}|\*{1,3})\s+(\S.*)$")
# A line that starts a new unit: paragraph number, sub-paragraph label, heading number.
_UNIT = re.compile(r"^(\d{1,3}\.\s|\((?:[a-z]{1,2}|[ivxlc]+)\)\s|[IVXLC]{1,6}\.\s|[A-Z]\.\s|"
                   r"[一二三四五六七八九十]{1,3}[.、．]|[（(][一二三四五六七八九十]{1,3}[)）])")
_TERMINAL = tuple("。！？；：.!?;:”\"’)）")


def decode(path: Path, data: bytes) -> str:
    """Text from bytes: a BOM decides; else strict UTF-8, UTF-16 (by its NUL pattern), then
    GB18030 (a superset of GBK and GB2312); else a clear error."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise ReadError(path, f"invalid {codec} text despite its byte-order mark") from None
    sample = data[:4096]
    if sample and sample.count(b"\x00") > len(sample) // 4:
        odd_nuls = sample[1::2].count(0) > sample[0::2].count(0)
        try:
            return data.decode("utf-16-le" if odd_nuls else "utf-16-be")
        except UnicodeDecodeError:
            pass
    for codec in ("utf-8", "gb18030"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text
    raise ReadError(path, "cannot decode the text: it is not UTF-8, UTF-16 or GB18030/GBK")


def _plausible(text: str) -> bool:
    """Reject decodings full of control characters or private-use/unassigned code points
    (what random bytes become under a permissive codec such as GB18030)."""
    if not text:
        return True
    bad = sum(1 for c in text if (ord(c) < 32 and c not in "\t\r\n\f") or
              0xE000 <= ord(c) <= 0xF8FF or 0x80 <= ord(c) < 0xA0)
    rare = sum(1 for c in text if 0x3400 <= ord(c) <= 0x4DBF or ord(c) > 0xFFFF)
    return bad / len(text) < 0.01 and rare / len(text) < 0.05


def read_text(path: Path, data: bytes):
    lines = [clean(line) for line in decode(path, data).splitlines()]
    if not any(lines):
        raise ReadError(path, "the file holds no text")
    roles = _footnote_lines(lines)
    markers = {m for m, _ in roles.values() if m}
    return _blocks(lines, roles, markers), None


def _footnote_lines(lines: list[str]) -> dict[int, tuple[str | None, str]]:
    """Index of each footnote line -> (marker or None for a continuation, text). A footnote
    line starts with a superscript marker, or with a plain marker in the zone after a
    separator rule; an asterisk footnote sits in the masthead."""
    found: dict[int, tuple[str | None, str]] = {}
    zone = False
    last = None
    for i, line in enumerate(lines):
        if _SEPARATOR.match(line):
            zone, last = True, None
            continue
        if not line:
            if zone and last is not None:
                nxt = next((x for x in lines[i + 1:] if x), "")
                if not (_FOOTNOTE_PLAIN.match(nxt) or _FOOTNOTE_SUP.match(nxt)):
                    zone = False
            continue
        m = _FOOTNOTE_SUP.match(line)
        if m and (m.group(1) != "*" or i < 80 or zone):
            found[i] = (m.group(1).translate(SUPERSCRIPTS), m.group(2))
            last = i
            continue
        m = _FOOTNOTE_PLAIN.match(line) if zone else None
        if m and not is_furniture(line):
            found[i] = (m.group(1), m.group(2))
            last = i
        elif zone and last is not None and not is_furniture(line):
            found[i] = (None, line)
        elif zone:
            zone = False
    return found


def _inline_refs(line: str, markers: set[str]) -> str:
    """Footnote markers in body text become sentinels: superscript digits always; a plain
    number glued to the end of a sentence (``妇女。4 2019 年``) only when such a footnote
    exists; an asterisk glued to a word (``Secretary-General*``)."""
    line = re.sub(f"[{_SUP}]+", lambda m: ref(m.group(0).translate(SUPERSCRIPTS)), line)
    line = re.sub(r"(?<=[^\d\s])(?<=[。；，.;,”\"’)）])(\d{1,3})(?=\s|$)",
                  lambda m: ref(m.group(1)) if m.group(1) in markers else m.group(0), line)
    return re.sub(r"(?<=[^\s*])\*(?=\s|$)", ref("*"), line)


def _blocks(lines: list[str], roles, markers: set[str]) -> list[Block]:
    blocks: list[Block] = []
    current: list[str] = []
    chunk_lines = 0

    def flush(heading=None):
        nonlocal current
        if current:
            blocks.append(Block(join_lines(current), heading=heading))
            current = []

    for i, line in enumerate(lines):
        if i in roles:
            flush()
            marker, text = roles[i]
            if marker is None and blocks and blocks[-1].role == "footnote":
                blocks[-1].text = join_lines([blocks[-1].text, text])
            else:
                blocks.append(Block(_inline_refs(text, set()), role="footnote", marker=marker))
            continue
        if not line or _SEPARATOR.match(line):
            alone = chunk_lines == 1 and len(current) == 1 and _heading_like(current[0])
            flush(heading=True if alone else None)
            chunk_lines = 0
            continue
        if is_furniture(line):
            flush()
            blocks.append(Block(line, role="furniture"))
            continue
        if re.fullmatch(f"[{_SUP}]+|\\d{{1,3}}", line):
            marker = line.translate(SUPERSCRIPTS)
            if marker in markers and (current or blocks):
                if current:
                    current[-1] += ref(marker)
                else:
                    _last_body(blocks).text += ref(marker)
            else:
                blocks.append(Block(line, role="furniture"))
            continue
        line = _inline_refs(line, markers)
        if current and (_UNIT.match(line) or current[-1].rstrip(" \ue001*0123456789").endswith(_TERMINAL)
                        and _starts_sentence(line)):
            flush()
        current.append(line)
        chunk_lines += 1
    flush()
    return blocks


def _last_body(blocks: list[Block]) -> Block:
    return next(b for b in reversed(blocks) if b.role == "body")


def _starts_sentence(line: str) -> bool:
    first = line[0]
    return not first.islower() and first not in ",;:)，；：、）"


def _heading_like(line: str) -> bool:
    return 0 < len(line) <= 120 and not line.endswith(_TERMINAL) and not line[0].isdigit()
