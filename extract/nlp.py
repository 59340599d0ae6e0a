"""The extract pipeline: one spaCy ``Language`` per language, built once per process.

Chinese is a blank ``zh`` whose tokenizer is jieba's dictionary and algorithm through
rjieba (jieba-rs), as the store's index uses it, with the UN user dictionary: Python jieba
cut a long report more slowly than reading it, which is why the rules used to run on empty
Docs. The tokenizer tags each word with jieba's part of speech (``token.tag_``), which the
count rule reads. English is a blank ``en``. Neither needs a trained model.

The pipelines are extract's own rather than ``corpus.nlp``'s shared ones: the names the
rules match as wholes are taught to this segmenter only, so the index's words never change.
Components are added by ``extract.components``.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc


@lru_cache(maxsize=1)
def segmenter():
    """rjieba with the UN user dictionary (``corpus/data/jieba_un.txt``) and the Chinese
    names of bodies and addressees, so that 社会发展委员会 comes out as one token."""
    import rjieba

    from corpus.nlp import USER_DICT
    from extract.recommendations import ADDRESSEES_ZH
    from extract.references import BODIES_ZH

    jieba = rjieba.Jieba()
    for line in USER_DICT.read_text(encoding="utf-8").splitlines():
        word, *rest = line.split()
        freq = int(rest[0]) if rest and rest[0].isdigit() else None
        jieba.add_word(word, freq, rest[1] if len(rest) > 1 else None)
    for name in (*BODIES_ZH, *ADDRESSEES_ZH):
        if not jieba.has_word(name):
            jieba.add_word(name, None, "nt")
    return jieba


class ChineseTokenizer:
    """Text -> Doc of jieba's words, ``tag_`` = jieba's part of speech. jieba keeps white
    space as words of its own, so every token has no trailing space and ``doc.text`` is the
    text exactly."""

    def __init__(self, vocab):
        self.vocab = vocab
        self.jieba = segmenter()

    def __call__(self, text: str) -> Doc:
        tagged = self.jieba.tag(text)
        words = [word for word, _ in tagged]
        return Doc(self.vocab, words=words, spaces=[False] * len(words),
                   tags=[tag for _, tag in tagged])


@lru_cache(maxsize=None)
def pipeline(lang: str) -> Language:
    """The blank pipeline for ``lang`` ('zh' or 'en') with extract's components."""
    import spacy

    from extract.components import add_components

    if lang == "zh":
        nlp = spacy.blank("zh")  # its default tokenizer (one token per character) is replaced
        nlp.tokenizer = ChineseTokenizer(nlp.vocab)
    elif lang == "en":
        nlp = spacy.blank("en")
    else:
        raise ValueError(f"unsupported language {lang!r} (Rapporteur reads 'zh' and 'en')")
    add_components(nlp)
    return nlp
