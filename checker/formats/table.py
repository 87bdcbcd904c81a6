"""``table`` and ``csv``: one row per document for a supervisor's overview.

Columns: file, one mark per checklist item (✓ present, △ partial, ✗ missing),
error and warning counts, and the verdict. ``csv`` streams its rows; ``table``
keeps only these short rows, because aligned columns need every width.
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
    def begin(self) -> None:
        self._rows: list[list[str]] = []

    def document(self, doc: dict[str, Any]) -> None:
        self._rows.append(row(doc))

    def end(self, summary: Summary) -> None:
        from tabulate import tabulate  # imported here: only tables need it

        table = tabulate(self._rows, HEADERS, tablefmt="simple", disable_numparse=True)
        self.out.write(table)
        self.out.write("\n\n" + "\n".join(summary_lines(summary)) + "\n")


class CsvWriter(Writer):
    """UTF-8 with a BOM, CRLF line ends: what Excel opens without asking."""

    def begin(self) -> None:
        self.out.write("\ufeff")
        self._csv = csv.writer(self.out, lineterminator="\r\n")
        self._csv.writerow(HEADERS)

    def document(self, doc: dict[str, Any]) -> None:
        self._csv.writerow(row(doc))
