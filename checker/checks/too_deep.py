"""Headings nested deeper than the four levels of GB/T 9704-2012 §7.3.3.

The tree has four heading levels, so a fifth shows up as ① items following
（1） items under the same parent (① used as a level below （1）), or as
sections nested deeper than ``max_depth``.

Options:
  max_depth: the deepest nesting of headings allowed.

FAIL:
  一、… （一）… 1.… （1）… ①…（①在（1）之下，第五层）
PASS:
  一、… （一）… 1.… （1）…
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks.context import Context
from checker.finding import Hit
from checker.tree import Node

NODES = ("document",)
DEFAULTS: dict[str, object] = {"max_depth": 4}


def check(ctx: Context, nodes: list, options: dict) -> Iterator[Hit]:
    for root in nodes:
        yield from _walk(root, 0, options["max_depth"])


def _walk(node: Node, depth: int, limit: int) -> Iterator[Hit]:
    bracketed = False  # a （1） sibling seen: a following ① is a fifth level
    for child in node.children:
        if child.kind == "section" and child.marker:
            bracketed = bracketed or child.marker.kind == "L4"
            fifth = bracketed and child.marker.kind == "L4_CIRCLED"
            if fifth:
                yield Hit(
                    child.marker.start,
                    child.marker.text,
                    {"marker": child.marker.text, "depth": limit + 1, "max": limit},
                )
            elif depth + 1 > limit:
                yield Hit(
                    child.marker.start,
                    child.marker.text,
                    {"marker": child.marker.text, "depth": depth + 1, "max": limit},
                )
            yield from _walk(child, depth + 1, limit)
