"""Template placeholders left in the report (DOMAIN §6).

XX、××、【】、（此处填写…）, and a blank date 年 月 日.

Options:
  patterns: regular expressions for placeholders.

FAIL:
  XX镇人民政府  ×× 年 月 日
PASS:
  小王庄镇人民政府  2024年1月20日
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.checks.context import Context
from checker.finding import Hit

NODES = ("document",)
DEFAULTS: dict[str, object] = {
    "patterns": [
        r"[XxＸｘ]{2,}",
        r"[×＊*]{2,}",
        r"【\s*】|\[\s*\]",
        r"[（(]此处[^）)\n]*[）)]",
        r"(?<![0-9０-９〇零一二三四五六七八九十])年\s+月\s+日|(?<![0-9０-９〇零一二三四五六七八九十\s])\s*年月日",
    ],
}


def check(ctx: Context, nodes: list, options: dict) -> Iterator[Hit]:
    patterns = [re.compile(p) for p in options["patterns"]]
    for node in ctx.report_nodes():
        for pattern in patterns:
            for found in pattern.finditer(ctx.text, node.start, node.head_end):
                yield Hit(
                    found.start(),
                    found.group().strip(),
                    {"placeholder": found.group().strip()},
                )
