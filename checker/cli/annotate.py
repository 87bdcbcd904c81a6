"""``fazhi-check annotate PATH...``: a Word copy of each report with comments.

The drafter's loop: ``check`` to read the findings, ``annotate`` to get them
in the margin of the report itself, fix them in Word or WPS, check again. The
input file is never written; an existing output is kept unless ``--force``.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from functools import partial
from pathlib import Path

import click

from checker.batch import CRASHED, DEFAULT_INCLUDE, discover
from checker.batch.workers import TIMEOUT, map_in_order
from checker.cli.common import EXIT_ERROR, EXIT_FAIL, EXIT_OK
from checker.cli.flags import MAX_JOBS, jobs_option, timeout_option
from checker.cli.inputs import validate_pack
from checker.cli.interrupt import catch_sigterm, stop
from checker.cli.policy import overlay_or_exit, selection_options
from checker.engine.report import Status
from checker.formats.annotate import DEFAULT_AUTHOR, DEFAULT_INITIALS

#: What the annotated copy of ``报告.docx`` is called: ``报告（检查意见）.docx``.
SUFFIX = "（检查意见）"


class Failed(Exception):
    """One input that produced no copy; ``reason`` is Chinese."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(reason)
        self.path, self.reason = path, reason


def default_output(path: str, folder: str | None = None) -> Path:
    source = Path(path)
    return Path(folder or source.parent) / f"{source.stem}{SUFFIX}.docx"


@click.command()
@click.argument("paths", metavar="PATH...", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    default=None,
    metavar="OUT",
    help=f"输出文件（单个报告）或目录（多个报告）；默认写在原文件旁：名称{SUFFIX}.docx",
)
@click.option("--author", default=DEFAULT_AUTHOR, show_default=True, help="批注作者")
@click.option(
    "--initials", default=DEFAULT_INITIALS, show_default=True, help="批注作者缩写"
)
@click.option("--force", is_flag=True, help="覆盖已存在的输出文件")
@click.option("--rules", default=None, metavar="NAME|PATH", help="规则包名称或路径")
@click.option("--year", type=int, default=None, help="报告年度（覆盖自动识别）")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "never"]),
    default="error",
    show_default=True,
    help="何种级别的问题使报告不通过",
)
@click.option("--include", multiple=True, metavar="GLOB", help="目录中要处理的文件")
@click.option("--exclude", multiple=True, metavar="GLOB", help="目录中要跳过的文件")
@jobs_option()
@timeout_option("单个文件处理时限")
@selection_options
def annotate(
    paths: tuple[str, ...],
    output: str | None,
    author: str,
    initials: str,
    force: bool,
    rules: str | None,
    year: int | None,
    fail_on: str,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    jobs: int | None,
    timeout: float,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    severity: tuple[str, ...],
) -> None:
    """生成带批注的 Word 副本：每个问题一条批注，检查清单和结论批注在标题上。

    退出码：0 全部通过；1 有报告不通过；2 有文件无法读取、输出已存在或参数错误。
    """
    validate_pack(rules)
    overlay = overlay_or_exit(select, ignore, severity, rules)
    catch_sigterm()
    planned = _plan(paths, output, include or DEFAULT_INCLUDE, exclude)
    statuses: list[Status] = []
    todo = []
    for source, target in planned:  # refused outputs cost no reading
        try:
            _may_write(source, target, force)
            todo.append((source, target))
        except Failed as failed:
            click.echo(f"错误：{failed.path}：{failed.reason}", err=True)
            statuses.append(Status.ERROR)
    how = (rules, year, fail_on, author, initials, overlay)
    try:
        # Read, check and annotate in the worker pool, as check does: a file
        # that hangs or crashes costs itself only; writing stays here.
        results = map_in_order(
            todo,
            partial(_annotate_one, how=how),
            partial(_failed, timeout=timeout),
            min(jobs or os.cpu_count() or 1, MAX_JOBS),
            timeout,
        )
        for (_, target), (outcome, detail) in zip(todo, results, strict=True):
            try:
                if outcome == "failed":
                    raise Failed(*detail)
                status, count, data = detail
                _write(target, data)
            except Failed as failed:
                click.echo(f"错误：{failed.path}：{failed.reason}", err=True)
                statuses.append(Status.ERROR)
                continue
            statuses.append(status)
            click.echo(f"{target}：批注 {count} 条")
    except KeyboardInterrupt as interrupt:  # copies written so far are whole
        stop(interrupt, "已写出的副本完整，其余未处理")
    sys.exit(_exit_code(statuses))


