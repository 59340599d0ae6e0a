"""Search that finds what is there: every Chinese unit containing the query as a string
(checked against a plain scan of the store), the query language, filters, totals, output
formats, and the store's upgrade to the substring index."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from corpus.cli import main
from corpus.query import QueryError, parse
from corpus.search import Filters, snippet
from corpus.store import Store
from tests.builders import EN_SAMPLES, SAMPLES, shared

ZH = SAMPLES / "zh"
UNITS = ("paragraph", "footnote")
# The examples, and strings too short for a trigram (two and one characters).
QUERIES = {"高级专员": 27, "性别": 90, "艾滋病": 9, "可持续发展": 1, "妇女和女童": 6,
           "暴力侵害妇女": 9, "出台": 4, "行动": 51, "台": 6, "妇": 86, "人权高专办": 4}


@pytest.fixture(scope="module")
def zh_store(tmp_path_factory) -> Store:
    """The two bundled Chinese reports."""
    store = Store(tmp_path_factory.mktemp("zh") / "zh.db")
    assert len(store.ingest([ZH]).added) == 2
    return store


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    """The Chinese reports, the three English sample PDFs, and the recommendation records
    'rapporteur extract --db' finds in them (tests must not write to it)."""
    path = tmp_path_factory.mktemp("all") / "all.db"
    with Store(path) as s:
        assert len(s.ingest([ZH, shared(EN_SAMPLES)]).added) == 5
    result = CliRunner().invoke(main, ["extract", "--db", str(path), "--kinds",
                                       "recommendation"])
    assert result.exit_code == 0, result.output
    return Store(path)


def scan(store: Store, text: str) -> set[tuple[str, int]]:
    """Every paragraph and footnote whose text contains ``text``: what search must find."""
    return {(kind, i) for kind, table in (("paragraph", "paragraphs"), ("footnote", "footnotes"))
            for (i,) in store.conn.execute(f"SELECT id FROM {table} WHERE instr(text, ?) > 0",
                                           (text,))}


def found(store: Store, query: str, **filters) -> set[tuple[str, int]]:
    hits = store.search(query, limit=10_000, filters=Filters(kinds=UNITS, **filters))
    assert len(hits) == hits.total
    return {(h.kind, h.id) for h in hits}


@pytest.mark.parametrize("text", QUERIES)
def test_chinese_search_finds_every_unit_containing_the_string(zh_store, text):
    want = scan(zh_store, text)
    hits = zh_store.search(text, limit=10_000, filters=Filters(kinds=UNITS))
    assert hits.total == len(want) == QUERIES[text]
    assert found(zh_store, text) == want
    assert all(f"[{text}]" in h.snippet for h in hits)
    assert [h.rank for h in hits] == sorted(h.rank for h in hits)


def test_strings_too_near_the_end_for_a_trigram_are_found(tmp_path):
    """A unit ending without punctuation (a heading read into a paragraph, a table cell):
    its last one or two characters start no trigram; the end indexes find them."""
    text = tmp_path / "ends.txt"
    text.write_text("1. 各实体已出台\n\n2. 台\n\n3. 出台了新的政策。\n", encoding="utf-8")
    with Store(tmp_path / "e.db") as store:
        store.ingest([text])
        assert [p for (p,) in store.conn.execute("SELECT text FROM paragraphs")] == [
            "各实体已出台", "台", "出台了新的政策。"]
        for query, numbers in (("出台", ["1", "3"]), ("台", ["1", "2", "3"]), ("已出台", ["1"])):
            assert sorted(h.number for h in store.search(query)) == numbers, query


def test_the_word_index_alone_misses_most_of_them(zh_store):
    """Why the substring index exists: jieba keeps 联合国人权事务高级专员办事处 whole."""
    words = zh_store.conn.execute("SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts "
                                  "MATCH '\"高级专员\"'").fetchone()[0]
    assert (words, zh_store.search("高级专员").total) == (0, 27)


def test_a_two_character_query_is_ranked_where_jieba_made_it_a_word(zh_store):
    """性别 is too short for a trigram: the 27 paragraphs where jieba indexed it as a word come
    first, by the word index's bm25, then the 61 that hold it inside longer words."""
    hits = zh_store.search("性别", limit=200, filters=Filters(kinds=("paragraph",)))
    words = zh_store.conn.execute("SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts "
                                  "MATCH '\"性别\"'").fetchone()[0]
    ranks = [h.rank for h in hits]
    assert (hits.total, words, sum(r < 0 for r in ranks)) == (88, 27, 27)
    assert ranks == sorted(ranks) and ranks[27:] == [0.0] * 61
    assert (hits[0].name, hits[0].number) == ("unwomen-ohchr-joint-workplan-2012", "6")


