"""The report's title: present, and naming the subject, the genre and the year.

The canonical name is 《XX年度法治政府建设情况报告》 (DOMAIN §1); evaluators
criticise a wrong report name (依法行政工作情况) and a missing year.

Options:
  must_contain: words the title must contain.
  require_year: the title must name the year (e.g. 2021年).

Examples: the rules' cases, tests/cases/<area>/<rule>.yaml (explain shows them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.checks.context import Context, visible
from checker.checks.hit import Hit
from checker.checks.items import fold
from checker.checks.option import Flag, ListOf, Text

NODES = ("title",)
OPTIONS = {
    "must_contain": ListOf(["法治政府建设", "报告"], Text("报告"), empty=True),
    "require_year": Flag(True),
}
ARGS = {"problem": "问题说明"}


def check(ctx: Context, nodes: list, options: dict) -> Iterator[Hit]:
    title = ctx.doc.meta.title
    if not nodes or not title:
        yield Hit(ctx.start_offset(), "", {"problem": "缺少标题"})
        return
    lacking = [w for w in options["must_contain"] if w not in fold(title)]
    if options["require_year"] and not re.search(r"(?:19|20)\d\d", title):
        lacking.append("年度")
    if lacking:
        problem = "标题未写明" + "、".join(f"“{w}”" for w in lacking)
        yield Hit(visible(ctx.text, nodes[0].start), title, {"problem": problem})
