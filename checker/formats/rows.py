"""The rows a supervisor's scorecard is made of, as typed cells.

``csv``, ``csv-findings``, ``xlsx`` and ``html`` show the same columns: one row
per report (unit, year, pack, file, the five items, counts, verdict, the first
errors) and one row per finding (unit, file, where, rule and its name, level,
text, message, basis, hint). Cells keep their types (years and counts are
ints); each writer decides how to show them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Union

from checker.checks.items import ITEMS
from checker.engine import Finding, Report, Status
from checker.formats.labels import SCORE, SEVERITY, VERDICT, position

Cell = Union[str, int, None]  # noqa: UP007 (a runtime alias on Python 3.10)
#: Rule id -> its Chinese summary, for one report's pack.
RuleName = Callable[[Report, str], str]

REPORT_HEADERS = (
    "单位",
    "年度",
    "规则包",
    "文件",
    "格式",
    *(item.label for item in ITEMS),
    "错误",
    "警告",
    "提示",
    "结论",
    "主要问题",
)
#: Where the five item columns start in a report row.
ITEM_COLUMN = REPORT_HEADERS.index(ITEMS[0].label)
FINDING_HEADERS = (
    "单位",
    "文件",
    "位置",
    "规则",
    "规则名称",
    "级别",
    "原文",
    "说明",
    "依据",
    "修改建议",
)
MAIN_PROBLEMS = 3


def report_row(report: Report) -> list[Cell]:
    """One report's scorecard row; an unreadable one shows its reason."""
    ruleset = report.ruleset.id if report.ruleset else None
    head: list[Cell] = [report.unit, report.meta.year, ruleset, report.path]
    if report.status is Status.ERROR:
        blanks: list[Cell] = [None] * (len(ITEMS) + 3)
        return [*head, report.format, *blanks, VERDICT[report.status], report.error]
    marks = {item.id: SCORE[item.status] for item in report.checklist}
    return [
        *head,
        report.format,
        *(marks.get(item.id) for item in ITEMS),
        report.count("error"),
        report.count("warning"),
        report.count("info"),
        VERDICT[report.status],
        main_problems(report),
    ]


def main_problems(report: Report) -> str:
    """The first errors' messages, what a supervisor reads before opening it."""
    errors = [f.message for f in report.findings if f.severity == "error"]
    return "；".join(list(dict.fromkeys(errors))[:MAIN_PROBLEMS])  # each once


def where(report: Report, finding: Finding) -> str:
    """Section path and line: "一、/（二） 第18行", "第7段第1列", "全文"."""
    at = position(finding.line, finding.column, report.line_unit)
    return f"{finding.section} {at}" if finding.section else at


def finding_row(report: Report, finding: Finding, rule_name: RuleName) -> list[Cell]:
    return [
        report.unit,
        report.path,
        where(report, finding),
        finding.rule,
        rule_name(report, finding.rule),
        SEVERITY[finding.severity],
        finding.text,
        finding.message,
        finding.basis,
        finding.hint,
    ]
