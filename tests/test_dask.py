"""``--executor dask``: ingest and extract on a Dask ``LocalCluster`` give the same documents
and the same records as the local workers, on the two Chinese samples and real English
PDFs (one of them an ODS placeholder page, which fails alone, by name, on both paths)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus.cli import main
from corpus.ingest import ingest
from corpus.store import Store
from tests.builders import SHARED, shared

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")

SAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "samples" / "zh"
DEV = SHARED / "corpus-dev" / "en"
PDFS = ["DP_FPA_2025_7.en.pdf", "A_80_143.en.pdf", "A_78_1.en.pdf"]
PLACEHOLDER = ("ODS placeholder page: the document does not exist in the Official Document "
               "System (nothing to read)")


@pytest.fixture(scope="module")
def inputs() -> list[Path]:
    return [*sorted(SAMPLES.glob("*.txt")), *(shared(DEV / name) for name in PDFS)]


@pytest.fixture(scope="module")
def scheduler():
    """A cluster of two worker processes, as a user's cluster is reached: by address."""
    import logging

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0", silence_logs=logging.ERROR) as cluster:
        yield cluster.scheduler_address


def stored(db: Path) -> list[dict]:
    with Store(db) as store:
        return [doc.to_dict() for doc in store.documents()]


def run(*args) -> CliRunner:
    return CliRunner().invoke(main, [str(a) for a in args])


def test_ingest_on_dask_stores_the_same_documents(inputs, scheduler, tmp_path):
    with Store(tmp_path / "local.db") as store:
        local = ingest(store, inputs, workers=1)
    with Store(tmp_path / "dask.db") as store:  # as a notebook calls it
        remote = store.ingest(inputs, executor="dask", scheduler=scheduler)
    assert (remote.added, remote.failed) == (local.added, local.failed)
    assert remote.failed == [(str(inputs[-1]), PLACEHOLDER)]
    docs = stored(tmp_path / "dask.db")
    assert docs == stored(tmp_path / "local.db")
    assert [d["metadata"]["symbol"] for d in docs][2:] == ["DP/FPA/2025/7", "A/80/143"]
    numbered = [[p["number"] for p in d["paragraphs"] if p["number"]] for d in docs]
    assert [n == [str(i) for i in range(1, len(n) + 1)] and len(n) for n in numbered[:3]] == \
        [79, 28, 55]  # every numbered paragraph, in order
    with Store(tmp_path / "dask.db") as store:  # the search indexes are complete too
        assert store.search("高级专员").total == store.search("高级专员", lang="zh").total > 0
        assert store.conn.execute("SELECT count(*) FROM paragraphs_fts").fetchone()[0] == \
            sum(len(d["paragraphs"]) for d in docs)


def test_extract_on_dask_gives_the_same_records(inputs, scheduler, tmp_path, monkeypatch):
    import pyarrow.dataset as ds

    import extract.cli

    local = run("extract", *inputs)
    remote = run("extract", *inputs, "--executor", "dask", "--scheduler", scheduler)
    assert (local.exit_code, remote.exit_code) == (1, 1)
    assert remote.stdout == local.stdout
    records = [json.loads(line) for line in remote.stdout.splitlines()]
    assert {r["doc"] for r in records} >= {"DP/FPA/2025/7", "A/80/143",
                                           "unwomen-ohchr-joint-workplan-2012"}
    assert f"error: {inputs[-1]}: {PLACEHOLDER}" in remote.stderr.splitlines()
    # Parquet shards in a folder, read back as one dataset in the order written
    monkeypatch.setattr(extract.cli, "SHARD_RECORDS", 50)
    out = tmp_path / "records"
    shards = run("extract", *inputs, "--executor", "dask", "--scheduler", scheduler,
                 "--format", "parquet", "-o", f"{out}/")
    assert shards.exit_code == 1
    parts = sorted(p.name for p in out.iterdir())
    assert len(parts) > 2 and parts[0] == "part-00000.parquet"
    table = ds.dataset(out, format="parquet").to_table()
    assert table.column("text").to_pylist() == [r["text"] for r in records]


def test_the_cli_starts_a_local_cluster_and_writes_the_store(inputs, tmp_path):
    db = tmp_path / "r.db"
    result = run("ingest", *inputs, "--db", db, "--executor", "dask", "--workers", "1")
    assert (result.exit_code, result.stdout) == (
        1, "added 4, skipped 0 (already stored), failed 1\n")
    assert f"error: {inputs[-1]}: {PLACEHOLDER}" in result.stderr.splitlines()
    result = run("extract", "--db", db, "--executor", "dask", "--kinds", "reference")
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert store.conn.execute("SELECT count(DISTINCT doc_id) FROM records").fetchone()[0] == 4


def test_a_scheduler_that_cannot_be_reached_is_one_clear_error(inputs, tmp_path):
    result = run("ingest", inputs[0], "--db", tmp_path / "r.db", "--executor", "dask",
                 "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith(
        "error: cannot reach the Dask scheduler at tcp://127.0.0.1:9: ")
    assert "Traceback" not in result.output


def test_a_file_past_its_time_limit_on_a_dask_worker_is_stopped_and_named(scheduler, tmp_path):
    from corpus.workers import Limits

    slow = tmp_path / "slow.txt"  # 27 MB of Chinese text: ~10 s to read here, far past 2 s
    slow.write_bytes((SAMPLES / "unwomen-ohchr-joint-workplan-2012.zh.txt").read_bytes() * 1000)
    good = SAMPLES / "gender-mainstreaming-2012.zh-dump.txt"
    with Store(tmp_path / "r.db") as store:
        report = ingest(store, [slow, good], executor="dask", scheduler=scheduler,
                        limits=Limits(seconds=2))
    assert (report.failed, report.added) == (
        [(str(slow), "reading it took longer than 2 s (the time limit): stopped")],
        [str(good)])


def test_a_scheduler_that_is_no_address_is_one_clear_error(inputs, tmp_path):
    result = run("extract", inputs[0], "--executor", "dask", "--scheduler", "host-without-port")
    assert (result.exit_code, result.stderr) == (
        1, "error: --scheduler host-without-port: not a Dask scheduler address (missing port "
           "number in address 'host-without-port'); give one such as tcp://host:8786\n")
