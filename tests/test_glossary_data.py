"""Checks the bundled UN terminology glossary (glossary/data/un-glossary.csv) with plain csv
reading, and checks every "checked against <sample> [forms]" claim against the real samples."""
import csv
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tests.builders import EN_SAMPLES, shared

REPO = Path(__file__).parent.parent
CSV_PATH = REPO / "glossary" / "data" / "un-glossary.csv"
SAMPLES = REPO / "corpus" / "samples"
HEADER = ["id", "domain", "en_full", "en_short", "zh_full", "zh_short", "en_variants",
          "zh_variants", "en_deprecated", "zh_deprecated", "note", "provenance"]
DOMAINS = {"entity", "gender", "human-rights", "development", "coordination", "general"}
HAN = r"[\u3400-\u9fff\uf900-\ufaff]"
CHECKED = re.compile(r"checked against (\S+) \[([^\]]+)\]")


def forms(row, lang, kinds=("full", "short", "variants", "deprecated")):
    """All non-empty forms of one language; list columns are |-separated."""
    return [f for kind in kinds for f in row[f"{lang}_{kind}"].split("|") if f]


def zh_sample_text(path):
    """Chinese text with the spaces a text dump puts next to Han characters removed."""
    return re.sub(rf"(?<={HAN})\s+|\s+(?={HAN})", "", path.read_text(encoding="utf-8"))


def en_sample_text(path):
    """pypdfium2 text: line-break hyphens restored, curly apostrophes plain, whitespace collapsed."""
    pdf = pdfium.PdfDocument(str(path))
    text = "\n".join(page.get_textpage().get_text_range() for page in pdf)
    return re.sub(r"\s+", " ", text.replace("\ufffe", "-").replace("\u2019", "'"))


@pytest.fixture(scope="session")
def rows():
    with CSV_PATH.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="session")
def samples():
    texts = {p.name: zh_sample_text(p) for p in (SAMPLES / "zh").glob("*.txt")}
    texts.update({p.name: en_sample_text(p) for p in shared(EN_SAMPLES).glob("*.pdf")})
    return texts


def is_word_char(text, i):
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] in "_-")


def spans(form, name, text):
    """Where form occurs; English forms only as whole words (str.find: regex is too slow here)."""
    found, i = [], text.find(form)
    while i != -1:
        end = i + len(form)
        if name.endswith(".txt") or not (is_word_char(text, i - 1) or is_word_char(text, end)):
            found.append((i, end))
        i = text.find(form, i + 1)
    return found


def test_header_and_rfc4180_shape():
    raw = CSV_PATH.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "no byte-order mark"
    with CSV_PATH.open(encoding="utf-8", newline="") as fh:
        records = list(csv.reader(fh))
    assert records[0] == HEADER
    assert {len(r) for r in records} == {len(HEADER)}


def test_at_least_300_unique_slug_ids(rows):
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 300
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)


def test_required_fields_and_domains(rows):
    for r in rows:
        assert all(r[k].strip() for k in ("en_full", "zh_full", "domain", "provenance")), r["id"]
        assert r["domain"] in DOMAINS, r["id"]


def test_fields_are_trimmed_and_lists_have_no_empty_items(rows):
    for r in rows:
        for key, value in r.items():
            assert value == value.strip(), (r["id"], key)
        for key in ("en_variants", "zh_variants", "en_deprecated", "zh_deprecated"):
            if r[key]:
                assert all(item and item == item.strip() for item in r[key].split("|")), (r["id"], key)


def test_no_full_form_shared_by_two_concepts(rows):
    for lang, norm in (("en", str.casefold), ("zh", str)):
        seen = {}
        for r in rows:
            key = norm(r[f"{lang}_full"])
            assert key not in seen, (lang, r["id"], seen.get(key))
            seen[key] = r["id"]


def test_no_full_variant_or_deprecated_form_shared_by_two_concepts(rows):
    """Short forms may be ambiguous (ODA); longer forms must identify one concept, also when
    English is matched without regard to case."""
    for lang, norm in (("en", str.casefold), ("zh", str)):
        owner = {}
        for r in rows:
            for f in {norm(f) for f in forms(r, lang, ("full", "variants", "deprecated"))}:
                assert owner.setdefault(f, r["id"]) == r["id"], (lang, f, owner[f], r["id"])


