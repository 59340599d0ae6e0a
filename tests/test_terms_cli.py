"""``terms lookup`` and ``terms mine`` for scripts (``--format json``) and pipes (whole
terms, one a line), and what a cold ``terms check`` of a Chinese text loads."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus.cli import main

ROOT = Path(__file__).resolve().parents[1]
PAIR_EN = str(ROOT / "tests" / "data" / "glossary" / "pair.en.txt")
PAIR_ZH = str(ROOT / "tests" / "data" / "glossary" / "pair.zh.txt")
WORKPLAN = ROOT / "corpus" / "samples" / "zh" / "unwomen-ohchr-joint-workplan-2012.zh.txt"


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_lookup_as_json_gives_every_term_with_its_period():
    (concept,) = json.loads(run("terms", "lookup", "国际移徙组织", "--format", "json").stdout)
    assert concept["id"] == "iom"
    assert [(t["form"], t["lang"], t["status"], t.get("valid_until")) for t in concept["terms"]] == [
        ("International Organization for Migration", "en", "preferred", None),
        ("IOM", "en", "preferred", None),
        ("国际移民组织", "zh", "preferred", None),
        ("移民组织", "zh", "preferred", None),
        ("国际移徙组织", "zh", "deprecated", "2016")]
    found = json.loads(run("terms", "lookup", "Narcotic", "--format", "json").stdout)
    assert [c["id"] for c in found] == ["commission-narcotic-drugs", "incb"]


def test_mine_as_json_and_as_lines_keeps_terms_whole():
    result = run("terms", "mine", PAIR_EN, PAIR_ZH, "--format", "json")
    candidates = json.loads(result.stdout)
    longest = max(candidates, key=lambda c: len(c["en"]))
    assert longest == {"en": "United Nations Entity for Gender Equality and the Empowerment of Women",
                       "zh": "联合国促进性别平等和增强妇女权能署", "score": 0.9, "method": "definition",
                       "support": ["unnumbered:1"], "known": "un-women"}
    lines = run("terms", "mine", PAIR_EN, PAIR_ZH).stdout.splitlines()
    assert lines[0] == "score\tEnglish\tChinese\tmethod\tsupport\tknown"
    assert len(lines) == len(candidates) + 1
    assert ("0.90\tUnited Nations Entity for Gender Equality and the Empowerment of Women\t"
            "联合国促进性别平等和增强妇女权能署\tdefinition\tunnumbered:1\tun-women") in lines
    assert "…" not in "".join(lines)


@pytest.mark.parametrize("path, first", [
    (WORKPLAN, "unwomen-ohchr-joint-workplan-2012: 0 finding(s)"),
    (ROOT / "tests" / "data" / "glossary" / "check.en.txt", "E/CN.6/2025/99: 8 finding(s)")])
def test_a_cold_check_loads_neither_spacy_nor_python_jieba(path, first):
    """What made a cold check take 4 s: spaCy's import (1.8 s) and Python jieba's dictionary
    (1.4 s). A check needs neither (rjieba and a compiled frequency table for Chinese,
    spaCy's English tokenizer rules in glossary.entokens for English)."""
    code = ("import sys\nfrom corpus.cli import main\n"
            f"sys.argv = ['rapporteur', 'terms', 'check', {str(path)!r}]\n"
            "try:\n    main()\nexcept SystemExit as exc:\n    status = exc.code\n"
            "print(status, sorted(m for m in ('spacy', 'jieba', 'thinc', 'lxml', 'jinja2') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=ROOT).stdout.splitlines()
    assert out[0] == first
    assert out[-1] == ("1 []" if "8 finding" in first else "0 []")