def _plan(
    paths: tuple[str, ...], output: str | None, include, exclude
) -> list[tuple[str, Path]]:
    """(input, output) pairs; a usage error exits 2 before anything is written."""
    if "-" in paths:
        _usage("annotate 需要文件路径，不能从标准输入读取")
    batch = len(paths) > 1 or any(os.path.isdir(p) for p in paths)
    jobs: list[tuple[str, Path]] = []
    for path in paths:
        if not os.path.isdir(path):
            into = batch or (output is not None and os.path.isdir(output))
            folder = output if into else None
            target = Path(output) if output and not into else None
            jobs.append((path, target or default_output(path, folder)))
            continue
        own = (*exclude, f"*{SUFFIX}.docx")  # never annotate an annotated copy
        for name in discover([path], include, own):
            rel = Path(os.path.relpath(name, path))
            folder = Path(output) / rel.parent if output else None
            jobs.append((name, default_output(name, str(folder) if folder else None)))
    if not jobs:
        _usage("没有找到要处理的文件")
    jobs = _distinct(jobs)
    if batch and output and os.path.isfile(output):
        _usage(f"{output}：多个报告时 -o 应为目录")
    return jobs


def _distinct(jobs: list[tuple[str, Path]]) -> list[tuple[str, Path]]:
    """报告.pdf and 报告.docx side by side: name both copies after the whole
    file name (报告.pdf（检查意见）.docx) rather than let one overwrite the other."""
    taken = Counter(target for _, target in jobs)
    return [
        (path, target.with_name(f"{Path(path).name}{SUFFIX}.docx"))
        if taken[target] > 1
        else (path, target)
        for path, target in jobs
    ]


def _may_write(path: str, target: Path, force: bool) -> None:
    if target.exists() and target.resolve() == Path(path).resolve():
        raise Failed(path, "输出文件不能是原文件")
    if target.exists() and not force:
        raise Failed(str(target), "输出文件已存在（加 --force 覆盖）")


def _annotate_one(job: tuple[str, Path], how: tuple) -> tuple[str, tuple]:
    """In a worker: ("done", (status, comments, docx bytes)) or ("failed",
    (path, reason)); never raises."""
    from checker.engine import check_document
    from checker.formats.annotate import annotate as annotated
    from checker.source import MAX_BYTES, InputError, load_source
    from checker.source.path import read_input

    path = job[0]
    rules, year, fail_on, author, initials, overlay = how
    try:
        data = read_input(path, path, MAX_BYTES)
        source = load_source(data, path)
    except InputError as error:
        return "failed", (error.path, error.reason)
    try:
        report = check_document(
            source, rules=rules, year=year, fail_on=fail_on, overlay=overlay
        )
        result = annotated(data, source.text, report, author, initials)
    except Exception as error:  # a bug must not stop the batch
        return "failed", (path, f"生成批注失败（{type(error).__name__}）")
    return "done", (report.status, len(report.findings) + 1, result)


def _failed(job: tuple[str, Path], problem: str, timeout: float) -> tuple[str, tuple]:
    if problem == TIMEOUT:
        return "failed", (job[0], f"处理超时（超过 {timeout:g} 秒）")
    return "failed", (job[0], CRASHED)


def _write(target: Path, data: bytes) -> None:
    """Write next to the target, then rename: no half-written copy is left."""
    partial = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise Failed(str(target), f"无法写入（{error.strerror}）") from None


def _usage(message: str) -> None:
    click.echo(f"错误：{message}", err=True)
    sys.exit(EXIT_ERROR)


def _exit_code(statuses: list[Status]) -> int:
    if Status.ERROR in statuses:
        return EXIT_ERROR
    return EXIT_FAIL if Status.FAIL in statuses else EXIT_OK
