"""The results store: check --store records, --previous DB and history read it
back, the schema is versioned, and a writer killed mid-run leaves it usable."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from conftest import SEEDS

from checker.batch.store import CHUNK, LATEST, Store
from checker.cli import main

DATA = Path(__file__).parent / "data" / "history"
LAST, THIS = DATA / "nancheng-2022.txt", DATA / "nancheng-2023.txt"


def run(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_the_store_replaces_last_years_files(tmp_path: Path) -> None:
    db = tmp_path / "results.db"
    assert run("check", LAST, "--store", db).exit_code == 1
    from_files = run("check", THIS, "--previous", LAST, "--format", "json")
    from_store = run("check", THIS, "--previous", db, "--format", "json")
    files, store = (
        json.loads(r.stdout)["documents"][0] for r in (from_files, from_store)
    )
    assert store["history"]["path"] == f"{LAST}（结果库）"
    for key in ("year", "share", "passages", "plan"):
        assert store["history"][key] == files["history"][key]
    assert store["findings"] == files["findings"]


def test_history_prints_a_units_record_over_the_years(tmp_path: Path) -> None:
    db = tmp_path / "results.db"
    run("check", LAST, "--store", db)
    run("check", THIS, "--previous", db, "--store", db)
    run("check", LAST, "--store", db)  # the same file again: one record
    result = run("history", "南城街道办事处", "--store", db)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "单位：南城街道办事处（2 份报告）"
    assert lines[1].split()[:3] == ["年度", "文件", "单位"] and "上年延续" in lines[1]
    assert lines[3].startswith("2022") and lines[4].startswith("2023")
    assert "不通过" in lines[4] and " 6% " in lines[4]  # the share carried over


def test_history_of_an_unknown_unit_or_a_non_store(tmp_path: Path) -> None:
    db = tmp_path / "results.db"
    run("check", LAST, "--store", db)
    unknown = run("history", "北湖镇", "--store", db)
    assert unknown.exit_code == 2 and unknown.stderr == "结果库中没有“北湖镇”的报告\n"
    result = run("history", "南城街道", "--store", LAST)
    assert result.exit_code == 2
    assert result.stderr == f"错误：{LAST}：不是结果库文件\n"


def test_the_schema_is_versioned_and_a_newer_store_refused(tmp_path: Path) -> None:
    db = tmp_path / "results.db"
    Store(str(db)).close()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchall() == [
            (LATEST,)
        ]
        conn.execute("INSERT INTO schema_version VALUES (?)", (LATEST + 1,))
    result = run("check", THIS, "--store", db)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"错误：{db}：不是可用的结果库（结果库版本")
    assert len(result.stderr.splitlines()) == 1


WRITER = """
import sys
from checker.batch.store import Store, CHUNK
from checker.engine import check_document
from checker.source import Source
report = check_document(Source("x.txt", open(sys.argv[2], encoding="utf-8").read()))
from dataclasses import replace
with Store(sys.argv[1]) as store:
    n = 0
    while True:  # until killed
        store.record(replace(report, path=f"{n}.txt"), None)
        n += 1
        if n % CHUNK == 0:
            print(n, flush=True)
"""


def test_a_writer_killed_mid_write_leaves_whole_transactions(tmp_path: Path) -> None:
    db = tmp_path / "results.db"
    seed = next(SEEDS.glob("000_*"))
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), str(seed)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(3):  # three chunks committed, the fourth under way
            assert writer.stdout.readline().strip()
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        (count,) = conn.execute("SELECT count(*) FROM report").fetchone()
    assert count >= 3 * CHUNK and count % CHUNK == 0  # no half transaction
    assert run("check", LAST, "--store", db).exit_code == 1  # still writable
    assert "2018" in run("history", "南城街道", "--store", db).stdout
