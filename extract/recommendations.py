"""Recommendations: one record per actionable unit of a report's recommendations section.

A section counts when its heading (or the chapter above it) says recommendations or
proposals (``Conclusions and recommendations``, ``Conclusions and/or recommendations``,
``Recommendations``, ``Summary: proposed priority and review themes``, ``结论和建议``, ``建议``).
A unit is a lettered sub-paragraph (numbered paragraph or not, its lead-in carried over when
the list runs on), a UPR recommendation ("140.1", with the recommending States), or a whole
paragraph that has none; a lettered unit or paragraph is kept only when it asks something of
someone (a modal, a verb of request, a proposal, or an imperative opening), so conclusions that
ask nothing and reports of what was done ("Recalled that ...") drop out.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.matcher import PhraseMatcher

from corpus.model import Document, Paragraph

SECTION_RE = re.compile(r"recommend|proposal|proposed|建议|提议", re.I)
ASKS_EN = re.compile(
    r"\b(?:should|shall|may wish to|is (?:encouraged|invited|requested|urged)|are (?:encouraged|"
    r"invited|requested|urged)|(?:was|were) requested|encourages?|calls? (?:up)?on|urges?|invites?|requests?|"
    r"recommends?|proposes?|proposed|need to|consider)\b", re.I)
ASKS_ZH = re.compile(r"应|应当|应该|鼓励|呼吁|促请|敦促|请|建议|提议|不妨|可考虑|拟议")
ADDRESSEES_EN = [
    "Member States", "States", "Governments", "the United Nations system",
    "United Nations entities", "the international community", "the Secretary-General",
    "the General Assembly", "the Economic and Social Council", "the Security Council",
    "the Human Rights Council", "the Commission", "the Council", "UN-Women", "OHCHR",
    "the Office", "donors", "development partners", "civil society", "the private sector",
    "businesses", "the regional commissions", "national human rights institutions",
]
ADDRESSEES_ZH = [
    "会员国", "各国政府", "各国", "国家", "联合国系统", "联合国各实体", "国际社会", "秘书长", "大会",
    "经济及社会理事会", "安全理事会", "人权理事会", "妇女地位委员会", "委员会", "理事会", "妇女署",
    "高级专员办事处", "捐助方", "民间社会", "私营部门", "区域委员会",
]
# The verb that opens a request: "calls upon X to", "鼓励会员国：".
REQUEST_EN = re.compile(r"\b(?:encourages?|calls? (?:up)?on|urges?|invites?|requests?|"
                        r"recommends? that|proposes? that)\s+(?P<who>.+?)\s+(?:to|should)\b")
REQUEST_ZH = re.compile(r"(?:鼓励|呼吁|促请|敦促|请|建议)(?P<who>[^，。：:；]{2,20}?)(?:[：:]|$|应|采取|确保|加强)")
LEADING_VERB_EN = re.compile(
    r"\b(?:should|shall|must|wish to|(?:encouraged|invited|urged|requested|called upon|"
    r"calls? upon|urges?|invites?|encourages?|requests?) (?:\w+ ){0,6}?to)\s+(?:also\s+|further\s+)?"
    r"(?P<verb>[a-z]+)\b")


# Sub-paragraph offsets point past the label: the next unit's "(b)" must not end this one.
LABEL_AT_END = re.compile(r"\s*(?:[(（](?:[a-z]{1,2}|[ivx]{1,5})[)）]|\d{1,3}\.\d{1,3})\s*$")


@lru_cache(maxsize=2)
def _addressee_matcher(lang: str):
    from extract.nlp import pipeline

    nlp = pipeline(lang)
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER" if lang == "en" else "ORTH")
    names = ADDRESSEES_EN if lang == "en" else ADDRESSEES_ZH
    matcher.add("ADDRESSEE", [nlp.make_doc(n) for n in names])
    return nlp, matcher


def recommendation_sections(doc: Document) -> set[int]:
    """Indices of sections that hold recommendations, sub-headings of such a chapter too."""
    found: set[int] = set()
    inside_level = None
    for i, section in enumerate(doc.sections):
        if inside_level is not None and section.level > inside_level:
            found.add(i)
            continue
        inside_level = None
        if SECTION_RE.search(section.title or ""):
            found.add(i)
            inside_level = section.level
    return found


def _addressee(text: str, lang: str) -> str | None:
    pattern = REQUEST_EN if lang == "en" else REQUEST_ZH
    m = pattern.search(text)
    if m:
        return m.group("who").strip()
    nlp, matcher = _addressee_matcher(lang)
    doc = nlp.make_doc(text)
    spans = sorted(((s, e) for _, s, e in matcher(doc)), key=lambda se: (se[0], -se[1]))
    if not spans:
        return None
    s, e = spans[0]
    return doc[s:e].text


def _action(unit: str, lang: str, whole: bool) -> str | None:
    text = re.sub(r"^[(（]?[a-z]{1,4}[)）]\s*", "", unit.strip())
    if lang == "zh":
        if whole:
            m = re.search(r"(?:应当|应该|应|请|鼓励|呼吁|促请|敦促)[^，。：]*?(?P<verb>确保|加强|促进|支持|"
                          r"采取|制定|考虑|提供|继续|推动|落实|建立|审查|改进|增加)", text)
            return m.group("verb") if m else None
        from extract.nlp import pipeline

        return next((t.text for t in pipeline("zh").make_doc(text) if not t.is_space), None)
    if not whole:
        m = re.match(r"(?:To\s+)?(?P<verb>[A-Za-z]+)", text)
        return m.group("verb").lower() if m and m.group("verb")[0].isupper() else None
    m = LEADING_VERB_EN.search(text)
    return m.group("verb") if m else None


def _leads_in(chapeau: str) -> bool:
    """A chapeau that ends "...to:" / "鼓励会员国：" makes each unit start with its verb;
    a Chinese lead-in ending in a colon always does (units follow it verb first)."""
    if re.search(r"[\u4e00-\u9fff][^。]*[:：]$", chapeau.strip()):
        return True
    return bool(re.search(r"(?:\bto|should|shall|must|[应请]|鼓励\S*|呼吁\S*|促请\S*|敦促\S*)\s*[:：]$",
                          chapeau.strip()))


NOT_VERBS = {"the", "a", "an", "in", "on", "at", "by", "for", "with", "from", "this", "that",
             "these", "those", "all", "each", "such", "its", "their", "his", "her", "our", "while",
             "as", "of", "if", "when", "where", "also", "further", "there", "it", "they", "we",
             # irregular past tenses that open reports of what was done ("Took note of ...")
             "took", "made", "held", "gave", "heard", "found", "saw", "met", "led", "began",
             "was", "were", "had", "did", "is", "are", "has"}


def _imperative(unit: str) -> str | None:
    """The verb a unit opens with, as in "Scale up investment ..." or "Ratify the Protocol";
    none for a report of what was done ("Recalled that ...", "Noted ...") or a noun phrase."""
    m = re.match(r"\s*(?:To\s+)?(?P<verb>[A-Z][a-z]+)\b(?!-)", unit)
    if not m:
        return None
    verb = m.group("verb").lower()
    if verb in NOT_VERBS or verb.endswith(("ed", "ing", "ly", "tion", "ment")):
        return None
    return verb


def _asks(text: str, lang: str) -> bool:
    return bool((ASKS_ZH if lang == "zh" else ASKS_EN).search(text))


UPR_LABEL = re.compile(r"\d{1,3}\.\d{1,3}")  # "140.1": a UPR recommendation
# "will be examined by Utopia", "enjoy the support of Utopia", "have been noted by Utopia"
UNDER_REVIEW = re.compile(r"\b(?:examined|supported|noted|accepted|considered) by\s+(?P<who>[A-Z][^,:;]*?)"
                          r"(?=,|\s+which\b|\s+and\b|[:;.]|$)|\bsupport of\s+(?P<who2>[A-Z][^,:;]*?)"
                          r"(?=,|\s+which\b|[:;.]|$)")
LETTER = re.compile(r"[a-z]{1,2}|[ivx]{1,5}")


def _unit_labels(para: Paragraph) -> list:
    """The sub-paragraphs that are units: lettered or roman, or UPR-numbered ("140.1")."""
    return [s for s in para.subparagraphs
            if LETTER.fullmatch(s.label) or UPR_LABEL.fullmatch(s.label)]


def _under_review(chapeau: str | None, doc: Document) -> str | None:
    """The State a UPR recommendation is addressed to: named in the chapeau, else the title
    ("Report of the Working Group on the Universal Periodic Review: Utopia")."""
    m = UNDER_REVIEW.search(chapeau or "")
    if m:
        return (m.group("who") or m.group("who2")).strip()
    title = doc.metadata.title or ""
    return title.rsplit(":", 1)[1].strip() if "Periodic Review:" in title else None


def _misread_letter(doc: Document, para: Paragraph, first_of_section: bool) -> str | None:
    """A unit "(d) Deepen regional integration ..." that the reader took for a level-4
    sub-heading "d": the paragraph after it is the unit's continuation."""
    if para.number is not None or not first_of_section or para.section is None:
        return None
    section = doc.sections[para.section]
    if section.level == 4 and section.number and LETTER.fullmatch(section.number):
        return section.number
    return None


