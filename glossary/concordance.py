"""A concordance for translators: where past reports in the store used a term, the aligned
English and Chinese paragraphs side by side, with the symbol, year and paragraph.

Editions are paired by symbol (every stored English document with a Chinese edition of the
same symbol), their paragraphs by number, or by content with only reliable pairs kept when
the numbers were lost (``glossary.align.pairs_for``). A paragraph pair is shown when either
side holds a form of the term's concept in its language (any form the glossary records,
matched as the checks match them), or the term itself when the glossary does not know it."""
from __future__ import annotations

import html
from dataclasses import asdict, dataclass

from glossary.align import pairs_for, part_text
from glossary.matching import matcher_for
from glossary.model import Glossary


@dataclass
class Line:
    """One aligned paragraph pair of the concordance: where it is, its two texts, the forms
    found."""
    symbol: str
    year: str | None
    paragraph: str  # how a translator cites it: '12', '4c', 'unnumbered:3'
    en: str
    zh: str
    forms: list[str]  # the forms found, English then Chinese


def concordance(store, glossary: Glossary, term: str,
                limit: int = 50) -> tuple[str | None, list[Line]]:
    """(concept id or None, lines) for ``term`` in the store's paired editions."""
    concept = glossary.lookup(term)
    matchers = {lang: matcher_for(glossary, lang) for lang in ("en", "zh")}
    lines: list[Line] = []
    for en in store.documents("en"):
        zh = store.get(en.metadata.symbol, lang="zh") if en.metadata.symbol else None
        if zh is None:
            continue
        for pair in pairs_for(en, zh, glossary, sure=True):
            texts = {"en": part_text(en, pair.source), "zh": part_text(zh, pair.target)}
            forms = [f for lang in ("en", "zh")
                     for f in _found(texts[lang], lang, concept, term, matchers[lang])]
            if forms:
                lines.append(Line(en.metadata.symbol, (en.metadata.date or "")[:4] or None,
                                  pair.key, texts["en"], texts["zh"], list(dict.fromkeys(forms))))
                if len(lines) >= limit:
                    return (concept.id if concept else None), lines
    return (concept.id if concept else None), lines


def _found(text: str, lang: str, concept, term: str, matcher) -> list[str]:
    if concept is None:
        return [term] if term.casefold() in text.casefold() else []
    return [h.surface for h in matcher.find(text) if h.concept == concept.id]


def as_text(concept: str | None, term: str, lines: list[Line]) -> str:
    """The concordance for a terminal: each pair under its symbol, year, paragraph and forms."""
    out = [f"{term}" + (f" ({concept})" if concept else " (not in the glossary: searched as written)")
           + f": {len(lines)} aligned paragraph(s)"]
    for line in lines:
        out.append(f"\n{line.symbol} ({line.year or 'no date'}), para. {line.paragraph} · "
                   + ", ".join(line.forms))
        out.append(f"  en: {line.en}")
        out.append(f"  zh: {line.zh}")
    return "\n".join(out) + "\n"


def as_json(concept: str | None, term: str, lines: list[Line]) -> str:
    """The concordance as JSON, for scripts."""
    import json

    return json.dumps({"term": term, "concept": concept, "lines": [asdict(x) for x in lines]},
                      ensure_ascii=False, indent=2)


def as_html(concept: str | None, term: str, lines: list[Line]) -> str:
    """One self-contained page: a table of the paired paragraphs, forms highlighted."""
    def mark(text: str, forms: list[str]) -> str:
        out = html.escape(text)
        for form in sorted(forms, key=len, reverse=True):
            out = out.replace(html.escape(form), f"<mark>{html.escape(form)}</mark>")
        return out

    rows = "".join(
        f"<tr><td>{html.escape(x.symbol)}<br>{html.escape(x.year or '')}<br>para. "
        f"{html.escape(x.paragraph)}</td><td>{mark(x.en, x.forms)}</td>"
        f'<td lang="zh">{mark(x.zh, x.forms)}</td></tr>' for x in lines)
    title = html.escape(term + (f" ({concept})" if concept else ""))
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Concordance: "
            f"{title}</title><style>body{{font-family:sans-serif}}td{{vertical-align:top;"
            "padding:.4em;border-top:1px solid #ccc}mark{background:#ffe58a}</style></head>"
            f"<body><h1>{title}</h1><p>{len(lines)} aligned paragraph(s)</p><table>"
            f"<tr><th>where</th><th>English</th><th>中文</th></tr>{rows}</table></body></html>\n")


RENDERERS = {"text": as_text, "json": as_json, "html": as_html}
