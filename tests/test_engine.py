"""The engine on the real seeds: checklist statuses and defects of DOMAIN.md §7."""

from __future__ import annotations

import json
import pickle

import pytest
from conftest import seed_path, seed_text

from checker.engine import check_document, error_report
from checker.formats.json_ import report_json
from checker.source.decode import Source


def check_seed(prefix: str, **kwargs) -> dict:
    return check_document(Source(str(seed_path(prefix)), seed_text(prefix)), **kwargs)


def statuses(doc: dict) -> dict[str, str]:
    return {item.id: item.status for item in doc.checklist}


def rule_lines(doc: dict, rule: str) -> list[int]:
    return [f.line for f in doc.findings if f.rule == rule]


EXPECTED = {
    "000": ("fazhi-2015", "present", {"missing", "partial"}, "missing", "present"),
    "001": ("fazhi-2015", "present", {"missing"}, "partial", "missing"),
    "002": ("fazhi-2019", "present", {"present"}, "present", "present"),
    "003": ("fazhi-2019", "present", {"present"}, "partial", "present"),
    "004": ("fazhi-2019", "present", {"present"}, "partial", "present"),
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_checklist_of_each_seed(prefix: str) -> None:
    pack, measures, shortcomings, responsible, plan = EXPECTED[prefix]
    doc = check_seed(prefix)
    got = statuses(doc)
    assert doc.ruleset.id == pack
    assert got["measures"] == measures
    assert got["shortcomings"] in shortcomings
    assert got["first-responsible"] == responsible
    assert got["next-year-plan"] == plan


def test_seed_000_defects() -> None:
    doc = check_seed("000")
    assert rule_lines(doc, "numbering/missing-punctuation") == [18]
    assert rule_lines(doc, "meta/date-format") == [80]
    (late,) = [f for f in doc.findings if f.rule == "meta/deadline"]
    assert "2019-04-08" in late.message and late.severity == "error"
    missing = [f for f in doc.findings if f.rule == "checklist/missing-item"]
    assert [f.severity for f in missing] == ["warning"]  # 2015 纲要: recommended


def test_seed_001_defects() -> None:
    doc = check_seed("001")
    assert len(rule_lines(doc, "numbering/missing-numeral")) == 11
    assert rule_lines(doc, "meta/title") == [2]
    evidence = next(i for i in doc.checklist if i.id == "first-responsible")
    assert evidence.evidence.line == 13


def test_seed_002_defects() -> None:
    doc = check_seed("002")
    assert doc.status == "fail"
    assert rule_lines(doc, "content/reasons-missing") == [24]
    assert rule_lines(doc, "content/thin-section") == [24]
    assert not rule_lines(doc, "checklist/missing-item")


def test_seed_003_defects() -> None:
    doc = check_seed("003")
    assert rule_lines(doc, "enumeration/sequence") == [17, 23]
    assert rule_lines(doc, "content/reasons-missing") == [25]
    assert rule_lines(doc, "checklist/partial-item") == [9]
    assert not rule_lines(doc, "meta/plan-year")


def test_seed_004_defects() -> None:
    doc = check_seed("004")
    assert rule_lines(doc, "meta/title") == [1]
    assert rule_lines(doc, "checklist/partial-item") == [21]
    assert not rule_lines(doc, "meta/deadline")
    assert not rule_lines(doc, "meta/date-format")


def _without_first_responsible() -> str:
    text = seed_text("002")
    start = text.index("二、履行推进法治建设第一责任人职责情况")
    end = text.index("三、存在的不足和原因")
    return text[:start] + text[end:]


def test_deleting_first_responsible_fails_with_missing_item() -> None:
    doc = check_document(Source("x.txt", _without_first_responsible()))
    missing = [f for f in doc.findings if f.rule == "checklist/missing-item"]
    assert doc.status == "fail"
    assert [(f.severity, "第一责任人" in f.message) for f in missing] == [
        ("error", True)
    ]


@pytest.mark.parametrize("how", ["flag", "title"])
def test_same_deletion_in_a_2017_report_is_a_warning(how: str) -> None:
    text = _without_first_responsible()
    year = 2017 if how == "flag" else None
    if how == "title":
        text = text.replace("小王庄镇2023年", "小王庄镇2017年", 1)
    doc = check_document(Source("x.txt", text), year=year)
    missing = [f for f in doc.findings if f.rule == "checklist/missing-item"]
    assert doc.ruleset.id == "fazhi-2015"
    assert [f.severity for f in missing] == ["warning"]


def test_unknown_year_uses_2019_rules_and_says_so() -> None:
    doc = check_document(Source("x.txt", "一、主要举措和成效\n依法履职。\n"))
    assert doc.ruleset.id == "fazhi-2019"
    assert "未识别报告年度" in doc.ruleset.basis


def test_fail_on_levels() -> None:
    source = Source(str(seed_path("004")), seed_text("004"))
    assert check_document(source, fail_on="never").status == "pass"
    assert check_document(source, fail_on="warning").status == "fail"


def test_output_is_deterministic_and_picklable() -> None:
    first = json.dumps(report_json(check_seed("003")), ensure_ascii=False)
    second = json.dumps(report_json(check_seed("003")), ensure_ascii=False)
    assert first == second
    report = check_seed("003")
    assert pickle.loads(pickle.dumps(report)) == report  # crosses worker pipes


def test_findings_are_sorted_by_line_column_rule() -> None:
    findings = check_seed("001").findings
    keys = [(f.line, f.column, f.rule) for f in findings]
    assert keys == sorted(keys)


def test_error_report_shape() -> None:
    doc = error_report("a.txt", "文件为空")
    assert doc.status == "error" and doc.error == "文件为空"
    assert doc.checklist == () and doc.findings == ()
    shown = report_json(doc)
    assert shown["status"] == "error" and shown["error"] == "文件为空"
    assert set(shown["meta"]) == {"title", "unit", "year", "date", "published"}
