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
