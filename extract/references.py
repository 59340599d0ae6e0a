"""References to resolutions, decisions, agreed conclusions and documents.

``General Assembly resolution 64/289``, ``Council resolution 2009/12``, ``安全理事会第
1325(2000)号决议``, ``resolutions 1325 (2000) and 1820 (2008)``, document symbols such as
``E/CN.6/2012/12`` or ``A/66/76-E/2011/81``. The body is the one named next to the number;
when the text says only "Council", the shape of the number decides (``1325 (2000)`` is a
Security Council number, ``2022/4`` an Economic and Social Council one, ``54/6`` a Human
Rights Council one).
"""
from __future__ import annotations

import re

BODIES_EN = {
    "General Assembly": "General Assembly",
    "Economic and Social Council": "Economic and Social Council",
    "Security Council": "Security Council",
    "Human Rights Council": "Human Rights Council",
    "Commission on Human Rights": "Commission on Human Rights",
    "Commission on the Status of Women": "Commission on the Status of Women",
    "Commission for Social Development": "Commission for Social Development",
    "Commission on Population and Development": "Commission on Population and Development",
    "Statistical Commission": "Statistical Commission",
    "Executive Board": "Executive Board",
    "Assembly": "General Assembly",
    "Council": "Council",
}
BODIES_ZH = {
    "大会": "General Assembly",
    "经济及社会理事会": "Economic and Social Council",
    "经社理事会": "Economic and Social Council",
    "安全理事会": "Security Council",
    "安理会": "Security Council",
    "人权理事会": "Human Rights Council",
    "人权委员会": "Commission on Human Rights",
    "妇女地位委员会": "Commission on the Status of Women",
    "社会发展委员会": "Commission for Social Development",
    "统计委员会": "Statistical Commission",
    "执行局": "Executive Board",
    "理事会": "Council",
}

_NUM = (r"\d{1,4}/\d{1,4}(?:\s+[A-Z]\b)?(?:\s*\(\s*\d{4}\s*\))?"
        r"|\d{3,4}\s*\(\s*(?:\d{4}|[IVXLC]+)\s*\)"
        r"|\d{3,4}\b(?![\s\d]*(?:per\s*cent|percent|%|号))")
_KEYWORD_EN = r"(?P<kw>resolutions?|decisions?|agreed conclusions)"
REF_EN = re.compile(rf"\b{_KEYWORD_EN}\s+(?P<nums>(?:{_NUM})(?:\s*(?:,\s*and|,|and)\s*(?:{_NUM}))*)")
REF_ZH = re.compile(
    rf"第\s*(?P<nums>(?:{_NUM})(?:\s*号)?(?:\s*[、和及]\s*(?:{_NUM})\s*号?)*)\s*号?\s*"
    rf"(?P<kw>决议|决定|商定结论)")
NUM_RE = re.compile(_NUM)
# "agreed conclusions from the sixty-fifth session": cited by session, not by number.
AGREED_BY_SESSION = re.compile(
    r"\bagreed conclusions (?:from|of) (?:the|its) (?P<session>[a-z]+(?:\s*-\s*[a-z]+)?) session")
SYMBOL_RE = re.compile(
    r"(?<![A-Za-z0-9/])(?:A|E|S|ST|CEDAW|CRC|CCPR|CERD|CAT|CMW|CRPD|DP|TD|UNEP|ICEF|FCCC|"
    r"HRC|UNW)(?:/[A-Za-z0-9][A-Za-z0-9.\-]*)+")
REF_TYPES = {"resolution": "resolution", "resolutions": "resolution", "决议": "resolution",
             "decision": "decision", "decisions": "decision", "决定": "decision",
             "agreed conclusions": "agreed conclusions", "商定结论": "agreed conclusions"}


def normalise_number(raw: str, body: str | None) -> str:
    """'1325(2000)' -> '1325 (2000)'; '38/2(1994)' -> '38/2' (the year there is only a
    reminder); '75/290 A' stays."""
    raw = re.sub(r"\s+", " ", raw.strip())
    raw = re.sub(r"\s*\(\s*", " (", raw).replace(" )", ")")
    if "/" in raw:
        raw = re.sub(r" \(\d{4}\)$", "", raw)
    return raw


