"""The ranking lists (``corpus.ranking``) give exactly what scoring every match gives: the
same hits, in the same order, with the same bm25 values and totals, as reports are added,
whichever way the candidates are scored. Lists are forced small (``K``) and made for every
phrase (``MIN_ROWS``), so the English samples exercise them."""
from __future__ import annotations

import random
import shutil

import pytest

from corpus import ranking
from corpus.export import tables as export_tables
from corpus.query import parse
from corpus.search import _TABLES, Filters, _fts
from corpus.store import Store
from tests.builders import EN_SAMPLES, shared

KINDS = Filters().kinds
QUERIES = ["the", "women", "development", "Coordinating", '"human rights"',
           '"United Nations"', "gender", "2024", '"sustainable development goals"']
PAGES = [(5, 0), (5, 7), (12, 0), (20, 0)]  # (limit, offset); 20 is deeper than the lists


def brute_force(store: Store, query: str) -> list[tuple[str, int, float]]:
    """Every match, best first: bm25 over all of them in one sorted union (the ranking
    before lists)."""
    selects = [f"SELECT {i} AS k, u.id AS id, bm25({fts}) AS rank FROM {fts} "
               f"JOIN {table} u ON u.id = {fts}.rowid WHERE {fts} MATCH :m {extra}"
               for i, (table, fts, _, extra) in enumerate(_TABLES[k] for k in KINDS)]
    rows = store.conn.execute(" UNION ALL ".join(selects) + " ORDER BY rank, k, id",
                              {"m": _fts(store.conn, parse(query))}).fetchall()
    return [(KINDS[k], i, rank) for k, i, rank in rows]


def assert_same(store: Store, query: str) -> None:
    every = brute_force(store, query)
    assert every, query
    for limit, offset in PAGES:
        hits = store.search(query, limit=limit, offset=offset)
        assert hits.total == len(every), query
        assert [(h.kind, h.id, h.rank) for h in hits] == every[offset:offset + limit], query


def lists(store: Store) -> set[tuple[str, str]]:
    return {(f"{t}_fts", p) for t in ("paragraphs", "footnotes", "units")
            if ranking._has_lists(store.conn, f"{t}_fts")
            for (p,) in store.conn.execute(f"SELECT phrase FROM {t}_fts_lists "
                                           "WHERE phrase != ''")}


@pytest.fixture
def small_lists(monkeypatch):
    monkeypatch.setattr(ranking, "K", 12)
    monkeypatch.setattr(ranking, "MIN_ROWS", 1)


@pytest.mark.parametrize("arithmetic", [True, False], ids=["scored here", "scored by FTS5"])
def test_lists_rank_exactly_as_scoring_every_match(tmp_path, small_lists, monkeypatch,
                                                   arithmetic):
    monkeypatch.setattr(ranking, "_same_arithmetic", lambda: arithmetic)
    pdfs = sorted(shared(EN_SAMPLES).glob("*.pdf"))
    assert len(pdfs) == 3
    first, last = tmp_path / "first", tmp_path / "last"
    first.mkdir()
    last.mkdir()
    for pdf in pdfs[:2]:
        shutil.copy(pdf, first)
    shutil.copy(pdfs[2], last)
    store = Store(tmp_path / "s.db")
    assert len(store.ingest([first]).added) == 2
    for query in QUERIES:
        assert_same(store, query)
    # a list per table and phrase, under the words the index holds
    assert {("paragraphs_fts", "coordin"), ("paragraphs_fts", "human right"),
            ("footnotes_fts", "unit nation")} <= lists(store)
    # a part of the index, not data: 'rapporteur export' leaves them out
    assert "paragraphs_fts_lists" not in export_tables(store.conn)
    # a report added: the lists are brought up to date from its rows only
    before = dict(store.conn.execute("SELECT phrase, upto FROM paragraphs_fts_lists"))
    assert len(store.ingest([last]).added) == 1
    for query in QUERIES:
        assert_same(store, query)
    after = dict(store.conn.execute("SELECT phrase, upto FROM paragraphs_fts_lists"))
    assert after["women"] > before["women"]


@pytest.fixture(scope="module")
def one_report(tmp_path_factory):
    """A store of one English report (E/2025/15), to copy."""
    path = tmp_path_factory.mktemp("one") / "one.db"
    with Store(path) as store:
        assert len(store.ingest([shared(EN_SAMPLES) / "E_2025_15.en.pdf"]).added) == 1
    return path


def test_prepare_lists_the_common_words_and_deleting_rows_drops_lists(tmp_path, one_report,
                                                                      small_lists):
    shutil.copy(one_report, tmp_path / "s.db")
    store = Store(tmp_path / "s.db")
    built = ranking.prepare(store.conn, min_rows=40,
                            phrases=["sustainable development", "United Nations"])
    # the words in at least 40 of its paragraphs ("countries" is in 39; the phrases are
    # in 30 and 28)
    assert {p for f, p in lists(store)} == {"a", "and", "as", "develop", "for", "in", "nation",
                                            "of", "on", "region", "support", "the", "to",
                                            "with"}
    assert built == 14 and {f for f, _ in lists(store)} == {"paragraphs_fts"}
    assert ranking.prepare(store.conn, min_rows=40) == 0  # nothing new: nothing read again
    for query in ("the", "development", "countries"):
        assert_same(store, query)
    with store.conn:
        store.conn.execute("DELETE FROM paragraphs WHERE id = 1")
    assert "paragraphs_fts" not in {f for f, _ in lists(store)}
    assert_same(store, "women")


def test_prepare_lists_the_common_phrases_of_the_glossary(tmp_path, one_report, small_lists):
    shutil.copy(one_report, tmp_path / "s.db")
    store = Store(tmp_path / "s.db")
    ranking.prepare(store.conn, min_rows=28)
    common = {p for f, p in lists(store) if " " in p}
    # "sustainable development" is in 30 paragraphs, "United Nations" in 28 (kept under
    # the words the index holds); no other glossary term is in 28
    assert common == {"sustain develop", "unit nation"}
    for query in ('"sustainable development"', '"United Nations"'):
        assert_same(store, query)


def test_the_skyband_holds_the_top_rows_whatever_the_statistics():
    rng = random.Random(13)
    rows = [(i, rng.choice([1, 1, 1, 2, 2, 3, 5]), rng.randint(5, 400)) for i in range(3000)]
    kept = {r[0] for r in ranking.skyband(rows, 10)}
    assert len(kept) < 300
    for rows_in_store, length, hits in ((10_000, 400_000, 3000), (5000, 2_000_000, 3000),
                                        (3100, 90_000, 3000)):
        score = ranking._scorer(rows_in_store, length, hits)
        best = sorted((score(tf, dl), i) for i, tf, dl in rows)[:10]
        assert {i for _, i in best} <= kept


def test_tokens_are_what_the_index_holds():
    assert ranking.tokens("Coordinating  Human-Rights") == ("coordin", "human", "right")
