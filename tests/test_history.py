"""Against earlier years: --previous matches a report to its unit's earlier
one, measures the text carried over and follows last year's plan items."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.checks.unit import unit_key
from checker.cli import main

DATA = Path(__file__).parent / "data" / "history"
LAST, THIS = DATA / "nancheng-2022.txt", DATA / "nancheng-2023.txt"


def check(*args: str):
    return CliRunner().invoke(main, ["check", *map(str, args)])


def history_of(*args: str) -> dict:
    result = check(*args, "--format", "json")
    (document,) = json.loads(result.stdout)["documents"]
    return document.get("history")


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("南城街道办事处", "南城街道"),
        ("南城街道", "南城街道"),
        ("南城街道办", "南城街道"),
        ("某县人民政府", "某县"),
        ("某县政府", "某县"),
        (" 某县 人民政府", "某县"),
        ("县政府", "县政府"),  # not stripped down to a bare 县
        ("", None),
        (None, None),
    ],
)
def test_unit_key(name: str | None, key: str | None) -> None:
    assert unit_key(name) == key


def test_plan_items_are_listed_found_or_not_mentioned() -> None:
    history = history_of(THIS, "--previous", LAST)
    assert history["path"] == str(LAST) and history["year"] == 2022
    assert [(i["item"], i["found"], i["line"]) for i in history["plan"]] == [
        ("深化基层依法治理", False, None),
        ("完善社区法律顾问制度，实现法律顾问全覆盖", True, 3),
        ("开展“民主法治示范村”创建活动", True, 4),
        ("规范行政执法行为", False, None),
        ("提升行政复议应诉能力", False, None),
    ]
    assert history["share"] < 0.1  # written anew: no history/carried-over


def test_text_output_lists_the_plan_for_the_supervisor() -> None:
    result = check(THIS, "--previous", DATA)  # a folder: its 2022 report is used
    assert "上年对照：2022年度报告" in result.stdout
    assert "上年安排落实情况（2/5 项已报告）：" in result.stdout
    assert "✗ 未提及  深化基层依法治理" in result.stdout
    assert "✓ 已报告  开展“民主法治示范村”创建活动  第4行：" in result.stdout
    assert "history/carried-over" not in result.stdout
    assert result.exit_code == 1  # its own findings (no date format ...), not the plan


def test_only_an_earlier_year_of_the_same_unit_is_compared(tmp_path: Path) -> None:
    assert history_of(LAST, "--previous", THIS) is None  # 2023 is not earlier
    other = tmp_path / "other.txt"
    other.write_text(LAST.read_text("utf-8").replace("南城", "北湖"), "utf-8")
    assert history_of(THIS, "--previous", other) is None  # another unit


def test_last_years_text_with_new_years_and_figures_is_carried_over(
    tmp_path: Path,
) -> None:
    copy = tmp_path / "2023.txt"
    text = LAST.read_text("utf-8").replace("2023", "2024").replace("2022", "2023")
    copy.write_text(text.replace("56件", "61件"), "utf-8")
    result = check(copy, "--previous", LAST, "--format", "jsonl")
    document, summary = map(json.loads, result.stdout.splitlines())
    (finding,) = [
        f for f in document["findings"] if f["rule"] == "history/carried-over"
    ]
    assert finding["message"].startswith(
        "有100%的文字沿用2022年度报告“nancheng-2022.txt”；最长的沿用段落：第3—"
    )
    assert document["history"]["share"] == 1.0
    assert summary["summary"]["copies"]["carried_over"] == 1


def test_an_unreadable_previous_file_is_named_and_skipped(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = check(THIS, "--previous", empty, "--previous", LAST, "--format", "json")
    assert "提示：往年报告" in result.stderr and "empty.txt" in result.stderr
    assert json.loads(result.stdout)["documents"][0]["history"]["year"] == 2022
