"""Formatter for ``fazhi-check outline``: the document tree as text or JSON."""

from __future__ import annotations

from checker.formats.json_ import meta_json
from checker.formats.labels import KIND, LEVEL
from checker.parse.document import Document
from checker.parse.numbering import DEFECTS
from checker.parse.tree import Node
from checker.source.printable import escape_controls

_PREVIEW = 40


def node_json(node: Node) -> dict[str, object]:
    marker = node.marker
    return {
        "kind": node.kind,
        "level": marker.level if marker else None,
        "marker": marker.text if marker else None,
        "number": marker.number if marker else None,
        "style": marker.style if marker else None,
        "title": node.text,
        "line": node.line,
        "end_line": node.end_line,
        "defects": list(marker.defects) if marker else [],
        "children": [node_json(child) for child in node.children],
    }


def outline_json(doc: Document, path: str) -> dict[str, object]:
    meta = {**meta_json(doc.meta), "date_text": doc.meta.date_text}
    return {"path": path, "meta": meta, "tree": node_json(doc.root)}


def outline_text(doc: Document, path: str, line_label: str = "行") -> str:
    meta = doc.meta
    lines = [
        f"文件：{path}",
        f"标题：{meta.title or '（无）'}",
        f"年度：{meta.year or '（未识别）'}　单位：{meta.unit or '（未识别）'}",
        f"成文日期：{_date(meta.date, meta.date_text)}"
        f"　发布日期：{meta.published or '（无）'}",
        "",
    ]
    width = len(str(doc.root.end_line)) + 1
    for node, depth in _visible(doc.root, 0):
        lines.append(_row(node, depth, width, line_label))
    return escape_controls("\n".join(lines) + "\n")


def _date(iso: str | None, text: str | None) -> str:
    if text is None:
        return "（无）"
    return (
        f"{iso}（原文“{text}”）"
        if iso and iso != text
        else iso or f"（无法识别：“{text}”）"
    )


def _visible(node: Node, depth: int):
    for child in node.children:
        yield child, depth
        yield from _visible(child, depth + 1)


def _row(node: Node, depth: int, width: int, line_label: str) -> str:
    span = (
        f"{node.line}" if node.end_line == node.line else f"{node.line}-{node.end_line}"
    )
    prefix = f"第{span}{line_label}".ljust(width * 2 + 4)
    indent = "  " * depth
    marker = node.marker
    if node.kind == "section" and marker:
        label = LEVEL.get(marker.level or 0, "标题")
        text = f"{marker.text}{node.text}  〔{label}〕"
    else:
        label = KIND.get(node.kind, node.kind)
        body = node.text if len(node.text) <= _PREVIEW else node.text[:_PREVIEW] + "……"
        lead = marker.text if marker else ""
        text = f"〔{label}〕{lead}{body}"
    if marker and marker.defects:
        text += "  ⚠ " + "；".join(DEFECTS[d] for d in marker.defects)
    return f"{prefix}{indent}{text}"
