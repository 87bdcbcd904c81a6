"""``csv`` and ``csv-findings``: spreadsheets a supervisor opens in Excel.

``csv`` is one row per report: file, unit, year, pack, one mark per checklist
item (✓ present, △ partial, ✗ missing), error, warning and info counts, and the
verdict. ``csv-findings`` is one row per finding (the columns of the xlsx
问题明细 sheet), so a supervisor can filter by rule or unit. Both stream.

File names and report text come from outside: a cell starting with = + - @,
a tab or a carriage return is a formula to Excel and LibreOffice (CSV
injection, OWASP), so it is written with a leading ' that shows it as text.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable

from checker.checks.items import ITEMS
from checker.engine import Report, Status
from checker.formats.base import Writer
from checker.formats.labels import MARK, VERDICT
from checker.formats.rows import FINDING_HEADERS, Cell, finding_row
from checker.formats.table import carried, copied

HEADERS = [
    "文件",
    "单位",
    "年度",
    "规则包",
    *(item.label for item in ITEMS),
    "错误",
    "警告",
    "提示",
    "雷同",
    "上年延续",
    "结论",
]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe(cell: Cell) -> str:
    """The cell as text that no spreadsheet evaluates."""
    text = "" if cell is None else str(cell)
    return "'" + text if text.startswith(_FORMULA_START) else text


def row(report: Report) -> list[Cell]:
    """The CSV row of one report; an unreadable one shows its reason."""
    ruleset = report.ruleset.id if report.ruleset else None
    head: list[Cell] = [report.path, report.unit, report.meta.year, ruleset]
    if report.status is Status.ERROR:
        blanks: list[Cell] = [None] * (len(ITEMS) + 5)
        return [*head, *blanks, f"{VERDICT[report.status]}：{report.error}"]
    marks = {item.id: MARK[item.status] for item in report.checklist}
    return [
        *head,
        *(marks.get(item.id, "") for item in ITEMS),
        report.count("error"),
        report.count("warning"),
        report.count("info"),
        copied(report),
        carried(report),
        VERDICT[report.status],
    ]


class CsvWriter(Writer):
    """UTF-8 with a BOM, CRLF line ends: what Excel opens without asking."""

    headers: Iterable[str] = HEADERS

    def begin(self) -> None:
        self.out.write("\ufeff")
        self._csv = csv.writer(self.out, lineterminator="\r\n")
        self._csv.writerow(self.headers)

    def document(self, report: Report) -> None:
        self._write(row(report))

    def _write(self, cells: list[Cell]) -> None:
        self._csv.writerow([safe(cell) for cell in cells])


class CsvFindingsWriter(CsvWriter):
    """One row per finding; unreadable reports are on stderr (the command)."""

    headers = FINDING_HEADERS

    def document(self, report: Report) -> None:
        for finding in report.findings:
            self._write(finding_row(report, finding, self.rule_name))
