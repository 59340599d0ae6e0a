"""``rapporteur terms lookup|import|export|check|mine|concordance`` and ``rapporteur align``."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from corpus.cli import STORE
from corpus.errors import ReadError
from glossary.model import GlossaryError


def fail(message: str, code: int = 1):
    """Print ``error: MESSAGE`` on standard error and exit with ``code``."""
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def _glossary(path: str | None, code: int = 1):
    from glossary.model import Glossary

    try:
        return Glossary.load(path) if path else Glossary.bundled()
    except GlossaryError as exc:
        fail(str(exc), code)


def _read(path: str, code: int = 1):
    from corpus.reader import read

    try:
        return read(path)
    except ReadError as exc:
        fail(str(exc), code)


def _write(data: bytes | str, output: str | None, code: int = 1) -> None:
    from corpus.output import write_bytes

    if output is None:
        click.echo(data if isinstance(data, str) else data.decode("utf-8"), nl=False)
        return
    try:
        write_bytes(output, data.encode("utf-8") if isinstance(data, str) else data)
    except OSError as exc:
        fail(f"{output}: {exc.strerror or exc}", code)
    click.echo(f"wrote {output}", err=True)


def _status(message: str):
    """A spinner on stderr while a long document is read and checked; nothing (and no
    import of rich) when stderr is no terminal."""
    if not sys.stderr.isatty():
        from contextlib import nullcontext

        return nullcontext()
    from rich.console import Console

    return Console(stderr=True).status(message)


def _comment(file: str, out: str, findings, target) -> None:
    from glossary.wordcomments import write_comments

    if not file.lower().endswith(".docx"):
        fail(f"{file}: --comments needs a Word (.docx) document", 2)
    texts = {(su.unit.kind, su.unit.index): su.unit.text for su in target.units}
    try:
        placed, missed = write_comments(file, out, findings, texts)
    except OSError as exc:
        fail(f"{out}: {exc.strerror or exc}", 2)
    click.echo(f"wrote {out}: {placed} comment(s)"
               + (f", {missed} place(s) not found in the Word text" if missed else ""), err=True)


def _say_aligned(source, target, source_file: str, target_file: str, purpose: str) -> int:
    """Tell on stderr how much of the pair aligns and how (by paragraph number, or by
    content where the numbers were lost: then only reliable pairs are compared), and warn
    when nothing does, instead of a silent empty result. Returns the number of units."""
    from glossary.align import align_by_content, by_number, pairs_for
    from glossary.content_align import RELIABLE
    from glossary.model import Glossary

    if by_number(source):
        pairs = pairs_for(source, target)
        numbered = sum(1 for p in pairs if p.unit == "paragraph" and p.number)
        click.echo(f"aligned {len(pairs)} unit(s) of {source_file} with {target_file}: "
                   f"{numbered} paragraph(s) by number, {len(pairs) - numbered} other unit(s) "
                   "(headings, footnotes, unnumbered paragraphs by position)", err=True)
    else:
        every = align_by_content(source, target, Glossary.bundled())
        pairs = [p for p in every if p.confidence >= RELIABLE]
        click.echo(f"aligned {len(every)} paragraph(s) of {source_file} with {target_file} by "
                   f"content (its paragraphs are unnumbered); {purpose} use the {len(pairs)} "
                   f"reliable one(s) (confidence ≥ {RELIABLE})", err=True)
    if not pairs:
        click.echo(f"warning: nothing aligns, so {purpose} had nothing to compare", err=True)
    return len(pairs)


glossary_option = click.option("--glossary", "glossary_path", type=click.Path(dir_okay=False),
                               help="Glossary (CSV, TSV or TBX) instead of the bundled one.")


@click.group()
def terms():
    """Bilingual UN terminology: look up, import/export (TBX, CSV), check, mine."""


format_option = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
                             show_default=True, help="A table for people, or JSON for scripts.")


@terms.command()
@click.argument("term")
@glossary_option
@format_option
def lookup(term, glossary_path, fmt):
    """Show the concept named by TERM (any form, in any of the glossary's languages) with all
    its terms; if no form is TERM, the concepts with a form containing it."""
    from glossary.show import concept_json, dumps, lookup_table

    g = _glossary(glossary_path)
    concept = g.lookup(term)
    found = [concept] if concept else g.search(term)
    if not found:
        fail(f"{term!r} is not in the glossary ({len(g)} concepts), not even as part of a term")
    if fmt == "json":
        click.echo(dumps([concept_json(c) for c in found]), nl=False)
        return
    if len(found) > 1:
        click.echo(f"{len(found)} concepts have a term containing {term!r}:")
        for c in found:
            click.echo(f"  {c.id}: {c.preferred('en') or '—'} / {c.preferred('zh') or '—'}")
        return
    from rich.console import Console

    concept, console = found[0], Console()
    console.print(lookup_table(concept))
    if concept.note:
        console.print(f"note: {concept.note}")
    source = next((t.source for t in concept.terms if t.source), "")
    if source:
        console.print(f"source: {source}", style="dim")


@terms.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the imported glossary here (format from the extension).")
@click.option("--merge", is_flag=True, help="With -o: add the imported concepts to the bundled "
                                            "glossary (new ids only) and write the union.")
@format_option
def import_(file, output, merge, fmt):
    """Read a glossary FILE (TBX v3/v2, CSV, TSV, OmegaT, or SKOS: Turtle, RDF/XML), report
    what it holds, what it skipped and why, and how it relates to the bundled glossary;
    with -o, convert or merge it."""
    from glossary.formats import save
    from glossary.model import Glossary
    from glossary.show import dumps, import_summary, import_text

    g = _glossary(file)
    bundled = Glossary.bundled()
    summary = import_summary(file, g, bundled)
    click.echo(dumps(summary) if fmt == "json" else import_text(summary), nl=False)
    if output:
        if merge:
            taken = {c.id for c in bundled.concepts}
            g = Glossary(bundled.concepts + [c for c in g.concepts if c.id not in taken],
                         source=str(output))
        try:
            save(g, Path(output))
        except GlossaryError as exc:
            fail(str(exc))
        click.echo(f"wrote {output} ({len(g)} concepts)", err=True)


@terms.command()
@click.option("--format", "fmt", type=click.Choice(["tbx", "tbx2", "csv", "tsv", "omegat"]),
              help="tbx = TBX v3 TBX-Basic; tbx2 = v2 martif; omegat = OmegaT glossary.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True)
@glossary_option
def export(fmt, output, glossary_path):
    """Export the glossary (TBX v3 is checked against the TBX-Basic schema first)."""
    from glossary.formats import dump, format_for
    from glossary.schemas import tbx_errors

    g = _glossary(glossary_path)
    try:
        fmt = format_for(Path(output), fmt)
    except GlossaryError as exc:
        fail(str(exc))
    try:
        data = dump(g, fmt)
    except GlossaryError as exc:
        fail(str(exc))
    if fmt == "tbx":
        errors = tbx_errors(data)
        if errors:
            fail("the TBX does not validate: " + "; ".join(errors[:3]))
    _write(data, output)


@terms.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--source", "source_file", type=click.Path(dir_okay=False),
              help="The source edition: adds the bilingual checks, aligned by paragraph number.")
@glossary_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False))
@click.option("--fail-on", type=click.Choice(["error", "warning", "never"]), default="error",
              show_default=True, help="Exit 1 when a finding of this severity or worse is reported.")
@click.option("--comments", "comments_out", type=click.Path(dir_okay=False),
              help="FILE is a Word document: write a copy of it here with each finding as a "
                   "Word comment on the flagged words.")
def check(file, source_file, glossary_path, fmt, output, fail_on, comments_out):
    """Check FILE's terminology: variants, near-misses, deprecated forms, abbreviations,
    and with --source, missing or inconsistent translations.

    Exit status: 0 when no finding reaches --fail-on (errors, by default); 1 when one
    does; 2 when the check could not run (a file or glossary that cannot be read, an
    output that cannot be written, a wrong option), so that scripts and CI can tell
    "findings" from "broken"."""
    from glossary.checks import check as run
    from glossary.report import RENDERERS
    from glossary.scan import scan

    g = _glossary(glossary_path, 2)
    with _status(f"checking {file}"):
        target = scan(_read(file, 2), g)
        source = scan(_read(source_file, 2), g) if source_file else None
        findings = run(target, source)
    _write(RENDERERS[fmt](findings, target, source), output, 2)
    if comments_out:
        _comment(file, comments_out, findings, target)
    if source is not None:
        _say_aligned(source.doc, target.doc, source_file, file, "the bilingual checks")
    failing = {"error": {"error"}, "warning": {"error", "warning"}, "never": set()}[fail_on]
    if any(f.severity in failing for f in findings):
        sys.exit(1)


@terms.command()
@click.argument("en_file", type=click.Path(dir_okay=False))
@click.argument("zh_file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the candidates as TBX (or CSV/TSV, by extension).")
@glossary_option
@format_option
def mine(en_file, zh_file, output, glossary_path, fmt):
    """Candidate English–Chinese term pairs from two aligned editions of one report."""
    from glossary.formats import save
    from glossary.mine import mine as run
    from glossary.model import Concept, Glossary, Term
    from glossary.show import mine_json, mine_lines, mine_table

    g = _glossary(glossary_path)
    en, zh = _read(en_file), _read(zh_file)
    if not _say_aligned(en, zh, en_file, zh_file, "mining"):
        fail(f"nothing aligns: {en_file} and {zh_file} share no paragraph number, so no "
             "term pair can be mined")
    candidates = run(en, zh, g)
    stream = sys.stderr if output else sys.stdout  # with -o the file is the result
    if fmt == "json":
        click.echo(mine_json(candidates), nl=False, err=bool(output))
    elif not stream.isatty():
        click.echo(f"{len(candidates)} candidate pairs", err=True)
        click.echo(mine_lines(candidates), nl=False, err=bool(output))
    else:
        from rich.console import Console

        Console(stderr=bool(output)).print(mine_table(candidates))
    if output and not candidates:
        click.echo(f"no candidate pairs: {output} not written", err=True)
    elif output:
        concepts = [Concept(f"candidate-{k}", "general",
                            f"score {c.score:.2f} ({c.method}); paragraphs {', '.join(c.support)}"
                            + (f"; known: {c.known}" if c.known else "; new"),
                            [Term(c.en, "en", status="admitted", source=en_file),
                             Term(c.zh, "zh", status="admitted", source=zh_file)])
                    for k, c in enumerate(candidates, start=1)]
        try:
            save(Glossary(concepts, source="mined"), Path(output))
        except GlossaryError as exc:
            fail(str(exc))
        click.echo(f"wrote {output}", err=True)


@terms.command()
@click.argument("term")
@click.option("--db", default="rapporteur.db", show_default=True, type=STORE,
              help="The store of past reports (rapporteur ingest).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text",
              show_default=True)
@click.option("--limit", default=50, show_default=True, help="Show at most this many paragraphs.")
@click.option("-o", "--output", type=click.Path(dir_okay=False))
@glossary_option
def concordance(term, db, fmt, limit, output, glossary_path):
    """Where past reports used TERM (either language, any form of its concept): the aligned
    English and Chinese paragraphs side by side, with symbol, year and paragraph."""
    from corpus.cli import open_store
    from glossary.concordance import RENDERERS
    from glossary.concordance import concordance as run

    g = _glossary(glossary_path)
    with open_store(db) as store:
        concept, lines = run(store, g, term, limit)
    _write(RENDERERS[fmt](concept, term, lines), output)


@click.command()
@click.argument("en_file", type=click.Path(dir_okay=False))
@click.argument("zh_file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True,
              help="The TMX 1.4b file to write.")
@click.option("--by", "method", type=click.Choice(["auto", "number", "content"]), default="auto",
              show_default=True, help="Pair by paragraph number, by content (for editions "
              "whose numbers were lost), or by number when most paragraphs are numbered.")
def align(en_file, zh_file, output, method):
    """Paragraph- and sub-paragraph-aligned translation memory (TMX 1.4b) from the English
    and Chinese editions of one report. Pairs made by content carry their confidence (TMX
    property x-confidence); from 0.75 they are reliable, below it, to be reviewed."""
    from glossary.align import align as pairs_of
    from glossary.align import align_by_content, by_number
    from glossary.content_align import RELIABLE
    from glossary.model import Glossary
    from glossary.scan import language
    from glossary.schemas import tmx_errors
    from glossary.tmx import write_tmx

    en, zh = _read(en_file), _read(zh_file)
    langs = (language(en), language(zh))
    if langs[0] == langs[1]:
        fail(f"{en_file} and {zh_file} are both in '{langs[0]}': give one English and one "
             "Chinese edition")
    numbered = sum(1 for p in en.paragraphs if p.number)
    if method == "content" or (method == "auto" and not by_number(en)):
        pairs = align_by_content(en, zh, Glossary.bundled())
        sure = sum(1 for p in pairs if p.confidence >= RELIABLE)
        how = (f" by content ({numbered} of {len(en.paragraphs)} paragraphs numbered): "
               f"{sure} reliable (confidence ≥ {RELIABLE}), {len(pairs) - sure} to review")
    else:
        pairs, how = pairs_of(en, zh), " by paragraph number"
    if not pairs:
        fail(f"nothing aligns: {en_file} and {zh_file} share no paragraph number"
             + (" and no paragraph pairs by content" if method != "number" else ""))
    data = write_tmx(en, zh, pairs, *langs)
    errors = tmx_errors(data)
    if errors:
        fail("the TMX does not validate: " + "; ".join(errors[:3]))
    _write(data, output)
    click.echo(f"{len(pairs)} aligned units{how}", err=True)
