"""Text to document: the parse stage of the pipeline, as one pure function."""

from __future__ import annotations

from dataclasses import dataclass

from checker.builder import build
from checker.layout import find_layout
from checker.meta import Meta, extract
from checker.numbering import parse_lines
from checker.tree import LineIndex, Node, finish


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    root: Node
    meta: Meta
    index: LineIndex

    def line_of(self, offset: int) -> int:
        return self.index.line_of(offset)


def parse(text: str) -> Document:
    """Parse any text into a lossless document tree with metadata; never raises."""
    lines = parse_lines(text)
    index = LineIndex([line.start for line in lines] or [0])
    layout = find_layout(text, lines)
    root = build(text, lines, layout)
    finish(root, text, index)
    return Document(text, root, extract(root, text), index)
