"""``text``: each document as the rule engine's report_text renders it."""

from __future__ import annotations

from typing import Any

from checker.formats.base import Writer
from checker.formats.summary import Summary, summary_lines


class TextWriter(Writer):
    def begin(self) -> None:
        self._count = 0

    def document(self, doc: dict[str, Any]) -> None:
        from checker.report_text import render_document

        if self._count:
            self.out.write("\n")
        if doc["status"] == "error":
            self.out.write(f"{doc['path']}：错误：{doc.get('error', '')}\n")
        else:
            text = render_document(doc)
            self.out.write(text if text.endswith("\n") else text + "\n")
        self._count += 1

    def end(self, summary: Summary) -> None:
        if self._count > 1:
            self.out.write("\n" + "\n".join(summary_lines(summary)) + "\n")
