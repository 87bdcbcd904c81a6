"""--waivers (accountable exceptions) and --baseline (only what is new)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import seed_path, seed_text

from checker.cli import main
from checker.formats.schema import report_schema


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def waiver_file(tmp_path: Path, until: str, **fields: str) -> Path:
    entry = {
        "rule": "content/reasons-missing",
        "file": "002_*.txt",
        "reason": "原因分析另行专题报送",
        "approved_by": "李四（法治督察处）",
        **fields,
    }
    body = "".join(f'{key} = "{value}"\n' for key, value in entry.items())
    path = tmp_path / "waivers.toml"
    path.write_text(f"# 豁免清单\n\n[[waiver]]\n{body}until = {until}\n", "utf-8")
    return path


def document(result) -> dict:
    (found,) = json.loads(result.stdout)["documents"]
    return found


def test_a_waiver_in_force_moves_findings_aside_and_passes(tmp_path) -> None:
    waivers = waiver_file(tmp_path, "2999-12-31")
    seed = str(seed_path("002"))  # fails on content/reasons-missing only
    assert run("check", seed).exit_code == 1
    result = run("check", "--format", "json", "--waivers", str(waivers), seed)
    assert result.exit_code == 0
    found = document(result)
    jsonschema.validate(json.loads(result.output), report_schema())
    assert found["status"] == "pass"
    assert [f["rule"] for f in found["waived"]] == ["content/reasons-missing"]
    assert all(f["rule"] != "content/reasons-missing" for f in found["findings"])
    text = run("check", "--waivers", str(waivers), seed).output
    assert "已豁免 1 处" in text and "content/reasons-missing" in text


def test_waiver_by_unit(tmp_path) -> None:
    waivers = waiver_file(tmp_path, "2999-12-31", file="other.txt")
    result = run("check", "--waivers", str(waivers), str(seed_path("002")))
    assert result.exit_code == 1  # not this file
    unit = document(run("check", "--format", "json", str(seed_path("002"))))["unit"]
    path = tmp_path / "w.toml"
    path.write_text(
        waivers.read_text("utf-8").replace('file = "other.txt"', f'unit = "{unit}"'),
        "utf-8",
    )
    assert run("check", "--waivers", str(path), str(seed_path("002"))).exit_code == 0


def test_an_expired_waiver_waives_nothing_and_is_a_finding(tmp_path) -> None:
    waivers = waiver_file(tmp_path, "2020-06-30")
    result = run(
        "check", "--format", "json", "--waivers", str(waivers), str(seed_path("002"))
    )
    assert result.exit_code == 1
    found = document(result)
    assert "waived" not in found
    rules = [f["rule"] for f in found["findings"]]
    assert "content/reasons-missing" in rules
    (expired,) = [f for f in found["findings"] if f["rule"] == "config/expired-waiver"]
    assert expired["message"] == (
        "对 content/reasons-missing 的豁免已于2020-06-30到期"
        "（李四（法治督察处）批准，理由：原因分析另行专题报送；waivers.toml:3）"
    )
    assert expired["severity"] == "warning"


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"approved_by": ""},
            "waivers.toml:7: 缺少或不是文字（waiver[1].approved_by）",
        ),
        ({"rule": "content/reason"}, "waivers.toml:3: 规则包 fazhi-2019 中没有"),
        ({"file": "", "unit": ""}, "waivers.toml:8: 应为文字（waiver[1].unit）"),
        ({"colour": "red"}, "waivers.toml:8: 未知的键（waiver[1].colour）"),
    ],
)
def test_bad_waiver_file_is_one_line(tmp_path, fields, expected) -> None:
    waivers = waiver_file(tmp_path, "2999-12-31", **fields)
    result = run("check", "--waivers", str(waivers), "no-such-file.txt")
    assert result.exit_code == 2
    assert expected in result.output and result.output.count("\n") == 1


def test_waiver_until_must_be_a_date(tmp_path) -> None:
    waivers = waiver_file(tmp_path, '"明年"')
    result = run("check", "--waivers", str(waivers), str(seed_path("002")))
    assert result.exit_code == 2
    assert "waivers.toml:8: 缺少或不是日期" in result.output


def resubmitted(text: str) -> str:
    """A paragraph with a new placeholder inserted, a heading reworded."""
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("二、"))
    lines[at] = lines[at].replace("存在的主要问题", "存在的主要不足")
    lines.insert(at, "此外，全年共办理行政复议案件XX件。")
    return "\n".join(lines) + "\n"


def test_baseline_shows_only_what_is_new(tmp_path) -> None:
    report = tmp_path / "南城.txt"
    report.write_text(seed_text("003"), "utf-8")
    baseline = tmp_path / "baseline.json"
    first = run("check", "--write-baseline", str(baseline), str(report))
    assert first.exit_code == 1 and baseline.is_file()
    again = run("check", "--format", "json", "--baseline", str(baseline), str(report))
    assert again.exit_code == 0 and document(again)["findings"] == []
    assert "基线中已有的" in again.stderr

    report.write_text(resubmitted(seed_text("003")), "utf-8")
    whole = document(run("check", "--format", "json", str(report)))
    heading = [f for f in whole["findings"] if f["rule"] == "content/reasons-missing"]
    assert heading and heading[0]["text"] == "存在的主要不足"  # reworded, still there
    assert len(whole["findings"]) > 2  # lines moved for every finding below
    result = run("check", "--format", "json", "--baseline", str(baseline), str(report))
    new = [(f["rule"], f["text"]) for f in document(result)["findings"]]
    assert new == [("content/placeholder", "XX")]
    assert result.exit_code == 1  # the placeholder is an error


def test_bad_baseline_file_is_one_line(tmp_path) -> None:
    bad = tmp_path / "baseline.json"
    bad.write_text('{"version": 1}', "utf-8")
    result = run("check", "--baseline", str(bad), str(seed_path("002")))
    assert result.exit_code == 2 and "基线文件内容不完整" in result.output
    result = run("check", "--baseline", str(tmp_path / "no.json"), "x.txt")
    assert result.exit_code == 2 and "找不到基线文件" in result.output
