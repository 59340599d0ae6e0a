"""Where the real test inputs are, and inputs built from them: a Word file of the Chinese
report as a UN editor would have it (automatic paragraph numbering, real footnotes, East Asian
font), and PDFs made from Word files by LibreOffice headless, as the UN's own PDFs are made
from Word.

The repository bundles only the two Chinese reports supplied with the project brief
(``corpus/samples/zh/``); the English UN PDFs are read where they are, in ``../shared/``
beside the checkout, and a test that needs them skips when they are absent (CI sets
``RAPPORTEUR_NO_SKIP`` and fails instead: see conftest.py)."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document as new_docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "corpus" / "samples"
ZH_SAMPLE = SAMPLES / "zh" / "unwomen-ohchr-joint-workplan-2012.zh.txt"
ZH_DUMP = SAMPLES / "zh" / "gender-mainstreaming-2012.zh-dump.txt"
SHARED = REPO.parent / "shared"
EN_SAMPLES = SHARED / "samples" / "en"
SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
CJK_FONT = "Noto Serif CJK SC"

_NUMBERING = f"""<w:numbering {nsdecls('w')}>
<w:abstractNum w:abstractNumId="7"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>
<w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>"""


class Footnotes:
    """Writes real Word footnotes for documents made from python-docx's default template.
    Unlike ``compose.footnotes`` (which relies on the footnote styles of compose's own
    template), the marks carry direct superscript formatting, as in files from other
    sources; the readers are tested on both kinds."""

    def __init__(self, document):
        self.document = document
        self.notes: list[str] = []

    def reference(self, paragraph, text: str, mark: str | None = None) -> None:
        fid = len(self.notes) + 1
        self.notes.append(f'<w:footnote w:id="{fid}"><w:p><w:pPr><w:rPr/></w:pPr>'
                          f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                          f'{"" if mark else "<w:footnoteRef/>"}</w:r>'
                          f'<w:r><w:t xml:space="preserve"> {_xml(text)}</w:t></w:r></w:p></w:footnote>')
        custom = ' w:customMarkFollows="1"' if mark else ""
        run = parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                        f'<w:footnoteReference{custom} w:id="{fid}"/>'
                        f'{"<w:t>" + mark + "</w:t>" if mark else ""}</w:r>')
        paragraph._p.append(run)

    def save_part(self) -> None:
        xml = (f'<w:footnotes {nsdecls("w")}>'
               '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
               '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
               '</w:r></w:p></w:footnote>' + "".join(self.notes) + "</w:footnotes>")
        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode(),
                    self.document.part.package)
        self.document.part.relate_to(part, RT.FOOTNOTES)


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _run(paragraph, text: str):
    run = paragraph.add_run(text)
    run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), CJK_FONT)
    return run


def zh_sample_docx(out_dir: Path, repeat: int = 1) -> Path:
    """The Chinese sample as a Word file: masthead lines, headings, paragraphs 1–28 with
    Word automatic numbering (``w:numPr``), footnotes ¹–⁵ and the agenda's asterisk as real
    footnotes at the places the text dump shows their markers. ``repeat`` > 1 repeats the
    body (numbering continues) to make long documents for benchmarks."""
    from corpus import read
    from corpus.blocks import han_ratio

    model = read(ZH_SAMPLE)
    raw = ZH_SAMPLE.read_text(encoding="utf-8")
    notes = {f.marker: f.text for f in model.footnotes}
    doc = new_docx()
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), CJK_FONT)
    numbering = doc.part.numbering_part
    numbering._element = parse_xml(_NUMBERING)
    footnotes = Footnotes(doc)

    masthead = raw.split("目录")[0].split("摘要")[0]
    for chunk in re.split(r"\n\s*\n", masthead):
        lines = [x.strip() for x in chunk.splitlines() if x.strip() and not x.startswith("*")]
        if len(lines) > 1 and len(lines[0]) > 12 and all(han_ratio(x) > 0.5 for x in lines):
            # a title wrapped in the dump: one paragraph in Word
            lines = ["".join(lines)]
        for line in lines:
            p = doc.add_paragraph()
            if line.startswith("临时议程*"):
                _run(p, "临时议程")
                footnotes.reference(p, notes["*"], mark="*")
                _run(p, line[len("临时议程*"):])
            else:
                _run(p, line)
    for _ in range(repeat):
        last_section = -1
        for para in model.paragraphs:
            while para.section is not None and last_section < para.section:
                last_section += 1
                s = model.sections[last_section]
                h = doc.add_paragraph(style="Heading 1" if s.level == 1 else "Heading 2")
                _run(h, f"{s.number}. {s.title}" if s.number else s.title)
            p = doc.add_paragraph()
            if para.number:
                numpr = p._p.get_or_add_pPr().get_or_add_numPr()
                numpr.get_or_add_ilvl().val = 0
                numpr.get_or_add_numId().val = 3
            _write_with_refs(p, para, raw, footnotes, notes)
    footnotes.save_part()
    out = Path(out_dir) / ("zh-sample.docx" if repeat == 1 else f"zh-sample-x{repeat}.docx")
    doc.save(out)
    return out


def _write_with_refs(p, para, raw: str, footnotes: Footnotes, notes: dict[str, str]) -> None:
    """Place each footnote reference after the words its superscript follows in the dump."""
    text = para.text
    cuts = []
    for marker in para.footnote_refs:
        sup = marker.translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
        m = re.search(r"(\S{1,6})\s*" + re.escape(sup), raw)
        pos = text.find(m.group(1)) + len(m.group(1)) if m and m.group(1) in text else len(text)
        cuts.append((pos, marker))
    start = 0
    for pos, marker in sorted(cuts):
        _run(p, text[start:pos])
        footnotes.reference(p, notes[marker])
        start = pos
    _run(p, text[start:])


def shared(path: Path) -> Path:
    """``path`` (under ``SHARED``), or skip the calling test, naming what is missing."""
    if not path.exists():
        pytest.skip(f"needs {path}: the shared inputs are not beside the checkout (../shared/)")
    return path


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx_path: Path, out_dir: Path) -> Path:
    """Convert with LibreOffice headless (its own profile dir, so parallel runs don't clash)."""
    out_dir = Path(out_dir)
    profile = out_dir / ".lo-profile"
    subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out_dir), str(docx_path)],
                   check=True, capture_output=True, timeout=300)
    return out_dir / (Path(docx_path).stem + ".pdf")


