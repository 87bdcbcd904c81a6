"""What the engine hands to every check: the document, year, checklist, nodes."""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.checks.checklist import ItemResult
from checker.parse.document import Document
from checker.parse.tree import Node


@dataclass(frozen=True, slots=True)
class Context:
    doc: Document
    year: int | None  # the report year: --year, or the one detected
    checklist: tuple[ItemResult, ...]
    #: Items the pack requires or recommends: the ones whose absence is reported.
    expected: tuple[str, ...] = ()
    nodes: dict[str, list[Node]] = field(default_factory=dict)  # kind -> nodes
    report: tuple[Node, ...] = ()  # every node but chrome and the root, in order

    @property
    def text(self) -> str:
        return self.doc.text

    def item(self, item_id: str) -> ItemResult | None:
        return next((r for r in self.checklist if r.id == item_id), None)

    def of_kinds(self, kinds: tuple[str, ...]) -> list[Node]:
        """The nodes of these kinds, in document order (a check's NODES)."""
        if len(kinds) == 1:
            return self.nodes.get(kinds[0], [])
        found = [n for kind in kinds for n in self.nodes.get(kind, [])]
        return sorted(found, key=lambda n: n.start)

    def in_report(self, offset: int) -> bool:
        """Whether ``offset`` lies in report text (not chrome, not the root's own)."""
        return self.doc.node_at(offset).kind not in _NOT_REPORT

    def start_offset(self) -> int:
        """Where document-wide findings point: the title, else the first text."""
        return visible(self.text, self.report[0].start) if self.report else 0

    def end_offset(self) -> int:
        """Where findings about the missing end of a report (落款, 成文日期) point:
        the last piece of report text."""
        return visible(self.text, self.report[-1].start if self.report else 0)


_NOT_REPORT = ("chrome", "document")


def context(
    doc: Document,
    year: int | None,
    checklist: tuple[ItemResult, ...],
    expected: tuple[str, ...],
) -> Context:
    """One walk over the document: nodes by kind, and the report nodes."""
    nodes: dict[str, list[Node]] = {}
    report = []
    for node in doc.nodes:
        nodes.setdefault(node.kind, []).append(node)
        if node.kind not in _NOT_REPORT:
            report.append(node)
    return Context(doc, year, checklist, expected, nodes, tuple(report))


def visible(text: str, offset: int) -> int:
    """The first non-blank offset from ``offset`` on: where a finding points."""
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return offset