def test_chinese_operators(zh_store):
    both = scan(zh_store, "妇女署") & scan(zh_store, "艾滋病")
    assert found(zh_store, "妇女署 艾滋病") == both == found(zh_store, "妇女署 AND 艾滋病")
    assert len(both) == 3
    either = scan(zh_store, "人权高专办") | scan(zh_store, "艾滋病")
    assert found(zh_store, "人权高专办 OR 艾滋病") == either and len(either) == 11
    without = scan(zh_store, "艾滋病") - scan(zh_store, "妇女署")
    assert found(zh_store, "艾滋病 NOT 妇女署") == without == found(zh_store, "艾滋病 -妇女署")
    assert len(without) == 6
    grouped = (scan(zh_store, "人权高专办") | scan(zh_store, "艾滋病")) & scan(zh_store, "性别")
    assert found(zh_store, "(人权高专办 OR 艾滋病) 性别") == grouped and len(grouped) == 9


def test_english_operators_phrases_and_prefixes(store):
    def numbers(query):
        return sorted((h.name, h.number) for h in store.search(query, limit=500, lang="en"))

    resident = numbers('"resident coordinator"')
    assert len(resident) == 12 and resident[:3] == [("E/2025/15", "48"), ("E/2025/15", "54"),
                                                     ("E/2025/15", "58")]
    assert numbers("resident coordinator") == sorted(set(numbers("resident")) &
                                                     set(numbers("coordinator")))
    assert set(numbers("resident NOT coordinator")) == \
        set(numbers("resident")) - set(numbers("coordinator"))
    assert set(numbers("resident OR parity")) == set(numbers("resident")) | set(numbers("parity"))
    # prefixes: the index holds stems, so 'coordinat*' reaches coordination and coordinating
    assert set(numbers("coordinat*")) == set(numbers("coordination")) | set(numbers("coordinat*"))
    assert len(numbers("coordinat*")) == 22 == len(numbers("coordin*"))


@pytest.mark.parametrize("query, cause", [
    ("AND", "empty search query"),
    ("women AND", "'end of query' where a term was expected"),
    ('"unbalanced', "unbalanced quote"),
    ("(women", "unbalanced parenthesis"),
    ("NOT women", "NOT needs a term to exclude from"),
    ("-women", "NOT needs a term to exclude from"),
    ("  ", "empty search query"),
])
def test_queries_that_cannot_be_searched_say_why(query, cause):
    with pytest.raises(QueryError, match=cause):
        parse(query)


