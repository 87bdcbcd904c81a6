"""``table`` and ``csv``: one row per document for a supervisor's overview.

Columns: file, one mark per checklist item (✓ present, △ partial, ✗ missing),
error and warning counts, and the verdict. Both stream: a row is written as
soon as its document is checked. ``table`` can align its columns without
holding rows back because every width is known before the first row: the file
column from the names of the inputs (the command lists them before checking),
the others from their headers. So it pads cells itself (by display width, for
Chinese) instead of handing all rows to tabulate at the end.
"""

from __future__ import annotations

import csv

from checker.checks.items import ITEMS
from checker.engine import Report, Status
from checker.formats.base import Writer
from checker.formats.labels import MARK, VERDICT
from checker.formats.summary import Summary, summary_lines
from checker.formats.terminal import escape_controls

HEADERS = ["文件", *(item.label for item in ITEMS), "错误", "警告", "结论"]


def row(report: Report) -> list[str]:
    """The table row of one report; an unreadable one shows its reason."""
    if report.status is Status.ERROR:
        blanks = [""] * (len(ITEMS) + 2)
        return [report.path, *blanks, f"{VERDICT[report.status]}：{report.error}"]
    marks = {item.id: MARK[item.status] for item in report.checklist}
    return [
        report.path,
        *(marks.get(item.id, "") for item in ITEMS),
        str(report.count("error")),
        str(report.count("warning")),
        VERDICT[report.status],
    ]


class TableWriter(Writer):
    """Columns two spaces apart, a dashed rule under the header."""

    def begin(self) -> None:
        from wcwidth import wcswidth  # imported here: only tables need it

        self._width = lambda text: max(wcswidth(text), len(text))
        paths = [self._width(escape_controls(name)) for name in self.names]
        self._widths = [self._width(h) for h in HEADERS]
        self._widths[0] = max([self._widths[0], *paths])
        self._line(HEADERS)
        self._line(["-" * width for width in self._widths])

    def document(self, report: Report) -> None:
        self._line([escape_controls(cell) for cell in row(report)])

    def end(self, summary: Summary) -> None:
        self.out.write("\n" + "\n".join(summary_lines(summary)) + "\n")

    def _line(self, cells: list[str]) -> None:
        padded = [
            cell + " " * (width - self._width(cell))
            for cell, width in zip(cells, self._widths, strict=True)
        ]
        self.out.write("  ".join(padded).rstrip() + "\n")


class CsvWriter(Writer):
    """UTF-8 with a BOM, CRLF line ends: what Excel opens without asking."""

    def begin(self) -> None:
        self.out.write("\ufeff")
        self._csv = csv.writer(self.out, lineterminator="\r\n")
        self._csv.writerow(HEADERS)

    def document(self, report: Report) -> None:
        self._csv.writerow(row(report))
