"""Batch counters: what the summary of a run says, kept without the reports.

The command feeds every finished report to :meth:`Summary.add` and then drops
it, so memory does not grow with the batch.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from checker.checks.items import BY_ID, ITEM_IDS
from checker.checks.option import SEVERITIES
from checker.engine import Report, Status
from checker.formats.labels import SEVERITY

STATUSES = ("present", "partial", "missing")
COPIES = ("duplicate", "similar", "carried_over")
CARRIED_OVER = "history/carried-over"


@dataclass(slots=True)
class Summary:
    """Counts over a batch; deterministic whatever order reports arrive in."""

    reports: Counter[Status] = field(default_factory=Counter)
    findings: Counter[str] = field(default_factory=Counter)
    checklist: dict[str, Counter[str]] = field(default_factory=dict)
    rules: Counter[str] = field(default_factory=Counter)
    #: The rule packs the reports were checked with (their rules' names).
    rulesets: set[str] = field(default_factory=set)
    #: Reports with a byte-identical twin, with a near copy, carrying last
    #: year's text over (batch/*, history/carried-over); empty when not compared.
    copies: Counter[str] = field(default_factory=Counter)

    def add(self, report: Report) -> None:
        kinds = {match.kind for match in report.similar}
        self.copies.update(kinds if "duplicate" not in kinds else {"duplicate"})
        if any(f.rule == CARRIED_OVER for f in report.findings):
            self.copies["carried_over"] += 1
        self.reports[report.status] += 1
        if report.ruleset is not None:
            self.rulesets.add(report.ruleset.id)
        for item in report.checklist:
            self.checklist.setdefault(item.id, Counter())[item.status] += 1
        for finding in report.findings:
            self.findings[finding.severity] += 1
        self.rules.update({finding.rule for finding in report.findings})

    @property
    def total(self) -> int:
        return sum(self.reports.values())

    def count(self, status: Status) -> int:
        return self.reports[status]

    def to_dict(self) -> dict[str, Any]:
        """The JSON ``summary`` object (the schema's keys, in its order)."""
        known = [item for item in ITEM_IDS if item in self.checklist]
        return {
            "total": self.total,
            "pass": self.reports[Status.PASS],
            "fail": self.reports[Status.FAIL],
            "error": self.reports[Status.ERROR],
            "findings": {level: self.findings[level] for level in SEVERITIES},
            "checklist": {
                item: {status: self.checklist[item][status] for status in STATUSES}
                for item in known
            },
            "rules": {rule: self.rules[rule] for rule in sorted(self.rules)},
            **({"copies": self._copies()} if self.copies else {}),
        }

    def _copies(self) -> dict[str, int]:
        return {kind: self.copies[kind] for kind in COPIES}


def summary_lines(
    summary: Summary, rule_names: Mapping[str, str] | None = None
) -> list[str]:
    """The Chinese summary printed after the rows of text and table reports;
    ``rule_names`` (rule id -> its summary) names each rule in Chinese too."""
    names = rule_names or {}
    found = summary.findings
    lines = [
        f"共 {summary.total} 份报告：通过 {summary.count(Status.PASS)} 份，"
        f"不通过 {summary.count(Status.FAIL)} 份，"
        f"无法检查 {summary.count(Status.ERROR)} 份。",
        "问题共计："
        + "，".join(f"{SEVERITY[level]} {found[level]} 个" for level in SEVERITIES)
        + "。",
    ]
    items = [item for item in ITEM_IDS if item in summary.checklist]
    if items:
        lines.append("清单项（具备 / 部分 / 缺少，份数）：")
        for item in items:
            counts = summary.checklist[item]
            marks = " / ".join(str(counts[status]) for status in STATUSES)
            lines.append(f"  {BY_ID[item].label}：{marks}")
    if summary.copies:
        copies = summary.copies
        lines.append(
            f"雷同：与同批报告完全相同 {copies['duplicate']} 份，"
            f"大部分文字相同 {copies['similar']} 份；"
            f"大部分沿用上年报告 {copies['carried_over']} 份。"
        )
    if summary.rules:
        lines.append("触发的规则（涉及报告份数）：")
        lines.extend(
            f"  {rule}{f'（{names[rule]}）' if rule in names else ''}："
            f"{summary.rules[rule]} 份"
            for rule in sorted(summary.rules)
        )
    return lines