# A universal periodic review report as a text file, written in UN style for the tests: the
# Working Group's report on a State, its recommendations 3.1 ... with the recommending States.
UPR = """United Nations A/HRC/58/99
General Assembly Distr.: General
2 January 2025
Original: English

Human Rights Council
Fifty-eighth session
Agenda item 6
Universal periodic review

Report of the Working Group on the Universal Periodic Review*

Utopia

I. Summary of the proceedings of the review process

1. The Working Group on the Universal Periodic Review held its forty-seventh session from 4 to 15 November 2024.

2. The review of Utopia was held at the 9th meeting, on 8 November 2024.

II. Conclusions and/or recommendations

3. The following recommendations will be examined by Utopia, which will provide responses in due time:

3.1 Ratify the Optional Protocol to the Convention against Torture (Brazil);

3.2 Consider ratifying the International Convention for the Protection of All Persons from Enforced Disappearance (Chile, Ecuador);

3.3 Strengthen the independence of the national human rights institution in line with the Paris Principles (Germany).

4. All conclusions and/or recommendations contained in the present report reflect the position of the submitting State(s).
"""


# The Chinese report E/2023/15 ("经济、社会和有关领域的区域合作") rebuilt in the ODS house
# layout from its real text (one segment a line, ../shared/parallel/): what is a heading, a
# paragraph, a table cell is decided from the text itself, as a Chinese UN report prints it.
ZH_SEGMENTS = SHARED / "parallel" / "E_2023_15.zh.segments.txt"
ZH_REPORT_JOB = "23-08532"
ZH_REPORT_SYMBOL = "E/2023/15"
ZH_REPORT_DATE = "3 May 2023"
# Its lettered headings (the English edition prints "A."/"B."/"C." before them; the Chinese
# segments lost the letters). Other headings without a chapter number are unnumbered.
_ZH_LETTERED = {"从风险到韧性：": "A", "通过区域合作推进政策和取得成果": "B",
                "各区域委员会处理的其他重要政策问题": "C", "在区域一级促进政策一致性和联合行动": "A",
                "促进区域间合作：": "B"}
# The agenda's asterisk note and three numbered notes (the segments dropped the notes).
ZH_REPORT_NOTES = {"*": "由于提交部门无法控制的技术原因，本报告在截止日期之后提交处理。",
                   "1": "见E/ECA/COE/41/9，第12段。",
                   "2": "详情见www.unescwa.org/events。",
                   "3": "另见A/75/982，第三章。"}
_ZH_NOTE_AT = {"1": 5, "2": 60, "3": 120}  # the numbered paragraph each note is cited in
# A chart's data (its title is in the text) given as a table of figures the text quotes.
_ZH_FIGURE_ROWS = [["区域", "指标", "数值"],
                   ["西亚经社会区域", "生活在国家贫困线以下的人口", "35.3%"],
                   ["西亚经社会区域", "女性劳动力参与率", "19.9%"],
                   ["拉丁美洲和加勒比经济委员会区域", "可能实现的具体目标", "25%"],  # wraps
                   ["拉丁美洲和加勒比", "用不上电的人", "1 600多万"],
                   ["西亚经社会", "接受数字技能培训的青年男女", "40 000"],
                   ["非洲经委会", "区域知识中心用户", "9 200多名"]]
