"""``fazhi-check rules`` and ``fazhi-check explain RULE_ID``."""

from __future__ import annotations

import re
import sys

import click
from tabulate import tabulate

from checker.checks import CHECKS
from checker.checks.hit import SEVERITY_LABELS
from checker.cli.common import EXIT_ERROR
from checker.engine.check import load_pack
from checker.engine.pack import Pack, PackError, Rule

_DEFAULT_PACK = "fazhi-2019"
_pack_option = click.option(
    "--rules",
    "pack_name",
    metavar="NAME|PATH",
    default=_DEFAULT_PACK,
    show_default=True,
    help="规则包名称或 YAML 文件路径",
)


@click.command("rules")
@_pack_option
def rules_command(pack_name: str) -> None:
    """列出规则包中的规则（编号、级别、检查类型、说明）。"""
    pack = _load(pack_name)
    rows = [[r.id, SEVERITY_LABELS[r.severity], r.check, r.summary] for r in pack.rules]
    click.echo(f"规则包：{pack.id}（{pack.name}）\n依据：{pack.basis}\n")
    click.echo(
        tabulate(rows, headers=["规则", "级别", "检查类型", "说明"], tablefmt="simple")
    )


@click.command()
@click.argument("rule_id")
@_pack_option
def explain(rule_id: str, pack_name: str) -> None:
    """解释一条规则：检查什么、依据、不合规与合规示例、如何修改。"""
    pack = _load(pack_name)
    rule = pack.rule(rule_id)
    if rule is None:
        known = "、".join(r.id for r in pack.rules)
        click.echo(
            f"错误：规则包 {pack.id} 中没有规则“{rule_id}”（可用：{known}）", err=True
        )
        sys.exit(EXIT_ERROR)
    click.echo(explain_text(rule, pack))


def explain_text(rule: Rule, pack: Pack) -> str:
    doc = CHECKS[rule.check].__doc__ or ""
    failing, passing = examples(doc, rule)
    lines = [
        f"规则：{rule.id}（规则包 {pack.id}，级别：{SEVERITY_LABELS[rule.severity]}）",
        f"检查内容：{rule.summary}",
        f"依据：{rule.basis}",
        f"检查类型：{rule.check}（选项：{_options(rule)}）",
        "",
        "不合规示例：",
        *("  " + line for line in failing),
        "合规示例：",
        *("  " + line for line in passing),
        "",
        f"如何修改：{re.sub(r'{[a-z_]+}', '……', rule.hint)}",
    ]
    return "\n".join(lines)


def examples(doc: str, rule: Rule) -> tuple[list[str], list[str]]:
    """The FAIL and PASS blocks of a check's docstring that fit this rule."""
    blocks: list[tuple[str, list[str]]] = []
    for line in doc.splitlines():
        if line.startswith(("FAIL", "PASS")):
            blocks.append((line, []))
        elif blocks and line.startswith("  ") and line.strip():
            blocks[-1][1].append(line.strip())
        elif blocks and not line.strip():
            blocks.append(("", []))
    wanted = [
        str(v)
        for value in rule.options.values()
        for v in (value if isinstance(value, list) else [value])
    ]
    fails = [i for i, (head, _) in enumerate(blocks) if head.startswith("FAIL")]
    chosen = next(
        (i for i in fails if any(_names(w, blocks[i][0]) for w in wanted)),
        fails[0] if fails else None,
    )
    if chosen is None:
        return ["（无）"], ["（无）"]
    passing = next(
        (body for head, body in blocks[chosen + 1 :] if head.startswith("PASS")),
        ["（无）"],
    )
    return blocks[chosen][1], passing


def _names(word: str, head: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", head) is not None


def _options(rule: Rule) -> str:
    if not rule.options:
        return "无"
    return "，".join(f"{k}={v}" for k, v in rule.options.items())


def _load(name: str) -> Pack:
    try:
        return load_pack(name)
    except PackError as error:
        click.echo(f"错误：{error}", err=True)
        sys.exit(EXIT_ERROR)
