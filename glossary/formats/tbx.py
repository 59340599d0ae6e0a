"""TBX import/export: TBX v3 (ISO 30042:2019) in the TBX-Basic dialect, DCA style, and the
older v2 ``martif`` TBX-Basic that most CAT tools still read.

Our model maps onto the TBX-Basic data categories: concept id → ``conceptEntry/@id``, domain
→ ``descrip type="subjectField"``, note → ``note``, each term → ``termSec`` with
``termNote type="termType"`` (fullForm / acronym / shortForm / variant),
``termNote type="administrativeStatus"`` (preferredTerm-admn-sts / admittedTerm-admn-sts /
deprecatedTerm-admn-sts) and ``admin type="source"``.
"""
from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from glossary.formats.safexml import parse
from glossary.model import LANGS, Concept, Glossary, GlossaryError, Term

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TERM_TYPE_OUT = {"full": "fullForm", "short": "shortForm", "variant": "variant"}
TERM_TYPE_IN = {"fullForm": "full", "shortForm": "short", "acronym": "short",
                "abbreviation": "short", "initialism": "short", "variant": "variant"}
STATUS_OUT = {s: f"{s}Term-admn-sts" for s in ("preferred", "admitted", "deprecated")}
STATUS_IN = {v: k for k, v in STATUS_OUT.items()} | {
    "supersededTerm-admn-sts": "deprecated", "legalTerm-admn-sts": "admitted",
    "regulatedTerm-admn-sts": "admitted", "standardizedTerm-admn-sts": "preferred",
    "notRecommended": "deprecated", "obsolete": "deprecated", "preferred": "preferred",
    "admitted": "admitted", "deprecated": "deprecated"}
LANG_OUT = {lang: lang for lang in LANGS} | {"zh": "zh-CN"}


def _lang_in(code: str | None) -> str | None:
    code = (code or "").lower()
    for lang in LANGS:
        if code == lang or code.startswith(lang + "-") or code.startswith(lang + "_"):
            return lang
    return None


def _is_acronym(form: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z0-9-]*[A-Z0-9]", form))


