"""Lines to document tree: nest sections by their numbering, split run-in text.

A heading candidate at the start of a line is a heading; a bare "2加强" or a
"三加强" that lost its 是 counts only when it continues its list. Inside a line,
enumeration items (一是 …) and headings are recovered where they follow a
sentence end, so a report whose line breaks were lost still has its sections;
a heading title runs to the first 。 (GB/T 9704 run-in headings) or to the next
marker that continues the numbering.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from checker.parse.closing import date_offset
from checker.parse.layout import Layout
from checker.parse.numbering import Marker, RawLine, match_marker
from checker.parse.tree import Node

_SENTENCE_END = re.compile(r"[。！？；;!?：:，,][”’」』\"']*[ \t\u3000\u00a0]*")
_COMMA = "，,"
_SPACE = " \t\u3000\u00a0"
_MARKER_START = re.compile(r"[（(一二三四五六七八九十0-9０-９]")
#: The first character of any marker terminal in the grammar (① included): a
#: sentence that starts otherwise needs no terminal tried on it.
_MARKER_FIRST = frozenset("（(一二三四五六七八九十0123456789０１２３４５６７８９") | {
    chr(c) for c in range(0x2460, 0x2474)
}
_INLINE_ALWAYS = ("ENUM", "L1", "L2", "ENUM_LOST")
_INLINE_MERGED = ("ENUM", "L1", "L2", "L4", "L3", "L3_BARE", "ENUM_LOST")
_RUN_IN = ("L1", "L2", "L4", "L3")
_MERGED_HINT = re.compile(
    r"[。！？；;：:]\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{0,3}[）)])"
)


@dataclass(slots=True)
class _Frame:
    node: Node
    level: int  # 0 for the document
    last_child: dict[int, int] = field(default_factory=dict)
    last_enum: int = 0


class _Builder:
    def __init__(self, text: str, root: Node) -> None:
        self.text = text
        self.stack = [_Frame(root, 0)]
        self.last_l3 = 0
        self.seen_heading = False
        self._inline_kinds = _INLINE_ALWAYS

    # -- numbering state -------------------------------------------------------

    def expected(self, marker: Marker) -> bool:
        """Does a heading marker continue the numbering where it stands?"""
        if marker.number is None:
            return True
        parent = self._parent_frame(marker.level or 1)
        last = parent.last_child.get(marker.level or 1, 0)
        if marker.number == last + 1:
            return True
        # Level-3 numbers may run on across parents (DOMAIN.md §4).
        return marker.level == 3 and last == 0 and marker.number == self.last_l3 + 1

    def enum_expected(self, marker: Marker) -> bool:
        """A 是-less "三加强" counts only right after 二是 in the same section."""
        number = marker.number or 0
        return number >= 2 and self.stack[-1].last_enum == number - 1

    def accepts(self, marker: Marker, at_line_start: bool) -> bool:
        if marker.kind == "ENUM":
            return True
        if marker.kind == "ENUM_LOST":
            return self.enum_expected(marker)
        if at_line_start and marker.kind != "L3_BARE":
            return True
        return self.expected(marker)

    def _parent_frame(self, level: int) -> _Frame:
        for frame in reversed(self.stack):
            if frame.level < level:
                return frame
        return self.stack[0]

    # -- nodes -----------------------------------------------------------------

    def open_section(self, marker: Marker, start: int) -> Node:
        marker = self._in_context(marker)
        level = marker.level or 1
        while self.stack[-1].level >= level:
            self.stack.pop()
        parent = self.stack[-1]
        if marker.number is not None:
            parent.last_child[level] = marker.number
            if level == 3:
                self.last_l3 = marker.number
        node = Node("section", start, marker)
        parent.node.children.append(node)
        self.stack.append(_Frame(node, level))
        self.seen_heading = True
        return node

    def _in_context(self, marker: Marker) -> Marker:
        """① inside an open （1） item is a fifth level below it, not its sibling.

        GB/T 9704 has four levels; reports that need a fifth use ①. Directly
        under 1. the ① stands in for （1） and stays the fourth level.
        """
        if marker.kind == "L4_CIRCLED" and any(
            f.node.marker is not None and f.node.marker.kind == "L4"
            for f in self.stack[1:]
        ):
            return replace(marker, level=5)
        return marker

    def add_leaf(self, kind: str, start: int, marker: Marker | None = None) -> Node:
        if kind == "paragraph" and not self.seen_heading:
            kind = "preamble"
        node = Node(kind, start, marker)
        self.stack[-1].node.children.append(node)
        if marker is not None and marker.number is not None:
            self.stack[-1].last_enum = marker.number
        return node

    # -- lines -----------------------------------------------------------------

    def feed(self, line: RawLine) -> None:
        if line.body >= line.end:
            return
        merged = _MERGED_HINT.search(self.text, line.body, line.end) is not None
        self._inline_kinds = _INLINE_MERGED if merged else _INLINE_ALWAYS
        marker = line.marker
        if marker is not None and not self.accepts(marker, at_line_start=True):
            marker = None
        self.segment(line.start, marker, line.body, line.end)

    def segment(self, start: int, marker: Marker | None, pos: int, end: int) -> None:
        """Emit nodes for text[pos:end], starting with ``marker`` if any."""
        while True:
            if marker is not None and marker.is_heading:
                node = self.open_section(marker, start)
                start, marker, pos = self._heading_title(node, marker.end, end)
                if marker is not None:
                    continue
                if not self.text[pos:end].strip():
                    return
            kind = "enum" if marker is not None else "paragraph"
            node = self.add_leaf(kind, start, marker)
            scan_from = marker.end if marker is not None else pos
            nxt = self._next_inline(scan_from, end)
            node.text = self.text[scan_from : nxt.start if nxt else end].strip()
            if nxt is None:
                return
            start, marker, pos = nxt.start, nxt, nxt.end

    def _heading_title(
        self, node: Node, pos: int, end: int
    ) -> tuple[int, Marker | None, int]:
        """Set the section title; return where the next piece starts."""
        stop = self.text.find("。", pos, end)
        title_end = end if stop < 0 else stop
        run_in = self._run_in_marker(pos, title_end)
        if run_in is not None:
            node.text = self.text[pos : run_in.start].strip()
            return run_in.start, run_in, run_in.end
        node.text = self.text[pos:title_end].strip()
        body = title_end + 1 if stop >= 0 else end
        return body, self._marker_at(body, end, self._inline_kinds), body

    def _run_in_marker(self, pos: int, end: int) -> Marker | None:
        """A heading marker inside a title that continues the numbering."""
        for found in _MARKER_START.finditer(self.text, pos + 1, end):
            marker = match_marker(self.text, found.start(), _RUN_IN)
            if marker is not None and self.expected(marker):
                return marker
        return None

    def _next_inline(self, pos: int, end: int) -> Marker | None:
        for found in _SENTENCE_END.finditer(self.text, pos, end):
            if self.text[found.start()] in _COMMA:
                marker = self._enum_after_comma(found.end(), end)
            else:
                marker = self._marker_at(found.end(), end, self._inline_kinds)
            if marker is not None:
                return marker
        return None

    def _enum_after_comma(self, pos: int, end: int) -> Marker | None:
        """ "产生问题的原因，一是……，二是……": after a comma only a 一是 that opens
        an enumeration, or one that continues it, is an item; never a heading."""
        marker = self._marker_at(pos, end, ("ENUM",))
        if marker is None or marker.number == 1 or self.enum_expected(marker):
            return marker
        return None

    def _marker_at(self, pos: int, end: int, kinds: tuple[str, ...]) -> Marker | None:
        """An accepted marker at ``pos`` (after white space), if any."""
        while pos < end and self.text[pos] in _SPACE:
            pos += 1
        if pos >= end or self.text[pos] not in _MARKER_FIRST:
            return None
        marker = match_marker(self.text, pos, kinds)
        if marker is not None and self.accepts(marker, at_line_start=False):
            return marker
        return None


def build(text: str, lines: list[RawLine], layout: Layout) -> Node:
    """Assemble the document tree (own spans are fixed later by tree.finish)."""
    root = Node("document", 0)
    builder = _Builder(text, root)
    closing: Node | None = None
    for i, line in enumerate(lines):
        role = layout.roles.get(i) or layout.closing.get(i)
        if role is None and layout.body_start <= i < layout.body_end:
            builder.feed(replace(line, marker=None) if i in layout.plain else line)
            continue
        if role is None:
            continue
        if role in ("signoff", "signature", "date", "signature-date"):
            if closing is None:
                closing = Node("closing", line.start)
                root.children.append(closing)
            closing.children.extend(_closing_nodes(text, line, role))
        else:
            root.children.append(Node(role, line.start, text=_title(text, line)))
    return root


def _closing_nodes(text: str, line: RawLine, role: str) -> list[Node]:
    if role != "signature-date":
        return [Node(role, line.start, text=_title(text, line))]
    # "XX区人民政府　　2021年2月8日": one line, two nodes (the tree stays lossless).
    at = date_offset(text, line)
    unit = Node("signature", line.start, text=text[line.body : at].strip())
    return [unit, Node("date", at, text=text[at : line.end].strip())]


def _title(text: str, line: RawLine) -> str:
    return text[line.body : line.end].strip()
