"""Resolutions, in both languages and every form: the organ that addresses the text ("The
General Assembly,", "大会，") opens a preamble whose clauses are paragraphs of their own, on one
page or over a page break; the operative paragraphs are numbered 1.–N.; the meeting that
adopted the text closes it apart from the last paragraph; a resolution's running header
(its symbol and short title, in one bold type) is page furniture. Real English resolutions
are read where they are in ../shared/corpus-dev/; the Chinese one is written here in the
ODS layout, as a Word file, LibreOffice's PDF of it and a ``pdftotext -layout`` dump."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from docx import Document as new_docx
from docx.oxml.ns import qn
from docx.shared import Pt

from corpus import read
from tests.builders import CJK_FONT, SHARED, docx_to_pdf, shared, soffice

DEV = SHARED / "corpus-dev" / "en"

ZH_MASTHEAD = ["联合国", "A/RES/79/250", "大会", "Distr.: General", "10 January 2025",
               "第七十九届会议", "议程项目27", "2024年12月20日大会决议",
               "[根据第三委员会的报告(A/79/456)通过]"]
ZH_TITLE = "79/250.提高农村地区妇女的地位"
ZH_CLAUSES = [
    "回顾其1995年12月21日第50/165号决议以及关于改善农村地区妇女状况的其他各项决议，",
    "又回顾《消除对妇女一切形式歧视公约》及其任择议定书，并注意到消除对妇女歧视委员会的"
    "相关一般性建议，特别是关于农村妇女权利的第34号一般性建议，",
    "重申《北京宣言》和《行动纲要》以及大会第二十三届特别会议的成果文件，",
    "认识到农村妇女在促进农业和农村发展、改善粮食安全和消除农村贫困方面发挥的关键作用，",
    "深为关切地注意到全世界农村妇女的状况因多重危机而更加恶化，包括粮食和能源价格上涨、"
    "气候变化的不利影响以及武装冲突，",
    "强调必须确保农村妇女充分、平等和切实地参与各级决策，",
    "欢迎会员国、联合国系统各组织和其他利益攸关方为改善农村妇女状况所作的努力，",
    "铭记《2030年可持续发展议程》承诺不让任何一个人掉队，首先帮助落在最后面的人，",
    "关切农村妇女在获得土地、信贷、技术、推广服务和市场方面仍面临障碍，",
    "确认农村妇女和女童在获得保健服务、教育和体面工作方面面临的特殊挑战，",
    "考虑到无偿照护工作和家务劳动过多地由农村妇女和女童承担，",
    "注意到秘书长关于改善农村地区妇女状况的报告，",
] * 2  # long enough to run over a page
ZH_OPERATIVE = [
    "敦促会员国与联合国各组织和民间社会合作，继续努力执行各次联合国会议和首脑会议的成果；",
    "吁请会员国将农村妇女的需要纳入国家发展政策和方案的主流；",
    "请秘书长向大会第八十一届会议提交一份关于本决议执行情况的报告。",
]
ZH_SIGN_OFF = ["2024年12月20日", "第55次全体会议"]


def zh_resolution_docx(out):
    """The Chinese resolution as the ODS sets it: masthead lines, the adopting organ, its
    clauses indented, operative paragraphs numbered "1." with a tab, the meeting at right."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT

    doc = new_docx()
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), CJK_FONT)

    def para(text, indent=True, bold=False, right=False):
        p = doc.add_paragraph()
        run = p.add_run(text)
        run.bold = bold
        run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), CJK_FONT)
        if indent:
            p.paragraph_format.first_line_indent = Pt(21)
        if right:
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        return p

    for line in ZH_MASTHEAD:
        para(line, indent=False)
    para(ZH_TITLE, indent=False, bold=True)
    para("大会，")
    for clause in ZH_CLAUSES:
        para(clause)
    for n, text in enumerate(ZH_OPERATIVE, 1):
        para(f"{n}.\t{text}")
    for line in ZH_SIGN_OFF:
        para(line, indent=False, right=True)
    # the running header of pages 2 on: symbol and short title in one bold type, apart
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    head = section.header.paragraphs[0]
    head.paragraph_format.tab_stops.add_tab_stop(section.page_width - section.left_margin
                                                 - section.right_margin, WD_TAB_ALIGNMENT.RIGHT)
    run = head.add_run(f"{ZH_MASTHEAD[1]}\t{ZH_TITLE.split('.')[1]}")
    run.bold = True
    run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), CJK_FONT)
    path = out / "A_RES_79_250.zh.docx"
    doc.save(path)
    return path


@pytest.fixture(scope="module")
def zh(tmp_path_factory):
    """The Chinese resolution read from Word, from LibreOffice's PDF and from its dump."""
    assert soffice(), "LibreOffice (soffice) is required: .ci/run installs libreoffice-writer-nogui"
    assert shutil.which("pdftotext"), "poppler-utils (pdftotext) is required"
    out = tmp_path_factory.mktemp("zh-resolution")
    docx = zh_resolution_docx(out)
    pdf = docx_to_pdf(docx, out)
    dump = out / "A_RES_79_250.zh.txt"
    subprocess.run(["pdftotext", "-layout", str(pdf), str(dump)], check=True)
    return {"docx": read(docx), "pdf": read(pdf), "txt": read(dump)}


