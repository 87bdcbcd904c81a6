"""Flag values checked before any work starts: one Chinese line and exit 2.

click's own range types answer in English after a usage block, and a float
range lets ``inf`` and ``nan`` through (``nan`` compares false with every
bound, which disabled the timeout and spun the CPU). These types accept only
what the batch can honour.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import IO, Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

#: Worker processes at most. Each costs ~40 MB and four file descriptors, and
#: beyond the CPU count more workers only add switching; 64 also stays far
#: below a default limit of 1,024 open files. The default is min(CPUs, 64).
MAX_JOBS = 64
#: Seconds per file at most (one hour): longer is a hang, not a slow report.
MAX_TIMEOUT = 3600.0
#: Report years the packs and the deadline checks make sense for.
YEARS = (2000, 2100)


class FlagError(click.UsageError):
    """A bad flag value: shown as one line ``错误：…``, exit code 2."""

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"错误：{self.format_message()}", err=True)


class _Checked(click.ParamType):
    def fail_zh(self, param: click.Parameter | None, value: Any, rule: str) -> None:
        flag = param.opts[-1] if param and param.opts else self.name
        raise FlagError(f"{flag} {rule}（收到“{value}”）")


class Jobs(_Checked):
    name = "N"

    def convert(self, value: Any, param: Any, ctx: Any) -> int:
        text = str(value).strip()
        if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= MAX_JOBS:
            self.fail_zh(param, value, f"须为 1 到 {MAX_JOBS} 的整数")
        return int(text)


class Seconds(_Checked):
    name = "秒"

    def convert(self, value: Any, param: Any, ctx: Any) -> float:
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            seconds = math.nan
        if not (math.isfinite(seconds) and 0 < seconds <= MAX_TIMEOUT):
            self.fail_zh(param, value, f"须为大于 0、不超过 {MAX_TIMEOUT:g} 的秒数")
        return seconds


class Year(_Checked):
    name = "年份"

    def convert(self, value: Any, param: Any, ctx: Any) -> int:
        text = str(value).strip()
        low, high = YEARS
        if not text.isascii() or not text.isdigit() or not low <= int(text) <= high:
            self.fail_zh(param, value, f"须为 {low} 到 {high} 的年份")
        return int(text)


class Choice(click.Choice):
    """click's Choice, answering in one Chinese line."""

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        if value in self.choices:
            return value
        flag = param.opts[-1] if param and param.opts else "选项"
        allowed = "、".join(map(str, self.choices))
        raise FlagError(f"{flag} 须为 {allowed} 之一（收到“{value}”）")


def timeout_option(what: str = "单个文件检查时限") -> Callable[[F], F]:
    """``--timeout SECONDS`` as every command that reads reports takes it."""
    return click.option(
        "--timeout",
        type=Seconds(),
        default=60.0,
        show_default=True,
        help=f"{what}（秒，至多 {MAX_TIMEOUT:g}）",
    )


def jobs_option() -> Callable[[F], F]:
    """``-j/--jobs N``: worker processes, capped."""
    return click.option(
        "-j",
        "--jobs",
        type=Jobs(),
        default=None,
        help=f"并行进程数，1—{MAX_JOBS}（默认：CPU 核数，至多 {MAX_JOBS}）",
    )
