"""``fazhi-check check`` on batches, as a supervisor and an audit system use it."""

from __future__ import annotations

import io
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import SEEDS

from checker import batch, engine
from checker.cli import main
from checker.cli import related as related_cli
from checker.cli.progress import Progress
from checker.formats.schema import jsonl_line_schema

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
CLI = Path(sys.executable).with_name("fazhi-check")


def invoke(*args: str):
    return CliRunner().invoke(main, ["check", *args])


def test_a_folder_of_seeds_is_a_five_row_table_and_fails() -> None:
    result = invoke(str(SEEDS), "--jobs", "2")
    assert result.exit_code == 1
    rows = [line for line in result.stdout.splitlines() if "seeds/" in line]
    assert len(rows) == 5 and all(" 不通过 " in row for row in rows)
    assert "共 5 份报告：通过 0 份，不通过 5 份，无法检查 0 份。" in result.stdout
    assert result.stderr == ""  # not a terminal: no progress bar


def test_jsonl_from_the_installed_command_validates(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(CLI), "check", str(SEEDS), "--format", "jsonl", "--jobs", "2"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        cwd=tmp_path,
    )
    assert result.returncode == 1, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 6
    for line in lines:
        jsonschema.validate(line, jsonl_line_schema())
    assert lines[-1]["summary"]["fail"] == 5


