"""Batch counters: what the summary of a run says, kept without the documents.

The command feeds every finished document to :meth:`Summary.add` and then drops
it, so memory does not grow with the batch.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from checker.checks.hit import SEVERITIES
from checker.checks.items import ITEMS as _ITEM_NAMES
from checker.checks.items import LABELS as ITEM_LABELS

ITEMS = tuple(_ITEM_NAMES)  # checklist items in the order the regulation lists them
STATUSES = ("present", "partial", "missing")


@dataclass(slots=True)
class Summary:
    """Counts over a batch; deterministic whatever order documents arrive in."""

    documents: Counter[str] = field(default_factory=Counter)
    findings: Counter[str] = field(default_factory=Counter)
    checklist: dict[str, Counter[str]] = field(default_factory=dict)
    rules: Counter[str] = field(default_factory=Counter)

    def add(self, doc: dict[str, Any]) -> None:
        self.documents[doc["status"]] += 1
        for item in doc.get("checklist") or ():
            self.checklist.setdefault(item["id"], Counter())[item["status"]] += 1
        seen: set[str] = set()
        for finding in doc.get("findings") or ():
            self.findings[finding["severity"]] += 1
            seen.add(finding["rule"])
        self.rules.update(seen)

    @property
    def total(self) -> int:
        return sum(self.documents.values())

    def to_dict(self) -> dict[str, Any]:
        known = [item for item in ITEMS if item in self.checklist]
        extra = sorted(set(self.checklist) - set(ITEMS))
        return {
            "total": self.total,
            "pass": self.documents["pass"],
            "fail": self.documents["fail"],
            "error": self.documents["error"],
            "findings": {level: self.findings[level] for level in SEVERITIES},
            "checklist": {
                item: {status: self.checklist[item][status] for status in STATUSES}
                for item in known + extra
            },
            "rules": {rule: self.rules[rule] for rule in sorted(self.rules)},
        }


def summary_lines(summary: Summary) -> list[str]:
    """The Chinese summary printed after the rows of text and table reports."""
    data = summary.to_dict()
    found = data["findings"]
    lines = [
        f"共 {data['total']} 份报告：通过 {data['pass']} 份，不通过 {data['fail']} 份，"
        f"无法检查 {data['error']} 份。",
        f"问题共计：错误 {found['error']} 个，警告 {found['warning']} 个，"
        f"提示 {found['info']} 个。",
    ]
    if data["checklist"]:
        lines.append("清单项（具备 / 部分 / 缺少，份数）：")
        for item, counts in data["checklist"].items():
            label = ITEM_LABELS.get(item, item)
            marks = " / ".join(str(counts[status]) for status in STATUSES)
            lines.append(f"  {label}：{marks}")
    if data["rules"]:
        lines.append("触发的规则（涉及报告份数）：")
        lines.extend(f"  {rule}：{count} 份" for rule, count in data["rules"].items())
    return lines
