"""Flags and outputs that used to end in a traceback or destroy a file (issue 17)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEEDS, seed_text

from checker import batch
from checker.cli import main
from checker.cli import related as related_command
from checker.formats import FORMATS

CLI = Path(sys.executable).with_name("fazhi-check")


def invoke(*args: str):
    return CliRunner().invoke(main, ["check", *args])


JOBS = "须为 1 到 64 的整数"
SECONDS = "须为大于 0、不超过 3600 的秒数"
YEAR = "须为 2000 到 2100 的年份"


@pytest.mark.parametrize(
    ("flag", "value", "rule"),
    [
        ("-j", "10000", JOBS),
        ("--jobs", "0", JOBS),
        ("--timeout", "inf", SECONDS),
        ("--timeout", "nan", SECONDS),
        ("--timeout", "1e300", SECONDS),
        ("--timeout", "-1", SECONDS),
        ("--year", "99999", YEAR),
        ("--year", "1999", YEAR),
    ],
)
def test_a_flag_out_of_range_is_one_chinese_line_and_exit_2(
    flag: str, value: str, rule: str
) -> None:
    result = invoke(str(SEEDS), flag, value)
    assert result.exit_code == 2
    long = {"-j": "--jobs"}.get(flag, flag)
    assert result.stderr == f"错误：{long} {rule}（收到“{value}”）\n"
    assert result.stdout == ""


def test_the_largest_flags_still_work() -> None:
    args = ("--format", "jsonl", "-j", "64", "--timeout", "3600", "--year", "2100")
    assert invoke(str(SEEDS), *args).exit_code == 1


def test_output_naming_an_input_is_refused_and_the_input_kept(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    victim = sorted(folder.iterdir())[0]
    before = victim.read_bytes()
    # Spelt differently from the walk's path: a relative path through "..".
    target = str(folder / ".." / "in" / victim.name)
    result = invoke(str(folder), "-o", target, "--format", "csv")
    assert result.exit_code == 2
    assert result.stderr == f"错误：{victim}：是输入文件，不能用作 -o\n"
    assert victim.read_bytes() == before


def test_an_interrupted_run_leaves_the_old_report_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(items, options, jobs):
        yield from batch.check_all(items[:1], options, jobs)
        raise KeyboardInterrupt

    target = tmp_path / "汇总.jsonl"
    target.write_text("上次的报告\n", encoding="utf-8")
    with monkeypatch.context() as patch:
        patch.setattr(related_command, "check_all", interrupted)
        # --no-similarity: reports stream from check_all, one at a time
        args = ["-o", str(target), "--format", "jsonl", "--no-similarity"]
        result = invoke(str(SEEDS), *args)
    assert result.exit_code == 130
    assert result.stderr == f"已中断（Ctrl-C）：未写入 {target}\n"
    assert target.read_text(encoding="utf-8") == "上次的报告\n"
    result = invoke(str(SEEDS), "-o", str(target), "--format", "jsonl")
    assert result.exit_code == 1
    assert len(target.read_text(encoding="utf-8").splitlines()) == 6
    assert sorted(p.name for p in tmp_path.iterdir()) == ["汇总.jsonl"]


@pytest.mark.parametrize("how", ["-o", "stdout"])
def test_a_full_disk_is_one_chinese_line_and_exit_2(how: str) -> None:
    args = [str(CLI), "check", str(SEEDS), "--format", "json", "-j", "1"]
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            args + (["-o", "/dev/full"] if how == "-o" else []),
            stdout=full if how == "stdout" else subprocess.PIPE,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    where = "/dev/full" if how == "-o" else "标准输出"
    assert result.stderr.decode("utf-8") == f"错误：{where}：写入失败（磁盘空间不足）\n"
    assert result.returncode == 2


def test_two_runs_writing_one_file_never_interleave(tmp_path: Path) -> None:
    """Each run's report is whole: the one that finished last, not a mix."""
    sizes = {"a": 40, "b": 25}  # copies of the five seeds: 200 and 125 reports
    for folder, copies in sizes.items():
        (tmp_path / folder).mkdir()
        for copy in range(copies):
            for seed in SEEDS.glob("*.txt"):
                shutil.copy(seed, tmp_path / folder / f"{copy:02d}_{seed.name}")
    target = tmp_path / "汇总.jsonl"
    runs = [
        subprocess.Popen(
            [str(CLI), "check", folder, "--format", "jsonl", "-j", "2"]
            + ["-o", str(target)],
            cwd=tmp_path,
            stderr=subprocess.PIPE,
        )
        for folder in sizes
    ]
    for run in runs:
        run.communicate(timeout=120)
        assert run.returncode == 1
    lines = target.read_text(encoding="utf-8").splitlines()
    docs, summary = [json.loads(line) for line in lines[:-1]], json.loads(lines[-1])
    assert len(docs) == summary["summary"]["fail"] in (200, 125)
    assert len({doc["path"].split("/")[0] for doc in docs}) == 1
    assert sorted(os.listdir(tmp_path)) == ["a", "b", "汇总.jsonl"]  # no temp file


TITLE_SEQUENCE = "\x1b]0;已被篡改\x07"  # sets the terminal window's title
CLEAR_SCREEN = "\x1b[2J\x9b0m"  # clears the screen; a one-byte CSI


def test_terminal_control_sequences_are_shown_escaped(tmp_path: Path) -> None:
    text = seed_text("002").replace("一、", f"一、{TITLE_SEQUENCE}{CLEAR_SCREEN}", 1)
    report = tmp_path / "a\x1b[31m.txt"
    report.write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    outputs = {
        "text": invoke(str(report)).stdout,
        "table": invoke(str(report), str(tmp_path / "b.txt")).stdout,
        "outline": CliRunner().invoke(main, ["outline", str(report)]).stdout,
    }
    for name, out in outputs.items():
        assert not set(out) & set("\x1b\x07\x9b"), name
        assert "a\\x1b[31m.txt" in out, name
    for name in ("text", "outline"):
        assert "\\x1b]0;已被篡改\\x07\\x1b[2J\\x9b0m" in outputs[name], name
    json_out = invoke(str(report), "--format", "json").stdout
    assert json.loads(json_out)["documents"][0]["path"].endswith("a\\x1b[31m.txt")


def test_a_bad_choice_or_output_folder_is_one_chinese_line(tmp_path: Path) -> None:
    formats = "、".join(FORMATS)
    assert invoke(str(SEEDS), "--format", "xml").stderr == (
        f"错误：--format 须为 {formats} 之一（收到“xml”）\n"
    )
    result = invoke(str(SEEDS), "-o", str(tmp_path / "没有" / "a.csv"))
    assert result.exit_code == 2
    assert result.stderr == f"错误：{tmp_path}/没有/a.csv：写入失败（目录不存在）\n"
    assert invoke(str(SEEDS), "-o", str(tmp_path)).stderr.endswith("（是目录）\n")
