"""Metadata from the first page of a UN report (the masthead), in English or Chinese:
symbol(s), organ, date, original language, session, agenda item, title, whose report, and
the job number from the page furniture."""
from __future__ import annotations

import re
from datetime import date

from corpus.blocks import REF_RE
from corpus.furniture import JOB, SYMBOL, SYMBOL_LINE
from corpus.model import Metadata
from corpus.resolutions import NUMBER as RES_NUMBER

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}
LANGUAGES = {"english": "en", "french": "fr", "spanish": "es", "russian": "ru", "arabic": "ar",
             "chinese": "zh", "英文": "en", "法文": "fr", "西班牙文": "es", "俄文": "ru",
             "阿拉伯文": "ar", "中文": "zh"}
ORGANS = ["General Assembly", "Security Council", "Economic and Social Council",
          "Trusteeship Council", "Human Rights Council", "大会", "安全理事会", "经济及社会理事会",
          "托管理事会", "人权理事会"]
# The bodies that a masthead names below "Distr." as the session's own (a joint report's
# second organ, a functional commission, an executive board).
BODIES = ["Human Rights Council", "Commission on the Status of Women",
          "Commission for Social Development", "Commission on Population and Development",
          "Statistical Commission", "Commission on Narcotic Drugs",
          "Commission on Crime Prevention and Criminal Justice",
          "Commission on Science and Technology for Development", "United Nations Forum on Forests",
          "Permanent Forum on Indigenous Issues", "Committee for Programme and Coordination",
          "人权理事会", "妇女地位委员会", "社会发展委员会", "人口与发展委员会", "统计委员会",
          "麻醉药品委员会", "预防犯罪和刑事司法委员会", "方案和协调委员会"]
_BOARD = re.compile(r"^Executive Board of the .{10,200}$|^.{2,60}执行局$")
_EN_DATE = re.compile(r"\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|"
                      r"September|October|November|December)\s+(\d{4})\b")
_ZH_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_SUBITEM = r"(?:\s*\([a-z]{1,2}\)(?:\s*\([ivx]{1,5}\))?)?"  # 3 (b) (ii)
_AGENDA = re.compile(rf"(?:(?:Provisional\s+)?agenda\s+items?|\bItems?)\s+([0-9]+{_SUBITEM}"
                     rf"(?:\s*(?:,|and)\s*[0-9]+{_SUBITEM})*)|"
                     r"议程[^\d\n]{0,6}项目\s*([0-9]+\s*(?:[（(][a-z][)）](?:\s*[（(][ivx]{1,5}[)）])?)?)", re.I)
_SESSION = re.compile(r"^(?:\d{4}\s+session|[A-Z][a-z]+(?:-[a-z]+)?\s+session|"
                      r"(?:Resumed\s+)?[A-Z][a-z]+(?:-[a-z]+)?\s+"
                      r"(?:regular\s+|(?:emergency\s+)?special\s+|resumed\s+)?session|"
                      r"[A-Z][a-z]+(?:-[a-z]+)?\s+year)$|"  # the Security Council's "Eightieth year"
                      r"^第[一二三四五六七八九十百零〇]+届(?:特别)?会议$|^第[一二三四五六七八九十百零〇]+年$|"
                      r"^\d{4}\s*年(?:届会|(?:届)?会议|(?:实质性|组织)会议)$")
# a record's (or a session report's) agenda item over its debate: "Agenda item 13 (continued)"
AGENDA_ITEM = re.compile(r"^(?:Agenda\s+items?\s+\d+(?:\s*\([a-z]\))?(?:\s*(?:,|and)\s*\d+(?:\s*\([a-z]\))?)*"
                         r"(?:\s*\(continued\))?|议程项目\s*\d+(?:\s*[（(][a-z][)）])?"
                         r"(?:\s*[和、]\s*\d+(?:\s*[（(][a-z][)）])?)*(?:\s*[（(]续[)）])?)$")