_CHAPTER = re.compile(r"^([一二三四五六七八九十]{1,3})\.$")
_ENDS_SENTENCE = re.compile(r"[。；：！？”]$")
_ENUMERATION = re.compile(r"^(.+?：)((?:[^；]+；){2,}[^；]+。)$")


def zh_report_plan(lines: list[str]) -> dict:
    """What each segment of the report is: masthead lines (up to "摘要"), the summary's
    unnumbered paragraphs, chapter headings ("一." and its title on the next line), headings
    (a line without a sentence's closing punctuation), the table (its caption is followed by
    the column heads "区域委员会", "日期"; its rows, printed as date, meeting, next row's
    commission, run to the "缩略语：" note), and numbered paragraphs; a paragraph that
    lists three or more items after "：", separated by "；", has them as sub-paragraphs."""
    plan = {"masthead": [], "summary": [], "body": [], "headings": [], "tables": []}
    i = 0
    while lines[i] != "摘要":
        plan["masthead"].append(lines[i])
        i += 1
    i += 1
    while not _CHAPTER.match(lines[i]):
        plan["summary"].append(lines[i])
        i += 1
    number = 0
    while i < len(lines):
        line = lines[i]
        if m := _CHAPTER.match(line):
            item = ("heading", (m.group(1), lines[i + 1], 1))
            i += 2
        elif i + 2 < len(lines) and lines[i + 1:i + 3] == ["区域委员会", "日期"]:
            end = next(k for k in range(i, len(lines)) if lines[k].startswith("缩略语："))
            cells = lines[i + 3:end]
            first = cells[1][:cells[1].index("经社会") + 3]  # the first row's commission
            rows = [["区域委员会", "日期", "会议"]] + [
                [first if k == 0 else cells[k - 1], cells[k], cells[k + 1]]
                for k in range(0, len(cells), 3)]
            item = ("table", {"caption": line, "rows": rows, "notes": [lines[end]]})
            i = end + 1
        elif line.endswith("百分比") and not _ENDS_SENTENCE.search(line):
            item = ("table", {"caption": line, "rows": _ZH_FIGURE_ROWS, "notes": []})
            i += 1
        elif not _ENDS_SENTENCE.search(line):
            letter = next((v for k, v in _ZH_LETTERED.items() if line.startswith(k)), None)
            item = ("heading", (letter, line, 2 if letter else 3))
            i += 1
        else:
            number += 1
            m = _ENUMERATION.match(line)
            subs = m.group(2).split("；") if m else []
            subs = [s + "；" for s in subs[:-1]] + subs[-1:]
            item = ("para", {"number": number, "text": line, "lead": m.group(1) if m else line,
                             "subs": subs})
            i += 1
        plan["body"].append(item)
        kind, value = item
        if kind == "heading":
            plan["headings"].append(value)
        elif kind == "table":
            plan["tables"].append(value)
    return plan


def _borders(table, edges: str) -> None:
    xml = "".join(f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="000000"/>' for e in edges.split())
    table._tbl.tblPr.append(parse_xml(f'<w:tblBorders {nsdecls("w")}>{xml}</w:tblBorders>'))


def _page_field(paragraph, instr: str) -> None:
    paragraph._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="{instr}">'
                                  f'<w:r><w:t>1</w:t></w:r></w:fldSimple>'))


def _job(paragraph, before: str, after: str) -> None:
    """The job number as the ODS prints it in a Chinese footer: its year set small
    ("23" + "-08532"), which a reader sees as a raised number beside the rest."""
    paragraph.add_run(before)
    paragraph.add_run(ZH_REPORT_JOB[:2]).font.size = Pt(6.5)
    paragraph.add_run(ZH_REPORT_JOB[2:] + after)


