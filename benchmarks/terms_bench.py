"""Benchmark: a cold ``rapporteur terms check`` of the Chinese workplan, about 10 pages (bar:
1 s), the same on 200-page documents (bar: 3 s), and the bundled glossary's load time.
Each command runs in a fresh process; its CPU time is given beside the wall time, which
on a shared machine also counts the wait for a core.

The documents are built from real text: the Chinese sample report (about 10 pages) repeated
with its paragraphs renumbered, and the English test report written in UN style, repeated
likewise, to about 200 pages each (UN page: ~550 English words, ~1 100 Chinese characters).

    python benchmarks/terms_bench.py            # prints one line per measurement
    python benchmarks/terms_bench.py --precision [BATCH…]

``--precision`` re-runs ``terms check`` on the real documents listed in
``tests/gold/terms_findings.json`` (read in place under ../shared/) and scores every
finding against the hand annotations there: precision, and the findings nobody has
annotated yet (to be judged by hand before they count).
"""
from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ZH = ROOT / "corpus" / "samples" / "zh" / "unwomen-ohchr-joint-workplan-2012.zh.txt"
EN = ROOT / "tests" / "data" / "glossary" / "pair.en.txt"
NUMBERED = re.compile(r"^(\d+)\.\s")


def grow(source: Path, pages: int, per_page: int, unit) -> tuple[str, int]:
    """The file's text with its numbered body repeated until it fills ``pages`` pages."""
    text = source.read_text(encoding="utf-8")
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if NUMBERED.match(line))
    head, body = lines[:first], lines[first:]
    size = sum(unit(line) for line in body)
    copies = -(-pages * per_page // size)
    numbers = [int(m.group(1)) for line in body if (m := NUMBERED.match(line))]
    out, shift = list(head), 0
    for _ in range(copies):
        for line in body:
            out.append(NUMBERED.sub(lambda m: f"{int(m.group(1)) + shift}. ", line))
        shift += max(numbers)
    return "\n".join(out) + "\n", copies


def timed(args: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of a command; CPU time tells the work apart from waiting for a
    core on a shared machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def cold(path: Path, runs: int = 5) -> str:
    """Median wall and CPU seconds of ``runs`` fresh ``terms check`` processes (the first
    run of all, which compiles jieba's frequency table into the user's cache, is left out)."""
    timed(["rapporteur", "terms", "check", str(path), "--fail-on", "never"])
    times = sorted(timed(["rapporteur", "terms", "check", str(path), "--fail-on", "never"])
                   for _ in range(runs))
    wall = sorted(w for w, _ in times)[runs // 2]
    cpu = sorted(c for _, c in times)[runs // 2]
    return f"{wall:.2f} s wall ({cpu:.2f} s CPU), median of {runs}"


def main() -> int:
    print(f"cold `rapporteur terms check` of {ZH.name}: {cold(ZH)}")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from glossary import Glossary; Glossary.bundled()"],
                   check=True)
    print(f"glossary load (fresh process, incl. Python start): {time.perf_counter() - start:.2f} s")
    from glossary import Glossary

    start = time.perf_counter()
    g = Glossary.bundled()
    print(f"glossary load (in process): {time.perf_counter() - start:.3f} s, {len(g)} concepts")

    han = lambda line: sum(1 for c in line if "\u4e00" <= c <= "\u9fff")  # noqa: E731
    words = lambda line: len(line.split())  # noqa: E731
    with tempfile.TemporaryDirectory() as tmp:
        for name, source, per_page, unit in (("zh", ZH, 1100, han), ("en", EN, 550, words)):
            text, copies = grow(source, 200, per_page, unit)
            path = Path(tmp) / f"bench-200p.{name}.txt"
            path.write_text(text, encoding="utf-8")
            wall, cpu = timed(["rapporteur", "terms", "check", str(path), "--format", "json",
                           "-o", str(Path(tmp) / f"{name}.json")])
            from corpus.reader import read
            from glossary.checks import check
            from glossary.scan import scan

            t0 = time.perf_counter()
            doc = read(path)
            t1 = time.perf_counter()
            s = scan(doc, g)
            t2 = time.perf_counter()
            findings = check(s)
            t3 = time.perf_counter()
            print(f"{name}: {copies} copies, {len(doc.paragraphs)} paragraphs, "
                  f"{sum(unit(p.text) for p in doc.paragraphs)} {'chars' if name == 'zh' else 'words'}; "
                  f"`rapporteur terms check` {wall:.2f} s wall ({cpu:.2f} s CPU); in process "
                  f"read {t1 - t0:.2f} s, scan {t2 - t1:.2f} s (incl. matcher build), "
                  f"checks {t3 - t2:.2f} s, {len(findings)} findings")
    print(f"load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    return 0


def precision(batches: list[str]) -> int:
    import json

    from corpus.reader import read
    from glossary import Glossary
    from glossary.checks import check
    from glossary.scan import scan

    gold = json.loads((ROOT / "tests" / "gold" / "terms_findings.json").read_text(encoding="utf-8"))
    verdict = {(f["doc"], f["type"], f["concept"]): f["true"] for f in gold["findings"]}
    shared, g = ROOT.parent / "shared", Glossary.bundled()
    true = false = 0
    unknown = []
    for batch in batches or list(gold["documents"]):
        for rel in gold["documents"][batch]:
            name = rel.rsplit("/", 1)[-1]
            for f in check(scan(read(shared / rel), g)):
                key = (name, f.type, f.concept)
                if key not in verdict:
                    unknown.append(f"{name}: {f.type} {f.concept}: {f.message}")
                elif verdict[key]:
                    true += 1
                else:
                    false += 1
                    print(f"false: {name}: {f.type} {f.concept}: {f.message}")
    for line in unknown:
        print(f"not annotated: {line}")
    judged = true + false
    print(f"precision {true}/{judged} = {true / judged if judged else 0:.3f}; "
          f"{len(unknown)} finding(s) not annotated")
    return 1 if unknown else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--precision"]:
        sys.exit(precision(sys.argv[2:]))
    sys.exit(main())
