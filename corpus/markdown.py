"""A document as people read it, in Markdown: the masthead, headings, numbered paragraphs with
their sub-paragraphs, tables as pipe tables, boxes as quotations, figures by their caption,
and footnotes as Markdown footnotes at their markers. For notebooks, reviews and
``rapporteur show --format markdown|html``."""
from __future__ import annotations

from corpus.model import Document, Table

_META = ("symbol", "organ", "session", "agenda_item", "date", "job_number", "title", "report_of")


def to_markdown(doc: Document) -> str:
    """The whole document in reading order, as Markdown."""
    m = doc.metadata
    out = [f"# {m.title or doc.name}", ""]
    out += [f"- **{key.replace('_', ' ')}**: {getattr(m, key)}" for key in _META
            if getattr(m, key) and key != "title"]
    out.append("")
    placed = {i: [] for i in range(-1, len(doc.paragraphs))}
    for item in [*doc.tables, *doc.figures, *doc.boxes]:
        placed[item.after if item.after is not None else -1].append(item)
    headings = {}
    for i, section in enumerate(doc.sections):
        first = next((k for k, p in enumerate(doc.paragraphs) if p.section is not None
                      and p.section >= i), len(doc.paragraphs))
        headings.setdefault(first, []).append(section)
    out += _items(placed[-1])
    for k, para in enumerate(doc.paragraphs):
        for s in headings.get(k, []):
            out += [f"{'#' * min(s.level + 1, 6)} {(s.number + '. ') if s.number else ''}{s.title}", ""]
        out += [_paragraph(para), ""]
        out += _items(placed[k])
    for s in headings.get(len(doc.paragraphs), []):
        out += [f"{'#' * min(s.level + 1, 6)} {(s.number + '. ') if s.number else ''}{s.title}", ""]
    notes = [f"[^{_label(f.marker)}]: {f.text}" for f in doc.footnotes if f.marker]
    notes += [f"> {f.text}" for f in doc.footnotes if not f.marker]
    return "\n".join(out + notes).rstrip() + "\n"


def _label(marker: str) -> str:
    return {"*": "star", "**": "star2", "***": "star3"}.get(marker, marker)


def _paragraph(para) -> str:
    text = para.text
    for sub in reversed(para.subparagraphs):  # each sub-paragraph on a line of its own
        start = text.rfind(f"({sub.label})", 0, sub.offset) if "." not in sub.label else \
            text.rfind(sub.label, 0, sub.offset)
        if start > 0:
            text = text[:start].rstrip() + "\n    " + text[start:]
    refs = "".join(f"[^{_label(m)}]" for m in para.footnote_refs)
    return f"**{para.number}.** {text}{refs}" if para.number else f"{text}{refs}"


def _items(items: list) -> list[str]:
    out: list[str] = []
    for item in items:
        if isinstance(item, Table):
            out += _table(item)
        elif hasattr(item, "labels"):  # a figure
            name = " ".join(x for x in (item.number, item.caption) if x) or "Figure"
            out += [f"*{name}*", ""] + [f"*{n}*" for n in item.notes] + ([""] if item.notes else [])
        else:  # a box
            name = " ".join(x for x in (item.number, item.title) if x)
            out += [f"> **{name}**", ">"] + [f"> {p}\n>" for p in item.paragraphs] + [""]
    return out


def _table(table: Table) -> list[str]:
    width = max((len(r) for r in table.rows), default=0)
    if not width:
        return []
    rows = [[c.replace("|", "\\|") for c in r] + [""] * (width - len(r)) for r in table.rows]
    head = rows[:max(table.header_rows, 1)]
    header = [" ".join(col).strip() for col in zip(*head)]
    name = " ".join(x for x in (table.number, table.caption) if x)
    out = [f"**{name}**", ""] if name else []
    out += ["| " + " | ".join(header) + " |", "|" + "---|" * width]
    out += ["| " + " | ".join(r) + " |" for r in rows[len(head):]]
    return out + [""] + [f"*{n}*" for n in table.notes] + ([""] if table.notes else [])
