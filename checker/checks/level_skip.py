"""A heading that skips a level: （1） directly under 一、 (GB/T 9704-2012 §7.3.3).

Skips listed in ``tolerated`` (as "PARENT-CHILD" levels) are reported with
``tolerated_severity`` instead of the rule's severity: 一、 → 1. is widely
accepted in practice (DOMAIN §4).

Options:
  tolerated: skips reported at the lower severity, e.g. ["1-3"].
  tolerated_severity: severity for tolerated skips (info/warning/error).

Examples: the rules' cases, tests/cases/<area>/<rule>.yaml (explain shows them).
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks.context import Context
from checker.checks.hit import Hit
from checker.checks.option import ListOf, OneOf, Severity

NODES = ("document", "section")
_SKIPS = [f"{p}-{c}" for p in range(5) for c in range(p + 2, 6)]
OPTIONS = {
    "tolerated": ListOf(["1-3"], OneOf("1-3", *_SKIPS), empty=True),
    "tolerated_severity": Severity("info"),
}
ARGS = {"marker": "序号", "parent": "上一级", "missing": "跳过的一级"}
_NAMES = {0: "正文", 1: "“一、”", 2: "“（一）”", 3: "“1.”", 4: "“（1）”"}


def check(ctx: Context, nodes: list, options: dict) -> Iterator[Hit]:
    for parent in nodes:
        parent_level = parent.level or 0
        for child in parent.children:
            if child.kind != "section" or not child.level:
                continue
            if child.level > parent_level + 1:
                key = f"{parent_level}-{child.level}"
                severity = (
                    options["tolerated_severity"]
                    if key in options["tolerated"]
                    else None
                )
                yield Hit(
                    child.marker.start,
                    child.marker.text,
                    {
                        "marker": child.marker.text,
                        "parent": _NAMES[parent_level],
                        "missing": _NAMES[parent_level + 1],
                    },
                    severity,
                )
