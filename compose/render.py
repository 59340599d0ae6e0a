"""Jinja2 rendering of one edition, keeping track of every figure it prints.

Each figure filter wraps what it prints between private-use sentinels carrying a figure
id; when a paragraph is finished the sentinels are removed and their offsets recorded, so
the provenance of a figure is exact even after Jinja has joined, trimmed and looped.
A line break in a rendered paragraph starts a sub-paragraph: (a), (b), ...

What a template can use (same names in both languages):
  d.<id>, d.<id>.subject, d.<id>.period, d.<id>.previous_period   the data
  |slot                      a draft's figure: last year's as printed, or this year's
  |fig |prev                 the value / the previous value, in its unit's style
  |change |diff              "increased from X in P1 to Y in P2" / "an increase of Z"
  trend(d.x, d.y, "rose from {x} in {px} to {y} in {py}")   a drafted comparison of two
                             slots, its verb following their values (compose.trends)
  share(d.a, d.b) total([..])  computed percentage / sum (documented rules)
  |pct |num |money |date     a literal number or date written in the template
  |booktitle                 a document's title: 《...》 in Chinese, as given in English
  term("un-women")           glossary name: full (short) at first mention, then short
  res("general-assembly", "64/289")   resolution reference
  fn(n)                      call the paragraph's n-th footnote here
  range(n), loop.*, ~, if/for/set/macro   Jinja's own statements, inside the limits of
                             compose.sandbox; strings offer upper, lower, title,
                             capitalize, strip, startswith, endswith; filters also abs,
                             capitalize, count, default, first, int, join, last, length,
                             lower, round, title, trim, upper. Nothing else: no other
                             attribute, global, include or import.
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation
from importlib.resources import files

import jinja2

from compose import compare
from compose.data import RESERVED, Datum
from compose.draft import Figure, Text
from compose.errors import SpecError, Unplaced
from compose.numbers import date, decimal, plain, quantity, resolution
from compose.sandbox import Budget, Sandbox, short
from compose.terms import Mentions, full_name
from compose.trends import Trend

OPEN, SEP, CLOSE, NOTE, NOTE_END = "\ue030", "\ue031", "\ue032", "\ue033", "\ue034"  # RESERVED
_MARK = re.compile(f"{OPEN}(\\d+){SEP}|{CLOSE}|{NOTE}(\\d+){NOTE_END}")
_HAN = "[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]"  # Han, CJK and full-width punctuation
_SPACE = "[ \u00a0\u2009]+"
_HAN_THEN_DIGIT = re.compile(f"(?<={_HAN}){_SPACE}(?=(?:{OPEN}\\d+{SEP})*(?:[0-9]|{_HAN}))")
_DIGIT_THEN_HAN = re.compile(
    f"([0-9%])((?:{CLOSE}|{NOTE}\\d+{NOTE_END})*){_SPACE}(?=(?:{OPEN}\\d+{SEP})*{_HAN})")


def han_digit_spacing(raw: str) -> str:
    """Chinese house style: no space between Han characters and digits ("2025年的72个",
    not "2025 年的 72 个") nor between Han characters, whatever the template typed; spaces
    inside a number (the thousands separator of "2 500万") stay. Works across the figure
    sentinels."""
    return _DIGIT_THEN_HAN.sub(r"\1\2", _HAN_THEN_DIGIT.sub("", raw))
def label(i: int) -> str:
    """The label of the i-th (from 0) sub-paragraph: a ... z, then aa, bb, ... as UN
    documents go on."""
    return chr(ord("a") + i % 26) * (i // 26 + 1)


class DatumView:
    """A datum as templates see it: ``d.subject`` and ``d.period`` in the edition's
    language; the figure filters unwrap it."""

    def __init__(self, datum: Datum, lang: str):
        self.datum, self.lang = datum, lang

    @property
    def id(self) -> str:
        """The datum's id."""
        return self.datum.id

    @property
    def subject(self) -> str:
        """The datum's subject in the edition's language; an error when it has none."""
        s = self.datum.subject.get(self.lang)
        if not s:
            raise Unplaced(f"data {self.datum.id!r} has no {self.lang} subject")
        return s

    @property
    def period(self) -> str:
        """The period of the current value."""
        return self.datum.period

    @property
    def previous_period(self) -> str:
        """The period of the previous value; an error when there is none."""
        return self._previous().period

    def _previous(self):
        if self.datum.previous is None:
            raise Unplaced(f"data {self.datum.id!r} has no previous value (give "
                           "previous: {value, period} or a previous report)")
        return self.datum.previous


