"""Plain text: dumps of PDFs (lines broken mid-sentence, footnotes after a rule of underscores,
markers as superscripts or alone on a line, page furniture) and clean paragraph-per-line text,
in UTF-8, UTF-16 or GB18030/GBK, told apart without being told. A dump that keeps its page
breaks (``pdftotext`` prints a form feed) is read page by page (``text_pages``); one without
them is read here, its notes found by their rule and markers."""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from corpus.blocks import HAN, LABEL, LABEL_ONLY, REF_RE, Block, clean, join_lines, ref
from corpus.errors import ReadError
from corpus.furniture import is_furniture
from corpus.masthead import is_masthead_line
from corpus.readers.text_hyphens import rehyphenate
from corpus.readers.text_pages import paged

SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SEPARATOR = re.compile(r"^\s*[_\u2014\u2015-]{8,}\s*$")
_FOOTNOTE_SUP = re.compile(f"^([{_SUP}]+|\\*)\\s*(\\S.*)$")
_MARKER_ALONE = re.compile(f"^([{_SUP}]+|\\d{{1,3}}|\\*{{1,3}})$")
_FOOTNOTE_PLAIN = re.compile(r"^(\d{1,3}|\*{1,3})\s+(\S.*)$")
SECTION_WORD = re.compile(r"^(?:Summary|摘要|概要|Contents|目录|目 录)$")
# A line that is a heading by itself, its title on the lines after it ("Annex I" / "Restriction
# of the freedom of movement ..."): never the opening of the title's paragraph.
ALONE_HEADING = re.compile(r"^(?:(?:Annex(?:es)?|Appendix|Enclosure|Attachment)(?:\s+[IVXL\d]+)?|"
                           r"Chapter\s+[IVXL]+|Draft (?:resolution|decision)(?:\s+[IVXL]+|\s+\d+/\d+)?|"
                           r"附件[一二三四五六七八九十]*)$")
# A line that opens a block of its own after a resolution or letter: "103rd plenary meeting",
# "(Signed) Riyad Mansour"
_PLENARY = re.compile(r"^\d+(?:st|nd|rd|th) plenary meeting$")
OWN_BLOCK = re.compile(rf"{_PLENARY.pattern}|^\(Signed\)\s")
STARTS_BODY = re.compile(r"^(?:Summary|摘要|概要|Contents|目录|1\.\s|(?:I|一)\s*[.、．]\s*\S)")
_NUMBERED = re.compile(r"^\d{1,3}\.\s")
_TERMINAL = tuple("。！？；：.!?;:”\"’)）")


