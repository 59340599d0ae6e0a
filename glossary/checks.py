"""The consistency checks a translator or drafter runs on one document (and, with its
source edition, on a pair). Each check reads a Scan and returns Findings."""
from __future__ import annotations

import re
from collections import defaultdict

from glossary.findings import Finding, counts, ordered
from glossary.matching import case_sensitive
from glossary.nearmiss import finder_for
from glossary.scan import Scan


def _q(form: str | None) -> str:
    return f"“{form}”" if form else "—"


def _occurrences(s: Scan):
    """(unit position, hit) for every hit, in reading order."""
    for pos, su in enumerate(s.units):
        for hit in su.hits:
            yield pos, hit


def _defined_short(s: Scan, concept: str) -> str | None:
    return next((d.short for d in s.definitions if d.concept == concept), None)


def variants(s: Scan) -> list[Finding]:
    """A concept named by two different short forms (UN-Women and UN Women, 人权高专办 and
    高级专员办事处). Its full name and one short form — ideally the one the document
    defines — are expected; admitted spellings of the full name are equivalent."""
    seen: dict[str, list[tuple[int, object]]] = defaultdict(list)
    for pos, hit in _occurrences(s):
        if s.status(hit) != "deprecated":
            seen[hit.concept].append((pos, hit))
    findings = []
    for cid, occ in seen.items():
        concept = s.glossary.concept(cid)
        shorts = [(pos, h) for pos, h in occ if s.role(h) == "short"]
        forms = {h.form for _, h in shorts}
        if len(forms) < 2:
            continue
        keep = _defined_short(s, cid) or concept.preferred(s.lang, "short")
        if keep not in forms:
            keep = counts(h.form for _, h in shorts)[0]["form"]
        full = concept.preferred(s.lang, "full")
        findings.append(Finding(
            "variant", "warning", cid,
            f"{len(forms)} different short forms name {full or cid}",
            f"use {_q(keep)} throughout", counts(h.form for _, h in occ),
            [s.location(pos, h.start, h.end) for pos, h in shorts if h.form != keep]))
    return findings


def deprecated(s: Scan) -> list[Finding]:
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for pos, hit in _occurrences(s):
        if s.status(hit) == "deprecated":
            groups[(hit.concept, hit.form)].append((pos, hit))
    findings = []
    for (cid, form), occ in groups.items():
        concept = s.glossary.concept(cid)
        role = concept.role(concept.term(form))
        better = concept.preferred(s.lang, role) or concept.preferred(s.lang, "full")
        if not better:
            continue
        findings.append(Finding(
            "deprecated", "error", cid, f"{_q(form)} is deprecated", f"use {_q(better)}",
            counts(h.form for _, h in occ),
            [s.location(pos, h.start, h.end) for pos, h in occ]))
    return findings


def near_misses(s: Scan) -> list[Finding]:
    finder = finder_for(s.glossary, s.lang)
    defined = {s.units[d.unit].unit.text[d.hit.start:d.hit.end] for d in s.definitions}
    defined |= _parenthesised(s)
    groups: dict[tuple[str, str, str], list] = defaultdict(list)
    for pos, su in enumerate(s.units):
        for m in finder.find(su.unit.text, su.hits, su.tokens, defined):
            groups[(m.concept, m.form, m.surface)].append((pos, m))
    findings = []
    for (cid, form, surface), occ in groups.items():
        conf = max(m.confidence for _, m in occ)
        findings.append(Finding(
            "near-miss", "error" if conf >= 0.8 else "warning", cid,
            f"{_q(surface)} is one {occ[0][1].edit} away from {_q(form)}",
            f"did you mean {_q(form)}?", counts(m.surface for _, m in occ),
            [s.location(pos, m.start, m.end) for pos, m in occ], conf))
    return findings


def _parenthesised(s: Scan) -> set[str]:
    """Anything the document puts in parentheses as an acronym of its own: "(UNOPS)"."""
    out = set()
    for su in s.units:
        out |= set(re.findall(r"[(（]([A-Z][A-Za-z0-9-]{2,})[)）]", su.unit.text))
    return out


def abbreviations(s: Scan) -> list[Finding]:
    """Short forms used before they are defined — in English an acronym is spelled out in
    parentheses at first use; a Chinese edition may instead name the body in full first —
    and a concept given two different short forms, or one short form two full names."""
    intro: dict[str, tuple[int, int]] = {}
    if s.lang == "zh":  # Chinese editions name a body in full, then use its short form
        for pos, hit in _occurrences(s):
            if s.role(hit) == "full":
                intro.setdefault(hit.concept, (pos, hit.start))
    for d in s.definitions:
        at = (d.unit, d.hit.start)
        if at < intro.get(d.concept, (1 << 30, 0)):
            intro[d.concept] = at
    early: dict[str, list] = defaultdict(list)
    for pos, hit in _occurrences(s):
        if (s.role(hit) == "short" and _needs_definition(s, pos, hit)
                and (pos, hit.start) < intro.get(hit.concept, (1 << 30, 0))):
            early[hit.concept].append((pos, hit))
    findings = []
    for cid, occ in early.items():
        concept = s.glossary.concept(cid)
        full = concept.preferred(s.lang, "full")
        where = "before it is defined" if cid in intro else "and never defined"
        findings.append(Finding(
            "undefined-abbreviation", "warning", cid,
            f"{_q(occ[0][1].form)} is used {where}",
            f"introduce it as {full}({occ[0][1].form})" if s.lang == "zh" else
            f"introduce it as {full} ({occ[0][1].form}) at first mention",
            counts(h.form for _, h in occ), [s.location(pos, h.start, h.end) for pos, h in occ]))
    findings += _redefined(s)
    return findings


def _needs_definition(s: Scan, pos: int, hit) -> bool:
    """English acronyms must be spelled out at first mention in the body (footnotes cite
    authors: "UN-Women, Progress of…"), unless part of a longer name (UN Web TV); Chinese
    editions spell out only the short names of bodies (联合国人口基金(人口基金)), not short
    terms (特别程序)."""
    if s.units[pos].unit.kind == "footnote":
        return False
    if s.lang == "zh":
        return s.glossary.concept(hit.concept).domain == "entity"
    after = s.units[pos].unit.text[hit.end:hit.end + 2]
    return case_sensitive(hit.form) and not (after[:1] == " " and after[1:].isupper())


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
                f"define it once, as {_q(best)}", counts(d.short for d in defs),
                [s.location(d.unit, d.hit.start, d.hit.end) for d in defs]))
    for short, defs in by_short.items():
        fulls = {d.full for d in defs if d.full}
        if len(fulls) > 1:
            findings.append(Finding(
                "redefined-abbreviation", "warning", defs[0].concept,
                f"{_q(short)} is defined with {len(fulls)} different full names",
                f"define {_q(short)} once", counts(d.full for d in defs if d.full),
                [s.location(d.unit, d.hit.start, d.hit.end) for d in defs]))
    return findings


CHECKS = {"variant": variants, "deprecated": deprecated, "near-miss": near_misses,
          "abbreviation": abbreviations}


def check(s: Scan, source: Scan | None = None) -> list[Finding]:
    """Every single-document check on ``s``; with ``source``, the bilingual ones too."""
    findings = [f for run in CHECKS.values() for f in run(s)]
    if source is not None:
        from glossary.bilingual import bilingual

        have = {f.concept for f in findings if f.type == "variant"}
        findings += [f for f in bilingual(source, s)
                     if not (f.type == "inconsistent-rendering" and f.concept in have)]
    return ordered(findings)