def body_from_shape(number: str, named: str | None) -> str | None:
    """Resolve a bare 'Council' (or no body at all) from how the number is written."""
    if named not in (None, "Council"):
        return named
    if re.fullmatch(r"\d{3,4} \(\d{4}\)", number):
        return "Security Council"
    if re.fullmatch(r"(19|20)\d\d/\d+", number):
        return "Economic and Social Council"
    if named == "Council" and re.fullmatch(r"\d{3,4} \([IVXLC]+\)", number):
        return "Economic and Social Council"  # 1817 (LV): session in roman numerals
    if named == "Council" and re.fullmatch(r"\d{1,2}/\d+", number):
        return "Human Rights Council"
    if named is None and re.fullmatch(r"\d{2}/\d+( [A-Z])?|\d{3,4} \([IVXLC]+\)", number):
        return "General Assembly"
    return named


def find_bodies_zh(text: str) -> list[tuple[int, int, str]]:
    """(start, end, English name) of every UN body named in Chinese ``text``, longest names
    first."""
    names = sorted(BODIES_ZH, key=len, reverse=True)
    return [(m.start(), m.end(), BODIES_ZH[m.group()])
            for m in re.finditer("|".join(names), text)]


def _body_right_before(bodies, kw_start: int, text: str, lang: str,
                       window: int | None = None) -> str | None:
    """The body named just before ``kw_start`` (same sentence), if any."""
    window = window if window is not None else 40 if lang == "en" else 25
    near = [(e, body) for _, e, body in bodies if e <= kw_start and kw_start - e <= window
            and not re.search(r"[.;。；]", text[e:kw_start])]
    return max(near)[1] if near else None


def _nearest_body(bodies, kw_start: int, text: str, lang: str) -> str | None:
    """The body written right before the keyword (allowing a date or 'in its' between),
    else the body closest before it in the same sentence."""
    window = 40 if lang == "en" else 25
    best = None
    for start, end, canonical in bodies:
        if end <= kw_start and kw_start - end <= window:
            between = text[end:kw_start]
            if re.search(r"[.;。；]", between):
                continue
            if best is None or end > best[0]:
                best = (end, canonical)
    if best:
        return best[1]
    # "In its resolution 2022/5, the Economic and Social Council requested"
    tail = re.split(r"[.;。；]", text[kw_start:], maxsplit=1)[0]
    for start, _, canonical in bodies:
        if kw_start < start <= kw_start + len(tail) and canonical != "Council":
            return canonical
    return None


def find_references(text: str, lang: str, bodies: list[tuple[int, int, str]]) -> list[dict]:
    """All references in one paragraph string, with spans."""
    out = []
    pattern = REF_ZH if lang == "zh" else REF_EN
    previous = None  # (end, body) of the last reference, for "X 的第 1 号和第 2 号决议"
    for m in pattern.finditer(text):
        kw_start = m.start()
        named = _nearest_body(bodies, kw_start, text, lang)
        if previous and not _body_right_before(bodies, kw_start, text, lang) and not re.search(
                r"[.;。；]", text[previous[0]:kw_start]):
            named = previous[1]
        ref_type = REF_TYPES[m.group("kw").lower()]
        first = True
        for n in NUM_RE.finditer(m.group("nums")):
            number = normalise_number(n.group(), named)
            start = m.start("nums") + n.start()
            end = m.start("nums") + n.end()
            if first and lang == "en":
                body_start = max((s for s, e, _ in bodies if e <= kw_start and
                                  kw_start - e <= 2), default=kw_start)
                start = body_start
            out.append({"text": text[start:end], "span": [start, end], "ref_type": ref_type,
                        "body": body_from_shape(number, named), "number": number,
                        "symbol": None})
            first = False
        previous = (m.end(), named)
    for m in AGREED_BY_SESSION.finditer(text):
        session = re.sub(r"\s*-\s*", "-", m.group("session")) + " session"
        out.append({"text": m.group(), "span": [m.start(), m.end()],
                    "ref_type": "agreed conclusions",
                    "body": _body_right_before(bodies, m.start(), text, lang, window=3),
                    "number": session,
                    "symbol": None})
    for m in SYMBOL_RE.finditer(text):
        symbol = m.group().rstrip(".-")
        if not re.search(r"\d", symbol):
            continue
        out.append({"text": symbol, "span": [m.start(), m.start() + len(symbol)],
                    "ref_type": "document", "body": None, "number": None, "symbol": symbol})
    out.sort(key=lambda r: r["span"][0])
    return out
