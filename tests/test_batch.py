"""checker.batch: input discovery, order, timeouts and crashes never stop a batch."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SEEDS

from checker import batch, engine
from checker.batch import Options, check_all, discover


def tree(root: Path) -> Path:
    for name in ("b/2.txt", "b/10.txt", "a.txt", "c.docx", "notes.log", "b/skip.md"):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("一、内容\n", encoding="utf-8")
    return root


def test_discover_walks_directories_in_sorted_order(tmp_path: Path) -> None:
    root = tree(tmp_path)
    found = [Path(p).relative_to(root).as_posix() for p in discover([str(root)])]
    assert found == ["a.txt", "b/10.txt", "b/2.txt", "b/skip.md", "c.docx"]


def test_discover_include_exclude_and_named_files(tmp_path: Path) -> None:
    root = tree(tmp_path)
    found = discover(
        [str(root), "-", str(root / "notes.log")], ["*.txt", "*.md"], ["skip*", "b/1*"]
    )
    names = [Path(p).name for p in found]
    assert names == ["a.txt", "2.txt", "-", "notes.log"]


def test_discover_ignores_case_and_lists_what_it_left_out(tmp_path: Path) -> None:
    names = ("报告.DOCX", "说明.Pdf", "材料.rar", ".DS_Store", "旧/草稿.TXT", "x.bak")
    for name in names:
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"x")
    skipped: list[str] = []
    found = discover([str(tmp_path)], exclude=["*.BAK"], skipped=skipped)
    assert [Path(p).name for p in found] == ["报告.DOCX", "草稿.TXT", "说明.Pdf"]
    assert [Path(p).name for p in skipped] == ["材料.rar"]  # not hidden, not excluded


def slow_check(source, **options):
    if "〔慢〕" in source.text:
        time.sleep(30)
    return REAL_CHECK(source, **options)


def runaway_regex_check(source, **options):
    """A hang inside C code: re holds the GIL and no signal handler runs."""
    if "〔回溯〕" in source.text:
        re.match(r"(a+)+$", "a" * 60 + "b")
    return REAL_CHECK(source, **options)


def crashing_check(source, **options):
    if "崩溃" in source.text:
        os._exit(7)  # what a segfault or an OOM kill looks like from the parent
    return REAL_CHECK(source, **options)


REAL_CHECK = engine.check_document


def corpus(tmp_path: Path, marker: str, copies: int = 1) -> list[str]:
    """Copies of a seed before and after one file holding ``marker``."""
    seed = (SEEDS / sorted(os.listdir(SEEDS))[2]).read_bytes()
    for n in range(copies):
        (tmp_path / f"a{n:02d}.txt").write_bytes(seed)
        (tmp_path / f"c{n:02d}.txt").write_bytes(seed)
    (tmp_path / "b.txt").write_text(f"一、{marker}\n", encoding="utf-8")
    return discover([str(tmp_path)])


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize(
    ("check", "marker"), [(slow_check, "〔慢〕"), (runaway_regex_check, "〔回溯〕")]
)
def test_a_check_over_the_timeout_is_an_error_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs, check, marker
) -> None:
    monkeypatch.setattr(engine, "check_document", check)
    items = corpus(tmp_path, marker, copies=6)
    started = time.monotonic()
    docs = list(check_all(items, Options(timeout=0.5), jobs=jobs))
    assert time.monotonic() - started < 10  # the hung worker was killed, not awaited
    assert [d.path for d in docs] == items
    statuses = [d.status for d in docs]
    assert statuses == ["fail"] * 6 + ["error"] + ["fail"] * 6
    assert docs[6].error == "检查超时（超过 0.5 秒）"


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_crashed_worker_costs_one_document_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs
) -> None:
    monkeypatch.setattr(engine, "check_document", crashing_check)
    items = corpus(tmp_path, "崩溃", copies=6)
    docs = list(check_all(items, Options(), jobs=jobs))
    assert [d.path for d in docs] == items
    assert [d.status for d in docs] == ["fail"] * 6 + ["error"] + ["fail"] * 6
    assert docs[6].error == batch.CRASHED


def test_a_bug_in_a_check_is_an_error_with_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def buggy(source, **options):
        raise ValueError("坏了")

    monkeypatch.setattr(engine, "check_document", buggy)
    (doc,) = check_all(corpus(tmp_path, "无")[1:2], Options())
    assert doc.error == "检查出错（ValueError: 坏了）"


def test_parallel_results_equal_sequential_ones(tmp_path: Path) -> None:
    items = discover([str(SEEDS)])
    assert list(check_all(items, Options(), jobs=2)) == list(
        check_all(items, Options(), jobs=1)
    )


@pytest.fixture
def deadline():
    """Fail a test that would hang, rather than hang the suite."""

    def expire(signum, frame):
        raise TimeoutError("the batch hung")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, 30)
    yield
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, previous)


def test_big_stdin_among_files_with_big_results_does_not_deadlock(
    tmp_path: Path, deadline
) -> None:
    many = tmp_path / "many.txt"  # thousands of findings: results fill the pipe
    many.write_text("一、标题\n" + "XX镇××。\n" * 3000, encoding="utf-8")
    data = (SEEDS / sorted(os.listdir(SEEDS))[2]).read_bytes() * 60  # ~900 KB
    items = [str(many)] * 12 + [("<stdin>", data)] + [str(many)] * 3
    docs = list(check_all(items, Options(), jobs=1))
    assert [d.path for d in docs] == [str(many)] * 12 + ["<stdin>"] + [str(many)] * 3
    assert len(docs[0].findings) > 6000 and docs[12].status == "fail"


ORPHAN = """
import re, sys
from checker import batch, engine

def hang(source, **options):
    re.match(r"(a+)+$", "a" * 60 + "b")  # for years, deaf to signals

engine.check_document = hang
list(batch.check_all([sys.argv[1]], batch.Options(timeout=1000), jobs=1))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_a_hung_worker_dies_with_a_killed_parent(tmp_path: Path) -> None:
    seed = str(SEEDS / sorted(os.listdir(SEEDS))[0])
    parent = subprocess.Popen([sys.executable, "-c", ORPHAN, seed])
    children = Path(f"/proc/{parent.pid}/task/{parent.pid}/children")
    try:
        for _ in range(100):  # the worker appears within a second
            pids = children.read_text().split()
            if pids:
                break
            time.sleep(0.05)
        (worker,) = map(int, pids)
    finally:
        parent.kill()  # SIGKILL: no finally blocks, no atexit in the parent
        parent.wait()
    for _ in range(100):
        if not _alive(worker):
            break
        time.sleep(0.05)
    if _alive(worker):
        os.kill(worker, signal.SIGKILL)  # do not leave it spinning for years
        pytest.fail("the worker outlived its killed parent")


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"  # a zombie has already died


def test_stdin_bytes_are_checked_like_a_file() -> None:
    data = (SEEDS / sorted(os.listdir(SEEDS))[0]).read_bytes()
    (doc,) = check_all([("<stdin>", data)], Options())
    assert doc.path == "<stdin>" and doc.status == "fail"
