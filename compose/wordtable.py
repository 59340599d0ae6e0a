"""A table in the Word file, ruled as UN tables are: its label and caption in bold above,
header rows in italic, a rule above and below the table and under its headers, a short
row's last cell across the rest, and the notes under it (a lettered note's letter raised)
as paragraphs, where readers of UN files look for them."""
from __future__ import annotations

import re
from dataclasses import replace

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from compose.draft import Table, Text


def write_table(writer, table: Table) -> None:
    """``writer``: the edition's ``compose.word.Writer``; the table set in the text
    measure."""
    if table.caption or table.number:
        p = writer.paragraph("SingleTxt")
        p.paragraph_format.keep_with_next = True
        if table.number:
            writer.run(p, table.number, bold=True)
        if table.caption:
            if table.number:
                p.runs[-1].add_break()
            writer.run(p, table.caption, bold=True)
    cols = max(len(row) for row in table.rows)
    grid = writer.doc.add_table(rows=len(table.rows), cols=cols)
    for i, row in enumerate(table.rows):
        if 0 < len(row) < cols:  # a short row as printed: its last cell spans the rest
            grid.cell(i, len(row) - 1).merge(grid.cell(i, cols - 1))
        for j, text in enumerate(row):
            cell = grid.cell(i, j)
            p = cell.paragraphs[0]
            p.paragraph_format.alignment = (WD_ALIGN_PARAGRAPH.LEFT if j == 0
                                            else WD_ALIGN_PARAGRAPH.RIGHT)
            writer.text(p, text, f"table cell {i + 1}, {j + 1}")
            if i < table.header_rows:
                for run in p.runs:
                    run.italic = True
            edges = [e for e, on in (("top", i == 0), ("bottom", i == len(table.rows) - 1
                                                         or i == table.header_rows - 1)) if on]
            if edges:
                cell._tc.get_or_add_tcPr().append(parse_xml(
                    f'<w:tcBorders {nsdecls("w")}>' + "".join(
                        f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                        for e in edges) + "</w:tcBorders>"))
    for note in table.notes:  # a lettered note's letter raised, as the UN sets it
        p = writer.paragraph("SingleTxt")
        letter = re.match(r"[a-z*]{1,3} (?=\S)", note.text)
        if letter:
            writer.run(p, letter.group().strip()).font.superscript = True
            note = Text(note.text[letter.end() - 1:], [
                replace(f, start=f.start - letter.end() + 1, end=f.end - letter.end() + 1)
                for f in note.figures])
        writer.text(p, note, "table note")
    writer.doc.add_paragraph()
