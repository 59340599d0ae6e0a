"""The checks' English tokens (glossary.entokens, no spaCy at run time) against spaCy's own
English tokenizer on real UN text: the same tokens, so glossary terms match as before."""
from pathlib import Path

import pytest

from corpus.reader import read
from glossary.entokens import spans, words
from tests.builders import shared

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT.parent / "shared" / "samples" / "en"


def spacy_tokens(nlp, text):
    return [(t.idx, t.idx + len(t.text)) for t in nlp.make_doc(text) if not t.is_space]


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.blank("en")


@pytest.mark.parametrize("name, units, differing", [
    ("E_2025_15.en.pdf", 94, []), ("A_HRC_59_60.en.pdf", 72, []),
    # spaCy reads "):" as an emoticon, one token; here it is ")" and ":"
    ("E_CN.6_2025_4.en.pdf", 76, ["The proposed priority and review themes for th"])])
def test_tokens_are_spacy_s_on_real_reports(nlp, name, units, differing):
    doc = read(shared(SAMPLES / name))
    texts = [u.text for u in list(doc.paragraphs) + list(doc.footnotes)]
    assert len(texts) == units
    other = [t for t in texts if [(s, e) for s, e, _ in spans(t)] != spacy_tokens(nlp, t)]
    assert [t[:len(d)] for t, d in zip(other, differing)] == differing and len(other) == len(differing)


def test_what_splits_and_what_stays_whole():
    assert words("UN-Women's (UNICEF/WHO) reports, e.g. A/79/1; 60% in 2023-2024.") == [
        "UN", "-", "Women", "'s", "(", "UNICEF", "/", "WHO", ")", "reports", ",", "e.g.", "A/79/1",
        ";", "60", "%", "in", "2023", "-", "2024", "."]
    assert words("Mr. Guterres at www.un.org/en.") == ["Mr.", "Guterres", "at", "www.un.org/en", "."]