def _local(el) -> str:
    tag = el.tag if isinstance(el.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def _children(el, name: str):
    return [c for c in el if _local(c) == name]


def _text(el) -> str:
    return "".join(el.itertext()).strip()


def read_tbx(path: Path, data: bytes) -> Glossary:
    """A glossary from a TBX file, v3 (``<tbx>``) or v2 (``<martif>``)."""
    root = parse(path, data)
    kind = _local(root)
    if kind not in ("tbx", "martif"):
        raise GlossaryError(path, f"not TBX: the root element is <{kind}>, "
                                  "expected <tbx> (v3) or <martif> (v2)")
    v3 = kind == "tbx"
    entries = [e for e in root.iter() if _local(e) == ("conceptEntry" if v3 else "termEntry")]
    concepts, taken = [], set()
    other_langs: dict[str, int] = {}
    empty = 0
    for n, entry in enumerate(entries, start=1):
        cid = entry.get("id") or f"c{n}"
        if cid in taken:
            raise GlossaryError(path, f"duplicate concept id {cid!r}")
        taken.add(cid)
        domain = next((_text(d) for d in _children(entry, "descrip")
                       if d.get("type") == "subjectField"), "general")
        note = "\n".join(_text(x) for x in _children(entry, "note"))
        terms = []
        for lang_sec in _children(entry, "langSec" if v3 else "langSet"):
            lang = _lang_in(lang_sec.get(XML_LANG))
            if lang is None:
                code = lang_sec.get(XML_LANG) or "no language"
                other_langs[code] = other_langs.get(code, 0) + 1
                continue
            for sec in lang_sec:
                if _local(sec) in ("termSec", "tig", "ntig"):
                    terms.append(_term(sec, lang))
        terms = [t for t in terms if t is not None]
        if terms:
            concepts.append(Concept(cid, domain, note, terms))
        else:
            empty += 1
    if not concepts:
        raise GlossaryError(path, "the TBX file holds no term in the six official languages "
                                  "(ar, zh, en, fr, ru, es)")
    g = Glossary(concepts, source=str(path))
    if other_langs:
        g.skipped.append("language sections other than the six official languages: " + ", ".join(
            f"{code} ×{n}" for code, n in sorted(other_langs.items())))
    if empty:
        g.skipped.append(f"{empty} entr{'y' if empty == 1 else 'ies'} with no term in the six "
                         "official languages")
    return g


def _term(sec, lang: str) -> Term | None:
    """One term from a v3 termSec, a v2 tig, or a v2 ntig (whose term sits in termGrp)."""
    term = next((e for e in sec.iter() if _local(e) == "term"), None)
    if term is None or not _text(term):
        return None
    notes = {e.get("type"): _text(e) for e in sec.iter() if _local(e) == "termNote"}
    source = next((_text(e) for e in sec.iter()
                   if _local(e) in ("admin", "descrip") and e.get("type") == "source"), "")
    return Term(_text(term), lang,
                TERM_TYPE_IN.get(notes.get("termType", ""), "full"),
                STATUS_IN.get(notes.get("administrativeStatus", ""), "preferred"),
                source)


def _header(parent, ns: str, g: Glossary, header_tag: str) -> None:
    header = etree.SubElement(parent, ns + header_tag)
    file_desc = etree.SubElement(header, ns + "fileDesc")
    source_desc = etree.SubElement(file_desc, ns + "sourceDesc")
    etree.SubElement(source_desc, ns + "p").text = (
        f"Rapporteur glossary export ({len(g.concepts)} concepts)"
        + (f" from {Path(g.source).name}" if g.source else ""))
    return header


def _term_sec(parent, ns: str, tag: str, t: Term) -> None:
    sec = etree.SubElement(parent, ns + tag)
    etree.SubElement(sec, ns + "term").text = t.form
    kind = "acronym" if t.type == "short" and _is_acronym(t.form) else TERM_TYPE_OUT[t.type]
    etree.SubElement(sec, ns + "termNote", type="termType").text = kind
    etree.SubElement(sec, ns + "termNote", type="administrativeStatus").text = STATUS_OUT[t.status]
    if t.source:
        etree.SubElement(sec, ns + "admin", type="source").text = t.source


def write_tbx(g: Glossary, version: int = 3) -> bytes:
    """TBX v3 TBX-Basic (DCA) or, with ``version=2``, v2 martif TBX-Basic."""
    if not g.concepts:  # both versions require one or more entries in <body>
        raise GlossaryError("TBX export", "the glossary is empty (TBX needs at least one concept entry)")
    if version == 3:
        ns = "{%s}" % TBX_NS
        root = etree.Element(ns + "tbx", nsmap={None: TBX_NS},
                             type="TBX-Basic", style="dca")
        root.set(XML_LANG, "en")
        _header(root, ns, g, "tbxHeader")
        entry_tag, lang_tag, term_tag = "conceptEntry", "langSec", "termSec"
    else:
        ns = ""
        root = etree.Element("martif", type="TBX-Basic")
        root.set(XML_LANG, "en")
        header = _header(root, ns, g, "martifHeader")
        enc = etree.SubElement(header, "encodingDesc")
        etree.SubElement(enc, "p", type="XCSURI").text = "TBXBasicXCSV02.xcs"
        entry_tag, lang_tag, term_tag = "termEntry", "langSet", "tig"
    body = etree.SubElement(etree.SubElement(root, ns + "text"), ns + "body")
    for c in g.concepts:
        entry = etree.SubElement(body, ns + entry_tag, id=c.id)
        etree.SubElement(entry, ns + "descrip", type="subjectField").text = c.domain
        if c.note:
            etree.SubElement(entry, ns + "note").text = c.note
        for lang in LANGS:
            terms = [t for t in c.terms if t.lang == lang]
            if terms:
                sec = etree.SubElement(entry, ns + lang_tag)
                sec.set(XML_LANG, LANG_OUT[lang])
                for t in terms:
                    _term_sec(sec, ns, term_tag, t)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
