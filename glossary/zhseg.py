"""Chinese words for the terminology checks, without spaCy and without Python jieba.

A cold ``terms check`` of a short Chinese text must stay under a second; importing spaCy
costs about 1.8 s and loading Python jieba's dictionary 1.4 s. The checks need only two
things: jieba's cut of the text (with the UN user dictionary, HMM on or off) and jieba's
frequency of a few candidate words. The cut comes from rjieba (jieba-rs: jieba's algorithm
and dictionary, the same words, loaded in a fraction of the time); the frequencies from a
table of jieba's own dictionary and the UN user dictionary, compiled once into an SQLite
file in the user's cache directory and then read a word at a time.
"""
from __future__ import annotations

import hashlib
import importlib.util
import os
import sqlite3
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

from corpus.nlp import USER_DICT


def _user_words() -> list[tuple[str, int | None, str | None]]:
    out = []
    for line in USER_DICT.read_text(encoding="utf-8").splitlines():
        word, *rest = line.split()
        freq = int(rest[0]) if rest and rest[0].isdigit() else None
        out.append((word, freq, rest[1] if len(rest) > 1 else None))
    return out


@lru_cache(maxsize=1)
def _tokenizer():
    """rjieba's module-level tokenizer, which importing rjieba builds anyway (a second one
    would cost as much again), with the UN user dictionary added, as ``corpus.nlp`` adds it
    to its own."""
    import rjieba

    for word, freq, tag in _user_words():
        rjieba.add_word(word, freq, tag)
    return rjieba


def cut(text: str, hmm: bool = True) -> list[str]:
    """jieba's words of ``text`` (they concatenate to it), with the UN user dictionary."""
    return _tokenizer().cut(text, hmm)


class Words:
    """Where the words of one text start and end: what the checks ask of a segmentation."""

    __slots__ = ("starts", "ends", "text")

    def __init__(self, text: str, words: list[str]):
        self.text, self.starts, self.ends, at = text, [], [], 0
        for w in words:
            self.starts.append(at)
            at += len(w)
            self.ends.append(at)

    def at(self, offset: int) -> tuple[int, int, str]:
        """(start, end, word) of the word holding character ``offset``."""
        k = bisect_right(self.starts, offset) - 1
        s, e = self.starts[k], self.ends[k]
        return s, e, self.text[s:e]


def words(text: str) -> Words:
    """The words of ``text`` as jieba cuts them, with where each starts and ends."""
    return Words(text, cut(text))


def _jieba_dict() -> Path:
    spec = importlib.util.find_spec("jieba")
    return Path(list(spec.submodule_search_locations)[0]) / "dict.txt"


def _cache_file(source: Path) -> Path:
    stat = source.stat()
    key = hashlib.sha256(f"{source}:{stat.st_size}:{stat.st_mtime_ns}".encode()
                         + USER_DICT.read_bytes()).hexdigest()[:16]
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "rapporteur" / f"jieba-freq-{key}.sqlite3"


def _rows(source: Path):
    """(word, frequency) of jieba's dictionary, then of the user dictionary, which wins (as
    in jieba: a user word without a frequency gets the one jieba would suggest)."""
    with source.open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                yield parts[0], int(parts[1])
    for word, freq, _ in _user_words():
        yield word, freq if freq is not None else _tokenizer().suggest_freq(word)


def _build(path: Path, source: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        db = sqlite3.connect(tmp)
        db.execute("CREATE TABLE freq (word TEXT PRIMARY KEY, n INTEGER) WITHOUT ROWID")
        db.executemany("INSERT OR REPLACE INTO freq VALUES (?, ?)", _rows(source))
        db.commit()
        db.close()
        os.replace(tmp, path)  # whole or not at all, whoever else builds it at the same time
    finally:
        tmp.unlink(missing_ok=True)


@lru_cache(maxsize=1)
def _table():
    """A lookup function word -> frequency: the compiled SQLite table, or, where no cache
    can be written, the dictionary read into memory (slower to start, same answers)."""
    source = _jieba_dict()
    path = _cache_file(source)
    try:
        if not path.exists():
            _build(path, source)
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    except (OSError, sqlite3.Error):
        table = dict(_rows(source))
        return lambda word: table.get(word, 0)

    @lru_cache(maxsize=None)
    def lookup(word: str) -> int:
        row = db.execute("SELECT n FROM freq WHERE word = ?", (word,)).fetchone()
        return row[0] if row else 0

    return lookup


def freq(word: str) -> int:
    """jieba's dictionary frequency of ``word`` (0 when it is no word of the dictionary)."""
    return _table()(word)
