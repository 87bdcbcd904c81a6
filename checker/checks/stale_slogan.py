"""The 2015-era goal 廉洁高效、守法诚信 in a report on a later period (DOMAIN §6).

The 2021-2025 纲要 describes the goal as 智能高效、廉洁诚信; copying the old
slogan marks a report pasted from an old template.

Options:
  slogan: the outdated wording.
  current: the wording that replaced it.
  from_year: first report year in which the slogan is outdated.

Examples: the rules' cases, tests/cases/<area>/<rule>.yaml (explain shows them).
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks.context import Context
from checker.checks.hit import Hit
from checker.checks.option import Integer, Text

NODES = ("document",)
OPTIONS = {
    "slogan": Text("廉洁高效、守法诚信"),
    "current": Text("智能高效、廉洁诚信"),
    "from_year": Integer(2021, 2000, 2100),
}
ARGS = {"slogan": "旧提法", "current": "现行提法"}


def check(ctx: Context, nodes: list, options: dict) -> Iterator[Hit]:
    if ctx.year is None or ctx.year < options["from_year"]:
        return
    slogan = options["slogan"]
    start = ctx.doc.folded.find(slogan)
    while start >= 0:
        if ctx.in_report(start):
            yield Hit(start, slogan, {"slogan": slogan, "current": options["current"]})
        start = ctx.doc.folded.find(slogan, start + len(slogan))
