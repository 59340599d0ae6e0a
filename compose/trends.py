"""Comparison sentences of a drafted report ("decreased from 85 per cent in 2023 to 73 per
cent in 2024", "从2010年的45%下降到2012年的10%"): ``rapporteur draft`` finds them around two
figures and writes ``trend(d.x, d.y, "decreased from {x} in {px} to {y} in {py}")``, the
phrase as printed with the figures and years as fields. Composed, the phrase is last year's
words until a value is filled; then its verb follows the values — "increased" when the
second is larger, "decreased" when smaller, "remained at ... in both" when equal — so a
filled draft never says a figure rose when it fell."""
from __future__ import annotations

import re

from compose.compare import change_unit, difference, direction
from compose.errors import Unplaced

UP_EN = ("increased", "rose", "grew", "climbed", "increasing", "rising", "growing")
DOWN_EN = ("decreased", "fell", "declined", "dropped", "decreasing", "falling", "declining",
           "dropping")
OPPOSITE_EN = {"increased": "decreased", "rose": "fell", "increasing": "decreasing",
               "rising": "falling"}
OPPOSITE_EN |= {v: k for k, v in OPPOSITE_EN.items()}
UP_ZH = ("增加到", "增加至", "增长到", "增长至", "上升到", "上升至", "提高到", "提高至", "增至", "升至")
DOWN_ZH = ("减少到", "减少至", "下降到", "下降至", "降低到", "降低至", "降至", "减至")
OPPOSITE_ZH = {"增加到": "减少到", "增加至": "减少至", "上升到": "下降到", "上升至": "下降至",
               "提高到": "降低到", "提高至": "降低至", "增至": "降至", "减至": "增至"}
OPPOSITE_ZH |= {v: k for k, v in OPPOSITE_ZH.items() if v not in OPPOSITE_ZH}
# "..., an increase of 2" / "，增加了2个" after a comparison: the difference, by its word
BY_EN = {"an increase": "a decrease", "a rise": "a fall"}
BY_EN |= {v: k for k, v in BY_EN.items()}
BY_ZH = {"增加了": "减少了", "上升了": "下降了", "提高了": "降低了"}
BY_ZH |= {v: k for k, v in BY_ZH.items()}
_BY_EN = r"(?:an|a)\s+(?:increase|decrease|rise|fall|drop|decline)"
_BY_ZH = "|".join(BY_ZH)
QUALIFIER = r"(?:about|approximately|nearly|almost|around|some|over|more than|less than)"
_S = r"[ \u00a0]+"
_YEAR = r"(\d{4})(?![\d/–-])"

# what draft recognises in the text, around the spans of two figures
_EN_BEFORE = re.compile(rf"\b({'|'.join(UP_EN + DOWN_EN)})((?:{_S}[a-z]+ly)?){_S}from{_S}"
                        rf"(?:{QUALIFIER}{_S})?$")
_EN_MID = re.compile(rf"(?:{_S}in{_S}{_YEAR})?{_S}to{_S}(?:{QUALIFIER}{_S})?")
_EN_AFTER = re.compile(rf"{_S}in{_S}{_YEAR}")
_ZH_VERBS = "|".join(UP_ZH + DOWN_ZH)
_ZH_BEFORE = re.compile(rf"[从由](?:{_YEAR}年的?)?$")
_ZH_MID = re.compile(rf"[个人项次名家所]?(?:{_ZH_VERBS})(?:{_YEAR}年的?)?")
_EN_BY = re.compile(rf",?{_S}{_BY_EN}{_S}of{_S}(?:{QUALIFIER}{_S})?")
_ZH_BY = re.compile(rf"[个人项次名家所]?[，,]?(?:{_BY_ZH})")

# the phrase a spec holds, as the renderer reads it
_EN_PHRASE = re.compile(
    rf"(?P<verb>[A-Za-z]+)(?P<adv>(?:\s+[a-z]+ly)?)\s+from\s+(?P<q1>(?:{QUALIFIER}\s+)?)\{{x\}}"
    rf"(?P<p1>\s+in\s+\{{px\}})?\s+to\s+(?P<q2>(?:{QUALIFIER}\s+)?)\{{y\}}(?P<p2>\s+in\s+\{{py\}})?"
    rf"(?P<tail>,?\s+(?P<by>{_BY_EN})\s+of\s+(?:{QUALIFIER}\s+)?\{{d\}})?")
