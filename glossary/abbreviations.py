"""Abbreviation hygiene as UN editors apply it: an acronym is spelled out before its first
use in reading order (a definition in a footnote counts at the footnote's marker; a Chinese
edition may instead name the body in full first), once, and the same way throughout.

Not findings: the abbreviations UN documents leave unexpanded (``unexpanded.txt``: HIV,
AIDS, COVID-19…); an acronym inside a name, a symbol or a web address (UN-Energy, CBD/COP,
JIU/REP/2023/7, unfpa.org); acronyms in footnotes, which cite authors ("UN-Women,
Progress of…"), and in quotations and titles, which are reproduced as written; a body's
own acronym in the documents of its own series (UNICEF in E/ICEF/…, UN-Women in UNW/…);
and none at all in a document that spells out none of its five or more acronyms (a
calendar of conferences lists bodies as "ICAO, Council" by house style)."""
from __future__ import annotations

import re
from collections import defaultdict

from glossary.coined import coined_definitions
from glossary.findings import Finding, counts, quote
from glossary.matching import case_sensitive
from glossary.scan import Scan
from glossary.unexpanded import unexpanded

# symbol series of a body's own governing documents -> the concepts they need not expand
# (DP/ is the series of the one Executive Board of UNDP, UNFPA and UNOPS)
OWN_SERIES = {"UNW/": {"un-women"}, "E/ICEF/": {"unicef"}, "DP/": {"undp", "unfpa", "unops"},
              "UNEP/": {"unep"}, "FCCC/": {"unfccc"}, "CBD/": {"cbd"}, "ICCD/": {"unccd"},
              "TD/": {"unctad"}, "E/ESCAP/": {"escap"}, "E/ECE/": {"ece"}, "E/ECA/": {"eca"},
              "E/ESCWA/": {"escwa"}, "LC/": {"eclac"}}
BARE_STYLE = 5  # distinct acronyms, none ever spelled out, that make a document's style
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w-]+\.(?:org|int|com|net)\S*")


def abbreviations(s: Scan) -> list[Finding]:
    """Short forms used before they are defined, and a concept given two different short
    forms, or one short form two full names."""
    intro: dict[str, tuple[int, int]] = {}
    if s.lang == "zh":  # Chinese editions name a body in full, then use its short form
        for pos, hit in s.occurrences():
            if s.role(hit) == "full":
                intro.setdefault(hit.concept, (pos, hit.start))
    # a list of abbreviations ("ECA, Economic Commission for Africa; …"), under a figure
    # or in an annex, defines them for the document, wherever it stands
    defined = [(d.concept, (0, 0) if d.listed else (d.unit, d.hit.start)) for d in s.definitions]
    for cid, at in defined + list(coined_definitions(s).items()):  # 难民专员 defined for UNHCR
        if at < intro.get(cid, (1 << 30, 0)):
            intro[cid] = at
    own = _own_concepts(s)
    early: dict[str, list] = defaultdict(list)
    for pos, hit in s.occurrences():
        if (hit.concept not in own and s.role(hit) == "short" and _needs_definition(s, pos, hit)
                and (pos, hit.start) < intro.get(hit.concept, (1 << 30, 0))):
            early[hit.concept].append((pos, hit))
    if not intro and len(early) >= BARE_STYLE:
        early = {}  # a calendar or list that expands none of its many acronyms: house style
    findings = []
    for cid, occ in early.items():
        concept = s.glossary.concept(cid)
        full = concept.preferred(s.lang, "full")
        where = "before it is defined" if cid in intro else "and never defined"
        findings.append(Finding(
            "undefined-abbreviation", "warning", cid,
            f"{quote(occ[0][1].form)} is used {where}",
            f"introduce it as {full}({occ[0][1].form})" if s.lang == "zh" else
            f"introduce it as {full} ({occ[0][1].form}) at first mention",
            counts(h.form for _, h in occ), [s.location(pos, h.start, h.end) for pos, h in occ]))
    return findings + _redefined(s)


def _own_concepts(s: Scan) -> set[str]:
    symbols = [*s.doc.metadata.symbols, s.doc.metadata.symbol or "", s.doc.name.replace("_", "/")]
    for prefix, concepts in OWN_SERIES.items():
        if any(sym.upper().startswith(prefix) for sym in symbols):
            return concepts
    return set()


def _needs_definition(s: Scan, pos: int, hit) -> bool:
    """English acronyms must be spelled out at first mention in the body, unless UN usage
    leaves them unexpanded or they are part of a longer name, symbol or address; Chinese
    editions spell out only the short names of bodies (联合国人口基金(人口基金)), not short
    terms (特别程序), nor short names that start 联合国."""
    unit = s.units[pos].unit
    if (unit.kind == "footnote" or hit.form in unexpanded() or hit.surface in unexpanded()
            or s.quoted(pos, hit)):
        return False
    if s.lang == "zh":  # a name that starts 联合国 explains itself (联合国志愿人员)
        return s.glossary.concept(hit.concept).domain == "entity" and not hit.form.startswith("联合国")
    if not case_sensitive(hit.form):
        return False
    text = unit.text
    before, after = text[max(0, hit.start - 2):hit.start], text[hit.end:hit.end + 2]
    if after[:1] == "/" or before[-1:] == "/":  # CBD/COP, UNDP/UNFPA/UNOPS, CED/C/IRQ/1
        return False
    if (after[:1] == "-" and after[1:2].isupper()) or (before[-1:] == "-" and before[:1].isalnum()):
        return False  # UN-Energy, UN-RIAS; but FAO-led is a use of FAO
    if after[:1] == " " and after[1:].isupper():  # UN Web TV
        return False
    key = ("address", pos)
    if key not in s.cache:
        s.cache[key] = [m.span() for m in _ADDRESS.finditer(text)]
    return not any(a <= hit.start < b for a, b in s.cache[key])


def _redefined(s: Scan) -> list[Finding]:
    findings = []
    by_concept = defaultdict(list)
    by_short = defaultdict(list)
    for d in s.definitions:
        by_concept[d.concept].append(d)
        by_short[d.short].append(d)
    for cid, defs in by_concept.items():
        if len({d.short for d in defs}) > 1:
            concept = s.glossary.concept(cid)
            best = concept.preferred(s.lang, "short") or defs[0].short
            findings.append(Finding(
                "redefined-abbreviation", "warning", cid,
                f"{cid} is given {len({d.short for d in defs})} different short forms",
                f"define it once, as {quote(best)}", counts(d.short for d in defs),
                [s.location(d.unit, d.hit.start, d.hit.end) for d in defs]))
    for short, defs in by_short.items():
        fulls = {d.full for d in defs if d.full}
        if len(fulls) > 1:
            findings.append(Finding(
                "redefined-abbreviation", "warning", defs[0].concept,
                f"{quote(short)} is defined with {len(fulls)} different full names",
                f"define {quote(short)} once", counts(d.full for d in defs if d.full),
                [s.location(d.unit, d.hit.start, d.hit.end) for d in defs]))
    return findings
