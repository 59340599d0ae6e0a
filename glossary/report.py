"""Rendering findings as text (terminal), JSON (tools), or one self-contained HTML page
(translators): grouped by finding type, each location shown in its paragraph with the forms
highlighted."""
from __future__ import annotations

import json
from collections import Counter
from importlib.resources import files

from glossary.findings import TYPES, Finding
from glossary.scan import Scan

TEMPLATE = files("glossary") / "data" / "report.html.j2"


def as_dict(findings: list[Finding], target: Scan, source: Scan | None = None) -> dict:
    """The findings on ``target`` (and ``source``) as JSON-ready data, counts by type first."""
    return {
        "document": target.doc.name,
        "source": source.doc.name if source else None,
        "glossary": target.glossary.source,
        "summary": dict(Counter(f.type for f in findings)),
        "findings": [f.to_dict() for f in findings],
    }


def as_json(findings: list[Finding], target: Scan, source: Scan | None = None) -> str:
    """The findings as JSON, for tools."""
    return json.dumps(as_dict(findings, target, source), ensure_ascii=False, indent=2)


def as_text(findings: list[Finding], target: Scan, source: Scan | None = None) -> str:
    """The findings as text for a terminal, each with its message, suggestion and locations."""
    lines = [f"{target.doc.name}: {len(findings)} finding(s)"
             + (f" (source: {source.doc.name})" if source else "")]
    for f in findings:
        seen = ", ".join(f"{v['form']} ×{v['count']}" for v in f.variants)
        conf = f" [confidence {f.confidence:.2f}]" if f.confidence is not None else ""
        lines.append(f"\n[{f.severity}] {f.type} · {f.concept}{conf}\n  {f.message}\n"
                     f"  → {f.suggestion}\n  seen: {seen}")
        for loc in f.locations[:12]:
            where = _where(loc)
            src = f"  (source: “{loc.source['text']}”)" if loc.source else ""
            lines.append(f"    {where}: {loc.text or '—'}{src}")
        if len(f.locations) > 12:
            lines.append(f"    … and {len(f.locations) - 12} more")
    return "\n".join(lines) + "\n"


def _where(loc, offset: bool = True) -> str:
    if loc.unit == "paragraph":
        base = f"para. {loc.paragraph}" if loc.paragraph else f"unnumbered para. #{loc.index + 1}"
    elif loc.unit == "heading":
        base = f"heading {loc.paragraph or '#' + str(loc.index + 1)}"
    else:
        base = f"footnote {loc.paragraph}"
    return (base + (f" ({loc.subparagraph})" if loc.subparagraph else "")
            + (f" @{loc.start}" if offset else ""))


def _unit_text(s: Scan, loc_unit: str, index: int):
    for su in s.units:
        if su.unit.kind == loc_unit and su.unit.index == index:
            return su
    return None


def _segments(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """Text cut into (piece, css class) with '' for plain text; spans must not overlap."""
    out, at = [], 0
    for start, end, cls in sorted(spans):
        if start < at:
            continue
        out += [(text[at:start], ""), (text[start:end], cls)]
        at = end
    out.append((text[at:], ""))
    return [(piece, cls) for piece, cls in out if piece]


def _view(f: Finding, target: Scan, source: Scan | None) -> dict:
    locs = []
    for loc in f.locations:
        su = _unit_text(target, loc.unit, loc.index)
        text = su.unit.text if su else ""
        spans = [(h.start, h.end, "also") for h in (su.hits if su else [])
                 if h.concept == f.concept and not (h.start < loc.end and loc.start < h.end)]
        if loc.text:  # a missing translation has nothing to point at in the target
            spans.append((loc.start, loc.end, "here"))
        view = {"where": _where(loc, offset=False), "segments": _segments(text, spans), "source": None}
        if loc.source and source is not None:
            ssu = next((x for x in source.units if x.unit.kind == "paragraph"
                        and x.unit.number == loc.source["paragraph"]), None)
            if ssu is None:
                ssu = next((x for x in source.units
                            if x.unit.text[loc.source["start"]:loc.source["end"]] == loc.source["text"]),
                           None)
            if ssu is not None:
                view["source"] = _segments(ssu.unit.text,
                                           [(loc.source["start"], loc.source["end"], "here")])
        locs.append(view)
    return {"finding": f, "locations": locs}


def as_html(findings: list[Finding], target: Scan, source: Scan | None = None) -> str:
    """The findings as one self-contained HTML page, forms highlighted in their paragraphs."""
    from jinja2 import Environment, select_autoescape  # only for the HTML report

    env = Environment(autoescape=select_autoescape(default=True), trim_blocks=True,
                      lstrip_blocks=True)
    template = env.from_string(TEMPLATE.read_text(encoding="utf-8"))
    groups = []
    for kind, title in TYPES.items():
        items = [_view(f, target, source) for f in findings if f.type == kind]
        if items:
            groups.append({"type": kind, "title": title, "entries": items})
    severities = Counter(f.severity for f in findings)
    return template.render(doc=target.doc, source=source.doc if source else None,
                           lang=target.lang, groups=groups, total=len(findings),
                           severities=[(s, severities[s]) for s in ("error", "warning", "info")
                                       if severities[s]],
                           glossary=target.glossary.source)


RENDERERS = {"text": as_text, "json": as_json, "html": as_html}
