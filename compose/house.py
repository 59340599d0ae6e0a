"""UN house style for a Secretary-General report, as numbers, in one place. Each value was
read from the UN's own Word originals (``../shared/corpus-dev/twins/A_80_*.docx``: their
styles ``__Single Txt``, ``_ H _Ch``, ``_ H_1``, ``_ H_2/3``, ``footnote text``, ``Header``,
``Footer``, their section properties and the first page's header, which holds the masthead)
and checked on the UN PDF of E/2025/15 (text from x = 123.4 pt to 491 pt, body 10.1 pt on a
12 pt pitch, footnotes 8.4 pt) and on the first pages of 40 A/ and E/ PDFs of
``../shared/corpus-dev`` (organ name 20 pt at x = 123.4, y = 70.7 in every one). Points throughout;
the Word writer converts, and the tests assert these values on the XML it writes."""
from __future__ import annotations

# page: US Letter, as New York documents are printed
PAGE = {"width": 612.0, "height": 792.0, "left": 60.0, "right": 60.0, "top": 72.0,
        "bottom": 86.4, "header": 21.6, "footer": 25.2}
# __Single Txt: text 63.35 pt in from each margin (a measure of 365.3 pt); a paragraph
# number sits at the indent and the text follows at the next stop; "(a)" items take one
# stop more: "\t(a)\t" -> label at 87.1, text at 110.9
TEXT_INDENT = 63.35
TAB_STOPS = (63.35, 87.1, 110.9, 134.65, 159.1, 182.9, 206.65, 231.1, 254.9, 278.65, 302.4)
SPACE_AFTER = 6.0
# Title_H_CH / _ H _Ch: the heading number before the body's indent (UN files right-align
# it at 51.1 pt; here it starts at 36 pt, so that the heading's text is "I.<tab>Title"),
# the text hanging at the body's indent: heading and body text start at the same place
HEADING_NUMBER_AT = 36.0
# footnote text: the note at the body's indent, hanging 28.8 pt, its mark at the start of the
# hanging line and the text after a tab (twins' notes: w:ind left 1267 hanging 576; they put
# the mark on a right tab at 1195 twips after a leading tab, which LibreOffice ignores inside
# a footnote's mark: the mark then lands on the right stop and pushes the text off the indent)
NOTE = {"hanging": 28.8}
# sizes (pt) and exact line pitches per language; zh: SimSun 10.5 on 15.6 as UN Chinese
SIZES = {
    "en": {"body": 10, "line": 12, "note": 8.5, "note_line": 10.5, "h1": 14, "h1_line": 15,
           "h2": 12, "h2_line": 13.5, "h3": 10, "h3_line": 12, "summary": 12, "title": 14,
           "report": 12, "organ": 20, "un": 14, "header": 8.5, "page": 8.5, "job": 7,
           "release": 10},
    "zh": {"body": 10.5, "line": 15.6, "note": 9, "note_line": 10.5, "h1": 14, "h1_line": 18,
           "h2": 12, "h2_line": 16, "h3": 10.5, "h3_line": 15.6, "summary": 12, "title": 15,
           "report": 12, "organ": 16, "un": 14, "header": 8.5, "page": 8.5, "job": 7,
           "release": 10},
}
# English text is set a little wide: letter spacing (pt) and width (%) of the twins' ``Normal``
# (w:spacing 4, w:w 103) and ``footnote text`` (5, 104) styles; UN Chinese files use neither
TRACKING = {"en": {"body": (0.2, 103), "note": (0.25, 104)}}
NOTE_CALL_GAP = 2.0  # pt after a footnote call followed by another at the same place
# the running header's symbol sits low, on its rule (UN files: a 43.2 pt row, text at the
# bottom; in E/2025/15 the symbol's top is 52 pt from the page's top)
HEADER_DROP = 24.0
HEADER_RULE = 2  # eighths of a point: the hairline under the running header (w:sz="2")
LANGUAGE = {"en": "en-US", "zh": "zh-CN"}  # the document's language (its properties)
# w:lang on the text: Latin script English, East Asian Chinese, in both editions (a Latin
# language of zh-CN makes LibreOffice space out the digits of justified numbers: "2 5 00")
RUN_LANGUAGE = ("en-US", "zh-CN")
# The masthead: a table in the first page's header, as in the UN's files (twins' first-page
# header: grid 1267/1872/245/3110/245/3096 twips, rows exactly 864 and 2880 twips). Row 1:
# "United Nations" (``_ H _Ch`` not bold) from 63.35 pt, the symbol right-aligned, its first
# letter 20 pt then 10 pt, both lowered 2 pt; a 0.5 pt rule. Row 2: the organ (``XLarge``:
# 20 pt bold on an exact 19.5 pt line, 5.45 pt before) from 63.35 pt and the "Distr." block
# from 336.95 pt (``Publication``: 12 pt before); a 1.5 pt rule. In E/2025/15: "United
# Nations" top at y = 46.9, organ at x = 123.4, "Distr.: General" at x = 397.1, the thick
# rule at y = 209 and the session line at y = 214.4.
MASTHEAD = {"columns": (63.35, 93.6, 12.25, 155.5, 12.25, 154.8), "rows": (43.2, 144.0),
            "rules": (4, 12),  # eighths of a point under row 1 and row 2
            "symbol_letter": 20, "symbol": 10, "symbol_drop": 2.0, "un_after": 4.0, "un_line": 15.0,
            "organ_line": 19.5, "organ_before": 5.45, "distr_before": 12.0,
            # letter spacing (pt) and width (%) of "United Nations" (run: w:spacing 2, w:w 96)
            # and of the organ name (``XLarge``: -4, 98), which the body's tracking would widen
            "un_tracking": (0.1, 96), "organ_tracking": (-0.2, 98)}
# the front page below the masthead (twins' body: three 6 pt spacer lines before the title,
# two between title and "Report of ...", three after it; E/2025/15: title at y = 279.6,
# "Report of the Secretary-General" at 322.1); the title measure is ``Title_H_CH``'s:
# from the body's indent to 63 pt before the right margin (twins: w:right 1260-1650 twips;
# A/80/590's title lines reach x = 486 pt)
FRONT = {"title_before": 18.0, "report_before": 12.0, "report_after": 18.0,
         "title_line": 15.0, "report_line": 13.5, "agenda_title_right": 213.0}
# the Summary box (A/80/628's): a one-cell table across the text width, 0.25 pt borders, no
# cell margins (text at the body's indent); "Summary" 12 pt italic 12 pt in, 12 pt before and
# 6 after; each paragraph's first line begins at the second tab stop (the UN types a tab):
# 23.75 pt in (E/2025/15: first lines at x = 147.4, the others at 123.7)
SUMMARY = {"border": 2, "label_at": 12.0, "label_before": 12.0, "label_after": 6.0,
           "first_line": TAB_STOPS[1] - TAB_STOPS[0]}
