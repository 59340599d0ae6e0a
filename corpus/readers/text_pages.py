"""Text dumps that keep their page breaks (``pdftotext`` ends every page with a form feed).

A page is then known, and with it the two things a dump scrambles: the footnotes (all of a
page's notes sit after its last rule of underscores, and every marker cited on the page has
its note there) and the page furniture (running header, job number, page counter) that cuts
a paragraph running on to the next page. So each page is split into body and note zone; the
notes are read with the page's markers (``pdftotext`` without ``-layout`` may print a marker
away from its note, or all markers first); the body is freed of furniture and joined to the
next page's; and a marker is looked for in the body only among the notes of its own page, so
that "paragraphs 3, 4 and 5" on a page without note 4 stays text.
"""
from __future__ import annotations

import re

from corpus.blocks import HAN, is_han, join_lines, ref
from corpus.furniture import SYMBOL_LINE, is_furniture
from corpus.readers.text_folios import folio_offset, without_folio
from corpus.readers.text_headers import running_titles, without_titles
from corpus.readers.text_tables import split_tables
from corpus.readers.text_wrap import with_breaks

SEPARATOR = re.compile(r"^\s*[_\u2014\u2015]{8,}\s*$")
_SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# a note's marker opening its line: "¹", "1", "*", or "2/" (as 1990s documents print them)
_MARK = re.compile(f"^([{_SUP}]+|\\d{{1,3}}|\\*{{1,3}})/?(?:\\s+(\\S.*))?$")
_TERMINAL = tuple(".!?;:”\"’)。！？；：）")
_BODY_WIDTH = 60  # a body line is at least this long; masthead lines are shorter


def paged(text: str):
    """(lines, footnote roles by line index, tables' rows by line index) for a dump with
    page breaks, or None when the text has none. Body lines come first, pages joined, a
    table as an empty line; then the page furniture; then one line per footnote (a marker
    of None continues the note before it)."""
    pages = text.split("\f")
    if len([p for p in pages if p.strip()]) < 2:
        return None
    body: list[str] = []
    furniture: list[str] = []
    notes: list[tuple[str | None, str]] = []
    tables: dict[int, list[list[str]]] = {}
    last_marker, last_line = "0", ""
    offset = folio_offset(pages)
    titles = running_titles([page.splitlines() for page in pages])
    for number, page in enumerate(pages):
        raw = without_folio(page.splitlines(), number + 1 + offset)
        raw = without_titles(raw, titles) if number else raw
        lines, zone = _split_zone([line.strip() for line in raw], last_marker)
        page_notes = _read_notes(zone, last_marker) if zone else []
        raw, dropped = _without_furniture(raw[:len(lines)], first=number == 0)
        furniture += dropped
        broken, page_tables = split_tables(with_breaks([last_line] + raw)[1:], first=number == 0)
        tables.update({len(body) + i: rows for i, rows in page_tables.items()})
        lines = [line.strip() for line in broken]
        if page_notes:
            _place_refs(lines, [m for m, _ in page_notes if m])
            last_marker = str(max([int(m) for m, _ in page_notes if m and m.isdecimal()],
                                  default=int(last_marker)))
        notes += [(m, join_lines(text)) for m, text in page_notes if text]
        body += lines
        last_line = next((line for line in reversed(raw) if line.strip()), last_line)
    lines = body + [""] + furniture + [""]
    roles = {len(lines) + i: note for i, note in enumerate(notes)}
    return lines + [text for _, text in notes], roles, tables


def _split_zone(lines: list[str], last: str) -> tuple[list[str], list[str]]:
    """The page's body lines and the lines after its last rule, when they hold notes (a
    rule closing a resolution or framing a table has no marker under it). Without a rule
    (Geneva pages draw it; a masthead's asterisk note has none), the notes are the lines at
    the page's foot from a line opening with the next marker on."""
    rules = [i for i, line in enumerate(lines) if SEPARATOR.match(line)]
    if not rules:
        start = _ruleless_start(lines, last)
        if start is None:
            return lines, []
        return lines[:start], _zone(lines[start:])
    zone = _zone(lines[rules[-1] + 1:])
    if not zone or not any(_MARK.match(line) for line in zone):
        return lines, []
    return lines[:rules[-1]], zone


def _zone(lines: list[str]) -> list[str]:
    """The lines of a note zone without the page's footer (and its job number's year set
    apart, "23", no marker); a symbol there is a note's text ("DP/OPS/2024/10"), never the
    running header."""
    years = set(_split_years(lines).values())
    return [line for k, line in enumerate(lines) if line and k not in years
            and not (_furniture(line) and not SYMBOL_LINE.match(line))]


