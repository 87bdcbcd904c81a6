"""The 落款: the issuing unit's name after the text (GB/T 9704-2012).

A report ends with the unit that issues it (发文机关署名) and the 成文日期
under it. Web copies often drop both, so the packs report a missing one as
information; a drafter's own file should have it.

Options:
  (none)

FAIL:
  ……切实抓好落实。
  特此报告。
PASS:
  ……切实抓好落实。
  特此报告。
  某镇人民政府
  2024年1月20日
PASS (unit and date on one line; a joint report signs with several units):
  某镇人民政府　　2024年1月20日
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks.context import Context
from checker.checks.hit import Hit

NODES = ("signature",)
DEFAULTS: dict[str, object] = {}


def check(ctx: Context, nodes: list, options: dict) -> Iterator[Hit]:
    if nodes:
        return
    yield Hit(ctx.end_offset(), "")
