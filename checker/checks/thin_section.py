"""A required item whose text is too short to say anything (DOMAIN §6: 泛化).

Counts the characters of the section body of each item the pack requires or
recommends, whitespace excluded.

Options:
  min_length: fewest characters a section body should have.

Examples: the rules' cases, tests/cases/<area>/<rule>.yaml (explain shows them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.checks.context import Context, visible
from checker.checks.hit import Hit
from checker.checks.option import Integer

NODES = ("document",)
OPTIONS = {"min_length": Integer(100, 0, 100_000)}
ARGS = {"item": "清单项名称", "length": "正文字数", "min": "最少字数"}


def check(ctx: Context, nodes: list, options: dict) -> Iterator[Hit]:
    for item in ctx.checklist:
        if item.id not in ctx.expected or item.status != "present" or not item.node:
            continue
        node = item.node
        length = len(re.sub(r"\s", "", ctx.text[node.head_end : node.end]))
        if length < options["min_length"]:
            yield Hit(
                visible(ctx.text, node.start),
                node.text,
                {"item": item.name, "length": length, "min": options["min_length"]},
            )
