"""Hostile inputs never abort a batch (issue 17): names, surrogates, charsets,
folders that cannot be walked, pipes.

Run through the installed command where the real stdout encoding matters.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from hostile import (
    GBK_SHOWN,
    gbk_named_folder,
    page_declaring,
    pdf_mapping_to,
    seed_bytes,
    too_deep,
)

from checker.batch import Options, check_item, discover
from checker.cli import main
from checker.formats import BINARY_FORMATS, FORMATS

CLI = Path(sys.executable).with_name("fazhi-check")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(CLI), *args],
        capture_output=True,
        timeout=60,
        cwd=cwd,
        env=dict(os.environ, PYTHONIOENCODING="utf-8"),
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_gbk_file_name_is_shown_escaped_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    folder = gbk_named_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    args = ["check", "收件", "--format", fmt, "-j", "1"]
    if fmt in BINARY_FORMATS:  # a workbook: its cells as the text to look at
        result = CliRunner().invoke(main, [*args, "-o", "out.xlsx"])
        assert result.exit_code == 1, result.output
        book = openpyxl.load_workbook(tmp_path / "out.xlsx")
        cells = [str(c) for sheet in book for row in sheet.values for c in row]
        assert GBK_SHOWN in cells[1:] or any(GBK_SHOWN in c for c in cells)
        assert any("正常.txt" in c for c in cells)
        assert len(discover([str(folder)])) == 2
        return
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    shown = {
        "json": GBK_SHOWN.replace("\\", "\\\\"),
        "jsonl": GBK_SHOWN.replace("\\", "\\\\"),
        "sarif": "%5Cxb1%5Cxa8%5Cxb8%5Cxe6.txt",  # a URI, percent-encoded
    }.get(fmt, GBK_SHOWN)
    assert shown in result.stdout
    assert "正常.txt" in result.stdout or fmt == "sarif"  # percent-encoded there
    assert len(discover([str(folder)])) == 2


def test_a_gbk_file_name_on_a_real_utf8_stdout(tmp_path: Path) -> None:
    gbk_named_folder(tmp_path)
    result = run("check", "收件", cwd=tmp_path)
    assert result.returncode == 1, result.stderr.decode()
    assert GBK_SHOWN in result.stdout.decode("utf-8")


def test_a_lone_surrogate_from_a_pdf_font_becomes_u_fffd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.pdf").write_bytes(pdf_mapping_to("D800"))
    (tmp_path / "b.txt").write_bytes(seed_bytes())
    for fmt in FORMATS:
        args = ["check", "a.pdf", "b.txt", "--format", fmt, "-j", "1"]
        if fmt in BINARY_FORMATS:
            args += ["-o", f"out.{fmt}"]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1, (fmt, result.output)
    outline = run("outline", "a.pdf", cwd=tmp_path)
    assert outline.returncode == 0, outline.stderr.decode()
    shown = outline.stdout.decode("utf-8")  # strict: no surrogate reached it
    # PDFium drops the glyph; any reader that passes one on gets U+FFFD instead
    assert "一\ufffd一\ufffd" in shown or "〔导语〕一一" in shown


def test_a_page_in_unicode_escape_is_read_as_text_not_decoded(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(page_declaring("unicode_escape"))
    result = run("outline", "a.html", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert '"总体情况\\\\ud800"' in result.stdout.decode("utf-8")


@pytest.mark.parametrize("charset", ["hex", "base64", "rot13", "undefined", "idna"])
def test_a_page_declaring_a_codec_that_is_no_charset_is_still_read(
    tmp_path: Path, charset: str
) -> None:
    (tmp_path / "a.html").write_bytes(page_declaring(charset, "一、总体情况"))
    outline = run("outline", "a.html", cwd=tmp_path)
    assert outline.returncode == 0, outline.stderr.decode()
    assert "一、总体情况" in outline.stdout.decode("utf-8")
    report = check_item(str(tmp_path / "a.html"), Options())
    assert report.status != "error"


def test_a_folder_past_the_path_limit_is_an_error_entry(tmp_path: Path) -> None:
    too_deep(tmp_path)
    (tmp_path / "深" / "a.txt").write_bytes(seed_bytes())
    result = CliRunner().invoke(
        main, ["check", str(tmp_path / "深"), "--format", "jsonl"]
    )
    assert result.exit_code == 2, result.output
    docs = [json.loads(line) for line in result.stdout.splitlines()[:-1]]
    assert [d["status"] for d in docs] == ["fail", "error"]
    assert docs[1]["error"] == "路径过长（超过系统限制）"
    assert "没有找到" not in result.stderr


def test_an_unreadable_sub_folder_is_an_error_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "收件"
    (folder / "锁住").mkdir(parents=True)
    (folder / "锁住" / "a.txt").write_bytes(seed_bytes())
    (folder / "b.txt").write_bytes(seed_bytes())
    (folder / "锁住").chmod(0)
    # Tests run as root, who walks a mode-000 folder anyway: refuse it as the
    # kernel refuses an ordinary user (forked workers inherit the refusal).
    real = os.scandir

    def guarded(path=".", *args):
        if str(path).endswith("锁住"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args)

    monkeypatch.setattr(os, "scandir", guarded)
    result = CliRunner().invoke(
        main, ["check", str(folder), "--format", "csv", "-j", "1"]
    )
    (folder / "锁住").chmod(0o755)
    assert result.exit_code == 2
    rows = result.stdout.splitlines()[1:]
    assert len(rows) == 2 and rows[0].endswith("不通过")
    cells = rows[1].split(",")
    assert (
        cells[0].endswith("锁住")
        and cells[-1] == "无法检查：无法读取目录（没有读取权限）"
    )


def test_a_fifo_is_refused_in_check_and_outline(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "管道.txt")
    (tmp_path / "b.txt").write_bytes(seed_bytes())
    check = run("check", ".", "--format", "csv", "--timeout", "30", cwd=tmp_path)
    assert check.returncode == 2
    rows = check.stdout.decode("utf-8-sig").splitlines()
    assert rows[2].endswith("无法检查：不是普通文件（命名管道），不予读取")
    outline = run("outline", "管道.txt", cwd=tmp_path)
    assert outline.returncode == 2
    reason = "错误：管道.txt：不是普通文件（命名管道），不予读取\n"
    assert outline.stderr.decode("utf-8") == reason
