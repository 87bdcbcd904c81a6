"""``fazhi-check history UNIT --store DB``: one unit's record over the years."""

from __future__ import annotations

import os
import sys

import click
from tabulate import tabulate

from checker.checks.items import ITEMS
from checker.cli.common import EXIT_ERROR
from checker.formats.labels import MARK


@click.command()
@click.argument("unit")
@click.option(
    "--store",
    metavar="DB",
    required=True,
    help="结果库（check --store 写入的 SQLite 文件）",
)
def history(unit: str, store: str) -> None:
    """列出一个单位历年报告的检查结果（单位名称按规范化后匹配，如“南城街道办事处”与“南城街道”）。"""
    from checker.batch.store import Store, StoreError, is_store

    if not os.path.isfile(store) or not is_store(store):
        click.echo(f"错误：{store}：不是结果库文件", err=True)
        sys.exit(EXIT_ERROR)
    try:
        with Store(store) as opened:
            records = opened.history(unit)
    except StoreError as error:
        click.echo(f"错误：{error}", err=True)
        sys.exit(EXIT_ERROR)
    if not records:
        click.echo(f"结果库中没有“{unit}”的报告", err=True)
        sys.exit(EXIT_ERROR)
    headers = ["年度", "文件", "单位", *(i.label for i in ITEMS), "错误", "警告"]
    headers += ["雷同", "上年延续", "结论", "记录时间"]
    rows = [
        [
            record.year or "未识别",
            record.path,
            record.unit or "",
            *(MARK.get(record.checklist.get(i.id, ""), "") for i in ITEMS),
            record.errors,
            record.warnings,
            f"{record.similar}份" if record.similar else "",
            f"{record.carried_over:.0%}" if record.carried_over is not None else "",
            _VERDICT.get(record.status, record.status),
            record.recorded,
        ]
        for record in records
    ]
    click.echo(f"单位：{unit}（{len(records)} 份报告）")
    click.echo(
        tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True)
    )


_VERDICT = {"pass": "通过", "fail": "不通过"}
