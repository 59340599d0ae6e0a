"""What the structure pass must know of a resolution or decision, in both languages: the
organ that addresses it ("The General Assembly,", "大会，"), which opens its preamble; how a
Chinese preambular clause opens (an English one opens with a capital: "Recalling ..."); and
the meeting that adopted it, which closes the text and belongs to no paragraph."""
from __future__ import annotations

import re

from corpus.blocks import Block, join_lines

ADDRESSED = re.compile(r"^(?:The\s+)?(?:General Assembly|Security Council|Economic and Social Council|"
                       r"Human Rights Council|Commission\b[^,]{0,80}|[A-Z][\w\s]{0,60}Board|"
                       r"Conference\b[^,]{0,80})\s*,$|^(?:大会|安全理事会|经济及社会理事会|人权理事会)[，,]$")
# 回顾, 又回顾, 深为关切地注意到, 满意地注意到 ... (not "并注意到": that goes on a clause)
CLAUSE_ZH = re.compile(r"^(?:又|还|再)?(?:深为|深切|严重|满意地|遗憾地|关切地)?"
                       r"(?:回顾|忆及|重申|申明|注意到|确认|欢迎|欣见|欣悉|表示|深表|关切|认识到|"
                       r"铭记|强调|着重指出|指出|考虑到|深信|确信|相信|坚信|意识到|承认|审议了|"
                       r"赞赏|赞扬|决心|认为|鉴于|重视|感谢|关注|希望|震惊|痛惜|谴责|遵循|念及)")
# How an English clause opens, where a dump gives no other sign that one starts
CLAUSE_EN = re.compile(r"^(?:(?:Also|Further|Deeply|Gravely|Strongly|Seriously)\s+)?(?:Recalling|"
                       r"Reaffirming|Noting|Recogni[sz]ing|Observing|Welcoming|Emphasi[sz]ing|Stressing|"
                       r"Underlining|Underscoring|Expressing|Acknowledging|Affirming|Bearing in mind|"
                       r"Mindful|Convinced|Concerned|Alarmed|Aware|Conscious|Considering|Taking|"
                       r"Having|Guided|Determined|Commending|Condemning|Reiterating|Urging|"
                       r"Encouraging|Calling|Acting|Determining|Believing|Desiring|Appreciating|"
                       r"Highlighting|Deploring|Regretting)\b")
# A resolution's number printed apart from its title in a dump: "78/323."
NUMBER = re.compile(r"^\d{1,3}/\d{1,4}\.$")
_MEETING_TEXT = r"(?:\d+(?:st|nd|rd|th)\s+plenary\s+meeting|第\s*\d+\s*次全体会议)"
_DATE_TEXT = r"(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
_MEETING = re.compile(f"^{_MEETING_TEXT}$")
_DATE = re.compile(f"^{_DATE_TEXT}$")
# the meeting, its date before or after it: "103rd plenary meeting 13 August 2024",
# "2024年8月13日 第103次全体会议"
SIGN_OFF = re.compile(f"^(?:{_DATE_TEXT}\\s*)?{_MEETING_TEXT}(?:\\s*{_DATE_TEXT})?$")


def join_sign_off(blocks: list[Block]) -> list[Block]:
    """The adopting meeting and its date, printed on two lines (two paragraphs in Word),
    as one block, so that the date does not run on the last operative paragraph."""
    out: list[Block] = []
    for block in blocks:
        last = out[-1].text.strip() if out and out[-1].role == block.role == "body" else ""
        text = block.text.strip()
        if last and (_MEETING.match(text) and _DATE.match(last) or _DATE.match(text) and _MEETING.match(last)):
            out[-1].text = join_lines([last, text])
            continue
        out.append(block)
    return out
