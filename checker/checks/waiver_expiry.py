"""Expired waivers: an approved exception whose last day has passed.

A rule of this type is not run on a single document: ``fazhi-check check
--waivers FILE`` applies the waiver file to each finished report
(checker.engine.waiver) and renders this rule's message for each expired
waiver that would have waived one of the report's findings. Those findings
are reported again, beside this one.

Options:
  (none; the waivers are ``check --waivers`` or ``waivers`` in fazhi.toml)

FAIL:
  a waiver of content/thin-section for 南城街道, until 2024-06-30, checked
  in 2025 on a report of 南城街道 with a thin section
PASS:
  the same waiver, until a day still to come
"""

from __future__ import annotations

from checker.checks.hit import no_hits

#: Applied over finished reports, never by the single-document engine.
BATCH = True
NODES: tuple[str, ...] = ()
OPTIONS: dict = {}
ARGS = {
    "until": "豁免的最后一天（YYYY-MM-DD）",
    "waived_rule": "豁免的规则",
    "approved_by": "批准人",
    "reason": "豁免理由",
    "waiver": "豁免清单中的位置（文件:行）",
}


check = no_hits
