"""An edition as a Word file in UN house style: the first page (``compose.frontpage``:
masthead, session and agenda block, title, "Report of the Secretary-General", boxed
Summary), then hanging ``I.``/``A.`` headings, paragraphs numbered at the text margin, (a)/(b)
sub-paragraphs, real footnotes, running symbol header, job-number/page footer. English
editions are set in Times New Roman 10 pt; Chinese in a Song face with the East Asian font
set on every run so that Word and LibreOffice render the Chinese."""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import (WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING,
                            WD_TAB_ALIGNMENT)
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

from compose import frontpage, house
from compose.draft import Box, Edition, Heading, Para, Table, Text
from compose.footnotes import Footnotes

DEFAULT_FONTS = {"latin": "Times New Roman", "cjk": "Noto Serif CJK SC",
                 "cjk_heading": "Noto Sans CJK SC"}
# schema order: what may follow w:pBdr inside w:pPr
PBDR_SUCCESSORS = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                   "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
                   "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                   "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                   "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                   "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
INDENT = Pt(house.TEXT_INDENT)


class Writer:
    """Writes one edition as a Word file in the house style."""

    def __init__(self, edition: Edition, fonts: dict | None = None, comments: bool = False):
        self.ed = edition
        self.lang = edition.lang
        self.fonts = {**DEFAULT_FONTS, **(fonts or {})}
        self.size = house.SIZES[self.lang]
        self.comments = comments
        self.doc = Document()
        self._rfonts = (f'<w:rFonts w:ascii="{self.fonts["latin"]}" w:hAnsi="{self.fonts["latin"]}"'
                        f' w:cs="{self.fonts["latin"]}" w:eastAsia="{self.fonts["cjk"]}"/>')
        self.notes = Footnotes(self.doc, self._rfonts)
        self._styles_by_name: dict = {}

    # -- fonts and styles ----------------------------------------------------------
    def _font(self, run, heading: bool = False):
        """Latin and East Asian fonts on the run itself, as UN Chinese files have them."""
        rfonts = run._r.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            rfonts.set(qn(attr), self.fonts["latin"])
        cjk = self.fonts["cjk_heading"] if heading and self.lang == "zh" else self.fonts["cjk"]
        rfonts.set(qn("w:eastAsia"), cjk)
        return run

    def paragraph(self, name: str, container=None):
        """A new paragraph of style ``name`` at the end of ``container`` (the body). The
        style id is looked up once and set directly: python-docx scans every style for
        every paragraph given a style, by name (1.5 s of a 100-paragraph draft) or as an
        object (to compare it with the default style)."""
        if name not in self._styles_by_name:
            self._styles_by_name[name] = self.doc.styles[name].style_id
        p = (container or self.doc).add_paragraph()
        p._p.style = self._styles_by_name[name]
        return p

    def run(self, paragraph, text: str, bold=None, italic=None, size=None, heading=False):
        """A run of ``text`` added to ``paragraph``, with both fonts set on it."""
        r = paragraph.add_run(text)
        if bold is not None:
            r.bold = bold
        if italic is not None:
            r.italic = italic
        if size is not None:
            r.font.size = Pt(size)
        return self._font(r, heading)

    def _styles(self) -> None:
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name = self.fonts["latin"]
        normal.font.size = Pt(self.size["body"])
        rpr = normal.element.get_or_add_rPr()
        rpr.get_or_add_rFonts().set(qn("w:eastAsia"), self.fonts["cjk"])
        lang, east = house.RUN_LANGUAGE
        rpr.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="{lang}" w:eastAsia="{east}"/>'))
        self._tracking(normal, "body")
        for default in styles.element.iter(qn("w:lang")):  # the template's ja-JP default
            default.set(qn("w:val"), lang)
            default.set(qn("w:eastAsia"), east)
        pf = normal.paragraph_format
        pf.space_before, pf.space_after = Pt(0), Pt(0)
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(self.size["line"])
        pf.widow_control = True

        body = styles.add_style("SingleTxt", WD_STYLE_TYPE.PARAGRAPH)
        body.base_style = normal
        bf = body.paragraph_format
        bf.left_indent, bf.right_indent = INDENT, INDENT
        bf.space_after = Pt(house.SPACE_AFTER)
        bf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        for stop in house.TAB_STOPS:
            bf.tab_stops.add_tab_stop(Pt(stop))

        for name, level in (("Heading 1", "h1"), ("Heading 2", "h2"), ("Heading 3", "h3")):
            size = self.size[level]
            h = styles[name]
            h.base_style = normal
            h.font.size = Pt(size)
            h.font.bold = True
            h.font.italic = False
            h.font.color.rgb = None
            h.font.name = self.fonts["latin"]
            h.element.get_or_add_rPr().get_or_add_rFonts().set(
                qn("w:eastAsia"), self.fonts["cjk_heading" if self.lang == "zh" else "cjk"])
            f = h.paragraph_format
            f.left_indent, f.right_indent = INDENT, INDENT
            f.first_line_indent = Pt(house.HEADING_NUMBER_AT) - INDENT
            f.space_before, f.space_after = Pt(12 if name == "Heading 1" else 8), Pt(8)
            f.keep_with_next = True
            f.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            f.line_spacing = Pt(self.size[f"{level}_line"])
            f.tab_stops.add_tab_stop(INDENT)

        note = styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
        note.base_style = normal
        note.font.size = Pt(self.size["note"])
        nf = note.paragraph_format
        nf.left_indent, nf.right_indent = INDENT, INDENT
        nf.first_line_indent = Pt(-house.NOTE["hanging"])
        nf.tab_stops.add_tab_stop(INDENT)
        nf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        nf.line_spacing = Pt(self.size["note_line"])
        nf.space_after = Pt(2)
        self._tracking(note, "note")
        for name in ("Header", "Footer"):  # the template's centre and right tabs
            styles[name].paragraph_format.tab_stops.clear_all()
        ref = styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
        ref.font.superscript = True

    def _tracking(self, style, level: str) -> None:
        """Letter spacing and width of the UN's English styles (``house.TRACKING``)."""
        tracking = house.TRACKING.get(self.lang)
        if not tracking:
            return
        frontpage.track(style.element.get_or_add_rPr(), *tracking[level])

    def _page(self) -> None:
        s = self.doc.sections[0]
        page = house.PAGE
        s.page_width, s.page_height = Pt(page["width"]), Pt(page["height"])
        s.top_margin, s.bottom_margin = Pt(page["top"]), Pt(page["bottom"])
        s.left_margin, s.right_margin = Pt(page["left"]), Pt(page["right"])
        s.header_distance, s.footer_distance = Pt(page["header"]), Pt(page["footer"])

    # -- furniture -----------------------------------------------------------------
    def _field(self, paragraph, instr: str, shown: str) -> None:
        xml = (f'<w:fldSimple {nsdecls("w")} w:instr="{instr}"><w:r><w:rPr>{self._rfonts}'
               f'<w:b/><w:sz w:val="17"/></w:rPr><w:t>{shown}</w:t></w:r></w:fldSimple>')
        paragraph._p.append(parse_xml(xml))

    def _furniture(self) -> None:
        m = self.ed.masthead
        s = self.doc.sections[0]
        s.different_first_page_header_footer = True
        self.doc.settings.odd_and_even_pages_header_footer = True
        width = s.page_width - s.left_margin - s.right_margin
        job_short = m.job.split(" ")[0] if m.job else ""
        for header, right in ((s.even_page_header, False), (s.header, True)):
            p = header.paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT if right else WD_ALIGN_PARAGRAPH.LEFT
            p.paragraph_format.space_before = Pt(house.HEADER_DROP)
            p.paragraph_format.space_after = Pt(4)
            self.run(p, m.symbol, bold=True, size=self.size["header"])
            p._p.get_or_add_pPr().insert_element_before(parse_xml(  # the rule under it
                f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="{house.HEADER_RULE}" '
                'w:space="1" w:color="000000"/></w:pBdr>'), *PBDR_SUCCESSORS)
        # even pages: page number left, job number right; odd pages the other way round
        for footer, odd in ((s.even_page_footer, False), (s.footer, True)):
            p = footer.paragraphs[0]
            p.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
            if odd:
                self.run(p, job_short, size=self.size["job"])
                self.run(p, "\t")
            self._field(p, "PAGE", "1")
            self.run(p, "/", bold=True, size=self.size["page"])
            self._field(p, "NUMPAGES", "1")
            if not odd:
                self.run(p, "\t")
                self.run(p, job_short, size=self.size["job"])

    # -- body ----------------------------------------------------------------------
    def text(self, paragraph, text: Text, where: str) -> None:
        """Runs for ``text``: one run per figure (so a comment can anchor to it) and a
        footnote reference run at each call."""
        cuts = sorted({0, len(text.text), *(f.start for f in text.figures),
                       *(f.end for f in text.figures), *(o for o, _ in text.notes)})
        notes = sorted(text.notes, key=lambda n: n[0])
        note_i = 0
        for a, b in zip(cuts, cuts[1:] + [None]):
            while note_i < len(notes) and notes[note_i][0] == a:
                self._call(paragraph, notes, note_i)
                note_i += 1
            if b is None or a == b:
                continue
            run = self.run(paragraph, text.text[a:b])
            fig = next((f for f in text.figures if f.start == a and f.end == b), None)
            if fig is None:
                continue
            note = None
            if fig.role == "to-update":  # always shown: the draft's to-do
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
                note = f"To update: {describe(fig)}"
            elif self.comments:
                note = describe(fig)
            if note:
                self.doc.add_comment(run, text=note, author="Rapporteur", initials="RP")
        while note_i < len(notes):
            self._call(paragraph, notes, note_i)
            note_i += 1

    def _call(self, paragraph, notes: list, i: int) -> None:
        """A footnote call; calls at one place are set apart (the one before gets
        ``house.NOTE_CALL_GAP`` of letter spacing), so that 1 and 2 never print as 12 —
        without a character that a reader would take for text."""
        if i and notes[i - 1][0] == notes[i][0]:
            before = paragraph._p.findall(qn("w:r"))[-1]
            before.get_or_add_rPr().append(parse_xml(
                f'<w:spacing {nsdecls("w")} w:val="{round(house.NOTE_CALL_GAP * 20)}"/>'))
        self.notes.call(paragraph, notes[i][1])

    def _heading(self, h: Heading) -> None:
        p = self.paragraph(f"Heading {min(h.level, 3)}")
        label = f"{h.number}.\t" if h.number else "\t"  # the text at the body's indent
        self.run(p, label + h.title, heading=True)
        for note in h.notes:
            self.notes.call(p, note)

    def _para(self, para: Para) -> None:
        p = self.paragraph("SingleTxt")
        if para.number:
            self.run(p, f"{para.number}.\t")
        self.text(p, para.body, para.number or "unnumbered paragraph")
        for label, sub in para.subs:
            sp = self.paragraph("SingleTxt")
            self.run(sp, f"\t({label})\t")  # label at the second stop, text at the third
            self.text(sp, sub, f"{para.number}({label})")

    def write(self, path: Path) -> Path:
        """Write the whole edition to ``path`` and return the path."""
        self._styles()
        self._page()
        self._furniture()
        frontpage.masthead(self)
        frontpage.release(self)
        frontpage.front(self)
        frontpage.summary(self)
        self.doc.add_page_break()
        for block in self.ed.blocks:
            if isinstance(block, Table):
                from compose.wordtable import write_table

                write_table(self, block)
            elif isinstance(block, Box):
                from compose.boxes import write_box

                write_box(self, block)
            else:
                (self._heading if isinstance(block, Heading) else self._para)(block)
        # the short centred rule that closes a UN document: a border, not underscores,
        # so that no reader takes it for text
        end = self.doc.add_paragraph()
        width = self.doc.sections[0].page_width - self.doc.sections[0].left_margin * 2
        end.paragraph_format.left_indent = end.paragraph_format.right_indent = (width - Cm(4)) // 2
        end.paragraph_format.space_before = Pt(12)
        end._p.get_or_add_pPr().insert_element_before(parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="1" '
            'w:color="000000"/></w:pBdr>'), *PBDR_SUCCESSORS)
        self.notes.save()
        self._comment_ids()
        self._properties()
        self.doc.save(path)
        return path


    def _comment_ids(self) -> None:
        """Comment ids after the footnote ids: LibreOffice takes a comment met before a
        footnote call with the same id for that footnote, and shows the wrong note (the
        example's four notes all read as one) or none."""
        if next(self.doc.element.iter(qn("w:commentReference")), None) is None:
            return  # (asking python-docx for the comments part would create one)
        offset = len(self.notes.notes) + 1
        tags = [qn(f"w:{t}") for t in ("commentRangeStart", "commentRangeEnd",
                                       "commentReference", "comment")]
        for root in (self.doc.element, self.doc.part._comments_part.element):
            for el in root.iter(*tags):
                el.set(qn("w:id"), str(int(el.get(qn("w:id"))) + offset))

    def _properties(self) -> None:
        """Title, symbol and language of this document; nothing left from the template
        (python-docx's own is dated 2013 and describes itself)."""
        import datetime as dt

        now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
        props = self.doc.core_properties
        props.title = self.ed.masthead.title[:255]  # the core properties' limit
        props.subject = props.identifier = self.ed.masthead.symbol[:255]
        props.author = props.last_modified_by = "United Nations"
        props.language = house.LANGUAGE[self.lang]
        props.created = props.modified = now
        props.revision = 1
        props.comments = props.keywords = props.category = props.content_status = ""
        props.description = "Report of the Secretary-General" if self.lang == "en" else "秘书长的报告"


def describe(fig) -> str:
    """Where a figure comes from, in words (the text of the Word comment)."""
    s = fig.source
    kind = s.get("kind")
    if kind == "file":
        where = f"data file {s['file']}, row {s['row']} (id {s.get('id')})"
    elif kind == "spec":
        where = f"spec {s['file']}, data entry {s['entry'] + 1} (id {s.get('id')})"
    elif kind == "previous-report":
        sub = f"({s['sub']})" if s.get("sub") else ""
        where = f"previous report {s['doc']}, paragraph {s['para']}{sub}"
    elif kind == "computed":
        where = f"computed ({s['rule']}) from {', '.join(s['of'])}"
    else:
        where = "written in the spec's paragraph template"
    stat = f"; source: {s['source']}" if s.get("source") else ""
    if fig.value is None:  # a number word of last year's report
        return f"{fig.text} (in words): {where}{stat}"
    return f"{fig.text} = {fig.value} {fig.unit}: {where}{stat}"
