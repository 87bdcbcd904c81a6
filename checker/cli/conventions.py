"""``check``'s everyday conventions: quiet, colour, stdin's name, more patterns.

What users expect of a linter's command line (ruff, eslint): a quiet mode
for scripts, colour only on a terminal and never against ``NO_COLOR``
(no-color.org; ``--color always`` overrides it), a name for text piped in,
and a way to add a file pattern without restating the defaults.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import click

from checker.cli.flags import Choice
from checker.engine.report import Status

_OPTIONS = (
    click.option(
        "-q",
        "--quiet",
        is_flag=True,
        help="不显示进度条和提示（错误仍然显示）",
    ),
    click.option(
        "--color",
        "color",
        type=Choice(["auto", "always", "never"]),
        default="auto",
        show_default=True,
        help="text 输出中的级别是否着色（auto：终端且未设置 NO_COLOR 时）",
    ),
    click.option(
        "--stdin-filename",
        metavar="NAME",
        default=None,
        help="从标准输入（-）读取的报告使用的文件名",
    ),
    click.option(
        "--extend-include",
        multiple=True,
        metavar="GLOB",
        help="在默认（或 --include 给出的）文件类型之外再检查这些文件（可重复）",
    ),
)


def convention_options(command: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(_OPTIONS):
        command = option(command)
    return command


def use_color(choice: str, terminal: bool) -> bool:
    """Colour for ``--color``: always, never, or on a terminal without NO_COLOR."""
    if choice == "auto":
        return terminal and not os.environ.get("NO_COLOR")
    return choice == "always"


def written(output: str, summary: Any) -> str:
    """The line that ends a run with ``-o``: where the report went, the totals."""
    counts = "，".join(
        f"{label} {summary.count(status)}"
        for label, status in (
            ("通过", Status.PASS),
            ("不通过", Status.FAIL),
            ("无法检查", Status.ERROR),
        )
    )
    return f"已写入 {output}：共 {summary.total} 份（{counts}）"
