"""Blocks -> Document: the one structuring pipeline for every format and both languages.

UN reports share one skeleton: a masthead, perhaps a summary and a table of contents, then
headings (``I.``/``一.``, ``A.``, unnumbered) and paragraphs numbered 1..N without a break,
with lettered sub-paragraphs. Readers only say what the page shows; this module decides what
it means, so that a report read from PDF, DOCX or text comes out the same.
"""
from __future__ import annotations

import re

from corpus.blocks import (HAN, PARA_LABEL, REF_CLOSE, REF_OPEN, REF_RE, Block, is_han, join_lines,
                           normalise_zh_spacing, ref)
from corpus import quality
from corpus.contents import LEADERS, contents
from corpus.language import check_readable
from corpus.joins import RUNS_ON, joined_headings
from corpus.masthead import AGENDA_ITEM, ISSUE, is_masthead_line, is_report_line, parse_masthead
from corpus.resolutions import ADDRESSED, CLAUSE_ZH, SIGN_OFF, join_sign_off
from corpus.resolutions import NUMBER as RES_NUMBER  # "78/323." apart from its title
from corpus.exhibits import TABLE_NO, TERMINAL, WORDY, Exhibits, chart_words
from corpus.subunits import SUB, finalise
from corpus.model import Box, Document, Footnote, Paragraph, Section

ROMAN = "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX".split()
ZH_NUM = "一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十".split()
_PARA = re.compile(rf"^{PARA_LABEL}(?!\d)\s*(?=\S)")  # "76.5 per cent" opens nothing
_BARE_PARA = re.compile(r"^(\d{1,3}) (?=[A-Z][a-z]+ )")
_H1 = re.compile(rf"^({'|'.join(reversed(ROMAN))})\s*[.．]\s+(\S.*)$|"
                 rf"^({'|'.join(reversed(ZH_NUM))})\s*[.、．]\s*(\S.*)$")
# "A. Title", and in Chinese submissions "（一）标题"
_H2 = re.compile(rf"^(?:([A-Z])\s*[.．](?:\s+|(?=[{HAN}]))|[（(]([一二三四五六七八九十]{{1,3}})[）)]\s*)(\S.*)$")
_SUMMARY = re.compile(r"^(?:Summary|摘要|概要)$")
_ANNEX = re.compile(r"^(?:Annex(?:es)?(?:\s+[IVXL]+)?|附件[一二三四五六七八九十]*)$")
_ANNEX_TO = re.compile(r"^(?:Annex|Enclosure|Appendix)\s+(?:[IVX]+\s+)?to\s+the\s+|^.{0,30}(?:的附件|附文)$")
# a note set as body text: "* Parliamentary documents for action" (a list's asterisks), or a
# raised letter and its text under a table whose rows end pages later or under a picture
_LEGEND = re.compile(rf"^(\*{{1,3}}) ?(?=[A-Z])|^{REF_OPEN}([a-z]){REF_CLOSE} ?(?=\S)")
_LOWER = re.compile(r"^(?![a-z]{1,3}[.)]\s)[a-z]")  # lower case, not a label ("a. Existing")
_SPOKE_IN = re.compile(r"^\((?:spoke in|interpretation from) [A-Z][a-z]+\)$|^（以.{1,6}发言）$")
_DECISION_NO = re.compile(r"^\d{2,4}/\d{1,3}$")  # "2025/1" over a decision's title
_SIGNED = re.compile(r"\((?:Signed|签名)\)|（签名）")  # "常驻代表（签名）某某" too
# "(Brazil);", "(Chile, Ecuador)." closing a UPR recommendation: who made it
_TEXT_MARK = re.compile(r"(?<=[^\s*\ue000])(\*{1,3})(?=\s|$)|(?<=\S) (\d{1,2}) ?/(?=\s|$)|"
                        r"(?<=[.;:)]) (\*{1,3})(?=\s|$)")  # "(see enclosure). *"
_BOX = re.compile(r"^(Box\s+[\dIVX]+(?:\.\d+)?|专栏\s*\d+|框\s*\d+)[.:：]?\s*")
# Titles of letters, notes and reports that may run long and end in a full stop.
_TITLE = re.compile(r"^(?:(?:Identical\s+)?[Ll]etters?\s+dated|Note\s+verbale|Note\s+by|"
                    r"Report\s+of|Annex\s+to|Adopted\s+by|Resolution\s+\d|Decision\s+\d)\b")
