"""Faults do not lose data: ``ingest`` killed with SIGKILL at random points leaves a sound
store that a re-run completes; two ``ingest`` runs on one store both finish; workers end
with their parent; a file past its time limit or whose worker dies is reported by name."""
from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import threading
import time
from pathlib import Path

import pytest

from corpus.ingest import ingest
from corpus.store import Store
from corpus.workers import Limits

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "samples"
SOURCES = [SHARED / "zh" / "unwomen-ohchr-joint-workplan-2012.zh.txt",
           SHARED / "zh" / "gender-mainstreaming-2012.zh-dump.txt",
           SHARED / "en" / "E_CN.6_2025_4.en.pdf"]


def _need_shared():
    missing = [p for p in SOURCES if not p.exists()]
    if missing:
        pytest.skip(f"shared samples absent: {missing[0]}")


@pytest.fixture(scope="module")
def hundred(tmp_path_factory) -> Path:
    """100 documents: copies of three real files, each with bytes appended (a newline for
    the texts, a comment after %%EOF for the PDF) so that every sha256 differs."""
    _need_shared()
    folder = tmp_path_factory.mktemp("hundred")
    for i in range(100):
        src = SOURCES[i % 3]
        tail = f"\n% copy {i}\n".encode() if src.suffix == ".pdf" else b"\n" * (i + 1)
        (folder / f"doc{i:03}{src.suffix}").write_bytes(src.read_bytes() + tail)
    return folder


def _run(folder: Path, db: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(["rapporteur", "ingest", str(folder), "--db", str(db), *extra],
                          capture_output=True, text=True, timeout=600)


def _state(db: Path) -> tuple[str, list[tuple[str, int]], int]:
    """(integrity check, (sha256, paragraphs) of each document, documents whose stored
    paragraphs differ from their model's)."""
    with sqlite3.connect(db) as conn:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        rows = conn.execute("SELECT d.sha256, (SELECT count(*) FROM paragraphs p WHERE "
                            "p.doc_id = d.id), json_array_length(d.json, '$.paragraphs') "
                            "FROM documents d ORDER BY d.sha256").fetchall()
    half = sum(1 for _, stored, model in rows if stored != model)
    return check, [(sha, n) for sha, n, _ in rows], half


def _stored(db: Path) -> int:
    """Documents stored so far (read while another process writes: the store is in WAL)."""
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not written yet
        return 0


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_sigkill_at_random_points_loses_nothing(hundred, tmp_path):
    clean_db = tmp_path / "clean.db"
    clean = _run(hundred, clean_db, "--workers", "2")
    assert clean.returncode == 0, clean.stderr
    assert clean.stdout == "added 100, skipped 0 (already stored), failed 0\n"
    expected = _state(clean_db)
    assert expected[0] == "ok" and len(expected[1]) == 100 and expected[2] == 0

    db = tmp_path / "killed.db"
    rng = random.Random(14)
    stored_before_kill = []
    # random points of the run, however fast the machine: after a random number of documents
    # is stored (and a random fraction of a second more, to land mid-document)
    for target in sorted(rng.sample(range(5, 90), 3)):
        proc = subprocess.Popen(["rapporteur", "ingest", str(hundred), "--db", str(db),
                                 "--workers", "2"], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline and \
                (not db.exists() or _stored(db) < target):
            time.sleep(0.05)
        time.sleep(rng.uniform(0.0, 0.3))
        workers = _children(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 5
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(map(_alive, workers)), "a worker outlived its killed parent"
        check, docs, half = _state(db)
        assert (check, half) == ("ok", 0)
        stored_before_kill.append(len(docs))
    assert stored_before_kill[-1] < 100, "the kills came too late to test anything"
    again = _run(hundred, db, "--workers", "2")
    assert again.returncode == 0, again.stderr
    assert again.stdout == (f"added {100 - stored_before_kill[-1]}, skipped "
                            f"{stored_before_kill[-1]} (already stored), failed 0\n")
    assert _state(db) == expected


def test_two_ingests_on_one_store_both_finish(hundred, tmp_path):
    folder = tmp_path / "forty"
    folder.mkdir()
    for path in sorted(hundred.iterdir())[:40]:
        (folder / path.name).symlink_to(path)
    db = tmp_path / "shared.db"
    Store(db).close()
    runs = [subprocess.Popen(["rapporteur", "ingest", str(folder), "--db", str(db)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    outputs = [run.communicate(timeout=600) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert not any("locked" in out + err for out, err in outputs)
    counts = [tuple(map(int, re.match(r"added (\d+), skipped (\d+) ", out).groups()))
              for out, _ in outputs]
    assert [added + skipped for added, skipped in counts] == [40, 40]
    assert sum(added for added, _ in counts) == 40
    check, docs, half = _state(db)
    assert (check, len(docs), len({sha for sha, _ in docs}), half) == ("ok", 40, 40, 0)


def test_workers_end_when_their_parent_is_terminated(hundred, tmp_path):
    proc = subprocess.Popen(["rapporteur", "ingest", str(hundred), "--db",
                             str(tmp_path / "t.db"), "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while len(_children(proc.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    workers = _children(proc.pid)
    assert len(workers) == 2
    proc.send_signal(signal.SIGTERM)
    proc.wait()
    time.sleep(1)
    assert [pid for pid in workers if _alive(pid)] == []


def test_a_file_past_its_time_limit_is_named_and_the_batch_goes_on(tmp_path):
    _need_shared()
    slow = tmp_path / "slow.txt"  # 32 MB of Chinese text: about 14 s to read, far past 2 s
    slow.write_bytes(SOURCES[1].read_bytes() * 640)
    store = Store(tmp_path / "s.db")
    report = ingest(store, [slow, SOURCES[0]], limits=Limits(seconds=2, memory=0))
    assert report.failed == [(str(slow), "reading it took longer than 2 s (the time "
                                         "limit): stopped")]
    assert report.added == [str(SOURCES[0])]


def test_a_file_past_its_memory_limit_is_named_and_the_batch_goes_on(tmp_path):
    _need_shared()
    big = tmp_path / "big.txt"  # 8 MB of text: far more than 140 MB to read
    big.write_bytes(SOURCES[1].read_bytes() * 160)
    store = Store(tmp_path / "s.db")
    report = ingest(store, [big, SOURCES[0]], limits=Limits(memory=140 * 2**20))
    assert report.failed == [(str(big), "out of memory while reading it (the limit is 140 MB)")]
    assert report.added == [str(SOURCES[0])]


def test_a_worker_that_dies_costs_its_file_only(tmp_path):
    """The worker reading a long file (~10 s) is killed from outside, as the kernel's OOM
    killer would kill it."""
    _need_shared()
    big = tmp_path / "big.txt"
    big.write_bytes(SOURCES[1].read_bytes() * 480)
    store = Store(tmp_path / "s.db")

    def killer():
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            for pid in _children(os.getpid()):
                if b"corpus.workers" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    time.sleep(3)  # warmed up (~1 s) and well into the file
                    os.kill(pid, signal.SIGKILL)
                    return
            time.sleep(0.05)

    thread = threading.Thread(target=killer)
    thread.start()
    report = ingest(store, [big, SOURCES[0]])
    thread.join()
    assert report.failed == [(str(big), "the reading process crashed on it (signal SIGKILL) "
                                        "(or ran out of its 2048 MB)")]
    assert report.added == [str(SOURCES[0])]