def test_filters_combine(store):
    def names(query, **f):
        hits = store.search(query, limit=500, filters=Filters(**f))
        return {h.name for h in hits}, hits.total

    assert names("women", lang="en")[0] == {"A/HRC/59/60", "E/2025/15", "E/CN.6/2025/4"}
    assert names("women", symbol="E/")[0] == {"E/2025/15", "E/CN.6/2025/4"}
    assert names("women", symbol="E/CN.6")[0] == {"E/CN.6/2025/4"}
    assert names("women", organ="human rights council")[0] == {"A/HRC/59/60"}
    assert names("妇女", organ="人权理事会")[0] == {"unwomen-ohchr-joint-workplan-2012"}
    assert names("women", year_from=2025)[0] == {"A/HRC/59/60", "E/2025/15"}
    assert names("women", year_to=2024)[0] == {"E/CN.6/2025/4"}
    assert names("妇女", year_to=2011)[0] == {"unwomen-ohchr-joint-workplan-2012"}
    assert names("women", symbol="E/", year_from=2025)[0] == {"E/2025/15"}
    assert names("women", symbol="E/", year_from=2025, lang="zh") == (set(), 0)
    # the total of a filter is the part of the unfiltered total it selects
    parts = [names("women", symbol=s)[1] for s in ("A/", "E/2025", "E/CN.6")]
    assert sum(parts) == names("women", lang="en")[1] == 49


def test_kinds(store):
    [table] = store.search("academic institutions", filters=Filters(kinds=("table",)))
    assert (table.kind, table.name, table.page) == ("table", "A/HRC/59/60", 3)
    assert "[Academic] [institutions]\t13" in table.snippet
    recs = store.search("priority theme", limit=50, filters=Filters(kinds=("recommendation",)))
    assert [(h.name, h.number, h.kind) for h in recs] == [("E/CN.6/2025/4", "33",
                                                           "recommendation")]
    notes = store.search("联合国", limit=50, filters=Filters(kinds=("footnote",)))
    assert {h.kind for h in notes} == {"footnote"} and notes.total == 9


def test_recommendations_need_the_records_of_extract(zh_store):
    with pytest.raises(QueryError, match="holds no recommendation records: run 'rapporteur "
                                         "extract --db STORE --kinds recommendation' first"):
        zh_store.search("妇女", filters=Filters(kinds=("recommendation",)))


def test_totals_and_pages(store):
    first = store.search("women", limit=20)
    second = store.search("women", limit=20, offset=20)
    everything = store.search("women", limit=1000)
    assert first.total == second.total == len(everything) == 49
    assert list(first) + list(second) == list(everything)[:40]


def test_snippets_mark_every_occurrence_and_show_cuts():
    text = "甲" * 60 + "性别平等" + "乙" * 10 + "性别" + "丙" * 80
    assert snippet(text, ["性别"]) == "…" + "甲" * 33 + "[性别]平等" + "乙" * 10 + "[性别]" + \
        "丙" * 51 + "…"
    assert snippet("短文本，无匹配", ["性别"]) == "短文本，无匹配"


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_search_command_prints_totals_and_formats(store):
    db = str(store.path)
    result = run("search", "高级专员", "--db", db, "--limit", "2")
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == "2 of 27 for '高级专员'"
    assert result.output.startswith("unwomen-ohchr-joint-workplan-2012 ¶")
    data = json.loads(run("search", "高级专员", "--db", db, "--format", "json").output)
    assert (data["total"], len(data["hits"])) == (27, 20)
    assert set(data["hits"][0]) >= {"name", "kind", "number", "page", "snippet", "rank"}
    rows = list(csv.DictReader(io.StringIO(run("search", "women", "--db", db, "--symbol",
                                               "A/HRC", "--format", "csv").output)))
    assert {r["name"] for r in rows} == {"A/HRC/59/60"} and len(rows) == 8
    page2 = run("search", "women", "--db", db, "--offset", "20", "--limit", "5")
    assert page2.output.splitlines()[-1] == "21–25 of 49 for 'women'"
    table = run("search", "academic institutions", "--db", db, "--kind", "table").stdout
    assert table.splitlines()[0] == "A/HRC/59/60 (table without label) p.3"
    assert "Percentage / [Academic] [institutions] │ 13 / Civil society" in table
    bad = run("search", "NOT women", "--db", db)
    assert bad.exit_code == 2 and "NOT needs a term to exclude from" in bad.output
    help_text = run("search", "-h").output
    for example in ('"gender parity"', "women OR girls", "women NOT girls", "coordinat*"):
        assert example in help_text


