"""``html``: one self-contained page a supervisor opens offline or prints.

The scorecard (one row per report, sortable by any column, filterable), the
coverage of each checklist item as an inline SVG chart, and per report a
``<details>`` section with its checklist and findings. No external asset: the
style and a small script are inline (:mod:`checker.formats.html_assets`).
Everything taken from a report is escaped.

Rows stream as reports arrive; the details sections wait in a temporary file
(memory stays flat) and follow the table, and the overview with the chart,
written last because it needs the totals, is shown first (CSS ``order``).
"""

from __future__ import annotations

import shutil
import tempfile
from html import escape

from checker.checks.items import BY_ID, ITEM_IDS, ITEMS
from checker.engine import Report, Status
from checker.formats.base import Writer
from checker.formats.html_assets import SCRIPT, STYLE
from checker.formats.labels import REQUIRED, SCORE, STATUS, UNIT, VERDICT
from checker.formats.rows import (
    FINDING_HEADERS,
    ITEM_COLUMN,
    REPORT_HEADERS,
    Cell,
    finding_row,
    report_row,
)
from checker.formats.summary import STATUSES, Summary, summary_lines

TITLE = "法治政府建设年度报告检查汇总"
NUMERIC = {"年度", "错误", "警告", "提示", *(item.label for item in ITEMS)}
#: Sort keys of item marks: present first when ascending.
RANK = {"present": 0, "partial": 1, "missing": 2}
STAT_WORDS = {"present": "具备", "partial": "部分", "missing": "缺少"}
COLOURS = {"present": "#63be7b", "partial": "#ffd966", "missing": "#f8696b"}


def _e(value: Cell) -> str:
    return escape("" if value is None else str(value))


class HtmlWriter(Writer):
    def begin(self) -> None:
        self._count = 0
        self._details = tempfile.TemporaryFile("w+", encoding="utf-8")
        heads = "".join(
            f'<th data-type="{"num" if h in NUMERIC else "text"}">{escape(h)}</th>'
            for h in REPORT_HEADERS
        )
        self.out.write(
            f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{TITLE}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
            f'<section id="scorecard-section">\n<h2>汇总表</h2>\n<div class="controls">'
            '<input id="filter" type="search" placeholder="筛选：单位、文件、问题……">'
            '<select id="verdict"><option value="">全部结论</option>'
            + "".join(
                f'<option value="{s.value}">{VERDICT[s]}</option>' for s in Status
            )
            + '</select><span>显示 <b id="shown">0</b> 份</span></div>\n'
            f'<table id="scorecard">\n<thead><tr>{heads}</tr></thead>\n<tbody>\n'
        )

    def document(self, report: Report) -> None:
        self._count += 1
        self.out.write(_row(report, self._count))
        self._details.write(self._report_details(report, self._count))

    def end(self, summary: Summary) -> None:
        self.out.write("</tbody>\n</table>\n</section>\n")
        self.out.write('<section id="details">\n<h2>各报告详情</h2>\n')
        self._details.seek(0)
        shutil.copyfileobj(self._details, self.out)
        self._details.close()
        self.out.write("</section>\n")
        self.out.write(_overview(summary, self.rule_names(summary)))
        self.out.write(
            f"</main>\n<script>{SCRIPT}document.getElementById('shown')"
            f".textContent = {self._count};\n</script>\n</body>\n</html>\n"
        )

    def _report_details(self, report: Report, n: int) -> str:
        unit = report.unit or "（未识别单位）"
        head = f"{unit}　{report.path}　{VERDICT[report.status]}"
        parts = [f'<details id="r{n}">\n<summary>{escape(head)}</summary>\n']
        if report.status is Status.ERROR:
            parts.append(f'<p class="error">无法检查：{_e(report.error)}</p>\n')
        else:
            parts.append(_meta(report) + _checklist(report) + self._findings(report))
        return "".join(parts) + "</details>\n"

    def _findings(self, report: Report) -> str:
        if not report.findings:
            return "<p>未发现问题。</p>\n"
        rows = "".join(
            "<tr>" + "".join(f"<td>{_e(c)}</td>" for c in cells) + "</tr>\n"
            for cells in (
                finding_row(report, f, self.rule_name)[2:] for f in report.findings
            )
        )
        heads = "".join(f"<th>{h}</th>" for h in FINDING_HEADERS[2:])
        return f'<table class="findings"><tr>{heads}</tr>\n{rows}</table>\n'


