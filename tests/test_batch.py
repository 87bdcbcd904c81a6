"""checker.batch: input discovery, order, timeouts and crashes never stop a batch."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from conftest import SEEDS

from checker import batch, engine
from checker.batch import Options, discover, run


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


def slow_check(source, **options):
    if "〔慢〕" in source.text:
        time.sleep(3)
    return REAL_CHECK(source, **options)


def crashing_check(source, **options):
    if "崩溃" in source.text:
        os._exit(7)  # what a segfault or an OOM kill looks like from the parent
    return REAL_CHECK(source, **options)


REAL_CHECK = engine.check_document


def corpus(tmp_path: Path, marker: str) -> list[str]:
    shutil.copy(SEEDS / sorted(os.listdir(SEEDS))[2], tmp_path / "a.txt")
    (tmp_path / "b.txt").write_text(f"一、{marker}\n", encoding="utf-8")
    shutil.copy(tmp_path / "a.txt", tmp_path / "c.txt")
    return discover([str(tmp_path)])


def test_a_check_over_the_timeout_is_an_error_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "check_document", slow_check)
    docs = list(run(corpus(tmp_path, "〔慢〕"), Options(timeout=0.5), jobs=1))
    assert [d["status"] for d in docs] == ["fail", "error", "fail"]
    assert docs[1]["error"] == "检查超时（超过 0.5 秒）"


def test_a_crashed_worker_costs_one_document_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "check_document", crashing_check)
    monkeypatch.setattr(batch, "chunk_size", lambda count, jobs: 2)
    docs = list(run(corpus(tmp_path, "崩溃"), Options(), jobs=2))
    assert [Path(d["path"]).name for d in docs] == ["a.txt", "b.txt", "c.txt"]
    assert [d["status"] for d in docs] == ["fail", "error", "fail"]
    assert docs[1]["error"] == batch.CRASHED


def test_parallel_results_equal_sequential_ones(tmp_path: Path) -> None:
    items = discover([str(SEEDS)])
    assert list(run(items, Options(), jobs=2)) == list(run(items, Options(), jobs=1))


def test_stdin_bytes_are_checked_like_a_file() -> None:
    data = (SEEDS / sorted(os.listdir(SEEDS))[0]).read_bytes()
    (doc,) = run([("<stdin>", data)], Options())
    assert doc["path"] == "<stdin>" and doc["status"] == "fail"
