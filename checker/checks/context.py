"""What the engine hands to every check: the document, year, checklist, nodes."""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.checklist import ItemResult
from checker.document import Document
from checker.tree import Node


@dataclass(frozen=True, slots=True)
class Context:
    doc: Document
    year: int | None  # the report year: --year, or the one detected
    checklist: tuple[ItemResult, ...]
    nodes: dict[str, list[Node]] = field(default_factory=dict)  # kind -> nodes

    @property
    def text(self) -> str:
        return self.doc.text

    def item(self, item_id: str) -> ItemResult | None:
        return next((r for r in self.checklist if r.id == item_id), None)

    def report_nodes(self) -> list[Node]:
        """Every node except website chrome, in document order."""
        return [n for n in self.doc.root.walk() if n.kind not in ("chrome", "document")]

    def start_offset(self) -> int:
        """Where document-wide findings point: the title, else the first text."""
        for node in self.doc.root.walk():
            if node.kind not in ("chrome", "document"):
                return _visible(self.text, node.start)
        return 0


def _visible(text: str, offset: int) -> int:
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return offset


def visible(text: str, offset: int) -> int:
    return _visible(text, offset)
