"""The next-year plan names a year other than report year + 1 (督察工作规定 2019).

The year is read from the plan's heading, else from its opening sentence.
A stale year usually means the plan was copied from an old report.

Options: none.

Examples: the rules' cases, tests/cases/<area>/<rule>.yaml (explain shows them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.checks.context import Context
from checker.checks.hit import Hit

NODES = ("document",)
OPTIONS: dict = {}
ARGS = {"named": "所写年份", "expected": "应写年份"}
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")


def check(ctx: Context, nodes: list, options: dict) -> Iterator[Hit]:
    plan = ctx.item("next-year-plan")
    if ctx.year is None or plan is None or plan.node is None:
        return
    node = plan.node
    found = _YEAR.search(ctx.text, node.start, node.head_end)
    if found is None:
        opening = next(
            (c for c in node.children if c.kind in ("paragraph", "enum")), None
        )
        if opening is not None:
            stop = ctx.text.find("。", opening.start, opening.head_end)
            found = _YEAR.search(
                ctx.text, opening.start, stop if stop > 0 else opening.head_end
            )
    if found and int(found.group(1)) != ctx.year + 1:
        yield Hit(
            found.start(),
            found.group(),
            {"named": found.group(1), "expected": ctx.year + 1},
        )
