"""``fazhi-check rules`` and ``fazhi-check explain RULE_ID``."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable

import click
from tabulate import tabulate

from checker.checks import CHECKS
from checker.cli.common import EXIT_ERROR
from checker.engine import (
    Finding,
    LineUnit,
    Pack,
    PackError,
    Rule,
    check_document,
    load_pack,
    pack_names,
)
from checker.engine.example import BatchCase, Case, batch_cases_of, first_examples
from checker.formats.labels import SEVERITY, position
from checker.source import Source

_DEFAULT_PACK = "fazhi-2019"


def _pack_option(default: str | None = _DEFAULT_PACK, help: str = "") -> Callable:
    return click.option(
        "--rules",
        "pack_name",
        metavar="NAME|PATH",
        default=default,
        show_default=default is not None,
        help=help or "规则包名称或 YAML 文件路径",
    )


@click.command("rules")
@_pack_option(
    None,
    "规则包名称或 YAML 文件路径（默认：text 为 fazhi-2019，json 为全部内置规则包）",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="输出格式；json 为规则目录（每个规则包的规则、级别、依据、参数和示例）",
)
def rules_command(pack_name: str | None, fmt: str) -> None:
    """列出规则包中的规则（编号、级别、检查类型、说明）。"""
    if fmt == "json":
        from checker import __version__
        from checker.formats.catalogue import catalogue

        names = [pack_name] if pack_name else pack_names()
        tool = {"name": "fazhi-checker", "version": __version__}
        data = catalogue([_load(name) for name in names], tool)
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    pack = _load(pack_name or _DEFAULT_PACK)
    rows = [[r.id, SEVERITY[r.severity], r.check, r.summary] for r in pack.rules]
    click.echo(f"规则包：{pack.id}（{pack.name}）\n依据：{pack.basis}\n")
    click.echo(
        tabulate(rows, headers=["规则", "级别", "检查类型", "说明"], tablefmt="simple")
    )


@click.command()
@click.argument("rule_id")
@_pack_option()
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
    """What the rule checks, why, its first failing and passing case, the fix."""
    if getattr(CHECKS[rule.check], "BATCH", False):
        bad, arrows, good, hint = _batch_example(rule, pack)
    else:
        failing, passing = first_examples(rule.id)
        shown = _run(failing, rule, pack) if failing else []
        hint = shown[0].hint if shown else rule.describe(rule.hint)
        bad, good = _example(failing), _example(passing)
        arrows = [f"  → {_finding_line(f)}" for f in shown]
    lines = [
        f"规则：{rule.id}（规则包 {pack.id}，级别：{SEVERITY[rule.severity]}）",
        f"检查内容：{rule.summary}",
        f"依据：{rule.basis}",
        f"检查类型：{rule.check}；选项：{_options(rule)}",
        "",
        "不合规示例：",
        *bad,
        *arrows,
        "合规示例：",
        *good,
        "",
        f"如何修改：{hint}",
        *([f"不能发现：{rule.limits}"] if rule.limits else []),
    ]
    return "\n".join(lines)


def _example(case: Case | None) -> list[str]:
    if case is None:
        return ["  （无）"]
    return ["  " + line for line in case.text.rstrip("\n").splitlines()]


def _batch_example(
    rule: Rule, pack: Pack
) -> tuple[list[str], list[str], list[str], str]:
    """A rule that compares reports: its first failing and passing batch case,
    each document shown by name and first lines, run as ``check`` runs it."""
    from checker.batch.related import in_process

    cases = batch_cases_of(rule.id)
    failing = next((c for c in cases if c.failing), None)
    passing = next((c for c in cases if not c.failing), None)
    shown: list[tuple[str, Finding]] = []
    if failing:
        reports = in_process(failing.documents, failing.previous)
        if failing.waivers:  # config/expired-waiver: applied as check applies it
            from checker.engine.waiver import waive

            today = dt.date.today()
            reports = [waive(r, failing.waivers, today) for r in reports]
        shown = [(r.path, f) for r in reports for f in r.findings if f.rule == rule.id]
    arrows = [f"  → {path}：{_finding_line(f)}" for path, f in shown]
    hint = shown[0][1].hint if shown else rule.describe(rule.hint)
    return _documents(failing), arrows, _documents(passing), hint


def _documents(case: BatchCase | None) -> list[str]:
    if case is None:
        return ["  （无）"]
    lines = []
    for label, docs in (("往年报告", case.previous), ("本批报告", case.documents)):
        for name, text in docs:
            head = text.strip().splitlines()
            lines.append(f"  【{label} {name}】")
            lines.extend(f"    {line}" for line in head[:4])
            lines.extend(["    ……"] if len(head) > 4 else [])
    return lines


def _run(case: Case, rule: Rule, pack: Pack) -> list[Finding]:
    """The case's findings of this rule under the pack being explained."""
    report = check_document(Source("例", case.text), rules=pack.path, year=case.year)
    return [f for f in report.findings if f.rule == rule.id]


def _finding_line(finding: Finding) -> str:
    where = position(finding.line, finding.column, LineUnit.LINE)
    return f"{where} [{SEVERITY[finding.severity]}] {finding.message}"


def _options(rule: Rule) -> str:
    kinds = CHECKS[rule.check].OPTIONS
    if not kinds:
        return "无"
    return "；".join(f"{k}＝{kinds[k].show(v)}" for k, v in rule.options.items())


def _load(name: str) -> Pack:
    try:
        return load_pack(name)
    except PackError as error:
        click.echo(f"错误：{error}", err=True)
        sys.exit(EXIT_ERROR)
