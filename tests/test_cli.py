"""``rapporteur ingest`` and ``rapporteur search`` through click's CliRunner."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus.cli import main
from corpus.store import Store
from tests.builders import EN_SAMPLES, shared

SAMPLES = Path(__file__).parent.parent / "corpus" / "samples"
ZH = SAMPLES / "zh" / "unwomen-ohchr-joint-workplan-2012.zh.txt"
EN = EN_SAMPLES / "E_CN.6_2025_4.en.pdf"


def run(*args: str | Path):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    """A store holding the Chinese sample, ingested through the CLI (read-only)."""
    path = tmp_path_factory.mktemp("cli") / "r.db"
    result = run("ingest", ZH, "--db", path)
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, "added 1, skipped 0 (already stored), failed 0\n", f"{path}: new store created\n")
    return path


def test_ingest_again_adds_nothing_and_names_what_it_skipped(db):
    result = run("ingest", ZH, "--db", db)
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, "added 0, skipped 1 (already stored), failed 0\n",
        f"skipped {ZH}: already stored (same content)\n")


def test_ingest_json_names_every_file_and_why(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(ZH, folder)
    (folder / "notes.md").write_text("# notes\n")
    (folder / "broken.pdf").write_bytes(b"not a pdf")
    db = folder / "r.db"  # the store inside the folder it reads: not an input
    first = run("ingest", folder, "--db", db, "--json")
    again = run("ingest", folder, "--db", db, "--json")
    assert (first.exit_code, again.exit_code) == (1, 1)
    assert json.loads(first.stdout) == {
        "store": str(db), "added": [str(folder / ZH.name)], "pages": 0, "skipped": [],
        "failed": [{"path": str(folder / "broken.pdf"),
                    "cause": "not a PDF: the file does not start with '%PDF'"}],
        "ignored": [{"path": str(folder / "notes.md"),
                     "reason": "not .docx, .pdf, .text, .txt (in a folder)"}],
        "warned": []}
    report = json.loads(again.stdout)
    assert (report["added"], report["skipped"], [i["path"] for i in report["ignored"]]) == (
        [], [{"path": str(folder / ZH.name), "reason": "already stored (same content)"}],
        [str(folder / "notes.md")])
    assert again.stderr == f"error: {folder / 'broken.pdf'}: not a PDF: the file does not " \
                           "start with '%PDF'\n"


def test_piped_ingest_prints_a_progress_line(tmp_path, monkeypatch):
    import corpus.ingest

    monkeypatch.setattr(corpus.ingest, "PROGRESS_SECONDS", 0)
    result = run("ingest", ZH, SAMPLES / "zh" / "gender-mainstreaming-2012.zh-dump.txt",
                 "--db", tmp_path / "r.db")
    lines = result.stderr.splitlines()
    assert result.exit_code == 0
    assert lines[0] == f"{tmp_path / 'r.db'}: new store created"
    assert re.fullmatch(r"ingest: 1 of 2 files, 0 pages read, \d+ s", lines[1]), lines
    assert len(lines) == 2


def test_ingest_defaults_to_rapporteur_db_here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("ingest", ZH)
    assert result.exit_code == 0, result.output
    assert [d.source for d in Store(tmp_path / "rapporteur.db").documents()] == [str(ZH)]


def test_ingest_folders_recursively_with_workers(tmp_path):
    folder = tmp_path / "reports"
    (folder / "zh").mkdir(parents=True)
    (folder / "en").mkdir()
    shutil.copy(ZH, folder / "zh")
    shutil.copy(shared(EN), folder / "en")
    (folder / "zh" / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "README.md").write_text("# Reports\n")
    (folder / ".hidden.txt").write_text("ignored: hidden")
    result = run("ingest", folder, "--db", tmp_path / "r.db", "--workers", "2")
    assert (result.exit_code, result.stdout) == (
        0, "added 2, skipped 0 (already stored), failed 0, "
           "ignored 2 (not .docx, .pdf, .text, .txt)\n")
    assert result.stderr.splitlines()[1:] == [
        f"ignored {folder / 'README.md'}: not a report type (in a folder)",
        f"ignored {folder / 'zh' / 'cover.png'}: not a report type (in a folder)"]
    names = [d.name for d in Store(tmp_path / "r.db").documents()]
    assert names == ["E/CN.6/2025/4", "unwomen-ohchr-joint-workplan-2012"]


def test_search_prints_hits_with_highlighted_snippets(db):
    result = run("search", "西亚经济社会委员会", "--db", db)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "unwomen-ohchr-joint-workplan-2012 ¶14",
        "  2011年10月，妇女署、高级专员办事处和[西亚经济社会委员会](西亚经社会)在开罗合作举办了"
        "“阿拉伯起义中的青年妇女和男子：民主变革推动者”论坛。妇女署执行主任以及高级专员办事处法治、"
        "平等和非歧视处处长…",
    ]
    assert result.stderr == "1 of 1 for '西亚经济社会委员会'\n"


def test_search_names_a_footnote_hit(db):
    result = run("search", "条约汇编", "--db", db)
    assert result.stdout.splitlines() == [
        "unwomen-ohchr-joint-workplan-2012 footnote 1",
        "  联合国，《[条约汇编]》，第1249卷，第20378号。",
        "unwomen-ohchr-joint-workplan-2012 footnote 3",
        "  联合国，《[条约汇编]》，第2131卷，第20378号。"]


def test_search_json(db):
    result = run("search", "赔偿 刚果民主共和国", "--db", db, "--format", "json", "--limit", "1")
    assert result.exit_code == 0
    [hit] = json.loads(result.stdout)["hits"]
    assert (hit["name"], hit["number"], hit["lang"]) == \
        ("unwomen-ohchr-joint-workplan-2012", "17", "zh")
    assert hit["snippet"].startswith("在[赔偿]方面，妇女署和高级专员办事处合作在[刚果民主共和国]")
    result = run("search", "妇女署", "--db", db, "--format", "json", "--limit", "100")
    assert len(json.loads(result.stdout)["hits"]) == json.loads(result.stdout)["total"] == 27


def test_search_language_filter_and_no_hits(db):
    result = run("search", "妇女署", "--db", db, "--lang", "en")
    assert (result.exit_code, result.stdout, result.stderr) == \
        (0, "", "nothing matches '妇女署'\n")


@pytest.mark.parametrize("args, message", [
    (["ingest"], "Missing argument 'PATHS...'"),
    (["ingest", "no/such/report.pdf"], "'no/such/report.pdf' does not exist"),
    (["ingest", str(ZH), "--workers", "0"], "0 is not in the range x>=1"),
    (["ingest", str(ZH), "--scheduler", "tcp://localhost:8786"],
     "--scheduler needs --executor dask"),
    (["extract", str(ZH), "--db", "no-such.db"], "'no-such.db' does not exist (a store is "
                                                 "made by 'rapporteur ingest FILES --db "
                                                 "no-such.db')"),
    (["search", "妇女署", "--db", "no-such.db"], "'no-such.db' does not exist"),
    (["search", "妇女署", "--lang", "fr"], "'fr' is not one of 'zh', 'en'"),
    (["search", "  "], "empty search query '  '"),
])
def test_usage_errors_exit_2(args, message, db):
    if args[0] == "search" and "--db" not in args:
        args = [*args, "--db", str(db)]
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.output


def test_a_db_that_is_no_store_is_a_clear_error(tmp_path):
    not_db = tmp_path / "notes.db"
    not_db.write_text("meeting notes\n" * 200)
    result = run("ingest", ZH, "--db", not_db)
    assert result.exit_code == 1
    assert result.output == f"error: {not_db}: cannot open as an SQLite store: " \
                            "file is not a database\n"
