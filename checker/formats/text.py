"""``text``: one report for a person: header, checklist, findings, verdict.

What a drafter reads after checking one file. Unreadable inputs are reported
on stderr by the command, so they write nothing here.
"""

from __future__ import annotations

from tabulate import tabulate

from checker.checks.option import SEVERITIES
from checker.engine import ItemStatus, LineUnit, Report, Status
from checker.formats.base import Writer
from checker.formats.labels import REQUIRED, SEVERITY, STATUS, UNIT, VERDICT, position
from checker.formats.summary import Summary, summary_lines
from checker.formats.terminal import escape_controls


class TextWriter(Writer):
    def begin(self) -> None:
        self._count = 0

    def document(self, report: Report) -> None:
        if report.status is Status.ERROR:  # the command reports it on stderr
            return
        if self._count:
            self.out.write("\n")
        self.out.write(escape_controls(render_report(report)))
        self._count += 1

    def end(self, summary: Summary) -> None:
        if self._count > 1:
            self.out.write("\n" + "\n".join(summary_lines(summary)) + "\n")


def render_report(report: Report) -> str:
    """The checklist table and the findings of one report, in Chinese."""
    if report.status is Status.ERROR:
        return f"{report.path}：错误：{report.error}\n"
    parts = [
        _header(report),
        _checklist(report.checklist, report.line_unit),
        _findings(report),
        _verdict(report),
    ]
    return "\n\n".join(p for p in parts if p) + "\n"


def _header(report: Report) -> str:
    meta, ruleset = report.meta, report.ruleset
    rules = f"{ruleset.id}（依据：{ruleset.basis}）" if ruleset else "（无）"
    return "\n".join(
        [
            f"文件：{report.path}",
            f"标题：{meta.title or '（无）'}",
            f"年度：{meta.year or '（未识别）'}"
            f"　单位：{meta.unit or '（未识别）'}"
            f"　成文日期：{meta.date or '（无）'}"
            f"　发布日期：{meta.published or '（无）'}",
            f"规则包：{rules}",
        ]
    )


def _checklist(items: tuple[ItemStatus, ...], unit: LineUnit | None) -> str:
    rows = []
    for item in items:
        where = ""
        if item.evidence:
            found = item.evidence
            where = f"第{found.line}{UNIT[unit]} {found.path} {found.text}"
            if found.note:
                where += f"（{found.note}）"
        rows.append(
            [
                item.name,
                STATUS[item.status],
                REQUIRED[item.required],
                where.strip()[:60],
            ]
        )
    table = tabulate(
        rows, headers=["内容", "状态", "要求", "位置与依据"], tablefmt="simple"
    )
    return "检查清单：\n" + table


def _findings(report: Report) -> str:
    if not report.findings:
        return "未发现问题。"
    lines = [f"发现问题 {len(report.findings)} 处："]
    for f in report.findings:
        where = position(f.line, f.column, report.line_unit)
        lines.append(f"  {where}  [{SEVERITY[f.severity]}] {f.message}  ({f.rule})")
        if f.text:
            lines.append(f"      原文：{f.text}")
        lines.append(f"      依据：{f.basis}")
        lines.append(f"      修改：{f.hint}")
    return "\n".join(lines)


def _verdict(report: Report) -> str:
    detail = "，".join(f"{SEVERITY[s]} {report.count(s)}" for s in SEVERITIES)
    return f"结论：{VERDICT[report.status]}（{detail}）"
