"""Figures, indicators, references, abbreviations and recommendations from UN reports, as
flat records (one dict each, valid against ``extract/data/record.schema.json``)."""
from __future__ import annotations

from corpus.blocks import han_ratio
from corpus.model import Document

KINDS = ("figure", "indicator", "reference", "abbreviation", "recommendation")


def document_lang(doc: Document) -> str:
    """The document's language, from its metadata or else from its script."""
    if doc.lang in ("zh", "en"):
        return doc.lang
    sample = " ".join(p.text for p in doc.paragraphs[:20])
    return "zh" if han_ratio(sample) > 0.3 else "en"


def extract(doc: Document, kinds: list[str] | None = None) -> list[dict]:
    """All records of the requested kinds (default: every kind) in reading order:
    paragraphs first, then footnotes, then table cells, then recommendation units."""
    from extract.pipeline import run
    from extract.recommendations import find_recommendations

    wanted = set(kinds or KINDS)
    unknown = wanted - set(KINDS)
    if unknown:
        raise ValueError(f"unknown kind(s): {', '.join(sorted(unknown))} "
                         f"(choose from {', '.join(KINDS)})")
    lang = document_lang(doc)
    base = {"doc": doc.name, "lang": lang}
    units = [(p.text, (i, p), None) for i, p in enumerate(doc.paragraphs) if p.text]
    units += [(f.text, None, f) for f in doc.footnotes if f.text]
    markers = frozenset(f.marker for f in doc.footnotes)
    span_kinds = wanted - {"recommendation"}
    records: list[dict] = []
    for (text, where, note), found in zip(units, run([u[0] for u in units], lang, span_kinds,
                                                      markers)):
        index, para = where or (None, None)
        for kind in KINDS:
            if kind not in span_kinds:
                continue
            for item in found.get(kind, []):
                start = item["span"][0]
                record = {"kind": kind, **base,
                          "para": para.number if para else None,
                          "sub": para.sub_at(start) if para else None,
                          "page": para.page if para else note.page,
                          "para_index": index, **item}
                if note is not None:
                    record["footnote"] = note.marker
                records.append(record)
    if "figure" in wanted:
        from extract.tables import table_figures

        records += table_figures(doc, base)
    if "recommendation" in wanted:
        for index, para, item in find_recommendations(doc, lang):
            records.append({"kind": "recommendation", **base, "para": para.number,
                            "page": para.page, "para_index": index, **item})
    return records


__all__ = ["KINDS", "extract"]
