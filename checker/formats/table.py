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
from typing import Any

from checker.formats.base import Writer
from checker.formats.summary import ITEM_LABELS, ITEMS, Summary, summary_lines

MARKS = {"present": "✓", "partial": "△", "missing": "✗"}
VERDICTS = {"pass": "通过", "fail": "不通过", "error": "错误"}
HEADERS = ["文件", *(ITEM_LABELS[item] for item in ITEMS), "错误", "警告", "结论"]


def row(doc: dict[str, Any]) -> list[str]:
    """The table row of one document; an unreadable one shows its reason."""
    if doc["status"] == "error":
        blanks = [""] * (len(ITEMS) + 2)
        return [doc["path"], *blanks, f"{VERDICTS['error']}：{doc.get('error', '')}"]
    marks = {item["id"]: MARKS.get(item["status"], "?") for item in doc["checklist"]}
    severities = [finding["severity"] for finding in doc["findings"]]
    return [
        doc["path"],
        *(marks.get(item, "") for item in ITEMS),
        str(severities.count("error")),
        str(severities.count("warning")),
        VERDICTS.get(doc["status"], doc["status"]),
    ]


class TableWriter(Writer):
    """Columns two spaces apart, a dashed rule under the header."""

    def begin(self) -> None:
        from wcwidth import wcswidth  # imported here: only tables need it

        self._width = lambda text: max(wcswidth(text), len(text))
        paths = [self._width(name) for name in self.names]
        self._widths = [self._width(h) for h in HEADERS]
        self._widths[0] = max([self._widths[0], *paths])
        self._line(HEADERS)
        self._line(["-" * width for width in self._widths])

    def document(self, doc: dict[str, Any]) -> None:
        self._line(row(doc))

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

    def document(self, doc: dict[str, Any]) -> None:
        self._csv.writerow(row(doc))
