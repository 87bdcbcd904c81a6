"""Interfaces beside the reports: Chinese usage errors, the rule catalogue, the API."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import seed_path, seed_text

import checker
from checker.cli import main
from checker.engine import Report, Status, pack_names
from checker.source import InputError


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["check", "--jbos", "2", "seeds"], "错误：没有选项 '--jbos'。"),
        (["check", "--format", "xml", "seeds"], "错误：--format 须为 text、table"),
        (["check"], "错误：缺少参数 'PATH...'"),
        (["chek"], "错误：没有命令 'chek'。"),
    ],
)
def test_usage_errors_are_chinese_and_exit_2(args: list[str], expected: str) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert expected in result.stderr and "Usage" not in result.stderr


def test_help_headings_are_chinese() -> None:
    result = CliRunner().invoke(main, ["check", "--help"])
    assert result.exit_code == 0
    assert "用法：" in result.output and "显示本帮助并退出。" in result.output


def test_rule_catalogue_lists_every_bundled_pack_with_examples() -> None:
    result = CliRunner().invoke(main, ["rules", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["schema_version"] == "1"
    assert [p["id"] for p in data["packs"]] == pack_names()
    pack = next(p for p in data["packs"] if p["id"] == "fazhi-2015")
    assert pack["recommended_items"] and not pack["required_items"]
    rule = next(r for r in pack["rules"] if r["id"] == "checklist/missing-item")
    assert rule["severity"] == "warning"  # the 2015 pack's own severity
    assert rule["args"]["item"] and rule["examples"]["fail"]
    reasons = next(
        r
        for p in data["packs"]
        for r in p["rules"]
        if p["id"] == "fazhi-2019" and r["id"] == "content/reasons-missing"
    )
    assert "原因" in reasons["options"]["keywords"]  # a pattern, as text


def test_rule_catalogue_of_one_pack() -> None:
    result = CliRunner().invoke(
        main, ["rules", "--format", "json", "--rules", "gbt9704"]
    )
    assert [p["id"] for p in json.loads(result.output)["packs"]] == ["gbt9704"]


def test_api_checks_a_file_and_a_text() -> None:
    report = checker.check_file(seed_path("002"))
    assert isinstance(report, Report) and report.status is Status.FAIL
    assert [item.status for item in report.checklist][:4] == ["present"] * 4
    again = checker.check_text(seed_text("002"), name=str(seed_path("002")))
    assert again.findings == report.findings
    shown = checker.report_json(report)
    assert shown["status"] == "fail" and shown["ruleset"]["id"] == "fazhi-2019"
    assert checker.check_text("一、主要举措\n", year=2016).ruleset.id == "fazhi-2015"


def test_api_raises_input_error_with_a_chinese_reason(tmp_path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError) as caught:
        checker.check_file(empty)
    assert caught.value.reason == "文件为空"
