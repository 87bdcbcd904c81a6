"""Headings nested deeper than the four levels of GB/T 9704-2012 §7.3.3.

Any section nested deeper than ``max_depth`` headings. The usual fifth level
is ① inside a （1） item: the tree nests it there as level 5 (directly under
1. a ① stands in for （1） and is the fourth level).

Options:
  max_depth: the deepest nesting of headings allowed.

Examples: the rules' cases, tests/cases/<area>/<rule>.yaml (explain shows them).
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks.context import Context
from checker.checks.hit import Hit
from checker.checks.option import Integer
from checker.parse.tree import Node

NODES = ("document",)
OPTIONS = {"max_depth": Integer(4, 1, 10)}
ARGS = {"marker": "序号", "depth": "所在层次", "max": "最多层次"}


def check(ctx: Context, nodes: list, options: dict) -> Iterator[Hit]:
    for root in nodes:
        yield from _walk(root, 0, options["max_depth"])


def _walk(node: Node, depth: int, limit: int) -> Iterator[Hit]:
    for child in node.children:
        if child.kind == "section" and child.marker:
            if depth + 1 > limit:
                yield Hit(
                    child.marker.start,
                    child.marker.text,
                    {"marker": child.marker.text, "depth": depth + 1, "max": limit},
                )
            yield from _walk(child, depth + 1, limit)
