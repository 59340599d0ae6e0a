"""Draw random figure records for a hand check of precision, each shown in its paragraph.

    python benchmarks/extract_sample.py RECORDS.jsonl STORE.db [-n 40] [--seed 10]

RECORDS.jsonl is ``rapporteur extract --db STORE.db ... -o RECORDS.jsonl`` (or any JSONL of
records); STORE.db holds the documents, so that each record is printed with the text around
it. The reader of the output marks each record right or wrong by hand."""
from __future__ import annotations

import argparse
import json
import random

from corpus.store import Store


def source_text(doc, record: dict) -> str | None:
    """The paragraph (or footnote) whose text holds the record at its span."""
    s, e = record["span"]
    if record.get("footnote"):
        units = [f.text for f in doc.footnotes if f.marker == record["footnote"]]
    else:
        units = [p.text for p in doc.paragraphs
                 if p.number == record["para"] and p.page == record["page"]]
    return next((t for t in units if t[s:e] == record["text"]), None)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("records")
    ap.add_argument("db")
    ap.add_argument("-n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=10)
    args = ap.parse_args()
    with open(args.records, encoding="utf-8") as f:
        figures = [r for r in map(json.loads, f) if r["kind"] == "figure"]
    sample = random.Random(args.seed).sample(figures, min(args.n, len(figures)))
    wanted = {r["doc"] for r in sample}
    with Store(args.db) as store:  # records name documents by Document.name
        docs = {d.name: d for d in store.documents() if d.name in wanted}
    for i, r in enumerate(sample, 1):
        doc = docs.get(r["doc"])
        text = source_text(doc, r) if doc else None
        s, e = r["span"]
        around = (text[max(0, s - 90):s] + "[[" + text[s:e] + "]]" + text[e:e + 60]
                  if text else "(paragraph not found)")
        around = around.replace("\n", " ⏎ ")
        span = (f"{r['low']}–{r['high']}" if r.get("low") is not None else r["value"])
        print(f"{i:2}. {r['doc']} p{r['page']} para {r['para']}: {span} {r['unit']}"
              f" q={r['qualifier']} counted={r.get('counted')}\n    {around}")


if __name__ == "__main__":
    main()