# what a document is beside its title: front matter, not a heading
ISSUE = re.compile(r"^(?:Addendum|Corrigendum|Revision|增编|更正|订正)$")
# a record's meeting: "Wednesday, 16 April 2025, 10 a.m.", "2025年4月16日星期三上午10时举行"
_MEETING_DAY = re.compile(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+"
                          r"\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\b|^(?:第\s*\d+\s*次全体会议)?\s*"
                          r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[(（]?星期[一二三四五六日天]")
# "2012 年 7 月 2 日至 27 日，纽约", "16 June–11 July 2025": the dates (and place) of a session
_MEETING_DATES = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*至.{0,20}日(?:\s*[，,]\s*\S{1,8})?$|"
                            r"^\d{1,2}(?:\s+[A-Z][a-z]+)?\s*[–-]\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4}$")
_NAMED = re.compile(r"^(?:(?:Identical\s+)?[Ll]etters?\s+dated|Note\s+verbale\s+dated|"
                    r"(?:Draft\s+)?[Rr]esolution\s+\d|Decision\s+\d|[^\s]{0,50}?的(?:信|普通照会)$|"
                    r"第\s*[\d/]+\s*(?:[(（]\d{4}[)）])?\s*号(?:决议|决定)$)")  # 第2774(2025)号决议
_JOB_IN_FOOTER = re.compile(r"(?<![\d/.-])((?:GE\.)?\d{2}-\d{5})(?![\d/])")
_REPORT_OF = re.compile(r"^(?:Report|Note)\s+(?:of|by)\s+the\s+(.+?)\s*$|^(.+?)的(?:报告|说明)$")


def is_masthead_line(line: str) -> bool:
    """A line that is one masthead item on its own (so a text dump must not run it into its
    neighbours): symbol, organ, Distr., date, original language, session, agenda item,
    "Report of the Secretary-General"."""
    line = _plain(line)
    return bool(_symbol(line) or _organs(line) or re.match(r"(?:Distr\.|Original\s*:|原文\s*[:：])", line)
                or re.fullmatch(r"\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", line)
                or _MEETING_DATES.match(line) or _MEETING_DAY.match(line)
                or line in LANGUAGES or line.lower() in LANGUAGES
                or _SESSION.match(line) or (_AGENDA.search(line) and len(line) < 60
                                            and not line.endswith(("。", ".", ";", "；")))
                or _REPORT_OF.match(line))


def is_report_line(line: str) -> bool:
    """"Report of the Secretary-General", "秘书长的报告": the line under a report's title."""
    return bool(_REPORT_OF.match(_plain(line)))


def _plain(text: str) -> str:
    return REF_RE.sub("", text).strip()


def iso_date(text: str) -> str | None:
    """The first date in ``text`` (``12 March 2024`` or ``2024年3月12日``) as ISO 8601, or
    None."""
    m = _EN_DATE.search(text)
    if m:
        return date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1))).isoformat()
    m = _ZH_DATE.search(text)
    if m:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    return None


