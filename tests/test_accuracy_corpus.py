"""Issue 15: compliant reports of real shapes pass; one planted defect is found.

tests/corpus/compliant/ holds reports a careful reviewer would pass (province,
city, county, township, street, department; web pages, tables, traditional
characters, joint signatures …). Each must pass ``check`` with no error and
no warning, with its title, unit and 成文日期 read. Each defective variant
plants one defect in one of them and must get exactly that finding, at the
line where it was planted, at the rule's severity.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from accuracy_support import COMPLIANT, CORPUS, findings, line_of, meta, serious
from accuracy_support import statuses as checklist

REQUIRED = ("measures", "shortcomings", "first-responsible", "next-year-plan")


def _read(name: str) -> str:
    (path,) = (CORPUS / "compliant").glob(f"{name}_*.txt")
    return path.read_text(encoding="utf-8")


def test_corpus_is_large_enough() -> None:
    assert len(COMPLIANT) >= 15


@pytest.mark.parametrize("path", COMPLIANT, ids=[p.stem for p in COMPLIANT])
def test_compliant_report_passes(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert serious(findings(text)) == []
    assert {item: checklist(text)[item] for item in REQUIRED} == dict.fromkeys(
        REQUIRED, "present"
    )
    read = meta(text)
    assert read["title"] and ("报告" in read["title"] or "報告" in read["title"])
    assert read["unit"] and read["date"] and read["year"] >= 2019


# (corpus file, text to replace, replacement, where the finding points, finding)
DEFECTS = [
    (
        "01",
        "主要原因是基层法治力量薄弱，培训针对性不强。二是行政规范性文件备案审查"
        "质量有待提升。原因在于审查人员专业化程度不高，审查标准不够统一。三是法治"
        "宣传的覆盖面和实效性还不够，主要是宣传方式较为传统，群众参与度不高。",
        "二是行政规范性文件备案审查质量有待提升，审查标准不够统一，个别文件未按"
        "期报备。三是法治宣传的覆盖面和实效性还不够，宣传方式较为传统，群众参与"
        "度不高，线上宣传平台利用不充分。",
        "三、存在的不足和原因",
        ("content/reasons-missing", "error"),
    ),
    (
        "01",
        "（三）严格规范",
        "（四）严格规范",
        "（四）",
        ("numbering/sequence", "warning"),
    ),
    (
        "01",
        "（二）推进行政",
        "(二)推进行政",
        "(二)",
        ("numbering/mixed-style", "warning"),
    ),
    (
        "01",
        "2022年2月18日",
        "2022年02月18日",
        "2022年02月18日",
        ("meta/date-format", "warning"),
    ),
    (
        "01",
        "2022年2月18日",
        "2022年2月30日",
        "2022年2月30日",
        ("meta/date-format", "warning"),
    ),
    ("01", "2022年2月18日", "2022年4月8日", "2022年4月8日", ("meta/deadline", "error")),
    (
        "01",
        "四、2022年推进",
        "四、2021年推进",
        "四、2021年推进",
        ("meta/plan-year", "warning"),
    ),
    (
        "03",
        "深入学习贯彻党的二十大精神和习近平法治思想，",
        "建设职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信的法治政府，",
        "廉洁高效",
        ("content/stale-slogan", "warning"),
    ),
    (
        "05",
        "审查县政府规范性文件12件",
        "审查县政府规范性文件XX件",
        "XX件",
        ("content/placeholder", "error"),
    ),
    (
        "08",
        "3.全面落实",
        "3、全面落实",
        "3、全面落实",
        ("numbering/punctuation", "warning"),
    ),
    (
        "09",
        "发布日期：2023-03-20",
        "发布日期：2023-04-10",
        "发布日期：2023-04-10",
        ("meta/deadline", "error"),
    ),
    (
        "09",
        "长宁县2022年度法治政府建设情况报告",
        "长宁县法治政府建设情况报告",
        "长宁县法治政府建设情况报告",
        ("meta/title", "warning"),
    ),
    (
        "10",
        "东门街道办事处　　　　2021年2月8日",
        "东门街道办事处　　　　2021年2月30日",
        "2021年2月30日",
        ("meta/date-format", "warning"),
    ),
    (
        "14",
        "；三是普法宣传",
        "；四是普法宣传",
        "四是普法宣传",
        ("enumeration/sequence", "warning"),
    ),
    (
        "11",
        "由於學校管理人員",
        "學校管理人員",
        "三、存在的不足和原因",
        ("content/reasons-missing", "error"),
    ),
]


@pytest.mark.parametrize(
    ("name", "old", "new", "where", "expected"),
    DEFECTS,
    ids=[f"{d[0]}-{d[4][0]}" for d in DEFECTS],
)
def test_planted_defect_is_found(name, old, new, where, expected) -> None:
    original = _read(name)
    assert old in original
    planted = original.replace(old, new, 1)
    before = set(findings(original))
    new_findings = [f for f in findings(planted) if f not in before]
    rule, severity = expected
    line = line_of(planted, where)
    assert new_findings == [(rule, line, severity)]