def structure(blocks: list[Block], *, source: str, fmt: str, sha256: str,
              pages: int | None, notes: list[str] = ()) -> Document:
    """The ``Document`` a reader's blocks make: masthead, headings, numbered paragraphs,
    notes, tables and boxes, the same for every format."""
    lang = check_readable(blocks, source)
    if lang == "zh":
        for b in blocks:
            b.text = normalise_zh_spacing(b.text)
    marks = {b.marker for b in blocks if b.role == "footnote" and b.marker}
    for b in blocks:  # marks the reader saw as text: "(see annex).*", "administration. 1/"
        if b.role == "body" and ("*" in b.text or "/" in b.text):
            b.text = _TEXT_MARK.sub(lambda m: ref(m.group(1) or m.group(2) or m.group(3))
                                    if (m.group(1) or m.group(2) or m.group(3)) in marks
                                    else m.group(0), b.text)
    blocks = join_sign_off(joined_headings(blocks))
    doc = Document(source=source, format=fmt, sha256=sha256, pages=pages)
    builder = _Builder(doc, lang)
    builder.notes_on = {(b.page, b.marker) for b in blocks if b.role == "footnote" and b.marker}
    furniture = [b.text for b in blocks if b.role == "furniture"]
    toc, doc.contents = contents(blocks)
    read_pages = {b.page for b in blocks if b.role != "furniture" and b.page is not None}
    legends = chart_words(blocks, _opens_unit)
    for i, block in enumerate(blocks):
        if block.role == "furniture" or not (block.text.strip() or block.rows) or i in toc \
                or block.text.strip() == str(block.page):  # a page number the reader kept
            continue
        # a page with no text before this one (it failed to load, or is a picture): the
        # paragraphs on it are missing, so the numbering may go on further along
        builder.after_gap = block.page is not None and block.page > 1 and \
            block.page - 1 not in read_pages
        legend = fmt == "pdf" and block.role == "body" and _LEGEND.match(block.text)
        legend = legend if legend and (legend.group(2) or len(block.text) < 400) else None
        if legend:
            builder.legend(legend.group(1) or legend.group(2), block.text[legend.end():], block.page)
        elif i in legends:
            builder.legend_line(REF_RE.sub("", block.text).strip())
        elif block.role == "footnote":
            builder.footnote(block)
        elif block.role in ("table", "figure"):
            builder.table(block)
        elif not builder.started:
            if not builder.begin(block) and not builder.opens_body(block):
                builder.front.append(block)
        else:
            builder.body(block)
    doc.front = [b.text for b in builder.front]
    doc.metadata = parse_masthead(doc.front, furniture, lang)
    builder.finish()
    front_refs = [m for t in doc.front for m in REF_RE.findall(t)]  # the title's "20251"
    doc.front = [REF_RE.sub(lambda m: m.group(1), t).strip() for t in doc.front]  # as printed: "item 5*"
    doc.warnings = [*notes, *quality.warnings(doc, front_refs)]  # notes: what the reader skipped
    return doc


def _opens_unit(plain: str) -> bool:
    """The text opens a numbered paragraph or a heading."""
    return bool(_PARA.match(plain) or _H1.match(plain) or _H2.match(plain))


