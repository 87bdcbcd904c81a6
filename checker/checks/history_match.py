"""Text carried over from the same unit's earlier report (``--previous``).

Not run on a single document: ``fazhi-check check --previous`` matches each
report to the same unit's earlier report (by canonical unit name) and renders
this rule when most of this year's text is last year's (after masking years and
numbers, which a copied report changes).

Options:
  (none)

FAIL (this year against last year):
  2023年：……（2022年报告的句子，年份和数字改过）
PASS:
  2023年：a report written anew
"""

from __future__ import annotations

from checker.checks.hit import no_hits

#: Run by checker.batch against earlier reports, never by the engine alone.
BATCH = True
NODES: tuple[str, ...] = ()
OPTIONS: dict = {}
ARGS = {
    "previous": "上一年度报告的文件名",
    "previous_year": "上一年度报告的年度",
    "share": "沿用文字所占比例（百分数）",
    "passages": "最长的沿用段落及其位置",
}


check = no_hits
