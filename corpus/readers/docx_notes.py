"""Footnotes and endnotes of a Word file, as the page shows them: each reference is given
the mark Word prints (footnotes 1, 2, 3 and endnotes i, ii, iii unless the document sets
another format), in reference order; a custom mark (``w:customMarkFollows``) is the text
that follows the reference. The notes' text comes from their own parts."""
from __future__ import annotations

from corpus.blocks import Block, clean
from corpus.docx_numbering import format_number
from corpus.readers.docx_layout import W

_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
KINDS = {W + "footnoteReference": "footnote", W + "endnoteReference": "endnote"}
_DEFAULT_FORMAT = {"footnote": "decimal", "endnote": "lowerRoman"}
_SEPARATORS = ("separator", "continuationSeparator", "continuationNotice")


class Marks:
    """The mark of every note referenced so far, keyed by (kind, id), in reference order."""

    def __init__(self, document):
        self.formats = {kind: _number_format(document, kind) for kind in _DEFAULT_FORMAT}
        self.marks: dict[tuple[str, str], str] = {}
        self.counts = {kind: 0 for kind in _DEFAULT_FORMAT}

    def numbered(self, kind: str, nid: str) -> str:
        """The mark of note ``nid``: numbered on its first reference, the same after."""
        if (kind, nid) not in self.marks:
            self.counts[kind] += 1
            self.marks[(kind, nid)] = format_number(self.counts[kind], self.formats[kind])
        return self.marks[(kind, nid)]

    def custom(self, kind: str, nid: str, mark: str) -> str:
        """The custom mark of note ``nid``: the first one given is kept."""
        return self.marks.setdefault((kind, nid), mark)


def _number_format(document, kind: str) -> str:
    """``w:numFmt`` of ``w:footnotePr``/``w:endnotePr`` in the last section, else in the
    document settings, else Word's default."""
    body = document.element.body
    places = [s for s in body.iter(W + "sectPr")][-1:] + [document.settings.element]
    for place in places:
        fmt = place.find(f"{W}{kind}Pr/{W}numFmt")
        if fmt is not None and fmt.get(W + "val"):
            return fmt.get(W + "val")
    return _DEFAULT_FORMAT[kind]


def note_blocks(document, reader, kind: str) -> list[Block]:
    """The ``kind`` notes that are referenced, in mark order, as ``role="footnote"`` blocks.
    Paragraphs of a note set above its mark (UN files put "Note: The following
    abbreviations ..." there, so that it prints at the page foot) are a block of their own
    without a marker, as on the page. ``reader`` reads the notes' runs."""
    from lxml import etree

    marks = reader.marks.marks
    part = next((rel.target_part for rel in document.part.rels.values()
                 if rel.reltype == _RELS + kind + "s" and not rel.is_external), None)
    order = [nid for k, nid in marks if k == kind]
    if part is None or not order:
        return []
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(part.blob, parser)
    except etree.XMLSyntaxError:  # the body is still the report: read it without its notes
        from corpus.notes import note

        note(f"the Word file's {kind}s part is damaged (not well-formed XML): {kind}s not read")
        return []
    found = []
    for note in root.iter(W + kind):
        nid = note.get(W + "id")
        if note.get(W + "type") in _SEPARATORS or nid not in order:
            continue
        above: list[str] = []
        texts: list[str] = []
        ref_tag = W + kind + "Ref"
        marked = next(note.iter(ref_tag), None) is None  # no mark: all is its text
        for p in note.iter(W + "p"):
            marked = marked or next(p.iter(ref_tag), None) is not None
            (texts if marked else above).append(reader.text_of(p))
        text = clean(" ".join(texts).replace("\n", " "))
        marker = marks[(kind, nid)]
        if not marker.isdigit() and text.startswith(marker):
            text = text[len(marker):].strip()
        lead = clean(" ".join(above).replace("\n", " "))
        if lead:  # printed above the mark, on its own: a note without a mark (marker "")
            found.append((order.index(nid), Block(lead, role="footnote", marker="")))
        found.append((order.index(nid), Block(text, role="footnote", marker=marker)))
    return [b for _, b in sorted(found, key=lambda x: x[0])]  # stable: a note's lines in order
