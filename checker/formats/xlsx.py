"""``xlsx``: the supervisor's scorecard workbook (Excel, WPS, LibreOffice).

Sheets: 汇总 (one row per report, in input order), 问题明细 (one row per
finding), 清单统计 (per item: reports with it present/partial/missing, with a
bar chart), 规则统计 (per rule: reports it fired in) and 无法检查 (unreadable
files and why). Cells are typed: counts and years are numbers, text is always
written as a string (never a formula, whatever it starts with).

XlsxWriter's ``constant_memory`` mode writes each row to a temporary file as
soon as the next row of the same sheet begins, so memory stays flat for
10,000 reports. Rows must then be written in order within each sheet, which
streaming gives: every sheet has its own cursor, and the statistics sheets are
written whole at the end from the batch counters.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from checker.checks.items import BY_ID, ITEM_IDS, ITEMS
from checker.engine import Report, Status
from checker.formats.base import Writer
from checker.formats.labels import SCORE
from checker.formats.rows import (
    FINDING_HEADERS,
    ITEM_COLUMN,
    REPORT_HEADERS,
    Cell,
    finding_row,
    report_row,
)
from checker.formats.summary import STATUSES, Summary

#: Column widths in Excel's units (a Chinese character is about two).
REPORT_WIDTHS = (24, 6, 11, 36, 6, *(10,) * len(ITEMS), 6, 6, 6, 9, 70)
FINDING_WIDTHS = (24, 30, 22, 28, 34, 6, 30, 50, 44, 56)
ERROR_HEADERS = ("文件", "原因")
STAT_LABELS = {"present": "具备", "partial": "部分", "missing": "缺少"}
#: Fill and font colours: Excel's own good / neutral / bad cell styles.
COLOURS = {
    SCORE["present"]: ("#C6EFCE", "#006100"),
    SCORE["partial"]: ("#FFEB9C", "#9C5700"),
    SCORE["missing"]: ("#FFC7CE", "#9C0006"),
}
CREATED = datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)
OPTIONS = {
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
}


def print_setup(page: Any) -> None:
    """Printed: A4 landscape, one page wide, the header row on every page."""
    page.set_paper(9)
    page.set_landscape()
    page.fit_to_pages(1, 0)
    page.repeat_rows(0)


class Sheet:
    """One worksheet written row after row: header, typed cells, autofilter."""

    def __init__(self, book: Any, name: str, headers: Sequence[str], widths) -> None:
        self.page = book.add_worksheet(name)
        self.headers = headers
        self.rows = 0
        self.header = book.add_format({"bold": True, "bg_color": "#D9E1F2"})
        for column, width in enumerate(widths):
            self.page.set_column(column, column, width)
        self.page.freeze_panes(1, 0)
        print_setup(self.page)

    def begin(self) -> None:
        for column, title in enumerate(self.headers):
            self.page.write_string(0, column, title, self.header)

    def write(self, cells: Sequence[Cell], styles: dict[int, Any] | None = None):
        self.rows += 1
        for column, cell in enumerate(cells):
            style = (styles or {}).get(column)
            if isinstance(cell, int):
                self.page.write_number(self.rows, column, cell, style)
            elif cell is not None:
                self.page.write_string(self.rows, column, str(cell), style)

    def finish(self) -> None:
        self.page.autofilter(0, 0, self.rows, len(self.headers) - 1)


class XlsxWriter(Writer):
    binary = True

    def begin(self) -> None:
        import xlsxwriter  # imported here: only this format needs it

        self.out.flush()
        self._book = book = xlsxwriter.Workbook(self.out.buffer, OPTIONS)
        # The same reports give the same bytes: no creation time in docProps.
        book.set_properties({"created": CREATED})
        self._marks = {
            mark: book.add_format({"bg_color": fill, "font_color": font})
            for mark, (fill, font) in COLOURS.items()
        }
        self._fail = book.add_format({"font_color": "#9C0006"})
        self._scorecard = Sheet(book, "汇总", REPORT_HEADERS, REPORT_WIDTHS)
        self._findings = Sheet(book, "问题明细", FINDING_HEADERS, FINDING_WIDTHS)
        self._items = book.add_worksheet("清单统计")
        self._rules = book.add_worksheet("规则统计")
        print_setup(self._items)
        print_setup(self._rules)
        self._errors = Sheet(book, "无法检查", ERROR_HEADERS, (50, 60))
        for sheet in (self._scorecard, self._findings, self._errors):
            sheet.begin()

    def document(self, report: Report) -> None:
        cells = report_row(report)
        self._scorecard.write(cells, self._styles(cells, report))
        for finding in report.findings:
            self._findings.write(finding_row(report, finding, self.rule_name))
        if report.status is Status.ERROR:
            self._errors.write([report.path, report.error])

    def _styles(self, cells: list[Cell], report: Report) -> dict[int, Any]:
        styles = {
            column: self._marks[cells[column]]
            for column in range(ITEM_COLUMN, ITEM_COLUMN + len(ITEMS))
            if cells[column] in self._marks
        }
        if report.status is not Status.PASS:
            styles[REPORT_HEADERS.index("结论")] = self._fail
        return styles

    def end(self, summary: Summary) -> None:
        for sheet in (self._scorecard, self._findings, self._errors):
            sheet.finish()
        percent = self._book.add_format({"num_format": "0.0%"})
        bold = self._book.add_format({"bold": True, "bg_color": "#D9E1F2"})
        checked = summary.total - summary.count(Status.ERROR)
        _item_stats(self._book, self._items, summary, checked, (bold, percent))
        names = self.rule_names(summary)
        _rule_stats(self._rules, summary, names, checked, (bold, percent))
        self._book.close()


def _share(count: int, total: int) -> float:
    return count / total if total else 0.0


def _item_stats(book: Any, page: Any, summary: Summary, checked: int, styles):
    """Per item: how many checked reports have it, in part, or not at all."""
    bold, percent = styles
    headers = ["清单项", "内容"]
    for status in STATUSES:
        headers += [f"{STAT_LABELS[status]}（份）", f"{STAT_LABELS[status]}占比"]
    for column, title in enumerate(headers):
        page.write_string(0, column, title, bold)
    page.set_column(0, 0, 12)
    page.set_column(1, 1, 30)
    page.set_column(2, len(headers) - 1, 11)
    items = [item for item in ITEM_IDS if item in summary.checklist]
    for row, item in enumerate(items, start=1):
        page.write_string(row, 0, BY_ID[item].label)
        page.write_string(row, 1, BY_ID[item].name)
        for n, status in enumerate(STATUSES):
            count = summary.checklist[item][status]
            page.write_number(row, 2 + 2 * n, count)
            page.write_number(row, 3 + 2 * n, _share(count, checked), percent)
    if items:
        page.insert_chart(len(items) + 2, 0, _coverage_chart(book, len(items)))


def _coverage_chart(book: Any, rows: int) -> Any:
    """A stacked bar per item: reports with it present, partial, missing."""
    chart = book.add_chart({"type": "bar", "subtype": "percent_stacked"})
    for n, status in enumerate(STATUSES):
        fill, _ = COLOURS[SCORE[status]]
        chart.add_series(
            {
                "name": STAT_LABELS[status],
                "categories": ["清单统计", 1, 0, rows, 0],
                "values": ["清单统计", 1, 2 + 2 * n, rows, 2 + 2 * n],
                "fill": {"color": fill},
                "border": {"color": "#808080"},
            }
        )
    chart.set_title({"name": "各清单项具备情况（报告份数占比）"})
    chart.set_y_axis({"reverse": True})
    chart.set_size({"width": 720, "height": 320})
    return chart


def _rule_stats(
    page: Any, summary: Summary, names: dict[str, str], checked: int, styles
) -> None:
    """Per rule, most frequent first: reports it fired in, and their share."""
    bold, percent = styles
    for column, title in enumerate(("规则", "规则名称", "涉及报告（份）", "占比")):
        page.write_string(0, column, title, bold)
    page.set_column(0, 0, 30)
    page.set_column(1, 1, 50)
    page.set_column(2, 3, 14)
    ranked = sorted(summary.rules.items(), key=lambda pair: (-pair[1], pair[0]))
    for row, (rule, count) in enumerate(ranked, start=1):
        page.write_string(row, 0, rule)
        page.write_string(row, 1, names.get(rule, ""))
        page.write_number(row, 2, count)
        page.write_number(row, 3, _share(count, checked), percent)
    page.autofilter(0, 0, len(ranked), 3)
    page.freeze_panes(1, 0)
