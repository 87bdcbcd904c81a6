"""Template placeholders left in the report (DOMAIN §6).

XX、××、【】、（此处填写…）, and a blank date: 年 月 日, 2022年 月 日.

Options:
  patterns: regular expressions for placeholders.

Examples: the rules' cases, tests/cases/<area>/<rule>.yaml (explain shows them).
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks.context import Context
from checker.checks.hit import Hit
from checker.checks.option import ListOf, Regex

NODES = ("document",)
OPTIONS = {
    "patterns": ListOf(
        [
            r"[XxＸｘ]{2,}",
            r"[×＊*]{2,}",
            r"【\s*】|\[\s*\]",
            r"[（(]此处[^）)\n]*[）)]",
            # A blank date: 年 月 日 with nothing (or only spaces) for month and day,
            # year filled in or not. It starts with a literal, so re skips ahead fast.
            r"年[ \t\u3000]*月[ \t\u3000]*日",
        ],
        Regex(""),
    ),
}
ARGS = {"placeholder": "占位符"}


def check(ctx: Context, nodes: list, options: dict) -> Iterator[Hit]:
    # One scan of the whole text per pattern; website chrome is skipped afterwards.
    for pattern in options["patterns"]:
        for found in pattern.finditer(ctx.text):
            if ctx.in_report(found.start()):
                text = found.group().strip()
                yield Hit(found.start(), text, {"placeholder": text})
