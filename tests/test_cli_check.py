"""``check``, ``rules`` and ``explain`` as a user runs them (CliRunner)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner
from conftest import seed_path, seed_text
from readers_fixtures import docx_typed, pdf_a4

from checker.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_check_text_shows_checklist_and_findings_with_lines() -> None:
    result = run("check", str(seed_path("000")))
    assert result.exit_code == 1
    assert "检查清单" in result.output and "第18行" in result.output
    assert "numbering/missing-punctuation" in result.output
    assert "规则包：fazhi-2015" in result.output


def test_check_json_document_shape_and_determinism() -> None:
    first = run("check", "--format", "json", str(seed_path("003")))
    second = run("check", "--format", "json", str(seed_path("003")))
    assert first.stdout == second.stdout
    report = json.loads(first.stdout)
    assert report["schema_version"] == "1"
    (doc,) = report["documents"]
    assert doc["ruleset"]["id"] == "fazhi-2019"
    assert {i["id"]: i["status"] for i in doc["checklist"]}["first-responsible"] == (
        "partial"
    )


def test_year_and_rules_override(tmp_path: Path) -> None:
    text = seed_text("002")
    start, end = text.index("二、履行"), text.index("三、存在的不足和原因")
    path = tmp_path / "cut.txt"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    as_2023 = json.loads(run("check", "--format", "json", str(path)).stdout)
    as_2017 = json.loads(
        run("check", "--format", "json", "--year", "2017", str(path)).stdout
    )
    levels = [
        [
            f["severity"]
            for f in d["documents"][0]["findings"]
            if f["rule"] == "checklist/missing-item"
        ]
        for d in (as_2023, as_2017)
    ]
    assert levels == [["error"], ["warning"]]
    gbt = json.loads(
        run("check", "--format", "json", "--rules", "gbt9704", str(path)).stdout
    )
    assert gbt["documents"][0]["ruleset"]["id"] == "gbt9704"


def test_unreadable_input_exits_2_with_one_chinese_line(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert "错误：" in result.stderr and "Traceback" not in result.output


def test_unknown_pack_exits_2() -> None:
    result = run("check", "--rules", "no-such-pack", str(seed_path("002")))
    assert result.exit_code == 2 and "no-such-pack" in result.stderr


def test_rules_lists_the_pack() -> None:
    result = run("rules", "--rules", "fazhi-2015")
    assert result.exit_code == 0
    assert "fazhi-2015" in result.output and "checklist/missing-item" in result.output
    assert "numbering/sequence" in result.output  # from gbt9704 via extends


def test_explain_numbering_sequence() -> None:
    result = run("explain", "numbering/sequence")
    assert result.exit_code == 0
    for part in (
        "GB/T 9704-2012",
        "不合规示例",
        "合规示例",
        "如何修改",
        "三、存在的不足",
    ):
        assert part in result.output


def test_explain_picks_the_example_of_the_rule() -> None:
    result = run("explain", "numbering/missing-punctuation")
    assert "2加强政务服务体系创新" in result.output


def test_reflowed_pdf_findings_point_at_paragraphs(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf_a4(seed_text("000")))
    result = CliRunner().invoke(main, ["check", str(path)])
    # a person finds it by the page the PDF viewer shows
    assert "第2页 一、/(一)/2  [警告] 序号“2”后缺少标点" in result.stdout
    result = CliRunner().invoke(main, ["check", "--format", "json", str(path)])
    doc = json.loads(result.stdout)["documents"][0]
    assert (doc["format"], doc["line_unit"]) == ("pdf", "paragraph")
    (lost,) = [
        f for f in doc["findings"] if f["rule"] == "numbering/missing-punctuation"
    ]
    assert (lost["line"], lost["page"]) == (10, 2)


def test_explain_unknown_rule_exits_2() -> None:
    result = run("explain", "no/such-rule")
    assert result.exit_code == 2 and "no/such-rule" in result.stderr


def test_word_findings_point_at_paragraph_numbers(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(docx_typed(seed_text("000")))
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 1
    # blank lines are not paragraphs: the 2加强 heading is paragraph 10, not line 18
    assert "第10段 一、/(一)/2  [警告] " in result.stdout
    doc = json.loads(
        CliRunner().invoke(main, ["check", "--format", "json", str(path)]).stdout
    )["documents"][0]
    assert (doc["format"], doc["line_unit"]) == ("docx", "paragraph")
    item = next(
        f for f in doc["findings"] if f["rule"] == "numbering/missing-punctuation"
    )
    assert item["line"] == 10


def test_word_messages_never_say_line_where_positions_say_paragraph(tmp_path):
    """The unit (行/段) comes from the report, never from a message template."""
    path = tmp_path / "report.docx"
    path.write_bytes(docx_typed(seed_text("003")))  # first-responsible: partial
    result = CliRunner().invoke(main, ["check", "--format", "json", str(path)])
    doc = json.loads(result.stdout)["documents"][0]
    partial = next(f for f in doc["findings"] if f["rule"] == "checklist/partial-item")
    assert "部分的正文中提及" in partial["message"]
    for finding in doc["findings"]:
        assert not re.search(r"第\d+[行段]", finding["message"] + finding["hint"])
    text = CliRunner().invoke(main, ["check", str(path)]).stdout
    assert re.search(r"第\d+段 一、/\(一\)  \[警告\] “党政主要负责人", text)
    assert not re.search(r"第\d+行", text)


def test_stale_slogan_message_names_the_current_wording() -> None:
    """No literal {current} reaches the drafter (a defect of version 0.1)."""
    text = "某镇2022年度法治政府建设情况报告\n建设廉洁高效、守法诚信的法治政府。\n"
    result = CliRunner().invoke(main, ["check", "-"], input=text.encode())
    assert "改用现行提法“智能高效、廉洁诚信”" in result.stdout
    assert "{" not in result.stdout