# a table's row in a -layout dump (notes run in one column); a contents line's dot leaders
_COLUMNS = re.compile(r"\S\s{3,}\S|(?:\. ?){4}")
_PARAGRAPH = re.compile(r"^(?:\d{1,3}\.|\([a-z]{1,3}\)|[IVX]+\.)\s")


def _ruleless_start(lines: list[str], last: str) -> int | None:
    """Where a page's notes begin when no rule is printed: the first line that opens with
    the next marker (or an asterisk), alone or after a blank line, with no numbered
    paragraph, table row or contents line after it."""
    for i, line in enumerate(lines):
        m = _MARK.match(line)
        text = m and (m.group(2) or next((x for x in lines[i + 1:] if x and not
                                          _MARK.fullmatch(x)), ""))  # after a run of markers
        if not text or not _plausible(m.group(1), last, m.group(2)) or \
                m.group(1).isdecimal() and int(m.group(1)) != int(last) + 1 and "/" not in line[:4] or \
                i and lines[i - 1] and not _furniture(lines[i - 1]) and m.group(1) != "*" \
                and m.group(2) and not _under_text(lines, i, m):  # a marker alone on its line
            continue  # needs no blank line above
        if not any(_PARAGRAPH.match(rest) or _COLUMNS.search(_MARK.sub(r"\2", rest))
                   for rest in _zone(lines[i:])) and (m.group(2) or _cited(m.group(1), lines[:i])):
            return i
    return None


def _under_text(lines: list[str], i: int, m: re.Match) -> bool:
    """A note set right under the text (a plain dump prints no rule and no blank line
    there), its marker the next one: the page's text cites it glued to a word or after
    punctuation ("Ukraine.4", "territory. 6", "propaganda 47".", "取得了成果2，"), or set
    apart between words ("soldiers 97 in") when the next note, so cited, opens a line below.
    A Chinese note opens with a Han character under a line closing a sentence."""
    if not m.group(2):
        return False
    marker = m.group(1)
    if is_han(m.group(2)[0]):
        return lines[i - 1].endswith(("。", "；", "：", "”")) and \
            any(re.search(f"[{HAN}]{marker}(?![\\d年月日])", line) for line in lines[:i])
    if not marker.isdecimal() or \
            m.group(2)[0].islower() and not m.group(2).startswith(("http", "www")):
        return False  # "over" / "1 million refugees": the text going on
    body = lines[:i]
    if _cited_close(marker, body):
        return True
    after = str(int(marker) + 1)
    return any(re.search(rf"[a-z] {marker} [a-z]", line) for line in body) and \
        _cited_close(after, body) and any(line.startswith(after + " ") for line in lines[i + 1:])


def _cited_close(marker: str, body: list[str]) -> bool:
    """Whether ``body`` cites a note's ``marker`` as no number is printed: glued to a word,
    a year or punctuation (not a decimal point: "6.1 million"), or set apart after a word
    before punctuation."""
    glued = rf"(?:[a-z]|{_YEAR}\.?|(?:(?<!\d)[.,]|[;:”\")]) ?){marker}" \
        r"(?![\d/:-]|[.,]\d{3}|\.\d)"
    spaced = rf"[a-z] {marker}(?=[”\".,;)])"
    return any(re.search(glued, line) or re.search(spaced, line) for line in body)


def _cited(marker: str, body: list[str]) -> bool:
    """Whether the page's text above cites ``marker``: a number alone on its line may be a
    numbered table's "1", not a note's marker."""
    pattern = re.escape(marker) if marker == "*" else \
        rf"(?<![\d/:-])(?:(?<!\d\.)|(?<={_YEAR}\.)){marker}(?![\d/:-])"
    return any(re.search(pattern, line) for line in body)


def _read_notes(zone: list[str], last: str) -> list[tuple[str | None, list[str]]]:
    """The notes of one page, in order. A marker directly before text (or leading it) opens
    a note; markers printed in a run share the text after them; markers printed after the
    last text go where they belong (``_place_strays``). Text before any marker with no
    stray marker for it continues the previous page's note (None)."""
    runs: list[tuple[list[str], list[str]]] = []  # (markers, text lines)
    for line in zone:
        m = _MARK.match(line)
        if m and _plausible(m.group(1), last, m.group(2)):
            marker = m.group(1).translate(str.maketrans(_SUP, "0123456789"))
            last = marker if marker.isdecimal() and int(marker) > int(last) else last
            if not runs or runs[-1][1]:
                runs.append(([], []))
            runs[-1][0].append(marker)
            if m.group(2):
                runs[-1][1].append(m.group(2))
        elif runs:
            runs[-1][1].append(line)
        else:
            runs.append(([], [line]))
    if len(runs) > 1 and runs[-1][0] and not runs[-1][1]:
        _place_strays(runs, runs.pop()[0])
    notes: list[tuple[str | None, list[str]]] = []
    for markers, text in runs:
        if not markers:
            notes.append((None, text))
            continue
        groups = _split(text, len(markers))
        notes += [(m, g) for m, g in zip(markers, groups)]
    return notes