def _row(report: Report, n: int) -> str:
    cells = report_row(report)
    marks = {item.id: item.status for item in report.checklist}
    out = []
    for column, (header, value) in enumerate(zip(REPORT_HEADERS, cells, strict=True)):
        text = _e(value)
        if header == "文件":
            text = f'<a href="#r{n}">{text}</a>'
        if ITEM_COLUMN <= column < ITEM_COLUMN + len(ITEMS):
            status = marks.get(ITEMS[column - ITEM_COLUMN].id)
            key = RANK[status] if status else ""
            out.append(f'<td class="{status or ""}" data-v="{key}">{text}</td>')
        elif header in NUMERIC:
            out.append(f'<td class="num" data-v="{text}">{text}</td>')
        elif header == "结论":
            out.append(f'<td class="{report.status.value}">{text}</td>')
        else:
            out.append(f"<td>{text}</td>")
    return f'<tr data-status="{report.status.value}">{"".join(out)}</tr>\n'


def _meta(report: Report) -> str:
    meta, ruleset = report.meta, report.ruleset
    fields = [
        ("标题", meta.title),
        ("单位", report.unit),
        ("单位（原文）", meta.unit),
        ("年度", meta.year),
        ("成文日期", meta.date),
        ("发布日期", meta.published),
        ("规则包", f"{ruleset.id}（依据：{ruleset.basis}）" if ruleset else None),
    ]
    items = "".join(
        f"<li>{name}：{_e(value) if value else '（无）'}</li>" for name, value in fields
    )
    return f"<ul>{items}</ul>\n"


def _checklist(report: Report) -> str:
    rows = []
    for item in report.checklist:
        where = ""
        if item.evidence:
            found = item.evidence
            where = f"第{found.line}{UNIT[report.line_unit]} {found.path} {found.text}"
            where += f"（{found.note}）" if found.note else ""
        rows.append(
            f"<tr><td>{escape(item.name)}</td>"
            f'<td class="{item.status}">{STATUS[item.status]}</td>'
            f"<td>{REQUIRED[item.required]}</td><td>{escape(where.strip())}</td></tr>\n"
        )
    head = "<tr><th>内容</th><th>状态</th><th>要求</th><th>位置与依据</th></tr>\n"
    return f'<table class="checklist">{head}{"".join(rows)}</table>\n'


def _overview(summary: Summary, names: dict[str, str]) -> str:
    lines = summary_lines(summary, names)
    counts = "".join(f"<p>{escape(line)}</p>" for line in lines[:2])
    more = escape("\n".join(lines[2:]))
    return (
        f'<section id="overview">\n<h1>{TITLE}</h1>\n{counts}{_chart(summary)}'
        f"<details><summary>清单项与规则统计</summary><pre>{more}</pre></details>\n"
        "</section>\n"
    )


def _chart(summary: Summary) -> str:
    """Stacked bars, one per item: share of reports with it present/partial/missing."""
    items = [item for item in ITEM_IDS if item in summary.checklist]
    if not items:
        return ""
    left, width, height = 110, 520, 26
    bars = []
    for row, item in enumerate(items):
        counts = summary.checklist[item]
        total = sum(counts[s] for s in STATUSES) or 1
        y, x = 30 + row * height, float(left)
        bars.append(f'<text x="0" y="{y + 16}">{escape(BY_ID[item].label)}</text>')
        for status in STATUSES:
            share = counts[status] / total
            w = share * width
            if w:
                tip = f"{STAT_WORDS[status]} {counts[status]} 份（{share:.0%}）"
                bars.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{height - 6}" '
                    f'fill="{COLOURS[status]}"><title>{tip}</title></rect>'
                )
            x += w
        present = counts["present"] / total
        bars.append(f'<text x="{left + width + 8}" y="{y + 16}">{present:.0%}</text>')
    legend = "".join(
        f'<rect x="{left + n * 90}" y="4" width="14" height="14" fill="{COLOURS[s]}"/>'
        f'<text x="{left + n * 90 + 18}" y="16">{SCORE[s]}</text>'
        for n, s in enumerate(STATUSES)
    )
    size = f'width="{left + width + 60}" height="{40 + len(items) * height}"'
    return (
        f'<h2>各清单项具备情况（报告份数占比）</h2>\n<svg id="coverage" {size} '
        f'role="img" xmlns="http://www.w3.org/2000/svg">{legend}{"".join(bars)}</svg>\n'
    )
