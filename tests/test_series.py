"""Indicator series: matched by glossary concepts and words (across languages), one unit, time
order, a 'from X to Y' record as two points; the command's formats and its charts."""
from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3

import pytest
from click.testing import CliRunner

import glossary.series
from corpus.cli import main
from corpus.store import Store
from glossary.plot import PlotError, plot
from glossary.series import _HAN, Matcher, SeriesError, series
from glossary.series_sql import FOLDS_TO_ASCII, _FOLDS
from tests.builders import SAMPLES, SHARED, shared

UNFPA = SHARED / "corpus-dev" / "en" / "DP_FPA_2025_11.en.pdf"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    """The bundled Chinese reports and UNFPA's DP/FPA/2025/11, with their indicators."""
    path = tmp_path_factory.mktemp("series") / "s.db"
    with Store(path) as store:
        assert len(store.ingest([SAMPLES / "zh", shared(UNFPA)]).added) == 3
    result = CliRunner().invoke(main, ["extract", "--db", str(path), "--kinds", "indicator"])
    assert result.exit_code == 0, result.output
    return str(path)


def points(db, subject, **kw):
    with Store(db) as store:
        found, others = series(store.conn, subject, **kw)
    return [(p.year, p.value, p.unit, p.doc, p.where, p.page) for p in found], dict(others)


def test_a_from_to_figure_gives_two_points_in_time_order(db):
    # ¶13: "Thematic funding ... increased from $195.2 million in 2023 to $241.0 million"
    assert points(db, "thematic funding") == ([
        (2023, 195_200_000.0, "USD", "DP/FPA/2025/11", "¶13", 7),
        (2024, 241_000_000.0, "USD", "DP/FPA/2025/11", "¶13", 7)], {"percent": 1})
    assert points(db, "thematic funding", unit="percent")[0] == [
        (2024, 23.0, "percent", "DP/FPA/2025/11", "¶13", 7)]


def test_the_glossary_carries_a_subject_across_languages(db):
    # gender-mainstreaming-2012 ¶21 gives four shares of women in the UN system in 2010
    want = [(2010, v, "percent", "gender-mainstreaming-2012", "¶21", None)
            for v in (25.7, 38.4, 40.0, 57.3)]
    assert points(db, "妇女在联合国系统的人数")[0] == want
    assert points(db, "women in the United Nations system")[0] == want
    with pytest.raises(SeriesError, match="no indicator in the store matches"):
        points(db, "women in the United Nations system", symbol="DP/")


def test_words_match_in_any_form_and_order():
    match = Matcher("thematic funds")
    assert match("contributions to the four UNFPA thematic funds", "en")
    assert match("the fund for thematic work", "en")  # stemmed, any order
    assert not match("thematic funding", "en")  # another word
    assert not match("主题基金", "zh")  # no glossary concept to cross languages with
    system = Matcher("United Nations system")
    assert system("联合国系统各实体", "zh") and system("entities of the United Nations system", "en")
    un = Matcher("UN")
    assert un("the UN and its partners", "en") and un("联合国", "zh")
    assert not un("UNDP country offices", "en")  # a short form is matched as a whole word


def test_nothing_to_show_says_why(db):
    with pytest.raises(SeriesError, match="no indicator in the store matches 'maternal"):
        points(db, "maternal mortality")
    with pytest.raises(SeriesError, match=r"no 'count' values .* units found: USD \(2\), "
                                          r"percent \(1\)"):
        points(db, "thematic funding", unit="count")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_series_command_formats(db):
    result = run("series", "thematic funding", "--db", db)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].split()[:6] == [
        "2023", "195,200,000", "USD", "DP/FPA/2025/11", "¶13", "p.7"]
    assert result.stderr == "left out: 1 in percent (--unit)\n"
    rows = list(csv.DictReader(io.StringIO(run("series", "thematic funding", "--db", db,
                                               "--format", "csv").stdout)))
    assert [(r["period"], r["value"]) for r in rows] == [("2023", "195200000.0"),
                                                         ("2024", "241000000.0")]
    data = json.loads(run("series", "thematic funding", "--db", db, "--format", "json").stdout)
    assert data[1]["text"] == "$195.2 million in 2023 to $241.0 million"
    missing = run("series", "maternal mortality", "--db", db)
    assert missing.exit_code == 1 and missing.stderr.startswith(f"error: {db}: no indicator")


def test_charts_carry_axes_years_values_and_sources(db, tmp_path):
    svg = tmp_path / "funding.svg"
    assert run("series", "thematic funding", "--db", db, "--plot", svg).exit_code == 0
    text = svg.read_text(encoding="utf-8")
    for label in ("Year", "USD (millions)", "2023", "2024", "195.2  DP/FPA/2025/11",
                  "241  DP/FPA/2025/11", "Sources: DP/FPA/2025/11", "thematic funding"):
        assert f">{label}<" in text or label in text, label
    zh = tmp_path / "women.svg"
    assert run("series", "妇女在联合国系统的人数", "--db", db, "--plot", zh).exit_code == 0
    text = zh.read_text(encoding="utf-8")
    for label in ("年份", "百分比 (%)", "2010", "57.3  gender-mainstreaming-2012", "来源："):
        assert label in text, label
    assert "Noto" in text  # the Chinese labels are set in a CJK font
    png = tmp_path / "funding.png"
    assert run("series", "thematic funding", "--db", db, "--plot", png).exit_code == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_chart_is_png_or_svg(tmp_path):
    with pytest.raises(PlotError, match="written as .png or .svg"):
        plot([], "x", "percent", tmp_path / "chart.jpg")