DATUM_ATTRS = frozenset({"id", "subject", "period", "previous_period"})


class DataView:
    """``d`` in templates: ``d.<id>`` or ``d["<id>"]`` and nothing else (a plain dict would
    also offer its methods, and hide a datum called ``items`` or ``keys``)."""

    def __init__(self, views: dict[str, DatumView]):
        self._views = views

    def __getitem__(self, key) -> DatumView:
        if key not in self._views:
            raise Unplaced(f"no data {key!r}")
        return self._views[key]


def _datum(value) -> DatumView:
    if not isinstance(value, DatumView):
        raise Unplaced(f"a figure filter needs a data entry (d.some_id), got {short(value)}")
    return value


def _source(datum: Datum) -> dict:
    return {**datum.origin, "id": datum.id, "source": datum.source}


class Renderer:
    """Renders the templates of one edition (one language)."""

    def __init__(self, lang: str, data: dict[str, Datum], spec_path, currency: str = "US$"):
        self.lang, self.spec_path, self.currency = lang, spec_path, currency
        self.mentions = Mentions(lang)
        self.data = {k: DatumView(v, lang) for k, v in data.items()}
        self.pending: dict[int, dict] = {}
        self.notes: list[str] = []
        self.spent = Budget()  # what all the templates of this edition have used
        self.templates: dict = {}
        self.env = Sandbox(
            {DatumView: DATUM_ATTRS}, RESERVED, keep_trailing_newline=False, trim_blocks=True,
            lstrip_blocks=True,
            loader=jinja2.FileSystemLoader(str(files("compose") / "templates")))
        self.env.filters.update(
            fig=self.fig, slot=self.slot, prev=self.prev, change=self.change, diff=self.diff,
            pct=lambda v: self.literal(v, "percent"), money=lambda v: self.literal(v, "USD"),
            num=lambda v: self.literal(v, "count"), date=lambda v: date(v, lang),
            capfirst=lambda s: s[:1].upper() + s[1:], booktitle=self.booktitle)
        self.env.globals.update(term=self.mentions, res=self.res, fn=self.fn,
                                share=self.share, total=self.total, d=DataView(self.data),
                                trend=Trend(self), lang=lang)

    # -- figures -------------------------------------------------------------------
    def mark(self, text: str, value, unit: str, role: str, source: dict) -> str:
        """``text`` marked as a figure with its value, role and source, for the sidecar."""
        if unit == "USD" and self.currency == "$":  # the series writes "$8.4 million"
            text = text.replace("US$ ", "$")
        fid = len(self.pending)
        self.pending[fid] = {"value": None if value is None else plain(value), "unit": unit,
                             "role": role,
                             "source": source}
        return f"{OPEN}{fid}{SEP}{text}{CLOSE}"

    def fig(self, dv) -> str:
        """The ``|fig`` filter: the datum's current value, printed and marked."""
        d = _datum(dv).datum
        return self.mark(quantity(d.value, d.unit, self.lang), d.value, d.unit, "input",
                         _source(d))

    def slot(self, dv) -> str:
        """A figure of a draft made by ``rapporteur draft``: as last year's report printed
        it, marked to update, until the drafter fills the current value; then that value
        in the same form."""
        d = _datum(dv).datum
        printed = d.printed.get(self.lang)
        if printed is None:
            raise Unplaced(f"data {d.id!r} is not a slot with a {self.lang} figure "
                           f"(printed_{self.lang})")
        if d.unit == "word":  # "half", "doubled": last year's words, or the drafter's
            if d.to_update:
                return self.mark(printed, None, d.unit, "to-update", _source(d))
            return self.mark(d.value, None, d.unit, "input", _source(d))
        if d.to_update:
            p = dv._previous()
            return self.mark(printed, p.value, d.unit, "to-update",
                             {**p.origin, "id": d.id, "source": d.source})
        p = dv._previous()
        from compose.slots import restyle

        return self.mark(restyle(printed, p.value, d.value, self.lang), d.value, d.unit,
                         "input", _source(d))

    def prev(self, dv) -> str:
        """The ``|prev`` filter: the datum's previous value, printed and marked."""
        d = _datum(dv).datum
        p = dv._previous()
        return self.mark(quantity(p.value, d.unit, self.lang), p.value, d.unit, "previous",
                         {**p.origin, "id": d.id})

    def change(self, dv) -> str:
        """The ``|change`` filter: current and previous value compared in words, both marked."""
        d = _datum(dv).datum
        p = dv._previous()

        def mark(role, text):
            if role == "current":
                return self.mark(text, d.value, d.unit, "input", _source(d))
            return self.mark(text, p.value, d.unit, "previous", {**p.origin, "id": d.id})

        return compare.comparison(d.value, d.period, p.value, p.period, d.unit, self.lang, mark,
                                  d.subject.get(self.lang))

    def diff(self, dv) -> str:
        """The ``|diff`` filter: by how much the value changed, marked as computed."""
        d = _datum(dv).datum
        p = dv._previous()
        diff = abs(compare.difference(d.value, p.value))
        source = {"kind": "computed", "rule": "difference", "of": [d.id, f"{d.id}.previous"]}
        return compare.by_how_much(
            d.value, p.value, d.unit, self.lang,
            lambda role, text: self.mark(text, diff, compare.change_unit(d.unit), "computed",
                                         source), d.subject.get(self.lang))

    def share(self, part, whole, places: int = 1) -> str:
        """``part`` as a percentage of ``whole`` (rule: share, rounded to ``places``)."""
        a, b = _datum(part).datum, _datum(whole).datum
        if decimal(b.value) == 0:
            raise Unplaced(f"share(d.{a.id}, d.{b.id}): d.{b.id} is zero, so there is no share")
        if not isinstance(places, int) or not 0 <= places <= 6:
            raise Unplaced(f"share(): places is a whole number from 0 to 6, not {places!r}")
        try:
            value = (decimal(a.value) * 100 / decimal(b.value)).quantize(
                Decimal(1).scaleb(-places))
        except InvalidOperation:
            raise Unplaced(f"share(d.{a.id}, d.{b.id}) is too large to write") from None
        return self.mark(quantity(value, "percent", self.lang), value, "percent", "computed",
                         {"kind": "computed", "rule": "share", "of": [a.id, b.id]})

    def total(self, items) -> str:
        """The sum of data entries in one unit (rule: sum)."""
        ds = [_datum(i).datum for i in items]
        if len({d.unit for d in ds}) != 1:
            raise Unplaced("total() adds entries of one unit only")
        value = sum(decimal(d.value) for d in ds)
        return self.mark(quantity(value, ds[0].unit, self.lang), value, ds[0].unit, "computed",
                         {"kind": "computed", "rule": "sum", "of": [d.id for d in ds]})

    def literal(self, value, unit: str) -> str:
        """A number written in the template, printed in ``unit`` and marked as the template's."""
        if isinstance(value, DatumView):
            raise Unplaced(f"use |fig for data entries ({value.id})")
        try:
            text = quantity(value, unit, self.lang)
        except ValueError as exc:
            raise Unplaced(f"a number written in the template: {exc}") from None
        return self.mark(text, value, unit, "input", {"kind": "template"})

    def booktitle(self, text) -> str:
        """Chinese editions put the titles of documents and publications in 《》 (and any
        quotation marks the title came with go)."""
        if not isinstance(text, str):
            raise Unplaced(f"|booktitle takes text, got {short(text)}")
        if self.lang != "zh":
            return text
        return "《" + text.strip().strip('“”「」《》"') + "》"

    def res(self, body: str, number: str) -> str:
        """The ``res()`` global: a resolution of ``body`` by number, as the language cites it."""
        return resolution(full_name(body, "en"), full_name(body, "zh"), str(number), self.lang)

    def fn(self, n: int) -> str:
        """The ``fn()`` global: the call of the paragraph's footnote ``n``."""
        if not isinstance(n, int) or not 1 <= n <= len(self.notes):
            raise Unplaced(f"fn({short(n)}): the paragraph has {len(self.notes)} footnote(s)")
        return f"{NOTE}{n}{NOTE_END}"

    # -- paragraphs ----------------------------------------------------------------
    @contextmanager
    def at(self, where: str):
        """Name the spec and the place (``section 2, paragraph 5``) in any problem found."""
        try:
            yield
        except Unplaced as exc:
            raise SpecError(self.spec_path, f"{where} ({self.lang}): {exc}") from None

    def _compiled(self, source: str):
        """A template compiled once per edition: specs repeat their short templates
        (headings, footnotes), and compiling is most of rendering's time."""
        if source not in self.templates:
            self.templates[source] = self.env.from_string(source)
        return self.templates[source]

    def render(self, source: str, name: str | None = None, **context) -> str:
        """Raw rendered text (with sentinels) of a template string or a named template.
        Whatever a template does wrong ends here as one ``Unplaced`` message: it is the
        spec's code that failed, never ours to show as a traceback."""
        self.env.budget = Budget(self.spent)
        try:
            template = (self.env.get_template(f"{name}.{self.lang}.j2") if name
                        else self._compiled(source))
            return template.render(**context)
        except Unplaced:
            raise
        except jinja2.TemplateSyntaxError as exc:
            raise Unplaced(f"template syntax error at line {exc.lineno}: {exc.message}") from None
        except jinja2.TemplateError as exc:
            raise Unplaced(f"template error: {exc.message}") from None
        except RecursionError:
            raise Unplaced("the template calls itself too deeply") from None
        except Exception as exc:  # noqa: BLE001 — any failure of the spec's own code
            raise Unplaced(f"template error: {type(exc).__name__}: {exc}") from None

    def finish(self, raw: str, notes: list[str] = ()) -> Text:
        """Strip the sentinels of one piece of text and record its figures and notes.
        Sentinels that do not pair up can only have come from outside (a previous report
        holding them): refused rather than taken for figures."""
        if self.lang == "zh":
            raw = han_digit_spacing(raw)
        try:
            return self._finish(raw, notes)
        except (IndexError, KeyError, ValueError):
            raise Unplaced("the text holds characters U+E030 to U+E034, which Rapporteur "
                           "reserves for marking figures") from None

    def _finish(self, raw: str, notes: list[str]) -> Text:
        text, figures, calls, stack, pos = [], [], [], [], 0
        length = 0
        for m in _MARK.finditer(raw):
            chunk = raw[pos:m.start()]
            text.append(chunk)
            length += len(chunk)
            pos = m.end()
            if m.group(1) is not None:
                stack.append((int(m.group(1)), length))
            elif m.group(2) is not None:
                calls.append((length, notes[int(m.group(2)) - 1]))
            else:
                fid, start = stack.pop()
                info = self.pending[fid]
                figures.append((fid, start, length, info))
        text.append(raw[pos:])
        joined = "".join(text)
        lead = len(joined) - len(joined.lstrip())
        joined = joined.strip()
        out = Text(joined, notes=[(min(max(0, o - lead), len(joined)), n) for o, n in calls])
        for fid, start, end, info in sorted(figures, key=lambda f: f[1]):
            out.figures.append(Figure(start - lead, end - lead, joined[start - lead:end - lead],
                                      info["value"], info["unit"], info["role"],
                                      info["source"]))
        return out

    def paragraph(self, raw: str, notes: list[str]) -> tuple[Text, list[tuple[str, Text]]]:
        """Body and sub-paragraphs of a rendered paragraph; unplaced footnotes go at the
        end of the body (after its punctuation, as UN style places the call)."""
        lines = [line for line in raw.split("\n") if line.strip()]
        if not lines:
            raise Unplaced("a paragraph rendered empty")
        placed = {int(n) for n in re.findall(f"{NOTE}(\\d+){NOTE_END}", raw)}
        tail = "".join(f"{NOTE}{n}{NOTE_END}" for n in range(1, len(notes) + 1)
                       if n not in placed)
        body = self.finish(lines[0].rstrip() + tail, notes)
        subs = [(label(i), self.finish(line, notes)) for i, line in enumerate(lines[1:])]
        return body, subs
