"""A .zip submission packet in a batch: every report inside is checked."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from conftest import seed_text
from readers_fixtures import docx_typed, zip_bomb, zip_members

from checker.cli import main


def packet(tmp_path: Path) -> Path:
    path = tmp_path / "收件" / "南城街道报送材料.zip"
    path.parent.mkdir()
    path.write_bytes(
        zip_members(
            {
                "材料/2018年法治政府建设报告.docx": docx_typed(seed_text("000")),
                "材料/2023年报告.txt": seed_text("002").encode("utf-8"),
                "材料/说明.xlsx": b"not a report",
            }
        )
    )
    return path


def run(*args: str):
    return CliRunner().invoke(main, ["check", *args, "--no-similarity", "-j", "1"])


def test_each_report_in_a_packet_is_checked_and_named_inside_it(tmp_path) -> None:
    path = packet(tmp_path)
    (tmp_path / "收件" / "单独.txt").write_text(seed_text("004"), encoding="utf-8")
    result = run(str(tmp_path / "收件"), "--format", "jsonl")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    names = [doc["path"] for doc in lines[:-1]]
    assert names == [  # in path order: 单独 sorts before 南城
        str(tmp_path / "收件" / "单独.txt"),
        f"{path}!/材料/2018年法治政府建设报告.docx",
        f"{path}!/材料/2023年报告.txt",
    ]
    assert [doc["format"] for doc in lines[:-1]] == ["txt", "docx", "txt"]
    assert [doc["meta"]["year"] for doc in lines[:-1]] == [2021, 2018, 2023]
    assert "说明.xlsx" in result.stderr  # a member that is no report is named
    assert result.exit_code == 1


def test_include_and_exclude_apply_inside_the_packet(tmp_path) -> None:
    path = packet(tmp_path)
    result = run(str(path), "--format", "jsonl", "--exclude", "*.docx")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [doc["path"] for doc in lines[:-1]] == [f"{path}!/材料/2023年报告.txt"]


def test_a_bad_packet_is_one_error_and_the_batch_goes_on(tmp_path) -> None:
    folder = tmp_path / "收件"
    folder.mkdir()
    (folder / "a.zip").write_bytes(b"PK\x03\x04 this is no archive")
    (folder / "b.zip").write_bytes(zip_bomb())
    (folder / "c.txt").write_text(seed_text("002"), encoding="utf-8")
    result = run(str(folder), "--format", "csv")
    rows = result.stdout.lstrip("\ufeff").splitlines()[1:]
    assert len(rows) == 3
    assert "无法检查：" in rows[0] and "无法检查：" in rows[1]
    assert rows[2].endswith("不通过")
    assert result.exit_code == 2
