"""Word's automatic numbering, which python-docx does not turn into text: resolve a
paragraph's ``w:numPr`` (direct or through its style) against the numbering part and keep
the counters, so that ``12.``, ``(a)``, ``(iv)``, ``一、`` come back as a reader sees them."""
from __future__ import annotations

import re

from corpus.limits import LEVEL_TEXT, NUMBER_MAX

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letter(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _int(value: str | None, default: int, high: int = NUMBER_MAX) -> int:
    """An attribute as an integer within 0..``high``: a crafted file may say ``10**9`` (a
    label of a million letters) or ``abc``; Word itself clamps, so do we."""
    try:
        return min(max(int(value), 0), high) if value is not None else default
    except ValueError:
        return default


def format_number(n: int, fmt: str) -> str:
    """``n`` in Word's number format ``fmt`` (letters, roman, Chinese, ...), as Word prints
    it; bullets and ``none`` print nothing."""
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional",
               "taiwaneseCounting", "taiwaneseCountingThousand", "ideographDigital"):
        import cn2an  # takes a second to import: only for Chinese list numbers

        return cn2an.an2cn(n)
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


class Numbering:
    """Counters are kept per abstract list, as Word does: two ``w:num`` of one
    ``w:abstractNum`` continue each other's count, unless one restarts a level with a
    ``w:startOverride`` (at its first paragraph of that level)."""

    def __init__(self, levels: dict[str, dict[int, dict]], starts: dict[str, dict[int, int]],
                 style_numpr: dict[str, tuple[str, int]], lists: dict[str, str]):
        self.levels = levels          # numId -> ilvl -> {fmt, text, start}
        self.starts = starts          # numId -> ilvl -> startOverride
        self.style_numpr = style_numpr  # styleId -> (numId, ilvl)
        self.lists = lists            # numId -> abstractNumId
        self.counters: dict[str, dict[int, int]] = {}  # abstractNumId -> ilvl -> count
        self.restarted: set[tuple[str, int]] = set()

    @classmethod
    def from_document(cls, document) -> "Numbering":
        """The list definitions, start values and styled lists of a python-docx ``document``;
        empty when it has no numbering part."""
        levels: dict[str, dict[int, dict]] = {}
        starts: dict[str, dict[int, int]] = {}
        style_numpr: dict[str, tuple[str, int]] = {}
        lists: dict[str, str] = {}
        try:
            root = document.part.numbering_part.element
        except NotImplementedError:  # no numbering part: python-docx cannot add one
            root = None
        if root is not None:
            abstract = {}
            by_style = {}  # a list style's name -> the abstract list that defines it
            links = {}  # abstract list -> the list style it only points to
            for an in root.iter(W + "abstractNum"):
                defines, uses = an.find(W + "styleLink"), an.find(W + "numStyleLink")
                if defines is not None:
                    by_style[defines.get(W + "val")] = an.get(W + "abstractNumId")
                if uses is not None:
                    links[an.get(W + "abstractNumId")] = uses.get(W + "val")
                lv = {}
                for lvl in an.iter(W + "lvl"):
                    fmt = lvl.find(W + "numFmt")
                    text = lvl.find(W + "lvlText")
                    start = lvl.find(W + "start")
                    lv[_int(lvl.get(W + "ilvl"), 0, high=8)] = {
                        "fmt": fmt.get(W + "val") if fmt is not None else "decimal",
                        "text": (text.get(W + "val") or "")[:LEVEL_TEXT] if text is not None else "",
                        "start": _int(start.get(W + "val"), 1) if start is not None else 1,
                        "legal": lvl.find(W + "isLgl") is not None,  # every number decimal
                    }
                abstract[an.get(W + "abstractNumId")] = lv
            for num in root.iter(W + "num"):
                nid = num.get(W + "numId")
                aid = num.find(W + "abstractNumId")
                if aid is not None:
                    aid = aid.get(W + "val")
                    aid = by_style.get(links.get(aid), aid)  # w:numStyleLink: the style's list
                    levels[nid] = abstract.get(aid, {})
                    lists[nid] = aid
                for ov in num.iter(W + "lvlOverride"):
                    so = ov.find(W + "startOverride")
                    if so is not None:
                        starts.setdefault(nid, {})[_int(ov.get(W + "ilvl"), 0, high=8)] = \
                            _int(so.get(W + "val"), 1)
        styles = document.styles.element
        for st in styles.iter(W + "style"):
            numpr = st.find(f"{W}pPr/{W}numPr")
            if numpr is not None:
                nid = numpr.find(W + "numId")
                ilvl = numpr.find(W + "ilvl")
                if nid is not None:
                    style_numpr[st.get(W + "styleId")] = (
                        nid.get(W + "val"), _int(ilvl.get(W + "val"), 0, high=8) if ilvl is not None else 0)
        return cls(levels, starts, style_numpr, lists)

    def _numpr(self, p) -> tuple[str, int] | None:
        numpr = p.find(f"{W}pPr/{W}numPr")
        style = p.find(f"{W}pPr/{W}pStyle")
        inherited = self.style_numpr.get(style.get(W + "val")) if style is not None else None
        if numpr is None:
            return inherited
        nid = numpr.find(W + "numId")
        ilvl = numpr.find(W + "ilvl")
        num_id = nid.get(W + "val") if nid is not None else (inherited or (None, 0))[0]
        level = _int(ilvl.get(W + "val"), 0, high=8) if ilvl is not None else (inherited or (None, 0))[1]
        return (num_id, level) if num_id else None

    def label(self, p, document=None) -> str | None:
        """The label Word shows before paragraph ``p`` (advancing the counters), or None."""
        found = self._numpr(p)
        if not found:
            return None
        num_id, ilvl = found
        if num_id == "0" or num_id not in self.levels or ilvl not in self.levels[num_id]:
            return None
        counters = self.counters.setdefault(self.lists.get(num_id, num_id), {})
        override = self.starts.get(num_id, {}).get(ilvl)
        if override is not None and (num_id, ilvl) not in self.restarted:
            self.restarted.add((num_id, ilvl))
            counters.pop(ilvl, None)
        start = self.levels[num_id][ilvl]["start"] if override is None else override
        counters[ilvl] = min(counters[ilvl] + 1, NUMBER_MAX) if ilvl in counters else start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        lvl = self.levels[num_id][ilvl]

        def sub(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            spec = self.levels[num_id].get(k, {"fmt": "decimal", "start": 1})
            fmt = "decimal" if lvl.get("legal") else spec["fmt"]
            return format_number(counters.get(k, spec["start"]), fmt)

        return re.sub(r"%(\d)", sub, lvl["text"])[:LEVEL_TEXT].strip() or None