def find_recommendations(doc: Document, lang: str) -> list[tuple[int, Paragraph, dict]]:
    """(paragraph index, paragraph, record fields) for every actionable unit of the
    recommendations sections: lettered and UPR sub-paragraphs, whole paragraphs, and
    unnumbered paragraphs that carry on a lead-in ("... should:") from an earlier one."""
    sections = recommendation_sections(doc)
    out = []
    lead_in, last_section = None, None
    for index, para in enumerate(doc.paragraphs):
        if para.section not in sections:
            lead_in, last_section = None, para.section
            continue
        first_of_section = para.section != last_section
        last_section = para.section
        subs = _unit_labels(para)
        misread = _misread_letter(doc, para, first_of_section)
        if subs or misread:
            chapeau = LABEL_AT_END.sub("", para.text[:subs[0].offset] if subs else "").strip()
            if misread or not chapeau:
                chapeau = lead_in or ""
            elif chapeau.endswith((":", "：")):
                lead_in = chapeau
            if misread:
                end = subs[0].offset if subs else len(para.text)
                head = doc.sections[para.section].title
                unit = LABEL_AT_END.sub("", para.text[:end]).rstrip()
                out.append((index, para, _unit(doc, lang, unit, 0, misread, chapeau, None,
                                               f"{head} {unit}")))
            for k, sub in enumerate(subs):
                end = subs[k + 1].offset if k + 1 < len(subs) else len(para.text)
                unit = LABEL_AT_END.sub("", para.text[sub.offset:end]).rstrip()
                upr = bool(UPR_LABEL.fullmatch(sub.label))
                if not upr and not (_asks(chapeau, lang) or _asks(unit, lang)
                                    or (lang == "en" and _imperative(unit))):
                    continue
                out.append((index, para, _unit(doc, lang, unit, sub.offset, sub.label, chapeau,
                                               sub.recommended_by if upr else None, sub.text)))
        elif _asks(para.text, lang) and (para.number is not None or lead_in is None):
            if para.text.rstrip().endswith((":", "：")):
                lead_in = para.text.strip()
            first = re.split(r"(?<=[.。])\s*", para.text, maxsplit=1)[0]
            out.append((index, para, {
                "text": para.text, "span": [0, len(para.text)], "sub": None, "chapeau": None,
                "addressee": _addressee(first, lang), "action": _action(para.text, lang, True),
                "recommended_by": None}))
    return out


def _unit(doc: Document, lang: str, unit: str, offset: int, label: str, chapeau: str,
          states: str | None, words: str) -> dict:
    """One unit's record fields; ``words`` is where its leading verb is read from."""
    upr = bool(UPR_LABEL.fullmatch(label))
    if upr:
        addressee = _under_review(chapeau, doc)
        action = _action(words, lang, whole=False)
    else:
        addressee = _addressee(chapeau, lang) or _addressee(unit, lang)
        action = ((lang == "en" and _imperative(words))
                  or _action(words, lang, whole=not _leads_in(chapeau) and bool(chapeau)))
    return {"text": unit, "span": [offset, offset + len(unit)], "sub": label,
            "chapeau": chapeau or None, "addressee": addressee, "action": action,
            "recommended_by": states}
