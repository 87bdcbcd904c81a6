"""成文日期 written in the standard form: 2022年1月21日 (GB/T 9704-2012).

Arabic numerals, the full year, month and day without zero padding. Not
20181219, 2018.12.19, 2018-12-19, 2018年01月05日, 18年, 二〇一八年十二月十九日.

Options:
  pattern: regular expression the date must match in full.

FAIL:
  20181219
PASS:
  2018年12月19日
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.checks.context import Context, visible
from checker.finding import Hit

NODES = ("date",)
DEFAULTS: dict[str, object] = {"pattern": r"(?:19|20)\d\d年[1-9]\d?月[1-9]\d?日"}


def check(ctx: Context, nodes: list, options: dict) -> Iterator[Hit]:
    for node in nodes:
        written = node.title.strip()
        if re.fullmatch(options["pattern"], written.replace(" ", "")):
            continue
        iso = ctx.doc.meta.date if node.title == ctx.doc.meta.date_text else None
        suggestion = _standard(iso) if iso else "YYYY年M月D日"
        yield Hit(visible(ctx.text, node.start), written,
                  {"date": written, "suggestion": suggestion})


def _standard(iso: str) -> str:
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{year}年{month}月{day}日"
