"""First drafts of a Secretary-General report in English and Chinese, as Word files in UN
house style, from one spec, one dataset and last year's report — every figure traceable."""
from __future__ import annotations

import re
from pathlib import Path

from compose.errors import SpecError

LANGS = ("en", "zh")


def compose(spec_path: str | Path, out_dir: str | Path, langs=LANGS, db: str | None = None,
            comments: bool = False, check: bool = True,
            allow_outside: bool = False, force: bool = False) -> list[dict]:
    """Write ``<symbol>.<lang>.docx`` and ``<symbol>.<lang>.provenance.json`` per language
    into ``out_dir``; returns one summary dict per edition (paths, counts, untraced).
    ``check`` runs the extractor over the draft to list figures not traced to the data
    (loading spaCy and jieba costs a few seconds once per process). ``allow_outside``
    lets the spec name files outside its folder; existing outputs are replaced only with
    ``force``. The files appear all together or not at all (``compose.outputs``)."""
    from compose import build, provenance, spec
    from compose.outputs import Staged, existing_store, refuse_existing
    from compose.word import Writer

    existing_store(db)
    twice = sorted({lang for lang in langs if list(langs).count(lang) > 1})
    if twice:
        raise SpecError("--lang", f"{', '.join(twice)} given twice: give each edition once")
    s = spec.load(spec_path, allow_outside)
    langs = [lang for lang in langs if lang in s.languages]
    if not langs:
        raise SpecError(s.path, f"the spec holds only {', '.join(s.languages)} text")
    out = Path(out_dir)
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", s.raw["masthead"]["symbol"])
    editions = build.editions(s, list(langs), db)  # a spec that fails leaves no folder
    refuse_existing([out / f"{stem}.{lang}.{ext}" for lang in langs
                     for ext in ("docx", "provenance.json")], force)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SpecError(out, f"cannot create the output directory ({exc.strerror})") from None
    results = []
    with Staged() as staged:
        for edition in editions:
            docx = out / f"{stem}.{edition.lang}.docx"
            try:
                Writer(edition, s.raw.get("fonts"), comments).write(staged.path(docx))
            except ValueError as exc:  # text lxml refuses, e.g. a control character
                raise SpecError(docx, f"cannot write the Word file ({exc})") from None
            labels = [d.subject.get(edition.lang, "") for d in s.data.values()]
            side = provenance.sidecar(edition, docx.name, s.path, check, labels)
            prov = out / f"{stem}.{edition.lang}.provenance.json"
            provenance.write(side, staged.path(prov))
            results.append({"lang": edition.lang, "docx": docx, "provenance": prov,
                            "paragraphs": len(edition.paragraphs()),
                            "figures": len(side["figures"]), "untraced": side["untraced"] or []})
    return results


__all__ = ["LANGS", "SpecError", "compose"]