def test_a_series_takes_the_figures_of_table_cells(tmp_path):
    """A budget report's table: the cell's subject is its row and column headers."""
    report = shared(SHARED / "corpus-dev" / "twins" / "A_80_634.pdf")
    path = tmp_path / "t.db"
    with Store(path) as store:
        assert len(store.ingest([report]).added) == 1
    result = CliRunner().invoke(main, ["extract", "--db", str(path), "--kinds", "figure"])
    assert result.exit_code == 0, result.output
    found, _ = points(str(path), "military and police personnel apportionment")
    assert [(value, unit, doc, where, page) for _, value, unit, doc, where, page in found] == [
        (350857200.0, "USD", "A/80/634", "table 1, row 4, column 1", 4),
        (350947300.0, "USD", "A/80/634", "table 1, row 4, column 5", 4)]


def outcome(db, subject, unit=None):
    """Every field of every point, in order, or the error."""
    try:
        return points(db, subject, unit=unit)
    except SeriesError as error:
        return str(error)


def test_the_sql_filter_keeps_every_record_the_matcher_accepts(db, monkeypatch):
    """The series with the SQL filter is the series matching every record in Python: for
    an English subject met by Chinese records through a concept, Chinese subjects, subjects
    with a unit, and every subject an extracted record has."""
    with Store(db) as store:
        named = [s for (s,) in store.conn.execute(
            "SELECT DISTINCT subject FROM records WHERE subject IS NOT NULL ORDER BY subject")]
    asked = [("women in the United Nations system", None), ("妇女在联合国系统的人数", None),
             ("核心资源", None), ("人口基金", "USD"), ("thematic funding", "percent"),
             ("thematic funds", "USD"), ("countries", None), ("UNFPA's core resources", None),
             ("maternal mortality", None), *((s, None) for s in named)]
    filtered = [outcome(db, s, u) for s, u in asked]
    assert len(named) == 22 and sum(isinstance(f, tuple) for f in filtered) == 29
    monkeypatch.setattr(glossary.series, "prefilter", lambda conn, match: ("1", []))
    assert [outcome(db, s, u) for s, u in asked] == filtered


def test_the_sql_filter_leaves_out_the_records_that_cannot_match(db):
    with Store(db) as store:
        def kept(subject):
            where, params = glossary.series.prefilter(store.conn, Matcher(subject))
            return store.conn.execute(
                "SELECT count(*) FROM records r LEFT JOIN paragraphs p ON p.id = r.paragraph_id "
                f"WHERE {where}", params).fetchone()[0]

        assert store.conn.execute("SELECT count(*) FROM records").fetchone()[0] == 32
        # the records of the paragraphs with both words: ¶13 (3), ¶28 (2), ¶38 (3)
        assert kept("thematic funding") == 8
        assert kept("women in the United Nations system") == 6  # ¶21 in Chinese


def test_letters_that_fold_to_ascii_are_not_missed(db, tmp_path):
    """A text with the Kelvin sign for K or 'ſ' for s: SQL's LIKE does not read them as
    letters, the Matcher (casefold, lower) does, so such records are always kept for it."""
    copy = tmp_path / "folded.db"
    shutil.copy(db, copy)
    conn = sqlite3.connect(copy)
    for table in ("paragraphs", "records"):  # in the paragraph, and in the record's subject
        column = "text" if table == "paragraphs" else "subject"
        conn.execute(f"UPDATE {table} SET {column} = replace(replace({column}, 'bank', "
                     "'ban\u212a'), 'resources', 're\u017fource\u017f')")
    conn.commit()
    conn.close()
    assert outcome(str(copy), "bank") == outcome(db, "bank") == ([
        (2023, 52_000_000.0, "USD", "DP/FPA/2025/11", "¶52", 22),
        (2024, 38_500_000.0, "USD", "DP/FPA/2025/11", "¶52", 22)], {})
    # a Chinese subject met in English through the concept's form 'core resources'
    assert outcome(str(copy), "核心资源") == outcome(db, "核心资源") == ([
        (2024, 97.0, "percent", "DP/FPA/2025/11", "¶21", 10),
        (2025, 60.0, "percent", "DP/FPA/2025/11", "¶57", 24)], {})


def test_the_letters_that_fold_to_ascii_are_all_known():
    """What the SQL filter relies on, from Python's Unicode tables: which characters fold to
    ASCII letters, and that none folds to a Chinese character but itself."""
    folding, to_han = "", ""
    for c in map(chr, range(0x80, 0x110000)):
        folded = c.casefold() + c.lower()
        folding += c if any(x.isascii() for x in folded) else ""
        to_han += c if _HAN.search(folded) and folded != c + c else ""
    assert "".join(c for c in folding if _FOLDS.fullmatch(c)) == folding
    assert len(folding) == 19 and "\u212a" in folding and FOLDS_TO_ASCII[-3:] == "\ufb00-\ufb06"
    assert to_han == ""
