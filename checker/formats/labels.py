"""Every Chinese label the formats print, in one place.

Item names and short labels live with the items themselves
(:mod:`checker.checks.items`); messages, bases and hints live in the rule packs.
"""

from __future__ import annotations

from checker.engine import LineUnit, Status

SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}
#: Checklist item statuses: a mark for table cells, a mark and a word for text.
MARK = {"present": "✓", "partial": "△", "missing": "✗"}
STATUS = {"present": "✓ 有", "partial": "△ 部分", "missing": "✗ 缺"}
VERDICT = {Status.PASS: "通过", Status.FAIL: "不通过", Status.ERROR: "无法检查"}
#: What a line number counts, by the report's line unit.
UNIT = {LineUnit.LINE: "行", LineUnit.PARAGRAPH: "段", None: "行"}
REQUIRED = {True: "必备", False: "推荐"}
#: Checklist item statuses in a supervisor's scorecard (xlsx, html).
SCORE = {"present": "有", "partial": "部分", "missing": "缺"}
#: Copies within a batch (Match.kind) and last year's plan items.
COPY = {"duplicate": "相同", "similar": "雷同"}
FOLLOWED = {True: "✓ 已报告", False: "✗ 未提及"}
#: Outline: node kinds and heading levels.
KIND = {
    "chrome": "网页元素",
    "title": "标题",
    "addressee": "主送机关",
    "preamble": "导语",
    "paragraph": "段落",
    "enum": "列举",
    "closing": "结尾",
    "signoff": "结束语",
    "signature": "落款",
    "date": "成文日期",
}
LEVEL = {
    1: "一级标题",
    2: "二级标题",
    3: "三级标题",
    4: "四级标题",
    5: "五级标题（超出公文格式）",
}


def position(line: int | None, column: int | None, unit: LineUnit | None) -> str:
    """Where a finding is, as a person reads it: 第12行第3列, 第7段第1列, 全文."""
    if not line:
        return "全文"
    where = f"第{line}{UNIT[unit]}"
    return where + (f"第{column}列" if column else "")


def place(
    line: int | None,
    column: int | None,
    unit: LineUnit | None,
    paragraph: int | None = None,
    page: int | None = None,
    cell: tuple[int, int] | None = None,
) -> str:
    """Where a person finds it: 第3页 (PDF), 第18段 (Word, blank paragraphs not
    counted, as on screen; in a table also 表格第2行第3列), else 第12行第3列
    (text files, as editors number)."""
    if page:
        return f"第{page}页"
    if paragraph:
        return f"第{paragraph}段" + (COMMENT["cell"].format(*cell) if cell else "")
    return position(line, column, unit)


def places(numbers: list[int], label: str, shown: int = 3) -> str:
    """Several places at once: 第13、15、17…行（共10处）."""
    unique = sorted(set(numbers))
    listed = "、".join(str(n) for n in unique[:shown])
    more = "…" if len(unique) > shown else ""
    return f"第{listed}{more}{label}（共{len(numbers)}处）"


#: Word comments written by ``annotate``.
COMMENT = {
    "basis": "依据：",
    "hint": "修改建议：",
    "where": "位置：",
    "cell": "（表格第{}行第{}列）",
    "rule": "规则：",
    "checklist": "【检查清单】规则包 ",
    "not_found": "未找到",
    "verdict": "结论：",
}
