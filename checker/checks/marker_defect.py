"""Numbering markers written wrongly (GB/T 9704-2012 §7.3.3).

Reports every heading or enumeration marker carrying one of ``defects``, as
classified by checker.parse.numbering: ``punctuation`` (``1、`` ``（一）、`` ``一.``),
``missing-punctuation`` (``2加强``), ``missing-numeral`` (``（）``),
``digit-numeral`` (``一〇、``: ten spelt digit by digit, as Word's chineseCounting
list format prints it).

Options:
  defects: list of marker defects to report.

Examples: the rules' cases, tests/cases/<area>/<rule>.yaml (explain shows them).
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks.context import Context
from checker.checks.hit import Hit
from checker.checks.option import ListOf, OneOf
from checker.parse.numbering import DEFECTS

NODES = ("section", "enum")
OPTIONS = {"defects": ListOf(["punctuation"], OneOf("punctuation", *DEFECTS))}
ARGS = {"marker": "序号", "style": "序号写法"}


def check(ctx: Context, nodes: list, options: dict) -> Iterator[Hit]:
    for node in nodes:
        marker = node.marker
        if marker is None:
            continue
        for defect in marker.defects:
            if defect in options["defects"]:
                line_end = ctx.text.find("\n", marker.start)
                stop = min(
                    marker.end + 12, line_end if line_end >= 0 else len(ctx.text)
                )
                yield Hit(
                    marker.start,
                    ctx.text[marker.start : stop].rstrip(),
                    {"marker": marker.text, "style": marker.style},
                )
