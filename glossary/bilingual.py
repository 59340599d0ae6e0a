"""Bilingual checks on an aligned pair of editions: a source term whose approved target is
missing from the aligned target paragraph, and a source term rendered in different ways."""
from __future__ import annotations

from collections import defaultdict

from glossary.align import pairs_for
from glossary.findings import Finding, counts
from glossary.scan import Scan


def _positions(s: Scan) -> dict[tuple[str, int], int]:
    return {(su.unit.kind, su.unit.index): pos for pos, su in enumerate(s.units)}


def _within(hits, part):
    return [h for h in hits if h.start >= part.start and h.end <= part.end]


def bilingual(source: Scan, target: Scan) -> list[Finding]:
    """Findings on aligned editions: approved renderings missing from the target paragraph,
    and source terms rendered in several ways."""
    src_pos, tgt_pos = _positions(source), _positions(target)
    missing: dict[str, list] = defaultdict(list)
    rendered: dict[tuple[str, str], list] = defaultdict(list)
    for pair in pairs_for(source.doc, target.doc, source.glossary, sure=True):
        a = src_pos.get((pair.source.unit, pair.source.index))
        b = tgt_pos.get((pair.target.unit, pair.target.index))
        if a is None or b is None:
            continue
        src_hits = _within(source.units[a].hits, pair.source)
        tgt_hits = _within(target.units[b].hits, pair.target)
        target_text = target.units[b].unit.text[pair.target.start:pair.target.end]
        found = defaultdict(list)
        for h in tgt_hits:
            found[h.concept].append(h)
        reported = set()
        for h in src_hits:
            concept = target.glossary.concept(h.concept)
            approved = concept.forms(target.lang, deprecated=False)
            if not approved:
                continue
            # a form present as a string counts even where segmentation hides it inside a
            # longer word (人权 in 国家人权委员会): absence must be certain to be reported
            if not found.get(h.concept) and not any(f.casefold() in target_text.casefold() for f in approved):
                if h.concept not in reported:
                    reported.add(h.concept)
                    missing[h.concept].append((h, a, b, pair))
                continue
            for t in found[h.concept]:
                rendered[(h.concept, source.role(h))].append((h, t, b))
    findings = [_missing(source, target, cid, occ) for cid, occ in missing.items()]
    findings += _inconsistent(source, target, rendered)
    return findings


def _missing(source: Scan, target: Scan, cid: str, occ) -> Finding:
    concept = target.glossary.concept(cid)
    want = concept.preferred(target.lang, "full")
    short = concept.preferred(target.lang, "short")
    locations = []
    for h, a, b, pair in occ:
        loc = target.location(b, pair.target.start, pair.target.end)
        loc.subparagraph = pair.label
        loc.text = ""
        src = source.location(a, h.start, h.end)
        loc.source = {"document": src.document, "paragraph": src.paragraph,
                      "subparagraph": src.subparagraph, "start": src.start, "end": src.end,
                      "text": src.text}
        locations.append(loc)
    names = " or ".join(f"“{f}”" for f in (want, short) if f)
    return Finding("missing-target", "error", cid,
                   f"“{occ[0][0].form}” has no approved rendering in the aligned target text",
                   f"render it as {names}", counts(h.form for h, *_ in occ), locations)


def _inconsistent(source: Scan, target: Scan, rendered) -> list[Finding]:
    findings = []
    for (cid, role), items in rendered.items():
        roles = defaultdict(set)
        for _, t, _ in items:
            roles[target.role(t)].add(t.form)
        if all(len(forms) < 2 for forms in roles.values()):
            continue
        concept = target.glossary.concept(cid)
        best = concept.preferred(target.lang, role) or concept.preferred(target.lang, "full")
        odd = [(h, t, b) for h, t, b in items if t.form != best]
        findings.append(Finding(
            "inconsistent-rendering", "warning", cid,
            f"“{items[0][0].form}” is rendered in {sum(map(len, roles.values()))} ways",
            f"render it as “{best}” throughout", counts(t.form for _, t, _ in items),
            [target.location(b, t.start, t.end) for _, t, b in odd]))
    return findings
