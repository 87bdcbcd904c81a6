"""One numbering level written two ways in one document (GB/T 9704-2012 §7.3.3).

Per level, the most common marker style is taken as the document's own; every
marker in another style is reported, and so is a marker that mixes bracket
widths within itself (``(一）``). Half-width brackets used consistently are
what websites produce; they are reported only when ``strict`` is true.
Markers that lost their numeral or full stop are left to their own rules.

Options:
  strict: also report consistent half-width brackets ``(一)``.

Examples: the rules' cases, tests/cases/<area>/<rule>.yaml (explain shows them).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from checker.checks.context import Context
from checker.checks.hit import Hit
from checker.checks.option import Flag

NODES = ("section",)
OPTIONS = {"strict": Flag(False)}
ARGS = {"marker": "序号", "problem": "问题说明"}
_OWN_RULES = {"missing-numeral", "missing-punctuation"}


def check(ctx: Context, nodes: list, options: dict) -> Iterator[Hit]:
    markers = [n.marker for n in nodes if n.marker and n.marker.level]
    markers = [m for m in markers if not _OWN_RULES & set(m.defects)]
    styles: dict[int, Counter] = {}
    for marker in markers:
        styles.setdefault(marker.level, Counter())[marker.style] += 1
    for marker in markers:
        main = styles[marker.level].most_common(1)[0][0]
        if "mixed-bracket" in marker.defects:
            problem = "括号全角半角混用"
        elif marker.style != main:
            problem = (
                f"与本文同级序号“{main.replace('N', _sample(marker.level))}”写法不一"
            )
        elif options["strict"] and "half-width-bracket" in marker.defects:
            problem = "使用了半角括号，应为全角“（）”"
        else:
            continue
        yield Hit(
            marker.start, marker.text, {"marker": marker.text, "problem": problem}
        )


def _sample(level: int) -> str:
    return {1: "一", 2: "一", 3: "1", 4: "1"}[level]