def parse_masthead(front: list[str], furniture: list[str], lang: str | None) -> Metadata:
    """``front``: the texts of the body blocks before the report proper (in order);
    ``furniture``: running headers/footers of the whole document."""
    meta = Metadata(lang=lang)
    lines = [_plain(t) for t in front if _plain(t)]
    furniture = [_plain(f) for f in furniture[:8]]
    for text in lines + furniture:
        symbol = _symbol(text)
        if symbol and not meta.symbol:
            meta.symbol = symbol
            meta.symbols = [s.strip() for s in re.split(r"\s*[-–]\s*(?=[A-Z])", symbol)]
        job = JOB.search(text) or (text in furniture and _JOB_IN_FOOTER.search(text))
        if job and not meta.job_number:
            meta.job_number = job.group(1)
    organs, sessions = [], []
    report_idx = agenda_idx = None
    seen_distr = False
    for i, text in enumerate(lines):
        if not seen_distr:
            organs.extend(_organs(text))
        elif text in BODIES or text in ORGANS or _BOARD.match(text):  # a joint text's second organ
            organs.append(text)
        if re.search(r"Distr\.|分发", text):
            seen_distr = True
        if not meta.date and (re.search(r"Distr\.", text) or _MEETING_DAY.match(text) or
                              iso_date(text) and re.fullmatch(r"[\d\s\w]{6,24}", text) and "至" not in text):
            meta.date = iso_date(text)
        m = re.search(r"(?:Original|原文)\s*[:：]\s*([A-Za-z]+|\w{2,4}文)", text)
        if m:
            meta.original_language = LANGUAGES.get(m.group(1).lower(), m.group(1).lower())
        if _SESSION.match(text):
            sessions.append(text)
        m = _AGENDA.search(text)
        if m and len(text) < 120 and (agenda_idx is None or i > agenda_idx + 1):
            item = (m.group(1) or m.group(2)).replace("（", "(").replace("）", ")")
            item = re.sub(r"\s*(?:,|and)\s*", ", ", re.sub(r"\s+(?=\()", "", item)).strip()
            # a joint document has one agenda item per organ: "3(a); 19(f)"
            meta.agenda_item = f"{meta.agenda_item}; {item}" if meta.agenda_item else item
            agenda_idx = i
        m = _REPORT_OF.match(text)
        if m and report_idx is None and len(text) < 200:
            meta.report_of = (m.group(1) or m.group(2)).rstrip("*").strip()
            report_idx = i
    meta.organ = "; ".join(dict.fromkeys(organs)) or None
    meta.session = "; ".join(dict.fromkeys(sessions)) or None
    if report_idx and "Universal Periodic Review" in (meta.report_of or ""):
        # the Working Group's report names the State reviewed on the next line
        state = lines[report_idx + 1] if report_idx + 1 < len(lines) else None
        meta.title = f"{_plain(lines[report_idx]).rstrip('*')}: {state}" if state and len(state) < 60 \
            else _plain(lines[report_idx]).rstrip("*")
    elif report_idx:
        meta.title = _title(lines, report_idx, agenda_idx)
    else:
        meta.title = _own_title(lines, agenda_idx)
    return meta


def _own_title(lines: list[str], agenda_idx: int | None) -> str | None:
    """The title of a document that is no report: a letter, note verbale, resolution or
    decision names itself ("Letter dated ...", "Resolution 2774 (2025)"); otherwise the
    last line of the front matter after the masthead items and the agenda item."""
    named = [t for t in lines if _NAMED.match(t)]
    if named:
        return named[0]
    start = (agenda_idx + 1) if agenda_idx is not None else 0
    rest = [t for t in lines[start:] if not is_masthead_line(t) and not re.fullmatch(SYMBOL, t)
            and len(t) < 300]
    if len(rest) > 1 and RES_NUMBER.match(rest[-2]):
        return f"{rest[-2]} {rest[-1]}"  # "78/323." printed apart from its title
    return rest[-1] if rest and agenda_idx is not None else None


def _organs(text: str) -> list[str]:
    """Organ names at the start of a masthead line; a text dump may run several together
    (大会经济及社会理事会)."""
    found = []
    text = re.sub(r"^United Nations\s*", "", text).strip()
    while text:
        organ = next((o for o in sorted(ORGANS, key=len, reverse=True) if text.startswith(o)), None)
        if organ is None:
            break
        found.append(organ)
        text = text[len(organ):].lstrip(" *")
    return found


def _symbol(text: str) -> str | None:
    text = re.sub(r"^United Nations\s+", "", text)
    if re.fullmatch(r"[A-Z]{1,4} /\S+", text):  # "A /79/PV.64": a letter-spaced verbatim record
        text = text.replace(" /", "/", 1)
    if SYMBOL_LINE.match(text) and "/" in text:
        return re.sub(r"\s*([-–])\s*", "-", text).replace("–", "-")
    return None


def _title(lines: list[str], report_idx: int, agenda_idx: int | None) -> str | None:
    """The report title: the line(s) just above "Report of the Secretary-General". When
    the agenda item's own title sits between, the title is the last block before it."""
    start = (agenda_idx + 1) if agenda_idx is not None else 0
    candidates = [t for t in lines[start:report_idx]  # a title may name a period: "from 1 July"
                  if not re.fullmatch(SYMBOL, t) and not (iso_date(t) and len(t) < 30)
                  and not _SESSION.match(t)]
    return candidates[-1] if candidates else None
