"""Shared by the xlsx and html tests: checked seeds and a generated batch."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from conftest import SEEDS

from checker.batch import Options, check_item
from checker.engine import Report, error_report, load_pack
from checker.formats import write_all

TOOL = {"name": "fazhi-check", "version": "0.1.0"}


def rules(ruleset: str):
    return list(load_pack(ruleset).rules)


def seed_reports() -> list[Report]:
    return [check_item(str(path), Options()) for path in sorted(SEEDS.glob("*.txt"))]


def batch(count: int) -> list[Report]:
    """``count`` reports: the seeds' reports under new names, every 100th unreadable."""
    seeds = seed_reports()
    return [
        error_report(f"批次/{n:05d}.doc", "文件为空")
        if n % 100 == 99
        else replace(seeds[n % len(seeds)], path=f"批次/{n:05d}.txt")
        for n in range(count)
    ]


def write(fmt: str, reports: list[Report], target: Path) -> Path:
    """Write ``reports`` as the command does: a text stream on the file."""
    with open(target, "w", encoding="utf-8", newline="") as out:
        write_all(fmt, out, TOOL, reports, rules)
    return target
