"""``fazhi-check outline FILE``: show the document tree.

The file is read, parsed and rendered in a worker process with the same
timeout and isolation as ``check``: a pipe that never ends, a huge PDF or a
file that exhausts memory costs that worker, not the command. Only the
rendered text comes back.
"""

from __future__ import annotations

import json
import sys
from functools import partial

import click

from checker.batch.discover import display_name
from checker.batch.workers import TIMEOUT, map_in_order
from checker.cli.common import EXIT_ERROR, read_stdin
from checker.cli.flags import Choice, timeout_option
from checker.cli.interrupt import catch_sigterm, stop
from checker.cli.output import ReportStream, WriteError
from checker.source.printable import escape_controls

#: A path, or ("<stdin>", bytes) read by the command beforehand.
Item = str | tuple[str, bytes]


@click.command()
@click.argument("path", metavar="FILE")
@click.option(
    "--format",
    "fmt",
    type=Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="输出格式",
)
@timeout_option("读取和解析的时限")
def outline(path: str, fmt: str, timeout: float) -> None:
    """显示报告的结构树（标题层级、序号、缺陷、元数据）。"""
    catch_sigterm()
    item: Item = ("<stdin>", read_stdin()) if path == "-" else path
    work = partial(outline_item, fmt=fmt)
    fail = partial(_failed, timeout=timeout)
    try:
        (result,) = map_in_order([item], work, fail, 1, timeout, _carries_data)
    except KeyboardInterrupt as interrupt:
        stop(interrupt, "未输出结构树")
    ok, text = result
    if not ok:
        click.echo(f"错误：{escape_controls(text)}", err=True)
        sys.exit(EXIT_ERROR)
    try:
        with ReportStream(None) as out:
            out.write(text)
    except WriteError as error:
        click.echo(f"错误：{error.where}：写入失败（{error.reason}）", err=True)
        sys.exit(EXIT_ERROR)


def outline_item(item: Item, fmt: str) -> tuple[bool, str]:
    """``(True, rendered tree)`` or ``(False, "name：reason")``; never raises."""
    from checker.formats.outline import outline_json, outline_text
    from checker.parse.document import parse
    from checker.source.decode import InputError, within_limit
    from checker.source.load import load_source, sanitise
    from checker.source.path import read_input

    name = display_name(item) if isinstance(item, str) else item[0]
    try:
        if isinstance(item, str):
            data = read_input(item, name)
        else:
            data = within_limit(item[1], name)
        source = load_source(data, name)
        doc = parse(source.text)
        if fmt == "json":
            payload = outline_json(doc, source.path)
            return True, json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
        return True, outline_text(doc, source.path, source.line_label)
    except InputError as error:
        return False, f"{name}：{sanitise(error.reason)}"
    except Exception as error:  # MemoryError too: one line, not a traceback
        reason = sanitise(f"{type(error).__name__}: {error}").replace("\n", " ")
        return False, f"{name}：解析出错（{reason}）"


def _failed(item: Item, problem: str, timeout: float) -> tuple[bool, str]:
    name = display_name(item) if isinstance(item, str) else item[0]
    if problem == TIMEOUT:
        return False, f"{name}：解析超时（超过 {timeout:g} 秒）"
    return False, f"{name}：解析进程异常退出（文件可能过大或触发了程序缺陷）"


def _carries_data(item: Item) -> bool:
    return not isinstance(item, str)  # stdin's bytes go alone to an idle worker
