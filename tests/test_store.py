"""The SQLite store as a library: lossless round trip, tables, FTS5 search in Chinese
(jieba) and English (porter), one transaction per document, workers = same result."""
from __future__ import annotations

import json

import sqlite3
from pathlib import Path

import pytest

from corpus import ingest as ingest_module
from corpus import read
from corpus.store import Store, StoreError, search_text
from tests.builders import EN_SAMPLES, shared

SAMPLES = Path(__file__).parent.parent / "corpus" / "samples"
ZH = SAMPLES / "zh" / "unwomen-ohchr-joint-workplan-2012.zh.txt"
HRC = EN_SAMPLES / "A_HRC_59_60.en.pdf"

# An abridged report in UN style: paragraphs 58, 59, 60 (opening), 75 and 76 of E/2025/15,
# verbatim, renumbered 1-5 under two of its headings (a report numbers from 1), as clean
# paragraph-per-line text.
EN_EXCERPT = """Economic and Social Council
Distr.: General
16 May 2025
Original: English

Regional cooperation in the economic, social and related fields

Report of the Secretary-General

II. Promoting coherence and cooperation at the global, regional and country levels

1. In Africa, ECA developed standard operating procedures to guide collaboration with the resident coordinator system. These standard operating procedures offer a structured framework to foster institutional coherence by integrating the work of ECA, resident coordinators, country teams and other United Nations entities.

2. As part of the joint secretariat of the Regional Collaborative Platform for Africa, ECA facilitated policy coordination with resident coordinators on climate finance, carbon markets and support for transition countries, such as Burkina Faso, Mali and the Niger.

3. The Regional Collaborative Platform for Arab States restructured its issue-based coalitions to align with four regional priorities.

C. Promoting interregional cooperation: joint initiatives undertaken by the regional commissions

4. During the reporting period, the Executive Secretaries of the regional commissions coordinated their positions on global policy matters and advanced joint work in four priority areas.

5. The regional commissions leveraged their platforms, including the regional forums on sustainable development and annual sessions, to promote discussions on the zero draft of the Pact for the Future.
"""

