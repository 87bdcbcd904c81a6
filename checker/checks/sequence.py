"""Heading numbers that jump, repeat or run backwards at one level.

Children restart at 1 under each parent (GB/T 9704-2012 §7.3.3). At the levels
in ``run_on_levels`` a report may instead continue the numbers across parents
(（一）1. 2.（二）3. 4.); either habit is accepted, but a document that uses both
gets one hit at the first place where the habit changes. Markers that lost
their numeral (（）) are left to numbering/missing-numeral.

Options:
  run_on_levels: levels at which numbers may run on across parents.

Examples: the rules' cases, tests/cases/<area>/<rule>.yaml (explain shows them).
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks.context import Context
from checker.checks.hit import Hit
from checker.checks.option import Integer, ListOf
from checker.parse.tree import Node

NODES = ("document", "section")
OPTIONS = {"run_on_levels": ListOf([3], Integer(3, 1, 5), empty=True)}
ARGS = {"marker": "序号", "problem": "问题说明"}


def check(ctx: Context, nodes: list, options: dict) -> Iterator[Hit]:
    last: dict[int, int] = {}  # level -> last number seen anywhere
    habit: dict[int, str] = {}  # level -> "restart" | "run-on"
    for parent in nodes:
        groups: dict[int, list[Node]] = {}
        for child in parent.children:
            if child.kind == "section" and child.marker and child.marker.number:
                groups.setdefault(child.level, []).append(child)
        for level, children in groups.items():
            yield from _group(ctx, level, children, last, habit, options)


def _group(ctx, level, children, last, habit, options) -> Iterator[Hit]:
    expected = 1
    first = children[0].marker.number
    if level in options["run_on_levels"] and level in last and first != 1:
        if first == last[level] + 1:
            expected = first
            yield from _habit(ctx, level, "run-on", children[0], habit)
    elif level in options["run_on_levels"] and level in last:
        yield from _habit(ctx, level, "restart", children[0], habit)
    for child in children:
        number = child.marker.number
        if number != expected:
            kind = (
                "重复"
                if number < expected and number == expected - 1
                else ("倒序" if number < expected else "跳号")
            )
            yield Hit(
                child.marker.start,
                _line(ctx, child),
                {
                    "marker": child.marker.text,
                    "problem": f"{kind}：此处应为第{expected}项",
                },
            )
        expected = number + 1
        last[level] = number


def _habit(ctx, level, kind, node, habit) -> Iterator[Hit]:
    previous = habit.setdefault(level, kind)
    if previous != kind:
        habit[level] = kind
        yield Hit(
            node.marker.start,
            _line(ctx, node),
            {
                "marker": node.marker.text,
                "problem": "处编号方式与前文不一（有的连续编号，有的重新编号）",
            },
        )


def _line(ctx: Context, node: Node) -> str:
    end = ctx.text.find("\n", node.start)
    return ctx.text[node.start : end if end >= 0 else len(ctx.text)].strip()[:30]
