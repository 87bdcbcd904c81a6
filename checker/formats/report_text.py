"""Chinese text rendering of one checked document (the ``check`` text format).

A formatter: it reads the document dict from checker.engine and never computes
findings.
"""

from __future__ import annotations

from tabulate import tabulate

from checker.checks.hit import SEVERITY_LABELS

_STATUS = {"present": "✓ 有", "partial": "△ 部分", "missing": "✗ 缺"}
_VERDICT = {"pass": "通过", "fail": "不通过", "error": "无法检查"}


def render_document(doc: dict) -> str:
    """The checklist table and the findings of one document, in Chinese."""
    if doc["status"] == "error":
        return f"{doc['path']}：错误：{doc.get('error', '')}\n"
    parts = [
        _header(doc),
        _checklist(doc["checklist"], _unit(doc)),
        _findings(doc["findings"], _unit(doc)),
        _verdict(doc),
    ]
    return "\n\n".join(p for p in parts if p) + "\n"


def _header(doc: dict) -> str:
    meta, ruleset = doc["meta"], doc["ruleset"]
    return "\n".join(
        [
            f"文件：{doc['path']}",
            f"标题：{meta.get('title') or '（无）'}",
            f"年度：{_or(meta.get('year'), '（未识别）')}"
            f"　单位：{_or(meta.get('unit'), '（未识别）')}"
            f"　成文日期：{_or(meta.get('date'))}"
            f"　发布日期：{_or(meta.get('published'))}",
            f"规则包：{ruleset['id']}（依据：{ruleset['basis']}）",
        ]
    )


def _or(value: object, blank: str = "（无）") -> object:
    return value or blank


def _unit(doc: dict) -> str:
    """What a line number counts: 段 for Word files and reflowed PDFs."""
    return "段" if doc.get("line_unit") == "paragraph" else "行"


def _checklist(items: list[dict], unit: str) -> str:
    rows = []
    for item in items:
        evidence = item.get("evidence") or {}
        where = ""
        if evidence:
            path = evidence.get("path") or ""
            where = f"第{evidence.get('line')}{unit} {path} {evidence.get('text', '')}"
            if evidence.get("note"):
                where += f"（{evidence['note']}）"
        rows.append(
            [
                item["name"],
                _STATUS.get(item["status"], item["status"]),
                "必备" if item["required"] else "推荐",
                where.strip()[:60],
            ]
        )
    table = tabulate(
        rows, headers=["内容", "状态", "要求", "位置与依据"], tablefmt="simple"
    )
    return "检查清单：\n" + table


def _findings(findings: list[dict], unit: str) -> str:
    if not findings:
        return "未发现问题。"
    lines = [f"发现问题 {len(findings)} 处："]
    for f in findings:
        where = f"第{f['line']}{unit}第{f['column']}列" if f.get("line") else "全文"
        label = SEVERITY_LABELS.get(f["severity"], f["severity"])
        lines.append(f"  {where}  [{label}] {f['message']}  ({f['rule']})")
        if f.get("text"):
            lines.append(f"      原文：{f['text']}")
        lines.append(f"      依据：{f['basis']}")
        lines.append(f"      修改：{f['hint']}")
    return "\n".join(lines)


def _verdict(doc: dict) -> str:
    counts = {level: 0 for level in SEVERITY_LABELS}
    for f in doc["findings"]:
        counts[f["severity"]] = counts.get(f["severity"], 0) + 1
    detail = "，".join(f"{SEVERITY_LABELS[k]} {v}" for k, v in counts.items())
    return f"结论：{_VERDICT.get(doc['status'], doc['status'])}（{detail}）"
