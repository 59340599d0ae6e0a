"""The writing process's share of ``ingest``: CPU seconds of ``Store.add`` one document a
transaction against ``Store.add_many`` in transactions of ``corpus.ingest.BATCH``, on the
same documents (read once, before timing), each into a fresh store.

    python benchmarks/store_bench.py                 # ../shared/corpus-dev/en
    python benchmarks/store_bench.py --repeat 3 FOLDER

On two cores every CPU second the parent spends writing is taken from the readers, so it
bounds the speed-up of ``--workers 2`` (issue 13); FTS5 writes and merges its index segments
once a transaction, which is what batching saves.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.ingest import BATCH, collect, parse  # noqa: E402
from corpus.store import Store  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpus-dev" / "en"


def timed(items, batch: int, folder: Path) -> float:
    """CPU seconds to write ``items`` into a new store, ``batch`` documents a transaction."""
    store = Store(folder / f"batch-{batch}.db")
    start = time.process_time()
    for i in range(0, len(items), batch):
        store.add_many(items[i:i + batch])
    seconds = time.process_time() - start
    store.close()
    return seconds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=3, help="keep the fastest of N runs")
    args = ap.parse_args()
    files, _, _ = collect([args.folder])
    if not files:
        sys.exit(f"error: {args.folder}: no documents (is ../shared beside the checkout?)")
    items = []
    for path in files:
        doc, prepared, _ = parse(path)
        if doc is not None:
            items.append((doc, *prepared))
    units = sum(len(d.paragraphs) + len(d.footnotes) for d, _, _ in items)
    print(f"{args.folder}: {len(items)} documents read, {units} paragraphs and footnotes")
    best = {}
    for _ in range(args.repeat):
        for batch in (1, BATCH):
            with tempfile.TemporaryDirectory() as tmp:
                seconds = timed(items, batch, Path(tmp))
            best[batch] = min(best.get(batch, seconds), seconds)
    for batch, seconds in best.items():
        print(f"  {batch:>2} a transaction: {seconds:.2f} CPU s (fastest of {args.repeat})")
    print(f"batched: {best[BATCH] / best[1]:.2f} of the CPU of one document a transaction")
    return 0


if __name__ == "__main__":
    sys.exit(main())
