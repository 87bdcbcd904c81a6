"""The compliance checklist: which of the five statutory items a report contains.

The five items come from 《法治政府建设与责任落实督察工作规定》(2019). An item is
``present`` when a heading at any level matches it, ``partial`` when no heading
does but the body deals with it, ``missing`` otherwise. Heading and body
patterns are synonyms seen in real reports (DOMAIN.md §2), matched after
folding the traditional characters that mirror sites produce.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.document import Document
from checker.tree import Node

ITEMS = {
    "measures": "主要举措和成效",
    "shortcomings": "存在的不足和原因",
    "first-responsible": "党政主要负责人履行第一责任人职责情况",
    "next-year-plan": "下一年度主要安排",
    "other-matters": "其他需要报告的情况",
}

# Matching order matters: a first-responsible heading also says 推进法治建设…情况.
_HEADINGS = {
    "first-responsible": "|".join([r"第一责任人", r"主要负责(?:人|同志)"]),
    "shortcomings": "|".join(
        [
            r"(?:存在|面临)的?(?:主要)?(?:问题|不足|短板|困难)",
            r"不足(?:和|与|及)原因",
            r"问题(?:和|与|及)不足",
            r"短板(?:和|与|及)?不足",
            r"薄弱环节",
        ]
    ),
    "next-year-plan": "|".join(
        [
            r"下一?(?:年度?|步|阶段)",
            r"明年",
            r"今后",
            r"(?:19|20)\d\d年.{0,8}(?:计划|安排|打算|思路|目标|重点|要点)",
            r"工作(?:计划|安排|打算|思路)",
            r"主要安排",
        ]
    ),
    "other-matters": r"其他(?:需要|需)?(?:报告|说明)?的?(?:情况|事项)",
    "measures": "|".join(
        [
            r"主要(?:举措|措施|工作|做法|成效)",
            r"(?:工作|取得的?)成效",
            r"工作(?:开展)?情况",
            r"推进法治政府建设(?:的)?(?:情况|工作)",
            r"举措和成效",
        ]
    ),
}
_BODY = {
    "first-responsible": "|".join(
        [
            r"第一责任人",
            r"主要负责(?:人|同志)",
            r"亲自(?:部署|过问|协调|督办)",
            r"述法",
            r"会前学法",
        ]
    ),
    "shortcomings": "|".join(
        [
            r"(?:还|仍|尚|依然)?存在(?:的)?(?:一些|不少|一定)?(?:不足|问题|差距|短板)",
            r"不足之处",
            r"薄弱环节",
        ]
    ),
    "next-year-plan": r"下一步|下一年度?|明年|今后",
    "other-matters": r"其他需要报告",
}
# Compiled once per process; a matcher runs them for every report.
_HEADING_RE = {item: re.compile(p) for item, p in _HEADINGS.items()}
_BODY_RE = {item: re.compile(p) for item, p in _BODY.items()}
_TRADITIONAL = str.maketrans(
    "舉責報進設題問劃與體務關況負導職決規實現開發處認識對國時結計劃畫會議難",
    "举责报进设题问划与体务关况负导职决规实现开发处认识对国时结计划画会议难",
)
_HAS_TRADITIONAL = re.compile("[" + "".join(map(chr, _TRADITIONAL)) + "]")


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

    def as_dict(self) -> dict[str, object]:
        evidence = None
        if self.status != "missing":
            evidence = {"text": self.text, "path": self.path, "line": self.line}
            if self.note:
                evidence["note"] = self.note
        return {
            "id": self.id,
            "name": self.name,
            "status": self.status,
            "required": self.required,
            "evidence": evidence,
        }


def fold(text: str) -> str:
    """Traditional to simplified for the characters the matcher relies on."""
    # Most reports have none: a C-speed search spares the per-character translate.
    return text.translate(_TRADITIONAL) if _HAS_TRADITIONAL.search(text) else text


def evaluate(doc: Document, required: tuple[str, ...]) -> list[ItemResult]:
    headings = _match_headings(doc.root)
    folded = fold(doc.text)  # one pass: the map is one character to one character
    results = []
    for item, name in ITEMS.items():
        found = headings.get(item)
        if found:
            node, path = found
            result = ItemResult(
                item,
                name,
                "present",
                item in required,
                node,
                node.line,
                node.start,
                node.title,
                path,
            )
        else:
            result = _partial(doc, folded, item, name, item in required, headings)
        results.append(result)
    return results


def _match_headings(root: Node) -> dict[str, tuple[Node, str]]:
    """Item -> the top-most, first section whose heading matches it."""
    found: dict[str, tuple[Node, str, int]] = {}
    for node, path in _sections(root, ()):
        title = fold(node.title)
        for item, pattern in _HEADING_RE.items():
            if pattern.search(title):
                depth = path.count("/")
                if item not in found or depth < found[item][2]:
                    found[item] = (node, path, depth)
                break
    return {item: (node, path) for item, (node, path, _) in found.items()}


def _sections(node: Node, path: tuple[str, ...]):
    for child in node.children:
        if child.kind == "section" and child.marker:
            child_path = (*path, child.marker.text.strip())
            yield child, "/".join(child_path)
            yield from _sections(child, child_path)


def section_path(root: Node, offset: int) -> str:
    """The path of the innermost section containing ``offset`` ("" outside)."""
    best = ""
    for node, path in _sections(root, ()):
        if node.start <= offset < node.end:
            best = path
    return best


def _partial(doc, folded, item, name, required, headings) -> ItemResult:
    if item == "measures":
        return _sections_as_measures(doc, name, required, headings)
    measures = _measure_nodes(doc.root, headings)
    for node, offset in _body_mentions(doc, folded, _BODY_RE[item]):
        if node.kind == "enum":  # "二是切实履行…第一责任人职责": point at the item
            offset = node.start
        if item == "shortcomings" and any(_inside(m, offset) for m in measures):
            continue  # a passing mention of problems inside the measures
        line = doc.index.line_of(offset)
        snippet = doc.text[offset : offset + 30].split("\n")[0].strip()
        return ItemResult(
            item,
            name,
            "partial",
            required,
            None,
            line,
            offset,
            snippet,
            section_path(doc.root, offset),
            "无对应标题，仅在正文中提及",
        )
    return ItemResult(item, name, "missing", required)


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


def _sections_as_measures(doc, name, required, headings) -> ItemResult:
    """Older reports: level-1 sections not claimed by another item are the measures."""
    for child in _measure_nodes(doc.root, headings):
        return ItemResult(
            "measures",
            name,
            "present",
            required,
            child,
            child.line,
            child.start,
            child.title,
            child.marker.text.strip(),
            "各一级标题即为主要举措",
        )
    return ItemResult("measures", name, "missing", required)
