"""Checklist items that are missing, or present only in the body.

Reports one hit per listed item whose checklist status equals ``status``.
The checklist itself (checker.checks.checklist) decides present/partial/missing.

Options:
  items: checklist item ids to report on (measures, shortcomings,
         first-responsible, next-year-plan, other-matters).
  status: "missing" or "partial".

FAIL (status missing, items [first-responsible]):
  一、主要举措和成效 …… 二、存在的不足和原因 …… 三、下一年度工作安排 ……
  （通篇未写党政主要负责人履行第一责任人职责的情况）
PASS:
  二、党政主要负责人履行推进法治建设第一责任人职责情况
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks.context import Context
from checker.checks.hit import Hit
from checker.checks.option import OneOf

NODES = ("document",)
OPTIONS = {"status": OneOf("missing", "missing", "partial")}
ARGS = {"item": "清单项名称", "id": "清单项编号", "where": "提及之处所在部分"}


def check(ctx: Context, nodes: list, options: dict) -> Iterator[Hit]:
    for result in ctx.checklist:
        if result.id not in ctx.expected or result.status != options["status"]:
            continue
        if result.offset is None:
            offset, text = ctx.start_offset(), ""
        else:
            offset, text = result.offset, result.text
        where = ""  # a missing item is nowhere; a partial one is in a part
        if result.line:
            where = f"“{result.path}”部分" if result.path else "导语"
        yield Hit(offset, text, {"item": result.name, "id": result.id, "where": where})