def test_chinese_forms_are_chinese_without_inner_spaces(rows):
    for r in rows:
        assert re.search(HAN, r["zh_full"]), r["id"]
        for f in forms(r, "zh"):
            assert not re.search(rf"{HAN}\s+{HAN}", f), (r["id"], f)
        for f in forms(r, "en"):
            assert not re.search(HAN, f), (r["id"], f)


def test_short_forms_differ_from_full_forms(rows):
    for r in rows:
        for lang in ("en", "zh"):
            assert r[f"{lang}_short"] != r[f"{lang}_full"], (r["id"], lang)


def test_entities_have_short_forms_unless_the_note_says_un_usage_has_none(rows):
    for r in (r for r in rows if r["domain"] == "entity"):
        if not r["en_short"]:
            assert re.search(r"No (English )?short form", r["note"]), r["id"]
        if not r["zh_short"]:
            assert re.search(r"No (Chinese )?short form", r["note"]), r["id"]


def test_brief_forms_of_the_chinese_sample_are_in_the_glossary_and_checked(rows):
    sample = "unwomen-ohchr-joint-workplan-2012.zh.txt"
    checked = {f for r in rows for name, fs in CHECKED.findall(r["provenance"]) if name == sample
               for f in fs.split(" | ")}
    expected = {"妇女署", "高级专员办事处", "开发署", "艾滋病署", "儿基会", "世卫组织", "人口基金", "西亚经社会",
                "联合国国家工作队", "全系统行动计划", "消除对妇女歧视委员会", "普遍定期审议"}
    assert expected <= checked


def test_ohchr_row_lists_the_sample_short_form_as_a_variant(rows):
    ohchr = next(r for r in rows if r["id"] == "ohchr")
    assert (ohchr["zh_full"], ohchr["zh_short"]) == ("联合国人权事务高级专员办事处", "人权高专办")
    assert "高级专员办事处" in ohchr["zh_variants"].split("|")


def standalone_forms(name, text, candidates):
    """Forms occurring at least once not inside an occurrence of a longer glossary form."""
    found = sorted((s, -e, f) for f in candidates for s, e in spans(f, name, text))
    result, reach, i = set(), -1, 0  # reach: furthest end of spans starting earlier
    while i < len(found):
        start, longest = found[i][0], -found[i][1]
        while i < len(found) and found[i][0] == start:
            end = -found[i][1]
            if end == longest and end > reach:
                result.add(found[i][2])
            i += 1
        reach = max(reach, longest)
    return result


def test_checked_forms_really_occur_in_the_samples(rows, samples):
    """Every form claimed as "checked against" a sample occurs there, and at least once
    outside an occurrence of a longer glossary form (人权事务高级专员 inside 人权事务高级专员办事处
    is not evidence for the High Commissioner)."""
    claims = [(r, name, f) for r in rows for name, fs in CHECKED.findall(r["provenance"])
              for f in fs.split(" | ")]
    assert claims
    all_forms = {lang: {f for r in rows for f in forms(r, lang)} for lang in ("en", "zh")}
    standalone = {}
    for r, name, form in claims:
        assert name in samples, (r["id"], name)
        lang = "zh" if name.endswith(".txt") else "en"
        assert form in forms(r, lang), (r["id"], form)
        if name not in standalone:
            standalone[name] = standalone_forms(name, samples[name], all_forms[lang])
        assert form in standalone[name], (r["id"], name, form)


def test_short_forms_are_unambiguous_unless_the_notes_warn(rows):
    """A short form never equals another concept's longer form; one shared by two concepts
    (ODA) is allowed only when both notes say "Not to be confused"."""
    for lang, norm in (("en", str.casefold), ("zh", str)):
        longer = {norm(f): r["id"] for r in rows for f in forms(r, lang, ("full", "variants", "deprecated"))}
        owners = {}
        for r in rows:
            short = r[f"{lang}_short"]
            if short:
                assert longer.get(norm(short), r["id"]) == r["id"], (lang, short, r["id"])
                owners.setdefault(short, []).append(r)
        for short, sharing in owners.items():
            if len(sharing) > 1:
                assert all("Not to be confused" in r["note"] for r in sharing), (lang, short)
