"""UN house style for a Secretary-General report, as numbers, in one place. Each value was
read from the UN's own Word originals (``../shared/corpus-dev/twins/A_80_*.docx``: their
styles ``__Single Txt``, ``_ H _Ch``, ``_ H_1``, ``_ H_2/3``, ``footnote text``, ``Header``,
``Footer`` and their section properties) and checked on the UN PDF of E/2025/15 (text from
x = 123.4 pt to 491 pt, body 10.1 pt on a 12 pt pitch, footnotes 8.4 pt). Points throughout;
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
# footnote text: the note indented with the body, its mark in front of it (in the PDF of
# E/2025/15 marks stand near x = 95 pt, 35 pt into the text area; notes start at 123.9)
NOTE_MARK_AT = 36.0
# sizes (pt) and exact line pitches per language; zh: SimSun 10.5 on 15.6 as UN Chinese
SIZES = {
    "en": {"body": 10, "line": 12, "note": 8.5, "note_line": 10.5, "h1": 14, "h1_line": 15,
           "h2": 12, "h2_line": 13.5, "h3": 10, "h3_line": 12, "summary": 12, "title": 14,
           "report": 12, "organ": 17, "un": 14, "header": 8.5, "page": 8.5, "job": 7},
    "zh": {"body": 10.5, "line": 15.6, "note": 9, "note_line": 10.5, "h1": 14, "h1_line": 18,
           "h2": 12, "h2_line": 16, "h3": 10.5, "h3_line": 15.6, "summary": 12, "title": 15,
           "report": 12, "organ": 16, "un": 14, "header": 8.5, "page": 8.5, "job": 7},
}
NOTE_CALL_GAP = 2.0  # pt after a footnote call followed by another at the same place
# the running header's symbol sits low, on its rule (UN files: a 43.2 pt row, text at the
# bottom; in E/2025/15 the symbol's top is 52 pt from the page's top)
HEADER_DROP = 24.0
HEADER_RULE = 2  # eighths of a point: the hairline under the running header (w:sz="2")
LANGUAGE = {"en": "en-US", "zh": "zh-CN"}  # the document's language (its properties)
# w:lang on the text: Latin script English, East Asian Chinese, in both editions (a Latin
# language of zh-CN makes LibreOffice space out the digits of justified numbers: "2 5 00")
RUN_LANGUAGE = ("en-US", "zh-CN")
