"""``table``: one row per document for a supervisor's overview on a terminal.

Columns: file, one mark per checklist item (✓ present, △ partial, ✗ missing),
error and warning counts, copies in the batch (雷同: 相同 for the same bytes,
else the share of shared text), the share carried over from last year's
report (上年延续), the verdict and the unit (canonical, see checks.unit; last,
so it needs no width known in advance). Rows stream: one is written as
soon as its document is checked. ``table`` can align its columns without
holding rows back because every width is known before the first row: the file
column from the names of the inputs (the command lists them before checking),
the others from their headers. So it pads cells itself (by display width, for
Chinese) instead of handing all rows to tabulate at the end.
"""

from __future__ import annotations

from checker.checks.items import ITEMS
from checker.engine import Report, Status
from checker.formats.base import Writer
from checker.formats.labels import COPY, MARK, VERDICT
from checker.formats.summary import Summary, summary_lines
from checker.source.printable import escape_controls

HEADERS = [
    "文件",
    *(item.label for item in ITEMS),
    "错误",
    "警告",
    "雷同",
    "上年延续",
    "结论",
    "单位",
]


def row(report: Report) -> list[str]:
    """The table row of one report; an unreadable one shows its reason."""
    if report.status is Status.ERROR:
        blanks = [""] * (len(ITEMS) + 4)
        reason = f"{VERDICT[report.status]}：{report.error}"
        return [report.path, *blanks, reason, ""]
    marks = {item.id: MARK[item.status] for item in report.checklist}
    return [
        report.path,
        *(marks.get(item.id, "") for item in ITEMS),
        str(report.count("error")),
        str(report.count("warning")),
        copied(report),
        carried(report),
        VERDICT[report.status],
        report.unit or "",
    ]


def copied(report: Report) -> str:
    """雷同 cell: the closest copy in the batch (相同 = same bytes), and how many."""
    if not report.similar:
        return ""
    best = report.similar[0]
    cell = COPY[best.kind] if best.kind == "duplicate" else f"{best.share:.0%}"
    more = len(report.similar) - 1
    return cell + (f"（另{more}份）" if more else "")


def carried(report: Report) -> str:
    """上年延续 cell: the share of last year's text, when compared."""
    history = report.history
    return f"{history.share:.0%}" if history is not None else ""


class TableWriter(Writer):
    """Columns two spaces apart, a dashed rule under the header."""

    def begin(self) -> None:
        from wcwidth import wcswidth  # imported here: only tables need it

        self._width = lambda text: max(wcswidth(text), len(text))
        paths = [self._width(escape_controls(name)) for name in self.names]
        self._widths = [self._width(h) for h in HEADERS]
        self._widths[0] = max([self._widths[0], *paths])
        verdicts = (self._width(VERDICT[s]) for s in (Status.PASS, Status.FAIL))
        self._widths[-2] = max(self._widths[-2], *verdicts)  # the unit follows
        self._line(HEADERS)
        self._line(["-" * width for width in self._widths])

    def document(self, report: Report) -> None:
        self._line([escape_controls(cell) for cell in row(report)])

    def end(self, summary: Summary) -> None:
        self.out.write(
            "\n" + "\n".join(summary_lines(summary, self.rule_names(summary))) + "\n"
        )

    def _line(self, cells: list[str]) -> None:
        padded = [
            cell + " " * (width - self._width(cell))
            for cell, width in zip(cells, self._widths, strict=True)
        ]
        self.out.write("  ".join(padded).rstrip() + "\n")
