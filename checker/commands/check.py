"""``fazhi-check check FILE...``: check reports against a rule pack.

Kept thin: the engine computes, report_text and json render, this module only
reads files, writes stdout/stderr and chooses the exit code.
"""

from __future__ import annotations

import json
import sys

import click

from checker import __version__
from checker.commands.common import EXIT_ERROR, EXIT_FAIL, EXIT_OK, load, report_error
from checker.engine import SCHEMA_VERSION, check_document, error_document, load_pack
from checker.formats.summary import Summary
from checker.pack import PackError
from checker.report_text import render_document
from checker.source import InputError


@click.command()
@click.argument("paths", metavar="FILE...", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="输出格式")
@click.option("--rules", "rules", metavar="NAME|PATH", default=None,
              help="规则包名称或 YAML 文件路径（默认按报告年度选择）")
@click.option("--year", type=int, default=None, help="报告年度（覆盖自动识别）")
def check(paths: tuple[str, ...], fmt: str, rules: str | None, year: int | None) -> None:
    """检查报告的必备内容、序号与日期格式，输出检查清单和问题。"""
    if rules:
        try:
            load_pack(rules)
        except PackError as error:
            click.echo(f"错误：{error}", err=True)
            sys.exit(EXIT_ERROR)
    documents = [_check_one(path, rules, year) for path in paths]
    if fmt == "json":
        click.echo(json.dumps(_payload(documents), ensure_ascii=False, indent=2))
    else:
        shown = [d for d in documents if d["status"] != "error"]  # errors: stderr
        click.echo("\n".join(render_document(d) for d in shown), nl=False)
    sys.exit(_exit_code(documents))


def _check_one(path: str, rules: str | None, year: int | None) -> dict:
    try:
        source = load(path)
    except InputError as error:
        report_error(error)
        return error_document(error.path, error.reason)
    try:
        return check_document(source, rules=rules, year=year)
    except PackError as error:
        click.echo(f"错误：{error}", err=True)
        sys.exit(EXIT_ERROR)


def _payload(documents: list[dict]) -> dict:
    summary = Summary()
    for document in documents:
        summary.add(document)
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "fazhi-checker", "version": __version__},
        "documents": documents,
        "summary": summary.to_dict(),
    }


def _exit_code(documents: list[dict]) -> int:
    statuses = {d["status"] for d in documents}
    if "error" in statuses:
        return EXIT_ERROR
    return EXIT_FAIL if "fail" in statuses else EXIT_OK