class _Builder(Exhibits):
    def __init__(self, doc: Document, lang: str):
        super().__init__()
        self.doc, self.lang = doc, lang
        self.started = False
        self.last_number = 0
        self.para: Paragraph | None = None
        self.parts: list[str] = []  # raw text pieces (with sentinels) of self.para
        self.last_page: int | None = None  # page of the last piece of self.para
        self.box: Box | None = None  # the box being read
        self.after_gap = False  # the page before the current block gave no text
        self.preamble = False  # after "The General Assembly,": each clause is a paragraph
        self.front: list[Block] = []  # the blocks of the front matter

    # -- front matter -------------------------------------------------------------------
    def begin(self, block: Block) -> bool:
        """Decide whether ``block`` opens the report proper (consuming TOC lines)."""
        text = REF_RE.sub("", block.text).strip()
        m = _PARA.match(text)
        if _SUMMARY.match(text) or _H1.match(text) or (m and m.group(1) == "1"):
            self.started = True
            if m and not _H1.match(text):
                self._front_headings()
            self.body(block)
            return True
        return False

    def _front_headings(self) -> None:
        """Unnumbered headings between "Report of the Secretary-General" and paragraph 1
        ("Introduction", "导言") head the body, not the front matter."""
        report = max((i for i, b in enumerate(self.front) if is_report_line(b.text)), default=None)
        after = self.front[report + 1:] if report is not None else []
        while after and ISSUE.match(after[0].text.strip()):  # "Addendum" stays front matter
            after = after[1:]
        heads = [self._heading(REF_RE.sub("", b.text).strip(), b)
                 if b.heading and len(b.text) <= 100 and not is_masthead_line(b.text) else None
                 for b in after]
        if not after or len(after) > 2 or not all(heads):
            return
        del self.front[-len(after):]
        for b, heading in zip(after, heads):
            heading.page, heading.footnote_refs = b.page, REF_RE.findall(b.text)
            self.doc.sections.append(heading)

    def opens_body(self, block: Block) -> bool:
        """A block of running text after the masthead and title, in a document without a
        summary, table of contents or paragraph 1 (letters, notes verbales, resolutions,
        records): the body starts here, wherever that is."""
        text = REF_RE.sub("", block.text).strip()
        addressed = ADDRESSED.match(text)  # "大会，" opens the body; "大会" is the masthead's organ
        # (a record's first sentence is set in italics: "In the absence of the President, ...")
        sentence = len(text) >= 60 and text.endswith(TERMINAL) and not _opens_unit(text)
        if not addressed and (block.heading and not sentence or is_masthead_line(text)
                              or _TITLE.match(text) or RES_NUMBER.match(text)
                              or LEADERS.search(text) or len(text) <= 4):  # "主席：" / "杨先生 ……"
            return False
        if not (text.endswith(TERMINAL + (":", "：")) or len(text) >= 200 or
                addressed or text.endswith((",", "，")) and len(text) >= 60):
            return False
        self.started = True
        self.body(block)
        return True

    # -- body ---------------------------------------------------------------------------
    def body(self, block: Block) -> None:
        text = block.text.strip()
        plain = REF_RE.sub("", text)
        if self._legend_goes_on(plain, block.page):
            return
        if self._boxed(text, plain, block) or self._pictured(plain, block):
            return
        heading = Section(number=None, title=plain, level=3) if SIGN_OFF.match(plain) \
            else self._heading(plain, block)
        if heading:
            self._close()
            heading.page = block.page
            heading.footnote_refs = REF_RE.findall(text)
            self.doc.sections.append(heading)
            return
        m = _PARA.match(plain) or self._unpunctuated(plain)
        if m and self._next_number(int(m.group(1))):
            self._close()
            self.last_number = int(m.group(1))
            self.preamble = False
            self._open(m.group(1), text[self._raw_offset(text, m.end()):], block.page)
            return
        if ADDRESSED.match(plain):
            self.preamble = True
        elif self.preamble and self._new_clause(plain):
            self._close()
            self._open(None, text, block.page)
            return
        # Inside the numbered body every unnumbered block belongs to the open paragraph
        # (sub-paragraphs, text after a page break or a footnote); in the summary only
        # what carries on an unfinished sentence does.
        after_table = self.after_table
        if self._noted(plain):
            return
        if after_table and plain[:1].islower() and (block.heading or self.parts and REF_RE.sub(
                "", self.parts[-1]).rstrip().endswith((":", "："))):
            self.legend_line(plain)  # the table's wrapped cells (a bold header's "and
            return  # management"), not the paragraph's sentence going on
        if self.para is not None and (self.para.number and not after_table or SUB.match(plain)
                                      or self._continues(plain, block.page)
                                      or _SPOKE_IN.match(plain)
                                      or after_table and self._over_page(block.page)):
            self.parts.append(text)
            self.last_page = block.page
            return
        self._close()
        self._open(None, text, block.page)

    def _boxed(self, text: str, plain: str, block: Block) -> bool:
        """Open a box at its caption ("Box 2. ..."); while one is open, its blocks are its
        own paragraphs, until a chapter or section heading or the next numbered paragraph
        of the report. True when ``block`` went into a box."""
        caption = _BOX.match(plain)
        if caption:
            self._close()
            self.box = Box(number=caption.group(1), title=plain[caption.end():].strip(" .") or None,
                           page=block.page, **self._place())
            self.doc.boxes.append(self.box)
            return True
        if self.box is None:
            return False
        para = _PARA.match(plain)
        if (para and self._next_number(int(para.group(1)))) or _H1.match(plain) or \
                (_H2.match(plain) and block.heading):
            self.box = None
            return False
        box = self.box
        box.footnote_refs += [m for m in REF_RE.findall(text) if m not in box.footnote_refs]
        if box.paragraphs and not box.paragraphs[-1].endswith(TERMINAL + (":", "：")) \
                and not plain[:1].isupper():
            box.paragraphs[-1] = join_lines([box.paragraphs[-1], plain])
        else:
            box.paragraphs.append(plain)
        return True

    _opens_unit = staticmethod(_opens_unit)

    def _place(self) -> dict:
        """Where a table, figure or box stands: its section and the paragraph before it."""
        before = len(self.doc.paragraphs) - (0 if self.para is not None else 1)
        return dict(section=len(self.doc.sections) - 1 if self.doc.sections else None,
                    after=before if before >= 0 else None)

    def _heading(self, plain: str, block: Block) -> Section | None:
        if _SUMMARY.match(plain) or AGENDA_ITEM.match(plain):  # "Summary", "摘要" alone: a
            return Section(number=None, title=plain, level=1)  # heading, whatever its type
        # (a bold chapter title may be long: "V. Summary of follow-up action taken to
        # implement the decisions and requests of the General Assembly ...", 268 letters)
        # a line in capitals is a heading however it is set (the 1990s: "CONSIDERATION OF
        # PROPOSALS", centred in the body type)
        caps = " " in plain and plain.upper() == plain and sum(map(str.isalpha, plain)) >= 8 \
            and not any(map(is_han, plain))
        if len(plain) > (400 if block.heading and _H1.match(plain) else 250) or \
                block.heading is False and not caps and not (_H1.match(plain) or _H2.match(plain)):
            return None
        m = _H1.match(plain)
        if m and not plain.endswith(TERMINAL[:3]):
            number = m.group(1) or m.group(3)
            return Section(number=number, title=m.group(2) or m.group(4),
                           level=2 if self._next_letter(number) else 1)
        m = _H2.match(plain)
        if m and (block.heading or not plain.endswith(TERMINAL)) and len(plain) < 200:
            return Section(number=m.group(1) or m.group(2), title=m.group(3), level=2)
        if _ANNEX.match(plain) or _ANNEX_TO.match(plain) and (
                block.heading or block.heading is None and not plain.endswith(TERMINAL)):
            self.last_number = 0  # annexes number their paragraphs afresh
            return Section(number=None, title=plain, level=1)
        if not (block.heading or caps) or plain.endswith(TERMINAL + (":", "：", ",", "，")) or \
                len(plain) >= 200 or self._mid_sentence() or \
                RUNS_ON.search(plain) and not TABLE_NO.match(plain) or \
                not (WORDY.search(plain) or _DECISION_NO.match(plain)) or \
                _SPOKE_IN.match(plain) or _LOWER.match(plain):  # "87%" over a chart; a
            # record's "(spoke in French)"; "with" between an amendment's two quotations
            return None
        para, sub = _PARA.match(plain), SUB.match(plain)
        if para and self._next_number(int(para.group(1))):
            return None  # a numbered paragraph set in bold or italic
        if para or sub:  # "1. Scaling up financing", "(a) Strengthening laws and policies"
            label = para or sub
            return Section(number=label.group(1), title=plain[label.end():].strip(), level=4)
        return Section(number=None, title=plain, level=3)

    def _next_letter(self, number: str) -> bool:
        """"I." after section "H." is the ninth section, not chapter I ("V." after "U.")."""
        last = next((s for s in reversed(self.doc.sections) if s.level <= 2), None)
        return last is not None and last.level == 2 and len(number) == 1 and \
            len(last.number or "") == 1 and ord(number) == ord(last.number) + 1

    def _unpunctuated(self, plain: str) -> re.Match | None:
        """"44 With that adjustment..." where the typist dropped the full stop: only the very
        next number, at the start of a new sentence, inside the numbered body."""
        m = _BARE_PARA.match(plain)
        if m and self.last_number and int(m.group(1)) == self.last_number + 1 \
                and not self._mid_sentence():
            return m
        return None

    def _next_number(self, n: int) -> bool:
        return self.last_number < n <= self.last_number + (25 if self.after_gap else 3)

    def _mid_sentence(self) -> bool:
        if self.parts and _SIGNED.search(self.parts[0]):
            return False  # "(Signed) Ahmet Yıldız Permanent Representative" is complete
        return bool(self.parts) and not REF_RE.sub("", self.parts[-1]).rstrip().endswith(
            TERMINAL + (":", "：", "”", "\"", ")", "）"))

    def _over_page(self, page: int | None) -> bool:
        """The open numbered paragraph ran to a table that closed its page, and this is the
        next page: the paragraph goes on there, whole sentence or not (the table was set
        where the page had room)."""
        end = (self.table_end or (None, None))[1]
        return bool(self.para and self.para.number) and page is not None and end is not None \
            and self.last_page == end and page == end + 1

    def _new_clause(self, plain: str) -> bool:
        """A preambular clause of a resolution ("Recalling ...,", "又回顾……，") after the
        clause before it, on this page or the next, in any format."""
        if self.para is None or self.para.number is not None:
            return False
        last = REF_RE.sub("", self.parts[-1]).rstrip()
        return last.endswith((",", "，", ";", "；")) and (plain[:1].isupper()
                                                           or bool(CLAUSE_ZH.match(plain)))

    def _continues(self, plain: str, page: int | None) -> bool:
        """A block that carries on the open paragraph across a page break, a footnote
        block or a line break the reader could not see. On the same page of a PDF, where
        the reader already joined the lines of a paragraph, a block that opens with a
        capital is a new paragraph even after a comma (a resolution's preamble); in Word,
        every paragraph is whole."""
        opens = plain[:1].islower() or plain[:1] in ",;:)，；：、）"
        if self.doc.format == "docx":
            return opens  # a Word paragraph is whole: only text after a table carries one on
        if page is not None and page == self.last_page and plain[:1].isupper():
            return False
        return self._mid_sentence() or opens

    def _open(self, number: str | None, text: str, page: int | None) -> None:
        self.last_page = page
        section = len(self.doc.sections) - 1 if self.doc.sections else None
        self.para = Paragraph(number=number, text="", section=section, page=page)
        self.parts = [text]

    @staticmethod
    def _raw_offset(raw: str, plain_end: int) -> int:
        """Offset in ``raw`` (with sentinels) matching ``plain_end`` in its sentinel-free text."""
        seen = 0
        i = 0
        while i < len(raw) and seen < plain_end:
            m = REF_RE.match(raw, i)
            if m:
                i = m.end()
                continue
            i += 1
            seen += 1
        return i

    def _close(self) -> None:
        if self.para is None:
            return
        para = self.para
        para.text, para.footnote_refs, para.subparagraphs = finalise(self.parts, self.lang,
                                                                       para.number)
        if para.text:
            self.doc.paragraphs.append(para)
        self.para, self.parts = None, []

    def footnote(self, block: Block) -> None:
        text = REF_RE.sub("", block.text).strip()
        marker = block.marker
        if marker is None:
            m = re.match(r"^(\d{1,3}|\*{1,3})\s+(.*)$", text)
            if m and self.doc.footnotes and m.group(1) != self.doc.footnotes[-1].marker:
                marker, text = m.group(1), m.group(2)
        holder = self._lettered_holder(marker, block.page)
        if holder is not None:  # a table's or chart's lettered note, not a footnote
            holder.notes.append(f"{marker} {text}")
            return
        if marker is None and self.doc.footnotes:
            last = self.doc.footnotes[-1]
            last.text = join_lines([last.text, text])
            return
        self.doc.footnotes.append(Footnote(marker=marker or "", text=text, page=block.page))

    def finish(self) -> None:
        self._close()