_ZH_PHRASE = re.compile(
    rf"(?P<lead>[从由])(?P<p1>\{{px\}}年的?)?\{{x\}}(?P<mw>[个人项次名家所]?)(?P<verb>{_ZH_VERBS})"
    rf"(?P<p2>\{{py\}}年的?)?\{{y\}}"
    rf"(?P<tail>(?P<mw2>[个人项次名家所]?)[，,]?(?P<by>{_BY_ZH})\{{d\}})?")


def find(text: str, spans: list[tuple[int, int]], lang: str) -> list[dict]:
    """Comparison phrases over consecutive figures (``spans``, in order): for each, the index
    of its first figure, the slice of ``text`` it covers, the phrase with ``{x}``, ``{y}``,
    ``{px}``, ``{py}`` in place of the figures and years (and ``{d}`` for a third figure
    saying by how much: "by": True), and the two years (or None)."""
    out, i, spans = [], 0, [tuple(s) for s in spans]
    while i + 1 < len(spans):
        found = _match(text, spans[i], spans[i + 1], lang)
        if not found:
            i += 1
            continue
        by = i + 2 < len(spans) and (_EN_BY if lang == "en" else _ZH_BY).fullmatch(
            text, found["end"], spans[i + 2][0])
        if by:  # "..., an increase of {d}"
            found["phrase"] += text[found["end"]:spans[i + 2][0]] + "{d}"
            found["end"] = spans[i + 2][1]
        out.append({"index": i, "by": bool(by), **found})
        i += 3 if by else 2
    return out


def _match(text: str, a: tuple[int, int], b: tuple[int, int], lang: str) -> dict | None:
    before = (_EN_BEFORE if lang == "en" else _ZH_BEFORE).search(text, 0, a[0])
    mid = (_EN_MID if lang == "en" else _ZH_MID).fullmatch(text, a[1], b[0])
    if not before or not mid:
        return None
    start, end = (before.start(), b[1])
    p1 = (mid.span(1), mid.group(1)) if mid.group(1) else None
    if lang == "zh":
        p1 = (before.span(1), before.group(1)) if before.group(1) else None
        p2 = (mid.span(1), mid.group(1)) if mid.group(1) else None
    else:
        after = _EN_AFTER.match(text, b[1])
        p2 = (after.span(1), after.group(1)) if after else None
        if p2 and p1:
            end = after.end()
    if bool(p1) != bool(p2):
        if lang == "zh" or p1:  # "from 43 in 2022 to 152 people": not a comparison of years
            return None
        p2 = None
    fields = sorted([(a, "{x}"), (b, "{y}")] + ([(p1[0], "{px}"), (p2[0], "{py}")] if p1
                                                else []))
    phrase, pos = [], start
    for (s, e), name in fields:
        phrase += [text[pos:s], name]
        pos = e
    phrase.append(text[pos:end])
    return {"start": start, "end": end, "phrase": "".join(phrase),
            "years": (int(p1[1]), int(p2[1])) if p1 else None}


def next_periods(years: tuple[int, int]) -> tuple[str, str]:
    """This year's periods of the two figures: a year-on-year comparison moves on by a
    year (2023 -> 2024 becomes 2024 -> 2025); a longer one keeps its baseline (2015 ->
    2024 becomes 2015 -> 2025)."""
    first, second = years
    return str(first + 1 if second - first == 1 else first), str(second + 1)


