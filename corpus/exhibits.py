"""Tables, charts and their notes: what stands outside the paragraph flow.

A mixin of the structuring builder (``corpus.structure``): it adds tables and figures to
``self.doc`` and routes their notes, wherever the reader found them (under the table, pages
later where a long table ends, set as body text under a picture, or in the footnote area).
The builder provides ``doc``, ``lang``, ``para``, ``_place()``, ``_opens_unit()`` and
``footnote()``.
"""
from __future__ import annotations

import re

from corpus.blocks import HAN, REF_RE, Block, join_lines
from corpus.model import Figure, Table

TERMINAL = tuple("。！？；.!?;")
WORDY = re.compile(f"[A-Za-z{HAN}]{{2}}")
_PICTURE = re.compile(r"^((?:Figure|Chart|Map|Graph)\s+(?:[IVXL]+|\d{1,3}(?:\.\d{1,2})?|[A-Z])"
                      r"|图\s*[一二三四五六七八九十\d]+)[.:：]?(?:\s+(\S.*))?$")
_UNIT_LINE = re.compile(r"^[(（].{2,80}[)）]$")  # "(in millions of $)"
_FIGURE_NO = re.compile(r"^(?:Figure|Chart|Map|Graph|图)", re.I)
_OWN_TABLE_NO = re.compile(r"\b(?:Table|表)\s*\d")  # a block with its own table label
TABLE_NO = re.compile(r"^(?:Table|Figure|Chart|Map|Box|表|图)\s*[\dA-Z.IVX]+", re.I)
TABLE_NOTE = re.compile(r"^(?:[a-z]\s+(?=\S)|\*+\s?(?=\S)|(?:Sources?|Notes?|Abbreviations?)\s*:)|"
                        r"^(?:资料来源|注|缩略语|缩写)\s*[:：]")
_NUMERIC = re.compile(r"[\d\s.,%()\-–—$]*\d[\d\s.,%()\-–—$]*|[–—-]")


def chart_words(blocks: list[Block], opens_unit) -> set[int]:
    """Indexes of the short lines set as text between a chart or table and its source or
    note line on the same page ("Debt flows", "Equity flows", "Source: ..."): its legend.
    ``opens_unit(text)``: the text opens a numbered paragraph or a heading."""
    out: set[int] = set()
    for i, b in enumerate(blocks):
        if b.role not in ("table", "figure"):
            continue
        run = []
        for n in range(i + 1, min(i + 16, len(blocks))):
            plain = REF_RE.sub("", blocks[n].text).strip()
            if blocks[n].role != "body" or blocks[n].page != b.page:
                break
            if TABLE_NOTE.match(plain) and plain[:1].isupper():
                out.update(run)
                break
            if len(plain) >= 150 or plain.endswith(TERMINAL) or opens_unit(plain):
                break
            run.append(n)
    return out