def _place_strays(runs: list[tuple[list[str], list[str]]], strays: list[str]) -> None:
    """Markers printed after all the notes' text go to the notes they number: after the
    marker just below them ("1", texts of 1 and 2, "3" ... then a stray "2"), or to the text
    before the first marker."""
    for stray in strays:
        below = [r for r in runs if r[0] and r[0][-1].isdecimal() and stray.isdecimal()
                 and int(r[0][-1]) < int(stray)]
        if below:
            below[-1][0].append(stray)
        elif not runs[0][0]:
            runs[0][0].append(stray)


def _plausible(marker: str, last: str, rest: str | None) -> bool:
    """A number opening a note line is a marker when it comes next, or soon after, in the
    numbering; otherwise it is text ("3 May 2024 ...", "17 of the Goals")."""
    if not marker.isdecimal() or rest is None:
        return True  # a number alone on a note line is a marker, even out of its place
    n, prev = int(marker), int(last) if last.isdecimal() else 0
    if re.match(r"\d{3}(?!\d)", rest):  # "1 600多万", "40 000": a number's thousands group
        return False
    return prev < n <= prev + 4


def _split(lines: list[str], count: int) -> list[list[str]]:
    """``lines`` as ``count`` notes: break after the lines that most look like a note's
    last line (a full stop, then a short line), keeping the order."""
    if count <= 1 or len(lines) <= count:
        groups = [[line] for line in lines[:count - 1]] + [lines[count - 1:]] if count > 1 \
            else [lines]
        return groups + [[] for _ in range(count - len(groups))]
    width = max(len(line) for line in lines)

    def score(i: int) -> tuple[int, int]:
        line = lines[i]
        return (line.endswith(_TERMINAL) + (len(line) < 0.85 * width), -len(line))

    ends = sorted(sorted(range(len(lines) - 1), key=score, reverse=True)[:count - 1])
    groups, start = [], 0
    for end in ends:
        groups.append(lines[start:end + 1])
        start = end + 1
    return groups + [lines[start:]]


def _without_furniture(lines: list[str], first: bool) -> tuple[list[str], list[str]]:
    """The page's lines without its running header, footer and job-number lines (those of
    the first page's masthead, above its first body line, stay for the masthead reader)."""
    keep, dropped = [], []
    body_started = not first
    years = _split_years(lines)
    for i, line in enumerate(lines):
        body_started = body_started or len(line.strip()) >= _BODY_WIDTH
        if i in years.values() and body_started:
            continue
        if _furniture(line.strip()) and body_started:
            year = lines[years[i]].strip() if i in years else ""
            dropped.append(_whole_job(re.sub(r"\s+", " ", line.strip()), year))
        else:
            keep.append(line)
    while keep and not keep[-1].strip():
        keep.pop()
    while keep and not keep[0].strip() and not first:
        keep.pop(0)
    return keep, dropped


def _split_years(lines: list[str]) -> dict[int, int]:
    """Footer line -> the line of its job number's year, which is set small and which
    ``-layout`` prints on a line of its own ("-08532 3/15" over "23", as Chinese editions
    set it): two digits alone next to such a footer (blank lines aside)."""
    texts = [line.strip() for line in lines]
    found = {}
    for i, text in enumerate(texts):
        if _SPLIT_JOB.match(text) and not re.match(r"\d{2}\s", text):
            for step in (-1, 1):
                k = i + step
                while 0 <= k < len(texts) and not texts[k]:
                    k += step
                if 0 <= k < len(texts) and re.fullmatch(r"\d{2}", texts[k]):
                    found[i] = k
                    break
    return found


def _whole_job(text: str, year: str) -> str:
    """A footer with its job number whole again ("23 -08532 11/15", "-08532 3/15" and its
    year "23": "23-08532 3/15"), so that it reads as furniture wherever it goes."""
    text = re.sub(r"^(\d{2}) -(?=\d{5})", r"\1-", text)
    return re.sub(r"(?:^|(?<= ))-(?=\d{5})", f"{year}-", text) if year else text


# a job number without its year, which is set small ("-08532 3/15", "2/15 -08532"), or
# with it apart ("23   -08532 11/15")
_SPLIT_JOB = re.compile(r"^(?:\d{2}\s+)?-\d{5}(?:\s*\(\s*[A-Z]\s*\).*|\s+\d{1,4}\s*/\s*\d{1,4})$|"
                        r"^\d{1,4}\s*/\s*\d{1,4}\s+-\d{5}$")
