"""Dated or published later than allowed (纲要 2015 / 督察工作规定 2019, DOMAIN §3).

The report on year Y must be published before 4月1日 of Y+1; the document
itself is due in the first quarter. Both limits are options ("MM-DD" in Y+1).

Options:
  published_by: last allowed publication day in the following year.
  dated_by: last allowed 成文日期 in the following year.

Examples: the rules' cases, tests/cases/<area>/<rule>.yaml (explain shows them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.checks.context import Context, visible
from checker.checks.hit import Hit
from checker.checks.option import MonthDay

NODES = ("date", "chrome")
OPTIONS = {"published_by": MonthDay("03-31"), "dated_by": MonthDay("03-31")}
ARGS = {"label": "成文日期或发布日期", "date": "日期", "deadline": "期限"}


def check(ctx: Context, nodes: list, options: dict) -> Iterator[Hit]:
    meta, year = ctx.doc.meta, ctx.year
    if year is None:
        return
    checks = (
        ("成文日期", meta.date, options["dated_by"], "date"),
        ("发布日期", meta.published, options["published_by"], "chrome"),
    )
    for label, value, limit, kind in checks:
        deadline = f"{year + 1}-{limit}"
        if value and value > deadline:
            offset, text = _where(ctx, nodes, kind, value)
            yield Hit(
                offset, text, {"label": label, "date": value, "deadline": _cn(deadline)}
            )


def _where(ctx: Context, nodes: list, kind: str, value: str) -> tuple[int, str]:
    year = value[:4]
    for node in nodes:
        own = ctx.text[node.start : node.head_end]
        if node.kind == kind and year in own:
            found = re.search(
                r"(?:发布日期|发布时间|更新时间)?[:：]?\s*" + year + r"\S*", own
            )
            start = node.start + (found.start() if found else 0)
            return visible(ctx.text, start), (found.group() if found else own.strip())
    return ctx.start_offset(), value


def _cn(iso: str) -> str:
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{year}年{month}月{day}日"