def test_list_command(store):
    db = str(store.path)
    lines = run("list", "--db", db).output.splitlines()
    assert lines[0].split() == ["document", "date", "lang", "pages", "warnings"]
    assert lines[3].split() == ["A/HRC/59/60", "2025-04-22", "en", "17", "0"]
    assert lines[-1] == "5 document(s), 47 pages, 0 read with warnings"
    docs = json.loads(run("list", "--db", db, "--format", "json", "--lang", "zh").output)
    assert [(d["name"], d["date"], d["pages"], d["warnings"]) for d in docs] == [
        ("gender-mainstreaming-2012", None, None, 0),
        ("unwomen-ohchr-joint-workplan-2012", "2011-12-09", None, 0)]
    rows = list(csv.DictReader(io.StringIO(run("list", "--db", db, "--format", "csv").output)))
    assert [r["symbol"] for r in rows] == ["", "", "A/HRC/59/60", "E/2025/15", "E/CN.6/2025/4"]


def test_a_version_3_store_gains_the_substring_index_on_opening(tmp_path):
    path = tmp_path / "v3.db"
    with Store(path) as s:
        s.ingest([ZH])
        s.conn.executescript(
            "DROP TABLE paragraphs_trigram; DROP TABLE footnotes_trigram; "
            "DROP TABLE units_trigram; DROP TABLE units_fts; DROP TABLE units; "
            "DROP INDEX paragraphs_end2; DROP INDEX paragraphs_end1; PRAGMA user_version = 3;")
    with Store(path) as s:
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == 5
        assert s.search("高级专员").total == 27 and s.search("出台").total == 4
        s.ingest([shared(EN_SAMPLES / "A_HRC_59_60.en.pdf")])
        assert s.search("academic", filters=Filters(kinds=("table",))).total == 1


def test_the_substring_index_follows_sqlite_utils_and_datasette_conventions(zh_store):
    """Both find a table's FTS index by ``content="TABLE"`` and escape each term as a
    quoted phrase (datasette.utils.detect_fts_sql, escape_fts); the exact SQL they run."""
    conn = zh_store.conn
    [(fts,)] = conn.execute(
        "SELECT name FROM sqlite_master WHERE rootpage = 0 AND (sql LIKE "
        "'%VIRTUAL TABLE%USING FTS%content=\"paragraphs\"%' OR sql LIKE "
        "'%VIRTUAL TABLE%USING FTS%content=[paragraphs]%')").fetchall()
    assert fts == "paragraphs_trigram"
    rows = conn.execute(
        "SELECT number FROM paragraphs WHERE rowid IN (SELECT rowid FROM paragraphs_trigram "
        "WHERE paragraphs_trigram MATCH :search)", {"search": '"妇女和女童"'}).fetchall()
    assert len(rows) == 6


def test_a_version_4_store_loses_its_row_trigger_and_still_finds_what_it_adds(tmp_path):
    """Version 4 filled the substring index with a trigger per row; Store.add now fills it
    with one statement per document (a third of the CPU), and the trigger goes."""
    path = tmp_path / "v4.db"
    with Store(path) as s:
        s.ingest([ZH / "unwomen-ohchr-joint-workplan-2012.zh.txt"])
        s.conn.executescript(
            "CREATE TRIGGER paragraphs_trigram_ai AFTER INSERT ON paragraphs BEGIN "
            "INSERT INTO paragraphs_trigram (rowid, text) VALUES (new.id, new.text); END; "
            "PRAGMA user_version = 4;")
    with Store(path) as s:
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == 5
        assert not s.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'trigger' "
                                  "AND name LIKE '%trigram_ai'").fetchall()
        s.ingest([ZH / "gender-mainstreaming-2012.zh-dump.txt"])
        # every string found as often as in a store built at once: indexed once, not twice
        assert {q: s.search(q).total for q in QUERIES} == QUERIES
