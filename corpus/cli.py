"""The ``rapporteur`` command. The root group lives here, in the package that depends on
nothing else; every package registers its sub-commands as ``rapporteur.commands`` entry
points (see pyproject.toml), loaded only when invoked so that ``rapporteur show`` never pays
for spaCy."""
from __future__ import annotations

import sys
from importlib.metadata import entry_points

import click

from corpus.errors import ReadError


class PluginGroup(click.Group):
    def _eps(self):
        return {ep.name: ep for ep in entry_points(group="rapporteur.commands")}

    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | set(self._eps()))

    def get_command(self, ctx, name):
        cmd = super().get_command(ctx, name)
        if cmd is None and name in self._eps():
            cmd = self._eps()[name].load()
        return cmd


@click.group(cls=PluginGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rapporteur")
def main():
    """Rapporteur: read, mine, check and draft United Nations reports (Chinese/English)."""


def fail(message: str, code: int = 1):
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the whole document model as JSON.")
def show(file, as_json):
    """Read FILE (PDF, DOCX or text) and show its structure."""
    from corpus.reader import read

    try:
        doc = read(file)
    except ReadError as exc:
        fail(str(exc))
    if as_json:
        click.echo(doc.to_json(indent=2))
        return
    m = doc.metadata
    click.echo(f"{doc.source}  [{doc.format}, {doc.pages or '?'} pages, {m.lang}]")
    for key in ("symbol", "organ", "session", "agenda_item", "date", "job_number",
                "original_language", "title", "report_of"):
        value = getattr(m, key)
        if value:
            click.echo(f"  {key:18} {value}")
    numbered = [p.number for p in doc.paragraphs if p.number]
    span = f"{numbered[0]}–{numbered[-1]}" if numbered else "none"
    click.echo(f"  {len(doc.sections)} headings, {len(doc.paragraphs)} paragraphs "
               f"(numbered {span}), {len(doc.footnotes)} footnotes")
    for s in doc.sections:
        click.echo(f"  {'  ' * (s.level - 1)}{(s.number + '. ') if s.number else ''}{s.title}")