def _zh_furniture(doc) -> None:
    """The ODS page furniture: the masthead as a layout table in the first page's header,
    the job line with "(C)", date stamps, barcode and "请回收" in its footer, the symbol as
    running header, and "23-08532 3/18" (odd) / "2/18 23-08532" (even) footers."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    section = doc.sections[0]
    section.different_first_page_header_footer = True
    doc.settings.odd_and_even_pages_header_footer = True
    head = section.first_page_header
    grid = head.add_table(2, 2, width=section.page_width - section.left_margin - section.right_margin)
    grid.cell(0, 0).paragraphs[0].text = "联合国"
    grid.cell(0, 1).paragraphs[0].text = ZH_REPORT_SYMBOL
    grid.cell(0, 1).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    grid.cell(1, 0).paragraphs[0].text = "经济及社会理事会"
    right = grid.cell(1, 1)
    right.paragraphs[0].text = "Distr.: General"
    for line in (ZH_REPORT_DATE, "Chinese", "Original: English"):
        right.add_paragraph(line)
    for row in grid.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                for r in p.runs:
                    r._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), CJK_FONT)
    foot = section.first_page_footer
    _job(foot.paragraphs[0], "", " (C)    110523    120523")
    foot.add_paragraph(f"*{ZH_REPORT_JOB.replace('-', '')}*")
    foot.add_paragraph("请回收").runs[0]._r.get_or_add_rPr().get_or_add_rFonts().set(
        qn("w:eastAsia"), CJK_FONT)
    section.header.paragraphs[0].text = ZH_REPORT_SYMBOL
    section.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    section.even_page_header.paragraphs[0].text = ZH_REPORT_SYMBOL
    odd = section.footer.paragraphs[0]
    odd.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _job(odd, "", "  ")
    _page_field(odd, "PAGE")
    odd.add_run("/")
    _page_field(odd, "NUMPAGES")
    even = section.even_page_footer.paragraphs[0]
    _page_field(even, "PAGE")
    even.add_run("/")
    _page_field(even, "NUMPAGES")
    _job(even, "  ", "")


def _zh_para(doc, text: str, label: str | None = None, level: int | None = None):
    """A paragraph: numbered by Word (``level`` 0, sub-paragraph 1) or with its ``label``
    typed before a tab."""
    p = doc.add_paragraph()
    if level is not None:
        numpr = p._p.get_or_add_pPr().get_or_add_numPr()
        numpr.get_or_add_ilvl().val = level
        numpr.get_or_add_numId().val = 3
    _run(p, f"{label}\t{text}" if label else text)
    return p


def _zh_cited(p, text: str, footnotes: Footnotes, marker: str) -> None:
    """Paragraph ``p`` citing note ``marker`` after the last Han character before the first
    "，" of ``text`` (the marker glued to Han text, as Chinese editions print it)."""
    cut = text.index("，")
    _run(p, text[:cut])
    footnotes.reference(p, ZH_REPORT_NOTES[marker])
    _run(p, text[cut:])


def zh_report_docx(out_dir: Path, typed: bool = False) -> tuple[Path, dict]:
    """E/2023/15 in Chinese as a Word file in the ODS layout (see ``zh_report_plan``), and
    the plan it was built from (what a reading must give back). ``typed``: as Word files
    from other sources have it, paragraph numbers and sub-paragraph letters typed before a
    tab (no numbering part), chapter headings "一、政策和分析", no table header row repeated
    on the next page."""
    lines = [x.strip() for x in ZH_SEGMENTS.read_text(encoding="utf-8").splitlines() if x.strip()]
    plan = zh_report_plan(lines)
    doc = new_docx()
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), CJK_FONT)
    normal.paragraph_format.widow_control = False  # short paragraphs run over pages too
    if not typed:
        doc.part.numbering_part._element = parse_xml(_NUMBERING)
    footnotes = Footnotes(doc)
    _zh_furniture(doc)
    for line in plan["masthead"]:
        p = doc.add_paragraph()
        _run(p, line.rstrip("*"))
        if line.endswith("*"):
            footnotes.reference(p, ZH_REPORT_NOTES["*"], mark="*")
    _run(doc.add_paragraph(style="Heading 2"), "摘要")
    for line in plan["summary"]:
        _zh_para(doc, line)
    cited = {n: m for m, n in _ZH_NOTE_AT.items()}
    for kind, value in plan["body"]:
        if kind == "heading":
            number, title, level = value
            h = doc.add_paragraph(style=f"Heading {level}")
            _run(h, title if not number else f"{number}、{title}" if typed and level == 1
                 else f"{number}.\t{title}")
        elif kind == "table":
            _run(doc.add_paragraph(), value["caption"]).bold = True  # as the ODS sets titles
            rows = value["rows"]
            table = doc.add_table(len(rows), len(rows[0]))
            _borders(table, "top bottom insideH")
            if not typed:  # the header row repeated on each page, as the UN sets it
                table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    _run(table.cell(r, c).paragraphs[0], cell)
            for note in value["notes"]:
                _run(doc.add_paragraph(), note)
        else:
            number = value["number"]
            text = "" if number in cited else value["lead"]
            p = _zh_para(doc, text, f"{number}." if typed else None, None if typed else 0)
            if number in cited:
                _zh_cited(p, value["lead"], footnotes, cited[number])
            for k, sub in enumerate(value["subs"]):
                _zh_para(doc, sub, f"({chr(97 + k)})" if typed else None, None if typed else 1)
    footnotes.save_part()
    out = Path(out_dir) / ("E_2023_15.zh.typed.docx" if typed else "E_2023_15.zh.docx")
    doc.save(out)
    return out, plan
