"""``rapporteur series``: an indicator across the reports of a store, as a table, CSV or
JSON, and as a chart."""
from __future__ import annotations

import csv
import json
import sys

import click

from corpus.cli import STORE

FIELDS = ["year", "period", "value", "unit", "doc", "lang", "where", "page", "subject", "text"]


@click.command()
@click.argument("subject")
@click.option("--db", default="rapporteur.db", show_default=True,
              type=STORE, help="Store with indicator records ('rapporteur extract --db').")
@click.option("--symbol", metavar="PREFIX", help="Only reports whose symbol starts so "
              "(a series: DP/FPA/).")
@click.option("--unit", help="The unit of the series (percent, count, USD…); default: the "
              "commonest among the matches.")
@click.option("--plot", "plot_to", type=click.Path(dir_okay=False), metavar="OUT.png|OUT.svg",
              help="Also draw the series as a chart.")
@click.option("--lang", type=click.Choice(["en", "zh"]),
              help="Language of the chart's labels (default: the subject's).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)
def series(subject, db, symbol, unit, plot_to, lang, fmt):
    """The values of one indicator (SUBJECT: 'proportion of women in senior posts',
    '妇女在联合国系统的人数') across the stored reports, in time order, each with its
    document, paragraph and page.

    SUBJECT is matched, not looked up: the glossary concepts it names may appear in any of
    their forms, in English or Chinese, and its other words stemmed, in any order."""
    from corpus.cli import fail, open_store
    from glossary.plot import PlotError, format_value, plot
    from glossary.series import SeriesError, series as find

    with open_store(db) as store:
        try:
            points, others = find(store.conn, subject, unit, symbol)
        except SeriesError as exc:
            fail(f"{db}: {exc}")
    if fmt == "json":
        click.echo(json.dumps([p.to_dict() for p in points], ensure_ascii=False, indent=2))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(p.to_dict() for p in points)
    else:
        for p in points:
            page = f" p.{p.page}" if p.page else ""
            click.echo(f"{p.period:>9}  {format_value(p.value):>14} {p.unit:<8}  "
                       f"{p.doc} {p.where}{page}  “{p.text}”")
    if others:
        click.echo(f"left out: {', '.join(f'{n} in {u}' for u, n in others.most_common())} "
                   f"(--unit)", err=True)
    if plot_to:
        han = any("\u4e00" <= c <= "\u9fff" for c in subject)
        try:
            plot(points, subject, points[0].unit, plot_to, lang or ("zh" if han else "en"))
        except PlotError as exc:
            fail(str(exc))
        click.echo(f"chart: {plot_to}", err=True)