class Trend:
    """``trend(d.x, d.y, phrase)`` in templates, for one renderer (edition)."""

    def __init__(self, renderer):
        self.r = renderer

    def __call__(self, x, y, phrase, by=None) -> str:
        from compose.render import _datum

        dx, dy = _datum(x).datum, _datum(y).datum
        lang = self.r.lang
        m = (_EN_PHRASE if lang == "en" else _ZH_PHRASE).fullmatch(str(phrase))
        if not m:
            shape = ("VERB from {x} in {px} to {y} in {py}" if lang == "en"
                     else "从{px}年的{x}增至{py}年的{y}")
            raise Unplaced(f"trend(): the phrase {str(phrase)[:60]!r} does not read "
                           f"{shape!r} (the years may go)")
        verb = m["verb"]
        ups, downs = (UP_EN, DOWN_EN) if lang == "en" else (UP_ZH, DOWN_ZH)
        if verb.lower() not in ups + downs:
            raise Unplaced(f"trend(): {verb!r} is not a verb of change "
                           f"({', '.join(ups[:3] + downs[:3])} ...)")
        printed = "up" if verb.lower() in ups else "down"
        if dx.to_update and dy.to_update:
            way = printed  # last year's words, as printed
        else:
            try:
                way = direction(self._value(y), self._value(x))
            except ValueError:
                raise Unplaced(f"trend(d.{dx.id}, d.{dy.id}) compares single values, "
                               "not ranges") from None
        if m["tail"] and by is None:
            raise Unplaced("trend(): the phrase holds {d}: give its data as the fourth "
                           "argument")
        years = {"px": self._period(x), "py": self._period(y)} if m["p1"] else {}
        if way == "same":  # nothing to say by how much (the measure word after {d} serves {y})
            return self._same(m, y, years)
        if way != printed:
            swap = (OPPOSITE_EN if lang == "en" else OPPOSITE_ZH).get(verb.lower())
            new = swap or ("increased" if way == "up" else "decreased")
            if lang == "en" and verb.endswith("ing") and not swap:
                new = new[:-1] + "ing"
            verb = new.capitalize() if verb[0].isupper() else new
        text = m.group(0)
        if m["tail"] and way != printed:
            words = BY_EN if lang == "en" else BY_ZH
            new = words.get(m["by"].lower()) or ("an increase" if way == "up" else "a decrease")
            text = text[:m.start("by")] + new + text[m.end("by"):]
        text = text[:m.start("verb")] + verb + text[m.end("verb"):]
        fields = {"x": self.r.slot(x), "y": self.r.slot(y), **years}
        if m["tail"]:
            fields["d"] = self._by(x, y, by)
        return re.sub(r"\{(x|y|px|py|d)\}", lambda f: fields[f.group(1)], text)

    def _by(self, x, y, by) -> str:
        """The difference, as last year's report printed it: its slot until a value of the
        comparison is filled, then computed from the two (rule: difference)."""
        from compose.render import _datum

        d = _datum(by).datum
        if x.datum.to_update and y.datum.to_update:
            return self.r.slot(by)
        from compose.numbers import plain
        from compose.slots import restyle

        diff = abs(difference(self._value(y), self._value(x)))
        printed = d.printed.get(self.r.lang)
        if printed is None:
            raise Unplaced(f"data {d.id!r} is not a slot with a {self.r.lang} figure")
        return self.r.mark(restyle(printed, by._previous().value, plain(diff), self.r.lang),
                           diff, change_unit(d.unit), "computed",
                           {"kind": "computed", "rule": "difference", "of": [x.id, y.id]})

    def _same(self, m, y, years: dict) -> str:
        ys = self.r.slot(y)
        if self.r.lang == "zh":
            return (f"在{years['px']}年和{years['py']}年均保持在{ys}" if years
                    else f"保持在{ys}")
        verb = m["verb"]
        word = "remaining" if verb.endswith("ing") else "remained"
        word = word.capitalize() if verb[0].isupper() else word
        tail = f" in both {years['px']} and {years['py']}" if years else ""
        return f"{word} at {m['q2']}{ys}{tail}"

    @staticmethod
    def _value(view) -> str:
        d = view.datum
        return d.value if not d.to_update else view._previous().value

    @staticmethod
    def _period(view) -> str:
        d = view.datum
        if d.to_update:
            return view.previous_period
        if not d.period:
            raise Unplaced(f"data {d.id!r} has no period: the comparison names the year")
        return d.period
