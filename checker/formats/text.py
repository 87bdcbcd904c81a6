"""``text``: each document as report_text renders it; unreadable ones go to stderr."""

from __future__ import annotations

from typing import Any

from checker.formats.base import Writer
from checker.formats.summary import Summary, summary_lines


class TextWriter(Writer):
    def begin(self) -> None:
        self._count = 0

    def document(self, doc: dict[str, Any]) -> None:
        from checker.formats.report_text import render_document

        if doc["status"] == "error":  # the command reports it on stderr
            return
        if self._count:
            self.out.write("\n")
        text = render_document(doc)
        self.out.write(text if text.endswith("\n") else text + "\n")
        self._count += 1

    def end(self, summary: Summary) -> None:
        if self._count > 1:
            self.out.write("\n" + "\n".join(summary_lines(summary)) + "\n")
