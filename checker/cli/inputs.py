"""What a command checks: paths walked, packets expanded, stdin read, refusals.

Everything here happens before any report is read, so every mistake in it is
one Chinese line and exit 2, or a one-line notice of what was left out.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

import click

from checker.batch import Item, discover, expand
from checker.batch.discover import display_name
from checker.cli.common import EXIT_ERROR, read_stdin
from checker.cli.flags import MAX_JOBS
from checker.cli.output import input_named_as_output


def gather(
    paths: Sequence[str],
    patterns: Sequence[str],
    exclude: Sequence[str],
    *,
    quiet: bool = False,
    output: str | None = None,
    stdin_filename: str | None = None,
) -> list[Item]:
    """The inputs, in order: files as given, folders walked, .zip packets as
    the reports inside them, ``-`` as stdin's bytes (named ``stdin_filename``)."""
    skipped: list[str] = []
    names = discover(paths, patterns, exclude, skipped)
    found = expand(names, patterns, exclude, skipped)  # .zip: its reports
    if skipped and not quiet:
        click.echo(skipped_notice(skipped), err=True)
    if not names:
        click.echo("错误：没有找到要检查的文件", err=True)
        sys.exit(EXIT_ERROR)
    if output and (clash := input_named_as_output(output, names)):
        click.echo(f"错误：{display_name(clash)}：是输入文件，不能用作 -o", err=True)
        sys.exit(EXIT_ERROR)
    return [
        (stdin_filename or "<stdin>", read_stdin()) if n == "-" else n for n in found
    ]


def skipped_notice(skipped: list[str]) -> str:
    """One line on stderr: files in the directories that were not checked."""
    shown = "、".join(map(display_name, skipped[:3])) + (
        "等" if len(skipped) > 3 else ""
    )
    return (
        f"提示：跳过 {len(skipped)} 个不是报告格式的文件（{shown}）；"
        "要检查它们请用 --include"
    )


def cores() -> int:
    """The CPUs this process may use (a container or taskset may allow fewer
    than the machine has, and more workers than CPUs only add switching)."""
    if hasattr(os, "sched_getaffinity"):
        return min(len(os.sched_getaffinity(0)) or 1, MAX_JOBS)
    return min(os.cpu_count() or 1, MAX_JOBS)


def validate_pack(rules: str | None) -> None:
    """A bad --rules is a usage error: one line, exit 2, before any file is read."""
    from checker.engine import PackError, load_pack

    if not rules:
        return
    try:
        load_pack(rules)
    except PackError as error:
        click.echo(f"错误：{error}", err=True)
        sys.exit(EXIT_ERROR)
