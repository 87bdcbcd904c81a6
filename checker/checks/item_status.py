"""Checklist items that are missing, or present only in the body.

Reports one hit per item the pack requires or recommends (its
``required_items`` and ``recommended_items``) whose checklist status equals
``status``. The checklist (checker.checks.checklist) decides the statuses.

Options:
  status: "missing" or "partial".

Examples: the rules' cases, tests/cases/<area>/<rule>.yaml (explain shows them).
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
