"""A report dated or published before the year it reports on has ended (DOMAIN §3).

One 2017 county report was posted on 2017-12-13: the year's work cannot have
been reported in full.

Options: none.

Examples: the rules' cases, tests/cases/<area>/<rule>.yaml (explain shows them).
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks.context import Context, visible
from checker.checks.hit import Hit

NODES = ("date",)
OPTIONS: dict = {}
ARGS = {"label": "成文日期或发布日期", "date": "日期", "year": "报告年度"}


def check(ctx: Context, nodes: list, options: dict) -> Iterator[Hit]:
    meta, year = ctx.doc.meta, ctx.year
    if year is None:
        return
    for label, value in (("成文日期", meta.date), ("发布日期", meta.published)):
        if value and value < f"{year + 1}-01-01":
            offset = (
                visible(ctx.text, nodes[0].start)
                if nodes and label == "成文日期"
                else ctx.start_offset()
            )
            yield Hit(offset, value, {"label": label, "date": value, "year": year})
