"""What a Word page shows besides its body flow: the masthead and the running headers and
footers (parts reached through each section's ``w:sectPr``), and which paragraphs are
headings (UN house styles such as ``HCh``, ``H1``, ``H23`` are custom styles whose outline
level or bold weight is inherited through ``w:basedOn``, which python-docx does not resolve).

Headers are read from the package relations directly: python-docx's ``section.header`` adds an
empty header definition to the document when it is asked for one that is missing."""
from __future__ import annotations

from corpus.readers.faces import face

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_OFF = ("0", "false", "off")
_DOTS = ("dot", "middleDot")


def section_properties(body) -> list:
    """Every ``w:sectPr`` of the body in order (paragraph-level ones close a section; the
    body's last child closes the final one)."""
    return list(body.iter(W + "sectPr"))


def _part(document, sect, kind: str, which: str):
    """The header/footer part of ``sect`` of ``kind`` (header|footer) and type ``which``."""
    for ref in sect.iter(f"{W}{kind}Reference"):
        if ref.get(W + "type", "default") == which:
            rid = ref.get(R + "id")
            part = document.part.related_parts.get(rid)
            return part
    return None


def masthead_part(document, body):
    """The first page's own header of the first section (the UN masthead lives there), when
    the document has a distinct first page; else None."""
    sects = section_properties(body)
    if not sects:
        return None
    first = sects[0]
    title_pg = first.find(W + "titlePg")
    if title_pg is None or title_pg.get(W + "val", "1") in _OFF:
        return None
    return _part(document, first, "header", "first")


def furniture_parts(document, body, masthead) -> list:
    """Headers and footers other than the masthead, each part once, the first page's footer
    first (it carries the job number with its language letter, ``26-00248 (E) 160126``)."""
    parts = []
    for sect in section_properties(body):
        for kind, which in (("footer", "first"), ("footer", "default"), ("footer", "even"),
                            ("header", "first"), ("header", "default"), ("header", "even")):
            part = _part(document, sect, kind, which)
            if part is not None and part is not masthead and part not in parts:
                parts.append(part)
    return parts


class Styles:
    """Paragraph styles resolved along ``w:basedOn``: outline level, bold, name."""

    def __init__(self, document):
        self._by_id = {}
        self._default = None
        root = document.styles.element
        for st in root.iter(W + "style"):
            if st.get(W + "type") == "paragraph":
                self._by_id[st.get(W + "styleId")] = st
                if st.get(W + "default") in ("1", "true", "on"):
                    self._default = st.get(W + "styleId")
        self._cache: dict[str, tuple[bool, bool, bool]] = {}
        self._sup: dict[str | None, bool] = {None: False}
        for st in root.iter(W + "style"):
            if st.get(W + "type") == "character":
                va = st.find(f"{W}rPr/{W}vertAlign")
                self._sup[st.get(W + "styleId")] = (va is not None
                                                    and va.get(W + "val") == "superscript")

    def _chain(self, sid: str | None):
        seen = set()
        while sid and sid in self._by_id and sid not in seen:
            seen.add(sid)
            st = self._by_id[sid]
            yield st
            based = st.find(W + "basedOn")
            sid = based.get(W + "val") if based is not None else None

    def traits(self, sid: str | None) -> tuple[bool, bool, bool, bool]:
        """(named as a heading, has an outline level, bold, italic) for paragraph style
        ``sid``, each from the nearest style of the ``basedOn`` chain that sets it."""
        sid = sid or self._default
        if sid in self._cache:
            return self._cache[sid]
        named = False
        outline = bold = italic = None
        for st in self._chain(sid):
            name = st.find(W + "name")
            name = (name.get(W + "val") if name is not None else "").lower()
            named = named or name.startswith(("heading", "title", "标题"))
            lvl = st.find(f"{W}pPr/{W}outlineLvl")
            if lvl is not None and outline is None:  # level 9 is body text
                outline = int(lvl.get(W + "val", "9")) < 9
            bold = _flag(st, "b") if bold is None else bold
            italic = _flag(st, "i") if italic is None else italic
            fonts = st.find(f"{W}rPr/{W}rFonts")
            if fonts is not None and st.get(W + "styleId") != self._default:
                # a Chinese heading style set in 黑体 (not the body's style: see faces)
                hei, kai = face(fonts.get(W + "eastAsia") or "")
                bold = True if bold is None and hei else bold
                italic = True if italic is None and kai else italic
        self._cache[sid] = (named, bool(outline), bool(bold), bool(italic))
        return self._cache[sid]

    def has_leader(self, p) -> bool:
        """Whether paragraph ``p`` (or its style) sets a tab stop with a dot leader, as the
        entries of a table of contents do."""
        places = [p.find(W + "pPr")] + list(self._chain(_style_id(p)))
        return any(tab.get(W + "leader") in _DOTS for place in places if place is not None
                   for tab in place.iterfind(f".//{W}tabs/{W}tab"))

    def superscript(self, run) -> bool:
        """Whether run ``run`` is set superscript, directly or through its character style."""
        rpr = run.find(W + "rPr") if run is not None else None
        if rpr is None:
            return False
        va = rpr.find(W + "vertAlign")
        if va is not None:
            return va.get(W + "val") == "superscript"
        style = rpr.find(W + "rStyle")
        return self._sup.get(style.get(W + "val") if style is not None else None, False)

    def is_heading(self, p) -> bool:
        """Heading style, an outline level (direct or inherited), or every run bold, or
        every run italic (UN sub-headings and the "Summary" of a report are italic)."""
        named, outline, bold, italic = self.traits(_style_id(p))
        lvl = p.find(f"{W}pPr/{W}outlineLvl")
        if lvl is not None:
            outline = int(lvl.get(W + "val", "9")) < 9
        if named or outline:
            return True
        runs = [r for r in p.iter(W + "r")
                if any((t.text or "").strip() for t in r.iter(W + "t"))]
        return bool(runs) and any(all(_run_flag(r, tag, default) for r in runs)
                                  for tag, default in (("b", bold), ("i", italic)))


def _style_id(p) -> str | None:
    style = p.find(f"{W}pPr/{W}pStyle")
    return style.get(W + "val") if style is not None else None


def _flag(el, tag: str) -> bool | None:
    """A run property (``w:b``, ``w:i``) set in ``el``'s ``w:rPr``: True, False or None."""
    found = el.find(f"{W}rPr/{W}{tag}")
    return None if found is None else found.get(W + "val", "1") not in _OFF


def _run_flag(run, tag: str, default: bool) -> bool:
    flag = _flag(run, tag)
    if flag is None and not default:  # a Chinese run set in 黑体 or 楷体 (see faces)
        fonts = run.find(f"{W}rPr/{W}rFonts")
        if fonts is not None:
            hei, kai = face(fonts.get(W + "eastAsia") or "")
            flag = hei if tag == "b" else kai
    return default if flag is None else flag