def test_sarif_validates_against_the_sarif_2_1_0_schema() -> None:
    result = invoke(str(SEEDS), "--format", "sarif", "--jobs", "1")
    log = json.loads(result.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    run = log["runs"][0]
    rule_ids = {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    assert {r["ruleId"] for r in run["results"]} <= rule_ids
    assert "numbering/sequence" in rule_ids


def test_unreadable_inputs_are_listed_and_the_batch_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01" + bytes(range(256)))
    locked = folder / "locked.txt"
    locked.write_text("一、内容\n", encoding="utf-8")
    locked.chmod(0)
    # Tests run as root, which reads a mode-000 file anyway; refuse the open as
    # the kernel would refuse it to an ordinary user (forked workers inherit this).
    real_open = pathlib.Path.open

    def guarded_open(self: Path, *args, **kwargs):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", guarded_open)
    result = invoke(str(folder), "--format", "csv", "--jobs", "1")
    assert result.exit_code == 2
    rows = {
        row.split(",")[0].rsplit("/", 1)[-1]: row for row in result.stdout.splitlines()
    }
    assert rows["empty.txt"].endswith("无法检查：文件为空")
    assert rows["locked.txt"].endswith("无法检查：没有读取权限")
    assert ",无法检查：" in rows["binary.txt"]
    assert sum(row.endswith(",不通过") for row in rows.values()) == 5
    assert result.stderr.count("错误：") == 3


def test_output_file_gets_the_report_and_stdout_stays_empty(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    result = invoke(str(SEEDS), "--format", "json", "--output", str(target), "-j", "1")
    assert result.exit_code == 1 and result.stdout == ""
    assert len(json.loads(target.read_text(encoding="utf-8"))["documents"]) == 5


def test_a_check_over_the_timeout_is_reported_and_the_rest_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = engine.check_document

    def slow(source, **options):
        if "〔慢〕" in source.text:
            time.sleep(3)
        return real(source, **options)

    monkeypatch.setattr(engine, "check_document", slow)
    shutil.copytree(SEEDS, tmp_path / "in")
    (tmp_path / "in" / "zz_slow.txt").write_text("一、〔慢〕\n", encoding="utf-8")
    result = invoke(
        str(tmp_path / "in"),
        "--format",
        "jsonl",
        "--timeout",
        "0.5",
        "-j",
        "1",
        "--no-similarity",  # the streaming path (check_all) is the one patched
    )
    docs = [json.loads(line) for line in result.stdout.splitlines()[:-1]]
    assert result.exit_code == 2
    assert [d["status"] for d in docs[:5]] == ["fail"] * 5
    assert docs[5]["status"] == "error" and "超时" in docs[5]["error"]


RUNAWAY_PACK = """\
id: runaway
name: 一个正则表达式回溯失控的规则包
basis: 测试
rules:
  content/placeholder:
    check: placeholder
    severity: error
    summary: 占位符
    message: 残留“{placeholder}”
    basis: 测试
    hint: 替换
    options:
      patterns: ["(X+)+Y"]
"""


def test_a_runaway_pack_regex_is_killed_at_the_timeout(tmp_path: Path) -> None:
    """re never yields to a signal handler: only killing the worker stops it."""
    (tmp_path / "runaway.yaml").write_text(RUNAWAY_PACK, encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(next(SEEDS.glob("002_*")), folder / "a.txt")
    (folder / "b.txt").write_text("一、" + "X" * 40 + "\n", encoding="utf-8")
    shutil.copy(folder / "a.txt", folder / "c.txt")
    args = ["check", "in", "--rules", "runaway.yaml", "--timeout", "1", "-j", "1"]
    result = subprocess.run(
        [str(CLI), *args, "--format", "csv"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=30,  # without the kill this would run for years
        cwd=tmp_path,
    )
    assert result.returncode == 2
    rows = [row.split(",") for row in result.stdout.splitlines()[1:]]
    assert [(row[0], row[-1]) for row in rows] == [
        ("in/a.txt", "通过"),
        ("in/b.txt", "无法检查：检查超时（超过 1 秒）"),
        ("in/c.txt", "通过"),
    ]
    assert result.stderr == "错误：in/b.txt：检查超时（超过 1 秒）\n"


def test_ctrl_c_stops_the_batch_with_exit_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(items, options, jobs):
        yield from batch.check_all(items[:1], options, jobs)
        raise KeyboardInterrupt

    monkeypatch.setattr(related_cli, "check_all", interrupted)
    result = invoke(str(SEEDS), "--format", "jsonl", "--no-similarity")
    assert result.exit_code == 130
    assert len(result.stdout.splitlines()) == 1  # one document, no summary line
    assert result.stderr == "已中断（Ctrl-C）：报告不完整，缺少汇总\n"


def test_default_jobs_are_the_cpus_this_process_may_use(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen = []

    def spy(items, options, jobs):
        seen.append(jobs)
        return batch.check_all(items, options, jobs)

    monkeypatch.setattr(related_cli, "check_all", spy)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {3}, raising=False)
    plain = ("--format", "jsonl", "--no-similarity")
    assert invoke(str(SEEDS), *plain).exit_code == 1
    assert invoke(str(SEEDS), *plain, "-j", "2").exit_code == 1
    assert seen == [1, 2]  # e.g. under taskset -c 3, one worker


def test_files_left_out_are_named_on_stderr(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    for name in ("附件.rar", "统计表.xlsx"):  # .zip packets are checked (packets)
        (folder / name).write_bytes(b"PK")
    result = invoke(str(folder), "--format", "jsonl")
    assert result.exit_code == 1  # what is not a report does not fail the batch
    assert len(result.stdout.splitlines()) == 6
    assert result.stderr.splitlines() == [
        f"提示：跳过 2 个不是报告格式的文件（{folder}/统计表.xlsx、"
        f"{folder}/附件.rar）；要检查它们请用 --include"
    ]


def test_table_rows_line_up_with_stdin_among_the_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed = next(SEEDS.glob("002_*"))
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_bytes(seed.read_bytes())
    args = ["check", "-", "a.txt", "--format", "table"]
    result = CliRunner().invoke(main, args, input=seed.read_bytes())
    header, rule, stdin_row, file_row = result.stdout.splitlines()[:4]
    assert stdin_row.startswith("<stdin>  ") and file_row.startswith("a.txt    ")
    assert len(rule.split()[0]) == len("<stdin>")


def test_fail_on_sets_the_policy() -> None:
    seed = str(next(SEEDS.glob("002_*")))
    assert invoke(seed, "--fail-on", "never").exit_code == 0
    assert invoke(seed, "--fail-on", "error").exit_code == 1


def test_one_file_defaults_to_text_and_stdin_is_accepted() -> None:
    seed = next(SEEDS.glob("002_*"))
    result = CliRunner().invoke(main, ["check", "-"], input=seed.read_bytes())
    assert result.exit_code == 1
    assert "检查清单" in result.stdout and "<stdin>" in result.stdout


def test_json_is_byte_identical_whatever_the_jobs(tmp_path: Path) -> None:
    outputs = [
        invoke(str(SEEDS), "--format", fmt, "-j", jobs).stdout
        for fmt in ("json", "sarif")
        for jobs in ("1", "2")
    ]
    assert outputs[0] == outputs[1] and outputs[2] == outputs[3]


def test_a_bad_option_is_a_usage_error() -> None:
    assert invoke(str(SEEDS), "--format", "xml").exit_code == 2
    assert invoke(str(SEEDS), "--jobs", "0").exit_code == 2
    assert os.path.isdir(SEEDS)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_shows_on_a_terminal_only() -> None:
    terminal = Terminal()
    progress = Progress(2, terminal)
    progress.advance()
    progress.log("错误：b.txt：文件为空")
    progress.advance()
    progress.close()
    shown = terminal.getvalue()
    assert re.search(r"1/2 50% \d+\.\d 份/秒 剩余 \d+:\d\d", shown)  # rate, ETA
    assert re.sub(r" [\d.]+ 份/秒 剩余 [\d:]+", "", shown) == (
        "\r[############------------] 1/2 50%"
        "\r\033[K错误：b.txt：文件为空\n"  # the bar steps aside for the message
        "\r[########################] 2/2 100%"
        "\r\033[K"
    )
    quiet = io.StringIO()
    progress = Progress(2, quiet)
    progress.advance()
    progress.log("错误：b.txt：文件为空")
    assert quiet.getvalue() == "错误：b.txt：文件为空\n"
