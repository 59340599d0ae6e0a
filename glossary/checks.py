"""The consistency checks a translator or drafter runs on one document (and, with its
source edition, on a pair). Each check reads a Scan and returns Findings."""
from __future__ import annotations

import re
from collections import defaultdict

from glossary.abbreviations import abbreviations
from glossary.coined import coined
from glossary.findings import Finding, counts, ordered, quote
from glossary.nearmiss import finder_for
from glossary.scan import Scan


def _defined_short(s: Scan, concept: str) -> str | None:
    return next((d.short for d in s.definitions if d.concept == concept), None)


def variants(s: Scan) -> list[Finding]:
    """A concept named by two different short forms (UN-Women and UN Women, 人权高专办 and
    高级专员办事处, or an approved 儿基会 and a coined 儿基金). Its full name and one short
    form — ideally the one the document defines — are expected; admitted spellings of the
    full name are equivalent."""
    seen: dict[str, list[tuple[int, object]]] = defaultdict(list)
    shorts: dict[str, list[tuple[int, object]]] = defaultdict(list)
    for pos, hit in s.occurrences():
        if s.status(hit) != "deprecated":
            seen[hit.concept].append((pos, hit))
            if s.role(hit) == "short":
                shorts[hit.concept].append((pos, hit))
    for pos, hit in coined(s):
        seen[hit.concept].append((pos, hit))
        shorts[hit.concept].append((pos, hit))
    findings = []
    for cid, occ in seen.items():
        concept = s.glossary.concept(cid)
        forms = {h.form for _, h in shorts[cid]}
        if len(forms) < 2:
            continue
        keep = _defined_short(s, cid) or concept.preferred(s.lang, "short")
        if keep not in forms:
            keep = counts(h.form for _, h in shorts[cid])[0]["form"]
        full = concept.preferred(s.lang, "full")
        findings.append(Finding(
            "variant", "warning", cid,
            f"{len(forms)} different short forms name {full or cid}: "
            + ", ".join(f"{quote(c['form'])} ×{c['count']}"
                        for c in counts(h.form for _, h in shorts[cid])),
            f"use {quote(keep)} throughout", counts(h.form for _, h in sorted(occ, key=_at)),
            [s.location(pos, h.start, h.end) for pos, h in sorted(shorts[cid], key=_at)
             if h.form != keep]))
    return findings


def _at(occurrence) -> tuple[int, int]:
    return occurrence[0], occurrence[1].start


# Titles whose old form is wrong only for the officers of UN bodies: "Chairman of the
# Special Committee" is now "Chair", but the "President and Chairman" of a bank keeps his title.
UN_TITLES = {"chair"}


def _of_a_body(s: Scan, pos: int, hit) -> bool:
    """Whether the title is followed by "of the" and the name of a body in the glossary."""
    su = s.units[pos]
    after = su.unit.text[hit.end:hit.end + 8]
    if not after.startswith(" of the "):
        return False
    at = hit.end + 8
    return any(h.start == at and s.glossary.concept(h.concept).domain == "entity" for h in su.hits)


# ... and the members of other organizations stay in lower case: "IGAD and its member states"
UN_MEMBERS = {"member-states"}


def _of_another_body(s: Scan, pos: int, hit) -> bool:
    """Whether the words before name another owner: its/their/EU/IGAD member states."""
    before = s.units[pos].unit.text[max(0, hit.start - 12):hit.start].split()
    return bool(before) and (before[-1] in ("its", "their") or bool(re.fullmatch(r"[A-Z]{2,}", before[-1])))


def deprecated(s: Scan) -> list[Finding]:
    """Deprecated forms, and forms not right at the document's date (its metadata): an
    outdated name after its last year (国际移徙组织 after 2016), a name before its first
    (UN-Women before 2010). An outdated form in a document of its own time is right."""
    groups: dict[tuple[str, str], list] = defaultdict(list)
    date = s.doc.metadata.date
    for pos, hit in s.occurrences():
        term = s.glossary.concept(hit.concept).term(hit.form)
        if (term.status == "deprecated" or term.valid_from) and not s.quoted(pos, hit):
            if not term.current_at(date):  # Chairman in a 1997 report was right then
                if ((hit.concept not in UN_TITLES or _of_a_body(s, pos, hit))
                        and not (hit.concept in UN_MEMBERS and _of_another_body(s, pos, hit))):
                    groups[(hit.concept, hit.form)].append((pos, hit))
    findings = []
    for (cid, form), occ in groups.items():
        concept = s.glossary.concept(cid)
        term = concept.term(form)
        role = concept.role(term)
        message, suggestion = _dated(concept, term, role, s.lang, date)
        if not suggestion:
            continue
        findings.append(Finding(
            "deprecated", "error", cid, message, suggestion,
            counts(h.form for _, h in occ),
            [s.location(pos, h.start, h.end) for pos, h in occ]))
    return findings


def _dated(concept, term, role: str, lang: str, date: str | None) -> tuple[str, str | None]:
    """What to say of a form not right at ``date``, and what to use instead (None when the
    glossary has nothing to offer)."""
    year = date[:4] if date else None
    if term.valid_from and year and year < term.valid_from:
        then = next((t.form for t in concept.terms if t.lang == lang and t is not term
                     and concept.role(t) == role and t.current_at(date)), None)
        return (f"{quote(term.form)} is not in use before {term.valid_from} "
                f"(the document is of {year})",
                f"use {quote(then)}" if then else f"use the name in use in {year}")
    better = concept.preferred(lang, role) or concept.preferred(lang, "full")
    use = f"use {quote(better)}" if better else None
    if term.valid_until:
        return (f"{quote(term.form)} is outdated: right until {term.valid_until}, "
                f"the document is of {year}"), use
    return f"{quote(term.form)} is deprecated", use


def near_misses(s: Scan) -> list[Finding]:
    """One finding per slip seen (text one edit away from a glossary form), with every place
    it occurs; forms the document defines or puts in parentheses are no slips."""
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
            f"{quote(surface)} is one {occ[0][1].edit} away from {quote(form)}",
            f"did you mean {quote(form)}?", counts(m.surface for _, m in occ),
            [s.location(pos, m.start, m.end) for pos, m in occ], conf))
    return findings


def _parenthesised(s: Scan) -> set[str]:
    """Anything the document puts in parentheses as an acronym of its own: "(UNOPS)"."""
    out = set()
    for su in s.units:
        out |= set(re.findall(r"[(（]([A-Z][A-Za-z0-9-]{2,})[)）]", su.unit.text))
    return out


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
