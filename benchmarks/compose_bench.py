"""Composing speed, against the targets of issue 12: a 100-paragraph bilingual draft (the
gender-mainstreaming example with its sections repeated) in under 3 s, and a cold
``rapporteur compose --example`` (a fresh process, audit included) in under 1.5 s.
``python benchmarks/compose_bench.py`` prints both; ``python -m pytest
benchmarks/compose_bench.py`` times the draft with pytest-benchmark."""
from __future__ import annotations

import copy
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

EXAMPLE = Path(__file__).resolve().parent.parent / "compose" / "examples" / "gender-mainstreaming.yaml"
PARAGRAPHS = 100


def long_spec(out_dir: Path, paragraphs: int = PARAGRAPHS) -> Path:
    """The example spec with its sections repeated until it has ``paragraphs`` numbered
    paragraphs (the last one the recommendations)."""
    spec = yaml.safe_load(EXAMPLE.read_text("utf-8"))
    spec["data"] = [{"file": str(EXAMPLE.parent / "gender-mainstreaming-data.csv")}]
    base = [s for s in spec["sections"] if not s.get("recommendations")]
    sections, count = [], 0
    while count < paragraphs - 1:
        for section in base:
            sections.append(copy.deepcopy(section))
            count += len(section["paragraphs"])
            if count >= paragraphs - 1:
                break
    extra = count - (paragraphs - 1)
    if extra:
        sections[-1]["paragraphs"] = sections[-1]["paragraphs"][:-extra]
    sections.append(spec["sections"][-1] | {"paragraphs": []})  # recommendations: the last
    spec["sections"] = sections
    path = out_dir / "long.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), "utf-8")
    return path


def compose_once(spec: Path, out: Path) -> list[dict]:
    from compose import compose

    return compose(spec, out, ("en", "zh"), allow_outside=True)  # the data CSV lives beside the cache


def cold_example(out: Path) -> float:
    """Seconds for ``rapporteur compose --example gender-mainstreaming`` in a new process."""
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from corpus.cli import main; main()", "compose",
                    "--example", "gender-mainstreaming", "-o", str(out)], check=True,
                   capture_output=True)
    return time.perf_counter() - t


def test_compose_long_draft(benchmark, tmp_path):
    spec = long_spec(tmp_path)
    results = benchmark.pedantic(compose_once, args=(spec, tmp_path / "out"), rounds=1)
    assert [r["paragraphs"] for r in results] == [PARAGRAPHS, PARAGRAPHS]


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        colds = [cold_example(Path(tmp) / f"example{i}") for i in range(3)]
        spec = long_spec(Path(tmp))
        t = time.perf_counter()
        res = compose_once(spec, Path(tmp) / "long")
        first = time.perf_counter() - t
        print(f"cold compose --example: {min(colds):.2f}-{max(colds):.2f} s (3 runs); "
              f"{[r['paragraphs'] for r in res]}-paragraph bilingual draft, first in its "
              f"process: {first:.2f} s")
