"""``rapporteur compose SPEC -o DIR``: the drafts, their provenance files, and a table of
what was written."""
from __future__ import annotations

import click

from corpus.cli import STORE


def _langs(ctx, param, value):
    langs = [v.strip() for v in value.split(",") if v.strip()]
    bad = [v for v in langs if v not in ("en", "zh")]
    if bad or not langs:
        raise click.BadParameter(f"use en, zh or en,zh (got {value!r})")
    return langs


@click.command()
@click.argument("spec", required=False, type=click.Path(dir_okay=False))
@click.option("--example", type=click.Choice(["gender-mainstreaming"]),
              help="Compose a built-in example spec instead of SPEC.")
@click.option("--lang", "langs", default="en,zh", callback=_langs, show_default=True,
              help="Editions to write.")
@click.option("--db", type=STORE, help="Store holding the previous report.")
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Directory for the .docx and .provenance.json files.")
@click.option("--comments", is_flag=True, help="Add a Word comment on every figure saying "
                                                "where it comes from.")
@click.option("--check/--no-check", default=True, show_default=True,
              help="Run the extractor over the draft; any figure or number word not traced "
                   "to the data is an error (exit 1).")
@click.option("--allow-outside", is_flag=True,
              help="Let the spec name data and previous-report files outside its own folder "
                   "(refused by default: specs are exchanged between drafters).")
@click.option("--force", is_flag=True, help="Replace drafts already in the output directory.")
def compose(spec, example, langs, db, out_dir, comments, check, allow_outside, force):
    """Compose first drafts of a Secretary-General report (English/Chinese Word files in UN
    house style) from SPEC (YAML or JSON)."""
    from rich.console import Console
    from rich.table import Table

    from compose import SpecError
    from compose import compose as run
    from compose.spec import example_path
    from corpus.cli import fail

    if bool(spec) == bool(example):
        fail("give either SPEC or --example NAME", 2)
    try:
        results = run(example_path(example) if example else spec, out_dir, langs, db, comments,
                      check, allow_outside, force)
    except SpecError as exc:
        fail(str(exc))
    table = Table("edition", "file", "paragraphs", "figures", "untraced")
    for r in results:
        table.add_row(r["lang"], str(r["docx"]), str(r["paragraphs"]), str(r["figures"]),
                      str(len(r["untraced"])) if check else "not checked")
    Console(stderr=True).print(table)
    untraced = 0
    for r in results:
        for u in r["untraced"]:
            untraced += 1
            click.echo(f"error: {r['docx'].name} paragraph {u['where']}: figure "
                       f"{u['text']!r} is not traced to the data", err=True)
    if untraced:  # the files stay, for the drafter to see the figures in place
        fail(f"{untraced} figure(s) not traced to the data: take them from the data or "
             "mark them with a rule, or pass --no-check")


@click.command()
@click.argument("previous", nargs=-1, required=True)
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Directory for the spec (.yaml) and its data file (.csv or .xlsx).")
@click.option("--db", type=STORE,
              help="Store to take PREVIOUS from, when it names a document there.")
@click.option("--data-format", type=click.Choice(["csv", "xlsx"]), default="csv",
              show_default=True, help="The data file: CSV, or an Excel workbook.")
@click.option("--force", is_flag=True, help="Replace a spec and data file already in DIR.")
def draft(previous, out_dir, db, data_format, force):
    """Start next year's report from last year's: PREVIOUS is the report (PDF, DOCX, text
    or a store document), in one or both editions (English, Chinese). Writes a spec that
    composes back to its text, with every figure a data slot to update."""
    from compose.drafting import draft as run
    from compose.errors import SpecError
    from corpus.cli import fail

    try:
        done = run(list(previous), out_dir, db, data_format, force)
    except SpecError as exc:
        fail(str(exc))
    click.echo(f"{done['spec']}: {done['paragraphs']} paragraphs ({', '.join(done['languages'])})"
               f"\n{done['data']}: {done['slots']} figures to update", err=True)