# Every paragraph of the Chinese sample that names 妇女署 (checked by reading it): all but
# 1 and 27; the unnumbered summary (None) names it as "(妇女署)".
ZH_UNWOMEN = {None, "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14",
              "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "28"}


def counts(store: Store) -> dict[str, int]:
    return {t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("documents", "sections", "paragraphs", "footnotes", "paragraphs_fts")}


@pytest.fixture(scope="session")
def en_excerpt(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("en") / "E_2025_15-excerpt.txt"
    path.write_text(EN_EXCERPT, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def zh_gb18030(tmp_path_factory) -> Path:
    """The Chinese sample re-encoded: the same report, a different file (sha256)."""
    path = tmp_path_factory.mktemp("gb") / "workplan-gb18030.txt"
    path.write_bytes(ZH.read_text(encoding="utf-8").encode("gb18030"))
    return path


@pytest.fixture(scope="session")
def store(tmp_path_factory, en_excerpt) -> Store:
    """Read-only store of the Chinese sample and the English excerpt (tests must not
    write to it)."""
    store = Store(tmp_path_factory.mktemp("db") / "shared.db")
    report = store.ingest([ZH, en_excerpt])
    assert report.added == [str(ZH), str(en_excerpt)] and not report.failed
    return store


def test_documents_round_trip_losslessly(store, en_excerpt):
    assert list(store.documents()) == [read(ZH), read(en_excerpt)]
    assert [d.name for d in store.documents(lang="en")] == ["E_2025_15-excerpt"]


def test_get_by_symbol_sha256_source_and_file(store, en_excerpt, zh_gb18030):
    zh = read(ZH)
    assert store.get("E_2025_15-excerpt") is None  # a file stem is no key
    assert store.get(zh.sha256) == zh
    assert store.get(str(ZH)) == zh
    assert store.get(ZH.resolve()) == zh  # another spelling of the path: found by content
    assert store.get(zh_gb18030) is None  # same text, different file: not stored
    assert store.get("A/80/1") is None


def test_tables_hold_the_model(store):
    assert counts(store) == {"documents": 2, "sections": 13, "paragraphs": 29 + 5,
                             "footnotes": 6, "paragraphs_fts": 34}
    row = store.conn.execute(
        "SELECT d.name, d.lang, d.date, d.agenda_item, d.report_of FROM documents d "
        "WHERE d.lang = 'zh'").fetchone()
    assert row == ("unwomen-ohchr-joint-workplan-2012", "zh", "2011-12-09", "3(c)", "秘书长")
    numbers = [n for (n,) in store.conn.execute(
        "SELECT number FROM paragraphs p JOIN documents d ON d.id = p.doc_id "
        "WHERE d.lang = 'zh' AND number IS NOT NULL ORDER BY seq")]
    assert numbers == [str(i) for i in range(1, 29)]
    # paragraphs.section points at sections.seq of the same document
    heading = store.conn.execute(
        "SELECT s.number, s.title FROM paragraphs p JOIN sections s "
        "ON s.doc_id = p.doc_id AND s.seq = p.section WHERE p.number = '14' "
        "AND s.doc_id = (SELECT id FROM documents WHERE lang = 'zh')").fetchone()
    assert heading == ("D", "国家一级的合作")
    markers = [m for (m,) in store.conn.execute("SELECT marker FROM footnotes ORDER BY seq")]
    assert sorted(markers) == ["*", "1", "2", "3", "4", "5"]


def test_chinese_search_finds_every_paragraph_naming_un_women(store):
    hits = store.search("妇女署", limit=100)
    assert {h.number for h in hits} == ZH_UNWOMEN
    assert len(hits) == len(ZH_UNWOMEN)
    assert all("[妇女署]" in h.snippet for h in hits)
    assert [h.rank for h in hits] == sorted(h.rank for h in hits)  # best (lowest) first


def test_chinese_phrase_search_is_segmented_like_the_index(store):
    [hit] = store.search("西亚经济社会委员会")
    assert (hit.name, hit.number, hit.lang) == ("unwomen-ohchr-joint-workplan-2012", "14", "zh")
    assert hit.snippet.startswith(
        "2011年10月，妇女署、高级专员办事处和[西亚经济社会委员会](西亚经社会)")
    [hit] = store.search("模拟会议")
    assert hit.number == "15" and "“[模拟会议]”" in hit.snippet
    # two terms: both must occur
    assert {h.number for h in store.search("赔偿 刚果民主共和国")} == {"17", "23"}
    assert store.search("妇女署", lang="en") == []


def test_footnotes_are_searched_too(store):
    # 《条约汇编》 (the Treaty Series) occurs only in footnotes 1 and 3 of the Chinese sample
    hits = store.search("条约汇编")
    assert [(h.number, h.footnote, h.lang) for h in hits] == [(None, "1", "zh"),
                                                              (None, "3", "zh")]
    assert hits[0].snippet == "联合国，《[条约汇编]》，第1249卷，第20378号。"
    assert {h.footnote for h in store.search("联合国出版物")} == {"2", "4", "5"}
    # paragraphs and footnotes in one list, best first
    mixed = store.search("联合国", limit=200)
    assert {h.footnote is None for h in mixed} == {True, False}
    assert [h.rank for h in mixed] == sorted(h.rank for h in mixed)
    assert all(h.footnote is None for h in store.search("妇女署", limit=100))


def test_a_store_from_before_footnote_search_is_indexed_on_opening(tmp_path):
    path = tmp_path / "old.db"
    with Store(path) as store:
        store.ingest([ZH])
        store.conn.execute("DROP TABLE footnotes_fts")  # what schema version 1 had
        store.conn.execute("PRAGMA user_version = 1")
        store.conn.commit()
    with Store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == 5
        assert [h.footnote for h in store.search("条约汇编")] == ["1", "3"]


def test_a_store_from_before_tables_and_warnings_gains_them_on_opening(tmp_path):
    path = tmp_path / "v2.db"
    with Store(path) as store:
        store.conn.executescript("DROP TABLE tables; ALTER TABLE documents DROP COLUMN warnings; "
                                 "PRAGMA user_version = 2;")
    with Store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == 5
        store.ingest([ZH])
        row = store.conn.execute("SELECT warnings FROM documents").fetchone()
        assert json.loads(row[0]) == []
        assert store.conn.execute("SELECT count(*) FROM tables").fetchone()[0] == 0


def test_tables_and_warnings_are_stored(tmp_path, en_samples):
    with Store(tmp_path / "t.db") as store:
        store.ingest([en_samples / "A_HRC_59_60.en.pdf"])
        number, caption, page, header, rows = store.conn.execute(
            "SELECT number, caption, page, header_rows, rows FROM tables").fetchone()
        warnings = store.conn.execute("SELECT warnings FROM documents").fetchone()[0]
    assert (number, page, header) == (None, 3, 1)
    assert json.loads(rows)[:2] == [["Category of participating stakeholders", "Percentage"],
                                    ["Academic institutions", "13"]]
    assert json.loads(warnings) == []


def test_snippets_keep_the_text_unspaced(store):
    for hit in store.search("2012年", limit=100):
        assert "\u200b" not in hit.snippet
        assert "2012年" in hit.snippet.replace("[", "").replace("]", "")


def test_english_search_stems(store):
    hits = store.search("coordinating")
    assert {(h.name, h.number) for h in hits} == {("E_2025_15-excerpt", n) for n in "124"}
    para2 = next(h for h in hits if h.number == "2")
    assert "policy [coordination] with resident [coordinators]" in para2.snippet
    assert {h.number for h in store.search('"resident coordinator"')} == {"1", "2"}
    assert {h.number for h in store.search("resident coordinator", lang="en")} == {"1", "2"}


def test_index_text():
    assert search_text("2011年6月，妇女署执行主任") == \
        "2011\u200b年\u200b6\u200b月\u200b，\u200b妇女署\u200b执行\u200b主任\u200b"


def test_same_content_is_stored_once(tmp_path):
    store = Store(tmp_path / "s.db")
    copy = tmp_path / "copy.txt"
    copy.write_bytes(ZH.read_bytes())
    first = store.ingest([ZH])
    again = store.ingest([ZH, copy])
    assert (first.added, again.added, again.skipped) == ([str(ZH)], [], [str(ZH), str(copy)])
    assert store.add(read(ZH)) is False
    assert counts(store)["documents"] == 1 and counts(store)["paragraphs"] == 29


@pytest.mark.parametrize("batch", [1, ingest_module.BATCH])
def test_an_interrupted_run_leaves_no_half_document(tmp_path, monkeypatch, zh_gb18030, batch):
    """Ctrl-C while the second document's paragraphs are being written: nothing of the
    second document is stored, nor of the first when both were in the same transaction
    (``ingest`` writes up to BATCH documents in one); a re-run stores the rest."""
    store = Store(tmp_path / "s.db")
    insert = Store._insert_paragraph

    def interrupted(self, doc_id, seq, para, body):
        if doc_id == 2 and seq == 10:
            raise KeyboardInterrupt
        insert(self, doc_id, seq, para, body)

    monkeypatch.setattr(Store, "_insert_paragraph", interrupted)
    monkeypatch.setattr(ingest_module, "BATCH", batch)
    with pytest.raises(KeyboardInterrupt):
        store.ingest([ZH, zh_gb18030])
    first = {"documents": 1, "sections": 11, "paragraphs": 29, "footnotes": 6, "paragraphs_fts": 29}
    assert counts(store) == (first if batch == 1 else dict.fromkeys(first, 0))
    monkeypatch.undo()
    store = Store(tmp_path / "s.db")  # as a new run would
    report = store.ingest([ZH, zh_gb18030])
    assert (report.added, report.skipped) == (
        ([str(zh_gb18030)], [str(ZH)]) if batch == 1 else ([str(ZH), str(zh_gb18030)], []))
    assert counts(store) == {"documents": 2, "sections": 22, "paragraphs": 58, "footnotes": 12,
                             "paragraphs_fts": 58}
    assert len(store.search("西亚经济社会委员会")) == 2


def test_a_failing_write_is_reported_and_the_batch_goes_on(tmp_path, monkeypatch, en_excerpt):
    store = Store(tmp_path / "s.db")
    insert = Store._insert_paragraph

    def failing(self, doc_id, seq, para, body):
        if para.number == "20":
            raise sqlite3.OperationalError("disk I/O error")
        insert(self, doc_id, seq, para, body)

    monkeypatch.setattr(Store, "_insert_paragraph", failing)
    report = store.ingest([ZH, en_excerpt])
    assert report.failed == [(str(ZH), "unexpected error: OperationalError: disk I/O error")]
    assert report.added == [str(en_excerpt)]
    assert counts(store) == {"documents": 1, "sections": 2, "paragraphs": 5, "footnotes": 0,
                             "paragraphs_fts": 5}


def test_workers_give_the_same_store(tmp_path, en_excerpt, zh_gb18030, zh_docx):
    batch = [ZH, zh_gb18030, en_excerpt, zh_docx, shared(HRC)]
    one, two = Store(tmp_path / "one.db"), Store(tmp_path / "two.db")
    r1, r2 = one.ingest(batch, workers=1), two.ingest(batch, workers=2)
    assert r1 == r2 and r1.added == [str(p) for p in batch]
    assert list(one.documents()) == list(two.documents())
    dump = "SELECT doc_id, seq, number, section, page, text, subparagraphs, footnote_refs, " \
           "body FROM paragraphs JOIN paragraphs_fts ON paragraphs_fts.rowid = paragraphs.id " \
           "ORDER BY paragraphs.id"
    assert one.conn.execute(dump).fetchall() == two.conn.execute(dump).fetchall()


def test_english_pdf_search_stems(tmp_path):
    store = Store(tmp_path / "s.db")
    assert store.ingest([shared(HRC)]).added == [str(HRC)]
    # A/HRC/59/60 never writes "coordination"; ¶15 and ¶16 name a coordinator and ¶52
    # calls for coordinated action.
    hits = store.search("coordination")
    assert [(h.name, h.number) for h in sorted(hits, key=lambda h: int(h.number))] == \
        [("A/HRC/59/60", "15"), ("A/HRC/59/60", "16"), ("A/HRC/59/60", "52")]
    assert {h.page for h in hits} == {5, 15}
    assert store.get("A/HRC/59/60").source == str(HRC)
    assert store.get("A/HRC/59/60", lang="zh") is None


def test_a_file_that_is_no_store_gives_a_clear_error(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("not a database\n" * 100)
    with pytest.raises(StoreError, match="notes.db: cannot open as an SQLite store"):
        Store(bogus)


def test_an_up_to_date_store_is_searched_while_another_process_writes_to_it(tmp_path):
    path = tmp_path / "s.db"
    Store(path).ingest([ZH])
    writer = sqlite3.connect(path)
    writer.execute("BEGIN IMMEDIATE")  # an ingest holding the write lock
    try:
        reader = Store(path)  # opening writes nothing, so it does not wait for the lock
        reader.conn.execute("PRAGMA busy_timeout = 0")
        assert reader.search("妇女署").total > 0
    finally:
        writer.rollback()
        writer.close()