class Exhibits:
    """Tables, charts and notes for the builder (see the module's docstring)."""

    def __init__(self):
        self.picture: Figure | None = None  # a chart's caption being read
        self.note: tuple[list[str], int | None] | None = None  # (notes, page) of a legend
        self.notes_on: set[tuple[int | None, str]] = set()  # (page, marker) of the footnotes
        self.after_table = False  # the last block was a table: what follows carries a
        # paragraph on only where its sentence does
        self.held: list = []  # the list (tables or figures) that got the last one
        self.table_end: tuple[Table, int | None] | None = None  # the last table, its last page

    def _legend_goes_on(self, plain: str, page: int | None) -> bool:
        """A legend's next line, joined to it."""
        note, self.note = self.note, None
        if note and note[1] == page and plain[:1].islower() and not note[0][-1].endswith(TERMINAL):
            note[0][-1] = join_lines([note[0][-1], plain])
            self.note = note
            return True
        return False

    def _noted(self, plain: str) -> bool:
        """A note line under the last table or chart ("Source: ...", and its next lines)."""
        after_table, self.after_table = self.after_table, False
        notes = self.held[-1].notes if after_table else None
        if notes is not None and TABLE_NOTE.match(plain) and not plain[:1].islower():
            notes.append(plain)
        elif notes and plain[:1].islower() and not notes[-1].endswith(TERMINAL):
            notes[-1] = join_lines([notes[-1], plain])
        else:
            return False
        self.after_table = True
        return True

    def table(self, block: Block) -> None:
        """A table or chart stands outside the paragraph flow: the paragraph it interrupts
        carries on after it where its sentence does. Its caption is the block's text ("Table
        3 Financial resources (Thousands of United States dollars)"), else unnumbered
        headings read just before it on its page; the chart drawn under a picture's caption
        ("Figure VI" ...) is that figure's."""
        self.after_table = True
        picture = self.picture
        if picture is not None and picture.page == block.page and not picture.notes and \
                not _OWN_TABLE_NO.search(block.text):
            picture.labels += [REF_RE.sub("", c).strip() for row in block.rows or [] for c in row]
            unit = REF_RE.sub("", block.text).strip()
            picture.caption = " ".join(t for t in (picture.caption, unit) if t) or None
            self.held = self.doc.figures
            return
        self.held = self.doc.figures if self._table(block) else self.doc.tables

    def _table(self, block: Block) -> bool:
        """Adds the table or chart of ``block`` to the document; True for a chart."""
        # references in cells of words ("audits²"); a raised number among a chart's numbers
        # is a label, not a reference, unless a footnote of that number ends the page
        refs = [m for row in block.rows or [] for c in row for m in REF_RE.findall(c)
                if WORDY.search(REF_RE.sub("", c)) or (block.page, m) in self.notes_on]
        rows = [[REF_RE.sub("", c).strip() for c in row] for row in block.rows or []]
        caption = [REF_RE.sub("", block.text).strip()] if block.text.strip() else []
        refs = REF_RE.findall(block.text) + refs
        notes = [r[0] for r in rows if len(r) == 1 and TABLE_NOTE.match(r[0])]
        rows = [r for r in rows if not (len(r) == 1 and TABLE_NOTE.match(r[0]))]
        if not caption and self._continued(rows, notes, refs, block.page, self._place()):
            return False
        while not caption and self.doc.sections and self.para is None and \
                self.doc.sections[-1].page == block.page and self.doc.sections[-1].level == 3:
            heading = self.doc.sections.pop()
            caption.insert(0, heading.title)
            refs = heading.footnote_refs + refs
        text = " ".join(caption)
        number = TABLE_NO.match(text)
        place = dict(page=block.page, **self._place())
        label = number.group(0) if number else None
        caption = text[number.end():].strip() if number else (text or None)
        axis = all(len(r) <= 1 for r in rows) and \
            sum(bool(_NUMERIC.fullmatch(r[0])) for r in rows if r) >= 0.5 * len(rows)
        if block.role == "figure" or (label and _FIGURE_NO.match(label)) or axis:
            self.doc.figures.append(Figure(number=label, caption=caption, notes=notes,
                                           labels=[c for r in rows for c in r],
                                           footnote_refs=list(dict.fromkeys(refs)), **place))
            return True
        header = next((i for i, r in enumerate(rows) if any(_NUMERIC.fullmatch(c) for c in r)), 0)
        self.doc.tables.append(Table(rows=rows, number=label, caption=caption, header_rows=header,
                                     notes=notes, footnote_refs=list(dict.fromkeys(refs)), **place))
        self.table_end = (self.doc.tables[-1], block.page)
        return False

    def _continued(self, rows: list[list[str]], notes: list[str], refs: list[str],
                   page: int | None, place: dict) -> bool:
        """Rows without a caption at the top of the page after the one where the last table
        stopped (a text dump knows no pages), nothing between them, as many columns: the
        rest of that table (a repeated header row dropped; a row whose first cells are
        empty finishes the row the page cut). True when they went into it. Chinese
        reports only, for now: English tables' indexes are cited by the figures gold
        (tests/gold/figures_tables_*.json), which the merge would shift."""
        last, end = self.table_end or (None, None)
        if self.lang != "zh" or last is None or last is not (self.doc.tables or [None])[-1] or \
                (page, end) != (None, None) and (page is None or end is None or page != end + 1) or \
                not rows or \
                (place["section"], place["after"]) != (last.section, last.after) or \
                max(map(len, rows)) != max(map(len, last.rows), default=0):
            return False
        head = last.header_rows or 1  # a table of words repeats its first row: its header
        if rows[:head] == last.rows[:head]:
            rows = rows[head:]
        if rows and rows[0] and not rows[0][0] and len(rows[0]) == len(last.rows[-1]):
            last.rows[-1] = [join_lines([a, b]) for a, b in zip(last.rows[-1], rows.pop(0))]
        last.rows += rows
        last.notes += notes
        last.footnote_refs += [m for m in refs if m not in last.footnote_refs]
        self.table_end = (last, page)
        return True

    def legend_line(self, text: str) -> None:
        """A legend line set as text under a chart (a row under a table)."""
        held = self.held[-1]
        if isinstance(held, Figure):
            held.labels.append(text)
        else:
            held.rows.append([text])
        self.after_table = True

    def legend(self, marker: str, text: str, page: int | None) -> None:
        """A note set as body text: a note of the table or chart that cites it (lettered
        notes stand where a long table ends) or of the one on its page; a footnote when only
        text on its page or the page before cites it; else the note of a chart printed as a
        picture."""
        held = [h for h in [*self.doc.tables, *self.doc.figures] if h.page == page]
        if marker.isalpha():
            citing = [t for t in self.doc.tables if marker in t.footnote_refs  # and no numbered
                      and not any(n.startswith(marker + " ") for n in t.notes)  # text since
                      and not any(p.number for p in self.doc.paragraphs[(t.after or 0) + 1:])]
            held = citing[-1:] or held
            text_units = [*self.doc.paragraphs, *self.doc.sections, *self.doc.boxes]
            if not held and not any(marker in u.footnote_refs and (u.page or 0) >= page - 1 and
                                    not TABLE_NOTE.match(getattr(u, "text", "")) for u in text_units):
                held = [Figure(page=page, **self._place())]
                self.doc.figures.append(held[0])
        if held:
            held[-1].notes.append(f"{marker} {text}")
            self.note = (held[-1].notes, page)
        else:
            self.footnote(Block(text=text, page=page, role="footnote", marker=marker))

    def _lettered_holder(self, marker: str | None, page: int | None) -> Table | Figure | None:
        """The table or chart a lettered note ("a General temporary assistance.") belongs
        to: the last one on its page; or, when no text of the report cites that letter, the
        last one on the page before (a chart whose notes the reader saw as footnotes)."""
        if not (marker and len(marker) == 1 and marker.islower()) or page is None:
            return None
        held = sorted((h for h in [*self.doc.tables, *self.doc.figures] if h.page is not None),
                      key=lambda h: h.page)
        cited = any(marker in p.footnote_refs for p in self.doc.paragraphs)
        near = [h for h in held if h.page == page or not cited and h.page == page - 1]
        return near[-1] if near else None

    def _pictured(self, plain: str, block: Block) -> bool:
        """A chart printed as a picture: its label ("Figure 12"), title and unit line, the
        words set as text on it (legend, panel titles) and its source and notes go into one
        figure, not into headings and paragraphs; the paragraph it interrupts goes on after
        it. True when ``block`` went into one."""
        m = _PICTURE.match(plain)
        if m and (block.heading is not False or m.group(2) is None) and len(plain) < 200:
            self.picture = Figure(number=m.group(1), caption=m.group(2) or None, page=block.page,
                                  footnote_refs=REF_RE.findall(block.text), **self._place())
            self.doc.figures.append(self.picture)
            return True
        figure, self.picture = self.picture, None
        if figure is None or block.page != figure.page or self._opens_unit(plain):
            return False
        short = len(plain) < 200 and not plain.endswith(TERMINAL)
        if TABLE_NOTE.match(plain):
            figure.notes.append(plain)
        elif figure.notes and plain[:1].islower() and not figure.notes[-1].endswith(TERMINAL):
            figure.notes[-1] = join_lines([figure.notes[-1], plain])
        elif figure.notes or not short:
            return False
        elif block.heading and figure.caption is None or _UNIT_LINE.match(plain):
            figure.caption = f"{figure.caption} {plain}" if figure.caption else plain
            figure.footnote_refs += REF_RE.findall(block.text)
        elif len(plain) < 120 and (not block.heading or plain.startswith("(")
                                   or not WORDY.search(plain)):
            figure.labels.append(plain)  # a legend, a panel's title or a value set as text
        else:
            return False
        self.picture = figure
        return True
