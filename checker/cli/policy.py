"""``check``'s options that narrow or relax the pack for one run.

``--select``/``--ignore``/``--severity`` become the engine's
:class:`~checker.engine.Overlay`; ``--waivers`` and ``--baseline`` name files
read by :mod:`checker.cli.waivers`. Everything here is validated before any
input is read: a bad selector or level is one Chinese line and exit 2.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import click

from checker.cli.common import EXIT_ERROR
from checker.cli.flags import FlagError
from checker.engine.overlay import Overlay

#: The packs a run without --rules may use: the year decides between them, so
#: a selector must name a rule of at least one.
YEARLY_PACKS = ("fazhi-2019", "fazhi-2015")

_OPTIONS = (
    click.option(
        "--select",
        multiple=True,
        metavar="RULE,...",
        help="只检查这些规则（规则编号、领域如 numbering，或 ALL；可重复或用逗号分隔）",
    ),
    click.option(
        "--ignore",
        multiple=True,
        metavar="RULE,...",
        help="不检查这些规则（同 --select 的写法）",
    ),
    click.option(
        "--severity",
        "severity",
        multiple=True,
        metavar="RULE=LEVEL",
        help="改变规则的级别（error、warning、info；可重复）",
    ),
    click.option(
        "--waivers",
        metavar="FILE",
        default=None,
        help="豁免清单（TOML）：经批准、有期限地不报告某些问题",
    ),
    click.option(
        "--baseline",
        metavar="FILE",
        default=None,
        help="只显示基线文件中没有的（新出现的）问题",
    ),
    click.option(
        "--write-baseline",
        metavar="FILE",
        default=None,
        help="把本次的全部问题写入基线文件",
    ),
    click.option(
        "--config",
        "config",
        metavar="FILE",
        default=None,
        help="配置文件（默认从当前目录向上查找 fazhi.toml 或 pyproject.toml）",
    ),
    click.option("--no-config", is_flag=True, help="不读取任何配置文件"),
)


def policy_options(command: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(_OPTIONS):
        command = option(command)
    return command


def selection_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Only --select, --ignore and --severity (annotate: no baseline there)."""
    for option in reversed(_OPTIONS[:3]):
        command = option(command)
    return command


def split(values: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """``("numbering,meta/title", "content")`` -> each selector once, in order."""
    found: list[str] = []
    for value in values:
        for part in str(value).split(","):
            if part.strip() and part.strip() not in found:
                found.append(part.strip())
    return tuple(found)


def severities(values: tuple[str, ...] | list[str]) -> tuple[tuple[str, str], ...]:
    """``("meta/title=warning",)`` -> ``(("meta/title", "warning"),)``."""
    pairs = []
    for value in split(values):
        rule, equals, level = value.partition("=")
        if not equals or not rule.strip() or not level.strip():
            raise FlagError(f"--severity 应写作 规则=级别（收到“{value}”）")
        pairs.append((rule.strip(), level.strip()))
    return tuple(pairs)


def build_overlay(
    select: tuple[str, ...], ignore: tuple[str, ...], levels: tuple[str, ...]
) -> Overlay | None:
    """The overlay of the flags, or None when they change nothing."""
    overlay = Overlay(split(select), split(ignore), severities(levels))
    return overlay or None


def validate(overlay: Overlay | None, rules: str | None) -> None:
    """Raise FlagError unless every selector names a rule of a pack in use.

    Without ``--rules`` the report year picks the pack, so a selector must
    name a rule of one of the yearly packs; with ``--rules``, of that pack.
    """
    from checker.engine.check import load_pack
    from checker.engine.pack import PackError

    if overlay is None:
        return
    errors = []
    for name in (rules,) if rules else YEARLY_PACKS:
        try:
            load_pack(name, overlay)
            return
        except PackError as error:
            errors.append(str(error))
    raise FlagError(errors[0])


def overlay_or_exit(
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    severity: tuple[str, ...],
    rules: str | None,
) -> Overlay | None:
    """The flags' overlay, checked; a bad one is one line and exit 2."""
    try:
        overlay = build_overlay(select, ignore, severity)
        validate(overlay, rules)
    except FlagError as error:
        click.echo(f"错误：{error.format_message()}", err=True)
        sys.exit(EXIT_ERROR)
    return overlay
