"""A .doc conversion that hangs or is interrupted leaves nothing behind (issue 17).

A fake ``soffice`` on PATH (a real process that sleeps) stands in for
LibreOffice, so these run whether or not it is installed. After the timeout,
Ctrl-C or SIGTERM, the converter must be dead and the temporary folder that
held a copy of the submitted document gone.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile import seed_bytes

from checker.source.sniff import OLE2_MAGIC

CLI = Path(sys.executable).with_name("fazhi-check")
FAKE_SOFFICE = """#!/bin/sh
echo $$ > "$FAKE_PIDFILE"
exec sleep 300
"""


@pytest.fixture
def hanging(tmp_path: Path) -> dict:
    """A .doc, a converter that hangs on it, and a private TMPDIR to watch."""
    bin_dir, tmp = tmp_path / "bin", tmp_path / "tmp"
    bin_dir.mkdir()
    tmp.mkdir()
    soffice = bin_dir / "soffice"
    soffice.write_text(FAKE_SOFFICE, encoding="utf-8")
    soffice.chmod(0o755)
    (tmp_path / "机密.doc").write_bytes(OLE2_MAGIC + b"\x00" * 1024)
    env = dict(
        os.environ,
        PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        TMPDIR=str(tmp),
        FAKE_PIDFILE=str(tmp_path / "converter.pid"),
    )
    return {
        "cwd": tmp_path,
        "env": env,
        "tmp": tmp,
        "pidfile": tmp_path / "converter.pid",
    }


def start(hanging: dict, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [str(CLI), *args],
        cwd=hanging["cwd"],
        env=hanging["env"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def converter_pid(hanging: dict) -> int:
    for _ in range(200):  # the worker forks and runs the converter: ~0.3 s
        text = hanging["pidfile"].read_text() if hanging["pidfile"].exists() else ""
        if text.strip():
            return int(text)
        time.sleep(0.05)
    raise AssertionError("the converter never started")


def alive(pid: int) -> bool:
    """Running, not merely a zombie waiting to be reaped."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def assert_nothing_left(hanging: dict) -> None:
    pid = converter_pid(hanging)
    for _ in range(40):
        if not alive(pid):
            break
        time.sleep(0.05)
    assert not alive(pid), "the converter outlived the check"
    # Lark caches the grammar's parse tables there; that is no document.
    left = [p.name for p in hanging["tmp"].iterdir()]
    assert [name for name in left if not name.startswith(".lark_cache")] == []


def test_a_hanging_converter_is_killed_at_the_timeout(hanging: dict) -> None:
    run = start(hanging, "check", "机密.doc", "--timeout", "1", "--format", "csv")
    out, err = run.communicate(timeout=60)
    assert run.returncode == 2
    assert out.decode("utf-8-sig").splitlines()[1].endswith("检查超时（超过 1 秒）")
    assert_nothing_left(hanging)


def test_outline_has_the_same_timeout(hanging: dict) -> None:
    run = start(hanging, "outline", "机密.doc", "--timeout", "1")
    out, err = run.communicate(timeout=60)
    assert run.returncode == 2 and out == b""
    assert err.decode("utf-8") == "错误：机密.doc：解析超时（超过 1 秒）\n"
    assert_nothing_left(hanging)


def test_annotate_has_the_same_timeout_and_the_batch_goes_on(hanging: dict) -> None:
    (hanging["cwd"] / "好.txt").write_bytes(seed_bytes())
    run = start(hanging, "annotate", "机密.doc", "好.txt", "--timeout", "1")
    out, err = run.communicate(timeout=60)
    assert run.returncode == 2
    assert err.decode("utf-8") == "错误：机密.doc：处理超时（超过 1 秒）\n"
    assert out.decode("utf-8").startswith("好（检查意见）.docx：批注 ")
    assert (hanging["cwd"] / "好（检查意见）.docx").is_file()
    assert not (hanging["cwd"] / "机密（检查意见）.docx").exists()
    assert_nothing_left(hanging)


@pytest.mark.parametrize(
    ("sent", "code", "said"),
    [
        (signal.SIGTERM, 143, "已中断（收到 SIGTERM）：报告不完整，缺少汇总\n"),
        (signal.SIGINT, 130, "已中断（Ctrl-C）：报告不完整，缺少汇总\n"),
    ],
)
def test_sigterm_and_ctrl_c_stop_the_converter_and_remove_the_copy(
    hanging: dict, sent: signal.Signals, code: int, said: str
) -> None:
    run = start(hanging, "check", "机密.doc", "--format", "jsonl")
    converter_pid(hanging)
    run.send_signal(sent)
    out, err = run.communicate(timeout=60)
    assert (run.returncode, err.decode("utf-8")) == (code, said)
    assert_nothing_left(hanging)
