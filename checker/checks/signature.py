"""The 落款: the issuing unit's name after the text (GB/T 9704-2012).

A report ends with the unit that issues it (发文机关署名) and the 成文日期
under it. Web copies often drop both, so the packs report a missing one as
information; a drafter's own file should have it.

Options:
  (none)

Examples: the rules' cases, tests/cases/<area>/<rule>.yaml (explain shows them).
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks.context import Context
from checker.checks.hit import Hit

NODES = ("signature",)
OPTIONS: dict = {}
ARGS: dict = {}


def check(ctx: Context, nodes: list, options: dict) -> Iterator[Hit]:
    if nodes:
        return
    yield Hit(ctx.end_offset(), "")
