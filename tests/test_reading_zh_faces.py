"""Chinese headings set in a face, not a weight: Chinese typesetting, the UN's too, sets a
heading in 黑体 (SimHei) and what English sets in italics in 楷体 (KaiTi), both regular,
beside a 宋体 body. Read by weight alone, such a heading is glued to the paragraph before it
("……提交的。背景"). The PDF is LibreOffice's, with Noto CJK faces renamed SimHei and KaiTi by
fontTools (this machine has no Windows fonts), so that the PDF names them as a real one does."""
from __future__ import annotations

import os
import subprocess

import pytest
from docx import Document as new_docx
from docx.oxml.ns import qn
from docx.shared import Pt

from corpus import read
from corpus.readers import docx_layout, pdf_objects
from corpus.readers.faces import face, font_name
from tests.builders import CJK_FONT, soffice

NOTO = "/usr/share/fonts/opentype/noto"
MASTHEAD = ["联合国", "A/80/201", "大会", "Distr.: General", "20 July 2025", "Chinese",
            "Original: English", "第八十届会议", "议程项目28"]
# (text, face): None is the body's Song face
BODY = [("提高农村地区妇女的地位", "SimHei"), ("秘书长的报告", "SimHei"),
        ("1.\t本报告是根据大会第78/160号决议提交的。", None),
        ("背景", "SimHei"),
        ("2.\t农村妇女在粮食安全方面发挥关键作用。", None),
        ("结论和建议", "SimHei"),
        ("农村妇女的经济赋权", "KaiTi"),
        ("3.\t若干会员国通过了新的法律，为农村妇女提供信贷。", None)]


def test_a_font_name_tells_its_face():
    assert face("ABCDEF+SimHei") == (True, False)
    assert face(font_name("黑体".encode("gbk"))) == (True, False)  # "/#BA#DA#CC#E5"
    assert face(font_name("楷体_GB2312".encode("gbk"))) == (False, True)
    assert face(font_name(b"KaiTi_GB2312")) == (False, True)
    assert face(font_name("宋体".encode("gbk"))) == face("SimSun") == (False, False)
    assert face("TimesNewRomanPS-BoldMT") == (False, False)  # its weight says bold, not its face


def _renamed(src: str, index: int, name: str, text: str, dest):
    """Font ``index`` of the collection ``src``, cut to ``text``'s glyphs, named ``name``
    everywhere a PDF writer takes a font's name from (name table, CFF and its FDArray)."""
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    font = TTCollection(src).fonts[index]
    options = subset.Options()
    options.name_IDs, options.name_languages = ["*"], ["*"]
    cutter = subset.Subsetter(options)
    cutter.populate(text=text)
    cutter.subset(font)
    for record in font["name"].names:
        if record.nameID in (1, 4, 6, 16):
            record.string = name
    cff = font["CFF "].cff
    cff.fontNames = [name]
    for fd in getattr(cff.topDictIndex[0], "FDArray", []):
        fd.FontName = f"{name}-{fd.FontName.rsplit('-', 1)[-1]}"
    font.save(dest)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The report as Word (runs in SimHei/KaiTi by name) and as LibreOffice's PDF of it."""
    assert soffice(), "LibreOffice (soffice) is required: .ci/run installs libreoffice-writer-nogui"
    assert os.path.exists(f"{NOTO}/NotoSansCJK-Regular.ttc"), "fonts-noto-cjk is required"
    out = tmp_path_factory.mktemp("zh-faces")
    fonts = out / "fonts"
    fonts.mkdir()
    text = "".join(MASTHEAD) + "".join(t for t, _ in BODY) + "0123456789./-:ABCDEGFHIJKLMNOPQRSTUVWXYZ"
    _renamed(f"{NOTO}/NotoSansCJK-Regular.ttc", 2, "SimHei", text, fonts / "simhei.otf")  # SC
    _renamed(f"{NOTO}/NotoSerifCJK-Regular.ttc", 2, "KaiTi", text, fonts / "kaiti.otf")
    doc = new_docx()
    doc.styles["Normal"].font.size = Pt(10.5)
    doc.styles["Normal"].element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), CJK_FONT)
    for line, name in [(m, None) for m in MASTHEAD] + BODY:
        p = doc.add_paragraph()
        p.add_run(line)._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"),
                                                                     name or CJK_FONT)
        if line[0].isdigit():
            p.paragraph_format.first_line_indent = Pt(21)
    docx = out / "A_80_201.zh.docx"
    doc.save(docx)
    conf = out / "fonts.conf"
    conf.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                    '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
                    f'<dir>{fonts}</dir><cachedir>{out / "cache"}</cachedir></fontconfig>')
    subprocess.run([soffice(), f"-env:UserInstallation=file://{out / '.lo-profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), str(docx)],
                   check=True, capture_output=True, timeout=300,
                   env=dict(os.environ, FONTCONFIG_FILE=str(conf)))
    return {"docx": docx, "pdf": out / "A_80_201.zh.pdf"}


@pytest.mark.parametrize("form", ["docx", "pdf"])
def test_headings_in_hei_and_kai_faces_are_headings(built, form):
    doc = read(built[form])
    assert (doc.metadata.title, doc.metadata.report_of) == ("提高农村地区妇女的地位", "秘书长")
    assert [s.title for s in doc.sections] == ["背景", "结论和建议", "农村妇女的经济赋权"]
    assert [(p.number, p.text) for p in doc.paragraphs] == [
        ("1", "本报告是根据大会第78/160号决议提交的。"),
        ("2", "农村妇女在粮食安全方面发挥关键作用。"),
        ("3", "若干会员国通过了新的法律，为农村妇女提供信贷。")]
    assert doc.warnings == []


def test_the_pdf_names_the_faces_and_weight_alone_would_glue_the_headings(built, monkeypatch):
    fonts = subprocess.run(["pdffonts", str(built["pdf"])], check=True, capture_output=True,
                           text=True).stdout
    assert "+SimHei-" in fonts and "+KaiTi-" in fonts
    monkeypatch.setattr(pdf_objects, "face", lambda name: (False, False))
    monkeypatch.setattr(docx_layout, "face", lambda name: (False, False))
    for form in ("pdf", "docx"):
        glued = read(built[form])
        assert (glued.sections, glued.paragraph("1").text) == (
            [], "本报告是根据大会第78/160号决议提交的。背景")
