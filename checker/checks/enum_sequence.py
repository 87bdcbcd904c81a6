"""一是、二是、三是 enumerations that jump or lose their 是 (DOMAIN §4).

Items of one parent must run 1, 2, 3; a new enumeration may start again at 一是.
An item that lost its 是 ("三加强协调配合" after "二是") breaks the sequence.

Options: none.

Examples: the rules' cases, tests/cases/<area>/<rule>.yaml (explain shows them).
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks.context import Context
from checker.checks.hit import Hit

NODES = ("document", "section", "paragraph", "preamble")
OPTIONS: dict = {}
ARGS = {"marker": "列举序号", "problem": "问题说明"}


def check(ctx: Context, nodes: list, options: dict) -> Iterator[Hit]:
    for parent in nodes:
        previous = 0
        for child in parent.children:
            if child.kind != "enum" or child.marker is None:
                continue
            marker, number = child.marker, child.marker.number or 0
            text = ctx.text[marker.start : marker.start + 12]
            if "missing-shi" in marker.defects:
                yield Hit(
                    marker.start,
                    text,
                    {
                        "marker": marker.text,
                        "problem": f"缺少“是”字（应为“{marker.text}是”）",
                    },
                )
            elif number not in (1, previous + 1):
                yield Hit(
                    marker.start,
                    text,
                    {
                        "marker": marker.text,
                        "problem": f"序号不连续（前一项为第{previous}项）",
                    },
                )
            previous = number
