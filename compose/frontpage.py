"""The first page of an edition as UN Word originals lay it out: the masthead table in the
first page's own header (so the running header of later pages and the body's top margin are
untouched), the session block, title and "Report of the Secretary-General" with their
asterisked notes, the boxed Summary, and the job-number line in the first page's footer.
Every measure comes from ``compose.house``."""
from __future__ import annotations

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

from compose import house

# schema order: what may follow w:position inside w:rPr (w:spacing and w:w precede w:kern)
POSITION_SUCCESSORS = ("w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd",
                       "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
                       "w:eastAsianLayout", "w:specVanish", "w:oMath")
NO_MARGINS = (f'<w:tblCellMar {nsdecls("w")}><w:left w:w="0" w:type="dxa"/>'
              '<w:right w:w="0" w:type="dxa"/></w:tblCellMar>')


def _borders(cell, size: int, edges=("bottom",)) -> None:
    cell._tc.get_or_add_tcPr().append(parse_xml(
        f'<w:tcBorders {nsdecls("w")}>' + "".join(
            f'<w:{e} w:val="single" w:sz="{size}" w:space="0" w:color="000000"/>'
            for e in edges) + "</w:tcBorders>"))


def _layout(table, widths) -> None:
    """Fixed columns and no cell margins: text starts where the UN's does."""
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    table._tbl.tblPr.append(parse_xml(NO_MARGINS))
    for column, width in zip(table.columns, widths):
        column.width = Pt(width)  # the grid, which LibreOffice follows
        for cell in column.cells:
            cell.width = Pt(width)


def track(rpr, spacing: float, width: int) -> None:
    """Letter spacing (pt) and width (%) on a run's or a style's ``w:rPr``."""
    for xml in (f'<w:spacing {nsdecls("w")} w:val="{round(spacing * 20)}"/>',
                f'<w:w {nsdecls("w")} w:val="{width}"/>'):
        rpr.insert_element_before(parse_xml(xml), "w:kern", "w:position", *POSITION_SUCCESSORS)


def _lowered(run, points: float) -> None:
    run._r.get_or_add_rPr().insert_element_before(
        parse_xml(f'<w:position {nsdecls("w")} w:val="{round(-points * 2)}"/>'),
        *POSITION_SUCCESSORS)


def masthead(w) -> None:
    """The masthead table in the first page's header (UN twins' first-page header)."""
    m, mh, size = w.ed.masthead, house.MASTHEAD, w.size
    header = w.doc.sections[0].first_page_header
    table = header.add_table(2, len(mh["columns"]), Pt(sum(mh["columns"])))
    _layout(table, mh["columns"])
    for row, height in zip(table.rows, mh["rows"]):
        row.height, row.height_rule = Pt(height), WD_ROW_HEIGHT_RULE.EXACTLY
    top, bottom = table.rows[0].cells, table.rows[1].cells
    for cells, rule in ((top, mh["rules"][0]), (bottom, mh["rules"][1])):
        for cell in cells:
            _borders(cell, rule)
    for cell in top:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
    un = top[1].paragraphs[0]
    un.paragraph_format.space_after = Pt(mh["un_after"])
    un.paragraph_format.line_spacing = Pt(mh["un_line"])
    un_run = w.run(un, "United Nations" if w.lang == "en" else "联合国", size=size["un"])
    sym = top[3].merge(top[-1]).paragraphs[0]
    sym.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    sym.paragraph_format.space_after = Pt(mh["un_after"])
    sym.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    for text, points in ((m.symbol[:1], mh["symbol_letter"]), (m.symbol[1:], mh["symbol"])):
        _lowered(w.run(sym, text, size=points), mh["symbol_drop"])
    organ = bottom[1].merge(bottom[3]).paragraphs[0]
    organ.paragraph_format.space_before = Pt(mh["organ_before"])
    organ.paragraph_format.line_spacing = Pt(mh["organ_line"])
    organ_run = w.run(organ, m.organ, bold=True, size=size["organ"])
    if w.lang in house.TRACKING:  # as tracked in the UN's English files
        track(un_run._r.get_or_add_rPr(), *mh["un_tracking"])
        track(organ_run._r.get_or_add_rPr(), *mh["organ_tracking"])
    distr = bottom[-1]
    for i, line in enumerate(["Distr.: General", m.date, "", *m.language_lines]):
        p = distr.paragraphs[0] if i == 0 else distr.add_paragraph()
        if i == 0:
            p.paragraph_format.space_before = Pt(mh["distr_before"])
        w.run(p, line, size=size["body"])
    after = header.paragraphs[0]  # Word wants a paragraph after a table: a 1 pt one
    table._tbl.addnext(after._p)
    after.paragraph_format.line_spacing = Pt(1)
    w.run(after, "", size=1)