@pytest.mark.parametrize("form", ["docx", "pdf", "txt"])
def test_a_chinese_resolution_keeps_each_preambular_clause(zh, form):
    doc = zh[form]
    assert (doc.metadata.symbol, doc.metadata.organ, doc.metadata.agenda_item) == (
        "A/RES/79/250", "大会", "27")
    assert doc.metadata.title == ZH_TITLE
    assert [(p.number, p.text) for p in doc.paragraphs] == [
        (None, "大会，"), *((None, c) for c in ZH_CLAUSES),
        *((str(n), t) for n, t in enumerate(ZH_OPERATIVE, 1))]
    assert [s.title for s in doc.sections] == ["".join(ZH_SIGN_OFF)]
    assert doc.warnings == []


def test_the_chinese_preamble_runs_over_a_page_break(zh):
    pages = [p.page for p in zh["pdf"].paragraphs]
    assert pages[0] == 1 and pages[-1] == 2  # so the test above covers a clause on page 2


def test_a_resolutions_running_header_is_furniture():
    doc = read(shared(DEV / "A_RES_78_323.en.pdf"))
    assert doc.metadata.title == "78/323. International Day of Women and Girls of African Descent"
    # "A/RES/78/323 | International Day of ..." heads pages 2 and 3: neither a heading
    # nor the start of the clause going on at the top of page 2
    assert [s.title for s in doc.sections] == ["103rd plenary meeting 13 August 2024"]
    assert [p.text[:40] for p in doc.paragraphs if p.number is None][4:6] == [
        "Observing the mutually reinforcing relat", "Reaffirming the Vienna Declaration and P"]
    assert doc.paragraphs[4].text.endswith("and to reduce inequality within and among countries, "
                                           "including through specific measures to address racial "
                                           "discrimination,")
    assert [p.number for p in doc.paragraphs if p.number] == ["1", "2", "3", "4", "5"]
    assert doc.warnings == []


def test_a_declarations_running_header_of_four_lines_is_furniture():
    doc = read(shared(DEV / "E_HLS_2025_1.en.pdf"))
    assert [s.title[:30] for s in doc.sections] == [
        "Current trends, challenges and", "Priority actions for advancing",
        "Goal 3. Ensure healthy lives a", "Goal 5. Achieve gender equalit",
        "Goal 8. Promote sustained, inc", "Goal 14. Conserve and sustaina",
        "Goal 17. Strengthen the means ", "Voluntary national reviews"]
    assert not any("Ministerial declaration of the high-level" in p.text for p in doc.paragraphs)
    assert doc.paragraph("4").text.startswith("We also reaffirm that eradicating poverty")


def test_a_preambular_clause_after_a_page_break_is_a_paragraph_of_its_own():
    doc = read(shared(DEV / "S_RES_2776 (2025).en.pdf"))
    first = next(i for i, p in enumerate(doc.paragraphs) if p.number == "1")
    preamble = doc.paragraphs[:first]
    assert (preamble[0].text, len(preamble)) == ("The Security Council,", 27)
    # the first clause of pages 2, 3 and 4 (pages 3 and 4 start with a clause that the
    # page before's ended in a comma: it was run on that clause)
    firsts = [next(p.text[:30] for p in preamble if p.page == n) for n in (2, 3, 4)]
    assert firsts == ["Expressing concern about the f", "Urging continued development o",
                      "Determining that Al-Shabaab’s "]
    assert sum(p.text.endswith(",") for p in preamble) == 26  # and the Arms Embargo's title


def test_a_symbol_with_its_part_and_addendum_is_the_documents_symbol():
    doc = read(shared(DEV / "DP_FPA_2025_4 (Part I_Add.1).en.pdf"))
    assert doc.metadata.symbols == ["DP/FPA/2025/4 (Part I/Add.1)"]
    assert "DP/FPA/2025/4 (Part I/Add.1)" not in [s.title for s in doc.sections]


@pytest.mark.parametrize("layout", [True, False], ids=["layout", "plain"])
@pytest.mark.parametrize("name", ["A_RES_78_323.en.pdf", "E_HLS_2025_1.en.pdf"])
def test_a_dumps_running_title_is_furniture_too(tmp_path, name, layout):
    assert shutil.which("pdftotext"), "poppler-utils (pdftotext) is required"
    pdf = shared(DEV / name)
    dump = tmp_path / name.replace(".pdf", ".txt")
    subprocess.run(["pdftotext", *(["-layout"] if layout else []), str(pdf), str(dump)], check=True)
    doc, printed = read(dump), read(pdf)
    title = {"A_RES_78_323.en.pdf": "International Day of Women and Girls of African Descent",
             "E_HLS_2025_1.en.pdf": "Ministerial declaration of the high-level segment"}[name]
    # only where the text says it (paragraph 1: "Decides to proclaim 25 July as the ...")
    assert [p.number for p in doc.paragraphs if p.number and title in p.text] == \
        [p.number for p in printed.paragraphs if title in p.text]
    assert not any(title in s.title for s in doc.sections)
    # the dump's paragraphs as the PDF's, whitespace aside (pdftotext prints "high - level")
    # (A/RES/78/323: all but the one whose note 12's marker stands apart from its word)
    def texts(d):
        return {re.sub(r"\s", "", p.text) for p in d.paragraphs}

    same = texts(doc) & texts(printed)
    assert (len(printed.paragraphs), len(same)) == {
        "A_RES_78_323.en.pdf": (14, 13), "E_HLS_2025_1.en.pdf": (130, 129 if layout else 124)}[name]
    if name.startswith("A_RES"):
        assert [p.text for p in doc.paragraphs[:2]] == [
            "The General Assembly,",
            "Reaffirming the purposes and principles of the Charter of the United Nations,"]
        assert doc.metadata.title == printed.metadata.title
