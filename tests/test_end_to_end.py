"""The installed command, run as a user would, from another directory."""

from __future__ import annotations

import subprocess
import sys

from conftest import seed_path

from checker.resources import data_dir, grammar_path


def run(*args: str, cwd) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def test_outline_runs_from_any_directory(tmp_path):
    result = run("outline", str(seed_path("002")), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "一、主要举措和成效" in result.stdout
    assert (
        "（九）" not in result.stdout and "(九)坚持和加强党的全面领导" in result.stdout
    )


def test_unreadable_file_is_one_line_on_stderr(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("outline", str(empty), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip() == f"错误：{empty}：文件为空"


def test_grammar_and_rules_are_found_as_package_data():
    assert grammar_path().is_file()
    assert data_dir("rules").is_dir()