# the Geneva footer "2 GE.25-10053"; the 1990s running header "English" / "Page 2"; a
# first page's two date stamps on a line of their own ("110523 120523")
_PAGE_JOB = re.compile(r"^(?:\d{1,4}\s+(?:GE\.)?\d{2}-\d{5}|(?:GE\.)?\d{2}-\d{5}\s+\d{1,4}|"
                       r"English|Page \d{1,3}|\d{6}\s+\d{6})$")


_YEAR = r"(?<!\d)(?:19|20)\d\d"
_PART = re.compile(r"(?<=\S) \((?:Part [IVX]+|Vol\. [IVX]+)\)$")


def _furniture(line: str) -> bool:
    """Page furniture (with the forms ``corpus.furniture`` does not know); a symbol closing a sentence
    ("A/74/821.", a note's whole text or a paragraph's last line) is text, unlike the running
    header."""
    if _PAGE_JOB.match(line) or _SPLIT_JOB.match(line):
        return True
    line = re.sub(r"\s+", " ", line)  # -layout sets a footer's parts in columns
    line = _PART.sub("", line)  # the running header "A/80/15 (Part I)"
    return is_furniture(line) and not (SYMBOL_LINE.match(line.rstrip(".,;")) and
                                       line.endswith((".", ",", ";")))


# words that take a number ("Goal 5", "resolution 70"): a number after them is no marker
_TAKES_NUMBER = re.compile(r"(?:Goals?|[Rr]esolutions?|[Pp]aragraphs?|[Aa]rticles?|[Cc]hapters?|"
                           r"[Dd]ecisions?|[Tt]argets?|[Ss]ections?|[Rr]ules?|[Aa]nnex|[Ii]tems?|"
                           r"[Pp]ages?|[Tt]ables?|[Ff]igures?|[Bb]ox|[Pp]rinciples?|[Pp]hase|"
                           r"[Ll]evel|[Gg]roup|Protocol|No|vol|para|[Ss]tep|[Pp]illar|[Ss]ession)$")


# Chinese words a number follows: "第3", "目标3", "第12段", "表2"
_ZH_TAKES_NUMBER = re.compile(r"(?:第|目标|段|条|章|款|项目|附件|表|图|决议|号|和|至|或)$")


def _place_refs(lines: list[str], markers: list[str]) -> None:
    """Turn the page's note markers in its body into references, in their order: a marker
    glued to a word or set after punctuation ("Goals.3", "Goals. 3 The", "Compact, 5contributing",
    "Plan of Action 12 as"), or alone on a line (joined to the line before)."""
    row, col = 0, 0
    for marker in markers:
        if marker.startswith("*"):
            continue
        pattern = re.compile(rf"(?<=\S)( ?)({re.escape(marker)})(?=\s|$|[A-Za-z“(，。；：）”])")
        for i in range(row, len(lines)):
            line = lines[i]
            if line == marker and i > 0:
                j = i - 1
                while j > 0 and not lines[j]:
                    j -= 1
                lines[j] += ref(marker)
                lines[i] = ""
                row, col = j, len(lines[j])
                break
            m = next((m for m in pattern.finditer(line, col if i == row else 0)
                      if _is_marker(line, m)), None)
            if m:
                lines[i] = line[:m.start()] + ref(marker) + line[m.end():]
                row, col = i, m.start() + len(ref(marker))
                break


def _is_marker(line: str, m: re.Match) -> bool:
    """Whether the number ``m`` found is a note marker, not part of the text: after
    punctuation (a decimal or thousands point only with a space: "5.5" is a number), glued
    to a word or a year, or after a capitalised word that takes no number when lower-case text
    follows ("Plan of Action 12 as", not "Goal 5 and")."""
    before, spaced = line[:m.start()], bool(m.group(1))
    last = before[-1]
    after = line[m.end():]
    if last in ".,;:”’\")]":  # "5.5" is a number, "in 2023.2 UNFPA" a year and a marker
        if not spaced and "/" in before.split()[-1]:
            return False  # a symbol: "E/2025/L.1", "TPNW/MSP/2025/11/Rev.1"
        return spaced or not before[-2:-1].isdecimal() or bool(re.search(f"{_YEAR}.$", before))
    if last.isdecimal():  # glued to a year: "in March 20245 ahead" (2024, note 5)
        return not spaced and bool(re.search(r"(?<![\d/.,])(?:19|20)\d\d$", before))
    if not last.isalpha():
        return False
    if is_han(last):  # "2020年1，", "成果2，": glued, and not a number a word takes ("目标3，")
        return not spaced and not _ZH_TAKES_NUMBER.search(before)
    if not spaced:
        return not re.search(r"[A-Z]{2,}$|\d[A-Za-z]*$", before)  # "COVID19", "A4"
    word = before.split()[-1]
    return word[0].isupper() and not _TAKES_NUMBER.match(word) and bool(re.match(r" [a-z]", after))
