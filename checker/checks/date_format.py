"""成文日期 written in the standard form: 2022年1月21日 (GB/T 9704-2012).

Arabic numerals, the full year, month and day without zero padding. Not
20181219, 2018.12.19, 2018-12-19, 2018年01月05日, 18年, 二〇一八年十二月十九日.

A date that does not exist (2024年2月30日, 2023年13月1日) is reported whatever
its form: the deadline rules cannot judge it.

A report with no 成文日期 at all is reported with ``missing_severity`` (web
copies often drop the date and signature, so this is informational by default).

Options:
  pattern: regular expression the date must match in full.
  missing_severity: severity when there is no date; "" to stay silent.

Examples: the rules' cases, tests/cases/<area>/<rule>.yaml (explain shows them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.checks.context import Context, visible
from checker.checks.hit import Hit
from checker.checks.option import Regex, Severity
from checker.parse.meta import parse_date

NODES = ("date",)
#: Year, month and day all written (20220230 counts): not a blank 年 月 日.
_NUMBERS = re.compile(r"\d{8}|\d+|[〇○零一二三四五六七八九十]+")
OPTIONS = {
    "pattern": Regex(r"(?:19|20)\d\d年[1-9]\d?月[1-9]\d?日"),
    "missing_severity": Severity("info", off=True),
}
ARGS = {"problem": "问题说明", "date": "原文日期", "suggestion": "规范写法"}


def check(ctx: Context, nodes: list, options: dict) -> Iterator[Hit]:
    if not nodes and options["missing_severity"]:
        problem = "缺少成文日期（落款处应写明成文日期）"
        yield Hit(
            ctx.end_offset(),
            "",
            {"problem": problem, "date": "", "suggestion": "YYYY年M月D日"},
            options["missing_severity"],
        )
    for node in nodes:
        written = node.text.strip()
        well_formed = options["pattern"].fullmatch(written.replace(" ", ""))
        iso = parse_date(written)
        if well_formed and iso:
            continue
        suggestion = _standard(iso) if iso else "YYYY年M月D日"
        if iso is None and _all_numbered(written):
            # 2024年2月30日: a date no calendar has; deadlines cannot be judged.
            problem = f"成文日期“{written}”不是有效日期，请核对年、月、日"
        else:
            problem = f"成文日期“{written}”格式不规范，应写作“{suggestion}”"
        yield Hit(
            visible(ctx.text, node.start),
            written,
            {"problem": problem, "date": written, "suggestion": suggestion},
        )


def _all_numbered(written: str) -> bool:
    numbers = _NUMBERS.findall(written)
    return len(numbers) >= 3 or any(len(n) == 8 for n in numbers)


def _standard(iso: str) -> str:
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{year}年{month}月{day}日"
