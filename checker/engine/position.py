"""Positions a person can find: section path, short quote, paragraph, page.

A finding's ``line``/``column`` count what the reader produced (a Word file's
blank paragraphs and table cells included), which no editor shows. A drafter
finds a place by its heading (``一、/（二）/3.``), a few words of it, the
paragraph as counted on screen (non-empty paragraphs) and, for a PDF, its page.
"""

from __future__ import annotations

from dataclasses import replace

from checker.checks.checklist import section_path
from checker.engine.report import Evidence, Finding
from checker.parse import Document
from checker.source import Source

#: Characters of a quote; enough to search for, short enough for one line.
QUOTE_CHARS = 20


class Locator:
    """Locates offsets of one document: a descent of the tree per section path,
    an index lookup per paragraph or page."""

    def __init__(self, doc: Document, source: Source):
        self.doc = doc
        self.pages, self.cells = source.pages, source.cells  # () when unknown
        self._counted: list[int] | None = None
        if source.line_label == "段":  # count non-empty lines, blank ones skipped
            starts, text = doc.index.starts, doc.text
            counted, total = [], 0
            for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
                total += bool(text[start:end].strip())
                counted.append(total)
            self._counted = counted

    def section(self, offset: int) -> str:
        """The path of the innermost section holding ``offset`` ("" outside)."""
        return section_path(self.doc.root, offset)

    def paragraph(self, line: int) -> int | None:
        """The paragraph as a person counts it: non-empty ones from the top."""
        if self._counted is None or not 1 <= line <= len(self._counted):
            return None
        return max(1, self._counted[line - 1])

    def page(self, line: int) -> int | None:
        return self.pages[line - 1] if 1 <= line <= len(self.pages) else None

    def cell(self, line: int) -> tuple[int, int] | None:
        return self.cells[line - 1] if 1 <= line <= len(self.cells) else None

    def quote(self, offset: int, text: str) -> str:
        """The offending text, or where there is none the words at the place:
        those following it on its line, else those ending there."""
        if text.strip():
            return _shorten(text.strip().split("\n")[0])
        source = self.doc.text
        start = source.rfind("\n", 0, offset) + 1
        end = source.find("\n", offset)
        end = len(source) if end < 0 else end
        after = source[offset:end].strip()
        if after:
            return _shorten(after)
        before = source[start:offset].strip()
        return ("…" + before[-QUOTE_CHARS:]) if len(before) > QUOTE_CHARS else before

    def finding(self, finding: Finding) -> Finding:
        offset = self.doc.index.starts[finding.line - 1] + finding.column - 1
        return replace(
            finding,
            section=self.section(offset),
            quote=self.quote(offset, finding.text),
            paragraph=self.paragraph(finding.line),
            page=self.page(finding.line),
            cell=self.cell(finding.line),
        )

    def evidence(self, evidence: Evidence) -> Evidence:
        if evidence.line is None:
            return evidence
        return replace(
            evidence,
            paragraph=self.paragraph(evidence.line),
            page=self.page(evidence.line),
        )


def _shorten(text: str) -> str:
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS] + "…"
