"""A document as people read it: Markdown and HTML from `rapporteur show`, on the Chinese
sample (bundled) and a real budget report with tables (../shared)."""
from __future__ import annotations

from click.testing import CliRunner

from corpus import read
from corpus.cli import main
from tests.builders import SHARED, ZH_SAMPLE, shared


def test_markdown_of_the_chinese_sample():
    md = read(ZH_SAMPLE).to_markdown()
    lines = md.splitlines()
    assert lines[0] == "# 联合国促进性别平等和增强妇女权能署与联合国人权事务高级专员办事处的联合工作计划"
    assert "- **date**: 2011-12-09" in lines
    assert any(line.startswith("**10.** 妇女署继续与由高级专员办事处支持的") for line in lines)
    assert "[^1]: 联合国，《条约汇编》，第1249卷，第20378号。" in lines


def test_show_markdown_and_html_print_tables(tmp_path):
    pdf = shared(SHARED / "corpus-dev" / "twins" / "A_80_634.pdf")
    runner = CliRunner()
    md = runner.invoke(main, ["show", str(pdf), "--format", "markdown"])
    assert md.exit_code == 0
    assert ("| Military and police personnel | 350 857.2 | 336 134.4 | 14 722.8 | 4.2 | "
            "350 947.3 | 259 142.9 | (91 804.4) | (26.2) |") in md.output.splitlines()
    html = runner.invoke(main, ["show", str(pdf), "--format", "html"])
    assert html.exit_code == 0
    assert html.output.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<td>350 857.2</td>" in html.output
