"""Real Word footnotes. python-docx 1.2 has no footnote API, so the footnotes part
(``/word/footnotes.xml``, with the separator and continuation-separator notes Word expects
as ids -1 and 0) is built through its XML layer, related from the document part, and each
call in the body is a ``w:footnoteReference`` run in the FootnoteReference style."""
from __future__ import annotations

from xml.sax.saxutils import escape

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

SEPARATORS = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
              'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p>'
              '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
              '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r>'
              '<w:continuationSeparator/></w:r></w:p></w:footnote>')


class Footnotes:
    """Collects footnotes while the body is written; ``save`` adds the part."""

    def __init__(self, document, fonts: str):
        self.document = document
        self.fonts = fonts  # a <w:rFonts .../> element, the edition's fonts
        self.notes: list[str] = []

    def call(self, paragraph, text: str, mark: str | None = None):
        """Append a footnote call to ``paragraph``; ``mark`` (e.g. "*") replaces the
        automatic number, as for the agenda footnote. Returns the reference run."""
        fid = len(self.notes) + 1
        ref_mark = f"<w:t>{escape(mark)}</w:t>" if mark else "<w:footnoteRef/>"
        # an asterisk prints on the line at the text's size, in the note and at the call
        # (E/2025/15: "Secretary-General*" with a 10 pt "*", the note's "*" 8.4 pt)
        level = '<w:vertAlign w:val="baseline"/>' if mark else ""
        ref = f'<w:rPr><w:rStyle w:val="FootnoteReference"/>{self.fonts}{level}</w:rPr>'
        self.notes.append(
            f'<w:footnote w:id="{fid}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            f'<w:r>{ref}{ref_mark}</w:r>'
            f'<w:r><w:rPr>{self.fonts}</w:rPr><w:tab/><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
            f'</w:p></w:footnote>')
        custom = ' w:customMarkFollows="1"' if mark else ""
        run = parse_xml(
            f'<w:r {nsdecls("w")}>{ref}'
            f'<w:footnoteReference{custom} w:id="{fid}"/>'
            f'{f"<w:t>{escape(mark)}</w:t>" if mark else ""}</w:r>')
        paragraph._p.append(run)
        return run

    def save(self) -> None:
        """Add the footnotes part, with the collected notes, to the document."""
        xml = (f'<w:footnotes {nsdecls("w")}>{SEPARATORS}{"".join(self.notes)}</w:footnotes>')
        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode("utf-8"),
                    self.document.part.package)
        self.document.part.relate_to(part, RT.FOOTNOTES)
