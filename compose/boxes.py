"""A box in the Word file: its label and title in bold, then its paragraphs, all framed by
one border (consecutive paragraphs with the same border print as one frame in Word and
LibreOffice). Plain bordered paragraphs rather than a one-cell table, so that a reader of
the file meets the label "Box 2" first and reads the box as a box, not as a table."""
from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

from compose.draft import Box

FRAME = (f'<w:pBdr {nsdecls("w")}>' + "".join(
    f'<w:{e} w:val="single" w:sz="4" w:space="4" w:color="000000"/>'
    for e in ("top", "left", "bottom", "right")) + "</w:pBdr>")


def write_box(writer, box: Box) -> None:
    """``writer``: the edition's ``compose.word.Writer``."""
    from compose.word import PBDR_SUCCESSORS

    def framed(paragraph):
        paragraph._p.get_or_add_pPr().insert_element_before(parse_xml(FRAME),
                                                            *PBDR_SUCCESSORS)
        return paragraph

    spacer = writer.doc.add_paragraph()
    spacer.paragraph_format.space_after = Pt(6)
    head = framed(writer.paragraph("SingleTxt"))
    head.paragraph_format.keep_with_next = True
    writer.run(head, box.number, bold=True)
    if box.title:
        head.runs[-1].add_break()
        writer.run(head, box.title, bold=True)
    for i, text in enumerate(box.paragraphs, start=1):
        p = framed(writer.paragraph("SingleTxt"))
        writer.text(p, text, f"{box.number}, paragraph {i}")
    writer.doc.add_paragraph()
