"""The masthead of each edition from the one masthead of the spec: organ and body names
from the glossary, session ordinals, meeting dates and the agenda line in each language's
conventions (the Chinese edition keeps "Distr.: General", the English date and
"Original: English", and adds "Chinese")."""
from __future__ import annotations

from compose.draft import Masthead
from compose.numbers import as_date, date, date_range, ordinal
from compose.terms import full_name

LANGUAGE_NAMES = {"en": "English", "zh": "Chinese", "fr": "French", "es": "Spanish",
                  "ru": "Russian", "ar": "Arabic"}
LANGUAGE_LETTER = {"en": "E", "zh": "C"}


def session_line(session: dict, lang: str) -> str:
    """The session line of the masthead: ``eightieth session`` / ``第八十届会议``, or by year."""
    if "number" in session:
        n = session["number"]
        return f"{ordinal(n, 'en')} session" if lang == "en" else f"{ordinal(n, 'zh')}届会议"
    return f"{session['year']} session" if lang == "en" else f"{session['year']}年届会"


def agenda_line(agenda: dict, lang: str) -> list[str]:
    """The agenda line in two parts, the asterisked footnote call going between them:
    ``Item 3 (c) of the provisional agenda*`` / ``临时议程*项目3(c)``."""
    item = agenda["item"]
    if not agenda.get("provisional", True):  # a session's agenda already adopted
        return [f"Agenda item {item}" if lang == "en" else f"议程项目{item.replace(' ', '')}", ""]
    if lang == "en":
        return [f"Item {item} of the provisional agenda", ""]
    return ["临时议程", f"项目{item.replace(' ', '')}"]


def build(m: dict, lang: str) -> Masthead:
    """The masthead of the ``lang`` edition from the spec's masthead ``m``."""
    date_ = m["date"]
    original = m.get("original", "en")
    language_lines = [f"Original: {LANGUAGE_NAMES[original]}"]
    if lang != original:
        language_lines.insert(0, LANGUAGE_NAMES[lang])
    meeting = None
    if m.get("meeting"):
        mt = m["meeting"]
        when = date_range(mt["from"], mt["to"], lang)
        place = (mt.get("place") or {}).get(lang)
        meeting = (f"{place}, {when}" if lang == "en" else f"{when}，{place}") if place else when
    agenda = m.get("agenda")
    job = m.get("job")
    return Masthead(
        symbol=m["symbol"],
        organ=full_name(m["organ"], lang),
        date=date(date_, "en"),
        language_lines=language_lines,
        body=full_name(m["body"], lang) if m.get("body") else None,
        session=session_line(m["session"], lang),
        meeting=meeting,
        agenda=agenda_line(agenda, lang) if agenda else None,
        agenda_note=(agenda.get("document") if agenda else None),
        agenda_title=agenda["title"][lang] if agenda and agenda.get("title") else None,
        title=m["title"][lang],
        report_of="Report of the Secretary-General" if lang == "en" else "秘书长的报告",
        job=f"{job} ({LANGUAGE_LETTER[lang]})" if job else None,
        job_date=as_date(date_).strftime("%d%m%y") if job else None,
        title_note=(m.get("title_note") or {}).get(lang),
        report_note=(m.get("report_note") or {}).get(lang),
    )
