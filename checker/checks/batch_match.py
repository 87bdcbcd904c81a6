"""Copies within a batch: byte-identical or near-identical submissions.

A rule of this type is not run on a single document: ``fazhi-check check``
compares every report of a batch with the others (checker.batch.similar) and
renders this rule's message for each pair it finds. Text is compared after
removing page chrome and masking unit names, years and numbers, sentence by
sentence; ``share`` is how much of this report's text the other one has too.

Options:
  (none; the threshold is ``check --similar-threshold``)

FAIL (two reports of one batch):
  南城街道：一、主要举措和成效 …… (the same sentences)
  北城街道：一、主要举措和成效 …… (the same sentences, names changed)
PASS:
  two reports written separately
"""

from __future__ import annotations

from checker.checks.hit import no_hits

#: Run by checker.batch over a whole batch, never by the single-document engine.
BATCH = True
NODES: tuple[str, ...] = ()
OPTIONS: dict = {}
ARGS = {
    "other": "另一份报告的文件名",
    "other_unit": "另一份报告的单位",
    "share": "相同文字所占比例（百分数）",
    "passages": "最长的相同段落及其位置",
}


check = no_hits