def decode(path: Path, data: bytes) -> str:
    """Text from bytes: a BOM decides; else strict UTF-8, UTF-16 (by its NUL pattern), then
    GB18030 (a superset of GBK and GB2312). A few bad bytes (a damaged copy) are replaced
    with U+FFFD and noted; only text that is mostly undecodable is refused."""
    from corpus.notes import note

    def lenient(codec: str) -> tuple[str, int] | None:
        """The text with bad bytes replaced and their count, when they are few."""
        text = data.decode(codec, errors="replace")
        bad = text.count("\ufffd") - data.count("\ufffd".encode(codec.replace("-sig", "")))
        return (text, bad) if bad <= max(8, len(data) // 200) else None

    def replaced(found: tuple[str, int], codec: str) -> str:
        text, bad = found
        note(f"{bad} undecodable byte sequence(s) replaced with U+FFFD (the file is not valid "
             f"{codec.removesuffix('-sig').upper()} throughout)")
        return text

    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                found = lenient(codec)
                if found is None:
                    raise ReadError(path, f"invalid {codec} text despite its byte-order mark") from None
                return replaced(found, codec)
    best, best_score = None, 0.0
    for codec in ("utf-8", "utf-16-le", "utf-16-be", "gb18030"):
        if codec.startswith("utf-16") and len(data) % 2:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _commonness(text)
        if codec == "utf-8" and score >= 0.9:
            return text
        if score > best_score:
            best, best_score = text, score
    if best is not None and best_score >= 0.9:
        return best
    for codec in ("utf-8", "gb18030", "utf-16-le", "utf-16-be"):
        found = lenient(codec)
        if found and _commonness(found[0].replace("\ufffd", "")) >= 0.9:
            return replaced(found, codec)
    raise ReadError(path, "cannot decode the text: it is not UTF-8, UTF-16 or GB18030/GBK")


def _commonness(text: str) -> float:
    """Share of characters that real UN text is made of (ASCII, common Han, CJK and
    full-width punctuation, Latin-1 letters, general punctuation); random bytes decoded
    under a permissive codec score far lower."""
    sample = text[:20000]
    if not sample:
        return 1.0
    common = sum(1 for c in sample if c in "\t\r\n\f" or " " <= c <= "~" or
                 "\u00a0" <= c <= "\u024f" or "\u2000" <= c <= "\u206f" or
                 "\u3000" <= c <= "\u303f" or "\u4e00" <= c <= "\u9fff" or
                 "\uff00" <= c <= "\uffef")
    return common / len(sample)


def read_text(path: Path, data: bytes):
    """The blocks of a plain-text file (no page count): page breaks, where present, tell notes
    and furniture from the body."""
    text = rehyphenate(decode(path, data))
    if not text.strip():
        raise ReadError(path, "the file holds no text")
    found = paged(text)
    if found:  # the page breaks tell notes and furniture from the body: markers are placed
        lines, roles, tables = found
        return _blocks(lines, roles, set(), wrapped=True, tables=tables), None
    lines = _single_spaced([line.strip() for line in text.splitlines()])
    roles = _footnote_lines(lines)
    markers = {m for m, _ in roles.values() if m}
    return _blocks(lines, roles, markers), None


def _single_spaced(lines: list[str]) -> list[str]:
    """A dump that puts a blank line after every line (as some PDF-to-text tools do) says
    nothing by one blank line: drop those, and keep a longer run of blanks as one. Such a
    dump is told from paragraph-per-line text by its lines: most are wrapped at one width."""
    pairs = sum(1 for a, b in zip(lines, lines[1:]) if a and b)
    spaced = sorted(len(a) for a, b, c in zip(lines, lines[1:], lines[2:]) if a and not b and c)
    if len(spaced) < 20 or len(spaced) < 3 * pairs:
        return lines
    width = spaced[int(0.9 * (len(spaced) - 1))]
    if sum(1 for n in spaced if n >= 0.8 * width) < 0.6 * len(spaced):
        return lines
    out: list[str] = []
    blanks = 0
    for line in lines + [""]:
        if not line:
            blanks += 1
            continue
        if blanks >= 2 and out:
            out.append("")
        blanks = 0
        out.append(line)
    return out


def _footnote_lines(lines: list[str]) -> dict[int, tuple[str | None, str]]:
    """Index of each footnote line -> (marker or None for a continuation, text). A footnote
    line starts with a superscript marker, or with a plain marker in the zone after a
    separator rule; an asterisk footnote sits in the masthead. A marker alone on a line
    (as text dumps print superscripts) is a reference in the text and opens its footnote
    under the rule (the asterisk's note, which has no rule, the second time it is seen); a
    zone ends once every footnote referred to so far has its text and the last one has
    ended its sentence."""
    found: dict[int, tuple[str | None, str]] = {}
    zone = False
    last = None
    seen: set[str] = set()  # markers referred to in the body
    done: set[str] = set()  # markers whose footnote has been read

    tail = ""  # the last line of footnote text read

    def closed() -> bool:
        return seen <= done and tail.rstrip().endswith(_TERMINAL)

    for i, line in enumerate(lines):
        if _SEPARATOR.match(line):
            zone, last = True, None
            continue
        alone = _MARKER_ALONE.match(line)
        if alone:
            marker = alone.group(1).translate(SUPERSCRIPTS)
            # under a rule a note opens; the masthead's asterisk note has no rule above it
            if marker not in done and (zone or marker == "*" and marker in seen):
                found[i] = (marker, "")
                done.add(marker)
                zone, last, tail = True, i, ""
            else:
                seen.add(marker)
            continue
        if not line:
            if zone and last is not None and tail:  # (a marker alone waits for its text)
                nxt = next((x for x in lines[i + 1:] if x and not is_furniture(x)), "")
                if not (_FOOTNOTE_PLAIN.match(nxt) or _FOOTNOTE_SUP.match(nxt) or
                        _MARKER_ALONE.match(nxt)):
                    zone = False
            continue
        if is_furniture(line):
            continue
        if zone and last is not None and found[last][0] is not None and closed():
            zone, last = False, None
        m = _FOOTNOTE_SUP.match(line)
        if m and (m.group(1) != "*" or i < 80 or zone):
            found[i] = (m.group(1).translate(SUPERSCRIPTS), m.group(2))
            done.add(found[i][0])
            last, tail = i, m.group(2)
            continue
        m = _FOOTNOTE_PLAIN.match(line) if zone else None
        if m and not is_furniture(line):
            found[i] = (m.group(1), m.group(2))
            done.add(m.group(1))
            last, tail = i, m.group(2)
        elif zone and last is not None and not is_furniture(line):
            found[i] = (None, line)
            tail = line
        elif zone:
            zone = False
    return found


def _inline_refs(line: str, markers: set[str]) -> str:
    """Footnote markers in body text become sentinels: superscript digits always; a plain
    number glued to the end of a sentence (``妇女。4 2019 年``) only when such a footnote
    exists; an asterisk glued to a word (``Secretary-General*``)."""
    line = re.sub(f"[{_SUP}]+", lambda m: ref(m.group(0).translate(SUPERSCRIPTS)), line)
    line = re.sub(rf"(?<=[。；，.;,”\"’)）])(?<!\d[.,])(\d{{1,3}})(?=\s|$|[{HAN}](?<![年月日个名项次]))",
                  lambda m: ref(m.group(1)) if m.group(1) in markers else m.group(0), line)
    # pdftotext sets a superscript apart: "is rising. 2 The region"
    line = re.sub(r"(?<=[.;,”\"’)])\s(\d{1,3})(?=\s+[A-Z“\"(]|$)",
                  lambda m: ref(m.group(1)) if m.group(1) in markers else m.group(0), line)
    return re.sub(r"(?<=[^\s*])\*(?=\s|$)", ref("*"), line)


def _blocks(lines: list[str], roles, markers: set[str], wrapped: bool = False,
            tables: dict[int, list[list[str]]] | None = None) -> list[Block]:
    """Group lines into blocks. In the masthead each known item (symbol, organ, date,
    session, agenda item...) is a block of its own and layout columns are split; elsewhere
    lines of one chunk are joined until a line starts a new unit or (unless the lines are
    ``wrapped`` and blank lines already mark where paragraphs start) the previous line
    closed a sentence and the next opens one (paragraph-per-line text)."""
    blocks: list[Block] = []
    current: list[str] = []
    label = ""  # a paragraph number or label alone on its line ("1.") waits for its text
    apart = ""  # the label the current chunk opened with, printed on a line of its own
    chunk_lines = 0
    front = True

    title_next = False  # after "Annex I" alone, the lines up to the first paragraph: its title

    def flush(heading=None):
        nonlocal current, title_next, apart
        apart = ""
        if current:
            if title_next and heading is None and not LABEL.match(current[0]) and \
                    _heading_like(join_lines(current)[:120]) and len(current) <= 3:
                heading = True
            title_next = False
            if heading is None and _PLENARY.match(current[0]):
                heading = True  # set apart under a resolution, as the PDF reader sees it
            if heading is None and len(current) == 1 and not front and _heading_like(current[0]) \
                    and not LABEL.match(current[0]) and (not blocks or blocks[-1].text.rstrip(
                        " \ue001*0123456789").endswith(_TERMINAL)):
                heading = True  # a short line alone between paragraphs: a sub-heading
            blocks.append(Block(join_lines(current), heading=heading))
            current = []

    for i, line in enumerate(lines):
        if tables and i in tables:
            flush()
            blocks.append(Block("", role="table", rows=tables[i]))
            continue
        if i in roles:
            flush()
            marker, text = roles[i]
            text = clean(text)
            note = next((b for b in reversed(blocks) if b.role != "furniture"), None)
            if marker is None and note is not None and note.role == "footnote":
                note.text = join_lines([note.text, text])  # (past a page's footer lines)
            else:
                blocks.append(Block(_inline_refs(text, set()), role="footnote", marker=marker))
            continue
        line = clean(line) if not front else line
        if not line or _SEPARATOR.match(line):
            alone = chunk_lines == 1 and len(current) == 1 and _heading_like(current[0])
            over = next((x for x in lines[i + 1:i + 4] if x.strip()), "")
            flush(heading=True if alone or wrapped and (_title(current, chunk_lines) or
                                                        _numbered_title(current, apart, over))
                  else None)
            chunk_lines = 0
            continue
        if is_furniture(line):
            flush()
            blocks.append(Block(line, role="furniture"))
            continue
        if _MARKER_ALONE.match(line):
            marker = line.translate(SUPERSCRIPTS)
            if marker in markers and (current or blocks):
                if current:
                    current[-1] += ref(marker)
                else:
                    _last_body(blocks).text += ref(marker)
            else:
                blocks.append(Block(line, role="furniture"))
            continue
        if LABEL_ONLY.match(line):
            flush()
            label = line + " "
            continue
        if label and not current:
            apart = label
        line, label = label + _inline_refs(line, markers), ""
        if front and STARTS_BODY.match(line):
            front = False
        cells = re.split(r"\s{3,}|\t", line) if front else [line]
        for cell in map(clean, cells):
            if SECTION_WORD.match(cell) or not front and ALONE_HEADING.match(cell):
                flush()
                blocks.append(Block(cell, heading=True))
                title_next = bool(ALONE_HEADING.match(cell))
                continue
            if is_furniture(cell):
                flush()
                blocks.append(Block(cell, role="furniture"))
                continue
            if front and is_masthead_line(cell):
                flush()
                blocks.append(Block(cell))
                continue
            if current and (front and is_masthead_line(current[-1]) or LABEL.match(cell) or
                            OWN_BLOCK.match(cell) or
                            not wrapped and _starts_sentence(cell) and
                            current[-1].rstrip(" \ue001*0123456789").endswith(_TERMINAL)):
                flush(heading=True if wrapped and _NUMBERED.match(cell) and
                      (_title(current, chunk_lines, 1) or _numbered_title(current, apart, cell))
                      else None)  # a heading over paragraph "14."
                chunk_lines = 0
            current.append(cell)
            chunk_lines += 1
    flush()
    return blocks


def _last_body(blocks: list[Block]) -> Block:
    return next(b for b in reversed(blocks) if b.role == "body")


_ZH_YEAR = re.compile(r"^\d{4}\s*年(?!\s*\d)")  # "2023年按...", not "2023年5月" (a date)


def _starts_sentence(line: str) -> bool:
    first = line[0]
    return not first.islower() and first not in ",;:)，；：、）"


def _title(lines: list[str], chunk_lines: int, least: int = 2) -> bool:
    """A chunk of up to three wrapped lines that closes no sentence: a title or heading set
    over several lines (between blank lines), or over a numbered paragraph ("(b) Extensions
    of ongoing country programmes" / "56. The Executive Board ...")."""
    return least <= len(lines) <= 3 and chunk_lines == len(lines) \
        and (least == 1 or not LABEL.match(lines[0])) and len(text := join_lines(lines)) <= 250 \
        and _heading_like(text[:120]) and not text.endswith((",", ":"))


def _numbered_title(lines: list[str], label: str, over: str) -> bool:
    """A numbered heading whose number a plain dump printed on a line of its own ("5." /
    "Other matters arising from the treaties"), over a numbered paragraph ("52. The ...")."""
    text = join_lines(lines)[len(label):]
    return bool(label) and len(lines) <= 2 and bool(_NUMBERED.match(over.strip())) and \
        _heading_like(text[:120]) and not text.endswith((",", ":"))


def _heading_like(line: str) -> bool:
    """Short, not a closed sentence, not a number; a closing parenthesis ends headings too
    ("Progress on recommendation (b)", "Report of the Board (2024)"). A Chinese title may
    open with a year ("2023年按进展情况列示的...")."""
    line = REF_RE.sub("", line).rstrip()  # "……（见附件）。*": a note's marker closes nothing
    closed = line.endswith(_TERMINAL) and not (line.endswith(")") and line[-2:-1] not in ".;:!?")
    return 0 < len(line) <= 120 and not closed and (not line[0].isdigit() or bool(_ZH_YEAR.match(line)))
