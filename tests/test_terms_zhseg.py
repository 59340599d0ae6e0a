"""Chinese words and jieba frequencies for the checks (glossary.zhseg): the same numbers as
Python jieba's dictionary and the UN user dictionary, from a table compiled once into the
user's cache, or from memory where no cache can be written."""
import pytest

from glossary import zhseg

# jieba 0.42's dict.txt, and corpus/data/jieba_un.txt for 开发署; 组识 (a slip of 组织) is
# in jieba's dictionary with 3, which is why the checks want at least 30 for a real word
FREQUENCIES = {"妇女": 5485, "组识": 3, "暑": 141, "界": 5931, "艾滋病": 1130, "开发署": 50000,
               "妇女署": 50000, "世卫组识": 0}


@pytest.fixture
def fresh_table(monkeypatch, tmp_path):
    def use(cache_home):
        monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))
        zhseg._table.cache_clear()
        return zhseg.freq

    yield use
    zhseg._table.cache_clear()


def test_frequencies_are_jieba_s_from_a_compiled_table(fresh_table, tmp_path):
    freq = fresh_table(tmp_path)
    assert {w: freq(w) for w in FREQUENCIES} == FREQUENCIES
    (table,) = (tmp_path / "rapporteur").glob("jieba-freq-*.sqlite3")
    assert table.stat().st_size > 1_000_000


def test_without_a_writable_cache_the_answers_are_the_same(fresh_table, tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a directory")
    freq = fresh_table(blocked)
    assert {w: freq(w) for w in FREQUENCIES} == FREQUENCIES


def test_words_with_the_un_user_dictionary():
    text = "妇女署和高级专员办事处支持国际移徙组织。"
    assert zhseg.cut(text) == ["妇女署", "和", "高级专员办事处", "支持", "国际", "移徙", "组织", "。"]
    words = zhseg.words(text)
    assert words.at(1) == (0, 3, "妇女署") and words.at(4) == (4, 11, "高级专员办事处")
