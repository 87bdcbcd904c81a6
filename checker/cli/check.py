"""``fazhi-check check PATH...``: check reports, one or thousands, in any format.

The only place of the batch that touches stdin/stdout/stderr, the output file
and the exit code. Finding inputs and checking them is :mod:`checker.batch`;
writing the report is :mod:`checker.formats`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import click

from checker import __version__
from checker.batch import (
    DEFAULT_INCLUDE,
    Options,
    item_name,
)
from checker.cli.common import (
    EXIT_ERROR,
    EXIT_FAIL,
    EXIT_OK,
)
from checker.cli.conventions import convention_options, use_color, written
from checker.cli.flags import Choice, Year, jobs_option, timeout_option
from checker.cli.inputs import cores, gather, validate_pack
from checker.cli.interrupt import catch_sigterm, stop
from checker.cli.output import ReportStream, WriteError
from checker.cli.policy import overlay_or_exit, policy_options
from checker.cli.progress import Progress
from checker.cli.related import related_options, related_reports
from checker.cli.settle import settle_or_exit
from checker.engine.report import Status
from checker.formats import BINARY_FORMATS, FORMATS, Summary, make_writer
from checker.source.printable import escape_controls

if TYPE_CHECKING:
    from checker.engine import Report, Rule

TOOL = {"name": "fazhi-checker", "version": __version__}


@click.command()
@click.argument("paths", metavar="PATH...", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=Choice(FORMATS),
    help="输出格式；默认：单个文件 text，多个文件 table",
)
@click.option(
    "--rules",
    default=None,
    metavar="NAME|PATH",
    help="规则包名称或路径（默认按报告年度选择）",
)
@click.option("--year", type=Year(), default=None, help="报告年度（覆盖自动识别）")
@click.option(
    "--fail-on",
    type=Choice(["error", "warning", "never"]),
    default="error",
    show_default=True,
    help="何种级别的问题使报告不通过",
)
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    default=None,
    help="把报告写入文件（默认写到标准输出）",
)
@jobs_option()
@timeout_option()
@click.option(
    "--include",
    multiple=True,
    metavar="GLOB",
    help=f"目录中要检查的文件（可重复；默认 {' '.join(DEFAULT_INCLUDE)}）",
)
@click.option(
    "--exclude", multiple=True, metavar="GLOB", help="目录中要跳过的文件（可重复）"
)
@policy_options
@convention_options
@related_options
@click.pass_context
def check(ctx: click.Context, **params: Any) -> None:
    """检查报告是否合规：文件、目录（递归）或 -（标准输入）。

    退出码：0 全部通过；1 有报告不通过；2 有文件无法读取或参数错误。
    配置文件：当前目录或上级目录的 fazhi.toml 或 pyproject.toml [tool.fazhi-check]。
    """
    from checker.cli.config import ConfigError, configure

    try:
        params = configure(ctx, params)
    except ConfigError as error:
        click.echo(f"错误：{error}", err=True)
        sys.exit(EXIT_ERROR)
    _check(**params)


def _check(
    paths: tuple[str, ...],
    fmt: str | None,
    rules: str | None,
    year: int | None,
    fail_on: str,
    output: str | None,
    jobs: int | None,
    timeout: float,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    severity: tuple[str, ...],
    waivers: str | None,
    baseline: str | None,
    write_baseline: str | None,
    quiet: bool,
    color: str,
    stdin_filename: str | None,
    extend_include: tuple[str, ...],
    **related: Any,
) -> None:
    if fmt in BINARY_FORMATS and output in (None, "-"):
        click.echo(
            f"错误：--format {fmt} 须用 -o 指定输出文件（如 -o 汇总.{fmt}）", err=True
        )
        sys.exit(EXIT_ERROR)
    validate_pack(rules)
    overlay = overlay_or_exit(select, ignore, severity, rules)
    catch_sigterm()
    patterns = (*(include or DEFAULT_INCLUDE), *extend_include)
    items = gather(
        paths,
        patterns,
        exclude,
        quiet=quiet,
        output=output,
        stdin_filename=stdin_filename,
    )
    if fmt is None:
        single = len(items) == 1 and not any(os.path.isdir(p) for p in paths)
        fmt = "text" if single else "table"
    options = Options(
        rules=rules, year=year, fail_on=fail_on, timeout=timeout, overlay=overlay
    )
    settle = settle_or_exit(options, waivers, baseline, write_baseline)
    try:
        with related_reports(
            items, options, jobs or cores(), quiet=quiet, **related
        ) as reports:
            look = (quiet, color)
            names = [item_name(i) for i in items]
            summary = _write(fmt, output, settle(reports), options, names, look)
    except KeyboardInterrupt as interrupt:  # the workers are gone with the generator
        left = f"未写入 {output}" if output else "报告不完整，缺少汇总"
        stop(interrupt, left)
    except WriteError as error:
        raise_write_error(error)
    if write_baseline:
        try:
            settle.write_baseline(write_baseline)
        except OSError as error:
            raise_write_error(WriteError(write_baseline, error))
    if settle.known and not quiet:
        click.echo(f"提示：基线中已有的 {settle.known} 个问题未显示", err=True)
    if output and not quiet:
        click.echo(written(output, summary), err=True)
    sys.exit(exit_code(summary))


def raise_write_error(error: WriteError) -> None:
    click.echo(f"错误：{error.where}：写入失败（{error.reason}）", err=True)
    sys.exit(EXIT_ERROR)


def exit_code(summary: Summary) -> int:
    """2 if any input could not be checked, else 1 if any failed, else 0."""
    if summary.count(Status.ERROR):
        return EXIT_ERROR
    return EXIT_FAIL if summary.count(Status.FAIL) else EXIT_OK


def _write(
    fmt: str,
    output: str | None,
    reports: Iterator[Report],
    options: Options,
    names: list[str],
    look: tuple[bool, str] = (False, "auto"),
) -> Summary:
    """Write each document as it arrives; the bar steps aside for every line.

    ``look`` is (--quiet, --color).
    """
    summary = Summary()
    quiet, color = look
    progress = Progress(len(names), quiet=quiet)
    with ReportStream(output) as out:
        # A report on the terminal is flushed per document, so rows show as
        # they are checked; to a file or a pipe it is written in blocks.
        interactive = out.isatty()
        paint = use_color(color, interactive)
        lookup = _rules_lookup(options)
        writer = make_writer(fmt, out, TOOL, lookup, names, color=paint)
        try:
            writer.begin()
            for report in reports:
                summary.add(report)
                if report.status is Status.ERROR:  # logged whatever the format
                    progress.log(
                        escape_controls(f"错误：{report.path}：{report.error}")
                    )
                if interactive:
                    progress.pause()
                writer.document(report)
                if interactive:
                    out.flush()
                progress.advance()
            progress.close()
            writer.end(summary)
        except OSError as error:  # the report's stream: disk full, closed pipe
            raise WriteError(output or "标准输出", error) from None
        finally:
            progress.close()
    return summary


def _rules_lookup(options: Options):
    def lookup(ruleset_id: str) -> list[Rule]:
        from checker.engine import PackError, load_pack

        for name in filter(None, (options.rules, ruleset_id)):
            try:
                return list(load_pack(name, options.overlay).rules)
            except PackError:  # SARIF metadata is best effort; results stand alone
                continue
        return []

    return lookup
