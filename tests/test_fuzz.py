"""The fuzzing harness's fast slice: 320 mutated real files (PDF, Word, text, glossaries)
through ``show``, ``ingest``, ``extract`` and ``terms import`` in subprocesses, each under
a time limit (``benchmarks/fuzz.py`` is the long run). Bars: no traceback, no hang, no
process above 1 GB, no local file leaked through an external entity, every failure named
with its file."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "samples"
FILES, SEED = 320, 2026


def _harness():
    spec = importlib.util.spec_from_file_location("fuzz", ROOT / "benchmarks" / "fuzz.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory) -> dict:
    if not (SHARED / "en").exists():
        pytest.skip(f"shared samples absent: {SHARED}")
    return _harness().fuzz(FILES, SEED, tmp_path_factory.mktemp("fuzz"), seconds=60)


def _check(fuzzed: dict, count: str, kind: str) -> None:
    assert fuzzed["counts"].get(count, 0) == 0, fuzzed["bad"].get(kind)


def test_every_mutant_was_tried(fuzzed):
    counts = fuzzed["counts"]
    assert counts["files tried"] + counts.get("hangs", 0) == FILES
    assert counts["read"] > 0 and counts["clear errors"] > 0


def test_no_traceback(fuzzed):
    _check(fuzzed, "tracebacks", "traceback")


def test_no_hang(fuzzed):
    _check(fuzzed, "hangs", "hangs")


def test_no_process_above_1_gb(fuzzed):
    assert fuzzed["counts"]["processes above 1 GB"] == 0, fuzzed["counts"]["peak MB"]


def test_no_local_file_leaks_through_an_external_entity(fuzzed):
    _check(fuzzed, "leaks", "leaks")


def test_every_failure_names_its_file(fuzzed):
    _check(fuzzed, "failures not naming the file", "unnamed")


def test_no_raw_exception_message(fuzzed):
    _check(fuzzed, "raw exception messages", "raw")


def test_no_reader_bug(fuzzed):
    _check(fuzzed, "bug reports", "bug")


def test_nothing_readable_is_refused(fuzzed):
    _check(fuzzed, "readable but refused", "readable but refused")


def test_the_verdicts_tell_the_failures_apart():
    verdicts = _harness()._verdicts
    a, b = Path("a.pdf"), Path("b.docx")
    run = {"out": "added 0, skipped 0 (already stored), failed 2\n", "code": 1,
           "err": f"{a}: no text layer: scanned PDF? (OCR it first)\n"
                  f"{b}: damaged Word document (BadZipFile: Bad CRC-32 for file 'x')\n"}
    assert verdicts(run, [a, b], "ingest") == {a: "error", b: "raw"}
    run = {"out": "", "code": 1, "err": "Traceback (most recent call last):\n  ...\n"}
    assert verdicts(run, [a], "show") == {a: "traceback"}
    run = {"out": "", "code": 70, "err": "error: unexpected failure, a bug in Rapporteur\n"}
    assert verdicts(run, [a], "show") == {a: "unnamed"}
    run = {"out": "", "code": 1, "err": f"error: {a}: the reader failed on it (KeyError at "
                                        f"x.py:1: a bug in Rapporteur, please report it)\n"}
    assert verdicts(run, [a], "show") == {a: "bug"}
