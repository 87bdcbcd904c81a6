"""``fazhi-check outline FILE``: show the document tree."""

from __future__ import annotations

import json
import sys

import click

from checker.cli.common import EXIT_ERROR, load, report_error
from checker.formats.outline import outline_json, outline_text
from checker.parse.document import parse
from checker.source.decode import InputError


@click.command()
@click.argument("path", metavar="FILE")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="输出格式",
)
def outline(path: str, fmt: str) -> None:
    """显示报告的结构树（标题层级、序号、缺陷、元数据）。"""
    try:
        source = load(path)
    except InputError as error:
        report_error(error)
        sys.exit(EXIT_ERROR)
    doc = parse(source.text)
    if fmt == "json":
        payload = outline_json(doc, source.path)
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=False))
    else:
        click.echo(outline_text(doc, source.path, source.line_label), nl=False)
