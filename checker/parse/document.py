"""Text to document: the parse stage of the pipeline, as one pure function."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from checker.parse.builder import build
from checker.parse.hanzi import fold
from checker.parse.layout import find_layout
from checker.parse.meta import Meta, extract
from checker.parse.numbering import parse_lines
from checker.parse.tree import LineIndex, Node, finish


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    root: Node
    meta: Meta
    index: LineIndex
    #: Every node in pre-order (document order); own spans partition the text.
    nodes: tuple[Node, ...] = ()
    _starts: list[int] = field(default_factory=list, repr=False, compare=False)
    #: ``text`` in simplified characters, offset for offset (checker.parse.hanzi):
    #: what keyword matches run on.
    folded: str = field(default="", repr=False, compare=False)

    def line_of(self, offset: int) -> int:
        return self.index.line_of(offset)

    def node_at(self, offset: int) -> Node:
        """The node whose own span holds ``offset`` (the last one starting there)."""
        return self.nodes[max(0, bisect.bisect_right(self._starts, offset) - 1)]


def parse(text: str) -> Document:
    """Parse any text into a lossless document tree with metadata; never raises."""
    lines = parse_lines(text)
    index = LineIndex([line.start for line in lines] or [0])
    folded = fold(text)
    layout = find_layout(folded, lines)
    root = build(text, lines, layout)
    nodes = tuple(finish(root, text, index))
    meta = extract(nodes, text, folded)
    starts = [n.start for n in nodes]
    return Document(text, root, meta, index, nodes, starts, folded)
