"""A shortcomings section that lists problems but gives no causes (督察工作规定 2019).

The regulation asks for 存在的不足和原因; evaluators criticise 不足 without 原因
(DOMAIN §6). Looks for cause words in the section's body (not its heading, which
often says 原因 while the body gives none).

Options:
  keywords: regular expression for wording that gives causes.

Examples: the rules' cases, tests/cases/<area>/<rule>.yaml (explain shows them).
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks.context import Context, visible
from checker.checks.hit import Hit
from checker.checks.option import Regex

NODES = ("document",)
OPTIONS = {
    "keywords": Regex(r"原因|由于|因为|导致|造成|根源|究其|归因|在于|缘于|源于|主要是"),
}
ARGS = {"heading": "该部分标题"}


def check(ctx: Context, nodes: list, options: dict) -> Iterator[Hit]:
    item = ctx.item("shortcomings")
    if item is None or item.status != "present" or item.node is None:
        return
    node = item.node
    body = ctx.doc.folded[node.head_end : node.end]  # 由於 reads as 由于
    if not options["keywords"].search(body):
        yield Hit(visible(ctx.text, node.start), node.text, {"heading": node.text})
