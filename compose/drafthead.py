"""The masthead of next year's report from last year's: the symbol, date, session and
meeting dates advanced by one, organ and agenda carried over as printed. What cannot be
known yet (the job number, the new symbol's serial) is left for the drafter."""
from __future__ import annotations

import datetime as dt
import re

import cn2an

from compose.numbers import MONTHS_EN, ordinal

AGENDA = re.compile(r"^[0-9]+( ?\([a-z]\))?$")
REPORT_OF = re.compile(r"^(Report of the Secretary-General|秘书长的报告)$")
SYMBOL = re.compile(r"^[A-Z]+(?:/[A-Za-z0-9.()]+)+$")


def _next_year(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def next_symbol(symbol: str | None) -> str:
    """E/2025/15 -> E/2026/15; A/75/836 -> A/76/836 (the serial is the drafter's to fix)."""
    if not symbol:
        return "DRAFT"
    if re.search(r"/(?:19|20)\d\d/", symbol):  # a report dated December may carry next year
        return re.sub(r"/((?:19|20)\d\d)/", lambda m: f"/{int(m.group(1)) + 1}/", symbol,
                      count=1)
    return re.sub(r"^((?:[A-Z]+/)+)(\d+)/", lambda m: f"{m.group(1)}{int(m.group(2)) + 1}/",
                  symbol, count=1)


def _session(text: str | None, year: int) -> dict:
    text = (text or "").split(";")[0].strip()
    if re.match(r"^\d{4} session$", text):
        return {"year": int(text[:4]) + 1}
    zh = re.match(r"^第(.+?)届", text)
    if zh:
        try:
            return {"number": int(cn2an.cn2an(zh.group(1), "smart")) + 1}
        except ValueError:
            pass
    word = text.lower().replace(" session", "")
    for n in range(1, 300):
        if ordinal(n, "en").lower() == word:
            return {"number": n + 1}
    return {"year": year + 1}


_EN_DAY = rf"(\d{{1,2}}) ({'|'.join(MONTHS_EN)})(?: (\d{{4}}))?"


def _meeting(front: list[str]) -> dict | None:
    """"25 July 2024–30 July 2025" / "New York, 10–21 March 2025" -> next year's dates."""
    for line in front:
        m = re.search(rf"(\d{{1,2}})(?: ({'|'.join(MONTHS_EN)}))?(?: (\d{{4}}))?\s*[–-]\s*"
                      rf"{_EN_DAY}$", line)
        if m and m.group(6):
            end = dt.date(int(m.group(6)), MONTHS_EN.index(m.group(5)) + 1, int(m.group(4)))
            start = dt.date(int(m.group(3) or end.year),
                            MONTHS_EN.index(m.group(2) or m.group(5)) + 1, int(m.group(1)))
            return {"from": _next_year(start).isoformat(), "to": _next_year(end).isoformat()}
    return None


def _agenda(doc) -> dict | None:
    item = re.sub(r"\s+", " ", (doc.metadata.agenda_item or "").strip())
    item = re.sub(r"(\d)\(", r"\1 (", item)
    if not AGENDA.match(item):
        return None
    provisional = any(re.search(r"provisional agenda|临时议程", line) for line in doc.front or [])
    return {"item": item, "provisional": provisional}


def _agenda_title(doc, lang: str) -> str | None:
    """The lines between the agenda line and the title, as the front page prints them."""
    front = doc.front or []
    at = next((i for i, line in enumerate(front)
               if re.search(r"agenda|议程", line, re.I)), None)
    title = doc.metadata.title
    end = next((i for i, line in enumerate(front) if title and line.strip() == title.strip()),
               None)
    if at is None or end is None or end <= at + 1:
        return None
    return (" " if lang == "en" else "").join(line.strip() for line in front[at + 1:end])


def _front_notes(docs: dict, title: dict) -> dict:
    """Asterisked notes called on the title or on "Report of the Secretary-General" (a late
    submission, a document in parts), found by the front-page line that ends in their mark:
    ``{"title_note": {"en": ...}, "report_note": {...}}``."""
    found: dict = {}
    for lang, d in docs.items():
        for note in d.footnotes:
            if not note.marker or note.marker.strip("*"):
                continue
            line = next((x.strip() for x in d.front or []
                         if x.strip().endswith(note.marker)
                         and not x.strip().endswith("*" + note.marker)), None)
            if line is None:
                continue
            called = line[:-len(note.marker)].strip()
            if title.get(lang) and called == title[lang].strip():
                found.setdefault("title_note", {})[lang] = note.text
            elif REPORT_OF.match(called):
                found.setdefault("report_note", {})[lang] = note.text
    return {k: v for k, v in found.items() if set(v) == set(docs)}


def masthead(docs: dict) -> dict:
    """The spec's masthead for next year, from last year's reports (``docs``: by language)."""
    first = next(iter(docs.values()))
    meta = first.metadata
    date = dt.date.fromisoformat(meta.date) if meta.date else dt.date.today()
    from compose.terms import glossary

    organ_name = (meta.organ or "").split(";")[0].strip()
    organ = glossary().find(organ_name)
    head = {"symbol": next_symbol(meta.symbol),
            "organ": organ.id if organ else "general-assembly",
            "date": _next_year(date).isoformat(),
            "original": meta.original_language if meta.original_language in (
                "en", "zh", "fr", "es", "ru", "ar") else "en",
            "session": _session(meta.session, date.year)}
    meeting = _meeting(first.front or [])
    if meeting:
        head["meeting"] = meeting
    agenda = _agenda(first)
    if agenda:
        titles = {lang: _agenda_title(d, lang) for lang, d in docs.items()}
        if all(titles.values()):
            agenda["title"] = titles
        star = next((f.text.rstrip("。. ") for f in first.footnotes if f.marker == "*"), "")
        if SYMBOL.match(star):
            agenda["document"] = next_symbol(star)
        head["agenda"] = agenda
    head["title"] = {lang: d.metadata.title or "" for lang, d in docs.items()}
    head.update(_front_notes(docs, head["title"]))
    return head
