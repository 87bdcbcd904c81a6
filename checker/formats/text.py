"""``text``: one report for a person: header, checklist, findings, verdict.

What a drafter reads after checking one file. Unreadable inputs are reported
on stderr by the command, so they write nothing here.
"""

from __future__ import annotations

from tabulate import tabulate

from checker.checks.option import SEVERITIES
from checker.engine import Finding, ItemStatus, LineUnit, Report, Status
from checker.engine.related import Passage
from checker.formats.base import Writer
from checker.formats.labels import (
    FOLLOWED,
    REQUIRED,
    SEVERITY,
    STATUS,
    UNIT,
    VERDICT,
    place,
    places,
)
from checker.formats.summary import Summary, summary_lines
from checker.source.printable import escape_controls


class TextWriter(Writer):
    def begin(self) -> None:
        self._count = 0

    def document(self, report: Report) -> None:
        if report.status is Status.ERROR:  # the command reports it on stderr
            return
        if self._count:
            self.out.write("\n")
        text = escape_controls(render_report(report))  # before colour's escapes
        self.out.write(paint(text) if self.color else text)
        self._count += 1

    def end(self, summary: Summary) -> None:
        if self._count > 1:
            self.out.write(
                "\n"
                + "\n".join(summary_lines(summary, self.rule_names(summary)))
                + "\n"
            )


#: ANSI colours of the severity words on a terminal (``check --color``).
COLOURS = {"error": "31", "warning": "33", "info": "36"}


def paint(text: str) -> str:
    """The severity words of rendered findings (``[错误]``) in colour."""
    for severity, code in COLOURS.items():
        word = SEVERITY[severity]
        text = text.replace(f"[{word}]", f"[\033[{code}m{word}\033[0m]")
    return text


def render_report(report: Report) -> str:
    """The checklist table and the findings of one report, in Chinese."""
    if report.status is Status.ERROR:
        return f"{report.path}：错误：{report.error}\n"
    parts = [
        _header(report),
        _checklist(report.checklist, report.line_unit),
        _findings(report),
        _waived(report),
        _similar(report),
        _history(report),
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
            at = place(found.line, None, unit, found.paragraph, found.page)
            where = f"{at} {found.path} {found.text}"
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
    for group in _groups(report.findings):
        f = group[0]
        if len(group) == 1:
            at = place(f.line, f.column, report.line_unit, f.paragraph, f.page, f.cell)
            where = f"{at} {f.section}".rstrip()
        else:
            where = _places(group, report.line_unit)
        lines.append(f"  {where}  [{SEVERITY[f.severity]}] {f.message}  ({f.rule})")
        if len({g.text for g in group}) > 1:
            lines.append(f"      原文（首处）：{f.text}")
        elif f.text:
            lines.append(f"      原文：{f.text}")
        elif f.quote and len(group) == 1:
            lines.append(f"      附近：{f.quote}")
        lines.append(f"      依据：{f.basis}")
        lines.append(f"      修改：{f.hint}")
    return "\n".join(lines)


def _waived(report: Report) -> str:
    """Findings an approved waiver covers: listed, so nothing is hidden."""
    if not report.waived:
        return ""
    lines = [f"已豁免 {len(report.waived)} 处（见豁免清单，不计入结论）："]
    for f in report.waived:
        at = place(f.line, f.column, report.line_unit, f.paragraph, f.page)
        lines.append(f"  {at}  [{SEVERITY[f.severity]}] {f.message}  ({f.rule})")
    return "\n".join(lines)


def _groups(findings: tuple[Finding, ...]) -> list[list[Finding]]:
    """Identical findings (same rule and message) as one entry, in the place of
    the first one: ten lost "（）" markers are one thing to fix."""
    groups: dict[tuple, list[Finding]] = {}
    for f in findings:
        key = (f.rule, f.severity, f.message, f.hint)
        groups.setdefault(key, []).append(f)
    return list(groups.values())


def _places(group: list[Finding], unit: LineUnit | None) -> str:
    if all(f.page for f in group):
        return places([f.page for f in group], "页")
    if all(f.paragraph for f in group):
        return places([f.paragraph for f in group], "段")
    return places([f.line for f in group], UNIT[unit])


def _similar(report: Report) -> str:
    """The batch's copies of this report and where they share text."""
    if not report.similar:
        return ""
    unit = UNIT[report.line_unit]
    lines = ["雷同（同批报告）："]
    for match in report.similar:
        how = "完全相同" if match.kind == "duplicate" else f"相同文字 {match.share:.0%}"
        lines.append(f"  {match.path}（{match.unit or '单位未识别'}）：{how}")
        lines.extend(_passage(p, unit, "对方") for p in match.passages)
    return "\n".join(lines)


def _history(report: Report) -> str:
    """This report against the unit's earlier one, and last year's plan items."""
    history = report.history
    if history is None:
        return ""
    unit = UNIT[report.line_unit]
    year = f"{history.year}年度" if history.year else "往年"
    lines = [f"上年对照：{year}报告 {history.path}，沿用文字 {history.share:.0%}"]
    lines.extend(_passage(p, unit, "上年") for p in history.passages)
    if history.plan:
        found = sum(item.found for item in history.plan)
        lines.append(f"  上年安排落实情况（{found}/{len(history.plan)} 项已报告）：")
        for item in history.plan:
            where = f"  第{item.line}{unit}：{item.excerpt}" if item.found else ""
            lines.append(f"    {FOLLOWED[item.found]}  {item.text}{where}")
    return "\n".join(lines)


def _passage(p: Passage, unit: str, other: str) -> str:
    here = (
        f"第{p.line}—{p.end_line}{unit}"
        if p.end_line != p.line
        else f"第{p.line}{unit}"
    )
    there = (
        f"第{p.other_line}—{p.other_end_line}{unit}"
        if p.other_end_line != p.other_line
        else f"第{p.other_line}{unit}"
    )
    return f"    {here} ↔ {other}{there}（{p.chars}字）：{p.excerpt}……"


def _verdict(report: Report) -> str:
    detail = "，".join(f"{SEVERITY[s]} {report.count(s)}" for s in SEVERITIES)
    return f"结论：{VERDICT[report.status]}（{detail}）"
