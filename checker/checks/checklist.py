"""The compliance checklist: which of the five statutory items a report contains.

The five items come from 《法治政府建设与责任落实督察工作规定》(2019). An item is
``present`` when a heading at any level matches it, ``partial`` when no heading
does but the body deals with it, ``missing`` otherwise. Heading and body
patterns (checker.checks.items) are synonyms seen in real reports, matched after
folding the traditional characters that mirror sites produce.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from checker.checks.items import BY_ID, HEADING_ORDER, ITEMS, Item, fold
from checker.parse.document import Document
from checker.parse.tree import Node


@dataclass(frozen=True, slots=True)
class ItemResult:
    id: str
    name: str
    status: str  # present | partial | missing
    required: bool
    node: Node | None = None  # the matching heading's section
    line: int | None = None
    offset: int | None = None
    text: str = ""  # heading, or the body passage
    path: str = ""  # section path such as 一、/（一）
    note: str = ""


def evaluate(doc: Document, required: tuple[str, ...]) -> list[ItemResult]:
    """The five items in the regulation's order; ``required`` marks which the
    pack requires (only for the record: the checks judge the statuses)."""
    headings = _match_headings(doc.root)
    folded = doc.folded  # offset for offset the same as doc.text
    results = []
    for item in ITEMS:
        found = headings.get(item.id)
        needed = item.id in required
        if found:
            node, path = found
            result = ItemResult(
                item.id,
                item.name,
                "present",
                needed,
                node,
                node.line,
                node.start,
                node.text,
                path,
            )
        else:
            result = _partial(doc, folded, item, needed, headings)
        results.append(result)
    return results


def _match_headings(root: Node) -> dict[str, tuple[Node, str]]:
    """Item -> the top-most, first section whose heading matches it."""
    found: dict[str, tuple[Node, str, int]] = {}
    for node, path in _sections(root, ()):
        depth = path.count("/")
        for item in _heading_items(fold(node.text)):
            if item not in found or depth < found[item][2]:
                found[item] = (node, path, depth)
    return {item: (node, path) for item, (node, path, _) in found.items()}


def _heading_items(title: str) -> list[str]:
    """The items a heading names: the first that matches, in HEADINGS order.

    One heading may name 不足 and the plan together ("存在的不足及下一步工作
    打算"), a common shape for short reports; other pairs are one item whose
    wording overlaps another's (a first-responsible heading says 工作情况).
    """
    for item in HEADING_ORDER:
        if item.heading.search(title):
            plan = BY_ID["next-year-plan"]
            if item.id == "shortcomings" and plan.heading.search(title):
                return [item.id, plan.id]
            return [item.id]
    return []


def _sections(node: Node, path: tuple[str, ...]):
    for child in node.children:
        if child.kind == "section" and child.marker:
            child_path = (*path, child.marker.text.strip())
            yield child, "/".join(child_path)
            yield from _sections(child, child_path)


def section_path(root: Node, offset: int) -> str:
    """The path of the innermost section containing ``offset`` ("" outside).

    Descends from the root, at each level to the child whose span holds the
    offset (children are in text order): depth times a bisection, not a walk.
    """
    marks: list[str] = []
    node = root
    while node.children:
        starts = [child.start for child in node.children]
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0 or offset >= node.children[i].end:
            break
        node = node.children[i]
        if node.kind == "section" and node.marker:
            marks.append(node.marker.text.strip())
    return "/".join(marks)


def _partial(
    doc: Document, folded: str, item: Item, required: bool, headings: dict
) -> ItemResult:
    if item.body is None:
        return _sections_as_measures(doc, item, required, headings)
    measures = _measure_nodes(doc.root, headings)
    for node, offset in _body_mentions(doc, folded, item.body):
        if node.kind == "enum":  # "二是切实履行…第一责任人职责": point at the item
            offset = node.start
        if item.id == "shortcomings" and any(_inside(m, offset) for m in measures):
            continue  # a passing mention of problems inside the measures
        line = doc.index.line_of(offset)
        snippet = doc.text[offset : offset + 30].split("\n")[0].strip()
        return ItemResult(
            item.id,
            item.name,
            "partial",
            required,
            None,
            line,
            offset,
            snippet,
            section_path(doc.root, offset),
            "无对应标题，仅在正文中提及",
        )
    return ItemResult(item.id, item.name, "missing", required)


def _body_mentions(doc: Document, folded: str, pattern: re.Pattern[str]):
    """(node, offset) of the first match in each body node's own text, in order.

    One search over the whole text finds the next candidate; only the node it
    lands in is searched again within its own span. No earlier node can hold a
    match, since that match would have been found first.
    """
    pos = 0
    while (found := pattern.search(folded, pos)) is not None:
        node = doc.node_at(found.start())
        if node.kind in _BODY_KINDS:
            own = pattern.search(folded, node.start, node.head_end)
            if own is not None:
                yield node, own.start()
        pos = max(node.head_end, found.start() + 1)


_BODY_KINDS = ("paragraph", "enum", "section", "preamble")


def _measure_nodes(root: Node, headings: dict) -> list[Node]:
    if "measures" in headings:
        return [headings["measures"][0]]
    taken = {id(node) for node, _ in headings.values()}
    return [
        c
        for c in root.children
        if c.kind == "section" and c.level == 1 and id(c) not in taken
    ]


def _inside(node: Node, offset: int) -> bool:
    return node.start <= offset < node.end


def _sections_as_measures(
    doc: Document, item: Item, required: bool, headings: dict
) -> ItemResult:
    """Older reports: level-1 sections not claimed by another item are the measures."""
    for child in _measure_nodes(doc.root, headings):
        return ItemResult(
            item.id,
            item.name,
            "present",
            required,
            child,
            child.line,
            child.start,
            child.text,
            child.marker.text.strip(),
            "各一级标题即为主要举措",
        )
    return ItemResult(item.id, item.name, "missing", required)