def front(w) -> None:
    """Session block, title and "Report of ..." in the body, spaced as the twins'."""
    m, f, size = w.ed.masthead, house.FRONT, w.size
    marks = iter("*" * n for n in range(1, 4))

    def line(text, bold=False):
        p = w.doc.add_paragraph()
        w.run(p, text, bold=bold)
        return p

    if m.body:
        line(m.body, bold=True)
    line(m.session, bold=True)
    if m.meeting:
        line(m.meeting)
    if m.agenda:
        p = w.doc.add_paragraph()
        w.run(p, m.agenda[0])
        if m.agenda_note:
            w.notes.call(p, m.agenda_note + ("." if w.lang == "en" else "。"), mark=next(marks))
        if m.agenda[1]:
            w.run(p, m.agenda[1])
    if m.agenda_title:
        line(m.agenda_title, bold=True).paragraph_format.right_indent = \
            Pt(f["agenda_title_right"])
    for text, note, points, line_, before, after in (
            (m.title, m.title_note, size["title"], f["title_line"], f["title_before"], 0),
            (m.report_of, m.report_note, size["report"], f["report_line"],
             f["report_before"], f["report_after"])):
        p = w.doc.add_paragraph()
        pf = p.paragraph_format
        pf.left_indent = pf.right_indent = Pt(house.TEXT_INDENT)
        pf.space_before, pf.space_after = Pt(before), Pt(after)
        pf.line_spacing = Pt(line_)
        pf.keep_with_next = True
        w.run(p, text, bold=True, size=points, heading=True)
        if note:
            w.notes.call(p, note, mark=next(marks))


def release(w) -> None:
    """The first page's footer: "26-01234 (E)    150426" (``Release Date``, 10 pt), only
    when the spec gives the job number: the UN's files carry the number the documents
    service assigned, never a placeholder."""
    m = w.ed.masthead
    if m.job:
        p = w.doc.sections[0].first_page_footer.paragraphs[0]
        w.run(p, f"{m.job}    {m.job_date}", size=w.size["release"])


def summary(w) -> None:
    """The boxed Summary: a one-cell table across the text width, as in UN documents."""
    if not w.ed.summary:
        return
    s, page = house.SUMMARY, house.PAGE
    table = w.doc.add_table(rows=1, cols=1)
    _layout(table, (page["width"] - page["left"] - page["right"],))
    cell = table.cell(0, 0)
    _borders(cell, s["border"], ("top", "left", "bottom", "right"))
    head = cell.paragraphs[0]
    pf = head.paragraph_format
    pf.left_indent = Pt(s["label_at"])
    pf.space_before, pf.space_after = Pt(s["label_before"]), Pt(s["label_after"])
    w.run(head, w.ed.summary_label, italic=w.lang == "en", size=w.size["summary"],
          heading=True)
    for text in w.ed.summary:
        p = w.paragraph("SingleTxt", cell)
        p.paragraph_format.first_line_indent = Pt(s["first_line"])
        w.text(p, text, "summary")
    cell.add_paragraph()
