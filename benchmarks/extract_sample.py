"""Draw random figure records for a hand check of precision, each shown in its paragraph; or
time extract against ingest on the same documents.

    python benchmarks/extract_sample.py RECORDS.jsonl STORE.db [-n 40] [--seed 10]
    python benchmarks/extract_sample.py --speed PATH... [--every 7]

RECORDS.jsonl is ``rapporteur extract --db STORE.db ... -o RECORDS.jsonl`` (or any JSONL of
records); STORE.db holds the documents, so that each record is printed with the text around
it. The reader of the output marks each record right or wrong by hand.

``--speed`` ingests the files of each PATH (a file or a folder; every Nth file of a folder,
sorted, with ``--every N``) into a temporary store (``workers=1``), then extracts every kind
from the documents stored, and prints how much extract adds to ingest, in wall-clock and in
CPU seconds (this process and its reading worker: the cross-check on a shared machine).
Both start-ups (imports, dictionaries, pipelines) are paid before the clocks start.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import tempfile
import time
from pathlib import Path

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


def sample(records: str, db: str, n: int, seed: int) -> None:
    with open(records, encoding="utf-8") as f:
        figures = [r for r in map(json.loads, f) if r["kind"] == "figure"]
    drawn = random.Random(seed).sample(figures, min(n, len(figures)))
    wanted = {r["doc"] for r in drawn}
    with Store(db) as store:  # records name documents by Document.name
        docs = {d.name: d for d in store.documents() if d.name in wanted}
    for i, r in enumerate(drawn, 1):
        doc = docs.get(r["doc"])
        text = source_text(doc, r) if doc else None
        s, e = r["span"]
        around = (text[max(0, s - 90):s] + "[[" + text[s:e] + "]]" + text[e:e + 60]
                  if text else "(paragraph not found)")
        around = around.replace("\n", " ⏎ ")
        span = (f"{r['low']}–{r['high']}" if r.get("low") is not None else r["value"])
        print(f"{i:2}. {r['doc']} p{r['page']} para {r['para']}: {span} {r['unit']}"
              f" q={r['qualifier']} counted={r.get('counted')}\n    {around}")


def _cpu() -> float:
    return sum(u.ru_utime + u.ru_stime for u in (resource.getrusage(resource.RUSAGE_SELF),
                                                  resource.getrusage(resource.RUSAGE_CHILDREN)))


def speed(paths: list[str], every: int) -> None:
    from corpus.ingest import collect, warm_up
    from extract import extract

    warm_up()
    total = [0.0, 0.0, 0.0, 0.0]  # ingest wall, CPU; extract wall, CPU
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "speed.db") as store:
        for path in paths:
            files = sorted(collect([path])[0])
            files = files[::every] if Path(path).is_dir() else files
            stored = sum(1 for _ in store.documents())
            wall, cpu = time.perf_counter(), _cpu()
            report = store.ingest(files, workers=1)
            ingest = (time.perf_counter() - wall, _cpu() - cpu)
            docs = list(store.documents())[stored:]
            if not docs:
                print(f"{path}: nothing stored ({len(report.failed)} failed)")
                continue
            extract(docs[0])  # the start-up: the pipeline, the vocabularies, cn2an
            wall, cpu = time.perf_counter(), _cpu()
            records = sum(len(extract(doc)) for doc in docs)
            spent = (time.perf_counter() - wall, _cpu() - cpu)
            total = [t + x for t, x in zip(total, (*ingest, *spent))]
            pages = sum(d.pages or 0 for d in docs)
            print(f"{path}: {len(docs)} documents ({len(report.failed)} failed), {pages} pages, "
                  f"{records} records; ingest {ingest[0]:.2f} s ({ingest[1]:.2f} s CPU), "
                  f"extract {spent[0]:.2f} s ({spent[1]:.2f} s CPU): extract adds "
                  f"{100 * spent[0] / ingest[0]:.0f} % ({100 * spent[1] / ingest[1]:.0f} % in CPU)")
    if len(paths) > 1 and total[0]:
        print(f"all: extract adds {100 * total[2] / total[0]:.0f} % to ingest "
              f"({100 * total[3] / total[1]:.0f} % in CPU seconds)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+",
                    help="RECORDS.jsonl STORE.db, or with --speed files and folders")
    ap.add_argument("-n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=10)
    ap.add_argument("--speed", action="store_true", help="time extract against ingest")
    ap.add_argument("--every", type=int, default=1, help="with --speed: every Nth file of a folder")
    args = ap.parse_intermixed_args()
    if args.speed:
        speed(args.paths, args.every)
    elif len(args.paths) != 2:
        ap.error("give RECORDS.jsonl and STORE.db (or --speed PATH...)")
    else:
        sample(*args.paths, args.n, args.seed)


if __name__ == "__main__":
    main()
