"""The document tree: nodes, line numbers and the lossless invariant.

Every character of the text belongs to exactly one node's *own* span
``text[start:head_end]``; reading the own spans in pre-order gives the text back.
A section's own span is its heading (marker, title and the 。 that ends a run-in
title); its body paragraphs, enumeration items and subsections are children.

Node kinds, in the order they usually appear: document; chrome (website
navigation, 打印页面, 发布日期 … around the report); title; addressee (主送机关,
"市人民政府:"); preamble (text before the first heading); section (a numbered
heading and everything under it); paragraph; enum (一是 / 二是 item); closing,
the container of signoff (特此报告。), signature (落款 unit) and date (成文日期).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

from checker.parse.numbering import Marker


@dataclass(slots=True)
class Node:
    kind: str
    start: int
    marker: Marker | None = None
    #: The node's own words, marker excluded, stripped: a section's heading,
    #: a paragraph's or enumeration item's text, the title line, the date.
    text: str = ""
    children: list[Node] = field(default_factory=list)
    head_end: int = 0  # own span is text[start:head_end]
    end: int = 0  # whole span, children included
    line: int = 0
    end_line: int = 0

    @property
    def level(self) -> int | None:
        return self.marker.level if self.marker and self.kind == "section" else None

    def walk(self) -> Iterator[Node]:
        """This node and its descendants, in document order."""
        # A stack, not nested generators: recursion costs a frame per level per node.
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def sections(self) -> Iterator[Node]:
        return (n for n in self.walk() if n.kind == "section")


class LineIndex:
    """Offset -> 1-based line number, counting CRLF, CR and LF as line breaks."""

    def __init__(self, starts: list[int]) -> None:
        self.starts = starts

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def column_of(self, offset: int) -> int:
        return offset - self.starts[self.line_of(offset) - 1] + 1


def finish(root: Node, text: str, index: LineIndex) -> list[Node]:
    """Fix own spans, whole spans and line numbers after the tree is built.

    Own spans run from a node's start to the next node's start in pre-order, so
    nothing can fall between two nodes: that is what makes the tree lossless.
    Returns the nodes in pre-order, the order every later stage walks them in.
    """
    order = list(root.walk())
    for node, following in zip(order, order[1:], strict=False):
        node.head_end = following.start
    order[-1].head_end = len(text)
    _close(root, text, index)
    return order


def _close(node: Node, text: str, index: LineIndex) -> None:
    for child in node.children:
        _close(child, text, index)
    node.end = node.children[-1].end if node.children else node.head_end
    first = _first_visible(text, node.start, node.end)
    last = _last_visible(text, node.start, node.end)
    node.line = index.line_of(first)
    node.end_line = max(node.line, index.line_of(last))


def _first_visible(text: str, start: int, end: int) -> int:
    for i in range(start, end):
        if not text[i].isspace():
            return i
    return start


def _last_visible(text: str, start: int, end: int) -> int:
    for i in range(end - 1, start - 1, -1):
        if not text[i].isspace():
            return i
    return start
